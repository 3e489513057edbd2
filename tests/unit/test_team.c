/* SPDX-License-Identifier: ISC */
/* Unit tests for the team file reader (team.h) and the joint team model
 * (team_solve.h): the order profiles are made in, every section's keys,
 * all errors in one run; booth shifts, availability, the rota, cover and
 * the score on a small programme. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "<team>"
#include "loadutil.h"
#include "pyplan/diag.h"
#include "pyplan/model.h"
#include "pyplan/solve.h"
#include "pyplan/team.h"
#include "pyplan/team_solve.h"
#include "tmpdir.h"

static const char *
write_team(const char *text)
{
	return write_file("team.ini", text);
}

/* Built-in defaults, then [team], then the profile file, then the
 * member's own keys, whatever the order in the file. */
static void
test_profile_order(void **state)
{
	struct pp_team t;
	struct pp_diags ds;
	const char *path;

	(void)state;
	pp_diags_init(&ds);
	write_file("three.ini",
	    "[plan]\nmax-talks-per-day = 3\n"
	    "max-consecutive-talks = 1\n");
	path = write_team("[member A]\nprofile = three.ini\n"
	                  "max-talks-per-day = 2\n"
	                  "[member B]\nprofile = three.ini\n"
	                  "[member C]\n"
	                  "[team]\nmax-talks-per-day = 4\n"
	                  "min-networking-minutes = 30\n");
	assert_int_equal(pp_team_load(&t, path, &ds, NULL), 0);
	assert_int_equal(t.nmembers, 3);
	assert_int_equal(t.members[0].p.max_talks, 2);
	assert_int_equal(t.members[1].p.max_talks, 3);
	assert_int_equal(t.members[2].p.max_talks, 4);
	assert_int_equal(t.members[0].p.max_streak, 1);
	assert_int_equal(t.members[2].p.max_streak, 3); /* built-in */
	assert_int_equal(t.members[2].p.min_networking, 30);
	assert_ptr_equal(pp_team_member_find(&t, "b"), &t.members[1]);
	assert_null(pp_team_member_find(&t, "D"));
	pp_team_fini(&t);
	pp_diags_fini(&ds);
}

static void
test_keys(void **state)
{
	struct pp_team t;
	struct pp_diags ds;
	const char *path;

	(void)state;
	pp_diags_init(&ds);
	path = write_team("; a team\n[team]\nname = Acme\n"
	                  "together = Keynote, Lunch\ntogether = Party\n"
	                  "[member Ann Lee]\n"
	                  "interests = testing=3, python 3 = 1.5\n"
	                  "speakers = Bo Chen=2\nmust = Data pipelines\n"
	                  "skip = Lunch\nbooth = no\n"
	                  "[booth]\nhours = 2018-05-11 10:00-12:30\n"
	                  "hours = 2018-05-12 09:00-10:00\nstaff = 2\n"
	                  "shift-minutes = 30\nmax-minutes-per-member = 90\n"
	                  "room = Expo 7\n"
	                  "[cover]\ntopics = testing, packaging\n"
	                  "titles = Security for humans\nweight = 2.5\n");
	assert_int_equal(pp_team_load(&t, path, &ds, NULL), 0);
	assert_string_equal(t.name, "Acme");
	assert_int_equal(t.ntogether, 3);
	assert_string_equal(t.together[1].text, "Lunch");
	assert_int_equal(t.together[2].line, 5);
	assert_string_equal(t.members[0].name, "Ann Lee");
	assert_int_equal(t.members[0].booth, 0);
	assert_int_equal(t.members[0].p.ninterests, 2);
	assert_string_equal(t.members[0].p.interests[1].name, "python 3");
	assert_true(t.members[0].p.interests[1].weight == 1.5);
	assert_int_equal(t.members[0].p.nspeakers, 1);
	assert_int_equal(t.members[0].p.nmust, 1);
	assert_int_equal(t.members[0].p.nskip, 1);
	assert_int_equal(t.nhours, 2);
	assert_string_equal(t.hours[0].date, "2018-05-11");
	assert_int_equal(t.hours[0].from, 600);
	assert_int_equal(t.hours[0].to, 750);
	assert_int_equal(t.staff, 2);
	assert_int_equal(t.shift_minutes, 30);
	assert_int_equal(t.max_spread, 30); /* one shift by default */
	assert_int_equal(t.max_minutes, 90);
	assert_string_equal(t.room, "Expo 7");
	assert_int_equal(t.ncover_topics, 2);
	assert_string_equal(t.cover_topics[1], "packaging");
	assert_int_equal(t.ncover_titles, 1);
	assert_true(t.cover_weight == 2.5);
	pp_team_fini(&t);
	pp_diags_fini(&ds);
}

/* Every mistake is reported, each at its line, in one run. */
static void
test_errors(void **state)
{
	struct pp_team t;
	struct pp_diags ds;
	const char *path;
	int io = -1;

	(void)state;
	pp_diags_init(&ds);
	path = write_team("x = 1\n"         /* 1 */
	                  "[member]\n"      /* 2 */
	                  "[member A]\n"    /* 3 */
	                  "booth = maybe\n" /* 4 */
	                  "[member a]\n"    /* 5 */
	                  "[booth]\n"       /* 6 */
	                  "staff = 0\n"     /* 7 */
	                  "hours = 10:00\n" /* 8 */
	                  "[cover]\n"       /* 9 */
	                  "colour = red\n"  /* 10 */
	                  "[nope]\n");      /* 11 */
	assert_int_equal(pp_team_load(&t, path, &ds, &io), -1);
	assert_int_equal(io, 0);
	assert_int_equal(ds.nerrors, 8);
	assert_int_equal(ds.v[0].line, 1);
	assert_int_equal(ds.v[1].line, 2);
	assert_int_equal(ds.v[2].line, 5);
	assert_non_null(strstr(ds.v[2].msg, "given twice"));
	assert_int_equal(ds.v[3].line, 7);
	assert_int_equal(ds.v[4].line, 8);
	assert_int_equal(ds.v[5].line, 10);
	assert_int_equal(ds.v[6].line, 11);
	assert_int_equal(ds.v[7].line, 4); /* applied after the file is read */
	pp_team_fini(&t);
	pp_diags_fini(&ds);
	pp_diags_init(&ds);
	assert_int_equal(pp_team_load(&t, path_of("absent.ini"), &ds, &io), -1);
	assert_int_equal(io, 1);
	pp_team_fini(&t);
	pp_diags_fini(&ds);
}

/* A team of two over the small programme: the team file text, then a
 * busy block for the second member when busy is not NULL, the two
 * members' models and the team model (whose build status is returned). */
struct small {
	struct pp_team t;
	struct pp_diags ds, lds;
	struct pp_timetable *tt;
	struct pp_model *m[2];
	struct pp_team_model *tm;
};

static int
small_open(struct small *x, const char *text, const char *busy)
{
	int ret = -1;
	size_t j;

	memset(x, 0, sizeof(*x));
	pp_diags_init(&x->ds);
	assert_int_equal(pp_team_load(&x->t, write_team(text), &x->ds, NULL),
	    0);
	assert_int_equal(x->t.nmembers, 2);
	if (busy != NULL)
		pp_profile_set(&x->t.members[1].p, "busy", "meeting", busy,
		    NULL, 0, &x->ds);
	x->tt = load(FIXTURES "/cli-small.csv", NULL, 0, &x->lds, &ret);
	assert_int_equal(ret, 0);
	for (j = 0; j < 2; j++)
		assert_int_equal(pp_model_build(x->tt, &x->t.members[j].p, NULL,
		                     0, &x->m[j], &x->ds),
		    0);
	return pp_team_model_build(&x->t, x->tt, x->m, "America/New_York",
	    &x->tm, &x->ds);
}

static void
small_close(struct small *x)
{
	size_t j;

	pp_team_model_free(x->tm);
	for (j = 0; j < 2; j++)
		pp_model_free(x->m[j]);
	done(x->tt, &x->lds);
	pp_diags_fini(&x->ds);
	pp_team_fini(&x->t);
}

/* Two members on the small programme's first day: a booth 10:00-11:00 in
 * two shifts of 30 minutes, staffed by one; B cannot take the first
 * shift (a busy block), so A staffs it and nobody can attend the cover
 * talk t1 (10:00-10:30); the cover talk t5 is covered, and worth its
 * weight once.  (Not t6: a tutorial needs a ticket, which neither
 * member holds.) */
static void
test_solve_small(void **state)
{
	struct small x;
	struct pp_team_plan *tp = NULL;
	const struct pp_team_model *tm;
	size_t j;
	int64_t sum = 0;

	(void)state;
	assert_int_equal(
	    small_open(&x,
	        "[team]\ndays = 2018-05-11\ntimezone = America/New_York\n"
	        "min-networking-minutes = 0\nlunch = none\n"
	        "[member A]\ninterests = testing=3\n"
	        "[member B]\ninterests = testing=3, packaging=2\n"
	        "[booth]\nhours = 2018-05-11 10:00-11:00\n"
	        "shift-minutes = 30\n"
	        "[cover]\ntitles = Property-based testing in practice\n"
	        "titles = Security for humans\nweight = 5\n",
	        "2018-05-11 10:00-10:20"),
	    0);
	tm = x.tm;
	assert_int_equal(tm->nshifts, 2);
	assert_int_equal(tm->shifts[0].navail, 1); /* B is busy */
	assert_int_equal(tm->shifts[0].avail[0], 0);
	assert_int_equal(tm->shifts[1].navail, 2);
	assert_int_equal(tm->ncover, 2);
	assert_int_equal(pp_team_solve(tm, 5, &tp, &x.ds), 0);
	assert_true(tp->optimal);
	assert_int_equal(tp->bound, tp->score);
	assert_int_equal(tp->rota[0].n, 1);
	assert_int_equal(tp->rota[0].who[0], 0);
	assert_int_equal(tp->rota[1].n, 1);
	assert_int_equal(tp->cover_n[0], 0);
	assert_true(tp->cover_n[1] >= 1);
	assert_int_equal(tp->ncovered, 1);
	for (j = 0; j < 2; j++)
		sum += tp->plans[j]->score;
	assert_int_equal(tp->score, sum + 5000);
	assert_int_equal(tp->booth_minutes[0] + tp->booth_minutes[1], 60);
	/* Booth minutes are networking, source booth, in each member's
	 * totals (pp_item_net_src). */
	for (j = 0; j < 2; j++) {
		const struct pp_plan_day *pd = &tp->plans[j]->days[0];
		long by = 0;
		size_t k;

		for (k = 0; k < PP_NET__COUNT; k++)
			by += pd->net_by_src[k];
		assert_int_equal(pd->net_by_src[PP_NET_BOOTH],
		    tp->booth_minutes[j]);
		assert_int_equal(by, pd->networking_minutes);
	}
	pp_team_plan_free(tp);
	small_close(&x);
}

/* A member who could staff a shift but does not keeps every plan of
 * their own: here B's team plan is B's solo optimum (the booth's rows
 * once forbade B a hallway block and the talk right after it, inside
 * the shift B could have taken). */
static void
test_off_shift_member_free(void **state)
{
	struct small x;
	struct pp_team_plan *tp = NULL;
	struct pp_plan *solo = NULL;

	(void)state;
	assert_int_equal(small_open(&x,
	                     "[team]\ndays = 2018-05-12\ntimezone = "
	                     "America/New_York\n"
	                     "min-networking-minutes = 0\nlunch = none\n"
	                     "[member A]\n"
	                     "[member B]\ninterests = testing=3\n"
	                     "[booth]\nhours = 2018-05-12 09:00-11:00\n"
	                     "shift-minutes = 120\n",
	                     NULL),
	    0);
	assert_int_equal(x.tm->shifts[0].navail, 2);
	assert_int_equal(pp_team_solve(x.tm, 30, &tp, &x.ds), 0);
	assert_true(tp->optimal);
	assert_int_equal(tp->rota[0].n, 1);
	assert_int_equal(tp->rota[0].who[0], 0); /* A: no interests */
	assert_int_equal(pp_solve(x.m[1], &solo, &x.ds), 0);
	assert_int_equal(tp->plans[1]->score, solo->score);
	pp_plan_free(solo);
	pp_team_plan_free(tp);
	small_close(&x);
}

/* Staff 2 with one member available: refused before solving. */
static void
test_rota_impossible(void **state)
{
	struct small x;

	(void)state;
	assert_int_equal(small_open(&x,
	                     "[team]\ndays = 2018-05-11\n"
	                     "timezone = America/New_York\n"
	                     "[member A]\n[member B]\nbooth = no\n"
	                     "[booth]\nhours = 2018-05-11 10:00-11:00\n"
	                     "staff = 2\n",
	                     NULL),
	    1);
	assert_int_equal(x.ds.nerrors, 1);
	assert_non_null(strstr(x.ds.v[0].msg,
	    "booth shift 2018-05-11 10:00-11:00 needs 2 members, 1 "
	    "available: A"));
	assert_non_null(strstr(x.ds.v[1].msg, "B cannot: booth = no"));
	small_close(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_profile_order),
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_solve_small),
	    cmocka_unit_test(test_off_shift_member_free),
	    cmocka_unit_test(test_rota_impossible),
	};

	return cmocka_run_group_tests(tests, tmpdir_setup, tmpdir_teardown);
}
