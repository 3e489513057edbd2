/* SPDX-License-Identifier: ISC */
/*
 * The planning model: from a timetable and a profile, the candidate items of
 * each day (programme events that survive skip, busy blocks and the
 * planning window, plus synthesized hallway-track and lunch blocks), their
 * scores, and the constraints of SPEC §4 in solver units.  The solver, the
 * LP writer and `explain` all work on this one model.
 */
#ifndef PYPLAN_MODEL_H
#define PYPLAN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"

enum pp_item_src {
	PP_ITEM_EVENT,   /* a programme event */
	PP_ITEM_HALLWAY, /* synthesized: talks run, no networking event does */
	PP_ITEM_LUNCH    /* synthesized: a free lunch block */
};

struct pp_item {
	const struct pp_event *ev; /* NULL for synthesized items */
	enum pp_item_src src;
	enum pp_kind kind;
	enum pp_kind_class cls;
	int64_t start, end; /* UTC seconds */
	long minutes;
	const char *title;  /* borrowed (event or static) */
	const char **rooms; /* borrowed; nrooms == 0 for synthesized */
	size_t nrooms;
	const char *room;   /* "" for synthesized */
	int64_t score;      /* score units */
	unsigned crit;      /* criteria covered */
	int must;           /* hard: must be planned */
	int counts;         /* networking block >= min-networking-block */
	int lunch;          /* satisfies the lunch rule */
	const char *reason; /* borrowed, "" if none */
};

/* Why a programme event is not a candidate. */
enum pp_excl {
	PP_EXCL_NONE,
	PP_EXCL_SKIP,
	PP_EXCL_BUSY,
	PP_EXCL_WINDOW,
	PP_EXCL_DAY,
	PP_EXCL_CANCELLED, /* the programme says it is cancelled */
	PP_EXCL_INFO       /* a notice (kind info), not something to attend */
};

struct pp_model_day {
	char date[11];                /* YYYY-MM-DD in the planning zone */
	int64_t win_start, win_end;   /* planning window */
	int64_t lunch_from, lunch_to; /* lunch window (lunch_minutes > 0) */
	struct pp_item *items;        /* n items sorted by start, end, title */
	size_t n;
	size_t nmust;
};

struct pp_model {
	const struct pp_timetable *tt; /* borrowed */
	const struct pp_profile *p;    /* borrowed */
	const char *tz; /* planning zone (profile or programme) */
	struct pp_model_day *days;
	size_t ndays;
	struct pp_score *scores; /* one per timetable event, same index */
	enum pp_excl *excl;      /* one per timetable event */
	int *must;               /* one per timetable event: 1 if must */
	struct pp_busy_block *busy;
	size_t nbusy;
	unsigned crit_active; /* criteria that have terms */
	int64_t crit_bonus;   /* score units per covered criterion */
	int64_t min_block, room_change, lunch_len; /* seconds */
};

/*
 * Builds the model from tt, p and extra busy blocks (from --busy files,
 * copied; may be NULL).  Profile terms that match no event are warnings
 * in ds (pp_scorer_report).  Must-see and skip references are resolved by
 * pp_ref_resolve (ref.h); one that matches no event, or several when it
 * may not, and unknown days are errors appended to ds with the profile's
 * file:line: returns -1.  A must-see event that is also
 * skipped, outside the planning window or days, or inside a busy block is
 * a clash of hard constraints: returns 1 with one error each, and *out is
 * still set so `explain` can use it.  Otherwise returns 0 and sets *out.
 * tt and p are borrowed and must outlive the model.
 */
int pp_model_build(const struct pp_timetable *tt, const struct pp_profile *p,
    const struct pp_busy_block *busy, size_t nbusy, struct pp_model **out,
    struct pp_diags *ds);
/* The planning zone of p over tt: the profile's timezone, else the zone
 * of the programme's first event, else "UTC" (borrowed from p or tt). */
const char *
pp_model_zone(const struct pp_profile *p, const struct pp_timetable *tt);

/* pp_model_build with the events' words from w (pp_ttwords_new(tt),
 * borrowed): the same model, without cutting the programme's text again
 * for each profile (`pyplan batch`).  pp_model_build makes its own. */
int pp_model_build_words(const struct pp_timetable *tt, struct pp_ttwords *w,
    const struct pp_profile *p, const struct pp_busy_block *busy, size_t nbusy,
    struct pp_model **out, struct pp_diags *ds);
/* Frees the model; no-op on NULL. */
void pp_model_free(struct pp_model *m);

/* 1 if some programme event of the day is a candidate; a day without one
 * (everything skipped, busy or outside the window) has nothing to plan,
 * and the networking and lunch rules do not apply to it. */
int pp_model_day_open(const struct pp_model_day *d);

/* 1 if a and b need room-change time between them (both have rooms and
 * share none). */
int pp_item_room_change(const struct pp_item *a, const struct pp_item *b);

#endif
