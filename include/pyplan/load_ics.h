/* SPDX-License-Identifier: ISC */
/*
 * The iCalendar (RFC 5545) reader, on libical: programme files become
 * timetable events, and a personal calendar becomes busy blocks.
 */
#ifndef PYPLAN_LOAD_ICS_H
#define PYPLAN_LOAD_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"

/* Recurrences are expanded; more occurrences than this per VEVENT is an
 * error (a COUNT=100000000 rule must not hang the loader). */
#define PP_ICS_MAX_OCCURRENCES 10000
/* Recurrence work one file may take (steps of libical's iterator, for
 * events and VTIMEZONE rules alike): this many, plus PP_ICS_STEPS_PER_KIB
 * for each KiB of the file; beyond it the file is an error.  A step costs
 * about 2 microseconds. */
#define PP_ICS_MAX_STEPS 50000
#define PP_ICS_STEPS_PER_KIB 512

/*
 * Loads an iCalendar buffer named name into tt; same contract as
 * pp_load_buffer.  Each VEVENT with DTSTART and DTEND (or DURATION)
 * becomes an event; RRULE/RDATE/EXDATE and RECURRENCE-ID overrides are
 * expanded, every occurrence of a recurring event getting the id
 * "UID/YYYYMMDDTHHMMSSZ" (its start in UTC).  Times are TZID (with the
 * file's VTIMEZONE, or an IANA name without one), UTC, or floating.
 * Floating times are read in opts->tz, else in the calendar's
 * X-WR-TIMEZONE, else in UTC; the same zone is the display zone of UTC
 * times.  The kind word is X-PYPLAN-KIND, else the first CATEGORIES
 * value that names a kind, else a "[word] Title" SUMMARY prefix (taken off
 * the title; pyplan's own files, which carry X-PYPLAN-KIND, keep SUMMARY
 * as it is); the other CATEGORIES values, and an unused prefix, are tags.
 * X-PYPLAN-SPEAKER, -TRACK, -LEVEL, -VIDEO-URL and -RECORDED fill those
 * fields.  LOCATION is split into rooms on ';' only.  Cancelled and
 * all-day events are skipped with a note; events without an end or of
 * zero length with a warning.  Malformed input is an error at the line of
 * the offending property (a bad VEVENT is skipped with a warning in
 * lenient mode).  ev->line is the line of the BEGIN:VEVENT.
 */
int pp_load_ics(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

/*
 * Reads a personal calendar for --busy: appends to tt one event per busy
 * interval that overlaps [from, to) (UTC seconds; INT64_MIN and INT64_MAX
 * leave it open), with title = SUMMARY or "busy", kind word "busy", and
 * the file and line of its BEGIN:VEVENT; the caller turns them into busy
 * blocks, and tt owns the labels.  Recurring events are expanded inside
 * the window only (PP_ICS_MAX_OCCURRENCES at most there).  Ignored
 * without a diagnostic: TRANSP:TRANSPARENT and STATUS:CANCELLED events
 * and instants (DTSTART without an end).  All-day events block whole
 * days (local midnight to midnight in the floating zone, so pass the
 * planning zone as opts->tz) unless they are transparent.  Malformed
 * events are reported as by pp_load_ics.  Returns 0, or -1 on errors.
 */
int pp_load_busy_ics(struct pp_timetable *tt, const char *name,
    const char *data, size_t len, const struct pp_load_opts *opts, int64_t from,
    int64_t to, struct pp_diags *ds);

#endif
