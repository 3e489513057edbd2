/* SPDX-License-Identifier: ISC */
/* Unit tests for scoring: relevance by field, saturation and damping,
 * the value of time (rates per hour, recorded weight, fill), speakers,
 * level, criteria, reasons, where terms matched, the number format and
 * the warnings for profile terms that match nothing. */
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
	    PP_REC_UNKNOWN, 60);
}

/* A title of exactly 8 words, the reference length (score.h): one
 * occurrence of a topic in it has relevance 1000. */
#define TITLE8(w) w " and seven more words of the title"

/* An abstract of n words, "x" repeated, with the words of extra first. */
static const char *
abstract_of(struct fx *f, size_t n, const char *extra)
{
	char *buf = calloc(1, 2 * n + strlen(extra) + 2);
	const char *r;
	size_t i;

	assert_non_null(buf);
	strcpy(buf, extra);
	for (i = 0; i < n; i++)
		strcat(buf, " x");
	r = pp_tt_strdup(f->tt, buf);
	free(buf);
	return r;
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
	/* talk-base 0.5 an hour, 60 minutes. */
	assert_int_equal(sc.rate, 500);
	assert_int_equal(sc.value, 500);
	assert_int_equal(sc.raw, 500);
	assert_int_equal(sc.fill, 0);
	assert_int_equal(sc.crit, 0);
	assert_int_equal(sc.nmatch, 0);
	assert_string_equal(sc.reason, "");

	/* Every talk-load kind gets talk-base; so does an unknown kind. */
	set(f, "plan", "talk-base", "1.25");
	f->tt->ev[i].kind = PP_KIND_OTHER;
	assert_int_equal(score(f, i).value, 1250);
	f->tt->ev[i].kind = PP_KIND_KEYNOTE;
	assert_int_equal(score(f, i).value, 1250);
	/* Per hour: 20 minutes are a third (416.67 rounds to 417). */
	f->tt->ev[i].end = f->tt->ev[i].start + 20 * 60;
	assert_int_equal(score(f, i).value, 417);
}

/* The relevance of score.h, field by field. */
static void
test_relevance_fields(void **state)
{
	struct fx *f = *state;
	size_t title, short_title, track, tag, abs, abs_long, abs_short,
	    title_track, none;
	struct pp_score sc;

	set(f, "plan", "talk-base", "0");
	set(f, "interests", "testing", "1");
	title = talk(f, TITLE8("Testing"), "", "");
	short_title = talk(f, "Testing for all", "", "");
	track = add(f, PP_KIND_TALK, "Talk", "", "Testing", "", "", "",
	    PP_REC_NO, 60);
	tag = add(f, PP_KIND_TALK, "Talk", "web; tested", "", "", "", "",
	    PP_REC_NO, 60);
	abs = talk(f, "Talk", abstract_of(f, 149, "tests"), "");
	abs_long = talk(f, "Talk", abstract_of(f, 399, "tests"), "");
	abs_short = talk(f, "Talk",
	    abstract_of(f, 56, "test tests testing tested"), "");
	title_track = add(f, PP_KIND_TALK, TITLE8("Testing"), "", "Testing", "",
	    "", "", PP_REC_NO, 60);
	/* A phrase does not span two tags or two fields. */
	none = add(f, PP_KIND_TALK, "Deep machine", "machine; learning", "",
	    "learning", "", "", PP_REC_NO, 60);

	sc = score(f, title);
	assert_int_equal(sc.nmatch, 1);
	assert_int_equal(sc.match[0].kind, PP_MATCH_INTEREST);
	assert_string_equal(sc.match[0].name, "testing");
	assert_int_equal(sc.match[0].fields, PP_FIELD_TITLE);
	assert_int_equal(sc.match[0].rel, 1000);
	assert_int_equal(sc.match[0].weight, 1000);
	assert_int_equal(sc.value, 1000);
	/* x = 1000 * 16 / 11 = 1455 -> 1455 * 2000 / 2455 = 1185. */
	assert_int_equal(score(f, short_title).match[0].rel, 1185);
	sc = score(f, track);
	assert_int_equal(sc.match[0].fields, PP_FIELD_TRACK);
	assert_int_equal(sc.match[0].rel, 1200);
	sc = score(f, tag);
	assert_int_equal(sc.match[0].fields, PP_FIELD_TAGS);
	assert_int_equal(sc.match[0].rel, 1200);
	sc = score(f, abs);
	assert_int_equal(sc.match[0].fields, PP_FIELD_ABSTRACT);
	assert_int_equal(sc.match[0].rel, 49);
	assert_int_equal(sc.value, 49);
	assert_int_equal(score(f, abs_long).match[0].rel, 28);
	/* Four in 60 words: x = 100 * 300 / 210 = 143 -> 250. */
	assert_int_equal(score(f, abs_short).match[0].rel, 250);
	sc = score(f, title_track);
	assert_int_equal(sc.match[0].fields, PP_FIELD_TITLE | PP_FIELD_TRACK);
	assert_int_equal(sc.match[0].rel, 1429);
	assert_int_equal(score(f, none).nmatch, 0);
	set(f, "interests", "machine learning", "1");
	assert_int_equal(score(f, none).nmatch, 0);
}

/* Repeats add less and less; nothing reaches twice a title match. */
static void
test_relevance_saturates(void **state)
{
	struct fx *f = *state;
	int64_t prev = 0, gain = 1000000, rel;
	size_t n, i;
	char buf[512];

	set(f, "interests", "rust", "1");
	for (n = 1; n <= 12; n++) {
		buf[0] = '\0';
		for (i = 0; i < n; i++)
			strcat(buf, "Rust ");
		i = add(f, PP_KIND_TALK, TITLE8("Rust"), "rust", "Rust",
		    abstract_of(f, 100, buf), "", "", PP_REC_NO, 60);
		rel = score(f, i).match[0].rel;
		assert_true(rel > prev);
		assert_true(rel - prev <= gain + 1); /* rounding */
		assert_true(rel < 2000);
		gain = rel - prev;
		prev = rel;
	}
}

/* One strong match beats several weak ones; the best topic counts in
 * full, the others a quarter; a topic to avoid costs its full weight. */
static void
test_damping(void **state)
{
	struct fx *f = *state;
	size_t strong, weak, two, avoid;
	struct pp_score sc;

	set(f, "plan", "talk-base", "0");
	set(f, "interests", "testing", "3");
	set(f, "interests", "packaging", "3");
	set(f, "interests", "performance", "3");
	set(f, "interests", "robots", "3");
	set(f, "interests", "java", "-2");
	strong = talk(f, TITLE8("Testing"), "", "");
	/* "tested by robots", "packages" and "high-performance": passing
	 * mentions in a long abstract. */
	weak = talk(f, "Programming microbes",
	    abstract_of(f, 140,
	        "tested by robots, in packages, high-performance"),
	    "");
	two = talk(f, TITLE8("Testing"), abstract_of(f, 149, "packaging"), "");
	avoid = talk(f, "Testing Java", "", "");

	sc = score(f, weak);
	assert_int_equal(sc.nmatch, 4);
	assert_true(score(f, strong).value > 3 * sc.value);
	for (size_t k = 0; k < sc.nmatch; k++)
		assert_int_equal(sc.match[k].fields, PP_FIELD_ABSTRACT);
	/* The best is the first of equals in profile order; the rest are
	 * damped. */
	assert_string_equal(sc.match[0].name, "testing");
	assert_false(sc.match[0].damped);
	assert_true(sc.match[1].damped);
	assert_int_equal(sc.match[1].units, (sc.match[0].units + 2) / 4);

	sc = score(f, two);
	assert_string_equal(sc.match[0].name, "testing");
	assert_int_equal(sc.match[0].units, 3000);
	assert_string_equal(sc.match[1].name, "packaging");
	/* rel 49: 147 an hour, a quarter of it 37. */
	assert_int_equal(sc.match[1].rel, 49);
	assert_int_equal(sc.match[1].units, 37);
	assert_int_equal(sc.value, 3037);
	assert_string_equal(sc.reason,
	    "interest: testing " TIMES "3, packaging " TIMES "3");

	/* "Testing Java": 2 words, x = 1600, rel 1231 each; java is not
	 * damped. */
	sc = score(f, avoid);
	assert_int_equal(sc.match[0].rel, 1231);
	assert_int_equal(sc.value, 3693 - 2462);
	assert_string_equal(sc.reason,
	    "interest: testing " TIMES "3, java " TIMES "-2");
}

static void
test_negative(void **state)
{
	struct fx *f = *state;
	size_t i =
	    talk(f, "Java for Pythonistas and five more title words", "", "");
	struct pp_score sc;

	set(f, "interests", "java", "-2");
	set(f, "interests", "python", "0.75");
	sc = score(f, i);
	/* Snowball stems "Pythonistas" to "pythonista", not "python". */
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
	size_t whole, part, two, other, partial_word, net, uni;

	set(f, "speakers", "Lilly Ryan", "2");
	set(f, "speakers", "Hettinger", "1.5");
	set(f, "speakers", "Łukasz Langa", "1");
	whole = talk(f, "T", "", "LILLY RYAN");
	part = talk(f, "T", "", "Raymond Hettinger");
	two = talk(f, "T", "", "Lilly Ryan; Raymond Hettinger; Someone");
	other = talk(f, "T", "", "Ryan Lilly; Bryan Hettingers");
	partial_word = talk(f, "T", "", "Lilly Ryanson");
	uni = talk(f, "T", "", "ŁUKASZ LANGA");
	/* A speaker name in the title is not a speaker. */
	(void)talk(f, "Lilly Ryan's favourite talk", "", "");
	net = add(f, PP_KIND_OPEN_SPACE, "Chat", "", "", "", "Lilly Ryan", "",
	    PP_REC_NO, 60);

	assert_int_equal(score(f, whole).value, 2500);
	assert_string_equal(score(f, whole).reason,
	    "speaker: Lilly Ryan " TIMES "2");
	assert_int_equal(score(f, whole).match[0].fields, PP_FIELD_SPEAKERS);
	assert_int_equal(score(f, part).value, 2000);
	assert_int_equal(score(f, two).value, 4000);
	assert_string_equal(score(f, two).reason,
	    "speaker: Lilly Ryan " TIMES "2, Hettinger " TIMES "1.5");
	/* Names are not stemmed: "Hettingers" is someone else. */
	assert_int_equal(score(f, other).value, 500);
	assert_int_equal(score(f, partial_word).value, 500);
	/* Case through the Unicode layer. */
	assert_int_equal(score(f, uni).value, 1500);
	assert_int_equal(score(f, f->tt->n - 2).value, 500);
	/* Speakers do not add to networking events. */
	assert_int_equal(score(f, net).value, 1000);

	/* Speakers are not damped: both names count in full. */
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
	    60);
	none = add(f, PP_KIND_TALK, "T", "", "", "", "", "", PP_REC_NO, 60);

	/* No level in the profile: no bonus.  Three hours of base. */
	assert_int_equal(score(f, beg).value, 1500);
	set(f, "plan", "level", "beginner");
	assert_int_equal(score(f, beg).value, 3000);
	assert_string_equal(score(f, beg).reason, "level");
	assert_int_equal(score(f, beg).match[0].kind, PP_MATCH_LEVEL);
	assert_int_equal(score(f, adv).value, 500);
	assert_int_equal(score(f, none).value, 500);
	set(f, "plan", "level-bonus", "-1.5");
	assert_int_equal(score(f, beg).value, -3000);
	set(f, "plan", "level", "none");
	assert_int_equal(score(f, beg).value, 1500);
}

static void
test_recorded(void **state)
{
	struct fx *f = *state;
	size_t rec, no, unk;
	struct pp_score sc;

	set(f, "interests", "testing", "3");
	rec = add(f, PP_KIND_TALK, TITLE8("Testing"), "", "", "", "", "",
	    PP_REC_YES, 60);
	no = add(f, PP_KIND_TALK, TITLE8("Testing"), "", "", "", "", "",
	    PP_REC_NO, 60);
	unk = add(f, PP_KIND_TALK, TITLE8("Testing"), "", "", "", "", "",
	    PP_REC_UNKNOWN, 60);

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

/* The defaults make the caps ceilings: a talk that matches nothing, or
 * only in passing, is worth less than the hallway for the same time; one
 * about the topic is worth more. */
static void
test_value_of_time(void **state)
{
	struct fx *f = *state;
	size_t none, passing, strong, strong_rec;

	pp_profile_fini(&f->p);
	pp_profile_init(&f->p); /* the defaults */
	set(f, "interests", "python", "3");
	none = add(f, PP_KIND_TALK, "Kernel scheduling", "", "Kernel", "", "",
	    "", PP_REC_NO, 25);
	passing = add(f, PP_KIND_TALK, "A time series toolkit", "", "Rust",
	    abstract_of(f, 120, "with Python bindings"), "", "", PP_REC_NO, 40);
	strong = add(f, PP_KIND_TALK, "Understanding packaging", "", "Python",
	    "", "", "", PP_REC_NO, 30);
	strong_rec = add(f, PP_KIND_TALK, "Understanding packaging", "",
	    "Python", "", "", "", PP_REC_YES, 30);

	assert_int_equal(score(f, none).value, 0);
	assert_true(score(f, none).value < pp_score_networking(&f->p, 25));
	assert_true(score(f, passing).nmatch == 1);
	assert_true(score(f, passing).value < pp_score_networking(&f->p, 40));
	assert_true(score(f, strong).value > pp_score_networking(&f->p, 30));
	assert_true(
	    score(f, strong_rec).value > pp_score_networking(&f->p, 30));
}

/* fill-with-talks: every talk also scores the networking it displaces
 * and a unit a minute, after the recorded factor. */
static void
test_fill(void **state)
{
	struct fx *f = *state;
	size_t none, rec, neg, net;
	struct pp_score sc;

	set(f, "plan", "talk-base", "0");
	set(f, "plan", "networking-weight", "0.5");
	set(f, "plan", "fill-with-talks", "yes");
	set(f, "interests", "java", "-2");
	none =
	    add(f, PP_KIND_TALK, "Kernel", "", "", "", "", "", PP_REC_NO, 25);
	rec = add(f, PP_KIND_LIGHTNING, "Kernel", "", "", "", "", "",
	    PP_REC_YES, 5);
	neg = add(f, PP_KIND_TALK, "Java", "", "", "", "", "", PP_REC_NO, 60);
	net = add(f, PP_KIND_BREAK, "Break", "", "", "", "", "", PP_REC_NO, 25);

	sc = score(f, none);
	/* 0.5 * 25 / 60 = 208.3 -> 208, plus 25. */
	assert_int_equal(sc.fill, 233);
	assert_int_equal(sc.raw, 0);
	assert_int_equal(sc.value, 233);
	assert_true(sc.value > pp_score_networking(&f->p, 25));
	sc = score(f, rec);
	assert_int_equal(sc.value, 42 + 5);
	assert_true(sc.value > pp_score_networking(&f->p, 5));
	/* A topic to avoid still costs more than the fill gives. */
	assert_true(score(f, neg).value < pp_score_networking(&f->p, 60));
	/* Networking is not filled. */
	assert_int_equal(score(f, net).fill, 0);
	assert_int_equal(score(f, net).value, pp_score_networking(&f->p, 25));
	set(f, "plan", "fill-with-talks", "no");
	assert_int_equal(score(f, none).value, 0);
}

static void
test_networking(void **state)
{
	struct fx *f = *state;
	size_t os, lunch, brk;
	struct pp_score sc;

	os = add(f, PP_KIND_OPEN_SPACE, TITLE8("Testing"), "", "", "", "",
	    "Beginner", PP_REC_YES, 90);
	lunch =
	    add(f, PP_KIND_MEAL, "Lunch", "", "", "", "", "", PP_REC_NO, 50);
	brk = add(f, PP_KIND_BREAK, "Break", "", "", "", "", "", PP_REC_NO, 30);

	assert_int_equal(score(f, os).value, 1500);
	assert_int_equal(score(f, lunch).value, 833); /* 50/60 */
	assert_int_equal(score(f, lunch).value, pp_score_networking(&f->p, 50));
	set(f, "plan", "networking-weight", "1.5");
	assert_int_equal(score(f, lunch).value, 1250);
	/* Interests count, per hour too; level and the recorded flag do
	 * not. */
	set(f, "interests", "testing", "2");
	set(f, "plan", "level", "beginner");
	sc = score(f, os);
	assert_int_equal(sc.rate, 1500 + 2000);
	assert_int_equal(sc.value, 5250);
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
	size_t a, b, c, d, e;

	set(f, "criteria", "job", "testing, packaging");
	set(f, "criteria", "depth", "asyncio");
	set(f, "criteria", "new", "rust");
	set(f, "criteria", "speaker", "Lilly Ryan");
	a = talk(f, "Packaging in 2018", "", "Lilly Ryan");
	b = add(f, PP_KIND_TALK, "Asyncio deep dive", "rust", "", "", "", "",
	    PP_REC_NO, 60);
	c = talk(f, "Nothing", "", "Ryan Lilly");
	d = add(f, PP_KIND_POSTER, "Tests poster", "", "", "", "", "",
	    PP_REC_NO, 60);
	/* A passing mention covers nothing (relevance below 500). */
	e = talk(f, "Asyncio", abstract_of(f, 100, "Also rust."), "");

	assert_int_equal(score(f, a).crit,
	    1u << PP_CRIT_JOB | 1u << PP_CRIT_SPEAKER);
	assert_int_equal(score(f, b).crit,
	    1u << PP_CRIT_DEPTH | 1u << PP_CRIT_NEW);
	assert_int_equal(score(f, c).crit, 0);
	assert_int_equal(score(f, d).crit, 1u << PP_CRIT_JOB);
	assert_int_equal(score(f, e).crit, 1u << PP_CRIT_DEPTH);
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
	i = add(f, PP_KIND_TALK, "Testing APIs and six more words right here",
	    "", "", "", "Lilly Ryan", "intermediate", PP_REC_NO, 60);
	/* Interests by what they add, largest first, then speakers and the
	 * level. */
	assert_string_equal(score(f, i).reason,
	    "interest: testing " TIMES "3, api " TIMES "-1, speaker: "
	    "Lilly Ryan " TIMES "2, level");
	assert_int_equal(score(f, i).value, 500 + 3000 - 1000 + 2000 + 500);
	set(f, "interests", "api", "5");
	assert_string_equal(score(f, i).reason,
	    "interest: api " TIMES "5, testing " TIMES "3, speaker: "
	    "Lilly Ryan " TIMES "2, level");
	assert_int_equal(score(f, i).value, 500 + 5000 + 750 + 2000 + 500);
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
		assert_int_equal(sc.nmatch, 12);
		assert_int_equal(sc.match[PP_SCORE_MATCH_MAX - 1].kind,
		    PP_MATCH_INTEREST);
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
		assert_int_equal(sc.nmatch, 1);
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

/* The breakdown lists every term, in order, and they add up to the
 * rate. */
static void
test_breakdown(void **state)
{
	struct fx *f = *state;
	struct pp_scorer *s;
	struct pp_score a, b;
	struct pp_score_term t[8];
	struct pp_score_match scratch[7];
	char text[256];
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
	i = add(f, PP_KIND_TALK, "Testing in Rust and five more words here", "",
	    "", "", "Lilly Ryan", "Intermediate", PP_REC_YES, 30);
	(void)add(f, PP_KIND_OPEN_SPACE, TITLE8("Testing"), "", "", "", "", "",
	    PP_REC_UNKNOWN, 45);
	s = pp_scorer_new(&f->p);
	n = pp_score_breakdown(s, &f->tt->ev[i], &a, t, scratch, 8);
	pp_score_event(s, &f->tt->ev[i], &b);
	assert_int_equal(n, 5);
	assert_string_equal(t[0].label, "talk-base");
	assert_null(t[0].m);
	assert_int_equal(t[0].units, 1000);
	assert_string_equal(t[1].label, "interest");
	assert_string_equal(t[1].m->name, "testing");
	assert_int_equal(t[2].units, -1250);
	assert_string_equal(t[3].label, "speaker");
	assert_string_equal(t[4].label, "level-bonus");
	assert_string_equal(t[4].m->name, "intermediate");
	for (sum = 0, k = 0; k < n; k++)
		sum += t[k].units;
	assert_int_equal(sum, a.rate);
	assert_int_equal(a.rate, 5250);
	assert_int_equal(a.raw, 2625);   /* half an hour */
	assert_int_equal(a.value, 1313); /* recorded: half, rounded up */
	assert_int_equal(a.value, b.value);
	assert_string_equal(a.reason, b.reason);
	pp_score_term_text(&t[0], text, sizeof(text));
	assert_string_equal(text, "talk-base");
	pp_score_term_text(&t[1], text, sizeof(text));
	assert_string_equal(text,
	    "interest: testing " TIMES "3, relevance 1 (title)");
	pp_score_term_text(&t[2], text, sizeof(text));
	assert_string_equal(text,
	    "interest: rust " TIMES "-1.25, relevance 1 (title)");
	pp_score_term_text(&t[3], text, sizeof(text));
	assert_string_equal(text, "speaker: Lilly Ryan " TIMES "2");
	pp_score_term_text(&t[4], text, sizeof(text));
	assert_string_equal(text, "level-bonus (level intermediate)");
	/* Networking: per hour, then interests; a short array keeps the
	 * first terms and still counts them all. */
	k = f->tt->n - 1;
	n = pp_score_breakdown(s, &f->tt->ev[k], &a, t, scratch, 1);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].label, "networking-weight");
	assert_int_equal(t[0].units, 2000);
	assert_int_equal(a.raw, 3750);
	assert_int_equal(pp_score_breakdown(s, &f->tt->ev[k], &b, NULL, NULL,
	                     0),
	    2);
	assert_int_equal(b.value, a.value);
	pp_scorer_free(s);
}

/* Where terms matched, for CSV; the text explain shows for a damped
 * term. */
static void
test_where(void **state)
{
	struct fx *f = *state;
	struct pp_scorer *s;
	struct pp_score sc;
	struct pp_score_term t[4];
	struct pp_score_match scratch[3];
	char buf[256], small[40];
	size_t i, n;

	set(f, "interests", "python", "3");
	set(f, "interests", "testing", "2");
	set(f, "speakers", "Lilly Ryan", "1");
	i = add(f, PP_KIND_TALK, TITLE8("Python"), "", "Python",
	    abstract_of(f, 149, "testing"), "Lilly Ryan", "", PP_REC_NO, 60);
	sc = score(f, i);
	pp_score_where(&sc, buf, sizeof(buf));
	assert_string_equal(buf,
	    "python (title, track) 1.429; testing (abstract) 0.049; Lilly "
	    "Ryan (speakers) 1");
	/* Too small: whole items only, then "; …". */
	pp_score_where(&sc, small, sizeof(small));
	assert_string_equal(small, "python (title, track) 1.429; \xe2\x80\xa6");
	pp_score_where(&sc, small, 10);
	assert_string_equal(small, "\xe2\x80\xa6");
	s = pp_scorer_new(&f->p);
	n = pp_score_breakdown(s, &f->tt->ev[i], &sc, t, scratch, 4);
	assert_int_equal(n, 4);
	pp_score_term_text(&t[2], buf, sizeof(buf));
	assert_string_equal(buf,
	    "interest: testing " TIMES
	    "2, relevance 0.049 (abstract), damped 1/4");
	pp_scorer_free(s);
	sc = score(f, talk(f, "Nothing", "", ""));
	pp_score_where(&sc, buf, sizeof(buf));
	assert_string_equal(buf, "");
	pp_score_fields_text(PP_FIELD_TITLE | PP_FIELD_TAGS | PP_FIELD_SPEAKERS,
	    "+", buf, sizeof(buf));
	assert_string_equal(buf, "title+tags+speakers");
}

/* Topics are stemmed in the event's language, English when unknown. */
static void
test_language(void **state)
{
	struct fx *f = *state;
	size_t de, en, unk;

	set(f, "plan", "talk-base", "0");
	set(f, "interests", "Datenbank", "1");
	de = talk(f, TITLE8("Datenbanken"), "", "");
	f->tt->ev[de].lang = "de";
	en = talk(f, TITLE8("Datenbanken"), "", "");
	f->tt->ev[en].lang = "en";
	unk = talk(f, TITLE8("Datenbanken"), "", "");
	f->tt->ev[unk].lang = "xx";
	assert_int_equal(score(f, de).match[0].rel, 1000);
	assert_int_equal(score(f, en).nmatch, 0);
	assert_int_equal(score(f, unk).nmatch, 0);
	/* The same scorer serves several languages. */
	{
		struct pp_scorer *s = pp_scorer_new(&f->p);
		struct pp_score a;

		pp_score_event(s, &f->tt->ev[en], &a);
		assert_int_equal(a.nmatch, 0);
		pp_score_event(s, &f->tt->ev[de], &a);
		assert_int_equal(a.nmatch, 1);
		pp_score_event(s, &f->tt->ev[unk], &a);
		assert_int_equal(a.nmatch, 0);
		pp_score_event(s, &f->tt->ev[de], &a);
		assert_int_equal(a.nmatch, 1);
		pp_scorer_free(s);
	}
}

/* Profile terms that match no event are reported, with a suggestion
 * when the programme has a close word or name. */
static void
test_check_terms(void **state)
{
	static const char *const want[] = {
	    "interest 'zzzqqq' matches no event",
	    "interest 'kubernetse' matches no event; did you mean "
	    "'kubernetes'?",
	    "interest 'machine lerning' matches no event; did you mean "
	    "'machine learning'?",
	    "interest 'scale go' matches no event",
	    "speaker 'Lenart Poetering' matches no event; did you mean "
	    "'Lennart Poettering'?",
	    "speaker 'Poeterin' matches no event; did you mean "
	    "'Poettering'?",
	    "criterion job: 'kubernetse' matches no event; did you mean "
	    "'kubernetes'?",
	    "criterion speaker: 'Lily Ryan' matches no event; did you mean "
	    "'Lilly Ryan'?",
	};

	struct fx *f = *state;
	size_t i;

	(void)talk(f, "Kubernetes operators in Go", "Written in Rust.",
	    "Lennart Poettering; Lilly Ryan");
	(void)add(f, PP_KIND_TALK, "Machine learning at scale", "", "Data", "",
	    "", "", PP_REC_NO, 30);
	set(f, "interests", "rust", "1");            /* abstract: found */
	set(f, "interests", "zzzqqq", "3");          /* nothing close */
	set(f, "interests", "kubernetse", "2");      /* a swap */
	set(f, "interests", "machine lerning", "1"); /* a phrase */
	set(f, "interests", "scale go", "1"); /* words there, phrase not */
	set(f, "speakers", "Lenart Poetering", "5");
	set(f, "speakers", "Ryan", "1");     /* part of a name: found */
	set(f, "speakers", "Poeterin", "1"); /* one word */
	set(f, "criteria", "job", "kubernetse, data");
	set(f, "criteria", "speaker", "Lily Ryan");
	assert_int_equal(pp_score_check_terms(&f->p, f->tt, &f->ds), 8);
	assert_int_equal(f->ds.n, 8);
	for (i = 0; i < f->ds.n; i++) {
		assert_int_equal(f->ds.v[i].level, PP_WARNING);
		assert_string_equal(f->ds.v[i].msg, want[i]);
	}
}

/* Nothing to warn about: no terms, or all found; an empty programme
 * finds nothing. */
static void
test_check_terms_quiet(void **state)
{
	struct fx *f = *state;

	assert_int_equal(pp_score_check_terms(&f->p, f->tt, &f->ds), 0);
	set(f, "interests", "testing", "1");
	assert_int_equal(pp_score_check_terms(&f->p, f->tt, &f->ds), 1);
	assert_string_equal(f->ds.v[0].msg,
	    "interest 'testing' matches no event");
	(void)talk(f, "Tests", "", "");
	assert_int_equal(pp_score_check_terms(&f->p, f->tt, &f->ds), 0);
	assert_int_equal(f->ds.n, 1);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_units),
	    T(test_base_only),
	    T(test_relevance_fields),
	    T(test_relevance_saturates),
	    T(test_damping),
	    T(test_negative),
	    T(test_speakers),
	    T(test_level),
	    T(test_recorded),
	    T(test_value_of_time),
	    T(test_fill),
	    T(test_networking),
	    T(test_criteria),
	    T(test_reason_order),
	    T(test_reason_truncated),
	    T(test_reason_one_long_item),
	    T(test_scorer_empty),
	    T(test_breakdown),
	    T(test_where),
	    T(test_language),
	    T(test_check_terms),
	    T(test_check_terms_quiet),
	};
#undef T
	int r;

	r = cmocka_run_group_tests(tests, NULL, NULL);
	pp_tz_cleanup();
	return r;
}
