/* SPDX-License-Identifier: ISC */
/* Unit tests for `pyplan batch`: the shard hash, the option parsers, the
 * progress line, and whole runs on the small fixtures (in process and
 * with workers, which must agree). */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "pyplan/batch.h"
#include "pyplan/diag.h"
#include "pyplan/tz.h"

static void
test_shard_hash(void **state)
{
	/* The published FNV-1a 64-bit test vectors (Fowler, Noll, Vo). */
	static const struct {
		const char *s;
		unsigned long long h;
	} v[] = {
	    {"", 0xcbf29ce484222325ULL},
	    {"a", 0xaf63dc4c8601ec8cULL},
	    {"foobar", 0x85944171f73967e8ULL},
	};
	unsigned count[4] = {0, 0, 0, 0}, n;
	char id[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		for (n = 1; n < 40; n++)
			assert_int_equal(pp_batch_shard(v[i].s, n), v[i].h % n);
	/* Ids that differ in one digit spread evenly. */
	for (i = 0; i < 10000; i++) {
		snprintf(id, sizeof(id), "att-%05zu", i);
		count[pp_batch_shard(id, 4)]++;
	}
	for (i = 0; i < 4; i++)
		if (count[i] < 2300 || count[i] > 2700)
			fail_msg("shard %zu of 4 has %u of 10000", i, count[i]);
}

static void
test_parse(void **state)
{
	unsigned k = 9, n = 9, j = 0;

	(void)state;
	assert_int_equal(pp_batch_parse_shard("0/4", &k, &n), 0);
	assert_int_equal(k, 0);
	assert_int_equal(n, 4);
	assert_int_equal(pp_batch_parse_shard("999999/1000000", &k, &n), 0);
	assert_int_equal(k, 999999);
	assert_int_equal(pp_batch_parse_shard("4/4", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("1/1000001", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("-1/4", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("1/", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("/4", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("1/4x", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard("2", &k, &n), -1);
	assert_int_equal(pp_batch_parse_shard(" 1/4", &k, &n), -1);
	/* A bad one leaves the values alone. */
	assert_int_equal(k, 999999);
	assert_int_equal(n, 1000000);
	assert_int_equal(pp_batch_parse_jobs("1", &j), 0);
	assert_int_equal(j, 1);
	assert_int_equal(pp_batch_parse_jobs("4096", &j), 0);
	assert_int_equal(pp_batch_parse_jobs("0", &j), -1);
	assert_int_equal(pp_batch_parse_jobs("4097", &j), -1);
	assert_int_equal(pp_batch_parse_jobs("2x", &j), -1);
	assert_int_equal(pp_batch_parse_jobs("", &j), -1);
}

static void
test_progress_text(void **state)
{
	struct pp_batch_progress pr = {1234, 10000, 5.0};
	char buf[128];

	(void)state;
	pp_batch_progress_text(&pr, buf, sizeof(buf));
	/* 246.8 a second, 8766 left: 35.5 s. */
	assert_string_equal(buf,
	    "1234/10000 attendees (12%), 247/s, 0:36 "
	    "left");
	pr.done = 0;
	pr.elapsed = 0;
	pp_batch_progress_text(&pr, buf, sizeof(buf));
	assert_string_equal(buf, "0/10000 attendees (0%)");
	pr.done = pr.total = 0;
	pp_batch_progress_text(&pr, buf, sizeof(buf));
	assert_string_equal(buf, "0/0 attendees (100%)");
}

/* Runs the fixtures' batch into dir with jobs workers; returns the exit
 * status and fills *st. */
static int
run(const char *dir, unsigned jobs, struct pp_batch_stats *st, size_t *nerr)
{
	static const char *const prog[] = {FIXTURES "/batch-prog.csv"};
	static const struct pp_batch_setting set[] = {
	    {"plan", "min-networking-minutes", "0"}};
	struct pp_batch_opts o;
	struct pp_batch *b = pp_batch_new();
	struct pp_diags ds;
	int r;

	memset(&o, 0, sizeof(o));
	o.attendees = FIXTURES "/batch-attendees.csv";
	o.programme = prog;
	o.nprogramme = 1;
	o.outdir = dir;
	o.rooms = FIXTURES "/batch-rooms.csv";
	o.set = set;
	o.nset = 1;
	o.jobs = jobs;
	pp_diags_init(&ds);
	r = pp_batch_run(b, &o, st, &ds);
	*nerr = ds.nerrors;
	pp_diags_fini(&ds);
	pp_batch_free(b);
	return r;
}

static char *
slurp(const char *dir, const char *name)
{
	char path[160];
	FILE *fp;
	char *buf = calloc(1, 1 << 20);
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	n = fread(buf, 1, (1 << 20) - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
test_run(void **state)
{
	char d1[] = "/tmp/pyplan-batch1.XXXXXX",
	     d2[] = "/tmp/pyplan-batch2.XXXXXX";
	static const char *const files[] = {"p1.json", "p2.json", "p3.json",
	    "p4.json", "p5.json", "demand.csv", "demand.json"};
	struct pp_batch_stats st;
	struct stat sb;
	char cmd[128];
	size_t i, nerr;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1525996800", 1);
	assert_non_null(mkdtemp(d1));
	assert_non_null(mkdtemp(d2));
	rmdir(d1); /* the run makes it, private */
	assert_int_equal(run(d1, 1, &st, &nerr), 1);
	assert_int_equal(stat(d1, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	assert_int_equal(nerr, 1); /* p6's must-see is not there */
	assert_int_equal(st.rows, 6);
	assert_int_equal(st.selected, 6);
	assert_int_equal(st.planned, 5);
	assert_int_equal(st.failed, 1);
	assert_int_equal(st.jobs, 1);
	assert_int_equal(run(d2, 3, &st, &nerr), 1);
	assert_int_equal(st.jobs, 3);
	assert_int_equal(st.planned, 5);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *a = slurp(d1, files[i]), *b = slurp(d2, files[i]);

		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* A second run finds every plan up to date. */
	assert_int_equal(run(d2, 2, &st, &nerr), 1);
	assert_int_equal(st.planned, 0);
	assert_int_equal(st.uptodate, 5);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s'", d1, d2);
	assert_int_equal(system(cmd), 0);
	pp_tz_cleanup();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shard_hash),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_progress_text),
	    cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
