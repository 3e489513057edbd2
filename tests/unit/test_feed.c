/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the feed core (feed.h): frab durations, ISO 8601 times,
 * HTML to text, kind words, and the checks pp_feed_add makes of every
 * feed event whatever its format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "t.feed"
#include "loadutil.h"

#include "pyplan/feed.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"

static void
test_parse_duration(void **state)
{
	static const struct {
		const char *s;
		int64_t secs; /* -1: refused */
	} cases[] = {
	    {"00:25", 1500},
	    {"1:00", 3600},
	    {"12:00", 43200},
	    {"0:45:30", 2730},
	    {"01:00:00", 3600},
	    {" 00:30 ", 1800},
	    {"1:02:00:00", 93600},
	    {"00:00", 0},
	    {"", -1},
	    {"30", -1},
	    {"1:5", -1},
	    {"1:60", -1},
	    {"0:30:60", -1},
	    {"1:24:00:00", -1},
	    {"a:30", -1},
	    {"1:30x", -1},
	    {"1:2:3:4:5", -1},
	    {"-1:00", -1},
	};
	size_t i;
	int64_t v;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r = pp_feed_parse_duration(cases[i].s, &v);

		if (cases[i].secs < 0)
			assert_int_equal(r, -1);
		else {
			assert_int_equal(r, 0);
			assert_int_equal(v, cases[i].secs);
		}
	}
}

static void
test_parse_time(void **state)
{
	struct pp_feed_time t;

	(void)state;
	assert_int_equal(pp_feed_parse_time("2025-02-01T10:35:00+01:00", &t),
	    0);
	assert_int_equal(t.c.hour, 10);
	assert_int_equal(t.has_off, 1);
	assert_int_equal(t.off, 3600);
	assert_int_equal(pp_feed_parse_time("2020-04-24T08:00:00", &t), 0);
	assert_int_equal(t.has_off, 0);
	assert_int_equal(pp_feed_parse_time("2024-12-27T09:30:00.123Z", &t), 0);
	assert_int_equal(t.has_off, 1);
	assert_int_equal(t.off, 0);
	assert_int_equal(pp_feed_parse_time("2022-04-30 08:00-0700", &t), 0);
	assert_int_equal(t.off, -7 * 3600);
	assert_int_equal(pp_feed_parse_time("2025-02-30T10:00", &t), -1);
	assert_int_equal(pp_feed_parse_time("2025-02-01T25:00", &t), -1);
	assert_int_equal(pp_feed_parse_time("2025-02-01", &t), -1);
	assert_int_equal(pp_feed_parse_time("10:00", &t), -1);
	assert_int_equal(pp_feed_parse_time("2025-02-01T10:00+1", &t), -1);
}

static void
test_text(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();

	(void)state;
	assert_string_equal(pp_feed_text(tt,
	                        "<p>One &amp; two.</p>\n<p>Three"
	                        " <a href=\"x\">link</a>.</p>"),
	    "One & two.\n\nThree link .");
	assert_string_equal(pp_feed_text(tt, "a\r\nb\r\n\r\n\r\n\r\nc"),
	    "a\nb\n\nc");
	assert_string_equal(pp_feed_text(tt, "x < y and y > z"),
	    "x < y and y > z");
	assert_string_equal(pp_feed_text(tt,
	                        "caf&#233; &#x2014; &nbsp;ok"
	                        " &bogus; &"),
	    "caf\xc3\xa9 \xe2\x80\x94 ok &bogus; &");
	assert_string_equal(pp_feed_text(tt, "<!-- hidden -->shown"), "shown");
	assert_string_equal(pp_feed_line(tt, "  Tab\tand\nnewline  "),
	    "Tab and newline");
	assert_string_equal(pp_feed_line(tt, "&nbsp;"), "");
	pp_timetable_free(tt);
}

static void
test_kind(void **state)
{
	const char *w;

	(void)state;
	assert_int_equal(pp_feed_kind("devroom", "LLVM", "x", &w),
	    PP_KIND_TALK);
	assert_string_equal(w, "devroom");
	/* no type: the title, else a track that names a kind, else talk */
	assert_int_equal(pp_feed_kind("", "Opening", "Keynote: OLPC", &w),
	    PP_KIND_KEYNOTE);
	assert_int_equal(pp_feed_kind("", "Lightning Talks", "Rust", &w),
	    PP_KIND_LIGHTNING);
	assert_string_equal(w, "Lightning Talks");
	assert_int_equal(pp_feed_kind("", "Kernel", "Rust", &w), PP_KIND_TALK);
	/* feed words ("DJ Set" at 38C3) */
	assert_int_equal(pp_feed_kind("DJ Set", "Music", "Night", &w),
	    PP_KIND_SOCIAL);
	/* an unknown type gives way to the track, else stays other */
	assert_int_equal(pp_feed_kind("YOC", "Workshops", "Solder", &w),
	    PP_KIND_WORKSHOP);
	assert_int_equal(pp_feed_kind("certification", "", "Exam", &w),
	    PP_KIND_OTHER);
	assert_string_equal(w, "certification");
	assert_int_equal(pp_feed_kind("other", "", "Queer Meet Up", &w),
	    PP_KIND_SOCIAL);
}

/* A feed event shorter than a minute cannot be planned (a plan counts
 * whole minutes): skipped with a warning, like one of zero length. */
static void
test_short_event(void **state)
{
	static const char doc[] =
	    "<schedule><day date=\"2025-02-01\">\n"
	    "<event id=\"s\"><start>10:00</start><duration>0:00:30</duration>"
	    "<title>Blink</title></event>\n"
	    "<event id=\"m\"><start>10:00</start><duration>0:01:00</duration>"
	    "<title>Minute</title></event>\n"
	    "<event id=\"z\"><start>10:00</start><duration>00:00</duration>"
	    "<title>Nothing</title></event>\n"
	    "</day></schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].id, "m");
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 1);
	d = diag_with(&ds, "'Blink' lasts 30 seconds");
	assert_non_null(d);
	assert_int_equal(d->level, PP_WARNING);
	assert_int_equal(d->line, 2);
	assert_string_equal(d->msg,
	    "'Blink' lasts 30 seconds, less than a minute: not schedulable, "
	    "skipped");
	assert_non_null(diag_with(&ds, "'Nothing' has zero length"));
	assert_int_equal(ds.nwarnings, 2);
	done(tt, &ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_duration),
	    cmocka_unit_test(test_parse_time),
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_kind),
	    cmocka_unit_test(test_short_event),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
