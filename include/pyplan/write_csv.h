/* SPDX-License-Identifier: ISC */
/*
 * CSV and TSV output: the plan (`pyplan build -f csv|tsv`), one row per
 * planned item, and the programme (`pyplan convert -f csv|tsv`, `pyplan
 * list -f csv|tsv`), one row per event, for spreadsheets, cut and awk.
 */
#ifndef PYPLAN_WRITE_CSV_H
#define PYPLAN_WRITE_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "pyplan/event.h"
#include "pyplan/solve.h"

/*
 * Format (the man page's CSV OUTPUT section is a copy of this comment).
 *
 * CSV follows RFC 4180 except that rows end in LF, not CRLF, which suits
 * cut, awk and sort (every RFC 4180 reader, spreadsheets included, accepts
 * LF).  A field is quoted, with inner quotes doubled, only when it holds a
 * comma, a quote, a CR or LF, or starts or ends with a space or tab.
 *
 * TSV is one line per row with fields separated by a tab and never quoted;
 * inside a field a backslash is written as \\, a tab as \t, a newline as
 * \n and a carriage return as \r, so every row is exactly one line.
 *
 * Both start with a header row.  Lists (speakers, rooms, tags) are joined
 * with "; ".  Flags are "yes", "no", or empty for unknown.  Scores are
 * exact decimals ("2.5", "0.125", "-1").
 *
 * Formulas (OWASP "CSV injection"): a text cell (every column but date,
 * start, end, score, must, timezone and recorded) that starts with '=',
 * '+', '-', '@', a tab or a carriage return is written with a "'" before
 * it, so that a spreadsheet shows it as text instead of running it.  The
 * CSV loader removes such a "'" again, so programme round trips stay
 * exact.  PP_CSV_RAW writes every cell as it is.
 *
 * Plan columns (one row per planned item, days in order, items in time
 * order; times are local to the planning zone):
 *
 *   date,start,end,kind,class,title,speakers,room,score,must,reason,id,
 *   url,video_url,matched
 *
 * where date is YYYY-MM-DD, start and end are HH:MM, kind is the
 * canonical kind name, class is "talk" or "networking", must is yes/no,
 * id is the item id of pp_item_id ("hallway-2018-05-11-1050" for a
 * synthesized block) and matched says where the profile's terms matched,
 * best first, with their relevance (pp_score_where: "python (title,
 * track) 1.429; testing (abstract) 0.049"; empty when nothing did).
 *
 * Programme columns (one row per event; the CSV loader reads them back, so
 * CSV -> ICS -> CSV round-trips):
 *
 *   id,date,start,end,timezone,kind,title,speakers,rooms,track,tags,level,
 *   recorded,url,video_url,abstract
 *
 * date, start and end are local to the event's timezone: start and end
 * are HH:MM (HH:MM:SS when the seconds are not zero).  An event that does
 * not end on its start date has end written as an ISO 8601 date-time with
 * offset instead.  kind is the canonical kind name, except for an event of
 * no known kind, which keeps the source's own word.  A single speaker
 * whose name holds a comma gets a trailing ";" ("Smith, Jane;") so that
 * the loader does not split the name at the comma.
 */

/* Bits of the writers' mode. */
#define PP_CSV_TSV 1u /* TSV instead of CSV */
#define PP_CSV_RAW 2u /* no formula guard */

/*
 * Writes the plan pl as CSV or TSV (mode PP_CSV_TSV) to fp.  Returns 0,
 * or -1 when the stream reports an error.
 */
int pp_write_csv(FILE *fp, const struct pp_plan *pl, unsigned mode);

/*
 * Writes events of tt as CSV or TSV (mode as pp_write_csv): the nsel events of
 * sel in that order, or every event of tt in timetable order when sel is NULL.
 * Returns 0, or -1 when the stream reports an error.
 */
int pp_write_timetable_csv(FILE *fp, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel, unsigned mode);

/*
 * Writes one CSV row of the n cells (quoted by the rules above; NULL is an
 * empty cell) and its LF, for the other tables pyplan writes (demand.csv).
 * Returns 0, or -1 when the stream reports an error.
 */
int pp_write_csv_row(FILE *fp, const char *const *cells, size_t n);

#endif
