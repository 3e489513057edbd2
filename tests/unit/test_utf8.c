/* SPDX-License-Identifier: ISC */
/* The Unicode layer: decoding, repair, case, word classes, display width. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/utf8.h"

static void
test_decode(void **state)
{
	int32_t cp = -1;

	(void)state;
	assert_int_equal(pp_utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(pp_utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(pp_utf8_decode("\xe2\x80\xa6", 3, &cp), 3);
	assert_int_equal(cp, 0x2026);
	assert_int_equal(pp_utf8_decode("\xf0\x9f\x90\x8d", 4, &cp), 4);
	assert_int_equal(cp, 0x1f40d);
	/* Ill-formed: overlong, surrogate, past U+10FFFF, stray
	 * continuation, truncated (by len and by a NUL). */
	assert_int_equal(pp_utf8_decode("\xc0\xaf", 2, &cp), 0);
	assert_int_equal(pp_utf8_decode("\xe0\x80\xaf", 3, &cp), 0);
	assert_int_equal(pp_utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(pp_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(pp_utf8_decode("\x80", 1, &cp), 0);
	assert_int_equal(pp_utf8_decode("\xe2\x80\xa6", 2, &cp), 0);
	assert_int_equal(pp_utf8_decode("\xe2\x80", PP_UTF8_MAX, &cp), 0);
	assert_int_equal(pp_utf8_decode("", 0, &cp), 0);
}

static void
test_check_encode_repair(void **state)
{
	char buf[PP_UTF8_MAX], *r;

	(void)state;
	assert_int_equal(pp_utf8_check("caf\xc3\xa9", 5), 5);
	assert_int_equal(pp_utf8_check("ab\xff"
	                               "cd",
	                     5),
	    2);
	assert_int_equal(pp_utf8_check("ab\xc3", 3), 2);
	assert_int_equal(pp_utf8_encode(0xe9, buf), 2);
	assert_memory_equal(buf, "\xc3\xa9", 2);
	assert_int_equal(pp_utf8_encode(0x1f40d, buf), 4);
	assert_memory_equal(buf, "\xf0\x9f\x90\x8d", 4);
	assert_int_equal(pp_utf8_encode(0xd800, buf), 0);
	assert_int_equal(pp_utf8_encode(0x110000, buf), 0);
	assert_null(pp_utf8_repair("caf\xc3\xa9"));
	r = pp_utf8_repair("a\xff"
	                   "b\xc3");
	assert_non_null(r);
	assert_string_equal(r,
	    "a\xef\xbf\xbd"
	    "b\xef\xbf\xbd");
	free(r);
	assert_int_equal(pp_utf8_boundary("a\xe2\x80\xa6", 3), 1);
	assert_int_equal(pp_utf8_boundary("a\xe2\x80\xa6", 1), 1);
	assert_int_equal(pp_utf8_boundary("ab", 1), 1);
}

static void
test_case_and_words(void **state)
{
	(void)state;
	assert_int_equal(pp_utf8_lower('A'), 'a');
	assert_int_equal(pp_utf8_lower(0xc9), 0xe9);    /* É */
	assert_int_equal(pp_utf8_lower(0x141), 0x142);  /* Ł */
	assert_int_equal(pp_utf8_lower(0x1e9e), 0xdf);  /* ẞ */
	assert_int_equal(pp_utf8_lower(0x23a), 0x2c65); /* grows a byte */
	assert_int_equal(pp_utf8_lower('1'), '1');
	assert_true(pp_utf8_is_word('a'));
	assert_true(pp_utf8_is_word('7'));
	assert_true(pp_utf8_is_word(0xe9));
	assert_true(pp_utf8_is_word(0x65e5)); /* 日 */
	assert_true(pp_utf8_is_word(0x301));  /* combining acute */
	assert_false(pp_utf8_is_word('-'));
	assert_false(pp_utf8_is_word(0x2019));  /* ’ */
	assert_false(pp_utf8_is_word(0x2014));  /* — */
	assert_false(pp_utf8_is_word(0xa0));    /* no-break space */
	assert_false(pp_utf8_is_word(0x1f40d)); /* emoji */
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(pp_utf8_width(""), 0);
	assert_int_equal(pp_utf8_width("a\xc3\xa9\xe2\x80\xa6z"), 4);
	/* 日本語: East Asian wide, two columns each. */
	assert_int_equal(pp_utf8_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"),
	    6);
	/* e + combining acute: one column. */
	assert_int_equal(pp_utf8_width("e\xcc\x81"), 1);
	/* An emoji: two columns. */
	assert_int_equal(pp_utf8_width("\xf0\x9f\x90\x8d"), 2);
	/* A control and a stray byte take one column each (shown as a
	 * visible character). */
	assert_int_equal(pp_utf8_width("a\x1b"
	                               "b"),
	    3);
	assert_int_equal(pp_utf8_width("a\xff"), 2);
	assert_int_equal(pp_utf8_prefix("a\xc3\xa9z", 2), 3);
	assert_int_equal(pp_utf8_prefix("a\xc3\xa9z", 9), 4);
	assert_int_equal(pp_utf8_prefix("\xc3\xa9", 0), 0);
	/* A wide character that does not fit stays out whole. */
	assert_int_equal(pp_utf8_prefix("a\xe6\x97\xa5", 2), 1);
	assert_int_equal(pp_utf8_prefix("a\xe6\x97\xa5", 3), 4);
	/* The combining mark stays with its letter. */
	assert_int_equal(pp_utf8_prefix("e\xcc\x81x", 1), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode),
	    cmocka_unit_test(test_check_encode_repair),
	    cmocka_unit_test(test_case_and_words),
	    cmocka_unit_test(test_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
