/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, busy calendars (--busy): a personal calendar whose
 * events become busy blocks.  What differs from a programme is here: only
 * occurrences inside the conference window count (a weekly meeting since
 * 2010 is expanded from just before the window, not walked from 2010),
 * all-day events block whole local days, and transparent or cancelled
 * events and instants are left out without a word.
 */
#include <string.h>

#include "load_ics_int.h"

int
ics_in_window(const struct ics_ctx *c, const struct ics_when *w, int64_t s)
{
	return !c->busy || (s < c->to && s + w->len > c->from);
}

void
ics_busy_skip(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, icalrecur_iterator *it)
{
	struct pp_civil cv;
	int64_t at = c->from - w->len - 86400;

	if (at <= w->t0)
		return;
	/* The wall-clock time of that instant where the rule runs. */
	memset(&cv, 0, sizeof(cv));
	if (w->start.is_utc)
		pp_civil_from_seconds(at, &cv);
	else if (w->start.zone != NULL) {
		if (ics_zone_civil(c, w->start.zone, at, &cv) != 0)
			return;
	} else if (pp_tz_to_civil(c->cals[k->cal].fzone, at, &cv) != 0)
		return;
	icalrecur_iterator_set_start(it, ics_floating(&cv, w->is_date));
}

void
ics_busy_day_span(const struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, const struct pp_civil *d, int64_t *s, int64_t *e)
{
	const char *zone = c->cals[k->cal].fzone;
	struct pp_civil a;
	int64_t days = pp_days_from_civil(d->year, d->month, d->day);

	memset(&a, 0, sizeof(a));
	pp_civil_from_days(days, &a.year, &a.month, &a.day);
	if (pp_tz_from_civil(zone, &a, s) != 0)
		*s = days * 86400;
	pp_civil_from_days(days + w->len / 86400, &a.year, &a.month, &a.day);
	if (pp_tz_from_civil(zone, &a, e) != 0)
		*e = (days + w->len / 86400) * 86400;
}

void
ics_busy_fields(struct ics_ctx *c, icalcomponent *ic, struct pp_event *ev)
{
	const char *s = icalcomponent_get_summary(ic);

	ev->title = ics_trimdup(c->tt, s != NULL && *s != '\0' ? s : "busy");
	ev->kind_word = "busy";
	ev->kind = PP_KIND_OTHER;
	if ((s = icalcomponent_get_location(ic)) != NULL) {
		const char **rooms;
		size_t nr = pp_tt_split(c->tt, s, 0, &rooms);

		pp_tt_set_rooms(c->tt, ev, rooms, nr);
	}
}

int
pp_load_busy_ics(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, int64_t from, int64_t to,
    struct pp_diags *ds)
{
	/* Beyond the year +-30000 the window is open anyway; clamping
	 * keeps its arithmetic clear of overflow. */
	const int64_t lim = (int64_t)1 << 40;
	struct ics_ctx c;

	ics_init(&c, tt, name, data, len, opts, ds);
	c.busy = 1;
	c.from = from < -lim ? -lim : from > lim ? lim : from;
	c.to = to < -lim ? -lim : to > lim ? lim : to;
	return ics_load(&c);
}
