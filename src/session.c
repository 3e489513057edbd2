/* SPDX-License-Identifier: ISC */
/*
 * One attendee's planning between the loaded programme and the solver,
 * shared by build, explain and batch.
 */
#include <stdlib.h>
#include <string.h>

#include "pyplan/busy.h"
#include "pyplan/session.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

static int
cmp_date(const void *a, const void *b)
{
	return strcmp(a, b);
}

size_t
pp_programme_dates(const struct pp_timetable *tt, const char *tz, int own_zone,
    char (**out)[11])
{
	char(*d)[11] = pp_xcalloc(tt->n + 1, sizeof(*d));
	size_t i, j, n = 0;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		pp_tz_format_date(own_zone && *ev->tz != '\0' ? ev->tz : tz,
		    ev->start, d[n]);
		for (j = 0; j < n && strcmp(d[j], d[n]) != 0; j++)
			;
		if (j == n)
			n++;
	}
	if (n > 1)
		qsort(d, n, sizeof(*d), cmp_date);
	*out = d;
	return n;
}

enum pp_session_status
pp_session_open(struct pp_session *s, const struct pp_timetable *tt,
    struct pp_ttwords *w, struct pp_profile *p, int lenient,
    struct pp_diags *ds)
{
	return pp_session_open_replan(s, tt, w, p, lenient, NULL, ds);
}

enum pp_session_status
pp_session_open_replan(struct pp_session *s, const struct pp_timetable *tt,
    struct pp_ttwords *w, struct pp_profile *p, int lenient,
    const struct pp_replan *rp, struct pp_diags *ds)
{
	struct pp_ttwords *own = NULL;
	int io = 0, r;

	memset(s, 0, sizeof(*s));
	if (p->ndays > 0) {
		char(*dates)[11];
		size_t n = pp_programme_dates(tt,
		    pp_model_zone(tt, p->tz, NULL), 0, &dates);

		r = pp_profile_resolve_days(p, (const char(*)[11])dates, n, ds);
		free(dates);
		if (r != 0)
			return PP_SESSION_BAD;
	}
	/* Floating times of a busy file are in the planning zone. */
	if (pp_busy_load_profile(p, tt, pp_model_zone(tt, p->tz, NULL), lenient,
	        &s->busy, &s->nbusy, ds, &io) != 0)
		return io ? PP_SESSION_NOINPUT : PP_SESSION_BAD;
	if (w == NULL)
		w = own = pp_ttwords_new(tt);
	r = pp_model_build_replan(tt, w, p, s->busy, s->nbusy, rp, &s->m, ds);
	pp_ttwords_free(own);
	return r == 0 ? PP_SESSION_OK
	    : r == 1  ? PP_SESSION_INFEASIBLE
	              : PP_SESSION_BAD;
}

void
pp_session_close(struct pp_session *s)
{
	pp_model_free(s->m);
	pp_busy_free(s->busy, s->nbusy);
	memset(s, 0, sizeof(*s));
}
