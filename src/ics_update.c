/* SPDX-License-Identifier: ISC */
/*
 * Reads the previous plan calendar for `build --previous` with libical:
 * per pyplan VEVENT its UID, SEQUENCE, X-PYPLAN-ID, status, times and a
 * fingerprint of what a calendar shows (ics_update.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "pyplan/ics_update.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"
#include "pyplan/write_ics.h"
#include "pyplan/xalloc.h"

static const char uid_suffix[] = "@pyplan";

static uint64_t
hash_str(uint64_t h, const char *s)
{
	return pp_fnv1a(h, s, strlen(s) + 1);
}

uint64_t
pp_ics_fingerprint(icalcomponent *ev)
{
	static const icalproperty_kind kinds[] = {ICAL_DTSTART_PROPERTY,
	    ICAL_DTEND_PROPERTY, ICAL_SUMMARY_PROPERTY, ICAL_LOCATION_PROPERTY,
	    ICAL_DESCRIPTION_PROPERTY, ICAL_URL_PROPERTY, ICAL_STATUS_PROPERTY};
	uint64_t h = PP_FNV1A_INIT;
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		icalproperty *p;

		h = hash_str(h, icalproperty_kind_to_string(kinds[i]));
		for (p = icalcomponent_get_first_property(ev, kinds[i]);
		     p != NULL;
		     p = icalcomponent_get_next_property(ev, kinds[i])) {
			icalparameter *tz = icalproperty_get_first_parameter(p,
			    ICAL_TZID_PARAMETER);
			char *v = icalproperty_get_value_as_string_r(p);

			h = hash_str(h, v != NULL ? v : "");
			free(v);
			h = hash_str(h,
			    tz != NULL && icalparameter_get_tzid(tz) != NULL
			        ? icalparameter_get_tzid(tz)
			        : "");
		}
	}
	return h;
}

/* The instant of a DTSTART or DTEND: its TZID read as an IANA zone (as
 * pyplan writes them), "Z" as UTC, floating as UTC.  Returns 0 or -1. */
static int
instant(icalproperty *p, int64_t *out)
{
	icalparameter *tz =
	    icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	struct icaltimetype t = icalproperty_get_dtstart(p);
	struct pp_civil c;
	const char *zone = "UTC";

	if (icalproperty_isa(p) == ICAL_DTEND_PROPERTY)
		t = icalproperty_get_dtend(p);
	if (icaltime_is_null_time(t) || t.is_date)
		return -1;
	if (tz != NULL && icalparameter_get_tzid(tz) != NULL &&
	    !icaltime_is_utc(t))
		zone = icalparameter_get_tzid(tz);
	memset(&c, 0, sizeof(c));
	c.year = t.year;
	c.month = t.month;
	c.day = t.day;
	c.hour = t.hour;
	c.min = t.minute;
	c.sec = t.second;
	return pp_tz_from_civil(zone, &c, out);
}

/* The unescaped TEXT value of the first k property of ev (heap). */
static char *
text_of(icalcomponent *ev, icalproperty_kind k)
{
	icalproperty *p = icalcomponent_get_first_property(ev, k);
	icalvalue *v = p != NULL ? icalproperty_get_value(p) : NULL;
	const char *t = v != NULL && icalvalue_isa(v) == ICAL_TEXT_VALUE
	    ? icalvalue_get_text(v)
	    : NULL;

	return pp_xstrdup(t != NULL ? t : "");
}

/* Adds one VEVENT; returns 0, or -1 after an error. */
static int
add(struct pp_prev_cal *pc, icalcomponent *ev, const char *name,
    struct pp_diags *ds)
{
	icalproperty *p =
	    icalcomponent_get_first_property(ev, ICAL_UID_PROPERTY);
	const char *uid = p != NULL ? icalproperty_get_uid(p) : NULL;
	struct pp_prev_item *it;
	icalproperty *s, *e;
	size_t n;

	if (uid == NULL || (n = strlen(uid)) < sizeof(uid_suffix) - 1 ||
	    strcmp(uid + n - (sizeof(uid_suffix) - 1), uid_suffix) != 0) {
		pc->foreign++;
		return 0;
	}
	s = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	e = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	pc->v = pp_xgrowarray(pc->v, &pc->cap, pc->n + 1, sizeof(*pc->v));
	it = &pc->v[pc->n];
	memset(it, 0, sizeof(*it));
	if (s == NULL || e == NULL || instant(s, &it->start) != 0 ||
	    instant(e, &it->end) != 0)
		return pp_diag_err(ds, name, 0,
		    "event %s: no DTSTART and DTEND with a time", uid);
	it->uid = pp_xstrdup(uid);
	it->item_id = NULL;
	for (p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY))
		if (strcmp(icalproperty_get_x_name(p), "X-PYPLAN-ID") == 0 &&
		    it->item_id == NULL)
			it->item_id = pp_xstrdup(icalproperty_get_x(p) != NULL
			        ? icalproperty_get_x(p)
			        : "");
	if (it->item_id == NULL)
		it->item_id = pp_xstrdup("");
	it->summary = text_of(ev, ICAL_SUMMARY_PROPERTY);
	it->location = text_of(ev, ICAL_LOCATION_PROPERTY);
	p = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
	it->sequence = p != NULL ? icalproperty_get_sequence(p) : 0;
	if (it->sequence < 0)
		it->sequence = 0;
	p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	it->cancelled =
	    p != NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED;
	it->fingerprint = pp_ics_fingerprint(ev);
	pc->n++;
	return 0;
}

int
pp_prev_cal_parse(struct pp_prev_cal *pc, const char *name, const char *text,
    struct pp_diags *ds)
{
	icalcomponent *root, *c;
	size_t nerr = ds->nerrors;

	memset(pc, 0, sizeof(*pc));
	pc->path = name;
	if (pp_detect_format(text, strlen(text)) != PP_FMT_ICS)
		return pp_diag_err(ds, name, 0,
		    "not an iCalendar file (--previous takes the .ics of "
		    "the previous plan)");
	root = icalparser_parse_string(text);
	if (root == NULL)
		return pp_diag_err(ds, name, 0, "not an iCalendar file");
	c = icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT
	    ? root
	    : icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
	for (; c != NULL; c = c == root ? NULL
	                                : icalcomponent_get_next_component(root,
	                                      ICAL_VEVENT_COMPONENT))
		add(pc, c, name, ds);
	icalcomponent_free(root);
	return ds->nerrors > nerr ? -1 : 0;
}

int
pp_prev_cal_load(struct pp_prev_cal *pc, const char *path, struct pp_diags *ds,
    int *io_error)
{
	const char *name = path;
	char *data;
	size_t len;
	int r;

	memset(pc, 0, sizeof(*pc));
	pc->path = path;
	if (pp_load_read(path, &name, &data, &len, ds, io_error) != 0)
		return -1;
	if (memchr(data, '\0', len) != NULL) {
		free(data);
		return pp_diag_err(ds, name, 0,
		    "NUL byte in input: not a text file");
	}
	r = pp_prev_cal_parse(pc, name, data, ds);
	free(data);
	return r;
}

void
pp_prev_cal_from_plan(struct pp_prev_cal *pc, const struct pp_plan_file *pf)
{
	size_t k;

	memset(pc, 0, sizeof(*pc));
	pc->path = pf->path;
	for (k = 0; k < pf->n; k++) {
		const struct pp_plan_row *row = &pf->rows[k];
		struct pp_prev_item *p;
		char uid[PP_ICS_UID_MAX];

		if (!row->has_time)
			continue;
		pp_ics_uid_format(pp_ics_uid_hash(row->synthesized ? NULL
		                                                   : row->id,
		                      row->kind, row->start, row->end,
		                      row->title),
		    uid);
		pc->v =
		    pp_xgrowarray(pc->v, &pc->cap, pc->n + 1, sizeof(*pc->v));
		p = &pc->v[pc->n++];
		memset(p, 0, sizeof(*p));
		p->uid = pp_xstrdup(*row->uid != '\0' ? row->uid : uid);
		p->item_id = pp_xstrdup(row->id);
		p->summary = pp_xstrdup(row->title);
		p->location = pp_xstrdup(row->room);
		p->start = row->start;
		p->end = row->end;
		p->sequence = row->sequence;
		p->no_fingerprint = 1;
	}
}

void
pp_prev_cal_fini(struct pp_prev_cal *pc)
{
	size_t i;

	for (i = 0; i < pc->n; i++) {
		free(pc->v[i].uid);
		free(pc->v[i].item_id);
		free(pc->v[i].summary);
		free(pc->v[i].location);
	}
	free(pc->v);
	memset(pc, 0, sizeof(*pc));
}
