/* SPDX-License-Identifier: ISC */
/*
 * Replanning from an earlier plan (`build --from PLAN --now T`): the part
 * of the model that keeps what was attended and prices every change
 * against the old plan (struct pp_replan in model.h says the rules).
 */
#include <stdint.h>
#include <string.h>

#include "model_int.h"
#include "pyplan/load_plan.h"
#include "pyplan/pins.h"
#include "pyplan/xalloc.h"

static const char attended_reason[] = "attended";
static const char hallway_reason[] = "hallway track";

/* The model's day that holds instant t, or PP_MODEL_NO_DAY. */
static size_t
day_of(const struct pp_model *m, int64_t t)
{
	size_t d;

	for (d = 0; d < m->ndays; d++)
		if (t >= m->days[d].day_start && t < m->days[d].day_end)
			return d;
	return PP_MODEL_NO_DAY;
}

/* The kind of an old plan's row: its kind name, else hallway for a block
 * pyplan made up (meal for a lunch block), else a talk. */
static enum pp_kind
row_kind(const struct pp_plan_row *row)
{
	int k = pp_kind_parse(row->kind);

	if (k >= 0)
		return (enum pp_kind)k;
	if (row->synthesized)
		return strncmp(row->id, "lunch-", 6) == 0 ? PP_KIND_MEAL
		                                          : PP_KIND_HALLWAY;
	return PP_KIND_TALK;
}

/*
 * The item that row k of the old plan was, from its start to end (a
 * hallway block going on at now ends there), on day d: planned as it was,
 * must-see, with the score its event has now (networking-weight for a
 * networking block whose event is gone, 0 for a talk whose event is gone).
 */
static void
attended_item(struct pp_model *m, const struct pp_model_day *d, size_t k,
    int64_t end, struct pp_item *it)
{
	const struct pp_plan_row *row = &m->replan->from->rows[k];
	const struct pp_event *ev = pp_pins_event(m->tt, row);
	int64_t lf, lt;

	memset(it, 0, sizeof(*it));
	it->ev = ev;
	it->src = PP_ITEM_ATTENDED;
	it->kind = row_kind(row);
	it->cls = pp_kind_class(it->kind);
	if (it->cls == PP_CLASS_INFO)
		it->cls = PP_CLASS_NETWORKING;
	it->start = row->start;
	it->end = end;
	it->minutes = (long)((end - row->start) / 60);
	it->title = row->title;
	it->room = row->room;
	if (ev != NULL && strcmp(ev->room, row->room) == 0) {
		/* The event's rooms, of which the row shows the list. */
		it->rooms = ev->rooms;
		it->nrooms = ev->nrooms;
	} else if (*row->room != '\0') {
		it->rooms = &m->was_rooms[k];
		it->nrooms = 1;
	}
	if (ev != NULL) {
		const struct pp_score *s = &m->scores[(size_t)(ev - m->tt->ev)];

		it->score = s->value;
		it->crit =
		    it->cls == PP_CLASS_TALK ? s->crit & m->crit_active : 0;
	} else if (it->cls == PP_CLASS_NETWORKING)
		it->score = pp_score_networking(m->p, it->minutes);
	it->must = 1;
	it->counts =
	    it->cls == PP_CLASS_NETWORKING && end - row->start >= m->min_block;
	lf = row->start > d->lunch_from ? row->start : d->lunch_from;
	lt = end < d->lunch_to ? end : d->lunch_to;
	it->lunch = it->kind == PP_KIND_MEAL && m->lunch_len > 0 &&
	    lt - lf >= m->lunch_len;
	/* An open space or expo visit attended still counts towards the
	 * venue rules (open-spaces-per-day, min-expo-minutes). */
	it->open = it->kind == PP_KIND_OPEN_SPACE;
	it->expo = it->kind == PP_KIND_EXPO
	    ? (unsigned)(it->minutes / m->expo_unit)
	    : 0;
	it->next = it->prev = PP_ITEM_NONE;
	it->reason = attended_reason;
	it->was = k;
	it->was_id = row->id;
}

/* The part before now of the hallway block that row k of the old plan
 * is: a hallway segment, must-see. */
static void
hallway_part(const struct pp_model *m, size_t k, struct pp_item *it)
{
	const struct pp_plan_row *row = &m->replan->from->rows[k];

	memset(it, 0, sizeof(*it));
	it->src = PP_ITEM_HALLWAY;
	it->kind = PP_KIND_HALLWAY;
	it->cls = PP_CLASS_NETWORKING;
	it->start = row->start;
	it->end = m->replan->now;
	it->minutes = (long)((it->end - it->start) / 60);
	it->title = row->title;
	it->room = "";
	it->score = pp_score_networking(m->p, it->minutes);
	it->must = 1;
	it->counts = 1;
	it->next = it->prev = PP_ITEM_NONE;
	it->reason = hallway_reason;
	it->was = k;
}

/* The candidate item of event ev, or NULL. */
static struct pp_item *
candidate(struct pp_model *m, const struct pp_event *ev)
{
	size_t d, k;

	if (ev == NULL || pp_model_event_item(m, ev, &d, &k) != 0)
		return NULL;
	return &m->days[d].items[k];
}

/*
 * Whether an item of the old plan lies within the programme's span (its
 * first start to its last end): the plan of this conference, though none
 * of its events is left (a plan whose one talk was cancelled), rather
 * than a plan of another one.
 */
static int
within_programme(const struct pp_timetable *tt, const struct pp_plan_file *pf)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	size_t i;

	for (i = 0; i < tt->n; i++) {
		if (tt->ev[i].start < lo)
			lo = tt->ev[i].start;
		if (tt->ev[i].end > hi)
			hi = tt->ev[i].end;
	}
	for (i = 0; i < pf->n; i++)
		if (pf->rows[i].has_time && pf->rows[i].start < hi &&
		    pf->rows[i].end > lo)
			return 1;
	return 0;
}

int
pp_model_replan_attend(struct pp_model *m, size_t *caps, struct pp_diags *ds)
{
	const struct pp_replan *r = m->replan;
	const struct pp_plan_file *pf = r->from;
	int64_t now = r->now;
	size_t k, d, i, nevents = 0, nfound = 0;
	int bad = 0;

	for (k = 0; k < pf->n; k++)
		if (!pf->rows[k].synthesized) {
			nevents++;
			nfound += pp_pins_event(m->tt, &pf->rows[k]) != NULL;
		}
	if (nevents > 0 && nfound == 0 && !within_programme(m->tt, pf))
		return pp_diag_err(ds, pf->path, 0,
		    "no event of the old plan is in the programme: is it a "
		    "plan of another conference?");
	m->was_rooms = pp_xcalloc(pf->n + 1, sizeof(*m->was_rooms));
	for (k = 0; k < pf->n; k++)
		m->was_rooms[k] = pf->rows[k].room;
	for (k = 0; k < pf->n; k++) {
		const struct pp_plan_row *row = &pf->rows[k];
		struct pp_item *c, it;

		if (!row->has_time) {
			bad = pp_diag_err(ds, pf->path, row->line,
			    "item '%s' of the old plan has no times",
			    *row->id ? row->id : row->title);
			continue;
		}
		if (!row->synthesized && row->end > now &&
		    pp_pins_event(m->tt, row) == NULL)
			pp_diag_warn(ds, pf->path, row->line,
			    "'%s' of the old plan is no longer in the "
			    "programme: dropped",
			    *row->title ? row->title : row->id);
		if ((d = day_of(m, row->start)) == PP_MODEL_NO_DAY)
			continue;
		if (row->synthesized && row->start < now && row->end > now &&
		    row_kind(row) == PP_KIND_HALLWAY) {
			/* A hallway block going on: its part before now is a
			 * hallway segment that must be planned, so that the
			 * segments from now on continue its run (the block
			 * stretches or shrinks) or a run too short ends as
			 * free time, as any. */
			hallway_part(m, k, &it);
			pp_model_add_item(&m->days[d], &caps[d], &it);
			continue;
		}
		if (row->end <= now || (row->synthesized && row->start < now)) {
			/* Attended (a free lunch block going on is kept
			 * whole). */
			attended_item(m, &m->days[d], k, row->end, &it);
			pp_model_add_item(&m->days[d], &caps[d], &it);
			continue;
		}
		c = candidate(m, pp_pins_event(m->tt, row));
		if (c == NULL)
			continue;
		if (row->start < now) {
			/* Going on at now: kept when it still is. */
			if (c->start < now && c->end > now) {
				c->must = 1;
				c->was = k;
			}
		} else
			c->was = k;
	}
	for (d = 0; d < m->ndays; d++)
		for (i = 0; i < m->days[d].n; i++) {
			struct pp_item *it = &m->days[d].items[i];

			if (it->src != PP_ITEM_EVENT)
				continue;
			if (it->start < now &&
			    !(it->must && it->was != PP_ITEM_NONE &&
			        it->end > now)) {
				m->excl[(size_t)(it->ev - m->tt->ev)] =
				    PP_EXCL_PAST;
				continue;
			}
			it->change =
			    it->was != PP_ITEM_NONE ? r->penalty : -r->penalty;
			it->score += it->change;
		}
	return bad;
}

void
pp_model_replan_cut(struct pp_model *m)
{
	int64_t now = m->replan->now;
	size_t d, i, n;
	struct pp_diags quiet;

	for (d = 0; d < m->ndays; d++) {
		struct pp_model_day *day = &m->days[d];

		for (i = n = 0; i < day->n; i++) {
			struct pp_item *it = &day->items[i];

			if (it->src == PP_ITEM_EVENT &&
			    m->excl[(size_t)(it->ev - m->tt->ev)] ==
			        PP_EXCL_PAST)
				continue;
			if ((it->src == PP_ITEM_HALLWAY ||
			        it->src == PP_ITEM_LUNCH) &&
			    it->start < now && it->was == PP_ITEM_NONE) {
				if (it->src == PP_ITEM_LUNCH || it->end <= now)
					continue;
				it->start = now;
				it->minutes = (long)((it->end - now) / 60);
				it->score =
				    pp_score_networking(m->p, it->minutes);
			}
			it->next = it->prev = PP_ITEM_NONE;
			day->items[n++] = *it;
		}
		day->n = n;
		pp_model_finish_day(day);
		/* The first pass reported any limit the day's rules break,
		 * and fewer candidates break no more. */
		pp_diags_init(&quiet);
		(void)pp_model_day_rules(m, day, &quiet);
		pp_diags_fini(&quiet);
	}
}
