/* SPDX-License-Identifier: ISC */
/*
 * References to events: what [must], [skip], --must, --skip and explain's
 * EVENT name, resolved against the timetable.  Rules, in order; the first
 * that matches any event decides:
 *
 *   1. id: the event's id, exactly;
 *   2. title: the whole title, ignoring case;
 *   3. pattern: when the reference holds '*' or '?', the whole title
 *      against it, ignoring case, '*' standing for any run of characters
 *      and '?' for one ("Dinner (Red*", "*(Gold Team)");
 *   4. words: the reference inside the title, ignoring case, beginning and
 *      ending at word boundaries ("Rust" finds "Rust in Production", not
 *      "Trust Nothing"; "Cheeseshop" finds "Inside the Cheeseshop: How").
 *
 * Case is ignored through the Unicode layer (simple case mapping).
 */
#ifndef PYPLAN_REF_H
#define PYPLAN_REF_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/profile.h"

enum pp_ref_rule {
	PP_REF_NONE,
	PP_REF_ID,
	PP_REF_TITLE,
	PP_REF_PATTERN,
	PP_REF_WORDS
};

/* Candidates an ambiguity message lists before "... and K more". */
#define PP_REF_LIST_MAX 10

/*
 * Finds the events ref names: stores up to max timetable indices, in
 * timetable order, in idx and returns how many events the deciding rule
 * matched (0 if none); *rule (may be NULL) gets that rule.
 */
size_t pp_ref_find(const struct pp_timetable *tt, const char *ref, size_t *idx,
    size_t max, enum pp_ref_rule *rule);

/*
 * Resolves one [must] or [skip] entry (what: "must-see" or "skip", for the
 * messages) and sets flags[i] = 1 for every event it names.  An entry may
 * name several events when they share its title exactly and all is set (a
 * repeated session), or when it is a pattern.  Otherwise several matches
 * are ambiguous: an error at the entry's file:line, followed by one
 * attached note per candidate (at most PP_REF_LIST_MAX) giving its id,
 * title, day and time in zone tz.  An entry that matches nothing is an
 * error that suggests the closest title when one is close.  Returns the
 * number of events flagged (0 after an error).
 */
size_t pp_ref_resolve(const struct pp_timetable *tt, const struct pp_ref *r,
    const char *what, int all, int *flags, const char *tz, struct pp_diags *ds);

/* Appends one attached note per event of idx[0..n) (at most
 * PP_REF_LIST_MAX, then "... and K more"): "id ID: TITLE (Saturday
 * 2025-02-01 10:00-10:30)", times in zone tz.  For ambiguity messages. */
void pp_ref_list(const struct pp_timetable *tt, const size_t *idx, size_t n,
    size_t total, const char *tz, struct pp_diags *ds);

#endif
