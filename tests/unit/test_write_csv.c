/* SPDX-License-Identifier: ISC */
/* Unit tests for the CSV/TSV writers: CSV is read back with libcsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/write_csv.h"

#include "fixture_plan.h"

#define PLAN_HEADER                                                            \
	"date,start,end,kind,class,title,speakers,room,score,"                 \
	"must,reason,id,url,video_url,matched,language,criteria,networking_source\n"
#define PROG_HEADER                                                            \
	"id,date,start,end,timezone,kind,title,speakers,rooms,"                \
	"track,tags,level,language,recorded,url,video_url,abstract\n"

/* The rows of a CSV text, read back with libcsv. */
struct table {
	char *cell[16][20]; /* [row][column] */
	size_t ncols[16];
	size_t nrows;
};

static void
on_field(void *s, size_t n, void *data)
{
	struct table *t = data;
	size_t r = t->nrows;
	char *c;

	assert_true(r < 16 && t->ncols[r] < 20);
	c = malloc(n + 1);
	assert_non_null(c);
	if (n > 0)
		memcpy(c, s, n);
	c[n] = '\0';
	t->cell[r][t->ncols[r]++] = c;
}

static void
on_row(int ch, void *data)
{
	struct table *t = data;

	(void)ch;
	t->nrows++;
}

static void
read_csv(const char *text, struct table *t)
{
	struct csv_parser p;
	size_t len = strlen(text);

	memset(t, 0, sizeof(*t));
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, text, len, on_field, on_row, t), len);
	assert_int_equal(csv_fini(&p, on_field, on_row, t), 0);
	csv_free(&p);
}

static void
table_free(struct table *t)
{
	size_t r, c;

	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols[r]; c++)
			free(t->cell[r][c]);
}

/* Column col of row, by header name. */
static const char *
cell(const struct table *t, size_t row, const char *col)
{
	size_t c;

	for (c = 0; c < t->ncols[0]; c++)
		if (strcmp(t->cell[0][c], col) == 0) {
			assert_true(c < t->ncols[row]);
			return t->cell[row][c];
		}
	fail_msg("no column %s", col);
	return NULL;
}

static char *
plan_text(const struct fx *f, unsigned tsv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_csv(fp, &f->pl, tsv), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static char *
tt_text(const struct pp_timetable *tt, const struct pp_event *const *sel,
    size_t n, unsigned tsv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_timetable_csv(fp, tt, sel, n, tsv), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static size_t
count_lines(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

/* Splits one TSV line (without its newline) at tabs and undoes the
 * escapes; returns the number of fields. */
static size_t
tsv_split(const char *line, char out[][128], size_t max)
{
	size_t n = 0, k = 0;
	const char *p;

	for (p = line;; p++) {
		assert_true(n < max && k < 127);
		if (*p == '\t' || *p == '\n' || *p == '\0') {
			out[n++][k] = '\0';
			k = 0;
			if (*p != '\t')
				return n;
			continue;
		}
		if (*p == '\\') {
			p++;
			assert_true(
			    *p == '\\' || *p == 't' || *p == 'n' || *p == 'r');
			out[n][k++] = *p == 't' ? '\t'
			    : *p == 'n'         ? '\n'
			    : *p == 'r'         ? '\r'
			                        : '\\';
		} else
			out[n][k++] = *p;
	}
}

static void
test_plan_csv(void **state)
{
	static const char *const cols[] = {"date", "start", "end", "kind",
	    "class", "title", "speakers", "room", "score", "must", "reason",
	    "id", "url", "video_url", "matched", "language", "criteria",
	    "networking_source"};
	struct fx *f = fx_new();
	struct table t;
	char *text;
	size_t i;

	(void)state;
	f->it[2].counts = 1; /* the hallway block is networking that counts */
	text = plan_text(f, 0);
	assert_true(strncmp(text, PLAN_HEADER, strlen(PLAN_HEADER)) == 0);
	assert_null(strchr(text, '\r'));
	read_csv(text, &t);
	assert_int_equal(t.nrows, 5);
	assert_int_equal(t.ncols[0], 18);
	for (i = 0; i < 18; i++)
		assert_string_equal(t.cell[0][i], cols[i]);
	for (i = 1; i < 5; i++)
		assert_int_equal(t.ncols[i], 18);
	/* Where networking minutes count: the hallway block, not the talk
	 * nor the lunch block that does not count. */
	assert_string_equal(cell(&t, 1, "networking_source"), "");
	assert_string_equal(cell(&t, 3, "networking_source"), "hallway");
	assert_string_equal(cell(&t, 4, "networking_source"), "");
	assert_string_equal(cell(&t, 1, "date"), "2018-05-11");
	assert_string_equal(cell(&t, 1, "start"), "10:50");
	assert_string_equal(cell(&t, 1, "end"), "11:20");
	assert_string_equal(cell(&t, 1, "kind"), "talk");
	assert_string_equal(cell(&t, 1, "class"), "talk");
	assert_string_equal(cell(&t, 1, "title"), TITLE0);
	assert_string_equal(cell(&t, 1, "speakers"),
	    "Zo\xc3\xab \xc3\x84; Bob, Jr.");
	assert_string_equal(cell(&t, 1, "room"), "Room 1; Room 2");
	assert_string_equal(cell(&t, 1, "score"), "2.5");
	assert_string_equal(cell(&t, 1, "must"), "yes");
	assert_string_equal(cell(&t, 1, "reason"), "must-see");
	assert_string_equal(cell(&t, 1, "id"), "64");
	assert_string_equal(cell(&t, 1, "url"), "https://example.org/64");
	assert_string_equal(cell(&t, 1, "video_url"),
	    "https://video.example.org/64");
	assert_string_equal(cell(&t, 2, "class"), "networking");
	assert_string_equal(cell(&t, 2, "score"), "0.125");
	assert_string_equal(cell(&t, 2, "must"), "no");
	assert_string_equal(cell(&t, 3, "id"), "hallway-2018-05-11-1230");
	assert_string_equal(cell(&t, 3, "kind"), "hallway");
	assert_string_equal(cell(&t, 3, "score"), "-1.5");
	assert_string_equal(cell(&t, 3, "room"), "");
	assert_string_equal(cell(&t, 4, "date"), "2018-05-12");
	assert_string_equal(cell(&t, 4, "id"), "lunch-2018-05-12-1200");
	assert_string_equal(cell(&t, 4, "start"), "12:00");
	assert_string_equal(cell(&t, 4, "score"), "0");
	table_free(&t);
	/* Unquoted when nothing needs quoting, quoted with doubled quotes
	 * when it does. */
	assert_non_null(strstr(text,
	    "\n2018-05-11,10:50,11:20,talk,talk,"
	    "\"Caf\xc3\xa9 \xe2\x98\x95 \"\"Quoted\"\", with comma\n"));
	free(text);
	fx_free(f);
}

static void
test_scores(void **state)
{
	static const struct {
		int64_t v;
		const char *s;
	} cases[] = {
	    {0, "0"},
	    {1000, "1"},
	    {-1000, "-1"},
	    {1, "0.001"},
	    {-5, "-0.005"},
	    {120, "0.12"},
	    {123456789, "123456.789"},
	    {INT64_MIN, "-9223372036854775.808"},
	};
	struct fx *f = fx_new();
	struct table t;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		f->it[0].score = cases[i].v;
		text = plan_text(f, 0);
		read_csv(text, &t);
		assert_string_equal(cell(&t, 1, "score"), cases[i].s);
		table_free(&t);
		free(text);
	}
	fx_free(f);
}

static void
test_plan_tsv(void **state)
{
	struct fx *f = fx_new();
	char fields[20][128];
	char *text, *line;
	size_t n;

	(void)state;
	f->it[1].title = "tab\there, back\\slash, cr\r.";
	text = plan_text(f, 1);
	/* One line per row, whatever the fields hold. */
	assert_int_equal(count_lines(text), 5);
	assert_null(strchr(text, '\r'));
	assert_non_null(strstr(text, "tab\\there, back\\\\slash, cr\\r."));
	n = tsv_split(text, fields, 20);
	assert_int_equal(n, 18);
	assert_string_equal(fields[5], "title");
	line = strchr(text, '\n') + 1;
	n = tsv_split(line, fields, 20);
	assert_int_equal(n, 18);
	assert_string_equal(fields[5], TITLE0);
	assert_string_equal(fields[6], "Zo\xc3\xab \xc3\x84; Bob, Jr.");
	line = strchr(line, '\n') + 1;
	n = tsv_split(line, fields, 20);
	assert_int_equal(n, 18);
	assert_string_equal(fields[5], "tab\there, back\\slash, cr\r.");
	assert_string_equal(fields[14], "testing (title, abstract) 1.25");
	assert_string_equal(fields[8], "0.125");
	/* No quoting in TSV: quotes are plain characters. */
	assert_non_null(strstr(text,
	    "\t"
	    "Caf\xc3\xa9 \xe2\x98\x95 \"Quoted\","));
	free(text);
	fx_free(f);
}

static void
test_programme_csv(void **state)
{
	struct fx *f = fx_new();
	struct pp_event *ev;
	struct table t;
	char *text;

	(void)state;
	ev = &f->tt->ev[3];
	ev->nspeakers = pp_tt_split(f->tt, "Smith, Jane;", 1, &ev->speakers);
	assert_int_equal(ev->nspeakers, 1);
	ev->abstract = "  indented, \"quoted\"\n\tand tabbed  ";
	ev->track = "Main";
	f->tt->ev[1].start += 30; /* 11:30:30 */
	text = tt_text(f->tt, NULL, 0, 0);
	assert_true(strncmp(text, PROG_HEADER, strlen(PROG_HEADER)) == 0);
	read_csv(text, &t);
	assert_int_equal(t.nrows, 5);
	assert_int_equal(t.ncols[0], 17);
	assert_string_equal(cell(&t, 1, "id"), "64");
	assert_string_equal(cell(&t, 1, "date"), "2018-05-11");
	assert_string_equal(cell(&t, 1, "start"), "10:50");
	assert_string_equal(cell(&t, 1, "end"), "11:20");
	assert_string_equal(cell(&t, 1, "timezone"), NY);
	assert_string_equal(cell(&t, 1, "kind"), "talk");
	assert_string_equal(cell(&t, 1, "title"), TITLE0);
	assert_string_equal(cell(&t, 1, "speakers"),
	    "Zo\xc3\xab \xc3\x84; Bob, Jr.");
	assert_string_equal(cell(&t, 1, "rooms"), "Room 1; Room 2");
	assert_string_equal(cell(&t, 1, "tags"), "testing; python 3");
	assert_string_equal(cell(&t, 1, "level"), "beginner");
	assert_string_equal(cell(&t, 1, "recorded"), "yes");
	assert_string_equal(cell(&t, 1, "abstract"), "line one\nline two");
	assert_string_equal(cell(&t, 2, "kind"), "open-space");
	assert_string_equal(cell(&t, 2, "start"), "11:30:30");
	assert_string_equal(cell(&t, 2, "recorded"), "");
	assert_string_equal(cell(&t, 3, "kind"), "keynote");
	/* An unknown kind keeps its word; a comma in a lone speaker's name
	 * is protected by a ';'; an event past midnight ends in ISO. */
	assert_string_equal(cell(&t, 4, "kind"), "mystery");
	assert_string_equal(cell(&t, 4, "speakers"), "Smith, Jane;");
	assert_string_equal(cell(&t, 4, "start"), "23:30");
	assert_string_equal(cell(&t, 4, "end"), "2018-05-13T00:30:00-04:00");
	assert_string_equal(cell(&t, 4, "recorded"), "no");
	assert_string_equal(cell(&t, 4, "track"), "Main");
	/* Outer blanks survive: the field is quoted, so libcsv keeps them. */
	assert_string_equal(cell(&t, 4, "abstract"),
	    "  indented, \"quoted\"\n\tand tabbed  ");
	table_free(&t);
	free(text);

	/* An unknown kind without a word of its own. */
	f->tt->ev[3].kind_word = "";
	text = tt_text(f->tt, NULL, 0, 0);
	read_csv(text, &t);
	assert_string_equal(cell(&t, 4, "kind"), "other");
	table_free(&t);
	free(text);
	fx_free(f);
}

static void
test_programme_tsv(void **state)
{
	struct fx *f = fx_new();
	const struct pp_event *sel[1];
	char fields[20][128];
	char *text;

	(void)state;
	f->tt->ev[0].abstract = "a\\b\tc\nd";
	sel[0] = &f->tt->ev[0];
	text = tt_text(f->tt, sel, 1, 1);
	assert_int_equal(count_lines(text), 2);
	assert_non_null(strstr(text, "\ta\\\\b\\tc\\nd\n"));
	assert_int_equal(tsv_split(strchr(text, '\n') + 1, fields, 20), 17);
	assert_string_equal(fields[0], "64");
	assert_string_equal(fields[6], TITLE0);
	assert_string_equal(fields[16], "a\\b\tc\nd");
	free(text);
	fx_free(f);
}

static void
test_selection(void **state)
{
	struct fx *f = fx_new();
	const struct pp_event *sel[2];
	struct table t;
	char *text;

	(void)state;
	sel[0] = &f->tt->ev[2];
	sel[1] = &f->tt->ev[1];
	text = tt_text(f->tt, sel, 2, 0);
	read_csv(text, &t);
	assert_int_equal(t.nrows, 3);
	assert_string_equal(cell(&t, 1, "id"), "77");
	assert_string_equal(cell(&t, 2, "id"), "os-1");
	table_free(&t);
	free(text);
	/* An empty selection writes the header only. */
	text = tt_text(f->tt, sel, 0, 0);
	assert_int_equal(count_lines(text), 1);
	free(text);
	fx_free(f);
}

static void
test_stream_error(void **state)
{
	struct fx *f = fx_new();
	FILE *fp;

	(void)state;
	if ((fp = fopen("/dev/full", "w")) == NULL) {
		fx_free(f);
		skip();
	}
	assert_int_equal(pp_write_csv(fp, &f->pl, 0), -1);
	clearerr(fp);
	assert_int_equal(pp_write_csv(fp, &f->pl, 1), -1);
	clearerr(fp);
	assert_int_equal(pp_write_timetable_csv(fp, f->tt, NULL, 0, 0), -1);
	fclose(fp);
	fx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plan_csv),
	    cmocka_unit_test(test_scores),
	    cmocka_unit_test(test_plan_tsv),
	    cmocka_unit_test(test_programme_csv),
	    cmocka_unit_test(test_programme_tsv),
	    cmocka_unit_test(test_selection),
	    cmocka_unit_test(test_stream_error),
	};
	int rc;

	rc = cmocka_run_group_tests_name("write_csv", tests, NULL, NULL);
	pp_tz_cleanup();
	return rc;
}
