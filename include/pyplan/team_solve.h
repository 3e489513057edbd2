/* SPDX-License-Identifier: ISC */
/*
 * The joint model of a team and its exact solver.  Every member keeps the
 * whole single-person model (model.h: caps, networking, lunch, busy
 * blocks, must-see, skip), written by lp.c as it is; the team adds:
 *
 *   booth     one binary b<j>_<s> per member j who staffs the booth and
 *             shift s the member can take (a day the member plans, inside
 *             the planning window, no busy block, no must-see in it):
 *             sum_j b_s = staff for every shift (every moment of the
 *             hours is covered); a shift excludes every item of the
 *             member that overlaps it, widened by the room-change time for
 *             items in other rooms; its minutes count towards the day's
 *             networking minimum (row net<d>) but do not end a run of
 *             talks (max-consecutive-talks holds without it); its value
 *             is 0 (booth duty is a duty; total booth time is fixed);
 *   cap       the booth minutes of each member <= max-minutes-per-member;
 *   fairness  for the booth staff, Bmin <= B_j <= Bmax and Bmax - Bmin <=
 *             max-spread (default: one shift);
 *   cover     one binary z<c> per cover talk, z_c <= sum_j x_j(c), worth
 *             the cover weight: a talk counts once however many attend it,
 *             each attendee still earning their own interest;
 *   together  every member who plans the day of a together event attends
 *             it (its x fixed to 1).
 *
 * The joint programme is solved with GLPK's branch and cut (glp_intopt)
 * within a time limit, stopping as soon as the incumbent is proven within
 * the model's gap; when the gap or the limit stops it, the best plan found
 * is returned with the proven upper bound.  A greedy plan (a rota, then each
 * member alone) is the fallback when the search has found none as good.
 */
#ifndef PYPLAN_TEAM_SOLVE_H
#define PYPLAN_TEAM_SOLVE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/model.h"
#include "pyplan/solve.h"
#include "pyplan/team.h"

/* One booth shift: [start, end) in UTC on the conference day date. */
struct pp_team_shift {
	int64_t start, end;
	char date[11];
	size_t *avail; /* members who can take it (owned) */
	size_t navail;
};

struct pp_team_model {
	const struct pp_team *t;       /* borrowed */
	const struct pp_timetable *tt; /* borrowed */
	struct pp_model **m;           /* borrowed: one per member */
	const char *tz;                /* zone of the booth hours (borrowed) */
	struct pp_team_shift *shifts;
	size_t nshifts;
	size_t *cover; /* timetable indices of the cover talks, in order */
	size_t ncover;
	int64_t cover_units; /* score units per covered talk */
	size_t *together;    /* timetable indices of together events */
	size_t ntogether;
	double gap; /* the solver stops when the proven relative gap,
	               (bound - score) / bound, is at most this (0: it
	               proves the optimum; the CLI's default is 0.01) */
};

/*
 * Why member j of t (whose model is m[j]) cannot staff the booth over
 * [start, end): "booth = no", "does not plan that day", "outside the
 * member's day-start and day-end", "busy: LABEL" or "must-see 'TITLE'"
 * (written into buf[size] when it names something); NULL when the
 * member can.  The shifts' availability is made by this one rule.
 */
const char *
pp_team_unavailable(const struct pp_team *t, struct pp_model *const *m,
    size_t j, int64_t start, int64_t end, char *buf, size_t size);

/*
 * Builds the team model from t, the timetable and one model per member
 * (m[j] for t->members[j], built by pp_model_build).  tz is the zone of
 * the booth hours (the planning zone).  A [cover] title or a together
 * reference that names no event is an error (returns -1).  A shift with
 * fewer available members than the staffing, or a together event a
 * member who plans its day cannot attend, is an error naming the time,
 * the shift and the members available: returns 1 (*out is set).
 * Otherwise returns 0.
 */
int pp_team_model_build(const struct pp_team *t, const struct pp_timetable *tt,
    struct pp_model **m, const char *tz, struct pp_team_model **out,
    struct pp_diags *ds);
/* Frees the team model (not the member models); no-op on NULL. */
void pp_team_model_free(struct pp_team_model *tm);

/*
 * Writes the joint programme in CPLEX LP format: member j's variables
 * carry the prefix m<j>_ (m0_x1_4 is lp.c's x1_4 of member 0).  Returns 0,
 * or -1 (error in ds).
 */
int
pp_team_write_lp(FILE *fp, const struct pp_team_model *tm, struct pp_diags *ds);

/* A planned shift: who staffs it. */
struct pp_team_rota {
	const struct pp_team_shift *s; /* borrowed from the team model */
	size_t *who;                   /* member indices (owned) */
	size_t n;
};

struct pp_team_plan {
	const struct pp_team_model *tm; /* borrowed */
	const char *room;       /* the booth's room (borrowed from the team) */
	struct pp_plan **plans; /* one per member (owned); booth shifts are
	                           items of src PP_ITEM_BOOTH */
	struct pp_item **booth; /* per member: its booth items (owned) */
	long *booth_minutes;    /* per member */
	struct pp_team_rota *rota; /* one per shift */
	size_t **cover_who;        /* per cover talk: attending members */
	size_t *cover_n;
	size_t ncovered;
	int64_t score; /* members' scores + cover bonus */
	int64_t bound; /* proven upper bound (== score when optimal) */
	int bounded;   /* 0: the time limit came before any bound (bound is
	                  then the score and means nothing) */
	int optimal;
	double seconds; /* wall time of the solve */
};

/*
 * Solves tm within time_limit seconds.  Returns 0 and sets *out when a
 * plan was found (optimal, or with the bound at the limit); 1 when the
 * team's rules cannot all hold, or no plan was found in time, with an
 * error in ds.
 */
int pp_team_solve(const struct pp_team_model *tm, double time_limit,
    struct pp_team_plan **out, struct pp_diags *ds);
#define PP_TEAM_NONE ((size_t)-1)

/* What explain changes in the joint model: a cover talk that must be
 * covered (an index into tm->cover), and a member kept off a shift. */
struct pp_team_force {
	size_t cover;         /* PP_TEAM_NONE = none */
	size_t shift, member; /* shift PP_TEAM_NONE = none */
};

/*
 * Same, with f's changes (f may be NULL).  With f, rules that cannot all
 * hold return 1 without an error (the caller explains why); a cover talk
 * no member can attend is such a case.
 */
int pp_team_solve_forced(const struct pp_team_model *tm, double time_limit,
    const struct pp_team_force *f, struct pp_team_plan **out,
    struct pp_diags *ds);

/* Frees a team plan; no-op on NULL. */
void pp_team_plan_free(struct pp_team_plan *tp);

#endif
