/* SPDX-License-Identifier: ISC */
/*
 * A two-day plan built by hand for the writer tests (CSV, JSON): the
 * writers see only the structures, so no loader or solver is involved.
 * Included by one test file each; everything is static.
 */
#ifndef PYPLAN_FIXTURE_PLAN_H
#define PYPLAN_FIXTURE_PLAN_H

#include <stdlib.h>
#include <string.h>

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"

#define NY "America/New_York"
#define TITLE0 "Caf\xc3\xa9 \xe2\x98\x95 \"Quoted\", with comma\nand a newline"

/* A two-day plan built by hand: the writer sees only the structures. */
struct fx {
	struct pp_timetable *tt;
	struct pp_profile p;
	struct pp_model m;
	struct pp_model_day md[2];
	struct pp_item it[4];
	const struct pp_item *pit[4];
	struct pp_plan_day pd[2];
	struct pp_plan pl;
	struct pp_score sc[4];
	const struct pp_event *watch[1];
};

static char s_testing[] = "testing", s_py3[] = "python 3";
static char s_zoe[] = "Zo\xc3\xab", s_must[] = "64", s_booth[] = "booth";
static char s_file[] = "a.csv";
static struct pp_weighted interests[2] = {{s_testing, 3}, {s_py3, 0.125}};
static struct pp_weighted speakers[1] = {{s_zoe, 2}};
static char *job[1] = {s_testing};
static char *busy_files[1] = {s_file};
static struct pp_ref must[1] = {{s_must, "me.ini", 3}};
static struct pp_busy busy[1] = {{s_booth, "2018-05-12", 600, 660, NULL, 0}};

static int64_t
at(const char *zone, int y, int mo, int d, int h, int mi)
{
	struct pp_civil c = {y, mo, d, h, mi, 0, 0, 0};
	int64_t t;

	assert_int_equal(pp_tz_from_civil(zone, &c, &t), 0);
	return t;
}

static struct pp_event *
add(struct pp_timetable *tt, const char *id, const char *title, enum pp_kind k,
    int64_t start, int64_t end, const char *file)
{
	struct pp_event *ev = pp_timetable_add(tt);

	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind = k;
	ev->start = start;
	ev->end = end;
	ev->tz = NY;
	ev->file = file;
	ev->line = 2;
	return ev;
}

static void
item(struct pp_item *it, const struct pp_event *ev, enum pp_item_src src,
    enum pp_kind k, int64_t start, int64_t end, int64_t score,
    const char *reason)
{
	memset(it, 0, sizeof(*it));
	it->ev = ev;
	it->src = src;
	it->kind = k;
	it->cls = pp_kind_class(k);
	it->start = start;
	it->end = end;
	it->minutes = (long)((end - start) / 60);
	it->title = ev != NULL     ? ev->title
	    : src == PP_ITEM_LUNCH ? "Lunch"
	                           : "Hallway track";
	it->rooms = ev != NULL ? ev->rooms : NULL;
	it->nrooms = ev != NULL ? ev->nrooms : 0;
	it->room = ev != NULL ? ev->room : "";
	it->score = score;
	it->reason = reason;
}

static struct fx *
fx_new(void)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct pp_timetable *tt;
	struct pp_event *ev;
	const char **v;
	int c;

	assert_non_null(f);
	tt = f->tt = pp_timetable_new();
	tt->name = pp_tt_strdup(tt, "PyCon US 2018");

	ev = add(tt, "64", TITLE0, PP_KIND_TALK, at(NY, 2018, 5, 11, 10, 50),
	    at(NY, 2018, 5, 11, 11, 20), "a.csv");
	v = pp_tt_strv(tt, 2);
	v[0] = pp_tt_strdup(tt, "Room 1");
	v[1] = pp_tt_strdup(tt, "Room 2");
	pp_tt_set_rooms(tt, ev, v, 2);
	ev->nspeakers =
	    pp_tt_split(tt, "Zo\xc3\xab \xc3\x84; Bob, Jr.", 0, &ev->speakers);
	ev->ntags = pp_tt_split(tt, "testing; python 3", 0, &ev->tags);
	ev->recorded = PP_REC_YES;
	ev->url = "https://example.org/64";
	ev->video_url = "https://video.example.org/64";
	ev->abstract = "line one\nline two";
	ev->level = "beginner";
	ev->kind_word = "talk";

	ev = add(tt, "os-1", "[open-spaces] Hallway chat", PP_KIND_OPEN_SPACE,
	    at(NY, 2018, 5, 11, 11, 30), at(NY, 2018, 5, 11, 12, 30), "b.ics");
	v = pp_tt_strv(tt, 1);
	v[0] = pp_tt_strdup(tt, "Room 3");
	pp_tt_set_rooms(tt, ev, v, 1);

	ev = add(tt, "77", "Recorded keynote", PP_KIND_KEYNOTE,
	    at(NY, 2018, 5, 12, 9, 0), at(NY, 2018, 5, 12, 10, 0), "a.csv");
	ev->recorded = PP_REC_YES;
	ev->video_url = "https://video.example.org/77";
	ev->nspeakers = pp_tt_split(tt, "Ann", 0, &ev->speakers);

	ev = add(tt, "late", "Night owl session", PP_KIND_OTHER,
	    at(NY, 2018, 5, 12, 23, 30), at(NY, 2018, 5, 13, 0, 30), "a.csv");
	ev->kind_word = "mystery";
	ev->recorded = PP_REC_NO;

	/* The profile, as pp_profile_load would leave it. */
	f->p.max_talks = PP_UNLIMITED;
	f->p.max_talk_minutes = 240;
	f->p.max_streak = 2;
	f->p.min_networking = 60;
	f->p.min_block = 15;
	f->p.room_change = 5;
	f->p.day_start = 9 * 60;
	f->p.day_end = 24 * 60;
	f->p.lunch_from = 11 * 60 + 30;
	f->p.lunch_to = 14 * 60;
	f->p.lunch_minutes = 45;
	f->p.recorded_weight = 0.5;
	f->p.talk_base = 1;
	f->p.networking_weight = 0.1;
	f->p.level_bonus = 0.5;
	f->p.criteria_bonus = 2;
	f->p.interests = interests;
	f->p.ninterests = 2;
	f->p.speakers = speakers;
	f->p.nspeakers = 1;
	f->p.criteria[PP_CRIT_JOB] = job;
	f->p.ncriteria[PP_CRIT_JOB] = 1;
	f->p.must = must;
	f->p.nmust = 1;
	f->p.busy = busy;
	f->p.nbusy = 1;
	f->p.busy_files = busy_files;
	f->p.nbusy_files = 1;

	/* Scores: 2.5 and 0.125 points, exact in decimal, not in binary
	 * for most neighbours. */
	for (c = 0; c < 4; c++)
		f->sc[c].value = f->sc[c].raw = 1000 * (c + 1);
	f->sc[2].value = 1100;
	f->sc[2].raw = 2200;
	/* Where the open space's interest matched (JSON "matches", the CSV
	 * column "matched"). */
	f->sc[1].nmatch = 1;
	f->sc[1].match[0].kind = PP_MATCH_INTEREST;
	f->sc[1].match[0].name = s_testing;
	f->sc[1].match[0].fields = PP_FIELD_TITLE | PP_FIELD_ABSTRACT;
	f->sc[1].match[0].rel = 1250;
	f->sc[1].match[0].weight = 3000;
	f->sc[1].match[0].units = 3750;

	f->m.tt = tt;
	f->m.p = &f->p;
	pp_model_rules(&f->m.rules, &f->p, tt);
	f->m.tz = NY;
	f->m.days = f->md;
	f->m.ndays = 2;
	f->m.scores = f->sc;
	strcpy(f->md[0].date, "2018-05-11");
	strcpy(f->md[1].date, "2018-05-12");
	/* Both days have talks: the profile's minimum binds on them. */
	f->md[0].rules.min_networking = (unsigned)f->p.min_networking;
	f->md[1].rules.min_networking = (unsigned)f->p.min_networking;

	item(&f->it[0], &tt->ev[0], PP_ITEM_EVENT, PP_KIND_TALK,
	    tt->ev[0].start, tt->ev[0].end, 2500, "must-see");
	f->it[0].must = 1;
	item(&f->it[1], &tt->ev[1], PP_ITEM_EVENT, PP_KIND_OPEN_SPACE,
	    tt->ev[1].start, tt->ev[1].end, 125,
	    "interest: testing \xc3\x97"
	    "3");
	item(&f->it[2], NULL, PP_ITEM_HALLWAY, PP_KIND_HALLWAY,
	    at(NY, 2018, 5, 11, 12, 30), at(NY, 2018, 5, 11, 13, 0), -1500,
	    "hallway track");
	item(&f->it[3], NULL, PP_ITEM_LUNCH, PP_KIND_MEAL,
	    at(NY, 2018, 5, 12, 12, 0), at(NY, 2018, 5, 12, 12, 45), 0, "");
	f->md[0].items = f->it;
	f->md[0].n = 3;
	f->md[1].items = f->it + 3;
	f->md[1].n = 1;
	for (c = 0; c < 4; c++)
		f->pit[c] = &f->it[c];

	f->pd[0].md = &f->md[0];
	f->pd[0].items = f->pit;
	f->pd[0].n = 3;
	f->pd[0].talks = 1;
	f->pd[0].talk_minutes = 30;
	f->pd[0].networking_minutes = 90;
	f->pd[0].score = 2500 + 125 - 1500;
	f->pd[1].md = &f->md[1];
	f->pd[1].items = f->pit + 3;
	f->pd[1].n = 1;
	f->pd[1].networking_minutes = 45;

	f->watch[0] = &tt->ev[2];
	f->pl.m = &f->m;
	f->pl.days = f->pd;
	f->pl.ndays = 2;
	f->pl.score = 3125;
	f->pl.crit_covered = 1u << PP_CRIT_JOB;
	f->pl.optimal = 1;
	f->pl.watch_later = f->watch;
	f->pl.nwatch = 1;
	f->pl.stats.labels = 42;
	f->pl.stats.max_front = 7;
	f->pl.stats.seconds = 0.25;
	return f;
}

static void
fx_free(struct fx *f)
{
	pp_timetable_free(f->tt);
	free(f);
}

#endif
