/* SPDX-License-Identifier: ISC */
/*
 * Topic matching: a tokeniser that cuts UTF-8 text into lowercase words and
 * a small suffix-stripping English stemmer (a cut-down Porter step 1 plus
 * -ly), so that the forms people write find each other.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/match.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

/* Apostrophes that may introduce a possessive 's. */
static int
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

/*
 * Classifies the character at s: returns its length in bytes and sets
 * *word (1 if it belongs to a word) and *apos (1 if it is an apostrophe).
 */
static size_t
classify(const unsigned char *s, int *word, int *apos, int32_t *cpout)
{
	int32_t c;
	size_t len;

	*apos = 0;
	if (s[0] < 0x80) {
		*word = is_alnum(s[0]);
		*apos = s[0] == '\'';
		*cpout = s[0];
		return 1;
	}
	len = pp_utf8_decode((const char *)s, PP_UTF8_MAX, &c);
	if (len == 0) {
		/* A stray byte: kept inside the word, never split on. */
		*word = 1;
		*cpout = 0;
		return 1;
	}
	*apos = is_apostrophe(c);
	*word = !*apos && pp_utf8_is_word(c);
	*cpout = c;
	return len;
}

/* 1 if the text at s starts a word character. */
static int
starts_word(const unsigned char *s)
{
	int word, apos;
	int32_t cp;

	if (*s == '\0')
		return 0;
	classify(s, &word, &apos, &cp);
	return word;
}

/* An ASCII byte's lowercase form if it belongs to a word, else 0. */
static unsigned char
ascii_word(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
		return c;
	if (c >= 'A' && c <= 'Z')
		return (unsigned char)(c - 'A' + 'a');
	return 0;
}

/*
 * Copies the next word of *pp (lowercased, possessive 's dropped) into buf
 * and advances *pp past it.  Returns the word's length, or 0 at the end of
 * the text.  buf must hold 2 * strlen(*pp) + 1 bytes: lowercasing a
 * character adds at most one byte to it (U+023A, 2 bytes, becomes U+2C65).
 * ASCII takes a table lookup; only other bytes are decoded.
 */
static size_t
next_word(const unsigned char **pp, char *buf)
{
	const unsigned char *s = *pp;
	size_t n = 0, len;
	int word, apos;
	int32_t cp;

	/* Skip separators. */
	while (*s != '\0') {
		if (*s < 0x80) {
			if (ascii_word(*s) != 0)
				break;
			s++;
			continue;
		}
		len = classify(s, &word, &apos, &cp);
		if (word)
			break;
		s += len;
	}
	while (*s != '\0') {
		if (*s < 0x80 && ascii_word(*s) != 0) {
			buf[n++] = (char)ascii_word(*s++);
			continue;
		}
		len = classify(s, &word, &apos, &cp);
		if (apos) {
			/* "Python's" -> "python"; "don't" -> "don", "t". */
			if ((s[len] == 's' || s[len] == 'S') &&
			    !starts_word(s + len + 1))
				s += len + 1;
			break;
		}
		if (!word)
			break;
		if (cp != 0) {
			n += pp_utf8_encode(pp_utf8_lower(cp), buf + n);
		} else {
			memcpy(buf + n, s, len);
			n += len;
		}
		s += len;
	}
	buf[n] = '\0';
	*pp = s;
	return n;
}

void
pp_words_add(struct pp_words *ws, const char *text)
{
	const unsigned char *s;
	char *buf;
	size_t len, max, n0 = ws->n;

	if (text == NULL || *text == '\0')
		return;
	len = strlen(text);
	buf = pp_xmalloc(2 * len + 1);
	/*
	 * One pass: room for the most words the text can hold (a word and a
	 * separator take two bytes) plus the separator between texts, then
	 * trimmed to what was found.
	 */
	max = ws->n + 1 + (len + 1) / 2;
	ws->w = pp_xreallocarray(ws->w, max, sizeof(*ws->w));
	if (ws->n > 0)
		ws->w[ws->n++] = NULL; /* the separator, if words follow */
	s = (const unsigned char *)text;
	while (next_word(&s, buf) > 0) {
		pp_stem(buf);
		ws->w[ws->n++] = pp_xstrdup(buf);
	}
	free(buf);
	if (n0 > 0) {
		if (ws->n == n0 + 1)
			ws->n = n0; /* no words: no separator either */
		else
			ws->w[n0] = pp_xstrdup("");
	}
	ws->w = pp_xreallocarray(ws->w, ws->n > 0 ? ws->n : 1, sizeof(*ws->w));
}

void
pp_words_fini(struct pp_words *ws)
{
	size_t i;

	for (i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
	ws->w = NULL;
	ws->n = 0;
}

/* Porter's consonant test: y is a vowel after a consonant. */
static int
is_cons(const char *w, size_t i)
{
	switch (w[i]) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
		return 0;
	case 'y':
		return i == 0 ? 1 : !is_cons(w, i - 1);
	default:
		return 1;
	}
}

/* Porter's measure m of w[0..n): the number of vowel-consonant runs. */
static int
measure(const char *w, size_t n)
{
	size_t i = 0;
	int m = 0;

	while (i < n && is_cons(w, i))
		i++;
	for (;;) {
		while (i < n && !is_cons(w, i))
			i++;
		if (i >= n)
			return m;
		while (i < n && is_cons(w, i))
			i++;
		m++;
	}
}

static int
has_vowel(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_cons(w, i))
			return 1;
	return 0;
}

/* w[0..n) ends consonant-vowel-consonant, the last not w, x or y ("hop"). */
static int
ends_cvc(const char *w, size_t n)
{
	if (n < 3 || !is_cons(w, n - 1) || is_cons(w, n - 2) ||
	    !is_cons(w, n - 3))
		return 0;
	return w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y';
}

static int
ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

/*
 * Whether a final -s is part of the word: "class", "status", "analysis",
 * "axis".  Plurals of words in -i and a few in -u are let through ("apis",
 * "wikis", "gpus", "menus").
 */
static int
keeps_s(const char *w, size_t n)
{
	static const char *const u_plurals[] = {"cpus", "gpus", "tpus", "npus",
	    "menus", "gurus", "emus"};
	size_t i;
	char p = w[n - 2];

	if (p == 's')
		return 1;
	if (p == 'u') {
		for (i = 0; i < sizeof(u_plurals) / sizeof(u_plurals[0]); i++)
			if (strlen(u_plurals[i]) == n &&
			    memcmp(w, u_plurals[i], n) == 0)
				return 0;
		return 1;
	}
	if (p == 'i')
		return n >= 3 && (w[n - 3] == 's' || w[n - 3] == 'x');
	return 0;
}

void
pp_stem(char *w)
{
	size_t n = strlen(w);
	int fix = 0, m;

	if (n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		w[n -= 2] = '\0';
	if (n <= 3)
		return;

	/* Plurals. */
	if (ends(w, n, "sses"))
		n -= 2;
	else if (ends(w, n, "ies")) {
		n -= 2;
		w[n - 1] = 'y';
	} else if (w[n - 1] == 's' && !keeps_s(w, n))
		n--;

	/* -ly, only when at least four letters remain ("only", "apply"). */
	if (n >= 6 && ends(w, n, "ly"))
		n -= 2;

	/* -ied, -ing, -ed; "speed" and "need" are left alone. */
	if (n > 4 && ends(w, n, "ied")) {
		n -= 2;
		w[n - 1] = 'y';
	} else if (ends(w, n, "eed")) {
		/* nothing */
	} else if (ends(w, n, "ing") && n - 3 >= 3 && has_vowel(w, n - 3)) {
		n -= 3;
		fix = 1;
	} else if (ends(w, n, "ed") && n - 2 >= 3 && has_vowel(w, n - 2)) {
		n -= 2;
		fix = 1;
	}
	if (fix) {
		if (n >= 4 && w[n - 1] == w[n - 2] && is_cons(w, n - 1) &&
		    w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
			n--; /* running -> run */
		else if (measure(w, n) == 1 && ends_cvc(w, n))
			w[n++] = 'e'; /* coding -> code */
	}

	/*
	 * A final -e goes when the word is long enough that it cannot be
	 * confused with a shorter one: "cache", "caching" -> "cach", but
	 * "note" stays apart from "not" and "plane" from "plan".
	 */
	if (n > 3 && w[n - 1] == 'e') {
		m = measure(w, n - 1);
		if (m > 1 || (m == 1 && !ends_cvc(w, n - 1)))
			n--;
	}
	w[n] = '\0';
}

int
pp_words_match(const struct pp_words *ws, const struct pp_words *phrase)
{
	size_t i, j;

	if (phrase->n == 0 || phrase->n > ws->n)
		return 0;
	for (i = 0; i + phrase->n <= ws->n; i++) {
		if (ws->w[i][0] != phrase->w[0][0] ||
		    strcmp(ws->w[i], phrase->w[0]) != 0)
			continue;
		for (j = 1; j < phrase->n; j++)
			if (strcmp(ws->w[i + j], phrase->w[j]) != 0)
				break;
		if (j == phrase->n)
			return 1;
	}
	return 0;
}

int
pp_text_match(const char *text, const char *phrase)
{
	struct pp_words t = {NULL, 0}, p = {NULL, 0};
	int r;

	pp_words_add(&t, text);
	pp_words_add(&p, phrase);
	r = pp_words_match(&t, &p);
	pp_words_fini(&t);
	pp_words_fini(&p);
	return r;
}
