/* SPDX-License-Identifier: ISC */
/*
 * `pyplan check`: a report on a loaded programme (events per day, kind and
 * room) and the problems a planner should know about (unknown kinds,
 * events with no room, very long events).
 */
#ifndef PYPLAN_CHECK_H
#define PYPLAN_CHECK_H

#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"

/*
 * Appends a warning for each questionable event of tt to ds, in file and
 * line order (the events of one file with the same unknown kind word share
 * one warning, "48 events of unknown kind 'other', counted as talk load
 * (lines 12, 40, ...)", at the first of them), then prints the counts to
 * fp, days in zone tz.  Returns 0, or -1 on a stream error.
 */
int pp_check_report(FILE *fp, const struct pp_timetable *tt, const char *tz,
    struct pp_diags *ds);

#endif
