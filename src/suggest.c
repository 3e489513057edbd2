/* SPDX-License-Identifier: ISC */
/*
 * Edit distance and the closest known name, for "did you mean" hints.
 */
#include <string.h>

#include "pyplan/suggest.h"

/* Longest string compared: the table is on the stack. */
#define MAXLEN 200

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
pp_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), i, j, best;
	/* Three rows of the dynamic programme: i - 2, i - 1 and i. */
	size_t r0[MAXLEN + 1], r1[MAXLEN + 1], r2[MAXLEN + 1];
	size_t *pp = r0, *prev = r1, *cur = r2, *t;

	if (la > MAXLEN || lb > MAXLEN)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			int ca = fold((unsigned char)a[i - 1]);
			int cb = fold((unsigned char)b[j - 1]);
			size_t cost = ca != cb;

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
			    prev[j - 1] + cost);
			if (i > 1 && j > 1 &&
			    ca == fold((unsigned char)b[j - 2]) &&
			    fold((unsigned char)a[i - 2]) == cb &&
			    pp[j - 2] + 1 < cur[j])
				cur[j] = pp[j - 2] + 1;
			if (cur[j] < best)
				best = cur[j];
		}
		if (best > limit)
			return limit + 1;
		t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb] > limit ? limit + 1 : prev[lb];
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
