/* SPDX-License-Identifier: ISC */
/*
 * ICU is loaded only when libical or libxml2 first needs it: a programme
 * in UTC planned end to end never loads it; a recurrence rule does (and
 * so does a zone's first use: libical expands the zone's rules with its
 * recurrence iterator), and the recurrence still expands right.
 */
#include <string.h>

#include "testutil.h"

#include "pyplan/icu_lazy.h"
#include "pyplan/load.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

static const char csv[] = "id,title,date,start,end,kind,room,timezone\n"
                          "t1,Talk,2025-05-12,10:00,10:45,talk,A,UTC\n"
                          "t2,Other,2025-05-12,11:00,11:45,talk,B,UTC\n";

static const char ics[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:r@t\r\nDTSTART:20250512T090000Z\r\n"
    "DTEND:20250512T091500Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\n"
    "SUMMARY:Daily stand-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

static void
test_lazy(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_load_opts lo = {NULL, 0};
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	/* A programme in UTC, modelled and solved: no ICU. */
	assert_int_equal(pp_load_buffer(tt, "t.csv", csv, strlen(csv), &lo,
	                     &ds),
	    0);
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(pp_solve(m, &pl, &ds), 0);
	assert_false(pp_icu_loaded());
	pp_plan_free(pl);
	pp_model_free(m);
	pp_timetable_free(tt);
	/* A recurrence rule: ICU is loaded, and the rule expands. */
	tt = pp_timetable_new();
	assert_int_equal(pp_load_buffer(tt, "r.ics", ics, strlen(ics), &lo,
	                     &ds),
	    0);
	assert_int_equal(tt->n, 3);
	assert_int_equal(tt->ev[2].start - tt->ev[0].start, 2 * 86400);
	assert_true(pp_icu_loaded());
	pp_timetable_free(tt);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lazy),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
