/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the frab XML reader: the corpus
 * schedules (counts taken independently with python3's xml.etree),
 * legacy Pentabarf files, diagnostics with lines, strict and lenient
 * mode, and hostile documents (entity expansion, external entities, deep
 * nesting) that must be refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define LOAD_STR_NAME "t.xml"
#include "loadutil.h"

#include "pyplan/load.h"
#include "pyplan/load_xml.h"
#include "pyplan/tz.h"

static size_t
count_recorded(const struct pp_timetable *tt, enum pp_recorded r)
{
	size_t i, n = 0;

	for (i = 0; i < tt->n; i++)
		n += tt->ev[i].recorded == r;
	return n;
}

/*
 * FOSDEM 2025: modern frab, guid on every event, ISO <date> with offset.
 * python3 -c "import xml.etree.ElementTree as E; print(len(list(
 *   E.parse('tests/fixtures/fosdem-2025.xml').getroot().iter('event'))))"
 */
#define FOSDEM_2025_EVENTS 943

static void
test_fosdem_2025(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("fosdem-2025.xml"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 0);
	assert_int_equal(tt->n, FOSDEM_2025_EVENTS);
	assert_string_equal(tt->name, "FOSDEM 2025");
	/* line 100: the first event, keyed on its guid */
	e = find_id(tt, "852280ac-61d3-588c-b74c-8d87f9d9d2c6");
	assert_non_null(e);
	assert_int_equal(e->line, 100);
	assert_string_equal(e->title,
	    "A New Approach to Callee-Saved Registers in LLVM");
	assert_int_equal(e->start, utc(2025, 2, 1, 9, 35));
	assert_int_equal(e->end, utc(2025, 2, 1, 10, 0));
	assert_string_equal(e->tz, "Europe/Brussels");
	assert_string_equal(e->room, "K.3.201");
	assert_string_equal(e->track, "LLVM");
	assert_string_equal(e->kind_word, "devroom");
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_int_equal(e->nspeakers, 1);
	assert_string_equal(e->speakers[0], "Mikhail Gudim");
	/* the abstract's escaped HTML is plain text now */
	assert_null(strstr(e->abstract, "<p>"));
	assert_non_null(strstr(e->abstract, "Currently LLVM saves"));
	done(tt, &ds);
}

/* python3 -c "import xml.etree.ElementTree as E; print(len(list(
 *   E.parse('tests/fixtures/fosdem-2018.xml').getroot().iter('event'))))"
 * and the events with a "Video..." link or one on video.fosdem.org: 645 */
#define FOSDEM_2018_EVENTS 689
#define FOSDEM_2018_VIDEOS 645

static void
test_fosdem_2018(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	/* no time_zone_name: floating, read in the --tz zone */
	tt = load(FIX("fosdem-2018.xml"), "Europe/Brussels", 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, FOSDEM_2018_EVENTS);
	assert_int_equal(count_recorded(tt, PP_REC_YES), FOSDEM_2018_VIDEOS);
	e = &tt->ev[0];
	assert_string_equal(e->tz, "Europe/Brussels");
	e = find_title(tt, "Consensus as a Service");
	assert_non_null(e);
	assert_string_equal(e->video_url,
	    "https://video.fosdem.org/2018/Janson/osi.mp4");
	done(tt, &ds);
}

/*
 * FOSDEM 2007, legacy Pentabarf: no <date>, no <room> wrapper, empty
 * <type>.  python3 -c "import xml.etree.ElementTree as E; print(len(list(
 *   E.parse('tests/fixtures/fosdem-2007.xml').getroot().iter('event'))))"
 */
#define FOSDEM_2007_EVENTS 215

static void
test_fosdem_2007(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("fosdem-2007.xml"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, FOSDEM_2007_EVENTS);
	e = find_id(tt, "0");
	assert_non_null(e);
	assert_int_equal(e->line, 15);
	assert_string_equal(e->title, "AIGLX");
	/* floating 15:00 on the day's date; UTC without a zone */
	assert_string_equal(e->tz, "UTC");
	assert_int_equal(e->start, utc(2007, 2, 25, 15, 0));
	assert_int_equal(e->end, utc(2007, 2, 25, 15, 45));
	assert_string_equal(e->room, "Chavanne");
	assert_string_equal(e->speakers[0], "Kristian H\xc3\xb8gsberg");
	assert_string_equal(e->video_url,
	    "http://video.fosdem.org/2007/FOSDEM2007-AIGLX.ogg");
	assert_int_equal(e->recorded, PP_REC_YES);
	assert_int_equal(e->kind, PP_KIND_TALK);
	assert_non_null(strstr(e->abstract, "AIGLX fits in the larger"));
	assert_null(strstr(e->abstract, "<a href"));
	done(tt, &ds);

	/* the same wall-clock time read in Brussels (UTC+1 in winter) */
	tt = load(FIX("fosdem-2007.xml"), "Europe/Brussels", 0, &ds, &r);
	assert_int_equal(r, 0);
	e = find_id(tt, "0");
	assert_int_equal(e->start, utc(2007, 2, 25, 14, 0));
	assert_string_equal(e->tz, "Europe/Brussels");
	done(tt, &ds);
}

/*
 * 38C3 (c3voc schema): mixed offsets, free-text types, do_not_stream and
 * recording opt-outs.  python3 -c "import xml.etree.ElementTree as E;
 *   print(len(list(E.parse('tests/fixtures/ccc-38c3-schedule.xml')
 *   .getroot().iter('event'))))"; events whose recording/optout or
 * do_not_stream is true: 25.
 */
#define CCC_38C3_EVENTS 1007
#define CCC_38C3_NOT_RECORDED 25

static void
test_38c3(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("ccc-38c3-schedule.xml"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, CCC_38C3_EVENTS);
	assert_int_equal(count_recorded(tt, PP_REC_NO), CCC_38C3_NOT_RECORDED);
	e = find_id(tt, "d6acd798-31ec-4c01-8067-a92e6525c151");
	assert_non_null(e);
	assert_int_equal(e->start, utc(2024, 12, 28, 12, 0));
	assert_int_equal(e->end - e->start, 3600);
	assert_int_equal(e->recorded, PP_REC_NO); /* do_not_stream */
	assert_string_equal(e->tz, "Europe/Berlin");
	done(tt, &ds);
}

/*
 * 31C3, frab 1.x: no time_zone_name, so the display zone is the fixed
 * +01:00 of the dates.  python3 -c "import xml.etree.ElementTree as E;
 *   print(len(list(E.parse('tests/fixtures/ccc-31c3-schedule.xml')
 *   .getroot().iter('event'))))"; recording/optout true on 2, false on
 * 136.
 */
#define CCC_31C3_EVENTS 138

static void
test_31c3(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load(FIX("ccc-31c3-schedule.xml"), NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, CCC_31C3_EVENTS);
	assert_int_equal(count_recorded(tt, PP_REC_NO), 2);
	assert_int_equal(count_recorded(tt, PP_REC_YES), 136);
	e = find_id(tt, "77aea78c-f2d2-461a-92b3-82929a79d598");
	assert_non_null(e);
	assert_string_equal(e->title, "Citizenfour");
	/* listed under 2014-12-27, starts at midnight: the 28th */
	assert_int_equal(e->start, utc(2014, 12, 27, 23, 0));
	assert_string_equal(e->tz, "Etc/GMT-1");
	done(tt, &ds);

	/* --tz names the display zone when the file has none */
	tt = load(FIX("ccc-31c3-schedule.xml"), "Europe/Berlin", 0, &ds, &r);
	assert_string_equal(tt->ev[0].tz, "Europe/Berlin");
	done(tt, &ds);
}

/* A legacy day: start times before <day_change> or before the day's
 * start attribute belong to the next calendar day. */
static void
test_day_rollover(void **state)
{
	static const char doc[] =
	    "<schedule><conference><title>X</title>"
	    "<time_zone_name>Europe/Berlin</time_zone_name>"
	    "<day_change>06:00</day_change></conference>\n"
	    "<day date=\"2024-12-27\"><room name=\"A\">\n"
	    "<event id=\"late\"><start>23:00</start>"
	    "<duration>1:00:00</duration><title>Late</title></event>\n"
	    "<event id=\"night\"><start>01:30</start><duration>0:30</duration>"
	    "<title>Night</title></event>\n"
	    "</room></day>\n"
	    "<day date=\"2024-12-28\" start=\"2024-12-28T10:00:00+01:00\">\n"
	    "<event id=\"early\"><start>09:00</start><duration>0:30</duration>"
	    "<room>B</room><title>Early</title></event>\n"
	    "</day></schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 3);
	e = find_id(tt, "late");
	assert_int_equal(e->start, utc(2024, 12, 27, 22, 0));
	assert_int_equal(e->end, utc(2024, 12, 27, 23, 0));
	assert_string_equal(e->room, "A");
	e = find_id(tt, "night");
	assert_int_equal(e->start, utc(2024, 12, 28, 0, 30));
	assert_int_equal(e->line, 4);
	e = find_id(tt, "early");
	assert_int_equal(e->start, utc(2024, 12, 29, 8, 0));
	assert_string_equal(e->room, "B");
	done(tt, &ds);
}

/* Every problem of a strict file is an error at its element's line. */
static void
test_bad_events_strict(void **state)
{
	static const char doc[] =
	    "<schedule>\n"
	    "<day date=\"2025-02-01\">\n"
	    "<event id=\"1\"><title>Good</title><start>10:00</start>\n"
	    "<duration>00:30</duration></event>\n"
	    "<event id=\"2\">\n"
	    "<title>Bad</title>\n"
	    "<start>25:00</start>\n"
	    "<duration>half an hour</duration>\n"
	    "</event>\n"
	    "<event id=\"3\"><start>10:00</start><duration>0:30</duration>"
	    "</event>\n"
	    "<event id=\"4\"><title>Zero</title><start>10:00</start>"
	    "<duration>00:00</duration></event>\n"
	    "<event id=\"5\"><title>Flag</title><start>10:00</start>"
	    "<duration>00:30</duration>\n<do_not_record>maybe</do_not_record>"
	    "</event>\n"
	    "<event id=\"6\"><title>Date</title>\n"
	    "<date>2025-02-30T10:00:00+01:00</date><duration>00:30</duration>"
	    "</event>\n"
	    "<event id=\"7\"><title>Nothing</title></event>\n"
	    "</day></schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].title, "Good");
	d = diag_with(&ds, "start '25:00'");
	assert_non_null(d);
	assert_int_equal(d->line, 7);
	assert_int_equal(d->level, PP_ERROR);
	d = diag_with(&ds, "duration 'half an hour'");
	assert_non_null(d);
	assert_int_equal(d->line, 8);
	d = diag_with(&ds, "missing title");
	assert_non_null(d);
	assert_int_equal(d->line, 10);
	d = diag_with(&ds, "zero length");
	assert_non_null(d);
	assert_int_equal(d->level, PP_WARNING);
	assert_int_equal(d->line, 11);
	d = diag_with(&ds, "do_not_record 'maybe'");
	assert_non_null(d);
	assert_int_equal(d->line, 13);
	d = diag_with(&ds, "date '2025-02-30");
	assert_non_null(d);
	assert_int_equal(d->line, 15);
	assert_non_null(diag_with(&ds, "no start time"));
	assert_non_null(diag_with(&ds, "no duration"));
	assert_int_equal(ds.nerrors, 7);
	done(tt, &ds);

	/* lenient: each bad event is one warning, the rest loads */
	tt = load_str(doc, NULL, 1, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(tt->n, 1);
	d = diag_with(&ds, "start '25:00'");
	assert_non_null(d);
	assert_non_null(strstr(d->msg, ": event skipped"));
	assert_int_equal(d->line, 5);
	assert_non_null(strstr(d->msg, "duration 'half an hour'"));
	assert_int_equal(ds.nwarnings, 6);
	done(tt, &ds);
}

static void
test_malformed(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_str("<schedule>\n<day date=\"2025-01-01\">\n<event>\n"
	              "</evnt></day></schedule>\n",
	    NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.v[0].line, 4);
	assert_non_null(strstr(ds.v[0].msg, "not well-formed XML: "));
	assert_non_null(strstr(ds.v[0].msg, "mismatch"));
	done(tt, &ds);

	tt = load_str("<?xml version=\"1.0\"?>\n<rss><channel/></rss>\n", NULL,
	    0, &ds, &r);
	assert_int_equal(r, -1);
	assert_string_equal(ds.v[0].msg,
	    "not a frab schedule: the root "
	    "element is <rss>, not <schedule>");
	assert_int_equal(ds.v[0].line, 2);
	done(tt, &ds);

	tt = load_str(
	    "<schedule><conference>\n<time_zone_name>Mars/Olympus"
	    "</time_zone_name></conference><day date=\"2025-01-01\"><event>"
	    "<title>A</title><start>10:00</start><duration>0:30</duration>"
	    "</event></day></schedule>",
	    NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_string_equal(ds.v[0].msg, "unknown time zone 'Mars/Olympus'");
	assert_int_equal(ds.v[0].line, 2);
	done(tt, &ds);

	/* a legacy start outside any dated day */
	tt = load_str("<schedule><day>\n<event><title>A</title>"
	              "<start>10:00</start><duration>0:30</duration></event>"
	              "</day></schedule>",
	    NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_non_null(diag_with(&ds, "has no date"));
	done(tt, &ds);

	/* well-formed, but no events at all: a warning */
	tt = load_str("<schedule/>", NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(ds.nwarnings, 1);
	done(tt, &ds);
}

/* A DOCTYPE without entities is harmless and accepted. */
static void
test_doctype_without_entities(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt =
	    load_str("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n"
	             "<!ELEMENT schedule ANY>\n]>\n<schedule><day "
	             "date=\"2025-01-01\">"
	             "<event><title>A</title><start>10:00</start><duration>0:30"
	             "</duration></event></day></schedule>\n",
	        NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	done(tt, &ds);
}

/* Billion laughs: refused at the first entity declaration, so nothing is
 * ever expanded. */
static void
test_billion_laughs(void **state)
{
	char doc[4096];
	size_t len;
	int i, j;
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	/* lol1 is ten lol, lol2 ten lol1, ... lol9 is 10^9 "lol"s */
	len = (size_t)snprintf(doc, sizeof(doc),
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE schedule [\n <!ENTITY lol \"lol\">\n");
	for (i = 1; i <= 9; i++) {
		len += (size_t)snprintf(doc + len, sizeof(doc) - len,
		    " <!ENTITY lol%d \"", i);
		for (j = 0; j < 10; j++)
			if (i == 1)
				len += (size_t)snprintf(doc + len,
				    sizeof(doc) - len, "&lol;");
			else
				len += (size_t)snprintf(doc + len,
				    sizeof(doc) - len, "&lol%d;", i - 1);
		len += (size_t)snprintf(doc + len, sizeof(doc) - len, "\">\n");
	}
	snprintf(doc + len, sizeof(doc) - len,
	    "]>\n<schedule><conference>"
	    "<title>&lol9;</title></conference><day date=\"2025-01-01\">"
	    "<event><title>&lol9;</title><start>10:00</start><duration>0:30"
	    "</duration></event></day></schedule>\n");
	assert_non_null(strstr(doc, "<!ENTITY lol9 \"&lol8;&lol8;"));
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_null(tt->name);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(ds.v[0].line, 3);
	assert_string_equal(ds.v[0].msg,
	    "DOCTYPE declares entity 'lol': "
	    "refused (entities can expand without bound or read other "
	    "files)");
	done(tt, &ds);
	/* lenient mode does not lower the guard */
	tt = load_str(doc, NULL, 1, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	done(tt, &ds);
}

/* External entities (a file, a parameter entity) are refused too. */
static void
test_external_entity(void **state)
{
	static const char *const docs[] = {
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE schedule [\n"
	    "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
	    "<schedule><day date=\"2025-01-01\"><event><title>&xxe;"
	    "</title><start>10:00</start><duration>0:30</duration>"
	    "</event></day></schedule>\n",
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE schedule [\n"
	    "<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n"
	    "<schedule/>\n",
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
		tt = load_str(docs[i], NULL, 0, &ds, &r);
		assert_int_equal(r, -1);
		assert_int_equal(tt->n, 0);
		assert_int_equal(ds.v[0].line, 3);
		assert_non_null(strstr(ds.v[0].msg, "DOCTYPE declares entity"));
		assert_null(diag_with(&ds, "root:"));
		done(tt, &ds);
	}
}

/* An external DTD is never read: its entity stays undefined. */
static void
test_external_dtd_not_loaded(void **state)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE schedule SYSTEM \"" FIXTURES "/xml-evil.dtd\">\n"
	    "<schedule><day date=\"2025-01-01\"><event><title>&pwned;"
	    "</title><start>10:00</start><duration>0:30</duration>"
	    "</event></day></schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_non_null(diag_with(&ds, "'pwned' not defined"));
	for (i = 0; i < tt->n; i++)
		assert_null(strstr(tt->ev[i].title, "PWNED"));
	done(tt, &ds);
}

/* 100 MB of nesting stops at libxml2's depth limit. */
static void
test_deep_nesting(void **state)
{
	size_t n = (size_t)100 << 20, i;
	char *doc = malloc(n + 1);
	struct pp_diags ds;
	struct pp_timetable *tt;
	struct pp_load_opts o = {NULL, 0};
	int r;

	(void)state;
	assert_non_null(doc);
	memcpy(doc, "<schedule>", 10);
	for (i = 10; i + 3 <= n; i += 3)
		memcpy(doc + i, "<a>", 3);
	doc[i] = '\0';
	tt = pp_timetable_new();
	pp_diags_init(&ds);
	r = pp_load_buffer(tt, "deep.xml", doc, i, &o, &ds);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_non_null(diag_with(&ds, "nested deeper than 256"));
	free(doc);
	done(tt, &ds);
}

/* Files of different formats merge into one timetable. */
static void
test_merge_formats(void **state)
{
	struct pp_load_opts o = {"Europe/Brussels", 0};
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	int io;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_load_file(tt, FIX("fosdem-2007.xml"), &o, &ds, &io),
	    0);
	assert_int_equal(pp_load_file(tt, FIX("c3voc-hub-schedule2.json"), &o,
	                     &ds, &io),
	    0);
	/* 13 rows */
	assert_int_equal(pp_load_file(tt, FIX("cli-small.csv"), &o, &ds, &io),
	    0);
	assert_int_equal(tt->n, FOSDEM_2007_EVENTS + 2 + 13);
	/* the first file names the timetable */
	assert_string_equal(tt->name, "FOSDEM 2007");
	done(tt, &ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fosdem_2025),
	    cmocka_unit_test(test_fosdem_2018),
	    cmocka_unit_test(test_fosdem_2007),
	    cmocka_unit_test(test_38c3),
	    cmocka_unit_test(test_31c3),
	    cmocka_unit_test(test_day_rollover),
	    cmocka_unit_test(test_bad_events_strict),
	    cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_doctype_without_entities),
	    cmocka_unit_test(test_billion_laughs),
	    cmocka_unit_test(test_external_entity),
	    cmocka_unit_test(test_external_dtd_not_loaded),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_merge_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
