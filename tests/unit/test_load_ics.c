/* SPDX-License-Identifier: ISC */
/*
 * Tests of the iCalendar reader: the real programmes of the corpus, one
 * synthetic file per feature (zones, DST, floating times, DURATION,
 * recurrences, cancelled and all-day events, folding, kinds), the busy
 * calendar reader, and damaged input of every kind.
 *
 * The corpus counts were taken independently of pyplan with
 * python3-icalendar:
 *   /usr/bin/python3 tests/interop/ics_events.py --counts FILE
 *   pycon2025-talks.ics        vevents 117 schedulable 117
 *   pycon2025-open_spaces.ics  vevents 146 schedulable 146 (141 UIDs)
 *   pycon2025-all_events.ics   vevents 224 schedulable 194 zero_length 30
 *   pyconuk2015-schedule.ics   vevents 162 schedulable 157 no_end 5
 *   nodejs-release.ical        vevents 10 all_day 10 schedulable 0
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/load_ics.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* Reads a fixture; the caller frees the result. */
static char *
slurp(const char *name, size_t *len)
{
	char path[256];
	FILE *fp;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = pp_xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

struct loaded {
	struct pp_timetable *tt;
	struct pp_diags ds;
	int rc;
};

static void
load_buf(struct loaded *l, const char *name, const char *data, size_t len,
    const char *tz, int lenient)
{
	struct pp_load_opts o = {tz, lenient};

	l->tt = pp_timetable_new();
	pp_diags_init(&l->ds);
	l->rc = pp_load_ics(l->tt, name, data, len, &o, &l->ds);
}

static void
load(struct loaded *l, const char *name, const char *tz, int lenient)
{
	size_t len;
	char *data = slurp(name, &len);

	load_buf(l, name, data, len, tz, lenient);
	free(data);
}

static void
done(struct loaded *l)
{
	pp_timetable_free(l->tt);
	pp_diags_fini(&l->ds);
}

/* UTC seconds of "YYYY-MM-DDTHH:MM" (UTC). */
static int64_t
utc(const char *s)
{
	int y, mo, d, h, mi;

	assert_int_equal(sscanf(s, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi), 5);
	return pp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static const struct pp_event *
by_id(const struct pp_timetable *tt, const char *id)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->ev[i].id, id) == 0)
			return &tt->ev[i];
	fail_msg("no event with id %s", id);
	return NULL;
}

static const struct pp_event *
by_title(const struct pp_timetable *tt, const char *title)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->ev[i].title, title) == 0)
			return &tt->ev[i];
	fail_msg("no event titled %s", title);
	return NULL;
}

static size_t
count(const struct pp_diags *ds, enum pp_level level)
{
	size_t i, n = 0;

	for (i = 0; i < ds->n; i++)
		n += ds->v[i].level == level;
	return n;
}

/* 1 if ds holds a diagnostic of that level at line whose text holds s. */
static int
has(const struct pp_diags *ds, enum pp_level level, unsigned line,
    const char *s)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (ds->v[i].level == level && ds->v[i].line == line &&
		    strstr(ds->v[i].msg, s) != NULL)
			return 1;
	return 0;
}

/* The text of physical line n (1-based) of data, without its ending. */
static void
line_of(const char *data, unsigned n, char *buf, size_t size)
{
	const char *p = data, *e;
	size_t len;

	while (--n > 0) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
	}
	e = strchr(p, '\n');
	len = e != NULL ? (size_t)(e - p) : strlen(p);
	if (len > 0 && p[len - 1] == '\r')
		len--;
	if (len >= size)
		len = size - 1;
	memcpy(buf, p, len);
	buf[len] = '\0';
}

/* Every event's line is the line of a BEGIN:VEVENT in the raw text. */
static void
assert_lines_are_begins(const char *name, const struct pp_timetable *tt)
{
	size_t len, i;
	char *data = slurp(name, &len), buf[32];

	for (i = 0; i < tt->n; i++) {
		line_of(data, tt->ev[i].line, buf, sizeof(buf));
		assert_string_equal(buf, "BEGIN:VEVENT");
	}
	free(data);
}

/* ---- the corpus ----------------------------------------------------- */

static void
test_corpus_talks(void **state)
{
	struct loaded l;
	const struct pp_event *e;
	size_t i;

	(void)state;
	load(&l, "pycon2025-talks.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 117);
	assert_int_equal(l.ds.nerrors, 0);
	assert_int_equal(l.ds.nwarnings, 0);
	assert_string_equal(l.tt->name, "PyCon 2025 Talks");

	e = by_id(l.tt, "bffa3522-4629-5e7c-ac08-0433874a4508");
	assert_string_equal(e->title, "Looking At Audio");
	assert_string_equal(e->kind_word, "talk");
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_int_equal(e->start, utc("2025-05-17T17:30"));
	assert_int_equal(e->end, utc("2025-05-17T18:15"));
	assert_string_equal(e->room, "Ballroom A");
	assert_string_equal(e->url,
	    "https://us.pycon.org/2025/schedule/presentation/103/");
	assert_non_null(strstr(e->abstract, "\u0141ukasz Langa"));
	assert_non_null(strstr(e->abstract, "In this talk, we'll"));
	assert_int_equal(e->line, 6);
	assert_string_equal(e->tz, "UTC");

	e = by_id(l.tt, "e2ca9033-3f0f-5b89-bd7d-96cf9e2530b0");
	assert_string_equal(e->title, "Keynote - Cory Doctorow");
	assert_string_equal(e->kind_word, "plenary");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);

	/* LOCATION with escaped commas is one room, kept whole. */
	e = by_id(l.tt, "ce1b28ad-1a2e-5c7d-97fa-17fb9a837014");
	assert_int_equal(e->kind, PP_KIND_BREAK);
	assert_int_equal(e->nrooms, 1);
	assert_string_equal(e->room,
	    "Hall C, Ballroom A, Ballroom BC, "
	    "Room 301-305, Room 310/311");

	for (i = 0; i < l.tt->n; i++) {
		assert_true(l.tt->ev[i].end > l.tt->ev[i].start);
		assert_string_equal(l.tt->ev[i].file, "pycon2025-talks.ics");
		/* every SUMMARY has a "[kind] " prefix, taken off */
		assert_true(l.tt->ev[i].kind_word[0] != '\0');
		assert_true(strncmp(l.tt->ev[i].title, "[talk]", 6) != 0);
		assert_true(strncmp(l.tt->ev[i].title, "[plenary]", 9) != 0);
	}
	/* a title that itself starts with '[' keeps it */
	e = by_id(l.tt, "d7b65d1b-5fbc-53c3-b8c8-a538cb3d070a");
	assert_string_equal(e->title,
	    "[Job Fair and Community Showcase]"
	    "(https://us.pycon.org/2025/events/job-fair/)");
	assert_lines_are_begins("pycon2025-talks.ics", l.tt);
	done(&l);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
test_corpus_open_spaces(void **state)
{
	struct loaded l;
	const char **ids;
	size_t i, unique = 0;

	(void)state;
	load(&l, "pycon2025-open_spaces.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 146);
	assert_int_equal(l.ds.nerrors + l.ds.nwarnings, 0);
	/* Duplicate UIDs: every VEVENT is kept, ids as given. */
	ids = pp_xcalloc(l.tt->n, sizeof(*ids));
	for (i = 0; i < l.tt->n; i++) {
		ids[i] = l.tt->ev[i].id;
		assert_int_equal(l.tt->ev[i].kind, PP_KIND_OPEN_SPACE);
	}
	qsort(ids, l.tt->n, sizeof(*ids), cmp_str);
	for (i = 0; i < l.tt->n; i++)
		unique += i == 0 || strcmp(ids[i], ids[i - 1]) != 0;
	assert_int_equal(unique, 141);
	free(ids);
	assert_lines_are_begins("pycon2025-open_spaces.ics", l.tt);
	done(&l);
}

static void
test_corpus_all_events(void **state)
{
	struct loaded l;
	size_t i, zero = 0;

	(void)state;
	load(&l, "pycon2025-all_events.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nerrors, 0);
	/* 224 VEVENTs: 194 usable, 30 "informational" instants (DTEND =
	 * DTSTART) skipped with a warning each. */
	assert_int_equal(l.tt->n, 194);
	for (i = 0; i < l.ds.n; i++)
		zero += l.ds.v[i].level == PP_WARNING &&
		    strstr(l.ds.v[i].msg, "zero-length") != NULL;
	assert_int_equal(zero, 30);
	assert_int_equal(l.ds.nwarnings, 30);
	assert_lines_are_begins("pycon2025-all_events.ics", l.tt);
	done(&l);
}

static void
test_corpus_pyconuk(void **state)
{
	struct loaded l;
	const struct pp_event *e;
	size_t len, i;
	char *data, buf[32];

	(void)state;
	load(&l, "pyconuk2015-schedule.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nerrors, 0);
	/* 162 VEVENTs, 5 with DTSTART only (zero length): warned, skipped */
	assert_int_equal(l.tt->n, 157);
	assert_int_equal(l.ds.nwarnings, 5);
	data = slurp("pyconuk2015-schedule.ics", &len);
	for (i = 0; i < l.ds.n; i++) {
		if (l.ds.v[i].level != PP_WARNING)
			continue;
		assert_non_null(strstr(l.ds.v[i].msg, "no DTEND or DURATION"));
		line_of(data, l.ds.v[i].line, buf, sizeof(buf));
		assert_string_equal(buf, "BEGIN:VEVENT");
	}
	free(data);
	/* A UID folded mid-token, unfolded. */
	e = by_id(l.tt,
	    "20160417T070217Z-1650@testing-worker-linux-docker-"
	    "3ee836b9-3394-linux-5");
	/* An escaped comma in SUMMARY. */
	assert_string_equal(e->title, "Keynote: Van Lindberg, PSF Chair");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	assert_int_equal(e->start, utc("2015-09-18T09:30"));
	assert_string_equal(e->room, "PythonAnywhere Room (CC1.3)");
	e = by_title(l.tt, "Registration / Breakfast");
	assert_int_equal(e->kind, PP_KIND_MEAL);
	assert_string_equal(l.tt->name, "PyCon UK 2015 Schedule");
	assert_lines_are_begins("pyconuk2015-schedule.ics", l.tt);
	done(&l);
}

static void
test_corpus_nodejs(void **state)
{
	struct loaded l;
	size_t i;

	(void)state;
	load(&l, "nodejs-release.ical", NULL, 0);
	/* All ten events are all-day: nothing schedulable, a note each, and
	 * one warning, so that the file does not look empty. */
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 0);
	assert_int_equal(l.ds.nerrors, 0);
	assert_int_equal(l.ds.nwarnings, 1);
	assert_true(has(&l.ds, PP_WARNING, 9, "10 all-day events skipped"));
	assert_int_equal(count(&l.ds, PP_NOTE), 10);
	for (i = 0; i < l.ds.n; i++)
		assert_non_null(strstr(l.ds.v[i].msg, "all-day"));
	assert_true(has(&l.ds, PP_NOTE, 9, "all-day event skipped"));
	done(&l);
}

/* ---- time ----------------------------------------------------------- */

static void
test_vtimezone(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "ics-vtimezone.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 5);
	/* "Brussels Time" exists only as the file's VTIMEZONE. */
	e = by_id(l.tt, "custom-zone@test");
	assert_int_equal(e->start, utc("2025-06-01T08:00")); /* +02:00 */
	assert_int_equal(e->end, utc("2025-06-01T09:00"));
	e = by_id(l.tt, "custom-zone-winter@test");
	assert_int_equal(e->start, utc("2025-01-15T09:00")); /* +01:00 */
	/* Not an IANA name: its instants come from its VTIMEZONE, but it
	 * is shown in UTC, which is worth a warning (issue 18 item 7). */
	assert_string_equal(e->tz, "UTC");
	assert_true(has(&l.ds, PP_WARNING, 39, "not an IANA or Windows zone"));
	assert_int_equal(count(&l.ds, PP_WARNING), 1);
	assert_int_equal(count(&l.ds, PP_NOTE), 0);
	e = by_id(l.tt, "iana-with-vtimezone@test");
	assert_int_equal(e->start, utc("2025-06-01T12:00"));
	assert_int_equal(e->end, utc("2025-06-01T12:30"));
	assert_string_equal(e->tz, "Europe/Berlin");
	/* An IANA TZID without VTIMEZONE comes from the zone database. */
	e = by_id(l.tt, "iana-without-vtimezone@test");
	assert_int_equal(e->start, utc("2025-06-01T13:00"));
	assert_string_equal(e->tz, "America/New_York");
	e = by_id(l.tt, "utc@test");
	assert_int_equal(e->start, utc("2025-06-01T12:00"));
	done(&l);
}

static void
test_dst(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "ics-dst.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 3);
	e = by_id(l.tt, "sat-keynote@dst");
	assert_int_equal(e->start, utc("2025-03-29T09:00")); /* CET */
	assert_string_equal(e->tz, "Europe/Brussels");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	/* 01:30 CET to 03:30 CEST is one hour. */
	e = by_id(l.tt, "night-owl@dst");
	assert_int_equal(e->start, utc("2025-03-30T00:30"));
	assert_int_equal(e->end - e->start, 3600);
	e = by_id(l.tt, "sun-keynote@dst");
	assert_int_equal(e->start, utc("2025-03-30T08:00")); /* CEST */
	done(&l);
}

static void
test_floating(void **state)
{
	struct loaded l;
	const struct pp_event *e;
	static const char wr[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "X-WR-TIMEZONE:Europe/Brussels\nBEGIN:VEVENT\nUID:f\n"
	    "DTSTART:20250512T090000\nDTEND:20250512T100000\n"
	    "SUMMARY:Floating\nEND:VEVENT\nEND:VCALENDAR\n";

	(void)state;
	/* Without a zone, floating times are UTC. */
	load(&l, "ics-floating.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	e = by_id(l.tt, "float-1@test");
	assert_int_equal(e->start, utc("2025-05-12T09:00"));
	assert_int_equal(e->end, utc("2025-05-12T09:45"));
	assert_string_equal(e->tz, "UTC");
	e = by_id(l.tt, "float-2@test");
	assert_int_equal(e->end - e->start, 90 * 60);
	assert_int_equal(e->kind, PP_KIND_TUTORIAL);
	done(&l);

	/* With --tz they are read in that zone. */
	load(&l, "ics-floating.ics", "America/New_York", 0);
	assert_int_equal(l.rc, 0);
	e = by_id(l.tt, "float-1@test");
	assert_int_equal(e->start, utc("2025-05-12T13:00"));
	assert_string_equal(e->tz, "America/New_York");
	done(&l);

	/* X-WR-TIMEZONE is the fallback; --tz wins over it. */
	load_buf(&l, "wr.ics", wr, strlen(wr), NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->ev[0].start, utc("2025-05-12T07:00"));
	assert_string_equal(l.tt->ev[0].tz, "Europe/Brussels");
	done(&l);
	load_buf(&l, "wr.ics", wr, strlen(wr), "UTC", 0);
	assert_int_equal(l.tt->ev[0].start, utc("2025-05-12T09:00"));
	done(&l);

	/* An unknown --tz is an error, not a silent UTC. */
	load(&l, "ics-floating.ics", "Nowhere/Zone", 0);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.tt->n, 0);
	assert_non_null(strstr(l.ds.v[0].msg, "unknown time zone"));
	done(&l);
}

static void
test_duration(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-duration.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 3);
	assert_int_equal(pp_event_minutes(by_id(l.tt, "d1@test")), 45);
	assert_int_equal(pp_event_minutes(by_id(l.tt, "d2@test")), 90);
	assert_int_equal(pp_event_minutes(by_id(l.tt, "d3@test")), 26 * 60);
	/* PT0S: zero length, warned and skipped */
	assert_int_equal(l.ds.nwarnings, 1);
	assert_true(has(&l.ds, PP_WARNING, 22, "zero-length"));
	done(&l);
}

static void
test_recurrence(void **state)
{
	struct loaded l;
	const struct pp_event *e;
	size_t i, n;

	(void)state;
	load(&l, "ics-recur.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nerrors + l.ds.nwarnings, 0);
	/* stand-up: COUNT=5 from 12 May, minus EXDATE 14, 13 moved to
	 * 11:00 by an override, 15 cancelled by one (kept, cancelled): 12,
	 * 13, 15, 16 */
	for (i = n = 0; i < l.tt->n; i++)
		n += strncmp(l.tt->ev[i].id, "standup@recur/", 14) == 0;
	assert_int_equal(n, 4);
	e = by_id(l.tt, "standup@recur/20250515T070000Z");
	assert_int_equal(e->status, PP_STATUS_CANCELLED);
	assert_int_equal(e->line, 21);
	e = by_id(l.tt, "standup@recur/20250512T070000Z");
	assert_int_equal(e->start, utc("2025-05-12T07:00"));
	assert_int_equal(e->end, utc("2025-05-12T07:15"));
	assert_int_equal(e->line, 4);
	e = by_id(l.tt, "standup@recur/20250513T070000Z");
	assert_string_equal(e->title, "Daily stand-up (moved)");
	assert_int_equal(e->start, utc("2025-05-13T09:00"));
	assert_int_equal(e->line, 13);
	e = by_id(l.tt, "standup@recur/20250516T070000Z");
	assert_int_equal(e->start, utc("2025-05-16T07:00"));
	assert_int_equal(e->status, PP_STATUS_CONFIRMED);
	/* RDATE adds two instances, one at another time of day. */
	e = by_id(l.tt, "workshop@recur/20250516T160000Z");
	assert_int_equal(e->end - e->start, 3600);
	by_id(l.tt, "workshop@recur/20250512T140000Z");
	by_id(l.tt, "workshop@recur/20250514T140000Z");
	/* Weekly with UNTIL, DURATION for each. */
	for (i = n = 0; i < l.tt->n; i++)
		if (strncmp(l.tt->ev[i].id, "weekly@recur/", 13) == 0) {
			n++;
			assert_int_equal(pp_event_minutes(&l.tt->ev[i]), 120);
		}
	assert_int_equal(n, 4);
	by_id(l.tt, "weekly@recur/20250602T180000Z");
	assert_int_equal(l.tt->n, 11);
	done(&l);
}

static void
test_count_cap(void **state)
{
	struct loaded l;

	(void)state;
	/* COUNT=100000000 and an endless MINUTELY rule stop at the cap. */
	load(&l, "ics-bad-count.ics", NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.ds.nerrors, 2);
	assert_true(has(&l.ds, PP_ERROR, 8, "more than 10000 occurrences"));
	assert_true(has(&l.ds, PP_ERROR, 15, "more than 10000 occurrences"));
	assert_int_equal(l.tt->n, 3);
	done(&l);
	load(&l, "ics-bad-count.ics", NULL, 1);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nwarnings, 2);
	assert_int_equal(l.tt->n, 3);
	done(&l);
}

/*
 * Rules libical would iterate for hours: an observance every second in a
 * VTIMEZONE, a minutely rule filtered to a day that never comes, and
 * 30 February.  All refused at once.
 */
static void
test_rule_bombs(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-bad-rules.ics", NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.ds.nerrors, 4);
	assert_true(has(&l.ds, PP_ERROR, 8,
	    "VTIMEZONE rule changes the "
	    "offset too often (more than 400 times in three years)"));
	assert_true(has(&l.ds, PP_ERROR, 15,
	    "TZID 'Bomb Time': its VTIMEZONE (line 4) cannot be evaluated"));
	assert_true(has(&l.ds, PP_ERROR, 23, "unsupported RRULE (sub-daily"));
	assert_true(has(&l.ds, PP_ERROR, 30, "unsupported RRULE (BYMONTHDAY"));
	assert_int_equal(l.tt->n, 0);
	done(&l);
}

/* ---- issue 18: exact time ------------------------------------------- */

/* Appends printf output to a growing buffer. */
static void sb_printf(char **buf, size_t *len, size_t *cap, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
sb_printf(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	*buf = pp_xgrowarray(*buf, cap, *len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(*buf + *len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	*len += (size_t)n;
}

/* The instant of a wall-clock time in an IANA zone (RFC 5545 reading). */
static int64_t
iana(const char *zone, int y, int mo, int d, int h, int mi)
{
	struct pp_civil c;
	int64_t t;

	memset(&c, 0, sizeof(c));
	c.year = y;
	c.month = mo;
	c.day = d;
	c.hour = h;
	c.min = mi;
	assert_int_equal(pp_tz_from_civil(zone, &c, &t), 0);
	return t;
}

/*
 * Item 5: a daily 02:30 event across the spring change is at 02:30 every
 * day, and at 03:30 on the day the clocks skip 02:30 (libical gave 02:30,
 * 03:30, 03:30, 02:30); a skipped DTSTART is read with the offset before
 * the gap (03:30+02:00, not 01:30+01:00) and said so; a repeated one is
 * its first occurrence (+02:00).
 */
static void
test_dst_rrule(void **state)
{
	static const char ics[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VEVENT\nUID:berlin\n"
	    "DTSTART;TZID=Europe/Berlin:20180324T023000\n"
	    "DTEND;TZID=Europe/Berlin:20180324T033000\n"
	    "RRULE:FREQ=DAILY;COUNT=4\nSUMMARY:Berlin\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:ny\n"
	    "DTSTART;TZID=America/New_York:20180310T023000\n"
	    "DTEND;TZID=America/New_York:20180310T030000\n"
	    "RRULE:FREQ=DAILY;COUNT=4\nSUMMARY:NY\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:gap\n"
	    "DTSTART;TZID=Europe/Berlin:20180325T023000\n"
	    "DTEND;TZID=Europe/Berlin:20180325T040000\n"
	    "SUMMARY:Gap\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:fold\n"
	    "DTSTART;TZID=Europe/Berlin:20181028T023000\n"
	    "DTEND;TZID=Europe/Berlin:20181028T040000\n"
	    "SUMMARY:Fold\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:until\n"
	    "DTSTART;TZID=Europe/Berlin:20180601T180000\n"
	    "DTEND;TZID=Europe/Berlin:20180601T190000\n"
	    "RRULE:FREQ=DAILY;UNTIL=20180603T160000Z\n"
	    "SUMMARY:Until\nEND:VEVENT\nEND:VCALENDAR\n";
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load_buf(&l, "dst.ics", ics, strlen(ics), NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(by_id(l.tt, "berlin/20180324T013000Z")->start,
	    utc("2018-03-24T01:30"));
	/* 02:30 does not exist on the 25th: 03:30+02:00 */
	assert_int_equal(by_id(l.tt, "berlin/20180325T013000Z")->start,
	    utc("2018-03-25T01:30"));
	/* and the day after is 02:30 again, +02:00 */
	assert_int_equal(by_id(l.tt, "berlin/20180326T003000Z")->start,
	    utc("2018-03-26T00:30"));
	assert_int_equal(by_id(l.tt, "berlin/20180327T003000Z")->start,
	    utc("2018-03-27T00:30"));
	assert_int_equal(by_id(l.tt, "ny/20180311T073000Z")->start,
	    iana("America/New_York", 2018, 3, 11, 3, 30));
	assert_int_equal(by_id(l.tt, "ny/20180312T063000Z")->start,
	    iana("America/New_York", 2018, 3, 12, 2, 30));
	e = by_id(l.tt, "gap");
	assert_int_equal(e->start, utc("2018-03-25T01:30"));
	assert_int_equal(e->end, utc("2018-03-25T02:00"));
	assert_true(has(&l.ds, PP_WARNING, 19,
	    "2018-03-25 02:30 does not exist in Europe/Berlin"));
	e = by_id(l.tt, "fold");
	assert_int_equal(e->start, utc("2018-10-28T00:30"));
	assert_int_equal(e->end, utc("2018-10-28T03:00"));
	/* UNTIL 16:00Z is 18:00 in Berlin: the 3rd is the last */
	by_id(l.tt, "until/20180603T160000Z");
	assert_int_equal(l.tt->n, 4 + 4 + 2 + 3);
	assert_int_equal(l.ds.nwarnings, 1);
	done(&l);
}

/*
 * A VTIMEZONE of its own (a TZID that is not an IANA name) is evaluated by
 * pyplan: every wall-clock time around every change from 1990 to 2030
 * must give the instant the IANA zone with the same rules gives, skipped
 * and repeated times included.  "My Berlin" ends its old rule with a UTC
 * UNTIL east of Greenwich, "My New York" changed its rules in 2007.
 */
static void
test_vtimezone_rules(void **state)
{
	static const char zones[] =
	    "BEGIN:VTIMEZONE\nTZID:My Berlin\n"
	    "BEGIN:STANDARD\nDTSTART:19810927T030000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z\n"
	    "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n"
	    "BEGIN:STANDARD\nDTSTART:19961027T030000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\n"
	    "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n"
	    "BEGIN:DAYLIGHT\nDTSTART:19810329T020000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n"
	    "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\n"
	    "END:VTIMEZONE\n"
	    "BEGIN:VTIMEZONE\nTZID:My New York\n"
	    "BEGIN:DAYLIGHT\nDTSTART:19870405T020000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z\n"
	    "TZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT\n"
	    "BEGIN:STANDARD\nDTSTART:19671029T020000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z\n"
	    "TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD\n"
	    "BEGIN:DAYLIGHT\nDTSTART:20070311T020000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\n"
	    "TZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT\n"
	    "BEGIN:STANDARD\nDTSTART:20071104T020000\n"
	    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\n"
	    "TZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD\n"
	    "END:VTIMEZONE\n";
	static const int years[] = {1990, 1995, 1996, 2006, 2007, 2018, 2030,
	    2900};
	static const int months[] = {3, 4, 9, 10, 11};
	static const int times[] = {90, 120, 150, 180};
	static const char *const tz[][2] = {{"My Berlin", "Europe/Berlin"},
	    {"My New York", "America/New_York"}};
	char *buf = NULL, id[64];
	size_t len = 0, cap = 0, y, m, d, t, z, n = 0, i;
	struct loaded l;

	(void)state;
	sb_printf(&buf, &len, &cap, "BEGIN:VCALENDAR\nVERSION:2.0\n%s", zones);
	for (z = 0; z < 2; z++)
		for (y = 0; y < sizeof(years) / sizeof(years[0]); y++)
			for (m = 0; m < sizeof(months) / sizeof(months[0]); m++)
				for (d = 1; d <= 30; d++)
					for (t = 0; t < 4; t++) {
						sb_printf(&buf, &len, &cap,
						    "BEGIN:VEVENT\nUID:%zu-%d-%"
						    "d-"
						    "%zu-%d\nDTSTART;TZID=%s:"
						    "%04d%02d%02dT%02d%02d00\n"
						    "DURATION:PT1M\nSUMMARY:x\n"
						    "END:VEVENT\n",
						    z, years[y], months[m], d,
						    times[t], tz[z][0],
						    years[y], months[m], (int)d,
						    times[t] / 60,
						    times[t] % 60);
						n++;
					}
	sb_printf(&buf, &len, &cap, "END:VCALENDAR\n");
	load_buf(&l, "rules.ics", buf, len, NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, n);
	for (i = 0; i < l.tt->n; i++) {
		const struct pp_event *e = &l.tt->ev[i];
		int yy, mm, dd, mins;

		assert_int_equal(sscanf(e->id, "%zu-%d-%d-%d-%d", &z, &yy, &mm,
		                     &dd, &mins),
		    5);
		snprintf(id, sizeof(id), "%s", e->id);
		if (e->start !=
		    iana(tz[z][1], yy, mm, dd, mins / 60, mins % 60))
			fail_msg("%s: %" PRId64 " != %" PRId64, id, e->start,
			    iana(tz[z][1], yy, mm, dd, mins / 60, mins % 60));
		assert_string_equal(e->tz, "UTC");
	}
	/* one warning per zone: not an IANA name, shown in UTC; and the
	 * skipped times */
	assert_int_equal(l.ds.nerrors, 0);
	done(&l);
	free(buf);
}

/* Item 6: values libical reads wrong are errors at their lines. */
static void
test_overflows(void **state)
{
	static const struct {
		const char *prop, *msg;
	} cases[] = {
	    {"DURATION:PT4294970896S", "DURATION 'PT4294970896S' is longer"},
	    {"DURATION:P7102W", "DURATION 'P7102W' is longer than 366 days"},
	    {"DURATION:P1H", "DURATION value 'P1H'"},
	    {"DURATION:PT1H1D", "DURATION value 'PT1H1D'"},
	    {"DURATION:P1W2D", "DURATION value 'P1W2D'"},
	    {"DTEND:20200511T090000Z", "DTEND is more than 366 days after"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=4294967297",
	        "bad RRULE part 'COUNT=4294967297'"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=5x",
	        "bad RRULE part 'COUNT=5x'"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=1e3",
	        "bad RRULE part 'COUNT=1e3'"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=YEARLY;COUNT=10000",
	        "RRULE goes on past the year 2582"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=YEARLY;UNTIL=26000101",
	        "RRULE goes on past the year 2582"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=YEARLY",
	        "more than 10000 occurrences (it has no COUNT or UNTIL)"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=10001",
	        "RRULE yields more than 10000 occurrences"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=WEEKLY;INTERVAL=65537;COUNT=2",
	        "bad RRULE part 'INTERVAL=65537'"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=YEARLY;BYWEEKNO=54;COUNT=2",
	        "bad RRULE part 'BYWEEKNO=54' (out of range)"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=YEARLY;BYYEARDAY=367;COUNT=2",
	        "bad RRULE part 'BYYEARDAY=367' (out of range)"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=2;COUNT=3",
	        "bad RRULE"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;COUNT=2;UNTIL=20190101",
	        "bad RRULE"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=WEEKLY;BYDAY=54MO;COUNT=2",
	        "bad RRULE part 'BYDAY=54MO' (week number out of range)"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=MONTHLY;BYMONTH=13;COUNT=2",
	        "bad RRULE part 'BYMONTH=13' (out of range)"},
	    {"DTEND:20180511T100000Z\nRRULE:FREQ=DAILY;RSCALE=HEBREW;COUNT=2",
	        "RSCALE and SKIP are not supported"},
	};
	char buf[512];
	size_t i;
	struct loaded l;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(buf, sizeof(buf),
		    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n"
		    "DTSTART:20180511T090000Z\n%s\nSUMMARY:x\nEND:VEVENT\n"
		    "END:VCALENDAR\n",
		    cases[i].prop);
		load_buf(&l, "ovf.ics", buf, strlen(buf), NULL, 0);
		if (l.rc != -1 || l.ds.nerrors != 1 ||
		    strstr(l.ds.v[0].msg, cases[i].msg) == NULL)
			fail_msg("%s: rc %d, %zu errors, '%s'", cases[i].prop,
			    l.rc, l.ds.nerrors,
			    l.ds.n > 0 ? l.ds.v[0].msg : "");
		/* the line of the property: DTEND or DURATION on 6, RRULE
		 * on 7 */
		assert_int_equal(l.ds.v[0].line,
		    strchr(cases[i].prop, '\n') != NULL ? 7 : 6);
		assert_int_equal(l.tt->n, 0);
		done(&l);
	}
	/* and the exact reading of a valid DURATION */
	snprintf(buf, sizeof(buf),
	    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n"
	    "DTSTART:20180511T090000Z\nDURATION:P1W2DT3H4M5S\nSUMMARY:x\n"
	    "END:VEVENT\nEND:VCALENDAR\n");
	buf[strstr(buf, "P1W2D") - buf + 3] = 'X'; /* "P1WX..." is bad */
	load_buf(&l, "ovf.ics", buf, strlen(buf), NULL, 0);
	assert_int_equal(l.rc, -1);
	done(&l);
	snprintf(buf, sizeof(buf),
	    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\n"
	    "DTSTART:20180511T090000Z\nDURATION:P2DT3H4M5S\nSUMMARY:x\n"
	    "END:VEVENT\nEND:VCALENDAR\n");
	load_buf(&l, "ovf.ics", buf, strlen(buf), NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->ev[0].end - l.tt->ev[0].start,
	    2 * 86400 + 3 * 3600 + 4 * 60 + 5);
	done(&l);
}

/*
 * Items 7 and 8: a Windows TZID (Outlook) is its IANA zone; a VTIMEZONE
 * that contradicts the IANA zone of its TZID is a warning and the IANA
 * zone is used; offsets beyond 14 hours or malformed are errors.
 */
static void
test_zone_names(void **state)
{
	static const char outlook[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VTIMEZONE\nTZID:W. Europe Standard Time\n"
	    "BEGIN:STANDARD\nDTSTART:16011028T030000\n"
	    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\n"
	    "TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\n"
	    "BEGIN:DAYLIGHT\nDTSTART:16010325T020000\n"
	    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\n"
	    "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\n"
	    "END:VTIMEZONE\n"
	    "BEGIN:VEVENT\nUID:w\n"
	    "DTSTART;TZID=W. Europe Standard Time:20180511T090000\n"
	    "DTEND;TZID=W. Europe Standard Time:20180511T100000\n"
	    "SUMMARY:Outlook\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:e\n"
	    "DTSTART;TZID=Eastern Standard Time:20180511T090000\n"
	    "DTEND;TZID=Eastern Standard Time:20180511T100000\n"
	    "SUMMARY:No VTIMEZONE\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:p\n"
	    "DTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:"
	    "20180511T090000\n"
	    "DURATION:PT1H\nSUMMARY:Prefixed\nEND:VEVENT\n"
	    "END:VCALENDAR\n";
	static const char liar[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n"
	    "BEGIN:STANDARD\nDTSTART:19700101T000000\n"
	    "TZOFFSETFROM:+1400\nTZOFFSETTO:+1400\nEND:STANDARD\n"
	    "END:VTIMEZONE\n"
	    "BEGIN:VTIMEZONE\nTZID:Mars Time\n"
	    "BEGIN:STANDARD\nDTSTART:19700101T000000\n"
	    "TZOFFSETFROM:-9959\nTZOFFSETTO:-9959\nEND:STANDARD\n"
	    "END:VTIMEZONE\n"
	    "BEGIN:VTIMEZONE\nTZID:Far Time\n"
	    "BEGIN:STANDARD\nDTSTART:19700101T000000\n"
	    "TZOFFSETFROM:+1500\nTZOFFSETTO:+1500\nEND:STANDARD\n"
	    "END:VTIMEZONE\n"
	    "BEGIN:VEVENT\nUID:b\n"
	    "DTSTART;TZID=Europe/Berlin:20180511T090000\n"
	    "DTEND;TZID=Europe/Berlin:20180511T100000\n"
	    "SUMMARY:Berlin\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:m\n"
	    "DTSTART;TZID=Mars Time:20180511T090000\n"
	    "DTEND;TZID=Mars Time:20180511T100000\n"
	    "SUMMARY:Mars\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:f\n"
	    "DTSTART;TZID=Far Time:20180511T090000\n"
	    "DTEND;TZID=Far Time:20180511T100000\n"
	    "SUMMARY:Far\nEND:VEVENT\n"
	    "END:VCALENDAR\n";
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load_buf(&l, "outlook.ics", outlook, strlen(outlook), NULL, 0);
	assert_int_equal(l.rc, 0);
	e = by_id(l.tt, "w");
	assert_int_equal(e->start, utc("2018-05-11T07:00"));
	assert_string_equal(e->tz, "Europe/Berlin");
	e = by_id(l.tt, "e");
	assert_int_equal(e->start, utc("2018-05-11T13:00"));
	assert_string_equal(e->tz, "America/New_York");
	assert_true(has(&l.ds, PP_NOTE, 26,
	    "read as the IANA zone "
	    "America/New_York"));
	e = by_id(l.tt, "p");
	assert_int_equal(e->start, utc("2018-05-11T07:00"));
	assert_string_equal(e->tz, "Europe/Paris");
	assert_int_equal(l.ds.nwarnings + l.ds.nerrors, 0);
	/* three zones: the programme declares none */
	assert_null(l.tt->tz);
	done(&l);

	load_buf(&l, "liar.ics", liar, strlen(liar), NULL, 0);
	assert_int_equal(l.rc, -1);
	e = by_id(l.tt, "b");
	assert_int_equal(e->start, utc("2018-05-11T07:00"));
	assert_true(has(&l.ds, PP_WARNING, 29,
	    "VTIMEZONE 'Europe/Berlin' (line 3) puts 2018-05-11 09:00 at "
	    "UTC+14:00, the IANA zone Europe/Berlin at UTC+02:00: the IANA "
	    "zone is used"));
	assert_true(has(&l.ds, PP_ERROR, 16, "bad TZOFFSETTO value '-9959'"));
	assert_true(has(&l.ds, PP_ERROR, 35, "unknown TZID 'Mars Time'"));
	assert_true(has(&l.ds, PP_ERROR, 24, "bad TZOFFSETTO value '+1500'"));
	assert_true(has(&l.ds, PP_ERROR, 41, "unknown TZID 'Far Time'"));
	assert_int_equal(l.ds.nerrors, 4);
	assert_int_equal(l.ds.nwarnings, 1);
	assert_int_equal(l.tt->n, 1);
	done(&l);
}

/*
 * Issue 12: a Sched.com export (UTC times, X-WR-TIMEZONE, CATEGORIES in
 * capitals, notices filed as GENERAL INFO, meals for one group only, a
 * cancelled talk).  CATEGORIES give the kind, notices are information
 * (never planned), the calendar's zone is the programme's.
 */
static void
test_sched(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "sched-2025.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.n, 0);
	assert_int_equal(l.tt->n, 10);
	assert_string_equal(l.tt->name, "Prairie Python 2025");
	assert_non_null(l.tt->tz);
	assert_string_equal(l.tt->tz, "America/Chicago");
	e = by_title(l.tt, "Opening Keynote: Prairie Scale Python");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	assert_string_equal(e->kind_word, "KEYNOTES");
	assert_int_equal(e->ntags, 0);
	assert_int_equal(e->start, utc("2025-09-12T14:00")); /* 09:00 CDT */
	assert_string_equal(e->tz, "America/Chicago");
	e = by_title(l.tt, "Typing Django Apps, Gradually");
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_int_equal(e->ntags, 1);
	assert_string_equal(e->tags[0], "WEB");
	e = by_title(l.tt, "Crow's Nest Unavailable Until 4:45 pm");
	assert_int_equal(e->kind, PP_KIND_INFO);
	assert_int_equal(pp_kind_class(e->kind), PP_CLASS_INFO);
	assert_string_equal(e->room, "Crow's Nest");
	assert_int_equal(by_title(l.tt, "Board Game Library Closed")->kind,
	    PP_KIND_INFO);
	assert_int_equal(by_title(l.tt, "Dinner (Red Team)")->kind,
	    PP_KIND_MEAL);
	assert_int_equal(by_title(l.tt, "Dinner (Gold Team)")->kind,
	    PP_KIND_MEAL);
	assert_int_equal(by_title(l.tt, "Afternoon Break")->kind,
	    PP_KIND_BREAK);
	assert_int_equal(by_title(l.tt, "Hands-on Packaging")->kind,
	    PP_KIND_WORKSHOP);
	e = by_title(l.tt, "Async Pitfalls");
	assert_int_equal(e->status, PP_STATUS_CANCELLED);
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_string_equal(e->url,
	    "https://prairiepy2025.sched.com/event/1AbA/async-pitfalls");
	done(&l);
}

/* Issue 12: which zone a programme declares (tt->tz). */
static void
test_declared_zone(void **state)
{
	static const char windows[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "X-WR-TIMEZONE:W. Europe Standard Time\n"
	    "BEGIN:VEVENT\nUID:a\nDTSTART:20250512T090000\n"
	    "DTEND:20250512T100000\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n";
	static const char tzid[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VEVENT\nUID:a\nDTSTART;TZID=Europe/Lisbon:20250512T090000\n"
	    "DTEND;TZID=Europe/Lisbon:20250512T100000\nSUMMARY:x\n"
	    "END:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20250512T110000Z\n"
	    "DTEND:20250512T120000Z\nSUMMARY:y\nEND:VEVENT\nEND:VCALENDAR\n";
	static const char vtz_only[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VTIMEZONE\nTZID:America/Denver\nBEGIN:STANDARD\n"
	    "DTSTART:19701101T020000\nTZOFFSETFROM:-0600\nTZOFFSETTO:-0700\n"
	    "END:STANDARD\nEND:VTIMEZONE\n"
	    "BEGIN:VEVENT\nUID:b\nDTSTART:20250512T110000Z\n"
	    "DTEND:20250512T120000Z\nSUMMARY:y\nEND:VEVENT\nEND:VCALENDAR\n";
	static const char utc_only[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VEVENT\nUID:b\nDTSTART:20250512T110000Z\n"
	    "DTEND:20250512T120000Z\nSUMMARY:y\nEND:VEVENT\nEND:VCALENDAR\n";
	struct loaded l;

	(void)state;
	/* X-WR-TIMEZONE in a Windows name: floating times in Berlin */
	load_buf(&l, "w.ics", windows, strlen(windows), NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_string_equal(l.tt->tz, "Europe/Berlin");
	assert_int_equal(l.tt->ev[0].start, utc("2025-05-12T07:00"));
	assert_string_equal(l.tt->ev[0].tz, "Europe/Berlin");
	done(&l);
	/* the one zone the events use */
	load_buf(&l, "t.ics", tzid, strlen(tzid), NULL, 0);
	assert_string_equal(l.tt->tz, "Europe/Lisbon");
	done(&l);
	/* UTC times only, and one VTIMEZONE that says where */
	load_buf(&l, "v.ics", vtz_only, strlen(vtz_only), NULL, 0);
	assert_string_equal(l.tt->tz, "America/Denver");
	done(&l);
	/* nothing said: none */
	load_buf(&l, "u.ics", utc_only, strlen(utc_only), NULL, 0);
	assert_null(l.tt->tz);
	done(&l);
}

/* ---- events --------------------------------------------------------- */

static void
test_cancelled(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-cancelled.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	/* Issue 12: a cancelled event stays, marked, for check, diff and
	 * the plan to say so; the model never plans it. */
	assert_int_equal(l.tt->n, 3);
	assert_int_equal(by_id(l.tt, "c1@test")->status, PP_STATUS_CONFIRMED);
	assert_int_equal(by_id(l.tt, "c2@test")->status, PP_STATUS_CANCELLED);
	assert_string_equal(by_id(l.tt, "c2@test")->title, "Called off");
	assert_int_equal(by_id(l.tt, "c3@test")->status, PP_STATUS_CONFIRMED);
	assert_int_equal(l.ds.n, 0);
	done(&l);
}

static void
test_allday(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-allday.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 1);
	assert_true(has(&l.ds, PP_NOTE, 5, "all-day"));
	assert_true(has(&l.ds, PP_NOTE, 12, "all-day"));
	assert_true(has(&l.ds, PP_WARNING, 5, "2 all-day events skipped"));
	assert_int_equal(l.ds.n, 3);
	/* The floating event is read in X-WR-TIMEZONE (PDT, -07:00). */
	assert_int_equal(l.tt->ev[0].start, utc("2025-05-12T16:00"));
	assert_string_equal(l.tt->ev[0].tz, "America/Los_Angeles");
	done(&l);
}

static void
test_kinds(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "ics-kinds.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 8);
	e = by_id(l.tt, "k1");
	assert_string_equal(e->title, "Testing in production");
	assert_string_equal(e->kind_word, "talk");
	assert_int_equal(e->kind, PP_KIND_TALK);
	e = by_id(l.tt, "k2");
	assert_string_equal(e->title, "Hallway chat");
	assert_int_equal(e->kind, PP_KIND_OPEN_SPACE);
	/* The category naming the kind is not a tag; the others are. */
	e = by_id(l.tt, "k3");
	assert_int_equal(e->kind, PP_KIND_WORKSHOP);
	assert_string_equal(e->kind_word, "Workshop");
	assert_int_equal(e->ntags, 2);
	assert_string_equal(e->tags[0], "Python");
	assert_string_equal(e->tags[1], "Testing");
	/* A kind category beats a section prefix, which becomes a tag; a
	 * break whose title is a meal is a meal (pp_kind_guess). */
	e = by_id(l.tt, "k4");
	assert_string_equal(e->title, "Lunch");
	assert_int_equal(e->kind, PP_KIND_MEAL);
	assert_int_equal(e->ntags, 1);
	assert_string_equal(e->tags[0], "language-summit");
	/* No word at all: the title decides. */
	e = by_id(l.tt, "k5");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	assert_string_equal(e->kind_word, "");
	/* Escaped comma inside a category; two CATEGORIES properties. */
	e = by_id(l.tt, "k6");
	assert_int_equal(e->ntags, 2);
	assert_string_equal(e->tags[0], "Python,Data");
	assert_string_equal(e->tags[1], "Web");
	/* A prefix word is kept as the kind word; "informational" (PyCon
	 * US) maps to info, a notice that is never planned. */
	e = by_id(l.tt, "k7");
	assert_string_equal(e->kind_word, "informational");
	assert_int_equal(e->kind, PP_KIND_INFO);
	/* No UID: "file:line"; rooms split on ';' only; text unescaped. */
	e = by_id(l.tt, "ics-kinds.ics:50");
	assert_int_equal(e->nrooms, 2);
	assert_string_equal(e->rooms[0], "Hall C, Ballroom A");
	assert_string_equal(e->rooms[1], "Room 2");
	assert_string_equal(e->room, "Hall C, Ballroom A; Room 2");
	assert_string_equal(e->abstract,
	    "Line one\nLine two, with comma; and semicolon");
	assert_string_equal(e->url, "https://example.org/talk?id=7");
	done(&l);
}

/* Converts LF line ends to CRLF; the caller frees the result. */
static char *
to_crlf(const char *s, size_t len, size_t *out)
{
	char *r = pp_xmalloc(2 * len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r'))
			r[n++] = '\r';
		r[n++] = s[i];
	}
	r[n] = '\0';
	*out = n;
	return r;
}

/* Converts CRLF line ends to LF; the caller frees the result. */
static char *
to_lf(const char *s, size_t len, size_t *out)
{
	char *r = pp_xmalloc(len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (!(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n'))
			r[n++] = s[i];
	r[n] = '\0';
	*out = n;
	return r;
}

static void
assert_same_events(const struct pp_timetable *a, const struct pp_timetable *b)
{
	size_t i;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		assert_string_equal(a->ev[i].id, b->ev[i].id);
		assert_string_equal(a->ev[i].title, b->ev[i].title);
		assert_string_equal(a->ev[i].room, b->ev[i].room);
		assert_string_equal(a->ev[i].abstract, b->ev[i].abstract);
		assert_int_equal(a->ev[i].start, b->ev[i].start);
		assert_int_equal(a->ev[i].end, b->ev[i].end);
		assert_int_equal(a->ev[i].line, b->ev[i].line);
	}
}

static void
test_crlf_and_lf(void **state)
{
	static const char *const files[] = {"ics-recur.ics", "ics-dst.ics",
	    "ics-kinds.ics", "ics-folded.ics", "pyconuk2015-schedule.ics"};
	size_t f;

	(void)state;
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		struct loaded a, b, c;
		size_t len, n1, n2;
		char *data = slurp(files[f], &len);
		char *crlf = to_crlf(data, len, &n1);
		char *lf = to_lf(data, len, &n2);

		load_buf(&a, files[f], data, len, NULL, 0);
		load_buf(&b, files[f], crlf, n1, NULL, 0);
		load_buf(&c, files[f], lf, n2, NULL, 0);
		assert_int_equal(a.rc, 0);
		assert_int_equal(b.rc, 0);
		assert_int_equal(c.rc, 0);
		assert_true(a.tt->n > 0);
		assert_same_events(a.tt, b.tt);
		assert_same_events(a.tt, c.tt);
		done(&a);
		done(&b);
		done(&c);
		free(data);
		free(crlf);
		free(lf);
	}
}

static void
test_folded(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "ics-folded.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 1);
	e = &l.tt->ev[0];
	/* folded inside the two bytes of "Ł", and twice more */
	assert_string_equal(e->title,
	    "Keynote by \u0141ukasz Langa, with a "
	    "very long title that goes on and on past seventy-five octets");
	assert_string_equal(e->id,
	    "20160417T070217Z-32078@testing-worker-linux-5");
	/* folded inside the property name */
	assert_string_equal(e->room, "Ballroom A");
	/* folded with a tab */
	assert_string_equal(e->abstract,
	    "First line\nsecond line with a tab fold");
	done(&l);
}

/*
 * Valid if unusual: a VTODO (ignored), libical's prefixed TZID, a quoted
 * TZID, an unknown IANA-style property, a VALARM, lower-case names, and a
 * second VCALENDAR in the same file.
 */
static void
test_odd_but_valid(void **state)
{
	struct loaded l;
	const struct pp_event *e;

	(void)state;
	load(&l, "ics-odd.ics", NULL, 0);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.tt->n, 2);
	e = by_id(l.tt, "one");
	assert_int_equal(e->start, utc("2025-05-12T07:00"));
	assert_int_equal(e->end, utc("2025-05-12T08:00"));
	assert_string_equal(e->tz, "Europe/Brussels");
	assert_int_equal(e->line, 8);
	e = by_id(l.tt, "two");
	assert_string_equal(e->title, "Two");
	assert_int_equal(e->line, 23);
	assert_int_equal(l.ds.n, 1);
	assert_true(has(&l.ds, PP_NOTE, 12, "unknown property FOO ignored"));
	done(&l);
}

static void
test_junk(void **state)
{
	static const char junk[] =
	    "BEGIN:VCALENDAR\nVERSION:2.0\n"
	    "BEGIN:VEVENT\nUID:a\nDTSTART:20250512T090000Z\n"
	    "DTEND:20250512T100000Z\nFOO BAR:baz\nSUMMARY:A\nEND:VEVENT\n"
	    "BEGIN:VEVENT\nUID:b\nDTSTART:20250512T090000Z\n"
	    "DTEND:20250512T100000Z\nSUMMARY:B\nEND:VEVENT\n"
	    "not a line\nEND:VCALENDAR\ntrailing junk\nmore junk\n";
	struct loaded l;

	(void)state;
	load_buf(&l, "junk.ics", junk, strlen(junk), NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_true(has(&l.ds, PP_ERROR, 7, "bad property name in 'FOO BAR'"));
	assert_true(
	    has(&l.ds, PP_ERROR, 16, "not a content line: 'not a line'"));
	/* one report for a run of lines outside the calendar */
	assert_true(has(&l.ds, PP_ERROR, 18, "content outside"));
	assert_int_equal(l.ds.nerrors, 3);
	assert_int_equal(l.tt->n, 1);
	done(&l);
	load_buf(&l, "junk.ics", junk, strlen(junk), NULL, 1);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nwarnings, 3);
	assert_true(has(&l.ds, PP_WARNING, 7, ": event skipped"));
	assert_string_equal(l.tt->ev[0].id, "b");
	done(&l);
}

/* ---- busy calendars ------------------------------------------------- */

static void
test_busy(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	struct pp_load_opts o = {NULL, 0};
	size_t len, i, standups = 0;
	char *data = slurp("ics-busy.ics", &len);
	/* The conference: 14 to 18 May 2025 in New York (EDT). */
	int64_t from = utc("2025-05-14T04:00"), to = utc("2025-05-19T04:00");
	const struct pp_event *e;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_busy_ics(tt, "ics-busy.ics", data, len, &o,
	                     from, to, &ds),
	    0);
	/* booth duty, the day off, two stand-ups, two evening calls; not
	 * the transparent, cancelled, all-day transparent, later or
	 * zero-length ones, and no diagnostics for them */
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 6);
	e = by_id(tt, "b-meeting");
	assert_string_equal(e->title, "Booth duty");
	assert_string_equal(e->kind_word, "busy");
	assert_int_equal(e->start, utc("2025-05-15T14:00"));
	assert_int_equal(e->end, utc("2025-05-15T15:00"));
	assert_int_equal(e->line, 5);
	assert_string_equal(e->file, "ics-busy.ics");
	/* all-day, opaque by default: the whole local day */
	e = by_id(tt, "b-allday");
	assert_int_equal(e->start, utc("2025-05-17T04:00"));
	assert_int_equal(e->end, utc("2025-05-18T04:00"));
	/* a weekday rule running since 2020, EXDATE on the 15th */
	for (i = 0; i < tt->n; i++)
		standups += strcmp(tt->ev[i].title, "Team stand-up") == 0;
	assert_int_equal(standups, 2);
	by_id(tt, "b-standup/20250514T130000Z");
	by_id(tt, "b-standup/20250516T130000Z");
	/* COUNT=3 from the 13th: the first is before the window */
	by_id(tt, "b-count/20250514T200000Z");
	by_id(tt, "b-count/20250515T200000Z");
	pp_timetable_free(tt);
	pp_diags_fini(&ds);

	/* A wider window (from Monday 12th) catches more stand-ups. */
	tt = pp_timetable_new();
	pp_diags_init(&ds);
	assert_int_equal(pp_load_busy_ics(tt, "ics-busy.ics", data, len, &o,
	                     utc("2025-05-12T04:00"), to, &ds),
	    0);
	for (i = standups = 0; i < tt->n; i++)
		standups += strcmp(tt->ev[i].title, "Team stand-up") == 0;
	assert_int_equal(standups, 4);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);

	/* An open window cannot hold the endless rule either. */
	tt = pp_timetable_new();
	pp_diags_init(&ds);
	assert_int_equal(pp_load_busy_ics(tt, "ics-busy.ics", data, len, &o,
	                     INT64_MIN, INT64_MAX, &ds),
	    -1);
	assert_true(has(&ds, PP_ERROR, 42, "more than 10000"));
	assert_int_equal(ds.nerrors, 1);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);

	/* Programme loading of the same file refuses the endless rule. */
	tt = pp_timetable_new();
	pp_diags_init(&ds);
	assert_int_equal(pp_load_ics(tt, "ics-busy.ics", data, len, &o, &ds),
	    -1);
	assert_true(has(&ds, PP_ERROR, 42, "more than 10000"));
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
	free(data);
}

/* ---- damaged input -------------------------------------------------- */

static void
test_bad_structure(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-bad-structure.ics", NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.ds.nerrors, 4);
	assert_true(has(&l.ds, PP_ERROR, 10,
	    "missing END:VEVENT (BEGIN:VEVENT at line 15)"));
	assert_true(has(&l.ds, PP_ERROR, 21, "END:VTODO without BEGIN:VTODO"));
	assert_true(has(&l.ds, PP_ERROR, 22,
	    "missing END:VEVENT (end of file at line 24)"));
	assert_true(has(&l.ds, PP_ERROR, 1,
	    "missing END:VCALENDAR (end of file at line 24)"));
	/* the intact events around the damage are still read */
	assert_int_equal(l.tt->n, 2);
	assert_int_equal(by_id(l.tt, "good-2")->line, 15);
	done(&l);

	load(&l, "ics-bad-structure.ics", NULL, 1);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nerrors, 0);
	assert_int_equal(l.ds.nwarnings, 4);
	assert_true(has(&l.ds, PP_WARNING, 10, "event skipped"));
	assert_true(has(&l.ds, PP_WARNING, 22, "event skipped"));
	assert_int_equal(l.tt->n, 2);
	done(&l);
}

static void
test_bad_values(void **state)
{
	static const struct {
		unsigned line;
		const char *msg;
	} want[] = {
	    {6, "bad DTSTART value '2025-13-45'"},
	    {13, "DTEND before DTSTART"},
	    {18, "unknown TZID 'Mars/Olympus_Mons'"},
	    {26, "not a content line: 'this line is not a property'"},
	    {32, "bad DURATION value 'PXYZ'"},
	    {39, "both DTEND and DURATION"},
	    {42, "VEVENT without DTSTART"},
	    {49, "bad DTSTART value '20250230T100000Z'"},
	};
	struct loaded l;
	size_t i;

	(void)state;
	load(&l, "ics-bad-values.ics", NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_int_equal(l.ds.nerrors, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (!has(&l.ds, PP_ERROR, want[i].line, want[i].msg))
			fail_msg("no error '%s' at line %u", want[i].msg,
			    want[i].line);
	assert_int_equal(l.tt->n, 1);
	done(&l);

	load(&l, "ics-bad-values.ics", NULL, 1);
	assert_int_equal(l.rc, 0);
	assert_int_equal(l.ds.nwarnings, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_true(
		    has(&l.ds, PP_WARNING, want[i].line, ": event skipped"));
	assert_int_equal(l.tt->n, 1);
	assert_string_equal(l.tt->ev[0].id, "ok");
	done(&l);
}

/* ---- the line cache (load_ics_parse.c) ------------------------------ */

/*
 * Events that share most of their lines, a line twice in one event, list
 * values (one line, several properties), a bad line shared by two events,
 * an override of a recurring event, a nested VALARM and a long event:
 * each is read as a whole parse would read it, and each complaint is at
 * the line of its own event.
 */
static void
test_line_cache(void **state)
{
	static const char *const common = "DTSTAMP:20250101T000000Z\r\n"
	                                  "LOCATION:Hall A; Hall B\r\n"
	                                  "CATEGORIES:talk,python\r\n";
	char *buf = NULL;
	size_t len = 0, cap = 0, i;
	struct loaded l;
	const struct pp_event *e;
	int pass;

	(void)state;
	sb_printf(&buf, &len, &cap,
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n"         /* 1-3 */
	    "BEGIN:VEVENT\r\nUID:a\r\n%s"                            /* 4-8 */
	    "DTSTART:20250601T090000Z\r\nDTEND:20250601T100000Z\r\n" /* 9-10 */
	    "SUMMARY:One\r\nX-PYPLAN-SPEAKER:Ann\r\n"                /* 11-12 */
	    "X-PYPLAN-SPEAKER:Ann\r\nEND:VEVENT\r\n"                 /* 13-14 */
	    "BEGIN:VEVENT\r\nUID:b\r\n%s"                            /* 15-19 */
	    "DTSTART:20250601T090000Z\r\nDTEND:bad\r\n"              /* 20-21 */
	    "SUMMARY:Two\r\nEND:VEVENT\r\n"                          /* 22-23 */
	    "BEGIN:VEVENT\r\nUID:c\r\n%s"                            /* 24-28 */
	    "DTSTART:20250601T090000Z\r\nDTEND:bad\r\n"              /* 29-30 */
	    "SUMMARY:Three\r\nEND:VEVENT\r\n"                        /* 31-32 */
	    "BEGIN:VEVENT\r\nUID:r\r\n%s"                            /* 33-37 */
	    "DTSTART:20250602T090000Z\r\nDTEND:20250602T100000Z\r\n" /* 38-39 */
	    "RRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Daily\r\n"          /* 40-41 */
	    "END:VEVENT\r\n"                                         /* 42 */
	    "BEGIN:VEVENT\r\nUID:r\r\n%s"                            /* 43-47 */
	    "RECURRENCE-ID:20250603T090000Z\r\n"                     /* 48 */
	    "DTSTART:20250603T110000Z\r\nDTEND:20250603T120000Z\r\n" /* 49-50 */
	    "SUMMARY:Daily (moved)\r\nEND:VEVENT\r\n"                /* 51-52 */
	    "BEGIN:VEVENT\r\nUID:d\r\n%s"                            /* 53-57 */
	    "DTSTART:20250601T090000Z\r\nDTEND:20250601T100000Z\r\n" /* 58-59 */
	    "SUMMARY:Alarm\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"    /* 60-62 */
	    "TRIGGER:-PT5M\r\nEND:VALARM\r\nEND:VEVENT\r\n"          /* 63-65 */
	    "BEGIN:VEVENT\r\nUID:e\r\n%s"                            /* 66-70 */
	    "DTSTART:20250601T090000Z\r\nDTEND:20250601T100000Z\r\n" /* 71-72 */
	    "SUMMARY:Long\r\n",                                      /* 73 */
	    common, common, common, common, common, common, common);
	for (i = 0; i < 80; i++)
		sb_printf(&buf, &len, &cap, "X-NOTE:note %zu\r\n", i);
	sb_printf(&buf, &len, &cap, "END:VEVENT\r\nEND:VCALENDAR\r\n");

	for (pass = 0; pass < 2; pass++) {
		load_buf(&l, "cache.ics", buf, len, NULL, pass);
		assert_int_equal(l.rc, pass ? 0 : -1);
		/* The same bad line in two events: each at its own line. */
		assert_int_equal(pass ? l.ds.nwarnings : l.ds.nerrors, 2);
		assert_true(has(&l.ds, pass ? PP_WARNING : PP_ERROR, 21,
		    "bad DTEND value 'bad'"));
		assert_true(has(&l.ds, pass ? PP_WARNING : PP_ERROR, 30,
		    "bad DTEND value 'bad'"));
		/* a, r x3 (one moved), d, e */
		assert_int_equal(l.tt->n, 6);
		e = by_title(l.tt, "One");
		assert_int_equal(e->line, 4);
		assert_int_equal(e->nspeakers, 2);
		assert_string_equal(e->speakers[0], "Ann");
		assert_string_equal(e->speakers[1], "Ann");
		assert_int_equal(e->nrooms, 2);
		assert_int_equal(e->ntags, 1);
		assert_string_equal(e->tags[0], "python");
		assert_int_equal(e->kind, PP_KIND_TALK);
		e = by_id(l.tt, "r/20250603T090000Z");
		assert_string_equal(e->title, "Daily (moved)");
		assert_int_equal(e->start, utc("2025-06-03T11:00"));
		assert_int_equal(e->line, 43);
		e = by_id(l.tt, "r/20250604T090000Z");
		assert_string_equal(e->title, "Daily");
		assert_int_equal(e->line, 33);
		e = by_title(l.tt, "Alarm");
		assert_int_equal(e->line, 53);
		assert_int_equal(e->ntags, 1);
		e = by_title(l.tt, "Long");
		assert_int_equal(e->line, 66);
		assert_int_equal(e->end - e->start, 3600);
		assert_int_equal(e->nrooms, 2);
		done(&l);
	}
	free(buf);
}

static void
test_bad_binary(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-bad-binary.ics", NULL, 1);
	assert_int_equal(l.rc, -1); /* even lenient: not iCalendar at all */
	assert_true(has(&l.ds, PP_ERROR, 7, "binary data"));
	assert_int_equal(l.tt->n, 0);
	done(&l);
}

static void
test_not_ics(void **state)
{
	static const char *const bad[] = {"", "\n\n", "hello world\n",
	    "id,title,start\n1,x,2025\n", "BEGIN:VEVENT\nEND:VEVENT\n",
	    "\xef\xbb\xbf", "\xff\xfe\x42"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct loaded l;

		load_buf(&l, "x.ics", bad[i], strlen(bad[i]), NULL, 1);
		assert_int_equal(l.rc, -1);
		assert_int_equal(l.tt->n, 0);
		assert_int_equal(l.ds.nerrors, 1);
		assert_non_null(strstr(l.ds.v[0].msg, "not an iCalendar file"));
		assert_int_equal(l.ds.v[0].line, 1);
		done(&l);
	}
	{
		struct loaded l;

		load_buf(&l, "null.ics", NULL, 0, NULL, 0);
		assert_int_equal(l.rc, -1);
		assert_int_equal(l.tt->n, 0);
		done(&l);
	}
}

static void
test_bad_utf8(void **state)
{
	struct loaded l;

	(void)state;
	load(&l, "ics-bad-utf8.ics", NULL, 0);
	assert_int_equal(l.rc, -1);
	assert_true(has(&l.ds, PP_ERROR, 8, "invalid UTF-8"));
	done(&l);
	load(&l, "ics-bad-utf8.ics", NULL, 1);
	assert_int_equal(l.rc, 0);
	assert_true(has(&l.ds, PP_WARNING, 8, "event skipped"));
	assert_int_equal(l.tt->n, 1);
	assert_string_equal(l.tt->ev[0].id, "fine");
	done(&l);
}

/*
 * Every truncation of a file must be handled: no crash (the suite also
 * runs under ASan), and a file cut before END:VCALENDAR is an error.
 */
static void
test_truncated_everywhere(void **state)
{
	static const char *const files[] = {"ics-recur.ics", "ics-folded.ics",
	    "ics-vtimezone.ics"};
	size_t f, cut;

	(void)state;
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		size_t len;
		char *data = slurp(files[f], &len);
		const char *end = strstr(data, "END:VCALENDAR");

		assert_non_null(end);
		for (cut = 0; cut < len; cut++) {
			struct loaded l;
			char *part = pp_xstrndup(data, cut);

			load_buf(&l, files[f], part, cut, NULL, cut % 2);
			if (cut < (size_t)(end - data) + 13) {
				if (cut % 2 == 0)
					assert_int_equal(l.rc, -1);
				assert_true(l.ds.nerrors + l.ds.nwarnings > 0);
			}
			done(&l);
			free(part);
		}
		free(data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_corpus_talks),
	    cmocka_unit_test(test_corpus_open_spaces),
	    cmocka_unit_test(test_corpus_all_events),
	    cmocka_unit_test(test_corpus_pyconuk),
	    cmocka_unit_test(test_corpus_nodejs),
	    cmocka_unit_test(test_vtimezone),
	    cmocka_unit_test(test_dst),
	    cmocka_unit_test(test_floating),
	    cmocka_unit_test(test_duration),
	    cmocka_unit_test(test_recurrence),
	    cmocka_unit_test(test_line_cache),
	    cmocka_unit_test(test_count_cap),
	    cmocka_unit_test(test_rule_bombs),
	    cmocka_unit_test(test_dst_rrule),
	    cmocka_unit_test(test_vtimezone_rules),
	    cmocka_unit_test(test_overflows),
	    cmocka_unit_test(test_zone_names),
	    cmocka_unit_test(test_cancelled),
	    cmocka_unit_test(test_sched),
	    cmocka_unit_test(test_declared_zone),
	    cmocka_unit_test(test_allday),
	    cmocka_unit_test(test_kinds),
	    cmocka_unit_test(test_crlf_and_lf),
	    cmocka_unit_test(test_folded),
	    cmocka_unit_test(test_odd_but_valid),
	    cmocka_unit_test(test_junk),
	    cmocka_unit_test(test_busy),
	    cmocka_unit_test(test_bad_structure),
	    cmocka_unit_test(test_bad_values),
	    cmocka_unit_test(test_bad_binary),
	    cmocka_unit_test(test_not_ics),
	    cmocka_unit_test(test_bad_utf8),
	    cmocka_unit_test(test_truncated_everywhere),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
