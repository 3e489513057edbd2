/* SPDX-License-Identifier: ISC */
/* Unit tests for the profile: defaults, every key, the INI reader and its
 * diagnostics (all of them, each at its line). */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "pyplan/diag.h"
#include "pyplan/profile.h"
#include "pyplan/tz.h"

/* A profile and a diagnostics list, fresh for each test. */
struct fx {
	struct pp_profile p;
	struct pp_diags ds;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	pp_profile_init(&f->p);
	pp_diags_init(&f->ds);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	pp_profile_fini(&f->p);
	pp_diags_fini(&f->ds);
	free(f);
	return 0;
}

/* Sets plan KEY=VALUE as a flag would; returns pp_profile_set's result. */
static int
plan(struct fx *f, const char *key, const char *value)
{
	return pp_profile_set(&f->p, "plan", key, value, NULL, 0, &f->ds);
}

/* Asserts that diagnostic i is an error at line with msg containing sub. */
static void
assert_diag(const struct pp_diags *ds, size_t i, unsigned line, const char *sub)
{
	assert_true(i < ds->n);
	if (strstr(ds->v[i].msg, sub) == NULL || ds->v[i].line != line)
		fail_msg("diag %zu: got line %u '%s', want line %u '%s'", i,
		    ds->v[i].line, ds->v[i].msg, line, sub);
	assert_int_equal(ds->v[i].level, PP_ERROR);
}

static void
test_defaults(void **state)
{
	struct fx *f = *state;
	int c;

	assert_int_equal(f->p.max_talks, 5);
	assert_int_equal(f->p.max_talk_minutes, 240);
	assert_int_equal(f->p.max_streak, 3);
	assert_int_equal(f->p.min_networking, 90);
	assert_int_equal(f->p.min_block, 20);
	assert_int_equal(f->p.room_change, 5);
	assert_int_equal(f->p.day_start, 0);
	assert_int_equal(f->p.day_end, 1440);
	assert_int_equal(f->p.lunch_from, 690);
	assert_int_equal(f->p.lunch_to, 840);
	assert_int_equal(f->p.lunch_minutes, 30);
	assert_true(f->p.recorded_weight == 0.5);
	assert_true(f->p.talk_base == 0.0);
	assert_true(f->p.networking_weight == 0.5);
	assert_true(f->p.level_bonus == 0.5);
	assert_true(f->p.criteria_bonus == 2.0);
	assert_int_equal(f->p.fill_with_talks, 0);
	assert_null(f->p.level);
	assert_null(f->p.tz);
	assert_int_equal(f->p.ndays, 0);
	assert_int_equal(f->p.ninterests + f->p.nspeakers + f->p.nmust +
	        f->p.nskip + f->p.nbusy + f->p.nbusy_files,
	    0);
	for (c = 0; c < PP_CRIT__COUNT; c++)
		assert_int_equal(f->p.ncriteria[c], 0);
	assert_int_equal(pp_profile_check(&f->p, &f->ds), 0);
}

static void
test_criterion_names(void **state)
{
	(void)state;
	assert_string_equal(pp_criterion_name(PP_CRIT_JOB), "job");
	assert_string_equal(pp_criterion_name(PP_CRIT_DEPTH), "depth");
	assert_string_equal(pp_criterion_name(PP_CRIT_NEW), "new");
	assert_string_equal(pp_criterion_name(PP_CRIT_SPEAKER), "speaker");
}

static void
test_caps(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "max-talks-per-day", "4"), 0);
	assert_int_equal(f->p.max_talks, 4);
	assert_int_equal(plan(f, "max-talks-per-day", "0"), 0);
	assert_int_equal(f->p.max_talks, 0);
	assert_int_equal(plan(f, "max-talk-minutes-per-day", "none"), 0);
	assert_int_equal(f->p.max_talk_minutes, PP_UNLIMITED);
	assert_int_equal(plan(f, "max-consecutive-talks", "NONE"), 0);
	assert_int_equal(f->p.max_streak, PP_UNLIMITED);
	assert_int_equal(plan(f, "max-talk-minutes-per-day", "2147483647"), 0);
	assert_int_equal(f->p.max_talk_minutes, 2147483647);

	/* Rejected values leave the old one in place. */
	assert_int_equal(plan(f, "max-talks-per-day", "-1"), -1);
	assert_int_equal(plan(f, "max-talks-per-day", "4.5"), -1);
	assert_int_equal(plan(f, "max-talks-per-day", "2147483648"), -1);
	assert_int_equal(plan(f, "max-talks-per-day", "4 talks"), -1);
	assert_int_equal(plan(f, "max-talks-per-day", "+4"), -1);
	assert_int_equal(f->p.max_talks, 0);
	assert_int_equal(f->ds.nerrors, 5);
	assert_string_equal(f->ds.v[0].msg,
	    "max-talks-per-day: expected a whole number or 'none', got '-1'");
	assert_null(f->ds.v[0].file);
	assert_int_equal(f->ds.v[0].line, 0);
}

static void
test_minutes(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "min-networking-minutes", "0"), 0);
	assert_int_equal(f->p.min_networking, 0);
	assert_int_equal(plan(f, "min-networking-block", "1440"), 0);
	assert_int_equal(f->p.min_block, 1440);
	assert_int_equal(plan(f, "room-change-minutes", "15"), 0);
	assert_int_equal(f->p.room_change, 15);
	assert_int_equal(plan(f, "room-change-minutes", "1441"), -1);
	assert_int_equal(plan(f, "min-networking-minutes", "none"), -1);
	assert_int_equal(plan(f, "min-networking-minutes", "ten"), -1);
	assert_int_equal(f->p.room_change, 15);
	assert_int_equal(f->p.min_networking, 0);
	assert_int_equal(f->ds.nerrors, 3);
	assert_string_equal(f->ds.v[0].msg,
	    "room-change-minutes: expected minutes from 0 to 1440, "
	    "got '1441'");
}

static void
test_window(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "day-start", "09:00"), 0);
	assert_int_equal(plan(f, "day-end", "24:00"), 0);
	assert_int_equal(f->p.day_start, 540);
	assert_int_equal(f->p.day_end, 1440);
	assert_int_equal(plan(f, "day-start", "8:15"), 0);
	assert_int_equal(f->p.day_start, 495);
	assert_int_equal(plan(f, "day-start", "24:01"), -1);
	assert_int_equal(plan(f, "day-start", "9"), -1);
	assert_int_equal(plan(f, "day-start", "09:00:00"), -1);
	assert_int_equal(plan(f, "day-end", "noon"), -1);
	assert_int_equal(f->p.day_start, 495);
	assert_int_equal(f->ds.nerrors, 4);
	assert_int_equal(pp_profile_check(&f->p, &f->ds), 0);

	/* A window that ends the next morning is the model's to judge (it
	 * depends on the day change, which the programme may set): flags
	 * leave no location. */
	assert_int_equal(plan(f, "day-start", "20:00"), 0);
	assert_int_equal(plan(f, "day-end", "02:00"), 0);
	assert_int_equal(pp_profile_check(&f->p, &f->ds), 0);
	assert_null(f->p.window_file);
	assert_int_equal(f->p.window_line, 0);
	assert_int_equal(f->p.day_change, -1);
	assert_int_equal(plan(f, "day-change", "06:00"), 0);
	assert_int_equal(f->p.day_change, 360);
	assert_int_equal(plan(f, "day-change", "6"), -1);
	assert_int_equal(f->p.day_change, 360);
}

static void
test_lunch(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "lunch", "12:00-13:30/45"), 0);
	assert_int_equal(f->p.lunch_from, 720);
	assert_int_equal(f->p.lunch_to, 810);
	assert_int_equal(f->p.lunch_minutes, 45);
	assert_int_equal(plan(f, "lunch", "12:00 - 13:00 / 60"), 0);
	assert_int_equal(f->p.lunch_minutes, 60);
	assert_int_equal(plan(f, "lunch", "none"), 0);
	assert_int_equal(f->p.lunch_minutes, 0);

	assert_int_equal(plan(f, "lunch", "12:00-13:00/61"), -1);
	assert_string_equal(f->ds.v[0].msg,
	    "lunch: 61 minutes do not fit in 12:00-13:00");
	assert_int_equal(plan(f, "lunch", "13:00-12:00/30"), -1);
	assert_int_equal(plan(f, "lunch", "12:00-13:00"), -1);
	assert_int_equal(plan(f, "lunch", "12:00-13:00/0"), -1);
	assert_int_equal(plan(f, "lunch", "12:00/30"), -1);
	assert_int_equal(plan(f, "lunch", "12:00-13:00/x"), -1);
	assert_int_equal(f->ds.nerrors, 6);
	assert_int_equal(f->p.lunch_minutes, 0);
	assert_int_equal(f->p.lunch_from, 720);
	assert_int_equal(f->p.lunch_to, 780);
}

static void
test_reals(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "recorded-weight", "0"), 0);
	assert_true(f->p.recorded_weight == 0.0);
	assert_int_equal(plan(f, "recorded-weight", "1"), 0);
	assert_true(f->p.recorded_weight == 1.0);
	assert_int_equal(plan(f, "recorded-weight", ".3"), 0);
	assert_true(f->p.recorded_weight == 0.3);
	assert_int_equal(plan(f, "talk-base", "-2.75"), 0);
	assert_true(f->p.talk_base == -2.75);
	assert_int_equal(plan(f, "level-bonus", "+0.125"), 0);
	assert_true(f->p.level_bonus == 0.125);
	assert_int_equal(plan(f, "criteria-bonus", "-1000000"), 0);
	assert_true(f->p.criteria_bonus == -1000000.0);
	assert_int_equal(plan(f, "networking-weight", "0"), 0);
	assert_true(f->p.networking_weight == 0.0);
	assert_int_equal(plan(f, "networking-weight", "2."), 0);
	assert_true(f->p.networking_weight == 2.0);
	assert_int_equal(plan(f, "talk-base", "0.000000000000000000001"), 0);
	assert_true(f->p.talk_base > 0.0 && f->p.talk_base < 1e-20);

	assert_int_equal(plan(f, "recorded-weight", "1.01"), -1);
	assert_int_equal(plan(f, "recorded-weight", "-0.1"), -1);
	assert_int_equal(plan(f, "networking-weight", "-1"), -1);
	assert_int_equal(plan(f, "talk-base", "nan"), -1);
	assert_int_equal(plan(f, "talk-base", "inf"), -1);
	assert_int_equal(plan(f, "talk-base", "-infinity"), -1);
	assert_int_equal(plan(f, "talk-base", "1e3"), -1);
	assert_int_equal(plan(f, "talk-base", "0x10"), -1);
	assert_int_equal(plan(f, "talk-base", "1,5"), -1);
	assert_int_equal(plan(f, "talk-base", "."), -1);
	assert_int_equal(plan(f, "talk-base", "-"), -1);
	assert_int_equal(plan(f, "talk-base", "1.2.3"), -1);
	assert_int_equal(plan(f, "level-bonus", "1000000.5"), -1);
	assert_int_equal(plan(f, "level-bonus", "99999999999999999999"), -1);
	assert_int_equal(f->ds.nerrors, 14);
	assert_string_equal(f->ds.v[0].msg,
	    "recorded-weight: expected a number from 0 to 1, got '1.01'");
	assert_string_equal(f->ds.v[3].msg,
	    "talk-base: expected a number from -1000000 to 1000000, "
	    "got 'nan'");
	assert_true(f->p.recorded_weight == 0.3);
	assert_true(f->p.networking_weight == 2.0);
	assert_true(f->p.level_bonus == 0.125);
}

/* fill-with-talks: yes/no words, any case; anything else is an error
 * and leaves the value alone. */
static void
test_bool(void **state)
{
	struct fx *f = *state;
	static const char *const yes[] = {"yes", "YES", "true", "On", "1"};
	static const char *const no[] = {"no", "No", "false", "OFF", "0"};
	size_t i;

	for (i = 0; i < 5; i++) {
		assert_int_equal(plan(f, "fill-with-talks", yes[i]), 0);
		assert_int_equal(f->p.fill_with_talks, 1);
		assert_int_equal(plan(f, "fill-with-talks", no[i]), 0);
		assert_int_equal(f->p.fill_with_talks, 0);
	}
	assert_int_equal(plan(f, "fill-with-talks", "yes"), 0);
	assert_int_equal(plan(f, "fill-with-talks", "maybe"), -1);
	assert_int_equal(plan(f, "fill-with-talks", ""), -1);
	assert_int_equal(plan(f, "fill-with-talks", "2"), -1);
	assert_int_equal(f->p.fill_with_talks, 1);
	assert_int_equal(f->ds.nerrors, 3);
	assert_string_equal(f->ds.v[0].msg,
	    "fill-with-talks: expected yes or no, got 'maybe'");
}

static void
test_strings(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "level", "Beginner"), 0);
	assert_string_equal(f->p.level, "Beginner");
	assert_int_equal(plan(f, "level", "advanced"), 0);
	assert_string_equal(f->p.level, "advanced");
	assert_int_equal(plan(f, "level", "none"), 0);
	assert_null(f->p.level);
	assert_int_equal(plan(f, "level", ""), -1);
	assert_string_equal(f->ds.v[0].msg, "level: missing value");

	assert_int_equal(plan(f, "timezone", "Europe/Brussels"), 0);
	assert_string_equal(f->p.tz, "Europe/Brussels");
	assert_int_equal(plan(f, "timezone", "UTC"), 0);
	assert_string_equal(f->p.tz, "UTC");
	assert_int_equal(plan(f, "timezone", "Europe/Nowhere"), -1);
	assert_string_equal(f->p.tz, "UTC");
	assert_string_equal(f->ds.v[1].msg,
	    "timezone: unknown time zone 'Europe/Nowhere'");
}

static void
test_days(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "days", "2018-05-12,2018-05-11, 2018-05-12"),
	    0);
	assert_int_equal(f->p.ndays, 2);
	assert_string_equal(f->p.days[0], "2018-05-11");
	assert_string_equal(f->p.days[1], "2018-05-12");
	/* A key given again replaces the list. */
	assert_int_equal(plan(f, "days", "2018-05-13"), 0);
	assert_int_equal(f->p.ndays, 1);
	assert_string_equal(f->p.days[0], "2018-05-13");

	assert_int_equal(plan(f, "days", "2018-05-11,2018-13-01,May 12"), -1);
	assert_int_equal(f->ds.nerrors, 2); /* one per bad date */
	assert_string_equal(f->ds.v[0].msg,
	    "days: expected a date YYYY-MM-DD or a weekday, got "
	    "'2018-13-01'");
	assert_string_equal(f->ds.v[1].msg,
	    "days: expected a date YYYY-MM-DD or a weekday, got 'May 12'");
	assert_int_equal(plan(f, "days", ","), -1);
	assert_int_equal(f->p.ndays, 1);
	assert_int_equal(plan(f, "days", "all"), 0);
	assert_int_equal(f->p.ndays, 0);
	assert_null(f->p.days);
}

static void
test_unknown(void **state)
{
	struct fx *f = *state;

	assert_int_equal(plan(f, "max-talks", "4"), -1);
	/* The flag's name in the file: the key it sets is suggested. */
	assert_string_equal(f->ds.v[0].msg,
	    "unknown key 'max-talks' in [plan] (did you mean "
	    "'max-talks-per-day'?)");
	assert_int_equal(pp_profile_set(&f->p, "planning", "x", "1", "p.ini", 9,
	                     &f->ds),
	    -1);
	assert_string_equal(f->ds.v[1].msg, "unknown section [planning]");
	assert_string_equal(f->ds.v[1].file, "p.ini");
	assert_int_equal(f->ds.v[1].line, 9);
	/* Section names and fixed keys ignore ASCII case. */
	assert_int_equal(pp_profile_set(&f->p, "Plan", "Max-Talks-Per-Day", "2",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(f->p.max_talks, 2);
	assert_int_equal(f->ds.nerrors, 2);
	/* A NULL value is a missing one, not a crash. */
	assert_int_equal(pp_profile_set(&f->p, "plan", "level", NULL, NULL, 0,
	                     &f->ds),
	    -1);
	assert_string_equal(f->ds.v[2].msg, "level: missing value");
}

static void
test_interests(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;

	assert_int_equal(pp_profile_set(p, "interests", "testing", "3", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "interests", "machine learning",
	                     "-1.5", NULL, 0, &f->ds),
	    0);
	/* Again, in another case: replaces, keeps the first spelling. */
	assert_int_equal(pp_profile_set(p, "interests", "TESTING", "4", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(p->ninterests, 2);
	assert_string_equal(p->interests[0].name, "testing");
	assert_true(p->interests[0].weight == 4.0);
	assert_string_equal(p->interests[1].name, "machine learning");
	assert_true(p->interests[1].weight == -1.5);

	assert_int_equal(pp_profile_set(p, "interests", "go", "lots", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "interests", "?!", "1", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "interests", "", "1", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(p->ninterests, 2);
	assert_string_equal(f->ds.v[0].msg,
	    "interests: 'go': expected a "
	    "weight from -1000000 to 1000000, got 'lots'");
	assert_string_equal(f->ds.v[1].msg,
	    "interests: '?!' has no letters or digits to match");
	assert_string_equal(f->ds.v[2].msg,
	    "[interests]: missing key before "
	    "'='");

	assert_int_equal(pp_profile_set(p, "speakers", "Lilly Ryan", "2", NULL,
	                     0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "speakers", "lilly ryan", "2.5",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "speakers", "Łukasz", "1", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(p->nspeakers, 2);
	assert_true(p->speakers[0].weight == 2.5);
	assert_string_equal(p->speakers[1].name, "Łukasz");
}

static void
test_criteria(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;

	assert_int_equal(pp_profile_set(p, "criteria", "job", "testing, ci,",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "criteria", "job", "CI,packaging",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(p->ncriteria[PP_CRIT_JOB], 3);
	assert_string_equal(p->criteria[PP_CRIT_JOB][0], "testing");
	assert_string_equal(p->criteria[PP_CRIT_JOB][1], "ci");
	assert_string_equal(p->criteria[PP_CRIT_JOB][2], "packaging");
	assert_int_equal(pp_profile_set(p, "criteria", "speaker",
	                     "Lilly Ryan, Naomi Ceder", NULL, 0, &f->ds),
	    0);
	assert_int_equal(p->ncriteria[PP_CRIT_SPEAKER], 2);
	assert_string_equal(p->criteria[PP_CRIT_SPEAKER][1], "Naomi Ceder");
	assert_int_equal(pp_profile_set(p, "criteria", "new", "rust", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "criteria", "depth", "asyncio", NULL,
	                     0, &f->ds),
	    0);
	assert_int_equal(p->ncriteria[PP_CRIT_NEW], 1);
	assert_int_equal(p->ncriteria[PP_CRIT_DEPTH], 1);

	assert_int_equal(pp_profile_set(p, "criteria", "fun", "x", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "criteria", "new", " , ", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "criteria", "new", "go, ...", NULL,
	                     0, &f->ds),
	    -1);
	assert_int_equal(p->ncriteria[PP_CRIT_NEW], 1); /* nothing added */
	assert_string_equal(f->ds.v[0].msg,
	    "unknown key 'fun' in [criteria] "
	    "(expected job, depth, new or speaker)");
	assert_string_equal(f->ds.v[1].msg,
	    "criteria: new: expected a comma-separated list");
	assert_string_equal(f->ds.v[2].msg,
	    "criteria: new: '...' has no letters or digits to match");
}

static void
test_must_skip(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;

	assert_int_equal(pp_profile_set(p, "must", "id", "42", "me.ini", 3,
	                     &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "must", "title",
	                     "HOWTO Write a Function", "me.ini", 4, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "skip", "Title", "Lunch", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(p->nmust, 2);
	assert_string_equal(p->must[0].text, "42");
	assert_string_equal(p->must[0].file, "me.ini");
	assert_int_equal(p->must[0].line, 3);
	assert_string_equal(p->must[1].text, "HOWTO Write a Function");
	assert_int_equal(p->must[1].line, 4);
	assert_int_equal(p->nskip, 1);
	assert_string_equal(p->skip[0].text, "Lunch");
	assert_null(p->skip[0].file);

	assert_int_equal(pp_profile_set(p, "skip", "name", "x", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "must", "id", "", NULL, 0, &f->ds),
	    -1);
	assert_string_equal(f->ds.v[0].msg,
	    "unknown key 'name' in [skip] (expected id or title; a title "
	    "is a whole title, words of one, or a pattern)");
	assert_string_equal(f->ds.v[1].msg, "id: missing value");
	assert_int_equal(p->nmust + p->nskip, 3);
}

static void
test_busy(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;

	assert_int_equal(pp_profile_set(p, "busy", "booth duty",
	                     "2018-05-11 10:00-12:00", "me.ini", 7, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "booth duty",
	                     "2018-05-12  9:30 - 24:00", NULL, 0, &f->ds),
	    0);
	assert_int_equal(p->nbusy, 2);
	assert_string_equal(p->busy[0].label, "booth duty");
	assert_string_equal(p->busy[0].date, "2018-05-11");
	assert_int_equal(p->busy[0].from, 600);
	assert_int_equal(p->busy[0].to, 720);
	assert_string_equal(p->busy[0].file, "me.ini");
	assert_int_equal(p->busy[0].line, 7);
	assert_int_equal(p->busy[1].from, 570);
	assert_int_equal(p->busy[1].to, 1440);

	assert_int_equal(pp_profile_set(p, "busy", "x",
	                     "2018-05-11 12:00-10:00", NULL, 0, &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "busy", "x", "2018-05-11", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "busy", "x",
	                     "2018-02-30 10:00-11:00", NULL, 0, &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(p, "busy", "x", "10:00-11:00", NULL, 0,
	                     &f->ds),
	    -1);
	assert_int_equal(p->nbusy, 2);
	assert_string_equal(f->ds.v[0].msg,
	    "busy: 'x': expected YYYY-MM-DD "
	    "HH:MM-HH:MM (start before end), got '2018-05-11 12:00-10:00'");

	/* "file" names a calendar; from a profile, relative to it. */
	assert_int_equal(pp_profile_set(p, "busy", "file", "work.ics", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "file", "cal/me.ics",
	                     "conf/me.ini", 2, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "file", "/abs/me.ics",
	                     "conf/me.ini", 3, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "file", "me.ics", "me.ini",
	                     4, &f->ds),
	    0);
	assert_int_equal(p->nbusy_files, 4);
	assert_string_equal(p->busy_files[0], "work.ics");
	assert_string_equal(p->busy_files[1], "conf/cal/me.ics");
	assert_string_equal(p->busy_files[2], "/abs/me.ics");
	assert_string_equal(p->busy_files[3], "me.ics");
	assert_int_equal(p->nbusy, 2);
}

static void
test_load_good(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;
	int io = -1;

	assert_int_equal(pp_profile_load(p, FIXTURES "/profile-good.ini",
	                     &f->ds, &io),
	    0);
	assert_int_equal(io, 0);
	assert_int_equal(f->ds.n, 0);
	assert_int_equal(p->max_talks, 3); /* given twice: the later */
	assert_int_equal(p->max_talk_minutes, PP_UNLIMITED);
	assert_int_equal(p->max_streak, 2);
	assert_int_equal(p->min_networking, 120);
	assert_int_equal(p->min_block, 25);
	assert_int_equal(p->room_change, 10);
	assert_int_equal(p->day_start, 540);
	assert_int_equal(p->day_end, 1110);
	assert_int_equal(p->lunch_from, 720);
	assert_int_equal(p->lunch_to, 810);
	assert_int_equal(p->lunch_minutes, 45);
	assert_true(p->recorded_weight == 0.25);
	assert_true(p->talk_base == 1.0);
	assert_true(p->networking_weight == 1.5);
	assert_true(p->level_bonus == -0.5);
	assert_true(p->criteria_bonus == 3.0);
	assert_string_equal(p->level, "Intermediate");
	assert_string_equal(p->tz, "America/New_York");
	assert_int_equal(p->ndays, 2);
	assert_string_equal(p->days[0], "2018-05-11");
	assert_string_equal(p->days[1], "2018-05-12");

	assert_int_equal(p->ninterests, 4);
	assert_string_equal(p->interests[0].name, "testing");
	assert_true(p->interests[0].weight == 4.0);
	assert_string_equal(p->interests[1].name, "machine learning");
	assert_true(p->interests[1].weight == 2.5);
	assert_string_equal(p->interests[2].name, "python 3");
	assert_string_equal(p->interests[3].name, "java");
	assert_true(p->interests[3].weight == -2.0);
	assert_int_equal(p->nspeakers, 2);
	assert_string_equal(p->speakers[1].name, "Raymond Hettinger");
	assert_true(p->speakers[1].weight == 1.5);

	assert_int_equal(p->ncriteria[PP_CRIT_JOB], 3);
	assert_string_equal(p->criteria[PP_CRIT_JOB][2], "deployment");
	assert_int_equal(p->ncriteria[PP_CRIT_DEPTH], 1);
	assert_int_equal(p->ncriteria[PP_CRIT_NEW], 2);
	assert_string_equal(p->criteria[PP_CRIT_NEW][1], "webassembly");
	assert_int_equal(p->ncriteria[PP_CRIT_SPEAKER], 1);

	assert_int_equal(p->nmust, 2);
	assert_string_equal(p->must[0].text, "42");
	assert_string_equal(p->must[0].file, FIXTURES "/profile-good.ini");
	assert_int_equal(p->must[0].line, 43);
	assert_string_equal(p->must[1].text, "HOWTO Write a Function");
	assert_int_equal(p->must[1].line, 44);
	assert_int_equal(p->nskip, 2);
	/* ';' without a blank before it is not a comment. */
	assert_string_equal(p->skip[0].text, "Lunch; or not");
	assert_int_equal(p->skip[1].line, 48);

	assert_int_equal(p->nbusy, 2);
	assert_string_equal(p->busy[0].label, "booth duty");
	assert_int_equal(p->busy[0].line, 51);
	assert_string_equal(p->busy[1].date, "2018-05-12");
	assert_int_equal(p->busy[1].from, 960);
	assert_int_equal(p->busy[1].to, 1050);
	assert_int_equal(p->nbusy_files, 1);
	assert_string_equal(p->busy_files[0], FIXTURES "/calendars/work.ics");
}

/* Every problem of the bad fixture, each at its own line, in order. */
static void
test_load_bad(void **state)
{
	static const struct {
		unsigned line;
		const char *msg;
	} want[] = {
	    {3, "'orphan' is outside any section"},
	    {5,
	        "max-talks-per-day: expected a whole number or 'none', "
	        "got 'many'"},
	    {6,
	        "max-consecutive-talks: expected a whole number or "
	        "'none', got '-1'"},
	    {7,
	        "min-networking-block: expected minutes from 0 to 1440, "
	        "got '2000'"},
	    {8, "day-start: expected a time HH:MM, got '25:00'"},
	    {9, "lunch: 300 minutes do not fit in 11:30-14:00"},
	    {10,
	        "lunch: expected HH:MM-HH:MM/MINUTES or 'none', got "
	        "'11:30-14:00'"},
	    {11,
	        "recorded-weight: expected a number from 0 to 1, got "
	        "'1.5'"},
	    {12,
	        "talk-base: expected a number from -1000000 to 1000000, "
	        "got 'nan'"},
	    {13,
	        "networking-weight: expected a number from 0 to "
	        "1000000, got '-1'"},
	    {14,
	        "level-bonus: expected a number from -1000000 to "
	        "1000000, got '1e3'"},
	    {15, "timezone: unknown time zone 'Mars/Olympus_Mons'"},
	    {16,
	        "days: expected a date YYYY-MM-DD or a weekday, got "
	        "'2018-02-30'"},
	    {17, "unknown key 'colour' in [plan]"},
	    {18, "expected 'key = value'"},
	    {19, "max-talks-per-day: missing value"},
	    {21,
	        "interests: 'testing': expected a weight from -1000000 "
	        "to 1000000, got 'lots'"},
	    {22, "interests: '---' has no letters or digits to match"},
	    {24,
	        "unknown key 'hobby' in [criteria] (expected job, "
	        "depth, new or speaker)"},
	    {26,
	        "unknown key 'name' in [must] (expected id or title; a "
	        "title is a whole title, words of one, or a pattern)"},
	    {28,
	        "busy: 'booth duty': expected YYYY-MM-DD HH:MM-HH:MM "
	        "(start before end), got '2018-05-11 12:00-10:00'"},
	    {29,
	        "busy: 'meeting': expected YYYY-MM-DD HH:MM-HH:MM "
	        "(start before end), got 'tomorrow'"},
	    {30, "missing ']' in section header"},
	    {31, "unknown section [nonsense]"},
	};
	struct fx *f = *state;
	size_t i;
	int io = -1;

	assert_int_equal(pp_profile_load(&f->p, FIXTURES "/profile-bad.ini",
	                     &f->ds, &io),
	    -1);
	assert_int_equal(io, 0);
	for (i = 0; i < f->ds.n && i < sizeof(want) / sizeof(want[0]); i++) {
		if (f->ds.v[i].line != want[i].line ||
		    strcmp(f->ds.v[i].msg, want[i].msg) != 0)
			fail_msg("diag %zu: got %u: '%s'; want %u: '%s'", i,
			    f->ds.v[i].line, f->ds.v[i].msg, want[i].line,
			    want[i].msg);
		assert_string_equal(f->ds.v[i].file,
		    FIXTURES "/profile-bad.ini");
		assert_int_equal(f->ds.v[i].level, PP_ERROR);
	}
	assert_int_equal(f->ds.n, sizeof(want) / sizeof(want[0]));
	assert_int_equal(f->ds.nerrors, f->ds.n);
	/* Good lines around the bad ones still apply. */
	assert_int_equal(f->p.nspeakers, 1);
	assert_string_equal(f->p.speakers[0].name, "Lilly Ryan");
	assert_int_equal(f->p.max_talks, 5);
	assert_int_equal(f->p.ninterests, 0);
}

static void
test_load_missing(void **state)
{
	struct fx *f = *state;
	int io = 0;

	assert_int_equal(pp_profile_load(&f->p, FIXTURES "/no-such.ini", &f->ds,
	                     &io),
	    -1);
	assert_int_equal(io, 1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_string_equal(f->ds.v[0].msg,
	    "cannot open profile: No such file or directory");
	assert_string_equal(f->ds.v[0].file, FIXTURES "/no-such.ini");
	assert_int_equal(f->ds.v[0].line, 0);
	/* io_error may be NULL. */
	assert_int_equal(pp_profile_load(&f->p, FIXTURES "/no-such.ini", &f->ds,
	                     NULL),
	    -1);
	assert_int_equal(f->ds.nerrors, 2);
}

static void
test_load_unreadable(void **state)
{
	struct fx *f = *state;
	int io = 0;

	/* A directory opens but cannot be read. */
	assert_int_equal(pp_profile_load(&f->p, FIXTURES, &f->ds, &io), -1);
	assert_int_equal(io, 1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_string_equal(f->ds.v[0].msg,
	    "cannot read profile: Is a directory");
	assert_int_equal(f->ds.v[0].line, 0);
}

static void
test_load_syntax(void **state)
{
	struct fx *f = *state;
	/* BOM, CRLF, indentation, both comment styles, no final newline. */
	static const char text[] =
	    "\xEF\xBB\xBF[plan]\r\n"
	    "  max-talks-per-day = 2\r\n"
	    "\tmax-consecutive-talks = 1 ; two keys, not a continuation\r\n"
	    "\r\n"
	    "  ; indented comment\r\n"
	    "# hash comment\r\n"
	    "[ Interests ]  ; spaced header\r\n"
	    "asyncio: 2\r\n"
	    "[must]\r\n"
	    "title = Keynote: Python = fun";

	assert_int_equal(pp_profile_load_string(&f->p, "s.ini", text, &f->ds),
	    0);
	assert_int_equal(f->ds.n, 0);
	assert_int_equal(f->p.max_talks, 2);
	assert_int_equal(f->p.max_streak, 1);
	assert_int_equal(f->p.ninterests, 1);
	assert_string_equal(f->p.interests[0].name, "asyncio");
	assert_true(f->p.interests[0].weight == 2.0);
	assert_int_equal(f->p.nmust, 1);
	assert_string_equal(f->p.must[0].text, "Keynote: Python = fun");
	assert_int_equal(f->p.must[0].line, 10);
	assert_string_equal(f->p.must[0].file, "s.ini");
	/* An empty profile is fine. */
	assert_int_equal(pp_profile_load_string(&f->p, "e.ini", "", &f->ds), 0);
	assert_int_equal(pp_profile_load_string(&f->p, "e.ini", "\n\n; x\n",
	                     &f->ds),
	    0);
	assert_int_equal(f->ds.n, 0);
}

static void
test_load_long_line(void **state)
{
	struct fx *f = *state;
	char text[1024];
	char title[400];

	memset(title, 'x', sizeof(title) - 1);
	title[sizeof(title) - 1] = '\0';
	/* Line 2 is too long for inih; line 3 still counts as line 3. */
	snprintf(text, sizeof(text),
	    "[must]\ntitle = %s\nid = 9\n"
	    "bogus line\n",
	    title);
	assert_int_equal(pp_profile_load_string(&f->p, "l.ini", text, &f->ds),
	    -1);
	assert_int_equal(f->ds.n, 2);
	assert_diag(&f->ds, 0, 2, "line too long (more than 199 bytes)");
	assert_diag(&f->ds, 1, 4, "expected 'key = value'");
	assert_int_equal(f->p.nmust, 1);
	assert_string_equal(f->p.must[0].text, "9");
	assert_int_equal(f->p.must[0].line, 3);

	/* Just below the limit is fine. */
	pp_diags_fini(&f->ds);
	title[199 - strlen("title = ")] = '\0';
	snprintf(text, sizeof(text), "[must]\ntitle = %s\n", title);
	assert_int_equal(pp_profile_load_string(&f->p, "l.ini", text, &f->ds),
	    0);
	assert_int_equal(f->p.nmust, 2);
	assert_int_equal(strlen(f->p.must[1].text), 199 - strlen("title = "));
}

static void
test_load_window(void **state)
{
	struct fx *f = *state;

	/* The line of the later key is kept, for the model to blame when
	 * the window is empty. */
	assert_int_equal(pp_profile_load_string(&f->p, "w.ini",
	                     "[plan]\nday-end = 10:00\nday-start = 09:00\n",
	                     &f->ds),
	    0);
	assert_string_equal(f->p.window_file, "w.ini");
	assert_int_equal(f->p.window_line, 3);
	assert_int_equal(pp_profile_load_string(&f->p, "w.ini",
	                     "[plan]\nday-start = 12:00\n; x\n", &f->ds),
	    0);
	assert_int_equal(f->p.window_line, 2);
	assert_int_equal(f->ds.n, 0);
	/* A file that does not touch the window leaves it. */
	assert_int_equal(pp_profile_load_string(&f->p, "o.ini",
	                     "[plan]\nlevel = x\n", &f->ds),
	    0);
	assert_string_equal(f->p.window_file, "w.ini");
	assert_int_equal(f->p.window_line, 2);
}

static void
test_flags_override(void **state)
{
	struct fx *f = *state;

	assert_int_equal(pp_profile_load(&f->p, FIXTURES "/profile-good.ini",
	                     &f->ds, NULL),
	    0);
	/* --max-talks 4 --interest testing=1 --must X, as the CLI maps them */
	assert_int_equal(pp_profile_set(&f->p, "plan", "max-talks-per-day", "4",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "interests", "testing", "1",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "must", "id", "X", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(f->p.max_talks, 4);
	assert_int_equal(f->p.ninterests, 4);
	assert_true(f->p.interests[0].weight == 1.0);
	assert_int_equal(f->p.nmust, 3);
	assert_null(f->p.must[2].file);
	assert_int_equal(pp_profile_check(&f->p, &f->ds), 0);
	assert_int_equal(f->ds.n, 0);
}

static void
test_fini_reinit(void **state)
{
	struct fx *f = *state;

	assert_int_equal(pp_profile_load(&f->p, FIXTURES "/profile-good.ini",
	                     &f->ds, NULL),
	    0);
	pp_profile_fini(&f->p);
	assert_null(f->p.interests);
	assert_int_equal(f->p.ninterests, 0);
	pp_profile_init(&f->p);
	assert_int_equal(f->p.max_talks, 5);
}

static void
test_load_not_regular(void **state)
{
	struct fx *f = *state;
	char dir[] = "/tmp/pyplan-profile.XXXXXX", path[64];
	FILE *fp;
	int io = 0;

	/* A device is refused without reading it (/dev/zero never ends). */
	assert_int_equal(pp_profile_load(&f->p, "/dev/zero", &f->ds, &io), -1);
	assert_int_equal(io, 1);
	assert_string_equal(f->ds.v[0].msg,
	    "cannot read profile: a device, not a regular file");
	/* A FIFO nobody writes reads as empty at once, not waited on. */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/fifo.ini", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(pp_profile_load(&f->p, path, &f->ds, &io), 0);
	assert_int_equal(io, 0);
	assert_int_equal(f->ds.n, 1);
	unlink(path);
	/* A regular file over the limit is an error, not an I/O failure. */
	snprintf(path, sizeof(path), "%s/big.ini", dir);
	assert_non_null(fp = fopen(path, "w"));
	assert_int_equal(fseek(fp, PP_PROFILE_MAX_BYTES, SEEK_SET), 0);
	assert_int_equal(fputc('\n', fp), '\n');
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(pp_profile_load(&f->p, path, &f->ds, &io), -1);
	assert_int_equal(io, 0);
	assert_string_equal(f->ds.v[1].msg, "profile is larger than 1024 KiB");
	unlink(path);
	rmdir(dir);
}

static void
test_weekdays(void **state)
{
	static const char dates[][11] = {"2026-01-31", "2026-02-01",
	    "2026-02-07"};
	struct fx *f = *state;
	char out[11];

	assert_int_equal(pp_weekday_parse("sat"), 6);
	assert_int_equal(pp_weekday_parse("Saturday"), 6);
	assert_int_equal(pp_weekday_parse("SU"), 0);
	assert_int_equal(pp_weekday_parse("tues"), 2);
	assert_int_equal(pp_weekday_parse("thu"), 4);
	assert_int_equal(pp_weekday_parse("t"), -1); /* too short */
	assert_int_equal(pp_weekday_parse("s"), -1);
	assert_int_equal(pp_weekday_parse("saturdays"), -1);
	assert_int_equal(pp_weekday_parse("2026-01-31"), -1);
	/* Resolved against the programme's dates. */
	assert_int_equal(pp_day_resolve("sun", dates, 3, out, "--day", NULL, 0,
	                     &f->ds),
	    0);
	assert_string_equal(out, "2026-02-01");
	assert_int_equal(pp_day_resolve("2026-03-01", dates, 3, out, "--day",
	                     NULL, 0, &f->ds),
	    0);
	assert_string_equal(out, "2026-03-01");
	assert_int_equal(pp_day_resolve("sat", dates, 3, out, "days", NULL, 0,
	                     &f->ds),
	    -1);
	assert_string_equal(f->ds.v[0].msg,
	    "days: 'sat' is ambiguous: the programme has 2 Saturdays "
	    "(2026-01-31, 2026-02-07); give the date");
	assert_int_equal(pp_day_resolve("mon", dates, 3, out, "days", NULL, 0,
	                     &f->ds),
	    -1);
	assert_string_equal(f->ds.v[1].msg,
	    "days: no Monday in the programme (2026-01-31 to 2026-02-07)");
	/* The days key keeps a weekday until the programme is known. */
	assert_int_equal(plan(f, "days", "Sun, 2026-01-31, sunday"), 0);
	assert_int_equal(f->p.ndays, 2);
	assert_string_equal(f->p.days[0], "2026-01-31");
	assert_string_equal(f->p.days[1], "sunday");
	assert_int_equal(pp_profile_resolve_days(&f->p, dates, 3, &f->ds), 0);
	assert_int_equal(f->p.ndays, 2);
	assert_string_equal(f->p.days[1], "2026-02-01");
	assert_int_equal(plan(f, "days", "sunday,2026-02-01"), 0);
	assert_int_equal(pp_profile_resolve_days(&f->p, dates, 3, &f->ds), 0);
	assert_int_equal(f->p.ndays, 1); /* the same day twice */
}

static void
test_busy_inline(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;

	/* --busy maps to (busy, file, ARG): a block by its shape. */
	assert_int_equal(pp_profile_set(p, "busy", "file",
	                     "2026-01-31 14:00-16:00 team meeting", NULL, 0,
	                     &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "file",
	                     "2026-01-31 09:00-10:00", NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(p, "busy", "file", "cal/2026.ics", NULL,
	                     0, &f->ds),
	    0);
	assert_int_equal(p->nbusy, 2);
	assert_string_equal(p->busy[0].label, "team meeting");
	assert_string_equal(p->busy[0].date, "2026-01-31");
	assert_int_equal(p->busy[0].from, 14 * 60);
	assert_int_equal(p->busy[0].to, 16 * 60);
	assert_string_equal(p->busy[1].label, "busy");
	assert_int_equal(p->nbusy_files, 1);
	assert_string_equal(p->busy_files[0], "cal/2026.ics");
	/* The shape says block, so a bad range is an error, not a file. */
	assert_int_equal(pp_profile_set(p, "busy", "file", "2026-01-31 9-11",
	                     NULL, 0, &f->ds),
	    -1);
	assert_string_equal(f->ds.v[0].msg,
	    "busy: expected YYYY-MM-DD HH:MM-HH:MM [LABEL] (start before "
	    "end), got '2026-01-31 9-11'");
	assert_int_equal(p->nbusy_files, 1);
}

static void
test_did_you_mean(void **state)
{
	struct fx *f = *state;
	static const char text[] = "[interest]\n"
	                           "testing = 3\n"
	                           "[plan]\n"
	                           "max-talk-minutes = 100\n"
	                           "lunch-break = none\n"
	                           "[criteria]\n"
	                           "depht = x\n"
	                           "[Speeker]\n";

	assert_int_equal(pp_profile_load_string(&f->p, "p.ini", text, &f->ds),
	    -1);
	assert_diag(&f->ds, 0, 1,
	    "unknown section [interest] (did you mean [interests]?)");
	assert_diag(&f->ds, 1, 4,
	    "unknown key 'max-talk-minutes' in [plan] (did you mean "
	    "'max-talk-minutes-per-day'?)");
	assert_diag(&f->ds, 2, 5, "unknown key 'lunch-break' in [plan]");
	assert_null(strstr(f->ds.v[2].msg, "did you mean"));
	assert_diag(&f->ds, 3, 7,
	    "unknown key 'depht' in [criteria] (did you mean 'depth'?)");
	assert_diag(&f->ds, 4, 8,
	    "unknown section [Speeker] (did you mean [speakers]?)");
}

/* A fresh profile and diagnostics list. */
static void
clear_profile(struct fx *f)
{
	pp_profile_fini(&f->p);
	pp_profile_init(&f->p);
	pp_diags_fini(&f->ds);
	pp_diags_init(&f->ds);
}

/* The venue sections, hosts and the venue file: every key, every error at
 * its line. */
static void
test_venue(void **state)
{
	struct fx *f = *state;
	struct pp_profile *p = &f->p;
	static const char text[] = "[plan]\n"
	                           "venue = venue-good.ini\n"
	                           "open-spaces-per-day = 2\n"
	                           "min-expo-minutes = 60\n"
	                           "[host]\n"
	                           "Boston Pythonistas = sunday 14:00\n"
	                           "Any slot = 2025-03-11\n"
	                           "[open-spaces]\n"
	                           "hours = 2025-03-11 10:00-12:00\n"
	                           "[expo]\n"
	                           "slot-minutes = 20\n";
	static const char bad[] =
	    "[open-spaces]\n"
	    "hours = 2025-03-11 12:00-10:00\n" /* 2: end before start */
	    "slot-minutes = 4\n"               /* 3: too short */
	    "color = red\n"                    /* 4: unknown key */
	    "[expo]\n"
	    "rooms = Hall A\n" /* 6: the board's key */
	    "[host]\n"
	    "Late = someday 14:00\n"     /* 8: not a day */
	    "Early = 2025-03-10 25:00\n" /* 9: not a time */
	    "[plan]\n"
	    "open-spaces-per-day = 4\n"    /* 11: beyond 3 */
	    "venue = no-such-venue.ini\n"; /* 12: cannot open */

	assert_int_equal(pp_profile_load_string(p, FIXTURES "/inline.ini", text,
	                     &f->ds),
	    0);
	assert_int_equal(f->ds.n, 0);
	assert_int_equal(p->open_spaces, 2);
	assert_int_equal(p->min_expo, 60);
	assert_int_equal(p->nvenue_files, 1);
	assert_string_equal(p->venue_files[0], FIXTURES "/venue-good.ini");
	/* The file's board, then the profile's own hours. */
	assert_int_equal(p->venue.nboard, 2);
	assert_string_equal(p->venue.board[0].date, "2025-03-10");
	assert_int_equal(p->venue.board[0].from, 600);
	assert_int_equal(p->venue.board[0].to, 780);
	assert_int_equal(p->venue.board[0].line, 3);
	assert_string_equal(p->venue.board[1].date, "2025-03-11");
	assert_int_equal(p->venue.board_slot, 45);
	assert_int_equal(p->venue.nboard_rooms, 2);
	assert_string_equal(p->venue.board_rooms[1], "250B");
	assert_int_equal(p->venue.nexpo, 2);
	assert_int_equal(p->venue.expo_slot, 20);
	assert_int_equal(p->nhosts, 2);
	assert_string_equal(p->hosts[1].day, "2025-03-11");
	assert_int_equal(p->hosts[1].at, -1); /* any slot that day */
	assert_string_equal(p->hosts[0].title, "Boston Pythonistas");
	assert_string_equal(p->hosts[0].day, "sunday");
	assert_int_equal(p->hosts[0].at, 14 * 60);
	assert_int_equal(p->hosts[0].line, 6);

	clear_profile(f);
	assert_int_equal(pp_profile_load_string(p, FIXTURES "/bad.ini", bad,
	                     &f->ds),
	    -1);
	assert_int_equal(f->ds.nerrors, 8);
	assert_diag(&f->ds, 0, 2, "[open-spaces] hours: expected YYYY-MM-DD");
	assert_diag(&f->ds, 1, 3, "slot-minutes: expected minutes from 5");
	assert_diag(&f->ds, 2, 4, "unknown key 'color' in [open-spaces]");
	assert_diag(&f->ds, 3, 6, "unknown key 'rooms' in [expo]");
	assert_diag(&f->ds, 4, 8, "host: 'Late'");
	assert_diag(&f->ds, 5, 9, "host: 'Early'");
	assert_diag(&f->ds, 6, 11, "open-spaces-per-day: expected a whole");
	assert_diag(&f->ds, 7, 0, "cannot open venue file");
	assert_int_equal(p->nhosts, 0);

	/* A venue file holds [open-spaces] and [expo] only. */
	clear_profile(f);
	assert_int_equal(plan(f, "venue", FIXTURES "/venue-bad.ini"), -1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_diag(&f->ds, 0, 6, "[plan] in a venue file");
	assert_int_equal(p->max_talks, 5); /* not applied */
	assert_int_equal(p->venue.nexpo, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
	    cmocka_unit_test(test_criterion_names),
	    cmocka_unit_test_setup_teardown(test_caps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_minutes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_window, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_lunch, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reals, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bool, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_strings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_days, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_interests, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_criteria, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_must_skip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_good, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_bad, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_missing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_unreadable, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_load_not_regular, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_weekdays, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_busy_inline, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_did_you_mean, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_syntax, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_load_long_line, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_load_window, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_flags_override, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_fini_reinit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_venue, setup, teardown),
	};
	int r;

	r = cmocka_run_group_tests(tests, NULL, NULL);
	pp_tz_cleanup();
	return r;
}
