/* SPDX-License-Identifier: ISC */
/*
 * Diagnostics: library modules never print; they append problems to a
 * caller-owned list so that a loader can report every problem of a file in
 * one run.  Only the CLI prints them, as "pyplan: FILE:LINE: LEVEL: msg".
 *
 * The list is bounded: it keeps the first PP_DIAGS_KEEP diagnostics of
 * each level and only counts the rest, so that a file of millions of bad
 * lines costs a counter, not memory (the printout ends "... and K more").
 */
#ifndef PYPLAN_DIAG_H
#define PYPLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum pp_level { PP_NOTE, PP_WARNING, PP_ERROR };

/* Diagnostics kept per level; later ones are counted, not stored. */
#define PP_DIAGS_KEEP 1000

struct pp_diag {
	const char *file;   /* borrowed: must outlive the list; NULL = none */
	unsigned line, col; /* 1-based; 0 = not applicable */
	enum pp_level level;
	int attached;  /* a note belonging to the previous diagnostic */
	char msg[512]; /* inline: the error path never allocates */
};

struct pp_diags {
	struct pp_diag *v; /* the kept diagnostics, in order */
	size_t n, cap;
	size_t nerrors, nwarnings;  /* all, kept or not */
	size_t kept[3], dropped[3]; /* per level */
	int parent_dropped;         /* the last one was not kept */
};

/* Initialises an empty list in caller storage. */
void pp_diags_init(struct pp_diags *ds);
/* Releases the list's storage; the list may be initialised again. */
void pp_diags_fini(struct pp_diags *ds);

/*
 * Appends one diagnostic (the message is truncated to fit); returns -1 so
 * call sites can `return pp_diag_add(...)`.  file is borrowed.  Past
 * PP_DIAGS_KEEP of its level it is only counted.
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
 * Appends a note that belongs to the diagnostic appended just before (one
 * line of a list it announces: the candidates of an ambiguous reference,
 * say).  It takes that diagnostic's file and line, is printed whenever
 * that one is (whatever the level filter), is dropped when that one was,
 * and is not counted.  No-op on an empty list.
 */
void pp_diag_attach(struct pp_diags *ds, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Prints every kept diagnostic at or above min, in order, as
 * "pyplan: FILE:LINE: error: message" (LINE and FILE omitted when
 * unknown), through the terminal sanitiser (pp_term_clean), then one line
 * "pyplan: ... and K more errors, J more warnings" for those not kept.
 */
void pp_diags_print(const struct pp_diags *ds, FILE *fp, enum pp_level min);

/* Moves all of src's diagnostics to the end of dst (within dst's bound);
 * src becomes empty. */
void pp_diags_move(struct pp_diags *dst, struct pp_diags *src);

#endif
