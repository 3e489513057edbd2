/* SPDX-License-Identifier: ISC */
/*
 * The iCalendar (RFC 5545) writer, on libical: a plan for importing into a
 * calendar, or a whole timetable (`pyplan convert -f ics`).
 */
#ifndef PYPLAN_WRITE_ICS_H
#define PYPLAN_WRITE_ICS_H

#include <stdint.h>
#include <stdio.h>

#include "pyplan/event.h"
#include "pyplan/solve.h"
#include "pyplan/write.h"

/*
 * Writes the plan as one VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME
 * "pyplan: <conference name or first file>") with one VEVENT per planned
 * item, synthesized hallway and lunch blocks included.  Times carry a
 * TZID in the plan's zone (pl->m->tz; UTC times when that is UTC) with a
 * VTIMEZONE whose TZID is the plain IANA name (a wall-clock time that
 * occurs twice, when clocks go back, is written in UTC instead: readers
 * disagree on which one it means).  Each UID is a hash of the
 * event id, start, end and title (of kind, start and end for synthesized
 * items) + "@pyplan", so re-importing a re-run plan updates the calendar.
 * DTSTAMP is $SOURCE_DATE_EPOCH when set, else now.  DESCRIPTION holds
 * the speakers, the reason, the abstract and the video link; CATEGORIES
 * the kind and the tags (',' ';' and '\' in a tag become blanks, as
 * libical cannot escape them there).  o->alarm_minutes > 0 adds a VALARM
 * (ACTION:DISPLAY).  Lines are CRLF and folded at 75 octets.  Returns 0,
 * or -1 if the stream reports an error.
 */
int
pp_write_ics(FILE *fp, const struct pp_plan *pl, const struct pp_write_opts *o);

/*
 * Writes the whole timetable by the same rules, each event in its own
 * zone (ev->tz, else tz, else UTC).  So that the file loads back the same
 * through pp_load_ics, DESCRIPTION is the abstract alone and X-PYPLAN-*
 * properties carry the kind word, speakers, track, level, video URL and
 * recorded flag; a cancelled event has STATUS:CANCELLED.  tz may be NULL.  Returns 0, or -1 on a stream error.
 */
int
pp_write_timetable_ics(FILE *fp, const struct pp_timetable *tt, const char *tz);

/*
 * The hash of a plan item's UID ("%016x@pyplan", PP_ICS_UID_MAX bytes
 * with the NUL): of the event's id, start, end and title for a programme
 * event, or, when id is NULL (a block pyplan made up), of the kind's name,
 * start and end.  An old plan's row gives the UID its item had.
 */
#define PP_ICS_UID_MAX 24
uint64_t pp_ics_uid_hash(const char *id, const char *kind, int64_t start,
    int64_t end, const char *title);
/* Formats h as a UID into buf. */
void pp_ics_uid_format(uint64_t h, char buf[PP_ICS_UID_MAX]);

/* The 64-bit FNV-1a hash of n bytes, continuing from h (start with
 * PP_FNV1A_INIT); UIDs are built from it. */
#define PP_FNV1A_INIT UINT64_C(0xcbf29ce484222325)
uint64_t pp_fnv1a(uint64_t h, const void *p, size_t n);

#endif
