/* SPDX-License-Identifier: ISC */
/*
 * The text writer (SPEC §5): a header, one block per day with aligned
 * columns, a summary against the caps and the watch-later list; and the
 * programme listing of `pyplan list`.
 *
 * Kind markers: "●" talk load (talk, keynote, tutorial, ...), "◆" a
 * networking event of the programme (open space, expo, meal, break, ...),
 * "○" a block pyplan synthesized (hallway track, free lunch), "■" a
 * busy block the plan keeps free.  With colour
 * on, headings are bold, networking lines dim and must-see lines yellow.
 *
 * Layout (the man page's TEXT OUTPUT says the same).  Widths are display
 * columns (pp_utf8_width: East Asian wide characters count 2, combining
 * marks 0), and every string goes through the terminal sanitiser first.
 * Without a width (output that is not a terminal) nothing is ever cut:
 * every column is as wide as its widest cell up to a soft maximum, past
 * which a cell runs over and shifts the rest of its line.  With a width,
 * every column is as wide as its widest cell and the columns
 * after the title (speakers, room, reason; in a listing speakers, room)
 * move, lowest priority first (reason, then room, then speakers), to a
 * continuation line under the title until the first line fits; the
 * continuation line joins them with " · " and wraps at blanks, leaving
 * out a reason that only repeats the title or the marker ("hallway
 * track", "lunch", "networking").  Only when the title alone does not fit is it
 * cut, with "…".  Every other line
 * (headings, totals, summary, watch later) wraps at blanks, so no line is
 * wider than the width.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/replan.h"
#include "pyplan/score.h"
#include "pyplan/term.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_MUST "\033[33m"

#define MARK_TALK "\xe2\x97\x8f"       /* U+25CF BLACK CIRCLE */
#define MARK_NETWORKING "\xe2\x97\x86" /* U+25C6 BLACK DIAMOND */
#define MARK_SYNTH "\xe2\x97\x8b"      /* U+25CB WHITE CIRCLE */
#define MARK_BUSY "\xe2\x96\xa0"       /* U+25A0 BLACK SQUARE */
#define SEP " \xc2\xb7 "               /* " · " */
#define ELLIPSIS "\xe2\x80\xa6"        /* U+2026 */
#define GAP 2                          /* blanks between columns */

struct out {
	FILE *fp;
	int color;
	size_t width; /* 0: no limit */
};

static void
blanks(struct pp_sbuf *l, size_t n)
{
	for (; n > 0; n--)
		pp_sbuf_add(l, " ", 1);
}

static void
reset(struct pp_sbuf *l)
{
	l->len = 0;
	pp_sbuf_add(l, "", 0);
}

/* Appends s (already sanitised) cut to w columns with "…" when wider
 * (w 0: no limit), padded with blanks to pad columns; returns the width
 * written before padding. */
static size_t
cell(struct pp_sbuf *l, const char *s, size_t w, size_t pad)
{
	size_t sw = pp_utf8_width(s);

	if (w > 0 && sw > w) {
		/* A wide character that does not fit leaves a column free. */
		char *keep = pp_xstrndup(s, pp_utf8_prefix(s, w - 1));

		pp_sbuf_adds(l, keep);
		pp_sbuf_adds(l, ELLIPSIS);
		sw = pp_utf8_width(keep) + 1;
		free(keep);
	} else
		pp_sbuf_adds(l, s);
	if (pad > sw)
		blanks(l, pad - sw);
	return sw;
}

static const char *
sgr_of(const struct out *o, const char *sgr)
{
	return o->color ? sgr : NULL;
}

/* Writes the line, wrapped to the width with continuation lines indented
 * by indent. */
static void
flush_line(struct out *o, struct pp_sbuf *l, size_t indent, const char *sgr)
{
	pp_term_put_line(o->fp, l->s, o->width, indent, sgr_of(o, sgr));
	reset(l);
}

static void
text_line(struct out *o, const char *s, size_t indent, const char *sgr)
{
	pp_term_put_line(o->fp, s, o->width, indent, sgr_of(o, sgr));
}

static size_t
max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

/*
 * The table of item lines shared by the plan and the listing: a lead
 * (time, marker or kind) of fixed width, then the fields in priority
 * order, the title first.
 */
enum { F_TITLE, F_SPEAKERS, F_ROOM, F_REASON, F__MAX };

struct row {
	char *lead;      /* sanitised, all rows the same width */
	char *f[F__MAX]; /* sanitised, "" when empty */
	const char *sgr; /* colour of the row's lines, NULL = none */
	int filler;      /* the reason only repeats the title or marker */
};

struct table {
	struct row *rows;
	size_t n, nf;     /* rows, fields per row */
	size_t lead;      /* width of the lead */
	size_t w[F__MAX]; /* widest cell of each field */
	size_t ninline;   /* fields on the first line: [0, ninline) */
	size_t title_w;   /* title column: 0 = as wide as the widest */
};

/*
 * Without a width, a column is at most this wide and a longer cell runs
 * over it, shifting the rest of its own line (as ls -l does with a long
 * name): one long room list does not push every line's reason far right,
 * and nothing is cut.
 */
static const size_t soft_max[F__MAX] = {44, 24, 26, 0};
#define WATCH_SOFT_MAX 64 /* "Title — Speakers" of watch later */

/* Measures the fields and picks how many stay on the first line. */
static void
table_layout(struct table *t, size_t width)
{
	size_t i, f, k, need;

	for (f = 0; f < t->nf; f++) {
		t->w[f] = 0;
		for (i = 0; i < t->n; i++)
			t->w[f] =
			    max_size(t->w[f], pp_utf8_width(t->rows[i].f[f]));
		if (width == 0 && soft_max[f] > 0 && t->w[f] > soft_max[f])
			t->w[f] = soft_max[f];
	}
	t->title_w = t->w[F_TITLE];
	for (k = t->nf; k >= 1; k--) {
		need = t->lead + t->w[F_TITLE];
		for (f = 1; f < k; f++)
			need += t->w[f] > 0 ? GAP + t->w[f] : 0;
		if (width == 0 || need <= width) {
			t->ninline = k;
			return;
		}
	}
	/* Not even the title fits: it is cut to what is left. */
	t->ninline = 1;
	t->title_w = width > t->lead + 1 ? width - t->lead : 1;
}

static void
write_row(struct out *o, const struct table *t, const struct row *r,
    struct pp_sbuf *l)
{
	size_t f, last = 0, got, colw;

	pp_sbuf_adds(l, r->lead);
	for (f = 0; f < t->ninline; f++)
		if (*r->f[f] != '\0')
			last = f;
	for (f = 0; f <= last; f++) {
		if (f > 0 && t->w[f] == 0)
			continue;
		colw = f == F_TITLE ? t->title_w : t->w[f];
		/* Only a terminal's title is ever cut. */
		got = cell(l, r->f[f], f == F_TITLE && o->width > 0 ? colw : 0,
		    0);
		if (f < last)
			blanks(l, max_size(colw, got) - got + GAP);
	}
	flush_line(o, l, t->lead, r->sgr);
	/* The fields that did not fit, under the title. */
	blanks(l, t->lead);
	for (f = t->ninline, last = 0; f < t->nf; f++) {
		/* A reason that only repeats the title ("hallway track")
		 * or the marker ("networking") says nothing on a line of
		 * its own. */
		if (*r->f[f] == '\0' || (f == F_REASON && r->filler))
			continue;
		if (last++ > 0)
			pp_sbuf_adds(l, SEP);
		pp_sbuf_adds(l, r->f[f]);
	}
	if (last > 0)
		flush_line(o, l, t->lead, r->sgr);
	reset(l);
}

static void
row_fini(struct row *r)
{
	size_t f;

	free(r->lead);
	for (f = 0; f < F__MAX; f++)
		free(r->f[f]);
}

/* Width of a decimal number's integer part and of its "." and fraction. */
struct decw {
	size_t ip, fp;
};

static void
dec_measure(const char *s, struct decw *w)
{
	size_t ip = strcspn(s, "."), fp = strlen(s) - ip;

	w->ip = max_size(ip, w->ip);
	w->fp = max_size(fp, w->fp);
}

/* A number aligned on its decimal point in a column measured with
 * dec_measure, followed by gap blanks. */
static void
dcol(struct pp_sbuf *l, const char *s, const struct decw *w, size_t gap)
{
	size_t ip = strcspn(s, "."), fp = strlen(s) - ip;

	blanks(l, w->ip - ip);
	pp_sbuf_adds(l, s);
	blanks(l, w->fp - fp + gap);
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

/* The rows of every planned item, all days, so columns line up across
 * days; day d's rows start at first[d]. */
/* "matching: A; B": the posters of a poster session that match the
 * profile (caller frees; "" when none does). */
static char *
matching_posters(const struct pp_model *m, const struct pp_item *it)
{
	struct pp_sbuf b = {NULL, 0, 0};
	size_t i;

	pp_sbuf_adds(&b, "");
	for (i = 0; i < it->nmembers; i++) {
		const struct pp_score *sc =
		    pp_model_event_score(m, it->members[i]);

		if (sc == NULL || sc->nmatch == 0)
			continue;
		pp_sbuf_adds(&b, b.len == 0 ? "matching: " : "; ");
		pp_sbuf_adds(&b, it->members[i]->title);
	}
	return b.s;
}

static void
plan_rows(const struct pp_plan *pl, const char *zone, struct table *t,
    size_t *first)
{
	size_t d, i, n = 0;

	for (d = 0; d < pl->ndays; d++)
		n += pl->days[d].n;
	t->rows = pp_xcalloc(n + 1, sizeof(*t->rows));
	t->nf = F__MAX;
	t->n = 0;
	for (d = 0; d < pl->ndays; d++) {
		const struct pp_plan_day *pd = &pl->days[d];

		first[d] = t->n;
		for (i = 0; i < pd->n; i++) {
			const struct pp_item *it = pd->items[i];
			struct row *r = &t->rows[t->n++];
			char range[PP_TIME_RANGE_SIZE], *sp, *why, *lead;
			const char *mark;

			if (it->src == PP_ITEM_POSTERS)
				mark = MARK_NETWORKING;
			else if (it->src == PP_ITEM_BUSY)
				mark = MARK_BUSY;
			else if (it->src != PP_ITEM_EVENT &&
			    (it->src != PP_ITEM_ATTENDED ||
			        it->kind == PP_KIND_HALLWAY))
				mark = MARK_SYNTH;
			else if (it->cls == PP_CLASS_NETWORKING)
				mark = MARK_NETWORKING;
			else
				mark = MARK_TALK;
			if (it->must && it->src != PP_ITEM_BUSY)
				r->sgr = SGR_MUST;
			else if (it->src != PP_ITEM_EVENT ||
			    it->cls == PP_CLASS_NETWORKING)
				r->sgr = SGR_DIM;
			pp_item_time_range(it, zone, range);
			lead = pp_xasprintf("  %s  %s ", range, mark);
			r->lead = pp_term_clean(lead, 0);
			free(lead);
			sp = it->nmembers > 0 ? matching_posters(pl->m, it)
			                      : pp_event_speakers(it->ev, ", ");
			why = pp_item_reason(it);
			r->f[F_TITLE] = pp_term_clean(it->title, 0);
			r->f[F_SPEAKERS] = pp_term_clean(sp, 0);
			r->f[F_ROOM] = pp_term_clean(it->room, 0);
			r->f[F_REASON] = pp_term_clean(why, 0);
			/* A synthesized block's reason is its kind again
			 * ("lunch" for "Lunch (free block)"). */
			r->filler =
			    strcasecmp(r->f[F_REASON], r->f[F_TITLE]) == 0 ||
			    (it->src != PP_ITEM_EVENT &&
			        it->src != PP_ITEM_POSTERS && !it->must) ||
			    (it->cls == PP_CLASS_NETWORKING &&
			        strcmp(why, "networking") == 0);
			free(sp);
			free(why);
		}
	}
	/* "  HH:MM–HH:MM  ● " */
	t->lead = t->n > 0 ? pp_utf8_width(t->rows[0].lead) : 0;
}

/* ": open spaces 120, expo 60, hallway 70, meals 60": the day's
 * networking minutes by source (the sources with any), in buf. */
static void
net_sources(const struct pp_plan_day *pd, char *buf, size_t size)
{
	size_t len = 0;
	int s;

	buf[0] = '\0';
	for (s = 0; s < PP_NET__COUNT && len < size; s++) {
		if (pd->net_by_src[s] <= 0)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s %ld",
		    len == 0 ? ": " : ", ", pp_net_src_name((enum pp_net_src)s),
		    pd->net_by_src[s]);
	}
}

static void
write_day(struct out *o, const struct pp_plan *pl, const struct pp_plan_day *pd,
    const struct table *t, size_t first, struct pp_sbuf *l)
{
	const struct pp_rules *p = &pl->m->rules;
	char head[64], talks[32], tmin[32], net[32], score[32], tot[512],
	    src[224];
	size_t i;

	snprintf(head, sizeof(head), "%s %s", pp_weekday_name(pd->md->date),
	    pd->md->date);
	text_line(o, head[0] == ' ' ? head + 1 : head, 0, SGR_BOLD);
	for (i = 0; i < pd->n; i++)
		write_row(o, t, &t->rows[first + i], l);
	if (pd->n == 0)
		text_line(o, "  nothing planned", 4, SGR_DIM);
	fmt_cap(talks, sizeof(talks), pd->talks, p->max_talks, 0);
	fmt_cap(tmin, sizeof(tmin), pd->talk_minutes, p->max_talk_minutes, 0);
	fmt_cap(net, sizeof(net), pd->networking_minutes, p->min_networking, 1);
	pp_score_format(pd->score, score);
	net_sources(pd, src, sizeof(src));
	snprintf(tot, sizeof(tot),
	    "  talks %s" SEP "talk minutes %s" SEP "networking %s min%s" SEP
	    "score %s",
	    talks, tmin, net, src, score);
	text_line(o, tot, 4, NULL);
	/* A day of sessions that all need a ticket (PyCon's tutorial days):
	 * say so, rather than leave a day of hallway unexplained. */
	if (pd->md->ntalk == 0 && pd->md->nticket > 0) {
		snprintf(tot, sizeof(tot),
		    "  no session is open to you this day: %u need%s a "
		    "ticket ([tickets], --ticket; days leaves the day out)",
		    pd->md->nticket, pd->md->nticket == 1 ? "s" : "");
		text_line(o, tot, 4, SGR_DIM);
	}
}

enum { C_DAY, C_TALKS, C_TMIN, C_NET, C_SCORE, C__COUNT };

struct sumrow {
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
		line = pp_xasprintf("  busy %s %s%s%s  %s  (kept free; %zu "
		                    "event%s left out)",
		    date, from,
		    strcmp(from, "all") == 0 ? " day" : "\xe2\x80\x93",
		    strcmp(from, "all") == 0 ? "" : to, bb->label, n,
		    n == 1 ? "" : "s");
		text_line(o, line, 4, SGR_DIM);
		free(line);
	}
}

/* One line of the changes section: what, when (date and times), title,
 * and why in brackets when there is a why. */
static void
change_line(struct out *o, const char *what, const char *zone, int64_t start,
    int64_t end, const char *title, const char *why)
{
	char date[11], a[6], b[6], *s, *clean;

	pp_tz_format_date(zone, start, date);
	pp_tz_format_hhmm(zone, start, a);
	pp_tz_format_hhmm(zone, end, b);
	s = pp_xasprintf("  %-8s  %s %s\xe2\x80\x93%s  %s%s%s%s", what, date, a,
	    b, title, why != NULL ? " (" : "", why != NULL ? why : "",
	    why != NULL ? ")" : "");
	clean = pp_term_clean(s, 0);
	text_line(o, clean, 2, NULL);
	free(clean);
	free(s);
}

/*
 * Replanning (build --from): what changed against the old plan.  The
 * counts cover every item; the lines name the events moved, added or
 * dropped (hallway and lunch blocks follow them and are not listed).
 */
static void
write_changes(struct out *o, const struct pp_plan *pl)
{
	const struct pp_replan *r = pl->m->replan;
	const char *zone = pl->m->tz;
	struct pp_changes c;
	char now[11], hm[6], pen[32], cost[32], *s;
	size_t d, i;

	pp_plan_changes(pl, &c);
	pp_tz_format_date(zone, r->now, now);
	pp_tz_format_hhmm(zone, r->now, hm);
	pp_score_format(c.penalty, pen);
	pp_score_format(c.cost, cost);
	s = pp_xasprintf("Changes against %s from %s %s: %zu change%s "
	                 "\xc3\x97 change-penalty %s = %s",
	    r->from->path, now, hm, c.changes, c.changes == 1 ? "" : "s", pen,
	    cost);
	{
		char *clean = pp_term_clean(s, 0);

		text_line(o, clean, 0, SGR_BOLD);
		free(clean);
	}
	free(s);
	s = pp_xasprintf("  attended %zu" SEP "kept %zu" SEP "moved %zu" SEP
	                 "added %zu" SEP "dropped %zu",
	    c.attended, c.kept, c.moved, c.added, c.ndropped);
	text_line(o, s, 2, NULL);
	free(s);
	for (d = 0; d < pl->ndays; d++)
		for (i = 0; i < pl->days[d].n; i++) {
			const struct pp_item *it = pl->days[d].items[i];
			enum pp_change ch = pp_plan_item_change(pl, it);

			if (it->src != PP_ITEM_EVENT ||
			    (ch != PP_CHANGE_MOVED && ch != PP_CHANGE_ADDED))
				continue;
			change_line(o, pp_change_name(ch), zone, it->start,
			    it->end, it->title, NULL);
		}
	for (i = 0; i < c.ndropped; i++) {
		const struct pp_plan_row *row = c.dropped[i].row;

		if (!row->synthesized)
			change_line(o, "dropped", zone, row->start, row->end,
			    row->title, c.dropped[i].why);
	}
	pp_changes_fini(&c);
}

static void
write_summary(struct out *o, const struct pp_plan *pl, struct pp_sbuf *l)
{
	static const char *const names[C__COUNT] = {"day", "talks", "talk min",
	    "networking", "score"};
	const struct pp_model *m = pl->m;
	const struct pp_rules *p = &m->rules;
	struct sumrow *rows = pp_xcalloc(pl->ndays + 1, sizeof(*rows));
	size_t w[C__COUNT], d, c, ncrit = 0, ncov = 0;
	struct decw sw = {0, 0};
	char score[32], crit[128] = "";

	for (c = 0; c < C__COUNT; c++)
		snprintf(rows[0].c[c], sizeof(rows[0].c[c]), "%s", names[c]);
	for (d = 0; d < pl->ndays; d++) {
		const struct pp_plan_day *pd = &pl->days[d];
		struct sumrow *r = &rows[d + 1];

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
			w[c] = max_size(w[c], pp_utf8_width(rows[d].c[c]));
	}
	for (d = 1; d <= pl->ndays; d++)
		dec_measure(rows[d].c[C_SCORE], &sw);

	text_line(o, "Summary", 0, SGR_BOLD);
	for (d = 0; d <= pl->ndays; d++) {
		blanks(l, 2);
		for (c = 0; c < C__COUNT; c++) {
			if (c == C_SCORE && d > 0)
				dcol(l, rows[d].c[c], &sw, 0);
			else
				cell(l, rows[d].c[c], 0, w[c] + 3);
		}
		flush_line(o, l, 4, NULL);
	}
	free(rows);

	pp_score_format(pl->score, score);
	pp_sbuf_adds(l, "  total score ");
	pp_sbuf_adds(l, score);
	pp_sbuf_adds(l, pl->optimal ? " (optimal)" : " (not proven optimal)");
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
		pp_sbuf_adds(l, SEP "criteria covered: ");
		pp_sbuf_adds(l, ncov > 0 ? crit : "none");
		pp_sbuf_adds(l, frac);
	}
	flush_line(o, l, 4, NULL);
	write_busy(o, pl);
}

/*
 * Watch later: score, "Title — Speakers" and the link on one line when
 * they fit; else the link goes to a line of its own under the title.
 * Nothing is cut: a link cut short is no link.
 */
static void
write_watch_later(struct out *o, const struct pp_plan *pl, struct pp_sbuf *l)
{
	char(*scores)[32] = pp_xcalloc(pl->nwatch, sizeof(*scores));
	char **what = pp_xcalloc(pl->nwatch, sizeof(*what));
	char **link = pp_xcalloc(pl->nwatch, sizeof(*link));
	struct decw ws = {0, 0};
	size_t i, ww = 0, lw = 0, lead, got;
	int split;

	for (i = 0; i < pl->nwatch; i++) {
		const struct pp_event *ev = pl->watch_later[i];
		char *sp = pp_event_speakers(ev, ", "), *s;

		pp_score_format(pp_plan_event_score(pl, ev), scores[i]);
		s = *sp != '\0'
		    ? pp_xasprintf("%s \xe2\x80\x94 %s", ev->title, sp)
		    : pp_xstrdup(ev->title);
		what[i] = pp_term_clean(s, 0);
		link[i] = pp_term_clean(pp_event_link(ev), 0);
		free(s);
		free(sp);
		dec_measure(scores[i], &ws);
		ww = max_size(ww, pp_utf8_width(what[i]));
		lw = max_size(lw, pp_utf8_width(link[i]));
	}
	lead = 2 + ws.ip + ws.fp + GAP;
	split = o->width > 0 && lead + ww + GAP + lw > o->width;
	/* Without a width a long title runs over the column, as items do. */
	if (o->width == 0 && ww > WATCH_SOFT_MAX)
		ww = WATCH_SOFT_MAX;

	text_line(o, "Watch later (recorded, not planned)", 0, SGR_BOLD);
	for (i = 0; i < pl->nwatch; i++) {
		blanks(l, 2);
		dcol(l, scores[i], &ws, GAP);
		got = cell(l, what[i], 0, 0);
		if (!split && *link[i] != '\0') {
			blanks(l, max_size(ww, got) - got + GAP);
			pp_sbuf_adds(l, link[i]);
		}
		flush_line(o, l, lead, NULL);
		if (split && *link[i] != '\0') {
			blanks(l, lead);
			pp_sbuf_adds(l, link[i]);
			flush_line(o, l, lead, NULL);
		}
		free(what[i]);
		free(link[i]);
	}
	free(link);
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
	struct out o = {fp, opts != NULL && opts->color,
	    opts != NULL ? opts->width : 0};
	struct pp_sbuf l = {NULL, 0, 0};
	struct table t;
	size_t *first = pp_xcalloc(pl->ndays + 1, sizeof(*first));
	char *head;
	size_t d, i;

	memset(&t, 0, sizeof(t));
	reset(&l);
	head = pp_xasprintf("pyplan \xe2\x80\x94 %s%s%zu day%s" SEP "%s",
	    name != NULL ? name : "", name != NULL && *name != '\0' ? SEP : "",
	    pl->ndays, pl->ndays == 1 ? "" : "s", zone);
	text_line(&o, head, 2, SGR_BOLD);
	free(head);

	plan_rows(pl, zone, &t, first);
	table_layout(&t, o.width);
	for (d = 0; d < pl->ndays; d++) {
		fputc('\n', fp);
		write_day(&o, pl, &pl->days[d], &t, first[d], &l);
	}
	fputc('\n', fp);
	if (m->replan != NULL) {
		write_changes(&o, pl);
		fputc('\n', fp);
	}
	write_summary(&o, pl, &l);
	if (pl->nwatch > 0) {
		fputc('\n', fp);
		write_watch_later(&o, pl, &l);
	}
	for (i = 0; i < t.n; i++)
		row_fini(&t.rows[i]);
	free(t.rows);
	free(first);
	free(l.s);
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

int
pp_write_timetable_text(FILE *fp, const struct pp_event *const *sel, size_t n,
    const char *tz, const struct pp_write_opts *opts)
{
	struct out o = {fp, opts != NULL && opts->color,
	    opts != NULL ? opts->width : 0};
	struct pp_sbuf l = {NULL, 0, 0};
	struct table t;
	size_t i, kw = 0;
	int langs = 0;
	char date[11], prevdate[11] = "", a[6], b[6];

	memset(&t, 0, sizeof(t));
	reset(&l);
	for (i = 0; i < n; i++) {
		kw = max_size(kw, strlen(pp_kind_name(sel[i]->kind)));
		/* Languages are marked when the listing has several. */
		if (*sel[i]->lang != '\0' && *sel[0]->lang != '\0' &&
		    strcmp(sel[i]->lang, sel[0]->lang) != 0)
			langs = 1;
	}
	t.rows = pp_xcalloc(n + 1, sizeof(*t.rows));
	t.n = n;
	t.nf = F_ROOM + 1;
	t.lead = 2 + 11 + GAP + kw + GAP; /* "  HH:MM–HH:MM  talk  " */
	for (i = 0; i < n; i++) {
		const struct pp_event *ev = sel[i];
		const char *zone = *ev->tz != '\0' ? ev->tz : tz;
		const char *kind = pp_kind_name(ev->kind);
		struct row *r = &t.rows[i];
		char *sp = pp_event_speakers(ev, ", ");

		pp_tz_format_hhmm(zone, ev->start, a);
		pp_tz_format_hhmm(zone, ev->end, b);
		r->lead = pp_xasprintf("  %s\xe2\x80\x93%s  %s%*s", a, b, kind,
		    (int)(kw - strlen(kind) + GAP), "");
		r->sgr = pp_kind_class(ev->kind) == PP_CLASS_NETWORKING
		    ? SGR_DIM
		    : NULL;
		if (langs && *ev->lang != '\0') {
			char *tl = pp_xasprintf("%s [%s]", ev->title, ev->lang);

			r->f[F_TITLE] = pp_term_clean(tl, 0);
			free(tl);
		} else
			r->f[F_TITLE] = pp_term_clean(ev->title, 0);
		r->f[F_SPEAKERS] = pp_term_clean(sp, 0);
		r->f[F_ROOM] = pp_term_clean(ev->room, 0);
		free(sp);
	}
	table_layout(&t, o.width);
	for (i = 0; i < n; i++) {
		const struct pp_event *ev = sel[i];

		pp_tz_format_date(*ev->tz != '\0' ? ev->tz : tz, ev->start,
		    date);
		if (strcmp(prevdate, date) != 0) {
			char *h =
			    pp_xasprintf("%s %s", pp_weekday_name(date), date);

			if (*prevdate != '\0')
				fputc('\n', fp);
			text_line(&o, h, 0, SGR_BOLD);
			free(h);
			memcpy(prevdate, date, sizeof(prevdate));
		}
		write_row(&o, &t, &t.rows[i], &l);
	}
	if (n == 0)
		fputs("no events match\n", fp);
	for (i = 0; i < n; i++)
		row_fini(&t.rows[i]);
	free(t.rows);
	free(l.s);
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}
