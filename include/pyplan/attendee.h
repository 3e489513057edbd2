/* SPDX-License-Identifier: ISC */
/*
 * The attendees of `pyplan batch` (SPEC §11): a CSV file with one row per
 * attendee, or a directory of profile INI files, one per attendee.  Each
 * attendee's wishes become profile settings through pp_profile_set, so
 * that every key means exactly what it means in a profile.
 *
 * Attendee file.  A header row, then one row per attendee; column names
 * are case-insensitive and '_' or ' ' may stand for '-'
 * ("Max_Talks_Per_Day").  Columns:
 *
 *   id         required, unique: the attendee's plan is DIR/ID.json
 *   name       accepted and ignored (it is written nowhere)
 *   interests  "topic=w; topic=w" -> [interests] topic = w; a topic
 *              without "=w" has weight 1
 *   speakers   "name=w; name=w"  -> [speakers] name = w (same rule)
 *   must, skip ids or titles separated by ';' -> [must] id = X, ...
 *   days       "DATE;DATE" -> [plan] days = DATE,DATE
 *   languages  "en;es" -> [plan] languages = en,es
 *   tickets    "X;Y" -> [tickets] id = X, id = Y
 *   any [plan] key of the profile (max-talks-per-day, timezone, ...)
 *              -> [plan] key = the cell
 *
 * An empty cell means the profile's default (or the base profile's value).
 * A column the profile cannot take yet (languages, tickets) is accepted in
 * the header, and a row that fills it is an error: "languages: not
 * supported yet".  An unknown or repeated column is an error naming it,
 * and the file is refused.
 *
 * Ids.  1 to PP_ATTENDEE_ID_MAX bytes of ASCII letters, digits and
 * "._@+-", starting with a letter or digit; not "demand" and not of the
 * form "demand-K-of-N" in any case (the names of the demand files).  A row
 * with a bad id, a missing id, or an id that another row also has,
 * ignoring ASCII case (every such row), is bad: reported at its line and
 * never planned.
 *
 * Directory.  Every regular file NAME.ini directly in it, in byte order of
 * the names, is the profile of attendee NAME (same id rules); other files
 * are ignored.
 */
#ifndef PYPLAN_ATTENDEE_H
#define PYPLAN_ATTENDEE_H

#include <stddef.h>
#include <time.h>

#include "pyplan/diag.h"
#include "pyplan/profile.h"

#define PP_ATTENDEE_ID_MAX 128
/* More columns than the fixed ones and every [plan] key, with room. */
#define PP_ATTENDEE_COLS_MAX 100

struct pp_attendee {
	char *id;              /* owned by the list */
	unsigned line;         /* the row's line; 0 for a profile file */
	char *path;            /* directory form: the profile file (owned by the
	                          list); NULL for a row */
	char **cells;          /* row form: one per column, "" when empty */
	struct timespec mtime; /* when its row or file last changed */
	int bad;               /* 1: refused while reading */
	struct pp_diags problems; /* why, at the row's line: kept apart so
	                             that a caller reports only the rows it
	                             plans (one shard of several) */
};

struct pp_attendees {
	const char *file; /* the attendee file or directory, borrowed */
	int dir;          /* 1: a directory of profiles */
	char **cols;      /* row form: the canonical column names */
	size_t ncols;
	struct pp_attendee *v;
	size_t n, cap;
};

/*
 * Reads the attendee file or directory path into a (zeroed by the call).
 * Problems with the whole file (cannot be read, no header, unknown or
 * repeated columns, more than PP_ATTENDEE_COLS_MAX, no id column) are errors in
 * ds and return -1
 * (*io_error = 1 when path cannot be read).  Problems of single rows (bad
 * or repeated id, more fields than the header) are errors in the row's
 * problems at its line; the row is kept with bad = 1, and 0 is returned
 * (warnings, such as a directory without profiles, go to ds).  path is
 * borrowed by a and the diagnostics and must outlive them.  Free with
 * pp_attendees_fini.
 */
int pp_attendees_read(struct pp_attendees *a, const char *path,
    struct pp_diags *ds, int *io_error);
/* The row form from data[0..len) named name (both borrowed; name must
 * outlive a and ds), as pp_attendees_read reads a file (tests, fuzzers);
 * the rows' mtime stays 0. */
int pp_attendees_parse(struct pp_attendees *a, const char *name,
    const char *data, size_t len, struct pp_diags *ds);

/* Frees what a owns; a may be read into again. */
void pp_attendees_fini(struct pp_attendees *a);

/*
 * Applies attendee i's wishes to p with pp_profile_set (a row's cells in
 * column order, as above) or pp_profile_load (a profile file).  Problems
 * are errors in ds at the row's file:line (the attendee file, borrowed) or
 * in the profile file.  Returns 0, or -1 (*io_error = 1 when a profile
 * file cannot be read).
 */
int pp_attendee_apply(const struct pp_attendees *a, size_t i,
    struct pp_profile *p, struct pp_diags *ds, int *io_error);

/* 1 if id is a valid attendee id (rules above), else 0. */
int pp_attendee_id_ok(const char *id);

#endif
