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
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	struct pp_event *ev;

	(void)state;
	pp_diags_init(&ds);
	ev = ev_add(tt, "A", "talk", 0, 3600, "");
	ev->tz = "Etc/GMT-1";
	ev = ev_add(tt, "B", "talk", 0, 3600, "");
	ev->tz = "Etc/GMT-1";
	ev = ev_add(tt, "C", "talk", 0, 3600, "");
	ev->tz = "Europe/Brussels";
	/* The profile wins, then what the programme declares, then a named
	 * zone of the events (even if fewer carry it), then UTC. */
	assert_string_equal(pp_model_zone(tt, "Asia/Tokyo", &ds), "Asia/Tokyo");
	tt->tz = "America/New_York";
	assert_string_equal(pp_model_zone(tt, NULL, &ds), "America/New_York");
	tt->tz = NULL;
	assert_string_equal(pp_model_zone(tt, NULL, &ds), "Europe/Brussels");
	tt->ev[2].tz = "UTC";
	assert_string_equal(pp_model_zone(tt, NULL, &ds), "Etc/GMT-1");
	assert_int_equal(ds.n, 0);
	/* Only UTC times: UTC, with one warning that names --tz. */
	tt->ev[0].tz = tt->ev[1].tz = "UTC";
	assert_string_equal(pp_model_zone(tt, NULL, &ds), "UTC");
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].level, PP_WARNING);
	assert_non_null(strstr(ds.v[0].msg, "times are in UTC"));
	assert_non_null(strstr(ds.v[0].msg, "--tz"));
	/* Told nothing to report, it reports nothing. */
	assert_string_equal(pp_model_zone(tt, NULL, NULL), "UTC");
	assert_int_equal(ds.n, 1);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- nights ---- */

static void
test_day_change(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	size_t d, k;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	p.lunch_minutes = 0;
	p.min_networking = 0;
	p.max_talks = 1;
	ev_add(tt, "Evening", "talk", at(2025, 12, 27, 23, 0),
	    at(2025, 12, 28, 0, 10), "Saal 1");
	ev_add(tt, "Midnight", "talk", at(2025, 12, 28, 0, 20),
	    at(2025, 12, 28, 0, 50), "Saal 2");
	ev_add(tt, "Morning", "talk", at(2025, 12, 28, 11, 0),
	    at(2025, 12, 28, 11, 40), "Saal 1");
	add_must(&p, "Midnight");
	tt->tz = ZONE;
	/* Calendar days: the 00:20 talk is on the 28th. */
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(m->ndays, 2);
	assert_int_equal(m->rules.day_change, 0);
	assert_int_equal(m->excl[0], PP_EXCL_WINDOW); /* ends after 24:00 */
	assert_int_equal(pp_model_event_item(m, &tt->ev[1], &d, &k), 0);
	assert_string_equal(m->days[d].date, "2025-12-28");
	pp_model_free(m);
	/* The programme's day change: the night belongs to the 27th. */
	tt->day_change = 6 * 60;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(m->rules.day_change, 360);
	assert_int_equal(m->ndays, 2);
	assert_int_equal(m->excl[0], PP_EXCL_NONE);
	assert_int_equal(pp_model_event_item(m, &tt->ev[1], &d, &k), 0);
	assert_string_equal(m->days[d].date, "2025-12-27");
	assert_int_equal(m->days[0].day_start, at(2025, 12, 27, 6, 0));
	assert_int_equal(m->days[0].day_end, at(2025, 12, 28, 6, 0));
	/* One talk a day: the must-see at 00:20 takes the 27th's. */
	assert_int_equal(pp_solve(m, &pl, &ds), 0);
	assert_int_equal(pl->days[0].talks, 1);
	assert_string_equal(pl->days[0].items[pl->days[0].n - 1]->title,
	    "Midnight");
	pp_plan_free(pl);
	pp_model_free(m);
	/* The profile's day change wins: at midnight, day-end 00:30 is the
	 * start of the date, and the must-see at 00:20 ends outside. */
	p.day_change = 0;
	p.day_end = 30;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 1);
	assert_int_equal(m->rules.day_change, 0);
	assert_int_equal(m->days[0].win_end, at(2025, 12, 27, 0, 30));
	assert_string_equal(ds.v[ds.n - 1].msg,
	    "2025-12-28: must-see 'Midnight' lies outside the planning window "
	    "(day-start, day-end)");
	pp_model_free(m);
	pp_diags_fini(&ds);
	pp_diags_init(&ds);
	/* At 06:00, day-end 01:00 is the next morning. */
	p.day_change = 360;
	p.day_start = 20 * 60;
	p.day_end = 60;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(m->days[0].win_start, at(2025, 12, 27, 20, 0));
	assert_int_equal(m->days[0].win_end, at(2025, 12, 28, 1, 0));
	assert_int_equal(m->excl[1], PP_EXCL_NONE);
	assert_int_equal(m->excl[2], PP_EXCL_WINDOW); /* 11:00 */
	pp_model_free(m);
	assert_int_equal(ds.nerrors, 0);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_window_error(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	ev_add(tt, "T", "talk", at(2025, 3, 10, 10, 0), at(2025, 3, 10, 11, 0),
	    "A");
	tt->tz = ZONE;
	p.day_start = 18 * 60;
	p.day_end = 9 * 60;
	p.window_file = "me.ini";
	p.window_line = 3;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), -1);
	assert_int_equal(ds.nerrors, 1);
	assert_string_equal(ds.v[0].file, "me.ini");
	assert_int_equal(ds.v[0].line, 3);
	assert_string_equal(ds.v[0].msg,
	    "day-start 18:00 is not before day-end 09:00 (for a day that "
	    "ends after midnight, set day-change)");
	pp_model_free(m);
	/* With the day changing at 10:00, 09:00 is the next morning. */
	p.day_change = 600;
	pp_diags_fini(&ds);
	pp_diags_init(&ds);
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	pp_model_free(m);
	p.day_change = 8 * 60;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), -1);
	assert_string_equal(ds.v[ds.n - 1].msg,
	    "day-start 18:00 is not before day-end 09:00 on a day that "
	    "changes at 08:00");
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- lunch next to a busy block ---- */

static void
test_lunch_after_busy(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_plan *pl = NULL;
	struct pp_diags ds;
	struct pp_busy_block b;
	char label[] = "meeting";
	size_t k;
	int found = 0;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	ev_add(tt, "T1", "talk", at(2025, 3, 10, 9, 0), at(2025, 3, 10, 10, 0),
	    "A");
	ev_add(tt, "T2", "talk", at(2025, 3, 10, 11, 0), at(2025, 3, 10, 12, 0),
	    "A");
	ev_add(tt, "T3", "talk", at(2025, 3, 10, 14, 0), at(2025, 3, 10, 15, 0),
	    "A");
	tt->tz = ZONE;
	b.start = at(2025, 3, 10, 11, 30);
	b.end = at(2025, 3, 10, 13, 0);
	b.label = label;
	b.file = "busy.ics";
	b.line = 4;
	/* Lunch 11:30-14:00/30: the busy block ends at 13:00, and 13:00 to
	 * 14:00 is free. */
	assert_int_equal(pp_model_build(tt, &p, &b, 1, &m, &ds), 0);
	for (k = 0; k < m->days[0].n; k++)
		if (m->days[0].items[k].src == PP_ITEM_LUNCH &&
		    m->days[0].items[k].start == b.end)
			found = 1;
	assert_true(found);
	assert_int_equal(pp_solve(m, &pl, &ds), 0);
	assert_int_equal(ds.nerrors, 0);
	/* What the busy block did. */
	assert_int_equal(m->nbusy, 1);
	assert_int_equal(m->busy[0].day, 0);
	assert_int_equal(m->busy[0].excluded, 1);
	assert_int_equal(m->excl[1], PP_EXCL_BUSY);
	pp_plan_free(pl);
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- must-see events left out, exclusion causes ---- */

static void
test_must_left_out(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	struct pp_event *ev;
	int i;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	ev_add(tt, "Friday talk", "talk", at(2026, 1, 30, 10, 0),
	    at(2026, 1, 30, 11, 0), "A");
	ev_add(tt, "Saturday talk", "talk", at(2026, 1, 31, 10, 0),
	    at(2026, 1, 31, 11, 0), "A");
	ev = ev_add(tt, "Cancelled talk", "talk", at(2026, 2, 1, 10, 0),
	    at(2026, 2, 1, 11, 0), "A");
	ev->status = PP_STATUS_CANCELLED;
	ev_add(tt, "Room closed", "info", at(2026, 2, 1, 12, 0),
	    at(2026, 2, 1, 13, 0), "B");
	ev_add(tt, "Sunday talk", "talk", at(2026, 2, 1, 14, 0),
	    at(2026, 2, 1, 15, 0), "A");
	tt->tz = ZONE;
	add_must(&p, "Saturday talk");
	add_must(&p, "Cancelled talk");
	add_must(&p, "Room closed");
	p.days = calloc(1, sizeof(*p.days));
	p.days[0] = strdup("2026-02-01");
	p.ndays = 1;
	/* One profile serves every day: the Saturday must-see is left out
	 * with a note, the cancelled one and the notice with a warning. */
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(ds.nerrors, 0);
	i = diag_with(&ds, PP_NOTE,
	    "must-see 'Saturday talk' is on "
	    "2026-01-31, a day not planned");
	assert_true(i >= 0);
	i = diag_with(&ds, PP_WARNING,
	    "must-see 'Cancelled talk' is "
	    "cancelled: left out");
	assert_true(i >= 0);
	assert_true(diag_with(&ds, PP_WARNING,
	                "must-see 'Room closed' is a notice") >= 0);
	assert_int_equal(m->excl[0], PP_EXCL_DAY);
	assert_int_equal(m->excl[1], PP_EXCL_DAY);
	assert_int_equal(m->excl[2], PP_EXCL_CANCELLED);
	assert_int_equal(m->excl[3], PP_EXCL_INFO);
	assert_int_equal(m->excl[4], PP_EXCL_NONE);
	assert_false(pp_model_must_clash(m, 1));
	assert_string_equal(pp_excl_text(PP_EXCL_CANCELLED), "is cancelled");
	assert_int_equal(m->ndays, 1);
	assert_int_equal(m->days[0].nmust, 0);
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_explain_left_out(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	struct pp_event *ev;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	ev = ev_add(tt, "Called off", "talk", at(2025, 5, 12, 10, 0),
	    at(2025, 5, 12, 11, 0), "A");
	ev->status = PP_STATUS_CANCELLED;
	ev_add(tt, "Still on", "talk", at(2025, 5, 12, 11, 0),
	    at(2025, 5, 12, 12, 0), "A");
	tt->tz = ZONE;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(pp_explain(fp, m, "Called off", &ds), 0);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(strstr(buf, "not a candidate: it is cancelled\n"));
	free(buf);
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- rules normalised per day ---- */

static void
test_day_rules(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	int i;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	/* Day 1: four talks that fit in one chain (3 h), and one overlapping
	 * them; day 2: no candidate left (all skipped). */
	for (i = 0; i < 4; i++)
		ev_add(tt, "Talk", "talk", at(2025, 3, 10, 9 + i, 0),
		    at(2025, 3, 10, 9 + i, 45), "A");
	ev_add(tt, "Long", "tutorial", at(2025, 3, 10, 9, 0),
	    at(2025, 3, 10, 12, 0), "B");
	ev_add(tt, "Skipped", "talk", at(2025, 3, 11, 9, 0),
	    at(2025, 3, 11, 10, 0), "A");
	tt->tz = ZONE;
	p.skip = calloc(1, sizeof(*p.skip));
	p.skip[0].text = strdup("Skipped");
	p.nskip = 1;
	p.max_talks = 4;          /* no chain holds more: off */
	p.max_talk_minutes = 230; /* Long and the last talk: 225, off */
	p.max_streak = 3;         /* binds */
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(m->days[0].rules.max_talks, PP_RULE_OFF);
	assert_int_equal(m->days[0].rules.max_talk_minutes, PP_RULE_OFF);
	assert_int_equal(m->days[0].rules.max_streak, 3);
	assert_int_equal(m->days[0].rules.min_networking, 90);
	assert_true(m->days[0].rules.lunch);
	assert_true(m->days[0].rules.open);
	/* The day with nothing left: no networking or lunch rule. */
	assert_false(m->days[1].rules.open);
	assert_int_equal(m->days[1].rules.min_networking, 0);
	assert_false(m->days[1].rules.lunch);
	/* The rules as stated stay for messages and display. */
	assert_int_equal(m->rules.max_talks, 4);
	pp_model_free(m);
	/* A talk cap at the streak cap or below makes the streak cap moot. */
	p.max_talks = 2;
	p.max_talk_minutes = 100;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	assert_int_equal(m->days[0].rules.max_talks, 2);
	assert_int_equal(m->days[0].rules.max_talk_minutes, 100);
	assert_int_equal(m->days[0].rules.max_streak, PP_RULE_OFF);
	pp_model_free(m);
	assert_int_equal(ds.nerrors, 0);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_cap_beyond_limit(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	int i;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	/* 300 one-minute talks in a row: a cap of 280 talks binds, beyond
	 * what the solver's state holds. */
	for (i = 0; i < 300; i++)
		ev_add(tt, "Flash", "lightning", at(2025, 3, 10, 8, 0) + 60 * i,
		    at(2025, 3, 10, 8, 0) + 60 * (i + 1), "A");
	tt->tz = ZONE;
	p.max_talks = 280;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), -1);
	assert_int_equal(ds.nerrors, 1);
	assert_string_equal(ds.v[0].msg,
	    "2025-03-10: max-talks-per-day=280 can bind on this day (300 "
	    "talks fit in it), beyond the solver's limit of 255");
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- hallway segments ---- */

static void
test_hallway_segments(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	const struct pp_model_day *d;
	const struct pp_item *h[3];
	size_t k, n = 0;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	p.lunch_minutes = 0;
	ev_add(tt, "X", "talk", at(2025, 3, 10, 10, 0), at(2025, 3, 10, 10, 30),
	    "A");
	ev_add(tt, "Y", "talk", at(2025, 3, 10, 10, 15),
	    at(2025, 3, 10, 10, 45), "B");
	ev_add(tt, "Coffee", "break", at(2025, 3, 10, 10, 40),
	    at(2025, 3, 10, 11, 0), "Hall");
	tt->tz = ZONE;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	d = &m->days[0];
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
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/* ---- queries ---- */

static void
test_event_queries(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_profile p;
	struct pp_model *m = NULL;
	struct pp_diags ds;
	struct pp_event other;
	size_t d, k;

	(void)state;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	ev_add(tt, "T", "talk", at(2025, 3, 10, 10, 0), at(2025, 3, 10, 11, 0),
	    "A");
	tt->tz = ZONE;
	assert_int_equal(pp_model_build(tt, &p, NULL, 0, &m, &ds), 0);
	memset(&other, 0, sizeof(other));
	assert_ptr_equal(pp_model_event_score(m, &tt->ev[0]), &m->scores[0]);
	assert_null(pp_model_event_score(m, &other));
	assert_int_equal(pp_model_event_index(m, &other), (size_t)-1);
	assert_int_equal(pp_model_event_item(m, &tt->ev[0], &d, &k), 0);
	assert_ptr_equal(m->days[d].items[k].ev, &tt->ev[0]);
	assert_int_equal(pp_model_event_item(m, &other, &d, &k), -1);
	pp_model_free(m);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_zone_rule),
	    cmocka_unit_test(test_day_change),
	    cmocka_unit_test(test_window_error),
	    cmocka_unit_test(test_lunch_after_busy),
	    cmocka_unit_test(test_must_left_out),
	    cmocka_unit_test(test_explain_left_out),
	    cmocka_unit_test(test_day_rules),
	    cmocka_unit_test(test_cap_beyond_limit),
	    cmocka_unit_test(test_hallway_segments),
	    cmocka_unit_test(test_event_queries),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
