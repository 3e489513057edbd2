/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for reading a plan back (load_plan.c: JSON, CSV, TSV, pins)
 * and for turning an edited plan into must-see and skip references
 * (pins.c).
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/load_plan.h"
#include "pyplan/pins.h"
#include "pyplan/profile.h"
#include "pyplan/tz.h"

static int
parse(struct pp_plan_file *pf, const char *text, struct pp_diags *ds)
{
	return pp_plan_file_parse(pf, "plan", text, strlen(text),
	    "Europe/Brussels", ds);
}

static void
test_csv(void **state)
{
	static const char csv[] =
	    "date,start,end,kind,class,title,speakers,room,score,must,reason,"
	    "id,url,video_url\n"
	    "2025-02-01,09:00,09:30,talk,talk,\"Rust, safely\",Ann,K.1,2,yes,"
	    "must-see,t1,,\n"
	    "\n"
	    "2025-02-01,09:30,10:00,hallway,networking,Hallway track,,,0.5,no,"
	    "hallway track,hallway-2025-02-01-0930,,\n"
	    "2025-02-01,23:30,00:30,talk,talk,Night,Bo,K.2,1,drop,,t2,,\n";
	struct pp_plan_file pf;
	struct pp_diags ds;
	int64_t t;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(parse(&pf, csv, &ds), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(pf.n, 3);
	assert_string_equal(pf.rows[0].id, "t1");
	assert_string_equal(pf.rows[0].title, "Rust, safely");
	assert_string_equal(pf.rows[0].room, "K.1");
	assert_true(pf.rows[0].must);
	assert_int_equal(pf.rows[0].pin, PP_PIN_KEEP);
	assert_int_equal(pf.rows[0].line, 2);
	assert_true(pf.rows[0].has_time);
	assert_int_equal(pp_tz_parse_iso("2025-02-01T09:00+01:00", NULL, &t),
	    0);
	assert_int_equal(pf.rows[0].start, t);
	assert_int_equal(pf.rows[0].end - pf.rows[0].start, 1800);
	assert_true(pf.rows[1].synthesized);
	assert_int_equal(pf.rows[1].line, 4);
	/* "drop" in the must column; an end past midnight is the next day */
	assert_int_equal(pf.rows[2].pin, PP_PIN_DROP);
	assert_int_equal(pf.rows[2].end - pf.rows[2].start, 3600);
	assert_int_equal(pf.room_change, -1);
	assert_ptr_equal(pp_plan_file_find(&pf, "t2"), &pf.rows[2]);
	assert_null(pp_plan_file_find(&pf, "t9"));
	assert_null(pp_plan_file_find(&pf, ""));
	pp_plan_file_fini(&pf);
	pp_diags_fini(&ds);
}

static void
test_tsv_pin_column(void **state)
{
	/* columns reordered and cut, a pin column added by hand */
	static const char tsv[] = "ID\tTitle\tPin\n"
	                          "t1\tOne\\ttab\t\n"
	                          "t2\tTwo\tdrop\n"
	                          "\tThree by title\tkeep\n";
	struct pp_plan_file pf;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(parse(&pf, tsv, &ds), 0);
	assert_int_equal(pf.n, 3);
	assert_string_equal(pf.rows[0].title, "One\ttab");
	assert_false(pf.rows[0].has_time);
	assert_int_equal(pf.rows[0].pin, PP_PIN_KEEP);
	assert_int_equal(pf.rows[1].pin, PP_PIN_DROP);
	assert_string_equal(pf.rows[2].id, "");
	assert_string_equal(pf.rows[2].title, "Three by title");
	pp_plan_file_fini(&pf);
	pp_diags_fini(&ds);
}

static void
test_json(void **state)
{
	static const char json[] =
	    "{\"schema_version\": 1,\n"
	    " \"conference\": {\"timezone\": \"Europe/Brussels\"},\n"
	    " \"profile\": {\"room_change_minutes\": 10},\n"
	    " \"days\": [{\"date\": \"2025-02-01\", \"items\": [\n"
	    "  {\"id\": \"t1\", \"title\": \"One\", \"kind\": \"talk\",\n"
	    "   \"source\": \"programme\", \"start\": "
	    "\"2025-02-01T09:00:00+01:00\",\n"
	    "   \"end\": \"2025-02-01T09:30:00+01:00\", \"room\": \"K.1\", "
	    "\"must\": true},\n"
	    "  {\"id\": \"lunch-2025-02-01-1200\", \"title\": \"Lunch\", "
	    "\"source\": \"lunch\",\n"
	    "   \"start\": \"2025-02-01T12:00:00+01:00\", \"end\": "
	    "\"2025-02-01T12:30:00+01:00\", \"room\": null},\n"
	    "  {\"id\": \"t2\", \"title\": \"Two\", \"pin\": \"drop\",\n"
	    "   \"start\": \"2025-02-01T14:00:00+01:00\", \"end\": "
	    "\"2025-02-01T14:30:00+01:00\"}]}]}\n";
	struct pp_plan_file pf;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(parse(&pf, json, &ds), 0);
	assert_int_equal(pf.n, 3);
	assert_int_equal(pf.room_change, 10);
	assert_string_equal(pf.tz, "Europe/Brussels");
	assert_true(pf.rows[0].must);
	assert_int_equal(pf.rows[0].start, INT64_C(1738396800));
	assert_true(pf.rows[1].synthesized);
	assert_string_equal(pf.rows[1].room, "");
	assert_int_equal(pf.rows[2].pin, PP_PIN_DROP);
	pp_plan_file_fini(&pf);
	pp_diags_fini(&ds);
}

static void
test_errors(void **state)
{
	static const struct {
		const char *text, *msg;
		unsigned line;
	} bad[] = {
	    {"", "empty file: no plan", 0},
	    {"when,where\n09:00,K\n",
	        "not a plan: the header has no id or title column", 1},
	    {"id,title,pin\nt1,One,maybe\n",
	        "unknown pin 'maybe' (keep or drop)", 2},
	    {"id,title,must\nt1,One,perhaps\n",
	        "unknown must 'perhaps' (yes, no or drop)", 2},
	    {"id,title\n,\n", NULL, 0}, /* a blank row is no error */
	    {"id,title,date,start,end\nt1,One,2025-02-30,09:00,10:00\n",
	        "bad time '2025-02-30 09:00-10:00'", 2},
	    {"id,title\nt1,One\n,,x\n", "row has neither an id nor a title", 3},
	    {"{\"schema_version\": 1, \"events\": []}",
	        "not a plan but a programme (no \"days\")", 0},
	    {"[1, 2]", "not a plan: no \"days\" array", 0},
	    {"{\"days\": [{\"items\": [{\"id\": \"x\", \"start\": "
	     "\"10:00\"}]}]}",
	        "item 'x': bad start or end (ISO 8601 with offset)", 0},
	    {"{\"days\": [{\"items\": 3}]}", "day 1 has no \"items\" array", 0},
	    {"{\"days\": [", "end of file expected near end of file", 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct pp_plan_file pf;
		struct pp_diags ds;
		int r;

		pp_diags_init(&ds);
		r = parse(&pf, bad[i].text, &ds);
		if (bad[i].msg == NULL) {
			assert_int_equal(r, 0);
			assert_int_equal(ds.n, 0);
		} else {
			assert_int_equal(r, -1);
			assert_true(ds.nerrors >= 1);
			if (i == sizeof(bad) / sizeof(bad[0]) - 1)
				assert_non_null(
				    strstr(ds.v[0].msg, "expected"));
			else
				assert_string_equal(ds.v[0].msg, bad[i].msg);
			assert_int_equal(ds.v[0].line, bad[i].line);
			assert_string_equal(ds.v[0].file, "plan");
		}
		pp_plan_file_fini(&pf);
		pp_diags_fini(&ds);
	}
}

/* A timetable of four talks, "e1".."e4", one cancelled. */
static struct pp_timetable *
programme(void)
{
	struct pp_timetable *tt = pp_timetable_new();
	static const char *const titles[] = {"One", "Two", "Three", "Four"};
	size_t i;

	for (i = 0; i < 4; i++) {
		struct pp_event *e = pp_timetable_add(tt);
		char id[8];

		snprintf(id, sizeof(id), "e%zu", i + 1);
		e->id = pp_tt_strdup(tt, id);
		e->title = titles[i];
		e->start = INT64_C(1738396800) + (int64_t)i * 3600;
		e->end = e->start + 1800;
		e->tz = "Europe/Brussels";
		if (i == 3)
			e->status = PP_STATUS_CANCELLED;
	}
	return tt;
}

static void
test_pins(void **state)
{
	static const char tsv[] = "id\ttitle\tpin\n"
	                          "e1\tOne\t\n"       /* kept */
	                          "\tTWO\t\n"         /* kept, by title */
	                          "e3\tThree\tdrop\n" /* dropped */
	                          "e4\tFour\t\n"      /* cancelled */
	                          "e9\tGone\t\n"      /* not there */
	                          "hallway-2025-02-01-1000\tHallway track\t\n";
	struct pp_timetable *tt = programme();
	struct pp_plan_file pf;
	struct pp_profile p;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	assert_int_equal(parse(&pf, tsv, &ds), 0);
	assert_int_equal(pp_pins_apply(&p, tt, &pf, NULL, &ds), 0);
	assert_int_equal(p.nmust, 2);
	assert_string_equal(p.must[0].text, "e1");
	assert_string_equal(p.must[0].file, "plan");
	assert_int_equal(p.must[0].line, 2);
	assert_string_equal(p.must[1].text, "e2");
	assert_int_equal(p.nskip, 1);
	assert_string_equal(p.skip[0].text, "e3");
	assert_int_equal(ds.nwarnings, 2);
	assert_string_equal(ds.v[0].msg,
	    "pinned 'Four' is cancelled: left out");
	assert_int_equal(ds.v[0].line, 5);
	assert_string_equal(ds.v[1].msg,
	    "pinned 'Gone' is no longer in the programme: left out");
	pp_profile_fini(&p);
	pp_plan_file_fini(&pf);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_csv),
	    cmocka_unit_test(test_tsv_pin_column),
	    cmocka_unit_test(test_json),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_pins),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
