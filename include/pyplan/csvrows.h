/* SPDX-License-Identifier: ISC */
/*
 * Small CSV tables that are not programmes (the attendee file of `pyplan
 * batch`, its rooms file): rows handed over one at a time with the line
 * each starts on, so that every problem can be reported as file:line.
 * libcsv does the parsing.
 */
#ifndef PYPLAN_CSVROWS_H
#define PYPLAN_CSVROWS_H

#include <stddef.h>

#include "pyplan/diag.h"

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
