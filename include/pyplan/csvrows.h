/* SPDX-License-Identifier: ISC */
/*
 * CSV reading on libcsv, fed one physical line at a time so that the
 * parser's state tells on which line each row starts: the feed every CSV
 * reader shares (programmes, plans read back, the attendee and rooms
 * files of `pyplan batch`), and for small tables that are not programmes
 * rows handed over one at a time with their line, so that every problem
 * can be reported as file:line.
 */
#ifndef PYPLAN_CSVROWS_H
#define PYPLAN_CSVROWS_H

#include <stddef.h>

#include "pyplan/diag.h"

/* The checks of a CSV text before parsing: UTF-8 (else an error at the
 * line of the first bad byte, naming it) and no NUL byte.  Returns 0, or
 * -1 with the error in ds. */
int pp_csv_text_ok(const char *name, const char *data, size_t len,
    struct pp_diags *ds);

/* The length of the physical line at s, with its terminator (LF, CRLF
 * or a lone CR). */
size_t pp_csv_line_len(const char *s, size_t len);

/* A field without the blanks (space, tab, CR, LF, FF, VT) around it:
 * returns its start in s ("" for NULL) and shortens *len to match. */
const char *pp_csv_trim(const char *s, size_t *len);

/* How pp_csv_feed calls back: libcsv's field and row callbacks with
 * data, the line each row starts on in *row_line, and no more feeding
 * once *stop is set (stop may be NULL). */
struct pp_csv_feed {
	void (*field)(void *s, size_t len, void *data);
	void (*row)(int term, void *data);
	void *data;
	unsigned *row_line;
	const int *stop;
	unsigned char delim; /* 0: ',' */
};

/*
 * Parses data[0..len) (a leading UTF-8 BOM skipped) through libcsv with
 * f's callbacks, one physical line (LF, CRLF or CR) at a time.  Returns
 * 0; -1 after a libcsv error, reported at its line; or 1 when a quoted
 * field is still open at the end of the file, having swallowed every line
 * after it: its row is not delivered and the caller reports it (it knows
 * which field it was), at *row_line.
 */
int pp_csv_feed(const struct pp_csv_feed *f, const char *name, const char *data,
    size_t len, struct pp_diags *ds);

/*
 * Called once per row, the header included: line is the 1-based line the
 * row starts on, fields[0..n) its fields with surrounding blanks removed
 * (borrowed: valid during the call only).  Returns 0 to go on, -1 to
 * stop reading.
 */
typedef int (*pp_csvrows_fn)(void *ctx, unsigned line,
    const char *const *fields, size_t n);

/*
 * Parses data[0..len) (RFC 4180, comma-separated, CRLF or LF; a leading
 * UTF-8 BOM is skipped, blank lines are skipped) and calls fn for each
 * row.  The text must be UTF-8 without NUL bytes.  name is borrowed by the
 * diagnostics.  Returns 0, or -1 with an error in ds (not UTF-8, a NUL
 * byte, a quote that never closes, a parse error) or when fn stopped.
 */
int pp_csvrows_parse(const char *name, const char *data, size_t len,
    pp_csvrows_fn fn, void *ctx, struct pp_diags *ds);

/*
 * Reads path ("-": standard input) with pp_load_read and parses it as
 * above.  *name is set to the name the diagnostics give it (path, or
 * "<stdin>"), as soon as the file is open, so that fn may use it.
 * Returns 0, or -1 (*io_error = 1 when the file cannot be read; may be
 * NULL).
 */
int pp_csvrows_read(const char *path, const char **name, pp_csvrows_fn fn,
    void *ctx, struct pp_diags *ds, int *io_error);

#endif
