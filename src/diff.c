/* SPDX-License-Identifier: ISC */
/*
 * Programme changes: pairs the events of two timetables (by id, then by
 * title and speakers), lists what was added, removed and changed, and
 * says what the changes mean for a plan.  The rules are in diff.h.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/diff.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

#define NONE SIZE_MAX

static const char *const field_names[PP_DIFF_NFIELDS] = {"start", "end", "room",
    "title", "speakers", "kind", "status"};

const char *
pp_diff_field_name(unsigned field)
{
	unsigned i;

	for (i = 0; i < PP_DIFF_NFIELDS; i++)
		if (field == 1u << i)
			return field_names[i];
	return "";
}

/*
 * 1 if ev's id is one a loader made up for a row without an id: the
 * file's base name, ':' and a line number ("schedule.csv:12",
 * "schedule.xml:40:7").  Such ids name places in a file, not events.
 */
static int
made_up_id(const struct pp_event *ev)
{
	const char *base, *slash;
	size_t n;

	if (ev->file == NULL)
		return 0;
	slash = strrchr(ev->file, '/');
	base = slash != NULL ? slash + 1 : ev->file;
	n = strlen(base);
	return n > 0 && strncmp(ev->id, base, n) == 0 && ev->id[n] == ':' &&
	    isdigit((unsigned char)ev->id[n + 1]);
}

/* A sortable reference to one event. */
struct ref {
	const char *key; /* id, or the title-and-speakers key */
	int64_t start;
	size_t idx;
};

static int
cmp_ref(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Appends s lowered and with outer blanks trimmed to the buffer. */
static void
add_lower(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	*buf = pp_xgrowarray(*buf, cap, *len + (n - i) * 2 + 8, 1);
	while (i < n) {
		int32_t cp;
		size_t k = pp_utf8_decode(s + i, n - i, &cp);

		if (k == 0) { /* a stray byte: kept as it is */
			(*buf)[(*len)++] = s[i++];
			continue;
		}
		*len += pp_utf8_encode(pp_utf8_lower(cp), *buf + *len);
		i += k;
	}
	(*buf)[*len] = '\0';
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The title-and-speakers key of ev (heap). */
static char *
match_key(const struct pp_event *ev)
{
	char *buf = NULL, **sp = pp_xcalloc(ev->nspeakers + 1, sizeof(*sp));
	size_t len = 0, cap = 0, i;

	for (i = 0; i < ev->nspeakers; i++) {
		size_t l = 0, c = 0;

		sp[i] = NULL;
		add_lower(&sp[i], &l, &c, ev->speakers[i]);
	}
	if (ev->nspeakers > 1)
		qsort(sp, ev->nspeakers, sizeof(*sp), cmp_str);
	add_lower(&buf, &len, &cap, ev->title);
	for (i = 0; i < ev->nspeakers; i++) {
		buf = pp_xgrowarray(buf, &cap, len + 2, 1);
		buf[len++] = '\x1f';
		buf[len] = '\0';
		add_lower(&buf, &len, &cap, sp[i]);
		free(sp[i]);
	}
	free(sp);
	return buf;
}

static int64_t
dist(int64_t x, int64_t y)
{
	return x > y ? x - y : y - x;
}

/*
 * Pairs the references of the old (ra) and new (rb) version that have the
 * same key, both sorted with cmp_ref.  With unique, only a key that each
 * side has once pairs; otherwise each old event, earliest first, takes
 * the free new one that starts nearest to it (the earlier on a tie).
 */
static void
pair_refs(const struct ref *ra, size_t na, const struct ref *rb, size_t nb,
    int unique, size_t *ma, size_t *mb)
{
	size_t i, j, k, i2, j2;

	for (i = j = 0; i < na && j < nb;) {
		int c = strcmp(ra[i].key, rb[j].key);

		if (c != 0) {
			i += c < 0;
			j += c > 0;
			continue;
		}
		for (i2 = i; i2 < na && strcmp(ra[i2].key, ra[i].key) == 0;)
			i2++;
		for (j2 = j; j2 < nb && strcmp(rb[j2].key, rb[j].key) == 0;)
			j2++;
		for (; (!unique || (i2 == i + 1 && j2 == j + 1)) && i < i2;
		     i++) {
			size_t best = NONE;

			for (k = j; k < j2; k++)
				if (mb[rb[k].idx] == NONE &&
				    (best == NONE ||
				        dist(rb[k].start, ra[i].start) <
				            dist(rb[best].start, ra[i].start)))
					best = k;
			if (best == NONE)
				break;
			ma[ra[i].idx] = rb[best].idx;
			mb[rb[best].idx] = ra[i].idx;
		}
		i = i2;
		j = j2;
	}
}

/*
 * The references of tt's events still unpaired (m[i] == NONE), keyed by
 * id (by_title 0; made-up ids left out) or by title and speakers (heap
 * keys), sorted; *n is set to their number.
 */
static struct ref *
refs_of(const struct pp_timetable *tt, const size_t *m, int by_title, size_t *n)
{
	struct ref *r = pp_xcalloc(tt->n + 1, sizeof(*r));
	size_t i;

	*n = 0;
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (m[i] != NONE)
			continue;
		if (by_title)
			r[(*n)++] = (struct ref){match_key(ev), ev->start, i};
		else if (*ev->id != '\0' && !made_up_id(ev))
			r[(*n)++] = (struct ref){ev->id, ev->start, i};
	}
	qsort(r, *n, sizeof(*r), cmp_ref);
	return r;
}

/* Pairs by id (unique on both sides), then by title and speakers. */
static void
pair_events(const struct pp_timetable *a, const struct pp_timetable *b,
    size_t *ma, size_t *mb)
{
	struct ref *ra, *rb;
	size_t na, nb, i;
	int by_title;

	for (by_title = 0; by_title <= 1; by_title++) {
		ra = refs_of(a, ma, by_title, &na);
		rb = refs_of(b, mb, by_title, &nb);
		pair_refs(ra, na, rb, nb, !by_title, ma, mb);
		for (i = 0; by_title && i < na; i++)
			free((char *)(uintptr_t)ra[i].key);
		for (i = 0; by_title && i < nb; i++)
			free((char *)(uintptr_t)rb[i].key);
		free(ra);
		free(rb);
	}
}

/* 1 if a and b have the same speakers in any order. */
static int
same_speakers(const struct pp_event *a, const struct pp_event *b)
{
	const char **x, **y;
	size_t i;
	int same = 1;

	if (a->nspeakers != b->nspeakers)
		return 0;
	if (a->nspeakers == 0)
		return 1;
	x = pp_xcalloc(a->nspeakers, sizeof(*x));
	y = pp_xcalloc(b->nspeakers, sizeof(*y));
	memcpy(x, a->speakers, a->nspeakers * sizeof(*x));
	memcpy(y, b->speakers, b->nspeakers * sizeof(*y));
	qsort(x, a->nspeakers, sizeof(*x), cmp_str);
	qsort(y, b->nspeakers, sizeof(*y), cmp_str);
	for (i = 0; i < a->nspeakers && same; i++)
		same = strcmp(x[i], y[i]) == 0;
	free(x);
	free(y);
	return same;
}

static unsigned
fields_of(const struct pp_event *a, const struct pp_event *b)
{
	unsigned f = 0;

	if (a->start != b->start)
		f |= PP_DIFF_START;
	if (a->end != b->end)
		f |= PP_DIFF_END;
	if (strcmp(a->room, b->room) != 0)
		f |= PP_DIFF_ROOM;
	if (strcmp(a->title, b->title) != 0)
		f |= PP_DIFF_TITLE;
	if (!same_speakers(a, b))
		f |= PP_DIFF_SPEAKERS;
	if (a->kind != b->kind)
		f |= PP_DIFF_KIND;
	if (a->status != b->status)
		f |= PP_DIFF_STATUS;
	return f;
}

void
pp_diff_compute(const struct pp_timetable *before,
    const struct pp_timetable *after, struct pp_diff *d)
{
	size_t *ma = pp_xcalloc(before->n + 1, sizeof(*ma));
	size_t *mb = pp_xcalloc(after->n + 1, sizeof(*mb));
	size_t i;

	memset(d, 0, sizeof(*d));
	for (i = 0; i < before->n; i++)
		ma[i] = NONE;
	for (i = 0; i < after->n; i++)
		mb[i] = NONE;
	pair_events(before, after, ma, mb);

	d->added = pp_xcalloc(after->n + 1, sizeof(*d->added));
	d->removed = pp_xcalloc(before->n + 1, sizeof(*d->removed));
	d->changed = pp_xcalloc(after->n + 1, sizeof(*d->changed));
	for (i = 0; i < after->n; i++) {
		const struct pp_event *b = &after->ev[i], *a;
		unsigned f;

		if (mb[i] == NONE) {
			d->added[d->nadded++] = b;
			continue;
		}
		a = &before->ev[mb[i]];
		if ((f = fields_of(a, b)) == 0) {
			d->nsame++;
			continue;
		}
		d->changed[d->nchanged].before = a;
		d->changed[d->nchanged].after = b;
		d->changed[d->nchanged++].fields = f;
	}
	for (i = 0; i < before->n; i++)
		if (ma[i] == NONE)
			d->removed[d->nremoved++] = &before->ev[i];
	free(ma);
	free(mb);
}

void
pp_diff_fini(struct pp_diff *d)
{
	free(d->added);
	free(d->removed);
	free(d->changed);
	memset(d, 0, sizeof(*d));
}

/* ------------------------------------------------------------------ */
/* What the changes mean for a plan                                     */

/* 1 if ev is the planned item row (same id). */
static int
is_row(const struct pp_event *ev, const struct pp_plan_row *row)
{
	return ev != NULL && *row->id != '\0' && strcmp(ev->id, row->id) == 0;
}

static const struct pp_event *
find_removed(const struct pp_diff *d, const struct pp_plan_row *row)
{
	size_t i;

	for (i = 0; i < d->nremoved; i++)
		if (is_row(d->removed[i], row))
			return d->removed[i];
	return NULL;
}

static const struct pp_diff_change *
find_change(const struct pp_diff *d, const struct pp_plan_row *row)
{
	size_t i;

	for (i = 0; i < d->nchanged; i++)
		if (is_row(d->changed[i].before, row) ||
		    is_row(d->changed[i].after, row))
			return &d->changed[i];
	return NULL;
}

/*
 * Where the planned item row is in the new programme: returns 1 and its
 * times and room, 0 when it is gone (removed or cancelled), -1 when the
 * row does not say when it is.
 */
static int
placement(const struct pp_diff *d, const struct pp_plan_row *row, int64_t *s,
    int64_t *e, const char **room)
{
	const struct pp_diff_change *c;

	if (row->synthesized)
		return -1;
	if (find_removed(d, row) != NULL)
		return 0;
	if ((c = find_change(d, row)) != NULL) {
		if (c->after->status == PP_STATUS_CANCELLED)
			return 0;
		*s = c->after->start;
		*e = c->after->end;
		*room = c->after->room;
		return 1;
	}
	if (!row->has_time)
		return -1;
	*s = row->start;
	*e = row->end;
	*room = row->room;
	return 1;
}

static struct pp_impact *
add_impact(struct pp_impact **v, size_t *n, size_t *cap,
    enum pp_impact_what what, const struct pp_plan_row *row)
{
	struct pp_impact *im;

	*v = pp_xgrowarray(*v, cap, *n + 1, sizeof(**v));
	im = &(*v)[(*n)++];
	memset(im, 0, sizeof(*im));
	im->what = what;
	im->row = row;
	return im;
}

size_t
pp_diff_impacts(const struct pp_diff *d, const struct pp_plan_file *pf,
    long room_change, struct pp_impact **out)
{
	struct pp_impact *v = NULL, *im;
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < pf->n; i++) {
		const struct pp_plan_row *row = &pf->rows[i];
		const struct pp_diff_change *c;
		const struct pp_event *gone;
		int64_t s, e, ps = 0, pe = 0, ns = 0, ne = 0;
		const char *room, *proom = NULL, *nroom = NULL;
		const struct pp_plan_row *prev = NULL, *next = NULL;
		int clash = 0, tight = 0;

		if (row->synthesized)
			continue;
		if ((gone = find_removed(d, row)) != NULL) {
			im = add_impact(&v, &n, &cap, PP_IMPACT_REMOVED, row);
			im->before = gone;
			continue;
		}
		if ((c = find_change(d, row)) == NULL)
			continue;
		if (c->after->status == PP_STATUS_CANCELLED) {
			im = add_impact(&v, &n, &cap, PP_IMPACT_CANCELLED, row);
			im->before = c->before;
			im->after = c->after;
			im->fields = c->fields;
			continue;
		}
		s = c->after->start;
		e = c->after->end;
		room = c->after->room;
		for (j = 0; j < pf->n; j++) {
			const struct pp_plan_row *o = &pf->rows[j];
			int64_t os, oe;
			const char *oroom;

			if (j == i || placement(d, o, &os, &oe, &oroom) != 1)
				continue;
			if ((c->fields & (PP_DIFF_START | PP_DIFF_END)) &&
			    os < e && s < oe) {
				/* Two planned items that both moved into
				 * each other: said once, at the first. */
				const struct pp_diff_change *oc =
				    find_change(d, o);

				if (j < i && oc != NULL &&
				    (oc->fields &
				        (PP_DIFF_START | PP_DIFF_END))) {
					clash = 1;
					continue;
				}
				im = add_impact(&v, &n, &cap, PP_IMPACT_CLASH,
				    row);
				im->before = c->before;
				im->after = c->after;
				im->fields = c->fields;
				im->other = o;
				im->other_start = os;
				im->other_end = oe;
				im->other_room = oroom;
				clash = 1;
				continue;
			}
			if (oe <= s && (prev == NULL || oe > pe)) {
				prev = o;
				ps = os;
				pe = oe;
				proom = oroom;
			}
			if (os >= e && (next == NULL || os < ns)) {
				next = o;
				ns = os;
				ne = oe;
				nroom = oroom;
			}
		}
		if (!clash &&
		    (c->fields &
		        (PP_DIFF_START | PP_DIFF_END | PP_DIFF_ROOM))) {
			const struct pp_plan_row *nb[2] = {prev, next};
			int64_t gaps[2] = {s - pe, ns - e};
			const char *rooms[2] = {proom, nroom};
			int k;

			for (k = 0; k < 2; k++) {
				if (nb[k] == NULL || *room == '\0' ||
				    *rooms[k] == '\0' ||
				    strcmp(room, rooms[k]) == 0 ||
				    gaps[k] >= (int64_t)room_change * 60)
					continue;
				im = add_impact(&v, &n, &cap, PP_IMPACT_TIGHT,
				    row);
				im->before = c->before;
				im->after = c->after;
				im->fields = c->fields;
				im->other = nb[k];
				im->other_start = k == 0 ? ps : ns;
				im->other_end = k == 0 ? pe : ne;
				im->other_room = rooms[k];
				im->gap = (long)(gaps[k] / 60);
				tight = 1;
			}
		}
		if (clash || tight)
			continue;
		im = add_impact(&v, &n, &cap,
		    (c->fields & (PP_DIFF_START | PP_DIFF_END))
		        ? PP_IMPACT_MOVED
		        : (c->fields & PP_DIFF_ROOM) ? PP_IMPACT_ROOM
		                                     : PP_IMPACT_DETAILS,
		    row);
		im->before = c->before;
		im->after = c->after;
		im->fields = c->fields;
	}
	*out = v;
	return n;
}

/* 1 if ev is a planned item of pf (by id). */
static int
planned(const struct pp_plan_file *pf, const struct pp_event *ev)
{
	return pp_plan_file_find(pf, ev->id) != NULL;
}

void
pp_diff_restrict(struct pp_diff *d, const struct pp_plan_file *pf)
{
	size_t i, n;

	d->nadded = 0;
	for (i = n = 0; i < d->nremoved; i++)
		if (planned(pf, d->removed[i]))
			d->removed[n++] = d->removed[i];
	d->nremoved = n;
	for (i = n = 0; i < d->nchanged; i++)
		if (planned(pf, d->changed[i].before) ||
		    planned(pf, d->changed[i].after))
			d->changed[n++] = d->changed[i];
	d->nchanged = n;
}
