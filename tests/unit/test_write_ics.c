/* SPDX-License-Identifier: ISC */
/*
 * Tests of the iCalendar writer on a plan built by hand (the solver is not
 * needed): RFC 5545 shape, stable UIDs, DTSTAMP, VALARM, escaping and
 * folding, time zones, round trips through pp_load_ics, and a golden
 * file that tests/interop/check_ics.sh feeds to python3-icalendar and
 * khal.  Set PYPLAN_UPDATE_GOLDEN=1 to rewrite the golden files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testutil.h"

#include "pyplan/hash.h"
#include "pyplan/load_ics.h"
#include "pyplan/tz.h"
#include "pyplan/version.h"
#include "pyplan/write_ics.h"
#include "pyplan/xalloc.h"

#define GOLDEN FIXTURES "/ics-plan.golden.ics"
#define GOLDEN_TSV FIXTURES "/ics-plan.golden.tsv"
#define NITEMS 6

/* A two-day plan across the 2025 DST change in Brussels. */
struct fixture {
	struct pp_timetable *tt;
	struct pp_model m;
	struct pp_model_day md[2];
	struct pp_item items[NITEMS];
	const struct pp_item *ptrs[NITEMS];
	struct pp_plan_day pd[2];
	struct pp_plan pl;
};

static const char *speakers_a[] = {"Ada Lovelace", "Grace Hopper"};
static const char *tags_a[] = {"history", "computing"};
static const char *tags_b[] = {"a,b;c"};
static const char *rooms_b[] = {"H.1302", "H.1308"};

/* UTC seconds of "YYYY-MM-DDTHH:MM" (UTC). */
static int64_t
utc(const char *s)
{
	int y, mo, d, h, mi;

	assert_int_equal(sscanf(s, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi), 5);
	return pp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static struct pp_event *
add_event(struct pp_timetable *tt, const char *id, const char *title,
    enum pp_kind kind, const char *from, const char *to, const char *room)
{
	struct pp_event *e = pp_timetable_add(tt);
	const char **rooms;

	e->id = pp_tt_strdup(tt, id);
	e->title = pp_tt_strdup(tt, title);
	e->kind = kind;
	e->kind_word = pp_kind_name(kind);
	e->start = utc(from);
	e->end = utc(to);
	e->tz = "Europe/Brussels";
	e->file = "test.csv";
	e->line = (unsigned)tt->n + 1;
	if (room != NULL) {
		rooms = pp_tt_strv(tt, 1);
		rooms[0] = pp_tt_strdup(tt, room);
		pp_tt_set_rooms(tt, e, rooms, 1);
	}
	return e;
}

static void
set_item(struct pp_item *it, const struct pp_event *e, enum pp_item_src src,
    enum pp_kind kind, const char *title, int64_t start, int64_t end,
    const char *reason)
{
	memset(it, 0, sizeof(*it));
	it->ev = e;
	it->src = src;
	it->kind = kind;
	it->cls = pp_kind_class(kind);
	it->start = start;
	it->end = end;
	it->minutes = (long)((end - start) / 60);
	it->title = title;
	it->room = "";
	it->reason = reason;
	if (e != NULL) {
		it->rooms = e->rooms;
		it->nrooms = e->nrooms;
		it->room = e->room;
	}
}

static struct fixture *
fixture_new(void)
{
	struct fixture *f = pp_xcalloc(1, sizeof(*f));
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_event *e;
	size_t i;

	f->tt = tt;
	tt->name = "Test Conf 2025";
	e = add_event(tt, "t1", "Opening keynote", PP_KIND_KEYNOTE,
	    "2025-03-29T08:00", "2025-03-29T09:00", "Janson");
	e->speakers = speakers_a;
	e->nspeakers = 2;
	e->tags = tags_a;
	e->ntags = 2;
	e->abstract = "Two pioneers.\nSecond line.";
	e->url = "https://example.org/t1";
	e->track = "Main";
	e->level = "beginner";
	e->video_url = "https://video.example.org/t1";
	e->recorded = PP_REC_YES;
	e = add_event(tt, "t2",
	    "Commas, semicolons; back\\slash and a very "
	    "long title with \u00fcn\u00efc\u00f6d\u00e9 characters that "
	    "must be folded \u65e5\u672c\u8a9e\u65e5\u672c\u8a9e"
	    "\u65e5\u672c\u8a9e",
	    PP_KIND_TALK, "2025-03-29T09:30", "2025-03-29T10:00", NULL);
	pp_tt_set_rooms(tt, e, rooms_b, 2);
	e->tags = tags_b;
	e->ntags = 1;
	e->abstract = "Line one\nLine two";
	e->recorded = PP_REC_NO;
	add_event(tt, "t3", "Sunday talk", PP_KIND_TALK, "2025-03-30T08:00",
	    "2025-03-30T08:45", "Janson");
	e = add_event(tt, "t4", "Open space: testing", PP_KIND_OPEN_SPACE,
	    "2025-03-30T09:00", "2025-03-30T10:00", "Room 2");
	e->kind_word = "open-spaces";

	f->m.tt = tt;
	f->m.tz = "Europe/Brussels";
	f->m.days = f->md;
	f->m.ndays = 2;
	strcpy(f->md[0].date, "2025-03-29");
	strcpy(f->md[1].date, "2025-03-30");

	set_item(&f->items[0], &tt->ev[0], PP_ITEM_EVENT, PP_KIND_KEYNOTE,
	    tt->ev[0].title, tt->ev[0].start, tt->ev[0].end, "must-see");
	set_item(&f->items[1], NULL, PP_ITEM_HALLWAY, PP_KIND_HALLWAY,
	    "Hallway track", utc("2025-03-29T09:00"), utc("2025-03-29T09:30"),
	    "hallway track");
	set_item(&f->items[2], &tt->ev[1], PP_ITEM_EVENT, PP_KIND_TALK,
	    tt->ev[1].title, tt->ev[1].start, tt->ev[1].end,
	    "interest: testing \u00d73");
	set_item(&f->items[3], NULL, PP_ITEM_LUNCH, PP_KIND_MEAL, "Lunch",
	    utc("2025-03-29T11:00"), utc("2025-03-29T12:00"), "");
	set_item(&f->items[4], &tt->ev[2], PP_ITEM_EVENT, PP_KIND_TALK,
	    tt->ev[2].title, tt->ev[2].start, tt->ev[2].end, "");
	set_item(&f->items[5], &tt->ev[3], PP_ITEM_EVENT, PP_KIND_OPEN_SPACE,
	    tt->ev[3].title, tt->ev[3].start, tt->ev[3].end, "networking");
	for (i = 0; i < NITEMS; i++)
		f->ptrs[i] = &f->items[i];
	f->pd[0].md = &f->md[0];
	f->pd[0].items = &f->ptrs[0];
	f->pd[0].n = 4;
	f->pd[1].md = &f->md[1];
	f->pd[1].items = &f->ptrs[4];
	f->pd[1].n = 2;
	f->pl.m = &f->m;
	f->pl.days = f->pd;
	f->pl.ndays = 2;
	f->pl.optimal = 1;
	return f;
}

static void
fixture_free(struct fixture *f)
{
	pp_timetable_free(f->tt);
	free(f);
}

/* Runs the plan writer into a string; the caller frees it. */
static char *
write_plan_opts(const struct pp_plan *pl, int alarm, int hallway, size_t *len)
{
	struct pp_write_opts o = {.color = 0,
	    .alarm_minutes = alarm,
	    .alarm_hallway = hallway};
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);

	assert_non_null(fp);
	assert_int_equal(pp_write_ics(fp, pl, &o), 0);
	assert_int_equal(fclose(fp), 0);
	if (len != NULL)
		*len = n;
	return buf;
}

static char *
write_plan(const struct pp_plan *pl, int alarm, size_t *len)
{
	return write_plan_opts(pl, alarm, 0, len);
}

static char *
write_tt(const struct pp_timetable *tt, const char *tz, size_t *len)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);

	assert_non_null(fp);
	assert_int_equal(pp_write_timetable_ics(fp, tt, tz), 0);
	assert_int_equal(fclose(fp), 0);
	if (len != NULL)
		*len = n;
	return buf;
}

/* Undoes RFC 5545 folding (CRLF + one blank); the caller frees. */
static char *
unfold(const char *s)
{
	char *r = pp_xstrdup(s), *o = r;

	while (*s != '\0') {
		if (s[0] == '\r' && s[1] == '\n' &&
		    (s[2] == ' ' || s[2] == '\t')) {
			s += 3;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return r;
}

static size_t
occurrences(const char *s, const char *needle)
{
	size_t n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* CRLF only, at most 75 octets a line, no fold inside a UTF-8 sequence. */
static void
assert_rfc_lines(const char *s)
{
	const char *line = s, *p;

	for (p = s; *p != '\0'; p++) {
		if (*p == '\r')
			assert_int_equal(p[1], '\n');
		if (*p != '\n')
			continue;
		assert_true(p > s && p[-1] == '\r');
		assert_true(p - 1 - line <= 75);
		if (p[1] == ' ')
			assert_int_not_equal((unsigned char)p[2] & 0xc0, 0x80);
		line = p + 1;
	}
	assert_true(p > s && p[-1] == '\n');
}

static void
set_epoch(void)
{
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
}

static void
test_fnv1a(void **state)
{
	(void)state;
	/* the published 64-bit FNV-1a test vectors */
	assert_true(
	    pp_fnv1a(PP_FNV1A_INIT, "", 0) == UINT64_C(0xcbf29ce484222325));
	assert_true(
	    pp_fnv1a(PP_FNV1A_INIT, "a", 1) == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(pp_fnv1a(PP_FNV1A_INIT, "foobar", 6) ==
	    UINT64_C(0x85944171f73967e8));
}

static void
test_shape(void **state)
{
	static const char head[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//pyplan//pyplan " PP_VERSION
	    "//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\nX-WR-CALNAME:pyplan: Test Conf 2025\r\n"
	    "X-WR-TIMEZONE:Europe/Brussels\r\n";
	struct fixture *f = fixture_new();
	char *out, *u;

	(void)state;
	set_epoch();
	out = write_plan(&f->pl, 0, NULL);
	assert_rfc_lines(out);
	assert_memory_equal(out, head, sizeof(head) - 1);
	assert_non_null(strstr(out, "\r\nEND:VCALENDAR\r\n"));
	u = unfold(out);
	/* one VTIMEZONE, plain IANA TZID, ahead of the events */
	assert_int_equal(occurrences(u, "BEGIN:VTIMEZONE\r\n"), 1);
	assert_non_null(
	    strstr(u, "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"));
	assert_null(strstr(u, "freeassociation"));
	assert_true(strstr(u, "BEGIN:VTIMEZONE") < strstr(u, "BEGIN:VEVENT"));
	/* one VEVENT per item, synthesized ones included */
	assert_int_equal(occurrences(u, "BEGIN:VEVENT\r\n"), NITEMS);
	assert_int_equal(occurrences(u, "DTSTAMP:20231114T221320Z\r\n"),
	    NITEMS);
	/* 08:00Z is 09:00 CET on the Saturday, 10:00 CEST on Sunday */
	assert_non_null(strstr(u,
	    "DTSTART;TZID=Europe/Brussels:"
	    "20250329T090000\r\nDTEND;TZID=Europe/Brussels:20250329T100000"));
	assert_non_null(strstr(u,
	    "DTSTART;TZID=Europe/Brussels:"
	    "20250330T100000\r\nDTEND;TZID=Europe/Brussels:20250330T104500"));
	assert_non_null(strstr(u, "SUMMARY:Hallway track\r\n"));
	assert_non_null(strstr(u, "URL:https://example.org/t1\r\n"));
	assert_non_null(strstr(u, "CATEGORIES:keynote,history,computing\r\n"));
	assert_non_null(strstr(u, "CATEGORIES:hallway\r\n"));
	/* of pyplan's own properties a plan has only the item id, which
	 * lets `build --previous` follow an item whose time changed */
	assert_int_equal(occurrences(u, "X-PYPLAN-"), NITEMS);
	assert_int_equal(occurrences(u, "\r\nX-PYPLAN-ID:"), NITEMS);
	assert_non_null(strstr(u, "\r\nX-PYPLAN-ID:t1\r\n"));
	assert_null(strstr(u, "SEQUENCE"));
	assert_null(strstr(u, "VALARM"));
	free(u);
	free(out);
	fixture_free(f);
}

/* Collects the UID values of s into uids (at most max). */
static size_t
uids_of(const char *s, char uids[][32], size_t max)
{
	size_t n = 0;

	while ((s = strstr(s, "\r\nUID:")) != NULL && n < max) {
		s += 6;
		assert_int_equal(sscanf(s, "%31[^\r]", uids[n]), 1);
		n++;
	}
	return n;
}

static void
test_uid_stable(void **state)
{
	struct fixture *f = fixture_new();
	char *a, *b, uid[40], ua[NITEMS + 1][32], ub[NITEMS + 1][32];
	uint64_t h = PP_FNV1A_INIT;
	size_t i, j;

	(void)state;
	set_epoch();
	a = write_plan(&f->pl, 0, NULL);
	b = write_plan(&f->pl, 0, NULL);
	assert_string_equal(a, b);
	assert_int_equal(uids_of(a, ua, NITEMS + 1), NITEMS);
	for (i = 0; i < NITEMS; i++) {
		assert_int_equal(strlen(ua[i]), 16 + 7);
		assert_string_equal(ua[i] + 16, "@pyplan");
		for (j = 0; j < i; j++)
			assert_string_not_equal(ua[i], ua[j]);
	}
	/* the recipe: FNV-1a of id, start, end and title, NUL-separated */
	h = pp_fnv1a(h, "t1", 3);
	h = pp_fnv1a(h, "1743235200", 11);
	h = pp_fnv1a(h, "1743238800", 11);
	h = pp_fnv1a(h, "Opening keynote", 16);
	snprintf(uid, sizeof(uid), "%016llx@pyplan", (unsigned long long)h);
	assert_string_equal(ua[0], uid);

	/* Moving one item changes its UID only. */
	f->items[4].start += 900;
	free(b);
	b = write_plan(&f->pl, 0, NULL);
	assert_int_equal(uids_of(b, ub, NITEMS + 1), NITEMS);
	for (i = 0; i < NITEMS; i++)
		if (i == 4)
			assert_string_not_equal(ua[i], ub[i]);
		else
			assert_string_equal(ua[i], ub[i]);
	free(a);
	free(b);
	fixture_free(f);
}

static void
test_dtstamp_now(void **state)
{
	struct fixture *f = fixture_new();
	char *out, stamp[20];
	const char *p;
	time_t before, after;
	struct tm tm;
	int64_t t;

	(void)state;
	unsetenv("SOURCE_DATE_EPOCH");
	before = time(NULL);
	out = write_plan(&f->pl, 0, NULL);
	after = time(NULL);
	p = strstr(out, "DTSTAMP:");
	assert_non_null(p);
	assert_int_equal(sscanf(p + 8, "%16s", stamp), 1);
	assert_int_equal(strlen(stamp), 16);
	assert_int_equal(stamp[15], 'Z');
	memset(&tm, 0, sizeof(tm));
	assert_int_equal(sscanf(stamp, "%4d%2d%2dT%2d%2d%2d", &tm.tm_year,
	                     &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	                     &tm.tm_sec),
	    6);
	t = pp_days_from_civil(tm.tm_year, tm.tm_mon, tm.tm_mday) * 86400 +
	    tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	assert_true(t >= (int64_t)before && t <= (int64_t)after);
	free(out);
	/* A malformed value is ignored, not misread. */
	setenv("SOURCE_DATE_EPOCH", "12abc", 1);
	out = write_plan(&f->pl, 0, NULL);
	assert_null(strstr(out, "DTSTAMP:19700101"));
	free(out);
	fixture_free(f);
}

static void
test_valarm(void **state)
{
	struct fixture *f = fixture_new();
	char *out, *u;

	(void)state;
	set_epoch();
	out = write_plan(&f->pl, 10, NULL);
	assert_rfc_lines(out);
	u = unfold(out);
	/* No reminder on the one hallway block unless asked for. */
	assert_int_equal(occurrences(u, "BEGIN:VALARM\r\n"), NITEMS - 1);
	assert_int_equal(occurrences(u, "ACTION:DISPLAY\r\n"), NITEMS - 1);
	assert_int_equal(occurrences(u, "TRIGGER:-PT10M\r\n"), NITEMS - 1);
	assert_null(strstr(u, "DESCRIPTION:Hallway track\r\nEND:VALARM"));
	assert_non_null(strstr(u,
	    "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
	    "TRIGGER:-PT10M\r\nDESCRIPTION:Opening keynote\r\nEND:VALARM"));
	free(u);
	free(out);
	out = write_plan_opts(&f->pl, 90, 1, NULL);
	assert_int_equal(occurrences(out, "TRIGGER:-PT1H30M\r\n"), NITEMS);
	free(out);
	fixture_free(f);
}

static void
test_escaping_and_folding(void **state)
{
	struct fixture *f = fixture_new();
	char *out, *u;
	const char *p;

	(void)state;
	set_epoch();
	out = write_plan(&f->pl, 0, NULL);
	assert_rfc_lines(out);
	u = unfold(out);
	assert_non_null(strstr(u,
	    "SUMMARY:Commas\\, semicolons\\; "
	    "back\\\\slash and a very long title with \u00fcn\u00efc\u00f6d"
	    "\u00e9 characters that must be folded \u65e5\u672c\u8a9e"
	    "\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\r\n"));
	/* the long SUMMARY really was folded */
	p = strstr(out, "SUMMARY:Commas");
	assert_non_null(p);
	assert_true(strstr(p, "\r\n ") < strstr(p, "\r\nLOCATION"));
	assert_non_null(strstr(u, "LOCATION:H.1302\\; H.1308\r\n"));
	assert_non_null(strstr(u,
	    "DESCRIPTION:Speakers: Ada Lovelace\\, "
	    "Grace Hopper\\nWhy: must-see\\n\\nTwo pioneers.\\nSecond line.\\n"
	    "\\nVideo: https://video.example.org/t1\r\n"));
	assert_non_null(strstr(u,
	    "DESCRIPTION:Why: interest: testing "
	    "\u00d73\\n\\nLine one\\nLine two\r\n"));
	/* a tag holding ',' and ';' is escaped, so it stays one tag
	 * (issue 18: "C, C++" came back as "C  C++") */
	assert_non_null(strstr(u, "CATEGORIES:talk,a\\,b\\;c\r\n"));
	free(u);
	free(out);
	fixture_free(f);
}

static void
load_string(struct pp_timetable *tt, const char *s, size_t len,
    const char *name)
{
	struct pp_diags ds;
	struct pp_load_opts o = {NULL, 0};

	pp_diags_init(&ds);
	assert_int_equal(pp_load_ics(tt, name, s, len, &o, &ds), 0);
	assert_int_equal(ds.nerrors + ds.nwarnings, 0);
	pp_diags_fini(&ds);
}

static void
test_round_trip_plan(void **state)
{
	struct fixture *f = fixture_new();
	struct pp_timetable *back = pp_timetable_new();
	size_t len, i;
	char *out;

	(void)state;
	set_epoch();
	out = write_plan(&f->pl, 15, &len);
	load_string(back, out, len, "plan.ics");
	assert_int_equal(back->n, NITEMS);
	for (i = 0; i < NITEMS; i++) {
		const struct pp_item *it = &f->items[i];
		const struct pp_event *e = &back->ev[i];
		size_t r;

		assert_string_equal(e->title, it->title);
		assert_int_equal(e->start, it->start);
		assert_int_equal(e->end, it->end);
		assert_string_equal(e->room, it->room);
		assert_int_equal(e->nrooms, it->nrooms);
		for (r = 0; r < it->nrooms; r++)
			assert_string_equal(e->rooms[r], it->rooms[r]);
		assert_int_equal(e->kind, it->kind);
		assert_string_equal(e->tz, "Europe/Brussels");
		if (it->ev != NULL)
			assert_string_equal(e->url, it->ev->url);
	}
	free(out);
	pp_timetable_free(back);
	fixture_free(f);
}

/* Every field a timetable export keeps. */
static void
assert_same_event(const struct pp_event *a, const struct pp_event *b)
{
	size_t i;

	assert_string_equal(a->title, b->title);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_string_equal(a->room, b->room);
	assert_int_equal(a->nrooms, b->nrooms);
	assert_int_equal(a->kind, b->kind);
	/* An event without a kind word comes back with its kind's name. */
	assert_string_equal(a->kind_word[0] != '\0' ? a->kind_word
	                                            : pp_kind_name(a->kind),
	    b->kind_word);
	assert_string_equal(a->abstract, b->abstract);
	assert_string_equal(a->url, b->url);
	assert_string_equal(a->track, b->track);
	assert_string_equal(a->level, b->level);
	assert_string_equal(a->video_url, b->video_url);
	assert_int_equal(a->recorded, b->recorded);
	assert_string_equal(a->tz, b->tz);
	assert_int_equal(a->ntags, b->ntags);
	for (i = 0; i < a->ntags; i++)
		assert_string_equal(a->tags[i], b->tags[i]);
	assert_int_equal(a->nspeakers, b->nspeakers);
	for (i = 0; i < a->nspeakers; i++)
		assert_string_equal(a->speakers[i], b->speakers[i]);
}

static void
round_trip_file(const char *name)
{
	char path[256], *data, *out;
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_diags ds;
	struct pp_load_opts o = {NULL, 0};
	FILE *fp;
	long n;
	size_t len, i;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	data = pp_xmalloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	pp_diags_init(&ds);
	assert_int_equal(pp_load_ics(a, name, data, (size_t)n, &o, &ds), 0);
	pp_diags_fini(&ds);
	assert_true(a->n > 0);
	out = write_tt(a, NULL, &len);
	assert_rfc_lines(out);
	load_string(b, out, len, "back.ics");
	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++)
		assert_same_event(&a->ev[i], &b->ev[i]);
	free(out);
	free(data);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

static void
test_round_trip_timetable(void **state)
{
	struct fixture *f = fixture_new();
	struct pp_timetable *back = pp_timetable_new();
	size_t len, i;
	char *out;

	(void)state;
	set_epoch();
	round_trip_file("pycon2025-talks.ics");
	round_trip_file("pyconuk2015-schedule.ics");
	round_trip_file("ics-kinds.ics");
	round_trip_file("ics-dst.ics");
	round_trip_file("ics-recur.ics");

	/* the hand-made timetable, with speakers, track, level... */
	out = write_tt(f->tt, NULL, &len);
	assert_non_null(strstr(out, "X-PYPLAN-SPEAKER:Ada Lovelace\r\n"));
	load_string(back, out, len, "tt.ics");
	assert_int_equal(back->n, f->tt->n);
	for (i = 0; i < back->n; i++) {
		assert_same_event(&f->tt->ev[i], &back->ev[i]);
	}
	free(out);
	pp_timetable_free(back);
	fixture_free(f);
}

static void
test_zones(void **state)
{
	struct fixture *f = fixture_new();
	struct pp_timetable *back = pp_timetable_new();
	char *out, *u, *a, *b;
	size_t len, i;

	(void)state;
	set_epoch();
	/* Two zones in a timetable: two VTIMEZONEs, sorted by name. */
	f->tt->ev[2].tz = "America/New_York";
	out = write_tt(f->tt, NULL, &len);
	u = unfold(out);
	assert_int_equal(occurrences(u, "BEGIN:VTIMEZONE"), 2);
	a = strstr(u, "TZID:America/New_York\r\n");
	b = strstr(u, "TZID:Europe/Brussels\r\n");
	assert_true(a != NULL && b != NULL && a < b);
	assert_non_null(strstr(u,
	    "DTSTART;TZID=America/New_York:"
	    "20250330T040000\r\n"));
	load_string(back, out, len, "zones.ics");
	for (i = 0; i < back->n; i++) {
		assert_int_equal(back->ev[i].start, f->tt->ev[i].start);
		assert_string_equal(back->ev[i].tz, f->tt->ev[i].tz);
	}
	free(u);
	free(out);
	pp_timetable_free(back);

	/* A UTC plan: UTC times, no VTIMEZONE. */
	f->m.tz = "UTC";
	out = write_plan(&f->pl, 0, NULL);
	assert_null(strstr(out, "VTIMEZONE"));
	assert_null(strstr(out, "TZID"));
	assert_non_null(strstr(out, "DTSTART:20250329T080000Z\r\n"));
	assert_non_null(strstr(out, "X-WR-TIMEZONE:UTC\r\n"));
	free(out);

	/* No name: the first file's base name. */
	f->tt->name = NULL;
	f->tt->ev[0].file = "/some/where/sched.csv";
	out = write_plan(&f->pl, 0, NULL);
	assert_non_null(strstr(out, "X-WR-CALNAME:pyplan: sched.csv\r\n"));
	free(out);
	fixture_free(f);
}

static void
test_ambiguous_hour(void **state)
{
	struct pp_timetable *tt = pp_timetable_new(), *back;
	char *out, *u;
	size_t len, i;

	(void)state;
	set_epoch();
	/* 26 Oct 2025: 02:00-03:00 happens twice in Brussels.  00:30Z is
	 * the first 02:30 (CEST), 01:30Z the second (CET); 02:30Z is
	 * 03:30 CET, which is not ambiguous. */
	add_event(tt, "first", "First pass", PP_KIND_TALK, "2025-10-26T00:30",
	    "2025-10-26T00:45", NULL);
	add_event(tt, "second", "Second pass", PP_KIND_TALK, "2025-10-26T01:30",
	    "2025-10-26T01:45", NULL);
	add_event(tt, "after", "After", PP_KIND_TALK, "2025-10-26T02:30",
	    "2025-10-26T02:45", NULL);
	out = write_tt(tt, NULL, &len);
	u = unfold(out);
	/* readers disagree on which 02:30 a local time means: UTC */
	assert_non_null(strstr(u, "DTSTART:20251026T003000Z\r\n"));
	assert_non_null(strstr(u, "DTSTART:20251026T013000Z\r\n"));
	assert_non_null(strstr(u,
	    "DTSTART;TZID=Europe/Brussels:"
	    "20251026T033000\r\n"));
	back = pp_timetable_new();
	load_string(back, out, len, "dst.ics");
	assert_int_equal(back->n, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(back->ev[i].start, tt->ev[i].start);
		assert_int_equal(back->ev[i].end, tt->ev[i].end);
	}
	free(u);
	free(out);
	pp_timetable_free(back);
	pp_timetable_free(tt);
}

static void
test_duplicate_events(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	char *out, uids[3][32];

	(void)state;
	add_event(tt, "x", "Same", PP_KIND_TALK, "2025-05-12T09:00",
	    "2025-05-12T10:00", NULL);
	add_event(tt, "x", "Same", PP_KIND_TALK, "2025-05-12T09:00",
	    "2025-05-12T10:00", NULL);
	out = write_tt(tt, NULL, NULL);
	assert_int_equal(uids_of(out, uids, 3), 2);
	assert_string_not_equal(uids[0], uids[1]);
	free(out);
	pp_timetable_free(tt);
}

static void
test_stream_error(void **state)
{
	struct fixture *f = fixture_new();
	struct pp_write_opts o = {.color = 0};
	FILE *fp = fopen("/dev/full", "w");

	(void)state;
	if (fp == NULL)
		skip();
	assert_int_equal(pp_write_ics(fp, &f->pl, &o), -1);
	fclose(fp);
	fp = fopen("/dev/full", "w");
	assert_non_null(fp);
	assert_int_equal(pp_write_timetable_ics(fp, f->tt, NULL), -1);
	fclose(fp);
	fixture_free(f);
}

/* Formats an instant as ics_events.py does: YYYYMMDDTHHMMSSZ. */
static void
fmt_utc(int64_t t, char *buf)
{
	struct pp_civil c;

	pp_tz_to_civil("UTC", t, &c);
	snprintf(buf, 17, "%04u%02u%02uT%02u%02u%02uZ",
	    (unsigned)c.year % 10000u, (unsigned)c.month % 100u,
	    (unsigned)c.day % 100u, (unsigned)c.hour % 100u,
	    (unsigned)c.min % 100u, (unsigned)c.sec % 100u);
}

static int
cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The events of the plan as tests/interop/ics_events.py lists them. */
static char *
plan_tsv(const struct fixture *f)
{
	char *lines[NITEMS], *all = NULL, s[20], e[20];
	size_t i, n = 0;

	for (i = 0; i < NITEMS; i++) {
		fmt_utc(f->items[i].start, s);
		fmt_utc(f->items[i].end, e);
		lines[i] = pp_xasprintf("%s\t%s\t%s\t%s\n", s, e,
		    f->items[i].title, f->items[i].room);
	}
	qsort(lines, NITEMS, sizeof(*lines), cmp_line);
	for (i = 0; i < NITEMS; i++) {
		size_t l = strlen(lines[i]);

		all = pp_xreallocarray(all, n + l + 1, 1);
		memcpy(all + n, lines[i], l + 1);
		n += l;
		free(lines[i]);
	}
	return all;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = pp_xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void
write_file(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(s, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

static void
test_golden(void **state)
{
	struct fixture *f = fixture_new();
	char *out, *tsv, *want;
	const char *update = getenv("PYPLAN_UPDATE_GOLDEN");
	size_t len, wlen;

	(void)state;
	set_epoch();
	out = write_plan(&f->pl, 10, &len);
	tsv = plan_tsv(f);
	if (update != NULL && strcmp(update, "1") == 0) {
		write_file(GOLDEN, out);
		write_file(GOLDEN_TSV, tsv);
	}
	want = read_file(GOLDEN, &wlen);
	assert_non_null(want);
	assert_int_equal(wlen, len);
	assert_memory_equal(want, out, len);
	free(want);
	want = read_file(GOLDEN_TSV, &wlen);
	assert_non_null(want);
	assert_string_equal(want, tsv);
	free(want);
	free(tsv);
	free(out);
	fixture_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fnv1a),
	    cmocka_unit_test(test_shape),
	    cmocka_unit_test(test_uid_stable),
	    cmocka_unit_test(test_dtstamp_now),
	    cmocka_unit_test(test_valarm),
	    cmocka_unit_test(test_escaping_and_folding),
	    cmocka_unit_test(test_round_trip_plan),
	    cmocka_unit_test(test_round_trip_timetable),
	    cmocka_unit_test(test_zones),
	    cmocka_unit_test(test_ambiguous_hour),
	    cmocka_unit_test(test_duplicate_events),
	    cmocka_unit_test(test_stream_error),
	    cmocka_unit_test(test_golden),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
