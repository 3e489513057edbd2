/* SPDX-License-Identifier: ISC */
/*
 * The watch-later report, read off a plan and its model.
 */
#include <stdlib.h>

#include "pyplan/watch.h"
#include "pyplan/xalloc.h"

void
pp_watch_later(struct pp_plan *pl)
{
	const struct pp_model *m = pl->m;
	const struct pp_timetable *tt = m->tt;
	unsigned char *planned = pp_xcalloc(tt->n + 1, 1);
	int64_t raws[PP_WATCH_LATER_MAX];
	size_t i, j, k, n = 0;

	for (i = 0; i < pl->ndays; i++)
		for (j = 0; j < pl->days[i].n; j++) {
			const struct pp_event *ev = pl->days[i].items[j]->ev;

			if (ev != NULL &&
			    (k = pp_model_event_index(m, ev)) != (size_t)-1)
				planned[k] = 1;
		}
	free(pl->watch_later);
	pl->watch_later =
	    pp_xcalloc(PP_WATCH_LATER_MAX + 1, sizeof(*pl->watch_later));
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		int64_t raw = m->scores[i].raw;

		if (planned[i] || ev->recorded != PP_REC_YES ||
		    pp_kind_class(ev->kind) != PP_CLASS_TALK ||
		    m->excl[i] == PP_EXCL_SKIP ||
		    m->excl[i] == PP_EXCL_CANCELLED || m->scores[i].nmatch == 0)
			continue;
		/* Insertion into the top list: raw score desc, then time. */
		for (j = n; j > 0 && raws[j - 1] < raw; j--)
			if (j < PP_WATCH_LATER_MAX) {
				pl->watch_later[j] = pl->watch_later[j - 1];
				raws[j] = raws[j - 1];
			}
		if (j < PP_WATCH_LATER_MAX) {
			pl->watch_later[j] = ev;
			raws[j] = raw;
			if (n < PP_WATCH_LATER_MAX)
				n++;
		}
	}
	pl->nwatch = n;
	free(planned);
}
