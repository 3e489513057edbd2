/* SPDX-License-Identifier: ISC */
/*
 * Builds the planning model: resolves must-see, skip and busy blocks,
 * scores every event, groups candidates into days of the planning zone and
 * synthesizes the hallway-track and free-lunch blocks of SPEC §4.
 */
#include <stdlib.h>
#include <string.h>

#include "pyplan/model.h"
#include "pyplan/ref.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

static const char hallway_title[] = "Hallway track";
static const char lunch_title[] = "Lunch (free block)";
static const char hallway_reason[] = "hallway track";
static const char lunch_reason[] = "lunch";

int
pp_model_day_open(const struct pp_model_day *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].src == PP_ITEM_EVENT)
			return 1;
	return 0;
}

int
pp_item_room_change(const struct pp_item *a, const struct pp_item *b)
{
	size_t i, j;

	if (a->nrooms == 0 || b->nrooms == 0)
		return 0;
	for (i = 0; i < a->nrooms; i++)
		for (j = 0; j < b->nrooms; j++)
			if (strcmp(a->rooms[i], b->rooms[j]) == 0)
				return 0;
	return 1;
}

/* The instant of minute-of-day mins on date in zone (24:00 allowed). */
static int
at_minute(const char *zone, const char *date, int mins, int64_t *out)
{
	struct pp_civil c;

	if (pp_parse_date(date, &c) != 0)
		return -1;
	if (pp_tz_from_civil(zone, &c, out) != 0)
		return -1;
	/* Add the minutes in civil time so DST days keep wall-clock hours. */
	c.hour = mins / 60;
	c.min = mins % 60;
	return pp_tz_from_civil(zone, &c, out);
}

static int
overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	return a0 < b1 && b0 < a1;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct pp_item *x = a, *y = b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if ((c = strcmp(x->title, y->title)) != 0)
		return c;
	if (x->ev != NULL && y->ev != NULL)
		return strcmp(x->ev->id, y->ev->id);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
add_item(struct pp_model_day *d, size_t *cap, const struct pp_item *it)
{
	d->items = pp_xgrowarray(d->items, cap, d->n + 1, sizeof(*d->items));
	d->items[d->n++] = *it;
}

static int
busy_overlap(const struct pp_model *m, int64_t s, int64_t e)
{
	size_t i;

	for (i = 0; i < m->nbusy; i++)
		if (overlaps(s, e, m->busy[i].start, m->busy[i].end))
			return 1;
	return 0;
}

/* Synthesizes hallway-track blocks: one per distinct talk slot of the day
 * that no networking candidate overlaps. */
static void
add_hallway(struct pp_model *m, struct pp_model_day *d, size_t *cap)
{
	size_t i, j, n = d->n;

	for (i = 0; i < n; i++) {
		const struct pp_item *t = &d->items[i];
		struct pp_item h;
		int dup = 0, net = 0;

		if (t->src != PP_ITEM_EVENT || t->cls != PP_CLASS_TALK)
			continue;
		for (j = 0; j < n && !dup; j++)
			if (j < i && d->items[j].cls == PP_CLASS_TALK &&
			    d->items[j].start == t->start &&
			    d->items[j].end == t->end)
				dup = 1;
		for (j = 0; j < n && !net; j++)
			if (d->items[j].cls == PP_CLASS_NETWORKING &&
			    overlaps(t->start, t->end, d->items[j].start,
			        d->items[j].end))
				net = 1;
		if (dup || net || busy_overlap(m, t->start, t->end))
			continue;
		memset(&h, 0, sizeof(h));
		h.src = PP_ITEM_HALLWAY;
		h.kind = PP_KIND_HALLWAY;
		h.cls = PP_CLASS_NETWORKING;
		h.start = t->start;
		h.end = t->end;
		h.minutes = t->minutes;
		h.title = hallway_title;
		h.room = "";
		h.score = pp_score_networking(m->p, h.minutes);
		h.counts = h.end - h.start >= m->min_block;
		h.reason = hallway_reason;
		add_item(d, cap, &h);
	}
}

/* Synthesizes free lunch blocks of the lunch length starting at the
 * window's start and at every candidate's end inside the window: if any
 * free gap fits lunch, one of these fits it too (shift the block to the
 * gap's start), so the model loses nothing. */
static void
add_lunch(struct pp_model *m, struct pp_model_day *d, size_t *cap)
{
	size_t i, j, n = d->n, nstarts = 0;
	int64_t *starts, len = m->lunch_len;

	if (len <= 0 || d->lunch_to - d->lunch_from < len)
		return;
	starts = pp_xcalloc(n + 1, sizeof(*starts));
	starts[nstarts++] = d->lunch_from;
	for (i = 0; i < n; i++) {
		int64_t s = d->items[i].end;

		if (s < d->lunch_from || s + len > d->lunch_to)
			continue;
		for (j = 0; j < nstarts && starts[j] != s; j++)
			;
		if (j == nstarts)
			starts[nstarts++] = s;
	}
	for (i = 0; i < nstarts; i++) {
		struct pp_item l;

		if (busy_overlap(m, starts[i], starts[i] + len) ||
		    starts[i] < d->win_start || starts[i] + len > d->win_end)
			continue;
		memset(&l, 0, sizeof(l));
		l.src = PP_ITEM_LUNCH;
		l.kind = PP_KIND_MEAL;
		l.cls = PP_CLASS_NETWORKING;
		l.start = starts[i];
		l.end = starts[i] + len;
		l.minutes = (long)(len / 60);
		l.title = lunch_title;
		l.room = "";
		l.score = pp_score_networking(m->p, l.minutes);
		l.counts = len >= m->min_block;
		l.lunch = 1;
		l.reason = lunch_reason;
		add_item(d, cap, &l);
	}
	free(starts);
}

/* Collects the distinct local dates of the events, filtered by days. */
static void
make_days(struct pp_model *m, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	const struct pp_profile *p = m->p;
	char **dates = NULL, date[11];
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < tt->n; i++) {
		pp_tz_format_date(m->tz, tt->ev[i].start, date);
		for (j = 0; j < n && strcmp(dates[j], date) != 0; j++)
			;
		if (j < n)
			continue;
		dates = pp_xgrowarray(dates, &cap, n + 1, sizeof(*dates));
		dates[n++] = pp_xstrdup(date);
	}
	if (n > 1) /* dates is NULL for an empty programme */
		qsort(dates, n, sizeof(*dates), cmp_str);
	m->days = pp_xcalloc(n + 1, sizeof(*m->days));
	for (i = 0; i < n; i++) {
		int keep = p->ndays == 0;

		for (j = 0; j < p->ndays; j++)
			if (strcmp(p->days[j], dates[i]) == 0)
				keep = 1;
		if (keep)
			memcpy(m->days[m->ndays++].date, dates[i], 11);
	}
	for (j = 0; j < p->ndays; j++) {
		for (i = 0; i < n && strcmp(p->days[j], dates[i]) != 0; i++)
			;
		if (i == n)
			pp_diag_err(ds, NULL, 0,
			    "day %s has no events in the programme",
			    p->days[j]);
	}
	for (i = 0; i < n; i++)
		free(dates[i]);
	free(dates);
}

static struct pp_model_day *
find_day(struct pp_model *m, const char *date)
{
	size_t i;

	for (i = 0; i < m->ndays; i++)
		if (strcmp(m->days[i].date, date) == 0)
			return &m->days[i];
	return NULL;
}

static const char *
excl_text(enum pp_excl e)
{
	switch (e) {
	case PP_EXCL_SKIP:
		return "is also in [skip]";
	case PP_EXCL_BUSY:
		return "overlaps a busy block";
	case PP_EXCL_WINDOW:
		return "lies outside the planning window (day-start/day-end)";
	case PP_EXCL_DAY:
		return "is on a day that is not planned (days)";
	case PP_EXCL_CANCELLED:
		return "is cancelled";
	case PP_EXCL_INFO:
		return "is a notice, not an event to attend";
	default:
		return "";
	}
}

const char *
pp_model_zone(const struct pp_profile *p, const struct pp_timetable *tt)
{
	if (p->tz != NULL)
		return p->tz;
	if (tt->n > 0 && *tt->ev[0].tz != '\0')
		return tt->ev[0].tz;
	return "UTC";
}

int
pp_model_build(const struct pp_timetable *tt, const struct pp_profile *p,
    const struct pp_busy_block *busy, size_t nbusy, struct pp_model **out,
    struct pp_diags *ds)
{
	struct pp_ttwords *w = pp_ttwords_new(tt);
	int r = pp_model_build_words(tt, w, p, busy, nbusy, out, ds);

	pp_ttwords_free(w);
	return r;
}

int
pp_model_build_words(const struct pp_timetable *tt, struct pp_ttwords *w,
    const struct pp_profile *p, const struct pp_busy_block *busy, size_t nbusy,
    struct pp_model **out, struct pp_diags *ds)
{
	struct pp_model *m;
	struct pp_scorer *sc;
	size_t i, j, nerr = ds->nerrors, *caps;
	int clash = 0, refs_bad;

	*out = NULL;
	m = pp_xcalloc(1, sizeof(*m));
	m->tt = tt;
	m->p = p;
	m->tz = pp_model_zone(p, tt);
	m->min_block = (int64_t)p->min_block * 60;
	m->room_change = (int64_t)p->room_change * 60;
	m->lunch_len = (int64_t)p->lunch_minutes * 60;
	m->crit_bonus = pp_score_units(p->criteria_bonus);
	for (i = 0; i < PP_CRIT__COUNT; i++)
		if (p->ncriteria[i] > 0)
			m->crit_active |= 1u << i;

	/* Scores. */
	m->scores = pp_xcalloc(tt->n + 1, sizeof(*m->scores));
	m->excl = pp_xcalloc(tt->n + 1, sizeof(*m->excl));
	m->must = pp_xcalloc(tt->n + 1, sizeof(*m->must));
	sc = pp_scorer_new_words(p, w);
	for (i = 0; i < tt->n; i++)
		pp_score_event(sc, &tt->ev[i], &m->scores[i]);
	pp_scorer_report(sc, tt, ds); /* terms that match no event */
	pp_scorer_free(sc);

	/* Must-see and skip. */
	{
		int *skip = pp_xcalloc(tt->n + 1, sizeof(*skip));

		for (i = 0; i < p->nmust; i++)
			pp_ref_resolve(tt, &p->must[i], "must-see", 0, m->must,
			    m->tz, ds);
		for (i = 0; i < p->nskip; i++)
			pp_ref_resolve(tt, &p->skip[i], "skip", 1, skip, m->tz,
			    ds);
		for (i = 0; i < tt->n; i++)
			if (skip[i])
				m->excl[i] = PP_EXCL_SKIP;
		free(skip);
	}

	make_days(m, ds);

	/* Busy blocks: the profile's, in the planning zone, then the files'. */
	m->busy = pp_xcalloc(p->nbusy + nbusy + 1, sizeof(*m->busy));
	for (i = 0; i < p->nbusy; i++) {
		struct pp_busy_block *b = &m->busy[m->nbusy];

		if (at_minute(m->tz, p->busy[i].date, p->busy[i].from,
		        &b->start) != 0 ||
		    at_minute(m->tz, p->busy[i].date, p->busy[i].to, &b->end) !=
		        0) {
			pp_diag_err(ds, p->busy[i].file, p->busy[i].line,
			    "busy block '%s': bad date or time",
			    p->busy[i].label);
			continue;
		}
		b->label = pp_xstrdup(p->busy[i].label);
		b->file = p->busy[i].file;
		b->line = p->busy[i].line;
		m->nbusy++;
	}
	for (i = 0; i < nbusy; i++) {
		m->busy[m->nbusy] = busy[i];
		m->busy[m->nbusy].label = pp_xstrdup(busy[i].label);
		m->nbusy++;
	}

	refs_bad = ds->nerrors > nerr;

	/* Windows per day. */
	for (i = 0; i < m->ndays; i++) {
		struct pp_model_day *d = &m->days[i];

		at_minute(m->tz, d->date, p->day_start, &d->win_start);
		at_minute(m->tz, d->date, p->day_end, &d->win_end);
		at_minute(m->tz, d->date, p->lunch_from, &d->lunch_from);
		at_minute(m->tz, d->date, p->lunch_to, &d->lunch_to);
		/* Lunch is required only where its window lies in the
		 * planning window. */
		if (d->lunch_from < d->win_start)
			d->lunch_from = d->win_start;
		if (d->lunch_to > d->win_end)
			d->lunch_to = d->win_end;
	}

	/* Candidates. */
	caps = pp_xcalloc(m->ndays + 1, sizeof(*caps));
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		const struct pp_score *s = &m->scores[i];
		struct pp_model_day *d;
		struct pp_item it;
		char date[11];

		pp_tz_format_date(m->tz, ev->start, date);
		d = find_day(m, date);
		if (m->excl[i] == PP_EXCL_NONE) {
			if (ev->status == PP_STATUS_CANCELLED)
				m->excl[i] = PP_EXCL_CANCELLED;
			else if (pp_kind_class(ev->kind) == PP_CLASS_INFO)
				m->excl[i] = PP_EXCL_INFO;
			else if (d == NULL)
				m->excl[i] = PP_EXCL_DAY;
			else if (ev->start < d->win_start ||
			    ev->end > d->win_end)
				m->excl[i] = PP_EXCL_WINDOW;
			else if (busy_overlap(m, ev->start, ev->end))
				m->excl[i] = PP_EXCL_BUSY;
		}
		if (m->excl[i] != PP_EXCL_NONE) {
			if (m->must[i]) {
				pp_diag_err(ds, NULL, 0, "%s: must-see '%s' %s",
				    date, ev->title, excl_text(m->excl[i]));
				clash = 1;
			}
			continue;
		}
		memset(&it, 0, sizeof(it));
		it.ev = ev;
		it.src = PP_ITEM_EVENT;
		it.kind = ev->kind;
		it.cls = pp_kind_class(ev->kind);
		it.start = ev->start;
		it.end = ev->end;
		it.minutes = pp_event_minutes(ev);
		it.title = ev->title;
		it.rooms = ev->rooms;
		it.nrooms = ev->nrooms;
		it.room = ev->room;
		it.score = s->value;
		it.crit =
		    it.cls == PP_CLASS_TALK ? s->crit & m->crit_active : 0;
		it.must = m->must[i];
		it.counts = it.cls == PP_CLASS_NETWORKING &&
		    ev->end - ev->start >= m->min_block;
		it.lunch = ev->kind == PP_KIND_MEAL && m->lunch_len > 0 &&
		    (ev->end < d->lunch_to ? ev->end : d->lunch_to) -
		            (ev->start > d->lunch_from ? ev->start
		                                       : d->lunch_from) >=
		        m->lunch_len;
		it.reason = s->reason;
		add_item(d, &caps[d - m->days], &it);
	}
	for (i = 0; i < m->ndays; i++) {
		struct pp_model_day *d = &m->days[i];

		add_hallway(m, d, &caps[i]);
		add_lunch(m, d, &caps[i]);
		if (d->n > 1)
			qsort(d->items, d->n, sizeof(*d->items), cmp_item);
		for (j = 0; j < d->n; j++)
			d->nmust += (size_t)d->items[j].must;
	}
	free(caps);
	*out = m;
	return refs_bad ? -1 : clash ? 1 : 0;
}

void
pp_model_free(struct pp_model *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->ndays; i++)
		free(m->days[i].items);
	for (i = 0; i < m->nbusy; i++)
		free(m->busy[i].label);
	free(m->busy);
	free(m->days);
	free(m->scores);
	free(m->excl);
	free(m->must);
	free(m);
}
