/* SPDX-License-Identifier: ISC */
/*
 * What a replanned plan (`build --from PLAN --now T`) changed against the
 * old plan, for the writers: each planned item's status and the old
 * items that were dropped.  The rules of replanning are the model's
 * (struct pp_replan, model.h); this module only reports.
 */
#ifndef PYPLAN_REPLAN_H
#define PYPLAN_REPLAN_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/load_plan.h"
#include "pyplan/solve.h"

enum pp_change {
	PP_CHANGE_NONE,     /* not replanning */
	PP_CHANGE_ATTENDED, /* of the old plan, before now: kept as it was */
	PP_CHANGE_KEPT,     /* in the old plan, at the same times and room */
	PP_CHANGE_MOVED,    /* in the old plan, at other times or in another
	                       room (the programme moved it, or a hallway or
	                       lunch block stretched, shrank or shifted) */
	PP_CHANGE_ADDED     /* not in the old plan */
};

/* "attended", "kept", "moved", "added", or "" for PP_CHANGE_NONE. */
const char *pp_change_name(enum pp_change c);

/*
 * The status of a planned item it of pl against the old plan.  An event
 * is the old plan's when the model matched it to a row (pp_item.was); a
 * hallway or free lunch block is the old plan's when it overlaps an old
 * block of the same kind, and kept when it has the same times.
 */
enum pp_change
pp_plan_item_change(const struct pp_plan *pl, const struct pp_item *it);

/* An item of the old plan that the new plan does not hold. */
struct pp_dropped {
	const struct pp_plan_row *row; /* borrowed from the plan file */
	const char *why; /* static: "cancelled" (the programme cancelled
	                    it), "removed" (no longer in the programme),
	                    "past" (it started before now and is no longer
	                    going on then) or "replanned" */
};

struct pp_changes {
	size_t attended, kept, moved, added; /* planned items */
	size_t changes;  /* events dropped plus events added: what the
	                    change penalty is paid for */
	int64_t penalty; /* score units per change */
	int64_t cost;    /* changes x penalty */
	struct pp_dropped *dropped; /* ndropped, in the old plan's order
	                               (owned) */
	size_t ndropped;
};

/*
 * Fills c from pl (whose model replans: pl->m->replan != NULL; else c is
 * all zero).  Old items on days the model does not plan are not counted.
 * Free with pp_changes_fini.
 */
void pp_plan_changes(const struct pp_plan *pl, struct pp_changes *c);
void pp_changes_fini(struct pp_changes *c);

#endif
