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
	assert_int_equal(d->line, 5);
	assert_int_equal(diag_with(&ds, ": event skipped"), d);
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

/* An external DTD is never read: the document is refused, as documented,
 * and the DTD's entity never reaches a title. */
static void
test_external_dtd_refused(void **state)
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
	assert_non_null(diag_with(&ds, "DOCTYPE names an external DTD"));
	assert_int_equal(diag_with(&ds, "DOCTYPE names")->line, 2);
	assert_int_equal(ds.nerrors, 1);
	assert_int_equal(tt->n, 0);
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

/*
 * The zone the file names becomes the programme's (tt->tz); offsets alone
 * never do.  The day change comes from the days' start and end attributes
 * (38C3: 06:00 to 06:00; 31C3: days end at 04:00; FOSDEM 2025: 09:00 to
 * 08:59), else from the conference's <day_change> (FOSDEM 2018).
 */
static void
test_declared_zone_and_day_change(void **state)
{
	static const struct declares cases[] = {
	    {FIX("ccc-38c3-schedule.xml"), "Europe/Berlin", 6 * 60},
	    {FIX("ccc-31c3-schedule.xml"), NULL, 4 * 60},
	    {FIX("fosdem-2025.xml"), "Europe/Brussels", 9 * 60},
	    {FIX("fosdem-2018.xml"), NULL, 9 * 60},
	    {FIX("feed-nights.xml"), "Europe/Berlin", 6 * 60},
	};
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	check_declares(cases, sizeof(cases) / sizeof(cases[0]));
	/* --tz is not what the file declares */
	tt = load(FIX("ccc-31c3-schedule.xml"), "Europe/Berlin", 0, &ds, &r);
	assert_null(tt->tz);
	assert_int_equal(tt->day_change, 4 * 60);
	done(tt, &ds);
}

/* Days that end at different hours give no day change, with a note; a
 * day that ends on its own evening says nothing. */
static void
test_day_change_disagree(void **state)
{
	static const char doc[] =
	    "<schedule><conference><time_zone_name>Europe/Berlin"
	    "</time_zone_name></conference>\n"
	    "<day date=\"2024-12-27\" start=\"2024-12-27T10:00:00+01:00\" "
	    "end=\"2024-12-28T04:00:00+01:00\"/>\n"
	    "<day date=\"2024-12-28\" start=\"2024-12-28T10:00:00+01:00\" "
	    "end=\"2024-12-29T06:00:00+01:00\"/>\n"
	    "<day date=\"2024-12-29\" start=\"2024-12-29T10:00:00+01:00\" "
	    "end=\"2024-12-29T18:00:00+01:00\">\n"
	    "<event id=\"a\"><date>2024-12-29T11:00:00+01:00</date>"
	    "<duration>0:30</duration><title>A</title></event></day>\n"
	    "</schedule>\n";
	static const char same[] =
	    "<schedule>\n"
	    "<day date=\"2024-12-27\" start=\"2024-12-27T10:00:00+01:00\" "
	    "end=\"2024-12-27T18:00:00+01:00\">\n"
	    "<event id=\"a\"><date>2024-12-27T11:00:00+01:00</date>"
	    "<duration>0:30</duration><title>A</title></event></day>\n"
	    "</schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->day_change, -1);
	d = diag_with(&ds, "no single day change");
	assert_non_null(d);
	assert_int_equal(d->level, PP_NOTE);
	assert_string_equal(d->msg,
	    "the days end at different times (04:00 to 06:00): no single day "
	    "change");
	assert_int_equal(d->line, 2);
	assert_string_equal(tt->tz, "Europe/Berlin");
	done(tt, &ds);
	tt = load_str(same, NULL, 0, &ds, &r);
	assert_int_equal(tt->day_change, -1);
	assert_int_equal(ds.n, 0);
	done(tt, &ds);
}

/* Two files that declare different zones or day changes: the first one's
 * stay, the second file gets a warning. */
static void
test_two_files_disagree(void **state)
{
	static const char a[] =
	    "<schedule><conference><time_zone_name>Europe/Berlin"
	    "</time_zone_name><day_change>04:00</day_change></conference>\n"
	    "<day date=\"2025-01-01\"><event id=\"a\"><start>10:00</start>"
	    "<duration>0:30</duration><title>A</title></event></day>"
	    "</schedule>\n";
	static const char b[] =
	    "<schedule><conference>\n<time_zone_name>Europe/Lisbon"
	    "</time_zone_name><day_change>06:00</day_change></conference>\n"
	    "<day date=\"2025-01-01\"><event id=\"b\"><start>10:00</start>"
	    "<duration>0:30</duration><title>B</title></event></day>"
	    "</schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_diag *d;
	int r;

	(void)state;
	tt = load_str(a, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(pp_load_buffer(tt, "b.xml", b, strlen(b), NULL, &ds),
	    0);
	assert_int_equal(tt->n, 2);
	assert_string_equal(tt->tz, "Europe/Berlin");
	assert_int_equal(tt->day_change, 4 * 60);
	d = diag_with(&ds, "declares time zone");
	assert_non_null(d);
	assert_string_equal(d->file, "b.xml");
	assert_int_equal(d->line, 2);
	assert_int_equal(d->level, PP_WARNING);
	assert_string_equal(d->msg,
	    "the file declares time zone 'Europe/Lisbon', an earlier file "
	    "'Europe/Berlin': the programme keeps 'Europe/Berlin'");
	assert_non_null(diag_with(&ds,
	    "the file's days change at 06:00, an earlier file's at 04:00"));
	/* each file's own times are still read in its own zone */
	assert_int_equal(find_id(tt, "b")->start, utc(2025, 1, 1, 10, 0));
	assert_int_equal(find_id(tt, "a")->start, utc(2025, 1, 1, 9, 0));
	done(tt, &ds);
}

/* libxml2 2.9 checks attributes for duplicates in quadratic time: more
 * than PP_XML_MAX_ATTRS on one element are refused before parsing. */
static void
test_many_attributes(void **state)
{
	size_t cap = 64 + (PP_XML_MAX_ATTRS + 2) * 16, n, i, k;
	char *doc = malloc(cap);
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	assert_non_null(doc);
	for (k = PP_XML_MAX_ATTRS; k <= PP_XML_MAX_ATTRS + 1; k++) {
		n = (size_t)sprintf(doc, "<schedule>\n<!-- a=b -->\n<day");
		for (i = 0; i < k; i++)
			n += (size_t)sprintf(doc + n, " a%zu='=%zu'", i, i);
		sprintf(doc + n, "/></schedule>\n");
		tt = load_str(doc, NULL, 0, &ds, &r);
		if (k == PP_XML_MAX_ATTRS) {
			/* at the limit: read (a document without events) */
			assert_int_equal(r, 0);
			assert_null(diag_with(&ds, "attributes"));
		} else {
			assert_int_equal(r, -1);
			assert_int_equal(ds.nerrors, 1);
			assert_string_equal(ds.v[0].msg,
			    "element <day> has more than 256 attributes: "
			    "refused");
			assert_int_equal(ds.v[0].line, 3);
		}
		done(tt, &ds);
	}
	free(doc);
}

/* libxml2's messages become one-line diagnostics, and nothing of a
 * document that is not well-formed is kept or said about its events. */
static void
test_libxml_messages(void **state)
{
	static const char bad_utf8[] =
	    "<?xml version=\"1.0\"?>\n<schedule>\n<conference><title>"
	    "\xff\xfe bad</title></conference></schedule>\n";
	static const char late_error[] =
	    "<schedule><day date=\"2025-01-01\">\n"
	    "<event id=\"a\"><start>10:00</start><duration>0:30</duration>"
	    "<title>A</title></event>\n"
	    "<event id=\"b\"><start>99:00</start><duration>0:30</duration>"
	    "<title>B</title></event>\n"
	    "</day></schedule><oops>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	(void)state;
	tt = load_str(bad_utf8, NULL, 0, &ds, &r);
	assert_int_equal(r, -1);
	assert_true(ds.nerrors >= 1);
	assert_non_null(diag_with(&ds, "not proper UTF-8"));
	for (i = 0; i < ds.n; i++)
		assert_null(strpbrk(ds.v[i].msg, "\r\n"));
	assert_non_null(diag_with(&ds, "indicate encoding ! Bytes: 0xFF"));
	done(tt, &ds);
	tt = load_str(late_error, NULL, 1, &ds, &r);
	assert_int_equal(r, -1);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.nwarnings, 0);
	assert_null(diag_with(&ds, "99:00"));
	assert_non_null(diag_with(&ds, "not well-formed XML: "));
	done(tt, &ds);
}

/* Elements pyplan does not read that look like events (a title and a
 * time among their children) are reported, one warning per name. */
static void
test_unread_elements(void **state)
{
	static const char europython[] =
	    "<schedule created=\"2014-07-13T11:40:02\">\n"
	    "<day date=\"2014-07-21\"><entry id=\"1\"><start>0930</start>"
	    "<duration>30</duration><room>C01</room><title>Breakfast</title>"
	    "<speakers><speaker><name>A</name></speaker></speakers></entry>\n"
	    "<entry id=\"2\"><start>1030</start><duration>30</duration>"
	    "<title>Welcome</title></entry></day>\n"
	    "<day date=\"2014-07-22\"><entry id=\"3\"><start>0930</start>"
	    "<title>More</title></entry></day></schedule>\n";
	static const char extra[] =
	    "<schedule><generator name=\"x\"/><version>1</version>\n"
	    "<conference><title>C</title><start>2025-01-01</start>"
	    "</conference>\n"
	    "<day date=\"2025-01-01\"><room name=\"A\">"
	    "<event id=\"a\"><start>10:00</start><duration>0:30</duration>"
	    "<title>A</title><persons><person>P</person></persons>"
	    "<attachments><attachment><title>Slides</title></attachment>"
	    "</attachments></event>\n"
	    "<break><title>Coffee</title><start>11:00</start></break>"
	    "</room></day>\n<tracks><track><name>T</name></track></tracks>"
	    "</schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_str(europython, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 0);
	assert_int_equal(ds.nwarnings, 1);
	assert_string_equal(ds.v[0].msg,
	    "3 <entry> elements that look like events are not read: pyplan "
	    "reads frab <event> elements");
	assert_int_equal(ds.v[0].line, 2);
	done(tt, &ds);
	/* inside events, conference data and lists of names say nothing */
	tt = load_str(extra, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	assert_int_equal(ds.nwarnings, 1);
	assert_string_equal(ds.v[0].msg,
	    "1 <break> element that looks like events is not read: pyplan "
	    "reads frab <event> elements");
	assert_int_equal(ds.v[0].line, 4);
	done(tt, &ds);
}

/* Attribute values keep their ampersands (libxml2 hands them over as
 * "&#38;" when entities are not substituted). */
static void
test_attribute_entities(void **state)
{
	static const char doc[] =
	    "<schedule><day date=\"2025-01-01\">"
	    "<room name=\"K &amp; L &#38; &#233;\">"
	    "<event guid=\"a&amp;b\"><start>10:00</start>"
	    "<duration>0:30</duration><title>T &amp; U &lt;3</title>"
	    "<links><link href=\"http://x/?a=1&amp;b=2\">Video</link></links>"
	    "</event></room></day></schedule>\n";
	struct pp_diags ds;
	struct pp_timetable *tt;
	int r;

	(void)state;
	tt = load_str(doc, NULL, 0, &ds, &r);
	assert_int_equal(r, 0);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].id, "a&b");
	assert_string_equal(tt->ev[0].room, "K & L & \xc3\xa9");
	assert_string_equal(tt->ev[0].title, "T & U <3");
	assert_string_equal(tt->ev[0].video_url, "http://x/?a=1&b=2");
	done(tt, &ds);
}

/* frab <language>: "de, en" is German interpreted into English. */
static void
test_language(void **state)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	const struct pp_event *e;
	size_t i, de = 0, en = 0, both = 0, none = 0;
	int ret;

	(void)state;
	pp_diags_init(&ds);
	tt = load(FIXTURES "/ccc-38c3-schedule.xml", NULL, 0, &ds, &ret);
	assert_int_equal(ret, 0);
	e = find_id(tt, "1a944806-7db5-496c-927d-40d6b4d3e600");
	assert_non_null(e);
	assert_string_equal(e->lang, "de,en");
	for (i = 0; i < tt->n; i++) {
		const char *l = tt->ev[i].lang;

		de += strcmp(l, "de") == 0;
		en += strcmp(l, "en") == 0;
		both += strlen(l) == 5;
		none += *l == '\0';
	}
	assert_true(de > 400 && en > 300 && both > 150);
	assert_int_equal(none, tt->n - de - en - both);
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
	    cmocka_unit_test(test_external_dtd_refused),
	    cmocka_unit_test(test_deep_nesting),
	    cmocka_unit_test(test_merge_formats),
	    cmocka_unit_test(test_declared_zone_and_day_change),
	    cmocka_unit_test(test_day_change_disagree),
	    cmocka_unit_test(test_two_files_disagree),
	    cmocka_unit_test(test_many_attributes),
	    cmocka_unit_test(test_libxml_messages),
	    cmocka_unit_test(test_unread_elements),
	    cmocka_unit_test(test_attribute_entities),
	    cmocka_unit_test(test_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
