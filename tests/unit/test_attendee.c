/* SPDX-License-Identifier: ISC */
/* Unit tests for the attendee file of `pyplan batch`: the header, the
 * ids, the row problems, the directory form and what each cell becomes in
 * the profile. */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tmpdir.h"

#include "pyplan/attendee.h"
#include "pyplan/csvrows.h"
#include "pyplan/diag.h"
#include "pyplan/profile.h"

static void
assert_diag(const struct pp_diags *ds, size_t i, unsigned line, unsigned col,
    const char *sub)
{
	assert_true(i < ds->n);
	if (strstr(ds->v[i].msg, sub) == NULL || ds->v[i].line != line ||
	    ds->v[i].col != col)
		fail_msg("diag %zu: got %u:%u '%s', want %u:%u '%s'", i,
		    ds->v[i].line, ds->v[i].col, ds->v[i].msg, line, col, sub);
}

static void
test_id_rules(void **state)
{
	static const char *const good[] = {"a", "42", "att-00001",
	    "jane.doe@example.org", "x+y_z", "demandx", "demand-1-of-",
	    "demands-1-of-2"};
	static const char *const bad[] = {"", ".hidden", "-x", "_x", "a b",
	    "a/b", "a\\b", "caf\xc3\xa9", "demand", "DEMAND", "demand-0-of-4",
	    "Demand-12-OF-300"};
	char longid[PP_ATTENDEE_ID_MAX + 2];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (!pp_attendee_id_ok(good[i]))
			fail_msg("'%s' should be a valid id", good[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (pp_attendee_id_ok(bad[i]))
			fail_msg("'%s' should not be a valid id", bad[i]);
	memset(longid, 'x', sizeof(longid));
	longid[PP_ATTENDEE_ID_MAX] = '\0';
	assert_true(pp_attendee_id_ok(longid));
	longid[PP_ATTENDEE_ID_MAX] = 'x';
	longid[PP_ATTENDEE_ID_MAX + 1] = '\0';
	assert_false(pp_attendee_id_ok(longid));
}

static void
test_header(void **state)
{
	struct pp_attendees a;
	struct pp_diags ds;
	const char *f;

	(void)state;
	pp_diags_init(&ds);
	/* Case, '_' and ' ' for '-', every fixed column and [plan] keys. */
	f = write_file("ok.csv",
	    "\xef\xbb\xbfID,Name,Interests,speakers,MUST,skip,days,"
	    "languages,tickets,Max_Talks_Per_Day,min networking minutes,"
	    "timezone\r\nx,,,,,,,,,,,\r\n");
	assert_int_equal(pp_attendees_read(&a, f, &ds, NULL), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(a.ncols, 12);
	assert_string_equal(a.cols[0], "id");
	assert_string_equal(a.cols[9], "max-talks-per-day");
	assert_string_equal(a.cols[10], "min-networking-minutes");
	assert_int_equal(a.n, 1);
	assert_string_equal(a.v[0].id, "x");
	assert_int_equal(a.v[0].line, 2);
	pp_attendees_fini(&a);

	f = write_file("bad.csv", "id,colour,,Days,days,max-talks\n");
	assert_int_equal(pp_attendees_read(&a, f, &ds, NULL), -1);
	assert_int_equal(ds.n, 4);
	assert_diag(&ds, 0, 1, 2, "unknown column 'colour'");
	assert_diag(&ds, 1, 1, 3, "column 3 has no name");
	assert_diag(&ds, 2, 1, 5, "column 'days' is repeated (column 4)");
	assert_diag(&ds, 3, 1, 6, "unknown column 'max-talks'");
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
}

static void
test_rows(void **state)
{
	struct pp_attendees a;
	struct pp_diags ds;
	const char *f;

	(void)state;
	pp_diags_init(&ds);
	f = write_file("rows.csv",
	    "id,name,must\n"
	    "a1,\"Ann, with a comma\",\"X; Y\"\n"
	    "\n"
	    "b2,\"Bob\n(two lines)\",\n"
	    "a1,Again,\n"
	    "c3,,,extra\n"
	    "bad/id,,\n"
	    ",,\n"
	    ",No id,\n"
	    "d4\n");
	assert_int_equal(pp_attendees_read(&a, f, &ds, NULL), 0);
	assert_int_equal(ds.n, 0); /* row problems stay with the rows */
	assert_int_equal(a.n, 7);  /* the all-empty row is skipped */
	assert_int_equal(a.v[0].line, 2);
	assert_int_equal(a.v[1].line, 4);
	assert_int_equal(a.v[2].line, 6);
	assert_int_equal(a.v[5].line, 10);
	assert_false(a.v[1].bad);
	assert_string_equal(a.v[1].cells[1], "Bob\n(two lines)");
	/* Both rows with a1 are refused, each naming the other. */
	assert_true(a.v[0].bad);
	assert_diag(&a.v[0].problems, 0, 2, 0,
	    "'a1' is repeated (also on "
	    "line 6)");
	assert_true(a.v[2].bad);
	assert_diag(&a.v[2].problems, 0, 6, 0, "also on line 2");
	assert_true(a.v[3].bad);
	assert_diag(&a.v[3].problems, 0, 7, 0, "4 fields, the header has 3");
	assert_true(a.v[4].bad);
	assert_diag(&a.v[4].problems, 0, 8, 0, "'bad/id' is not a valid");
	assert_true(a.v[5].bad);
	assert_diag(&a.v[5].problems, 0, 10, 0, "no id");
	/* A short row: the missing cells are empty. */
	assert_false(a.v[6].bad);
	assert_string_equal(a.v[6].cells[2], "");
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
}

static void
test_apply(void **state)
{
	struct pp_attendees a;
	struct pp_diags ds;
	struct pp_profile p;
	const char *f;

	(void)state;
	pp_diags_init(&ds);
	f = write_file("apply.csv",
	    "id,interests,speakers,must,skip,days,timezone,lunch\n"
	    "x,\"testing = 3; machine learning;;  web=-1 \",Ann Lee=2,"
	    "a;  b c ;,d,2018-05-12; 2018-05-11,Europe/Berlin,none\n");
	assert_int_equal(pp_attendees_read(&a, f, &ds, NULL), 0);
	pp_profile_init(&p);
	assert_int_equal(pp_attendee_apply(&a, 0, &p, &ds, NULL), 0);
	assert_int_equal(ds.n, 0);
	assert_int_equal(p.ninterests, 3);
	assert_string_equal(p.interests[0].name, "testing");
	assert_true(p.interests[0].weight == 3.0);
	assert_string_equal(p.interests[1].name, "machine learning");
	assert_true(p.interests[1].weight == 1.0);
	assert_string_equal(p.interests[2].name, "web");
	assert_true(p.interests[2].weight == -1.0);
	assert_int_equal(p.nspeakers, 1);
	assert_string_equal(p.speakers[0].name, "Ann Lee");
	assert_int_equal(p.nmust, 2);
	assert_string_equal(p.must[0].text, "a");
	assert_string_equal(p.must[1].text, "b c");
	/* Kept for the diagnostics: the attendee file at the row's line. */
	assert_string_equal(p.must[1].file, f);
	assert_int_equal(p.must[1].line, 2);
	assert_int_equal(p.nskip, 1);
	assert_int_equal(p.ndays, 2);
	assert_string_equal(p.days[0], "2018-05-11");
	assert_string_equal(p.tz, "Europe/Berlin");
	assert_int_equal(p.lunch_minutes, 0);
	pp_profile_fini(&p);
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
}

static void
test_apply_errors(void **state)
{
	struct pp_attendees a;
	struct pp_diags ds;
	struct pp_profile p;
	const char *f;
	size_t k;

	(void)state;
	pp_diags_init(&ds);
	f = write_file("errors.csv",
	    "id,interests,languages,tickets,max-talks-per-day\n"
	    "x,testing=lots,en;es,tutorial,many\n"
	    "y,,,,\n");
	assert_int_equal(pp_attendees_read(&a, f, &ds, NULL), 0);
	pp_profile_init(&p);
	/* Every cell is tried: all problems at once. */
	assert_int_equal(pp_attendee_apply(&a, 0, &p, &ds, NULL), -1);
	assert_diag(&ds, 0, 2, 0, "interests: 'testing': expected a weight");
	k = 1;
	if (!pp_profile_has_key("plan", "languages"))
		assert_diag(&ds, k++, 2, 0, "languages: not supported yet");
	if (!pp_profile_has_key("tickets", "id"))
		assert_diag(&ds, k++, 2, 0, "tickets: not supported yet");
	assert_diag(&ds, k, 2, 0, "max-talks-per-day: expected a whole");
	assert_int_equal(ds.n, k + 1);
	/* languages en;es and a ticket for the kind tutorial are taken. */
	if (pp_profile_has_key("plan", "languages"))
		assert_string_equal(p.languages, "en,es");
	if (pp_profile_has_key("tickets", "kind")) {
		assert_int_equal(p.ntickets, 1);
		assert_string_equal(p.tickets[0].text, "tutorial");
	}
	pp_profile_fini(&p);
	/* Empty cells mean the defaults. */
	pp_profile_init(&p);
	assert_int_equal(pp_attendee_apply(&a, 1, &p, &ds, NULL), 0);
	assert_int_equal(p.max_talks, 5);
	pp_profile_fini(&p);
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
}

static void
test_directory(void **state)
{
	struct pp_attendees a;
	struct pp_diags ds;
	struct pp_profile p;
	char sub[96];

	(void)state;
	pp_diags_init(&ds);
	write_file("zed.ini", "[interests]\nweb = 2\n");
	write_file("amy.ini", "[plan]\nmax-talks-per-day = 2\n");
	write_file("bad name.ini", "");
	write_file("notes.txt", "not a profile");
	write_file(".hidden.ini", "");
	snprintf(sub, sizeof(sub), "%s/sub.ini", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(pp_attendees_read(&a, dir, &ds, NULL), 0);
	assert_true(a.dir);
	assert_int_equal(a.n, 3); /* in byte order of the names */
	assert_string_equal(a.v[0].id, "amy");
	assert_string_equal(a.v[1].id, "bad name");
	assert_true(a.v[1].bad);
	assert_diag(&a.v[1].problems, 0, 0, 0, "is not a valid attendee id");
	assert_string_equal(a.v[2].id, "zed");
	assert_int_equal(a.v[0].line, 0);
	pp_profile_init(&p);
	assert_int_equal(pp_attendee_apply(&a, 0, &p, &ds, NULL), 0);
	assert_int_equal(p.max_talks, 2);
	pp_profile_fini(&p);
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
}

/* csvrows: rows with the line they start on. */
struct rows_seen {
	unsigned lines[8];
	size_t nfields[8];
	size_t n;
};

static int
collect(void *ctx, unsigned line, const char *const *f, size_t n)
{
	struct rows_seen *r = ctx;

	(void)f;
	if (r->n < 8) {
		r->lines[r->n] = line;
		r->nfields[r->n] = n;
	}
	r->n++;
	return 0;
}

static void
test_csvrows(void **state)
{
	static const char text[] = "a,b\r\n\r\n\"x\ny\",2\r\n  ,  \r\nlast,1";
	struct rows_seen r;
	struct pp_diags ds;

	(void)state;
	pp_diags_init(&ds);
	memset(&r, 0, sizeof(r));
	assert_int_equal(pp_csvrows_parse("t.csv", text, sizeof(text) - 1,
	                     collect, &r, &ds),
	    0);
	assert_int_equal(r.n, 3); /* the blank and the all-blank rows go */
	assert_int_equal(r.lines[0], 1);
	assert_int_equal(r.lines[1], 3);
	assert_int_equal(r.lines[2], 6);
	assert_int_equal(r.nfields[2], 2);
	assert_int_equal(pp_csvrows_parse("t.csv", "a\xff,b\n", 5, collect, &r,
	                     &ds),
	    -1);
	assert_diag(&ds, 0, 1, 0, "not UTF-8 (byte 0xff)");
	assert_int_equal(pp_csvrows_parse("t.csv", "a\0b\n", 4, collect, &r,
	                     &ds),
	    -1);
	assert_diag(&ds, 1, 0, 0, "NUL byte");
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_id_rules),
	    cmocka_unit_test_setup_teardown(test_header, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_rows, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_apply, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_apply_errors, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_directory, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test(test_csvrows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
