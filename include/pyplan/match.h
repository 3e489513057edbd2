/* SPDX-License-Identifier: ISC */
/*
 * Topic matching: whole words or phrases, case-insensitive, with a small
 * English stemmer so that "test", "tests" and "testing" find each other,
 * but never inside another word ("api" does not match "rapid").
 */
#ifndef PYPLAN_MATCH_H
#define PYPLAN_MATCH_H

#include <stddef.h>

/* A text cut into stemmed lowercase words; owns its storage. */
struct pp_words {
	char **w;
	size_t n;
};

/*
 * Splits text into words (letters, digits and non-ASCII bytes; everything
 * else separates), lowercases ASCII, and stems each word.  Appends to *ws,
 * which must be zeroed or previously filled.  Free with pp_words_fini.
 */
void pp_words_add(struct pp_words *ws, const char *text);
void pp_words_fini(struct pp_words *ws);

/*
 * Stems one lowercase ASCII word in place (plural -s/-es/-ies, -ing, -ed,
 * -ly; doubled final consonant undone): tests, testing, tested -> test.
 */
void pp_stem(char *word);

/* Returns 1 if the phrase (cut and stemmed the same way) occurs in ws as
 * consecutive words, else 0.  An empty phrase never matches. */
int pp_words_match(const struct pp_words *ws, const struct pp_words *phrase);

/* Convenience: 1 if phrase occurs in text (both cut and stemmed). */
int pp_text_match(const char *text, const char *phrase);

#endif
