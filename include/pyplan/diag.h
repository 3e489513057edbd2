/* SPDX-License-Identifier: ISC */
/*
 * Diagnostics: library modules never print; they append problems to a
 * caller-owned list so that a loader can report every problem of a file in
 * one run.  Only the CLI prints them, as "pyplan: FILE:LINE: LEVEL: msg".
 */
#ifndef PYPLAN_DIAG_H
#define PYPLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum pp_level { PP_NOTE, PP_WARNING, PP_ERROR };

struct pp_diag {
	const char *file;   /* borrowed: must outlive the list; NULL = none */
	unsigned line, col; /* 1-based; 0 = not applicable */
	enum pp_level level;
	char msg[256]; /* inline: the error path never allocates */
};

struct pp_diags {
	struct pp_diag *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
};

/* Initialises an empty list in caller storage. */
void pp_diags_init(struct pp_diags *ds);
/* Releases the list's storage; the list may be initialised again. */
void pp_diags_fini(struct pp_diags *ds);

/*
 * Appends one diagnostic (the message is truncated to fit); returns -1 so
 * call sites can `return pp_diag_add(...)`.  file is borrowed.
 */
int pp_diag_add(struct pp_diags *ds, enum pp_level level, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Shorthands for pp_diag_add with PP_ERROR and PP_WARNING; return -1. */
int pp_diag_err(struct pp_diags *ds, const char *file, unsigned line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int pp_diag_warn(struct pp_diags *ds, const char *file, unsigned line,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Prints every diagnostic at or above min, in order, as
 * "pyplan: FILE:LINE: error: message" (LINE and FILE omitted when unknown).
 */
void pp_diags_print(const struct pp_diags *ds, FILE *fp, enum pp_level min);

/* Moves all of src's diagnostics to the end of dst; src becomes empty. */
void pp_diags_move(struct pp_diags *dst, struct pp_diags *src);

#endif
