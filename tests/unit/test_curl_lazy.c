/* SPDX-License-Identifier: ISC */
/*
 * libcurl is loaded only when a URL is first fetched: a programme planned
 * end to end never loads it; a fetch does, and its failure (a closed port
 * on 127.0.0.1) still comes back as libcurl's diagnosis.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "pyplan/curl_lazy.h"
#include "pyplan/fetch.h"
#include "pyplan/load.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

static const char csv[] = "id,title,date,start,end,kind,room,timezone\n"
                          "t1,Talk,2025-05-12,10:00,10:45,talk,A,UTC\n"
                          "t2,Other,2025-05-12,11:00,11:45,talk,B,UTC\n";

static void
test_lazy(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_load_opts lo = {NULL, 0};
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	char dir[] = "/tmp/pyplan-curl-XXXXXX";
	struct pp_fetch_opts fo = {0, 5, dir};
	struct pp_fetch_result res = {NULL, NULL, 0};

	(void)state;
	assert_non_null(mkdtemp(dir));
	pp_diags_init(&ds);
	pp_profile_init(&p);
	assert_int_equal(pp_load_buffer(tt, "t.csv", csv, strlen(csv), &lo,
	                     &ds),
	    0);
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(pp_solve(m, &pl, &ds), 0);
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
	pp_plan_free(pl);
	pp_model_free(m);
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
