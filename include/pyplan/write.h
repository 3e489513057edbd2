/* SPDX-License-Identifier: ISC */
/*
 * Plan writers.  They read the plan (and through it the model and events)
 * and know nothing of the input format.  Each returns 0, or -1 when the
 * stream reports an error.
 */
#ifndef PYPLAN_WRITE_H
#define PYPLAN_WRITE_H

#include <stdio.h>

#include "pyplan/solve.h"

struct pp_write_opts {
	int color;         /* 1: ANSI colour (the CLI decides: TTY, NO_COLOR) */
	int alarm_minutes; /* ics: VALARM this many minutes before; 0 = none */
	int alarm_hallway; /* ics: the alarm on hallway blocks too */
};

/* SPEC §5 text: per-day blocks, summary against the caps, watch-later. */
int pp_write_text(FILE *fp, const struct pp_plan *pl,
    const struct pp_write_opts *o);

/*
 * A programme listing for `pyplan list`: the n selected events (borrowed),
 * grouped by day, one aligned line each (time, kind, title, speakers,
 * room), times in each event's zone or tz.
 */
int pp_write_timetable_text(FILE *fp, const struct pp_event *const *sel,
    size_t n, const char *tz, int color);

#endif
