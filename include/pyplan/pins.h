/* SPDX-License-Identifier: ISC */
/*
 * Pins from an edited plan (`build --pins FILE`): a plan written as CSV,
 * TSV or JSON and edited by hand becomes must-see and skip references,
 * so that the next plan keeps what the user kept and leaves out what the
 * user deleted or marked "drop" (as gcalcli users edit TSV and feed it
 * back).
 */
#ifndef PYPLAN_PINS_H
#define PYPLAN_PINS_H

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load_plan.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"

/*
 * Adds to p one reference by event id per row of pf and per deleted row:
 *
 *  - a row is found in tt by its id, else by its exact title (ignoring
 *    case) when exactly one event has it; blocks pyplan made up (hallway,
 *    lunch) are not events and are passed over;
 *  - a row kept is a must-see ([must]), unless its event is now
 *    cancelled (a warning: it cannot be planned); a row not found is a
 *    warning ("no longer in the programme") and left out;
 *  - a row marked drop is skipped ([skip]);
 *  - a deleted row: each programme event that baseline (the plan the same
 *    programme and profile give without pins, i.e. the plan the file was
 *    written from) holds and pf does not is skipped, with a note.
 *    baseline may be NULL (then nothing counts as deleted).
 *
 * References carry pf->path and the row's line for diagnostics (pf->path
 * must outlive p).  Returns 0, or -1 after an error in ds.
 */
int pp_pins_apply(struct pp_profile *p, const struct pp_timetable *tt,
    const struct pp_plan_file *pf, const struct pp_plan *baseline,
    struct pp_diags *ds);

/*
 * Returns the event of tt that the plan row names (by id, else by its
 * whole title, ignoring case, as pp_ref_find's title rule, when exactly
 * one event has it), or NULL;
 * rows of blocks pyplan made up name no event.
 */
const struct pp_event *
pp_pins_event(const struct pp_timetable *tt, const struct pp_plan_row *row);

#endif
