/* SPDX-License-Identifier: ISC */
/*
 * Replanning from an earlier plan (build --from, --now): what the model
 * keeps as attended, what it leaves out as past, the change terms it puts
 * in the scores, the hallway cut at now, the solver's optimum with the
 * penalty, and the changes report (replan.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/load_plan.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/replan.h"
#include "pyplan/score.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

#define ZONE "Europe/Berlin"

static int64_t
at(int h, int mi)
{
	struct pp_civil c = {2025, 2, 1, h, mi, 0, 0, 0};
	int64_t t;

	assert_int_equal(pp_tz_from_civil(ZONE, &c, &t), 0);
	return t;
}

static struct pp_event *
ev_add(struct pp_timetable *tt, const char *id, const char *title,
    const char *kind, int64_t s, int64_t e, const char *room)
{
	struct pp_event *ev = pp_timetable_add(tt);
	const char **rooms = pp_tt_strv(tt, 1);

	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind_word = pp_tt_strdup(tt, kind);
	ev->kind = (enum pp_kind)pp_kind_parse(kind);
	ev->start = s;
	ev->end = e;
	ev->tz = ZONE;
	rooms[0] = pp_tt_strdup(tt, room);
	pp_tt_set_rooms(tt, ev, rooms, 1);
	return ev;
}

struct fx {
	struct pp_timetable *tt;
	struct pp_profile p;
	struct pp_plan_file pf;
	struct pp_replan r;
	struct pp_model *m;
	struct pp_plan *pl;
	struct pp_diags ds;
};

/*
 * One day at 10:30: A (09:00-10:00, R1) was attended; B (10:00-11:00)
 * was not planned and has started; C (10:15-11:15, R2) is going on and
 * was planned; D (11:30-12:30, R1) was planned; E at the same time in R2
 * was not, and matches the interest "rust" (worth 1 point more than D).
 * The old plan also had a hallway block 10:00-10:15 (attended) and the
 * talk X (13:00-13:30), now cancelled.
 */
static const char old_plan[] =
    "{\"days\": [{\"date\": \"2025-02-01\", \"items\": ["
    "{\"id\": \"A\", \"title\": \"Talk A\", \"kind\": \"talk\", "
    "\"room\": \"R1\", \"start\": \"2025-02-01T09:00:00+01:00\", "
    "\"end\": \"2025-02-01T10:00:00+01:00\"},"
    "{\"id\": \"hallway-2025-02-01-1000\", \"title\": \"Hallway track\", "
    "\"kind\": \"hallway\", \"source\": \"hallway\", "
    "\"start\": \"2025-02-01T10:00:00+01:00\", "
    "\"end\": \"2025-02-01T10:15:00+01:00\"},"
    "{\"id\": \"C\", \"title\": \"Talk C\", \"kind\": \"talk\", "
    "\"room\": \"R2\", \"start\": \"2025-02-01T10:15:00+01:00\", "
    "\"end\": \"2025-02-01T11:15:00+01:00\"},"
    "{\"id\": \"D\", \"title\": \"Talk D\", \"kind\": \"talk\", "
    "\"room\": \"R1\", \"start\": \"2025-02-01T11:30:00+01:00\", "
    "\"end\": \"2025-02-01T12:30:00+01:00\"},"
    "{\"id\": \"X\", \"title\": \"Talk X\", \"kind\": \"talk\", "
    "\"room\": \"R1\", \"start\": \"2025-02-01T13:00:00+01:00\", "
    "\"end\": \"2025-02-01T13:30:00+01:00\"}]}]}";

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct pp_timetable *tt;

	assert_non_null(f);
	tt = f->tt = pp_timetable_new();
	pp_profile_init(&f->p);
	pp_diags_init(&f->ds);
	ev_add(tt, "A", "Talk A", "talk", at(9, 0), at(10, 0), "R1");
	ev_add(tt, "B", "Talk B", "talk", at(10, 0), at(11, 0), "R3");
	ev_add(tt, "C", "Talk C", "talk", at(10, 15), at(11, 15), "R2");
	ev_add(tt, "D", "Talk D", "talk", at(11, 30), at(12, 30), "R1");
	ev_add(tt, "E", "Talk E on rust", "talk", at(11, 30), at(12, 30), "R2");
	ev_add(tt, "X", "Talk X", "talk", at(13, 0), at(13, 30), "R1")
	    ->status = PP_STATUS_CANCELLED;
	assert_int_equal(pp_profile_set(&f->p, "plan", "talk-base", "2", NULL,
	                     0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "plan",
	                     "min-networking-minutes", "0", NULL, 0, &f->ds),
	    0);
	assert_int_equal(
	    pp_profile_set(&f->p, "plan", "lunch", "none", NULL, 0, &f->ds), 0);
	assert_int_equal(
	    pp_profile_set(&f->p, "interests", "rust", "1", NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_plan_file_parse(&f->pf, "old.json", old_plan,
	                     strlen(old_plan), ZONE, &f->ds),
	    0);
	f->r.from = &f->pf;
	f->r.now = at(10, 30);
	f->r.penalty = PP_SCORE_UNIT;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	pp_plan_free(f->pl);
	pp_model_free(f->m);
	pp_plan_file_fini(&f->pf);
	pp_timetable_free(f->tt);
	pp_profile_fini(&f->p);
	pp_diags_fini(&f->ds);
	free(f);
	return 0;
}

/* Builds the replanning model and solves it; returns the build status. */
static int
build(struct fx *f, int64_t penalty)
{
	struct pp_ttwords *w = pp_ttwords_new(f->tt);
	int st;

	pp_plan_free(f->pl);
	pp_model_free(f->m);
	f->pl = NULL;
	f->r.penalty = penalty;
	st = pp_model_build_replan(f->tt, w, &f->p, NULL, 0, &f->r, &f->m,
	    &f->ds);
	pp_ttwords_free(w);
	if (st == 0)
		assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	return st;
}

/* The model's candidate of event id, or NULL. */
static const struct pp_item *
item_of(const struct fx *f, const char *id)
{
	const struct pp_model_day *d = &f->m->days[0];
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].src == PP_ITEM_EVENT &&
		    strcmp(d->items[i].ev->id, id) == 0)
			return &d->items[i];
	return NULL;
}

/* 1 if the plan holds event id (as a programme event). */
static int
planned(const struct fx *f, const char *id)
{
	size_t d, i;

	for (d = 0; d < f->pl->ndays; d++)
		for (i = 0; i < f->pl->days[d].n; i++) {
			const struct pp_item *it = f->pl->days[d].items[i];

			if (it->src == PP_ITEM_EVENT &&
			    strcmp(it->ev->id, id) == 0)
				return 1;
		}
	return 0;
}

static void
test_attended_past_kept(void **state)
{
	struct fx *f = *state;
	const struct pp_model_day *d;
	const struct pp_item *c;
	size_t i, natt = 0;

	assert_int_equal(build(f, PP_SCORE_UNIT), 0);
	assert_int_equal(f->m->ndays, 1);
	d = &f->m->days[0];
	/* A and the hallway block before it are attended, as they were. */
	for (i = 0; i < d->n; i++) {
		const struct pp_item *it = &d->items[i];

		if (it->src != PP_ITEM_ATTENDED)
			continue;
		natt++;
		assert_true(it->must);
		assert_true(it->end <= f->r.now);
		if (it->kind == PP_KIND_HALLWAY) {
			assert_int_equal(it->start, at(10, 0));
			assert_string_equal(it->was_id,
			    "hallway-2025-02-01-1000");
			assert_true(it->counts == 0); /* 15 < 20 minutes */
		} else {
			assert_string_equal(it->was_id, "A");
			assert_ptr_equal(it->ev, &f->tt->ev[0]);
			assert_int_equal(it->nrooms, 1);
			assert_string_equal(it->rooms[0], "R1");
		}
	}
	assert_int_equal(natt, 2);
	/* A (attended) and B (started, not planned) are past. */
	assert_null(item_of(f, "A"));
	assert_null(item_of(f, "B"));
	assert_int_equal(f->m->excl[1], PP_EXCL_PAST);
	/* C goes on at now and was planned: kept as a must, no penalty
	 * difference to other plans but its term is there. */
	c = item_of(f, "C");
	assert_non_null(c);
	assert_true(c->must);
	assert_int_equal(c->change, PP_SCORE_UNIT);
	/* D was planned (+penalty), E was not (-penalty). */
	assert_int_equal(item_of(f, "D")->change, PP_SCORE_UNIT);
	assert_int_equal(item_of(f, "E")->change, -PP_SCORE_UNIT);
	assert_int_equal(item_of(f, "D")->score,
	    f->m->scores[3].value + PP_SCORE_UNIT);
	/* Nothing made up starts before now. */
	for (i = 0; i < d->n; i++)
		if (d->items[i].src == PP_ITEM_HALLWAY ||
		    d->items[i].src == PP_ITEM_LUNCH)
			assert_true(d->items[i].start >= f->r.now);
	assert_int_equal(d->nmust, 3);
}

static void
test_penalty_decides(void **state)
{
	struct fx *f = *state;

	/* E is worth 1 point more than D; swapping D for E is 2 changes. */
	assert_int_equal(build(f, 0), 0);
	assert_true(planned(f, "E"));
	assert_false(planned(f, "D"));
	assert_int_equal(build(f, 400), 0); /* 0.8 < 1 */
	assert_true(planned(f, "E"));
	assert_int_equal(build(f, 600), 0); /* 1.2 > 1 */
	assert_true(planned(f, "D"));
	assert_false(planned(f, "E"));
	assert_true(f->pl->optimal);
	assert_true(planned(f, "C"));
	assert_false(planned(f, "B"));
}

static void
test_changes_report(void **state)
{
	struct fx *f = *state;
	struct pp_changes c;
	size_t d, i, nadded = 0;

	assert_int_equal(build(f, 0), 0);
	pp_plan_changes(f->pl, &c);
	assert_int_equal(c.attended, 2);
	/* D and X are dropped: X cancelled, D replanned for E. */
	assert_int_equal(c.ndropped, 2);
	assert_string_equal(c.dropped[0].row->id, "D");
	assert_string_equal(c.dropped[0].why, "replanned");
	assert_string_equal(c.dropped[1].row->id, "X");
	assert_string_equal(c.dropped[1].why, "cancelled");
	for (d = 0; d < f->pl->ndays; d++)
		for (i = 0; i < f->pl->days[d].n; i++) {
			const struct pp_item *it = f->pl->days[d].items[i];
			enum pp_change ch = pp_plan_item_change(f->pl, it);

			if (it->src == PP_ITEM_EVENT &&
			    strcmp(it->ev->id, "C") == 0)
				assert_int_equal(ch, PP_CHANGE_KEPT);
			if (it->src == PP_ITEM_EVENT && ch == PP_CHANGE_ADDED)
				nadded++;
		}
	assert_int_equal(nadded, 1);
	assert_int_equal(c.changes, 3); /* D, X dropped; E added */
	assert_int_equal(c.cost, 0);
	pp_changes_fini(&c);
	assert_string_equal(pp_change_name(PP_CHANGE_MOVED), "moved");
	assert_string_equal(pp_change_name(PP_CHANGE_NONE), "");
}

static void
test_hallway_going_on(void **state)
{
	struct fx *f = *state;
	const struct pp_plan_day *pd;
	size_t i, nhall = 0;

	/* At 10:05 the old hallway block 10:00-10:15 is going on: its part
	 * before now must be planned, and the hallway from now continues
	 * it, so the plan has the block as it was (15 minutes: a block of
	 * at least min-networking-block 10, no free time). */
	f->r.now = at(10, 5);
	assert_int_equal(pp_profile_set(&f->p, "plan", "min-networking-block",
	                     "10", NULL, 0, &f->ds),
	    0);
	assert_int_equal(build(f, PP_SCORE_UNIT), 0);
	pd = &f->pl->days[0];
	for (i = 0; i < pd->n; i++) {
		const struct pp_item *it = pd->items[i];

		if (it->src != PP_ITEM_HALLWAY || it->start >= at(10, 15))
			continue;
		nhall++;
		assert_int_equal(it->start, at(10, 0));
		assert_int_equal(it->end, at(10, 15));
		assert_int_equal(pp_plan_item_change(f->pl, it),
		    PP_CHANGE_KEPT);
	}
	assert_int_equal(nhall, 1);
	/* B started at 10:00, before now, and was not planned. */
	assert_false(planned(f, "B"));
	assert_true(planned(f, "C"));
}

static void
test_other_conference(void **state)
{
	struct fx *f = *state;
	size_t k;

	/* An old plan none of whose events the programme has, a year
	 * before it. */
	for (k = 0; k < f->pf.n; k++) {
		free(f->pf.rows[k].id);
		f->pf.rows[k].id = strdup("elsewhere");
		free(f->pf.rows[k].title);
		f->pf.rows[k].title = strdup("Elsewhere");
		f->pf.rows[k].synthesized = 0;
		f->pf.rows[k].start -= 365 * 86400;
		f->pf.rows[k].end -= 365 * 86400;
	}
	assert_int_equal(build(f, PP_SCORE_UNIT), -1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_non_null(strstr(f->ds.v[f->ds.n - 1].msg, "another conference"));
}

/* An old plan of this conference none of whose events is left (its one
 * talk was cancelled) is replanned, the talk dropped with a warning. */
static void
test_only_event_gone(void **state)
{
	struct fx *f = *state;
	size_t k;

	for (k = 0; k < f->pf.n; k++) {
		if (f->pf.rows[k].synthesized)
			continue;
		free(f->pf.rows[k].id);
		f->pf.rows[k].id = strdup("gone");
		free(f->pf.rows[k].title);
		f->pf.rows[k].title = strdup("Gone");
	}
	assert_int_equal(build(f, PP_SCORE_UNIT), 0);
	assert_int_equal(f->ds.nerrors, 0);
	assert_true(planned(f, "E"));
	for (k = 0; k < f->ds.n; k++)
		assert_null(strstr(f->ds.v[k].msg, "another conference"));
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_attended_past_kept),
	    T(test_penalty_decides),
	    T(test_changes_report),
	    T(test_hallway_going_on),
	    T(test_other_conference),
	    T(test_only_event_gone),
	};
#undef T
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
