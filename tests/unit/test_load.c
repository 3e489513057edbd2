/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for what load.c does for every format: the one strict/lenient
 * policy for a bad record, the title prefixes that mark an event
 * cancelled, and the zone and day change a programme declares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "t.csv"
#include "loadutil.h"

#include "pyplan/load.h"

static void
test_reject_strict(void **state)
{
	struct pp_load_problem p[2] = {
	    {0, 0, "missing title"},
	    {7, 3, "date 'x' is not a date"},
	};
	struct pp_load_opts strict = {NULL, 0};
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_reject(&strict, &ds, "f", 5, 2, p, 2), -1);
	/* every problem an error, at its own place or else the record's */
	assert_int_equal(ds.nerrors, 2);
	assert_int_equal(ds.nwarnings, 0);
	assert_string_equal(ds.v[0].msg, "missing title");
	assert_int_equal(ds.v[0].line, 5);
	assert_int_equal(ds.v[0].col, 2);
	assert_int_equal(ds.v[1].line, 7);
	assert_int_equal(ds.v[1].col, 3);
	/* no options: strict */
	assert_int_equal(pp_load_reject1(NULL, &ds, "f", 9, 0, "bad %s",
	                     "thing"),
	    -1);
	assert_int_equal(ds.nerrors, 3);
	assert_string_equal(ds.v[2].msg, "bad thing");
	pp_diags_fini(&ds);
}

static void
test_reject_lenient(void **state)
{
	struct pp_load_problem p[2] = {
	    {0, 0, "missing title"},
	    {7, 3, "date 'x' is not a date"},
	};
	struct pp_load_problem many[6];
	struct pp_load_opts lenient = {NULL, 1};
	struct pp_diags ds;
	size_t i;

	(void)state;
	pp_diags_init(&ds);
	pp_load_reject(&lenient, &ds, "f", 5, 2, p, 2);
	/* one warning at the record, the problems joined */
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 1);
	assert_string_equal(ds.v[0].msg,
	    "missing title; date 'x' is not a date: event skipped");
	assert_int_equal(ds.v[0].line, 5);
	assert_int_equal(ds.v[0].col, 2);
	/* long problems are cut, the verdict never is */
	for (i = 0; i < 6; i++) {
		many[i].line = many[i].col = 0;
		memset(many[i].msg, 'x', sizeof(many[i].msg) - 1);
		many[i].msg[sizeof(many[i].msg) - 1] = '\0';
	}
	pp_load_reject(&lenient, &ds, "f", 6, 0, many, 6);
	assert_int_equal(ds.nwarnings, 2);
	assert_non_null(strstr(ds.v[1].msg, ": event skipped"));
	assert_int_equal(strlen(strstr(ds.v[1].msg, ": event skipped")),
	    strlen(": event skipped"));
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reject_strict),
	    cmocka_unit_test(test_reject_lenient),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
