/* SPDX-License-Identifier: ISC */
/*
 * The CPLEX LP writer.  Each constraint family mirrors one rule of the
 * solver (src/solve.c) and says why it is exact.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/lp.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* Writes " + c x<d>_<k>" terms, wrapping long lines. */
struct row {
	FILE *fp;
	int terms;
};

static void
term(struct row *r, long long coef, const char *var, size_t d, size_t k)
{
	if (r->terms > 0 && r->terms % 8 == 0)
		fputs("\n   ", r->fp);
	fprintf(r->fp, " %c %lld %s%zu_%zu", coef < 0 ? '-' : '+',
	    coef < 0 ? -coef : coef, var, d, k);
	r->terms++;
}

static void
row_begin(struct row *r, FILE *fp, const char *name, size_t d, size_t n)
{
	r->fp = fp;
	r->terms = 0;
	fprintf(fp, " %s%zu_%zu:", name, d, n);
}

/* The streak's time points of a day: the distinct starts and ends of its
 * talks and counting networking blocks, in order (caller frees). */
static int64_t *
streak_points(const struct pp_model_day *day, size_t *np)
{
	int64_t *pts = pp_xcalloc(2 * day->n + 1, sizeof(*pts));
	size_t i, n = 0;

	for (i = 0; i < day->n; i++) {
		const struct pp_item *it = &day->items[i];

		if (it->cls == PP_CLASS_TALK || it->counts) {
			pts[n++] = it->start;
			pts[n++] = it->end;
		}
	}
	*np = pp_instants_sort(pts, n);
	return pts;
}

/* No overlaps: the items running at each start time form a clique of the
 * interval graph, and these cliques cover every overlap. */
static void
overlap_rows(FILE *fp, const struct pp_model_day *day, size_t d)
{
	const struct pp_item *it = day->items;
	size_t n = day->n, i, j, cnt = 0;
	unsigned char *prev = pp_xcalloc(n + 1, 1), *cur = pp_xcalloc(n + 1, 1);
	int have_prev = 0;
	struct row r;

	for (i = 0; i < n; i++) {
		size_t members = 0;

		if (i > 0 && it[i].start == it[i - 1].start)
			continue;
		for (j = 0; j < n; j++) {
			cur[j] = it[j].start <= it[i].start &&
			    it[i].start < it[j].end;
			members += cur[j];
		}
		if (members < 2 || (have_prev && memcmp(prev, cur, n) == 0))
			continue;
		row_begin(&r, fp, "ov", d, cnt++);
		for (j = 0; j < n; j++)
			if (cur[j])
				term(&r, 1, "x", d, j);
		fputs(" <= 1\n", fp);
		memcpy(prev, cur, n);
		have_prev = 1;
	}
	free(prev);
	free(cur);
}

/* Room change between consecutive items with rooms: i then j closer than
 * the room-change time in rooms that share nothing is allowed only when a
 * planned item with rooms lies between them (then they are not
 * consecutive); items without rooms (hallway, free lunch) do not count. */
static void
room_rows(FILE *fp, const struct pp_model *m, const struct pp_model_day *day,
    size_t d)
{
	const struct pp_item *it = day->items;
	size_t n = day->n, i, j, k, cnt = 0;
	struct row r;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			if (it[j].start < it[i].end ||
			    it[j].start >= it[i].end + m->room_change ||
			    !pp_item_room_change(&it[i], &it[j]))
				continue;
			row_begin(&r, fp, "rc", d, cnt++);
			term(&r, 1, "x", d, i);
			term(&r, 1, "x", d, j);
			for (k = 0; k < n; k++)
				if (it[k].nrooms > 0 &&
				    it[k].start >= it[i].end &&
				    it[k].end <= it[j].start)
					term(&r, -1, "x", d, k);
			fputs(" <= 1\n", fp);
		}
}

/* Per-day caps on talk load, where they bind. */
static void
cap_rows(FILE *fp, const struct pp_model_day *day, size_t d)
{
	const struct pp_day_rules *rules = &day->rules;
	const struct pp_item *it = day->items;
	size_t i;
	struct row r;

	if (rules->max_talks != PP_RULE_OFF) {
		row_begin(&r, fp, "talks", d, 0);
		for (i = 0; i < day->n; i++)
			if (it[i].cls == PP_CLASS_TALK)
				term(&r, 1, "x", d, i);
		fprintf(fp, "%s <= %u\n", r.terms ? "" : " 0 x0_0",
		    rules->max_talks);
	}
	if (rules->max_talk_minutes != PP_RULE_OFF) {
		row_begin(&r, fp, "tmin", d, 0);
		for (i = 0; i < day->n; i++)
			if (it[i].cls == PP_CLASS_TALK)
				term(&r, it[i].minutes, "x", d, i);
		fprintf(fp, "%s <= %u\n", r.terms ? "" : " 0 x0_0",
		    rules->max_talk_minutes);
	}
}

/*
 * Hallway runs: touching hallway segments planned together are one run,
 * which counts as networking (its minutes, the end of a streak) only when
 * it lasts min-networking-block minutes; a shorter run is free time, worth
 * its value only.  Every stretch of touching segments shorter than that
 * gets a binary h<d>_<n>, which rows run<d>_<n> force to 1 when exactly
 * that stretch is a run (all of it planned, the segments on either side,
 * when there are any, not): x_first + ... + x_last - x_before - x_after -
 * h <= last - first.  The networking row takes such a run's minutes back
 * (- minutes h) and the streak rows its reset (- M h).  An h set to 1 when
 * not forced only makes those rows harder, so every optimum of the LP has
 * a plan whose short runs are exactly the h at 1.
 */
struct stretch {
	size_t first, last; /* segments, linked by next */
	long minutes;
};

/* The day's stretches of touching hallway segments shorter than the
 * block, in order of first segment (caller frees). */
static struct stretch *
short_stretches(const struct pp_model_day *day, size_t *n)
{
	const struct pp_item *it = day->items;
	struct stretch *v = NULL;
	size_t cap = 0, i, j;

	*n = 0;
	for (i = 0; i < day->n; i++) {
		long mins = 0;

		if (it[i].src != PP_ITEM_HALLWAY)
			continue;
		for (j = i; j != PP_ITEM_NONE; j = it[j].next) {
			mins += it[j].minutes;
			if (mins >= (long)day->rules.min_run)
				break;
			v = pp_xgrowarray(v, &cap, *n + 1, sizeof(*v));
			v[*n].first = i;
			v[*n].last = j;
			v[(*n)++].minutes = mins;
		}
	}
	return v;
}

/* 1 if segment k lies in stretch st. */
static int
in_stretch(const struct pp_model_day *day, const struct stretch *st, size_t k)
{
	size_t j;

	for (j = st->first; j != PP_ITEM_NONE; j = day->items[j].next) {
		if (j == k)
			return 1;
		if (j == st->last)
			break;
	}
	return 0;
}

static void
run_rows(FILE *fp, const struct pp_model_day *day, size_t d,
    const struct stretch *sv, size_t ns)
{
	const struct pp_item *it = day->items;
	size_t n, k;
	struct row r;

	for (n = 0; n < ns; n++) {
		long len = 0;

		row_begin(&r, fp, "run", d, n);
		for (k = sv[n].first;; k = it[k].next) {
			term(&r, 1, "x", d, k);
			len++;
			if (k == sv[n].last)
				break;
		}
		if (it[sv[n].first].prev != PP_ITEM_NONE)
			term(&r, -1, "x", d, it[sv[n].first].prev);
		if (it[sv[n].last].next != PP_ITEM_NONE)
			term(&r, -1, "x", d, it[sv[n].last].next);
		term(&r, -1, "h", d, n);
		fprintf(fp, " <= %ld\n", len - 1);
	}
}

/* The networking minimum, counting blocks of the minimum length: a hallway
 * segment counts unless its run is short (- minutes h). */
static void
net_rows(FILE *fp, const struct pp_model_day *day, size_t d,
    const struct stretch *sv, size_t ns)
{
	const struct pp_item *it = day->items;
	size_t i;
	struct row r;

	if (day->rules.min_networking == 0)
		return;
	row_begin(&r, fp, "net", d, 0);
	for (i = 0; i < day->n; i++)
		if (it[i].cls == PP_CLASS_NETWORKING && it[i].counts)
			term(&r, it[i].minutes, "x", d, i);
	for (i = 0; i < ns; i++)
		term(&r, -sv[i].minutes, "h", d, i);
	fprintf(fp, "%s >= %u\n", r.terms ? "" : " 0 x0_0",
	    day->rules.min_networking);
}

/* Open spaces: at least open-spaces-per-day slots on a day where a board
 * is open (the solver counts them up to the need, exactly). */
static void
open_rows(FILE *fp, const struct pp_model_day *day, size_t d)
{
	size_t i;
	struct row r;

	if (day->rules.min_open == 0)
		return;
	row_begin(&r, fp, "open", d, 0);
	for (i = 0; i < day->n; i++)
		if (day->items[i].open)
			term(&r, 1, "x", d, i);
	fprintf(fp, "%s >= %u\n", r.terms ? "" : " 0 x0_0",
	    day->rules.min_open);
}

/* A host without a time takes exactly one of the day's board slots
 * (the solver tries each). */
static void
host_rows(FILE *fp, const struct pp_model_day *day, size_t d)
{
	size_t i;
	struct row r;

	for (i = 0; i < day->n && !day->items[i].host_any; i++)
		;
	if (i == day->n)
		return;
	row_begin(&r, fp, "hostany", d, 0);
	for (; i < day->n; i++)
		if (day->items[i].host_any)
			term(&r, 1, "x", d, i);
	fputs(" = 1\n", fp);
}

/* The expo minimum over the whole conference: expo segments (minutes /
 * [expo] slot-minutes, rounded down, per item) at least the need. */
static void
expo_rows(FILE *fp, const struct pp_model *m)
{
	size_t d, k;
	struct row r;

	if (m->expo_need == 0)
		return;
	row_begin(&r, fp, "expo", 0, 0);
	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++)
			if (m->days[d].items[k].expo > 0)
				term(&r, m->days[d].items[k].expo, "x", d, k);
	fprintf(fp, "%s >= %u\n", r.terms ? "" : " 0 x0_0", m->expo_need);
}

/* Lunch: a meal or the free block; at most one free block, never beside
 * a meal that is lunch already. */
static void
lunch_rows(FILE *fp, const struct pp_model_day *day, size_t d)
{
	const struct pp_item *it = day->items;
	size_t n = day->n, i, j, cnt = 0;
	struct row r;

	if (day->rules.lunch) {
		row_begin(&r, fp, "lunch", d, 0);
		for (i = 0; i < n; i++)
			if (it[i].lunch)
				term(&r, 1, "x", d, i);
		fprintf(fp, "%s >= 1\n", r.terms ? "" : " 0 x0_0");
	}
	for (i = 0; i < n && it[i].src != PP_ITEM_LUNCH; i++)
		;
	if (i < n) {
		row_begin(&r, fp, "free", d, 0);
		for (; i < n; i++)
			if (it[i].src == PP_ITEM_LUNCH)
				term(&r, 1, "x", d, i);
		fputs(" <= 1\n", fp);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			if (it[i].src != PP_ITEM_LUNCH || !it[j].lunch ||
			    it[j].src == PP_ITEM_LUNCH)
				continue;
			row_begin(&r, fp, "meal", d, cnt++);
			term(&r, 1, "x", d, i);
			term(&r, 1, "x", d, j);
			fputs(" <= 1\n", fp);
		}
}

/*
 * Streak, over time: s<d>_<p> is the number of talks in the current run at
 * time point p (the starts and ends of talks and counting networking
 * blocks, in order), at most N.  A planned talk from point a to point b
 * raises it: s_b >= s_a + 1 - M (1 - x).  Between two neighbouring points
 * it carries over, s_{p+1} >= s_p, unless a planned counting networking
 * block covers that stretch, which may reset it: - M x on the right.  With
 * M = N + 1 neither big-M bites when its item is not planned.  The least s
 * meeting these rows counts exactly the talks since the last counting
 * block (the solver's streak, which gaps and short blocks do not reset),
 * so a plan satisfies them iff no run is longer than N.  Linear in the
 * day's items, where a window per pair of talks grew cubically.
 */
static void
streak_rows(FILE *fp, const struct pp_model_day *day, size_t d,
    const struct stretch *sv, size_t ns)
{
	const struct pp_item *it = day->items;
	long big = (long)day->rules.max_streak + 1;
	size_t n = day->n, np, a, b, pt, i, j, cnt = 0;
	int64_t *pts;
	struct row r;

	if (day->rules.max_streak == PP_RULE_OFF)
		return;
	pts = streak_points(day, &np);
	for (i = 0; i < n; i++) {
		if (it[i].cls != PP_CLASS_TALK)
			continue;
		a = pp_instants_find(pts, np, it[i].start);
		b = pp_instants_find(pts, np, it[i].end);
		row_begin(&r, fp, "streak", d, cnt++);
		term(&r, 1, "s", d, b);
		term(&r, -1, "s", d, a);
		term(&r, -big, "x", d, i);
		fprintf(fp, " >= %ld\n", 1 - big);
	}
	for (pt = 0; pt + 1 < np; pt++) {
		row_begin(&r, fp, "streak", d, cnt++);
		term(&r, 1, "s", d, pt + 1);
		term(&r, -1, "s", d, pt);
		for (j = 0; j < n; j++) {
			size_t q;

			if (it[j].cls != PP_CLASS_NETWORKING || !it[j].counts ||
			    it[j].start > pts[pt] || it[j].end < pts[pt + 1])
				continue;
			term(&r, big, "x", d, j);
			/* A short run does not reset the streak. */
			for (q = 0; it[j].src == PP_ITEM_HALLWAY && q < ns; q++)
				if (in_stretch(day, &sv[q], j))
					term(&r, -big, "h", d, q);
		}
		fputs(" >= 0\n", fp);
	}
	free(pts);
}

static void
day_constraints(FILE *fp, const struct pp_model *m, size_t d)
{
	const struct pp_model_day *day = &m->days[d];
	size_t ns;
	struct stretch *sv = short_stretches(day, &ns);

	overlap_rows(fp, day, d);
	room_rows(fp, m, day, d);
	cap_rows(fp, day, d);
	net_rows(fp, day, d, sv, ns);
	lunch_rows(fp, day, d);
	open_rows(fp, day, d);
	host_rows(fp, day, d);
	streak_rows(fp, day, d, sv, ns);
	run_rows(fp, day, d, sv, ns);
	free(sv);
}

/* Writes s on one comment line: control characters become spaces. */
static void
comment_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, fp);
}

/*
 * The legend: one comment line per day and per variable, so that a reader
 * (or tests/oracle/run.py) can map glpsol's columns back to the programme:
 *	\ day 0 2018-05-09
 *	\ x0_3 2018-05-09 09:00-12:20 talk must 'Title' (id 53)
 *	\ h0_2 hallway run 12:15-12:25 under min-networking-block
 *	\ y0_0 criterion job
 *	\ e17_0 must-see excluded 'Title' (id 42)
 *	\ g0_0 host cannot be placed 'Title'
 * Synthesized items have the id "hallway", "lunch", "board" (an
 * open-space board slot), "host" (an open space the attendee hosts) or
 * "expo" (an expo-hall segment): pp_item_src_name.
 */
static void
legend_runs(FILE *fp, const struct pp_model *m, size_t d)
{
	const struct pp_model_day *day = &m->days[d];
	char a[8], b[8];
	size_t ns, n;
	struct stretch *sv = short_stretches(day, &ns);

	for (n = 0; n < ns; n++) {
		pp_tz_format_hhmm(m->tz, day->items[sv[n].first].start, a);
		pp_tz_format_hhmm(m->tz, day->items[sv[n].last].end, b);
		fprintf(fp,
		    "\\ h%zu_%zu hallway run %s-%s under "
		    "min-networking-block\n",
		    d, n, a, b);
	}
	free(sv);
}

static void
legend(FILE *fp, const struct pp_model *m)
{
	char a[8], b[8];
	size_t d, k, i;
	unsigned c;

	for (d = 0; d < m->ndays; d++) {
		const struct pp_model_day *day = &m->days[d];

		fprintf(fp, "\\ day %zu %s\n", d, day->date);
		for (k = 0; k < day->n; k++) {
			const struct pp_item *it = &day->items[k];

			pp_tz_format_hhmm(m->tz, it->start, a);
			pp_tz_format_hhmm(m->tz, it->end, b);
			fprintf(fp, "\\ x%zu_%zu %s %s-%s %s%s '", d, k,
			    day->date, a, b, pp_kind_name(it->kind),
			    it->must ? " must" : "");
			comment_text(fp, it->title);
			fputs("' (id ", fp);
			comment_text(fp,
			    it->ev != NULL ? it->ev->id
			                   : pp_item_src_name(it->src));
			fputs(")\n", fp);
		}
		legend_runs(fp, m, d);
	}
	if (m->crit_bonus != 0)
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (m->crit_active & (1u << c))
				fprintf(fp, "\\ y%u_0 criterion %s\n", c,
				    pp_criterion_name((enum pp_criterion)c));
	for (i = 0; i < m->tt->n; i++)
		if (pp_model_must_clash(m, i)) {
			fprintf(fp, "\\ e%zu_0 must-see excluded '", i);
			comment_text(fp, m->tt->ev[i].title);
			fputs("' (id ", fp);
			comment_text(fp, m->tt->ev[i].id);
			fputs(")\n", fp);
		}
	for (i = 0; i < m->p->nhosts; i++)
		if (m->host_clash[i]) {
			fprintf(fp, "\\ g%zu_0 host cannot be placed '", i);
			comment_text(fp, m->p->hosts[i].title);
			fputs("'\n", fp);
		}
}

int
pp_write_lp(FILE *fp, const struct pp_model *m)
{
	size_t d, k, i, nvars = 0;
	unsigned c;
	struct row r;

	fputs("\\ pyplan planning model (see man/pyplan.1, THE MODEL)\n", fp);
	legend(fp, m);
	fputs("Maximize\n obj:", fp);
	r.fp = fp;
	r.terms = 0;
	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++) {
			term(&r, m->days[d].items[k].score, "x", d, k);
			nvars++;
		}
	/* The criteria bonus, positive or negative (the solver tracks the
	 * covered criteria exactly, so a negative bonus is a penalty). */
	if (m->crit_bonus != 0)
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (m->crit_active & (1u << c))
				term(&r, m->crit_bonus, "y", c, 0);
	/* A model with no items still needs one variable to be valid LP. */
	fputs(nvars == 0 ? " + 0 x0_0\n" : "\n", fp);
	fputs("Subject To\n", fp);
	/* The LP format wants at least one row, and a model whose days have
	 * no candidates has none: a row that always holds. */
	for (d = 0; d < m->ndays && m->days[d].n == 0; d++)
		;
	if (d < m->ndays)
		fprintf(fp, " always0_0: + 1 x%zu_0 >= 0\n", d);
	else
		fputs(" always0_0: + 1 x0_0 >= 0\n", fp);
	for (d = 0; d < m->ndays; d++)
		day_constraints(fp, m, d);
	expo_rows(fp, m);
	/*
	 * Criterion c is covered (y_c = 1) exactly when a planned talk covers
	 * it: y_c <= the sum of those x always holds; y_c >= each of them
	 * matters only when the bonus is negative (otherwise the objective
	 * already pushes y_c up).
	 */
	if (m->crit_bonus != 0)
		for (c = 0; c < PP_CRIT__COUNT; c++) {
			size_t cnt = 0;

			if (!(m->crit_active & (1u << c)))
				continue;
			row_begin(&r, fp, "crit", c, 0);
			term(&r, 1, "y", c, 0);
			for (d = 0; d < m->ndays; d++)
				for (k = 0; k < m->days[d].n; k++)
					if (m->days[d].items[k].crit &
					    (1u << c))
						term(&r, -1, "x", d, k);
			fputs(" <= 0\n", fp);
			for (d = 0; d < m->ndays && m->crit_bonus < 0; d++)
				for (k = 0; k < m->days[d].n; k++) {
					if (!(m->days[d].items[k].crit &
					        (1u << c)))
						continue;
					row_begin(&r, fp, "cov", c, cnt++);
					term(&r, 1, "y", c, 0);
					term(&r, -1, "x", d, k);
					fputs(" >= 0\n", fp);
				}
		}
	/*
	 * A must-see event that is no candidate (skipped, in a busy block,
	 * outside the planning window or days) is in the model as a variable
	 * e<i> that [must] fixes to 1 and its exclusion to 0: the model is
	 * infeasible, as pyplan reports before solving.
	 */
	for (i = 0; i < m->tt->n; i++)
		if (pp_model_must_clash(m, i)) {
			row_begin(&r, fp, "excl", i, 0);
			term(&r, 1, "e", i, 0);
			fputs(" <= 0\n", fp);
		}
	/* Likewise a hosted open space that cannot be placed: g<i> must be
	 * 1 (hosted) and 0 (no board slot then). */
	for (i = 0; i < m->p->nhosts; i++)
		if (m->host_clash[i]) {
			row_begin(&r, fp, "hostx", i, 0);
			term(&r, 1, "g", i, 0);
			fputs(" <= 0\n", fp);
		}
	fputs("Bounds\n", fp);
	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++)
			if (m->days[d].items[k].must)
				fprintf(fp, " x%zu_%zu = 1\n", d, k);
	for (i = 0; i < m->tt->n; i++)
		if (pp_model_must_clash(m, i))
			fprintf(fp, " e%zu_0 = 1\n", i);
	for (i = 0; i < m->p->nhosts; i++)
		if (m->host_clash[i])
			fprintf(fp, " g%zu_0 = 1\n", i);
	/* The streak counters: continuous, 0 to the cap. */
	for (d = 0; d < m->ndays; d++) {
		size_t np;
		int64_t *pts;

		if (m->days[d].rules.max_streak == PP_RULE_OFF)
			continue;
		pts = streak_points(&m->days[d], &np);
		for (k = 0; k < np; k++)
			fprintf(fp, " 0 <= s%zu_%zu <= %u\n", d, k,
			    m->days[d].rules.max_streak);
		free(pts);
	}
	if (nvars == 0)
		fputs(" x0_0 = 0\n", fp);
	fputs("Binary\n", fp);
	r.terms = 0;
	for (d = 0; d < m->ndays; d++)
		for (k = 0; k < m->days[d].n; k++) {
			if (r.terms > 0 && r.terms % 10 == 0)
				fputs("\n", fp);
			fprintf(fp, " x%zu_%zu", d, k);
			r.terms++;
		}
	if (nvars == 0)
		fputs(" x0_0", fp);
	if (m->crit_bonus != 0)
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (m->crit_active & (1u << c))
				fprintf(fp, " y%u_0", c);
	for (i = 0; i < m->tt->n; i++)
		if (pp_model_must_clash(m, i))
			fprintf(fp, " e%zu_0", i);
	for (i = 0; i < m->p->nhosts; i++)
		if (m->host_clash[i])
			fprintf(fp, " g%zu_0", i);
	/* The short-run indicators. */
	for (d = 0; d < m->ndays; d++) {
		size_t ns;
		struct stretch *sv = short_stretches(&m->days[d], &ns);

		for (k = 0; k < ns; k++) {
			if (k % 10 == 0)
				fputs("\n", fp);
			fprintf(fp, " h%zu_%zu", d, k);
		}
		free(sv);
	}
	fputs("\nEnd\n", fp);
	return ferror(fp) ? -1 : 0;
}
