/* SPDX-License-Identifier: ISC */
/*
 * Model tests: the planning zone, conference days cut at the day change,
 * the planning window, lunch next to busy blocks, must-see events that
 * are left out, exclusion causes, the rules normalised per day, hallway
 * segments and what busy blocks keep out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/explain.h"
#include "pyplan/lp.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

#define ZONE "Europe/Berlin"

/* The instant of a wall-clock time in ZONE. */
static int64_t
at(int y, int mo, int d, int h, int mi)
{
	struct pp_civil c = {y, mo, d, h, mi, 0, 0, 0};
	int64_t t;

	assert_int_equal(pp_tz_from_civil(ZONE, &c, &t), 0);
	return t;
}

static struct pp_event *
ev_add(struct pp_timetable *tt, const char *title, const char *kind, int64_t s,
    int64_t e, const char *room)
{
	struct pp_event *ev = pp_timetable_add(tt);
	char id[32];

	snprintf(id, sizeof(id), "e%zu", tt->n);
	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind_word = pp_tt_strdup(tt, kind);
	ev->kind = (enum pp_kind)pp_kind_parse(kind);
	ev->start = s;
	ev->end = e;
	ev->tz = ZONE;
	if (room != NULL && *room != '\0') {
		const char **rooms = pp_tt_strv(tt, 1);

		rooms[0] = pp_tt_strdup(tt, room);
		pp_tt_set_rooms(tt, ev, rooms, 1);
	}
	return ev;
}

static void
add_must(struct pp_profile *p, const char *text)
{
	p->must = realloc(p->must, (p->nmust + 1) * sizeof(*p->must));
	p->must[p->nmust].text = strdup(text);
	p->must[p->nmust].file = NULL;
	p->must[p->nmust].line = 0;
	p->nmust++;
}

/* What every test works on; setup and teardown make and free it. */
struct fx {
	struct pp_timetable *tt;
	struct pp_profile p;
	struct pp_model *m;
	struct pp_plan *pl;
	struct pp_diags ds;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->tt = pp_timetable_new();
	pp_profile_init(&f->p);
	pp_diags_init(&f->ds);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	pp_plan_free(f->pl);
	pp_model_free(f->m);
	pp_timetable_free(f->tt);
	pp_profile_fini(&f->p);
	pp_diags_fini(&f->ds);
	free(f);
	return 0;
}

/* Builds the model again (the last one freed); returns its status. */
static int
build(struct fx *f, const struct pp_busy_block *busy, size_t nbusy)
{
	pp_plan_free(f->pl);
	f->pl = NULL;
	pp_model_free(f->m);
	f->m = NULL;
	return pp_model_build(f->tt, &f->p, busy, nbusy, &f->m, &f->ds);
}

/* Empties the diagnostics. */
static void
clear(struct fx *f)
{
	pp_diags_fini(&f->ds);
	pp_diags_init(&f->ds);
}

/* The index of the diagnostic that contains text, or -1. */
static int
diag_with(const struct pp_diags *ds, enum pp_level level, const char *text)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (ds->v[i].level == level && strstr(ds->v[i].msg, text))
			return (int)i;
	return -1;
}

static size_t
count_src(const struct pp_model_day *d, enum pp_item_src src)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->items[i].src == src;
	return n;
}

/* ---- the planning zone ---- */

static void
test_zone_rule(void **state)
{
	struct fx *f = *state;
	struct pp_timetable *tt = f->tt;

	ev_add(tt, "A", "talk", 0, 3600, "")->tz = "Etc/GMT-1";
	ev_add(tt, "B", "talk", 0, 3600, "")->tz = "Etc/GMT-1";
	ev_add(tt, "C", "talk", 0, 3600, "")->tz = "Europe/Brussels";
	/* The profile wins, then what the programme declares, then a named
	 * zone of the events (even if fewer carry it), then UTC. */
	assert_string_equal(pp_model_zone(tt, "Asia/Tokyo", &f->ds),
	    "Asia/Tokyo");
	tt->tz = "America/New_York";
	assert_string_equal(pp_model_zone(tt, NULL, &f->ds),
	    "America/New_York");
	tt->tz = NULL;
	assert_string_equal(pp_model_zone(tt, NULL, &f->ds), "Europe/Brussels");
	tt->ev[2].tz = "UTC";
	assert_string_equal(pp_model_zone(tt, NULL, &f->ds), "Etc/GMT-1");
	assert_int_equal(f->ds.n, 0);
	/* Only UTC times: UTC, with one warning that names --tz. */
	tt->ev[0].tz = tt->ev[1].tz = "UTC";
	assert_string_equal(pp_model_zone(tt, NULL, &f->ds), "UTC");
	assert_int_equal(f->ds.n, 1);
	assert_int_equal(f->ds.v[0].level, PP_WARNING);
	assert_non_null(strstr(f->ds.v[0].msg, "times are in UTC"));
	assert_non_null(strstr(f->ds.v[0].msg, "--tz"));
	/* Told nothing to report, it reports nothing. */
	assert_string_equal(pp_model_zone(tt, NULL, NULL), "UTC");
	assert_int_equal(f->ds.n, 1);
}

/* ---- nights ---- */

static void
test_day_change(void **state)
{
	struct fx *f = *state;
	size_t d, k;

	f->p.lunch_minutes = 0;
	f->p.min_networking = 0;
	f->p.max_talks = 1;
	ev_add(f->tt, "Evening", "talk", at(2025, 12, 27, 23, 0),
	    at(2025, 12, 28, 0, 10), "Saal 1");
	ev_add(f->tt, "Midnight", "talk", at(2025, 12, 28, 0, 20),
	    at(2025, 12, 28, 0, 50), "Saal 2");
	ev_add(f->tt, "Morning", "talk", at(2025, 12, 28, 11, 0),
	    at(2025, 12, 28, 11, 40), "Saal 1");
	add_must(&f->p, "Midnight");
	f->tt->tz = ZONE;
	/* Calendar days: the 00:20 talk is on the 28th. */
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->ndays, 2);
	assert_int_equal(f->m->rules.day_change, 0);
	assert_int_equal(f->m->excl[0], PP_EXCL_WINDOW); /* ends after 24:00 */
	assert_int_equal(pp_model_event_item(f->m, &f->tt->ev[1], &d, &k), 0);
	assert_string_equal(f->m->days[d].date, "2025-12-28");
	/* The programme's day change: the night belongs to the 27th. */
	f->tt->day_change = 6 * 60;
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->rules.day_change, 360);
	assert_int_equal(f->m->ndays, 2);
	assert_int_equal(f->m->excl[0], PP_EXCL_NONE);
	assert_int_equal(pp_model_event_item(f->m, &f->tt->ev[1], &d, &k), 0);
	assert_string_equal(f->m->days[d].date, "2025-12-27");
	assert_int_equal(f->m->days[0].day_start, at(2025, 12, 27, 6, 0));
	assert_int_equal(f->m->days[0].day_end, at(2025, 12, 28, 6, 0));
	/* One talk a day: the must-see at 00:20 takes the 27th's. */
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	assert_int_equal(f->pl->days[0].talks, 1);
	assert_string_equal(f->pl->days[0].items[f->pl->days[0].n - 1]->title,
	    "Midnight");
	/* The profile's day change wins: at midnight, day-end 00:30 is the
	 * start of the date, and the must-see at 00:20 ends outside. */
	f->p.day_change = 0;
	f->p.day_end = 30;
	assert_int_equal(build(f, NULL, 0), 1);
	assert_int_equal(f->m->rules.day_change, 0);
	assert_int_equal(f->m->days[0].win_end, at(2025, 12, 27, 0, 30));
	assert_string_equal(f->ds.v[f->ds.n - 1].msg,
	    "2025-12-28: must-see 'Midnight' lies outside the planning window "
	    "(day-start, day-end)");
	clear(f);
	/* At 06:00, day-end 01:00 is the next morning. */
	f->p.day_change = 360;
	f->p.day_start = 20 * 60;
	f->p.day_end = 60;
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->days[0].win_start, at(2025, 12, 27, 20, 0));
	assert_int_equal(f->m->days[0].win_end, at(2025, 12, 28, 1, 0));
	assert_int_equal(f->m->excl[1], PP_EXCL_NONE);
	assert_int_equal(f->m->excl[2], PP_EXCL_WINDOW); /* 11:00 */
	assert_int_equal(f->ds.nerrors, 0);
}

static void
test_window_error(void **state)
{
	struct fx *f = *state;

	ev_add(f->tt, "T", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 11, 0), "A");
	f->tt->tz = ZONE;
	f->p.day_start = 18 * 60;
	f->p.day_end = 9 * 60;
	f->p.window_file = "me.ini";
	f->p.window_line = 3;
	assert_int_equal(build(f, NULL, 0), -1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_string_equal(f->ds.v[0].file, "me.ini");
	assert_int_equal(f->ds.v[0].line, 3);
	assert_string_equal(f->ds.v[0].msg,
	    "day-start 18:00 is not before day-end 09:00 (for a day that "
	    "ends after midnight, set day-change)");
	/* With the day changing at 10:00, 09:00 is the next morning. */
	clear(f);
	f->p.day_change = 600;
	assert_int_equal(build(f, NULL, 0), 0);
	f->p.day_change = 8 * 60;
	assert_int_equal(build(f, NULL, 0), -1);
	assert_string_equal(f->ds.v[f->ds.n - 1].msg,
	    "day-start 18:00 is not before day-end 09:00 on a day that "
	    "changes at 08:00");
}

/* ---- lunch next to a busy block ---- */

static void
test_lunch_after_busy(void **state)
{
	struct fx *f = *state;
	struct pp_busy_block b;
	char label[] = "meeting";
	size_t k;
	int found = 0;

	ev_add(f->tt, "T1", "talk", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 10, 0), "A");
	ev_add(f->tt, "T2", "talk", at(2025, 3, 10, 11, 0),
	    at(2025, 3, 10, 12, 0), "A");
	ev_add(f->tt, "T3", "talk", at(2025, 3, 10, 14, 0),
	    at(2025, 3, 10, 15, 0), "A");
	f->tt->tz = ZONE;
	b.start = at(2025, 3, 10, 11, 30);
	b.end = at(2025, 3, 10, 13, 0);
	b.label = label;
	b.file = "busy.ics";
	b.line = 4;
	/* Lunch 11:30-14:00/30: the busy block ends at 13:00, and 13:00 to
	 * 14:00 is free. */
	assert_int_equal(build(f, &b, 1), 0);
	for (k = 0; k < f->m->days[0].n; k++)
		if (f->m->days[0].items[k].src == PP_ITEM_LUNCH &&
		    f->m->days[0].items[k].start == b.end)
			found = 1;
	assert_true(found);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	assert_int_equal(f->ds.nerrors, 0);
	/* What the busy block did. */
	assert_int_equal(f->m->nbusy, 1);
	assert_int_equal(f->m->busy[0].day, 0);
	assert_int_equal(f->m->busy[0].excluded, 1);
	assert_int_equal(f->m->excl[1], PP_EXCL_BUSY);
}

/* ---- must-see events left out, exclusion causes ---- */

static void
test_must_left_out(void **state)
{
	struct fx *f = *state;

	ev_add(f->tt, "Friday talk", "talk", at(2026, 1, 30, 10, 0),
	    at(2026, 1, 30, 11, 0), "A");
	ev_add(f->tt, "Saturday talk", "talk", at(2026, 1, 31, 10, 0),
	    at(2026, 1, 31, 11, 0), "A");
	ev_add(f->tt, "Cancelled talk", "talk", at(2026, 2, 1, 10, 0),
	    at(2026, 2, 1, 11, 0), "A")
	    ->status = PP_STATUS_CANCELLED;
	ev_add(f->tt, "Room closed", "info", at(2026, 2, 1, 12, 0),
	    at(2026, 2, 1, 13, 0), "B");
	ev_add(f->tt, "Sunday talk", "talk", at(2026, 2, 1, 14, 0),
	    at(2026, 2, 1, 15, 0), "A");
	f->tt->tz = ZONE;
	add_must(&f->p, "Saturday talk");
	add_must(&f->p, "Cancelled talk");
	add_must(&f->p, "Room closed");
	f->p.days = calloc(1, sizeof(*f->p.days));
	f->p.days[0] = strdup("2026-02-01");
	f->p.ndays = 1;
	/* One profile serves every day: the Saturday must-see is left out
	 * with a note, the cancelled one and the notice with a warning. */
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->ds.nerrors, 0);
	assert_true(diag_with(&f->ds, PP_NOTE,
	                "must-see 'Saturday talk' is on 2026-01-31, a day "
	                "not planned") >= 0);
	assert_true(
	    diag_with(&f->ds, PP_WARNING,
	        "must-see 'Cancelled talk' is cancelled: left out") >= 0);
	assert_true(diag_with(&f->ds, PP_WARNING,
	                "must-see 'Room closed' is a notice") >= 0);
	assert_int_equal(f->m->excl[0], PP_EXCL_DAY);
	assert_int_equal(f->m->excl[1], PP_EXCL_DAY);
	assert_int_equal(f->m->excl[2], PP_EXCL_CANCELLED);
	assert_int_equal(f->m->excl[3], PP_EXCL_INFO);
	assert_int_equal(f->m->excl[4], PP_EXCL_NONE);
	assert_false(pp_model_must_clash(f->m, 1));
	assert_string_equal(pp_excl_text(PP_EXCL_CANCELLED), "is cancelled");
	assert_int_equal(f->m->ndays, 1);
	assert_int_equal(f->m->days[0].nmust, 0);
}

static void
test_explain_left_out(void **state)
{
	struct fx *f = *state;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	ev_add(f->tt, "Called off", "talk", at(2025, 5, 12, 10, 0),
	    at(2025, 5, 12, 11, 0), "A")
	    ->status = PP_STATUS_CANCELLED;
	ev_add(f->tt, "Still on", "talk", at(2025, 5, 12, 11, 0),
	    at(2025, 5, 12, 12, 0), "A");
	f->tt->tz = ZONE;
	assert_int_equal(build(f, NULL, 0), 0);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(pp_explain(fp, f->m, "Called off", &f->ds), 0);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(strstr(buf, "not a candidate: it is cancelled\n"));
	free(buf);
}

/* ---- rules normalised per day ---- */

static void
test_day_rules(void **state)
{
	struct fx *f = *state;
	const struct pp_day_rules *r;
	int i;

	/* Day 1: four talks that fit in one chain (3 h), and one overlapping
	 * them; day 2: no candidate left (all skipped). */
	for (i = 0; i < 4; i++)
		ev_add(f->tt, "Talk", "talk", at(2025, 3, 10, 9 + i, 0),
		    at(2025, 3, 10, 9 + i, 45), "A");
	ev_add(f->tt, "Long", "tutorial", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 12, 0), "B");
	ev_add(f->tt, "Skipped", "talk", at(2025, 3, 11, 9, 0),
	    at(2025, 3, 11, 10, 0), "A");
	f->tt->tz = ZONE;
	f->p.skip = calloc(1, sizeof(*f->p.skip));
	f->p.skip[0].text = strdup("Skipped");
	f->p.nskip = 1;
	f->p.max_talks = 4;          /* no chain holds more: off */
	f->p.max_talk_minutes = 230; /* Long and the last talk: 225, off */
	f->p.max_streak = 3;         /* binds */
	assert_int_equal(build(f, NULL, 0), 0);
	r = &f->m->days[0].rules;
	assert_int_equal(r->max_talks, PP_RULE_OFF);
	assert_int_equal(r->max_talk_minutes, PP_RULE_OFF);
	assert_int_equal(r->max_streak, 3);
	assert_int_equal(r->min_networking, 90);
	assert_true(r->lunch);
	assert_true(r->open);
	/* The day with nothing left: no networking or lunch rule. */
	r = &f->m->days[1].rules;
	assert_false(r->open);
	assert_int_equal(r->min_networking, 0);
	assert_false(r->lunch);
	/* The rules as stated stay for messages and display. */
	assert_int_equal(f->m->rules.max_talks, 4);
	/* A talk cap at the streak cap or below makes the streak cap moot. */
	f->p.max_talks = 2;
	f->p.max_talk_minutes = 100;
	assert_int_equal(build(f, NULL, 0), 0);
	r = &f->m->days[0].rules;
	assert_int_equal(r->max_talks, 2);
	assert_int_equal(r->max_talk_minutes, 100);
	assert_int_equal(r->max_streak, PP_RULE_OFF);
	assert_int_equal(f->ds.nerrors, 0);
}

static void
test_cap_beyond_limit(void **state)
{
	struct fx *f = *state;
	int i;

	/* 300 one-minute talks in a row: a cap of 280 talks binds, beyond
	 * what the solver's state holds. */
	for (i = 0; i < 300; i++)
		ev_add(f->tt, "Flash", "lightning",
		    at(2025, 3, 10, 8, 0) + 60 * i,
		    at(2025, 3, 10, 8, 0) + 60 * (i + 1), "A");
	f->tt->tz = ZONE;
	f->p.max_talks = 280;
	assert_int_equal(build(f, NULL, 0), -1);
	assert_int_equal(f->ds.nerrors, 1);
	assert_string_equal(f->ds.v[0].msg,
	    "2025-03-10: max-talks-per-day=280 can bind on this day (300 "
	    "talks fit in it), beyond the solver's limit of 255");
}

/* ---- hallway segments ---- */

static void
test_hallway_segments(void **state)
{
	struct fx *f = *state;
	const struct pp_model_day *d;
	const struct pp_item *h[3];
	size_t k, n = 0;

	f->p.lunch_minutes = 0;
	ev_add(f->tt, "X", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "A");
	ev_add(f->tt, "Y", "talk", at(2025, 3, 10, 10, 15),
	    at(2025, 3, 10, 10, 45), "B");
	ev_add(f->tt, "Coffee", "break", at(2025, 3, 10, 10, 40),
	    at(2025, 3, 10, 11, 0), "Hall");
	f->tt->tz = ZONE;
	assert_int_equal(build(f, NULL, 0), 0);
	d = &f->m->days[0];
	/* Talks run from 10:00 to 10:45, the break from 10:40: hallway
	 * 10:00-10:40, cut at every edge. */
	for (k = 0; k < d->n; k++)
		if (d->items[k].src == PP_ITEM_HALLWAY) {
			assert_true(n < 3);
			h[n++] = &d->items[k];
		}
	assert_int_equal(n, 3);
	assert_int_equal(h[0]->start, at(2025, 3, 10, 10, 0));
	assert_int_equal(h[0]->end, at(2025, 3, 10, 10, 15));
	assert_int_equal(h[1]->end, at(2025, 3, 10, 10, 30));
	assert_int_equal(h[2]->end, at(2025, 3, 10, 10, 40));
	assert_int_equal(h[2]->minutes, 10);
	assert_true(h[0]->counts && h[2]->counts);
	/* Linked into one run. */
	assert_ptr_equal(&d->items[h[0]->next], h[1]);
	assert_ptr_equal(&d->items[h[1]->next], h[2]);
	assert_int_equal(h[2]->next, PP_ITEM_NONE);
	assert_ptr_equal(&d->items[h[2]->prev], h[1]);
	assert_int_equal(h[0]->prev, PP_ITEM_NONE);
	assert_int_equal(d->rules.min_run, 20);
	assert_int_equal(count_src(d, PP_ITEM_LUNCH), 0);
	/* Rooms compare by number: X (A), Y (B), Coffee (Hall). */
	for (k = 0, n = 0; k < d->n; k++)
		if (d->items[k].src == PP_ITEM_EVENT) {
			assert_true(n < 3);
			h[n++] = &d->items[k];
		}
	assert_int_equal(n, 3);
	assert_int_not_equal(h[0]->room_id, 0);
	assert_int_not_equal(h[0]->room_id, h[1]->room_id);
	assert_true(pp_item_room_change(h[0], h[1]));
	assert_false(pp_item_room_change(h[0], h[0]));
}

/* ---- queries ---- */

static void
test_event_queries(void **state)
{
	struct fx *f = *state;
	struct pp_event other;
	size_t d, k;

	ev_add(f->tt, "T", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 11, 0), "A");
	f->tt->tz = ZONE;
	assert_int_equal(build(f, NULL, 0), 0);
	memset(&other, 0, sizeof(other));
	assert_ptr_equal(pp_model_event_score(f->m, &f->tt->ev[0]),
	    &f->m->scores[0]);
	assert_null(pp_model_event_score(f->m, &other));
	assert_int_equal(pp_model_event_index(f->m, &other), (size_t)-1);
	assert_int_equal(pp_model_event_item(f->m, &f->tt->ev[0], &d, &k), 0);
	assert_ptr_equal(f->m->days[d].items[k].ev, &f->tt->ev[0]);
	assert_int_equal(pp_model_event_item(f->m, &other, &d, &k), -1);
}

/* The index of the candidate of day 0 titled title, or -1. */
static int
item_of(const struct pp_model *m, const char *title)
{
	size_t k;

	for (k = 0; k < m->days[0].n; k++)
		if (strcmp(m->days[0].items[k].title, title) == 0)
			return (int)k;
	return -1;
}

/* 1 if a hallway segment of day 0 overlaps [s, e). */
static int
hallway_in(const struct pp_model *m, int64_t s, int64_t e)
{
	size_t k;

	for (k = 0; k < m->days[0].n; k++) {
		const struct pp_item *it = &m->days[0].items[k];

		if (it->src == PP_ITEM_HALLWAY && it->start < e && s < it->end)
			return 1;
	}
	return 0;
}

/* Languages, tickets and housekeeping are exclusion causes that a
 * must-see event lifts; explain names them. */
static void
test_soft_rules(void **state)
{
	struct fx *f = *state;
	struct pp_event *ev;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	f->tt->tz = ZONE;
	ev = ev_add(f->tt, "Charla", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "A");
	ev->lang = "es";
	ev = ev_add(f->tt, "Both", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "B");
	ev->lang = "de,en";
	ev_add(f->tt, "Unknown", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "C");
	ev_add(f->tt, "Tutorial", "tutorial", at(2025, 3, 10, 11, 0),
	    at(2025, 3, 10, 12, 0), "D");
	ev_add(f->tt, "Summit", "summit", at(2025, 3, 10, 11, 0),
	    at(2025, 3, 10, 12, 0), "E");
	assert_int_equal(pp_profile_set(&f->p, "plan", "languages", "EN, fr",
	                     NULL, 0, &f->ds),
	    0);
	assert_string_equal(f->p.languages, "en,fr");
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->excl[0], PP_EXCL_LANG);
	assert_int_equal(f->m->excl[1], PP_EXCL_NONE); /* interpreted */
	assert_int_equal(f->m->excl[2], PP_EXCL_NONE); /* not known */
	assert_int_equal(f->m->excl[3], PP_EXCL_TICKET);
	assert_int_equal(f->m->excl[4], PP_EXCL_TICKET); /* kind word */
	/* The day counts them, and its open talk-load events. */
	assert_int_equal(f->m->ndays, 1);
	assert_int_equal(f->m->days[0].nticket, 2);
	assert_int_equal(f->m->days[0].ntalk, 2);
	/* Talks the attendee cannot attend still make hallway time. */
	assert_true(
	    hallway_in(f->m, at(2025, 3, 10, 11, 0), at(2025, 3, 10, 12, 0)));
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	assert_int_equal(pp_explain(fp, f->m, "Tutorial", &f->ds), 0);
	fclose(fp);
	assert_non_null(strstr(out, "needs a ticket: add it under [tickets]"));
	free(out);

	/* A ticket by kind, by title; a must-see event in Spanish. */
	assert_int_equal(pp_profile_set(&f->p, "tickets", "ticket", "tutorial",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "tickets", "title", "Summit",
	                     NULL, 0, &f->ds),
	    0);
	add_must(&f->p, "Charla");
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->excl[0], PP_EXCL_NONE);
	assert_true(item_of(f->m, "Charla") >= 0);
	assert_int_equal(f->m->excl[3], PP_EXCL_NONE);
	assert_int_equal(f->m->excl[4], PP_EXCL_NONE);
	assert_int_equal(f->m->days[0].nticket, 0);
	assert_int_equal(f->m->days[0].ntalk, 5);

	/* ticket-kinds none: nothing needs a ticket; languages any. */
	pp_profile_fini(&f->p);
	pp_profile_init(&f->p);
	assert_int_equal(pp_profile_set(&f->p, "plan", "ticket-kinds", "none",
	                     NULL, 0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "plan", "languages", "en", NULL,
	                     0, &f->ds),
	    0);
	assert_int_equal(pp_profile_set(&f->p, "plan", "languages", "any", NULL,
	                     0, &f->ds),
	    0);
	assert_null(f->p.languages);
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->excl[0], PP_EXCL_NONE);
	assert_int_equal(f->m->excl[3], PP_EXCL_NONE);
	assert_int_equal(f->ds.nerrors, 0);
	/* Bad values are refused. */
	assert_int_equal(pp_profile_set(&f->p, "plan", "languages", "english",
	                     NULL, 0, &f->ds),
	    -1);
	assert_int_equal(pp_profile_set(&f->p, "tickets", "seat", "x", NULL, 0,
	                     &f->ds),
	    -1);
}

/* A single-track plenary is valued and empties the hallway; housekeeping
 * is left out; a keynote beside other talks keeps the hallway. */
static void
test_plenaries(void **state)
{
	struct fx *f = *state;
	const char *rooms2[2];
	struct pp_event *ev;
	int k;

	f->tt->tz = ZONE;
	ev_add(f->tt, "Welcome", "keynote", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 9, 10), "Hall");
	ev_add(f->tt, "Keynote - A", "keynote", at(2025, 3, 10, 9, 10),
	    at(2025, 3, 10, 10, 0), "Hall");
	ev = ev_add(f->tt, "Lightning Talks", "talk", at(2025, 3, 10, 17, 0),
	    at(2025, 3, 10, 18, 0), NULL);
	rooms2[0] = pp_tt_strdup(f->tt, "Hall");
	rooms2[1] = pp_tt_strdup(f->tt, "Room 2");
	pp_tt_set_rooms(f->tt, ev, rooms2, 2);
	ev_add(f->tt, "Talk 1", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "A");
	ev_add(f->tt, "Talk 2", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 10, 30), "B");
	ev_add(f->tt, "Alone", "talk", at(2025, 3, 10, 11, 0),
	    at(2025, 3, 10, 11, 30), "A");
	ev_add(f->tt, "Keynote - B", "keynote", at(2025, 3, 10, 14, 0),
	    at(2025, 3, 10, 14, 30), "Hall");
	ev_add(f->tt, "Talk 3", "talk", at(2025, 3, 10, 14, 0),
	    at(2025, 3, 10, 14, 30), "B");
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->role[0], PP_ROLE_HOUSEKEEPING);
	assert_int_equal(f->m->excl[0], PP_EXCL_HOUSEKEEPING);
	assert_int_equal(f->m->role[1], PP_ROLE_PLENARY);
	assert_int_equal(f->m->role[2], PP_ROLE_PLENARY); /* two rooms */
	assert_int_equal(f->m->role[3], PP_ROLE_NONE);
	assert_int_equal(f->m->role[5], PP_ROLE_NONE); /* one room */
	assert_int_equal(f->m->role[6], PP_ROLE_KEYNOTE);
	/* 3 points an hour, no profile term: 50 minutes are worth 2.5. */
	k = item_of(f->m, "Keynote - A");
	assert_true(k >= 0);
	assert_true(f->m->days[0].items[k].score == 2500);
	assert_true(f->m->days[0].items[k].plenary);
	assert_string_equal(f->m->days[0].items[k].reason, "plenary");
	assert_false(
	    hallway_in(f->m, at(2025, 3, 10, 9, 10), at(2025, 3, 10, 10, 0)));
	assert_false(
	    hallway_in(f->m, at(2025, 3, 10, 17, 0), at(2025, 3, 10, 18, 0)));
	assert_true(
	    hallway_in(f->m, at(2025, 3, 10, 11, 0), at(2025, 3, 10, 11, 30)));
	assert_true(
	    hallway_in(f->m, at(2025, 3, 10, 14, 0), at(2025, 3, 10, 14, 30)));
	/* plenary-weight 0 turns the value off; must-see lifts
	 * housekeeping. */
	f->p.plenary_weight = 0;
	add_must(&f->p, "Welcome");
	assert_int_equal(build(f, NULL, 0), 0);
	k = item_of(f->m, "Keynote - A");
	assert_true(f->m->days[0].items[k].score == 0);
	assert_true(item_of(f->m, "Welcome") >= 0);
}

/* ---- the venue: board slots, expo segments, hosts ---- */

/* Sets a profile key as the INI reader would. */
static void
set(struct fx *f, const char *section, const char *key, const char *value)
{
	assert_int_equal(pp_profile_set(&f->p, section, key, value, NULL, 0,
	                     &f->ds),
	    0);
}

/* Talks 10:00-12:00 in room A on 10 March 2025; the board 10:00-13:00 in
 * hour slots, the expo 11:00-13:00 in half hours. */
static void
venue_day(struct fx *f)
{
	ev_add(f->tt, "Talk 1", "talk", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 11, 0), "A");
	ev_add(f->tt, "Talk 2", "talk", at(2025, 3, 10, 11, 0),
	    at(2025, 3, 10, 12, 0), "A");
	f->tt->tz = ZONE;
	f->p.lunch_minutes = 0;
	set(f, "open-spaces", "hours", "2025-03-10 10:00-13:00");
	set(f, "expo", "hours", "2025-03-10 11:00-13:00");
}

static void
test_venue_items(void **state)
{
	struct fx *f = *state;
	const struct pp_model_day *d;
	size_t i, board = 0, expo = 0;
	int64_t during = 0, after = 0;
	struct pp_busy_block b = {0};
	char label[] = "meeting";

	venue_day(f);
	set(f, "plan", "open-spaces-per-day", "3");
	assert_int_equal(build(f, NULL, 0), 0);
	d = &f->m->days[0];
	for (i = 0; i < d->n; i++) {
		const struct pp_item *it = &d->items[i];

		if (it->src == PP_ITEM_BOARD) {
			board++;
			assert_int_equal(it->kind, PP_KIND_OPEN_SPACE);
			assert_int_equal(it->minutes, 60);
			assert_true(it->open && it->counts);
			assert_string_equal(it->title,
			    "Open space (board, room chosen on site)");
		} else if (it->src == PP_ITEM_EXPO) {
			expo++;
			assert_int_equal(it->kind, PP_KIND_EXPO);
			assert_int_equal(it->expo, 1);
			if (it->start < at(2025, 3, 10, 12, 0))
				during = it->score;
			else {
				after = it->score;
				assert_non_null(strstr(it->reason, "crowded"));
			}
		}
	}
	assert_int_equal(board, 3);
	assert_int_equal(expo, 4);
	/* An expo visit is worth a quarter less while no talk runs. */
	assert_int_equal(after, during - during / 4);
	assert_int_equal(d->rules.min_open, 3);
	/* A busy block takes a slot: the day needs only as many as fit. */
	b.start = at(2025, 3, 10, 10, 0);
	b.end = at(2025, 3, 10, 11, 0);
	b.label = label;
	assert_int_equal(build(f, &b, 1), 0);
	d = &f->m->days[0];
	assert_int_equal(count_src(d, PP_ITEM_BOARD), 2);
	assert_int_equal(d->rules.min_open, 2);
	assert_int_equal(f->m->expo_need, 0);
	set(f, "plan", "min-expo-minutes", "45");
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(f->m->expo_need, 2); /* 45 min in 30-min segments */
	assert_int_equal(f->m->expo_unit, 30);
	/* Beyond the solver's three segments: an error naming the key. */
	set(f, "plan", "min-expo-minutes", "100");
	assert_int_equal(build(f, NULL, 0), -1);
	assert_true(diag_with(&f->ds, PP_ERROR, "min-expo-minutes=100") >= 0);
}

static void
test_host(void **state)
{
	struct fx *f = *state;
	const struct pp_model_day *d;
	size_t i, k, hosted = 0;

	venue_day(f);
	set(f, "host", "My topic", "monday 12:00");
	assert_int_equal(build(f, NULL, 0), 0);
	d = &f->m->days[0];
	assert_int_equal(count_src(d, PP_ITEM_HOST), 1);
	assert_int_equal(d->nmust, 1);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	for (i = 0; i < f->pl->days[0].n; i++) {
		const struct pp_item *it = f->pl->days[0].items[i];

		if (it->src != PP_ITEM_HOST)
			continue;
		hosted++;
		assert_string_equal(it->title, "My topic");
		assert_true(it->must);
		assert_int_equal(it->start, at(2025, 3, 10, 12, 0));
		assert_int_equal(it->end, at(2025, 3, 10, 13, 0));
	}
	assert_int_equal(hosted, 1);
	/* The board is closed at 13:00 (its last slot ends then): a clash
	 * naming the host, and the model is still there for explain. */
	pp_profile_fini(&f->p);
	pp_profile_init(&f->p);
	clear(f);
	f->p.lunch_minutes = 0;
	set(f, "open-spaces", "hours", "2025-03-10 10:00-13:00");
	set(f, "host", "Too late", "2025-03-10 13:00");
	assert_int_equal(build(f, NULL, 0), 1);
	assert_non_null(f->m);
	k = (size_t)diag_with(&f->ds, PP_ERROR, "host 'Too late' at 13:00");
	assert_true((int)k >= 0);
	assert_non_null(strstr(f->ds.v[k].msg, "not open"));
	assert_true(f->m->host_clash[0]);
}

/* Two days with expo hours, a minimum of one hour over both: the plan
 * holds two segments, and the LP says the same rule. */
static void
test_expo_minimum(void **state)
{
	struct fx *f = *state;
	size_t d, i, segs = 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	for (d = 0; d < 2; d++) {
		ev_add(f->tt, "Talk", "talk", at(2025, 3, 10 + (int)d, 10, 0),
		    at(2025, 3, 10 + (int)d, 11, 0), "A");
		ev_add(f->tt, "Break", "break", at(2025, 3, 10 + (int)d, 11, 0),
		    at(2025, 3, 10 + (int)d, 11, 30), "B");
	}
	f->tt->tz = ZONE;
	f->p.lunch_minutes = 0;
	f->p.min_networking = 0;
	set(f, "expo", "hours", "2025-03-10 10:00-10:30");
	set(f, "expo", "hours", "2025-03-11 10:30-11:00");
	set(f, "plan", "min-expo-minutes", "60");
	set(f, "interests", "talk", "5"); /* talks beat the expo */
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	for (d = 0; d < 2; d++)
		for (i = 0; i < f->pl->days[d].n; i++)
			segs += f->pl->days[d].items[i]->expo;
	assert_int_equal(segs, 2);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(pp_write_lp(fp, f->m), 0);
	fclose(fp);
	assert_non_null(strstr(buf, " expo0_0: + 1 x0_"));
	assert_non_null(strstr(buf, ">= 2\n"));
	free(buf);
	/* One hour more than the hall is open: infeasible, naming the key. */
	pp_plan_free(f->pl);
	f->pl = NULL;
	set(f, "plan", "min-expo-minutes", "90");
	assert_int_equal(build(f, NULL, 0), 0);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 1);
	assert_true(diag_with(&f->ds, PP_ERROR, "min-expo-minutes=90") >= 0);
}

/* Posters at one time and place are one session; a poster elsewhere
 * stays an event. */
static void
test_poster_session(void **state)
{
	struct fx *f = *state;
	const struct pp_model_day *d;
	const struct pp_item *ses = NULL;
	size_t i, events = 0;
	size_t day, item;

	ev_add(f->tt, "Talk", "talk", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 10, 0), "A");
	ev_add(f->tt, "Testing posters", "poster", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 12, 0), "Hall");
	ev_add(f->tt, "Cooking posters", "poster", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 12, 0), "Hall");
	ev_add(f->tt, "Knitting posters", "poster", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 12, 0), "Hall");
	ev_add(f->tt, "Elsewhere", "poster", at(2025, 3, 10, 10, 0),
	    at(2025, 3, 10, 12, 0), "Lobby");
	f->tt->tz = ZONE;
	set(f, "interests", "testing", "3");
	add_must(&f->p, "Knitting posters");
	assert_int_equal(build(f, NULL, 0), 0);
	d = &f->m->days[0];
	for (i = 0; i < d->n; i++) {
		if (d->items[i].src == PP_ITEM_POSTERS)
			ses = &d->items[i];
		else if (d->items[i].kind == PP_KIND_POSTER)
			events++;
	}
	assert_non_null(ses);
	assert_int_equal(events, 1); /* Elsewhere */
	assert_int_equal(ses->nmembers, 3);
	assert_ptr_equal(ses->members[0], &f->tt->ev[1]);
	assert_string_equal(ses->title, "Poster session (3 posters)");
	assert_null(ses->ev);
	assert_true(ses->must); /* Knitting posters is must-see */
	assert_int_equal(ses->cls, PP_CLASS_NETWORKING);
	/* Worth its best poster, the one about testing. */
	assert_int_equal(ses->score, f->m->scores[1].value);
	assert_true(ses->score > f->m->scores[2].value);
	assert_non_null(strstr(ses->reason, "1 of 3 posters match"));
	/* A member finds its session. */
	assert_int_equal(pp_model_event_item(f->m, &f->tt->ev[3], &day, &item),
	    0);
	assert_ptr_equal(&f->m->days[day].items[item], ses);
}

/* Busy blocks are in the day listing, cut to the window; one labelled
 * "(networking)" counts as networking. */
static void
test_busy_items(void **state)
{
	struct fx *f = *state;
	struct pp_busy_block b[2];
	char booth[] = "Booth duty (Networking) ", meet[] = "meeting";
	const struct pp_item *it;
	size_t i;

	ev_add(f->tt, "Talk", "talk", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 10, 0), "A");
	ev_add(f->tt, "Talk 2", "talk", at(2025, 3, 10, 16, 0),
	    at(2025, 3, 10, 17, 0), "A");
	f->tt->tz = ZONE;
	f->p.lunch_minutes = 0;
	f->p.min_networking = 60;
	f->p.day_start = 8 * 60;
	f->p.day_end = 18 * 60;
	memset(b, 0, sizeof(b));
	b[0].start = at(2025, 3, 10, 11, 0);
	b[0].end = at(2025, 3, 10, 12, 0);
	b[0].label = booth;
	b[1].start = at(2025, 3, 10, 17, 0); /* past day-end: cut */
	b[1].end = at(2025, 3, 10, 20, 0);
	b[1].label = meet;
	assert_true(pp_busy_networking(booth));
	assert_false(pp_busy_networking(meet));
	assert_false(pp_busy_networking("(networking) later"));
	assert_int_equal(build(f, b, 2), 0);
	assert_int_equal(count_src(&f->m->days[0], PP_ITEM_BUSY), 2);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	for (i = 0; i < f->pl->days[0].n; i++) {
		it = f->pl->days[0].items[i];
		if (it->src != PP_ITEM_BUSY)
			continue;
		assert_true(it->must);
		if (it->title == b[0].label || strcmp(it->title, booth) == 0) {
			assert_int_equal(it->cls, PP_CLASS_NETWORKING);
			assert_true(it->counts);
			assert_int_equal(pp_item_net_src(it), PP_NET_BOOTH);
		} else {
			assert_string_equal(it->title, "meeting");
			assert_int_equal(it->cls, PP_CLASS_INFO);
			assert_false(it->counts);
			assert_int_equal(it->score, 0);
			assert_int_equal(it->end, at(2025, 3, 10, 18, 0));
		}
	}
	/* The booth's hour counts: the day's networking holds it. */
	assert_int_equal(f->pl->days[0].net_by_src[PP_NET_BOOTH], 60);
	assert_true(f->pl->days[0].networking_minutes >= 60);
}

/* A host without a time takes exactly one board slot of its day, the one
 * that suits the plan: here the slot the talk leaves free. */
static void
test_host_any_slot(void **state)
{
	struct fx *f = *state;
	size_t i, hosted = 0, slots;

	venue_day(f);
	f->p.min_networking = 0;
	set(f, "interests", "talk", "5"); /* both talks beat the board */
	set(f, "host", "Any time", "2025-03-10");
	assert_int_equal(build(f, NULL, 0), 0);
	slots = count_src(&f->m->days[0], PP_ITEM_HOST);
	assert_int_equal(slots, 3); /* 10:00, 11:00, 12:00 */
	for (i = 0; i < f->m->days[0].n; i++)
		if (f->m->days[0].items[i].src == PP_ITEM_HOST)
			assert_true(f->m->days[0].items[i].host_any &&
			    !f->m->days[0].items[i].must);
	assert_int_equal(pp_solve(f->m, &f->pl, &f->ds), 0);
	for (i = 0; i < f->pl->days[0].n; i++) {
		const struct pp_item *it = f->pl->days[0].items[i];

		if (it->src != PP_ITEM_HOST)
			continue;
		hosted++;
		assert_string_equal(it->title, "Any time");
		assert_int_equal(it->start, at(2025, 3, 10, 12, 0));
	}
	assert_int_equal(hosted, 1);
	/* A second one without a time on the same day: a clash. */
	set(f, "host", "Another", "monday");
	assert_int_equal(build(f, NULL, 0), 1);
	assert_true(diag_with(&f->ds, PP_ERROR,
	                "host 'Another': one open "
	                "space without a time") >= 0);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_zone_rule),
	    T(test_day_change),
	    T(test_window_error),
	    T(test_lunch_after_busy),
	    T(test_must_left_out),
	    T(test_explain_left_out),
	    T(test_day_rules),
	    T(test_cap_beyond_limit),
	    T(test_hallway_segments),
	    T(test_event_queries),
	    T(test_soft_rules),
	    T(test_plenaries),
	    T(test_venue_items),
	    T(test_host),
	    T(test_expo_minimum),
	    T(test_poster_session),
	    T(test_busy_items),
	    T(test_host_any_slot),
	};
#undef T
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
