/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, the event reader: each intact VEVENT of the file
 * becomes one event per occurrence, with its text fields, kind and tags.
 * The raw text is scanned first (load_ics_scan.c), times and recurrences
 * are read by load_ics_time.c through the zones of load_ics_zone.c, and
 * busy calendars differ only where load_ics_busy.c says.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_ics_int.h"
#include "pyplan/load.h"
#include "pyplan/xalloc.h"

/* The X- property named name, or NULL. */
static const char *
x_prop(icalcomponent *ic, const char *name)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(ic, ICAL_X_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_X_PROPERTY))
		if (strcasecmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_x(p);
	return NULL;
}

const char *
ics_trimdup(struct pp_timetable *tt, const char *s)
{
	size_t n;

	if (s == NULL)
		return "";
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return pp_tt_strndup(tt, s, n);
}

/* Fills the text fields of a template event from the VEVENT. */
static void
fill_fields(struct ics_ctx *c, const struct ics_comp *k, struct pp_event *ev)
{
	struct pp_timetable *tt = c->tt;
	icalcomponent *ic = k->ic;
	const char *summary = icalcomponent_get_summary(ic);
	const char *s, *prefix = "", *kword, *title, *xkind;
	const char **cats = NULL, **tags, **sp;
	size_t ncats = 0, capcats = 0, nsp = 0, capsp = 0, i, n;
	icalproperty *p;
	char buf[64];
	int own;

	title = summary != NULL ? summary : "";
	while (isspace((unsigned char)*title))
		title++;
	/* pyplan's own files carry the title as it is. */
	xkind = x_prop(ic, "X-PYPLAN-KIND");
	own = xkind != NULL;
	if (!own && title[0] == '[' && (s = strchr(title, ']')) != NULL &&
	    s - title > 1 && (size_t)(s - title) < sizeof(buf) &&
	    memchr(title + 1, '[', (size_t)(s - title - 1)) == NULL &&
	    isspace((unsigned char)s[1])) {
		/* "[talk] Title": the prefix is the kind word. */
		const char *rest = s + 1;

		memcpy(buf, title + 1, (size_t)(s - title - 1));
		buf[s - title - 1] = '\0';
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest != '\0') {
			prefix = ics_trimdup(tt, buf);
			title = rest;
		}
	}
	ev->title = ics_trimdup(tt, title);
	for (p = icalcomponent_get_first_property(ic, ICAL_CATEGORIES_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(ic,
	                    ICAL_CATEGORIES_PROPERTY)) {
		const char *v = ics_trimdup(tt, icalproperty_get_categories(p));

		if (*v == '\0')
			continue;
		cats = pp_xgrowarray(cats, &capcats, ncats + 1, sizeof(*cats));
		cats[ncats++] = v;
	}
	/* The kind word: pyplan's own, else a category naming a kind, else
	 * the SUMMARY prefix (which is a section name in some files, such
	 * as "[language-summit] Lunch" with CATEGORIES:Break). */
	kword = "";
	if (xkind != NULL && *xkind != '\0')
		kword = ics_trimdup(tt, xkind);
	for (i = 0; *kword == '\0' && i < ncats; i++)
		if (pp_kind_guess(cats[i], NULL) != PP_KIND_OTHER)
			kword = cats[i];
	if (*kword == '\0')
		kword = prefix;
	ev->kind_word = kword;
	ev->kind = pp_kind_guess(kword, ev->title);
	/* Categories are tags, except one that names the kind; an unused
	 * prefix is a tag too. */
	tags = pp_tt_strv(tt, ncats + 1);
	for (i = n = 0; i < ncats; i++)
		if (strcasecmp(cats[i], kword) != 0 &&
		    strcasecmp(cats[i], pp_kind_name(ev->kind)) != 0)
			tags[n++] = cats[i];
	if (*prefix != '\0' && strcasecmp(prefix, kword) != 0 &&
	    strcasecmp(prefix, pp_kind_name(ev->kind)) != 0)
		tags[n++] = prefix;
	ev->tags = tags;
	ev->ntags = n;
	free(cats);

	if ((s = icalcomponent_get_location(ic)) != NULL) {
		const char **rooms;
		size_t nr = pp_tt_split(tt, s, 0, &rooms);

		pp_tt_set_rooms(tt, ev, rooms, nr);
	}
	if ((s = icalcomponent_get_description(ic)) != NULL)
		ev->abstract = ics_trimdup(tt, s);
	if ((p = icalcomponent_get_first_property(ic, ICAL_URL_PROPERTY)))
		ev->url = ics_trimdup(tt, icalproperty_get_url(p));

	/* pyplan's own X- properties (pp_write_timetable_ics) */
	sp = NULL;
	for (p = icalcomponent_get_first_property(ic, ICAL_X_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_X_PROPERTY)) {
		const char *xn = icalproperty_get_x_name(p);
		const char *v = ics_trimdup(tt, icalproperty_get_x(p));

		if (strcasecmp(xn, "X-PYPLAN-SPEAKER") == 0 && *v != '\0') {
			sp = pp_xgrowarray(sp, &capsp, nsp + 1, sizeof(*sp));
			sp[nsp++] = v;
		} else if (strcasecmp(xn, "X-PYPLAN-TRACK") == 0)
			ev->track = v;
		else if (strcasecmp(xn, "X-PYPLAN-LEVEL") == 0)
			ev->level = v;
		else if (strcasecmp(xn, "X-PYPLAN-VIDEO-URL") == 0)
			ev->video_url = v;
		else if (strcasecmp(xn, "X-PYPLAN-RECORDED") == 0)
			ev->recorded = strcasecmp(v, "yes") == 0 ? PP_REC_YES
			    : strcasecmp(v, "no") == 0           ? PP_REC_NO
			                               : PP_REC_UNKNOWN;
	}
	if (nsp > 0) {
		ev->speakers = pp_tt_strv(tt, nsp);
		memcpy(ev->speakers, sp, nsp * sizeof(*sp));
		ev->nspeakers = nsp;
	}
	free(sp);
}

/* Appends a copy of tmpl to the timetable, unless it is full. */
static int
emit(struct ics_ctx *c, const struct pp_event *tmpl, unsigned line)
{
	struct pp_event *ev;

	if (c->full)
		return -1;
	if (c->tt->n >= PP_LOAD_MAX_EVENTS) {
		pp_diag_err(c->ds, c->name, line, "more than %d events",
		    PP_LOAD_MAX_EVENTS);
		c->full = 1;
		return -1;
	}
	ev = pp_timetable_add(c->tt);
	*ev = *tmpl;
	return 0;
}

/* The id of the occurrence starting at t: "base/YYYYMMDDTHHMMSSZ". */
static const char *
occ_id(struct ics_ctx *c, const char *base, int64_t t)
{
	size_t nb = strlen(base);
	char *id = pp_tt_alloc(c->tt, nb + 18);

	memcpy(id, base, nb);
	id[nb] = '/';
	ics_format_utc(t, id + nb + 1);
	return id;
}

/* The IANA zone for showing an event that starts at t (an arena string):
 * its own zone, else the calendar's. */
static const char *
display_zone(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_time *t)
{
	struct ics_cal *cal = &c->cals[k->cal];
	int *noted;

	if (t->zone == NULL)
		return cal->fzone;
	if (ics_zone_iana(t->zone) != NULL)
		return pp_tt_strdup(c->tt, ics_zone_iana(t->zone));
	noted = ics_zone_noted(t->zone);
	if (!*noted && !c->busy) {
		/* The instants are exact (the VTIMEZONE's own offsets), but
		 * days, lunch and the output need a named zone. */
		*noted = 1;
		pp_diag_add(c->ds, cal->fzone_set ? PP_NOTE : PP_WARNING,
		    c->name, t->line, 0,
		    "TZID '%s' is not an IANA or Windows zone name: its times "
		    "follow its VTIMEZONE but are shown in %s%s",
		    ics_zone_tzid(t->zone), cal->fzone,
		    cal->fzone_set ? "" : " (use --tz to choose a zone)");
	}
	return cal->fzone;
}

/*
 * What to do with a bad VEVENT: the problem was reported by ics_problem
 * (an error, or in lenient mode a warning saying the event is skipped);
 * the event is left out either way.  The one place the reader decides it.
 */
static int
skip_event(void)
{
	return -1;
}

/* Converts one VEVENT into events.  Returns 0, or -1 after a problem. */
static int
do_event(struct ics_ctx *c, struct ics_comp *k)
{
	icalcomponent *ic = k->ic;
	unsigned line = c->cl[k->first].line;
	icalproperty *p;
	struct ics_when w;
	struct pp_event tmpl, *proto;
	struct ics_occs o;
	const char *base, *fixed = NULL;
	int recurring = 0, r, override, cancelled;
	size_t i;

	p = icalcomponent_get_first_property(ic, ICAL_STATUS_PROPERTY);
	cancelled =
	    p != NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED;
	if (c->busy && cancelled)
		return 0;
	p = icalcomponent_get_first_property(ic, ICAL_TRANSP_PROPERTY);
	if (c->busy && p != NULL &&
	    icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT)
		return 0;
	memset(&w, 0, sizeof(w));
	if ((r = ics_read_when(c, k, &w)) < 0)
		return skip_event();
	if (r == 0)
		return 0;
	if (w.is_date && !c->busy) {
		pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
		    "all-day event skipped (not a schedulable item)");
		if (c->nallday++ == 0)
			c->allday_line = line;
		return 0;
	}
	override = icalcomponent_get_first_property(ic,
	               ICAL_RECURRENCEID_PROPERTY) != NULL;

	/* The fields every occurrence shares. */
	proto = pp_timetable_add(c->tt);
	tmpl = *proto;
	pp_timetable_pop(c->tt);
	tmpl.file = c->name;
	tmpl.line = line;
	tmpl.tz = display_zone(c, k, &w.start);
	/* A cancelled event stays, so that check, diff and the plan can
	 * say so; the model never plans it. */
	tmpl.status = cancelled ? PP_STATUS_CANCELLED : PP_STATUS_CONFIRMED;
	if (c->busy)
		ics_busy_fields(c, ic, &tmpl);
	else
		fill_fields(c, k, &tmpl);
	/* pyplan's own exports carry the programme's id beside the UID. */
	base = x_prop(ic, "X-PYPLAN-ID");
	base =
	    ics_trimdup(c->tt, base != NULL ? base : icalcomponent_get_uid(ic));
	if (*base == '\0') {
		char *id = pp_xasprintf("%s:%u", c->name, line);

		base = pp_tt_strdup(c->tt, id);
		free(id);
	}
	memset(&o, 0, sizeof(o));
	if (override) {
		/* A replaced instance: one event, named after the instance
		 * it replaces. */
		int64_t rid;

		if (ics_recurrence_id(c, k, &rid) != 0)
			return skip_event();
		fixed = occ_id(c, base, rid);
		if (ics_in_window(c, &w, w.t0))
			ics_occ_add(&o, w.t0, &w.start.c);
	} else if (ics_expand(c, k, &w, &o, &recurring) != 0) {
		free(o.v);
		free(o.ex);
		return skip_event();
	}
	for (i = 0; i < o.n; i++) {
		tmpl.start = o.v[i].start;
		tmpl.end = o.v[i].start + w.len;
		if (w.is_date)
			ics_busy_day_span(c, k, &w, &o.v[i].c, &tmpl.start,
			    &tmpl.end);
		tmpl.id = fixed != NULL ? fixed
		    : recurring         ? occ_id(c, base, tmpl.start)
		                        : base;
		if (emit(c, &tmpl, line) != 0)
			break;
	}
	free(o.v);
	free(o.ex);
	return 0;
}

/*
 * Decides each calendar's floating and display zone: --tz, else its
 * X-WR-TIMEZONE (an IANA or a Windows name), else UTC.
 */
static int
choose_zones(struct ics_ctx *c)
{
	size_t i;

	if (c->opt_tz != NULL && !pp_tz_valid(c->opt_tz)) {
		pp_diag_err(c->ds, c->name, 0, "unknown time zone '%s'",
		    c->opt_tz);
		return -1;
	}
	for (i = 0; i < c->ncals; i++) {
		struct ics_cal *k = &c->cals[i];
		const char *wr = ics_iana_name(k->wr_tz);

		k->fzone_set = 1;
		if (c->opt_tz != NULL) {
			k->fzone = c->opt_tz;
		} else if (wr != NULL) {
			k->fzone = wr;
		} else {
			if (k->wr_tz != NULL)
				pp_diag_warn(c->ds, c->name, 0,
				    "unknown X-WR-TIMEZONE '%s' ignored",
				    k->wr_tz);
			k->fzone = "UTC";
			k->fzone_set = 0;
		}
		/* The zone names must outlive this load: the events keep
		 * them for display. */
		k->fzone = pp_tt_strdup(c->tt, k->fzone);
	}
	return 0;
}

/*
 * The zone the programme declares, for the model (tt->tz, through
 * pp_load_declare_zone, which keeps the first file's and warns about
 * another): the first calendar's X-WR-TIMEZONE; else, when all its zoned
 * times use one IANA zone, that one; else, for a feed of UTC times only,
 * the one IANA zone its VTIMEZONEs name.
 */
static void
declared_zone(struct ics_ctx *c)
{
	const char *z = NULL, *iana;
	size_t i;
	int one = 1;

	if (c->ncals == 0)
		return;
	if ((iana = ics_iana_name(c->cals[0].wr_tz)) != NULL) {
		pp_load_declare_zone(c->tt, iana, c->name,
		    c->cals[0].wr_tz_line, c->ds);
		return;
	}
	for (i = 0; i < c->nzones && one; i++) {
		iana = ics_zone_iana(c->zones[i]);
		if (iana == NULL || (z != NULL && strcmp(z, iana) != 0))
			one = 0;
		z = iana;
	}
	if (c->nzones == 0)
		z = ics_vtimezones_iana(c);
	if (one && z != NULL && strcmp(z, "UTC") != 0 &&
	    strcmp(z, "Etc/UTC") != 0)
		pp_load_declare_zone(c->tt, z, c->name, 0, c->ds);
}

int
ics_load(struct ics_ctx *c)
{
	size_t errs = c->ds->nerrors, i;
	int rc = 0;

	if (c->len > PP_LOAD_MAX_BYTES) {
		pp_diag_err(c->ds, c->name, 0,
		    "file too big (more than %zu "
		    "bytes)",
		    PP_LOAD_MAX_BYTES);
		return -1;
	}
	if (ics_scan(c) != 0 || choose_zones(c) != 0) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < c->ncals; i++)
		if (c->cals[i].wr_name != NULL && c->tt->name == NULL &&
		    ics_valid_text(c->cals[i].wr_name))
			c->tt->name = pp_tt_strdup(c->tt, c->cals[i].wr_name);
	ics_parse_events(c);
	ics_collect_overrides(c);
	for (i = 0; i < c->ncomp && !c->full; i++)
		if (ics_event_ok(&c->comp[i])) {
			ics_event_open(c, &c->comp[i]);
			do_event(c, &c->comp[i]);
			ics_event_close(c, &c->comp[i]);
		}
	if (!c->busy)
		declared_zone(c);
	/* The notes above say which; a file of nothing but all-day events
	 * must not look like an empty one. */
	if (c->nallday > 0)
		pp_diag_warn(c->ds, c->name, c->allday_line,
		    "%zu all-day event%s skipped: pyplan plans events with "
		    "a start and end time (-v lists them)",
		    c->nallday, c->nallday == 1 ? "" : "s");
out:
	for (i = 0; i < c->ncomp; i++)
		if (c->comp[i].ic != NULL && !c->comp[i].fast)
			icalcomponent_free(c->comp[i].ic);
	ics_parse_free(c);
	for (i = 0; i < c->ncals; i++) {
		free(c->cals[i].wr_tz);
		free(c->cals[i].wr_name);
	}
	ics_zones_free(c);
	free(c->cals);
	free(c->comp);
	free(c->cl);
	free(c->ov);
	return rc != 0 || c->ds->nerrors > errs ? -1 : 0;
}

void
ics_init(struct ics_ctx *c, struct pp_timetable *tt, const char *name,
    const char *data, size_t len, const struct pp_load_opts *opts,
    struct pp_diags *ds)
{
	memset(c, 0, sizeof(*c));
	c->tt = tt;
	c->name = name != NULL ? name : "-";
	c->data = data != NULL ? data : "";
	c->len = data != NULL ? len : 0;
	c->ds = ds;
	c->max_steps = PP_ICS_MAX_STEPS + c->len / 1024 * PP_ICS_STEPS_PER_KIB;
	c->key_begin = ics_name_key("BEGIN", 5);
	c->key_end = ics_name_key("END", 3);
	if (opts != NULL) {
		c->lenient = opts->lenient;
		if (opts->tz != NULL && *opts->tz != '\0')
			c->opt_tz = opts->tz;
	}
}

int
pp_load_ics(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	struct ics_ctx c;

	ics_init(&c, tt, name, data, len, opts, ds);
	return ics_load(&c);
}
