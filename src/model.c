/* SPDX-License-Identifier: ISC */
/*
 * Builds the planning model: the planning zone, the conference days (cut at
 * the day change), must-see, skip and busy blocks, every event's score and
 * exclusion cause, each day's candidates with the synthesized hallway-track
 * segments and free-lunch blocks of SPEC §4, and the rules normalised per
 * day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model_int.h"
#include "pyplan/hash.h"
#include "pyplan/model.h"
#include "pyplan/ref.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

static const char hallway_title[] = "Hallway track";
static const char lunch_title[] = "Lunch (free block)";
static const char hallway_reason[] = "hallway track";
static const char lunch_reason[] = "lunch";

/* ---- the planning zone ---- */

/* How much a zone tells a reader: 2 a named zone (Europe/Brussels), 1 a
 * fixed offset (Etc/GMT-1, which reads as the opposite of UTC+1), 0 UTC,
 * -1 nothing. */
static int
zone_rank(const char *z)
{
	static const char *const utc[] = {"UTC", "Z", "GMT", "UCT", "Zulu",
	    "Universal", "Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Zulu",
	    "Etc/Universal", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0"};
	size_t i;

	if (z == NULL || *z == '\0')
		return -1;
	for (i = 0; i < sizeof(utc) / sizeof(utc[0]); i++)
		if (strcmp(z, utc[i]) == 0)
			return 0;
	return strncmp(z, "Etc/", 4) == 0 ? 1 : 2;
}

struct zone_count {
	const char *zone;
	size_t n;
};

const char *
pp_model_zone(const struct pp_timetable *tt, const char *profile_tz,
    struct pp_diags *ds)
{
	struct zone_count *v = NULL;
	const char *best = NULL;
	size_t nv = 0, cap = 0, i, j, bestn = 0;
	int r;

	if (profile_tz != NULL && *profile_tz != '\0')
		return profile_tz;
	if (tt->tz != NULL && *tt->tz != '\0')
		return tt->tz;
	/* The zone most events carry, a named zone before a fixed offset;
	 * ties go to the zone met first. */
	for (i = 0; i < tt->n; i++) {
		const char *z = tt->ev[i].tz;

		if (zone_rank(z) <= 0)
			continue;
		for (j = 0;
		     j < nv && v[j].zone != z && strcmp(v[j].zone, z) != 0; j++)
			;
		if (j == nv) {
			v = pp_xgrowarray(v, &cap, nv + 1, sizeof(*v));
			v[nv].zone = z;
			v[nv++].n = 0;
		}
		v[j].n++;
	}
	for (j = 0; j < nv; j++) {
		r = zone_rank(v[j].zone);
		if (best == NULL || r > zone_rank(best) ||
		    (r == zone_rank(best) && v[j].n > bestn)) {
			best = v[j].zone;
			bestn = v[j].n;
		}
	}
	free(v);
	if (best != NULL)
		return best;
	if (tt->n > 0 && ds != NULL)
		pp_diag_warn(ds, NULL, 0,
		    "times are in UTC: the programme names no time zone "
		    "(--tz ZONE, or timezone in the profile, plans in local "
		    "time)");
	return "UTC";
}

/* ---- conference days and clock times ---- */

static void
format_days(int64_t days, char date[11])
{
	int y, mo, d;

	pp_civil_from_days(days, &y, &mo, &d);
	pp_date_format(y, mo, d, date);
}

/* The conference date of instant t: its local date, or the date before
 * when its local time is before the day change (a talk at 00:20 belongs
 * to the evening before on a day that changes at 06:00). */
static void
conference_date(const struct pp_model *m, int64_t t, char date[11])
{
	struct pp_civil c;
	int64_t days;

	if (pp_tz_to_civil(m->tz, t, &c) != 0)
		pp_tz_to_civil("UTC", t, &c);
	days = pp_days_from_civil(c.year, c.month, c.day);
	if (c.hour * 60 + c.min < m->rules.day_change)
		days--;
	format_days(days, date);
}

/* The instant of minute mins (0 to 2880) after the local midnight that
 * starts date, in zone: minutes past 24:00 fall on the next date.  Counted
 * in civil time, so that a DST day keeps its wall-clock hours. */
static int
day_instant(const char *zone, const char *date, int mins, int64_t *out)
{
	struct pp_civil c;
	int64_t days;

	if (pp_parse_date(date, &c) != 0)
		return -1;
	days = pp_days_from_civil(c.year, c.month, c.day) + mins / 1440;
	pp_civil_from_days(days, &c.year, &c.month, &c.day);
	c.hour = mins % 1440 / 60;
	c.min = mins % 60;
	c.sec = 0;
	return pp_tz_from_civil(zone, &c, out);
}

/*
 * Where clock time h (minutes, 0 to 1440) falls on a conference day that
 * runs from the day change dc to dc the next morning, in minutes after its
 * date's midnight: a time before dc is the next morning.  00:00 as a start
 * and 24:00 as an end stand for the day's own start and end.
 */
static int
clock_start(int h, int dc)
{
	return h == 0 ? dc : h < dc ? h + 1440 : h;
}

static int
clock_end(int h, int dc)
{
	return h == 1440 ? dc + 1440 : h <= dc ? h + 1440 : h;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
cmp_date(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Collects the distinct conference dates of the events, filtered by days. */
static void
make_days(struct pp_model *m, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	const struct pp_profile *p = m->p;
	char **dates = NULL, date[11];
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < tt->n; i++) {
		conference_date(m, tt->ev[i].start, date);
		for (j = n; j > 0 && strcmp(dates[j - 1], date) != 0; j--)
			;
		if (j > 0)
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

static size_t
find_day(const struct pp_model *m, const char *date)
{
	size_t i;

	for (i = 0; i < m->ndays; i++)
		if (strcmp(m->days[i].date, date) == 0)
			return i;
	return PP_MODEL_NO_DAY;
}

static void
fmt_hhmm(int mins, char buf[6])
{
	snprintf(buf, 6, "%02u:%02u", (unsigned)(mins / 60) % 100u,
	    (unsigned)(mins % 60) % 100u);
}

/* Sets every day's bounds, planning window and lunch window; an empty
 * window is an error at the profile line that set it.  Returns 0 or -1. */
static int
day_windows(struct pp_model *m, struct pp_diags *ds)
{
	const struct pp_rules *r = &m->rules;
	int dc = r->day_change, ws = clock_start(r->day_start, dc),
	    we = clock_end(r->day_end, dc);
	size_t i;

	if (ws >= we) {
		char a[6], b[6], c[6];

		fmt_hhmm(r->day_start, a);
		fmt_hhmm(r->day_end, b);
		fmt_hhmm(dc, c);
		if (dc == 0 && r->day_end < r->day_start)
			return pp_diag_err(ds, m->p->window_file,
			    m->p->window_line,
			    "day-start %s is not before day-end %s (for a day "
			    "that ends after midnight, set day-change)",
			    a, b);
		if (dc == 0)
			return pp_diag_err(ds, m->p->window_file,
			    m->p->window_line,
			    "day-start %s is not before day-end %s", a, b);
		return pp_diag_err(ds, m->p->window_file, m->p->window_line,
		    "day-start %s is not before day-end %s on a day that "
		    "changes at %s",
		    a, b, c);
	}
	for (i = 0; i < m->ndays; i++) {
		struct pp_model_day *d = &m->days[i];

		day_instant(m->tz, d->date, dc, &d->day_start);
		day_instant(m->tz, d->date, dc + 1440, &d->day_end);
		day_instant(m->tz, d->date, ws, &d->win_start);
		day_instant(m->tz, d->date, we, &d->win_end);
		day_instant(m->tz, d->date, clock_start(r->lunch_from, dc),
		    &d->lunch_from);
		day_instant(m->tz, d->date, clock_end(r->lunch_to, dc),
		    &d->lunch_to);
		/* Lunch is required only where its window lies in the
		 * planning window. */
		if (d->lunch_from < d->win_start)
			d->lunch_from = d->win_start;
		if (d->lunch_to > d->win_end)
			d->lunch_to = d->win_end;
	}
	return 0;
}

/* ---- rules, scores, busy blocks ---- */

void
pp_model_rules(struct pp_rules *r, const struct pp_profile *p,
    const struct pp_timetable *tt)
{
	r->max_talks = p->max_talks;
	r->max_talk_minutes = p->max_talk_minutes;
	r->max_streak = p->max_streak;
	r->min_networking = p->min_networking;
	r->min_block = p->min_block;
	r->room_change = p->room_change;
	r->day_start = p->day_start;
	r->day_end = p->day_end;
	r->day_change = p->day_change >= 0 ? p->day_change % 1440
	    : tt->day_change >= 0          ? tt->day_change % 1440
	                                   : 0;
	r->lunch_from = p->lunch_from;
	r->lunch_to = p->lunch_to;
	r->lunch_minutes = p->lunch_minutes;
	r->open_spaces = p->open_spaces;
	r->min_expo = p->min_expo;
}

static void
set_rules(struct pp_model *m, const struct pp_profile *p)
{
	unsigned c;

	pp_model_rules(&m->rules, p, m->tt);
	m->min_block = (int64_t)p->min_block * 60;
	m->room_change = (int64_t)p->room_change * 60;
	m->lunch_len = (int64_t)p->lunch_minutes * 60;
	m->crit_bonus = pp_score_units(p->criteria_bonus);
	m->expo_unit = p->venue.expo_slot > 0 ? p->venue.expo_slot : 1;
	m->expo_need = p->min_expo > 0
	    ? (unsigned)((p->min_expo + m->expo_unit - 1) / m->expo_unit)
	    : 0;
	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (p->ncriteria[c] > 0)
			m->crit_active |= 1u << c;
}

static void
score_events(struct pp_model *m, struct pp_ttwords *w, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	struct pp_scorer *sc = pp_scorer_new_words(m->p, w);
	size_t i;

	m->scores = pp_xcalloc(tt->n + 1, sizeof(*m->scores));
	m->role = pp_score_roles(tt);
	pp_scorer_set_roles(sc, tt, m->role);
	for (i = 0; i < tt->n; i++)
		pp_score_event(sc, &tt->ev[i], &m->scores[i]);
	pp_scorer_report(sc, tt, ds); /* terms that match no event */
	pp_scorer_free(sc);
}

/* ---- languages and tickets ---- */

/* 1 if kind (a kind name or a programme's kind word) names ev's kind. */
static int
kind_is(const struct pp_event *ev, const char *kind)
{
	return strcasecmp(pp_kind_name(ev->kind), kind) == 0 ||
	    (*ev->kind_word != '\0' && strcasecmp(ev->kind_word, kind) == 0);
}

/* 1 if ev is of a kind that needs a ticket (ticket-kinds). */
static int
needs_ticket(const struct pp_profile *p, const struct pp_event *ev)
{
	size_t k, n;
	const char *const *kinds = pp_profile_ticket_kinds(p, &n);

	for (k = 0; k < n; k++)
		if (kind_is(ev, kinds[k]))
			return 1;
	return 0;
}

/* 1 if text names a kind: a ticket kind or a kind name. */
static int
names_kind(const struct pp_profile *p, const char *text)
{
	size_t k, n;
	const char *const *kinds = pp_profile_ticket_kinds(p, &n);

	if (pp_kind_parse(text) >= 0)
		return 1;
	for (k = 0; k < n; k++)
		if (strcasecmp(kinds[k], text) == 0)
			return 1;
	return 0;
}

/*
 * [tickets] and --ticket: m->ticket[i] = 1 for every event the attendee
 * holds a ticket for, a kind's events or an event named by id or title
 * (pp_ref_resolve, so an entry that names nothing is an error).
 */
static void
resolve_tickets(struct pp_model *m, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	const struct pp_profile *p = m->p;
	size_t t, i;

	m->ticket = pp_xcalloc(tt->n + 1, sizeof(*m->ticket));
	for (t = 0; t < p->ntickets; t++) {
		const struct pp_ticket *tk = &p->tickets[t];
		struct pp_ref r;

		if (tk->kind == 1 ||
		    (tk->kind == -1 && names_kind(p, tk->text))) {
			for (i = 0; i < tt->n; i++)
				if (kind_is(&tt->ev[i], tk->text))
					m->ticket[i] = 1;
			continue;
		}
		r.text = tk->text;
		r.file = tk->file;
		r.line = tk->line;
		pp_ref_resolve(tt, &r, "ticket", 1, m->ticket, m->tz, ds);
	}
}

/* Must-see and skip: every reference resolved, skipped events excluded. */
static void
resolve_refs(struct pp_model *m, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	const struct pp_profile *p = m->p;
	int *skip = pp_xcalloc(tt->n + 1, sizeof(*skip));
	size_t i;

	m->excl = pp_xcalloc(tt->n + 1, sizeof(*m->excl));
	m->must = pp_xcalloc(tt->n + 1, sizeof(*m->must));
	for (i = 0; i < p->nmust; i++)
		pp_ref_resolve(tt, &p->must[i], "must-see", 0, m->must, m->tz,
		    ds);
	for (i = 0; i < p->nskip; i++)
		pp_ref_resolve(tt, &p->skip[i], "skip", 1, skip, m->tz, ds);
	for (i = 0; i < tt->n; i++)
		if (skip[i])
			m->excl[i] = PP_EXCL_SKIP;
	free(skip);
	resolve_tickets(m, ds);
}

/* Busy blocks: the profile's, at their dates and times in the planning
 * zone, then the files'. */
static void
add_busy(struct pp_model *m, const struct pp_busy_block *busy, size_t nbusy,
    struct pp_diags *ds)
{
	const struct pp_profile *p = m->p;
	size_t i;

	m->busy = pp_xcalloc(p->nbusy + nbusy + 1, sizeof(*m->busy));
	for (i = 0; i < p->nbusy; i++) {
		struct pp_model_busy *b = &m->busy[m->nbusy];

		if (day_instant(m->tz, p->busy[i].date, p->busy[i].from,
		        &b->start) != 0 ||
		    day_instant(m->tz, p->busy[i].date, p->busy[i].to,
		        &b->end) != 0) {
			pp_diag_err(ds, p->busy[i].file, p->busy[i].line,
			    "busy block '%s': bad date or time",
			    p->busy[i].label);
			continue;
		}
		b->label = pp_xstrdup(p->busy[i].label);
		b->networking = pp_busy_networking(b->label);
		b->file = p->busy[i].file;
		b->line = p->busy[i].line;
		m->nbusy++;
	}
	for (i = 0; i < nbusy; i++) {
		struct pp_model_busy *b = &m->busy[m->nbusy++];

		b->start = busy[i].start;
		b->end = busy[i].end;
		b->label = pp_xstrdup(busy[i].label);
		b->networking = pp_busy_networking(b->label);
		b->file = busy[i].file;
		b->line = busy[i].line;
	}
}

int
pp_busy_networking(const char *label)
{
	static const char mark[] = "(networking)";
	size_t n = strlen(label), k = sizeof(mark) - 1, i;

	while (n > 0 && (label[n - 1] == ' ' || label[n - 1] == '\t'))
		n--;
	if (n < k)
		return 0;
	for (i = 0; i < k; i++) {
		char c = label[n - k + i];

		if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != mark[i])
			return 0;
	}
	return 1;
}

static int
overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	return a0 < b1 && b0 < a1;
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

/* What the model made of each busy block: its day, the events it keeps
 * out. */
static void
busy_effects(struct pp_model *m)
{
	const struct pp_timetable *tt = m->tt;
	char date[11];
	size_t b, i;

	for (b = 0; b < m->nbusy; b++) {
		struct pp_model_busy *bb = &m->busy[b];

		conference_date(m, bb->start, date);
		bb->day = find_day(m, date);
		for (i = 0; i < tt->n; i++)
			if (m->excl[i] == PP_EXCL_BUSY &&
			    overlaps(tt->ev[i].start, tt->ev[i].end, bb->start,
			        bb->end))
				bb->excluded++;
	}
}

/* ---- candidates ---- */

const char *
pp_excl_text(enum pp_excl e)
{
	switch (e) {
	case PP_EXCL_SKIP:
		return "is in [skip] (or --skip)";
	case PP_EXCL_BUSY:
		return "overlaps a busy block";
	case PP_EXCL_WINDOW:
		return "lies outside the planning window (day-start, day-end)";
	case PP_EXCL_DAY:
		return "is on a day that is not planned (days)";
	case PP_EXCL_CANCELLED:
		return "is cancelled";
	case PP_EXCL_INFO:
		return "is a notice, not an event to attend";
	case PP_EXCL_PAST:
		return "started before --now (replanning keeps only what the "
		       "old plan held)";
	case PP_EXCL_LANG:
		return "is in a language the profile does not list (languages, "
		       "--lang)";
	case PP_EXCL_TICKET:
		return "needs a ticket: add it under [tickets] (or --ticket)";
	case PP_EXCL_HOUSEKEEPING:
		return "is housekeeping (welcome, remarks, announcements): "
		       "part "
		       "of the plenary slot, not a talk of its own";
	case PP_EXCL_NONE:
	default:
		return "";
	}
}

int
pp_model_must_clash(const struct pp_model *m, size_t i)
{
	return m->must[i] &&
	    (m->excl[i] == PP_EXCL_SKIP || m->excl[i] == PP_EXCL_BUSY ||
	        m->excl[i] == PP_EXCL_WINDOW);
}

/*
 * The profile's soft rules for event i (lifted for a must-see event):
 * talk load in none of the profile's languages (an event of no known
 * language stays), a kind that needs a ticket the attendee does not
 * hold, or housekeeping.
 */
static enum pp_excl
soft_rule(const struct pp_model *m, size_t i)
{
	const struct pp_event *ev = &m->tt->ev[i];
	const struct pp_profile *p = m->p;

	if (pp_kind_class(ev->kind) != PP_CLASS_TALK)
		return PP_EXCL_NONE;
	if (m->role[i] == PP_ROLE_HOUSEKEEPING)
		return PP_EXCL_HOUSEKEEPING;
	if (p->languages != NULL && *ev->lang != '\0' &&
	    !pp_lang_any(ev->lang, p->languages))
		return PP_EXCL_LANG;
	if (!m->ticket[i] && needs_ticket(p, ev))
		return PP_EXCL_TICKET;
	return PP_EXCL_NONE;
}

/* Why event i is no candidate of day d (PP_MODEL_NO_DAY when its day is
 * not planned), or PP_EXCL_NONE. */
static enum pp_excl
classify(const struct pp_model *m, size_t i, size_t d)
{
	const struct pp_event *ev = &m->tt->ev[i];

	if (m->excl[i] != PP_EXCL_NONE)
		return m->excl[i];
	if (ev->status == PP_STATUS_CANCELLED)
		return PP_EXCL_CANCELLED;
	if (pp_kind_class(ev->kind) == PP_CLASS_INFO)
		return PP_EXCL_INFO;
	if (!m->must[i]) {
		enum pp_excl soft = soft_rule(m, i);

		if (soft != PP_EXCL_NONE)
			return soft;
	}
	if (d == PP_MODEL_NO_DAY)
		return PP_EXCL_DAY;
	if (ev->start < m->days[d].win_start || ev->end > m->days[d].win_end)
		return PP_EXCL_WINDOW;
	if (busy_overlap(m, ev->start, ev->end))
		return PP_EXCL_BUSY;
	return PP_EXCL_NONE;
}

/*
 * A must-see event that is no candidate: skipped, busy or outside the
 * window is a clash of hard constraints (an error); on a day that is not
 * planned it is left out with a note, so that one profile serves every
 * day; cancelled, or a notice, it is left out with a warning.  Returns 1
 * for a clash.
 */
static int
must_left_out(const struct pp_model *m, size_t i, const char *date,
    struct pp_diags *ds)
{
	const struct pp_event *ev = &m->tt->ev[i];

	switch (m->excl[i]) {
	case PP_EXCL_DAY:
		pp_diag_add(ds, PP_NOTE, NULL, 0, 0,
		    "must-see '%s' is on %s, a day not planned: left out",
		    ev->title, date);
		return 0;
	case PP_EXCL_CANCELLED:
	case PP_EXCL_INFO:
		pp_diag_warn(ds, ev->file, ev->line,
		    "must-see '%s' %s: left out", ev->title,
		    pp_excl_text(m->excl[i]));
		return 0;
	default:
		pp_diag_err(ds, NULL, 0, "%s: must-see '%s' %s", date,
		    ev->title, pp_excl_text(m->excl[i]));
		return 1;
	}
}

void
pp_model_add_item(struct pp_model_day *d, size_t *cap, const struct pp_item *it)
{
	d->items = pp_xgrowarray(d->items, cap, d->n + 1, sizeof(*d->items));
	d->items[d->n++] = *it;
}

static void
event_item(const struct pp_model *m, const struct pp_model_day *d, size_t i,
    struct pp_item *it)
{
	const struct pp_event *ev = &m->tt->ev[i];
	const struct pp_score *s = &m->scores[i];
	int64_t lf = ev->start > d->lunch_from ? ev->start : d->lunch_from;
	int64_t lt = ev->end < d->lunch_to ? ev->end : d->lunch_to;

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
	it->score = s->value;
	it->crit = it->cls == PP_CLASS_TALK ? s->crit & m->crit_active : 0;
	it->must = m->must[i];
	it->counts = it->cls == PP_CLASS_NETWORKING &&
	    ev->end - ev->start >= m->min_block;
	it->lunch = ev->kind == PP_KIND_MEAL && m->lunch_len > 0 &&
	    lt - lf >= m->lunch_len;
	it->next = it->prev = PP_ITEM_NONE;
	it->was = PP_ITEM_NONE;
	it->reason = s->reason;
	it->plenary = m->role[i] == PP_ROLE_PLENARY;
	it->open = ev->kind == PP_KIND_OPEN_SPACE;
	it->expo = ev->kind == PP_KIND_EXPO
	    ? (unsigned)(it->minutes / m->expo_unit)
	    : 0;
}

/* Every event becomes a candidate of its conference day or gets its
 * exclusion cause.  Returns 1 if a must-see event clashes. */
static int
add_candidates(struct pp_model *m, size_t *caps, struct pp_diags *ds)
{
	const struct pp_timetable *tt = m->tt;
	int clash = 0;
	size_t i, d;
	char date[11];

	for (i = 0; i < tt->n; i++) {
		struct pp_item it;

		conference_date(m, tt->ev[i].start, date);
		d = find_day(m, date);
		m->excl[i] = classify(m, i, d);
		if (m->excl[i] == PP_EXCL_TICKET && d != PP_MODEL_NO_DAY)
			m->days[d].nticket++;
		if (m->excl[i] != PP_EXCL_NONE) {
			if (m->must[i])
				clash |= must_left_out(m, i, date, ds);
			continue;
		}
		if (pp_kind_class(tt->ev[i].kind) == PP_CLASS_TALK)
			m->days[d].ntalk++;
		event_item(m, &m->days[d], i, &it);
		pp_model_add_item(&m->days[d], &caps[d], &it);
	}
	return clash;
}

/* ---- synthesized blocks ---- */

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * A synthesized block from start to end: networking without a room,
 * scored networking-weight per hour.  A hallway segment always counts (its
 * run must reach min-networking-block); a free lunch block counts when it
 * is that long, and is lunch.
 */
static void
synth_item(const struct pp_model *m, struct pp_item *it, enum pp_item_src src,
    int64_t start, int64_t end)
{
	int hallway = src == PP_ITEM_HALLWAY;

	memset(it, 0, sizeof(*it));
	it->src = src;
	it->kind = hallway ? PP_KIND_HALLWAY : PP_KIND_MEAL;
	it->cls = PP_CLASS_NETWORKING;
	it->start = start;
	it->end = end;
	it->minutes = (long)((end - start) / 60);
	it->title = hallway ? hallway_title : lunch_title;
	it->room = "";
	it->score = pp_score_networking(m->p, it->minutes);
	it->counts = hallway || end - start >= m->min_block;
	it->lunch = !hallway;
	it->next = it->prev = PP_ITEM_NONE;
	it->was = PP_ITEM_NONE;
	it->reason = hallway ? hallway_reason : lunch_reason;
}

size_t
pp_instants_sort(int64_t *v, size_t n)
{
	size_t i, u = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_i64);
	for (i = 0; i < n; i++)
		if (u == 0 || v[u - 1] != v[i])
			v[u++] = v[i];
	return u;
}

size_t
pp_instants_find(const int64_t *v, size_t n, int64_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Where a free lunch block may start: the lunch window's start, and every
 * end of a candidate (the first nitems) or of a busy block inside the
 * window, when the block still fits in it.  In any plan, a free gap long
 * enough for lunch can be shifted earlier until it meets the window's
 * start, the end of a planned item or the end of a busy block, so one of
 * these starts fits it too and the model loses nothing.  Returns the
 * sorted distinct starts (caller frees) and their count in *n.
 */
static int64_t *
lunch_starts(const struct pp_model *m, const struct pp_model_day *d,
    size_t nitems, size_t *n)
{
	int64_t *v = pp_xcalloc(nitems + m->nbusy + 1, sizeof(*v)),
	        len = m->lunch_len;
	size_t i, k = 0;

	v[k++] = d->lunch_from;
	for (i = 0; i < nitems; i++)
		v[k++] = d->items[i].end;
	for (i = 0; i < m->nbusy; i++)
		v[k++] = m->busy[i].end;
	for (i = 0; i < k;)
		if (v[i] < d->lunch_from || v[i] + len > d->lunch_to)
			v[i] = v[--k];
		else
			i++;
	*n = pp_instants_sort(v, k);
	return v;
}

struct span {
	int64_t start, end;
	long minutes;
};

/*
 * Talk-load events that run on day d (cut to its planning window) but
 * are no candidates for this attendee only: a ticket they do not hold or
 * a language they do not follow.  The conference goes on around them, so
 * their time is hallway time as a candidate's is.  Returns the spans
 * (caller frees) and their count in *n.
 */
static struct span *
others_running(const struct pp_model *m, const struct pp_model_day *d,
    size_t *n)
{
	const struct pp_timetable *tt = m->tt;
	struct span *v = NULL;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if ((m->excl[i] != PP_EXCL_TICKET &&
		        m->excl[i] != PP_EXCL_LANG) ||
		    !overlaps(ev->start, ev->end, d->win_start, d->win_end))
			continue;
		v = pp_xgrowarray(v, &cap, *n + 1, sizeof(*v));
		v[*n].start =
		    ev->start > d->win_start ? ev->start : d->win_start;
		v[*n].end = ev->end < d->win_end ? ev->end : d->win_end;
		v[(*n)++].minutes = 0;
	}
	return v;
}

/*
 * The day's hallway track, as segments.  Hallway time is where a talk-load
 * candidate runs and no networking candidate or busy block does ("where
 * talks run and the programme offers no networking, the hallway is the
 * networking").  It is cut at every start and end of a candidate, a busy
 * block and the lunch window, and where a free lunch block could end, so
 * that a hallway block can fill any gap a plan leaves between its items.
 * Segments that touch are linked (next, prev): planned together they form
 * one block, which must last min-networking-block minutes.
 */
static void
add_hallway(struct pp_model *m, struct pp_model_day *d, size_t *cap)
{
	size_t n = d->n, np = 0, i, k, nl, nx = 0;
	int64_t *ls = lunch_starts(m, d, n, &nl), *pts;
	struct span *x = others_running(m, d, &nx);
	int *talk, *net, *busy;

	pts = pp_xcalloc(3 * n + 2 * nx + 3 * m->nbusy + 8, sizeof(*pts));
	for (i = 0; i < n; i++) {
		pts[np++] = d->items[i].start;
		pts[np++] = d->items[i].end;
	}
	if (np == 0) {
		free(x);
		free(pts);
		free(ls);
		return;
	}
	for (i = 0; i < nx; i++) {
		pts[np++] = x[i].start;
		pts[np++] = x[i].end;
	}
	for (i = 0; i < m->nbusy; i++) {
		pts[np++] = m->busy[i].start;
		pts[np++] = m->busy[i].end;
	}
	pts[np++] = d->lunch_from;
	pts[np++] = d->lunch_to;
	for (i = 0; m->lunch_len > 0 && i < nl; i++)
		pts[np++] = ls[i] + m->lunch_len;
	free(ls);
	/* Only points inside the span of the day's candidates matter. */
	{
		int64_t lo = d->items[0].start, hi = lo;

		for (i = 0; i < n; i++)
			if (d->items[i].end > hi)
				hi = d->items[i].end;
		for (i = 0; i < nx; i++) {
			lo = x[i].start < lo ? x[i].start : lo;
			hi = x[i].end > hi ? x[i].end : hi;
		}
		for (i = 0; i < np;)
			if (pts[i] < lo || pts[i] > hi)
				pts[i] = pts[--np];
			else
				i++;
	}
	np = pp_instants_sort(pts, np);
	talk = pp_xcalloc(np + 1, sizeof(*talk));
	net = pp_xcalloc(np + 1, sizeof(*net));
	busy = pp_xcalloc(np + 1, sizeof(*busy));
	for (i = 0; i < n; i++) {
		int *c = d->items[i].cls == PP_CLASS_TALK ? talk : net;

		/* The hallway is empty while a single-track plenary runs:
		 * a plenary does not open hallway time (talks running
		 * beside a keynote still do). */
		if (d->items[i].plenary)
			continue;
		c[pp_instants_find(pts, np, d->items[i].start)]++;
		c[pp_instants_find(pts, np, d->items[i].end)]--;
	}
	for (i = 0; i < nx; i++) {
		talk[pp_instants_find(pts, np, x[i].start)]++;
		talk[pp_instants_find(pts, np, x[i].end)]--;
	}
	free(x);
	for (i = 0; i < m->nbusy; i++) {
		if (m->busy[i].end <= pts[0] || m->busy[i].start >= pts[np - 1])
			continue;
		busy[pp_instants_find(pts, np, m->busy[i].start)]++;
		busy[pp_instants_find(pts, np, m->busy[i].end)]--;
	}
	for (k = 0; k + 1 < np; k++) {
		struct pp_item h;

		if (k > 0) {
			talk[k] += talk[k - 1];
			net[k] += net[k - 1];
			busy[k] += busy[k - 1];
		}
		if (talk[k] <= 0 || net[k] > 0 || busy[k] > 0)
			continue;
		synth_item(m, &h, PP_ITEM_HALLWAY, pts[k], pts[k + 1]);
		pp_model_add_item(d, cap, &h);
	}
	free(talk);
	free(net);
	free(busy);
	free(pts);
}

/* Free lunch blocks of the lunch length at every start lunch_starts()
 * gives that lies in the planning window and overlaps no busy block. */
static void
add_lunch(struct pp_model *m, struct pp_model_day *d, size_t *cap)
{
	size_t i, ns;
	int64_t *starts, len = m->lunch_len;

	if (!d->rules.lunch)
		return;
	starts = lunch_starts(m, d, d->n, &ns);
	for (i = 0; i < ns; i++) {
		struct pp_item l;

		if (busy_overlap(m, starts[i], starts[i] + len) ||
		    starts[i] < d->win_start || starts[i] + len > d->win_end)
			continue;
		synth_item(m, &l, PP_ITEM_LUNCH, starts[i], starts[i] + len);
		pp_model_add_item(d, cap, &l);
	}
	free(starts);
}

/* ---- busy blocks in the day listing ---- */

static const char busy_reason[] = "busy";
static const char booth_reason[] = "busy, networking";

/*
 * Every busy block that touches day d's planning window, cut to it (and
 * to the day), as a must item: every output lists it.  One marked as
 * networking (pp_busy_networking) is networking worth networking-weight
 * per hour, counting when it lasts min-networking-block minutes; any
 * other is neither talk load nor networking, worth nothing.  Nothing
 * else is a candidate then (busy blocks keep candidates out), so the
 * must is never in the way; two busy blocks that overlap are cut where
 * the first ends.
 */
static void
add_busy_items(struct pp_model *m, struct pp_model_day *d, size_t *cap)
{
	int64_t lo = d->win_start > d->day_start ? d->win_start : d->day_start;
	int64_t hi = d->win_end < d->day_end ? d->win_end : d->day_end;
	int64_t *starts = pp_xcalloc(m->nbusy + 1, sizeof(*starts));
	size_t i, j, n = 0, *order = pp_xcalloc(m->nbusy + 1, sizeof(*order));
	int64_t free_from = lo;

	/* In order of start, so overlapping blocks can be cut. */
	for (i = 0; i < m->nbusy; i++) {
		for (j = n;
		     j > 0 && m->busy[order[j - 1]].start > m->busy[i].start;
		     j--)
			order[j] = order[j - 1];
		order[j] = i;
		n++;
	}
	for (j = 0; j < n; j++) {
		const struct pp_model_busy *b = &m->busy[order[j]];
		int64_t s = b->start > free_from ? b->start : free_from;
		int64_t e = b->end < hi ? b->end : hi;
		struct pp_item it;

		if (e - s < 60)
			continue;
		memset(&it, 0, sizeof(it));
		it.src = PP_ITEM_BUSY;
		it.kind = PP_KIND_OTHER;
		it.cls = b->networking ? PP_CLASS_NETWORKING : PP_CLASS_INFO;
		it.start = s;
		it.end = e;
		it.minutes = (long)((e - s) / 60);
		it.title = b->label;
		it.room = "";
		it.must = 1;
		it.score =
		    b->networking ? pp_score_networking(m->p, it.minutes) : 0;
		it.counts = b->networking && e - s >= m->min_block;
		it.next = it.prev = PP_ITEM_NONE;
		it.reason = b->networking ? booth_reason : busy_reason;
		pp_model_add_item(d, cap, &it);
		free_from = e;
	}
	free(starts);
	free(order);
}

/* ---- poster sessions ---- */

/* Keeps s, a string the model made, until pp_model_free; returns it. */
static char *
keep_string(struct pp_model *m, char *s)
{
	m->strings =
	    pp_xreallocarray(m->strings, m->nstrings + 1, sizeof(*m->strings));
	m->strings[m->nstrings++] = s;
	return s;
}

/* 1 if two candidates are posters at the same time and place. */
static int
same_session(const struct pp_item *a, const struct pp_item *b)
{
	return a->src == PP_ITEM_EVENT && b->src == PP_ITEM_EVENT &&
	    a->kind == PP_KIND_POSTER && b->kind == PP_KIND_POSTER &&
	    a->start == b->start && a->end == b->end &&
	    strcmp(a->room, b->room) == 0;
}

/*
 * The posters of day d at one time and place (two or more) become one
 * poster session: a networking item that lists them (members), worth
 * what its best-scored poster is worth (an attendee walks the session and
 * stays longest at the best match), must-see when one of them is, its
 * reason how many posters match the profile and the best one's reason.
 * A poster alone stays an event.
 */
static void
group_posters(struct pp_model *m, struct pp_model_day *d)
{
	size_t i, j, k, n, used = 0;
	unsigned char *gone = pp_xcalloc(d->n + 1, 1);

	while (m->posters[used] != NULL)
		used++;
	for (i = 0; i < d->n; i++) {
		struct pp_item *s = &d->items[i];
		const struct pp_item *best = s;
		const struct pp_event **mem = &m->posters[used];
		size_t matched = 0;
		int must = 0;

		if (gone[i] || s->kind != PP_KIND_POSTER ||
		    s->src != PP_ITEM_EVENT)
			continue;
		for (j = i, n = 0; j < d->n; j++) {
			const struct pp_item *it = &d->items[j];
			const struct pp_score *sc;

			if (gone[j] || (j != i && !same_session(s, it)))
				continue;
			mem[n++] = it->ev;
			if (j != i)
				gone[j] = 1;
			if (it->score > best->score)
				best = it;
			must |= it->must;
			sc = pp_model_event_score(m, it->ev);
			matched += sc != NULL && sc->nmatch > 0;
		}
		if (n < 2) {
			mem[0] = NULL;
			continue;
		}
		used += n;
		s->score = best->score;
		s->reason = *best->reason == '\0'
		    ? keep_string(m, pp_xasprintf("%zu posters", n))
		    : keep_string(m,
		          pp_xasprintf("%zu of %zu posters match; best: %s",
		              matched, n, best->reason));
		s->must = must;
		s->ev = NULL;
		s->src = PP_ITEM_POSTERS;
		s->members = mem;
		s->nmembers = n;
		s->title = keep_string(m,
		    pp_xasprintf("Poster session (%zu posters)", n));
	}
	for (i = k = 0; i < d->n; i++)
		if (!gone[i])
			d->items[k++] = d->items[i];
	d->n = k;
	free(gone);
}

/* ---- venue networking: board slots, hosted open spaces, the expo ---- */

static const char board_title[] = "Open space (board, room chosen on site)";
static const char board_reason[] = "open-space board";
static const char host_reason[] = "hosting an open space";
static const char expo_title[] = "Expo hall";
static const char expo_reason[] = "expo hall";
static const char expo_crowded[] = "expo hall (no talks run: crowded)";

/* 1 if one of the first n items of d, a talk-load item, overlaps s..e. */
static int
talks_run(const struct pp_model_day *d, size_t n, int64_t s, int64_t e)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (d->items[i].cls == PP_CLASS_TALK &&
		    overlaps(s, e, d->items[i].start, d->items[i].end))
			return 1;
	return 0;
}

/* Whether a single-track plenary of the n programme items of d overlaps
 * [s, e): the board and the expo, like the hallway, offer no slot then
 * (everyone is at the plenary). */
static int
plenary_runs(const struct pp_model_day *d, size_t n, int64_t s, int64_t e)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (d->items[i].plenary &&
		    overlaps(s, e, d->items[i].start, d->items[i].end))
			return 1;
	return 0;
}

/*
 * A venue item from start to end: networking without a room, worth
 * networking-weight per hour, counting when it lasts min-networking-block.
 * An expo segment while no talk runs is worth a quarter less (the hall is
 * crowded then: the expo is best visited while talks run).
 */
static void
venue_item(const struct pp_model *m, const struct pp_model_day *d, size_t n,
    struct pp_item *it, enum pp_item_src src, int64_t start, int64_t end)
{
	memset(it, 0, sizeof(*it));
	it->src = src;
	it->kind = src == PP_ITEM_EXPO ? PP_KIND_EXPO : PP_KIND_OPEN_SPACE;
	it->cls = PP_CLASS_NETWORKING;
	it->start = start;
	it->end = end;
	it->minutes = (long)((end - start) / 60);
	it->title = src == PP_ITEM_EXPO ? expo_title : board_title;
	it->room = "";
	it->score = pp_score_networking(m->p, it->minutes);
	it->counts = end - start >= m->min_block;
	it->next = it->prev = PP_ITEM_NONE;
	it->reason = src == PP_ITEM_EXPO ? expo_reason : board_reason;
	it->open = src != PP_ITEM_EXPO;
	it->expo =
	    src == PP_ITEM_EXPO ? (unsigned)(it->minutes / m->expo_unit) : 0;
	if (src == PP_ITEM_EXPO && !talks_run(d, n, start, end)) {
		it->score -= it->score / 4;
		it->reason = expo_crowded;
	}
}

/* The instants of hours h, and whether they fall on conference day d. */
static int
hours_on(const struct pp_model *m, const struct pp_model_day *d,
    const struct pp_venue_hours *h, int64_t *s, int64_t *e)
{
	char date[11];

	if (day_instant(m->tz, h->date, h->from, s) != 0 ||
	    day_instant(m->tz, h->date, h->to, e) != 0)
		return 0;
	conference_date(m, *s, date);
	return strcmp(date, d->date) == 0;
}

/* Slots of slot minutes through each of the n hours that fall on day d,
 * inside the planning window and clear of busy blocks (the first nprog
 * items of d are the programme's and the hallway's); with h, slots host h
 * may take (host_any).  Returns how many. */
static size_t
add_slots(struct pp_model *m, struct pp_model_day *d, size_t *cap,
    const struct pp_venue_hours *hours, size_t n, int slot,
    enum pp_item_src src, const struct pp_host *h)
{
	int64_t s, e, t, len = (int64_t)slot * 60;
	size_t i, nprog = d->n, added = 0;

	for (i = 0; i < n; i++) {
		if (!hours_on(m, d, &hours[i], &s, &e))
			continue;
		for (t = s; t + len <= e; t += len) {
			struct pp_item it;

			if (t < d->win_start || t + len > d->win_end ||
			    busy_overlap(m, t, t + len) ||
			    plenary_runs(d, nprog, t, t + len))
				continue;
			venue_item(m, d, nprog, &it, src, t, t + len);
			if (h != NULL) {
				it.title = h->title;
				it.reason = host_reason;
				it.host_any = 1;
			}
			pp_model_add_item(d, cap, &it);
			added++;
		}
	}
	return added;
}

/* The hours of the board that hold a slot from minute at of date, or
 * NULL. */
static const struct pp_venue_hours *
board_at(const struct pp_venue *v, const char *date, int at)
{
	size_t i;

	for (i = 0; i < v->nboard; i++)
		if (strcmp(v->board[i].date, date) == 0 &&
		    v->board[i].from <= at &&
		    at + v->board_slot <= v->board[i].to)
			return &v->board[i];
	return NULL;
}

/*
 * Host i without a time on day d: a candidate for each board slot of the
 * day in the planning window and clear of busy blocks (host_any: the
 * solver plans exactly one).  No such slot, or a second host without a
 * time on the day, is a clash naming the host: returns 1.
 */
static int
add_host_any(struct pp_model *m, struct pp_model_day *d, size_t *cap, size_t i,
    struct pp_diags *ds)
{
	const struct pp_profile *p = m->p;
	const struct pp_host *h = &p->hosts[i];
	const struct pp_venue *v = &p->venue;
	size_t k;

	for (k = 0; k < d->n; k++)
		if (d->items[k].host_any)
			return pp_diag_err(ds, h->file, h->line,
			           "%s: host '%.60s': one open space without a "
			           "time a day (give it a time)",
			           d->date, h->title) != 0;
	if (add_slots(m, d, cap, v->board, v->nboard, v->board_slot,
	        PP_ITEM_HOST, h) == 0)
		return pp_diag_err(ds, h->file, h->line,
		           "%s: host '%.60s': the open-space board has no free "
		           "slot that day",
		           d->date, h->title) != 0;
	return 0;
}

/*
 * The open spaces the attendee hosts on day d (hosts[i] is the date host
 * i resolved to, "" if it did not): a must-see item of one board slot
 * from the given time.  A board that is closed then, a busy block or the
 * planning window are clashes of hard constraints: one error each naming
 * the host, and 1 is returned.
 */
static int
add_hosts(struct pp_model *m, struct pp_model_day *d, size_t *cap,
    char (*hosts)[11], struct pp_diags *ds)
{
	const struct pp_profile *p = m->p;
	size_t i, nprog = d->n;
	int clash = 0;

	for (i = 0; i < p->nhosts; i++) {
		const struct pp_host *h = &p->hosts[i];
		struct pp_item it;
		int64_t s, e;
		char at[6];

		if (strcmp(hosts[i], d->date) != 0)
			continue;
		if (h->at < 0) {
			clash |= m->host_clash[i] =
			    (unsigned char)add_host_any(m, d, cap, i, ds);
			continue;
		}
		fmt_hhmm(h->at, at);
		if (board_at(&p->venue, d->date, h->at) == NULL) {
			clash = m->host_clash[i] = 1;
			pp_diag_err(ds, h->file, h->line,
			    "%s: host '%.60s' at %s: the open-space board is "
			    "not open then (%s)",
			    d->date, h->title, at,
			    p->venue.nboard == 0 ? "no [open-spaces] hours"
			                         : "see [open-spaces] hours");
			continue;
		}
		day_instant(m->tz, d->date, h->at, &s);
		e = s + (int64_t)p->venue.board_slot * 60;
		if (s < d->win_start || e > d->win_end ||
		    busy_overlap(m, s, e)) {
			clash = m->host_clash[i] = 1;
			pp_diag_err(ds, h->file, h->line,
			    "%s: host '%.60s' at %s %s", d->date, h->title, at,
			    busy_overlap(m, s, e)
			        ? "overlaps a busy block"
			        : "lies outside the planning window "
			          "(day-start, day-end)");
			continue;
		}
		venue_item(m, d, nprog, &it, PP_ITEM_HOST, s, e);
		it.title = h->title;
		it.reason = host_reason;
		it.must = 1;
		pp_model_add_item(d, cap, &it);
	}
	return clash;
}

/* Resolves each host's day (a date or a weekday) against the
 * programme's dates into hosts[i]; "" when it names none (an error: 1 is
 * returned) or a day that is not planned (a note: left out). */
static int
resolve_hosts(struct pp_model *m, char (*hosts)[11], struct pp_diags *ds)
{
	const struct pp_profile *p = m->p;
	const struct pp_timetable *tt = m->tt;
	char(*dates)[11] = pp_xcalloc(tt->n + 1, sizeof(*dates)), date[11];
	size_t i, j, n = 0;
	int bad = 0;

	for (i = 0; p->nhosts > 0 && i < tt->n; i++) {
		conference_date(m, tt->ev[i].start, date);
		for (j = 0; j < n && strcmp(dates[j], date) != 0; j++)
			;
		if (j == n)
			memcpy(dates[n++], date, 11);
	}
	if (n > 1)
		qsort(dates, n, sizeof(*dates), cmp_date);
	for (i = 0; i < p->nhosts; i++) {
		const struct pp_host *h = &p->hosts[i];

		if (pp_day_resolve(h->day, (const char(*)[11])dates, n,
		        hosts[i], "host", h->file, h->line, ds) != 0) {
			hosts[i][0] = '\0';
			bad = m->host_clash[i] = 1;
		} else if (find_day(m, hosts[i]) == PP_MODEL_NO_DAY) {
			/* A day of the programme that is not planned (days)
			 * is a note; a date the programme does not have is
			 * worth a warning (a typo, another year). */
			for (j = 0; j < n && strcmp(dates[j], hosts[i]) != 0;
			     j++)
				;
			if (j < n)
				pp_diag_add(ds, PP_NOTE, h->file, h->line, 0,
				    "host '%.60s': %s is not a planned day: "
				    "left out",
				    h->title, hosts[i]);
			else
				pp_diag_warn(ds, h->file, h->line,
				    "host '%.60s': %s is not a day of the "
				    "programme (%s to %s): left out",
				    h->title, hosts[i], n > 0 ? dates[0] : "-",
				    n > 0 ? dates[n - 1] : "-");
			hosts[i][0] = '\0';
		}
	}
	free(dates);
	return bad;
}

/* The day's venue networking: board slots, hosted open spaces and expo
 * segments.  Returns 1 if a host clashes. */
static int
add_venue(struct pp_model *m, struct pp_model_day *d, size_t *cap,
    char (*hosts)[11], struct pp_diags *ds)
{
	const struct pp_venue *v = &m->p->venue;
	int clash;

	clash = add_hosts(m, d, cap, hosts, ds);
	add_slots(m, d, cap, v->board, v->nboard, v->board_slot, PP_ITEM_BOARD,
	    NULL);
	add_slots(m, d, cap, v->expo, v->nexpo, v->expo_slot, PP_ITEM_EXPO,
	    NULL);
	return clash;
}

enum pp_net_src
pp_item_net_src(const struct pp_item *it)
{
	if (it->src == PP_ITEM_BUSY || it->src == PP_ITEM_BOOTH)
		return PP_NET_BOOTH;
	switch (it->kind) {
	case PP_KIND_HALLWAY:
		return PP_NET_HALLWAY;
	case PP_KIND_OPEN_SPACE:
		return PP_NET_OPEN_SPACE;
	case PP_KIND_EXPO:
		return PP_NET_EXPO;
	case PP_KIND_POSTER:
		return PP_NET_POSTER;
	case PP_KIND_MEAL:
	case PP_KIND_BREAK:
		return PP_NET_MEAL;
	case PP_KIND_SOCIAL:
		return PP_NET_SOCIAL;
	default:
		return PP_NET_OTHER;
	}
}

const char *
pp_item_src_name(enum pp_item_src s)
{
	switch (s) {
	case PP_ITEM_HALLWAY:
		return "hallway";
	case PP_ITEM_LUNCH:
		return "lunch";
	case PP_ITEM_BOARD:
		return "board";
	case PP_ITEM_HOST:
		return "host";
	case PP_ITEM_EXPO:
		return "expo";
	case PP_ITEM_POSTERS:
		return "posters";
	case PP_ITEM_BUSY:
		return "busy";
	case PP_ITEM_BOOTH:
		return "booth";
	case PP_ITEM_EVENT:
	default:
		return "programme";
	}
}

const char *
pp_net_src_name(enum pp_net_src s)
{
	static const char *const names[PP_NET__COUNT] = {"open spaces", "expo",
	    "posters", "socials", "hallway", "meals", "booth", "other"};

	return (unsigned)s < PP_NET__COUNT ? names[s] : "other";
}

/* ---- each day's rules ---- */

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
cmp_span_end(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * The most talks and the most talk minutes that a chain of the day's
 * talk-load candidates (no two overlapping) can hold: a cap at or above
 * them cannot bind.  Earliest end first is optimal for the count; the
 * minutes are a weighted interval scheduling over the talks by end.
 */
static void
chain_bounds(const struct pp_model_day *d, unsigned long *talks,
    unsigned long *minutes)
{
	struct span *t = pp_xcalloc(d->n + 1, sizeof(*t));
	unsigned long *best = pp_xcalloc(d->n + 1, sizeof(*best));
	size_t nt = 0, i, lo, hi;
	int64_t last = INT64_MIN;

	for (i = 0; i < d->n; i++)
		if (d->items[i].cls == PP_CLASS_TALK) {
			t[nt].start = d->items[i].start;
			t[nt].end = d->items[i].end;
			t[nt++].minutes = d->items[i].minutes;
		}
	if (nt > 1)
		qsort(t, nt, sizeof(*t), cmp_span_end);
	*talks = 0;
	for (i = 0; i < nt; i++)
		if (t[i].start >= last) {
			(*talks)++;
			last = t[i].end;
		}
	/* best[i + 1]: the most minutes among the first i + 1 talks by end. */
	for (i = 0; i < nt; i++) {
		unsigned long with;

		lo = 0;
		hi = i;
		while (lo < hi) { /* talks before i that end by its start */
			size_t mid = lo + (hi - lo) / 2;

			if (t[mid].end <= t[i].start)
				lo = mid + 1;
			else
				hi = mid;
		}
		with = best[lo] + (unsigned long)t[i].minutes;
		best[i + 1] = with > best[i] ? with : best[i];
	}
	*minutes = best[nt];
	free(best);
	free(t);
}

/* A cap as the solver applies it: off when none, or when no plan of the
 * day could reach it. */
static unsigned
cap_rule(int cap, unsigned long reach)
{
	return cap < 0 || (unsigned long)cap >= reach ? PP_RULE_OFF
	                                              : (unsigned)cap;
}

/* Normalises the rules of a day whose event candidates are in (the
 * synthesized blocks are networking and change none of it); a binding cap or a
 * must-see count beyond what the solver's state holds is an error naming the
 * day.  Returns 0 or -1. */
int
pp_model_day_rules(struct pp_model *m, struct pp_model_day *d,
    struct pp_diags *ds)
{
	const struct pp_rules *g = &m->rules;
	struct pp_day_rules *r = &d->rules;
	unsigned long talks, minutes;
	size_t i;
	int bad = 0;

	chain_bounds(d, &talks, &minutes);
	r->open = pp_model_day_open(d);
	r->lunch = r->open && m->lunch_len > 0 &&
	    d->lunch_to - d->lunch_from >= m->lunch_len;
	d->nmust = 0;
	for (i = 0; i < d->n; i++)
		d->nmust += (size_t)d->items[i].must;
	r->max_talks = cap_rule(g->max_talks, talks);
	r->max_talk_minutes = cap_rule(g->max_talk_minutes, minutes);
	/* No more talks in a row than a day holds. */
	r->max_streak = cap_rule(g->max_streak,
	    r->max_talks != PP_RULE_OFF ? r->max_talks + 1UL : talks);
	/* Networking balances talks: a day without a talk-load candidate
	 * (only tutorials, and no ticket) has no minimum to meet. */
	r->min_networking =
	    r->open && talks > 0 ? (unsigned)g->min_networking : 0;
	r->min_run = (unsigned)g->min_block;
	if (r->max_talks != PP_RULE_OFF && r->max_talks > PP_MODEL_MAX_TALKS)
		bad = pp_diag_err(ds, NULL, 0,
		    "%s: max-talks-per-day=%d can bind on this day (%lu "
		    "talks fit in it), beyond the solver's limit of %d",
		    d->date, g->max_talks, talks, PP_MODEL_MAX_TALKS);
	if (r->max_talk_minutes != PP_RULE_OFF &&
	    r->max_talk_minutes > PP_MODEL_MAX_MINUTES)
		bad = pp_diag_err(ds, NULL, 0,
		    "%s: max-talk-minutes-per-day=%d can bind on this day, "
		    "beyond the solver's limit of %d",
		    d->date, g->max_talk_minutes, PP_MODEL_MAX_MINUTES);
	if (r->max_streak != PP_RULE_OFF && r->max_streak > PP_MODEL_MAX_STREAK)
		bad = pp_diag_err(ds, NULL, 0,
		    "%s: max-consecutive-talks=%d can bind on this day, "
		    "beyond the solver's limit of %d",
		    d->date, g->max_streak, PP_MODEL_MAX_STREAK);
	if (d->nmust > PP_MODEL_MAX_MUST)
		bad = pp_diag_err(ds, NULL, 0,
		    "%s: %zu must-see events, beyond the solver's limit of %d",
		    d->date, d->nmust, PP_MODEL_MAX_MUST);
	return bad;
}

/* A string -> id map for the rooms of the model's items. */
struct room_ids {
	const char **key; /* borrowed */
	unsigned *id;
	size_t cap, n;
};

static void
room_ids_grow(struct room_ids *r)
{
	struct room_ids old = *r;
	size_t i, j;

	r->cap = r->cap < 64 ? 64 : r->cap * 2;
	r->key = pp_xcalloc(r->cap, sizeof(*r->key));
	r->id = pp_xcalloc(r->cap, sizeof(*r->id));
	for (j = 0; j < old.cap; j++) {
		if (old.key[j] == NULL)
			continue;
		i = (size_t)pp_fnv1a_str(old.key[j]) & (r->cap - 1);
		while (r->key[i] != NULL)
			i = (i + 1) & (r->cap - 1);
		r->key[i] = old.key[j];
		r->id[i] = old.id[j];
	}
	free(old.key);
	free(old.id);
}

static unsigned
room_id(struct room_ids *r, const char *room)
{
	size_t i;

	if ((r->n + 1) * 2 > r->cap)
		room_ids_grow(r);
	i = (size_t)pp_fnv1a_str(room) & (r->cap - 1);
	while (r->key[i] != NULL && strcmp(r->key[i], room) != 0)
		i = (i + 1) & (r->cap - 1);
	if (r->key[i] == NULL) {
		r->key[i] = room;
		r->id[i] = (unsigned)++r->n;
	}
	return r->id[i];
}

/* Gives every item with rooms the number of its room list, so that room
 * changes compare numbers (pp_item_room_change). */
static void
number_rooms(struct pp_model *m)
{
	struct room_ids r;
	size_t d, k;

	memset(&r, 0, sizeof(r));
	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++) {
			struct pp_item *it = &m->days[d].items[k];

			if (it->nrooms > 0)
				it->room_id = room_id(&r, it->room);
		}
	free(r.key);
	free(r.id);
}

/* Sorts the day's items (the solver's order) and links touching hallway
 * segments. */
void
pp_model_finish_day(struct pp_model_day *d)
{
	size_t j, last = PP_ITEM_NONE;

	if (d->n > 1)
		qsort(d->items, d->n, sizeof(*d->items), cmp_item);
	for (j = 0; j < d->n; j++) {
		struct pp_item *it = &d->items[j];

		if (it->src != PP_ITEM_HALLWAY)
			continue;
		/* Segments never overlap: in start order, a segment's
		 * neighbour is the previous one. */
		if (last != PP_ITEM_NONE && d->items[last].end == it->start) {
			d->items[last].next = j;
			it->prev = last;
		}
		last = j;
	}
}

/* The rules the venue items add (they are networking and change no cap):
 * the hosted open spaces are must-see, and a day needs open-spaces-per-day
 * open-space items, or as many as fit in it without overlapping when
 * fewer do. */
static int
venue_rules(struct pp_model *m, struct pp_model_day *d, struct pp_diags *ds)
{
	size_t i;
	unsigned fit = 0, want = (unsigned)m->p->open_spaces;
	int64_t free_from = INT64_MIN, end = INT64_MAX;

	d->nmust = 0;
	for (i = 0; i < d->n; i++)
		d->nmust += (size_t)d->items[i].must;
	/* The most open-space items that fit without overlapping: the
	 * greedy by earliest end is optimal for intervals (items are in
	 * start order, so look for the next earliest end each time). */
	for (;;) {
		size_t best = PP_ITEM_NONE;

		end = INT64_MAX;
		for (i = 0; i < d->n; i++)
			if (d->items[i].open &&
			    d->items[i].start >= free_from &&
			    d->items[i].end < end) {
				end = d->items[i].end;
				best = i;
			}
		if (best == PP_ITEM_NONE || fit >= want)
			break;
		fit++;
		free_from = end;
	}
	d->rules.min_open = fit < want ? fit : want;
	if (d->nmust > PP_MODEL_MAX_MUST)
		return pp_diag_err(ds, NULL, 0,
		    "%s: %zu must-see events, beyond the solver's limit of %d",
		    d->date, d->nmust, PP_MODEL_MAX_MUST);
	return 0;
}

/* One day: the event candidates are in; adds the hallway segments and the
 * free lunch blocks, orders the items and normalises the rules. */
static int
build_day(struct pp_model *m, struct pp_model_day *d, size_t *cap,
    char (*hosts)[11], int *clash, struct pp_diags *ds)
{
	int bad;

	group_posters(m, d);
	bad = pp_model_day_rules(m, d, ds);
	add_hallway(m, d, cap);
	add_lunch(m, d, cap);
	*clash |= add_venue(m, d, cap, hosts, ds);
	add_busy_items(m, d, cap);
	pp_model_finish_day(d);
	if (venue_rules(m, d, ds) != 0)
		bad = -1;
	return bad;
}

/* ---- the model ---- */

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
	return pp_model_build_replan(tt, w, p, busy, nbusy, NULL, out, ds);
}

int
pp_model_build_replan(const struct pp_timetable *tt, struct pp_ttwords *w,
    const struct pp_profile *p, const struct pp_busy_block *busy, size_t nbusy,
    const struct pp_replan *r, struct pp_model **out, struct pp_diags *ds)
{
	struct pp_model *m;
	size_t i, nerr = ds->nerrors, *caps;
	char(*hosts)[11];
	int clash, bad = 0;

	*out = NULL;
	m = pp_xcalloc(1, sizeof(*m));
	m->tt = tt;
	m->p = p;
	m->replan = r;
	m->tz = pp_model_zone(tt, p->tz, ds);
	set_rules(m, p);
	score_events(m, w, ds);
	resolve_refs(m, ds);
	make_days(m, ds);
	add_busy(m, busy, nbusy, ds);
	if (day_windows(m, ds) != 0) {
		*out = m;
		return -1;
	}
	bad = ds->nerrors > nerr;

	caps = pp_xcalloc(m->ndays + 1, sizeof(*caps));
	hosts = pp_xcalloc(p->nhosts + 1, sizeof(*hosts));
	m->host_clash = pp_xcalloc(p->nhosts + 1, 1);
	m->nhosts = p->nhosts;
	m->host_title = pp_xcalloc(p->nhosts + 1, sizeof(*m->host_title));
	for (i = 0; i < p->nhosts; i++)
		m->host_title[i] = p->hosts[i].title;
	m->posters = pp_xcalloc(tt->n + 1, sizeof(*m->posters));
	clash = add_candidates(m, caps, ds);
	clash |= resolve_hosts(m, hosts, ds);
	if (m->expo_need > PP_MODEL_MAX_EXPO)
		bad = pp_diag_err(ds, NULL, 0,
		          "min-expo-minutes=%d needs %u expo segments of %ld "
		          "minutes, beyond the solver's limit of %d (raise "
		          "[expo] "
		          "slot-minutes)",
		          p->min_expo, m->expo_need, m->expo_unit,
		          PP_MODEL_MAX_EXPO) != 0;
	if (r != NULL && pp_model_replan_attend(m, caps, ds) != 0)
		bad = 1;
	for (i = 0; i < m->ndays; i++)
		if (build_day(m, &m->days[i], &caps[i], hosts, &clash, ds) != 0)
			bad = 1;
	free(hosts);
	if (r != NULL)
		pp_model_replan_cut(m);
	free(caps);
	number_rooms(m);
	busy_effects(m);
	*out = m;
	return bad ? -1 : clash ? 1 : 0;
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
	free(m->was_rooms);
	free(m->role);
	free(m->ticket);
	free(m->host_clash);
	free(m->host_title);
	free(m->posters);
	for (i = 0; i < m->nstrings; i++)
		free(m->strings[i]);
	free(m->strings);
	free(m);
}

/* ---- queries ---- */

size_t
pp_model_event_index(const struct pp_model *m, const struct pp_event *ev)
{
	const struct pp_timetable *tt = m->tt;
	uintptr_t a = (uintptr_t)ev, b = (uintptr_t)tt->ev;
	size_t i;

	/* The offset is computed on integers (pointer arithmetic between
	 * unrelated objects would be undefined) and the candidate index
	 * checked by comparing addresses, so a foreign event gives -1. */
	if (tt->n == 0 || a < b || (a - b) % sizeof(*ev) != 0)
		return (size_t)-1;
	i = (size_t)((a - b) / sizeof(*ev));
	return i < tt->n && &tt->ev[i] == ev ? i : (size_t)-1;
}

const struct pp_score *
pp_model_event_score(const struct pp_model *m, const struct pp_event *ev)
{
	size_t i = pp_model_event_index(m, ev);

	return i == (size_t)-1 ? NULL : &m->scores[i];
}

static int
is_member(const struct pp_item *it, const struct pp_event *ev)
{
	size_t i;

	for (i = 0; i < it->nmembers; i++)
		if (it->members[i] == ev)
			return 1;
	return 0;
}

int
pp_model_event_item(const struct pp_model *m, const struct pp_event *ev,
    size_t *day, size_t *item)
{
	size_t d, k;

	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++)
			if (m->days[d].items[k].ev == ev ||
			    is_member(&m->days[d].items[k], ev)) {
				*day = d;
				*item = k;
				return 0;
			}
	return -1;
}

int
pp_model_day_open(const struct pp_model_day *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].src == PP_ITEM_EVENT ||
		    d->items[i].src == PP_ITEM_POSTERS)
			return 1;
	return 0;
}

int
pp_item_room_change(const struct pp_item *a, const struct pp_item *b)
{
	size_t i, j;

	if (a->nrooms == 0 || b->nrooms == 0)
		return 0;
	/* The same rooms, or two different single rooms, by number. */
	if (a->room_id != 0 && a->room_id == b->room_id)
		return 0;
	if (a->room_id != 0 && b->room_id != 0 && a->nrooms == 1 &&
	    b->nrooms == 1)
		return 1;
	for (i = 0; i < a->nrooms; i++)
		for (j = 0; j < b->nrooms; j++)
			if (strcmp(a->rooms[i], b->rooms[j]) == 0)
				return 0;
	return 1;
}
