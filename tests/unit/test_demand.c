/* SPDX-License-Identifier: ISC */
/* Unit tests for the room demand: capacities from the rooms file, the
 * overflow and fill rules, both files, reading back and adding up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tmpdir.h"

#include "pyplan/demand.h"
#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/tz.h"
#include "pyplan/write_json.h"

/* An event of 2018-05-11 in New York, hh:mm for 30 minutes. */
static void
add_event(struct pp_timetable *tt, const char *id, const char *title, int hour,
    int min, const char *rooms)
{
	struct pp_event *ev = pp_timetable_add(tt);
	const char **v;
	size_t n;

	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind = PP_KIND_TALK;
	ev->tz = "America/New_York";
	/* 2018-05-11 00:00 EDT is 04:00 UTC. */
	ev->start = 1526011200 + hour * 3600 + min * 60;
	ev->end = ev->start + 1800;
	n = pp_tt_split(tt, rooms, 0, &v);
	pp_tt_set_rooms(tt, ev, v, n);
}

static struct pp_timetable *
programme(void)
{
	struct pp_timetable *tt = pp_timetable_new();

	add_event(tt, "a", "Small room", 10, 0, "Room A");
	add_event(tt, "b", "Two rooms", 10, 0, "Room A; room b");
	add_event(tt, "c", "Unknown room", 11, 0, "Room C");
	add_event(tt, "d", "No room", 11, 0, "");
	add_event(tt, "e", "Third full, \"quoted\"", 12, 0, "Room B");
	return tt;
}

static void
test_rooms(void **state)
{
	struct pp_rooms r;
	struct pp_diags ds;
	struct pp_demand d;
	struct pp_timetable *tt = programme();
	const char *f;

	(void)state;
	pp_diags_init(&ds);
	f = write_file("rooms.csv",
	    "Capacity,Room\n3,Room A\n\"3\",Room B\n9,Nowhere\n");
	assert_int_equal(pp_rooms_read(&r, f, &ds, NULL), 0);
	assert_int_equal(r.n, 3);
	pp_demand_init(&d, tt, "UTC", &r, &ds);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.rows[0].capacity, 3);
	/* Several rooms: the sum, names matched ignoring case. */
	assert_int_equal(d.rows[1].capacity, 6);
	assert_int_equal(d.rows[2].capacity, -1);
	assert_int_equal(d.rows[3].capacity, -1);
	assert_string_equal(d.rows[0].start, "2018-05-11T10:00:00-04:00");
	assert_string_equal(d.rows[1].room, "Room A; room b");
	/* The room no event is in. */
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].level, PP_WARNING);
	assert_int_equal(ds.v[0].line, 4);
	assert_non_null(strstr(ds.v[0].msg, "'Nowhere' is the room of no"));
	pp_demand_fini(&d);
	pp_rooms_fini(&r);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
}

static void
test_rooms_errors(void **state)
{
	struct pp_rooms r;
	struct pp_diags ds;
	int io = 0;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_rooms_read(&r,
	                     write_file("r.csv",
	                         "room,capacity\nA,0\nB,-1\nC,1.5\nD,\n,3\n"
	                         "E,1000000\nE,2\nF,1000001\n"),
	                     &ds, &io),
	    -1);
	assert_int_equal(io, 0);
	assert_int_equal(ds.n, 7);
	assert_int_equal(ds.v[0].line, 2);
	assert_non_null(strstr(ds.v[0].msg, "got '0'"));
	assert_non_null(strstr(ds.v[3].msg, "got ''"));
	assert_non_null(strstr(ds.v[4].msg, "no room name"));
	assert_int_equal(ds.v[5].line, 8);
	assert_non_null(strstr(ds.v[5].msg, "'E' is repeated (line 7)"));
	assert_non_null(strstr(ds.v[6].msg, "got '1000001'"));
	pp_rooms_fini(&r);
	assert_int_equal(pp_rooms_read(&r, path_of("none.csv"), &ds, &io), -1);
	assert_int_equal(io, 1);
	pp_rooms_fini(&r);
	pp_diags_fini(&ds);
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
write_both(const struct pp_demand *d, const char *csv, const char *json)
{
	FILE *fp = fopen(path_of(csv), "w");

	assert_int_equal(pp_demand_write_csv(fp, d), 0);
	fclose(fp);
	fp = fopen(path_of(json), "w");
	assert_int_equal(pp_write_demand_json(fp, d), 0);
	fclose(fp);
}

static void
test_write_read_add(void **state)
{
	struct pp_rooms r;
	struct pp_diags ds;
	struct pp_demand d, back, sum;
	struct pp_timetable *tt = programme();
	char *csv, *a, *b;
	int io;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_rooms_read(&r,
	                     write_file("rooms.csv",
	                         "room,capacity\nRoom A,3\nRoom B,3\n"),
	                     &ds, NULL),
	    0);
	pp_demand_init(&d, tt, "UTC", &r, &ds);
	d.rows[0].attendees = 4; /* 133 %: overflow */
	d.rows[1].attendees = 1; /* 1/6 = 16.7 %: 17 */
	d.rows[2].attendees = 7; /* no capacity: no overflow, no fill */
	d.rows[4].attendees = 2; /* 2/3 = 66.7 %: 67 */
	d.planned = 9;
	d.failed = 1;
	d.shard_index = 1;
	d.shard_count = 2;
	write_both(&d, "d.csv", "d.json");
	csv = slurp(path_of("d.csv"));
	assert_string_equal(csv,
	    "id,title,kind,start,end,room,capacity,attendees,overflow,"
	    "fill_percent\n"
	    "a,Small room,talk,2018-05-11T10:00:00-04:00,"
	    "2018-05-11T10:30:00-04:00,Room A,3,4,yes,133\n"
	    "b,Two rooms,talk,2018-05-11T10:00:00-04:00,"
	    "2018-05-11T10:30:00-04:00,Room A; room b,6,1,no,17\n"
	    "c,Unknown room,talk,2018-05-11T11:00:00-04:00,"
	    "2018-05-11T11:30:00-04:00,Room C,,7,,\n"
	    "d,No room,talk,2018-05-11T11:00:00-04:00,"
	    "2018-05-11T11:30:00-04:00,,,0,,\n"
	    "e,\"Third full, \"\"quoted\"\"\",talk,2018-05-11T12:00:00-04:00,"
	    "2018-05-11T12:30:00-04:00,Room B,3,2,no,67\n");
	free(csv);

	/* Back from JSON and written again: the same bytes. */
	assert_int_equal(pp_demand_read_json(&back, path_of("d.json"), &ds,
	                     &io),
	    0);
	assert_int_equal(back.shard_index, 1);
	assert_int_equal(back.shard_count, 2);
	assert_int_equal(back.planned, 9);
	write_both(&back, "back.csv", "back.json");
	a = slurp(path_of("d.json"));
	b = slurp(path_of("back.json"));
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "\"overflow\": true"));
	assert_non_null(strstr(a, "\"room\": null"));
	free(a);
	free(b);

	/* Added twice: counts doubled, the sessions the same. */
	memset(&sum, 0, sizeof(sum));
	assert_int_equal(pp_demand_add(&sum, &back, "x", &ds), 0);
	assert_int_equal(pp_demand_add(&sum, &d, "y", &ds), 0);
	assert_int_equal(sum.rows[0].attendees, 8);
	assert_int_equal(sum.rows[2].attendees, 14);
	assert_int_equal(sum.planned, 18);
	assert_int_equal(sum.failed, 2);
	assert_int_equal(sum.shard_count, 0);
	/* Another programme or other rooms. */
	free(back.rows[3].room);
	back.rows[3].room = strdup("Room D");
	assert_int_equal(pp_demand_add(&sum, &back, "z", &ds), -1);
	assert_non_null(strstr(ds.v[ds.n - 1].msg, "session 4 ('No room'"));
	assert_int_equal(sum.rows[0].attendees, 8);
	back.n = 4;
	assert_int_equal(pp_demand_add(&sum, &back, "z", &ds), -1);
	assert_non_null(strstr(ds.v[ds.n - 1].msg, "4 sessions, the other"));
	back.n = 5;

	pp_demand_fini(&sum);
	pp_demand_fini(&back);
	pp_demand_fini(&d);
	pp_rooms_fini(&r);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
}

static void
test_read_bad(void **state)
{
	struct pp_demand d;
	struct pp_diags ds;
	int io;

	(void)state;
	pp_diags_init(&ds);
	assert_int_equal(pp_demand_read_json(&d,
	                     write_file("a.json",
	                         "{\"schema_version\": 2, "
	                         "\"sessions\": []}"),
	                     &ds, &io),
	    -1);
	assert_int_equal(pp_demand_read_json(&d,
	                     write_file("b.json",
	                         "{\"schema_version\": 1, \"shard\": null, "
	                         "\"attendees\": {\"planned\": 1, "
	                         "\"failed\": 0}, \"sessions\": [{\"id\": "
	                         "\"a\"}]}"),
	                     &ds, &io),
	    -1);
	assert_int_equal(pp_demand_read_json(&d,
	                     write_file("c.json",
	                         "{\"schema_version\": 1, \"shard\": {"
	                         "\"index\": 3, \"count\": 3}, \"attendees\": "
	                         "{\"planned\": 1, \"failed\": 0}, "
	                         "\"sessions\": []}"),
	                     &ds, &io),
	    -1);
	assert_int_equal(pp_demand_read_json(&d,
	                     write_file("d.json", "{\"schema_version\": 1,"),
	                     &ds, &io),
	    -1);
	assert_int_equal(io, 0);
	assert_int_equal(ds.n, 4);
	assert_non_null(strstr(ds.v[0].msg, "not a pyplan demand file"));
	assert_non_null(strstr(ds.v[2].msg, "not a pyplan demand file"));
	assert_non_null(strstr(ds.v[3].msg, "not JSON"));
	assert_int_equal(pp_demand_read_json(&d, path_of("none.json"), &ds,
	                     &io),
	    -1);
	assert_int_equal(io, 1);
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_rooms, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_rooms_errors, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_write_read_add, tmpdir_setup,
	        tmpdir_teardown),
	    cmocka_unit_test_setup_teardown(test_read_bad, tmpdir_setup,
	        tmpdir_teardown),
	};

	int r = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup(); /* libical's zone caches, for the leak checkers */
	return r;
}
