/* SPDX-License-Identifier: ISC */
/*
 * Helpers shared by the loader tests (XML and JSON feeds): load a fixture
 * or a string, find events, find a diagnostic.  A test file defines
 * LOAD_STR_NAME (the name load_str gives its buffer) before including
 * this.  All static inline, so a file that uses only some of them still
 * compiles without warnings.
 */
#ifndef PYPLAN_LOADUTIL_H
#define PYPLAN_LOADUTIL_H

#include <stdint.h>
#include <string.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"

#define FIX(name) FIXTURES "/" name

/* The instant of a UTC civil time. */
static inline int64_t
utc(int y, int mo, int d, int h, int mi)
{
	return pp_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

/* Loads a fixture file (it must be readable). */
static inline struct pp_timetable *
load(const char *path, const char *tz, int lenient, struct pp_diags *ds,
    int *ret)
{
	struct pp_load_opts o = {tz, lenient};
	struct pp_timetable *tt = pp_timetable_new();
	int io = -1;

	pp_diags_init(ds);
	*ret = pp_load_file(tt, path, &o, ds, &io);
	assert_int_equal(io, 0);
	return tt;
}

/* Loads a string through pp_load_buffer, named LOAD_STR_NAME. */
static inline struct pp_timetable *
load_str(const char *s, const char *tz, int lenient, struct pp_diags *ds,
    int *ret)
{
	struct pp_load_opts o = {tz, lenient};
	struct pp_timetable *tt = pp_timetable_new();

	pp_diags_init(ds);
	*ret = pp_load_buffer(tt, LOAD_STR_NAME, s, strlen(s), &o, ds);
	return tt;
}

static inline void
done(struct pp_timetable *tt, struct pp_diags *ds)
{
	pp_timetable_free(tt);
	pp_diags_fini(ds);
}

static inline const struct pp_event *
find_id(const struct pp_timetable *tt, const char *id)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->ev[i].id, id) == 0)
			return &tt->ev[i];
	return NULL;
}

static inline const struct pp_event *
find_title(const struct pp_timetable *tt, const char *title)
{
	size_t i;

	for (i = 0; i < tt->n; i++)
		if (strcmp(tt->ev[i].title, title) == 0)
			return &tt->ev[i];
	return NULL;
}

/* What a fixture declares for the whole programme. */
struct declares {
	const char *file;
	const char *tz; /* tt->tz, NULL when the file names no zone */
	int day_change; /* tt->day_change */
};

/* Loads each fixture and checks the zone and day change it declares. */
static inline void
check_declares(const struct declares *cases, size_t n)
{
	struct pp_diags ds;
	struct pp_timetable *tt;
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		tt = load(cases[i].file, NULL, 0, &ds, &r);
		assert_int_equal(r, 0);
		if (cases[i].tz == NULL)
			assert_null(tt->tz);
		else
			assert_string_equal(tt->tz, cases[i].tz);
		assert_int_equal(tt->day_change, cases[i].day_change);
		pp_timetable_free(tt);
		pp_diags_fini(&ds);
	}
}

/* The first diagnostic whose message contains s, or NULL. */
static inline const struct pp_diag *
diag_with(const struct pp_diags *ds, const char *s)
{
	size_t i;

	for (i = 0; i < ds->n; i++)
		if (strstr(ds->v[i].msg, s) != NULL)
			return &ds->v[i];
	return NULL;
}

#endif
