/* SPDX-License-Identifier: ISC */
/*
 * Topic matching: whole words or phrases, case-insensitive, stemmed with
 * Snowball (libstemmer) in the text's language so that "test", "tests" and
 * "testing" find each other, but never inside another word ("api" does not
 * match "rapid").  Also the edit distance behind "did you mean".
 */
#ifndef PYPLAN_MATCH_H
#define PYPLAN_MATCH_H

#include <stddef.h>

/*
 * A Snowball stemmer for one language, with a cache of the words it has
 * stemmed (a programme repeats its words).  Not shared between threads.
 */
struct pp_stemmer;

/*
 * Returns a stemmer for lang, an ISO 639-1 code ("en", "de", "es") or a
 * list in ev->lang's form, whose first (spoken) language counts ("de,en"
 * stems German); NULL, "" or a language Snowball has no stemmer for gives
 * English.  Free with
 * pp_stemmer_free (no-op on NULL).  If libstemmer cannot allocate, the
 * stemmer leaves words as they are.
 */
struct pp_stemmer *pp_stemmer_new(const char *lang);
void pp_stemmer_free(struct pp_stemmer *st);

/* The language the stemmer stems: lang as given, or "en" on fallback. */
const char *pp_stemmer_lang(const struct pp_stemmer *st);

/*
 * Returns the matching form of one lowercased word (UTF-8, NUL-terminated):
 * Snowball's stem, except that a stem of fewer than three characters is
 * used only when it is the word itself or the word minus a final "s"
 * ("AIs" -> "ai"); otherwise the word stays whole, so that "going" (stem
 * "go") does not match the topic "Go".  The result lives as long as st
 * (st caches every word it stemmed), or is word itself.  st NULL: word.
 */
const char *pp_stem(struct pp_stemmer *st, const char *word);

/*
 * A text cut into lowercase words: w holds the words as cut (lowercased,
 * not stemmed), pp_words_at their matching form.  Words cut without a
 * stemmer are owned (one block per text added); words cut with one are
 * the stemmer's (interned, stemmed when a match first needs it), so the
 * stemmer must outlive them.  All texts added to one pp_words are cut
 * with the stemmer of the first.  When texts are added one after
 * another, an empty word separates them, so that a phrase never spans two
 * texts (two tags, say).  Start from PP_WORDS_INIT.
 */
struct pp_words {
	const char **w; /* n words: into blocks, or interned by st */
	size_t n;
	char **blocks;
	size_t nblocks;
	struct pp_stemmer *st; /* NULL: not stemmed */
	const char **f;        /* matching forms (pp_words_fix), or NULL */
};

#define PP_WORDS_INIT                                                          \
	{                                                                      \
		NULL, 0, NULL, 0, NULL, NULL                                   \
	}

/*
 * Splits text into words and appends them, stemmed by st (pp_stem; NULL:
 * not stemmed, only lowercased), to *ws, which must be PP_WORDS_INIT or
 * previously filled; text is borrowed (NULL or "" adds nothing).  Word
 * characters are those of pp_utf8_is_word (letters, marks and numbers of
 * any script); everything else separates, including Unicode punctuation
 * (typographic quotes and dashes, non-breaking space, ellipsis), so
 * "Machine-Learning" is two words and "3.6" is "3" and "6", while "café"
 * stays one word.  Words are lowercased with pp_utf8_lower.  A possessive
 * 's (or ’s) is dropped; any other apostrophe separates.  Invalid UTF-8
 * bytes are kept inside words.  Free with pp_words_fini.
 */
void pp_words_add(struct pp_words *ws, const char *text, struct pp_stemmer *st);
/* The matching form of word i of ws (its stem, or the word). */
const char *pp_words_at(const struct pp_words *ws, size_t i);

/*
 * Finds the matching form of every word of ws now and keeps them, for a
 * phrase matched against many texts; ws must not grow afterwards.
 */
void pp_words_fix(struct pp_words *ws);

/* Frees the words; *ws is left empty and may be filled again. */
void pp_words_fini(struct pp_words *ws);

/* The number of words in ws, separators not counted. */
size_t pp_words_len(const struct pp_words *ws);

/*
 * Returns how many times the phrase (cut the same way) occurs in ws as
 * consecutive words, occurrences not overlapping.  An empty phrase never
 * matches.  Linear in ws->n; callers matching many phrases cut each text
 * once.
 */
size_t pp_words_count(const struct pp_words *ws, const struct pp_words *phrase);

/* pp_words_count of each of n phrases: counts[k] for phrases[k]; one
 * pass over ws, however many phrases. */
void pp_words_count_each(const struct pp_words *ws,
    const struct pp_words *const *phrases, size_t n, size_t *counts);

/* 1 if the phrase occurs in ws (pp_words_count > 0), else 0. */
int pp_words_match(const struct pp_words *ws, const struct pp_words *phrase);

/* Convenience: 1 if phrase occurs in text, both cut and stemmed in
 * English.  Makes a stemmer for the call: loops should cut texts once. */
int pp_text_match(const char *text, const char *phrase);

/*
 * The Damerau-Levenshtein distance (optimal string alignment: insertions,
 * deletions, substitutions and swaps of two neighbours each cost 1)
 * between a and b, counted in code points after pp_utf8_lower, so case
 * never counts.  Returns max + 1 as soon as the distance is known to
 * exceed max (strings longer than 255 code points too).
 */
size_t pp_edit_distance(const char *a, const char *b, size_t max);

#endif
