/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the JSON feed reader: frab/pretalx (schema v1 and 2),
 * Sessionize, PyCon US and the pretalx grid, on the corpus files (counts
 * taken independently with python3's json module), and diagnostics with
 * the line and column of the offending value.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "t.json"
#include "loadutil.h"

#include "pyplan/load.h"
#include "pyplan/load_json.h"
#include "pyplan/tz.h"

static size_t
count_kind(const struct pp_timetable *tt, enum pp_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < tt->n; i++)
		n += tt->ev[i].kind == k;
	return n;
}

/*
 * frab JSON, schema v1 (days[].rooms{}).
 * python3 -c "import json; d=json.load(open('tests/fixtures/
 *   c3voc-frab-camp2019.json'))['schedule']['conference']; print(sum(
 *   len(l) for day in d['days'] for l in day['rooms'].values()))"
 */
#define CAMP2019_EVENTS 79

static void
test_frab_camp2019(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("c3voc-frab-camp2019.json"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, CAMP2019_EVENTS);
	assert_string_equal(tt->name, "Chaos Communication Camp 2019");
	e = find_id(tt, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4");
	assert_non_null(e);
	assert_string_equal(e->title, "Opening Ceremony");
	assert_int_equal(e->start, utc(2019, 8, 21, 9, 0));
	assert_int_equal(e->end, utc(2019, 8, 21, 9, 30));
	assert_string_equal(e->tz, "Europe/Berlin");
	assert_string_equal(e->room, "Curie");
	assert_int_equal(e->nspeakers, 2);
	assert_string_equal(e->speakers[1], "smtw");
	assert_int_equal(e->recorded, PP_REC_YES); /* do_not_record false */
	assert_string_equal(e->kind_word, "lecture");
	done(tt, &ds);
}

/*
 * pretalx export without time_zone_name: the +01:00 offsets give the
 * display zone.  Same one-liner as above on c3voc-pretalx-rc3.json: 48;
 * do_not_record true on 3.
 */
#define RC3_EVENTS 48

static void
test_pretalx_rc3(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i, no = 0;
	int r;

	(void)state;
	tt = load(FIX("c3voc-pretalx-rc3.json"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, RC3_EVENTS);
	for (i = 0; i < tt->n; i++)
		no += tt->ev[i].recorded == PP_REC_NO;
	assert_int_equal(no, 3);
	assert_string_equal(tt->ev[0].tz, "Etc/GMT-1");
	done(tt, &ds);
	tt = load(FIX("c3voc-pretalx-rc3.json"), "Europe/Berlin", 0, &ds, &r);
	assert_string_equal(tt->ev[0].tz, "Europe/Berlin");
	done(tt, &ds);
}

/*
 * Schema 2: flat events[], participants, track slugs.
 * python3 -c "import json; print(len(json.load(open('tests/fixtures/
 *   c3voc-hub-schedule2.json'))['schedule']['events']))"
 */
static void
test_hub_schema2(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("c3voc-hub-schedule2.json"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->name, "38C3");
	e = find_id(tt, "b1740c2f-0c44-5f1b-89ed-456a9eecf0b8");
	assert_non_null(e);
	assert_int_equal(e->start, utc(2024, 12, 27, 23, 15));
	assert_int_equal(e->end, utc(2024, 12, 27, 23, 55));
	assert_string_equal(e->room, "Saal ZIGZAG");
	assert_string_equal(e->track, "Hardware & Making");
	assert_string_equal(e->speakers[0], "Sebastian Schwarz");
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_non_null(strstr(e->abstract, "Most Wanted Using Deep"));
	e = find_id(tt, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
	assert_string_equal(e->track, "CCC");
	assert_int_equal(e->nspeakers, 3);
	done(tt, &ds);
}

/*
 * Sessionize "All".  python3 -c "import json; print(len(json.load(open(
 *   'tests/fixtures/sessionize-scottishsummit.json'))['sessions']))"; its
 * session-type category says "20 min lightning talk" 11 times, its level
 * category "200 - Intermediate" 31 times; the sessions list 90 speaker
 * ids.
 */
#define SCOTTISH_EVENTS 61

static void
test_sessionize_scottish(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i, inter = 0, speakers = 0;
	int r;

	(void)state;
	tt = load(FIX("sessionize-scottishsummit.json"), "Europe/London", 0,
	    &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, SCOTTISH_EVENTS);
	assert_int_equal(count_kind(tt, PP_KIND_LIGHTNING), 11);
	for (i = 0; i < tt->n; i++) {
		inter += strcmp(tt->ev[i].level, "intermediate") == 0;
		speakers += tt->ev[i].nspeakers;
	}
	assert_int_equal(inter, 31);
	assert_int_equal(speakers, 90);
	e = find_id(tt, "1252943");
	assert_non_null(e);
	/* floating 09:00 read in London (BST) */
	assert_int_equal(e->start, utc(2026, 10, 2, 8, 0));
	assert_int_equal(e->end, utc(2026, 10, 2, 16, 0));
	assert_string_equal(e->tz, "Europe/London");
	assert_string_equal(e->room, "Presidents Suite 1 (150)");
	/* in the session's order */
	assert_string_equal(e->speakers[0], "Sandra Kiel");
	assert_string_equal(e->speakers[2], "Anouck Fierens");
	assert_string_equal(e->track, "Dynamics & Power Platform");
	assert_string_equal(e->level, "beginner");
	assert_int_equal(e->kind, PP_KIND_WORKSHOP); /* from the title */
	done(tt, &ds);
}

/* The three Global Azure Linz snapshots: 40, 29 and 24 sessions (same
 * one-liner); service sessions are breaks unless the title says more. */
static void
test_sessionize_azure(void **state)
{
	static const struct {
		const char *file;
		size_t n;
	} snaps[] = {
	    {FIX("sessionize-azure-linz-2020-02-19.json"), 40},
	    {FIX("sessionize-azure-linz-2020-04-27.json"), 29},
	    {FIX("sessionize-azure-linz-Y2023.json"), 24},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < 3; i++) {
		tt = load(snaps[i].file, NULL, 0, &ds, &r);
		assert_int_equal(r, 0);
		assert_int_equal(ds.nerrors, 0);
		assert_int_equal(tt->n, snaps[i].n);
		/* no --tz: floating times are UTC */
		assert_string_equal(tt->ev[0].tz, "UTC");
		done(tt, &ds);
	}
	tt = load(snaps[0].file, "Europe/Vienna", 0, &ds, &r);
	e = find_title(tt, "Registration");
	assert_non_null(e);
	assert_int_equal(e->start, utc(2020, 4, 24, 6, 0));
	assert_int_equal(e->kind, PP_KIND_BREAK);
	assert_string_equal(e->kind_word, "service");
	assert_string_equal(e->room, "Saal 8");
	assert_int_equal(find_title(tt, "Lunch")->kind, PP_KIND_MEAL);
	assert_int_equal(find_title(tt, "Keynote")->kind, PP_KIND_KEYNOTE);
	assert_int_equal(find_title(tt, "Session 1")->kind, PP_KIND_TALK);
	done(tt, &ds);
}

/*
 * PyCon US conference.json.  python3 -c "import json; s=json.load(open(
 *   'tests/fixtures/pycon-us-2022-conference.json'))['schedule']; print(
 *   sum(1 for x in s if x['kind']!='blank' and x['start']<x['end']))"
 * gives 160, 176 and 179 for 2022-2024; the rest are 2, 3 and 0 "blank"
 * slots and 0, 29 and 30 items of zero length, each a warning.  2022 has
 * 26 items in more than one room.
 */
static void
test_pycon_us(void **state)
{
	static const struct {
		const char *file;
		size_t n, warnings;
		const char *tz;
	} years[] = {
	    {FIX("pycon-us-2022-conference.json"), 160, 2, "Etc/GMT+7"},
	    {FIX("pycon-us-2023-conference.json"), 176, 32, "Etc/GMT+6"},
	    {FIX("pycon-us-2024-conference.json"), 179, 30, "Etc/GMT+4"},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i, multi = 0;
	int r;

	(void)state;
	for (i = 0; i < 3; i++) {
		tt = load(years[i].file, NULL, 0, &ds, &r);
		assert_int_equal(r, 0);
		assert_int_equal(ds.nerrors, 0);
		assert_int_equal(tt->n, years[i].n);
		assert_int_equal(ds.nwarnings, years[i].warnings);
		assert_string_equal(tt->ev[0].tz, years[i].tz);
		done(tt, &ds);
	}
	tt = load(years[0].file, "America/Denver", 0, &ds, &r);
	for (i = 0; i < tt->n; i++)
		multi += tt->ev[i].nrooms > 1;
	assert_int_equal(multi, 26);
	e = find_id(tt, "127");
	assert_non_null(e);
	assert_string_equal(e->title, "Python Oddities Explained");
	assert_int_equal(e->start, utc(2022, 4, 29, 17, 45));
	assert_int_equal(e->end, utc(2022, 4, 29, 18, 15));
	assert_string_equal(e->tz, "America/Denver");
	assert_string_equal(e->speakers[0], "Trey Hunner");
	assert_string_equal(e->room, "255ABC");
	assert_string_equal(e->url,
	    "http://us.pycon.org/2022/schedule/presentation/31/");
	assert_null(strstr(e->abstract, "\r"));
	/* one line, so diagnostics carry columns */
	assert_non_null(diag_with(&ds, "blank slot"));
	assert_int_equal(diag_with(&ds, "blank slot")->line, 1);
	assert_true(diag_with(&ds, "blank slot")->col > 1);
	done(tt, &ds);
}

/*
 * The PyConFR pretalx grid.  python3 -c "import json; d=json.load(open(
 *   'tests/fixtures/pyconfr-2024-schedule.json')); print(sum(len(c) for p
 *   in ('schedule','sprints') for r in d[p].values() for c in r.values()
 *   if isinstance(c,dict)), sum(len(r) for r in d['extra'].values()))"
 * gives 76 submissions and 5 extra items.
 */
static void
test_pyconfr_grid(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt =
	    load(FIX("pyconfr-2024-schedule.json"), "Europe/Paris", 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, 76 + 5);
	e = find_id(tt, "JDQLRV");
	assert_non_null(e);
	assert_string_equal(e->title, "Accueil / Welcome");
	assert_int_equal(e->start, utc(2024, 11, 2, 8, 0));
	assert_string_equal(e->room, "GAM");
	assert_string_equal(e->kind_word, "Short plenary");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	e = find_id(tt, "saturday-breakfast");
	assert_non_null(e);
	assert_string_equal(e->title, "Breakfast");
	assert_int_equal(e->start, utc(2024, 11, 2, 7, 30));
	assert_int_equal(e->end, utc(2024, 11, 2, 8, 0));
	assert_int_equal(e->kind, PP_KIND_MEAL);
	assert_int_equal(find_id(tt, "saturday-snack")->kind, PP_KIND_BREAK);
	assert_int_equal(find_id(tt, "ACEENH")->kind, PP_KIND_WORKSHOP);
	done(tt, &ds);
}

/* Problems of a known shape come with the place of the value. */
static void
test_frab_bad_event(void **state)
{
	static const char doc[] =
	    "{\"schedule\": {\"conference\": {\"title\": \"T\",\n"
	    " \"time_zone_name\": \"Europe/Berlin\",\n"
	    " \"days\": [{\"date\": \"2025-01-01\", \"rooms\": {\"A\": [\n"
	    "  {\"guid\": \"g1\", \"title\": \"Good\",\n"
	    "   \"date\": \"2025-01-01T10:00:00+01:00\", "
	    "\"duration\": \"00:30\"},\n"
	    "  {\"guid\": \"g2\",\n"
	    "   \"title\": \"Bad\",\n"
	    "   \"date\": \"2025-01-01T10:00:00+01:00\",\n"
	    "   \"duration\": \"half\", \"do_not_record\": \"perhaps\"},\n"
	    "  {\"guid\": \"g3\", \"title\": [\"not\", \"a string\"],\n"
	    "   \"start\": \"10:00\", \"duration\": \"00:30\"}\n"
	    " ]}}]}}}\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 1);
	d = diag_with(&ds, "duration 'half'");
	assert_non_null(d);
	assert_int_equal(d->line, 9);
	assert_int_equal(d->col, 16);
	d = diag_with(&ds, "do_not_record is not true or false");
	assert_non_null(d);
	assert_int_equal(d->line, 9);
	d = diag_with(&ds, "title is not a string");
	assert_non_null(d);
	assert_int_equal(d->line, 10);
	assert_int_equal(d->col, 27);
	assert_non_null(diag_with(&ds, "missing title"));
	done(tt, &ds);

	tt = load_str(doc, NULL, 1, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	assert_int_equal(ds.nwarnings, 2);
	d = diag_with(&ds, ": event skipped");
	assert_int_equal(d->line, 6);
	assert_int_equal(d->col, 3);
	assert_int_equal(tt->ev[0].line, 4);
	done(tt, &ds);
}

static void
test_malformed(void **state)
{
	static const struct {
		const char *doc;
		unsigned line;
		const char *msg;
	} cases[] = {
	    {"{\n \"a\": 1,\n \"b\": \n}\n", 4, "not valid JSON: "},
	    {"{\"schedule\": {}, \"schedule\": []}", 1,
	        "not valid JSON: duplicate object key"},
	    {"[1, 2]", 1, "not a known JSON programme: the top level"},
	    {"{\"foo\": 1}", 1, "not a known JSON programme ("},
	    {"{\"schedule\": {\"conference\": {\n\"days\": {}}}}", 2,
	        "schedule.conference.days is not an array"},
	    {"{\"schedule\": {\"conference\": {\n\"time_zone_name\": "
	     "\"Mars/Olympus\", \"days\": []}}}",
	        2, "unknown time zone 'Mars/Olympus'"},
	    {"{\"schedule\": {\"conference\": {}, \"events\":\n {}}}", 2,
	        "schedule.events is not an array"},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tt = load_str(cases[i].doc, NULL, 0, &ds, &r);
		assert_int_equal(r, -1);
		assert_int_equal(tt->n, 0);
		assert_true(ds.nerrors >= 1);
		if (strncmp(ds.v[0].msg, cases[i].msg, strlen(cases[i].msg)) !=
		    0)
			fail_msg("case %zu: '%s'", i, ds.v[0].msg);
		assert_int_equal(ds.v[0].line, cases[i].line);
		done(tt, &ds);
	}
	/* a JSON shape with nothing in it is only a warning */
	tt = load_str("{\"sessions\": [], \"rooms\": []}", NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nwarnings, 1);
	done(tt, &ds);
}

static void
test_sessionize_bad(void **state)
{
	static const char doc[] =
	    "{\"sessions\": [\n"
	    " {\"id\": \"1\", \"title\": \"Fine\", \"startsAt\": "
	    "\"2025-05-01T10:00:00\", \"endsAt\": \"2025-05-01T10:45:00\",\n"
	    "  \"roomId\": 7, \"speakers\": [\"s1\"], \"categoryItems\": []},\n"
	    " {\"id\": \"2\", \"title\": \"Lost\", \"startsAt\": "
	    "\"2025-05-01T10:00:00\", \"endsAt\": \"2025-05-01T10:45:00\",\n"
	    "  \"roomId\": 8, \"speakers\": [\"nobody\"]},\n"
	    " {\"id\": \"3\", \"title\": \"Unscheduled\", \"startsAt\": null,"
	    " \"endsAt\": null},\n"
	    " {\"id\": \"4\", \"startsAt\": \"2025-05-01T11:00:00\", "
	    "\"endsAt\": \"2025-05-01T10:00:00\"}\n"
	    "], \"rooms\": [{\"id\": 7, \"name\": \"Main\"}],\n"
	    "\"speakers\": [{\"id\": \"s1\", \"firstName\": \"Ada\", "
	    "\"lastName\": \"Lovelace\"}], \"categories\": []}\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, "Europe/Paris", 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].speakers[0], "Ada Lovelace");
	assert_string_equal(tt->ev[0].room, "Main");
	assert_int_equal(tt->ev[0].start, utc(2025, 5, 1, 8, 0));
	d = diag_with(&ds, "roomId 8 is not in rooms");
	assert_non_null(d);
	assert_int_equal(d->line, 5);
	d = diag_with(&ds, "speaker nobody is not in speakers");
	assert_non_null(d);
	assert_int_equal(d->line, 5);
	d = diag_with(&ds, "has no time: not scheduled");
	assert_non_null(d);
	assert_int_equal(d->level, PP_WARNING);
	assert_int_equal(d->line, 6);
	assert_non_null(diag_with(&ds, "missing title"));
	assert_non_null(diag_with(&ds, "is before the start"));
	assert_int_equal(ds.nerrors, 4);
	done(tt, &ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_frab_camp2019),
	    cmocka_unit_test(test_pretalx_rc3),
	    cmocka_unit_test(test_hub_schema2),
	    cmocka_unit_test(test_sessionize_scottish),
	    cmocka_unit_test(test_sessionize_azure),
	    cmocka_unit_test(test_pycon_us),
	    cmocka_unit_test(test_pyconfr_grid),
	    cmocka_unit_test(test_frab_bad_event),
	    cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_sessionize_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
