/* SPDX-License-Identifier: ISC */
/*
 * `pyplan diff` output: the programme changes as text for people, JSON
 * (SPEC §10) and CSV/TSV, with what they mean for a plan when one is
 * given.
 *
 * Format (the man page's DIFF OUTPUT section is a copy of this comment).
 *
 * Text: a heading naming both versions and the counts, then, when a plan
 * is given, "Your plan" with one line per consequence (pp_diff_impacts:
 * "cancelled", "removed", "clash", "tight", "moved", "room",
 * "details"; lines that need action start with "!"), then the sections
 * "Added", "Cancelled or removed" and "Changed", each event as
 * "Sat 2025-02-01 10:00–10:30  ROOM  TITLE (SPEAKERS)"; a changed event
 * is followed by one indented line per field that changed, "time:",
 * "room:", "title:", "speakers:", "kind:", "status:", old → new.  Times
 * are in the display zone, else in each event's own.  With no change:
 * "No changes.".
 *
 * JSON (schema_version 1, the general rules of write_json.h):
 *
 *   schema_version, generator
 *   old, new        { name (or null), sources [files] }
 *   summary         { added, removed, changed, cancelled (changes whose
 *                     status became cancelled, also counted in changed),
 *                     unchanged }
 *   added, removed  [events as in `list -f json`]
 *   changed         [{ id (the new version's), title (the new one),
 *                      fields [of "start", "end", "room", "title",
 *                        "speakers", "kind", "status"],
 *                      old { the old value of each field in fields,
 *                            and "id" when the ids differ },
 *                      new { the new value of each field } }]
 *                   start and end are ISO 8601 with offset, room a
 *                   string or null, speakers an array, kind the canonical
 *                   name, status "confirmed" or "cancelled".
 *   plan            only with a plan: { file, impacts [{ what, id,
 *                     title, must, message, other (null, or { id, title,
 *                     start, end, room }), gap (minutes, null unless
 *                     "tight") }] }
 *
 * With a plan, added, removed, changed and summary hold only what
 * touches the plan.
 *
 * CSV/TSV (the rules of write_csv.h, the formula guard included): a
 * header row
 *
 *   change,id,title,start,end,room,field,old,new
 *
 * then one row per added event ("added"), per removed event ("removed"),
 * per changed field of a changed event ("changed", field, old and new
 * as in JSON, speakers joined with "; "), and with a plan one row per
 * impact ("impact", field = its what, new = its message); start, end and
 * room are the event's (the new version's for a change).
 */
#ifndef PYPLAN_WRITE_DIFF_H
#define PYPLAN_WRITE_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "pyplan/diff.h"
#include "pyplan/event.h"
#include "pyplan/load_plan.h"

/* Everything a diff report shows; all borrowed. */
struct pp_diff_report {
	const struct pp_diff *d;
	const struct pp_timetable *before, *after;
	const char *tz; /* display zone; NULL = each event's own */
	const struct pp_plan_file *plan; /* NULL: no plan given */
	const struct pp_impact *impacts;
	size_t nimpacts;
	long room_change; /* minutes, for the messages */
	int color;        /* text: ANSI colour */
};

/* Each returns 0, or -1 when the stream reports an error. */
int pp_write_diff_text(FILE *fp, const struct pp_diff_report *r);
int pp_write_diff_json(FILE *fp, const struct pp_diff_report *r);
/* mode: PP_CSV_TSV, PP_CSV_RAW as for pp_write_csv. */
int pp_write_diff_csv(FILE *fp, const struct pp_diff_report *r, unsigned mode);

/*
 * Returns the one-line message for an impact, as the text and JSON show
 * it ("'Rust in the kernel' (must-see) is cancelled"), in zone tz (NULL =
 * the event's own); the caller frees it.
 */
char *
pp_impact_message(const struct pp_impact *im, const char *tz, long room_change);

/* The impact's name: "removed", "cancelled", "clash", "tight", "moved",
 * "room", "details". */
const char *pp_impact_name(enum pp_impact_what w);

#endif
