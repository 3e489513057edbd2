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
 * expanded on the wall clock of DTSTART, every occurrence of a recurring
 * event getting the id "UID/YYYYMMDDTHHMMSSZ" (its start in UTC).  Times
 * are TZID, UTC or floating.  A TZID is an IANA zone (also after a
 * "/vendor/.../" prefix, or by its VTIMEZONE's X-LIC-LOCATION) or a
 * Windows zone name (pp_tz_windows), whose rules come from the zone
 * database (the file's VTIMEZONE is checked against them: a warning when
 * it differs), else the offsets of the file's VTIMEZONE of that TZID
 * (a warning: shown in the floating zone).  Wall-clock times the clocks
 * skip or repeat are read by pp_tz_resolve (RFC 5545); a skipped one as
 * written is a warning.  Floating times are read in opts->tz, else in
 * the calendar's X-WR-TIMEZONE (IANA or Windows name), else in UTC; the
 * same zone is the display zone of UTC times.  tt->tz, when no earlier
 * file set it, becomes the zone the programme declares: its
 * X-WR-TIMEZONE, else the one zone of all its TZID times, else, for UTC
 * times only, the one zone its VTIMEZONEs name.  The kind word is
 * X-PYPLAN-KIND, else the first CATEGORIES value that names a kind, else
 * a "[word] Title" SUMMARY prefix (taken off the title; pyplan's own
 * files, which carry X-PYPLAN-KIND, keep SUMMARY as it is); the other
 * CATEGORIES values, and an unused prefix, are tags.  X-PYPLAN-SPEAKER,
 * -TRACK, -LEVEL, -VIDEO-URL and -RECORDED fill those fields.  LOCATION
 * is split into rooms on ';' only.  STATUS:CANCELLED events are kept with
 * status PP_STATUS_CANCELLED.  All-day events are skipped with a note;
 * events without an end or of zero length with a warning.  Malformed
 * input is an error at the line of the offending property (a bad VEVENT
 * is skipped with a warning in lenient mode).  ev->line is the line of
 * the BEGIN:VEVENT.  The recurrence work of one buffer is bounded by
 * PP_ICS_MAX_STEPS and PP_ICS_STEPS_PER_KIB.
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
