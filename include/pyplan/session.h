/* SPDX-License-Identifier: ISC */
/*
 * One attendee's planning once the programme is loaded and the profile's
 * settings are all applied: what `build`, `explain` and `batch` do alike
 * (weekdays in [plan] days turned into the programme's dates, the busy
 * calendars read, the model built), so that a plan of `batch` is the plan
 * `build` makes for the same profile.
 */
#ifndef PYPLAN_SESSION_H
#define PYPLAN_SESSION_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"

struct pp_session {
	struct pp_busy_block *busy; /* the busy calendars' blocks */
	size_t nbusy;
	struct pp_model *m; /* NULL when it could not be built */
};

enum pp_session_status {
	PP_SESSION_OK,         /* the model is built */
	PP_SESSION_INFEASIBLE, /* built, but its hard constraints clash (the
	                          errors say which); m is set, for explain */
	PP_SESSION_BAD,        /* bad data: a day or reference of the profile
	                          that the programme does not have, a bad busy
	                          calendar */
	PP_SESSION_NOINPUT     /* a busy calendar cannot be read */
};

/*
 * Fills s (zeroed by the call) for the profile p over the programme tt:
 * resolves the weekdays of p's days against the programme's dates in the
 * planning zone (pp_profile_resolve_days, which is why p is not const),
 * reads p's busy calendars (pp_busy_load_profile; lenient as for the
 * programme) and builds the model (pp_model_build_words with w, the
 * programme's words, or pp_model_build when w is NULL).  Problems go to
 * ds.  tt, w and p are borrowed and must outlive s.  Release with
 * pp_session_close whatever the status.
 */
enum pp_session_status pp_session_open(struct pp_session *s,
    const struct pp_timetable *tt, struct pp_ttwords *w, struct pp_profile *p,
    int lenient, struct pp_diags *ds);
/* Same, replanning from rp (pp_model_build_replan; NULL: not), which is
 * borrowed and must outlive s. */
enum pp_session_status pp_session_open_replan(struct pp_session *s,
    const struct pp_timetable *tt, struct pp_ttwords *w, struct pp_profile *p,
    int lenient, const struct pp_replan *rp, struct pp_diags *ds);
/* Frees the model and the busy blocks; s may be opened again. */
void pp_session_close(struct pp_session *s);

/*
 * The programme's distinct dates, sorted, as a heap array the caller
 * frees (*out; the count is returned): of each event's start in zone tz,
 * or in the event's own zone when own_zone is set (as `list` shows them).
 */
size_t pp_programme_dates(const struct pp_timetable *tt, const char *tz,
    int own_zone, char (**out)[11]);

#endif
