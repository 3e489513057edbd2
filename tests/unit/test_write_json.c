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

#define NY "America/New_York"
#define TITLE0 "Caf\xc3\xa9 \xe2\x98\x95 \"Quoted\", with comma\nand a newline"

/* A two-day plan built by hand: the writer sees only the structures. */
struct fx {
	struct pp_timetable *tt;
	struct pp_profile p;
	struct pp_model m;
	struct pp_model_day md[2];
	struct pp_item it[4];
	const struct pp_item *pit[4];
	struct pp_plan_day pd[2];
	struct pp_plan pl;
	struct pp_score sc[4];
	const struct pp_event *watch[1];
};

static char s_testing[] = "testing", s_py3[] = "python 3";
static char s_zoe[] = "Zo\xc3\xab", s_must[] = "64", s_booth[] = "booth";
static char s_file[] = "a.csv";
static struct pp_weighted interests[2] = {
	{ s_testing, 3 }, { s_py3, 0.125 }
};
static struct pp_weighted speakers[1] = { { s_zoe, 2 } };
static char *job[1] = { s_testing };
static char *busy_files[1] = { s_file };
static struct pp_ref must[1] = { { s_must, "me.ini", 3 } };
static struct pp_busy busy[1] = {
	{ s_booth, "2018-05-12", 600, 660, NULL, 0 }
};

static int64_t
at(const char *zone, int y, int mo, int d, int h, int mi)
{
	struct pp_civil c = { y, mo, d, h, mi, 0, 0, 0 };
	int64_t t;

	assert_int_equal(pp_tz_from_civil(zone, &c, &t), 0);
	return t;
}

static struct pp_event *
add(struct pp_timetable *tt, const char *id, const char *title,
    enum pp_kind k, int64_t start, int64_t end, const char *file)
{
	struct pp_event *ev = pp_timetable_add(tt);

	ev->id = pp_tt_strdup(tt, id);
	ev->title = pp_tt_strdup(tt, title);
	ev->kind = k;
	ev->start = start;
	ev->end = end;
	ev->tz = NY;
	ev->file = file;
	ev->line = 2;
	return ev;
}

static void
item(struct pp_item *it, const struct pp_event *ev, enum pp_item_src src,
    enum pp_kind k, int64_t start, int64_t end, int64_t score,
    const char *reason)
{
	memset(it, 0, sizeof(*it));
	it->ev = ev;
	it->src = src;
	it->kind = k;
	it->cls = pp_kind_class(k);
	it->start = start;
	it->end = end;
	it->minutes = (long)((end - start) / 60);
	it->title = ev != NULL ? ev->title :
	    src == PP_ITEM_LUNCH ? "Lunch" : "Hallway track";
	it->rooms = ev != NULL ? ev->rooms : NULL;
	it->nrooms = ev != NULL ? ev->nrooms : 0;
	it->room = ev != NULL ? ev->room : "";
	it->score = score;
	it->reason = reason;
}

static struct fx *
fx_new(void)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct pp_timetable *tt;
	struct pp_event *ev;
	const char **v;
	int c;

	assert_non_null(f);
	tt = f->tt = pp_timetable_new();
	tt->name = pp_tt_strdup(tt, "PyCon US 2018");

	ev = add(tt, "64", TITLE0, PP_KIND_TALK,
	    at(NY, 2018, 5, 11, 10, 50), at(NY, 2018, 5, 11, 11, 20), "a.csv");
	v = pp_tt_strv(tt, 2);
	v[0] = pp_tt_strdup(tt, "Room 1");
	v[1] = pp_tt_strdup(tt, "Room 2");
	pp_tt_set_rooms(tt, ev, v, 2);
	ev->nspeakers = pp_tt_split(tt, "Zo\xc3\xab \xc3\x84; Bob, Jr.", 0,
	    &ev->speakers);
	ev->ntags = pp_tt_split(tt, "testing; python 3", 0, &ev->tags);
	ev->recorded = PP_REC_YES;
	ev->url = "https://example.org/64";
	ev->video_url = "https://video.example.org/64";
	ev->abstract = "line one\nline two";
	ev->level = "beginner";
	ev->kind_word = "talk";

	ev = add(tt, "os-1", "[open-spaces] Hallway chat", PP_KIND_OPEN_SPACE,
	    at(NY, 2018, 5, 11, 11, 30), at(NY, 2018, 5, 11, 12, 30), "b.ics");
	v = pp_tt_strv(tt, 1);
	v[0] = pp_tt_strdup(tt, "Room 3");
	pp_tt_set_rooms(tt, ev, v, 1);

	ev = add(tt, "77", "Recorded keynote", PP_KIND_KEYNOTE,
	    at(NY, 2018, 5, 12, 9, 0), at(NY, 2018, 5, 12, 10, 0), "a.csv");
	ev->recorded = PP_REC_YES;
	ev->video_url = "https://video.example.org/77";
	ev->nspeakers = pp_tt_split(tt, "Ann", 0, &ev->speakers);

	ev = add(tt, "late", "Night owl session", PP_KIND_OTHER,
	    at(NY, 2018, 5, 12, 23, 30), at(NY, 2018, 5, 13, 0, 30), "a.csv");
	ev->kind_word = "mystery";
	ev->recorded = PP_REC_NO;

	/* The profile, as pp_profile_load would leave it. */
	f->p.max_talks = PP_UNLIMITED;
	f->p.max_talk_minutes = 240;
	f->p.max_streak = 2;
	f->p.min_networking = 60;
	f->p.min_block = 15;
	f->p.room_change = 5;
	f->p.day_start = 9 * 60;
	f->p.day_end = 24 * 60;
	f->p.lunch_from = 11 * 60 + 30;
	f->p.lunch_to = 14 * 60;
	f->p.lunch_minutes = 45;
	f->p.recorded_weight = 0.5;
	f->p.talk_base = 1;
	f->p.networking_weight = 0.1;
	f->p.level_bonus = 0.5;
	f->p.criteria_bonus = 2;
	f->p.interests = interests;
	f->p.ninterests = 2;
	f->p.speakers = speakers;
	f->p.nspeakers = 1;
	f->p.criteria[PP_CRIT_JOB] = job;
	f->p.ncriteria[PP_CRIT_JOB] = 1;
	f->p.must = must;
	f->p.nmust = 1;
	f->p.busy = busy;
	f->p.nbusy = 1;
	f->p.busy_files = busy_files;
	f->p.nbusy_files = 1;

	/* Scores: 2.5 and 0.125 points, exact in decimal, not in binary
	 * for most neighbours. */
	for (c = 0; c < 4; c++)
		f->sc[c].value = f->sc[c].raw = 1000 * (c + 1);
	f->sc[2].value = 1100;
	f->sc[2].raw = 2200;

	f->m.tt = tt;
	f->m.p = &f->p;
	f->m.tz = NY;
	f->m.days = f->md;
	f->m.ndays = 2;
	f->m.scores = f->sc;
	strcpy(f->md[0].date, "2018-05-11");
	strcpy(f->md[1].date, "2018-05-12");

	item(&f->it[0], &tt->ev[0], PP_ITEM_EVENT, PP_KIND_TALK,
	    tt->ev[0].start, tt->ev[0].end, 2500, "must-see");
	f->it[0].must = 1;
	item(&f->it[1], &tt->ev[1], PP_ITEM_EVENT, PP_KIND_OPEN_SPACE,
	    tt->ev[1].start, tt->ev[1].end, 125,
	    "interest: testing \xc3\x97" "3");
	item(&f->it[2], NULL, PP_ITEM_HALLWAY, PP_KIND_HALLWAY,
	    at(NY, 2018, 5, 11, 12, 30), at(NY, 2018, 5, 11, 13, 0), -1500,
	    "hallway track");
	item(&f->it[3], NULL, PP_ITEM_LUNCH, PP_KIND_MEAL,
	    at(NY, 2018, 5, 12, 12, 0), at(NY, 2018, 5, 12, 12, 45), 0, "");
	f->md[0].items = f->it;
	f->md[0].n = 3;
	f->md[1].items = f->it + 3;
	f->md[1].n = 1;
	for (c = 0; c < 4; c++)
		f->pit[c] = &f->it[c];

	f->pd[0].md = &f->md[0];
	f->pd[0].items = f->pit;
	f->pd[0].n = 3;
	f->pd[0].talks = 1;
	f->pd[0].talk_minutes = 30;
	f->pd[0].networking_minutes = 90;
	f->pd[0].score = 2500 + 125 - 1500;
	f->pd[1].md = &f->md[1];
	f->pd[1].items = f->pit + 3;
	f->pd[1].n = 1;
	f->pd[1].networking_minutes = 45;

	f->watch[0] = &tt->ev[2];
	f->pl.m = &f->m;
	f->pl.days = f->pd;
	f->pl.ndays = 2;
	f->pl.score = 3125;
	f->pl.crit_covered = 1u << PP_CRIT_JOB;
	f->pl.optimal = 1;
	f->pl.watch_later = f->watch;
	f->pl.nwatch = 1;
	f->pl.stats.labels = 42;
	f->pl.stats.max_front = 7;
	f->pl.stats.seconds = 0.25;
	return f;
}

static void
fx_free(struct fx *f)
{
	pp_timetable_free(f->tt);
	free(f);
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
	assert_true(strstr(text, "\"conference\"") < strstr(text, "\"profile\""));
	assert_true(strstr(text, "\"profile\"") < strstr(text, "\"days\""));
	assert_true(strstr(text, "\"watch_later\"") <
	    strstr(text, "\"optimal\""));
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
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(x, "job"), 0)), "testing");
	assert_int_equal(json_array_size(json_object_get(x, "speaker")), 0);
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(p, "must"), 0)), "64");
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
	assert_null_key(json_object_get(json_array_get(
	    json_object_get(j, "days"), 0), "caps"), "max_talk_minutes");
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
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(it, "tags"), 1)), "python 3");
	assert_string_equal(sget(it, "url"), "https://example.org/64");
	assert_true(json_is_true(json_object_get(it, "recorded")));
	assert_true(json_is_true(json_object_get(it, "must")));
	assert_true(rget(it, "score") == 2.5);
	assert_string_equal(sget(it, "reason"), "must-see");

	it = json_array_get(items, 1);
	assert_string_equal(sget(it, "class"), "networking");
	assert_string_equal(sget(it, "kind"), "open-space");
	assert_true(json_is_null(json_object_get(it, "recorded")));
	assert_null_key(it, "url");
	assert_true(json_is_false(json_object_get(it, "must")));
	assert_true(rget(it, "score") == 0.125);
	assert_string_equal(sget(it, "reason"),
	    "interest: testing \xc3\x97" "3");

	it = json_array_get(items, 2);
	assert_string_equal(sget(it, "id"), "hallway-2018-05-11-1230");
	assert_string_equal(sget(it, "source"), "hallway");
	assert_string_equal(sget(it, "kind"), "hallway");
	assert_null_key(it, "room");
	assert_int_equal(json_array_size(json_object_get(it, "rooms")), 0);
	assert_int_equal(json_array_size(json_object_get(it, "speakers")), 0);
	assert_true(rget(it, "score") == -1.5);

	/* Exact decimals in the text itself, UTF-8 unescaped. */
	assert_non_null(strstr(text, "\"score\": 2.5,\n"));
	assert_non_null(strstr(text, "\"score\": 0.125,\n"));
	assert_non_null(strstr(text, "\"score\": -1.5,\n"));
	assert_non_null(strstr(text, "Caf\xc3\xa9 \xe2\x98\x95 \\\"Quoted\\\""));
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
	assert_string_equal(json_string_value(json_array_get(
	    json_object_get(x, "speakers"), 0)), "Ann");
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
	it = json_array_get(json_object_get(json_array_get(
	    json_object_get(j, "days"), 0), "items"), 0);
	assert_string_equal(sget(it, "title"),
	    "Caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd");
	it = json_array_get(json_object_get(json_array_get(
	    json_object_get(j, "days"), 0), "items"), 1);
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
