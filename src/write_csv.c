/* SPDX-License-Identifier: ISC */
/*
 * The CSV and TSV writers.  libcsv quotes CSV fields; TSV fields are
 * escaped so that one row is one line.  The format is documented in
 * write_csv.h.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/replan.h"
#include "pyplan/score.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/write_csv.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

struct out {
	FILE *fp;
	int tsv;
	int raw;     /* PP_CSV_RAW: no formula guard */
	int err;     /* a write failed */
	int nfields; /* fields written on the current row */
};

/* Returns v joined with "; " (borrowed from b, valid until b changes). */
static const char *
join(struct pp_sbuf *b, const char *const *v, size_t n)
{
	size_t i;

	b->len = 0;
	pp_sbuf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			pp_sbuf_adds(b, "; ");
		pp_sbuf_adds(b, v[i]);
	}
	return b->s;
}

static void
put(struct out *o, const char *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, o->fp) != n)
		o->err = 1;
}

static void field(struct out *o, const char *s);

/* 1 if s must be quoted in CSV: libcsv's reader (and others) would split
 * it or trim its outer blanks otherwise. */
static int
needs_quotes(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

/*
 * 1 if a spreadsheet would take s for a formula (OWASP "CSV injection"):
 * it starts with '=', '+', '-', '@', a tab or a carriage return.
 */
static int
formula_like(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

/* A cell of text (never a number): a formula-like one gets a leading
 * "'", which spreadsheets show as text and the CSV loader removes. */
static void
text(struct out *o, const char *s)
{
	char *g;

	if (s == NULL || o->raw || !formula_like(s)) {
		field(o, s);
		return;
	}
	g = pp_xasprintf("'%s", s);
	field(o, g);
	free(g);
}

static void
field(struct out *o, const char *s)
{
	size_t n, i, from;

	if (s == NULL)
		s = "";
	n = strlen(s);
	if (o->nfields++ > 0)
		put(o, o->tsv ? "\t" : ",", 1);
	if (!o->tsv) {
		if (!needs_quotes(s, n))
			put(o, s, n);
		else if (csv_fwrite(o->fp, s, n) != 0)
			o->err = 1;
		return;
	}
	for (i = from = 0; i < n; i++) {
		const char *esc;

		switch (s[i]) {
		case '\\':
			esc = "\\\\";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		default:
			continue;
		}
		put(o, s + from, i - from);
		put(o, esc, 2);
		from = i + 1;
	}
	put(o, s + from, n - from);
}

static void
end_row(struct out *o)
{
	put(o, "\n", 1);
	o->nfields = 0;
}

static void
header(struct out *o, const char *const *cols)
{
	for (; *cols != NULL; cols++)
		field(o, *cols);
	end_row(o);
}

static int
finish(struct out *o)
{
	if (fflush(o->fp) == EOF || ferror(o->fp))
		o->err = 1;
	return o->err ? -1 : 0;
}

/* Score units as an exact decimal ("2.5", "-1", "0.125") into buf[32]. */
static void
fmt_score(int64_t v, char *buf)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	uint64_t frac = a % PP_SCORE_UNIT;
	int n;

	n = snprintf(buf, 32, "%s%" PRIu64, v < 0 ? "-" : "",
	    a / PP_SCORE_UNIT);
	if (frac != 0 && n > 0 && n < 28) {
		snprintf(buf + n, (size_t)(32 - n), ".%03" PRIu64, frac);
		n += 4;
		while (buf[n - 1] == '0')
			buf[--n] = '\0';
	}
}

/* "job;depth": the criteria of mask, in pp_criterion order. */
static void
crit_text(unsigned mask, char *buf, size_t size)
{
	size_t len = 0;
	int c;

	buf[0] = '\0';
	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (mask & (1u << c))
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			    len > 0 ? ";" : "",
			    pp_criterion_name((enum pp_criterion)c));
}

/* The last column, status, only when replanning (build --from). */
static const char *const plan_cols[] = {"date", "start", "end", "kind", "class",
    "title", "speakers", "room", "score", "must", "reason", "id", "url",
    "video_url", "matched", "language", "criteria", "networking_source",
    "status", NULL};
#define PLAN_NCOLS (sizeof(plan_cols) / sizeof(plan_cols[0]) - 1)

/*
 * The old plan's items that the new one dropped, one row each with the
 * status "dropped" and why in the reason column (replan.h), after the
 * planned items; a plan file reader passes over them.
 */
static void
dropped_rows(struct out *o, const struct pp_plan *pl)
{
	const char *tz = pl->m->tz;
	struct pp_changes c;
	size_t i, k;

	pp_plan_changes(pl, &c);
	for (i = 0; i < c.ndropped; i++) {
		const struct pp_plan_row *row = c.dropped[i].row;
		char date[11], buf[32];
		int kind = pp_kind_parse(row->kind);

		pp_tz_format_date(tz, row->start, date);
		field(o, date);
		pp_tz_format_hhmm(tz, row->start, buf);
		field(o, buf);
		pp_tz_format_hhmm(tz, row->end, buf);
		field(o, buf);
		field(o, row->kind);
		field(o,
		    kind >= 0 &&
		            pp_kind_class((enum pp_kind)kind) ==
		                PP_CLASS_NETWORKING
		        ? "networking"
		        : "talk");
		text(o, row->title);
		text(o, "");
		text(o, row->room);
		field(o, "");
		field(o, "no");
		text(o, c.dropped[i].why);
		text(o, row->id);
		for (k = 0; k < 6; k++) /* url .. networking_source */
			text(o, "");
		field(o, "dropped");
		end_row(o);
	}
	pp_changes_fini(&c);
}

int
pp_write_csv(FILE *fp, const struct pp_plan *pl, unsigned mode)
{
	const struct pp_model *m = pl->m;
	const char *tz = m->tz;
	struct out o = {fp, (mode & PP_CSV_TSV) != 0, (mode & PP_CSV_RAW) != 0,
	    0, 0};
	struct pp_sbuf sb = {NULL, 0, 0};
	size_t d, i;

	const char *cols[PLAN_NCOLS + 1];

	memcpy(cols, plan_cols, sizeof(cols));
	if (m->replan == NULL)
		cols[PLAN_NCOLS - 1] = NULL;
	header(&o, cols);
	for (d = 0; d < pl->ndays; d++) {
		const struct pp_plan_day *pd = &pl->days[d];

		for (i = 0; i < pd->n; i++) {
			const struct pp_item *it = pd->items[i];
			const struct pp_event *ev = it->src == PP_ITEM_EVENT ||
			        it->src == PP_ITEM_ATTENDED
			    ? it->ev
			    : NULL;
			char buf[32], id[PP_ITEM_ID_MAX], where[512];
			const struct pp_score *sc;

			field(&o, pd->md->date);
			pp_tz_format_hhmm(tz, it->start, buf);
			field(&o, buf);
			pp_tz_format_hhmm(tz, it->end, buf);
			field(&o, buf);
			field(&o, pp_kind_name(it->kind));
			field(&o, pp_item_class_name(it));
			text(&o, it->title);
			text(&o,
			    ev != NULL ? join(&sb, ev->speakers, ev->nspeakers)
			               : "");
			text(&o, it->room);
			fmt_score(it->score, buf);
			field(&o, buf);
			field(&o, it->must ? "yes" : "no");
			text(&o, it->reason);
			text(&o, pp_item_id(it, tz, id));
			text(&o, ev != NULL ? ev->url : "");
			text(&o, ev != NULL ? ev->video_url : "");
			where[0] = '\0';
			if (ev != NULL &&
			    (sc = pp_model_event_score(m, ev)) != NULL)
				pp_score_where(sc, where, sizeof(where));
			text(&o, where);
			text(&o, ev != NULL ? ev->lang : "");
			crit_text(it->crit & m->crit_active, where,
			    sizeof(where));
			text(&o, where);
			/* Where the item's networking minutes count (the
			 * text totals' sources), "" when they do not. */
			field(&o,
			    it->cls == PP_CLASS_NETWORKING && it->counts
			        ? pp_net_src_name(pp_item_net_src(it))
			        : "");
			if (m->replan != NULL)
				field(&o,
				    pp_change_name(
				        pp_plan_item_change(pl, it)));
			end_row(&o);
		}
	}
	if (m->replan != NULL)
		dropped_rows(&o, pl);
	free(sb.s);
	return finish(&o);
}

/* Local time of day "HH:MM" (or "HH:MM:SS") of c. */
static void
fmt_time(const struct pp_civil *c, char *buf)
{
	if (c->sec != 0)
		snprintf(buf, 16, "%02u:%02u:%02u", (unsigned)c->hour % 100u,
		    (unsigned)c->min % 100u, (unsigned)c->sec % 100u);
	else
		snprintf(buf, 16, "%02u:%02u", (unsigned)c->hour % 100u,
		    (unsigned)c->min % 100u);
}

static const char *const prog_cols[] = {"id", "date", "start", "end",
    "timezone", "kind", "title", "speakers", "rooms", "track", "tags", "level",
    "language", "recorded", "url", "video_url", "abstract", NULL};

static void
event_row(struct out *o, struct pp_sbuf *sb, const struct pp_event *ev)
{
	const char *tz = ev->tz != NULL && *ev->tz != '\0' ? ev->tz : "UTC";
	struct pp_civil s, e;
	char buf[32];
	const char *sp;

	if (pp_tz_to_civil(tz, ev->start, &s) != 0 ||
	    pp_tz_to_civil(tz, ev->end, &e) != 0) {
		/* An unknown zone: write the times in UTC, and say so. */
		tz = "UTC";
		pp_tz_to_civil(tz, ev->start, &s);
		pp_tz_to_civil(tz, ev->end, &e);
	}
	text(o, ev->id);
	snprintf(buf, sizeof(buf), "%04u-%02u-%02u", (unsigned)s.year % 10000u,
	    (unsigned)s.month % 100u, (unsigned)s.day % 100u);
	field(o, buf);
	fmt_time(&s, buf);
	field(o, buf);
	if (e.year == s.year && e.month == s.month && e.day == s.day)
		fmt_time(&e, buf);
	else
		pp_tz_format_iso(tz, ev->end, buf);
	field(o, buf);
	field(o, tz);
	/* The canonical name reads back as the same kind; an unknown kind
	 * keeps its own word, which reads back as unknown again. */
	text(o,
	    ev->kind == PP_KIND_OTHER && *ev->kind_word != '\0'
	        ? ev->kind_word
	        : pp_kind_name(ev->kind));
	text(o, ev->title);
	sp = join(sb, ev->speakers, ev->nspeakers);
	if (ev->nspeakers == 1 && strchr(sp, ',') != NULL) {
		pp_sbuf_adds(sb, ";");
		sp = sb->s;
	}
	text(o, sp);
	text(o, ev->nrooms > 0 ? join(sb, ev->rooms, ev->nrooms) : ev->room);
	text(o, ev->track);
	text(o, join(sb, ev->tags, ev->ntags));
	text(o, ev->level);
	text(o, ev->lang);
	field(o,
	    ev->recorded == PP_REC_YES      ? "yes"
	        : ev->recorded == PP_REC_NO ? "no"
	                                    : "");
	text(o, ev->url);
	text(o, ev->video_url);
	text(o, ev->abstract);
	end_row(o);
}

int
pp_write_timetable_csv(FILE *fp, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel, unsigned mode)
{
	struct out o = {fp, (mode & PP_CSV_TSV) != 0, (mode & PP_CSV_RAW) != 0,
	    0, 0};
	struct pp_sbuf sb = {NULL, 0, 0};
	size_t i, n = sel != NULL ? nsel : tt->n;

	header(&o, prog_cols);
	for (i = 0; i < n; i++)
		event_row(&o, &sb, sel != NULL ? sel[i] : &tt->ev[i]);
	free(sb.s);
	return finish(&o);
}

int
pp_csv_row(FILE *fp, const char *const *fields, size_t n, unsigned mode)
{
	struct out o = {fp, (mode & PP_CSV_TSV) != 0, (mode & PP_CSV_RAW) != 0,
	    0, 0};
	size_t i;

	for (i = 0; i < n; i++)
		field(&o, fields[i]);
	end_row(&o);
	return o.err ? -1 : 0;
}
