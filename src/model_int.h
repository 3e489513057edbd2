/* SPDX-License-Identifier: ISC */
/*
 * Internals that model.c shares with model_replan.c (replanning from an
 * earlier plan, kept in its own file).
 */
#ifndef PYPLAN_MODEL_INT_H
#define PYPLAN_MODEL_INT_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/model.h"

/* Appends a copy of it to d's items (cap: d's capacity). */
void pp_model_add_item(struct pp_model_day *d, size_t *cap,
    const struct pp_item *it);

/* Normalises d's rules from its items (model.c's day rules); a binding cap
 * beyond the solver's limits is an error in ds.  Returns 0 or -1. */
int pp_model_day_rules(struct pp_model *m, struct pp_model_day *d,
    struct pp_diags *ds);

/* Sorts d's items in the solver's order and links touching hallway
 * segments (whose links must be PP_ITEM_NONE before). */
void pp_model_finish_day(struct pp_model_day *d);

/*
 * Replanning, before the synthesized blocks (m->replan set, the event
 * candidates in, caps[d] the capacity of day d): adds the attended items,
 * keeps the old plan's events going on at now, marks the other events
 * that start before now PP_EXCL_PAST (they stay candidates until
 * pp_model_replan_cut, so that the hallway track is made as without
 * replanning) and puts the change penalty in the scores.  Returns 0, or
 * -1 after an error in ds (a row without times).
 */
int
pp_model_replan_attend(struct pp_model *m, size_t *caps, struct pp_diags *ds);

/* Replanning, after the synthesized blocks: drops the PP_EXCL_PAST
 * candidates and the blocks before now (a hallway segment going on at now
 * starts at now), orders the days again and normalises their rules. */
void pp_model_replan_cut(struct pp_model *m);

#endif
