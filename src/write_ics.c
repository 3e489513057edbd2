/* SPDX-License-Identifier: ISC */
/*
 * iCalendar output.  Components are built with libical, which escapes
 * TEXT values; this file decides what goes in them (stable UIDs, plain
 * IANA TZIDs with VTIMEZONEs cut down to the years in use, a reproducible
 * DTSTAMP) and folds the lines itself, as libical 3.0 can fold between
 * the CR and the LF of a line end.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "pyplan/hash.h"
#include "pyplan/ics_update.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/version.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

#define PRODID "-//pyplan//pyplan " PP_VERSION "//EN"

struct zone_use {
	const char *name; /* IANA name, borrowed */
	int64_t earliest; /* first instant written in it */
};

struct writer {
	icalcomponent *cal;
	struct icaltimetype dtstamp;
	int alarm_minutes;
	int xprops; /* write X-PYPLAN-* (timetables) */
	struct zone_use *zones;
	size_t nzones, capzones;
	uint64_t *uids; /* UIDs written so far, to keep them unique */
	size_t nuids, capuids;
	/* --previous: the calendar this one replaces, and which of its
	 * items the plan still has */
	const struct pp_prev_cal *prev;
	unsigned char *prev_used;
};

static uint64_t
hash_str(uint64_t h, const char *s)
{
	/* The terminating NUL keeps ("ab","c") apart from ("a","bc"). */
	return pp_fnv1a(h, s, strlen(s) + 1);
}

static uint64_t
hash_i64(uint64_t h, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, v);
	return hash_str(h, buf);
}

/* 1 if zone names UTC. */
static int
is_utc(const char *zone)
{
	return strcmp(zone, "UTC") == 0 || strcmp(zone, "Z") == 0 ||
	    strcmp(zone, "Etc/UTC") == 0 || strcmp(zone, "GMT") == 0;
}

/* The zone to write times in: NULL for UTC. */
static const char *
pick_zone(const char *a, const char *b)
{
	if (a != NULL && *a != '\0' && pp_tz_valid(a))
		return is_utc(a) ? NULL : a;
	if (b != NULL && *b != '\0' && pp_tz_valid(b))
		return is_utc(b) ? NULL : b;
	return NULL;
}

static void
use_zone(struct writer *w, const char *zone, int64_t t)
{
	size_t i;

	if (zone == NULL)
		return;
	for (i = 0; i < w->nzones; i++)
		if (strcmp(w->zones[i].name, zone) == 0) {
			if (t < w->zones[i].earliest)
				w->zones[i].earliest = t;
			return;
		}
	w->zones = pp_xgrowarray(w->zones, &w->capzones, w->nzones + 1,
	    sizeof(*w->zones));
	w->zones[w->nzones].name = zone;
	w->zones[w->nzones].earliest = t;
	w->nzones++;
}

static int
cmp_zone(const void *a, const void *b)
{
	const struct zone_use *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* A UTC icaltimetype for instant t. */
static struct icaltimetype
utc_time(int64_t t)
{
	struct icaltimetype v = icaltime_null_time();
	struct pp_civil c;

	pp_tz_to_civil("UTC", t, &c);
	v.year = c.year;
	v.month = c.month;
	v.day = c.day;
	v.hour = c.hour;
	v.minute = c.min;
	v.second = c.sec;
	v.zone = icaltimezone_get_utc_timezone();
	return v;
}

/*
 * 1 if the wall-clock time of t in zone also names another instant (the
 * hour repeated when clocks go back).  RFC 5545 says such a time is the
 * first one, but libical and python3-icalendar take the second, so
 * pyplan writes neither as local time.
 */
static int
ambiguous(const char *zone, int64_t t, const struct pp_civil *c)
{
	static const int shift[] = {1800, 3600, 7200};
	struct pp_civil o;
	size_t i;
	int sign;

	for (i = 0; i < sizeof(shift) / sizeof(shift[0]); i++)
		for (sign = -1; sign <= 1; sign += 2)
			if (pp_tz_to_civil(zone, t + sign * shift[i], &o) ==
			        0 &&
			    o.year == c->year && o.month == c->month &&
			    o.day == c->day && o.hour == c->hour &&
			    o.min == c->min && o.sec == c->sec)
				return 1;
	return 0;
}

/*
 * A DTSTART or DTEND property for instant t: local time with a TZID, or
 * UTC when zone is NULL or the local time is ambiguous.
 */
static icalproperty *
time_prop(icalproperty_kind kind, int64_t t, const char *zone)
{
	struct icaltimetype v = utc_time(t);
	struct pp_civil c;
	icalproperty *p;

	if (zone != NULL && pp_tz_to_civil(zone, t, &c) == 0 &&
	    !ambiguous(zone, t, &c)) {
		v = icaltime_null_time();
		v.year = c.year;
		v.month = c.month;
		v.day = c.day;
		v.hour = c.hour;
		v.minute = c.min;
		v.second = c.sec;
	} else
		zone = NULL;
	p = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart(v)
	                                  : icalproperty_new_dtend(v);
	if (zone != NULL)
		icalproperty_add_parameter(p, icalparameter_new_tzid(zone));
	return p;
}

/*
 * The VTIMEZONE for zone, from libical's zone data, cut to start at
 * 1 January (UTC) of the year of the first instant written in it, and
 * with the plain IANA name as TZID (libical's own carries a
 * "/freeassociation.sourceforge.net/" prefix).  NULL if unknown.
 */
static icalcomponent *
vtimezone(const struct zone_use *u)
{
	icaltimezone *z = icaltimezone_get_builtin_timezone(u->name);
	icalcomponent *src, *vtz;
	icalproperty *p;
	struct icaltimetype start;
	struct pp_civil c;

	if (z == NULL || (src = icaltimezone_get_component(z)) == NULL)
		return NULL;
	vtz = icalcomponent_new_clone(src);
	pp_tz_to_civil("UTC", u->earliest, &c);
	start = icaltime_null_time();
	start.year = c.year;
	start.month = 1;
	start.day = 1;
	start.zone = icaltimezone_get_utc_timezone();
	icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 0);
	p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p != NULL)
		icalproperty_set_tzid(p, u->name);
	else
		icalcomponent_add_property(vtz, icalproperty_new_tzid(u->name));
	return vtz;
}

/* DTSTAMP: $SOURCE_DATE_EPOCH (reproducible builds), else now. */
static struct icaltimetype
dtstamp(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s != NULL && *s != '\0' && isdigit((unsigned char)*s)) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno == 0 && *end == '\0' && v <= INT64_C(253402300799))
			return utc_time((int64_t)v);
	}
	return utc_time((int64_t)time(NULL));
}

static void
writer_init(struct writer *w, const char *name, const char *zone)
{
	memset(w, 0, sizeof(*w));
	w->cal = icalcomponent_new_vcalendar();
	w->dtstamp = dtstamp();
	icalcomponent_add_property(w->cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(w->cal, icalproperty_new_prodid(PRODID));
	icalcomponent_add_property(w->cal,
	    icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(w->cal,
	    icalproperty_new_method(ICAL_METHOD_PUBLISH));
	{
		char *v = pp_xasprintf("pyplan: %s", name);
		icalproperty *p = icalproperty_new_x(v);

		icalproperty_set_x_name(p, "X-WR-CALNAME");
		icalcomponent_add_property(w->cal, p);
		free(v);
	}
	if (zone != NULL) {
		icalproperty *p = icalproperty_new_x(zone);

		icalproperty_set_x_name(p, "X-WR-TIMEZONE");
		icalcomponent_add_property(w->cal, p);
	}
}

/* Adds the VTIMEZONEs, sorted by name, ahead of the events. */
static void
writer_zones(struct writer *w)
{
	size_t i;

	if (w->nzones > 1)
		qsort(w->zones, w->nzones, sizeof(*w->zones), cmp_zone);
	/* libical puts each VTIMEZONE ahead of all other components, so
	 * adding them last to first leaves them in order. */
	for (i = w->nzones; i-- > 0;) {
		icalcomponent *vtz = vtimezone(&w->zones[i]);

		if (vtz != NULL)
			icalcomponent_add_component(w->cal, vtz);
	}
}

/*
 * libical writes a CATEGORIES value as it is given, with its commas and
 * semicolons unescaped (a comma separates categories there), so a
 * category holding one ("C, C++") would come back as two.  add_category
 * marks them with these two control characters, which no cleaned text
 * holds, and put_folded writes them escaped, "\," and "\;" (RFC 5545
 * 3.3.11).
 */
#define CAT_COMMA '\x1c'
#define CAT_SEMI '\x1d'

/*
 * Writes libical's text folded afresh: libical 3.0 folds at word
 * boundaries and sometimes between the CR and LF of a line end, so its
 * folds are undone and every line cut at 75 octets, never inside a UTF-8
 * sequence (RFC 5545 3.1).
 */
static int
put_folded(FILE *fp, const char *s)
{
	char *u = pp_xreallocarray(NULL, 2, strlen(s) + 1), *o = u;
	const char *p, *line;
	int rc = 0;

	for (p = s; *p != '\0'; p++) {
		if (p[0] == '\r' && p[1] == '\n' &&
		    (p[2] == ' ' || p[2] == '\t')) {
			p += 2;
			continue;
		}
		if (*p == CAT_COMMA || *p == CAT_SEMI) {
			*o++ = '\\';
			*o++ = *p == CAT_COMMA ? ',' : ';';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	for (line = u; *line != '\0' && rc == 0;) {
		const char *e = strstr(line, "\r\n");
		size_t len = e != NULL ? (size_t)(e - line) : strlen(line);
		size_t pos = 0, n, room = 75;

		do {
			n = len - pos;
			if (n > room) {
				n = room;
				n = pp_utf8_boundary(line + pos, n);
			}
			if ((room == 74 && putc(' ', fp) == EOF) ||
			    fwrite(line + pos, 1, n, fp) != n ||
			    fputs("\r\n", fp) == EOF)
				rc = -1;
			pos += n;
			room = 74;
		} while (pos < len && rc == 0);
		line += len + (e != NULL ? 2 : 0);
	}
	free(u);
	return rc;
}

/* Serialises the calendar to fp and releases the writer. */
static int
writer_finish(struct writer *w, FILE *fp)
{
	char *s = icalcomponent_as_ical_string_r(w->cal);
	int rc = 0;

	if (s == NULL || put_folded(fp, s) != 0 || fflush(fp) != 0 ||
	    ferror(fp))
		rc = -1;
	free(s);
	icalcomponent_free(w->cal);
	free(w->zones);
	free(w->uids);
	free(w->prev_used);
	return rc;
}

/* Returns a UID unique in this calendar from hash h. */
static char *
make_uid(struct writer *w, uint64_t h)
{
	size_t i;
	uint64_t n = 1;

again:
	for (i = 0; i < w->nuids; i++)
		if (w->uids[i] == h) {
			/* The same event twice (duplicate rows): derive a
			 * second UID, the same on every run. */
			h = hash_i64(h, (int64_t)++n);
			goto again;
		}
	w->uids =
	    pp_xgrowarray(w->uids, &w->capuids, w->nuids + 1, sizeof(*w->uids));
	w->uids[w->nuids++] = h;
	return pp_xasprintf("%016" PRIx64 "@pyplan", h);
}

/*
 * A copy of s fit for a TEXT value: CRLF and CR become LF (which libical
 * escapes as \n), other control characters blanks; with oneline, LF
 * too.  The caller frees it.
 */
static char *
clean(const char *s, int oneline)
{
	char *r = pp_xstrdup(s != NULL ? s : ""), *o = r;
	const char *p;

	for (p = r; *p != '\0'; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch == '\r') {
			if (p[1] == '\n')
				continue;
			ch = '\n';
		}
		if ((ch < 0x20 && ch != '\n') || ch == 0x7f ||
		    (ch == '\n' && oneline))
			ch = ' ';
		*o++ = (char)ch;
	}
	*o = '\0';
	return r;
}

/* Adds a TEXT property made by mk from a cleaned copy of s. */
static void
add_clean(icalcomponent *ev, icalproperty *(*mk)(const char *), const char *s,
    int oneline)
{
	char *c = clean(s, oneline);

	icalcomponent_add_property(ev, mk(c));
	free(c);
}

/* Appends s to the CATEGORIES list in buf. */
static void
add_category(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s), i;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0)
		return;
	*buf = pp_xreallocarray(*buf, *len + n + 2, 1);
	if (*len > 0)
		(*buf)[(*len)++] = ',';
	for (i = 0; i < n; i++) {
		char ch = s[i];

		(*buf)[(*len)++] = ch == ','                 ? CAT_COMMA
		    : ch == ';'                              ? CAT_SEMI
		    : (unsigned char)ch < 0x20 || ch == 0x7f ? ' '
		                                             : ch;
	}
	(*buf)[*len] = '\0';
}

static void
add_x(icalcomponent *ev, const char *name, const char *v)
{
	icalproperty *p;
	char *c;

	if (v == NULL || *v == '\0')
		return;
	c = clean(v, 1);
	p = icalproperty_new_x(c);
	free(c);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(ev, p);
}

/* A growing string for DESCRIPTION. */
struct sbuf {
	char *s;
	size_t n, cap;
};

static void
sb_add(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);

	b->s = pp_xgrowarray(b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n + 1);
	b->n += n;
}

/* What one VEVENT says; ev may be NULL (synthesized items). */
struct item_desc {
	const struct pp_event *ev;
	enum pp_kind kind;
	int64_t start, end;
	const char *title, *room, *reason;
	const char *zone; /* NULL = UTC */
	uint64_t hash;
	const char *item_id; /* plans: the item id (X-PYPLAN-ID) */
	int no_alarm;        /* 1: no VALARM even under --alarm */
};

/*
 * The item of the previous calendar that d replaces, marked as used: the
 * one with the same item id (X-PYPLAN-ID), else the one with the UID d
 * would get (a calendar written before items carried their id).  NULL
 * without --previous or when d is new.
 */
static const struct pp_prev_item *
previous_of(struct writer *w, const struct item_desc *d)
{
	char uid[PP_ICS_UID_MAX];
	size_t i;

	if (w->prev == NULL)
		return NULL;
	for (i = 0; d->item_id != NULL && i < w->prev->n; i++)
		if (!w->prev_used[i] &&
		    strcmp(w->prev->v[i].item_id, d->item_id) == 0) {
			w->prev_used[i] = 1;
			return &w->prev->v[i];
		}
	pp_ics_uid_format(d->hash, uid);
	for (i = 0; i < w->prev->n; i++)
		if (!w->prev_used[i] && strcmp(w->prev->v[i].uid, uid) == 0) {
			w->prev_used[i] = 1;
			return &w->prev->v[i];
		}
	return NULL;
}

/*
 * SEQUENCE for an item that replaces old: the same when nothing a
 * calendar shows changed, one more when something did or when old was
 * cancelled (then STATUS:CONFIRMED revives it).  An old item read from a
 * plan file has no fingerprint: then its times, title and room tell.
 */
static void
set_sequence(icalcomponent *ev, const struct pp_prev_item *old,
    const struct item_desc *d)
{
	int seq = old->sequence, changed;

	if (old->cancelled)
		icalcomponent_add_property(ev,
		    icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (old->no_fingerprint)
		changed = d->start != old->start || d->end != old->end ||
		    strcmp(d->title, old->summary) != 0 ||
		    strcmp(d->room != NULL ? d->room : "", old->location) != 0;
	else
		changed = pp_ics_fingerprint(ev) != old->fingerprint;
	if (old->cancelled || changed)
		seq++;
	if (seq > 0)
		icalcomponent_add_property(ev, icalproperty_new_sequence(seq));
}

/*
 * Writes each item of the previous calendar that the plan dropped as a
 * cancelled event (same UID, SEQUENCE one more unless it was already
 * cancelled), so that importing the new calendar removes or strikes it.
 */
static void
add_cancelled(struct writer *w, const char *zone)
{
	size_t i;

	for (i = 0; w->prev != NULL && i < w->prev->n; i++) {
		const struct pp_prev_item *p = &w->prev->v[i];
		icalcomponent *ev;

		if (w->prev_used[i])
			continue;
		ev = icalcomponent_new_vevent();
		icalcomponent_add_property(ev, icalproperty_new_uid(p->uid));
		icalcomponent_add_property(ev,
		    icalproperty_new_dtstamp(w->dtstamp));
		icalcomponent_add_property(ev,
		    time_prop(ICAL_DTSTART_PROPERTY, p->start, zone));
		icalcomponent_add_property(ev,
		    time_prop(ICAL_DTEND_PROPERTY, p->end, zone));
		add_clean(ev, icalproperty_new_summary, p->summary, 1);
		if (*p->location != '\0')
			add_clean(ev, icalproperty_new_location, p->location,
			    1);
		icalcomponent_add_property(ev,
		    icalproperty_new_status(ICAL_STATUS_CANCELLED));
		icalcomponent_add_property(ev,
		    icalproperty_new_sequence(p->sequence + !p->cancelled));
		add_x(ev, "X-PYPLAN-ID", p->item_id);
		icalcomponent_add_component(w->cal, ev);
	}
}

static void
add_event(struct writer *w, const struct item_desc *d)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	const struct pp_event *e = d->ev;
	const struct pp_prev_item *old = previous_of(w, d);
	char *uid = old != NULL ? pp_xstrdup(old->uid) : make_uid(w, d->hash);
	char *cats = NULL;
	size_t ncats = 0, i;
	struct sbuf desc;

	memset(&desc, 0, sizeof(desc));
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	free(uid);
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(w->dtstamp));
	icalcomponent_add_property(ev,
	    time_prop(ICAL_DTSTART_PROPERTY, d->start, d->zone));
	icalcomponent_add_property(ev,
	    time_prop(ICAL_DTEND_PROPERTY, d->end, d->zone));
	add_clean(ev, icalproperty_new_summary, d->title, 1);
	if (d->room != NULL && *d->room != '\0')
		add_clean(ev, icalproperty_new_location, d->room, 1);

	/* A timetable's DESCRIPTION is the abstract alone, so that the
	 * file loads back the same; speakers and video are X- properties
	 * there. */
	if (e != NULL && e->nspeakers > 0 && !w->xprops) {
		sb_add(&desc, "Speakers: ");
		for (i = 0; i < e->nspeakers; i++) {
			if (i > 0)
				sb_add(&desc, ", ");
			sb_add(&desc, e->speakers[i]);
		}
	}
	if (d->reason != NULL && *d->reason != '\0') {
		if (desc.n > 0)
			sb_add(&desc, "\n");
		sb_add(&desc, "Why: ");
		sb_add(&desc, d->reason);
	}
	if (e != NULL && *e->abstract != '\0') {
		if (desc.n > 0)
			sb_add(&desc, "\n\n");
		sb_add(&desc, e->abstract);
	}
	if (e != NULL && *e->video_url != '\0' && !w->xprops) {
		if (desc.n > 0)
			sb_add(&desc, "\n\n");
		sb_add(&desc, "Video: ");
		sb_add(&desc, e->video_url);
	}
	if (desc.n > 0)
		add_clean(ev, icalproperty_new_description, desc.s, 0);
	free(desc.s);
	if (e != NULL && *e->url != '\0')
		add_clean(ev, icalproperty_new_url, e->url, 1);

	if (d->kind != PP_KIND_OTHER)
		add_category(&cats, &ncats, pp_kind_name(d->kind));
	else if (e != NULL)
		add_category(&cats, &ncats, e->kind_word);
	for (i = 0; e != NULL && i < e->ntags; i++)
		add_category(&cats, &ncats, e->tags[i]);
	if (ncats > 0)
		icalcomponent_add_property(ev,
		    icalproperty_new_categories(cats));
	free(cats);

	if (!w->xprops && d->item_id != NULL)
		add_x(ev, "X-PYPLAN-ID", d->item_id);
	if (old != NULL)
		set_sequence(ev, old, d);
	/* A cancelled event of a timetable stays in it, as cancelled, so
	 * that the file reads back the same (plans never hold one). */
	if (e != NULL && e->status == PP_STATUS_CANCELLED)
		icalcomponent_add_property(ev,
		    icalproperty_new_status(ICAL_STATUS_CANCELLED));
	if (w->xprops && e != NULL) {
		/* Always present: it also tells pp_load_ics that SUMMARY
		 * is the title as it is, without a "[kind]" prefix. */
		add_x(ev, "X-PYPLAN-KIND",
		    *e->kind_word != '\0' ? e->kind_word
		                          : pp_kind_name(e->kind));
		/* The programme's own id (the UID is a hash, unique across
		 * calendars), so a converted programme reads back the same. */
		add_x(ev, "X-PYPLAN-ID", e->id);
		for (i = 0; i < e->nspeakers; i++)
			add_x(ev, "X-PYPLAN-SPEAKER", e->speakers[i]);
		add_x(ev, "X-PYPLAN-TRACK", e->track);
		add_x(ev, "X-PYPLAN-LEVEL", e->level);
		add_x(ev, "X-PYPLAN-VIDEO-URL", e->video_url);
		if (e->recorded != PP_REC_UNKNOWN)
			add_x(ev, "X-PYPLAN-RECORDED",
			    e->recorded == PP_REC_YES ? "yes" : "no");
	}
	if (w->alarm_minutes > 0 && !d->no_alarm) {
		icalcomponent *a = icalcomponent_new_valarm();
		struct icaltriggertype tr;
		int m = w->alarm_minutes > 525600 ? 525600 : w->alarm_minutes;

		memset(&tr, 0, sizeof(tr));
		tr.time = icaltime_null_time();
		tr.duration = icaldurationtype_from_int(-60 * m);
		icalcomponent_add_property(a,
		    icalproperty_new_action(ICAL_ACTION_DISPLAY));
		icalcomponent_add_property(a, icalproperty_new_trigger(tr));
		add_clean(a, icalproperty_new_description,
		    *d->title != '\0' ? d->title : "pyplan", 1);
		icalcomponent_add_component(ev, a);
	}
	icalcomponent_add_component(w->cal, ev);
}

uint64_t
pp_ics_uid_hash(const char *id, const char *kind, int64_t start, int64_t end,
    const char *title)
{
	uint64_t h = PP_FNV1A_INIT;

	if (id == NULL) {
		h = hash_str(h, kind);
		h = hash_i64(h, start);
		return hash_i64(h, end);
	}
	h = hash_str(h, id);
	h = hash_i64(h, start);
	h = hash_i64(h, end);
	return hash_str(h, title);
}

void
pp_ics_uid_format(uint64_t h, char buf[PP_ICS_UID_MAX])
{
	snprintf(buf, PP_ICS_UID_MAX, "%016" PRIx64 "@pyplan", h);
}

/* The name after "pyplan: " in X-WR-CALNAME. */
static const char *
cal_name(const struct pp_timetable *tt)
{
	const char *f, *slash;

	if (tt != NULL && tt->name != NULL && *tt->name != '\0')
		return tt->name;
	if (tt == NULL || tt->n == 0 || (f = tt->ev[0].file) == NULL)
		return "plan";
	slash = strrchr(f, '/');
	return slash != NULL && slash[1] != '\0' ? slash + 1 : f;
}

int
pp_write_ics(FILE *fp, const struct pp_plan *pl, const struct pp_write_opts *o)
{
	const struct pp_timetable *tt = pl->m != NULL ? pl->m->tt : NULL;
	const char *zone = pick_zone(pl->m != NULL ? pl->m->tz : NULL, NULL);
	struct writer w;
	size_t d, i;

	writer_init(&w, cal_name(tt), zone != NULL ? zone : "UTC");
	w.alarm_minutes = o != NULL ? o->alarm_minutes : 0;
	if (o != NULL && o->previous != NULL) {
		w.prev = o->previous;
		w.prev_used = pp_xcalloc(w.prev->n + 1, 1);
		for (i = 0; i < w.prev->n; i++)
			use_zone(&w, zone, w.prev->v[i].start);
	}
	for (d = 0; d < pl->ndays; d++)
		for (i = 0; i < pl->days[d].n; i++)
			use_zone(&w, zone, pl->days[d].items[i]->start);
	writer_zones(&w);
	for (d = 0; d < pl->ndays; d++)
		for (i = 0; i < pl->days[d].n; i++) {
			const struct pp_item *it = pl->days[d].items[i];
			struct item_desc x;
			char idbuf[PP_ITEM_ID_MAX];

			/* A busy block is in the attendee's own calendar
			 * already (or their profile): not again. */
			if (it->src == PP_ITEM_BUSY)
				continue;
			memset(&x, 0, sizeof(x));
			x.ev = it->ev;
			x.kind = it->kind;
			x.start = it->start;
			x.end = it->end;
			x.title = it->title != NULL ? it->title : "";
			x.room = it->room;
			x.reason = it->reason;
			x.zone = zone;
			x.item_id = pp_item_id(it,
			    pl->m != NULL && pl->m->tz != NULL ? pl->m->tz
			                                       : "UTC",
			    idbuf);
			/* The hallway track is where one already is: a
			 * reminder only when asked for. */
			x.no_alarm = it->src == PP_ITEM_HALLWAY &&
			    (o == NULL || !o->alarm_hallway);
			x.hash =
			    pp_ics_uid_hash(it->ev != NULL ? it->ev->id : NULL,
			        pp_kind_name(it->kind), it->start, it->end,
			        x.title);
			if (o != NULL && o->uid_salt != NULL)
				x.hash = hash_str(x.hash, o->uid_salt);
			add_event(&w, &x);
		}
	add_cancelled(&w, zone);
	return writer_finish(&w, fp);
}

int
pp_write_timetable_ics(FILE *fp, const struct pp_timetable *tt, const char *tz)
{
	const char *deflt = pick_zone(tz, NULL);
	struct writer w;
	size_t i;

	writer_init(&w, cal_name(tt),
	    tz != NULL && pp_tz_valid(tz) ? tz : NULL);
	w.xprops = 1;
	for (i = 0; i < tt->n; i++)
		use_zone(&w, pick_zone(tt->ev[i].tz, deflt), tt->ev[i].start);
	writer_zones(&w);
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *e = &tt->ev[i];
		struct item_desc x;

		memset(&x, 0, sizeof(x));
		x.ev = e;
		x.kind = e->kind;
		x.start = e->start;
		x.end = e->end;
		x.title = e->title;
		x.room = e->room;
		x.zone = pick_zone(e->tz, deflt);
		x.hash =
		    pp_ics_uid_hash(e->id, NULL, e->start, e->end, e->title);
		add_event(&w, &x);
	}
	return writer_finish(&w, fp);
}
