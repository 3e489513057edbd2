/* SPDX-License-Identifier: ISC */
/*
 * The feed core that every conference feed reader (frab XML, the JSON
 * shapes) shares: ISO 8601 times and frab durations, HTML to plain text,
 * kind words, the problems of one event, and one checked path from a feed
 * event to a timetable event.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/feed.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

/* Longer events are a data error (a duration typed in minutes as hours). */
#define MAX_DURATION ((int64_t)7 * 86400)

/* Days kept for the day change; a file with more is no conference. */
#define MAX_DAYS 1000

static const char empty[] = "";
static const struct pp_feed_pos nowhere = {0, 0};

struct pp_feed_day {
	int64_t date; /* days since the epoch */
	struct pp_feed_time start, end;
	int64_t start_at, end_at; /* instants */
	int has_start, has_end;
	struct pp_feed_pos at;
};

void
pp_feed_init(struct pp_feed *f, struct pp_timetable *tt, const char *name,
    const struct pp_load_opts *opts, struct pp_diags *ds)
{
	static const struct pp_load_opts defaults = {NULL, 0};
	const char *slash = strrchr(name, '/');

	memset(f, 0, sizeof(*f));
	f->tt = tt;
	f->name = name;
	f->base = slash != NULL ? slash + 1 : name;
	f->opts = opts != NULL ? opts : &defaults;
	f->ds = ds;
	f->day_change = -1;
}

int
pp_feed_set_zone(struct pp_feed *f, const char *zone, struct pp_feed_pos at)
{
	if (!pp_tz_valid(zone))
		return pp_diag_add(f->ds, PP_ERROR, f->name, at.line, at.col,
		    "unknown time zone '%s'", zone);
	f->zone = pp_tt_strdup(f->tt, zone);
	f->declared = 1;
	f->zone_at = at;
	return 0;
}

int
pp_feed_title_word(const char *name)
{
	static const char *const words[] = {"title", "name", "summary",
	    "subject"};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(name, words[i]) == 0)
			return 1;
	return 0;
}

int
pp_feed_time_word(const char *name)
{
	static const char *const words[] = {"start", "end", "date", "duration",
	    "begin", "time", "datetime", "starts_at", "ends_at", "startsat",
	    "endsat", "start_time", "end_time", "slot", "slots", "dtstart",
	    "startdate", "enddate"};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(name, words[i]) == 0)
			return 1;
	return 0;
}

void
pp_feed_problem(struct pp_feed *f, struct pp_feed_pos at, const char *fmt, ...)
{
	struct pp_load_problem *p;
	va_list ap;

	if (f->nprob >= PP_FEED_MAX_PROBLEMS)
		return;
	p = &f->prob[f->nprob++];
	p->line = at.line;
	p->col = at.col;
	va_start(ap, fmt);
	vsnprintf(p->msg, sizeof(p->msg), fmt, ap);
	va_end(ap);
}

void
pp_feed_warn(struct pp_feed *f, struct pp_feed_pos at, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pp_diag_add(f->ds, PP_WARNING, f->name, at.line, at.col, "%s", msg);
}

int
pp_feed_flush(struct pp_feed *f, struct pp_feed_pos at)
{
	int n = f->nprob;

	if (n == 0)
		return 0;
	pp_load_reject(f->opts, f->ds, f->name, at.line, at.col, f->prob,
	    (size_t)n);
	f->nprob = 0;
	return n;
}

int
pp_feed_count(struct pp_feed *f, struct pp_feed_pos at)
{
	if (f->stop)
		return -1;
	if (++f->nevents > PP_LOAD_MAX_EVENTS) {
		f->stop = 1;
		return pp_diag_add(f->ds, PP_ERROR, f->name, at.line, at.col,
		    "more than %d events: too many", PP_LOAD_MAX_EVENTS);
	}
	return 0;
}

/* Reads exactly n digits at *s into *v and advances *s; returns 0 or -1. */
static int
ndigits(const char **s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return -1;
		*v = *v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	return 0;
}

int
pp_feed_parse_time(const char *s, struct pp_feed_time *t)
{
	char date[11];
	int oh = 0, om = 0;

	memset(t, 0, sizeof(*t));
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (strlen(s) < 16 || s[4] != '-' || s[7] != '-')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (pp_parse_date(date, &t->c) != 0)
		return -1;
	s += 10;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return -1;
	s++;
	if (ndigits(&s, 2, &t->c.hour) != 0 || *s++ != ':' ||
	    ndigits(&s, 2, &t->c.min) != 0)
		return -1;
	if (*s == ':') {
		s++;
		if (ndigits(&s, 2, &t->c.sec) != 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return -1;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	if (t->c.min > 59 || t->c.sec > 59 || t->c.hour > 24 ||
	    (t->c.hour == 24 && (t->c.min != 0 || t->c.sec != 0)))
		return -1;
	if (*s == 'Z' || *s == 'z') {
		t->has_off = 1;
		s++;
	} else if (*s == '+' || *s == '-') {
		int sign = *s++ == '-' ? -1 : 1;

		if (ndigits(&s, 2, &oh) != 0)
			return -1;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && ndigits(&s, 2, &om) != 0)
			return -1;
		if (oh > 18 || om > 59)
			return -1;
		t->has_off = 1;
		t->off = sign * (oh * 3600 + om * 60);
	}
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0' ? 0 : -1;
}

static const char *
opts_zone(const struct pp_feed *f)
{
	return f->opts->tz != NULL && *f->opts->tz != '\0' ? f->opts->tz : NULL;
}

const char *
pp_feed_zone(struct pp_feed *f)
{
	if (f->zone == NULL)
		f->zone = pp_tt_strdup(f->tt,
		    opts_zone(f) != NULL ? opts_zone(f) : "UTC");
	return f->zone;
}

/* The fixed-offset IANA zone for off seconds east ("Etc/GMT-1" is
 * UTC+01:00: POSIX signs are inverted), or "UTC". */
static void
fixed_zone(int off, char *buf, size_t bufsz)
{
	if (off == 0 || off % 3600 != 0 || off > 14 * 3600 ||
	    off < -12 * 3600) {
		snprintf(buf, bufsz, "UTC");
		return;
	}
	snprintf(buf, bufsz, "Etc/GMT%+d", -off / 3600);
	if (!pp_tz_valid(buf))
		snprintf(buf, bufsz, "UTC");
}

int
pp_feed_instant(struct pp_feed *f, const struct pp_feed_time *t, int64_t *out)
{
	if (t->has_off) {
		if (f->zone == NULL) {
			char buf[32];

			if (opts_zone(f) != NULL)
				snprintf(buf, sizeof(buf), "%s", opts_zone(f));
			else
				fixed_zone(t->off, buf, sizeof(buf));
			f->zone = pp_tt_strdup(f->tt, buf);
		}
		*out = pp_days_from_civil(t->c.year, t->c.month, t->c.day) *
		        86400 +
		    (int64_t)t->c.hour * 3600 + t->c.min * 60 + t->c.sec -
		    t->off;
		return 0;
	}
	return pp_tz_from_civil(pp_feed_zone(f), &t->c, out);
}

/* The instant of t as pp_feed_instant gives it, without settling the
 * display zone (a day's offsets are not the events'). */
static int
quiet_instant(const struct pp_feed *f, const struct pp_feed_time *t,
    int64_t *out)
{
	const char *zone = f->declared ? f->zone : opts_zone(f);

	if (t->has_off) {
		*out = pp_days_from_civil(t->c.year, t->c.month, t->c.day) *
		        86400 +
		    (int64_t)t->c.hour * 3600 + t->c.min * 60 + t->c.sec -
		    t->off;
		return 0;
	}
	return pp_tz_from_civil(zone != NULL ? zone : "UTC", &t->c, out);
}

void
pp_feed_day(struct pp_feed *f, const char *date, const char *start,
    const char *end, struct pp_feed_pos at)
{
	struct pp_feed_day *d;
	struct pp_civil c;

	if (f->ndays >= MAX_DAYS || pp_parse_date(date, &c) != 0)
		return;
	f->days =
	    pp_xgrowarray(f->days, &f->dcap, f->ndays + 1, sizeof(*f->days));
	d = &f->days[f->ndays];
	memset(d, 0, sizeof(*d));
	d->date = pp_days_from_civil(c.year, c.month, c.day);
	d->at = at;
	d->has_start = pp_feed_parse_time(start, &d->start) == 0 &&
	    quiet_instant(f, &d->start, &d->start_at) == 0;
	d->has_end = pp_feed_parse_time(end, &d->end) == 0 &&
	    quiet_instant(f, &d->end, &d->end_at) == 0;
	f->ndays++;
}

static int
cmp_day(const void *a, const void *b)
{
	const struct pp_feed_day *x = a, *y = b;

	return x->date < y->date ? -1 : x->date > y->date;
}

/*
 * The local wall clock of time t (parsed as written) at instant at: in
 * the declared or --tz zone, else as the file wrote it (its own offset).
 */
static void
local_clock(struct pp_feed *f, const struct pp_feed_time *t, int64_t at,
    struct pp_civil *out)
{
	const char *zone = f->declared ? f->zone : opts_zone(f);

	if (zone == NULL || pp_tz_to_civil(zone, at, out) != 0)
		*out = t->c;
}

/*
 * The day change the days give, in minutes after midnight, or -1; see
 * pp_feed_fini.  *line receives the line of a day that gives it.
 */
static int
days_change(struct pp_feed *f, unsigned *line)
{
	int lo = -1, hi = -1;
	size_t i;

	if (f->ndays == 0)
		return -1;
	qsort(f->days, f->ndays, sizeof(*f->days), cmp_day);
	for (i = 0; i < f->ndays; i++) {
		const struct pp_feed_day *d = &f->days[i], *n;
		struct pp_civil c;
		int m;

		if (!d->has_end)
			continue;
		local_clock(f, &d->end, d->end_at, &c);
		/* a day that ends on the evening of its date sets nothing */
		if (pp_days_from_civil(c.year, c.month, c.day) != d->date + 1)
			continue;
		m = c.hour * 60 + c.min;
		n = i + 1 < f->ndays ? &f->days[i + 1] : NULL;
		if (n != NULL && n->has_start && n->start_at >= d->end_at &&
		    n->start_at - d->end_at <= 60) {
			local_clock(f, &n->start, n->start_at, &c);
			m = c.hour * 60 + c.min;
		}
		if (lo < 0 || m < lo)
			lo = m;
		if (m > hi)
			hi = m;
		if (*line == 0)
			*line = d->at.line;
	}
	if (lo >= 0 && hi - lo > 1) {
		pp_diag_add(f->ds, PP_NOTE, f->name, *line, 0,
		    "the days end at different times (%02d:%02d to %02d:%02d): "
		    "no single day change",
		    lo / 60, lo % 60, hi / 60, hi % 60);
		return -2;
	}
	return hi;
}

void
pp_feed_fini(struct pp_feed *f, int ok)
{
	unsigned line = 0;
	int m;

	if (ok) {
		if (f->declared)
			pp_load_declare_zone(f->tt, f->zone, f->name,
			    f->zone_at.line, f->ds);
		m = days_change(f, &line);
		if (m == -1 && f->day_change >= 0)
			m = f->day_change / 60;
		if (m >= 0)
			pp_load_declare_day_change(f->tt, m, f->name, line,
			    f->ds);
	}
	free(f->days);
	f->days = NULL;
	f->ndays = f->dcap = 0;
}

int
pp_feed_parse_duration(const char *s, int64_t *out)
{
	int64_t part[4];
	int n = 0, digits;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	for (;;) {
		if (n == 4)
			return -1;
		part[n] = 0;
		for (digits = 0; isdigit((unsigned char)*s); s++)
			if (++digits > 6)
				return -1;
			else
				part[n] = part[n] * 10 + (*s - '0');
		if (digits == 0)
			return -1;
		/* Every part after the first is two-digit minutes or
		 * seconds (or hours after a day count). */
		if (n > 0 && digits != 2)
			return -1;
		n++;
		if (*s != ':')
			break;
		s++;
	}
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s != '\0' || n < 2)
		return -1;
	switch (n) {
	case 2: /* H:MM */
		if (part[1] > 59)
			return -1;
		*out = part[0] * 3600 + part[1] * 60;
		break;
	case 3: /* H:MM:SS */
		if (part[1] > 59 || part[2] > 59)
			return -1;
		*out = part[0] * 3600 + part[1] * 60 + part[2];
		break;
	default: /* D:HH:MM:SS */
		if (part[1] > 23 || part[2] > 59 || part[3] > 59)
			return -1;
		*out =
		    part[0] * 86400 + part[1] * 3600 + part[2] * 60 + part[3];
		break;
	}
	return 0;
}

/*
 * Decodes the character reference or named entity at s (which starts
 * with '&') into buf at *o; returns the bytes consumed, or 0 when s does
 * not start one (the '&' is then literal).  Never writes more than 4
 * bytes, never more than it consumes.
 */
static size_t
entity(const char *s, char *buf, size_t *o)
{
	static const struct {
		const char *name;
		uint32_t cp;
	} named[] = {
	    {"amp", '&'},
	    {"lt", '<'},
	    {"gt", '>'},
	    {"quot", '"'},
	    {"apos", '\''},
	    {"nbsp", ' '},
	    {"ndash", 0x2013},
	    {"mdash", 0x2014},
	    {"hellip", 0x2026},
	    {"lsquo", 0x2018},
	    {"rsquo", 0x2019},
	    {"ldquo", 0x201c},
	    {"rdquo", 0x201d},
	    {"laquo", 0xab},
	    {"raquo", 0xbb},
	    {"copy", 0xa9},
	    {"reg", 0xae},
	    {"trade", 0x2122},
	    {"euro", 0x20ac},
	    {"bull", 0x2022},
	    {"middot", 0xb7},
	};
	size_t i, n;
	uint32_t cp = 0;

	if (s[1] == '#') {
		int hex = s[2] == 'x' || s[2] == 'X';

		i = hex ? 3 : 2;
		for (n = 0; isxdigit((unsigned char)s[i]) &&
		     (hex || isdigit((unsigned char)s[i]));
		     i++, n++) {
			if (n >= 7)
				return 0;
			cp = cp * (hex ? 16u : 10u) +
			    (uint32_t)(isdigit((unsigned char)s[i])
			            ? s[i] - '0'
			            : (tolower((unsigned char)s[i]) - 'a' +
			                  10));
		}
		if (n == 0 || s[i] != ';' || cp == 0 || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		if (cp == 0xa0)
			cp = ' ';
		/* "&#1;" is 4 bytes and a 4-byte UTF-8 code point needs
		 * at least 5 digits, so the output never outgrows the
		 * input. */
		*o += pp_utf8_encode((int32_t)cp, buf + *o);
		return i + 1;
	}
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		n = strlen(named[i].name);
		if (strncmp(s + 1, named[i].name, n) == 0 && s[n + 1] == ';') {
			*o += pp_utf8_encode((int32_t)named[i].cp, buf + *o);
			return n + 2;
		}
	}
	return 0;
}

/* HTML elements that end a line (or, with para, a paragraph). */
static int
block_tag(const char *name, size_t n, int *para)
{
	static const struct {
		const char *name;
		size_t len;
		int para;
	} tags[] = {
#define TAG(s, para) {s, sizeof(s) - 1, para}
	    TAG("p", 1), TAG("div", 1), TAG("ul", 1), TAG("ol", 1),
	    TAG("table", 1), TAG("blockquote", 1), TAG("pre", 1), TAG("h1", 1),
	    TAG("h2", 1), TAG("h3", 1), TAG("h4", 1), TAG("h5", 1),
	    TAG("h6", 1), TAG("section", 1), TAG("article", 1), TAG("br", 0),
	    TAG("li", 0), TAG("tr", 0), TAG("hr", 0), TAG("dt", 0), TAG("dd", 0)
#undef TAG
	};
	size_t i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (tags[i].len == n &&
		    strncasecmp(name, tags[i].name, n) == 0) {
			*para = tags[i].para;
			return 1;
		}
	return 0;
}

/*
 * If s starts an HTML tag or comment, returns its length and sets *nl to
 * the line breaks it stands for (0, 1 or 2); else returns 0.
 */
static size_t
html_tag(const char *s, int *nl)
{
	const char *p = s + 1, *e;
	size_t n;
	int para = 0;

	*nl = 0;
	if (strncmp(s, "<!--", 4) == 0) {
		e = strstr(s + 4, "-->");
		return e != NULL ? (size_t)(e - s) + 3 : 0;
	}
	if (*p == '/')
		p++;
	if (!isalpha((unsigned char)*p))
		return 0;
	for (e = p; *e != '\0' && *e != '>' && *e != '<'; e++)
		;
	if (*e != '>')
		return 0;
	for (n = 0; isalnum((unsigned char)p[n]); n++)
		;
	if (block_tag(p, n, &para))
		*nl = para ? 2 : 1;
	return (size_t)(e - s) + 1;
}

/* Whether s has anything html_strip would change. */
static int
has_markup(const char *s)
{
	return strpbrk(s, "<&\r") != NULL;
}

/* The text of s with tags dropped and entities decoded, lines kept
 * (heap, the caller frees). */
static char *
html_strip(const char *s)
{
	size_t len = strlen(s), i = 0, o = 0, n;
	char *buf = pp_xmalloc(len + 1);
	int nl;

	while (i < len) {
		/* plain text up to the next character that matters */
		n = strcspn(s + i, "\r<&");
		memcpy(buf + o, s + i, n);
		o += n;
		i += n;
		if (i >= len)
			break;
		if (s[i] == '\r') {
			buf[o++] = '\n';
			i += s[i + 1] == '\n' ? 2 : 1;
		} else if (s[i] == '<' && (n = html_tag(s + i, &nl)) > 0) {
			/* Never more bytes than the tag had ("<p>" is 3). */
			while (nl-- > 0)
				buf[o++] = '\n';
			if (o > 0 && buf[o - 1] != '\n' && buf[o - 1] != ' ')
				buf[o++] = ' ';
			i += n;
		} else if (s[i] == '&' && (n = entity(s + i, buf, &o)) > 0)
			i += n;
		else
			buf[o++] = s[i++];
	}
	buf[o] = '\0';
	return buf;
}

static int
hblank(int c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* The bytes that end a word in pp_feed_text: NUL, hblank() and '\n'. */
static const unsigned char text_sep[256] =
    {['\0'] = 1, ['\n'] = 1, [' '] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1};

const char *
pp_feed_text(struct pp_timetable *tt, const char *s)
{
	const char *raw, *r;
	char *strip = NULL, *out;
	size_t i, j, o = 0, newlines = 0;
	int space = 0;

	if (*s == '\0')
		return empty;
	/* hblank() and line breaks are the separators below */
	raw = has_markup(s) ? (strip = html_strip(s)) : s;
	out = pp_xmalloc(strlen(raw) + 1);
	for (i = 0; raw[i] != '\0';) {
		if (raw[i] == '\n') {
			newlines++;
			space = 0;
			i++;
			continue;
		}
		if (hblank((unsigned char)raw[i])) {
			space = 1;
			i++;
			continue;
		}
		if (o > 0 && newlines > 0) {
			out[o++] = '\n';
			if (newlines > 1)
				out[o++] = '\n';
		} else if (o > 0 && space)
			out[o++] = ' ';
		newlines = 0;
		space = 0;
		/* the word: a table lookup a byte (strcspn's call costs more
		 * than most words) */
		for (j = i; !text_sep[(unsigned char)raw[j]]; j++)
			out[o++] = raw[j];
		i = j;
	}
	r = pp_tt_strndup(tt, out, o);
	free(strip);
	free(out);
	return r;
}

/* Whether s is already one trimmed line: no markup, and no white space
 * but single spaces between words. */
static int
is_line(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == ' ')
		return 0;
	for (; *p != '\0'; p++) {
		/* Every byte but letters and digits is tested (the C
		 * locale's isspace() set is " \t\n\v\f\r"). */
		if (*p > ' ' && *p != '<' && *p != '&')
			continue;
		if (*p == '<' || *p == '&' || *p == '\r')
			return 0;
		if (isspace(*p) &&
		    (*p != ' ' || p[1] == ' ' || p[1] == '\0' || isspace(p[1])))
			return 0;
	}
	return 1;
}

const char *
pp_feed_line(struct pp_timetable *tt, const char *s)
{
	char *raw, *out;
	size_t i, o = 0;
	const char *r;
	int space = 0;

	if (*s == '\0')
		return empty;
	if (is_line(s))
		return pp_tt_strdup(tt, s);
	raw = html_strip(s);
	out = pp_xmalloc(strlen(raw) + 1);
	for (i = 0; raw[i] != '\0'; i++) {
		if (isspace((unsigned char)raw[i]))
			space = 1;
		else {
			if (o > 0 && space)
				out[o++] = ' ';
			space = 0;
			out[o++] = raw[i];
		}
	}
	r = pp_tt_strndup(tt, out, o);
	free(raw);
	free(out);
	return r;
}

enum pp_kind
pp_feed_kind(const char *type, const char *track, const char *title,
    const char **word)
{
	enum pp_kind k;

	*word = type;
	if (*type != '\0') {
		if ((k = pp_kind_guess(type, title)) != PP_KIND_OTHER)
			return k;
	} else if ((k = pp_kind_guess("event", title)) != PP_KIND_OTHER)
		return k; /* the title names a kind */
	if (*track != '\0' &&
	    (k = pp_kind_guess(track, title)) != PP_KIND_OTHER) {
		if (*type == '\0')
			*word = track;
		return k;
	}
	return *type == '\0' ? PP_KIND_TALK : PP_KIND_OTHER;
}

int
pp_feed_bool(const char *s)
{
	static const char *const yes[] = {"true", "1", "yes"};
	static const char *const no[] = {"false", "0", "no"};
	size_t i, n;

	while (isspace((unsigned char)*s))
		s++;
	for (n = strlen(s); n > 0 && isspace((unsigned char)s[n - 1]); n--)
		;
	if (n == 0)
		return -2;
	for (i = 0; i < 3; i++) {
		if (strlen(yes[i]) == n && strncasecmp(s, yes[i], n) == 0)
			return 1;
		if (strlen(no[i]) == n && strncasecmp(s, no[i], n) == 0)
			return 0;
	}
	return -1;
}

void
pp_feed_event_init(struct pp_feed_event *e, struct pp_feed_pos at)
{
	memset(e, 0, sizeof(*e));
	e->at = at;
	e->guid = e->id = e->date = e->start = e->end = empty;
	e->day_date = e->day_start = e->duration = empty;
	e->title = e->subtitle = e->track = e->type = e->level = empty;
	e->abstract = e->description = e->url = e->video_url = empty;
	e->language = empty;
	e->kind = -1;
	e->recorded = PP_REC_UNKNOWN;
}

int
pp_feed_parse_clock(const char *s, int *secs)
{
	int h = 0, m, sec = 0, n = 0;

	while (isspace((unsigned char)*s))
		s++;
	while (isdigit((unsigned char)*s) && n < 2) {
		h = h * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0 || *s++ != ':' || ndigits(&s, 2, &m) != 0)
		return -1;
	if (*s == ':') {
		s++;
		if (ndigits(&s, 2, &sec) != 0)
			return -1;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '\0' || h > 24 || m > 59 || sec > 59 ||
	    (h == 24 && (m != 0 || sec != 0)))
		return -1;
	*secs = h * 3600 + m * 60 + sec;
	return 0;
}

/*
 * The instant of the ISO 8601 date-time s, the event's field what at at;
 * returns 0, or -1 after recording why it has none.
 */
static int
iso_instant(struct pp_feed *f, const char *s, const char *what,
    struct pp_feed_pos at, int64_t *out)
{
	struct pp_feed_time t;

	if (pp_feed_parse_time(s, &t) != 0) {
		pp_feed_problem(f, at, "%s '%s' is not an ISO 8601 date-time",
		    what, s);
		return -1;
	}
	if (pp_feed_instant(f, &t, out) != 0) {
		pp_feed_problem(f, at, "%s '%s' does not exist", what, s);
		return -1;
	}
	return 0;
}

/* Works out the event's start from date, or from start on day_date. */
static int
event_start(struct pp_feed *f, const struct pp_feed_event *e, int64_t *out)
{
	struct pp_feed_time t, ds;
	struct pp_civil day;
	int secs;
	int64_t day_start;

	if (*e->date != '\0')
		return iso_instant(f, e->date, "date", e->date_at, out);
	if (*e->start == '\0') {
		pp_feed_problem(f, nowhere, "no start time (date or start)");
		return -1;
	}
	if (pp_feed_parse_clock(e->start, &secs) != 0) {
		pp_feed_problem(f, e->start_at,
		    "start '%s' is not a time (HH:MM)", e->start);
		return -1;
	}
	if (*e->day_date == '\0' || pp_parse_date(e->day_date, &day) != 0) {
		pp_feed_problem(f, e->start_at,
		    "start '%s' has no date: "
		    "the event is not in a day with a date",
		    e->start);
		return -1;
	}
	/* A frab day runs past midnight: an event listed under it that
	 * starts before the day does is on the next calendar day. */
	if ((*e->day_start != '\0' &&
	        pp_feed_parse_time(e->day_start, &ds) == 0 &&
	        pp_feed_instant(f, &ds, &day_start) == 0 &&
	        ds.c.year == day.year && ds.c.month == day.month &&
	        ds.c.day == day.day &&
	        secs < ds.c.hour * 3600 + ds.c.min * 60) ||
	    (*e->day_start == '\0' && f->day_change > 0 &&
	        secs < f->day_change))
		pp_civil_from_days(pp_days_from_civil(day.year, day.month,
		                       day.day) +
		        1,
		    &day.year, &day.month, &day.day);
	t.c = day;
	t.c.hour = secs / 3600;
	t.c.min = secs / 60 % 60;
	t.c.sec = secs % 60;
	t.has_off = 0;
	t.off = 0;
	if (pp_feed_instant(f, &t, out) != 0) {
		pp_feed_problem(f, e->start_at,
		    "start '%s' on %s does not "
		    "exist",
		    e->start, e->day_date);
		return -1;
	}
	return 0;
}

static int
event_end(struct pp_feed *f, const struct pp_feed_event *e, int64_t start,
    int have_start, int64_t *out)
{
	int64_t dur;

	if (*e->end != '\0') {
		if (iso_instant(f, e->end, "end", e->end_at, out) != 0)
			return -1;
		if (have_start && *out < start) {
			pp_feed_problem(f, e->end_at,
			    "end '%s' is before the start", e->end);
			return -1;
		}
		return 0;
	}
	if (!e->has_duration) {
		pp_feed_problem(f, nowhere, "no duration");
		return -1;
	}
	if (pp_feed_parse_duration(e->duration, &dur) != 0) {
		pp_feed_problem(f, e->duration_at,
		    "duration '%s' is not "
		    "HH:MM or H:MM:SS",
		    e->duration);
		return -1;
	}
	*out = start + dur;
	return 0;
}

/* Whether a link is a recording of the event. */
static int
video_link(const char *url, const char *title)
{
	return strncasecmp(title, "video", 5) == 0 ||
	    strstr(url, "://video.fosdem.org/") != NULL ||
	    strstr(url, "://media.ccc.de/") != NULL;
}

/* Copies the non-empty strings of v onto single lines, into the arena. */
static size_t
copy_lines(struct pp_timetable *tt, const char *const *v, size_t n,
    const char ***out)
{
	const char **r = pp_tt_strv(tt, n);
	size_t i, k = 0, j;

	for (i = 0; i < n; i++) {
		const char *s = pp_feed_line(tt, v[i]);
		int dup = 0;

		for (j = 0; j < k; j++)
			if (strcmp(r[j], s) == 0)
				dup = 1;
		if (*s != '\0' && !dup)
			r[k++] = s;
	}
	*out = r;
	return k;
}

/* Joins the subtitle, abstract and description as plain text. */
static const char *
abstract_of(struct pp_timetable *tt, const struct pp_feed_event *e)
{
	const char *part[3], *r;
	size_t i, n = 0, len = 0;
	char *buf;

	for (i = 0; i < 3; i++) {
		size_t j;
		int dup = 0;

		part[n] = i == 0
		    ? pp_feed_line(tt, e->subtitle)
		    : pp_feed_text(tt, i == 1 ? e->abstract : e->description);
		/* feeds often repeat the abstract as the description */
		for (j = 0; j < n; j++)
			if (strcmp(part[j], part[n]) == 0)
				dup = 1;
		if (*part[n] != '\0' && !dup)
			n++;
	}
	if (n == 0)
		return empty;
	if (n == 1)
		return part[0];
	for (i = 0; i < n; i++)
		len += strlen(part[i]) + 2;
	buf = pp_xmalloc(len + 1);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(buf, "\n\n");
		strcat(buf, part[i]);
	}
	r = pp_tt_strdup(tt, buf);
	free(buf);
	return r;
}

int
pp_feed_add(struct pp_feed *f, const struct pp_feed_event *e)
{
	struct pp_timetable *tt = f->tt;
	struct pp_event *ev;
	const char *title = pp_feed_line(tt, e->title), *word, *video;
	int64_t start = 0, end = 0;
	int have_start;
	size_t i, unknown;
	enum pp_kind kind;

	if (pp_feed_count(f, e->at) != 0) {
		f->nprob = 0;
		return -1;
	}
	if (*title == '\0')
		pp_feed_problem(f, nowhere, "missing title");
	have_start = event_start(f, e, &start) == 0;
	if (event_end(f, e, start, have_start, &end) == 0 && have_start) {
		if (end == start && f->nprob == 0) {
			pp_feed_warn(f, e->at,
			    "'%s' has zero "
			    "length: not schedulable, skipped",
			    title);
			return 0;
		}
		/* Plans count whole minutes: a shorter event would count
		 * as nothing. */
		if (end > start && end - start < 60 && f->nprob == 0) {
			pp_feed_warn(f, e->at,
			    "'%s' lasts %d seconds, less than a minute: not "
			    "schedulable, skipped",
			    title, (int)(end - start));
			return 0;
		}
		if (end < start)
			pp_feed_problem(f, e->duration_at,
			    "duration '%s' is negative", e->duration);
		else if (end - start > MAX_DURATION)
			pp_feed_problem(f,
			    e->end_at.line != 0 ? e->end_at : e->duration_at,
			    "event lasts more than 7 days");
	}
	if (pp_feed_flush(f, e->at) > 0)
		return -1;

	ev = pp_timetable_add(tt);
	ev->file = f->name;
	ev->line = e->at.line;
	if (*e->guid != '\0')
		ev->id = pp_feed_line(tt, e->guid);
	else if (*e->id != '\0')
		ev->id = pp_feed_line(tt, e->id);
	if (*ev->id == '\0') {
		char *id = e->at.col != 0
		    ? pp_xasprintf("%s:%u:%u", f->base, e->at.line, e->at.col)
		    : pp_xasprintf("%s:%u", f->base, e->at.line);

		ev->id = pp_tt_strdup(tt, id);
		free(id);
	}
	ev->title = title;
	ev->track = pp_feed_line(tt, e->track);
	if (e->kind >= 0 && e->kind < PP_KIND__COUNT) {
		kind = (enum pp_kind)e->kind;
		word = e->type;
	} else
		kind = pp_feed_kind(pp_feed_line(tt, e->type), ev->track, title,
		    &word);
	ev->kind = kind;
	ev->kind_word = pp_feed_line(tt, word);
	ev->start = start;
	ev->end = end;
	ev->tz = pp_feed_zone(f);
	if (e->nrooms > 0) {
		const char **rooms;
		size_t n = copy_lines(tt, e->rooms, e->nrooms, &rooms);

		pp_tt_set_rooms(tt, ev, rooms, n);
	}
	ev->level = pp_feed_line(tt, e->level);
	ev->url = pp_feed_line(tt, e->url);
	video = e->video_url;
	for (i = 0; *video == '\0' && i < e->nlinks; i++)
		if (video_link(e->link_url[i],
		        e->link_title != NULL ? e->link_title[i] : empty))
			video = e->link_url[i];
	ev->video_url = pp_feed_line(tt, video);
	ev->abstract = abstract_of(tt, e);
	ev->nspeakers = copy_lines(tt, e->persons, e->npersons, &ev->speakers);
	ev->ntags = copy_lines(tt, e->tags, e->ntags, &ev->tags);
	ev->lang = pp_tt_lang(tt, e->language, &unknown);
	if (unknown > 0)
		pp_diag_add(f->ds, PP_NOTE, f->name, e->at.line, e->at.col,
		    "language '%s': %zu word(s) not understood", e->language,
		    unknown);
	ev->recorded = e->recorded;
	if (ev->recorded == PP_REC_UNKNOWN && *ev->video_url != '\0')
		ev->recorded = PP_REC_YES;
	if (e->cancelled) {
		ev->status = PP_STATUS_CANCELLED;
		pp_diag_add(f->ds, PP_NOTE, f->name, e->at.line, e->at.col,
		    "'%s' is cancelled: listed, never planned", ev->title);
	}
	return 0;
}
