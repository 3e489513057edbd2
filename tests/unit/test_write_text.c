/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the text writer: a two-day plan built by hand over a small
 * timetable (America/New_York), checked for column alignment, truncation,
 * caps, the summary, watch-later links, colour and stream errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write.h"
#include "pyplan/write_util.h"

#define ZONE "America/New_York"
#define VIDEO "https://www.youtube.com/watch?v=WaTcH"
#define PAGE "https://us.pycon.org/2018/schedule/presentation/99/"
#define NEVENTS 8

/* Sixty "é": every possible cut point falls between two-byte sequences. */
#define E10                                                                    \
	"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"                             \
	"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
#define LONG_TITLE E10 E10 E10 E10 E10 E10
#define LONG_ROOM "Gr\xc3\xa4nd Ballr\xc3\xb6om A, B, C, D, E, F, G, H, I"

enum {
	EV_BREAKFAST,
	EV_KEYNOTE,
	EV_HOWTO,
	EV_LONG,
	EV_CTRL,
	EV_DAY2,
	EV_WATCH_VIDEO,
	EV_WATCH_PAGE
};

struct fixture {
	struct pp_timetable *tt;
	struct pp_profile p;
	struct pp_model m;
	struct pp_model_day md[2];
	struct pp_score scores[NEVENTS];
	struct pp_item items[8];
	const struct pp_item *day1[6], *day2[2];
	struct pp_plan_day pd[2];
	const struct pp_event *watch[2];
	struct pp_plan pl;
};

static int64_t
at(int day, int hour, int min)
{
	struct pp_civil c = {2018, 5, day, hour, min, 0, 0, 0};
	int64_t t = 0;

	assert_int_equal(pp_tz_from_civil(ZONE, &c, &t), 0);
	return t;
}

static struct pp_event *
add(struct pp_timetable *tt, const char *title, enum pp_kind kind, int day,
    int h0, int m0, int h1, int m1, const char *room, const char *speakers)
{
	struct pp_event *ev = pp_timetable_add(tt);
	const char **rooms;
	size_t n;

	ev->title = pp_tt_strdup(tt, title);
	ev->kind = kind;
	ev->start = at(day, h0, m0);
	ev->end = at(day, h1, m1);
	ev->tz = pp_tt_strdup(tt, ZONE);
	n = pp_tt_split(tt, room, 0, &rooms);
	pp_tt_set_rooms(tt, ev, rooms, n);
	ev->nspeakers = pp_tt_split(tt, speakers, 1, &ev->speakers);
	return ev;
}

static void
item_of(struct pp_item *it, const struct pp_event *ev, int64_t score,
    const char *reason)
{
	memset(it, 0, sizeof(*it));
	it->ev = ev;
	it->src = PP_ITEM_EVENT;
	it->kind = ev->kind;
	it->cls = pp_kind_class(ev->kind);
	it->start = ev->start;
	it->end = ev->end;
	it->minutes = pp_event_minutes(ev);
	it->title = ev->title;
	it->rooms = ev->rooms;
	it->nrooms = ev->nrooms;
	it->room = ev->room;
	it->score = score;
	it->reason = reason;
}

static struct fixture *
fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct pp_timetable *tt;
	struct pp_event *ev;
	struct pp_item *h;
	size_t i;

	assert_non_null(f);
	f->tt = tt = pp_timetable_new();
	tt->name = pp_tt_strdup(tt, "PyCon Test 2018");
	add(tt, "Breakfast", PP_KIND_MEAL, 11, 8, 0, 9, 0, "Grand Ballroom A",
	    "");
	add(tt, "Keynote - Dan Callahan", PP_KIND_KEYNOTE, 11, 9, 30, 10, 10,
	    "Grand Ballroom C", "Dan Callahan");
	add(tt, "HOWTO Write a Function", PP_KIND_TALK, 11, 10, 50, 11, 20,
	    "Room 26A/B/C", "Jack Diederich");
	add(tt, LONG_TITLE, PP_KIND_TALK, 11, 11, 30, 12, 0, LONG_ROOM,
	    "Zo\xc3\xab Z\xc3\xbcrcher; Bj\xc3\xb6rn \xc3\x85str\xc3\xb6m");
	add(tt, "Tabs\tand\nnewlines \033[31mred", PP_KIND_TALK, 11, 14, 0, 14,
	    30, "Room 10", "");
	add(tt, "Day Two Talk", PP_KIND_TALK, 12, 10, 0, 10, 30, "Room 1",
	    "Ann Example");
	ev = add(tt, "Watch Me Later", PP_KIND_TALK, 11, 13, 0, 13, 30,
	    "Room 2", "Ann \xc3\x84rger");
	ev->recorded = PP_REC_YES;
	ev->url = pp_tt_strdup(tt, "https://us.pycon.org/2018/other/");
	ev->video_url = pp_tt_strdup(tt, VIDEO);
	ev = add(tt, "No Video Yet", PP_KIND_TALK, 12, 13, 0, 13, 30, "Room 3",
	    "");
	ev->recorded = PP_REC_YES;
	ev->url = pp_tt_strdup(tt, PAGE);
	assert_int_equal(tt->n, NEVENTS);

	memset(&f->p, 0, sizeof(f->p));
	f->p.max_talks = 5;
	f->p.max_talk_minutes = PP_UNLIMITED;
	f->p.max_streak = 2;
	f->p.min_networking = 90;

	for (i = 0; i < NEVENTS; i++)
		f->scores[i].value = (int64_t)(i + 1) * 1250;

	snprintf(f->md[0].date, sizeof(f->md[0].date), "2018-05-11");
	snprintf(f->md[1].date, sizeof(f->md[1].date), "2018-05-12");
	f->m.tt = tt;
	f->m.p = &f->p;
	f->m.tz = ZONE;
	f->m.days = f->md;
	f->m.ndays = 2;
	f->m.scores = f->scores;
	f->m.crit_active =
	    1u << PP_CRIT_JOB | 1u << PP_CRIT_DEPTH | 1u << PP_CRIT_NEW;

	item_of(&f->items[0], &tt->ev[EV_BREAKFAST], 1000, "");
	item_of(&f->items[1], &tt->ev[EV_KEYNOTE], 4000,
	    "interest: web \xc3\x97"
	    "2");
	item_of(&f->items[2], &tt->ev[EV_HOWTO], 3500, "");
	f->items[2].must = 1;
	item_of(&f->items[3], &tt->ev[EV_LONG], 2000, "");
	/* A synthesized hallway-track block: no event, no room. */
	h = &f->items[4];
	memset(h, 0, sizeof(*h));
	h->src = PP_ITEM_HALLWAY;
	h->kind = PP_KIND_HALLWAY;
	h->cls = PP_CLASS_NETWORKING;
	h->start = at(11, 12, 0);
	h->end = at(11, 13, 0);
	h->minutes = 60;
	h->title = "Hallway track";
	h->room = "";
	h->reason = "";
	item_of(&f->items[5], &tt->ev[EV_CTRL], 500, "");
	item_of(&f->items[6], &tt->ev[EV_DAY2], 1500, "");

	for (i = 0; i < 6; i++)
		f->day1[i] = &f->items[i];
	f->day2[0] = &f->items[6];
	f->pd[0].md = &f->md[0];
	f->pd[0].items = f->day1;
	f->pd[0].n = 6;
	f->pd[0].talks = 4;
	f->pd[0].talk_minutes = 40 + 30 + 30 + 30;
	f->pd[0].networking_minutes = 120;
	f->pd[0].score = 11000;
	f->pd[1].md = &f->md[1];
	f->pd[1].items = f->day2;
	f->pd[1].n = 1;
	f->pd[1].talks = 1;
	f->pd[1].talk_minutes = 30;
	f->pd[1].networking_minutes = 0;
	f->pd[1].score = 1500;

	f->watch[0] = &tt->ev[EV_WATCH_VIDEO];
	f->watch[1] = &tt->ev[EV_WATCH_PAGE];
	f->pl.m = &f->m;
	f->pl.days = f->pd;
	f->pl.ndays = 2;
	f->pl.score = 15125;
	f->pl.crit_covered = 1u << PP_CRIT_JOB | 1u << PP_CRIT_NEW;
	f->pl.optimal = 1;
	f->pl.watch_later = f->watch;
	f->pl.nwatch = 2;
	return f;
}

static void
fixture_free(struct fixture *f)
{
	pp_timetable_free(f->tt);
	free(f);
}

/* Runs the writer into a heap string, laid out in width columns (0: no
 * limit); the caller frees. */
static char *
render_w(const struct pp_plan *pl, int color, size_t width)
{
	struct pp_write_opts o = {color, 0, width};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_text(fp, pl, &o), 0);
	assert_int_equal(fclose(fp), 0);
	assert_non_null(buf);
	return buf;
}

static char *
render(const struct pp_plan *pl, int color)
{
	return render_w(pl, color, 0);
}

/* Returns a heap copy of the line of out that contains needle. */
static char *
line_with(const char *out, const char *needle)
{
	const char *p = strstr(out, needle), *a, *b;
	char *s;

	if (p == NULL)
		fail_msg("no line contains \"%s\" in:\n%s", needle, out);
	for (a = p; a > out && a[-1] != '\n'; a--)
		;
	b = strchr(p, '\n');
	if (b == NULL)
		b = p + strlen(p);
	s = calloc(1, (size_t)(b - a) + 1);
	assert_non_null(s);
	memcpy(s, a, (size_t)(b - a));
	return s;
}

/* The display column (code points from the line start) of the n-th
 * occurrence of needle (1 = the first). */
static size_t
column_of_nth(const char *line, const char *needle, int n)
{
	const char *p = strstr(line, needle);
	size_t w = 0;

	while (p != NULL && --n > 0)
		p = strstr(p + 1, needle);
	if (p == NULL)
		fail_msg("\"%s\" not in line \"%s\"", needle, line);
	for (; line < p; line++)
		if (((unsigned char)*line & 0xC0u) != 0x80u)
			w++;
	return w;
}

static size_t
column_of(const char *line, const char *needle)
{
	return column_of_nth(line, needle, 1);
}

/* The display column (pp_utf8_width of what precedes it) of needle. */
static size_t
display_column_of(const char *line, const char *needle)
{
	const char *p = strstr(line, needle);
	char *pre;
	size_t w;

	if (p == NULL)
		fail_msg("\"%s\" not in line \"%s\"", needle, line);
	pre = strndup(line, (size_t)(p - line));
	assert_non_null(pre);
	w = pp_utf8_width(pre);
	free(pre);
	return w;
}

/* Joins continuation lines in place: a newline and the blanks after it
 * become one blank. */
static void
unwrap(char *s)
{
	char *w = s;

	while (*s != '\0') {
		if (*s == '\n' && s[1] == ' ') {
			while (s[1] == ' ')
				s++;
			*w++ = ' ';
			s++;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
}

/* Fails unless every line of out is at most width display columns. */
static void
assert_fits(const char *out, size_t width)
{
	const char *p = out, *nl;

	for (; *p != '\0'; p = nl + 1) {
		char *l;

		nl = strchr(p, '\n');
		assert_non_null(nl);
		l = strndup(p, (size_t)(nl - p));
		assert_non_null(l);
		if (pp_utf8_width(l) > width)
			fail_msg("%zu columns > %zu: \"%s\"", pp_utf8_width(l),
			    width, l);
		free(l);
	}
}

/* 1 if s is well-formed UTF-8 (no truncated or stray sequences). */
static int
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		int n = *p < 0x80         ? 0
		    : (*p & 0xE0) == 0xC0 ? 1
		    : (*p & 0xF0) == 0xE0 ? 2
		    : (*p & 0xF8) == 0xF0 ? 3
		                          : -1;

		if (n < 0)
			return 0;
		for (p++; n > 0; n--, p++)
			if ((*p & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

static void
test_columns_align(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);
	const char *titles[] = {"Breakfast", "Keynote - Dan", "HOWTO Write",
	    "\xc3\xa9\xc3\xa9\xc3\xa9", "Hallway track", "Tabs and"};
	const char *rooms[] = {"Grand Ballroom A", "Grand Ballroom C",
	    "Room 26A/B/C", "Room 10"};
	size_t i, tcol = 0, rcol = 0, scol;
	char *l;

	(void)state;
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		l = line_with(out, titles[i]);
		if (i == 0)
			tcol = column_of(l, titles[i]);
		assert_int_equal(column_of(l, titles[i]), tcol);
		free(l);
	}
	/* Rooms line up too, behind speaker cells of different widths. */
	for (i = 0; i < sizeof(rooms) / sizeof(rooms[0]); i++) {
		l = line_with(out, rooms[i]);
		if (i == 0)
			rcol = column_of(l, rooms[i]);
		assert_int_equal(column_of(l, rooms[i]), rcol);
		free(l);
	}
	l = line_with(out, "Jack Diederich");
	scol = column_of(l, "Jack Diederich");
	free(l);
	/* The keynote's speaker cell, after its title "Keynote - Dan ...". */
	l = line_with(out, "Keynote - Dan Callahan");
	assert_int_equal(column_of_nth(l, "Dan Callahan", 2), scol);
	assert_true(tcol < scol && scol < rcol);
	free(l);
	/* A title longer than the column's soft maximum runs over it: the
	 * rest of its own line moves right, two blanks after it. */
	l = line_with(out, "\xc3\xa9\xc3\xa9\xc3\xa9");
	assert_int_equal(column_of(l, "Zo"), tcol + 60 + 2);
	free(l);
	/* The second day uses the same columns. */
	l = line_with(out, "Day Two Talk");
	assert_int_equal(column_of(l, "Day Two Talk"), tcol);
	assert_int_equal(column_of(l, "Room 1"), rcol);
	free(l);
	free(out);
	fixture_free(f);
}

/* Output that is not a terminal (no width) is never cut. */
static void
test_no_width_never_cuts(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);

	(void)state;
	assert_null(strstr(out, "\xe2\x80\xa6"));
	assert_non_null(strstr(out, LONG_TITLE "  Zo"));
	assert_non_null(strstr(out, LONG_ROOM));
	assert_non_null(strstr(out, "Watch Me Later \xe2\x80\x94 Ann"));
	free(out);
	fixture_free(f);
}

/* In a width, lower-priority columns go to a continuation line before a
 * title is cut, and no line is wider than the width. */
static void
test_width_fits(void **state)
{
	static const size_t widths[] = {200, 120, 80, 60, 40, 24};
	struct fixture *f = fixture_new();
	size_t i;
	char *out, *l;

	(void)state;
	for (i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		out = render_w(&f->pl, 0, widths[i]);
		assert_true(valid_utf8(out));
		assert_fits(out, widths[i]);
		free(out);
	}
	/* 80 columns: every title is whole (the longest, 60 columns, fits
	 * after the 17 of time and marker); speakers, room and reason
	 * moved under it, indented to the title. */
	out = render_w(&f->pl, 0, 80);
	assert_null(strstr(out, "\xe2\x80\xa6"));
	l = line_with(out, "HOWTO Write a Function");
	assert_null(strstr(l, "Jack"));
	free(l);
	l = line_with(out, "Jack Diederich");
	assert_int_equal(column_of(l, "Jack"), 17);
	assert_non_null(strstr(l,
	    "Jack Diederich \xc2\xb7 Room 26A/B/C \xc2\xb7 "
	    "must-see"));
	free(l);
	/* A continuation line that would only repeat the title is left
	 * out: the hallway block has none; and a networking item's room
	 * goes without the "networking" its marker already says. */
	assert_null(strstr(out, "Hallway track\n                 hallway"));
	l = line_with(out, "                 Grand Ballroom A");
	assert_null(strstr(l, "networking"));
	free(l);
	free(out);
	/* 200 columns: everything on one line. */
	out = render_w(&f->pl, 0, 200);
	l = line_with(out, "HOWTO Write a Function");
	assert_non_null(strstr(l, "Jack Diederich"));
	assert_non_null(strstr(l, "must-see"));
	free(l);
	free(out);
	fixture_free(f);
}

static void
test_truncates_on_code_points(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render_w(&f->pl, 0, 60);
	const char *ell = "\xe2\x80\xa6";
	char *l = line_with(out, "\xc3\xa9\xc3\xa9\xc3\xa9");
	const char *p = strstr(l, "\xc3\xa9"), *e = strstr(l, ell);
	size_t kept;

	(void)state;
	assert_true(valid_utf8(out));
	assert_non_null(e);
	/* Whole "é" sequences up to the ellipsis: no sequence was cut, and
	 * the cut title fills the line exactly. */
	assert_int_equal((size_t)(e - p) % 2, 0);
	kept = (size_t)(e - p) / 2;
	assert_int_equal(column_of(l, "\xc3\xa9") + kept + 1, 60);
	assert_memory_equal(p, LONG_TITLE, (size_t)(e - p));
	assert_string_equal(e, ell);
	free(l);
	/* The speakers and the long room are not cut: they wrap under it. */
	l = line_with(out, "Zo\xc3\xab Z\xc3\xbcrcher");
	assert_int_equal(column_of(l, "Zo"), 17);
	free(l);
	unwrap(out);
	assert_non_null(strstr(out, LONG_ROOM));
	free(out);
	fixture_free(f);
}

/* East Asian wide characters count two columns, combining marks none,
 * emoji two: the columns after them still line up on screen. */
static void
test_wide_characters_align(void **state)
{
	static const char *const titles[] =
	    {"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe8\xac\x9b"
	     "\xe6\xbc\x94",         /* 日本語の講演: 6 wide characters */
	        "Cafe\xcc\x81 talk", /* e + U+0301 COMBINING ACUTE */
	        "Ship it \xf0\x9f\x9a\x80", /* U+1F680 ROCKET */
	        "Plain"};
	struct fixture *f = fixture_new();
	const char *speakers[] = {"Speaker A", "Speaker B", "Speaker C",
	    "Speaker D"};
	size_t i, col = 0, c;
	char *out, *l;

	(void)state;
	for (i = 0; i < 4; i++) {
		struct pp_event *ev = &f->tt->ev[EV_BREAKFAST + i];

		ev->title = pp_tt_strdup(f->tt, titles[i]);
		ev->nspeakers =
		    pp_tt_split(f->tt, speakers[i], 1, &ev->speakers);
		f->items[i].title = ev->title;
	}
	out = render(&f->pl, 0);
	for (i = 0; i < 4; i++) {
		l = line_with(out, speakers[i]);
		c = display_column_of(l, speakers[i]);
		if (i == 0)
			col = c;
		assert_int_equal(c, col);
		free(l);
	}
	/* Six wide characters take twelve columns, so on screen the
	 * speaker is six columns further right than its code point count;
	 * the combining mark takes none, so one column less. */
	l = line_with(out, speakers[0]);
	assert_int_equal(column_of(l, speakers[0]) + 6, col);
	free(l);
	l = line_with(out, speakers[1]);
	assert_int_equal(column_of(l, speakers[1]), col + 1);
	free(l);
	l = line_with(out, speakers[2]);
	assert_int_equal(column_of(l, speakers[2]) + 1, col);
	free(l);
	free(out);
	/* In a width, a cut never splits a wide character. */
	out = render_w(&f->pl, 0, 24);
	assert_true(valid_utf8(out));
	assert_fits(out, 24);
	free(out);
	fixture_free(f);
}

static void
test_caps_and_summary(void **state)
{
	struct fixture *f = fixture_new();
	char *out, *l, want[128], score[32], total[32];

	(void)state;
	out = render(&f->pl, 0);
	/* Day totals: n/cap, "-" for an unlimited cap. */
	snprintf(want, sizeof(want), "talks %ld/%d", f->pd[0].talks,
	    f->p.max_talks);
	l = line_with(out, want);
	snprintf(want, sizeof(want), "talk minutes %ld/-",
	    f->pd[0].talk_minutes);
	assert_non_null(strstr(l, want));
	snprintf(want, sizeof(want), "networking %ld/%d min",
	    f->pd[0].networking_minutes, f->p.min_networking);
	assert_non_null(strstr(l, want));
	pp_score_format(f->pd[0].score, score);
	snprintf(want, sizeof(want), "score %s", score);
	assert_non_null(strstr(l, want));
	free(l);
	/* Summary rows, one per day. */
	pp_score_format(f->pd[1].score, score);
	l = line_with(out, "  2018-05-12 ");
	snprintf(want, sizeof(want), "%ld/%d", f->pd[1].talks, f->p.max_talks);
	assert_non_null(strstr(l, want));
	assert_non_null(strstr(l, score));
	free(l);
	pp_score_format(f->pl.score, total);
	snprintf(want, sizeof(want), "total score %s (optimal)", total);
	l = line_with(out, want);
	assert_non_null(strstr(l, "criteria covered: job, new (2/3)"));
	free(l);
	free(out);

	/* No minimum and no optimum proof. */
	f->p.min_networking = 0;
	f->p.max_talks = PP_UNLIMITED;
	f->pl.optimal = 0;
	f->m.crit_active = 0;
	out = render(&f->pl, 0);
	snprintf(want, sizeof(want), "networking %ld/- min",
	    f->pd[0].networking_minutes);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof(want), "talks %ld/-", f->pd[0].talks);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, "(not proven optimal)"));
	assert_null(strstr(out, "criteria"));
	free(out);
	fixture_free(f);
}

static void
test_times_in_zone(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);
	char *l = line_with(out, "Keynote - Dan Callahan");

	(void)state;
	/* 13:30Z is 09:30 in New York in May (EDT, UTC-4). */
	assert_string_equal(l + strlen(l) -
	        strlen("interest: web \xc3\x97"
	               "2"),
	    "interest: web \xc3\x97"
	    "2");
	assert_memory_equal(l,
	    "  09:30\xe2\x80\x93"
	    "10:10  ",
	    15);
	free(l);
	assert_non_null(strstr(out, "\nFriday 2018-05-11\n"));
	assert_non_null(strstr(out, "\nSaturday 2018-05-12\n"));
	assert_non_null(strstr(out, "PyCon Test 2018"));
	assert_non_null(strstr(out, ZONE));
	free(out);
	fixture_free(f);
}

static void
test_markers_and_reasons(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);
	char *talk = line_with(out, "Keynote - Dan");
	char *net = line_with(out, "Breakfast");
	char *hall = line_with(out, "Hallway track");
	char *must = line_with(out, "HOWTO Write");
	size_t mcol = column_of(talk, "\xe2\x97\x8f");

	(void)state;
	/* Three distinct markers, all in the same column. */
	assert_int_equal(column_of(net, "\xe2\x97\x86"), mcol);
	assert_int_equal(column_of(hall, "\xe2\x97\x8b"), mcol);
	assert_int_equal(column_of(must, "\xe2\x97\x8f"), mcol);
	assert_null(strstr(net, "\xe2\x97\x8f"));
	assert_null(strstr(hall, "\xe2\x97\x8f"));
	assert_non_null(strstr(net, "networking"));
	assert_non_null(strstr(hall, "hallway track"));
	assert_non_null(strstr(must, "must-see"));
	free(talk);
	free(net);
	free(hall);
	free(must);
	free(out);
	fixture_free(f);
}

static void
test_watch_later(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);
	const char *head = strstr(out, "Watch later");
	char *a, *b, score[32];

	(void)state;
	assert_non_null(head);
	a = line_with(head, "Watch Me Later \xe2\x80\x94 Ann \xc3\x84rger");
	assert_non_null(strstr(a, VIDEO));
	assert_null(strstr(a, "us.pycon.org"));
	pp_score_format(f->scores[EV_WATCH_VIDEO].value, score);
	assert_non_null(strstr(a, score));
	b = line_with(head, "No Video Yet");
	assert_non_null(strstr(b, PAGE));
	/* Links line up in one column. */
	assert_int_equal(column_of(a, "https"), column_of(b, "https"));
	free(a);
	free(b);
	free(out);

	f->pl.nwatch = 0;
	out = render(&f->pl, 0);
	assert_null(strstr(out, "Watch later"));
	free(out);
	fixture_free(f);
}

/* Removes "ESC [ ... m" sequences in place. */
static void
strip_sgr(char *s)
{
	char *w = s;

	while (*s != '\0') {
		if (*s == '\033' && s[1] == '[') {
			s += 2;
			while (*s != '\0' && *s != 'm')
				s++;
			if (*s == 'm')
				s++;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
}

static void
test_colour(void **state)
{
	struct fixture *f = fixture_new();
	char *plain = render(&f->pl, 0);
	char *colour = render(&f->pl, 1);
	char *l;

	(void)state;
	/* Colour off: no escape at all, not even one from a title. */
	assert_null(strchr(plain, '\033'));
	/* Colour on: bold headings, coloured must-see, dim networking. */
	assert_non_null(strstr(colour, "\033[1mFriday 2018-05-11\033[0m"));
	l = line_with(colour, "HOWTO Write");
	assert_memory_equal(l, "\033[33m", 5);
	assert_non_null(strstr(l, "\033[0m"));
	free(l);
	l = line_with(colour, "Breakfast");
	assert_memory_equal(l, "\033[2m", 4);
	free(l);
	/* Same text once the escapes are gone. */
	strip_sgr(colour);
	assert_string_equal(colour, plain);
	free(plain);
	free(colour);
	fixture_free(f);
}

static void
test_layout_hygiene(void **state)
{
	struct fixture *f = fixture_new();
	char *out = render(&f->pl, 0);
	const char *p;

	(void)state;
	assert_true(valid_utf8(out));
	/* No line ends in blanks; the text ends in exactly one newline. */
	for (p = out; (p = strchr(p, '\n')) != NULL; p++)
		assert_true(p == out || p[-1] != ' ');
	assert_int_equal(out[strlen(out) - 1], '\n');
	assert_int_not_equal(out[strlen(out) - 2], '\n');
	/* Blanks in a title became spaces, the escape a visible U+FFFD. */
	assert_non_null(strstr(out, "Tabs and newlines \xef\xbf\xbd[31mred"));
	free(out);

	/* An empty day says so. */
	f->pd[1].n = 0;
	out = render(&f->pl, 0);
	assert_non_null(
	    strstr(out, "Saturday 2018-05-12\n  nothing planned\n"));
	free(out);
	fixture_free(f);
}

static void
test_stream_error(void **state)
{
	struct fixture *f = fixture_new();
	struct pp_write_opts o = {0, 0, 0};
	FILE *fp = fopen("/dev/full", "w");

	(void)state;
	if (fp == NULL) {
		fixture_free(f);
		skip();
	}
	assert_int_equal(pp_write_text(fp, &f->pl, &o), -1);
	fclose(fp);
	fixture_free(f);
}

static void
test_util_helpers(void **state)
{
	struct pp_item it;
	char *s;

	(void)state;
	assert_string_equal(pp_weekday_name("2018-05-09"), "Wednesday");
	assert_string_equal(pp_weekday_name("1969-12-31"), "Wednesday");
	assert_string_equal(pp_weekday_name("2018-02-30"), "");
	memset(&it, 0, sizeof(it));
	it.src = PP_ITEM_EVENT;
	it.cls = PP_CLASS_TALK;
	it.reason = "interest: testing \xc3\x97"
	            "3";
	it.must = 1;
	s = pp_item_reason(&it);
	assert_string_equal(s,
	    "must-see; interest: testing \xc3\x97"
	    "3");
	free(s);
	it.must = 0;
	it.reason = "";
	s = pp_item_reason(&it);
	assert_string_equal(s, "");
	free(s);
	it.src = PP_ITEM_LUNCH;
	it.cls = PP_CLASS_NETWORKING;
	s = pp_item_reason(&it);
	assert_string_equal(s, "lunch");
	free(s);
	s = pp_event_speakers(NULL, ", ");
	assert_string_equal(s, "");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_columns_align),
	    cmocka_unit_test(test_no_width_never_cuts),
	    cmocka_unit_test(test_width_fits),
	    cmocka_unit_test(test_truncates_on_code_points),
	    cmocka_unit_test(test_wide_characters_align),
	    cmocka_unit_test(test_caps_and_summary),
	    cmocka_unit_test(test_times_in_zone),
	    cmocka_unit_test(test_markers_and_reasons),
	    cmocka_unit_test(test_watch_later),
	    cmocka_unit_test(test_colour),
	    cmocka_unit_test(test_layout_hygiene),
	    cmocka_unit_test(test_stream_error),
	    cmocka_unit_test(test_util_helpers),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	pp_tz_cleanup();
	return rc;
}
