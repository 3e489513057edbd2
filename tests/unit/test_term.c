/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the terminal layer: the sanitiser, line wrapping by
 * display columns, and the bounded diagnostics list that prints through
 * it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/diag.h"
#include "pyplan/term.h"
#include "pyplan/utf8.h"

#define FFFD "\xef\xbf\xbd"

static void
check_clean(const char *in, unsigned flags, const char *want)
{
	char *got = pp_term_clean(in, flags);

	assert_string_equal(got, want);
	free(got);
}

static void
test_sanitiser(void **state)
{
	(void)state;
	/* Text passes as it is, UTF-8 included. */
	check_clean("Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80", 0,
	    "Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80");
	/* Blanks become spaces; a newline stays only when asked. */
	check_clean("a\tb\nc\rd\ve\ff", 0, "a b c d e f");
	check_clean("a\nb\tc", PP_TERM_NEWLINES, "a\nb c");
	/* ESC, BEL, DEL and C1 controls become U+FFFD. */
	check_clean("\033[31mred\007", 0, FFFD "[31mred" FFFD);
	check_clean("x\x7fy", 0, "x" FFFD "y");
	check_clean("\xc2\x9b"
	            "2J",
	    0, FFFD "2J"); /* U+009B CSI */
	/* A lone 0x9B byte (CSI to 8-bit terminals) and other ill-formed
	 * UTF-8 too. */
	check_clean("\x9b"
	            "2J \xff",
	    0, FFFD "2J " FFFD);
	/* Bidi overrides, embeddings and isolates: U+FFFD; marks dropped. */
	check_clean("a\xe2\x80\xae"
	            "b\xe2\x80\xac"
	            "c\xe2\x81\xa6"
	            "d",
	    0, "a" FFFD "b" FFFD "c" FFFD "d");
	check_clean("a\xe2\x80\x8f"
	            "b\xd8\x9c"
	            "c",
	    0, "abc");
	/* U+2028 LINE SEPARATOR is a blank. */
	check_clean("a\xe2\x80\xa8"
	            "b",
	    0, "a b");
	check_clean(NULL, 0, "");
}

/* Writes with pp_term_put_line into a string; the caller frees. */
static char *
put(const char *s, size_t width, size_t indent)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	pp_term_put_line(fp, s, width, indent, NULL);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
test_wrap(void **state)
{
	char *s;

	(void)state;
	/* No width: one line, trailing blanks dropped. */
	s = put("one two three   ", 0, 4);
	assert_string_equal(s, "one two three\n");
	free(s);
	/* Breaks after the last blank that fits, continuation indented. */
	s = put("  alpha beta gamma delta", 20, 4);
	assert_string_equal(s, "  alpha beta gamma\n    delta\n");
	free(s);
	/* A word longer than the line is cut inside. */
	s = put("abcdefghijklmnopqrstuvwxyz", 20, 2);
	assert_string_equal(s, "abcdefghijklmnopqrst\n  uvwxyz\n");
	free(s);
	/* Wide characters count two columns and are never split. */
	s = put("\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5"
	        "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5"
	        "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5",
	    20, 0);
	assert_string_equal(s,
	    "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5"
	    "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5"
	    "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5"
	    "\xe6\x97\xa5\n\xe6\x97\xa5\n");
	free(s);
	/* The line is sanitised before it is measured. */
	s = put("a\033b", 0, 0);
	assert_string_equal(s, "a" FFFD "b\n");
	free(s);
}

static void
test_block(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(fp);
	pp_term_put_block(fp,
	    "Title \033[2J\n  a reason that is far too long to fit\n\nend", 24);
	assert_int_equal(fclose(fp), 0);
	/* Continuation lines go two columns deeper than their line. */
	assert_string_equal(buf,
	    "Title " FFFD "[2J\n"
	    "  a reason that is far\n"
	    "    too long to fit\n"
	    "\n"
	    "end\n");
	free(buf);
}

static char *
print(const struct pp_diags *ds, enum pp_level min)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	pp_diags_print(ds, fp, min);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void
test_diags_bounded(void **state)
{
	struct pp_diags ds;
	char *out, want[128];
	size_t i;

	(void)state;
	pp_diags_init(&ds);
	for (i = 0; i < PP_DIAGS_KEEP + 500; i++)
		pp_diag_err(&ds, "f", (unsigned)i + 1, "bad %zu", i);
	pp_diag_warn(&ds, "f", 1, "a warning is still kept");
	assert_int_equal(ds.nerrors, PP_DIAGS_KEEP + 500);
	assert_int_equal(ds.n, PP_DIAGS_KEEP + 1);
	assert_int_equal(ds.dropped[PP_ERROR], 500);
	assert_string_equal(ds.v[PP_DIAGS_KEEP].msg, "a warning is still kept");
	out = print(&ds, PP_WARNING);
	snprintf(want, sizeof(want),
	    "pyplan: f:%d: error: bad %d\n"
	    "pyplan: f:1: warning: a warning is still kept\n"
	    "pyplan: ... and 500 more errors (not shown)\n",
	    PP_DIAGS_KEEP, PP_DIAGS_KEEP - 1);
	assert_non_null(strstr(out, want));
	free(out);
	pp_diags_fini(&ds);
}

static void
test_diags_attached(void **state)
{
	struct pp_diags ds;
	char *out;

	(void)state;
	pp_diags_init(&ds);
	pp_diag_attach(&ds, "nothing to attach to");
	assert_int_equal(ds.n, 0);
	pp_diag_err(&ds, "p.ini", 3, "ambiguous");
	pp_diag_attach(&ds, "candidate %d", 1);
	pp_diag_attach(&ds, "candidate %d", 2);
	pp_diag_add(&ds, PP_NOTE, NULL, 0, 0, "a plain note");
	pp_diag_attach(&ds, "its detail");
	assert_int_equal(ds.nerrors, 1);
	/* Attached notes print with their error even when notes do not;
	 * a plain note's attachments follow it out. */
	out = print(&ds, PP_WARNING);
	assert_string_equal(out,
	    "pyplan: p.ini:3: error: ambiguous\n"
	    "pyplan: p.ini:3: note: candidate 1\n"
	    "pyplan: p.ini:3: note: candidate 2\n");
	free(out);
	out = print(&ds, PP_NOTE);
	assert_non_null(strstr(out,
	    "pyplan: note: a plain note\n"
	    "pyplan: note: its detail\n"));
	free(out);
	pp_diags_fini(&ds);
}

static void
test_diags_sanitised(void **state)
{
	struct pp_diags ds;
	char *out;

	(void)state;
	pp_diags_init(&ds);
	pp_diag_err(&ds, "evil\033]0;x\007.csv", 1,
	    "title '\033[2J\xe2\x80\xae'");
	out = print(&ds, PP_NOTE);
	assert_string_equal(out,
	    "pyplan: evil" FFFD "]0;x" FFFD ".csv:1: error: title '" FFFD
	    "[2J" FFFD "'\n");
	free(out);
	pp_diags_fini(&ds);
}

static void
test_diags_move_bounded(void **state)
{
	struct pp_diags a, b;
	size_t i;

	(void)state;
	pp_diags_init(&a);
	pp_diags_init(&b);
	for (i = 0; i < PP_DIAGS_KEEP; i++)
		pp_diag_warn(&a, NULL, 0, "a %zu", i);
	for (i = 0; i < 10; i++)
		pp_diag_warn(&b, NULL, 0, "b %zu", i);
	pp_diags_move(&a, &b);
	assert_int_equal(a.nwarnings, PP_DIAGS_KEEP + 10);
	assert_int_equal(a.n, PP_DIAGS_KEEP);
	assert_int_equal(a.dropped[PP_WARNING], 10);
	assert_int_equal(b.n, 0);
	pp_diags_fini(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sanitiser),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_block),
	    cmocka_unit_test(test_diags_bounded),
	    cmocka_unit_test(test_diags_attached),
	    cmocka_unit_test(test_diags_sanitised),
	    cmocka_unit_test(test_diags_move_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
