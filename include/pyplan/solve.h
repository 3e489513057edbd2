/* SPDX-License-Identifier: ISC */
/*
 * The exact solver: a bounded labelling search over each day's
 * time-ordered items whose state carries the day's rules (talks, talk
 * minutes, streak, networking minutes, lunch, must-see count, criteria
 * covered, an unfinished hallway run), combined across days for the
 * criteria bonus.  It returns a proven optimum of the model or says which
 * constraints clash.  It reads only the model.
 */
#ifndef PYPLAN_SOLVE_H
#define PYPLAN_SOLVE_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/model.h"

struct pp_plan_day {
	const struct pp_model_day *md; /* borrowed */
	/* n planned items in time order: the model's items, except that the
	 * touching hallway segments of one run are one item, kept in
	 * merged (owned by the plan), and that a run shorter than
	 * min-networking-block is free time, no item: its minutes and
	 * value are free_minutes and free_score */
	const struct pp_item **items;
	size_t n;
	struct pp_item *merged;
	size_t nmerged;
	long talks, talk_minutes, networking_minutes, free_minutes;
	long net_by_src[PP_NET__COUNT]; /* networking_minutes by source
	                                   (pp_item_net_src) */
	int64_t free_score;
	int64_t score; /* the items' scores and free_score */
};

struct pp_solve_stats {
	size_t labels;    /* labels created, over every search */
	size_t max_front; /* largest frontier */
	size_t searches;  /* searches run (bounds lowered, diagnoses) */
	double seconds;   /* wall time of the solve */
};

struct pp_plan {
	const struct pp_model *m; /* borrowed */
	struct pp_plan_day *days; /* m->ndays days */
	size_t ndays;
	int64_t score; /* objective incl. criteria bonus */
	unsigned crit_covered;
	int optimal; /* 1: proven optimum */
	/* The watch-later report (pp_watch_later fills it; owned). */
	const struct pp_event **watch_later;
	size_t nwatch;
	struct pp_solve_stats stats;
};

/*
 * The labels one day may create over all its searches (32 bytes each,
 * plus the frontier; a few seconds of work): a day that needs more is
 * refused with an error naming the day and the caps, instead of running
 * for minutes and exhausting memory.
 */
#define PP_SOLVE_MAX_LABELS ((size_t)4 << 20)

/*
 * Solves m.  Returns 0 and sets *out (free with pp_plan_free) when a plan
 * exists; returns 1 when the hard constraints cannot all hold, with one
 * error per clashing day in ds naming the constraints ("2018-05-12:
 * must-see 'A' and 'B' overlap"), or when a day needs more than
 * PP_SOLVE_MAX_LABELS labels (an error naming the day and its caps).
 */
int
pp_solve(const struct pp_model *m, struct pp_plan **out, struct pp_diags *ds);

/*
 * Same, with the candidate force (an item of one of m's days, or NULL)
 * planned as if it were must-see: `explain` prices forcing an event in
 * without touching the model.
 */
int pp_solve_forced(const struct pp_model *m, const struct pp_item *force,
    struct pp_plan **out, struct pp_diags *ds);

/*
 * The plan of m made of the chosen items: chosen[d] holds n[d] indices of
 * day d's items in increasing order (a plan another solver found, the
 * team solver's).  Hallway runs are merged and scored as pp_solve does,
 * the criteria bonus added; optimal is 0 and the statistics are empty.
 * The caller frees the result with pp_plan_free.
 */
struct pp_plan *pp_plan_from_items(const struct pp_model *m,
    size_t *const *chosen, const size_t *n);

/* Frees a plan; no-op on NULL. */
void pp_plan_free(struct pp_plan *pl);

#endif
