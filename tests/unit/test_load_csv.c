/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for programme loading: format detection, file reading, and
 * the CSV loader on the corpus files and on synthetic fixtures.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "pyplan/load.h"
#include "pyplan/tz.h"

#define FIX(name) FIXTURES "/" name

/* UTC instant of a civil time, independent of the code under test's zone
 * handling. */
static int64_t
utc(int y, int mo, int d, int h, int mi)
{
	return pp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

static struct pp_timetable *
load(const char *path, const char *tz, int lenient, struct pp_diags *ds,
    int *ret)
{
	struct pp_load_opts o = {tz, lenient};
	struct pp_timetable *tt = pp_timetable_new();
	int io = -1;

	pp_diags_init(ds);
	*ret = pp_load_file(tt, path, &o, ds, &io);
	assert_int_equal(io, 0);
	return tt;
}

static struct pp_timetable *
load_buf(const char *data, size_t len, int lenient, struct pp_diags *ds,
    int *ret)
{
	struct pp_load_opts o = {NULL, lenient};
	struct pp_timetable *tt = pp_timetable_new();

	pp_diags_init(ds);
	*ret = pp_load_buffer(tt, "buf.csv", data, len, &o, ds);
	return tt;
}

/* The first diagnostic on line at level, or NULL. */
static const struct pp_diag *
diag_at(const struct pp_diags *ds, unsigned line, enum pp_level level)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (ds->v[i].line == line && ds->v[i].level == level)
			return &ds->v[i];
	return NULL;
}

static size_t
count_msg(const struct pp_diags *ds, const char *part)
{
	size_t i, n = 0;

	for (i = 0; i < ds->n; i++)
		if (strstr(ds->v[i].msg, part) != NULL)
			n++;
	return n;
}

static const struct pp_event *
find_title(const struct pp_timetable *tt, const char *title)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->ev[i].title, title) == 0)
			return &tt->ev[i];
	return NULL;
}

static void
done(struct pp_timetable *tt, struct pp_diags *ds)
{
	pp_timetable_free(tt);
	pp_diags_fini(ds);
}

/*
 * The derived PyCon US 2018 CSV: 250 rows, 2 of them "blank" grid cells
 * without a title; python3's csv module counts 248 other rows, 333 room
 * names (';'-separated) and 224 speaker names (','-separated) in them.
 */
static void
test_pycon_derived(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i, rooms = 0, speakers = 0;
	int r;

	(void)state;
	tt = load(FIX("pycon-us-2018-schedule.derived.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, 248);
	assert_int_equal(ds.nwarnings, 2);
	assert_non_null(diag_at(&ds, 59, PP_WARNING));
	assert_non_null(diag_at(&ds, 74, PP_WARNING));
	assert_string_equal(diag_at(&ds, 59, PP_WARNING)->msg,
	    "blank slot (kind 'blank', no title): skipped");
	for (i = 0; i < tt->n; i++) {
		rooms += tt->ev[i].nrooms;
		speakers += tt->ev[i].nspeakers;
		/* the loader keeps file order: the CLI sorts and merges */
		if (i > 0)
			assert_true(tt->ev[i].line > tt->ev[i - 1].line);
		assert_true(tt->ev[i].end > tt->ev[i].start);
	}
	assert_int_equal(rooms, 333);
	assert_int_equal(speakers, 224);

	/* 2018-05-09 09:00-12:20 America/New_York (EDT) */
	e = &tt->ev[0];
	assert_int_equal(e->line, 2);
	assert_string_equal(e->id, "64");
	assert_int_equal(e->start, utc(2018, 5, 9, 13, 0));
	assert_int_equal(e->end, utc(2018, 5, 9, 16, 20));
	assert_string_equal(e->tz, "America/New_York");
	assert_string_equal(e->kind_word, "tutorial");
	assert_int_equal(e->kind, PP_KIND_TUTORIAL);
	assert_string_equal(e->url,
	    "https://us.pycon.org/2018/schedule/presentation/64/");
	assert_string_equal(e->file, FIX("pycon-us-2018-schedule.derived.csv"));

	e = find_title(tt,
	    "Lights Camera Action! Scrape, explore, and model "
	    "to predict Oscar winners & box office hits");
	assert_non_null(e);
	assert_int_equal(e->nspeakers, 4);
	assert_string_equal(e->speakers[0], "Deborah Hanus");
	assert_string_equal(e->speakers[3], "Veronica Hanus");

	e = &tt->ev[8]; /* line 10: Lunch Break in eight rooms */
	assert_int_equal(e->line, 10);
	assert_string_equal(e->title, "Lunch Break");
	assert_int_equal(e->nrooms, 8);
	assert_string_equal(e->rooms[0], "Room 09");
	assert_string_equal(e->rooms[7], "Room 22");
	assert_string_equal(e->room,
	    "Room 09; Room 10; Room 15; Room 16; "
	    "Room 19; Room 20; Room 21; Room 22");
	/* a row without presentation_id gets FILE:LINE */
	assert_string_equal(e->id, "pycon-us-2018-schedule.derived.csv:10");

	e = find_title(tt, "Opening Reception (Expo Hall)");
	assert_non_null(e);
	assert_int_equal(e->kind, PP_KIND_SOCIAL);
	e = find_title(tt, "Unconference");
	assert_non_null(e);
	assert_int_equal(e->kind, PP_KIND_OPEN_SPACE);
	done(tt, &ds);
}

/*
 * PyConES 2018 proposals: 218 rows; python3's csv module finds 74 with a
 * day, 143 without a day (proposals) and 1 with every field empty.
 */
static void
test_pycones(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("pycones-2018-talks.csv"), "Europe/Madrid", 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, 74);
	assert_int_equal(ds.nwarnings, 143);
	assert_int_equal(count_msg(&ds,
	                     "row has no time: not scheduled, skipped"),
	    143);

	e = &tt->ev[0]; /* Cafe, 07/10/2018 11:00-11:30 CEST */
	assert_int_equal(e->line, 2);
	assert_string_equal(e->title, "Cafe");
	assert_int_equal(e->start, utc(2018, 10, 7, 9, 0));
	assert_int_equal(e->end, utc(2018, 10, 7, 9, 30));
	assert_string_equal(e->tz, "Europe/Madrid");
	assert_string_equal(e->track, "Hall");

	/* The row starts on line 159; its multi-line bio pushes the title
	 * to line 161. */
	e = find_title(tt, "Taking Django Async");
	assert_non_null(e);
	assert_int_equal(e->line, 159);
	assert_int_equal(e->start, utc(2018, 10, 6, 15, 0));
	assert_int_equal(e->end, utc(2018, 10, 6, 15, 25));
	assert_int_equal(e->nspeakers, 1);
	assert_string_equal(e->speakers[0], "Andrew Godwin");
	assert_string_equal(e->level, "Intermediate");
	assert_string_equal(e->track, "PSF");
	assert_int_equal(e->ntags, 2); /* tags ["Python"], category "web" */
	assert_string_equal(e->tags[0], "Python");
	assert_string_equal(e->tags[1], "web");
	assert_int_equal(e->kind, PP_KIND_TALK);

	/* category "workshop" names a kind */
	e = find_title(tt, "TDD de cero a cien (o casi)");
	assert_non_null(e);
	assert_int_equal(e->line, 652);
	assert_int_equal(e->kind, PP_KIND_WORKSHOP);
	assert_string_equal(e->kind_word, "workshop");
	done(tt, &ds);
}

/* VivaTech 2017: all 1256 rows have a weekday name, never a date. */
static void
test_vivatech(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("vivatech-2017-program.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.nerrors, 1256);
	assert_int_equal(ds.nwarnings, 0);
	assert_int_equal(ds.v[0].line, 2);
	assert_string_equal(ds.v[0].msg,
	    "day 'Thursday' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
	/* The list keeps the first PP_DIAGS_KEEP errors and counts the
	 * rest. */
	assert_int_equal(ds.n, PP_DIAGS_KEEP);
	assert_int_equal(ds.dropped[PP_ERROR], 1256 - PP_DIAGS_KEEP);
	assert_true(count_msg(&ds, "day 'Friday' is not a date") > 0);
	done(tt, &ds);

	tt = load(FIX("vivatech-2017-program.csv"), NULL, 1, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 1256);
	assert_string_equal(ds.v[0].msg,
	    "day 'Thursday' is not a "
	    "date (YYYY-MM-DD or DD/MM/YYYY): event skipped");
	done(tt, &ds);
}

static void
test_bom_crlf(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-bom-crlf.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->ev[0].title, "Opening");
	assert_string_equal(tt->ev[0].room, "Hall A");
	assert_int_equal(tt->ev[0].line, 2);
	assert_string_equal(tt->ev[1].room, "Hall B");
	assert_int_equal(tt->ev[1].line, 3);
	assert_int_equal(tt->ev[1].end, utc(2018, 5, 9, 10, 45));
	assert_string_equal(tt->ev[1].tz, "UTC");
	done(tt, &ds);
}

static void
test_quoted_newline(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-quoted-newline.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 4);
	assert_int_equal(tt->ev[0].line, 2);
	assert_string_equal(tt->ev[0].abstract,
	    "first line\nsecond line, with a comma\nthird line");
	assert_int_equal(tt->ev[1].line, 5);
	assert_string_equal(tt->ev[1].title, "Two, quoted");
	assert_int_equal(tt->ev[2].line, 6);
	assert_string_equal(tt->ev[2].title, "Three \"quoted\"");
	assert_string_equal(tt->ev[2].abstract, "a\n\nb");
	assert_int_equal(tt->ev[3].line, 9);
	assert_string_equal(tt->ev[3].id, "csv-quoted-newline.csv:9");
	done(tt, &ds);
}

static void
test_semicolon_and_tab(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-semicolon.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	/* "datum" holds junk here; "day" is the date column */
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].level, PP_NOTE);
	assert_string_equal(ds.v[0].msg, "1 column not read: 'datum'");
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->ev[0].title, "Hello, world");
	assert_int_equal(tt->ev[0].nrooms, 2);
	assert_string_equal(tt->ev[0].rooms[1], "Room 2");
	assert_int_equal(tt->ev[0].nspeakers, 2);
	assert_string_equal(tt->ev[0].speakers[1], "Bob");
	assert_int_equal(tt->ev[0].start, utc(2025, 3, 1, 9, 0));
	done(tt, &ds);

	tt = load(FIX("csv-tab.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->ev[0].title, "Tabbed, with comma");
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 45);
	assert_int_equal(tt->ev[0].ntags, 2);
	assert_string_equal(tt->ev[0].tags[1], "b");
	assert_int_equal(pp_event_minutes(&tt->ev[1]), 90);
	done(tt, &ds);
}

static void
test_blank_lines_unknown_columns(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-blank-lines.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	/* unknown columns are read by nothing, and said so once */
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].level, PP_NOTE);
	assert_int_equal(ds.v[0].line, 3);
	assert_string_equal(ds.v[0].msg,
	    "3 columns not read: 'foo', 'bar', 'baz'");
	assert_int_equal(tt->n, 3);
	assert_string_equal(tt->ev[0].title, "First");
	assert_int_equal(tt->ev[0].line, 4);
	assert_string_equal(tt->ev[1].title, "Second"); /* short row */
	assert_int_equal(tt->ev[1].line, 8);
	assert_string_equal(tt->ev[2].title, "Third"); /* long row */
	assert_int_equal(tt->ev[2].line, 10);
	done(tt, &ds);
}

static void
test_iso_times(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-iso.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 7);
	/* 09:00-04:00 */
	assert_string_equal(tt->ev[0].id, "a");
	assert_int_equal(tt->ev[0].start, utc(2018, 5, 9, 13, 0));
	assert_int_equal(tt->ev[0].end, utc(2018, 5, 9, 14, 0));
	/* Z, with seconds and a space */
	assert_int_equal(tt->ev[1].start, utc(2018, 5, 9, 13, 0));
	assert_int_equal(tt->ev[1].end, utc(2018, 5, 9, 14, 30));
	/* floating in the row's zone, PT1H30M */
	assert_int_equal(tt->ev[2].start, utc(2018, 5, 9, 13, 0));
	assert_int_equal(tt->ev[2].end, utc(2018, 5, 9, 14, 30));
	assert_string_equal(tt->ev[2].tz, "America/New_York");
	/* "45" minutes, "1:30" */
	assert_int_equal(pp_event_minutes(&tt->ev[3]), 45);
	assert_int_equal(pp_event_minutes(&tt->ev[4]), 90);
	/* a bare end time takes the start's offset */
	assert_int_equal(tt->ev[5].start, utc(2018, 5, 9, 7, 0));
	assert_int_equal(tt->ev[5].end, utc(2018, 5, 9, 8, 15));
	/* +0530 */
	assert_int_equal(tt->ev[6].start, utc(2018, 5, 9, 3, 30));
	assert_int_equal(pp_event_minutes(&tt->ev[6]), 60);
	done(tt, &ds);
}

/* Europe/Brussels: 2025-03-30 02:00 CET becomes 03:00 CEST; 2025-10-26
 * 03:00 CEST becomes 02:00 CET. */
static void
test_dst(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-dst.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 3);
	assert_int_equal(tt->ev[0].start, utc(2025, 3, 30, 0, 30)); /* +01 */
	assert_int_equal(tt->ev[0].end, utc(2025, 3, 30, 1, 30));   /* +02 */
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 60);
	/* end "00:00" is the next day */
	assert_int_equal(tt->ev[1].start, utc(2025, 3, 29, 21, 0));
	assert_int_equal(tt->ev[1].end, utc(2025, 3, 29, 23, 0));
	assert_int_equal(tt->ev[2].start, utc(2025, 10, 25, 23, 30));
	assert_int_equal(tt->ev[2].end, utc(2025, 10, 26, 2, 30));
	assert_int_equal(pp_event_minutes(&tt->ev[2]), 180);
	done(tt, &ds);
}

static void
test_bad_rows_strict(void **state)
{
	static const struct {
		unsigned line;
		const char *msg;
	} want[] = {
	    {3,
	        "date '2018-02-30' is not a date (YYYY-MM-DD or "
	        "DD/MM/YYYY)"},
	    {4,
	        "start '9h' is not a time (HH:MM) or a date-time "
	        "(YYYY-MM-DDTHH:MM)"},
	    {5, "end '13:00' is before start '14:00'"},
	    {6, "unknown time zone 'Mars/Olympus'"},
	    {7, "missing title"},
	    {8, "end and duration are empty"},
	    {9,
	        "duration 'soon' is not minutes (45), H:MM or ISO 8601 "
	        "(PT45M)"},
	    {10, "recorded 'maybe' is not yes or no"},
	    {13,
	        "date 'Monday' is not a date (YYYY-MM-DD or "
	        "DD/MM/YYYY)"},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	tt = load(FIX("csv-bad-rows.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 10); /* line 13 has two */
	assert_int_equal(ds.nwarnings, 2);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct pp_diag *d = diag_at(&ds, want[i].line, PP_ERROR);

		assert_non_null(d);
		assert_string_equal(d->file, FIX("csv-bad-rows.csv"));
		assert_string_equal(d->msg, want[i].msg);
	}
	assert_string_equal(ds.v[ds.n - 1].msg,
	    "start '25:00' is not a time "
	    "(HH:MM) or a date-time (YYYY-MM-DDTHH:MM)");
	assert_int_equal(ds.v[ds.n - 1].line, 13);
	assert_string_equal(diag_at(&ds, 11, PP_WARNING)->msg,
	    "row has no time: not scheduled, skipped");
	assert_string_equal(diag_at(&ds, 12, PP_WARNING)->msg,
	    "blank slot (kind 'blank', no title): skipped");
	/* all rows were checked; the good ones still load */
	assert_int_equal(tt->n, 4);
	assert_int_equal(tt->ev[0].line, 2);
	assert_int_equal(tt->ev[0].recorded, PP_REC_YES);
	assert_int_equal(tt->ev[1].line, 14);
	assert_int_equal(tt->ev[1].recorded, PP_REC_NO);
	assert_int_equal(tt->ev[2].line, 15);
	assert_string_equal(tt->ev[2].title, "Quoted, \"multi\" line title");
	assert_int_equal(tt->ev[3].line, 17);
	done(tt, &ds);
}

static void
test_bad_rows_lenient(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-bad-rows.csv"), NULL, 1, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	/* one per bad row (3-10, 13), plus the two that are never errors */
	assert_int_equal(ds.nwarnings, 11);
	assert_int_equal(count_msg(&ds, ": event skipped"), 9);
	assert_string_equal(diag_at(&ds, 5, PP_WARNING)->msg,
	    "end '13:00' is before start '14:00': event skipped");
	assert_string_equal(diag_at(&ds, 13, PP_WARNING)->msg,
	    "date 'Monday' is not a date (YYYY-MM-DD or DD/MM/YYYY)"
	    "; start '25:00' is not a time (HH:MM) or a date-time "
	    "(YYYY-MM-DDTHH:MM): event skipped");
	/* only the bad rows are dropped */
	assert_int_equal(tt->n, 4);
	assert_string_equal(tt->ev[0].title, "Good one");
	assert_string_equal(tt->ev[1].title, "Good two");
	assert_string_equal(tt->ev[3].title, "Short row OK");
	done(tt, &ds);
}

static void
test_unterminated_quote(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r, lenient;

	(void)state;
	/* a damaged file, not a bad row: an error even with --lenient */
	for (lenient = 0; lenient <= 1; lenient++) {
		tt = load(FIX("csv-unterminated.csv"), NULL, lenient, &ds, &r);
		assert_int_equal(r, -1);
		assert_int_equal(ds.nerrors, 1);
		assert_int_equal(ds.v[0].line, 3);
		assert_string_equal(ds.v[0].msg,
		    "unterminated quoted field "
		    "'abstract': it runs to the end of the file");
		assert_int_equal(tt->n, 1);
		assert_string_equal(tt->ev[0].title, "Fine");
		done(tt, &ds);
	}
}

static void
test_nul_and_garbage(void **state)
{
	static const char nul[] = "title,date,start,end\n"
	                          "A\0B,2018-05-09,09:00,09:30\n";
	static const char latin1[] = "title,date,start,end\n"
	                             "Caf\xe9,2018-05-09,09:00,09:30\n";
	static const char utf16[] = "\xff\xfet\0i\0t\0l\0e\0";
	struct pp_diags ds;
	struct pp_timetable *tt;
	unsigned char junk[4096];
	uint32_t seed = 12345;
	size_t i, k;
	int r;

	(void)state;
	tt = load_buf(nul, sizeof(nul) - 1, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 2);
	assert_string_equal(ds.v[0].msg, "NUL byte in input: not a text file");
	assert_int_equal(tt->n, 0);
	done(tt, &ds);

	tt = load_buf(latin1, sizeof(latin1) - 1, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 2);
	assert_string_equal(ds.v[0].msg,
	    "not UTF-8 (byte 0xe9): convert the file (iconv -t UTF-8)");
	done(tt, &ds);

	tt = load_buf(utf16, sizeof(utf16) - 1, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_non_null(strstr(ds.v[0].msg, "UTF-16"));
	done(tt, &ds);

	/* Random bytes, with and without NULs, never crash (the sanitizer
	 * build checks the memory side) and never load silently. */
	for (k = 0; k < 200; k++) {
		size_t len = 1 + k * 20;

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			junk[i] = (unsigned char)(seed >> 16);
			if (k % 2 == 1 && junk[i] == 0)
				junk[i] = ',';
		}
		tt = load_buf((const char *)junk, len, k % 4 == 3, &ds, &r);
		assert_true(r == 0 || r == -1);
		if (r == -1)
			assert_true(ds.nerrors > 0);
		assert_int_equal(tt->n, 0);
		done(tt, &ds);
	}
}

static void
test_empty_and_header_only(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	struct pp_load_opts o = {NULL, 0};
	int r;

	(void)state;
	tt = load(FIX("csv-empty.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_string_equal(ds.v[0].msg, "empty input: no programme");
	done(tt, &ds);

	/* The CSV loader called directly on blank input. */
	tt = pp_timetable_new();
	pp_diags_init(&ds);
	r = pp_load_csv(tt, "x.csv", "\n \r\n", 4, &o, &ds);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_string_equal(ds.v[0].msg, "empty file: no header row");
	done(tt, &ds);

	tt = load(FIX("csv-header-only.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 1);
	assert_int_equal(ds.v[0].line, 1);
	assert_string_equal(ds.v[0].msg, "header only: no events");
	done(tt, &ds);
}

static void
test_missing_columns(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load(FIX("csv-missing-columns.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.n, 2);
	assert_string_equal(ds.v[0].msg, "1 column not read: 'name_of_thing'");
	assert_int_equal(ds.v[1].line, 1);
	assert_string_equal(ds.v[1].msg,
	    "header lacks required columns: title, end or duration");
	assert_int_equal(tt->n, 0);
	done(tt, &ds);
}

static void
test_aliases(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("csv-aliases.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(tt->n, 2);
	e = &tt->ev[0];
	assert_string_equal(e->id, "p1"); /* presentation_id */
	assert_string_equal(e->title, "Testing things");
	assert_string_equal(e->abstract, "A summary"); /* summary */
	assert_int_equal(e->nspeakers, 2);             /* name, with ';' */
	assert_string_equal(e->speakers[0], "Ann Lee");
	assert_string_equal(e->speakers[1], "Bo Ma");
	assert_int_equal(e->start, utc(2018, 10, 5, 9, 30)); /* D/M/Y, H:MM */
	assert_string_equal(e->room, "Ebury");               /* location */
	assert_string_equal(e->track, "Main");
	assert_string_equal(e->level, "Beginner");        /* audience_level */
	assert_string_equal(e->video_url, "https://v/1"); /* Video-URL */
	assert_string_equal(e->url, "https://u/1");
	assert_int_equal(e->recorded, PP_REC_YES);
	assert_int_equal(e->kind, PP_KIND_TALK); /* category "ml" */
	assert_string_equal(e->kind_word, "");
	assert_int_equal(e->ntags, 3); /* JSON list + "ml" */
	assert_string_equal(e->tags[0], "Python");
	assert_string_equal(e->tags[1], "Deep Learning");
	assert_string_equal(e->tags[2], "ml");
	e = &tt->ev[1];
	assert_int_equal(e->kind, PP_KIND_WORKSHOP); /* category "workshop" */
	assert_int_equal(e->recorded, PP_REC_NO);
	assert_int_equal(e->ntags, 2); /* "#one\n#two\n#One", deduplicated */
	assert_string_equal(e->tags[0], "one");
	assert_string_equal(e->tags[1], "two");
	done(tt, &ds);

	tt = load(FIX("csv-aliases2.csv"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	e = &tt->ev[0];
	assert_string_equal(e->title, "Title from summary");
	assert_string_equal(e->abstract, "Desc");
	assert_string_equal(e->kind_word, "Coffee Break"); /* type */
	assert_int_equal(e->kind, PP_KIND_BREAK);
	assert_int_equal(e->end, utc(2018, 5, 9, 10, 20)); /* finish */
	assert_int_equal(e->nspeakers, 2);
	assert_string_equal(e->room, "Hall");
	done(tt, &ds);
}

static void
test_more_time_rules(void **state)
{
	static const char csv[] =
	    "title,start,end,duration\n"
	    "Ends before,2018-05-09T10:00Z,2018-05-09T09:00Z,\n" /* 2 */
	    "Zero,2018-05-09T10:00Z,,0\n"                        /* 3 */
	    "No date,10:00,11:00,\n"                             /* 4 */
	    "Date only,2018-05-09,11:00,\n"                      /* 5 */
	    "Overnight,2018-05-09T23:30,01:00,\n"                /* 6 */
	    "Midnight,2018-05-09T23:00,24:00,\n"                 /* 7 */
	    "Bad offset,2018-05-09T10:00+25:00,,45\n"            /* 8 */
	    "Huge,2018-05-09T10:00Z,,99999999999\n";             /* 9 */
	static const char cr[] = "title,date,start,end\r"
	                         "A,2018-05-09,09:00,09:30\r\r"
	                         "B,2018-05-09,10:00,10:30\r";
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_buf(csv, sizeof(csv) - 1, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_string_equal(diag_at(&ds, 2, PP_ERROR)->msg,
	    "end '2018-05-09T09:00Z' is not after start '2018-05-09T10:00Z'");
	assert_string_equal(diag_at(&ds, 3, PP_ERROR)->msg,
	    "duration '0' is not between 1 minute and 7 days");
	assert_string_equal(diag_at(&ds, 4, PP_ERROR)->msg,
	    "start '10:00' has no date: give a date column or "
	    "YYYY-MM-DDTHH:MM");
	assert_string_equal(diag_at(&ds, 5, PP_ERROR)->msg,
	    "start '2018-05-09' is not a time (HH:MM) or a date-time "
	    "(YYYY-MM-DDTHH:MM)");
	assert_null(diag_at(&ds, 6, PP_ERROR));
	assert_null(diag_at(&ds, 7, PP_ERROR));
	assert_non_null(diag_at(&ds, 8, PP_ERROR));
	assert_non_null(diag_at(&ds, 9, PP_ERROR));
	assert_int_equal(ds.nerrors, 6);
	assert_int_equal(tt->n, 2);
	assert_int_equal(tt->ev[0].end, utc(2018, 5, 10, 1, 0));
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 90);
	assert_int_equal(tt->ev[1].end, utc(2018, 5, 10, 0, 0));
	done(tt, &ds);

	/* Old Mac line ends (CR only) still count lines. */
	tt = load_buf(cr, sizeof(cr) - 1, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 2);
	assert_int_equal(tt->ev[0].line, 2);
	assert_int_equal(tt->ev[1].line, 4);
	done(tt, &ds);
}

static void
test_unknown_default_zone(void **state)
{
	static const char csv[] = "title,date,start,end,tz\n"
	                          "A,2018-05-09,09:00,09:30,\n"
	                          "B,2018-05-09,09:00,09:30,Europe/Paris\n";
	struct pp_load_opts o = {"Nowhere/Land", 0};
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_buffer(tt, "z.csv", csv, sizeof(csv) - 1, &o,
	                     &ds),
	    -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 2);
	assert_string_equal(ds.v[0].msg, "unknown time zone 'Nowhere/Land'");
	assert_int_equal(tt->n, 1);
	assert_int_equal(tt->ev[0].start, utc(2018, 5, 9, 7, 0));
	done(tt, &ds);
}

static void
test_too_many_rows(void **state)
{
	static const char head[] = "title,date,start,end\n";
	static const char row[] = "t,2018-05-09,09:00,09:30\n";
	size_t n = PP_LOAD_MAX_EVENTS + 1, i, len;
	struct pp_diags ds;
	struct pp_timetable *tt;
	char *buf;
	int r;

	(void)state;
	len = sizeof(head) - 1 + n * (sizeof(row) - 1);
	buf = malloc(len);
	assert_non_null(buf);
	memcpy(buf, head, sizeof(head) - 1);
	for (i = 0; i < n; i++)
		memcpy(buf + sizeof(head) - 1 + i * (sizeof(row) - 1), row,
		    sizeof(row) - 1);
	tt = load_buf(buf, len, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, PP_LOAD_MAX_EVENTS + 2);
	assert_string_equal(ds.v[0].msg,
	    "more than 200000 rows: too many "
	    "events");
	assert_int_equal(tt->n, PP_LOAD_MAX_EVENTS);
	done(tt, &ds);
	free(buf);
}

static void
test_load_file_errors(void **state)
{
	char path[] = "/tmp/pyplan-test-XXXXXX";
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	int io = 0, fd;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_file(tt, FIX("no-such-file.csv"), NULL, &ds,
	                     &io),
	    -1);
	assert_int_equal(io, 1);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 0);
	assert_string_equal(ds.v[0].file, FIX("no-such-file.csv"));
	assert_string_equal(ds.v[0].msg,
	    "cannot open: No such file or "
	    "directory");
	pp_diags_fini(&ds);

	io = 0;
	assert_int_equal(pp_load_file(tt, FIXTURES, NULL, &ds, &io), -1);
	assert_int_equal(io, 1);
	assert_string_equal(ds.v[0].msg, "cannot read: Is a directory");
	pp_diags_fini(&ds);

	/* A sparse file one byte over the limit is refused unread. */
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)PP_LOAD_MAX_BYTES + 1), 0);
	close(fd);
	io = 1;
	assert_int_equal(pp_load_file(tt, path, NULL, &ds, &io), -1);
	assert_int_equal(io, 0);
	assert_string_equal(ds.v[0].msg, "input too large: over 256 MiB");
	unlink(path);
	assert_int_equal(tt->n, 0);
	done(tt, &ds);
}

static void
test_stdin(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int fd, saved, r;

	(void)state;
	fd = open(FIX("csv-bom-crlf.csv"), O_RDONLY);
	assert_true(fd >= 0);
	saved = dup(0);
	assert_true(saved >= 0);
	assert_int_equal(dup2(fd, 0), 0);
	close(fd);
	tt = load("-", NULL, 0, &ds, &r);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	clearerr(stdin);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->ev[0].file, "<stdin>");
	assert_string_equal(tt->ev[0].id, "<stdin>:2");
	done(tt, &ds);
}

static void
test_detect_format(void **state)
{
	static const struct {
		const char *s;
		enum pp_format f;
	} cases[] = {
	    {"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", PP_FMT_ICS},
	    {"\xef\xbb\xbf\r\n  begin:vcalendar\n", PP_FMT_ICS},
	    {"<?xml version=\"1.0\"?><schedule/>", PP_FMT_XML},
	    {"\n\t<schedule>", PP_FMT_XML},
	    {"{\"schedule\": {}}", PP_FMT_JSON},
	    {"\xef\xbb\xbf[1]", PP_FMT_JSON},
	    {"title,start,end\n", PP_FMT_CSV},
	    {"BEGIN:VCAL", PP_FMT_CSV},
	    {"", PP_FMT_UNKNOWN},
	    {"\xef\xbb\xbf \r\n\t", PP_FMT_UNKNOWN},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(pp_detect_format(cases[i].s,
		                     strlen(cases[i].s)),
		    cases[i].f);

	/* iCalendar goes to its own loader: an unterminated calendar is an
	 * error there, not a CSV error. */
	tt = load_buf(cases[0].s, strlen(cases[0].s), 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_true(ds.nerrors >= 1);
	assert_null(strstr(ds.v[0].msg, "not supported"));
	assert_null(strstr(ds.v[0].msg, "column"));
	done(tt, &ds);
	/* XML and JSON go to their own loaders (frab, and the JSON feeds). */
	tt = load_buf(cases[2].s, strlen(cases[2].s), 0, &ds, &r);
	assert_string_equal(ds.v[0].msg, "no <event> elements: no events");
	done(tt, &ds);
	tt = load_buf(cases[4].s, strlen(cases[4].s), 0, &ds, &r);
	assert_non_null(strstr(ds.v[0].msg, "not a known JSON programme"));
	done(tt, &ds);
}

/*
 * The bounds of a duration hold for an end too: at least a minute (a plan
 * counts whole minutes) and at most 7 days, as in the other formats.
 */
static void
test_event_length_bounds(void **state)
{
	static const char csv[] =
	    "title,start,end\n"
	    "Week,2018-05-09T10:00,2018-05-17T10:00\n"          /* 2 */
	    "Seconds,2018-05-09T10:00:00,2018-05-09T10:00:30\n" /* 3 */
	    "Minute,2018-05-09T11:00:00,2018-05-09T11:01:00\n"  /* 4 */
	    "Days,2018-05-09T10:00,2018-05-16T10:00\n";         /* 5 */
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_buf(csv, sizeof(csv) - 1, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(ds.nerrors, 2);
	assert_string_equal(diag_at(&ds, 2, PP_ERROR)->msg,
	    "end '2018-05-17T10:00' is more than 7 days after start "
	    "'2018-05-09T10:00'");
	assert_string_equal(diag_at(&ds, 3, PP_ERROR)->msg,
	    "end '2018-05-09T10:00:30' is less than a minute after start "
	    "'2018-05-09T10:00:00'");
	assert_int_equal(tt->n, 2);
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 1);
	done(tt, &ds);
}

/*
 * A timezone column that every event row agrees on is the zone the file
 * declares (tt->tz); rows that differ, or leave it empty, declare none.
 */
static void
test_zone_column(void **state)
{
	static const char same[] =
	    "title,date,start,end,tz\n"
	    "A,2018-05-09,09:00,09:30,America/New_York\n"
	    "B,2018-05-09,10:00,10:30,America/New_York\n";
	static const char mixed[] =
	    "title,date,start,end,tz\n"
	    "A,2018-05-09,09:00,09:30,America/New_York\n"
	    "B,2018-05-09,10:00,10:30,America/Chicago\n";
	static const char partly[] =
	    "title,date,start,end,tz\n"
	    "A,2018-05-09,09:00,09:30,America/New_York\n"
	    "B,2018-05-09,10:00,10:30,\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_buf(same, sizeof(same) - 1, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_string_equal(tt->tz, "America/New_York");
	done(tt, &ds);
	tt = load_buf(mixed, sizeof(mixed) - 1, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_null(tt->tz);
	done(tt, &ds);
	tt = load_buf(partly, sizeof(partly) - 1, 0, &ds, &r);
	assert_null(tt->tz);
	done(tt, &ds);
	/* the derived PyCon 2018 file says America/New_York on every row */
	tt = load(FIX("pycon-us-2018-schedule.derived.csv"), NULL, 0, &ds, &r);
	assert_string_equal(tt->tz, "America/New_York");
	done(tt, &ds);
	/* --tz is not a zone the file declares */
	tt = load(FIX("csv-iso.csv"), "Europe/Paris", 0, &ds, &r);
	assert_null(tt->tz);
	done(tt, &ds);
}

/* A language column, any of its aliases; a word it does not know is a
 * note at the row, not a guess. */
static void
test_language_column(void **state)
{
	static const char csv[] = "title,date,start,end,Sprache\n"
	                          "A,2018-05-09,09:00,09:30,Deutsch\n"
	                          "B,2018-05-09,10:00,10:30,\"en, de\"\n"
	                          "C,2018-05-09,11:00,11:30,\n"
	                          "D,2018-05-09,12:00,12:30,Klingon\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_buf(csv, sizeof(csv) - 1, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 4);
	assert_string_equal(tt->ev[0].lang, "de");
	assert_string_equal(tt->ev[1].lang, "en,de");
	assert_string_equal(tt->ev[2].lang, "");
	assert_string_equal(tt->ev[3].lang, "");
	d = diag_at(&ds, 5, PP_NOTE);
	assert_non_null(d);
	assert_non_null(strstr(d->msg, "language 'Klingon'"));
	done(tt, &ds);
}

/* 12-hour clock times and two-digit years, as in the 31C3 Sendezentrum
 * sheet: "2:00 p.m.", "12:30am", "0:00 a.m." (midnight), "11:59 PM";
 * "13:00 pm" is no time. */
static void
test_twelve_hour(void **state)
{
	static const char csv[] = "title,date,start,end\n"
	                          "A,27/12/14,2:00 p.m.,3:00 P.M.\n"
	                          "B,28/12/14,12:30am,1:00 a.m.\n"
	                          "C,28/12/2014,0:00 a.m.,11:59 PM\n"
	                          "D,28/12/14,12:00 pm,1:00pm\n"
	                          "E,28/12/14,13:00 pm,14:00\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_buf(csv, sizeof(csv) - 1, 1, &ds, &r);
	assert_int_equal(tt->n, 4);
	assert_int_equal(tt->ev[0].start, 1419688800); /* 2014-12-27 14:00Z */
	assert_int_equal(tt->ev[0].end, 1419692400);
	assert_int_equal(tt->ev[1].start, 1419726600); /* 12-28 00:30 */
	assert_int_equal(tt->ev[1].end, 1419728400);
	assert_int_equal(tt->ev[2].start, 1419724800); /* 12-28 00:00 */
	assert_int_equal(tt->ev[2].end, 1419811140);   /* 23:59 */
	assert_int_equal(tt->ev[3].start, 1419768000); /* noon */
	assert_int_equal(tt->ev[3].end, 1419771600);
	d = diag_at(&ds, 6, PP_WARNING);
	assert_non_null(d);
	assert_non_null(strstr(d->msg, "'13:00 pm' is not a time"));
	done(tt, &ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pycon_derived),
	    cmocka_unit_test(test_pycones),
	    cmocka_unit_test(test_vivatech),
	    cmocka_unit_test(test_bom_crlf),
	    cmocka_unit_test(test_quoted_newline),
	    cmocka_unit_test(test_semicolon_and_tab),
	    cmocka_unit_test(test_blank_lines_unknown_columns),
	    cmocka_unit_test(test_iso_times),
	    cmocka_unit_test(test_dst),
	    cmocka_unit_test(test_bad_rows_strict),
	    cmocka_unit_test(test_bad_rows_lenient),
	    cmocka_unit_test(test_unterminated_quote),
	    cmocka_unit_test(test_nul_and_garbage),
	    cmocka_unit_test(test_empty_and_header_only),
	    cmocka_unit_test(test_missing_columns),
	    cmocka_unit_test(test_aliases),
	    cmocka_unit_test(test_more_time_rules),
	    cmocka_unit_test(test_unknown_default_zone),
	    cmocka_unit_test(test_too_many_rows),
	    cmocka_unit_test(test_load_file_errors),
	    cmocka_unit_test(test_stdin),
	    cmocka_unit_test(test_detect_format),
	    cmocka_unit_test(test_event_length_bounds),
	    cmocka_unit_test(test_zone_column),
	    cmocka_unit_test(test_language_column),
	    cmocka_unit_test(test_twelve_hour),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return r;
}
