/* SPDX-License-Identifier: ISC */
/*
 * Explanations: the score of an event and the reasons, found by re-solving
 * the model, that keep it out of the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/explain.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

#define EXPLAIN_MAX 5

static const char *
excl_reason(enum pp_excl e)
{
	switch (e) {
	case PP_EXCL_SKIP:
		return "it is in [skip] (or --skip)";
	case PP_EXCL_BUSY:
		return "it overlaps a busy block";
	case PP_EXCL_WINDOW:
		return "it lies outside the planning window (day-start, "
		       "day-end)";
	case PP_EXCL_DAY:
		return "its day is not planned (days)";
	default:
		return "";
	}
}

static int
is_planned(const struct pp_plan *pl, const struct pp_item *it)
{
	size_t d, k;

	if (pl == NULL)
		return 0;
	for (d = 0; d < pl->ndays; d++)
		for (k = 0; k < pl->days[d].n; k++)
			if (pl->days[d].items[k] == it)
				return 1;
	return 0;
}

static void
print_time(FILE *fp, const char *tz, int64_t s, int64_t e)
{
	char date[11], a[6], b[6];

	pp_tz_format_date(tz, s, date);
	pp_tz_format_hhmm(tz, s, a);
	pp_tz_format_hhmm(tz, e, b);
	fprintf(fp, "%s %s-%s", date, a, b);
}

/* What a planned plan pays for the item's time: overlapping items and
 * the day's caps. */
static void
print_blockers(FILE *fp, const struct pp_model *m, const struct pp_plan *pl,
    size_t d, const struct pp_item *it)
{
	const struct pp_plan_day *pd = &pl->days[d];
	const struct pp_profile *p = m->p;
	char buf[32];
	size_t k;
	int any = 0;

	for (k = 0; k < pd->n; k++) {
		const struct pp_item *o = pd->items[k];
		int clash = o->start < it->end && it->start < o->end;
		int gap = !clash && pp_item_room_change(o, it) &&
		    ((o->end <= it->start &&
			 it->start < o->end + m->room_change) ||
			(it->end <= o->start &&
			    o->start < it->end + m->room_change));

		if (!clash && !gap)
			continue;
		pp_score_format(o->score, buf);
		fprintf(fp, "  %s planned '%s' (", clash ? "overlaps" :
		    "is too close (room-change-minutes) to", o->title);
		print_time(fp, m->tz, o->start, o->end);
		fprintf(fp, ", score %s)\n", buf);
		any = 1;
	}
	if (it->cls == PP_CLASS_TALK) {
		if (p->max_talks >= 0 && pd->talks >= p->max_talks) {
			fprintf(fp, "  the day already has %ld talks "
				    "(max-talks-per-day=%d)\n",
			    pd->talks, p->max_talks);
			any = 1;
		}
		if (p->max_talk_minutes >= 0 &&
		    pd->talk_minutes + it->minutes > p->max_talk_minutes) {
			fprintf(fp, "  %ld more talk minutes would exceed "
				    "max-talk-minutes-per-day=%d (planned %ld)\n",
			    it->minutes, p->max_talk_minutes, pd->talk_minutes);
			any = 1;
		}
	}
	if (!any)
		fputs("  nothing overlaps it: the plan is worth more with "
		      "its time spent otherwise (caps, streak, networking)\n",
		    fp);
}

/* Re-solves with the item as must-see and reports the loss. */
static void
print_forced(FILE *fp, struct pp_model *m, const struct pp_plan *base,
    size_t d, struct pp_item *it)
{
	struct pp_diags fds;
	struct pp_plan *forced = NULL;
	char a[32], b[32], c[32];
	size_t i, k;

	pp_diags_init(&fds);
	it->must = 1;
	m->days[d].nmust++;
	if (pp_solve(m, &forced, &fds) != 0) {
		fputs("  forcing it in is infeasible:\n", fp);
		for (i = 0; i < fds.n; i++)
			fprintf(fp, "    %s\n", fds.v[i].msg);
	} else {
		pp_score_format(base->score - forced->score, a);
		pp_score_format(base->score, b);
		pp_score_format(forced->score, c);
		fprintf(fp, "  forcing it in costs %s (plan score %s -> %s)",
		    a, b, c);
		for (i = 0, k = 0; i < base->days[d].n; i++)
			if (!is_planned(forced, base->days[d].items[i]))
				fprintf(fp, "%s'%s'", k++ ? ", " : "; it drops ",
				    base->days[d].items[i]->title);
		fputc('\n', fp);
	}
	pp_plan_free(forced);
	m->days[d].nmust--;
	it->must = 0;
	pp_diags_fini(&fds);
}

static void
explain_one(FILE *fp, struct pp_model *m, const struct pp_plan *base,
    size_t ei)
{
	const struct pp_event *ev = &m->tt->ev[ei];
	const struct pp_score *s = &m->scores[ei];
	struct pp_item *it = NULL;
	char buf[32], raw[32];
	size_t d, k, di = 0, i;

	fprintf(fp, "%s (id %s)\n  ", ev->title, ev->id);
	print_time(fp, m->tz, ev->start, ev->end);
	fprintf(fp, ", %s, %s%s%s\n", pp_kind_name(ev->kind),
	    pp_kind_class(ev->kind) == PP_CLASS_TALK ? "talk load" :
	    "networking", *ev->room ? ", " : "", ev->room);
	pp_score_format(s->value, buf);
	pp_score_format(s->raw, raw);
	fprintf(fp, "  score %s", buf);
	if (s->raw != s->value)
		fprintf(fp, " (%s before recorded-weight)", raw);
	fprintf(fp, ": %s\n", *s->reason ? s->reason : "no interest or "
	    "speaker matched");
	if (m->excl[ei] != PP_EXCL_NONE) {
		fprintf(fp, "  not a candidate: %s\n", excl_reason(m->excl[ei]));
		for (i = 0; m->excl[ei] == PP_EXCL_BUSY && i < m->nbusy; i++)
			if (m->busy[i].start < ev->end &&
			    ev->start < m->busy[i].end)
				fprintf(fp, "  busy: '%s'\n", m->busy[i].label);
		return;
	}
	for (d = 0; d < m->ndays && it == NULL; d++)
		for (k = 0; k < m->days[d].n; k++)
			if (m->days[d].items[k].ev == ev) {
				it = &m->days[d].items[k];
				di = d;
				break;
			}
	if (it == NULL)
		return;
	if (base == NULL) {
		fputs("  no plan exists for this programme and profile\n", fp);
		return;
	}
	if (is_planned(base, it)) {
		fprintf(fp, "  planned on %s%s\n", m->days[di].date,
		    it->must ? " (must-see)" : "");
		return;
	}
	fprintf(fp, "  not planned on %s:\n", m->days[di].date);
	print_blockers(fp, m, base, di, it);
	print_forced(fp, m, base, di, it);
}

int
pp_explain(FILE *fp, struct pp_model *m, const char *ref,
    struct pp_diags *ds)
{
	size_t idx[EXPLAIN_MAX], n, i;
	struct pp_plan *base = NULL;
	struct pp_diags sds;

	n = pp_model_find(m->tt, ref, idx, EXPLAIN_MAX);
	if (n == 0) {
		pp_diag_err(ds, NULL, 0, "no event matches '%s'", ref);
		return 1;
	}
	pp_diags_init(&sds);
	if (pp_solve(m, &base, &sds) != 0) {
		fputs("No plan meets the hard constraints:\n", fp);
		for (i = 0; i < sds.n; i++)
			fprintf(fp, "  %s\n", sds.v[i].msg);
		fputc('\n', fp);
	}
	pp_diags_fini(&sds);
	for (i = 0; i < n && i < EXPLAIN_MAX; i++) {
		if (i > 0)
			fputc('\n', fp);
		explain_one(fp, m, base, idx[i]);
	}
	if (n > EXPLAIN_MAX)
		fprintf(fp, "\n(%zu events match '%s'; use an id)\n", n, ref);
	pp_plan_free(base);
	return ferror(fp) ? -1 : 0;
}
