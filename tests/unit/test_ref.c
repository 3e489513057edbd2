/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for event references (ref.c: id, title, pattern, words, the
 * ambiguity and no-match messages) and the "did you mean" helper
 * (suggest.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/profile.h"
#include "pyplan/ref.h"
#include "pyplan/suggest.h"
#include "pyplan/tz.h"

static const char *const titles[] = {
    "Trust Nothing: supply chains",                      /* 0 */
    "Rust for Beginners",                                /* 1 */
    "Dinner (Red Team)",                                 /* 2 */
    "Dinner (Gold Team)",                                /* 3 */
    "Dinner (Red Team)",                                 /* 4: the next day */
    "Inside the Cheeseshop: How Python Packaging Works", /* 5 */
    "\xc3\x89tude en fran\xc3\xa7"
    "ais",                   /* 6: Étude */
    "What's new in Python?", /* 7 */
    "42",                    /* 8: a title that is another's id */
};

#define N (sizeof(titles) / sizeof(titles[0]))

static struct pp_timetable *
fixture(void)
{
	struct pp_timetable *tt = pp_timetable_new();
	size_t i;
	char id[16];

	for (i = 0; i < N; i++) {
		struct pp_event *ev = pp_timetable_add(tt);

		snprintf(id, sizeof(id), "%zu", 40 + i);
		ev->id = pp_tt_strdup(tt, id);
		ev->title = pp_tt_strdup(tt, titles[i]);
		/* 2026-01-31 (a Saturday) 09:00 UTC plus i hours; day 4 is
		 * a day later. */
		ev->start =
		    1769850000 + (int64_t)i * 3600 + (i == 4 ? 86400 : 0);
		ev->end = ev->start + 1800;
		ev->tz = pp_tt_strdup(tt, "UTC");
	}
	return tt;
}

/* The indices ref finds, as a string "1 3", and its rule. */
static void
check_find(const struct pp_timetable *tt, const char *ref, const char *want,
    enum pp_ref_rule want_rule)
{
	size_t idx[N], n, i;
	enum pp_ref_rule rule;
	char got[64] = "";

	n = pp_ref_find(tt, ref, idx, N, &rule);
	for (i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%zu",
		    i ? " " : "", idx[i]);
	if (strcmp(got, want) != 0 || rule != want_rule)
		fail_msg("'%s': found \"%s\" by rule %d, want \"%s\" by %d",
		    ref, got, rule, want, want_rule);
}

static void
test_rules(void **state)
{
	struct pp_timetable *tt = fixture();

	(void)state;
	/* An id first: "42" is event 2's id, and event 8's title. */
	check_find(tt, "42", "2", PP_REF_ID);
	/* The whole title, ignoring case, Unicode included. */
	check_find(tt, "rust FOR beginners", "1", PP_REF_TITLE);
	check_find(tt,
	    "\xc3\xa9tude EN FRAN\xc3\x87"
	    "AIS",
	    "6", PP_REF_TITLE);
	check_find(tt, "Dinner (Red Team)", "2 4", PP_REF_TITLE);
	/* Words: whole words only; "Rust" is not inside "Trust". */
	check_find(tt, "Rust", "1", PP_REF_WORDS);
	check_find(tt, "rust", "1", PP_REF_WORDS);
	check_find(tt, "trust", "0", PP_REF_WORDS);
	check_find(tt, "Cheeseshop", "5", PP_REF_WORDS);
	check_find(tt, "Cheese", "", PP_REF_NONE);
	check_find(tt, "the Cheeseshop: How", "5", PP_REF_WORDS);
	check_find(tt, "Team)", "2 3 4", PP_REF_WORDS);
	check_find(tt, "ude", "", PP_REF_NONE);
	/* Patterns: * and ? over the whole title. */
	check_find(tt, "Dinner (Red*", "2 4", PP_REF_PATTERN);
	check_find(tt, "*(gold team)", "3", PP_REF_PATTERN);
	check_find(tt, "Dinner (???? Team)", "3", PP_REF_PATTERN);
	check_find(tt, "*", "0 1 2 3 4 5 6 7 8", PP_REF_PATTERN);
	check_find(tt, "Rust*", "1", PP_REF_PATTERN);
	check_find(tt, "?tude*", "6", PP_REF_PATTERN);
	check_find(tt, "Dinner (Blue*", "", PP_REF_NONE);
	/* A title holding '?' is still found whole, before any pattern. */
	check_find(tt, "What's new in Python?", "7", PP_REF_TITLE);
	pp_timetable_free(tt);
}

static void
test_resolve_messages(void **state)
{
	struct pp_timetable *tt = fixture();
	struct pp_diags ds;
	struct pp_ref r = {NULL, "me.ini", 7};
	char text[64];
	int flags[N];

	(void)state;
	pp_diags_init(&ds);
	memset(flags, 0, sizeof(flags));
	/* Ambiguous words: an error, then each candidate on its own line. */
	snprintf(text, sizeof(text), "%s", "Dinner");
	r.text = text;
	assert_int_equal(pp_ref_resolve(tt, &r, "skip", 1, flags, "UTC", &ds),
	    0);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.n, 4);
	assert_string_equal(ds.v[0].msg,
	    "skip 'Dinner' is ambiguous: 3 events match; give an id, the "
	    "whole title, or a pattern with * for all of them");
	assert_string_equal(ds.v[1].msg,
	    "id 42: Dinner (Red Team) (Saturday 2026-01-31 11:00-11:30)");
	assert_string_equal(ds.v[3].msg,
	    "id 44: Dinner (Red Team) (Sunday 2026-02-01 13:00-13:30)");
	assert_true(ds.v[1].attached && ds.v[1].line == 7);
	/* A pattern takes every match; an exact title too, for skip. */
	snprintf(text, sizeof(text), "%s", "Dinner (Red*");
	r.text = text;
	assert_int_equal(pp_ref_resolve(tt, &r, "skip", 0, flags, "UTC", &ds),
	    2);
	assert_true(flags[2] && flags[4] && !flags[3]);
	snprintf(text, sizeof(text), "%s", "dinner (red team)");
	r.text = text;
	assert_int_equal(pp_ref_resolve(tt, &r, "skip", 1, flags, "UTC", &ds),
	    2);
	/* ... but a must-see title shared by two events is ambiguous. */
	assert_int_equal(pp_ref_resolve(tt, &r, "must-see", 0, flags, "UTC",
	                     &ds),
	    0);
	/* No match: the closest title when one is close. */
	pp_diags_fini(&ds);
	pp_diags_init(&ds);
	snprintf(text, sizeof(text), "%s", "Rust for Beginers");
	r.text = text;
	assert_int_equal(pp_ref_resolve(tt, &r, "must-see", 0, flags, "UTC",
	                     &ds),
	    0);
	assert_string_equal(ds.v[0].msg,
	    "must-see 'Rust for Beginers' matches no event (did you mean "
	    "'Rust for Beginners'?)");
	snprintf(text, sizeof(text), "%s", "Quantum computing");
	r.text = text;
	pp_ref_resolve(tt, &r, "must-see", 0, flags, "UTC", &ds);
	assert_string_equal(ds.v[1].msg,
	    "must-see 'Quantum computing' matches no event");
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_list_bounded(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	char text[] = "Talk";
	struct pp_ref r = {text, NULL, 0};
	int flags[30];
	size_t i;

	(void)state;
	for (i = 0; i < 30; i++) {
		struct pp_event *ev = pp_timetable_add(tt);

		ev->id = pp_tt_strdup(tt, "x");
		ev->title = pp_tt_strdup(tt, "A Talk");
		ev->tz = pp_tt_strdup(tt, "UTC");
		ev->end = 60;
	}
	pp_diags_init(&ds);
	pp_ref_resolve(tt, &r, "must-see", 0, flags, "UTC", &ds);
	assert_int_equal(ds.n, 1 + PP_REF_LIST_MAX + 1);
	assert_string_equal(ds.v[ds.n - 1].msg, "... and 20 more");
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_suggest(void **state)
{
	static const char *const opts[] = {"interest", "speaker", "format",
	    "max-talks", "max-talk-minutes", "no-profile", "profile"};
	static const char *const sections[] = {"plan", "interests", "speakers",
	    "criteria", "must", "skip", "busy"};

	(void)state;
	assert_string_equal(pp_suggest("intrest", opts, 7), "interest");
	assert_string_equal(pp_suggest("fromat", opts, 7), "format");
	assert_string_equal(pp_suggest("interest", sections, 7), "interests");
	assert_string_equal(pp_suggest("Speaker", sections, 7), "speakers");
	/* A prefix of exactly one candidate. */
	assert_string_equal(pp_suggest("max-talk-m", opts, 7),
	    "max-talk-minutes");
	/* Nothing close. */
	assert_null(pp_suggest("frobnicate", opts, 7));
	assert_null(pp_suggest("", opts, 7));
	/* "max" is a prefix of two: no guess. */
	assert_null(pp_suggest("max", opts, 7));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_resolve_messages),
	    cmocka_unit_test(test_list_bounded),
	    cmocka_unit_test(test_suggest),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
