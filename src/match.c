/* SPDX-License-Identifier: ISC */
/*
 * Topic matching: a tokeniser that cuts UTF-8 text into lowercase words
 * (through the Unicode layer), Snowball stemmers from libstemmer with a
 * cache of the words each has stemmed, phrase counting, and the edit
 * distance behind "did you mean".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "pyplan/hash.h"
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

/* One cached word: "word\0stem\0" in one allocation. */
struct centry {
	char *word; /* NULL = empty slot */
	const char *stem;
	uint32_t hash;
};

struct pp_stemmer {
	struct sb_stemmer *sb; /* NULL: words stay as they are */
	char lang[8];
	struct centry *cache;
	size_t ncache, cap; /* cap is a power of two or 0 */
};

/* The languages are those libstemmer knows by their ISO 639-1 code; it
 * answers NULL for any other name, and then English is used. */
struct pp_stemmer *
pp_stemmer_new(const char *lang)
{
	struct pp_stemmer *st = pp_xcalloc(1, sizeof(*st));
	size_t n = lang != NULL ? strcspn(lang, ",") : 0, i;
	int code = n == 2 || n == 3;
	char first[4];

	for (i = 0; code && i < n; i++)
		code = lang[i] >= 'a' && lang[i] <= 'z';
	if (code) {
		memcpy(first, lang, n);
		first[n] = '\0';
		st->sb = sb_stemmer_new(first, "UTF_8");
	}
	if (st->sb != NULL)
		memcpy(st->lang, first, n + 1);
	else {
		st->sb = sb_stemmer_new("english", "UTF_8");
		memcpy(st->lang, "en", 3);
	}
	return st;
}

void
pp_stemmer_free(struct pp_stemmer *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->cap; i++)
		free(st->cache[i].word);
	free(st->cache);
	sb_stemmer_delete(st->sb);
	free(st);
}

const char *
pp_stemmer_lang(const struct pp_stemmer *st)
{
	return st->lang;
}

/* Characters in s[0..n): bytes that do not continue a UTF-8 sequence. */
static size_t
nchars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The matching form of word (pp_stem's rule) as a new cache entry. */
static char *
stem_entry(struct pp_stemmer *st, const char *word, const char **stem)
{
	size_t wlen = strlen(word), slen;
	const sb_symbol *r = NULL;
	char *e;

	if (wlen <= (size_t)INT32_MAX)
		r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)wlen);
	slen = r != NULL ? (size_t)sb_stemmer_length(st->sb) : wlen;
	if (r == NULL ||
	    (nchars((const char *)r, slen) < 3 && slen != wlen &&
	        !(slen + 1 == wlen && word[wlen - 1] == 's' &&
	            memcmp(r, word, slen) == 0))) {
		r = (const sb_symbol *)word;
		slen = wlen;
	}
	e = pp_xmalloc(wlen + slen + 2);
	memcpy(e, word, wlen + 1);
	memcpy(e + wlen + 1, r, slen);
	e[wlen + 1 + slen] = '\0';
	*stem = e + wlen + 1;
	return e;
}

static void
cache_grow(struct pp_stemmer *st)
{
	size_t cap = st->cap == 0 ? 256 : st->cap * 2, i, j;
	struct centry *c = pp_xcalloc(cap, sizeof(*c));

	for (i = 0; i < st->cap; i++) {
		if (st->cache[i].word == NULL)
			continue;
		j = st->cache[i].hash & (cap - 1);
		while (c[j].word != NULL)
			j = (j + 1) & (cap - 1);
		c[j] = st->cache[i];
	}
	free(st->cache);
	st->cache = c;
	st->cap = cap;
}

const char *
pp_stem(struct pp_stemmer *st, const char *word)
{
	uint32_t h;
	size_t i;

	if (st == NULL || st->sb == NULL || *word == '\0')
		return word;
	h = (uint32_t)pp_fnv1a_str(word);
	if (st->cap > 0) {
		for (i = h & (st->cap - 1); st->cache[i].word != NULL;
		     i = (i + 1) & (st->cap - 1))
			if (st->cache[i].hash == h &&
			    strcmp(st->cache[i].word, word) == 0)
				return st->cache[i].stem;
	}
	if ((st->ncache + 1) * 2 > st->cap)
		cache_grow(st);
	i = h & (st->cap - 1);
	while (st->cache[i].word != NULL)
		i = (i + 1) & (st->cap - 1);
	st->cache[i].word = stem_entry(st, word, &st->cache[i].stem);
	st->cache[i].hash = h;
	st->ncache++;
	return st->cache[i].stem;
}

void
pp_words_add(struct pp_words *ws, const char *text, struct pp_stemmer *st)
{
	const unsigned char *s;
	char *buf, *block = NULL;
	const char *stem;
	size_t len, max, n0 = ws->n, used = 0, cap = 0, k, *off;

	if (text == NULL || *text == '\0')
		return;
	len = strlen(text);
	buf = pp_xmalloc(2 * len + 1);
	/*
	 * One pass: room for the most words the text can hold (a word and a
	 * separator take two bytes) plus the separator between texts.  The
	 * words go into one block per text, at offsets until the block has
	 * its final address; the separator is its first, empty, string.
	 */
	max = ws->n + 1 + (len + 1) / 2;
	ws->w = pp_xreallocarray(ws->w, max, sizeof(*ws->w));
	off = pp_xcalloc(max - ws->n + 1, sizeof(*off));
	block = pp_xgrowarray(block, &cap, 1, 1);
	block[used++] = '\0';
	if (ws->n > 0)
		off[ws->n++ - n0] = 0; /* the separator, if words follow */
	s = (const unsigned char *)text;
	while (next_word(&s, buf) > 0) {
		stem = pp_stem(st, buf);
		k = strlen(stem) + 1;
		block = pp_xgrowarray(block, &cap, used + k, 1);
		memcpy(block + used, stem, k);
		off[ws->n++ - n0] = used;
		used += k;
	}
	free(buf);
	if (n0 > 0 && ws->n == n0 + 1)
		ws->n = n0; /* no words: no separator either */
	if (ws->n > n0) {
		for (k = n0; k < ws->n; k++)
			ws->w[k] = block + off[k - n0];
		ws->blocks = pp_xreallocarray(ws->blocks, ws->nblocks + 1,
		    sizeof(*ws->blocks));
		ws->blocks[ws->nblocks++] = block;
	} else
		free(block);
	free(off);
	ws->w = pp_xreallocarray(ws->w, ws->n > 0 ? ws->n : 1, sizeof(*ws->w));
}

void
pp_words_fini(struct pp_words *ws)
{
	size_t i;

	for (i = 0; i < ws->nblocks; i++)
		free(ws->blocks[i]);
	free(ws->blocks);
	free(ws->w);
	ws->w = NULL;
	ws->n = 0;
	ws->blocks = NULL;
	ws->nblocks = 0;
}

size_t
pp_words_len(const struct pp_words *ws)
{
	size_t i, n = 0;

	for (i = 0; i < ws->n; i++)
		n += ws->w[i][0] != '\0';
	return n;
}

size_t
pp_words_count(const struct pp_words *ws, const struct pp_words *phrase)
{
	size_t i, j, n = 0;

	if (phrase->n == 0 || phrase->n > ws->n)
		return 0;
	for (i = 0; i + phrase->n <= ws->n;) {
		if (ws->w[i][0] != phrase->w[0][0] ||
		    strcmp(ws->w[i], phrase->w[0]) != 0) {
			i++;
			continue;
		}
		for (j = 1; j < phrase->n; j++)
			if (strcmp(ws->w[i + j], phrase->w[j]) != 0)
				break;
		if (j == phrase->n) {
			n++;
			i += phrase->n;
		} else
			i++;
	}
	return n;
}

int
pp_words_match(const struct pp_words *ws, const struct pp_words *phrase)
{
	return pp_words_count(ws, phrase) > 0;
}

int
pp_text_match(const char *text, const char *phrase)
{
	struct pp_words t = PP_WORDS_INIT, p = PP_WORDS_INIT;
	struct pp_stemmer *st = pp_stemmer_new("en");
	int r;

	pp_words_add(&t, text, st);
	pp_words_add(&p, phrase, st);
	r = pp_words_match(&t, &p);
	pp_words_fini(&t);
	pp_words_fini(&p);
	pp_stemmer_free(st);
	return r;
}

/* Longest string pp_edit_distance compares, in code points. */
#define EDIT_MAX 255

/* Decodes s into lowercase code points; returns the count, or
 * EDIT_MAX + 1 when s is longer.  Stray bytes count as themselves. */
static size_t
lower_cps(const char *s, int32_t *cp)
{
	size_t n = 0, len = strlen(s), i = 0, k;

	while (i < len) {
		if (n == EDIT_MAX)
			return EDIT_MAX + 1;
		k = pp_utf8_decode(s + i, len - i, &cp[n]);
		if (k == 0) {
			cp[n] = -(int32_t)(unsigned char)s[i];
			k = 1;
		} else
			cp[n] = pp_utf8_lower(cp[n]);
		n++;
		i += k;
	}
	return n;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
pp_edit_distance(const char *a, const char *b, size_t max)
{
	int32_t x[EDIT_MAX], y[EDIT_MAX];
	size_t n = lower_cps(a, x), m = lower_cps(b, y), i, j, best;
	/* Three rows of the dynamic programme: i-2, i-1 and i. */
	size_t rows[3][EDIT_MAX + 1], *pp, *p, *c;

	if (n > EDIT_MAX || m > EDIT_MAX)
		return max + 1;
	if ((n > m ? n - m : m - n) > max)
		return max + 1;
	/* Row i lives in rows[i % 3]. */
	for (j = 0; j <= m; j++)
		rows[0][j] = j;
	for (i = 1; i <= n; i++) {
		c = rows[i % 3];
		p = rows[(i + 2) % 3];
		pp = rows[(i + 1) % 3];
		c[0] = i;
		best = c[0];
		for (j = 1; j <= m; j++) {
			size_t cost = x[i - 1] != y[j - 1];

			c[j] = min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
			if (c[j] < best)
				best = c[j];
		}
		if (best > max)
			return max + 1;
	}
	return rows[n % 3][m] > max ? max + 1 : rows[n % 3][m];
}
