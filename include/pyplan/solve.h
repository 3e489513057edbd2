/* SPDX-License-Identifier: ISC */
/*
 * The exact solver: a dynamic programme over each day's time-ordered items
 * whose state carries the per-day caps (talks, talk minutes, streak,
 * networking minutes, lunch, must-see count, criteria covered), combined
 * across days for the criteria bonus.  It returns a proven optimum of the
 * model or says which constraints clash.
 */
#ifndef PYPLAN_SOLVE_H
#define PYPLAN_SOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/model.h"

struct pp_plan_day {
	const struct pp_model_day *md; /* borrowed */
	const struct pp_item **items;  /* n planned items in time order */
	size_t n;
	long talks, talk_minutes, networking_minutes;
	int64_t score;
};

struct pp_solve_stats {
	size_t labels;    /* DP states created */
	size_t max_front; /* largest frontier */
	double seconds;   /* wall time of the solve */
};

struct pp_plan {
	const struct pp_model *m; /* borrowed */
	struct pp_plan_day *days; /* m->ndays days */
	size_t ndays;
	int64_t score; /* objective incl. criteria bonus */
	unsigned crit_covered;
	int optimal; /* 1: proven optimum */
	const struct pp_event *
	    *watch_later; /* recorded, well scored, left out */
	size_t nwatch;
	struct pp_solve_stats stats;
};

#define PP_WATCH_LATER_MAX 15

/*
 * Solves m.  Returns 0 and sets *out (free with pp_plan_free) when a plan
 * exists; returns 1 when the hard constraints cannot all hold, with one
 * error per clashing day in ds naming the constraints ("2018-05-12:
 * must-see 'A' and 'B' overlap").
 */
int
pp_solve(const struct pp_model *m, struct pp_plan **out, struct pp_diags *ds);
/* Frees a plan; no-op on NULL. */
void pp_plan_free(struct pp_plan *pl);

#endif
