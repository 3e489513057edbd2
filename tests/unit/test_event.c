/* SPDX-License-Identifier: ISC */
/*
 * Unit tests for the timetable model: the kind mapping, splitting of
 * multi-valued fields, rooms, sorting and duplicate merging.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"

#include "pyplan/event.h"

static void
test_kind_guess_spec(void **state)
{
	(void)state;
	/* the examples of SPEC §2 and the issue */
	assert_int_equal(pp_kind_guess("", "Keynote - X"), PP_KIND_KEYNOTE);
	assert_int_equal(pp_kind_guess(NULL, "Keynote - X"), PP_KIND_KEYNOTE);
	assert_int_equal(pp_kind_guess("plenary", "Guido"), PP_KIND_KEYNOTE);
	assert_int_equal(pp_kind_guess("", "Lunch Break"), PP_KIND_MEAL);
	assert_int_equal(pp_kind_guess("", "[open-spaces] foo"),
	    PP_KIND_OPEN_SPACE);
	/* the prefix beats a contrary kind word */
	assert_int_equal(pp_kind_guess("talk", "[open-spaces] foo"),
	    PP_KIND_OPEN_SPACE);
	assert_int_equal(pp_kind_guess("event", "Unconference"),
	    PP_KIND_OPEN_SPACE);
	assert_int_equal(pp_kind_guess("event",
	                     "Opening Reception (Expo Hall)"),
	    PP_KIND_SOCIAL);
	assert_int_equal(pp_kind_guess("charlas", "Cómo"), PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("blah", "Anything"), PP_KIND_OTHER);
	assert_int_equal(pp_kind_guess("", "Breaking the build"), PP_KIND_TALK);
	assert_int_equal(pp_kind_guess(NULL, NULL), PP_KIND_TALK);
}

static void
test_kind_guess_more(void **state)
{
	(void)state;
	/* canonical names, any case */
	assert_int_equal(pp_kind_guess("open-space", ""), PP_KIND_OPEN_SPACE);
	assert_int_equal(pp_kind_guess("Tutorial", "x"), PP_KIND_TUTORIAL);
	assert_int_equal(pp_kind_guess("lunch", "Lunch"), PP_KIND_MEAL);
	assert_int_equal(pp_kind_guess("breakfast", ""), PP_KIND_MEAL);
	/* the source's word decides, except that a break the title calls
	 * a meal is a meal */
	assert_int_equal(pp_kind_guess("break", "Lunch Break"), PP_KIND_MEAL);
	assert_int_equal(pp_kind_guess("break", "Coffee Break"), PP_KIND_BREAK);
	assert_int_equal(pp_kind_guess("talk", "Lunch and Learn"),
	    PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("Lightning Talks", ""),
	    PP_KIND_LIGHTNING);
	assert_int_equal(pp_kind_guess("", "Lightning Talks"),
	    PP_KIND_LIGHTNING);
	assert_int_equal(pp_kind_guess("poster", ""), PP_KIND_POSTER);
	assert_int_equal(pp_kind_guess("event", "Expo Hall Open"),
	    PP_KIND_EXPO);
	assert_int_equal(pp_kind_guess("event", "PyLadies Auction"),
	    PP_KIND_SOCIAL);
	/* "event" with a title that names nothing stays unknown */
	assert_int_equal(pp_kind_guess("event", "Something"), PP_KIND_OTHER);
	/* whole words only */
	assert_int_equal(pp_kind_guess("", "Postering"), PP_KIND_TALK);
}

/*
 * Issue 12 (Sched): the category names of notices and the plural
 * category names decide as kind words, but never from a title, where
 * they would catch talks.
 */
static void
test_kind_words_only(void **state)
{
	(void)state;
	assert_int_equal(pp_kind_guess("GENERAL INFO",
	                     "Board Game Library "
	                     "Closed"),
	    PP_KIND_INFO);
	assert_int_equal(pp_kind_guess("Information", "Registration desk"),
	    PP_KIND_INFO);
	assert_int_equal(pp_kind_guess("Notices", "Crow's Nest Unavailable"),
	    PP_KIND_INFO);
	assert_int_equal(pp_kind_guess("Announcements", "x"), PP_KIND_INFO);
	/* the word that comes first decides, whichever table it is in */
	assert_int_equal(pp_kind_guess("Notices and keynotes", "x"),
	    PP_KIND_INFO);
	assert_int_equal(pp_kind_guess("Keynotes and notices", "x"),
	    PP_KIND_KEYNOTE);
	assert_int_equal(pp_kind_guess("Lunch, keynotes", "x"), PP_KIND_MEAL);
	assert_int_equal(pp_kind_guess("", "General Information"),
	    PP_KIND_INFO);
	assert_int_equal(pp_kind_guess("BREAKOUT SESSIONS", "Typing"),
	    PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("KEYNOTES", "Opening"), PP_KIND_KEYNOTE);
	assert_int_equal(pp_kind_guess("MEALS", "Dinner (Red Team)"),
	    PP_KIND_MEAL);
	assert_int_equal(pp_kind_guess("Panels", "x"), PP_KIND_PANEL);
	assert_int_equal(pp_kind_guess("Breaks", "Afternoon"), PP_KIND_BREAK);
	assert_int_equal(pp_kind_guess("Socials", "x"), PP_KIND_SOCIAL);
	/* titles: no kind word, so these stay talks */
	assert_int_equal(pp_kind_guess("", "Information Retrieval in Python"),
	    PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("", "When Python Breaks"), PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("", "Managing Sessions in Flask"),
	    PP_KIND_TALK);
	assert_int_equal(pp_kind_guess("", "A Notice on Licences"),
	    PP_KIND_TALK);
	/* a bracketed prefix is a kind word */
	assert_int_equal(pp_kind_guess("", "[info] Wi-Fi details"),
	    PP_KIND_INFO);
}

static void
test_kind_names(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < PP_KIND__COUNT; k++)
		assert_int_equal(pp_kind_parse(pp_kind_name((enum pp_kind)k)),
		    k);
	assert_string_equal(pp_kind_name(PP_KIND_OPEN_SPACE), "open-space");
	assert_int_equal(pp_kind_parse("nope"), -1);
	assert_int_equal(pp_kind_class(PP_KIND_TALK), PP_CLASS_TALK);
	assert_int_equal(pp_kind_class(PP_KIND_PANEL), PP_CLASS_TALK);
	assert_int_equal(pp_kind_class(PP_KIND_OTHER), PP_CLASS_TALK);
	assert_int_equal(pp_kind_class(PP_KIND_OPEN_SPACE),
	    PP_CLASS_NETWORKING);
	assert_int_equal(pp_kind_class(PP_KIND_BREAK), PP_CLASS_NETWORKING);
}

static void
test_split(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	const char **v;

	(void)state;
	assert_int_equal(pp_tt_split(tt, " a; b ;;c ;", 0, &v), 3);
	assert_string_equal(v[0], "a");
	assert_string_equal(v[1], "b");
	assert_string_equal(v[2], "c");
	/* ',' only when allowed and there is no ';' */
	assert_int_equal(pp_tt_split(tt, "Ann, Bob", 0, &v), 1);
	assert_string_equal(v[0], "Ann, Bob");
	assert_int_equal(pp_tt_split(tt, "Ann, Bob,, Cy ", 1, &v), 3);
	assert_string_equal(v[2], "Cy");
	assert_int_equal(pp_tt_split(tt, "Smith, Jr.; Bo", 1, &v), 2);
	assert_string_equal(v[0], "Smith, Jr.");
	assert_string_equal(v[1], "Bo");
	assert_int_equal(pp_tt_split(tt, "", 1, &v), 0);
	assert_non_null(v);
	assert_int_equal(pp_tt_split(tt, " \t ; ", 1, &v), 0);
	pp_timetable_free(tt);
}

static struct pp_event *
add(struct pp_timetable *tt, const char *title, int64_t start, int64_t end,
    const char *rooms, unsigned line)
{
	struct pp_event *ev = pp_timetable_add(tt);
	const char **v;
	size_t n;

	ev->title = pp_tt_strdup(tt, title);
	ev->id = pp_tt_strdup(tt, title);
	ev->start = start;
	ev->end = end;
	ev->file = "t.csv";
	ev->line = line;
	n = pp_tt_split(tt, rooms, 0, &v);
	pp_tt_set_rooms(tt, ev, v, n);
	return ev;
}

static void
test_add_pop_rooms(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_event *ev;

	(void)state;
	ev = add(tt, "A", 0, 60, "Room 1; Room 2", 2);
	assert_int_equal(ev->nrooms, 2);
	assert_string_equal(ev->room, "Room 1; Room 2");
	assert_string_equal(ev->track, "");
	assert_int_equal(ev->recorded, PP_REC_UNKNOWN);
	ev = add(tt, "B", 0, 60, "", 3);
	assert_int_equal(ev->nrooms, 0);
	assert_string_equal(ev->room, "");
	assert_int_equal(tt->n, 2);
	pp_timetable_pop(tt);
	assert_int_equal(tt->n, 1);
	assert_string_equal(tt->ev[0].title, "A");
	assert_int_equal(pp_event_minutes(&tt->ev[0]), 1);
	pp_timetable_free(tt);
	pp_timetable_free(NULL);
}

static void
test_sort(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();

	(void)state;
	add(tt, "C", 600, 1200, "", 2);
	add(tt, "B", 0, 1200, "", 3);
	add(tt, "A", 0, 1200, "", 4);
	add(tt, "D", 0, 600, "", 5);
	pp_timetable_sort(tt);
	assert_string_equal(tt->ev[0].title, "D"); /* earlier end */
	assert_string_equal(tt->ev[1].title, "A"); /* then title */
	assert_string_equal(tt->ev[2].title, "B");
	assert_string_equal(tt->ev[3].title, "C");
	pp_timetable_free(tt);
}

static void
test_merge_duplicates(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	struct pp_event *ev;
	size_t i, notes = 0;

	(void)state;
	pp_diags_init(&ds);
	ev = add(tt, "Lunch", 3600, 7200, "Hall A; Hall B", 2);
	ev->abstract = "";
	add(tt, "Talk", 3600, 7200, "Room 1", 3);
	ev = add(tt, "LUNCH", 3600, 7200, "Hall B; Hall C", 4);
	ev->abstract = pp_tt_strdup(tt, "Food");
	add(tt, "Lunch", 7200, 9000, "Hall D", 5); /* other time */
	add(tt, "lunch", 3600, 7200, "Hall D", 6);
	pp_timetable_merge_duplicates(tt, &ds);

	assert_int_equal(tt->n, 3);
	for (i = 0; i < ds.n; i++)
		if (ds.v[i].level == PP_NOTE)
			notes++;
	assert_int_equal(notes, 2);
	assert_int_equal(ds.nerrors, 0);
	assert_int_equal(ds.nwarnings, 0);
	assert_string_equal(ds.v[0].file, "t.csv");
	assert_string_equal(ds.v[0].msg,
	    "duplicate of line 4 ('LUNCH'): "
	    "merged");
	assert_int_equal(ds.v[0].line, 2);

	/* sorted: the merged lunch ("LUNCH" sorts first), Talk, late Lunch */
	ev = &tt->ev[0];
	assert_string_equal(ev->title, "LUNCH");
	assert_int_equal(ev->nrooms, 4); /* B, C, A, D: union */
	assert_string_equal(ev->room, "Hall B; Hall C; Hall A; Hall D");
	assert_string_equal(ev->abstract, "Food");
	assert_string_equal(tt->ev[1].title, "Talk");
	assert_int_equal(tt->ev[1].nrooms, 1);
	assert_string_equal(tt->ev[2].title, "Lunch");
	assert_int_equal(tt->ev[2].start, 7200);
	assert_string_equal(tt->ev[2].room, "Hall D");
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

/*
 * Many copies of one event (a CSV row per room, as some exports write
 * them): one event, the union of the rooms in order of first appearance,
 * each room once, and one note per merged copy.
 */
static void
test_merge_many(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;
	char rooms[64];
	size_t i;
	const size_t n = 3000;

	(void)state;
	pp_diags_init(&ds);
	for (i = 0; i < n; i++) {
		/* every copy repeats "Hall" and one of 7 shared rooms, and
		 * every other copy brings a room of its own */
		if (i % 2 == 0)
			snprintf(rooms, sizeof(rooms), "Hall; R%zu; Own %zu",
			    i % 7, i);
		else
			snprintf(rooms, sizeof(rooms), "R%zu; Hall", i % 7);
		add(tt, "Same", 3600, 7200, rooms, (unsigned)(i + 2));
	}
	add(tt, "Other", 3600, 7200, "Hall", 1);
	pp_timetable_merge_duplicates(tt, &ds);
	assert_int_equal(tt->n, 2);
	/* One note per merged copy: the list keeps PP_DIAGS_KEEP of them
	 * and counts the rest. */
	assert_int_equal(ds.n + ds.dropped[PP_NOTE], n - 1);
	assert_int_equal(ds.n, PP_DIAGS_KEEP);
	assert_string_equal(tt->ev[1].title, "Same");
	/* Hall, the 7 shared rooms and n/2 own rooms, each once, in the
	 * order the copies sort in ("Hall; R0; Own 0" first) */
	assert_int_equal(tt->ev[1].nrooms, 1 + 7 + n / 2);
	assert_string_equal(tt->ev[1].rooms[0], "Hall");
	assert_string_equal(tt->ev[1].rooms[1], "R0");
	assert_string_equal(tt->ev[1].rooms[2], "Own 0");
	for (i = 0; i < tt->ev[1].nrooms; i++) {
		size_t j;

		for (j = i + 1; j < tt->ev[1].nrooms; j += 97)
			assert_string_not_equal(tt->ev[1].rooms[i],
			    tt->ev[1].rooms[j]);
	}
	assert_non_null(strstr(tt->ev[1].room, "; Own 2998"));
	assert_non_null(strstr(tt->ev[1].room, "; R6"));
	assert_string_equal(tt->ev[0].room, "Hall");
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

static void
test_lang(void **state)
{
	struct pp_timetable *tt = pp_timetable_new();
	size_t unk = 99;

	(void)state;
	assert_string_equal(pp_tt_lang(tt, "en", &unk), "en");
	assert_int_equal(unk, 0);
	assert_string_equal(pp_tt_lang(tt, "de, en", NULL), "de,en");
	assert_string_equal(pp_tt_lang(tt, "EN-us", NULL), "en");
	assert_string_equal(pp_tt_lang(tt, "pt_BR", NULL), "pt");
	assert_string_equal(pp_tt_lang(tt, "German and English", NULL),
	    "de,en");
	assert_string_equal(pp_tt_lang(tt, "Deutsch / Englisch", NULL),
	    "de,en");
	assert_string_equal(pp_tt_lang(tt, "Espa\xc3\xb1ol", NULL), "es");
	assert_string_equal(pp_tt_lang(tt, "ESPA\xc3\x91OL", NULL), "es");
	assert_string_equal(pp_tt_lang(tt, "fra;eng;fr", NULL), "fr,en");
	assert_string_equal(pp_tt_lang(tt, "", &unk), "");
	assert_int_equal(unk, 0);
	/* Words it does not know are counted, never guessed. */
	assert_string_equal(pp_tt_lang(tt, "Klingon, en", &unk), "en");
	assert_int_equal(unk, 1);
	assert_string_equal(pp_tt_lang(tt, "xx-yy zz", &unk), "");
	assert_int_equal(unk, 2);
	assert_true(pp_lang_any("de,en", "en"));
	assert_true(pp_lang_any("de,en", "fr,de"));
	assert_false(pp_lang_any("de", "en,fr"));
	assert_false(pp_lang_any("", "en"));
	assert_false(pp_lang_any("en", ""));
	assert_false(pp_lang_any("e", "en"));
	pp_timetable_free(tt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kind_guess_spec),
	    cmocka_unit_test(test_lang),
	    cmocka_unit_test(test_kind_guess_more),
	    cmocka_unit_test(test_kind_words_only),
	    cmocka_unit_test(test_kind_names),
	    cmocka_unit_test(test_split),
	    cmocka_unit_test(test_add_pop_rooms),
	    cmocka_unit_test(test_sort),
	    cmocka_unit_test(test_merge_duplicates),
	    cmocka_unit_test(test_merge_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
