/* SPDX-License-Identifier: ISC */
/*
 * The libraries opened on first use (icu_lazy.c, curl_lazy.c): a
 * programme in UTC or in a named zone planned end to end loads neither
 * (tz.c reads the zone's offsets from its TZif file, without libical's
 * recurrence iterator, which runs on ICU).  A recurrence rule loads ICU,
 * and the recurrence still expands right;
 * a fetch loads libcurl, and its failure (a closed port on 127.0.0.1)
 * still comes back as libcurl's diagnosis.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "pyplan/curl_lazy.h"
#include "pyplan/fetch.h"
#include "pyplan/icu_lazy.h"
#include "pyplan/load.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

static const char csv[] = "id,title,date,start,end,kind,room,timezone\n"
                          "t1,Talk,2025-05-12,10:00,10:45,talk,A,UTC\n"
                          "t2,Other,2025-05-12,11:00,11:45,talk,B,UTC\n";

/* The same in Brussels, on the day its clocks go forward. */
static const char csv_zone[] =
    "id,title,date,start,end,kind,room,timezone\n"
    "t1,Talk,2025-03-30,10:00,10:45,talk,A,Europe/Brussels\n"
    "t2,Other,2025-03-30,11:00,11:45,talk,B,Europe/Brussels\n";

static const char ics[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:r@t\r\nDTSTART:20250512T090000Z\r\n"
    "DTEND:20250512T091500Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
    "SUMMARY:Daily stand-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/* Loads, models and solves the CSV programme src. */
static void
plan_csv(const char *src, struct pp_diags *ds)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_load_opts lo = {NULL, 0};
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;

	pp_profile_init(&p);
	assert_int_equal(pp_load_buffer(tt, "t.csv", src, strlen(src), &lo, ds),
	    0);
	assert_int_equal(tt->n, 2);
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, ds), 0);
	assert_int_equal(pp_solve(m, &pl, ds), 0);
	pp_plan_free(pl);
	pp_model_free(m);
	pp_timetable_free(tt);
	pp_profile_fini(&p);
}

/* The programme in UTC, then in Brussels: its times are 08:00Z (CEST). */
static void
plan_utc(struct pp_diags *ds)
{
	struct pp_civil c;

	plan_csv(csv, ds);
	plan_csv(csv_zone, ds);
	assert_int_equal(pp_tz_to_civil("Europe/Brussels", 1743321600, &c), 0);
	assert_int_equal(c.hour, 10);
	assert_int_equal(c.utc_offset, 7200);
}

static void
test_icu(void **state)
{
	struct pp_timetable *tt;
	struct pp_load_opts lo = {NULL, 0};
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	plan_utc(&ds);
	assert_false(pp_icu_loaded());
	/* A recurrence rule: ICU is loaded, and the rule expands. */
	tt = pp_timetable_new();
	assert_int_equal(pp_load_buffer(tt, "r.ics", ics, strlen(ics), &lo,
	                     &ds),
	    0);
	assert_int_equal(tt->n, 3);
	assert_int_equal(tt->ev[2].start - tt->ev[0].start, 2 * 86400);
	assert_true(pp_icu_loaded());
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
}

static void
test_curl(void **state)
{
	struct pp_diags ds;
	char dir[] = "/tmp/pyplan-curl-XXXXXX";
	struct pp_fetch_opts fo = {0, 5, dir};
	struct pp_fetch_result res = {NULL, NULL, 0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	pp_diags_init(&ds);
	plan_utc(&ds);
	assert_false(pp_curl_loaded());
	/* Port 1 on the loopback: nothing listens, libcurl says so. */
	assert_int_equal(pp_fetch("http://127.0.0.1:1/p.csv", &fo, &res, &ds),
	    PP_FETCH_UNREACHABLE);
	assert_true(pp_curl_loaded());
	assert_int_equal(ds.nerrors, 1);
	assert_non_null(strstr(ds.v[ds.n - 1].msg, "cannot reach the server"));
	assert_null(res.path);
	pp_fetch_result_fini(&res);
	pp_fetch_cleanup();
	assert_int_equal(rmdir(dir), 0);
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_icu),
	    cmocka_unit_test(test_curl),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
