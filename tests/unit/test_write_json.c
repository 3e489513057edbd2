/* SPDX-License-Identifier: ISC */
/* Unit tests for the JSON writers: the output is parsed back with jansson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/write_json.h"
#include "pyplan/write_util.h"

#include "fixture_plan.h"
}

/* Runs a writer into memory; returns the text (the caller frees). */
static char *
plan_text(const struct fx *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_json(fp, &f->pl, NULL), 0);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(strlen(buf), len);
	return buf;
}

static char *
tt_text(const struct pp_timetable *tt, const struct pp_event *const *sel,
    size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_timetable_json(fp, tt, sel, n), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static json_t *
parse(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (j == NULL)
		fail_msg("bad JSON at line %d: %s", err.line, err.text);
	return j;
}

static const char *
sget(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v))
		fail_msg("%s is not a string", key);
	return json_string_value(v);
}

static json_int_t
iget(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_integer(v))
		fail_msg("%s is not an integer", key);
	return json_integer_value(v);
}

static double
rget(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_real(v))
		fail_msg("%s is not a real", key);
	return json_real_value(v);
}

static void
assert_null_key(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_null(v))
		fail_msg("%s is not null", key);
}

static void
test_plan_top(void **state)
{
	struct fx *f = fx_new();
	char *text;
	json_t *j, *c, *a;
	size_t len;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	text = plan_text(f);
	len = strlen(text);
	assert_true(len > 2);
	assert_true(text[len - 1] == '\n' && text[len - 2] == '}');
	assert_true(strncmp(text, "{\n  \"schema_version\": 1,\n", 25) == 0);
	j = parse(text);
	assert_int_equal(iget(j, "schema_version"), 1);
	assert_string_equal(sget(j, "generator"), "pyplan " PP_VERSION);
	c = json_object_get(j, "conference");
	assert_string_equal(sget(c, "name"), "PyCon US 2018");
	assert_string_equal(sget(c, "timezone"), NY);
	assert_string_equal(sget(c, "start_date"), "2018-05-11");
	/* The late session ends at 00:30 on the 13th. */
	assert_string_equal(sget(c, "end_date"), "2018-05-13");
	a = json_object_get(c, "sources");
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(json_string_value(json_array_get(a, 0)), "a.csv");
	assert_string_equal(json_string_value(json_array_get(a, 1)), "b.ics");
	assert_true(json_equal(json_object_get(j, "optimal"), json_true()));
	assert_true(rget(j, "score") == 3.125);
	a = json_object_get(j, "criteria_covered");
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(json_string_value(json_array_get(a, 0)), "job");
	c = json_object_get(j, "solver");
	assert_int_equal(iget(c, "labels"), 42);
	assert_int_equal(iget(c, "max_front"), 7);
	assert_true(rget(c, "seconds") == 0.0);
	/* The keys come in the documented order. */
	assert_true(
	    strstr(text, "\"conference\"") < strstr(text, "\"profile\""));
	assert_true(strstr(text, "\"profile\"") < strstr(text, "\"days\""));
	assert_true(
	    strstr(text, "\"watch_later\"") < strstr(text, "\"optimal\""));
	json_decref(j);
	free(text);

	unsetenv("SOURCE_DATE_EPOCH");
	text = plan_text(f);
	j = parse(text);
	assert_true(rget(json_object_get(j, "solver"), "seconds") == 0.25);
	json_decref(j);
	free(text);
	fx_free(f);
}

static void
test_plan_profile(void **state)
{
	struct fx *f = fx_new();
	char *text;
	json_t *j, *p, *x;

	(void)state;
	text = plan_text(f);
	j = parse(text);
	p = json_object_get(j, "profile");
	assert_null_key(p, "max_talks_per_day");
	assert_int_equal(iget(p, "max_talk_minutes_per_day"), 240);
	assert_int_equal(iget(p, "max_consecutive_talks"), 2);
	assert_int_equal(iget(p, "min_networking_minutes"), 60);
	assert_int_equal(iget(p, "min_networking_block"), 15);
	assert_int_equal(iget(p, "room_change_minutes"), 5);
	assert_string_equal(sget(p, "day_start"), "09:00");
	assert_string_equal(sget(p, "day_end"), "24:00");
	x = json_object_get(p, "lunch");
	assert_string_equal(sget(x, "from"), "11:30");
	assert_string_equal(sget(x, "to"), "14:00");
	assert_int_equal(iget(x, "minutes"), 45);
	assert_true(rget(p, "recorded_weight") == 0.5);
	assert_true(rget(p, "networking_weight") == 0.1);
	assert_true(json_is_false(json_object_get(p, "fill_with_talks")));
	assert_null_key(p, "level");
	assert_string_equal(sget(p, "timezone"), NY);
	x = json_object_get(p, "days");
	assert_int_equal(json_array_size(x), 2);
	assert_string_equal(json_string_value(json_array_get(x, 1)),
	    "2018-05-12");
	x = json_object_get(p, "interests");
	assert_true(rget(x, "testing") == 3.0);
	assert_true(rget(x, "python 3") == 0.125);
	assert_true(rget(json_object_get(p, "speakers"), s_zoe) == 2.0);
	x = json_object_get(p, "criteria");
	assert_int_equal(json_object_size(x), 4);
	assert_string_equal(json_string_value(
	                        json_array_get(json_object_get(x, "job"), 0)),
	    "testing");
	assert_int_equal(json_array_size(json_object_get(x, "speaker")), 0);
	assert_string_equal(json_string_value(
	                        json_array_get(json_object_get(p, "must"), 0)),
	    "64");
	x = json_array_get(json_object_get(p, "busy"), 0);
	assert_string_equal(sget(x, "label"), "booth");
	assert_string_equal(sget(x, "date"), "2018-05-12");
	assert_string_equal(sget(x, "from"), "10:00");
	assert_string_equal(sget(x, "to"), "11:00");
	/* 0.1 prints as written, not as 0.10000000000000001. */
	assert_non_null(strstr(text, "\"networking_weight\": 0.1,\n"));
	json_decref(j);
	free(text);

	/* Lunch off and every cap off. */
	f->p.lunch_minutes = 0;
	f->p.max_talk_minutes = PP_UNLIMITED;
	f->p.max_streak = PP_UNLIMITED;
	f->p.level = s_testing;
	text = plan_text(f);
	j = parse(text);
	p = json_object_get(j, "profile");
	assert_null_key(p, "lunch");
	assert_null_key(p, "max_talk_minutes_per_day");
	assert_null_key(p, "max_consecutive_talks");
	assert_string_equal(sget(p, "level"), "testing");
	assert_null_key(json_object_get(json_array_get(json_object_get(j,
	                                                   "days"),
	                                    0),
	                    "caps"),
	    "max_talk_minutes");
	json_decref(j);
	free(text);
	fx_free(f);
}

static void
test_plan_items(void **state)
{
	struct fx *f = fx_new();
	char *text;
	json_t *j, *d, *items, *it, *x;

	(void)state;
	text = plan_text(f);
	j = parse(text);
	assert_int_equal(json_array_size(json_object_get(j, "days")), 2);
	d = json_array_get(json_object_get(j, "days"), 0);
	assert_string_equal(sget(d, "date"), "2018-05-11");
	items = json_object_get(d, "items");
	assert_int_equal(json_array_size(items), 3);

	it = json_array_get(items, 0);
	assert_string_equal(sget(it, "id"), "64");
	assert_string_equal(sget(it, "kind"), "talk");
	assert_string_equal(sget(it, "class"), "talk");
	assert_string_equal(sget(it, "source"), "programme");
	assert_string_equal(sget(it, "title"), TITLE0);
	assert_string_equal(sget(it, "start"), "2018-05-11T10:50:00-04:00");
	assert_string_equal(sget(it, "end"), "2018-05-11T11:20:00-04:00");
	assert_int_equal(iget(it, "minutes"), 30);
	assert_string_equal(sget(it, "room"), "Room 1; Room 2");
	assert_int_equal(json_array_size(json_object_get(it, "rooms")), 2);
	x = json_object_get(it, "speakers");
	assert_int_equal(json_array_size(x), 2);
	assert_string_equal(json_string_value(json_array_get(x, 0)),
	    "Zo\xc3\xab \xc3\x84");
	assert_string_equal(json_string_value(json_array_get(x, 1)),
	    "Bob, Jr.");
	assert_string_equal(json_string_value(
	                        json_array_get(json_object_get(it, "tags"), 1)),
	    "python 3");
	assert_string_equal(sget(it, "url"), "https://example.org/64");
	assert_true(json_is_true(json_object_get(it, "recorded")));
	assert_true(json_is_true(json_object_get(it, "must")));
	assert_true(rget(it, "score") == 2.5);
	assert_string_equal(sget(it, "reason"), "must-see");
	assert_int_equal(json_array_size(json_object_get(it, "matches")), 0);

	it = json_array_get(items, 1);
	assert_string_equal(sget(it, "class"), "networking");
	assert_string_equal(sget(it, "kind"), "open-space");
	assert_true(json_is_null(json_object_get(it, "recorded")));
	assert_null_key(it, "url");
	assert_true(json_is_false(json_object_get(it, "must")));
	assert_true(rget(it, "score") == 0.125);
	assert_string_equal(sget(it, "reason"),
	    "interest: testing \xc3\x97"
	    "3");
	/* Where the interest matched, and how strongly. */
	x = json_object_get(it, "matches");
	assert_int_equal(json_array_size(x), 1);
	x = json_array_get(x, 0);
	assert_string_equal(sget(x, "term"), "testing");
	assert_string_equal(sget(x, "kind"), "interest");
	assert_true(rget(x, "weight") == 3.0);
	assert_true(rget(x, "relevance") == 1.25);
	assert_true(rget(x, "per_hour") == 3.75);
	x = json_object_get(x, "fields");
	assert_int_equal(json_array_size(x), 2);
	assert_string_equal(json_string_value(json_array_get(x, 0)), "title");
	assert_string_equal(json_string_value(json_array_get(x, 1)),
	    "abstract");

	it = json_array_get(items, 2);
	assert_string_equal(sget(it, "id"), "hallway-2018-05-11-1230");
	assert_string_equal(sget(it, "source"), "hallway");
	assert_string_equal(sget(it, "kind"), "hallway");
	assert_null_key(it, "room");
	assert_int_equal(json_array_size(json_object_get(it, "rooms")), 0);
	assert_int_equal(json_array_size(json_object_get(it, "speakers")), 0);
	assert_int_equal(json_array_size(json_object_get(it, "matches")), 0);
	assert_true(rget(it, "score") == -1.5);

	/* Exact decimals in the text itself, UTF-8 unescaped. */
	assert_non_null(strstr(text, "\"score\": 2.5,\n"));
	assert_non_null(strstr(text, "\"score\": 0.125,\n"));
	assert_non_null(strstr(text, "\"score\": -1.5,\n"));
	assert_non_null(
	    strstr(text, "Caf\xc3\xa9 \xe2\x98\x95 \\\"Quoted\\\""));
	assert_non_null(strstr(text, "with comma\\nand a newline"));

	x = json_object_get(d, "totals");
	assert_int_equal(iget(x, "talks"), 1);
	assert_int_equal(iget(x, "talk_minutes"), 30);
	assert_int_equal(iget(x, "networking_minutes"), 90);
	assert_true(rget(x, "score") == 1.125);
	x = json_object_get(d, "caps");
	assert_null_key(x, "max_talks");
	assert_int_equal(iget(x, "max_talk_minutes"), 240);
	assert_int_equal(iget(x, "min_networking"), 60);

	d = json_array_get(json_object_get(j, "days"), 1);
	it = json_array_get(json_object_get(d, "items"), 0);
	assert_string_equal(sget(it, "id"), "lunch-2018-05-12-1200");
	assert_string_equal(sget(it, "source"), "lunch");
	assert_string_equal(sget(it, "kind"), "meal");
	assert_null_key(it, "reason");
	assert_true(rget(it, "score") == 0.0);

	x = json_array_get(json_object_get(j, "watch_later"), 0);
	assert_string_equal(sget(x, "id"), "77");
	assert_string_equal(sget(x, "title"), "Recorded keynote");
	assert_string_equal(json_string_value(
	                        json_array_get(json_object_get(x, "speakers"),
	                            0)),
	    "Ann");
	assert_true(rget(x, "score") == 1.1);
	assert_true(rget(x, "raw_score") == 2.2);
	assert_string_equal(sget(x, "video_url"),
	    "https://video.example.org/77");
	assert_null_key(x, "url");
	json_decref(j);
	free(text);
	fx_free(f);
}

static void
test_plan_deterministic(void **state)
{
	struct fx *f = fx_new();
	char *a, *b;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1526000000", 1);
	a = plan_text(f);
	f->pl.stats.seconds = 12.5;
	b = plan_text(f);
	assert_string_equal(a, b);
	unsetenv("SOURCE_DATE_EPOCH");
	free(a);
	free(b);
	fx_free(f);
}

static void
test_bad_utf8(void **state)
{
	struct fx *f = fx_new();
	char *text;
	json_t *j, *it;

	(void)state;
	/* A lone Latin-1 byte and a truncated sequence. */
	f->it[0].title = "Caf\xe9 \xe2\x98";
	f->tt->ev[1].url = "http://x/\xff";
	text = plan_text(f);
	j = parse(text);
	it = json_array_get(json_object_get(json_array_get(json_object_get(j,
	                                                       "days"),
	                                        0),
	                        "items"),
	    0);
	assert_string_equal(sget(it, "title"),
	    "Caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd");
	it = json_array_get(json_object_get(json_array_get(json_object_get(j,
	                                                       "days"),
	                                        0),
	                        "items"),
	    1);
	assert_string_equal(sget(it, "url"), "http://x/\xef\xbf\xbd");
	json_decref(j);
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
	assert_int_equal(pp_write_json(fp, &f->pl, NULL), -1);
	clearerr(fp);
	assert_int_equal(pp_write_timetable_json(fp, f->tt, NULL, 0), -1);
	fclose(fp);
	fx_free(f);
}

static void
test_timetable(void **state)
{
	struct fx *f = fx_new();
	const struct pp_event *sel[2];
	struct pp_event *ev;
	char *text;
	json_t *j, *a, *e;

	(void)state;
	ev = add(f->tt, "utc", "In UTC", PP_KIND_BREAK,
	    at("UTC", 2018, 5, 11, 15, 0), at("UTC", 2018, 5, 11, 15, 30), "c");
	ev->tz = "UTC";
	text = tt_text(f->tt, NULL, 0);
	j = parse(text);
	assert_int_equal(iget(j, "schema_version"), 1);
	assert_string_equal(sget(j, "name"), "PyCon US 2018");
	a = json_object_get(j, "events");
	assert_int_equal(json_array_size(a), 5);
	e = json_array_get(a, 0);
	assert_string_equal(sget(e, "id"), "64");
	assert_string_equal(sget(e, "kind"), "talk");
	assert_string_equal(sget(e, "kind_word"), "talk");
	assert_string_equal(sget(e, "title"), TITLE0);
	assert_string_equal(sget(e, "start"), "2018-05-11T10:50:00-04:00");
	assert_string_equal(sget(e, "timezone"), NY);
	assert_string_equal(sget(e, "room"), "Room 1; Room 2");
	assert_string_equal(sget(e, "level"), "beginner");
	assert_string_equal(sget(e, "abstract"), "line one\nline two");
	assert_null_key(e, "track");
	assert_true(json_is_true(json_object_get(e, "recorded")));
	e = json_array_get(a, 1);
	assert_null_key(e, "kind_word");
	assert_null_key(e, "recorded");
	e = json_array_get(a, 3);
	assert_string_equal(sget(e, "kind"), "other");
	assert_string_equal(sget(e, "kind_word"), "mystery");
	assert_string_equal(sget(e, "end"), "2018-05-13T00:30:00-04:00");
	assert_true(json_is_false(json_object_get(e, "recorded")));
	e = json_array_get(a, 4);
	assert_string_equal(sget(e, "start"), "2018-05-11T15:00:00+00:00");
	assert_string_equal(sget(e, "kind"), "break");
	json_decref(j);
	free(text);

	/* A selection, in the caller's order. */
	sel[0] = &f->tt->ev[3];
	sel[1] = &f->tt->ev[0];
	text = tt_text(f->tt, sel, 2);
	j = parse(text);
	a = json_object_get(j, "events");
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(sget(json_array_get(a, 0), "id"), "late");
	assert_string_equal(sget(json_array_get(a, 1), "id"), "64");
	json_decref(j);
	free(text);

	/* An empty selection is an empty list, not every event. */
	text = tt_text(f->tt, sel, 0);
	j = parse(text);
	assert_int_equal(json_array_size(json_object_get(j, "events")), 0);
	json_decref(j);
	free(text);
	fx_free(f);
}

static void
test_item_id(void **state)
{
	struct fx *f = fx_new();
	char buf[PP_ITEM_ID_MAX];

	(void)state;
	assert_string_equal(pp_item_id(&f->it[0], NY, buf), "64");
	assert_string_equal(pp_item_id(&f->it[2], NY, buf),
	    "hallway-2018-05-11-1230");
	/* The same block in another zone has its local start. */
	assert_string_equal(pp_item_id(&f->it[2], "UTC", buf),
	    "hallway-2018-05-11-1630");
	assert_string_equal(pp_item_id(&f->it[3], NY, buf),
	    "lunch-2018-05-12-1200");
	fx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plan_top),
	    cmocka_unit_test(test_plan_profile),
	    cmocka_unit_test(test_plan_items),
	    cmocka_unit_test(test_plan_deterministic),
	    cmocka_unit_test(test_bad_utf8),
	    cmocka_unit_test(test_stream_error),
	    cmocka_unit_test(test_timetable),
	    cmocka_unit_test(test_item_id),
	};
	int rc;

	rc = cmocka_run_group_tests_name("write_json", tests, NULL, NULL);
	pp_tz_cleanup();
	return rc;
}
