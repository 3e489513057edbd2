/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, libical's reading of the VEVENTs.  A programme repeats
 * most of its content lines (DTSTAMP, the slots' DTSTART and DTEND,
 * LOCATION, CATEGORIES, speakers, pyplan's X- properties), and libical
 * spends most of a parse on each line's property name (a linear search of
 * its table).  So each distinct content line of the plain VEVENTs is
 * given to libical once, all of them in one parse, each line alone in a
 * VEVENT of its own: libical reads a property line the same wherever it
 * stands (only BEGIN and END depend on what came before, and a plain
 * VEVENT holds none).  A VEVENT is then made, while it is in use, of the
 * properties of its lines, lent by the cache (ics_event_open).  A VEVENT
 * holding a line libical complains about, a nested component, a line
 * twice, or very many lines is parsed whole, as before, so its
 * diagnostics are those of a whole parse.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_ics_int.h"
#include "pyplan/hash.h"
#include "pyplan/xalloc.h"

/* A VEVENT of more lines, or of more properties than twice this, is
 * parsed whole (building and taking apart a lent VEVENT is quadratic in
 * its properties, which libical keeps in a list). */
#define ICS_FAST_LINES 64

/* Lines given to libical in one VEVENT: the properties it makes of them
 * are theirs in order when there are as many as lines. */
#define ICS_GROUP 32

static const char open_text[] = "BEGIN:VEVENT\r\n";
static const char close_text[] = "END:VEVENT\r\n";

/* Appends n bytes to the growing string *buf. */
static void
append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	*buf = pp_xgrowarray(*buf, cap, *len + n + 1, 1);
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static void
slots_grow(struct ics_ctx *c)
{
	size_t n = c->nslots != 0 ? c->nslots * 2 : 1024, i;

	free(c->slots);
	c->slots = pp_xcalloc(n, sizeof(*c->slots));
	c->nslots = n;
	for (i = 0; i < c->npl; i++) {
		size_t h = (size_t)c->pl[i].hash & (n - 1);

		while (c->slots[h] != 0)
			h = (h + 1) & (n - 1);
		c->slots[h] = i + 1;
	}
}

/* The cache entry of the line text (n bytes): found, or added. */
static size_t
intern(struct ics_ctx *c, const char *text, size_t n)
{
	uint64_t hv = pp_fnv1a(PP_FNV1A_INIT, text, n);
	size_t h;
	struct ics_pline *e;

	if ((c->npl + 1) * 2 > c->nslots)
		slots_grow(c);
	for (h = (size_t)hv & (c->nslots - 1); c->slots[h] != 0;
	     h = (h + 1) & (c->nslots - 1)) {
		e = &c->pl[c->slots[h] - 1];
		if (e->hash == hv && e->len == n &&
		    memcmp(c->text + e->off, text, n) == 0)
			return c->slots[h] - 1;
	}
	c->pl = pp_xgrowarray(c->pl, &c->cappl, c->npl + 1, sizeof(*c->pl));
	e = &c->pl[c->npl];
	memset(e, 0, sizeof(*e));
	e->hash = hv;
	e->len = n;
	e->off = c->ntext;
	append(&c->text, &c->ntext, &c->captext, text, n);
	c->slots[h] = ++c->npl;
	return c->npl - 1;
}

/*
 * Records the lines of VEVENT k in the cache if it is plain: no line
 * that begins or ends a component, none that starts with a blank (the
 * scan makes a logical line of one after a blank line, where libical
 * would fold it into the line before), at most ICS_FAST_LINES.
 */
static int
gather(struct ics_ctx *c, struct ics_comp *k)
{
	size_t i, n = k->last - k->first - 1, start = c->nevl;
	char buf[256];

	if (k->last <= k->first || n > ICS_FAST_LINES)
		return 0;
	for (i = k->first + 1; i < k->last; i++) {
		char *t = ics_line_buf(c, i, buf, sizeof(buf));
		size_t nlen = ics_name_len(t);
		int plain = t[0] != ' ' && t[0] != '\t' &&
		    !(nlen == 5 && strncasecmp(t, "BEGIN", 5) == 0) &&
		    !(nlen == 3 && strncasecmp(t, "END", 3) == 0);

		if (plain) {
			c->evl = pp_xgrowarray(c->evl, &c->capevl, c->nevl + 1,
			    sizeof(*c->evl));
			c->evl[c->nevl++] = intern(c, t, strlen(t));
		}
		if (t != buf)
			free(t);
		if (!plain) {
			c->nevl = start;
			return 0;
		}
	}
	k->lfirst = start;
	k->nlines = n;
	return 1;
}

/* Takes the properties out of a VEVENT libical made; returns how many,
 * or -1 if libical complained or made a nested component. */
static long
take_all(icalcomponent *one, icalproperty ***v, size_t *n, size_t *cap)
{
	icalproperty *p;
	int bad = icalcomponent_isa(one) != ICAL_VEVENT_COMPONENT ||
	    icalcomponent_get_first_component(one, ICAL_ANY_COMPONENT) != NULL;

	*n = 0;
	while ((p = icalcomponent_get_first_property(one, ICAL_ANY_PROPERTY)) !=
	    NULL) {
		icalcomponent_remove_property(one, p);
		if (icalproperty_isa(p) == ICAL_XLICERROR_PROPERTY)
			bad = 1;
		*v = pp_xgrowarray(*v, cap, *n + 1, sizeof(**v));
		(*v)[(*n)++] = p;
	}
	return bad ? -1 : (long)*n;
}

/*
 * Parses the lines of entries todo[0..n) with libical, in VEVENTs of up
 * to group lines each (a line with a comma, which may make several
 * properties, alone).  An entry whose group did not come out one property
 * per line is put back in todo (returned count) to be parsed alone.
 */
static size_t
parse_lines(struct ics_ctx *c, size_t *todo, size_t n, size_t group)
{
	char *batch = NULL;
	size_t nbatch = 0, capbatch = 0, *gsize = NULL, capg = 0, ng = 0;
	size_t i, g, at, nretry = 0, np = 0, capp = 0;
	icalproperty **props = NULL;
	icalcomponent *root, *one = NULL;

	for (i = 0; i < n; i++) {
		const struct ics_pline *e = &c->pl[todo[i]];
		int alone =
		    group == 1 || memchr(c->text + e->off, ',', e->len) != NULL;

		if (alone || i == 0 || gsize[ng - 1] >= group ||
		    memchr(c->text + c->pl[todo[i - 1]].off, ',',
		        c->pl[todo[i - 1]].len) != NULL) {
			if (ng > 0)
				append(&batch, &nbatch, &capbatch, close_text,
				    sizeof(close_text) - 1);
			append(&batch, &nbatch, &capbatch, open_text,
			    sizeof(open_text) - 1);
			gsize =
			    pp_xgrowarray(gsize, &capg, ng + 1, sizeof(*gsize));
			gsize[ng++] = 0;
		}
		append(&batch, &nbatch, &capbatch, c->text + e->off, e->len);
		append(&batch, &nbatch, &capbatch, "\r\n", 2);
		gsize[ng - 1]++;
	}
	if (ng > 0)
		append(&batch, &nbatch, &capbatch, close_text,
		    sizeof(close_text) - 1);
	root = ng > 0 ? icalparser_parse_string(batch) : NULL;
	free(batch);
	if (root != NULL && ng == 1)
		one = root;
	else if (root != NULL &&
	    icalcomponent_isa(root) == ICAL_XROOT_COMPONENT)
		one =
		    icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT);
	for (g = at = 0; g < ng; at += gsize[g++]) {
		long got = one != NULL ? take_all(one, &props, &np, &capp) : -1;

		if (got == (long)gsize[g]) {
			for (i = 0; i < gsize[g]; i++) {
				struct ics_pline *e = &c->pl[todo[at + i]];

				e->props = pp_xreallocarray(NULL, 1,
				    sizeof(*e->props));
				e->props[0] = props[i];
				e->nprops = 1;
			}
		} else if (gsize[g] == 1 && one != NULL) {
			/* A line alone: whatever libical made of it. */
			struct ics_pline *e = &c->pl[todo[at]];

			e->props = props;
			e->nprops = np;
			e->bad = got < 0;
			props = NULL;
			capp = 0;
		} else {
			for (i = 0; i < np; i++)
				icalproperty_free(props[i]);
			for (i = 0; i < gsize[g]; i++) {
				if (gsize[g] > 1)
					todo[nretry++] = todo[at + i];
				else
					c->pl[todo[at + i]].bad = 1;
			}
		}
		if (one != NULL && one != root)
			one = icalcomponent_get_next_component(root,
			    ICAL_ANY_COMPONENT);
		else
			one = NULL;
	}
	free(props);
	free(gsize);
	if (root != NULL)
		icalcomponent_free(root);
	return nretry;
}

/* Parses every cache entry: in groups, then alone where a group failed. */
static void
parse_batch(struct ics_ctx *c)
{
	size_t *todo = pp_xreallocarray(NULL, c->npl + 1, sizeof(*todo));
	size_t i, n;

	for (i = 0; i < c->npl; i++)
		todo[i] = i;
	n = parse_lines(c, todo, c->npl, ICS_GROUP);
	if (n > 0)
		parse_lines(c, todo, n, 1);
	free(todo);
	free(c->slots);
	c->slots = NULL;
	c->nslots = 0;
}

/* 1 if VEVENT k can be lent from the cache; notes whether it has a
 * RECURRENCE-ID. */
static int
lendable(const struct ics_ctx *c, struct ics_comp *k)
{
	size_t i, j, nprops = 0;

	for (i = 0; i < k->nlines; i++) {
		const struct ics_pline *e = &c->pl[c->evl[k->lfirst + i]];

		if (e->bad)
			return 0;
		for (j = 0; j < e->nprops; j++)
			if (icalproperty_isa(e->props[j]) ==
			    ICAL_RECURRENCEID_PROPERTY)
				k->rid = 1;
		nprops += e->nprops;
	}
	return nprops <= 2 * ICS_FAST_LINES;
}

void
ics_parse_events(struct ics_ctx *c)
{
	size_t i;

	for (i = 0; i < c->ncomp; i++) {
		struct ics_comp *k = &c->comp[i];

		if (k->kind == ICS_VEVENT && !k->broken)
			k->fast = gather(c, k);
	}
	parse_batch(c);
	for (i = 0; i < c->ncomp; i++) {
		struct ics_comp *k = &c->comp[i];

		if (k->kind != ICS_VEVENT || k->broken)
			continue;
		if (k->fast && !lendable(c, k))
			k->fast = 0;
		if (!k->fast)
			ics_parse_event(c, k);
	}
}

int
ics_event_ok(const struct ics_comp *k)
{
	return k->kind == ICS_VEVENT && (k->fast || k->ic != NULL);
}

icalcomponent *
ics_event_open(struct ics_ctx *c, struct ics_comp *k)
{
	size_t i, j;

	if (!k->fast || k->ic != NULL)
		return k->ic;
	k->ic = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	c->serial++;
	for (i = 0; i < k->nlines; i++) {
		struct ics_pline *e = &c->pl[c->evl[k->lfirst + i]];
		/* A line met again in this VEVENT: a property can be in a
		 * component only once, so it gets copies, which the
		 * component owns. */
		int again = e->stamp == c->serial;

		e->stamp = c->serial;
		for (j = 0; j < e->nprops; j++)
			icalcomponent_add_property(k->ic,
			    again ? icalproperty_new_clone(e->props[j])
			          : e->props[j]);
	}
	return k->ic;
}

void
ics_event_close(struct ics_ctx *c, struct ics_comp *k)
{
	size_t i, j;

	if (!k->fast || k->ic == NULL)
		return;
	/* The properties go back to the cache; the copies go with the
	 * component. */
	for (i = 0; i < k->nlines; i++) {
		const struct ics_pline *e = &c->pl[c->evl[k->lfirst + i]];

		for (j = 0; j < e->nprops; j++)
			if (icalproperty_get_parent(e->props[j]) == k->ic)
				icalcomponent_remove_property(k->ic,
				    e->props[j]);
	}
	icalcomponent_free(k->ic);
	k->ic = NULL;
}

void
ics_parse_free(struct ics_ctx *c)
{
	size_t i, j;

	for (i = 0; i < c->npl; i++) {
		for (j = 0; j < c->pl[i].nprops; j++)
			icalproperty_free(c->pl[i].props[j]);
		free(c->pl[i].props);
	}
	free(c->pl);
	free(c->slots);
	free(c->evl);
	free(c->text);
}
