/* SPDX-License-Identifier: ISC */
/*
 * Text for a terminal: the one sanitiser every byte meant for a terminal
 * goes through (diagnostics, the text writers, check and explain), line
 * wrapping by display columns, and the width of the terminal.
 *
 * The sanitiser keeps well-formed UTF-8 text as it is and replaces what a
 * terminal would act on instead of showing:
 *   - tab, newline, carriage return, vertical tab, form feed and U+2028,
 *     U+2029 become a space (a newline is kept with PP_TERM_NEWLINES);
 *   - every other C0 control (ESC, BEL, ...), DEL, the C1 controls
 *     U+0080..U+009F, and the bidirectional embeddings, overrides and
 *     isolates U+202A..U+202E, U+2066..U+2069 (which reorder what follows,
 *     "Trojan Source") become U+FFFD;
 *   - the bidirectional marks U+200E, U+200F, U+061C are dropped;
 *   - each byte that is not part of well-formed UTF-8 becomes U+FFFD (a
 *     lone 0x9B is CSI to some terminals).
 * The result's display width is what pp_utf8_width says of it.
 */
#ifndef PYPLAN_TERM_H
#define PYPLAN_TERM_H

#include <stddef.h>
#include <stdio.h>

/* Keep newlines (a block of lines) instead of turning them into spaces. */
#define PP_TERM_NEWLINES 1u

/* Returns a sanitised heap copy of s (NULL reads as ""); the caller frees. */
char *pp_term_clean(const char *s, unsigned flags);

/* Writes s sanitised to fp without allocating (for the error path);
 * NULL writes nothing. */
void pp_term_fputs(const char *s, FILE *fp, unsigned flags);

/*
 * Writes the sanitised one-line text s followed by a newline, wrapped so
 * that no line is wider than width display columns (0: no limit):
 * lines break after the last blank that fits, or inside a word longer
 * than the line; continuation lines start with indent blanks (fewer when
 * that would leave less than 16 columns).  Blanks at the end of a line are
 * dropped.  When sgr is not NULL every line starts with it and ends with
 * "\033[0m".
 */
void pp_term_put_line(FILE *fp, const char *s, size_t width, size_t indent,
    const char *sgr);

/*
 * Writes the text block s (lines separated by newlines) sanitised, each
 * line wrapped to width as pp_term_put_line does, continuation lines
 * indented two columns more than the line's own leading blanks.
 */
void pp_term_put_block(FILE *fp, const char *s, size_t width);

/*
 * The width to lay text out in for output on fd: the terminal's columns
 * (TIOCGWINSZ), else $COLUMNS when it is a positive number, else 80, when
 * fd is a terminal; 0 (no limit) when it is not.
 */
size_t pp_term_width(int fd);

#endif
