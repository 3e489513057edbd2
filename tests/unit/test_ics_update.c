/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for calendar updates: reading the previous plan calendar
 * (ics_update.c) and the iCalendar writer's use of it (write_ics.c): the
 * same plan again changes nothing, a changed item keeps its UID with a
 * higher SEQUENCE, a dropped item comes back as a cancelled event, and a
 * calendar that is not pyplan's is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "fixture_plan.h"
#include "pyplan/ics_update.h"
#include "pyplan/write_ics.h"

static char *
write_plan(const struct pp_plan *pl, const struct pp_prev_cal *prev)
{
	struct pp_write_opts o = {.previous = prev};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(pp_write_ics(fp, pl, &o), 0);
	fclose(fp);
	return buf;
}

static void
read_prev(struct pp_prev_cal *pc, const char *text)
{
	struct pp_diags ds;

	pp_diags_init(&ds);
	assert_int_equal(pp_prev_cal_parse(pc, "old.ics", text, &ds), 0);
	assert_int_equal(ds.n, 0);
	pp_diags_fini(&ds);
}

static const struct pp_prev_item *
by_id(const struct pp_prev_cal *pc, const char *id)
{
	size_t i;

	for (i = 0; i < pc->n; i++)
		if (strcmp(pc->v[i].item_id, id) == 0)
			return &pc->v[i];
	return NULL;
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)) != NULL; s++)
		n++;
	return n;
}

static void
test_read(void **state)
{
	struct fx *f = fx_new();
	struct pp_prev_cal pc;
	const struct pp_prev_item *it;
	char *ics;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	ics = write_plan(&f->pl, NULL);
	read_prev(&pc, ics);
	assert_int_equal(pc.n, 4);
	assert_int_equal(pc.foreign, 0);
	it = by_id(&pc, "64");
	assert_non_null(it);
	assert_int_equal(it->start, f->tt->ev[0].start);
	assert_int_equal(it->end, f->tt->ev[0].end);
	/* the title on one line, as SUMMARY has it */
	assert_string_equal(it->summary,
	    "Caf\xc3\xa9 \xe2\x98\x95 \"Quoted\", with comma and a newline");
	assert_string_equal(it->location, "Room 1; Room 2");
	assert_int_equal(it->sequence, 0);
	assert_false(it->cancelled);
	assert_non_null(strstr(it->uid, "@pyplan"));
	assert_non_null(by_id(&pc, "hallway-2018-05-11-1230"));
	assert_non_null(by_id(&pc, "lunch-2018-05-12-1200"));
	pp_prev_cal_fini(&pc);
	free(ics);
	fx_free(f);
}

static void
test_same_plan(void **state)
{
	struct fx *f = fx_new();
	struct pp_prev_cal pc;
	char *a, *b;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	a = write_plan(&f->pl, NULL);
	read_prev(&pc, a);
	/* the same plan again: byte for byte the same calendar */
	b = write_plan(&f->pl, &pc);
	assert_string_equal(a, b);
	free(b);
	/* also once a later DTSTAMP: only DTSTAMP changes */
	setenv("SOURCE_DATE_EPOCH", "1700000600", 1);
	b = write_plan(&f->pl, &pc);
	assert_int_equal(count(b, "SEQUENCE"), 0);
	assert_int_equal(count(b, "STATUS"), 0);
	pp_prev_cal_fini(&pc);
	free(a);
	free(b);
	fx_free(f);
}

static void
test_changed_and_dropped(void **state)
{
	struct fx *f = fx_new();
	struct pp_prev_cal pc, pc2;
	const struct pp_prev_item *o, *n;
	char *a, *b, *c;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	a = write_plan(&f->pl, NULL);
	read_prev(&pc, a);
	/* the talk moves by 10 minutes (a new UID hash, same id); the open
	 * space is dropped from the plan; the hallway block grows */
	f->tt->ev[0].start += 600;
	f->tt->ev[0].end += 600;
	f->it[0].start += 600;
	f->it[0].end += 600;
	f->it[1] = f->it[2];
	f->it[1].end += 900;
	f->md[0].n = f->pd[0].n = 2;
	b = write_plan(&f->pl, &pc);
	read_prev(&pc2, b);
	assert_int_equal(pc2.n, 4); /* 3 items and 1 cancelled */
	o = by_id(&pc, "64");
	n = by_id(&pc2, "64");
	assert_string_equal(o->uid, n->uid);
	assert_int_equal(n->sequence, 1);
	assert_false(n->cancelled);
	o = by_id(&pc, "hallway-2018-05-11-1230");
	n = by_id(&pc2, "hallway-2018-05-11-1230");
	assert_string_equal(o->uid, n->uid);
	assert_int_equal(n->sequence, 1);
	assert_int_equal(n->end - o->end, 900);
	/* the lunch did not change */
	assert_int_equal(by_id(&pc2, "lunch-2018-05-12-1200")->sequence, 0);
	o = by_id(&pc, "os-1");
	n = by_id(&pc2, "os-1");
	assert_non_null(n);
	assert_string_equal(o->uid, n->uid);
	assert_true(n->cancelled);
	assert_int_equal(n->sequence, 1);
	assert_int_equal(n->start, o->start);
	assert_string_equal(n->summary, "[open-spaces] Hallway chat");
	assert_int_equal(count(b, "STATUS:CANCELLED\r\n"), 1);

	/* once more from that calendar: the cancellation is carried with
	 * the same SEQUENCE, nothing else changes */
	c = write_plan(&f->pl, &pc2);
	assert_string_equal(b, c);
	free(c);
	pp_prev_cal_fini(&pc2);

	/* and the dropped item planned again comes back confirmed */
	read_prev(&pc2, b);
	f->it[1] = f->it[2];
	item(&f->it[1], &f->tt->ev[1], PP_ITEM_EVENT, PP_KIND_OPEN_SPACE,
	    f->tt->ev[1].start, f->tt->ev[1].end, 125, "");
	f->md[0].n = f->pd[0].n = 3;
	c = write_plan(&f->pl, &pc2);
	assert_int_equal(count(c, "STATUS:CANCELLED"), 0);
	assert_int_equal(count(c, "STATUS:CONFIRMED\r\n"), 1);
	assert_non_null(strstr(c, "STATUS:CONFIRMED\r\nSEQUENCE:2\r\n"));
	pp_prev_cal_fini(&pc2);
	pp_prev_cal_fini(&pc);
	free(a);
	free(b);
	free(c);
	fx_free(f);
}

static void
test_foreign_and_bad(void **state)
{
	static const char mine[] =
	    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//x//x//EN\r\n"
	    "BEGIN:VEVENT\r\nUID:meeting@example.org\r\n"
	    "DTSTAMP:20250101T000000Z\r\n"
	    "DTSTART:20250201T100000Z\r\n"
	    "DTEND:20250201T110000Z\r\n"
	    "SUMMARY:Board meeting\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:0123456789abcdef@pyplan\r\n"
	    "DTSTAMP:20250101T000000Z\r\n"
	    "SEQUENCE:3\r\nSTATUS:CANCELLED\r\n"
	    "DTSTART;TZID=Europe/Brussels:20250201T120000\r\n"
	    "DTEND;TZID=Europe/Brussels:20250201T123000\r\n"
	    "SUMMARY:Old talk\r\nEND:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	static const char nodt[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	                           "BEGIN:VEVENT\r\nUID:x@pyplan\r\n"
	                           "SUMMARY:No time\r\nEND:VEVENT\r\n"
	                           "END:VCALENDAR\r\n";
	struct pp_prev_cal pc;
	struct pp_diags ds;

	(void)state;
	read_prev(&pc, mine);
	assert_int_equal(pc.n, 1);
	assert_int_equal(pc.foreign, 1);
	assert_int_equal(pc.v[0].sequence, 3);
	assert_true(pc.v[0].cancelled);
	assert_string_equal(pc.v[0].item_id, "");
	assert_int_equal(pc.v[0].start, INT64_C(1738407600)); /* 11:00Z */
	pp_prev_cal_fini(&pc);

	pp_diags_init(&ds);
	assert_int_equal(pp_prev_cal_parse(&pc, "old.ics", nodt, &ds), -1);
	assert_string_equal(ds.v[0].msg,
	    "event x@pyplan: no DTSTART and DTEND with a time");
	pp_prev_cal_fini(&pc);
	pp_diags_fini(&ds);
	pp_diags_init(&ds);
	assert_int_equal(pp_prev_cal_parse(&pc, "old.ics", "id,title\n", &ds),
	    -1);
	assert_string_equal(ds.v[0].msg,
	    "not an iCalendar file (--previous takes the .ics of the "
	    "previous plan)");
	pp_prev_cal_fini(&pc);
	pp_diags_fini(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_same_plan),
	    cmocka_unit_test(test_changed_and_dropped),
	    cmocka_unit_test(test_foreign_and_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
