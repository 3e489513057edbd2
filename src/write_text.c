/* SPDX-License-Identifier: ISC */
/*
 * The text writer (SPEC §5): a header, one block per day with aligned
 * columns, a summary against the caps and the watch-later list.
 *
 * Kind markers: "●" talk load (talk, keynote, tutorial, ...), "◆" a
 * networking event of the programme (open space, expo, meal, break, ...),
 * "○" a block pyplan synthesized (hallway track, free lunch).  Widths count
 * code points; long titles, speakers and rooms end in "…".  With colour on,
 * headings are bold, networking lines dim and must-see lines yellow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/score.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

/* Widest a column may grow before its text is cut with "…". */
#define TITLE_MAX 42
#define SPEAKERS_MAX 22
#define ROOM_MAX 25 /* "Global Center Ballroom AB" */
#define WATCH_MAX 64

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_MUST "\033[33m"
#define SGR_RESET "\033[0m"

#define MARK_TALK "\xe2\x97\x8f"       /* U+25CF BLACK CIRCLE */
#define MARK_NETWORKING "\xe2\x97\x86" /* U+25C6 BLACK DIAMOND */
#define MARK_SYNTH "\xe2\x97\x8b"      /* U+25CB WHITE CIRCLE */
#define SEP " \xc2\xb7 "               /* " · " */

/*
 * An output line under construction.  Padding is owed rather than written,
 * and paid only before more visible text, so that lines never end in
 * blanks whichever columns are empty.
 */
struct out {
	FILE *fp;
	int color;
	const char *sgr; /* escape of the current line, NULL = none */
	size_t pend;     /* spaces owed before the next visible text */
};

static void
line_begin(struct out *o, const char *sgr)
{
	o->pend = 0;
	o->sgr = o->color ? sgr : NULL;
	if (o->sgr != NULL)
		fputs(o->sgr, o->fp);
}

static void
line_end(struct out *o)
{
	if (o->sgr != NULL)
		fputs(SGR_RESET, o->fp);
	fputc('\n', o->fp);
	o->sgr = NULL;
	o->pend = 0;
}

static void
pad(struct out *o, size_t n)
{
	o->pend += n;
}

/*
 * Writes s, cut to maxw code points with a trailing "…" when longer (maxw 0:
 * no limit), and returns the width written.  Control characters become
 * spaces: a newline in a title must not break the layout, nor an escape
 * in the programme reach the terminal.
 */
static size_t
cell(struct out *o, const char *s, size_t maxw)
{
	size_t w, n, i;
	int cut;

	if (s == NULL || *s == '\0')
		return 0;
	w = pp_utf8_width(s);
	cut = maxw > 0 && w > maxw;
	n = cut ? pp_utf8_prefix(s, maxw - 1) : strlen(s);
	for (; o->pend > 0; o->pend--)
		fputc(' ', o->fp);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		fputc(c < 0x20 || c == 0x7f ? ' ' : c, o->fp);
	}
	if (cut)
		fputs("\xe2\x80\xa6", o->fp); /* U+2026 HORIZONTAL ELLIPSIS */
	return cut ? maxw : w;
}

/* A left-aligned column of width w followed by gap spaces. */
static void
col(struct out *o, const char *s, size_t w, size_t gap)
{
	size_t got = cell(o, s, w);

	pad(o, (got < w ? w - got : 0) + gap);
}

/* Width of a decimal number's integer part and of its "." and fraction. */
struct decw {
	size_t ip, fp;
};

static void
dec_measure(const char *s, struct decw *w)
{
	size_t ip = strcspn(s, "."), fp = strlen(s) - ip;

	w->ip = ip > w->ip ? ip : w->ip;
	w->fp = fp > w->fp ? fp : w->fp;
}

/* A number aligned on its decimal point in a column measured with
 * dec_measure, followed by gap spaces. */
static void
dcol(struct out *o, const char *s, const struct decw *w, size_t gap)
{
	size_t ip = strcspn(s, "."), fp = strlen(s) - ip;

	pad(o, w->ip - ip);
	cell(o, s, 0);
	pad(o, w->fp - fp + gap);
}

static void
heading(struct out *o, const char *s)
{
	line_begin(o, SGR_BOLD);
	cell(o, s, 0);
	line_end(o);
}

static size_t
min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* "n/cap", with "-" for a cap that is off (negative or, for a minimum, 0). */
static void
fmt_cap(char *buf, size_t size, long n, int cap, int zero_is_off)
{
	if (cap < 0 || (zero_is_off && cap == 0))
		snprintf(buf, size, "%ld/-", n);
	else
		snprintf(buf, size, "%ld/%d", n, cap);
}

/* Column widths of the item lines, the same for every day. */
struct widths {
	size_t title, speakers, room;
};

static void
measure_items(const struct pp_plan *pl, struct widths *w)
{
	size_t d, i;

	memset(w, 0, sizeof(*w));
	for (d = 0; d < pl->ndays; d++) {
		const struct pp_plan_day *pd = &pl->days[d];

		for (i = 0; i < pd->n; i++) {
			const struct pp_item *it = pd->items[i];
			char *sp = pp_event_speakers(it->ev, ", ");
			size_t tw = pp_utf8_width(it->title);
			size_t sw = pp_utf8_width(sp);
			size_t rw = pp_utf8_width(it->room);

			w->title = tw > w->title ? tw : w->title;
			w->speakers = sw > w->speakers ? sw : w->speakers;
			w->room = rw > w->room ? rw : w->room;
			free(sp);
		}
	}
	w->title = min_size(w->title, TITLE_MAX);
	w->speakers = min_size(w->speakers, SPEAKERS_MAX);
	w->room = min_size(w->room, ROOM_MAX);
}

static void
write_item(struct out *o, const struct pp_item *it, const char *zone,
    const struct widths *w)
{
	char range[PP_TIME_RANGE_SIZE];
	char *sp = pp_event_speakers(it->ev, ", ");
	char *why = pp_item_reason(it);
	const char *mark, *sgr = NULL;

	if (it->src != PP_ITEM_EVENT)
		mark = MARK_SYNTH;
	else if (it->cls == PP_CLASS_NETWORKING)
		mark = MARK_NETWORKING;
	else
		mark = MARK_TALK;
	if (it->must)
		sgr = SGR_MUST;
	else if (it->src != PP_ITEM_EVENT || it->cls == PP_CLASS_NETWORKING)
		sgr = SGR_DIM;

	pp_item_time_range(it, zone, range);
	line_begin(o, sgr);
	pad(o, 2);
	col(o, range, 0, 2);
	col(o, mark, 0, 1);
	col(o, it->title, w->title, 2);
	if (w->speakers > 0)
		col(o, sp, w->speakers, 2);
	if (w->room > 0)
		col(o, it->room, w->room, 2);
	cell(o, why, 0);
	line_end(o);
	free(sp);
	free(why);
}

static void
write_day(struct out *o, const struct pp_plan *pl, const struct pp_plan_day *pd,
    const char *zone, const struct widths *w)
{
	const struct pp_rules *p = &pl->m->rules;
	char head[64], talks[32], tmin[32], net[32], score[32], tot[192];
	size_t i;

	snprintf(head, sizeof(head), "%s %s", pp_weekday_name(pd->md->date),
	    pd->md->date);
	heading(o, head[0] == ' ' ? head + 1 : head);
	for (i = 0; i < pd->n; i++)
		write_item(o, pd->items[i], zone, w);
	if (pd->n == 0) {
		line_begin(o, SGR_DIM);
		pad(o, 2);
		cell(o, "nothing planned", 0);
		line_end(o);
	}
	fmt_cap(talks, sizeof(talks), pd->talks, p->max_talks, 0);
	fmt_cap(tmin, sizeof(tmin), pd->talk_minutes, p->max_talk_minutes, 0);
	fmt_cap(net, sizeof(net), pd->networking_minutes, p->min_networking, 1);
	pp_score_format(pd->score, score);
	snprintf(tot, sizeof(tot),
	    "talks %s" SEP "talk minutes %s" SEP "networking %s min" SEP
	    "score %s",
	    talks, tmin, net, score);
	line_begin(o, NULL);
	pad(o, 2);
	cell(o, tot, 0);
	line_end(o);
}

enum { C_DAY, C_TALKS, C_TMIN, C_NET, C_SCORE, C__COUNT };

struct row {
	char c[C__COUNT][32];
};

/* The busy blocks the plan kept free, with how many programme events each
 * one kept out. */
static void
write_busy(struct out *o, const struct pp_plan *pl)
{
	const struct pp_model *m = pl->m;
	const char *zone = m->tz;
	size_t b, n;
	char date[11], from[6], to[6], *line;

	for (b = 0; b < m->nbusy; b++) {
		const struct pp_model_busy *bb = &m->busy[b];

		/* Only the blocks on the days planned. */
		if (bb->day == PP_MODEL_NO_DAY)
			continue;
		n = bb->excluded;
		pp_tz_format_date(zone, bb->start, date);
		pp_tz_format_hhmm(zone, bb->start, from);
		pp_tz_format_hhmm(zone, bb->end, to);
		if (strcmp(from, "00:00") == 0 && strcmp(to, "00:00") == 0 &&
		    bb->end - bb->start >= 86400)
			snprintf(from, sizeof(from), "all");
		line = pp_xasprintf("busy %s %s%s%s  %s  (kept free; %zu "
		                    "event%s left out)",
		    date, from,
		    strcmp(from, "all") == 0 ? " day" : "\xe2\x80\x93",
		    strcmp(from, "all") == 0 ? "" : to, bb->label, n,
		    n == 1 ? "" : "s");
		line_begin(o, SGR_DIM);
		pad(o, 2);
		cell(o, line, 0);
		line_end(o);
		free(line);
	}
}

static void
write_summary(struct out *o, const struct pp_plan *pl)
{
	static const char *const names[C__COUNT] = {"day", "talks", "talk min",
	    "networking", "score"};
	const struct pp_model *m = pl->m;
	const struct pp_rules *p = &m->rules;
	struct row *rows = pp_xcalloc(pl->ndays + 1, sizeof(*rows));
	size_t w[C__COUNT], d, c, ncrit = 0, ncov = 0;
	struct decw sw = {0, 0};
	char score[32], crit[128] = "";

	for (c = 0; c < C__COUNT; c++)
		snprintf(rows[0].c[c], sizeof(rows[0].c[c]), "%s", names[c]);
	for (d = 0; d < pl->ndays; d++) {
		const struct pp_plan_day *pd = &pl->days[d];
		struct row *r = &rows[d + 1];

		snprintf(r->c[C_DAY], sizeof(r->c[C_DAY]), "%s", pd->md->date);
		fmt_cap(r->c[C_TALKS], sizeof(r->c[C_TALKS]), pd->talks,
		    p->max_talks, 0);
		fmt_cap(r->c[C_TMIN], sizeof(r->c[C_TMIN]), pd->talk_minutes,
		    p->max_talk_minutes, 0);
		fmt_cap(r->c[C_NET], sizeof(r->c[C_NET]),
		    pd->networking_minutes, p->min_networking, 1);
		pp_score_format(pd->score, r->c[C_SCORE]);
	}
	for (c = 0; c < C__COUNT; c++) {
		w[c] = 0;
		for (d = 0; d <= pl->ndays; d++)
			if (pp_utf8_width(rows[d].c[c]) > w[c])
				w[c] = pp_utf8_width(rows[d].c[c]);
	}
	for (d = 1; d <= pl->ndays; d++)
		dec_measure(rows[d].c[C_SCORE], &sw);

	heading(o, "Summary");
	for (d = 0; d <= pl->ndays; d++) {
		line_begin(o, NULL);
		pad(o, 2);
		for (c = 0; c < C__COUNT; c++) {
			if (c == C_SCORE && d > 0)
				dcol(o, rows[d].c[c], &sw, 0);
			else
				col(o, rows[d].c[c], w[c], 3);
		}
		line_end(o);
	}
	free(rows);

	pp_score_format(pl->score, score);
	line_begin(o, NULL);
	pad(o, 2);
	cell(o, "total score ", 0);
	cell(o, score, 0);
	cell(o, pl->optimal ? " (optimal)" : " (not proven optimal)", 0);
	for (c = 0; c < PP_CRIT__COUNT; c++) {
		if (!(m->crit_active & (1u << c)))
			continue;
		ncrit++;
		if (!(pl->crit_covered & (1u << c)))
			continue;
		if (ncov++ > 0)
			strncat(crit, ", ", sizeof(crit) - strlen(crit) - 1);
		strncat(crit, pp_criterion_name((enum pp_criterion)c),
		    sizeof(crit) - strlen(crit) - 1);
	}
	if (ncrit > 0) {
		char frac[48];

		snprintf(frac, sizeof(frac), " (%zu/%zu)", ncov, ncrit);
		cell(o, SEP "criteria covered: ", 0);
		cell(o, ncov > 0 ? crit : "none", 0);
		cell(o, frac, 0);
	}
	line_end(o);
	write_busy(o, pl);
}

static void
write_watch_later(struct out *o, const struct pp_plan *pl)
{
	char(*scores)[32] = pp_xcalloc(pl->nwatch, sizeof(*scores));
	char **what = pp_xcalloc(pl->nwatch, sizeof(*what));
	struct decw ws = {0, 0};
	size_t i, ww = 0;

	for (i = 0; i < pl->nwatch; i++) {
		const struct pp_event *ev = pl->watch_later[i];
		char *sp = pp_event_speakers(ev, ", ");

		pp_score_format(pp_plan_event_score(pl, ev), scores[i]);
		what[i] = *sp != '\0'
		    ? pp_xasprintf("%s \xe2\x80\x94 %s", ev->title, sp)
		    : pp_xstrdup(ev->title);
		free(sp);
		dec_measure(scores[i], &ws);
		if (pp_utf8_width(what[i]) > ww)
			ww = pp_utf8_width(what[i]);
	}
	ww = min_size(ww, WATCH_MAX);

	heading(o, "Watch later (recorded, not planned)");
	for (i = 0; i < pl->nwatch; i++) {
		line_begin(o, NULL);
		pad(o, 2);
		dcol(o, scores[i], &ws, 2);
		col(o, what[i], ww, 2);
		cell(o, pp_event_link(pl->watch_later[i]), 0);
		line_end(o);
		free(what[i]);
	}
	free(what);
	free(scores);
}

int
pp_write_text(FILE *fp, const struct pp_plan *pl,
    const struct pp_write_opts *opts)
{
	const struct pp_model *m = pl->m;
	const char *zone = m->tz;
	const char *name = m->tt != NULL ? m->tt->name : NULL;
	struct out o = {fp, opts != NULL && opts->color, NULL, 0};
	struct widths w;
	char *head;
	size_t d;

	head = pp_xasprintf("pyplan \xe2\x80\x94 %s%s%zu day%s" SEP "%s",
	    name != NULL ? name : "", name != NULL && *name != '\0' ? SEP : "",
	    pl->ndays, pl->ndays == 1 ? "" : "s", zone);
	heading(&o, head);
	free(head);

	measure_items(pl, &w);
	for (d = 0; d < pl->ndays; d++) {
		fputc('\n', fp);
		write_day(&o, pl, &pl->days[d], zone, &w);
	}
	fputc('\n', fp);
	write_summary(&o, pl);
	if (pl->nwatch > 0) {
		fputc('\n', fp);
		write_watch_later(&o, pl);
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

int
pp_write_timetable_text(FILE *fp, const struct pp_event *const *sel, size_t n,
    const char *tz, int color)
{
	struct out o = {fp, color, NULL, 0};
	size_t i, tw = 0, sw = 0, kw = 0;
	char date[11], a[6], b[6], range[PP_TIME_RANGE_SIZE + 12];
	const char *prev = NULL;
	char prevdate[11] = "";

	for (i = 0; i < n; i++) {
		char *sp = pp_event_speakers(sel[i], ", ");

		tw = min_size(pp_utf8_width(sel[i]->title) > tw
		        ? pp_utf8_width(sel[i]->title)
		        : tw,
		    TITLE_MAX);
		sw = min_size(pp_utf8_width(sp) > sw ? pp_utf8_width(sp) : sw,
		    SPEAKERS_MAX);
		if (strlen(pp_kind_name(sel[i]->kind)) > kw)
			kw = strlen(pp_kind_name(sel[i]->kind));
		free(sp);
	}
	for (i = 0; i < n; i++) {
		const struct pp_event *ev = sel[i];
		const char *zone = *ev->tz != '\0' ? ev->tz : tz;
		char *sp = pp_event_speakers(ev, ", ");

		pp_tz_format_date(zone, ev->start, date);
		if (prev == NULL || strcmp(prevdate, date) != 0) {
			char *h =
			    pp_xasprintf("%s %s", pp_weekday_name(date), date);

			if (prev != NULL)
				fputc('\n', fp);
			heading(&o, h);
			free(h);
			memcpy(prevdate, date, sizeof(prevdate));
			prev = prevdate;
		}
		pp_tz_format_hhmm(zone, ev->start, a);
		pp_tz_format_hhmm(zone, ev->end, b);
		snprintf(range, sizeof(range), "%s\xe2\x80\x93%s", a, b);
		line_begin(&o,
		    pp_kind_class(ev->kind) == PP_CLASS_NETWORKING ? SGR_DIM
		                                                   : NULL);
		pad(&o, 2);
		col(&o, range, 11, 2);
		col(&o, pp_kind_name(ev->kind), kw, 2);
		col(&o, ev->title, tw, 2);
		col(&o, sp, sw, sw > 0 ? 2 : 0);
		cell(&o, ev->room, ROOM_MAX);
		line_end(&o);
		free(sp);
	}
	if (n == 0)
		fputs("no events match\n", fp);
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}
