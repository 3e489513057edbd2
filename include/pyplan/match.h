/* SPDX-License-Identifier: ISC */
/*
 * Topic matching: whole words or phrases, case-insensitive, with a small
 * English stemmer so that "test", "tests" and "testing" find each other,
 * but never inside another word ("api" does not match "rapid").
 */
#ifndef PYPLAN_MATCH_H
#define PYPLAN_MATCH_H

#include <stddef.h>

/*
 * A text cut into stemmed lowercase words; owns its storage.  When texts
 * are added one after another, an empty word separates them, so that a
 * phrase never spans two texts (a title and a tag, say).
 */
struct pp_words {
	char **w;
	size_t n;
};

/*
 * Splits text into words and appends them, stemmed, to *ws, which must be
 * zeroed or previously filled; text is borrowed (NULL or "" adds nothing).
 * Word characters are ASCII letters and digits and non-ASCII letters;
 * everything else separates, including Unicode punctuation (typographic
 * quotes and dashes, non-breaking space, ellipsis), so "Machine-Learning"
 * is two words and "3.6" is "3" and "6", while "café" stays one word.
 * ASCII and the simple two-byte case pairs (Latin-1, Latin Extended-A,
 * Greek, Cyrillic) are lowercased.  A possessive 's (or ’s) is dropped;
 * any other apostrophe separates.  Invalid UTF-8 bytes are kept inside
 * words.  Free with pp_words_fini.
 */
void pp_words_add(struct pp_words *ws, const char *text);
/* Frees the words; *ws is left empty and may be filled again. */
void pp_words_fini(struct pp_words *ws);

/*
 * Stems one lowercased word in place; the result is never longer.  Words
 * of three bytes or fewer are left alone ("api", "run").  In order:
 *   possessive 's dropped;
 *   plurals: -sses -> -ss, -ies -> -y, else a final -s goes unless it ends
 *     -ss, -us or -sis/-xis ("class", "status", "analysis", "axis"; but
 *     "apis" -> "api", "gpus" -> "gpu");
 *   -ly goes when four letters remain ("quickly"; not "only", "apply");
 *   -ied -> -y; -eed is kept ("speed"); -ing, -ed go when what remains has
 *     a vowel and three letters ("string" stays), and then a doubled final
 *     consonant other than l, s, z is undone ("running" -> "run",
 *     "installed" -> "install"), or a short consonant-vowel-consonant stem
 *     gets its -e back ("coding" -> "code");
 *   a final -e goes unless the word would become another short word
 *     (Porter's measure: "cache" -> "cach", "note" stays).
 * So tests, testing, tested -> "test"; overloaded -> "overload";
 * failovers -> "failover"; caches, caching, cached -> "cach".
 */
void pp_stem(char *word);

/*
 * Returns 1 if the phrase (cut and stemmed the same way) occurs in ws as
 * consecutive words, else 0.  An empty phrase never matches.  Linear in
 * ws->n; callers matching many phrases cut each text once.
 */
int pp_words_match(const struct pp_words *ws, const struct pp_words *phrase);

/* Convenience: 1 if phrase occurs in text (both cut and stemmed). */
int pp_text_match(const char *text, const char *phrase);

#endif
