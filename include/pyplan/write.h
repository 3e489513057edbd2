/* SPDX-License-Identifier: ISC */
/*
 * Plan writers.  They read the plan (and through it the model and events)
 * and know nothing of the input format.  Each returns 0, or -1 when the
 * stream reports an error.
 */
#ifndef PYPLAN_WRITE_H
#define PYPLAN_WRITE_H

#include <stddef.h>
#include <stdio.h>

#include "pyplan/solve.h"

struct pp_prev_cal;

struct pp_write_opts {
	int color;         /* 1: ANSI colour (the CLI decides: TTY, NO_COLOR) */
	int alarm_minutes; /* ics: VALARM this many minutes before; 0 = none */
	int alarm_hallway; /* ics: the alarm on hallway blocks too */
	size_t width;      /* text: lay out to this many columns; 0 = no
	                    * limit, nothing cut (the CLI decides: the
	                    * terminal's width, --width) */
	/* ics: the calendar this plan replaces (--previous), NULL = none */
	const struct pp_prev_cal *previous;
	/* ics: mixed into every UID (a team member's name, so that the
	 * members' calendars never share a UID), NULL = none */
	const char *uid_salt;
};

/* SPEC §5 text: per-day blocks, summary against the caps, watch-later;
 * the layout rules are at the top of write_text.c. */
int pp_write_text(FILE *fp, const struct pp_plan *pl,
    const struct pp_write_opts *o);

/*
 * A programme listing for `pyplan list`: the n selected events (borrowed),
 * grouped by day, one aligned line each (time, kind, title, speakers,
 * room), times in each event's zone or tz; o's color and width apply as
 * in pp_write_text (o may be NULL: no colour, no width limit).
 */
int pp_write_timetable_text(FILE *fp, const struct pp_event *const *sel,
    size_t n, const char *tz, const struct pp_write_opts *o);

#endif
