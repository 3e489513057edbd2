/* SPDX-License-Identifier: ISC */
/*
 * "Did you mean": the closest of a list of known names to a word that
 * matched none of them, by edit distance (pp_edit_distance, match.h), for
 * the messages about unknown options, commands, sections, keys, kinds and
 * references.
 */
#ifndef PYPLAN_SUGGEST_H
#define PYPLAN_SUGGEST_H

#include <stddef.h>

/*
 * Returns the candidate (one of the n strings of cands, borrowed; NULL
 * entries are skipped) closest to word, or NULL when none is close: a
 * candidate at distance 1, else the one candidate word (3 bytes or more)
 * is a prefix of, else the nearest whose distance is at most a third of
 * the longer length (at most 4).  Of equally close candidates the first
 * wins.  Words or candidates longer than 200 bytes are never close.
 */
const char *pp_suggest(const char *word, const char *const *cands, size_t n);

#endif
