/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the hardening limits and fixes: the line-length limit,
 * far-future time zones, kind guessing on huge titles, duplicate ids.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"

/* A buffer of n bytes of 'a' after prefix, then suffix. */
static char *
filled(const char *prefix, size_t n, const char *suffix, size_t *len)
{
	size_t lp = strlen(prefix), ls = strlen(suffix);
	char *s = malloc(lp + n + ls + 1);

	assert_non_null(s);
	memcpy(s, prefix, lp);
	memset(s + lp, 'a', n);
	memcpy(s + lp + n, suffix, ls + 1);
	*len = lp + n + ls;
	return s;
}

static void
test_line_limit(void **state)
{
	struct pp_diags ds;
	size_t len;
	char *s;

	(void)state;
	pp_diags_init(&ds);
	/* exactly at the limit: fine; one more byte: refused at its line */
	s = filled("h\n", PP_LOAD_MAX_LINE, "\nlast\n", &len);
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), 0);
	free(s);
	s = filled("h\n", PP_LOAD_MAX_LINE + 1, "\nlast\n", &len);
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 2);
	assert_non_null(strstr(ds.v[0].msg, "line too long"));
	free(s);
	/* a CRLF line end is not part of the line */
	s = filled("h\r\n", PP_LOAD_MAX_LINE, "\r\nlast\r\n", &len);
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), 0);
	free(s);
	s = filled("h\r\n", PP_LOAD_MAX_LINE + 1, "\r\nlast\r\n", &len);
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), -1);
	assert_int_equal(ds.nerrors, 2);
	free(s);
	/* the last line counts even without a newline */
	s = filled("h\n", PP_LOAD_MAX_LINE + 1, "", &len);
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), -1);
	free(s);
	pp_diags_fini(&ds);
}

static void
test_line_limit_folded(void **state)
{
	struct pp_diags ds;
	size_t i, len = 0, cap = 2 * PP_LOAD_MAX_LINE;
	char *s = malloc(cap);

	(void)state;
	assert_non_null(s);
	len += (size_t)sprintf(s, "BEGIN:VCALENDAR\r\nDESCRIPTION:");
	/* short physical lines, one long logical line */
	for (i = 0; len + 80 < PP_LOAD_MAX_LINE + 2000; i++)
		len += (size_t)sprintf(s + len, "%070zu\r\n ", i);
	len += (size_t)sprintf(s + len, "x\r\nEND:VCALENDAR\r\n");
	pp_diags_init(&ds);
	/* as CSV every line is short; as iCalendar it is one line */
	assert_int_equal(pp_load_check_lines("x", s, len, 0, &ds), 0);
	assert_int_equal(pp_load_check_lines("x", s, len, 1, &ds), -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 2);
	pp_diags_fini(&ds);
	free(s);
}

static void
test_load_buffer_refuses_long_line(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	size_t len;
	char *s;

	(void)state;
	s = filled("title,date,start,duration\n", PP_LOAD_MAX_LINE,
	    ",2018-05-11,09:00,45\n", &len);
	pp_diags_init(&ds);
	assert_int_equal(pp_load_buffer(tt, "x.csv", s, len, NULL, &ds), -1);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.v[0].line, 2);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
	free(s);
}

/* Far-future instants keep the zone's current rules and round-trip. */
static void
test_far_future_zone(void **state)
{
	static const int years[] = {2026, 2499, 2500, 2600, 4321, 9999};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
		struct pp_civil c = {years[i], 7, 1, 9, 30, 0, 0, 0}, w, b;
		int64_t t;

		memset(&b, 0, sizeof(b));
		b.year = years[i];
		b.month = 1;
		b.day = 15;
		b.hour = 9;
		assert_int_equal(pp_tz_from_civil("Europe/Berlin", &c, &t), 0);
		assert_int_equal(pp_tz_to_civil("Europe/Berlin", t, &w), 0);
		assert_int_equal(w.year, years[i]);
		assert_int_equal(w.hour, 9);
		assert_int_equal(w.min, 30);
		assert_int_equal(w.utc_offset, 7200); /* summer time */
		assert_int_equal(pp_tz_from_civil("Europe/Berlin", &b, &t), 0);
		assert_int_equal(pp_tz_to_civil("Europe/Berlin", t, &w), 0);
		assert_int_equal(w.utc_offset, 3600); /* winter time */
		assert_int_equal(w.hour, 9);
	}
}

static void
test_kind_guess_huge_title(void **state)
{
	size_t n = (size_t)4 << 20, len;
	char *s = filled("", n, " keynote", &len);

	(void)state;
	/* the word at the end is still found (and quickly) */
	assert_int_equal(pp_kind_guess("", s), PP_KIND_KEYNOTE);
	memset(s, 'k', n);
	assert_int_equal(pp_kind_guess("", s), PP_KIND_KEYNOTE);
	free(s);
}

static void
test_duplicate_ids(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	size_t i;

	(void)state;
	pp_diags_init(&ds);
	for (i = 0; i < 3; i++) {
		struct pp_event *ev = pp_timetable_add(tt);

		ev->id = i < 2 ? "same" : "other";
		ev->title = i == 0 ? "A" : "B";
		ev->start = 3600 * (int64_t)(i + 1);
		ev->end = ev->start + 1800;
		ev->file = "x.csv";
		ev->line = (unsigned)i + 2;
	}
	pp_timetable_merge_duplicates(tt, &ds);
	assert_int_equal(tt->n, 3);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].level, PP_NOTE);
	assert_int_equal(ds.v[0].line, 3);
	assert_non_null(strstr(ds.v[0].msg, "'same'"));
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_line_limit),
	    cmocka_unit_test(test_line_limit_folded),
	    cmocka_unit_test(test_load_buffer_refuses_long_line),
	    cmocka_unit_test(test_far_future_zone),
	    cmocka_unit_test(test_kind_guess_huge_title),
	    cmocka_unit_test(test_duplicate_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
