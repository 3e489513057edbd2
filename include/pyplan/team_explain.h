/* SPDX-License-Identifier: ISC */
/*
 * `pyplan team --explain`: why a member is (or is not) at the booth at a
 * time, and why a cover talk is covered or not and what covering it
 * would cost, each priced by solving the joint model again with the
 * question's change (team_solve.h, pp_team_solve_forced).
 */
#ifndef PYPLAN_TEAM_EXPLAIN_H
#define PYPLAN_TEAM_EXPLAIN_H

#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/team_solve.h"

/*
 * Writes the answer to what about the team plan tp of tm into fp:
 *
 *   NAME@YYYY-MM-DD HH:MM (or ...THH:MM), a time in the planning zone:
 *     the booth shift at that time, who staffs it, who else could and
 *     why the others cannot (pp_team_unavailable); when NAME staffs it,
 *     the team's best plan without NAME on that shift and what that
 *     costs, or that no rota holds without NAME;
 *   anything else, an event reference as for must-see (ref.h) that
 *     names a cover talk: who covers it, or that nobody does, what
 *     covering it would cost and who would go, or why nobody can.
 *
 * The re-solves get time_limit seconds each.  Returns 0, or -1 with an
 * error in ds (no member NAME, a time outside the booth hours, a bad
 * time, an event that is no cover talk or matches nothing).
 */
int pp_team_explain(FILE *fp, const struct pp_team_model *tm,
    const struct pp_team_plan *tp, const char *what, double time_limit,
    struct pp_diags *ds);

#endif
