/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for what load.c does for every format: the one strict/lenient
 * policy for a bad record and the title marks that say an event is
 * cancelled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "t.csv"
#include "loadutil.h"

#include "pyplan/load.h"

static void
test_reject_strict(void **state)
{
	struct pp_load_problem p[2] = {
	    {0, 0, "missing title"},
	    {7, 3, "date 'x' is not a date"},
	};
	struct pp_load_opts strict = {NULL, 0};
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_reject(&strict, &ds, "f", 5, 2, p, 2), -1);
	/* every problem an error, at its own place or else the record's */
	assert_int_equal(ds.nerrors, 2);
	assert_int_equal(ds.nwarnings, 0);
	assert_string_equal(ds.v[0].msg, "missing title");
	assert_int_equal(ds.v[0].line, 5);
	assert_int_equal(ds.v[0].col, 2);
	assert_int_equal(ds.v[1].line, 7);
	assert_int_equal(ds.v[1].col, 3);
	/* no options: strict */
	assert_int_equal(pp_load_reject1(NULL, &ds, "f", 9, 0, "bad %s",
	                     "thing"),
	    -1);
	assert_int_equal(ds.nerrors, 3);
	assert_string_equal(ds.v[2].msg, "bad thing");
	pp_diags_fini(&ds);
}

static void
test_reject_lenient(void **state)
{
	struct pp_load_problem p[2] = {
	    {0, 0, "missing title"},
	    {7, 3, "date 'x' is not a date"},
	};
	struct pp_load_problem many[6];
	struct pp_load_opts lenient = {NULL, 1};
	struct pp_diags ds;
	size_t i;

	(void)state;
	pp_diags_init(&ds);
	pp_load_reject(&lenient, &ds, "f", 5, 2, p, 2);
	/* one warning at the record, the problems joined */
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 1);
	assert_string_equal(ds.v[0].msg,
	    "missing title; date 'x' is not a date: event skipped");
	assert_int_equal(ds.v[0].line, 5);
	assert_int_equal(ds.v[0].col, 2);
	/* long problems are cut, the verdict never is */
	for (i = 0; i < 6; i++) {
		many[i].line = many[i].col = 0;
		memset(many[i].msg, 'x', sizeof(many[i].msg) - 1);
		many[i].msg[sizeof(many[i].msg) - 1] = '\0';
	}
	pp_load_reject(&lenient, &ds, "f", 6, 0, many, 6);
	assert_int_equal(ds.nwarnings, 2);
	assert_non_null(strstr(ds.v[1].msg, ": event skipped"));
	assert_int_equal(strlen(strstr(ds.v[1].msg, ": event skipped")),
	    strlen(": event skipped"));
	pp_diags_fini(&ds);
}

/* The title marks that say an event is cancelled, and what is left. */
static void
test_cancelled_titles(void **state)
{
	static const struct {
		const char *title;
		const char *left; /* NULL: not cancelled */
	} cases[] = {
	    {"CANCELLED: Introduction to Sprints Workshop",
	        "Introduction to Sprints Workshop"},
	    {"CANCELLED: <s>Introduction to Sprints Workshop</s>",
	        "Introduction to Sprints Workshop"},
	    {"Canceled - Packaging BoF", "Packaging BoF"},
	    {"canceled \xe2\x80\x93 Packaging BoF", "Packaging BoF"},
	    {"[CANCELLED] Lightning Talks", "Lightning Talks"},
	    {"[ Cancelled ]: Lightning Talks", "Lightning Talks"},
	    {"(cancelled) Lightning Talks", "Lightning Talks"},
	    {"CANCELLED! Board games", "Board games"},
	    {"ABGESAGT: Hackerspace-Treffen", "Hackerspace-Treffen"},
	    {"Annul\xc3\xa9 : Atelier Django", "Atelier Django"},
	    {"ANNUL\xc3\x89 - Atelier Django", "Atelier Django"},
	    {"Cancelado: Charla de datos", "Charla de datos"},
	    {"Rust in the kernel (cancelled)", "Rust in the kernel"},
	    {"Rust in the kernel [CANCELED]", "Rust in the kernel"},
	    {"Rust in the kernel - cancelled", "Rust in the kernel"},
	    {"CANCELLED", "CANCELLED"},
	    {"[cancelled]", "[cancelled]"},
	    /* titles, not marks */
	    {"Cancelled flights: what the data says", NULL},
	    {"Cancellation policies in Python", NULL},
	    {"Canceled futures in asyncio", NULL},
	    {"Why my talk was cancelled", NULL},
	    {"(Un)cancelled culture", NULL},
	    {"Talk (cancelled early) on trio", NULL},
	    {"", NULL},
	};
	size_t i, from, len;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r = pp_load_cancelled_title(cases[i].title, &from, &len);

		if (cases[i].left == NULL) {
			if (r != 0)
				fail_msg("'%s' read as cancelled",
				    cases[i].title);
			continue;
		}
		if (r != 1)
			fail_msg("'%s' not read as cancelled", cases[i].title);
		if (strlen(cases[i].left) != len ||
		    strncmp(cases[i].title + from, cases[i].left, len) != 0)
			fail_msg("'%s' left '%.*s'", cases[i].title, (int)len,
			    cases[i].title + from);
	}
}

/* Every format gets the title rule, once per event, with a note. */
static void
test_cancelled_every_format(void **state)
{
	static const char csv[] =
	    "title,date,start,end,status\n"
	    "CANCELLED: Testing BoF,2025-05-16,10:00,10:30,\n"
	    "Packaging,2025-05-16,11:00,11:30,cancelled\n"
	    "Typing,2025-05-16,12:00,12:30,accepted\n";
	static const char ics[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
	    "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250518T213000Z\r\n"
	    "DTEND:20250518T233000Z\r\n"
	    "SUMMARY:[event] CANCELLED: <s>Introduction to Sprints "
	    "Workshop</s>\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	static const char xml[] =
	    "<schedule><day date=\"2025-02-01\"><event id=\"x\">"
	    "<start>10:00</start><duration>0:30</duration>"
	    "<title>[CANCELLED] Rust devroom intro</title></event></day>"
	    "</schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load_str(csv, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 3);
	e = find_title(tt, "Testing BoF");
	assert_non_null(e);
	assert_int_equal(e->status, PP_STATUS_CANCELLED);
	assert_int_equal(find_title(tt, "Packaging")->status,
	    PP_STATUS_CANCELLED);
	assert_int_equal(find_title(tt, "Typing")->status, PP_STATUS_CONFIRMED);
	assert_non_null(diag_with(&ds,
	    "'Testing BoF' is cancelled (its title says so): listed, never "
	    "planned"));
	assert_int_equal(diag_with(&ds, "Testing BoF")->level, PP_NOTE);
	assert_int_equal(diag_with(&ds, "Testing BoF")->line, 2);
	assert_non_null(diag_with(&ds, "'Packaging' is cancelled"));
	done(tt, &ds);

	pp_diags_init(&ds);
	tt = pp_timetable_new();
	assert_int_equal(pp_load_buffer(tt, "t.ics", ics, strlen(ics), NULL,
	                     &ds),
	    0);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].title,
	    "Introduction to Sprints Workshop");
	assert_int_equal(tt->ev[0].status, PP_STATUS_CANCELLED);
	assert_int_equal(pp_load_buffer(tt, "t.xml", xml, strlen(xml), NULL,
	                     &ds),
	    0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->ev[1].title, "Rust devroom intro");
	assert_int_equal(tt->ev[1].status, PP_STATUS_CANCELLED);
	/* the first file's events are not looked at twice */
	assert_int_equal(ds.n, 2);
	done(tt, &ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_reject_strict),
	    cmocka_unit_test(test_reject_lenient),
	    cmocka_unit_test(test_cancelled_titles),
	    cmocka_unit_test(test_cancelled_every_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
