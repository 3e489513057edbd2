/* SPDX-License-Identifier: ISC */
/*
 * Explanations: the score of an event and the reasons, found by re-solving
 * the model, that keep it out of the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/explain.h"
#include "pyplan/ref.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

#define EXPLAIN_MAX 5
#define TERMS_MAX 32

/* 1 if a and b are the same planned item: the same event, or the same
 * synthesized block (plans merge hallway segments into blocks they own). */
static int
same_item(const struct pp_item *a, const struct pp_item *b)
{
	if (a->ev != NULL || b->ev != NULL)
		return a->ev == b->ev;
	return a->src == b->src && a->start == b->start && a->end == b->end;
}

static int
is_planned(const struct pp_plan *pl, const struct pp_item *it)
{
	size_t d, k;

	if (pl == NULL)
		return 0;
	for (d = 0; d < pl->ndays; d++)
		for (k = 0; k < pl->days[d].n; k++)
			if (same_item(pl->days[d].items[k], it))
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

/* Minutes between two instants. */
static long
mins(int64_t a, int64_t b)
{
	return (long)((b - a) / 60);
}

/* "3 min after", or "as" for no gap at all. */
static const char *
gap_text(long m, const char *dir, char *buf)
{
	if (m == 0)
		return "as";
	snprintf(buf, 32, "%ld min %s", m, dir);
	return buf;
}

/* Prints the items of one plan day that the other plan lacks, as
 * "'Title' HH:MM", after lead. */
static void
print_diff(FILE *fp, const struct pp_model *m, const struct pp_plan_day *pd,
    const struct pp_plan *other, const struct pp_item *skip, const char *lead)
{
	char t[8];
	size_t i, k = 0;

	for (i = 0; i < pd->n; i++) {
		const struct pp_item *o = pd->items[i];

		if ((skip != NULL && same_item(o, skip)) ||
		    is_planned(other, o))
			continue;
		pp_tz_format_hhmm(m->tz, o->start, t);
		fprintf(fp, "%s'%s' %s", k++ ? ", " : lead, o->title, t);
	}
	if (k > 0)
		fputc('\n', fp);
}

/* 1 if o is in the plan's day and overlaps it. */
static int
overlaps(const struct pp_item *o, const struct pp_item *it)
{
	return o->start < it->end && it->start < o->end;
}

/*
 * The venue rules an item would break with the planned items it overlaps
 * gone: the day's open-space slots (open-spaces-per-day) and the expo
 * segments over the conference (min-expo-minutes).  Returns 1 if one
 * does.
 */
static int
print_venue_blockers(FILE *fp, const struct pp_model *m,
    const struct pp_plan *pl, size_t d, const struct pp_item *it)
{
	const struct pp_plan_day *pd = &pl->days[d];
	long open = it->open, expo = 0, lost = 0;
	size_t i, k;
	int any = 0;

	for (i = 0; i < pl->ndays; i++)
		for (k = 0; k < pl->days[i].n; k++)
			expo += pl->days[i].items[k]->expo;
	for (k = 0; k < pd->n; k++) {
		const struct pp_item *o = pd->items[k];

		if (overlaps(o, it)) {
			lost += o->open;
			expo -= o->expo;
		} else
			open += o->open;
	}
	expo += it->expo;
	if (lost > 0 && open < (long)pd->md->rules.min_open) {
		fprintf(fp,
		    "    the open spaces it displaces would leave %ld of "
		    "open-spaces-per-day=%d\n",
		    open, m->p->open_spaces);
		any = 1;
	}
	if (m->expo_need > 0 && expo < (long)m->expo_need) {
		fprintf(fp,
		    "    the expo visits it displaces would leave %ld of %u "
		    "expo segments (min-expo-minutes=%d)\n",
		    expo, m->expo_need, m->p->min_expo);
		any = 1;
	}
	return any;
}

/*
 * What keeps the item out of the plan, read off the plan's day: planned
 * items it overlaps (their time is taken), planned items too close in
 * another room, and the caps it would break together with the planned
 * items it does not overlap (those it overlaps would have to go anyway).
 */
static void
print_blockers(FILE *fp, const struct pp_model *m, const struct pp_plan *pl,
    size_t d, const struct pp_item *it)
{
	const struct pp_plan_day *pd = &pl->days[d];
	const struct pp_rules *p = &m->rules;
	const struct pp_day_rules *r = &pd->md->rules;
	char buf[32], a[8], b[8], gap[32];
	long talks = 0, tmin = 0, net = 0, before = 0, after = 0;
	size_t k;
	int any = 0, stop;

	for (k = 0; k < pd->n; k++) {
		const struct pp_item *o = pd->items[k];

		pp_tz_format_hhmm(m->tz, o->start, a);
		pp_tz_format_hhmm(m->tz, o->end, b);
		pp_score_format(o->score, buf);
		if (overlaps(o, it)) {
			fprintf(fp,
			    "    overlaps planned '%s' (%s-%s, score "
			    "%s%s%s)\n",
			    o->title, a, b, buf, o->must ? ", must-see" : "",
			    o->lunch ? ", lunch"
			        : o->cls == PP_CLASS_NETWORKING && o->counts
			        ? ", networking"
			        : "");
			any = 1;
			continue;
		}
		if (o->cls == PP_CLASS_TALK) {
			talks++;
			tmin += o->minutes;
		} else if (o->counts)
			net += o->minutes;
		if (!pp_item_room_change(o, it))
			continue;
		if (o->end <= it->start &&
		    it->start < o->end + m->room_change) {
			fprintf(fp,
			    "    starts %s planned '%s' (%s-%s, %s) ends, "
			    "in another room (room-change-minutes=%d)\n",
			    gap_text(mins(o->end, it->start), "after", gap),
			    o->title, a, b, o->room, p->room_change);
			any = 1;
		} else if (it->end <= o->start &&
		    o->start < it->end + m->room_change) {
			fprintf(fp,
			    "    ends %s planned '%s' (%s-%s, %s) "
			    "starts, in another room "
			    "(room-change-minutes=%d)\n",
			    gap_text(mins(it->end, o->start), "before", gap),
			    o->title, a, b, o->room, p->room_change);
			any = 1;
		}
	}
	/* The run of talks it would join: planned talks right before and
	 * after it with no counting networking block between. */
	for (k = 0, stop = 0; k < pd->n; k++) {
		const struct pp_item *o = pd->items[k];

		if (overlaps(o, it))
			continue;
		if (o->end <= it->start) {
			if (o->cls == PP_CLASS_TALK)
				before++;
			else if (o->counts)
				before = 0;
		} else if (!stop) {
			if (o->cls == PP_CLASS_TALK)
				after++;
			else if (o->counts)
				stop = 1;
		}
	}
	if (it->cls == PP_CLASS_TALK) {
		if (r->max_talks != PP_RULE_OFF &&
		    talks + 1 > (long)r->max_talks) {
			fprintf(fp,
			    "    the day has %ld other planned talks "
			    "(max-talks-per-day=%d)\n",
			    talks, p->max_talks);
			any = 1;
		}
		if (r->max_talk_minutes != PP_RULE_OFF &&
		    tmin + it->minutes > (long)r->max_talk_minutes) {
			fprintf(fp,
			    "    its %ld minutes and the %ld of the other "
			    "planned talks exceed "
			    "max-talk-minutes-per-day=%d\n",
			    it->minutes, tmin, p->max_talk_minutes);
			any = 1;
		}
		if (r->max_streak != PP_RULE_OFF &&
		    before + 1 + after > (long)r->max_streak) {
			fprintf(fp,
			    "    it would make %ld talks in a row "
			    "(max-consecutive-talks=%d)\n",
			    before + 1 + after, p->max_streak);
			any = 1;
		}
	}
	if (it->counts)
		net += it->minutes;
	if (r->min_networking > 0 && net < pd->networking_minutes &&
	    net < (long)r->min_networking) {
		fprintf(fp,
		    "    the networking it displaces would leave %ld "
		    "of min-networking-minutes=%d\n",
		    net, p->min_networking);
		any = 1;
	}
	any |= print_venue_blockers(fp, m, pl, d, it);
	if (!any)
		fputs("    nothing in the plan blocks it directly: the plan is "
		      "worth more with its time spent otherwise\n",
		    fp);
}

/*
 * The score term by term (pp_score_breakdown), per hour, with the
 * event's minutes, the recorded-talk factor, the fill term and the
 * criteria the event covers:
 *	score 0.5 = 2/hour x 30 min x recorded-weight 0.5 (recorded):
 *	  +0      talk-base
 *	  +2      interest: packaging x2, relevance 1 (title)
 *	  covers criteria: job (criteria-bonus 3 each, once per plan)
 */
static void
print_score(FILE *fp, const struct pp_model *m, const struct pp_event *ev,
    const struct pp_score *s)
{
	struct pp_scorer *sc = pp_scorer_new(m->p);
	struct pp_score chk;
	struct pp_score_term t[TERMS_MAX];
	struct pp_score_match scratch[TERMS_MAX];
	char v[32], rate[32], w[32], text[256];
	size_t n, i;
	unsigned c, crit;
	int shown = 0;

	pp_scorer_set_roles(sc, m->tt, m->role);
	n = pp_score_breakdown(sc, ev, &chk, t, scratch, TERMS_MAX);
	pp_scorer_free(sc);
	pp_score_format(s->value, v);
	pp_score_format(s->rate, rate);
	fprintf(fp, "  score %s = %s/hour \xc3\x97 %ld min", v, rate,
	    pp_event_minutes(ev));
	if (ev->recorded == PP_REC_YES &&
	    pp_kind_class(ev->kind) == PP_CLASS_TALK) {
		pp_score_format(pp_score_units(m->p->recorded_weight), w);
		fprintf(fp, " \xc3\x97 recorded-weight %s (recorded)", w);
	}
	if (s->fill != 0) {
		pp_score_format(s->fill, w);
		fprintf(fp, " + %s (fill-with-talks)", w);
	}
	fputs(":\n", fp);
	for (i = 0; i < n && i < TERMS_MAX; i++) {
		char u[40], num[32];

		pp_score_format(t[i].units, num);
		snprintf(u, sizeof(u), "%s%s", t[i].units >= 0 ? "+" : "", num);
		pp_score_term_text(&t[i], text, sizeof(text));
		fprintf(fp, "    %-8s%s\n", u, text);
	}
	if (n > TERMS_MAX)
		fprintf(fp, "    ... %zu more terms\n", n - TERMS_MAX);
	crit = pp_kind_class(ev->kind) == PP_CLASS_TALK
	    ? s->crit & m->crit_active
	    : 0;
	if (crit != 0 && m->crit_bonus != 0) {
		fputs("    covers criteria: ", fp);
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (crit & (1u << c))
				fprintf(fp, "%s%s", shown++ ? ", " : "",
				    pp_criterion_name((enum pp_criterion)c));
		pp_score_format(m->crit_bonus, w);
		fprintf(fp, " (criteria-bonus %s each, once per plan)\n", w);
	}
}

/* Re-solves with the item forced in and reports the loss. */
static void
print_forced(FILE *fp, const struct pp_model *m, const struct pp_plan *base,
    size_t d, const struct pp_item *it)
{
	struct pp_diags fds;
	struct pp_plan *forced = NULL;
	char a[32], b[32], c[32];
	size_t i;

	pp_diags_init(&fds);
	if (pp_solve_forced(m, it, &forced, &fds) != 0) {
		fputs("  forcing it in is infeasible:\n", fp);
		for (i = 0; i < fds.n; i++)
			fprintf(fp, "    %s\n", fds.v[i].msg);
	} else {
		pp_score_format(base->score - forced->score, a);
		pp_score_format(base->score, b);
		pp_score_format(forced->score, c);
		if (base->score == forced->score)
			fprintf(fp,
			    "  forcing it in costs nothing: another "
			    "plan with the same score %s has it\n",
			    b);
		else
			fprintf(fp,
			    "  forcing it in costs %s (plan score %s -> "
			    "%s)\n",
			    a, b, c);
		/* What changes on its day (other days may change too, for
		 * the criteria bonus). */
		print_diff(fp, m, &base->days[d], forced, NULL,
		    "    it drops ");
		print_diff(fp, m, &forced->days[d], base, it, "    and adds ");
	}
	pp_plan_free(forced);
	pp_diags_fini(&fds);
}

static void
explain_one(FILE *fp, const struct pp_model *m, const struct pp_plan *base,
    size_t ei)
{
	const struct pp_event *ev = &m->tt->ev[ei];
	const struct pp_score *s = &m->scores[ei];
	const struct pp_item *it;
	size_t k, di = 0, i;

	fprintf(fp, "%s (id %s)\n  ", ev->title, ev->id);
	print_time(fp, m->tz, ev->start, ev->end);
	fprintf(fp, ", %s, %s%s%s\n", pp_kind_name(ev->kind),
	    pp_kind_class(ev->kind) == PP_CLASS_TALK       ? "talk load"
	        : pp_kind_class(ev->kind) == PP_CLASS_INFO ? "notice"
	                                                   : "networking",
	    *ev->room ? ", " : "", ev->room);
	print_score(fp, m, ev, s);
	if (m->excl[ei] != PP_EXCL_NONE) {
		fprintf(fp, "  not a candidate: it %s\n",
		    pp_excl_text(m->excl[ei]));
		for (i = 0; m->excl[ei] == PP_EXCL_BUSY && i < m->nbusy; i++)
			if (m->busy[i].start < ev->end &&
			    ev->start < m->busy[i].end) {
				fprintf(fp, "  busy block '%s' (",
				    m->busy[i].label);
				print_time(fp, m->tz, m->busy[i].start,
				    m->busy[i].end);
				fputs(")\n", fp);
			}
		return;
	}
	if (pp_model_event_item(m, ev, &di, &k) != 0)
		return;
	it = &m->days[di].items[k];
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
pp_explain(FILE *fp, const struct pp_model *m, const char *ref,
    struct pp_diags *ds)
{
	size_t idx[EXPLAIN_MAX], n, i;
	struct pp_plan *base = NULL;
	struct pp_diags sds;

	n = pp_ref_find(m->tt, ref, idx, EXPLAIN_MAX, NULL);
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
