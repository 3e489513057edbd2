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

/*
 * Whether an ASCII byte belongs to a word (a letter or a digit): the
 * tokeniser's hot path is one load per byte.  Setting bit 0x20 lowercases
 * a letter and leaves a digit as it is.
 */
/* clang-format off */
static const unsigned char ascii_is_word[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};
/* clang-format on */

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
		*word = ascii_is_word[s[0]];
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
	return ascii_is_word[c & 0x7f] ? (unsigned char)(c | 0x20) : 0;
}

/*
 * Copies the next word of *pp (lowercased, possessive 's dropped) into buf
 * and advances *pp past it.  Returns the word's length, or 0 at the end of
 * the text.  buf must hold 2 * strlen(*pp) + 1 bytes: lowercasing a
 * character adds at most one byte to it (U+023A, 2 bytes, becomes U+2C65).
 * ASCII takes a few compares; only other bytes (and the apostrophe) are
 * classified.
 */
static size_t
next_word(const unsigned char **pp, char *buf)
{
	const unsigned char *s = *pp;
	size_t n = 0, len;
	int word, apos;
	int32_t cp;
	unsigned char l;

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
	for (;;) {
		if (*s < 0x80) {
			if ((l = ascii_word(*s)) != 0) {
				buf[n++] = (char)l;
				s++;
				continue;
			}
			if (*s != '\'')
				break; /* an ASCII separator, or the end */
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

/*
 * The stemmer interns the words it is given: each distinct word is one
 * allocation, its id (a size_t) followed by the word and its NUL, so
 * that a word's id is read from the bytes before it.  Its stem is made
 * the first time a match asks for it (most words of a programme are
 * never compared with a topic's stem: see keeps_first), and kept.
 */
struct slot {
	const char *word; /* NULL = empty slot */
	size_t len;
	uint32_t hash;
};

struct pp_stemmer {
	struct sb_stemmer *sb; /* NULL: words stay as they are */
	char lang[8];
	/* Every stem starts with its word's first byte (English). */
	int keeps_first;
	struct slot *table;
	size_t cap;   /* a power of two, or 0 */
	char **words; /* by id: the allocations */
	char **stems; /* by id: the matching form, NULL until asked */
	size_t n, ncap;
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
	/*
	 * Snowball's English stemmer only ever rewrites a word's end: its
	 * prelude's initial 'y' -> 'Y' is undone by its postlude, its
	 * exceptions ("dying" -> "die", "skies" -> "sky") keep the first
	 * letter, and every suffix it removes leaves a vowel before it.
	 * Other languages' stemmers may not (German's postlude turns 'ä'
	 * into 'a', Indonesian removes prefixes), so only English skips.
	 */
	st->keeps_first = strcmp(st->lang, "en") == 0;
	return st;
}

/* The word's allocation: its id is stored just before it. */
static size_t
word_id(const char *word)
{
	size_t id;

	memcpy(&id, word - sizeof(id), sizeof(id));
	return id;
}

void
pp_stemmer_free(struct pp_stemmer *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		if (st->stems[i] != st->words[i] + sizeof(size_t))
			free(st->stems[i]);
		free(st->words[i]);
	}
	free(st->words);
	free(st->stems);
	free(st->table);
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

/* The matching form of the interned word id (pp_stem's rule): the word
 * itself, or a new string. */
static char *
stem_word(struct pp_stemmer *st, size_t id)
{
	char *word = st->words[id] + sizeof(id);
	size_t wlen = strlen(word), slen;
	const sb_symbol *r = NULL;

	if (wlen <= (size_t)INT32_MAX)
		r = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)wlen);
	if (r == NULL)
		return word;
	slen = (size_t)sb_stemmer_length(st->sb);
	if ((slen == wlen && memcmp(r, word, wlen) == 0) ||
	    (nchars((const char *)r, slen) < 3 && slen != wlen &&
	        !(slen + 1 == wlen && word[wlen - 1] == 's' &&
	            memcmp(r, word, slen) == 0)))
		return word;
	return pp_xstrndup((const char *)r, slen);
}

static void
table_grow(struct pp_stemmer *st)
{
	size_t cap = st->cap == 0 ? 256 : st->cap * 2, i, j;
	struct slot *t = pp_xcalloc(cap, sizeof(*t));

	for (i = 0; i < st->cap; i++) {
		if (st->table[i].word == NULL)
			continue;
		j = st->table[i].hash & (cap - 1);
		while (t[j].word != NULL)
			j = (j + 1) & (cap - 1);
		t[j] = st->table[i];
	}
	free(st->table);
	st->table = t;
	st->cap = cap;
}

/*
 * The interned copy of the n-byte word (n > 0, word[n] == '\0'), made the
 * first time.  It lives as long as st: the table moves when it grows, the
 * words do not.
 */
static const char *
intern(struct pp_stemmer *st, const char *word, size_t n)
{
	uint32_t h = (uint32_t)pp_fnv1a(PP_FNV1A_INIT, word, n);
	size_t i, id;
	char *e;

	if (st->cap > 0) {
		for (i = h & (st->cap - 1); st->table[i].word != NULL;
		     i = (i + 1) & (st->cap - 1))
			if (st->table[i].hash == h && st->table[i].len == n &&
			    memcmp(st->table[i].word, word, n) == 0)
				return st->table[i].word;
	}
	if ((st->n + 1) * 2 > st->cap)
		table_grow(st);
	if (st->n == st->ncap) {
		st->words = pp_xgrowarray(st->words, &st->ncap, st->n + 1,
		    sizeof(*st->words));
		st->stems =
		    pp_xreallocarray(st->stems, st->ncap, sizeof(*st->stems));
	}
	id = st->n;
	e = pp_xmalloc(sizeof(id) + n + 1);
	memcpy(e, &id, sizeof(id));
	memcpy(e + sizeof(id), word, n + 1);
	st->words[st->n] = e;
	st->stems[st->n++] = NULL;
	i = h & (st->cap - 1);
	while (st->table[i].word != NULL)
		i = (i + 1) & (st->cap - 1);
	st->table[i].word = e + sizeof(id);
	st->table[i].len = n;
	st->table[i].hash = h;
	return e + sizeof(id);
}

/* The matching form of an interned word, stemmed the first time. */
static const char *
interned_form(struct pp_stemmer *st, const char *w)
{
	size_t id = word_id(w);

	if (st->stems[id] == NULL)
		st->stems[id] = stem_word(st, id);
	return st->stems[id];
}

const char *
pp_stem(struct pp_stemmer *st, const char *word)
{
	if (st == NULL || st->sb == NULL || *word == '\0')
		return word;
	return interned_form(st, intern(st, word, strlen(word)));
}

/* Whether a word cut with st (NULL: not stemmed) has its matching
 * form's first byte: then a word whose first byte differs from a form's
 * is no match without being stemmed. */
static int
first_decides(const struct pp_stemmer *st)
{
	return st == NULL || st->keeps_first;
}

/* The matching form of w, a word of a text cut with st (see
 * pp_words_add). */
static const char *
form(struct pp_stemmer *st, const char *w)
{
	if (st == NULL || *w == '\0')
		return w;
	return st->keeps_first ? pp_stem(st, w) : interned_form(st, w);
}

void
pp_words_add(struct pp_words *ws, const char *text, struct pp_stemmer *st)
{
	const unsigned char *s;
	char *buf = NULL, *block = NULL;
	size_t len, max, n0 = ws->n, used = 0, wl;

	if (text == NULL || *text == '\0')
		return;
	if (ws->n == 0)
		ws->st = st != NULL && st->sb != NULL ? st : NULL;
	st = ws->st; /* one stemmer for all of ws's words */
	free(ws->f); /* the forms, if fixed, are found again */
	ws->f = NULL;
	len = strlen(text);
	/*
	 * Room for the most words the text can hold (a word and a separator
	 * take two bytes) plus the separator between texts, the empty
	 * string.  Where a word's first byte decides most non-matches
	 * (keeps_first, no stemmer), the words go into one block per text,
	 * which next_word fills in place: a word of k source bytes takes at
	 * most 2k + 1 (lowercasing, its NUL), so 3 * len + 1 bytes hold them
	 * all, after the block's own empty string; a word is looked up in
	 * the stemmer only when a match needs its stem.  In other languages
	 * every compared word needs its stem, so the stemmer interns each
	 * word as it is cut and its stem is found by the word's id.
	 */
	max = ws->n + 1 + (len + 1) / 2;
	ws->w = pp_xreallocarray(ws->w, max, sizeof(*ws->w));
	if (!first_decides(st))
		buf = pp_xmalloc(2 * len + 1);
	else {
		block = pp_xmalloc(3 * len + 2);
		block[used++] = '\0';
	}
	if (ws->n > 0)
		ws->w[ws->n++] = block != NULL ? block : ""; /* the separator */
	s = (const unsigned char *)text;
	if (block != NULL)
		while ((wl = next_word(&s, block + used)) > 0) {
			ws->w[ws->n++] = block + used;
			used += wl + 1;
		}
	else
		while ((wl = next_word(&s, buf)) > 0)
			ws->w[ws->n++] = intern(st, buf, wl);
	free(buf);
	if (n0 > 0 && ws->n == n0 + 1)
		ws->n = n0; /* no words: no separator either */
	if (ws->n > n0 && block != NULL) {
		ws->blocks = pp_xreallocarray(ws->blocks, ws->nblocks + 1,
		    sizeof(*ws->blocks));
		ws->blocks[ws->nblocks++] = block;
	} else
		free(block);
	if (ws->n == 0)
		ws->st = NULL;
	ws->w = pp_xreallocarray(ws->w, ws->n > 0 ? ws->n : 1, sizeof(*ws->w));
}

const char *
pp_words_at(const struct pp_words *ws, size_t i)
{
	return form(ws->st, ws->w[i]);
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
	ws->st = NULL;
	free(ws->f);
	ws->f = NULL;
}

size_t
pp_words_len(const struct pp_words *ws)
{
	size_t i, n = 0;

	for (i = 0; i < ws->n; i++)
		n += ws->w[i][0] != '\0';
	return n;
}

/* 1 if word w of a text cut with st has the matching form p. */
static int
same(struct pp_stemmer *st, const char *w, const char *p)
{
	if (w[0] != p[0] && first_decides(st))
		return 0;
	return strcmp(form(st, w), p) == 0;
}

/* The matching form of word j of phrase ph (pp_words_fix made them). */
static const char *
phrase_form(const struct pp_words *ph, size_t j)
{
	return ph->f != NULL ? ph->f[j] : form(ph->st, ph->w[j]);
}

void
pp_words_fix(struct pp_words *ws)
{
	size_t i;

	if (ws->f != NULL || ws->n == 0)
		return;
	ws->f = pp_xcalloc(ws->n, sizeof(*ws->f));
	for (i = 0; i < ws->n; i++)
		ws->f[i] = form(ws->st, ws->w[i]);
}

/* Phrases at once on the stack; more take one allocation. */
#define COUNT_STACK 32

void
pp_words_count_each(const struct pp_words *ws,
    const struct pp_words *const *phrases, size_t n, size_t *counts)
{
	size_t head[256], stack[2 * COUNT_STACK], *next, *from, i, j, k;
	int first = first_decides(ws->st);
	unsigned char c;

	/*
	 * One pass over ws whatever n is: the phrases are listed by the
	 * first byte of their first word's matching form, and a word meets
	 * only the phrases of its own first byte (of the word where that is
	 * the form's, else of its form).  A phrase counts an occurrence at
	 * word i only from from[k] on, the word after its last occurrence:
	 * leftmost occurrences, none overlapping, as a scan per phrase.
	 */
	memset(counts, 0, n * sizeof(*counts));
	if (n == 0 || ws->n == 0)
		return;
	next = n <= COUNT_STACK ? stack : pp_xcalloc(2 * n, sizeof(*next));
	from = next + n;
	for (i = 0; i < 256; i++)
		head[i] = SIZE_MAX;
	for (k = n; k-- > 0;) {
		from[k] = 0;
		if (phrases[k]->n == 0 || phrases[k]->n > ws->n)
			continue;
		c = (unsigned char)phrase_form(phrases[k], 0)[0];
		next[k] = head[c];
		head[c] = k;
	}
	for (i = 0; i < ws->n; i++) {
		const char *fw = first ? NULL : form(ws->st, ws->w[i]);

		c = (unsigned char)(fw != NULL ? fw[0] : ws->w[i][0]);
		for (k = head[c]; k != SIZE_MAX; k = next[k]) {
			const struct pp_words *ph = phrases[k];

			if (i < from[k] || i + ph->n > ws->n)
				continue;
			if (fw == NULL) /* the word's form, once */
				fw = form(ws->st, ws->w[i]);
			if (strcmp(fw, phrase_form(ph, 0)) != 0)
				continue;
			for (j = 1; j < ph->n; j++)
				if (!same(ws->st, ws->w[i + j],
				        phrase_form(ph, j)))
					break;
			if (j == ph->n) {
				counts[k]++;
				from[k] = i + ph->n;
			}
		}
	}
	if (next != stack)
		free(next);
}

size_t
pp_words_count(const struct pp_words *ws, const struct pp_words *phrase)
{
	size_t n;

	pp_words_count_each(ws, &phrase, 1, &n);
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
