/* SPDX-License-Identifier: ISC */
/*
 * Solver tests: each constraint on hand-made days, determinism, the
 * infeasibility messages, and exactness against an independent brute
 * force over every subset of small random models.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

/* 2018-05-11 00:00 UTC; all test events are in UTC. */
#define DAY0 ((int64_t)1525996800)
#define MIN(h, m) ((int64_t)(h)*3600 + (int64_t)(m)*60)

static struct pp_event *
ev_add(struct pp_timetable *tt, int day, const char *title, const char *kind,
    int64_t s, int64_t e, const char *room)
{
	struct pp_event *ev = pp_timetable_add(tt);
	const char **rooms;
	char id[32];

	snprintf(id, sizeof(id), "e%zu", tt->n);
	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind_word = pp_tt_strdup(tt, kind);
	ev->kind = (enum pp_kind)pp_kind_parse(kind);
	ev->start = DAY0 + day * 86400 + s;
	ev->end = DAY0 + day * 86400 + e;
	ev->tz = "UTC";
	tt->tz = "UTC"; /* the programme says so: no fallback warning */
	if (room != NULL && *room != '\0') {
		rooms = pp_tt_strv(tt, 1);
		rooms[0] = pp_tt_strdup(tt, room);
		pp_tt_set_rooms(tt, ev, rooms, 1);
	}
	return ev;
}

/* A permissive profile: tests switch on the constraint they check. */
static void
base_profile(struct pp_profile *p)
{
	pp_profile_init(p);
	p->max_talks = PP_UNLIMITED;
	p->max_talk_minutes = PP_UNLIMITED;
	p->max_streak = PP_UNLIMITED;
	p->min_networking = 0;
	p->min_block = 20;
	p->room_change = 0;
	p->lunch_minutes = 0;
	p->recorded_weight = 1;
	p->talk_base = 2; /* per hour: a 30-minute talk scores 1 */
	p->networking_weight = 0;
	p->criteria_bonus = 0;
}

static void
add_ref(struct pp_ref **v, size_t *n, const char *text)
{
	*v = realloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].text = strdup(text);
	(*v)[*n].file = NULL;
	(*v)[*n].line = 0;
	(*n)++;
}

/* Builds and solves; returns pp_solve's status (or 10 + model status). */
static int
solve(struct pp_timetable *tt, struct pp_profile *p, struct pp_model **m,
    struct pp_plan **pl, struct pp_diags *ds)
{
	int st;

	pp_diags_init(ds);
	*pl = NULL;
	st = pp_model_build(tt, p, NULL, 0, m, ds);
	if (st != 0)
		return 10 + st;
	return pp_solve(*m, pl, ds);
}

static int
planned(const struct pp_plan *pl, const char *title)
{
	size_t d, k;

	for (d = 0; d < pl->ndays; d++)
		for (k = 0; k < pl->days[d].n; k++)
			if (strcmp(pl->days[d].items[k]->title, title) == 0)
				return 1;
	return 0;
}

static size_t
count_hallway_segments(const struct pp_model *m)
{
	size_t d, k, n = 0;

	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++)
			n += m->days[d].items[k].src == PP_ITEM_HALLWAY;
	return n;
}

static void
cleanup(struct pp_timetable *tt, struct pp_profile *p, struct pp_model *m,
    struct pp_plan *pl, struct pp_diags *ds)
{
	pp_plan_free(pl);
	pp_model_free(m);
	pp_timetable_free(tt);
	pp_profile_fini(p);
	pp_diags_fini(ds);
}

static void
test_max_talks(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	int i;

	(void)state;
	for (i = 0; i < 6; i++) {
		char t[16];

		snprintf(t, sizeof(t), "T%d", i);
		ev_add(tt, 0, t, "talk", MIN(9 + i, 0), MIN(9 + i, 30), "A");
	}
	base_profile(&p);
	p.max_talks = 3;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_int_equal(pl->days[0].talks, 3);
	assert_int_equal(pl->score, 3 * 1000);
	assert_true(pl->optimal);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_max_talk_minutes(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "Long", "tutorial", MIN(9, 0), MIN(12, 0), "A");
	ev_add(tt, 0, "S1", "talk", MIN(13, 0), MIN(13, 30), "A");
	ev_add(tt, 0, "S2", "talk", MIN(14, 0), MIN(14, 30), "A");
	base_profile(&p);
	p.max_talk_minutes = 90;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_false(planned(pl, "Long"));
	assert_true(planned(pl, "S1"));
	assert_true(planned(pl, "S2"));
	assert_int_equal(pl->days[0].talk_minutes, 60);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_room_change(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "A1", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "B1", "talk", MIN(9, 30), MIN(10, 0), "B");
	ev_add(tt, 0, "A2", "talk", MIN(10, 0), MIN(10, 30), "A");
	base_profile(&p);
	p.room_change = 5;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	/* A1 and A2 share a room; B1 cannot follow A1 nor precede A2. */
	assert_true(planned(pl, "A1"));
	assert_true(planned(pl, "A2"));
	assert_false(planned(pl, "B1"));
	cleanup(tt, &p, m, pl, &ds);

	tt = pp_timetable_new();
	ev_add(tt, 0, "A1", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "B1", "talk", MIN(9, 30), MIN(10, 0), "B");
	base_profile(&p);
	p.room_change = 0;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "A1") && planned(pl, "B1"));
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_streak_needs_networking(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	size_t k, run = 0, maxrun = 0;

	(void)state;
	ev_add(tt, 0, "T1", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "T2", "talk", MIN(9, 30), MIN(10, 0), "A");
	ev_add(tt, 0, "T3", "talk", MIN(10, 0), MIN(10, 30), "A");
	ev_add(tt, 0, "Coffee", "break", MIN(10, 30), MIN(10, 50), "A");
	ev_add(tt, 0, "T4", "talk", MIN(10, 50), MIN(11, 20), "A");
	base_profile(&p);
	p.max_streak = 2;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	/* Three talks in a row are not allowed: a networking block (the
	 * break or a hallway block) must sit between the 2nd and 3rd. */
	assert_int_equal(pl->days[0].talks, 3);
	for (k = 0; k < pl->days[0].n; k++) {
		const struct pp_item *it = pl->days[0].items[k];

		run = it->cls == PP_CLASS_TALK ? run + 1 : it->counts ? 0 : run;
		if (run > maxrun)
			maxrun = run;
	}
	assert_int_equal(maxrun, 2);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_hallway_meets_networking(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	size_t k;
	int hallway = 0;

	(void)state;
	ev_add(tt, 0, "T1", "talk", MIN(9, 0), MIN(9, 45), "A");
	ev_add(tt, 0, "T2", "talk", MIN(10, 0), MIN(10, 45), "A");
	ev_add(tt, 0, "T3", "talk", MIN(11, 0), MIN(11, 45), "A");
	base_profile(&p);
	p.min_networking = 45;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	/* No networking event exists, so a hallway block replaces a talk. */
	assert_int_equal(pl->days[0].talks, 2);
	assert_true(pl->days[0].networking_minutes >= 45);
	for (k = 0; k < pl->days[0].n; k++)
		hallway |= pl->days[0].items[k]->src == PP_ITEM_HALLWAY;
	assert_true(hallway);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_short_blocks_do_not_count(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "Break1", "break", MIN(9, 0), MIN(9, 10), "A");
	ev_add(tt, 0, "Break2", "break", MIN(10, 0), MIN(10, 10), "A");
	ev_add(tt, 0, "Talk", "talk", MIN(9, 10), MIN(10, 0), "A");
	base_profile(&p);
	p.min_networking = 15;
	p.min_block = 20;
	add_ref(&p.must, &p.nmust, "Talk");
	/* 20 minutes of breaks, but none is a block of 20 minutes (and the
	 * must-see talk leaves no hallway time). */
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 1);
	assert_int_equal(ds.nerrors, 1);
	assert_non_null(strstr(ds.v[0].msg, "min-networking-minutes=15"));
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_lunch_free_block(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	size_t k;
	int lunch = 0;

	(void)state;
	ev_add(tt, 0, "Noon", "talk", MIN(12, 0), MIN(12, 45), "A");
	ev_add(tt, 0, "Late", "talk", MIN(12, 45), MIN(13, 30), "A");
	base_profile(&p);
	p.lunch_from = 12 * 60;
	p.lunch_to = 13 * 60 + 30;
	p.lunch_minutes = 45;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	/* Lunch needs 45 free minutes between 12:00 and 13:30. */
	assert_int_equal(pl->days[0].talks, 1);
	for (k = 0; k < pl->days[0].n; k++)
		lunch += pl->days[0].items[k]->src == PP_ITEM_LUNCH;
	assert_int_equal(lunch, 1);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_meal_satisfies_lunch(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "Lunch", "meal", MIN(12, 0), MIN(13, 0), "Hall");
	ev_add(tt, 0, "Talk", "talk", MIN(12, 0), MIN(12, 30), "A");
	base_profile(&p);
	p.lunch_from = 11 * 60 + 30;
	p.lunch_to = 14 * 60;
	p.lunch_minutes = 30;
	p.networking_weight = 0.1;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "Talk"));
	assert_int_equal(pl->days[0].talks, 1);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_must_overlap_is_infeasible(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 1, "Alpha", "talk", MIN(10, 0), MIN(10, 30), "A");
	ev_add(tt, 1, "Beta", "talk", MIN(10, 15), MIN(10, 45), "B");
	base_profile(&p);
	add_ref(&p.must, &p.nmust, "Alpha");
	add_ref(&p.must, &p.nmust, "Beta");
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 1);
	assert_null(pl);
	assert_int_equal(ds.nerrors, 1);
	assert_string_equal(ds.v[0].msg,
	    "2018-05-12: must-see 'Alpha' and 'Beta' overlap");
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_must_vs_cap_names_both(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "One", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "Two", "talk", MIN(10, 0), MIN(10, 30), "A");
	base_profile(&p);
	p.max_talks = 1;
	add_ref(&p.must, &p.nmust, "One");
	add_ref(&p.must, &p.nmust, "Two");
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 1);
	assert_int_equal(ds.nerrors, 1);
	assert_non_null(strstr(ds.v[0].msg, "max-talks-per-day=1"));
	assert_non_null(strstr(ds.v[0].msg, "must-see 'One', 'Two'"));
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_must_wins_over_score(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "Short", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "Other", "talk", MIN(9, 30), MIN(10, 0), "A");
	ev_add(tt, 0, "Wide", "talk", MIN(9, 0), MIN(10, 0), "B");
	base_profile(&p);
	add_ref(&p.must, &p.nmust, "Wide");
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "Wide"));
	assert_int_equal(pl->days[0].n, 1);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_skip_and_busy(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "Skipped", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "During booth", "talk", MIN(14, 0), MIN(14, 30), "A");
	ev_add(tt, 0, "Free", "talk", MIN(16, 0), MIN(16, 30), "A");
	base_profile(&p);
	add_ref(&p.skip, &p.nskip, "Skipped");
	p.busy = calloc(1, sizeof(*p.busy));
	p.busy[0].label = strdup("booth");
	memcpy(p.busy[0].date, "2018-05-11", 11);
	p.busy[0].from = 13 * 60 + 50;
	p.busy[0].to = 15 * 60;
	p.nbusy = 1;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_false(planned(pl, "Skipped"));
	assert_false(planned(pl, "During booth"));
	assert_true(planned(pl, "Free"));
	assert_int_equal(m->excl[0], PP_EXCL_SKIP);
	assert_int_equal(m->excl[1], PP_EXCL_BUSY);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_ties_are_deterministic(void **state)
{
	struct pp_profile p;
	char first[64] = "";
	int run;

	(void)state;
	for (run = 0; run < 3; run++) {
		struct pp_timetable *tt = pp_timetable_new();
		struct pp_model *m = NULL;
		struct pp_plan *pl = NULL;
		struct pp_diags ds;

		/* Added in a different order each run; equal scores. */
		if (run % 2 == 0) {
			ev_add(tt, 0, "Zeta", "talk", MIN(9, 0), MIN(9, 30),
			    "A");
			ev_add(tt, 0, "Eta", "talk", MIN(9, 0), MIN(9, 30),
			    "B");
		} else {
			ev_add(tt, 0, "Eta", "talk", MIN(9, 0), MIN(9, 30),
			    "B");
			ev_add(tt, 0, "Zeta", "talk", MIN(9, 0), MIN(9, 30),
			    "A");
		}
		pp_timetable_sort(tt);
		base_profile(&p);
		assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
		assert_int_equal(pl->days[0].n, 1);
		if (run == 0)
			strcpy(first, pl->days[0].items[0]->title);
		else
			assert_string_equal(first, pl->days[0].items[0]->title);
		/* The documented tie-break: the earlier item in (start, end,
		 * title) order. */
		assert_string_equal(pl->days[0].items[0]->title, "Eta");
		cleanup(tt, &p, m, pl, &ds);
	}
}

static void
test_criteria_bonus_across_days(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	/* Day 0: a plain talk beats the niche one by its speaker; the
	 * criterion bonus for "rust" must flip the choice on day 0 only. */
	ev_add(tt, 0, "Plain Python", "talk", MIN(9, 0), MIN(9, 30), "A");
	ev_add(tt, 0, "Rust for Pythonistas", "talk", MIN(9, 0), MIN(9, 30),
	    "B");
	base_profile(&p);
	p.max_talks = 1;
	p.criteria_bonus = 2;
	p.criteria[PP_CRIT_NEW] = calloc(1, sizeof(char *));
	p.criteria[PP_CRIT_NEW][0] = strdup("rust");
	p.ncriteria[PP_CRIT_NEW] = 1;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "Rust for Pythonistas"));
	assert_int_equal(pl->crit_covered, 1u << PP_CRIT_NEW);
	assert_int_equal(pl->score, 1000 + 2000);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_forced_item(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL, *forced = NULL;
	struct pp_diags ds;
	const struct pp_item *low = NULL, *high = NULL;
	size_t k;

	(void)state;
	ev_add(tt, 0, "rust deep dive", "talk", MIN(10, 0), MIN(10, 45), "A");
	ev_add(tt, 0, "Plain", "talk", MIN(10, 0), MIN(10, 45), "B");
	base_profile(&p);
	p.interests = calloc(1, sizeof(*p.interests));
	p.interests[0].name = strdup("rust");
	p.interests[0].weight = 2;
	p.ninterests = 1;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "rust deep dive"));
	for (k = 0; k < m->days[0].n; k++) {
		if (strcmp(m->days[0].items[k].title, "Plain") == 0)
			low = &m->days[0].items[k];
		if (strcmp(m->days[0].items[k].title, "rust deep dive") == 0)
			high = &m->days[0].items[k];
	}
	assert_non_null(low);
	assert_non_null(high);
	assert_true(high->score > low->score);
	/* Forcing an item in is an argument: the model is not touched. */
	assert_int_equal(pp_solve_forced(m, low, &forced, &ds), 0);
	assert_true(planned(forced, "Plain"));
	assert_false(planned(forced, "rust deep dive"));
	assert_int_equal(pl->score - forced->score, high->score - low->score);
	assert_false(low->must);
	assert_int_equal(m->days[0].nmust, 0);
	pp_plan_free(forced);
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_hallway_blocks_merge(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	const struct pp_plan_day *pd;
	size_t k, hallway = 0;

	(void)state;
	/* Short talks back to back in two rooms, none worth planning: the
	 * hallway runs through them as one block, not one per slot. */
	for (k = 0; k < 6; k++) {
		ev_add(tt, 0, "A", "lightning", MIN(9, 5 * (int)k),
		    MIN(9, 5 * (int)k + 5), "A");
		ev_add(tt, 0, "B", "lightning", MIN(9, 5 * (int)k + 2),
		    MIN(9, 5 * (int)k + 7), "B");
	}
	base_profile(&p);
	p.talk_base = -1;
	p.networking_weight = 1;
	p.min_block = 20;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	pd = &pl->days[0];
	for (k = 0; k < pd->n; k++)
		if (pd->items[k]->src == PP_ITEM_HALLWAY) {
			hallway++;
			assert_int_equal(pd->items[k]->start, DAY0 + MIN(9, 0));
			assert_int_equal(pd->items[k]->end, DAY0 + MIN(9, 32));
			assert_int_equal(pd->items[k]->minutes, 32);
		}
	assert_int_equal(hallway, 1);
	assert_int_equal(pd->networking_minutes, 32);
	assert_true(count_hallway_segments(m) > 1);
	cleanup(tt, &p, m, pl, &ds);

	/* A run shorter than min-networking-block is free time: planned
	 * for its value, not shown, not counted as networking. */
	tt = pp_timetable_new();
	ev_add(tt, 0, "Short", "talk", MIN(9, 0), MIN(9, 15), "A");
	base_profile(&p);
	p.talk_base = -1;
	p.networking_weight = 1;
	p.min_block = 20;
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	pd = &pl->days[0];
	assert_int_equal(pd->n, 0);
	assert_int_equal(pd->networking_minutes, 0);
	assert_int_equal(pd->free_minutes, 15);
	assert_true(pd->free_score > 0);
	assert_int_equal(pd->score, pd->free_score);
	cleanup(tt, &p, m, pl, &ds);
}

/* ---- exactness against brute force ---- */

static uint64_t rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Independent check of one day's chosen items (time order), written from
 * the specification, not from the solver: hallway segments that touch are
 * one run, which counts as networking (its minutes, the end of a streak)
 * when it lasts min-networking-block minutes; a shorter run is free time,
 * worth its value only.  Consecutive items with rooms in different rooms
 * leave the room-change time between them, whatever lies between without
 * rooms.  Returns 1 if feasible. */
static int
check_day(const struct pp_model *m, const struct pp_model_day *d,
    const size_t *ch, size_t n, unsigned *crit)
{
	const struct pp_profile *p = m->p;
	long talks = 0, tmin = 0, net = 0, streak = 0, run = 0;
	size_t i, k, musts = 0, free_lunch = 0;
	int lunch = 0;

	*crit = 0;
	for (i = 0; i < n; i++) {
		const struct pp_item *it = &d->items[ch[i]];
		const struct pp_item *pr = i > 0 ? &d->items[ch[i - 1]] : NULL;

		if (pr != NULL && pr->end > it->start)
			return 0;
		/* Room changes between consecutive items with rooms,
		 * whatever lies between without rooms. */
		for (k = i; it->nrooms > 0 && k-- > 0;) {
			const struct pp_item *a = &d->items[ch[k]];

			if (a->nrooms == 0)
				continue;
			if (pp_item_room_change(a, it) &&
			    a->end + p->room_change * 60 > it->start)
				return 0;
			break;
		}
		/* A hallway block ends where the next item is no hallway
		 * segment starting right when it ends. */
		if (pr != NULL && pr->src == PP_ITEM_HALLWAY &&
		    !(it->src == PP_ITEM_HALLWAY && pr->end == it->start)) {
			if (run >= p->min_block) {
				net += run;
				streak = 0;
			}
			run = 0;
		}
		if (it->cls == PP_CLASS_TALK) {
			talks++;
			tmin += it->minutes;
			streak++;
			if (p->max_streak >= 0 && streak > p->max_streak)
				return 0;
			*crit |= it->crit;
		} else if (it->src == PP_ITEM_HALLWAY) {
			run += it->minutes;
		} else if (it->minutes >= p->min_block) {
			net += it->minutes;
			streak = 0;
		}
		if (it->src == PP_ITEM_LUNCH)
			free_lunch++;
		if (it->lunch)
			lunch = 1;
		musts += (size_t)it->must;
	}
	if (run >= p->min_block)
		net += run;
	for (k = 0, i = 0; k < d->n; k++)
		i += (size_t)d->items[k].must;
	if (musts != i || free_lunch > 1)
		return 0;
	/* A free lunch block never sits beside a meal that is lunch. */
	for (k = 0; free_lunch > 0 && k < n; k++)
		if (d->items[ch[k]].lunch &&
		    d->items[ch[k]].src != PP_ITEM_LUNCH)
			return 0;
	if (p->max_talks >= 0 && talks > p->max_talks)
		return 0;
	if (p->max_talk_minutes >= 0 && tmin > p->max_talk_minutes)
		return 0;
	/* A day with no programme event left has no networking or lunch
	 * rule. */
	for (k = 0; k < d->n && d->items[k].src != PP_ITEM_EVENT; k++)
		;
	if (k == d->n)
		return 1;
	/* Nor a networking minimum without a talk-load candidate. */
	for (k = 0; k < d->n && d->items[k].cls != PP_CLASS_TALK; k++)
		;
	if (k < d->n && net < p->min_networking)
		return 0;
	if (p->lunch_minutes > 0 &&
	    d->lunch_to - d->lunch_from >= p->lunch_minutes * 60 && !lunch)
		return 0;
	return 1;
}

/* Best value per criteria mask of one day by enumerating subsets. */
static void
brute_day(const struct pp_model *m, const struct pp_model_day *d,
    int64_t best[16], int ok[16])
{
	size_t ch[32], n, k;
	uint32_t s;
	unsigned crit;

	memset(ok, 0, 16 * sizeof(*ok));
	for (s = 0; s < (1u << d->n); s++) {
		int64_t v = 0;

		n = 0;
		for (k = 0; k < d->n; k++)
			if (s & (1u << k)) {
				ch[n++] = k;
				v += d->items[k].score;
			}
		if (!check_day(m, d, ch, n, &crit))
			continue;
		if (!ok[crit] || v > best[crit]) {
			ok[crit] = 1;
			best[crit] = v;
		}
	}
}

/* A random instance; with criteria, their bonus is negative when
 * negative is 1 (a plan that covers fewer is worth more). */
static void
random_instance(struct pp_timetable *tt, struct pp_profile *p, int negative)
{
	static const char *const kinds[] = {"talk", "talk", "talk", "keynote",
	    "open-space", "break", "meal", "tutorial"};
	static const char *const rooms[] = {"A", "B", "C", ""};
	static const char *const words[] = {"testing", "rust", "web", "data"};
	int day, i, nev;

	base_profile(p);
	for (day = 0; day < 2; day++) {
		nev = 3 + (int)rnd(5);
		for (i = 0; i < nev; i++) {
			char title[64];
			int s = 9 * 60 + 5 * (int)rnd(60);
			int len = 15 + 5 * (int)rnd(10);
			struct pp_event *ev;

			snprintf(title, sizeof(title), "%s talk %d-%d",
			    words[rnd(4)], day, i);
			ev = ev_add(tt, day, title, kinds[rnd(8)], MIN(0, s),
			    MIN(0, s + len), rooms[rnd(4)]);
			ev->recorded = rnd(2) ? PP_REC_YES : PP_REC_NO;
		}
	}
	pp_timetable_sort(tt);
	p->max_talks = rnd(3) ? (int)rnd(4) + 1 : PP_UNLIMITED;
	p->max_talk_minutes = rnd(3) ? 30 + 15 * (int)rnd(8) : PP_UNLIMITED;
	p->max_streak = rnd(2) ? (int)rnd(3) + 1 : PP_UNLIMITED;
	p->min_networking = rnd(2) ? 10 * (int)rnd(10) : 0;
	/* Blocks longer than hallway segments, and room changes longer
	 * than short gaps: short runs that lead on to blocks, and short
	 * hallway stretches between rooms. */
	p->min_block = rnd(2) ? 20 : 40;
	p->room_change = rnd(2) ? 5 * (int)rnd(4) : 0;
	if (rnd(2)) {
		p->lunch_from = 11 * 60 + 30;
		p->lunch_to = 13 * 60 + 30;
		p->lunch_minutes = 30;
	}
	p->recorded_weight = 0.5;
	p->networking_weight = rnd(2) ? 1.5 : 0.25;
	p->talk_base = 0.5;
	p->interests = calloc(2, sizeof(*p->interests));
	p->interests[0].name = strdup(words[rnd(4)]);
	p->interests[0].weight = (double)rnd(5) - 1;
	p->interests[1].name = strdup(words[rnd(4)]);
	p->interests[1].weight = (double)rnd(3);
	p->ninterests = 2;
	if (rnd(2)) {
		p->criteria_bonus = negative ? -1.5 : 1.5;
		p->criteria[PP_CRIT_JOB] = calloc(1, sizeof(char *));
		p->criteria[PP_CRIT_JOB][0] = strdup(words[rnd(4)]);
		p->ncriteria[PP_CRIT_JOB] = 1;
		p->criteria[PP_CRIT_NEW] = calloc(1, sizeof(char *));
		p->criteria[PP_CRIT_NEW][0] = strdup(words[rnd(4)]);
		p->ncriteria[PP_CRIT_NEW] = 1;
	}
	if (rnd(3) == 0) {
		unsigned k, nm = 1 + rnd(3);

		p->must = calloc(nm, sizeof(*p->must));
		for (k = 0; k < nm; k++) {
			const char *id = tt->ev[rnd((unsigned)tt->n)].id;
			unsigned j;

			for (j = 0; j < p->nmust; j++)
				if (strcmp(p->must[j].text, id) == 0)
					break;
			if (j == p->nmust)
				p->must[p->nmust++].text = strdup(id);
		}
	}
}

/* Two parallel talks worth the same: the better-matched one is planned,
 * then the unrecorded one; the value does not change. */
static void
test_ties_better_match(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	int64_t before;
	int round;

	(void)state;
	ev_add(tt, 0, "Alpha", "talk", MIN(10, 0), MIN(10, 30), "A");
	ev_add(tt, 0, "Beta", "talk", MIN(10, 0), MIN(10, 30), "B");
	base_profile(&p);
	p.max_talks = 1;
	for (round = 0; round < 3; round++) {
		tt->ev[0].recorded = round == 2 ? PP_REC_YES : PP_REC_UNKNOWN;
		tt->ev[1].recorded = PP_REC_UNKNOWN;
		assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
		/* Equal values and no match: the unrecorded one, else the
		 * first in model order. */
		assert_true(planned(pl, round == 2 ? "Beta" : "Alpha"));
		before = pl->score;
		pp_plan_free(pl);
		pl = NULL;
		if (round == 1) {
			/* Beta's best match is more relevant, at the same
			 * value (the solver reads the items' scores). */
			m->scores[1].nmatch = 1;
			m->scores[1].match[0].rel = 1200;
			m->scores[1].match[0].units = 1;
		}
		assert_int_equal(pp_solve(m, &pl, &ds), 0);
		assert_true(pl->score == before);
		if (round == 0)
			assert_true(planned(pl, "Alpha"));
		else
			assert_true(planned(pl, "Beta"));
		pp_plan_free(pl);
		pl = NULL;
		pp_model_free(m);
		m = NULL;
		pp_diags_fini(&ds);
	}
	pp_diags_init(&ds);
	cleanup(tt, &p, m, pl, &ds);
}

/* A tie is not broken into a room change that does not fit. */
static void
test_ties_keep_room_change(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;

	(void)state;
	ev_add(tt, 0, "First", "talk", MIN(9, 30), MIN(10, 0), "A");
	ev_add(tt, 0, "Alpha", "talk", MIN(10, 0), MIN(10, 30), "A");
	ev_add(tt, 0, "Beta", "talk", MIN(10, 0), MIN(10, 30), "B");
	base_profile(&p);
	p.room_change = 5;
	p.max_talks = 2;
	add_ref(&p.must, &p.nmust, "First");
	assert_int_equal(solve(tt, &p, &m, &pl, &ds), 0);
	assert_true(planned(pl, "Alpha"));
	pp_plan_free(pl);
	pl = NULL;
	m->scores[2].nmatch = 1;
	m->scores[2].match[0].rel = 1200;
	m->scores[2].match[0].units = 1;
	/* Beta matches better, but in room B it needs 5 minutes after
	 * First in room A. */
	assert_int_equal(pp_solve(m, &pl, &ds), 0);
	assert_true(planned(pl, "Alpha"));
	assert_false(planned(pl, "Beta"));
	cleanup(tt, &p, m, pl, &ds);
}

static void
test_exact_against_brute_force(void **state)
{
	int inst, checked = 0, infeasible = 0;

	(void)state;
	for (inst = 0; inst < 400; inst++) {
		struct pp_timetable *tt = pp_timetable_new();
		struct pp_profile p;
		struct pp_model *m = NULL;
		struct pp_plan *pl = NULL;
		struct pp_diags ds;
		int64_t best[2][16], acc[16], nacc[16], want = 0;
		int ok[2][16], av[16], nav[16], feasible = 1, st, any = 0;
		size_t d;
		unsigned a, b;

		random_instance(tt, &p, inst % 3 == 2);
		pp_diags_init(&ds);
		st = pp_model_build(tt, &p, NULL, 0, &m, &ds);
		assert_int_equal(st, 0);
		if (m->ndays != 2 || m->days[0].n > 18 || m->days[1].n > 18) {
			cleanup(tt, &p, m, NULL, &ds);
			continue;
		}
		for (d = 0; d < 2; d++) {
			brute_day(m, &m->days[d], best[d], ok[d]);
			for (a = 0, any = 0; a < 16; a++)
				any |= ok[d][a];
			feasible &= any;
		}
		st = pp_solve(m, &pl, &ds);
		if (!feasible) {
			assert_int_equal(st, 1);
			assert_true(ds.nerrors >= 1);
			infeasible++;
			cleanup(tt, &p, m, pl, &ds);
			continue;
		}
		assert_int_equal(st, 0);
		memset(av, 0, sizeof(av));
		av[0] = 1;
		acc[0] = 0;
		for (d = 0; d < 2; d++) {
			memset(nav, 0, sizeof(nav));
			for (a = 0; a < 16; a++)
				for (b = 0; b < 16; b++) {
					int64_t v;

					if (!av[a] || !ok[d][b])
						continue;
					v = acc[a] + best[d][b];
					if (!nav[a | b] || v > nacc[a | b]) {
						nav[a | b] = 1;
						nacc[a | b] = v;
					}
				}
			memcpy(av, nav, sizeof(av));
			memcpy(acc, nacc, sizeof(acc));
		}
		any = 0;
		for (a = 0; a < 16; a++) {
			int64_t v;
			unsigned bits = a & m->crit_active, c = 0;

			if (!av[a])
				continue;
			for (; bits; bits &= bits - 1)
				c++;
			v = acc[a] + m->crit_bonus * (int64_t)c;
			if (!any || v > want)
				want = v;
			any = 1;
		}
		assert_int_equal(pl->score, want);
		/* The plan itself is feasible and adds up to its score; a
		 * hallway block of the plan is the segments it covers, at
		 * least min-block long (shorter runs are free time, not
		 * shown), and never touches another. */
		for (d = 0; d < 2; d++) {
			size_t ch[64], nch = 0, k, j;
			const struct pp_plan_day *pd = &pl->days[d];
			unsigned crit;
			int64_t sum = 0;

			for (k = 0; k < pd->n; k++) {
				const struct pp_item *it = pd->items[k];

				sum += it->score;
				if (it->src == PP_ITEM_HALLWAY) {
					assert_true(it->minutes >= p.min_block);
					assert_true(k + 1 == pd->n ||
					    pd->items[k + 1]->src !=
					        PP_ITEM_HALLWAY ||
					    pd->items[k + 1]->start != it->end);
				}
				for (j = 0; j < m->days[d].n; j++) {
					const struct pp_item *mi =
					    &m->days[d].items[j];

					if (mi == it ||
					    (it->src == PP_ITEM_HALLWAY &&
					        mi->src == PP_ITEM_HALLWAY &&
					        mi->start >= it->start &&
					        mi->end <= it->end))
						ch[nch++] = j;
				}
			}
			/* Short runs are free time, not shown: the plan
			 * without them is feasible too. */
			assert_int_equal(sum + pd->free_score, pd->score);
			assert_true(
			    pd->free_score == 0 || pd->free_minutes > 0);
			assert_true(check_day(m, &m->days[d], ch, nch, &crit));
		}
		checked++;
		cleanup(tt, &p, m, pl, &ds);
	}
	print_message("brute force: %d optimal, %d infeasible instances\n",
	    checked, infeasible);
	/* The generator must exercise both outcomes substantially. */
	assert_true(checked >= 150);
	assert_true(infeasible >= 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_max_talks),
	    cmocka_unit_test(test_max_talk_minutes),
	    cmocka_unit_test(test_room_change),
	    cmocka_unit_test(test_streak_needs_networking),
	    cmocka_unit_test(test_hallway_meets_networking),
	    cmocka_unit_test(test_short_blocks_do_not_count),
	    cmocka_unit_test(test_lunch_free_block),
	    cmocka_unit_test(test_meal_satisfies_lunch),
	    cmocka_unit_test(test_must_overlap_is_infeasible),
	    cmocka_unit_test(test_must_vs_cap_names_both),
	    cmocka_unit_test(test_must_wins_over_score),
	    cmocka_unit_test(test_skip_and_busy),
	    cmocka_unit_test(test_ties_are_deterministic),
	    cmocka_unit_test(test_criteria_bonus_across_days),
	    cmocka_unit_test(test_forced_item),
	    cmocka_unit_test(test_hallway_blocks_merge),
	    cmocka_unit_test(test_ties_better_match),
	    cmocka_unit_test(test_ties_keep_room_change),
	    cmocka_unit_test(test_exact_against_brute_force),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
