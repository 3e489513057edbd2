/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for programme changes (diff.c) and their writers
 * (write_diff.c): pairing by id then by title and speakers, the fields
 * that changed, cancellations as a change of status, and what the changes
 * mean for a plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/diff.h"
#include "pyplan/load_plan.h"
#include "pyplan/write_diff.h"

#define T0 INT64_C(1738400400) /* 2025-02-01T09:00:00Z */

/* Adds an event; speakers separated by ';', rooms likewise. */
static struct pp_event *
ev(struct pp_timetable *tt, const char *id, const char *title, int start_min,
    int minutes, const char *room, const char *speakers)
{
	struct pp_event *e = pp_timetable_add(tt);
	const char **v;
	size_t n;

	e->id = pp_tt_strdup(tt, id);
	e->title = pp_tt_strdup(tt, title);
	e->kind = PP_KIND_TALK;
	e->start = T0 + start_min * 60;
	e->end = e->start + minutes * 60;
	e->tz = pp_tt_strdup(tt, "Europe/Brussels");
	e->file = "test.csv";
	n = pp_tt_split(tt, room, 0, &v);
	pp_tt_set_rooms(tt, e, v, n);
	e->nspeakers = pp_tt_split(tt, speakers, 0, &e->speakers);
	return e;
}

static const struct pp_diff_change *
change_of(const struct pp_diff *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->nchanged; i++)
		if (strcmp(d->changed[i].after->id, id) == 0)
			return &d->changed[i];
	return NULL;
}

static void
test_fields(void **state)
{
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_event *x;
	struct pp_diff d;
	const struct pp_diff_change *c;

	(void)state;
	ev(a, "same", "Unchanged", 0, 30, "R1", "Ann");
	ev(b, "same", "Unchanged", 0, 30, "R1", "Ann");
	ev(a, "mv", "Moved", 60, 30, "R1", "Bo");
	ev(b, "mv", "Moved", 90, 30, "R1", "Bo");
	ev(a, "len", "Longer", 120, 30, "R1", "Cy");
	ev(b, "len", "Longer", 120, 45, "R1", "Cy");
	ev(a, "rm", "Room", 180, 30, "R1", "Di");
	ev(b, "rm", "Room", 180, 30, "R2", "Di");
	ev(a, "ti", "Old title", 240, 30, "R1", "Ed");
	ev(b, "ti", "New title", 240, 30, "R1", "Ed");
	ev(a, "sp", "Speakers", 300, 30, "R1", "Fi; Gil");
	ev(b, "sp", "Speakers", 300, 30, "R1", "Fi");
	/* the same speakers in another order are not a change */
	ev(a, "so", "Order", 330, 30, "R1", "Ha; Io");
	ev(b, "so", "Order", 330, 30, "R1", "Io; Ha");
	ev(a, "ki", "Kind", 360, 30, "R1", "Jo");
	x = ev(b, "ki", "Kind", 360, 30, "R1", "Jo");
	x->kind = PP_KIND_WORKSHOP;
	ev(a, "ca", "Cancelled", 420, 30, "R1", "Ka");
	x = ev(b, "ca", "Cancelled", 420, 30, "R1", "Ka");
	x->status = PP_STATUS_CANCELLED;
	ev(a, "gone", "Gone", 480, 30, "R1", "Lu");
	ev(b, "new", "New", 480, 30, "R1", "Mo");
	pp_timetable_sort(a);
	pp_timetable_sort(b);

	pp_diff_compute(a, b, &d);
	assert_int_equal(d.nadded, 1);
	assert_string_equal(d.added[0]->id, "new");
	assert_int_equal(d.nremoved, 1);
	assert_string_equal(d.removed[0]->id, "gone");
	assert_int_equal(d.nsame, 2);
	assert_int_equal(d.nchanged, 7);
	assert_int_equal(change_of(&d, "mv")->fields,
	    PP_DIFF_START | PP_DIFF_END);
	assert_int_equal(change_of(&d, "len")->fields, PP_DIFF_END);
	assert_int_equal(change_of(&d, "rm")->fields, PP_DIFF_ROOM);
	assert_int_equal(change_of(&d, "ti")->fields, PP_DIFF_TITLE);
	assert_int_equal(change_of(&d, "sp")->fields, PP_DIFF_SPEAKERS);
	assert_int_equal(change_of(&d, "ki")->fields, PP_DIFF_KIND);
	c = change_of(&d, "ca");
	assert_int_equal(c->fields, PP_DIFF_STATUS);
	assert_int_equal(c->after->status, PP_STATUS_CANCELLED);
	assert_null(change_of(&d, "so"));
	/* changes come in the new version's order */
	assert_string_equal(d.changed[0].after->id, "mv");
	assert_string_equal(pp_diff_field_name(PP_DIFF_SPEAKERS), "speakers");
	assert_string_equal(pp_diff_field_name(3), "");
	pp_diff_fini(&d);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

static void
test_matching(void **state)
{
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_diff d;
	const struct pp_diff_change *c;

	(void)state;
	/* ids that differ: paired by title and speakers, ignoring case,
	 * outer blanks and the speakers' order */
	ev(a, "old-1", "Rust in Space", 0, 30, "R1", "Ann; Bo");
	ev(b, "new-1", "rust in space ", 60, 30, "R1", "Bo; Ann");
	ev(a, "old-2", "Zig", 800, 30, "R1", "Jo");
	ev(b, "new-2", "Zig", 800, 30, "R1", "jo");
	/* the same title twice (a repeated session, ids made up by the
	 * loader): each pairs with the nearest start */
	ev(a, "test.csv:4", "Workshop", 100, 60, "W", "Cy");
	ev(a, "test.csv:5", "Workshop", 400, 60, "W", "Cy");
	ev(b, "test.csv:4", "Workshop", 410, 60, "W", "Cy");
	ev(b, "test.csv:5", "Workshop", 100, 60, "W", "Cy");
	/* an id that is not unique pairs by title instead */
	ev(a, "dup", "First", 600, 30, "R1", "Di");
	ev(a, "dup", "Second", 630, 30, "R1", "Di");
	ev(b, "dup", "Second", 640, 30, "R1", "Di");
	ev(b, "dup", "First", 600, 30, "R1", "Di");
	/* the same id, anything else changed: still the same event */
	ev(a, "keep", "Before", 700, 30, "R1", "Ed");
	ev(b, "keep", "After", 720, 30, "R2", "Fi");
	pp_timetable_sort(a);
	pp_timetable_sort(b);

	pp_diff_compute(a, b, &d);
	assert_int_equal(d.nadded, 0);
	assert_int_equal(d.nremoved, 0);
	c = change_of(&d, "new-1");
	assert_non_null(c);
	assert_string_equal(c->before->id, "old-1");
	/* the speakers' order is no change; the title's case is */
	assert_int_equal(c->fields,
	    PP_DIFF_START | PP_DIFF_END | PP_DIFF_TITLE);
	c = change_of(&d, "new-2");
	assert_non_null(c);
	assert_int_equal(c->fields, PP_DIFF_SPEAKERS);
	/* the repeated workshop: 100 -> 100 and 400 -> 410 */
	assert_int_equal(d.nsame, 2);
	c = change_of(&d, "test.csv:4");
	assert_non_null(c);
	assert_int_equal(c->before->start, T0 + 400 * 60);
	c = change_of(&d, "dup");
	assert_non_null(c);
	assert_string_equal(c->after->title, "Second");
	assert_int_equal(c->before->start, T0 + 630 * 60);
	c = change_of(&d, "keep");
	assert_int_equal(c->fields,
	    PP_DIFF_START | PP_DIFF_END | PP_DIFF_ROOM | PP_DIFF_TITLE |
	        PP_DIFF_SPEAKERS);
	pp_diff_fini(&d);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

/* A plan file with the rows given as "id start minutes room must". */
static void
plan_row(struct pp_plan_file *pf, const char *id, const char *title,
    int start_min, int minutes, const char *room, int must, int synth)
{
	struct pp_plan_row *r;

	pf->rows = realloc(pf->rows, (pf->n + 1) * sizeof(*pf->rows));
	r = &pf->rows[pf->n++];
	memset(r, 0, sizeof(*r));
	r->id = strdup(id);
	r->title = strdup(title);
	r->kind = strdup("talk");
	r->room = strdup(room);
	r->start = T0 + start_min * 60;
	r->end = r->start + minutes * 60;
	r->has_time = 1;
	r->must = must;
	r->synthesized = synth;
	r->line = (unsigned)pf->n + 1;
}

static void
test_impacts(void **state)
{
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_plan_file pf;
	struct pp_diff d;
	struct pp_impact *im;
	struct pp_event *x;
	size_t n;
	char *m;

	(void)state;
	memset(&pf, 0, sizeof(pf));
	pf.path = "plan.csv";
	pf.room_change = -1;
	ev(a, "p1", "Planned one", 0, 30, "A", "Ann");
	ev(b, "p1", "Planned one", 40, 30, "A", "Ann"); /* into p2 */
	ev(a, "p2", "Planned two", 60, 30, "B", "Bo");
	ev(b, "p2", "Planned two", 60, 30, "B", "Bo");
	ev(a, "p3", "Must see", 120, 30, "C", "Cy");
	x = ev(b, "p3", "Must see", 120, 30, "C", "Cy");
	x->status = PP_STATUS_CANCELLED;
	ev(a, "p4", "Removed", 180, 30, "C", "Di");
	ev(a, "p5", "Room swap", 240, 30, "C", "Ed");
	ev(b, "p5", "Room swap", 240, 30, "D", "Ed");
	ev(a, "p6", "Next door", 270, 30, "C", "Fi");
	ev(b, "p6", "Next door", 272, 30, "C", "Fi"); /* 2 min after p5 */
	ev(a, "p7", "Retitled", 400, 30, "C", "Gil");
	ev(b, "p7", "Retitled!", 400, 30, "C", "Gil");
	ev(a, "u1", "Not planned", 0, 30, "Z", "Ha");
	ev(b, "u1", "Not planned", 30, 30, "Z", "Ha");
	ev(b, "u2", "Added", 0, 30, "Z", "Io");
	pp_timetable_sort(a);
	pp_timetable_sort(b);
	plan_row(&pf, "p1", "Planned one", 0, 30, "A", 0, 0);
	plan_row(&pf, "p2", "Planned two", 60, 30, "B", 0, 0);
	plan_row(&pf, "hallway-2025-02-01-1100", "Hallway track", 90, 30, "", 0,
	    1);
	plan_row(&pf, "p3", "Must see", 120, 30, "C", 1, 0);
	plan_row(&pf, "p4", "Removed", 180, 30, "C", 0, 0);
	plan_row(&pf, "p5", "Room swap", 240, 30, "C", 0, 0);
	plan_row(&pf, "p6", "Next door", 270, 30, "C", 0, 0);
	plan_row(&pf, "p7", "Retitled", 400, 30, "C", 0, 0);

	pp_diff_compute(a, b, &d);
	n = pp_diff_impacts(&d, &pf, 10, &im);
	assert_int_equal(n, 6);
	assert_int_equal(im[0].what, PP_IMPACT_CLASH);
	assert_string_equal(im[0].row->id, "p1");
	assert_string_equal(im[0].other->id, "p2");
	assert_int_equal(im[1].what, PP_IMPACT_CANCELLED);
	assert_true(im[1].row->must);
	assert_int_equal(im[2].what, PP_IMPACT_REMOVED);
	assert_int_equal(im[3].what, PP_IMPACT_TIGHT);
	assert_string_equal(im[3].row->id, "p5");
	assert_string_equal(im[3].other->id, "p6");
	assert_int_equal(im[3].gap, 2);
	/* p6 moved too, 2 min after p5 in another room now */
	assert_int_equal(im[4].what, PP_IMPACT_TIGHT);
	assert_string_equal(im[4].row->id, "p6");
	assert_int_equal(im[5].what, PP_IMPACT_DETAILS);

	m = pp_impact_message(&im[1], NULL, 10);
	assert_string_equal(m, "'Must see' (must-see) is cancelled");
	free(m);
	m = pp_impact_message(&im[0], NULL, 10);
	assert_string_equal(m,
	    "'Planned one' moved to Sat 2025-02-01 10:40\xe2\x80\x93"
	    "11:10 (A) and now overlaps 'Planned two' (11:00\xe2\x80\x93"
	    "11:30, B)");
	free(m);
	m = pp_impact_message(&im[3], "UTC", 10);
	assert_string_equal(m,
	    "'Room swap' (Sat 2025-02-01 13:00\xe2\x80\x93"
	    "13:30, D): 2 min to get to C for 'Next door' (room change needs "
	    "10)");
	free(m);
	free(im);

	/* with a generous room change nothing is tight: p5 changed room */
	n = pp_diff_impacts(&d, &pf, 1, &im);
	assert_int_equal(n, 6);
	assert_int_equal(im[3].what, PP_IMPACT_ROOM);
	assert_int_equal(im[4].what, PP_IMPACT_MOVED);
	free(im);

	/* restricted to the plan: neither u1 nor the added u2 */
	pp_diff_restrict(&d, &pf);
	assert_int_equal(d.nadded, 0);
	assert_int_equal(d.nremoved, 1);
	assert_int_equal(d.nchanged, 5);
	pp_diff_fini(&d);
	pf.path = NULL;
	pp_plan_file_fini(&pf);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

/* Runs a writer into a string. */
static char *
render(int which, const struct pp_diff_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	if (which == 0)
		assert_int_equal(pp_write_diff_text(fp, r), 0);
	else if (which == 1)
		assert_int_equal(pp_write_diff_json(fp, r), 0);
	else
		assert_int_equal(pp_write_diff_csv(fp, r, which == 3), 0);
	fclose(fp);
	return buf;
}

static void
test_writers(void **state)
{
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_diff d;
	struct pp_diff_report r;
	struct pp_event *x;
	char *s;

	(void)state;
	ev(a, "mv", "Moved, with a comma", 0, 30, "R1", "Ann");
	ev(b, "mv", "Moved, with a comma", 30, 30, "R1", "Ann");
	ev(a, "ca", "Cancelled", 60, 30, "R1", "Bo");
	x = ev(b, "ca", "Cancelled", 60, 30, "R1", "Bo");
	x->status = PP_STATUS_CANCELLED;
	ev(b, "new", "New\ttab", 90, 30, "", "");
	pp_timetable_sort(a);
	pp_timetable_sort(b);
	pp_diff_compute(a, b, &d);
	memset(&r, 0, sizeof(r));
	r.d = &d;
	r.before = a;
	r.after = b;

	s = render(0, &r);
	assert_non_null(strstr(s,
	    "1 added, 1 cancelled or removed, 1 changed, "
	    "0 unchanged\n"));
	assert_non_null(strstr(s,
	    "\nCancelled or removed\n  Sat 2025-02-01 11:00\xe2\x80\x93"
	    "11:30  R1  Cancelled (Bo): cancelled\n"));
	assert_non_null(strstr(s,
	    "      time: Sat 2025-02-01 10:00\xe2\x80\x93"
	    "10:30 \xe2\x86\x92 Sat 2025-02-01 10:30\xe2\x80\x93"
	    "11:00\n"));
	free(s);

	s = render(1, &r);
	assert_non_null(strstr(s, "\"cancelled\": 1,"));
	assert_non_null(
	    strstr(s, "\"fields\": [\n        \"status\"\n      ]"));
	assert_non_null(strstr(s,
	    "\"old\": {\n        \"status\": "
	    "\"confirmed\"\n      },\n      \"new\": {\n"
	    "        \"status\": \"cancelled\""));
	assert_non_null(strstr(s, "\"start\": \"2025-02-01T10:00:00+01:00\""));
	assert_null(strstr(s, "\"plan\""));
	free(s);

	s = render(2, &r);
	assert_non_null(strstr(s,
	    "change,id,title,start,end,room,field,old,"
	    "new\n"));
	assert_non_null(strstr(s,
	    "changed,mv,\"Moved, with a comma\",2025-02-01T10:30:00+01:00,"
	    "2025-02-01T11:00:00+01:00,R1,start,2025-02-01T10:00:00+01:00,"
	    "2025-02-01T10:30:00+01:00\n"));
	assert_non_null(strstr(s, "changed,ca,Cancelled,"));
	assert_non_null(strstr(s, ",status,confirmed,cancelled\n"));
	free(s);
	s = render(3, &r);
	assert_non_null(strstr(s, "added\tnew\tNew\\ttab\t"));
	free(s);

	pp_diff_fini(&d);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

static void
test_empty(void **state)
{
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_diff d;
	struct pp_diff_report r;
	char *s;

	(void)state;
	ev(a, "x", "Same", 0, 30, "R1", "Ann");
	ev(b, "x", "Same", 0, 30, "R1", "Ann");
	pp_diff_compute(a, b, &d);
	assert_int_equal(d.nsame, 1);
	memset(&r, 0, sizeof(r));
	r.d = &d;
	r.before = a;
	r.after = b;
	s = render(0, &r);
	assert_non_null(strstr(s, "\nNo changes.\n"));
	free(s);
	pp_diff_fini(&d);
	pp_timetable_free(a);
	pp_timetable_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_matching),
	    cmocka_unit_test(test_impacts),
	    cmocka_unit_test(test_writers),
	    cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
