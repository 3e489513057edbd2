/* SPDX-License-Identifier: ISC */
/*
 * Reading a plan back: a plan pyplan wrote as JSON (`build -f json`), CSV
 * or TSV (`build -f csv|tsv`), possibly edited by hand, as `diff --plan`,
 * `now --plan` and `build --pins` take it.  Only what those need is read:
 * each item's id, title, times, room, kind, must-see flag and pin.
 */
#ifndef PYPLAN_LOAD_PLAN_H
#define PYPLAN_LOAD_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"

/* What the user wants done with a row of an edited plan (--pins). */
enum pp_pin {
	PP_PIN_KEEP, /* the row is there: plan it (must-see) */
	PP_PIN_DROP  /* marked "drop": do not plan it (skip) */
};

/* One planned item.  Strings are owned by the plan file, never NULL. */
struct pp_plan_row {
	char *id;           /* the item id ("" when the row has none) */
	char *title;        /* "" when the row has none */
	char *kind;         /* canonical kind name, "" if unknown */
	char *room;         /* "" if none */
	int64_t start, end; /* UTC seconds; has_time 0 when the row has none */
	int has_time;
	int synthesized; /* a hallway or lunch block pyplan made up */
	int must;
	enum pp_pin pin;
	unsigned line; /* where the row is, 1-based (JSON: the item's line) */
	char *uid;     /* JSON: the item's calendar UID, "" when not given */
	int sequence;  /* JSON: the item's calendar SEQUENCE, 0 if not given */
};

struct pp_plan_file {
	const char *path;         /* borrowed: the caller's name */
	struct pp_plan_row *rows; /* n rows in file order */
	size_t n, cap;
	int room_change; /* room_change_minutes of a JSON plan, -1 if absent */
	char *tz;        /* the plan's zone (JSON), NULL if it does not say */
};

/*
 * Reads the plan at path ("-" = standard input) into pf (which the
 * caller frees with pp_plan_file_fini, also after a failure).  The format
 * is taken from the content: JSON when it starts with '{', else CSV, or
 * TSV when the header row holds a tab.  CSV and TSV columns are found by
 * name, ignoring case (date, start, end, kind, title, room, must, id, pin,
 * status; others are ignored), so columns may be removed or reordered; a
 * row needs an id or a title; a row whose status is "dropped" (what a
 * replanned plan dropped) is passed over.  CSV and TSV times are local to zone
 * (the plan file does not say its zone; NULL = UTC); JSON times carry their
 * offset. A JSON item's "uid" and "sequence" (what build -f json writes) are
 * kept for calendar updates (--from).
 * A row says "drop" (or "skip") in a pin column, or in the must column,
 * to be dropped; "", "keep", "must", "yes" and "no" keep it; any other
 * pin is an error.  A JSON item may carry "pin": "drop" likewise.
 * Every problem goes to ds with path and line.  Returns 0, or -1 (with
 * *io_error = 1 when the file cannot be opened or read).  path is
 * borrowed by pf and the diagnostics and must outlive them.
 */
int pp_plan_file_load(struct pp_plan_file *pf, const char *path,
    const char *zone, struct pp_diags *ds, int *io_error);

/* Same, from a buffer named name. */
int pp_plan_file_parse(struct pp_plan_file *pf, const char *name,
    const char *data, size_t len, const char *zone, struct pp_diags *ds);

/* Releases pf's rows and strings; pf may be loaded again. */
void pp_plan_file_fini(struct pp_plan_file *pf);

/* Returns the row of pf with this id, or NULL (ids "" never match). */
const struct pp_plan_row *
pp_plan_file_find(const struct pp_plan_file *pf, const char *id);

#endif
