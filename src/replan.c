/* SPDX-License-Identifier: ISC */
/*
 * What a replanned plan changed against the old plan: statuses and
 * dropped items for the writers (replan.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pyplan/pins.h"
#include "pyplan/replan.h"
#include "pyplan/xalloc.h"

const char *
pp_change_name(enum pp_change c)
{
	switch (c) {
	case PP_CHANGE_ATTENDED:
		return "attended";
	case PP_CHANGE_KEPT:
		return "kept";
	case PP_CHANGE_MOVED:
		return "moved";
	case PP_CHANGE_ADDED:
		return "added";
	case PP_CHANGE_NONE:
	default:
		return "";
	}
}

/* 1 if the old row is a lunch block pyplan made up (else a hallway
 * block, when synthesized). */
static int
row_lunch(const struct pp_plan_row *row)
{
	return strncmp(row->id, "lunch-", 6) == 0 ||
	    strcmp(row->kind, "meal") == 0;
}

/* 1 if the model plans row's day. */
static int
row_planned_day(const struct pp_model *m, const struct pp_plan_row *row)
{
	size_t d;

	for (d = 0; d < m->ndays; d++)
		if (row->start >= m->days[d].day_start &&
		    row->start < m->days[d].day_end)
			return 1;
	return 0;
}

/* 1 if the old row was attended (the model made it an attended item):
 * it ended by now, or it is a free lunch block going on then.  (A
 * hallway block going on is held, or dropped, as any.) */
static int
row_attended(const struct pp_model *m, const struct pp_plan_row *row)
{
	int64_t now = m->replan->now;

	if (!row->has_time || row->end <= now)
		return row->has_time;
	return row->synthesized && row->start < now && row_lunch(row);
}

enum pp_change
pp_plan_item_change(const struct pp_plan *pl, const struct pp_item *it)
{
	const struct pp_replan *r = pl->m->replan;
	const struct pp_plan_file *pf;
	enum pp_change best = PP_CHANGE_ADDED;
	size_t k;

	if (r == NULL)
		return PP_CHANGE_NONE;
	pf = r->from;
	if (it->src == PP_ITEM_ATTENDED)
		return PP_CHANGE_ATTENDED;
	if (it->src == PP_ITEM_EVENT) {
		const struct pp_plan_row *row;

		if (it->was == PP_ITEM_NONE)
			return PP_CHANGE_ADDED;
		row = &pf->rows[it->was];
		return row->start == it->start && row->end == it->end &&
		        strcmp(row->room, it->room) == 0
		    ? PP_CHANGE_KEPT
		    : PP_CHANGE_MOVED;
	}
	for (k = 0; k < pf->n; k++) {
		const struct pp_plan_row *row = &pf->rows[k];

		if (!row->synthesized || !row->has_time ||
		    row_lunch(row) != (it->src == PP_ITEM_LUNCH) ||
		    row->end <= it->start || row->start >= it->end)
			continue;
		if (row->start == it->start && row->end == it->end)
			return PP_CHANGE_KEPT;
		best = PP_CHANGE_MOVED;
	}
	return best;
}

/* Why the old event row is not in the new plan. */
static const char *
drop_why(const struct pp_plan *pl, const struct pp_plan_row *row)
{
	const struct pp_event *ev = pp_pins_event(pl->m->tt, row);

	if (ev == NULL)
		return "removed";
	if (ev->status == PP_STATUS_CANCELLED)
		return "cancelled";
	if (ev->start < pl->m->replan->now)
		return "past";
	return "replanned";
}

/* 1 if the plan holds old row k: an event planned as it, or a block of
 * the same kind that overlaps it. */
static int
row_held(const struct pp_plan *pl, size_t k)
{
	const struct pp_plan_row *row = &pl->m->replan->from->rows[k];
	size_t d, i;

	for (d = 0; d < pl->ndays; d++)
		for (i = 0; i < pl->days[d].n; i++) {
			const struct pp_item *it = pl->days[d].items[i];

			if (!row->synthesized) {
				if (it->src == PP_ITEM_EVENT && it->was == k)
					return 1;
				continue;
			}
			if ((it->src == PP_ITEM_HALLWAY ||
			        it->src == PP_ITEM_LUNCH) &&
			    row_lunch(row) == (it->src == PP_ITEM_LUNCH) &&
			    row->start < it->end && it->start < row->end)
				return 1;
		}
	return 0;
}

void
pp_plan_changes(const struct pp_plan *pl, struct pp_changes *c)
{
	const struct pp_replan *r = pl->m->replan;
	size_t d, i, k, cap = 0;

	memset(c, 0, sizeof(*c));
	if (r == NULL)
		return;
	c->penalty = r->penalty;
	for (d = 0; d < pl->ndays; d++)
		for (i = 0; i < pl->days[d].n; i++) {
			const struct pp_item *it = pl->days[d].items[i];

			switch (pp_plan_item_change(pl, it)) {
			case PP_CHANGE_ATTENDED:
				c->attended++;
				break;
			case PP_CHANGE_KEPT:
				c->kept++;
				break;
			case PP_CHANGE_MOVED:
				c->moved++;
				break;
			case PP_CHANGE_ADDED:
				c->added++;
				c->changes += it->src == PP_ITEM_EVENT;
				break;
			case PP_CHANGE_NONE:
			default:
				break;
			}
		}
	for (k = 0; k < r->from->n; k++) {
		const struct pp_plan_row *row = &r->from->rows[k];
		struct pp_dropped *x;

		if (!row->has_time || row_attended(pl->m, row) ||
		    !row_planned_day(pl->m, row) || row_held(pl, k))
			continue;
		c->dropped = pp_xgrowarray(c->dropped, &cap, c->ndropped + 1,
		    sizeof(*c->dropped));
		x = &c->dropped[c->ndropped++];
		x->row = row;
		x->why = row->synthesized ? "replanned" : drop_why(pl, row);
		c->changes += !row->synthesized;
	}
	c->cost = (int64_t)c->changes * c->penalty;
}

void
pp_changes_fini(struct pp_changes *c)
{
	free(c->dropped);
	memset(c, 0, sizeof(*c));
}
