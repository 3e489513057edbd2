/* SPDX-License-Identifier: ISC */
/*
 * "Did you mean": the closest of a list of known names to a word that
 * matched none of them, by edit distance, for the messages about unknown
 * options, commands, sections, keys, kinds and references.
 */
#ifndef PYPLAN_SUGGEST_H
#define PYPLAN_SUGGEST_H

#include <stddef.h>

/*
 * The optimal-string-alignment distance between a and b (insertions,
 * deletions, substitutions and swaps of two adjacent bytes, each 1),
 * ignoring ASCII case; stops counting past limit and returns limit + 1.
 */
size_t pp_edit_distance(const char *a, const char *b, size_t limit);

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
