/* SPDX-License-Identifier: ISC */
/* Unit tests for scoring: every term of the score, recorded weight and
 * rounding, criteria bits, reason strings and the number format. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"
#include "pyplan/tz.h"

#define TIMES "\xc3\x97"

struct fx {
	struct pp_profile p;
	struct pp_diags ds;
	struct pp_timetable *tt;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	pp_profile_init(&f->p);
	/* The rules under test, not the defaults: fixed weights. */
	f->p.talk_base = 0.5;
	f->p.networking_weight = 1.0;
	pp_diags_init(&f->ds);
	f->tt = pp_timetable_new();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	pp_timetable_free(f->tt);
	pp_profile_fini(&f->p);
	pp_diags_fini(&f->ds);
	free(f);
	return 0;
}

/* Applies a setting, asserting it is accepted. */
static void
set(struct fx *f, const char *section, const char *key, const char *value)
{
	assert_int_equal(pp_profile_set(&f->p, section, key, value, NULL, 0,
	                     &f->ds),
	    0);
}

/*
 * Adds an event; tags and speakers are ';'-separated.  Returns its index
 * (event pointers move as the timetable grows).
 */
static size_t
add(struct fx *f, enum pp_kind kind, const char *title, const char *tags,
    const char *track, const char *abstract, const char *speakers,
    const char *level, enum pp_recorded rec, long minutes)
{
	struct pp_event *ev = pp_timetable_add(f->tt);

	ev->kind = kind;
	ev->title = pp_tt_strdup(f->tt, title);
	ev->ntags = pp_tt_split(f->tt, tags, 0, &ev->tags);
	ev->track = pp_tt_strdup(f->tt, track);
	ev->abstract = pp_tt_strdup(f->tt, abstract);
	ev->nspeakers = pp_tt_split(f->tt, speakers, 0, &ev->speakers);
	ev->level = pp_tt_strdup(f->tt, level);
	ev->recorded = rec;
	ev->start = 1526040000; /* 2018-05-11T12:00:00Z */
	ev->end = ev->start + minutes * 60;
	ev->tz = "America/New_York";
	return f->tt->n - 1;
}

static size_t
talk(struct fx *f, const char *title, const char *abstract,
    const char *speakers)
{
	return add(f, PP_KIND_TALK, title, "", "", abstract, speakers, "",
	    PP_REC_UNKNOWN, 30);
}

/* Scores event i with a scorer built from the current profile. */
static struct pp_score
score(struct fx *f, size_t i)
{
	struct pp_scorer *s = pp_scorer_new(&f->p);
	struct pp_score sc;

	pp_score_event(s, &f->tt->ev[i], &sc);
	pp_scorer_free(s);
	return sc;
}

static void
test_format(void **state)
{
	static const struct {
		int64_t v;
		const char *want;
	} cases[] = {
	    {2500, "2.5"},
	    {-1000, "-1"},
	    {125, "0.125"},
	    {0, "0"},
	    {1, "0.001"},
	    {-1, "-0.001"},
	    {10, "0.01"},
	    {100, "0.1"},
	    {1000, "1"},
	    {-2500, "-2.5"},
	    {1234567, "1234.567"},
	    {3000, "3"},
	    {-999, "-0.999"},
	    {INT64_MAX, "9223372036854775.807"},
	    {INT64_MIN, "-9223372036854775.808"},
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(buf, 'x', sizeof(buf));
		pp_score_format(cases[i].v, buf);
		assert_string_equal(buf, cases[i].want);
	}
}

static void
test_units(void **state)
{
	(void)state;
	assert_int_equal(pp_score_units(0.5), 500);
	assert_int_equal(pp_score_units(-2.5), -2500);
	assert_int_equal(pp_score_units(3), 3000);
	assert_int_equal(pp_score_units(0.3), 300);
	assert_int_equal(pp_score_units(0.125), 125);
	/* Exactly half a unit rounds away from zero. */
	assert_int_equal(pp_score_units(0.0625), 63);
	assert_int_equal(pp_score_units(-0.0625), -63);
	assert_int_equal(pp_score_units(0.0004), 0);
	assert_int_equal(pp_score_units(NAN), 0);
	assert_true(pp_score_units(INFINITY) > 0);
	assert_int_equal(pp_score_units(INFINITY), pp_score_units(1e300));
	assert_int_equal(pp_score_units(-INFINITY), -pp_score_units(1e300));
	assert_int_equal(pp_score_units(1e6), 1000000000);
}

static void
test_base_only(void **state)
{
	struct fx *f = *state;
	size_t i = talk(f, "Something else", "Nothing relevant", "A. Person");
	struct pp_score sc;

	set(f, "interests", "testing", "3");
	sc = score(f, i);
	assert_int_equal(sc.value, 500);
	assert_int_equal(sc.raw, 500);
	assert_int_equal(sc.crit, 0);
	assert_string_equal(sc.reason, "");

	/* Every talk-load kind gets talk-base; so does an unknown kind. */
	set(f, "plan", "talk-base", "1.25");
	f->tt->ev[i].kind = PP_KIND_OTHER;
	assert_int_equal(score(f, i).value, 1250);
	f->tt->ev[i].kind = PP_KIND_KEYNOTE;
	assert_int_equal(score(f, i).value, 1250);
}

static void
test_interests(void **state)
{
	struct fx *f = *state;
	size_t t, tag, tr, ab, both, none;

	set(f, "interests", "testing", "3");
	set(f, "interests", "machine learning", "2.5");
	t = add(f, PP_KIND_TALK, "Tests that matter", "", "", "", "", "",
	    PP_REC_NO, 30);
	tag = add(f, PP_KIND_TALK, "Talk", "web; Testing", "", "", "", "",
	    PP_REC_NO, 30);
	tr = add(f, PP_KIND_TALK, "Talk", "", "Machine-Learning", "", "", "",
	    PP_REC_NO, 30);
	ab = add(f, PP_KIND_TALK, "Talk", "", "", "We tested it.", "", "",
	    PP_REC_NO, 30);
	/* Each topic once, however many fields mention it. */
	both =
	    add(f, PP_KIND_TALK, "Testing machine learning", "testing; tests",
	        "Testing", "machine learning, tested", "", "", PP_REC_NO, 30);
	/* A phrase does not span two tags or two fields. */
	none = add(f, PP_KIND_TALK, "Deep machine", "machine; learning", "",
	    "learning", "", "", PP_REC_NO, 30);

	assert_int_equal(score(f, t).value, 3500);
	assert_int_equal(score(f, tag).value, 3500);
	assert_int_equal(score(f, tr).value, 3000);
	assert_int_equal(score(f, ab).value, 3500);
	assert_int_equal(score(f, both).value, 6000);
	assert_int_equal(score(f, none).value, 500);
	assert_string_equal(score(f, both).reason,
	    "interest: testing " TIMES "3, machine learning " TIMES "2.5");
	assert_string_equal(score(f, tr).reason,
	    "interest: machine learning " TIMES "2.5");
}

static void
test_negative(void **state)
{
	struct fx *f = *state;
	size_t i = talk(f, "Java for Pythonistas", "", "");
	struct pp_score sc;

	set(f, "interests", "java", "-2");
	set(f, "interests", "python", "0.75");
	sc = score(f, i);
	/* "Pythonistas" is not "python": whole words only. */
	assert_int_equal(sc.value, 500 - 2000);
	assert_int_equal(sc.raw, -1500);
	assert_string_equal(sc.reason, "interest: java " TIMES "-2");
	set(f, "plan", "talk-base", "-0.5");
	assert_int_equal(score(f, i).value, -2500);
}

static void
test_speakers(void **state)
{
	struct fx *f = *state;
	size_t whole, part, two, other, partial_word, net;

	set(f, "speakers", "Lilly Ryan", "2");
	set(f, "speakers", "Hettinger", "1.5");
	whole = talk(f, "T", "", "LILLY RYAN");
	part = talk(f, "T", "", "Raymond Hettinger");
	two = talk(f, "T", "", "Lilly Ryan; Raymond Hettinger; Someone");
	other = talk(f, "T", "", "Ryan Lilly; Bryan Hettingers");
	partial_word = talk(f, "T", "", "Lilly Ryanson");
	/* A speaker name in the title is not a speaker. */
	(void)talk(f, "Lilly Ryan's favourite talk", "", "");
	net = add(f, PP_KIND_OPEN_SPACE, "Chat", "", "", "", "Lilly Ryan", "",
	    PP_REC_NO, 60);

	assert_int_equal(score(f, whole).value, 2500);
	assert_string_equal(score(f, whole).reason,
	    "speaker: Lilly Ryan " TIMES "2");
	assert_int_equal(score(f, part).value, 2000);
	assert_int_equal(score(f, two).value, 4000);
	assert_string_equal(score(f, two).reason,
	    "speaker: Lilly Ryan " TIMES "2, Hettinger " TIMES "1.5");
	/* "Hettingers" stems to "hettinger": names are stemmed too. */
	assert_int_equal(score(f, other).value, 2000);
	assert_int_equal(score(f, partial_word).value, 500);
	assert_int_equal(score(f, f->tt->n - 2).value, 500);
	/* Speakers do not add to networking events. */
	assert_int_equal(score(f, net).value, 1000);

	/* The same speaker twice counts once. */
	set(f, "speakers", "Ryan", "1");
	assert_int_equal(score(f, whole).value, 3500);
}

static void
test_level(void **state)
{
	struct fx *f = *state;
	size_t beg, adv, none;

	beg = add(f, PP_KIND_TUTORIAL, "T", "", "", "", "", "Beginner",
	    PP_REC_NO, 180);
	adv = add(f, PP_KIND_TALK, "T", "", "", "", "", "Advanced", PP_REC_NO,
	    30);
	none = add(f, PP_KIND_TALK, "T", "", "", "", "", "", PP_REC_NO, 30);

	/* No level in the profile: no bonus. */
	assert_int_equal(score(f, beg).value, 500);
	set(f, "plan", "level", "beginner");
	assert_int_equal(score(f, beg).value, 1000);
	assert_string_equal(score(f, beg).reason, "level");
	assert_int_equal(score(f, adv).value, 500);
	assert_int_equal(score(f, none).value, 500);
	set(f, "plan", "level-bonus", "-1.5");
	assert_int_equal(score(f, beg).value, -1000);
	set(f, "plan", "level", "none");
	assert_int_equal(score(f, beg).value, 500);
}

static void
test_recorded(void **state)
{
	struct fx *f = *state;
	size_t rec, no, unk;
	struct pp_score sc;

	set(f, "interests", "testing", "3");
	rec =
	    add(f, PP_KIND_TALK, "Testing", "", "", "", "", "", PP_REC_YES, 30);
	no = add(f, PP_KIND_TALK, "Testing", "", "", "", "", "", PP_REC_NO, 30);
	unk = add(f, PP_KIND_TALK, "Testing", "", "", "", "", "",
	    PP_REC_UNKNOWN, 30);

	sc = score(f, rec);
	assert_int_equal(sc.raw, 3500);
	assert_int_equal(sc.value, 1750); /* default weight 0.5 */
	assert_int_equal(score(f, no).value, 3500);
	assert_int_equal(score(f, unk).value, 3500);
	set(f, "plan", "recorded-weight", "0.25");
	assert_int_equal(score(f, rec).value, 875);
	set(f, "plan", "recorded-weight", "0");
	assert_int_equal(score(f, rec).value, 0);
	assert_int_equal(score(f, rec).raw, 3500);
	set(f, "plan", "recorded-weight", "1");
	assert_int_equal(score(f, rec).value, 3500);

	/* 501 * 0.5 = 250.5 rounds away from zero, either sign. */
	set(f, "plan", "recorded-weight", "0.5");
	set(f, "interests", "testing", "0.001");
	assert_int_equal(score(f, rec).raw, 501);
	assert_int_equal(score(f, rec).value, 251);
	set(f, "interests", "testing", "-1.001");
	assert_int_equal(score(f, rec).raw, -501);
	assert_int_equal(score(f, rec).value, -251);
	/* 500 * 0.333 = 166.5 -> 167 */
	set(f, "interests", "testing", "0");
	set(f, "plan", "recorded-weight", "0.333");
	assert_int_equal(score(f, rec).value, 167);
}

static void
test_networking(void **state)
{
	struct fx *f = *state;
	size_t os, lunch, brk;
	struct pp_score sc;

	os = add(f, PP_KIND_OPEN_SPACE, "Testing open space", "", "", "", "",
	    "Beginner", PP_REC_YES, 90);
	lunch =
	    add(f, PP_KIND_MEAL, "Lunch", "", "", "", "", "", PP_REC_NO, 50);
	brk = add(f, PP_KIND_BREAK, "Break", "", "", "", "", "", PP_REC_NO, 30);

	assert_int_equal(score(f, os).value, 1500);
	assert_int_equal(score(f, lunch).value, 833); /* 50/60 */
	set(f, "plan", "networking-weight", "1.5");
	assert_int_equal(score(f, lunch).value, 1250);
	/* Interests count; level and the recorded flag do not. */
	set(f, "interests", "testing", "2");
	set(f, "plan", "level", "beginner");
	sc = score(f, os);
	assert_int_equal(sc.value, 2250 + 2000);
	assert_int_equal(sc.raw, sc.value);
	assert_string_equal(sc.reason, "interest: testing " TIMES "2");
	/* 0.001 * 30 / 60 = half a unit: rounds up. */
	set(f, "plan", "networking-weight", "0.001");
	assert_int_equal(score(f, brk).value, 1);
	set(f, "plan", "networking-weight", "0");
	assert_int_equal(score(f, brk).value, 0);
	assert_string_equal(score(f, brk).reason, "");
}

static void
test_criteria(void **state)
{
	struct fx *f = *state;
	size_t a, b, c, d;

	set(f, "criteria", "job", "testing, packaging");
	set(f, "criteria", "depth", "asyncio");
	set(f, "criteria", "new", "rust");
	set(f, "criteria", "speaker", "Lilly Ryan");
	a = talk(f, "Packaging in 2018", "", "Lilly Ryan");
	b = talk(f, "Asyncio deep dive", "Also rust.", "");
	c = talk(f, "Nothing", "", "Ryan Lilly");
	d = add(f, PP_KIND_POSTER, "Tests poster", "", "", "", "", "",
	    PP_REC_NO, 60);

	assert_int_equal(score(f, a).crit,
	    1u << PP_CRIT_JOB | 1u << PP_CRIT_SPEAKER);
	assert_int_equal(score(f, b).crit,
	    1u << PP_CRIT_DEPTH | 1u << PP_CRIT_NEW);
	assert_int_equal(score(f, c).crit, 0);
	assert_int_equal(score(f, d).crit, 1u << PP_CRIT_JOB);
	/* Criteria alone add nothing here: the model adds criteria-bonus. */
	assert_int_equal(score(f, a).value, 500);
	assert_string_equal(score(f, a).reason, "");
}

static void
test_reason_order(void **state)
{
	struct fx *f = *state;
	size_t i;

	set(f, "interests", "testing", "3");
	set(f, "interests", "api", "-1");
	set(f, "interests", "rust", "9");
	set(f, "speakers", "Lilly Ryan", "2");
	set(f, "plan", "level", "Intermediate");
	i = add(f, PP_KIND_TALK, "Testing APIs", "", "", "", "Lilly Ryan",
	    "intermediate", PP_REC_NO, 30);
	assert_string_equal(score(f, i).reason,
	    "interest: testing " TIMES "3, api " TIMES "-1, speaker: "
	    "Lilly Ryan " TIMES "2, level");
	assert_int_equal(score(f, i).value, 500 + 3000 - 1000 + 2000 + 500);
}

/* 1 if s is valid UTF-8. */
static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int k;

	while (*p != '\0') {
		if (*p < 0x80)
			k = 0;
		else if ((*p & 0xE0) == 0xC0)
			k = 1;
		else if ((*p & 0xF0) == 0xE0)
			k = 2;
		else if ((*p & 0xF8) == 0xF0)
			k = 3;
		else
			return 0;
		p++;
		while (k-- > 0)
			if ((*p++ & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

static void
test_reason_truncated(void **state)
{
	struct fx *f = *state;
	char name[64], title[2048] = "";
	size_t i, shift, ev;
	struct pp_score sc;

	/* Topics of two-byte letters, shifted by one ASCII byte per round,
	 * so that the cut falls inside a character in some rounds. */
	for (shift = 0; shift < 4; shift++) {
		pp_profile_fini(&f->p);
		pp_profile_init(&f->p);
		f->p.talk_base = 0.5;
		f->p.networking_weight = 1.0;
		title[0] = '\0';
		for (i = 0; i < 12; i++) {
			snprintf(name, sizeof(name),
			    "%.*s\xc3\xa9\xc3\xa9\xc3\xa9%c%c", (int)shift,
			    "xxx", (char)('a' + i), (char)('a' + i));
			set(f, "interests", name, "1");
			strcat(title, name);
			strcat(title, " ");
		}
		ev = talk(f, title, "", "");
		sc = score(f, ev);
		assert_int_equal(sc.value, 500 + 12000);
		assert_true(strlen(sc.reason) < sizeof(sc.reason));
		assert_true(strlen(sc.reason) > sizeof(sc.reason) - 24);
		assert_true(valid_utf8(sc.reason));
		assert_non_null(strstr(sc.reason, "interest: "));
		/* Cut after a whole item: "...aa ×1, …". */
		assert_string_equal(sc.reason + strlen(sc.reason) - 8,
		    TIMES "1, \xe2\x80\xa6");
	}
}

static void
test_reason_one_long_item(void **state)
{
	struct fx *f = *state;
	char name[512] = "";
	size_t i, shift, ev;
	struct pp_score sc;

	for (shift = 0; shift < 2; shift++) {
		pp_profile_fini(&f->p);
		pp_profile_init(&f->p);
		f->p.talk_base = 0.5;
		f->p.networking_weight = 1.0;
		strcpy(name, shift ? "x" : "");
		for (i = 0; i < 100; i++)
			strcat(name, "\xc3\xa9"); /* é */
		set(f, "interests", name, "1");
		ev = talk(f, name, "", "");
		sc = score(f, ev);
		assert_int_equal(sc.value, 1500);
		assert_true(strlen(sc.reason) < sizeof(sc.reason));
		assert_true(strlen(sc.reason) >= sizeof(sc.reason) - 5);
		assert_true(valid_utf8(sc.reason));
		assert_memory_equal(sc.reason, "interest: ", 10);
		assert_string_equal(sc.reason + strlen(sc.reason) - 5,
		    "\xc3\xa9\xe2\x80\xa6");
	}
}

static void
test_scorer_empty(void **state)
{
	struct fx *f = *state;

	/* A scorer for the defaults; freeing NULL is a no-op. */
	pp_scorer_free(NULL);
	assert_int_equal(score(f, talk(f, "", "", "")).value, 500);
}

/* The breakdown lists every term, in order, and they add up to raw. */
static void
test_breakdown(void **state)
{
	struct fx *f = *state;
	struct pp_scorer *s;
	struct pp_score a, b;
	struct pp_score_term t[8];
	size_t i, n, k;
	int64_t sum;

	set(f, "plan", "talk-base", "1");
	set(f, "plan", "level", "intermediate");
	set(f, "plan", "level-bonus", "0.5");
	set(f, "plan", "recorded-weight", "0.5");
	set(f, "plan", "networking-weight", "2");
	set(f, "interests", "testing", "3");
	set(f, "interests", "rust", "-1.25");
	set(f, "speakers", "Lilly Ryan", "2");
	i = add(f, PP_KIND_TALK, "Testing in Rust", "", "", "", "Lilly Ryan",
	    "Intermediate", PP_REC_YES, 30);
	(void)add(f, PP_KIND_OPEN_SPACE, "Testing clinic", "", "", "", "", "",
	    PP_REC_UNKNOWN, 45);
	s = pp_scorer_new(&f->p);
	n = pp_score_breakdown(s, &f->tt->ev[i], &a, t, 8);
	pp_score_event(s, &f->tt->ev[i], &b);
	assert_int_equal(n, 5);
	assert_string_equal(t[0].label, "talk-base");
	assert_null(t[0].name);
	assert_int_equal(t[0].units, 1000);
	assert_string_equal(t[1].label, "interest");
	assert_string_equal(t[1].name, "testing");
	assert_int_equal(t[2].units, -1250);
	assert_string_equal(t[3].label, "speaker");
	assert_string_equal(t[4].label, "level-bonus");
	assert_string_equal(t[4].name, "intermediate");
	for (sum = 0, k = 0; k < n; k++)
		sum += t[k].units;
	assert_int_equal(sum, a.raw);
	assert_int_equal(a.raw, 5250);
	assert_int_equal(a.value, 2625); /* recorded: half */
	assert_int_equal(a.value, b.value);
	assert_string_equal(a.reason, b.reason);
	/* Networking: per hour times minutes, then interests; a short
	 * array keeps the first terms and still counts them all. */
	k = f->tt->n - 1;
	n = pp_score_breakdown(s, &f->tt->ev[k], &a, t, 1);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].label, "networking-weight");
	assert_int_equal(t[0].units, 1500);
	assert_int_equal(a.raw, 4500);
	assert_int_equal(pp_score_breakdown(s, &f->tt->ev[k], &b, NULL, 0), 2);
	assert_int_equal(b.value, a.value);
	pp_scorer_free(s);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_units),
	    T(test_base_only),
	    T(test_interests),
	    T(test_negative),
	    T(test_speakers),
	    T(test_level),
	    T(test_recorded),
	    T(test_networking),
	    T(test_criteria),
	    T(test_reason_order),
	    T(test_reason_truncated),
	    T(test_reason_one_long_item),
	    T(test_scorer_empty),
	    T(test_breakdown),
	};
#undef T
	int r;

	r = cmocka_run_group_tests(tests, NULL, NULL);
	pp_tz_cleanup();
	return r;
}
