/* SPDX-License-Identifier: ISC */
/*
 * The `pyplan diff` writers: text, JSON and CSV/TSV views of one diff
 * (write_diff.h documents the formats).  JSON events and CSV quoting come
 * from the programme writers, so a diff shows events as `list` does.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pyplan/tz.h"
#include "pyplan/version.h"
#include "pyplan/write_csv.h"
#include "pyplan/write_diff.h"
#include "pyplan/write_json.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"
#include "write_json_int.h"

#define ARROW " \xe2\x86\x92 " /* " → " */
#define DASH "\xe2\x80\x93"    /* "–" */

static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri",
    "Sat"};

static const char *
zone_of(const struct pp_diff_report *r, const struct pp_event *ev)
{
	if (r->tz != NULL)
		return r->tz;
	return ev != NULL && *ev->tz != '\0' ? ev->tz : "UTC";
}

/* "Sat 2025-02-01 10:00–10:30" (the end's date too when it differs). */
static void
when(const char *zone, int64_t s, int64_t e, char *buf, size_t n)
{
	struct pp_civil a, b;

	if (pp_tz_to_civil(zone, s, &a) != 0 ||
	    pp_tz_to_civil(zone, e, &b) != 0) {
		zone = "UTC";
		pp_tz_to_civil(zone, s, &a);
		pp_tz_to_civil(zone, e, &b);
	}
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		snprintf(buf, n, "%s %04d-%02d-%02d %02d:%02d" DASH "%02d:%02d",
		    wday[a.wday % 7], a.year, a.month, a.day, a.hour, a.min,
		    b.hour, b.min);
	else
		snprintf(buf, n,
		    "%s %04d-%02d-%02d %02d:%02d" DASH
		    "%s %04d-%02d-%02d %02d:%02d",
		    wday[a.wday % 7], a.year, a.month, a.day, a.hour, a.min,
		    wday[b.wday % 7], b.year, b.month, b.day, b.hour, b.min);
}

/* "10:00–10:30" in zone. */
static void
clock_range(const char *zone, int64_t s, int64_t e, char *buf, size_t n)
{
	char a[6], b[6];

	pp_tz_format_hhmm(zone, s, a);
	pp_tz_format_hhmm(zone, e, b);
	snprintf(buf, n, "%s" DASH "%s", a, b);
}

static const char *
status_name(enum pp_status s)
{
	return s == PP_STATUS_CANCELLED ? "cancelled" : "confirmed";
}

const char *
pp_impact_name(enum pp_impact_what w)
{
	static const char *const names[] = {"removed", "cancelled", "clash",
	    "tight", "moved", "room", "details"};

	return (size_t)w < sizeof(names) / sizeof(names[0]) ? names[w] : "";
}

/* 1 when the impact asks the attendee to do something. */
static int
urgent(enum pp_impact_what w)
{
	return w == PP_IMPACT_REMOVED || w == PP_IMPACT_CANCELLED ||
	    w == PP_IMPACT_CLASH || w == PP_IMPACT_TIGHT;
}

char *
pp_impact_message(const struct pp_impact *im, const char *tz, long room_change)
{
	const struct pp_event *ev = im->after != NULL ? im->after : im->before;
	const char *zone = tz != NULL       ? tz
	    : ev != NULL && *ev->tz != '\0' ? ev->tz
	                                    : "UTC";
	const char *title = ev != NULL ? ev->title : im->row->title;
	const char *must = im->row->must ? " (must-see)" : "";
	char w1[64], w2[64], r[32];
	char *s = NULL;
	unsigned i;

	switch (im->what) {
	case PP_IMPACT_REMOVED:
		s = pp_xasprintf("'%s'%s was removed from the programme", title,
		    must);
		break;
	case PP_IMPACT_CANCELLED:
		s = pp_xasprintf("'%s'%s is cancelled", title, must);
		break;
	case PP_IMPACT_CLASH:
		when(zone, im->after->start, im->after->end, w1, sizeof(w1));
		clock_range(zone, im->other_start, im->other_end, r, sizeof(r));
		s = pp_xasprintf("'%s'%s moved to %s%s%s%s and now overlaps "
		                 "'%s' (%s%s%s)",
		    title, must, w1, *im->after->room ? " (" : "",
		    im->after->room, *im->after->room ? ")" : "",
		    im->other->title, r, *im->other_room ? ", " : "",
		    im->other_room);
		break;
	case PP_IMPACT_TIGHT:
		when(zone, im->after->start, im->after->end, w1, sizeof(w1));
		if (im->other_end <= im->after->start)
			s = pp_xasprintf(
			    "'%s'%s (%s, %s): %ld min to get there "
			    "from %s after '%s' (room change needs "
			    "%ld)",
			    title, must, w1, im->after->room, im->gap,
			    im->other_room, im->other->title, room_change);
		else
			s = pp_xasprintf("'%s'%s (%s, %s): %ld min to get to "
			                 "%s for '%s' (room change needs %ld)",
			    title, must, w1, im->after->room, im->gap,
			    im->other_room, im->other->title, room_change);
		break;
	case PP_IMPACT_MOVED:
		when(zone, im->before->start, im->before->end, w1, sizeof(w1));
		when(zone, im->after->start, im->after->end, w2, sizeof(w2));
		s = pp_xasprintf("'%s'%s moved from %s to %s%s%s%s", title,
		    must, w1, w2,
		    (im->fields & PP_DIFF_ROOM) ? " (now in " : "",
		    (im->fields & PP_DIFF_ROOM) ? im->after->room : "",
		    (im->fields & PP_DIFF_ROOM) ? ")" : "");
		break;
	case PP_IMPACT_ROOM:
		s = pp_xasprintf("'%s'%s is now in %s (was %s)", title, must,
		    *im->after->room ? im->after->room : "no room",
		    *im->before->room ? im->before->room : "no room");
		break;
	case PP_IMPACT_DETAILS: {
		char list[96] = "";

		for (i = 0; i < PP_DIFF_NFIELDS; i++)
			if (im->fields & (1u << i)) {
				size_t l = strlen(list);

				snprintf(list + l, sizeof(list) - l, "%s%s",
				    l ? ", " : "", pp_diff_field_name(1u << i));
			}
		s = pp_xasprintf("'%s'%s: %s changed", title, must, list);
		break;
	}
	}
	return s != NULL ? s : pp_xstrdup("");
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */

static void
event_line(FILE *fp, const struct pp_diff_report *r, const struct pp_event *ev,
    const char *tail)
{
	char w[64];
	char *sp = pp_event_speakers(ev, ", ");

	when(zone_of(r, ev), ev->start, ev->end, w, sizeof(w));
	fprintf(fp, "  %s  %s%s%s%s%s%s%s\n", w, ev->room,
	    *ev->room ? "  " : "", ev->title, *sp ? " (" : "", sp,
	    *sp ? ")" : "", tail);
	free(sp);
}

static size_t
count_cancelled(const struct pp_diff *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nchanged; i++)
		n += d->changed[i].after->status == PP_STATUS_CANCELLED &&
		    (d->changed[i].fields & PP_DIFF_STATUS);
	return n;
}

static int
is_cancel(const struct pp_diff_change *c)
{
	return (c->fields & PP_DIFF_STATUS) &&
	    c->after->status == PP_STATUS_CANCELLED;
}

/* The version's first file, as the user named it. */
static const char *
src_name(const struct pp_timetable *tt)
{
	if (tt->n > 0 && tt->ev[0].file != NULL)
		return tt->ev[0].file;
	return "(empty programme)";
}

static void
change_lines(FILE *fp, const struct pp_diff_report *r,
    const struct pp_diff_change *c)
{
	const struct pp_event *a = c->before, *b = c->after;
	char w1[64], w2[64];

	if (c->fields & (PP_DIFF_START | PP_DIFF_END)) {
		when(zone_of(r, a), a->start, a->end, w1, sizeof(w1));
		when(zone_of(r, b), b->start, b->end, w2, sizeof(w2));
		fprintf(fp, "      time: %s" ARROW "%s\n", w1, w2);
	}
	if (c->fields & PP_DIFF_ROOM)
		fprintf(fp, "      room: %s" ARROW "%s\n",
		    *a->room ? a->room : "(none)",
		    *b->room ? b->room : "(none)");
	if (c->fields & PP_DIFF_TITLE)
		fprintf(fp, "      title: %s" ARROW "%s\n", a->title, b->title);
	if (c->fields & PP_DIFF_SPEAKERS) {
		char *x = pp_event_speakers(a, ", "),
		     *y = pp_event_speakers(b, ", ");

		fprintf(fp, "      speakers: %s" ARROW "%s\n",
		    *x ? x : "(none)", *y ? y : "(none)");
		free(x);
		free(y);
	}
	if (c->fields & PP_DIFF_KIND)
		fprintf(fp, "      kind: %s" ARROW "%s\n",
		    pp_kind_name(a->kind), pp_kind_name(b->kind));
	if ((c->fields & PP_DIFF_STATUS) && !is_cancel(c))
		fprintf(fp, "      status: %s" ARROW "%s\n",
		    status_name(a->status), status_name(b->status));
}

int
pp_write_diff_text(FILE *fp, const struct pp_diff_report *r)
{
	const struct pp_diff *d = r->d;
	size_t i, ncancel = count_cancelled(d);

	fprintf(fp, "%s" ARROW "%s\n", src_name(r->before), src_name(r->after));
	fprintf(fp, "%zu added, %zu cancelled or removed, %zu changed",
	    d->nadded, ncancel + d->nremoved, d->nchanged - ncancel);
	if (r->plan == NULL)
		fprintf(fp, ", %zu unchanged", d->nsame);
	fputc('\n', fp);
	if (r->plan != NULL) {
		fprintf(fp, "\nYour plan (%s)\n", r->plan->path);
		if (r->nimpacts == 0)
			fputs("  No change touches your plan.\n", fp);
		for (i = 0; i < r->nimpacts; i++) {
			const struct pp_impact *im = &r->impacts[i];
			char *m = pp_impact_message(im, r->tz, r->room_change);

			fprintf(fp, "%s %s: %s\n", urgent(im->what) ? "!" : " ",
			    pp_impact_name(im->what), m);
			free(m);
		}
	}
	if (d->nadded > 0) {
		fputs("\nAdded\n", fp);
		for (i = 0; i < d->nadded; i++)
			event_line(fp, r, d->added[i], "");
	}
	if (ncancel + d->nremoved > 0) {
		fputs("\nCancelled or removed\n", fp);
		for (i = 0; i < d->nchanged; i++)
			if (is_cancel(&d->changed[i])) {
				event_line(fp, r, d->changed[i].after,
				    ": cancelled");
				change_lines(fp, r, &d->changed[i]);
			}
		for (i = 0; i < d->nremoved; i++)
			event_line(fp, r, d->removed[i],
			    ": removed from the programme");
	}
	if (d->nchanged > ncancel) {
		fputs("\nChanged\n", fp);
		for (i = 0; i < d->nchanged; i++) {
			if (is_cancel(&d->changed[i]))
				continue;
			event_line(fp, r, d->changed[i].after, "");
			change_lines(fp, r, &d->changed[i]);
		}
	}
	if (d->nadded + d->nremoved + d->nchanged == 0 && r->plan == NULL)
		fputs("\nNo changes.\n", fp);
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static json_t *
version_info(const struct pp_timetable *tt)
{
	json_t *o = json_object(), *src = json_array();
	const char *last = NULL;
	size_t i, j;

	json_object_set_new(o, "name",
	    tt->name != NULL && *tt->name ? pp_json_string(tt->name)
	                                  : json_null());
	for (i = 0; i < tt->n; i++) {
		const char *f = tt->ev[i].file;
		int seen = 0;

		if (f == NULL || (last != NULL && strcmp(last, f) == 0))
			continue;
		for (j = 0; j < json_array_size(src); j++)
			if (strcmp(json_string_value(json_array_get(src, j)),
			        f) == 0)
				seen = 1;
		if (!seen)
			json_array_append_new(src, pp_json_string(f));
		last = f;
	}
	json_object_set_new(o, "sources", src);
	return o;
}

/* The value of one field of ev, as JSON. */
static json_t *
field_value(const struct pp_event *ev, unsigned f)
{
	const char *zone = *ev->tz != '\0' ? ev->tz : "UTC";

	switch (f) {
	case PP_DIFF_START:
		return pp_json_iso(zone, ev->start);
	case PP_DIFF_END:
		return pp_json_iso(zone, ev->end);
	case PP_DIFF_ROOM:
		return *ev->room ? pp_json_string(ev->room) : json_null();
	case PP_DIFF_TITLE:
		return pp_json_string(ev->title);
	case PP_DIFF_SPEAKERS:
		return pp_json_strings(ev->speakers, ev->nspeakers);
	case PP_DIFF_KIND:
		return json_string(pp_kind_name(ev->kind));
	case PP_DIFF_STATUS:
		return json_string(status_name(ev->status));
	default:
		return json_null();
	}
}

static json_t *
change_json(const struct pp_diff_change *c)
{
	json_t *o = json_object(), *fields = json_array();
	json_t *old = json_object(), *new = json_object();
	unsigned i;

	json_object_set_new(o, "id", pp_json_string(c->after->id));
	json_object_set_new(o, "title", pp_json_string(c->after->title));
	if (strcmp(c->before->id, c->after->id) != 0)
		json_object_set_new(old, "id", pp_json_string(c->before->id));
	for (i = 0; i < PP_DIFF_NFIELDS; i++) {
		unsigned f = 1u << i;

		if (!(c->fields & f))
			continue;
		json_array_append_new(fields,
		    json_string(pp_diff_field_name(f)));
		json_object_set_new(old, pp_diff_field_name(f),
		    field_value(c->before, f));
		json_object_set_new(new, pp_diff_field_name(f),
		    field_value(c->after, f));
	}
	json_object_set_new(o, "fields", fields);
	json_object_set_new(o, "old", old);
	json_object_set_new(o, "new", new);
	return o;
}

static json_t *
impact_json(const struct pp_diff_report *r, const struct pp_impact *im)
{
	const struct pp_event *ev = im->after != NULL ? im->after : im->before;
	json_t *o = json_object(), *x;
	char *m = pp_impact_message(im, r->tz, r->room_change);

	json_object_set_new(o, "what", json_string(pp_impact_name(im->what)));
	json_object_set_new(o, "id", pp_json_string(im->row->id));
	json_object_set_new(o, "title",
	    pp_json_string(ev != NULL ? ev->title : im->row->title));
	json_object_set_new(o, "must", json_boolean(im->row->must));
	json_object_set_new(o, "message", pp_json_string(m));
	free(m);
	if (im->other != NULL) {
		const char *zone = zone_of(r, ev);

		x = json_object();
		json_object_set_new(x, "id", pp_json_string(im->other->id));
		json_object_set_new(x, "title",
		    pp_json_string(im->other->title));
		json_object_set_new(x, "start",
		    pp_json_iso(zone, im->other_start));
		json_object_set_new(x, "end", pp_json_iso(zone, im->other_end));
		json_object_set_new(x, "room",
		    *im->other_room ? pp_json_string(im->other_room)
		                    : json_null());
	} else
		x = json_null();
	json_object_set_new(o, "other", x);
	json_object_set_new(o, "gap",
	    im->what == PP_IMPACT_TIGHT ? json_integer(im->gap) : json_null());
	return o;
}

int
pp_write_diff_json(FILE *fp, const struct pp_diff_report *r)
{
	const struct pp_diff *d = r->d;
	json_t *root, *x;
	size_t i;

	/* jansson allocates under pyplan's out-of-memory policy. */
	json_set_alloc_funcs(pp_xmalloc, free);
	root = json_object();
	json_object_set_new(root, "schema_version",
	    json_integer(PP_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "generator", json_string(PP_GENERATOR));
	json_object_set_new(root, "old", version_info(r->before));
	json_object_set_new(root, "new", version_info(r->after));
	x = json_object();
	json_object_set_new(x, "added", json_integer((json_int_t)d->nadded));
	json_object_set_new(x, "removed",
	    json_integer((json_int_t)d->nremoved));
	json_object_set_new(x, "changed",
	    json_integer((json_int_t)d->nchanged));
	json_object_set_new(x, "cancelled",
	    json_integer((json_int_t)count_cancelled(d)));
	json_object_set_new(x, "unchanged",
	    r->plan == NULL ? json_integer((json_int_t)d->nsame) : json_null());
	json_object_set_new(root, "summary", x);
	x = json_array();
	for (i = 0; i < d->nadded; i++)
		json_array_append_new(x, pp_json_event(d->added[i]));
	json_object_set_new(root, "added", x);
	x = json_array();
	for (i = 0; i < d->nremoved; i++)
		json_array_append_new(x, pp_json_event(d->removed[i]));
	json_object_set_new(root, "removed", x);
	x = json_array();
	for (i = 0; i < d->nchanged; i++)
		json_array_append_new(x, change_json(&d->changed[i]));
	json_object_set_new(root, "changed", x);
	if (r->plan != NULL) {
		json_t *p = json_object(), *a = json_array();

		json_object_set_new(p, "file", pp_json_string(r->plan->path));
		for (i = 0; i < r->nimpacts; i++)
			json_array_append_new(a,
			    impact_json(r, &r->impacts[i]));
		json_object_set_new(p, "impacts", a);
		json_object_set_new(root, "plan", p);
	}
	return pp_json_dump(fp, root);
}

/* ------------------------------------------------------------------ */
/* CSV and TSV                                                          */

static const char *const csv_cols[] = {"change", "id", "title", "start", "end",
    "room", "field", "old", "new"};
#define NCOLS (sizeof(csv_cols) / sizeof(csv_cols[0]))

/* The text of one field of ev for CSV (heap). */
static char *
field_text(const struct pp_event *ev, unsigned f)
{
	const char *zone = *ev->tz != '\0' ? ev->tz : "UTC";
	char buf[32];

	switch (f) {
	case PP_DIFF_START:
		pp_tz_format_iso(zone, ev->start, buf);
		return pp_xstrdup(buf);
	case PP_DIFF_END:
		pp_tz_format_iso(zone, ev->end, buf);
		return pp_xstrdup(buf);
	case PP_DIFF_ROOM:
		return pp_xstrdup(ev->room);
	case PP_DIFF_TITLE:
		return pp_xstrdup(ev->title);
	case PP_DIFF_SPEAKERS:
		return pp_event_speakers(ev, "; ");
	case PP_DIFF_KIND:
		return pp_xstrdup(pp_kind_name(ev->kind));
	case PP_DIFF_STATUS:
		return pp_xstrdup(status_name(ev->status));
	default:
		return pp_xstrdup("");
	}
}

static int
event_row(FILE *fp, const char *change, const struct pp_event *ev,
    const char *field, const char *old, const char *new, unsigned mode)
{
	const char *zone = *ev->tz != '\0' ? ev->tz : "UTC";
	char s[32], e[32];
	const char *v[NCOLS];

	pp_tz_format_iso(zone, ev->start, s);
	pp_tz_format_iso(zone, ev->end, e);
	v[0] = change;
	v[1] = ev->id;
	v[2] = ev->title;
	v[3] = s;
	v[4] = e;
	v[5] = ev->room;
	v[6] = field;
	v[7] = old;
	v[8] = new;
	return pp_csv_row(fp, v, NCOLS, mode);
}

int
pp_write_diff_csv(FILE *fp, const struct pp_diff_report *r, unsigned mode)
{
	const struct pp_diff *d = r->d;
	size_t i;
	unsigned k;
	int err = 0;

	err |= pp_csv_row(fp, csv_cols, NCOLS, mode);
	for (i = 0; i < r->nimpacts; i++) {
		const struct pp_impact *im = &r->impacts[i];
		const struct pp_event *ev =
		    im->after != NULL ? im->after : im->before;
		char *m = pp_impact_message(im, r->tz, r->room_change);

		if (ev != NULL)
			err |= event_row(fp, "impact", ev,
			    pp_impact_name(im->what), "", m, mode);
		free(m);
	}
	for (i = 0; i < d->nadded; i++)
		err |= event_row(fp, "added", d->added[i], "", "", "", mode);
	for (i = 0; i < d->nremoved; i++)
		err |=
		    event_row(fp, "removed", d->removed[i], "", "", "", mode);
	for (i = 0; i < d->nchanged; i++)
		for (k = 0; k < PP_DIFF_NFIELDS; k++) {
			unsigned f = 1u << k;
			char *a, *b;

			if (!(d->changed[i].fields & f))
				continue;
			a = field_text(d->changed[i].before, f);
			b = field_text(d->changed[i].after, f);
			err |= event_row(fp, "changed", d->changed[i].after,
			    pp_diff_field_name(f), a, b, mode);
			free(a);
			free(b);
		}
	if (fflush(fp) != 0 || ferror(fp))
		err = -1;
	return err != 0 ? -1 : 0;
}
