/* SPDX-License-Identifier: ISC */
/*
 * The watch-later report: recorded talk-load events that scored well but
 * are not in the plan, best first.  Built from a plan and its model after
 * solving; the solver knows nothing of it.
 */
#ifndef PYPLAN_WATCH_H
#define PYPLAN_WATCH_H

#include "pyplan/solve.h"

#define PP_WATCH_LATER_MAX 15

/*
 * Fills pl->watch_later (replacing any list; the plan owns it): recorded
 * talk-load events of the model's timetable that are not planned, not
 * skipped and not cancelled, and match something in the profile (a
 * pp_score with nmatch > 0); at most PP_WATCH_LATER_MAX, by raw score
 * descending, ties in programme order.
 */
void pp_watch_later(struct pp_plan *pl);

#endif
