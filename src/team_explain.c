/* SPDX-License-Identifier: ISC */
/*
 * Explanations of a team plan: the booth at a time, a cover talk.  Every
 * "what if" is the joint model solved again with one change, so a cost
 * reported here is the difference of two proven optima (or of the plans
 * found within the time limit, said so).
 */
#include <stdlib.h>
#include <string.h>

#include "pyplan/ref.h"
#include "pyplan/score.h"
#include "pyplan/team_explain.h"
#include "pyplan/tz.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

static void
put_names(FILE *fp, const struct pp_team *t, const size_t *who, size_t n)
{
	size_t i;

	if (n == 0)
		fputs("nobody", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s%s", i > 0 ? ", " : "", t->members[who[i]].name);
}

/* "153.518" and, when not proven, " (not proven optimal)". */
static void
put_score(FILE *fp, const struct pp_team_plan *tp)
{
	char b[32];

	pp_score_format(tp->score, b);
	fprintf(fp, "%s%s", b, tp->optimal ? "" : " (not proven optimal)");
}

static void
put_cost(FILE *fp, const struct pp_team_plan *base,
    const struct pp_team_plan *alt)
{
	char c[32];

	pp_score_format(base->score - alt->score, c);
	fprintf(fp, "costs %s (team score ", c);
	put_score(fp, base);
	fputs(" -> ", fp);
	put_score(fp, alt);
	fputs(")", fp);
}

/* The index of the rota shift holding t, or PP_TEAM_NONE. */
static size_t
shift_at(const struct pp_team_model *tm, int64_t t)
{
	size_t s;

	for (s = 0; s < tm->nshifts; s++)
		if (tm->shifts[s].start <= t && t < tm->shifts[s].end)
			return s;
	return PP_TEAM_NONE;
}

static int
on_shift(const struct pp_team_plan *tp, size_t s, size_t j)
{
	size_t k;

	for (k = 0; k < tp->rota[s].n; k++)
		if (tp->rota[s].who[k] == j)
			return 1;
	return 0;
}

static int
explain_booth(FILE *fp, const struct pp_team_model *tm,
    const struct pp_team_plan *tp, const char *what, const char *at,
    double time_limit, struct pp_diags *ds)
{
	const struct pp_team *t = tm->t;
	char *name = pp_xstrndup(what, (size_t)(at - what));
	char iso[32], a[6], b[6];
	const struct pp_team_member *mb = pp_team_member_find(t, name);
	size_t s, j, k, i;
	int64_t when;
	int ret = 0;

	snprintf(iso, sizeof(iso), "%s", at + 1);
	if (strlen(iso) > 10 && iso[10] == ' ')
		iso[10] = 'T';
	if (mb == NULL) {
		pp_diag_err(ds, NULL, 0, "--explain: no member named '%s'",
		    name);
		free(name);
		return -1;
	}
	free(name);
	if (pp_tz_parse_iso(iso, tm->tz, &when) != 0)
		return pp_diag_err(ds, NULL, 0,
		    "--explain: '%s' is not a time (YYYY-MM-DD HH:MM)", at + 1);
	if ((s = shift_at(tm, when)) == PP_TEAM_NONE)
		return pp_diag_err(ds, NULL, 0,
		    "--explain: %s is outside the booth hours", at + 1);
	j = (size_t)(mb - t->members);
	pp_tz_format_hhmm(tm->tz, tm->shifts[s].start, a);
	pp_tz_format_hhmm(tm->tz, tm->shifts[s].end, b);
	fprintf(fp, "Booth shift %s %s-%s (%d at a time): ", tm->shifts[s].date,
	    a, b, t->staff);
	put_names(fp, t, tp->rota[s].who, tp->rota[s].n);
	fputs(".\n", fp);
	fputs("Can take it: ", fp);
	put_names(fp, t, tm->shifts[s].avail, tm->shifts[s].navail);
	fputs(".\n", fp);
	for (k = 0; k < t->nmembers; k++) {
		char buf[256];
		const char *why = pp_team_unavailable(t, tm->m, k,
		    tm->shifts[s].start, tm->shifts[s].end, buf, sizeof(buf));

		if (why != NULL)
			fprintf(fp, "Cannot: %s (%s).\n", t->members[k].name,
			    why);
	}
	if (!on_shift(tp, s, j)) {
		const struct pp_plan *pl = tp->plans[j];

		fprintf(fp, "%s is not at the booth then", mb->name);
		for (k = 0; k < pl->ndays; k++)
			for (i = 0; i < pl->days[k].n; i++) {
				const struct pp_item *it = pl->days[k].items[i];

				if (it->start <= when && when < it->end)
					fprintf(fp, ": '%s'", it->title);
			}
		fputs(".\n", fp);
		return 0;
	}
	{
		struct pp_team_force f = {PP_TEAM_NONE, s, j};
		struct pp_team_plan *alt = NULL;

		if (pp_team_solve_forced(tm, time_limit, &f, &alt, ds) != 0) {
			if (ds->nerrors > 0)
				return -1;
			fprintf(fp,
			    "Without %s on this shift no rota holds (staffing, "
			    "cap, spread and everyone's own rules).\n",
			    mb->name);
			return 0;
		}
		fprintf(fp, "Without %s on this shift the team's best plan ",
		    mb->name);
		put_cost(fp, tp, alt);
		fputs("; the shift would be ", fp);
		put_names(fp, t, alt->rota[s].who, alt->rota[s].n);
		fputs(".\n", fp);
		pp_team_plan_free(alt);
	}
	return ret;
}

static int
explain_cover(FILE *fp, const struct pp_team_model *tm,
    const struct pp_team_plan *tp, const char *what, double time_limit,
    struct pp_diags *ds)
{
	const struct pp_team *t = tm->t;
	const struct pp_timetable *tt = tm->tt;
	size_t *idx = pp_xcalloc(tt->n + 1, sizeof(*idx));
	size_t n = pp_ref_find(tt, what, idx, tt->n, NULL), c = PP_TEAM_NONE;
	size_t i, k, j;
	const struct pp_event *ev;
	char date[11], hm[6];

	for (i = 0; i < n && c == PP_TEAM_NONE; i++)
		for (k = 0; k < tm->ncover; k++)
			if (tm->cover[k] == idx[i])
				c = k;
	free(idx);
	if (n == 0)
		return pp_diag_err(ds, NULL, 0,
		    "--explain: '%s' matches no event and is no NAME@TIME",
		    what);
	if (c == PP_TEAM_NONE)
		return pp_diag_err(ds, NULL, 0,
		    "--explain: '%s' is not a cover talk (the team file's "
		    "[cover] topics and titles)",
		    what);
	ev = &tt->ev[tm->cover[c]];
	pp_tz_format_date(tm->tz, ev->start, date);
	pp_tz_format_hhmm(tm->tz, ev->start, hm);
	fprintf(fp, "'%s' (%s %s) is a cover talk, worth ", ev->title, date,
	    hm);
	{
		char w[32];

		pp_score_format(tm->cover_units, w);
		fprintf(fp, "%s to the team once covered.\n", w);
	}
	if (tp->cover_n[c] > 0) {
		fputs("Covered by ", fp);
		put_names(fp, t, tp->cover_who[c], tp->cover_n[c]);
		fputs(".\n", fp);
		return 0;
	}
	fputs("Not covered: nobody attends it", fp);
	if (*pp_event_link(ev) != '\0')
		fprintf(fp, "; watch later: %s", pp_event_link(ev));
	fputs(".\n", fp);
	for (j = 0; j < t->nmembers; j++) {
		enum pp_excl e = tm->m[j]->excl[tm->cover[c]];

		if (e != PP_EXCL_NONE)
			fprintf(fp, "%s cannot: it %s.\n", t->members[j].name,
			    e == PP_EXCL_DAY
			        ? "is on a day the member does not "
			          "plan"
			        : pp_excl_text(e));
	}
	{
		struct pp_team_force f = {c, PP_TEAM_NONE, 0};
		struct pp_team_plan *alt = NULL;

		if (pp_team_solve_forced(tm, time_limit, &f, &alt, ds) != 0) {
			if (ds->nerrors > 0)
				return -1;
			fputs("Covering it is impossible: no team plan has a "
			      "member in it.\n",
			    fp);
			return 0;
		}
		fputs("Covering it ", fp);
		put_cost(fp, tp, alt);
		fputs(": ", fp);
		put_names(fp, t, alt->cover_who[c], alt->cover_n[c]);
		fputs(" would go.\n", fp);
		pp_team_plan_free(alt);
	}
	return 0;
}

int
pp_team_explain(FILE *fp, const struct pp_team_model *tm,
    const struct pp_team_plan *tp, const char *what, double time_limit,
    struct pp_diags *ds)
{
	const char *at = strchr(what, '@');

	if (at != NULL)
		return explain_booth(fp, tm, tp, what, at, time_limit, ds);
	return explain_cover(fp, tm, tp, what, time_limit, ds);
}
