/* SPDX-License-Identifier: ISC */
/*
 * `pyplan explain`: why an event is or is not in the plan.  The score
 * broken down by term (pp_score_breakdown) with the recorded-talk factor
 * and the criteria it covers; if planned, where; if not, what keeps it
 * out (skip, busy block, planning window or days; planned items it
 * overlaps, with their scores; planned items too close in another room;
 * the talk, talk-minute and streak caps and the networking minimum it
 * would break with the planned items it does not overlap) and the
 * objective lost by forcing it in (a re-solve with it as must-see), with
 * what that drops and adds on its day.
 */
#ifndef PYPLAN_EXPLAIN_H
#define PYPLAN_EXPLAIN_H

#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/model.h"

/*
 * Explains the events that ref names (id, title, pattern or words, as
 * pp_ref_find; at most five).  m is modified during the call (an item is
 * made must-see for the re-solve) and restored.  Returns 0; 1 when ref
 * matches nothing (error in ds); -1 on a stream error.
 */
int
pp_explain(FILE *fp, struct pp_model *m, const char *ref, struct pp_diags *ds);

#endif
