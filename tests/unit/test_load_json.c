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
 * slots and 0, 29 and 30 items of zero length, each a warning.  The
 * 2023 and 2024 "Posters Session" lists 24 and 27 posters (sum(len(
 * x.get('sessions') or []) for x in s)), each an event at the session's
 * time.  2022 has 26 items in more than one room.  No file names its
 * zone: tt->tz stays NULL, and events show the offsets' fixed zone.
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
	    {FIX("pycon-us-2023-conference.json"), 176 + 24, 32, "Etc/GMT+6"},
	    {FIX("pycon-us-2024-conference.json"), 179 + 27, 30, "Etc/GMT+4"},
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
		assert_null(tt->tz);
		done(tt, &ds);
	}
	/* a poster listed by the 2024 poster session */
	tt = load(years[2].file, NULL, 0, &ds, &r);
	e = find_title(tt, "Posters Session");
	assert_non_null(e);
	for (i = 0; i < tt->n; i++)
		if (tt->ev[i].kind == PP_KIND_POSTER &&
		    tt->ev[i].start == e->start && tt->ev[i].end == e->end &&
		    &tt->ev[i] != e)
			multi++;
	assert_int_equal(multi, 27);
	multi = 0;
	e = find_id(tt, "178119");
	assert_non_null(e);
	assert_non_null(strstr(e->title, "BeagleTM"));
	assert_string_equal(e->speakers[0], "Oliver Bonham-Carter");
	assert_string_equal(e->room, "Expo Hall A");
	assert_int_equal(e->start, utc(2024, 5, 19, 14, 0));
	assert_int_equal(e->end, utc(2024, 5, 19, 17, 0));
	done(tt, &ds);
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

/*
 * PyCon US 2025 (tests/fixtures/pycon-us-2025-conference.json, shaped as
 * the 2025 file: a schedule and, beside it, the open-spaces list): five
 * schedule items, an item whose title says CANCELLED, an item with
 * cancelled true, and four open spaces, read as open-space events with
 * ids of their own.
 */
static void
test_pycon_2025_open_spaces(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("pycon-us-2025-conference.json"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 0);
	assert_int_equal(tt->n, 5 + 2 + 4);
	assert_int_equal(count_kind(tt, PP_KIND_OPEN_SPACE), 4);
	e = find_id(tt, "open-space-1");
	assert_non_null(e);
	assert_string_equal(e->title, "Neurodivergent Pythonista Social Space");
	assert_int_equal(e->kind, PP_KIND_OPEN_SPACE);
	assert_string_equal(e->kind_word, "open-space");
	assert_string_equal(e->room, "Room 316");
	assert_int_equal(e->start, utc(2025, 5, 16, 20, 0));
	assert_int_equal(e->end, utc(2025, 5, 16, 21, 0));
	assert_non_null(strstr(e->abstract, "neurodivergent"));
	/* the same open space twice: two events */
	assert_non_null(find_id(tt, "open-space-3"));
	assert_non_null(find_id(tt, "open-space-4"));
	/* cancelled: by its flag, and by its title (mark taken off) */
	e = find_id(tt, "191");
	assert_non_null(e);
	assert_int_equal(e->status, PP_STATUS_CANCELLED);
	e = find_id(tt, "190");
	assert_non_null(e);
	assert_string_equal(e->title, "Introduction to Sprints Workshop");
	assert_int_equal(e->status, PP_STATUS_CANCELLED);
	assert_int_equal(find_id(tt, "103")->status, PP_STATUS_CONFIRMED);
	assert_non_null(diag_with(&ds,
	    "'Testing Python Code at Scale' is cancelled: listed, never "
	    "planned"));
	assert_non_null(diag_with(&ds,
	    "'Introduction to Sprints Workshop' is cancelled (its title "
	    "says so)"));
	/* the file names no zone: offsets stay exact, tt->tz is NULL */
	assert_null(tt->tz);
	done(tt, &ds);
}

/*
 * PyConFR in the 2025 site-data shape (tests/fixtures/pyconfr-2025-
 * schedule.json, the 2024 file reshaped): slots[] with room {id, name},
 * submission_type {id, name}; 76 submissions, three sprints with a second
 * slot on 2024-11-01 (shown in both days' cells), four in state
 * "accepted", a "canceled" talk and a "withdrawn" proposal, and the five
 * extra items: 76 + 3 + 1 + 5 events.
 */
static void
test_pyconfr_2025(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt =
	    load(FIX("pyconfr-2025-schedule.json"), "Europe/Paris", 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, 76 + 3 + 1 + 5);
	/* a sprint with two slots: two events, ids of their own */
	e = find_id(tt, "ACEENH-1");
	assert_non_null(e);
	assert_string_equal(e->title, "Modoboa end-user tools v2");
	assert_int_equal(e->start, utc(2024, 10, 31, 9, 0));
	assert_string_equal(e->room, "C02");
	assert_string_equal(e->kind_word, "Sprint");
	e = find_id(tt, "ACEENH-2");
	assert_non_null(e);
	assert_int_equal(e->start, utc(2024, 11, 1, 9, 0));
	assert_null(find_id(tt, "ACEENH"));
	/* accepted is published */
	e = find_id(tt, "MMKK3N");
	assert_non_null(e);
	assert_string_equal(e->room, "PAM");
	assert_string_equal(e->kind_word, "Short talk");
	/* canceled stays, withdrawn is reported */
	assert_int_equal(find_id(tt, "CANCEL")->status, PP_STATUS_CANCELLED);
	assert_null(find_id(tt, "WDRAWN"));
	d = diag_with(&ds, "'Withdrawn proposal' is in state 'withdrawn'");
	assert_non_null(d);
	assert_int_equal(d->level, PP_WARNING);
	assert_true(d->col > 1);
	/* unchanged from 2024 */
	e = find_id(tt, "JDQLRV");
	assert_non_null(e);
	assert_string_equal(e->room, "GAM");
	assert_int_equal(e->kind, PP_KIND_KEYNOTE);
	done(tt, &ds);
}

/* Members no reader reads that hold event-like items are reported, at
 * their line; lists of people or rooms are not. */
static void
test_unread_lists(void **state)
{
	static const char pycon[] =
	    "{\"schedule\": [{\"kind\": \"talk\", \"name\": \"T\",\n"
	    "  \"start\": \"2025-05-16T10:00:00-04:00\",\n"
	    "  \"end\": \"2025-05-16T10:30:00-04:00\", \"conf_key\": 1}],\n"
	    " \"lightning-talks\": [\n"
	    "  {\"title\": \"L1\", \"start\": \"2025-05-16T17:00:00-04:00\"},\n"
	    "  {\"title\": \"L2\", \"start\": "
	    "\"2025-05-16T17:05:00-04:00\"}],\n"
	    " \"conference\": {\"sponsors\": {\"Gold\": [{\"name\": \"S\"}]},\n"
	    "  \"extra\": {\"summit\": {\"name\": \"Summit\",\n"
	    "   \"date\": \"2025-05-14\"}}},\n"
	    " \"speakers\": [{\"name\": \"Ada\", \"bio\": \"\"}]}\n";
	static const char frab[] =
	    "{\"schedule\": {\"conference\": {\"title\": \"C\",\n"
	    " \"days\": [], \"workshops\": [\n"
	    "  {\"title\": \"W\", \"date\": \"2025-01-01T10:00:00+01:00\"}]},\n"
	    " \"persons\": [{\"name\": \"P\"}]}}\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(pycon, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	assert_int_equal(ds.nwarnings, 2);
	d = diag_with(&ds, "'lightning-talks'");
	assert_non_null(d);
	assert_string_equal(d->msg,
	    "'lightning-talks' holds 2 items that look like events and are "
	    "not read");
	assert_int_equal(d->line, 4);
	d = diag_with(&ds, "'conference.extra'");
	assert_non_null(d);
	assert_string_equal(d->msg,
	    "'conference.extra' holds 1 item that looks like events and is "
	    "not read");
	assert_int_equal(d->line, 8);
	done(tt, &ds);
	tt = load_str(frab, NULL, 0, &ds, &r);
	d = diag_with(&ds, "'schedule.conference.workshops' holds 1 item");
	assert_non_null(d);
	assert_int_equal(d->line, 2);
	done(tt, &ds);
}

/* Sessionize's status: accepted sessions are the programme, cancelled
 * ones are listed, others are reported. */
static void
test_sessionize_status(void **state)
{
	static const char doc[] =
	    "{\"sessions\": [\n"
	    " {\"id\": \"1\", \"title\": \"In\", \"status\": \"Accepted\",\n"
	    "  \"startsAt\": \"2025-05-01T10:00:00\",\n"
	    "  \"endsAt\": \"2025-05-01T10:45:00\"},\n"
	    " {\"id\": \"2\", \"title\": \"Off\", \"status\": \"Cancelled\",\n"
	    "  \"startsAt\": \"2025-05-01T11:00:00\",\n"
	    "  \"endsAt\": \"2025-05-01T11:45:00\"},\n"
	    " {\"id\": \"3\", \"title\": \"No\", \"status\": \"Declined\",\n"
	    "  \"startsAt\": \"2025-05-01T12:00:00\",\n"
	    "  \"endsAt\": \"2025-05-01T12:45:00\"}\n"
	    "], \"rooms\": [], \"speakers\": [], \"categories\": []}\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 2);
	assert_int_equal(find_id(tt, "1")->status, PP_STATUS_CONFIRMED);
	assert_int_equal(find_id(tt, "2")->status, PP_STATUS_CANCELLED);
	d = diag_with(&ds, "has status 'Declined'");
	assert_non_null(d);
	assert_int_equal(d->line, 8);
	assert_string_equal(d->msg,
	    "session 'No' has status 'Declined', not in the programme: "
	    "skipped");
	done(tt, &ds);
}

/* frab/pretalx JSON: the zone time_zone_name names, and the day change
 * the days' bounds give (day_start/day_end in schema 1, start/end in
 * schema 2). */
static void
test_frab_json_zone_day_change(void **state)
{
	static const struct declares cases[] = {
	    {FIX("c3voc-frab-camp2019.json"), "Europe/Berlin", 4 * 60},
	    {FIX("c3voc-pretalx-rc3.json"), NULL, 4 * 60},
	    {FIX("c3voc-hub-schedule2.json"), "Europe/Berlin", 6 * 60},
	};

	(void)state;
	check_declares(cases, sizeof(cases) / sizeof(cases[0]));
}

/* Languages: frab/pretalx "language", pretalx's content_locale in the
 * PyConFR site data, and PyCon US's Charlas (its Spanish track). */
static void
test_language(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i, es = 0;
	int ret;

	(void)state;
	pp_diags_init(&ds);
	tt = load(FIXTURES "/c3voc-pretalx-rc3.json", NULL, 0, &ds, &ret);
	assert_int_equal(ret, 0);
	e = find_title(tt,
	    "Der faule Admin automatisiert: Gluon auf echter Hardware testen");
	assert_non_null(e);
	assert_string_equal(e->lang, "de");
	done(tt, &ds);

	pp_diags_init(&ds);
	tt = load(FIXTURES "/pyconfr-2024-schedule.json", NULL, 0, &ds, &ret);
	assert_int_equal(ret, 0);
	e = find_id(tt, "GDDRLW");
	assert_non_null(e);
	assert_string_equal(e->lang, "en");
	done(tt, &ds);

	pp_diags_init(&ds);
	tt =
	    load(FIXTURES "/pycon-us-2024-conference.json", NULL, 0, &ds, &ret);
	assert_int_equal(ret, 0);
	e = find_title(tt, "Observabilidad en Python para principiantes");
	assert_non_null(e);
	assert_string_equal(e->lang, "es");
	for (i = 0; i < tt->n; i++)
		es += strcmp(tt->ev[i].lang, "es") == 0;
	assert_int_equal(es, 16);
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
	    cmocka_unit_test(test_pycon_2025_open_spaces),
	    cmocka_unit_test(test_pyconfr_2025),
	    cmocka_unit_test(test_unread_lists),
	    cmocka_unit_test(test_sessionize_status),
	    cmocka_unit_test(test_frab_json_zone_day_change),
	    cmocka_unit_test(test_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
