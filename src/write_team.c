/* SPDX-License-Identifier: ISC */
/*
 * The team plan writers: the grid of each day (time by member), the booth
 * rota, the coverage table and the members' plans (text), and the team
 * JSON document.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pyplan/score.h"
#include "pyplan/term.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write_team.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"
#include "write_json_int.h"

#define COLW 18 /* display columns of a member's grid column */

/* The sorted distinct dates of the members' plans (caller frees). */
static size_t
team_dates(const struct pp_team_plan *tp, char (**out)[11])
{
	char(*v)[11] = NULL;
	size_t n = 0, cap = 0, j, d, i;
	const struct pp_team *t = tp->tm->t;

	for (j = 0; j < t->nmembers; j++)
		for (d = 0; d < tp->plans[j]->ndays; d++) {
			const char *date = tp->plans[j]->days[d].md->date;

			for (i = 0; i < n && strcmp(v[i], date) != 0; i++)
				;
			if (i < n)
				continue;
			v = pp_xgrowarray(v, &cap, n + 1, sizeof(*v));
			memcpy(v[n++], date, 11);
		}
	for (i = 1; i < n; i++) /* insertion sort: a handful of dates */
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			char tmp[11];

			memcpy(tmp, v[j], 11);
			memcpy(v[j], v[j - 1], 11);
			memcpy(v[j - 1], tmp, 11);
		}
	*out = v;
	return n;
}

/* Member j's plan day on date, or NULL. */
static const struct pp_plan_day *
member_day(const struct pp_team_plan *tp, size_t j, const char *date)
{
	size_t d;

	for (d = 0; d < tp->plans[j]->ndays; d++)
		if (strcmp(tp->plans[j]->days[d].md->date, date) == 0)
			return &tp->plans[j]->days[d];
	return NULL;
}

/* What a grid cell says about item it. */
static const char *
cell_label(const struct pp_item *it)
{
	switch (it->src) {
	case PP_ITEM_BOOTH:
		return "BOOTH";
	case PP_ITEM_HALLWAY:
		return "hallway";
	case PP_ITEM_LUNCH:
		return "lunch";
	case PP_ITEM_EVENT:
	default:
		return it->title;
	}
}

/* Writes s sanitised, cut or padded to exactly w display columns; w == 0:
 * cut to a grid column, not padded. */
static void
put_cell(FILE *fp, const char *s, size_t w)
{
	char *c = pp_term_clean(s, 0);
	size_t width;

	if (w == 0) { /* the last column: cut, not padded, no blank at the
		         end of the line */
		size_t n = pp_utf8_prefix(c, COLW - 1);

		while (n > 0 && c[n - 1] == ' ')
			n--;
		c[n] = '\0';
		fputs(c, fp);
		free(c);
		return;
	}
	c[pp_utf8_prefix(c, w)] = '\0';
	width = pp_utf8_width(c);
	fputs(c, fp);
	for (; width < w; width++)
		fputc(' ', fp);
	free(c);
}

/* The grid of members [j0, j1) on date: a row per stretch of time in
 * which none of their items starts or ends. */
static void
grid_block(FILE *fp, const struct pp_team_plan *tp, const char *date, size_t j0,
    size_t j1)
{
	const struct pp_team *t = tp->tm->t;
	const char *tz = tp->tm->tz;
	int64_t *pts = NULL;
	size_t np = 0, cap = 0, j, i, k;

	for (j = j0; j < j1; j++) {
		const struct pp_plan_day *pd = member_day(tp, j, date);

		for (i = 0; pd != NULL && i < pd->n; i++) {
			pts = pp_xgrowarray(pts, &cap, np + 2, sizeof(*pts));
			pts[np++] = pd->items[i]->start;
			pts[np++] = pd->items[i]->end;
		}
	}
	np = pp_instants_sort(pts, np);
	fputs("  time         ", fp);
	for (j = j0; j < j1; j++) {
		put_cell(fp, t->members[j].name, j + 1 < j1 ? COLW - 1 : 0);
		fputc(j + 1 < j1 ? ' ' : '\n', fp);
	}
	for (k = 0; k + 1 < np; k++) {
		const struct pp_item *cell[PP_TEAM_MAX_MEMBERS];
		size_t last;
		char a[6], b[6];
		int any = 0;

		for (j = j0; j < j1; j++) {
			const struct pp_plan_day *pd = member_day(tp, j, date);

			cell[j] = NULL;
			for (i = 0; pd != NULL && i < pd->n; i++)
				if (pd->items[i]->start <= pts[k] &&
				    pts[k] < pd->items[i]->end)
					cell[j] = pd->items[i];
			any |= cell[j] != NULL;
		}
		if (!any)
			continue;
		pp_tz_format_hhmm(tz, pts[k], a);
		pp_tz_format_hhmm(tz, pts[k + 1], b);
		fprintf(fp, "  %s-%s  ", a, b);
		/* The last busy member's cell is not padded: no blanks at
		 * the end of a line. */
		for (last = j1; cell[last - 1] == NULL; last--)
			;
		for (j = j0; j < last; j++) {
			put_cell(fp, cell[j] != NULL ? cell_label(cell[j]) : "",
			    j + 1 < last ? COLW - 1 : 0);
			if (j + 1 < last)
				fputc(' ', fp);
		}
		fputc('\n', fp);
	}
	free(pts);
}

/* The grid of the day, a column per member; with a width (a terminal),
 * the members in groups that fit it, one grid each. */
static void
grid(FILE *fp, const struct pp_team_plan *tp, const char *date, size_t width)
{
	size_t n = tp->tm->t->nmembers, per = n, j;

	/* "  HH:MM-HH:MM  " is 15 columns, a member's column COLW with the
	 * blank after it (the last one's blank is not written). */
	if (width > 0)
		per = width >= 15 + COLW - 1 ? (width - 15 + 1) / COLW : 1;
	for (j = 0; j < n; j += per) {
		if (j > 0)
			fputc('\n', fp);
		grid_block(fp, tp, date, j, j + per < n ? j + per : n);
	}
}

/* Writes the names of the n members in who, separated by ", ". */
static void
names(FILE *fp, const struct pp_team *t, const size_t *who, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(", ", fp);
		pp_term_fputs(t->members[who[i]].name, fp, 0);
	}
}

static void
rota(FILE *fp, const struct pp_team_plan *tp, const char *date)
{
	const struct pp_team_model *tm = tp->tm;
	size_t s;
	int any = 0;

	for (s = 0; s < tm->nshifts; s++) {
		char a[6], b[6];

		if (strcmp(tm->shifts[s].date, date) != 0)
			continue;
		if (!any)
			fprintf(fp, "\n  Booth rota (%s, %d at a time)\n",
			    tm->t->room, tm->t->staff);
		any = 1;
		pp_tz_format_hhmm(tm->tz, tm->shifts[s].start, a);
		pp_tz_format_hhmm(tm->tz, tm->shifts[s].end, b);
		fprintf(fp, "  %s-%s  ", a, b);
		names(fp, tm->t, tp->rota[s].who, tp->rota[s].n);
		fputc('\n', fp);
	}
}

static void
coverage(FILE *fp, const struct pp_team_plan *tp)
{
	const struct pp_team_model *tm = tp->tm;
	size_t c;

	if (tm->ncover == 0)
		return;
	fprintf(fp, "\nCoverage: %zu of %zu cover talks attended\n",
	    tp->ncovered, tm->ncover);
	for (c = 0; c < tm->ncover; c++) {
		const struct pp_event *ev = &tm->tt->ev[tm->cover[c]];
		char date[11], hm[6];

		pp_tz_format_date(tm->tz, ev->start, date);
		pp_tz_format_hhmm(tm->tz, ev->start, hm);
		fprintf(fp, "  %s %s  ", date, hm);
		put_cell(fp, ev->title, 40);
		fputs("  ", fp);
		if (tp->cover_n[c] > 0)
			names(fp, tm->t, tp->cover_who[c], tp->cover_n[c]);
		else {
			const char *link = pp_event_link(ev);

			fputs("watch later", fp);
			if (*link != '\0') {
				fputs(": ", fp);
				pp_term_fputs(link, fp, 0);
			}
		}
		fputc('\n', fp);
	}
}

/* The gap between the bound and the score, in percent of the bound. */
static double
gap_percent(const struct pp_team_plan *tp)
{
	double b = fabs((double)tp->bound);

	if (tp->optimal || tp->bound <= tp->score)
		return 0;
	return 100.0 * (double)(tp->bound - tp->score) / (b > 1 ? b : 1);
}

int
pp_write_team_text(FILE *fp, const struct pp_team_plan *tp,
    const struct pp_write_opts *o)
{
	const struct pp_team *t = tp->tm->t;
	char(*dates)[11];
	char sc[32], bd[32];
	size_t nd = team_dates(tp, &dates), d, j;

	pp_score_format(tp->score, sc);
	fputs("Team ", fp);
	pp_term_fputs(*t->name != '\0' ? t->name : t->path, fp, 0);
	fprintf(fp, ": %zu members, score %s", t->nmembers, sc);
	if (tp->optimal)
		fputs(" (optimal)\n", fp);
	else if (!tp->bounded)
		fputs(" (not proven optimal: no bound within the time limit)\n",
		    fp);
	else {
		pp_score_format(tp->bound, bd);
		fprintf(fp, " (proven gap %.2f%%, bound %s)\n", gap_percent(tp),
		    bd);
	}
	for (d = 0; d < nd; d++) {
		fprintf(fp, "\n%s %s\n", pp_weekday_name(dates[d]), dates[d]);
		grid(fp, tp, dates[d], o != NULL ? o->width : 0);
		rota(fp, tp, dates[d]);
	}
	free(dates);
	coverage(fp, tp);
	for (j = 0; j < t->nmembers; j++) {
		pp_score_format(tp->plans[j]->score, sc);
		fputs("\n== ", fp);
		pp_term_fputs(t->members[j].name, fp, 0);
		fprintf(fp, " (score %s, booth %ld minutes) ==\n\n", sc,
		    tp->booth_minutes[j]);
		if (pp_write_text(fp, tp->plans[j], o) != 0)
			return -1;
	}
	fflush(fp);
	return ferror(fp) ? -1 : 0;
}

/* 1 if member j can take some shift (the fairness rule's staff). */
static int
eligible(const struct pp_team_model *tm, size_t j)
{
	size_t s, k;

	for (s = 0; s < tm->nshifts; s++)
		for (k = 0; k < tm->shifts[s].navail; k++)
			if (tm->shifts[s].avail[k] == j)
				return 1;
	return 0;
}

static json_t *
name_array(const struct pp_team *t, const size_t *who, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a,
		    pp_json_string(t->members[who[i]].name));
	return a;
}

int
pp_write_team_json(FILE *fp, const struct pp_team_plan *tp)
{
	const struct pp_team_model *tm = tp->tm;
	const struct pp_team *t = tm->t;
	json_t *root, *a, *o;
	size_t j, s, c;
	double secs;

	root = json_object();
	json_object_set_new(root, "schema_version",
	    json_integer(PP_TEAM_JSON_SCHEMA_VERSION));
	json_object_set_new(root, "team", pp_json_string(t->name));
	json_object_set_new(root, "score", pp_json_score(tp->score));
	json_object_set_new(root, "optimal", json_boolean(tp->optimal));
	json_object_set_new(root, "bound",
	    tp->bounded ? pp_json_score(tp->bound) : json_null());
	json_object_set_new(root, "gap",
	    tp->bounded ? json_real(gap_percent(tp) / 100.0) : json_null());
	a = json_array();
	for (j = 0; j < t->nmembers; j++) {
		o = json_object();
		json_object_set_new(o, "name",
		    pp_json_string(t->members[j].name));
		json_object_set_new(o, "booth",
		    json_boolean(t->members[j].booth));
		json_object_set_new(o, "booth_minutes",
		    json_integer(tp->booth_minutes[j]));
		json_object_set_new(o, "booth_eligible",
		    json_boolean(eligible(tm, j)));
		/* score, days and the rest as build -f json writes them */
		pp_json_plan_parts(tp->plans[j], o);
		json_array_append_new(a, o);
	}
	json_object_set_new(root, "members", a);
	a = json_array();
	for (s = 0; s < tm->nshifts; s++) {
		o = json_object();
		json_object_set_new(o, "start",
		    pp_json_iso(tm->tz, tm->shifts[s].start));
		json_object_set_new(o, "end",
		    pp_json_iso(tm->tz, tm->shifts[s].end));
		json_object_set_new(o, "members",
		    name_array(t, tp->rota[s].who, tp->rota[s].n));
		json_array_append_new(a, o);
	}
	json_object_set_new(root, "booth", a);
	a = json_array();
	for (c = 0; c < tm->ncover; c++) {
		const struct pp_event *ev = &tm->tt->ev[tm->cover[c]];

		o = json_object();
		json_object_set_new(o, "id", pp_json_string(ev->id));
		json_object_set_new(o, "title", pp_json_string(ev->title));
		json_object_set_new(o, "start", pp_json_iso(tm->tz, ev->start));
		json_object_set_new(o, "end", pp_json_iso(tm->tz, ev->end));
		json_object_set_new(o, "members",
		    name_array(t, tp->cover_who[c], tp->cover_n[c]));
		json_object_set_new(o, "video_url",
		    ev->video_url != NULL ? pp_json_string(ev->video_url)
		                          : json_null());
		json_array_append_new(a, o);
	}
	json_object_set_new(root, "cover", a);
	json_object_set_new(root, "cover_weight",
	    pp_json_score(tm->cover_units));
	o = json_object();
	a = json_array();
	for (s = 0; s < t->nhours; s++) {
		json_t *h = json_object();
		char from[32], to[32];

		snprintf(from, sizeof(from), "%02d:%02d", t->hours[s].from / 60,
		    t->hours[s].from % 60);
		snprintf(to, sizeof(to), "%02d:%02d", t->hours[s].to / 60,
		    t->hours[s].to % 60);
		json_object_set_new(h, "date",
		    pp_json_string(t->hours[s].date));
		json_object_set_new(h, "from", pp_json_string(from));
		json_object_set_new(h, "to", pp_json_string(to));
		json_array_append_new(a, h);
	}
	json_object_set_new(o, "hours", a);
	json_object_set_new(o, "timezone", pp_json_string(tm->tz));
	json_object_set_new(o, "staff", json_integer(t->staff));
	json_object_set_new(o, "shift_minutes", json_integer(t->shift_minutes));
	json_object_set_new(o, "max_minutes_per_member",
	    t->max_minutes == PP_UNLIMITED ? json_null()
	                                   : json_integer(t->max_minutes));
	json_object_set_new(o, "max_spread", json_integer(t->max_spread));
	json_object_set_new(o, "room", pp_json_string(t->room));
	json_object_set_new(root, "booth_rules", o);
	o = json_object();
	/* Wall time varies from run to run; golden files set
	 * SOURCE_DATE_EPOCH to get a fixed 0. */
	secs = getenv("SOURCE_DATE_EPOCH") != NULL
	    ? 0.0
	    : round(tp->seconds * 1e6) / 1e6;
	json_object_set_new(o, "seconds", json_real(secs));
	json_object_set_new(root, "solver", o);
	return pp_json_dump(fp, root);
}
