/* SPDX-License-Identifier: ISC */
/*
 * Programme loading: reads a file (or stdin), detects its format from the
 * content, and appends its events to a timetable.  Loaders know nothing of
 * profiles or the solver.
 */
#ifndef PYPLAN_LOAD_H
#define PYPLAN_LOAD_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"

/* Refused before parsing: bigger inputs are an error, not a memory hog. */
#define PP_LOAD_MAX_BYTES ((size_t)256 << 20)
#define PP_LOAD_MAX_EVENTS 200000
/* Longest line of a CSV file or (unfolded) of an iCalendar file, in bytes,
 * its line end (LF or CRLF) not counted; libical's line reader is
 * quadratic in the line length. */
#define PP_LOAD_MAX_LINE ((size_t)64 << 10)

enum pp_format {
	PP_FMT_UNKNOWN,
	PP_FMT_CSV,
	PP_FMT_ICS,
	PP_FMT_XML,
	PP_FMT_JSON
};

struct pp_load_opts {
	const char *tz; /* zone for floating times; NULL = "UTC" */
	int lenient;    /* 1: bad rows are skipped with a warning each */
};

/*
 * Loads path ("-" = standard input) into tt.  Every problem is appended to
 * ds (errors in strict mode, warnings for skipped rows in lenient mode).
 * What the file declares about the whole programme goes to tt->tz (the
 * IANA zone it names, never one guessed from offsets or given by
 * opts->tz) and tt->day_change (see each loader's header); a later file
 * that declares otherwise gets a warning and changes nothing.
 * Returns 0 on success, -1 if the file could not be read (ds says why;
 * *io_error is set to 1 for a missing/unreadable file, so the CLI can exit
 * 66) or if it held errors.  path is borrowed by the diagnostics and the
 * events and must outlive them.
 */
int pp_load_file(struct pp_timetable *tt, const char *path,
    const struct pp_load_opts *opts, struct pp_diags *ds, int *io_error);

/*
 * Reads path ("-" = standard input, named "<stdin>" in *name) whole into
 * *data (NUL-terminated, the caller frees) and *len.  Returns 0, or -1
 * with an error in ds (*io_error = 1 when it cannot be opened or read).
 */
int pp_load_read(const char *path, const char **name, char **data, size_t *len,
    struct pp_diags *ds, int *io_error);

/*
 * Loads an in-memory buffer named name (used by pp_load_file and fuzzers):
 * picks the loader from the content, then applies to the events it added
 * what holds for every format: a title that says the event is cancelled
 * (pp_load_cancelled_title) makes it PP_STATUS_CANCELLED.
 */
int pp_load_buffer(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

/*
 * Checks that no line of data is longer than PP_LOAD_MAX_LINE bytes; with
 * folded = 1 (iCalendar) a line and its continuation lines count as one.
 * Returns 0, or -1 with an error naming the first such line in ds.
 */
int pp_load_check_lines(const char *name, const char *data, size_t len,
    int folded, struct pp_diags *ds);

/* One problem of the record (CSV row, feed event, VEVENT) being read. */
struct pp_load_problem {
	unsigned line, col; /* 1-based; line 0: at the record itself */
	char msg[160];
};

/*
 * The one strict/lenient policy for a bad record that starts at line:col
 * of file (col 0 when lines say enough).  Strict (opts->lenient 0, or opts
 * NULL): each of the n problems is an error, at its own place when it has
 * one, else at the record's; nothing of the record is kept.  Lenient: the
 * record is skipped with one warning at its place, "P1; P2: event
 * skipped".  Returns -1, so a caller can `return pp_load_reject(...)`.
 */
int pp_load_reject(const struct pp_load_opts *opts, struct pp_diags *ds,
    const char *file, unsigned line, unsigned col,
    const struct pp_load_problem *p, size_t n);

/* pp_load_reject for a record with one problem, given printf-style. */
int pp_load_reject1(const struct pp_load_opts *opts, struct pp_diags *ds,
    const char *file, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/*
 * Records the IANA zone a programme file declares (frab time_zone_name,
 * X-WR-TIMEZONE, a CSV timezone column that all rows agree on) as tt->tz,
 * copied.  Only a zone the file names goes there, never one guessed from
 * offsets or given by --tz.  The first file's zone stays; a later file
 * that declares another gets a warning at file:line.
 */
void pp_load_declare_zone(struct pp_timetable *tt, const char *zone,
    const char *file, unsigned line, struct pp_diags *ds);

/*
 * Records when one conference day ends and the next begins, in minutes
 * after local midnight (0..1439), as a file declares it (frab's day start
 * and end): tt->day_change.  The first file's value stays; a later file
 * with another gets a warning at file:line.
 */
void pp_load_declare_day_change(struct pp_timetable *tt, int minutes,
    const char *file, unsigned line, struct pp_diags *ds);

/*
 * Whether a title says its event is cancelled, whatever the format: a
 * leading "CANCELLED:", "Canceled -", "[CANCELLED]" or "(cancelled)", or
 * a trailing "(cancelled)", "[cancelled]" or "- cancelled", in any case,
 * the word also "abgesagt", "annul\u00e9", "cancelado" or "cancelada"; a
 * bare leading word needs its colon or dash ("Cancelled Flights" is a
 * title).  On 1, the title without the mark is title[*from, *from+*len)
 * (a wholly struck-through <s>, <del> or <strike> unwrapped; the whole
 * title when the mark is all there is).  pp_load_buffer applies it to
 * every event it loads: the title loses the mark, the status becomes
 * PP_STATUS_CANCELLED, with a note.
 */
int pp_load_cancelled_title(const char *title, size_t *from, size_t *len);

/* Guesses the format from the first bytes (BOM and blanks skipped). */
enum pp_format pp_detect_format(const char *data, size_t len);

/*
 * The CSV loader (libcsv); same contract as pp_load_buffer.  Its columns
 * and rules are documented at the top of load_csv.c.  ZONE: a timezone
 * column that every event row fills with the same zone is the zone the
 * file declares (tt->tz); it declares no day change.
 */
int pp_load_csv(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

#endif
