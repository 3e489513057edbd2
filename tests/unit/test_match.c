/* SPDX-License-Identifier: ISC */
/* Unit tests for topic matching: the tokeniser, the stemmer and phrases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/match.h"

/* The stemmer for English, made once for the table tests. */
static struct pp_stemmer *en;

static int
setup_en(void **state)
{
	(void)state;
	en = pp_stemmer_new("en");
	return en == NULL ? -1 : 0;
}

static int
teardown_en(void **state)
{
	(void)state;
	pp_stemmer_free(en);
	en = NULL;
	return 0;
}

/* Compares the matching form of word with want. */
static void
check_stem(struct pp_stemmer *st, const char *word, const char *want)
{
	const char *got = pp_stem(st, word);

	if (strcmp(got, want) != 0)
		fail_msg("stem('%s') = '%s', want '%s'", word, got, want);
}

static void
test_stem_table(void **state)
{
	/* Snowball's English (Porter2) stemmer, plus the short-stem rule. */
	static const char *const cases[][2] = {
	    /* the forms SPEC §3 names */
	    {"test", "test"},
	    {"tests", "test"},
	    {"testing", "test"},
	    {"tested", "test"},
	    {"failover", "failov"},
	    {"failovers", "failov"},
	    {"overload", "overload"},
	    {"overloaded", "overload"},
	    {"api", "api"},
	    {"apis", "api"},
	    {"run", "run"},
	    {"running", "run"},
	    {"bus", "bus"},
	    {"", ""},
	    /* plurals and endings */
	    {"libraries", "librari"},
	    {"classes", "class"},
	    {"status", "status"},
	    {"boxes", "box"},
	    {"caches", "cach"},
	    {"caching", "cach"},
	    {"cache", "cach"},
	    {"databases", "databas"},
	    {"database", "databas"},
	    {"data", "data"},
	    {"programming", "program"},
	    {"coding", "code"},
	    {"typing", "type"},
	    {"learning", "learn"},
	    {"machines", "machin"},
	    {"string", "string"},
	    {"speeds", "speed"},
	    {"notes", "note"},
	    {"not", "not"},
	    {"2018", "2018"},
	    {"cafés", "café"},
	    /* a stem under three characters only as a plural: "going" is
	     * not the language Go, "AIs" are AI */
	    {"going", "going"},
	    {"go", "go"},
	    {"goes", "goe"},
	    {"being", "being"},
	    {"ais", "ai"},
	    {"is", "is"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_stem(en, cases[i][0], cases[i][1]);
	/* The cache answers the same the second time. */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_stem(en, cases[i][0], cases[i][1]);
	check_stem(NULL, "testing", "testing");
}

static void
test_stem_languages(void **state)
{
	struct pp_stemmer *de = pp_stemmer_new("de");
	struct pp_stemmer *es = pp_stemmer_new("es");
	struct pp_stemmer *xx = pp_stemmer_new("xx");
	struct pp_stemmer *none = pp_stemmer_new(NULL);
	struct pp_stemmer *odd = pp_stemmer_new("English");
	struct pp_stemmer *list = pp_stemmer_new("de,en");

	(void)state;
	assert_string_equal(pp_stemmer_lang(de), "de");
	assert_string_equal(pp_stemmer_lang(es), "es");
	/* Unknown or missing languages, and anything that is not an ISO
	 * 639 code, fall back to English. */
	assert_string_equal(pp_stemmer_lang(xx), "en");
	assert_string_equal(pp_stemmer_lang(none), "en");
	assert_string_equal(pp_stemmer_lang(odd), "en");
	/* A list: the spoken (first) language stems. */
	assert_string_equal(pp_stemmer_lang(list), "de");
	check_stem(de, "datenbanken", "datenbank");
	check_stem(de, "datenbank", "datenbank");
	check_stem(es, "programación", "program");
	check_stem(es, "programando", "program");
	check_stem(es, "pruebas", "prueb");
	check_stem(xx, "testing", "test");
	pp_stemmer_free(de);
	pp_stemmer_free(es);
	pp_stemmer_free(xx);
	pp_stemmer_free(none);
	pp_stemmer_free(odd);
	pp_stemmer_free(list);
	pp_stemmer_free(NULL);
}

/* Cuts text and compares the words with want, separated by '|'. */
static void
check_words(const char *text, const char *want)
{
	struct pp_words ws = PP_WORDS_INIT;
	char got[512] = "";
	size_t i;

	pp_words_add(&ws, text, en);
	for (i = 0; i < ws.n; i++) {
		if (i > 0)
			strcat(got, "|");
		strcat(got, pp_words_at(&ws, i));
	}
	pp_words_fini(&ws);
	if (strcmp(got, want) != 0)
		fail_msg("words('%s') = '%s', want '%s'", text, got, want);
}

static void
test_words(void **state)
{
	(void)state;
	check_words("Python 3.6 in production", "python|3|6|in|product");
	check_words("Machine-Learning at scale", "machin|learn|at|scale");
	check_words("TESTS, tests; Testing!", "test|test|test");
	check_words("", "");
	check_words("  -- ... ", "");
	check_words("C++ & C#", "c|c");
	/* Unicode: letters stay in words, punctuation separates. */
	check_words("café CAFÉ", "café|café");
	check_words("Łukasz ŁUKASZ łukasz", "łukasz|łukasz|łukasz");
	check_words("ΑΒΓ Привет", "αβγ|привет");
	check_words("\xE2\x80\x9Ctesting\xE2\x80\x9D \xE2\x80\x94 "
	            "more\xE2\x80\xA6",
	    "test|more");
	check_words("big\xC2\xA0"
	            "data",
	    "big|data");
	check_words("4\xC3\x97"
	            "4",
	    "4|4");
	check_words("\xE6\x97\xA5\xE6\x9C\xAC\xE3\x80\x81\xE8\xAA\x9E",
	    "\xE6\x97\xA5\xE6\x9C\xAC|\xE8\xAA\x9E");
	/* Possessives go with either apostrophe; other apostrophes split. */
	check_words("Python's tips", "python|tip");
	check_words("Python\xE2\x80\x99s tips", "python|tip");
	check_words("PYTHON'S", "python");
	check_words("don't", "don|t");
	check_words("it's'", "it");
	check_words("'s", "s");
	/* Invalid UTF-8 bytes are kept inside words, never split on. */
	check_words("ab\xFF"
	            "cd ef",
	    "ab\xFF"
	    "cd|ef");
	check_words("x\xC3", "x\xC3");
}

static void
test_words_append(void **state)
{
	struct pp_words ws = PP_WORDS_INIT, ph = PP_WORDS_INIT;

	(void)state;
	pp_words_add(&ws, "Deep machine", en);
	pp_words_add(&ws, NULL, en);
	pp_words_add(&ws, "...", en); /* no words: no separator either */
	pp_words_add(&ws, "learning for all", en);
	assert_int_equal(ws.n, 6);
	assert_string_equal(ws.w[2], "");                  /* the separator */
	assert_string_equal(ws.w[3], "learning");          /* as cut */
	assert_string_equal(pp_words_at(&ws, 3), "learn"); /* matching form */
	/* A phrase never spans two texts. */
	pp_words_add(&ph, "machine learning", en);
	assert_int_equal(pp_words_match(&ws, &ph), 0);
	pp_words_fini(&ph);
	pp_words_add(&ph, "learning for", en);
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "deep", en);
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	/* An empty phrase never matches, not even the separator. */
	assert_int_equal(pp_words_match(&ws, &ph), 0);
	pp_words_fini(&ws);
	assert_null(ws.w);
	assert_int_equal(ws.n, 0);
	assert_int_equal(pp_words_match(&ws, &ph), 0);
}

static void
test_match_table(void **state)
{
	static const struct {
		const char *text, *phrase;
		int want;
	} cases[] = {
	    {"Testing with pytest", "test", 1},
	    {"Unit tests that matter", "testing", 1},
	    {"How we tested the parser", "tests", 1},
	    {"Contest results", "test", 0},
	    {"Attestation", "test", 0},
	    {"Failovers in practice", "failover", 1},
	    {"When the server is overloaded", "overload", 1},
	    {"Rapid prototyping", "api", 0},
	    {"Designing APIs", "api", 1},
	    {"The API", "apis", 1},
	    {"Capital", "api", 0},
	    {"Python 3.6 in production", "python 3", 1},
	    {"Python 3.6 in production", "python 3.6", 1},
	    {"Python 2 and 3", "python 3", 0},
	    {"Moving to python3", "python 3", 0},
	    {"Machine-Learning at scale", "machine learning", 1},
	    {"Machine learning at scale", "Machine-Learning", 1},
	    {"machine-learned models", "machine learning", 1},
	    {"Learning machines", "machine learning", 0},
	    {"Database internals", "data", 0},
	    {"Big data", "data", 1},
	    {"Data-driven", "data", 1},
	    {"Café culture", "CAFÉ", 1},
	    {"Cafeteria", "café", 0},
	    {"Caching strategies", "cache", 1},
	    {"Notes on asyncio", "not", 0},
	    {"Is it not async?", "notes", 0},
	    {"Python's typing module", "python", 1},
	    {"Type hints", "typing", 1},
	    {"Going further with Rust", "go", 0},
	    {"Go generics", "go", 1},
	    {"Go's scheduler", "Go", 1},
	    {"Testing AIs", "AI", 1},
	    {"Graph Databases", "database", 1},
	    {"Pythonic code", "python", 1},
	    {"anything", "", 0},
	    {"", "test", 0},
	    {"test", "...", 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (pp_text_match(cases[i].text, cases[i].phrase) !=
		    cases[i].want)
			fail_msg("match('%s', '%s') != %d", cases[i].text,
			    cases[i].phrase, cases[i].want);
}

/* Matching stays correct on a long text (the abstract case). */
static void
test_match_long(void **state)
{
	struct pp_words ws = PP_WORDS_INIT, ph = PP_WORDS_INIT;
	size_t len = 200000, i;
	char *text = malloc(len + 64);

	(void)state;
	assert_non_null(text);
	for (i = 0; i + 4 < len; i += 4)
		memcpy(text + i, "ab, ", 4);
	strcpy(text + i, "machine learning");
	pp_words_add(&ws, text, en);
	assert_int_equal(ws.n, len / 4 - 1 + 2);
	pp_words_add(&ph, "Machine Learning", en);
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "ab machine learning", en);
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "learning ab", en);
	assert_int_equal(pp_words_match(&ws, &ph), 0);
	pp_words_fini(&ph);
	pp_words_fini(&ws);
	free(text);
}

/* Occurrences are counted without overlap; separators are no words. */
static void
test_count(void **state)
{
	struct pp_words ws = PP_WORDS_INIT, ph = PP_WORDS_INIT;

	(void)state;
	pp_words_add(&ws, "test tests, testing test", en);
	pp_words_add(&ws, "a test", en);
	assert_int_equal(pp_words_len(&ws), 6);
	pp_words_add(&ph, "test", en);
	assert_int_equal(pp_words_count(&ws, &ph), 5);
	pp_words_fini(&ph);
	pp_words_add(&ph, "test test", en);
	assert_int_equal(pp_words_count(&ws, &ph), 2); /* not 3: no overlap */
	pp_words_fini(&ph);
	pp_words_add(&ph, "test a", en); /* spans the two texts */
	assert_int_equal(pp_words_count(&ws, &ph), 0);
	pp_words_fini(&ph);
	assert_int_equal(pp_words_count(&ws, &ph), 0); /* empty phrase */
	pp_words_fini(&ws);
	assert_int_equal(pp_words_len(&ws), 0);
	/* Without a stemmer the words are only lowercased. */
	pp_words_add(&ws, "Testing TESTS", NULL);
	assert_int_equal(ws.n, 2);
	assert_string_equal(ws.w[0], "testing");
	assert_string_equal(ws.w[1], "tests");
	assert_string_equal(pp_words_at(&ws, 1), "tests");
	pp_words_fini(&ws);
}

/* The whole of a fixture as a string (freed by the caller). */
static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n > 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/*
 * pp_words_count compares an English word with a topic's stem only when
 * their first bytes agree: that is sound because Snowball's English stem
 * of a word always starts with the word's first byte.  Checked on every
 * word of two real programmes and on the stemmer's exceptions and
 * prelude cases; and lazy counting against stemming every word.
 */
static void
test_english_keeps_first(void **state)
{
	static const char *const files[] = {FIXTURES "/fosdem-2025.xml",
	    "data/pycon2018/schedule.csv"};
	static const char *const tricky =
	    "dying lying tying skis skies idly gently ugly early only singly "
	    "yes yelling young youth ies ied eed eeds agreed ying yyy y ys "
	    "news howe atlas cosmos bias andes ss us is as sses ties cries "
	    "generous communism arsenal ÿes é éed";
	struct pp_stemmer *other = pp_stemmer_new("en");
	size_t f, i, j, checked = 0;

	(void)state;
	for (f = 0; f <= 2; f++) {
		struct pp_words plain = PP_WORDS_INIT, lazy = PP_WORDS_INIT;
		char *text = f < 2 ? slurp(files[f]) : NULL;
		const char *t = f < 2 ? text : tricky, **stems;

		pp_words_add(&plain, t, NULL);
		pp_words_add(&lazy, t, other);
		assert_int_equal(plain.n, lazy.n);
		stems = calloc(plain.n + 1, sizeof(*stems));
		assert_non_null(stems);
		for (i = 0; i < plain.n; i++) {
			const char *w = plain.w[i];

			stems[i] = pp_stem(en, w);
			if (*w == '\0')
				continue;
			if (stems[i][0] != w[0])
				fail_msg("stem('%s') = '%s'", w, stems[i]);
			checked++;
		}
		/* 100 words spread over the text as topics: the lazy count is
		 * the count of words whose stem is the topic's. */
		for (i = 0; i < plain.n; i += plain.n / 100 + 1) {
			struct pp_words topic = PP_WORDS_INIT;
			size_t want = 0;

			if (*plain.w[i] == '\0')
				continue;
			pp_words_add(&topic, plain.w[i], en);
			for (j = 0; j < plain.n; j++)
				want += *plain.w[j] != '\0' &&
				    strcmp(stems[j], pp_words_at(&topic, 0)) ==
				        0;
			assert_int_equal(pp_words_count(&lazy, &topic), want);
			pp_words_fini(&topic);
		}
		free(stems);
		pp_words_fini(&plain);
		pp_words_fini(&lazy);
		free(text);
	}
	assert_true(checked > 100000);
	pp_stemmer_free(other);
}

/* Counting many phrases in one pass gives each phrase's own count: the
 * same first byte, phrases inside phrases, overlaps, a German text (no
 * first-byte rule) and more phrases than fit on the stack. */
static void
test_count_each(void **state)
{
	static const char *const text[] = {
	    "Testing the test suite: tests test tests; testing machine "
	    "learning, machine learning machines and deep learning for tests",
	    "Die Häuser und das Haus: häusliche Tests, testen und getestet"};
	static const char *const lang[] = {"en", "de"};
	static const char *const phrase[] = {"test", "tests test", "testing",
	    "machine learning", "machine", "learning machine", "deep", "learn",
	    "t", "the", "Häuser", "haus", "test", "und das", "nothing here",
	    "suite tests"};
	const size_t np = sizeof(phrase) / sizeof(phrase[0]);
	struct pp_words ph[40];
	const struct pp_words *v[40];
	size_t got[40], i, k, n;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct pp_stemmer *st = pp_stemmer_new(lang[i]);
		struct pp_words ws = PP_WORDS_INIT;

		pp_words_add(&ws, text[i], st);
		/* 40 phrases: the list twice and a half, so that some are
		 * fixed (pp_words_fix) and some not. */
		for (n = 0; n < 40; n++) {
			ph[n] = (struct pp_words)PP_WORDS_INIT;
			pp_words_add(&ph[n], phrase[n % np], st);
			if (n % 2 == 0)
				pp_words_fix(&ph[n]);
			v[n] = &ph[n];
		}
		for (k = 1; k <= 40; k += 39) { /* on the stack, and not */
			pp_words_count_each(&ws, v, k, got);
			for (n = 0; n < k; n++)
				assert_int_equal(got[n],
				    pp_words_count(&ws, v[n]));
		}
		pp_words_count_each(&ws, v, 40, got);
		if (i == 0) {
			assert_int_equal(got[0], 7); /* test, testing, tests */
			assert_int_equal(got[3], 2);
			assert_int_equal(got[5],
			    2); /* "learning, machine", "learning machines" */
		} else
			assert_int_equal(got[11], 2); /* Häuser, Haus */
		for (n = 0; n < 40; n++)
			pp_words_fini(&ph[n]);
		pp_words_fini(&ws);
		pp_stemmer_free(st);
	}
}

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(pp_edit_distance("kubernetes", "kubernetes", 3), 0);
	assert_int_equal(pp_edit_distance("kubernetse", "kubernetes", 3), 1);
	assert_int_equal(pp_edit_distance("pyton", "python", 3), 1);
	assert_int_equal(pp_edit_distance("Lenart Poetering",
	                     "Lennart Poettering", 3),
	    2);
	/* Case never counts; code points, not bytes, are compared. */
	assert_int_equal(pp_edit_distance("PYTHON", "python", 0), 0);
	assert_int_equal(pp_edit_distance("ŁUKASZ", "łukasz", 0), 0);
	assert_int_equal(pp_edit_distance("café", "cafe", 3), 1);
	assert_int_equal(pp_edit_distance("", "abc", 5), 3);
	assert_int_equal(pp_edit_distance("abc", "", 5), 3);
	/* Past max: max + 1, however far. */
	assert_int_equal(pp_edit_distance("rust", "python", 2), 3);
	assert_int_equal(pp_edit_distance("a", "abcdefgh", 2), 3);
	assert_int_equal(pp_edit_distance("ca", "abc", 3), 3);
}

/* Strings longer than 255 code points are never close. */
static void
test_edit_distance_long(void **state)
{
	char a[400], b[400];

	(void)state;
	memset(a, 'x', 300);
	a[300] = '\0';
	memcpy(b, a, 301);
	assert_int_equal(pp_edit_distance(a, b, 3), 4);
	a[255] = '\0';
	b[255] = '\0';
	assert_int_equal(pp_edit_distance(a, b, 3), 0);
	b[254] = 'y';
	assert_int_equal(pp_edit_distance(a, b, 3), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stem_table),
	    cmocka_unit_test(test_stem_languages),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_words_append),
	    cmocka_unit_test(test_match_table),
	    cmocka_unit_test(test_match_long),
	    cmocka_unit_test(test_count),
	    cmocka_unit_test(test_english_keeps_first),
	    cmocka_unit_test(test_count_each),
	    cmocka_unit_test(test_edit_distance),
	    cmocka_unit_test(test_edit_distance_long),
	};

	return cmocka_run_group_tests(tests, setup_en, teardown_en);
}
