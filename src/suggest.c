/* SPDX-License-Identifier: ISC */
/*
 * The closest known name, for "did you mean" hints, by the edit distance
 * of the matching layer (pp_edit_distance, match.h).
 */
#include <string.h>

#include "pyplan/match.h"
#include "pyplan/suggest.h"

/* Longest word or candidate compared, in bytes. */
#define MAXLEN 200

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_prefix(const char *word, const char *s)
{
	for (; *word != '\0'; word++, s++)
		if (fold((unsigned char)*word) != fold((unsigned char)*s))
			return 0;
	return 1;
}

const char *
pp_suggest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL, *pre = NULL;
	size_t i, d, bestd = (size_t)-1, wl = strlen(word), npre = 0;

	if (wl == 0 || wl > MAXLEN)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t cl, limit;

		if (cands[i] == NULL || (cl = strlen(cands[i])) > MAXLEN)
			continue;
		limit = (cl > wl ? cl : wl) / 3;
		limit = limit < 1 ? 1 : limit > 4 ? 4 : limit;
		d = pp_edit_distance(word, cands[i], limit);
		if (d <= limit && d < bestd) {
			best = cands[i];
			bestd = d;
		}
		if (wl >= 3 && cl > wl && is_prefix(word, cands[i]) &&
		    (pre == NULL || strcmp(pre, cands[i]) != 0)) {
			pre = cands[i];
			npre++;
		}
	}
	/* A near miss (one typo) first, then a word the user cut short,
	 * then a farther miss. */
	if (best != NULL && bestd <= 1)
		return best;
	if (npre == 1)
		return pre;
	return best;
}
