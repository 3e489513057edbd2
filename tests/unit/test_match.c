/* SPDX-License-Identifier: ISC */
/* Unit tests for topic matching: the tokeniser, the stemmer and phrases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/match.h"

/* Stems a copy of word and compares it with want. */
static void
check_stem(const char *word, const char *want)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%s", word);
	pp_stem(buf);
	if (strcmp(buf, want) != 0)
		fail_msg("stem('%s') = '%s', want '%s'", word, buf, want);
}

static void
test_stem_table(void **state)
{
	static const char *const cases[][2] = {
	    /* the forms SPEC §3 names */
	    {"test", "test"},
	    {"tests", "test"},
	    {"testing", "test"},
	    {"tested", "test"},
	    {"failover", "failover"},
	    {"failovers", "failover"},
	    {"overload", "overload"},
	    {"overloaded", "overload"},
	    /* short words are left alone */
	    {"api", "api"},
	    {"run", "run"},
	    {"bus", "bus"},
	    {"is", "is"},
	    {"", ""},
	    /* plurals */
	    {"apis", "api"},
	    {"libraries", "library"},
	    {"classes", "class"},
	    {"class", "class"},
	    {"status", "status"},
	    {"analysis", "analysis"},
	    {"axis", "axis"},
	    {"wikis", "wiki"},
	    {"gpus", "gpu"},
	    {"boxes", "box"},
	    {"matches", "match"},
	    {"caches", "cach"},
	    {"cache", "cach"},
	    /* possessive */
	    {"python's", "python"},
	    /* -ing, -ed, doubled consonants, a lost -e */
	    {"running", "run"},
	    {"planned", "plan"},
	    {"programming", "program"},
	    {"installed", "install"},
	    {"installing", "install"},
	    {"fizzing", "fizz"},
	    {"adding", "add"},
	    {"coding", "code"},
	    {"coded", "code"},
	    {"code", "code"},
	    {"caching", "cach"},
	    {"cached", "cach"},
	    {"scaling", "scale"},
	    {"scale", "scale"},
	    {"typing", "type"},
	    {"types", "type"},
	    {"learning", "learn"},
	    {"learned", "learn"},
	    {"applied", "apply"},
	    {"applies", "apply"},
	    {"applying", "apply"},
	    {"apply", "apply"},
	    {"deployed", "deploy"},
	    {"deploying", "deploy"},
	    /* not a suffix */
	    {"string", "string"},
	    {"thing", "thing"},
	    {"being", "being"},
	    {"speed", "speed"},
	    {"speeds", "speed"},
	    {"need", "need"},
	    {"red", "red"},
	    /* -ly */
	    {"quickly", "quick"},
	    {"only", "only"},
	    {"reply", "reply"},
	    {"replies", "reply"},
	    {"anomaly", "anoma"},
	    {"anomalies", "anoma"},
	    /* a final -e goes only where no shorter word is made */
	    {"note", "note"},
	    {"notes", "note"},
	    {"noting", "note"},
	    {"plane", "plane"},
	    {"state", "state"},
	    {"stats", "stat"},
	    {"machine", "machin"},
	    {"machines", "machin"},
	    {"service", "servic"},
	    {"services", "servic"},
	    /* digits and other bytes pass through */
	    {"2018", "2018"},
	    {"py3s", "py3"},
	    {"cafés", "café"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_stem(cases[i][0], cases[i][1]);
}

/* Cuts text and compares the words with want, separated by '|'. */
static void
check_words(const char *text, const char *want)
{
	struct pp_words ws = {NULL, 0};
	char got[512] = "";
	size_t i;

	pp_words_add(&ws, text);
	for (i = 0; i < ws.n; i++) {
		if (i > 0)
			strcat(got, "|");
		strcat(got, ws.w[i]);
	}
	pp_words_fini(&ws);
	if (strcmp(got, want) != 0)
		fail_msg("words('%s') = '%s', want '%s'", text, got, want);
}

static void
test_words(void **state)
{
	(void)state;
	check_words("Python 3.6 in production", "python|3|6|in|production");
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
	struct pp_words ws = {NULL, 0}, ph = {NULL, 0};

	(void)state;
	pp_words_add(&ws, "Deep machine");
	pp_words_add(&ws, NULL);
	pp_words_add(&ws, "..."); /* no words: no separator either */
	pp_words_add(&ws, "learning for all");
	assert_int_equal(ws.n, 6);
	assert_string_equal(ws.w[2], ""); /* the separator */
	assert_string_equal(ws.w[3], "learn");
	/* A phrase never spans two texts. */
	pp_words_add(&ph, "machine learning");
	assert_int_equal(pp_words_match(&ws, &ph), 0);
	pp_words_fini(&ph);
	pp_words_add(&ph, "learning for");
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "deep");
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
	struct pp_words ws = {NULL, 0}, ph = {NULL, 0};
	size_t len = 200000, i;
	char *text = malloc(len + 64);

	(void)state;
	assert_non_null(text);
	for (i = 0; i + 4 < len; i += 4)
		memcpy(text + i, "ab, ", 4);
	strcpy(text + i, "machine learning");
	pp_words_add(&ws, text);
	assert_int_equal(ws.n, len / 4 - 1 + 2);
	pp_words_add(&ph, "Machine Learning");
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "ab machine learning");
	assert_int_equal(pp_words_match(&ws, &ph), 1);
	pp_words_fini(&ph);
	pp_words_add(&ph, "learning ab");
	assert_int_equal(pp_words_match(&ws, &ph), 0);
	pp_words_fini(&ph);
	pp_words_fini(&ws);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_stem_table),
	    cmocka_unit_test(test_words),
	    cmocka_unit_test(test_words_append),
	    cmocka_unit_test(test_match_table),
	    cmocka_unit_test(test_match_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
