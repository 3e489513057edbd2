/* SPDX-License-Identifier: ISC */
/*
 * Turns the rows of an edited plan into must-see and skip references by
 * event id (pins.h has the rules).
 */
#include <string.h>

#include "pyplan/pins.h"
#include "pyplan/ref.h"

const struct pp_event *
pp_pins_event(const struct pp_timetable *tt, const struct pp_plan_row *row)
{
	size_t i, idx[2], n;
	enum pp_ref_rule rule;

	if (row->synthesized)
		return NULL;
	if (*row->id != '\0')
		for (i = 0; i < tt->n; i++)
			if (strcmp(tt->ev[i].id, row->id) == 0)
				return &tt->ev[i];
	if (*row->title == '\0')
		return NULL;
	n = pp_ref_find(tt, row->title, idx, 2, &rule);
	if (n == 1 && rule == PP_REF_TITLE)
		return &tt->ev[idx[0]];
	return NULL;
}

/* 1 if some row of pf names ev. */
static int
in_file(const struct pp_plan_file *pf, const struct pp_timetable *tt,
    const struct pp_event *ev)
{
	size_t i;

	for (i = 0; i < pf->n; i++)
		if (pp_pins_event(tt, &pf->rows[i]) == ev)
			return 1;
	return 0;
}

int
pp_pins_apply(struct pp_profile *p, const struct pp_timetable *tt,
    const struct pp_plan_file *pf, const struct pp_plan *baseline,
    struct pp_diags *ds)
{
	size_t i, j, nerr = ds->nerrors;

	for (i = 0; i < pf->n; i++) {
		const struct pp_plan_row *row = &pf->rows[i];
		const struct pp_event *ev;
		const char *what = *row->title ? row->title : row->id;

		if (row->synthesized)
			continue;
		if ((ev = pp_pins_event(tt, row)) == NULL) {
			if (row->pin == PP_PIN_KEEP)
				pp_diag_warn(ds, pf->path, row->line,
				    "pinned '%s' is no longer in the "
				    "programme: left out",
				    what);
			continue;
		}
		if (row->pin == PP_PIN_DROP)
			pp_profile_set(p, "skip", "id", ev->id, pf->path,
			    row->line, ds);
		else if (ev->status == PP_STATUS_CANCELLED)
			pp_diag_warn(ds, pf->path, row->line,
			    "pinned '%s' is cancelled: left out", ev->title);
		else
			pp_profile_set(p, "must", "id", ev->id, pf->path,
			    row->line, ds);
	}
	for (i = 0; baseline != NULL && i < baseline->ndays; i++)
		for (j = 0; j < baseline->days[i].n; j++) {
			const struct pp_item *it = baseline->days[i].items[j];

			if (it->src != PP_ITEM_EVENT || it->ev == NULL ||
			    in_file(pf, tt, it->ev))
				continue;
			pp_diag_add(ds, PP_NOTE, pf->path, 0, 0,
			    "'%s' is not in the edited plan: skipped",
			    it->ev->title);
			pp_profile_set(p, "skip", "id", it->ev->id, pf->path, 0,
			    ds);
		}
	return ds->nerrors > nerr ? -1 : 0;
}
