/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input.  libical keeps no line numbers and gives up on damaged
 * structure, so a pre-scan of the raw text first finds every component
 * with its physical lines and reports structural damage.  Each intact
 * VTIMEZONE and VEVENT is then parsed by libical on its own and attached
 * to a calendar component (so TZID lookups see the file's VTIMEZONEs),
 * and every problem can be pinned to a line.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "pyplan/load_ics.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

#define MAX_DEPTH 16
/* Iterations of one RRULE in busy mode before giving up (the occurrence
 * cap applies only inside the window there). */
#define MAX_BUSY_ITERATIONS 1000000
#define LIBICAL_PREFIX "/freeassociation.sourceforge.net/"

/* A logical (unfolded) content line found by the pre-scan. */
struct cline {
	size_t off, end; /* raw bytes [off, end) of data, folds included */
	unsigned line;   /* physical line of its first part, 1-based */
};

enum ckind { C_VEVENT, C_VTIMEZONE };

/* An intact or damaged VEVENT or VTIMEZONE directly under a VCALENDAR. */
struct comp {
	enum ckind kind;
	size_t cal;         /* index into ctx.cals */
	size_t first, last; /* logical lines of its BEGIN and END */
	int broken;         /* structural damage: never parsed */
	icalcomponent *ic;  /* parsed; owned by its calendar */
};

struct cal {
	icalcomponent *ic; /* the VCALENDAR libical sees */
	char *wr_tz;       /* X-WR-TIMEZONE, heap, or NULL */
	char *wr_name;     /* X-WR-CALNAME, heap, or NULL */
	const char *fzone; /* floating/display zone of this calendar */
};

/* A RECURRENCE-ID override: that instance of the master is replaced. */
struct override {
	const char *uid; /* borrowed from libical */
	int64_t at;
};

/* One occurrence of an event. */
struct occ {
	int64_t start;
	struct icaltimetype t; /* the occurrence's own civil time */
};

struct ctx {
	struct pp_timetable *tt;
	const char *name;
	const char *data;
	size_t len;
	int lenient;
	int busy;
	int64_t from, to;
	struct pp_diags *ds;
	const char *opt_tz; /* opts->tz or NULL */
	int full;           /* PP_LOAD_MAX_EVENTS reached */

	struct cline *cl;
	size_t ncl, capcl;
	struct comp *comp;
	size_t ncomp, capcomp;
	struct cal *cals;
	size_t ncals, capcals;
	struct override *ov;
	size_t nov, capov;
	char **noted_tzids; /* TZIDs already reported as not IANA */
	size_t nnoted, capnoted;
};

/* ---- diagnostics ---------------------------------------------------- */

/*
 * Reports a problem: an error in strict mode, a warning in lenient mode,
 * where an event-level problem also says the event is skipped.
 */
static void problem(struct ctx *c, unsigned line, int event, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
problem(struct ctx *c, unsigned line, int event, const char *fmt, ...)
{
	char buf[224];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (c->lenient)
		pp_diag_add(c->ds, PP_WARNING, c->name, line, 0, "%s%s", buf,
		    event ? ": event skipped" : "");
	else
		pp_diag_add(c->ds, PP_ERROR, c->name, line, 0, "%s", buf);
}

/* Copies s into buf (size n) for quoting in a message, cut with "...". */
static const char *
excerpt(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s), i;

	if (len < n) {
		memcpy(buf, s, len + 1);
	} else {
		/* Cut on a UTF-8 boundary so the message stays valid. */
		i = pp_utf8_boundary(s, n - 4);
		memcpy(buf, s, i);
		memcpy(buf + i, "...", 4);
	}
	for (i = 0; buf[i] != '\0'; i++)
		if ((unsigned char)buf[i] < 0x20)
			buf[i] = ' ';
	return buf;
}

/* ---- pre-scan -------------------------------------------------------- */

/* Returns the unfolded text of logical line i (no line break); the caller
 * frees it. */
static char *
cl_text(const struct ctx *c, size_t i)
{
	const char *p = c->data + c->cl[i].off, *e = c->data + c->cl[i].end;
	char *out = pp_xmalloc((size_t)(e - p) + 1), *o = out;

	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *eol = nl != NULL ? nl : e;
		size_t n = (size_t)(eol - p);

		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (p > c->data + c->cl[i].off) {
			/* a continuation: drop the one folding blank */
			p++;
			n = n > 0 ? n - 1 : 0;
		}
		memcpy(o, p, n);
		o += n;
		p = nl != NULL ? nl + 1 : e;
	}
	*o = '\0';
	return out;
}

/* Length of the property name at the start of s ([A-Za-z0-9-]*). */
static size_t
name_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '-')
		n++;
	return n;
}

/* Returns the value part of a content line: after the first ':' that is
 * not inside a quoted parameter value, or NULL. */
static const char *
cl_value(const char *s)
{
	int q = 0;

	for (; *s != '\0'; s++) {
		if (*s == '"')
			q = !q;
		else if (*s == ':' && !q)
			return s + 1;
	}
	return NULL;
}

/* 1 if the text is valid UTF-8 without control characters other than
 * tab (content lines may hold neither, RFC 5545 §3.1). */
static int
valid_text(const char *s)
{
	size_t len = strlen(s), i, n;
	int32_t cp;

	for (i = 0; i < len; i += n) {
		if ((n = pp_utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f)
			return 0;
	}
	return 1;
}

/* Unescapes an RFC 5545 TEXT value in place. */
static void
unescape(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 'n' || *s == 'N' ? '\n' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

/* Splits data into logical lines.  Returns -1 on binary data. */
static int
split_lines(struct ctx *c)
{
	const char *d = c->data, *end = d + c->len, *p = d;
	const char *nul = memchr(d, '\0', c->len);
	unsigned lineno = 0;
	int open = 0;

	if (nul != NULL) {
		for (p = d; p < nul; p++)
			lineno += *p == '\n';
		pp_diag_err(c->ds, c->name, lineno + 1,
		    "binary data (NUL byte): not an iCalendar file");
		return -1;
	}
	if (c->len >= 3 && memcmp(d, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl != NULL ? nl + 1 : end;
		size_t n = (size_t)((nl != NULL ? nl : end) - p);

		if (n > 0 && p[n - 1] == '\r')
			n--;
		lineno++;
		if (n > 0 && (p[0] == ' ' || p[0] == '\t') && open) {
			c->cl[c->ncl - 1].end = (size_t)(next - d);
		} else if (n == 0) {
			open = 0; /* blank lines are ignored, as libical does */
		} else {
			c->cl = pp_xgrowarray(c->cl, &c->capcl, c->ncl + 1,
			    sizeof(*c->cl));
			c->cl[c->ncl].off = (size_t)(p - d);
			c->cl[c->ncl].end = (size_t)(next - d);
			c->cl[c->ncl].line = lineno;
			c->ncl++;
			open = 1;
		}
		p = next;
	}
	return 0;
}

struct frame {
	char name[40]; /* component name, upper case */
	size_t line;   /* logical line of its BEGIN */
	long comp;     /* index into c->comp, or -1 */
};

static void
add_comp(struct ctx *c, enum ckind kind, size_t first)
{
	c->comp =
	    pp_xgrowarray(c->comp, &c->capcomp, c->ncomp + 1, sizeof(*c->comp));
	memset(&c->comp[c->ncomp], 0, sizeof(*c->comp));
	c->comp[c->ncomp].kind = kind;
	c->comp[c->ncomp].cal = c->ncals - 1;
	c->comp[c->ncomp].first = first;
	c->comp[c->ncomp].last = first;
	c->ncomp++;
}

/*
 * Reports frame d of the stack as never closed (why: what came instead,
 * at line at).  The VEVENT or VTIMEZONE holding it is damaged: it will not
 * be parsed.
 */
static void
unclosed(struct ctx *c, const struct frame *st, size_t d, const char *why,
    unsigned at)
{
	long k = d >= 1 ? st[1].comp : -1;

	if (k >= 0)
		c->comp[k].broken = 1;
	problem(c, c->cl[st[d].line].line,
	    k >= 0 && c->comp[k].kind == C_VEVENT,
	    "missing END:%s (%s at line %u)", st[d].name, why, at);
}

/*
 * Classifies a content line: *which = 1 for BEGIN, 2 for END, 0 for any
 * other line.  For BEGIN and END, the component name goes upper-cased into
 * val (40 bytes); returns -1 if it is not a plain name.
 */
static int
structural(const char *text, int *which, char *val)
{
	size_t nlen = name_len(text), n;
	const char *v = text + nlen + 1;

	*which = 0;
	if (nlen == 5 && strncasecmp(text, "BEGIN", 5) == 0)
		*which = 1;
	else if (nlen == 3 && strncasecmp(text, "END", 3) == 0)
		*which = 2;
	else
		return 0;
	if (text[nlen] != ':')
		return -1;
	n = name_len(v);
	if (n == 0 || n >= 40 || strspn(v + n, " \t") != strlen(v + n))
		return -1;
	for (nlen = 0; nlen < n; nlen++)
		val[nlen] = (char)toupper((unsigned char)v[nlen]);
	val[n] = '\0';
	return 0;
}

/* Reads a calendar-level property that pyplan uses. */
static void
cal_property(struct ctx *c, const char *text, size_t nlen)
{
	struct cal *k = &c->cals[c->ncals - 1];
	const char *v = cl_value(text);
	char **dst = NULL;

	if (v == NULL)
		return;
	if (nlen == 13 && strncasecmp(text, "X-WR-TIMEZONE", nlen) == 0)
		dst = &k->wr_tz;
	else if (nlen == 12 && strncasecmp(text, "X-WR-CALNAME", nlen) == 0)
		dst = &k->wr_name;
	if (dst == NULL || *dst != NULL)
		return;
	*dst = pp_xstrdup(v);
	unescape(*dst);
}

/*
 * Walks the logical lines, tracking BEGIN/END nesting, and records every
 * VEVENT and VTIMEZONE.  Any damage inside one marks it broken, so that
 * libical only ever sees well-nested text (it prints to stderr otherwise).
 * Damage is reported at the line of the BEGIN that was never closed.
 * Returns -1 if the data is not iCalendar at all.
 */
static int
scan(struct ctx *c)
{
	struct frame st[MAX_DEPTH];
	size_t depth = 0, i, j;
	int outside = 0, which, bad;

	for (i = 0; i < c->ncl; i++) {
		char *text = cl_text(c, i), val[40], ex[64];
		size_t nlen = name_len(text);
		unsigned line = c->cl[i].line;
		/* the VEVENT or VTIMEZONE this line is in, or -1 */
		long k = depth > 1 ? st[1].comp : -1;
		int ev = k >= 0 && c->comp[k].kind == C_VEVENT;

		bad = !valid_text(text);
		if (!bad)
			bad = structural(text, &which, val) != 0;
		if (i == 0 &&
		    (bad || which != 1 || strcmp(val, "VCALENDAR") != 0)) {
			if (valid_text(text))
				pp_diag_err(c->ds, c->name, line,
				    "not an "
				    "iCalendar file (expected BEGIN:VCALENDAR, "
				    "found '%s')",
				    excerpt(text, ex, sizeof(ex)));
			else
				pp_diag_err(c->ds, c->name, line,
				    "not an "
				    "iCalendar file (invalid UTF-8 or control "
				    "character)");
			free(text);
			return -1;
		}
		if (bad) {
			if (k >= 0)
				c->comp[k].broken = 1;
			if (!valid_text(text))
				problem(c, line, ev,
				    "invalid UTF-8 or control character");
			else
				problem(c, line, ev, "malformed %s line '%s'",
				    which == 1 ? "BEGIN" : "END",
				    excerpt(text, ex, sizeof(ex)));
			free(text);
			continue;
		}
		if (which == 1) {
			int top = strcmp(val, "VCALENDAR") == 0;
			int child = strcmp(val, "VEVENT") == 0 ||
			    strcmp(val, "VTIMEZONE") == 0;
			char why[48];

			/* VCALENDAR only at the top, VEVENT and VTIMEZONE
			 * only right under it: anything still open above
			 * them was never closed. */
			snprintf(why, sizeof(why), "BEGIN:%s", val);
			while (depth > 0 && (top || (child && depth > 1))) {
				depth--;
				unclosed(c, st, depth, why, line);
			}
			if (depth == 0 && !top) {
				if (!outside)
					problem(c, line, 0,
					    "BEGIN:%s outside "
					    "VCALENDAR",
					    val);
				outside = 1;
				free(text);
				continue;
			}
			if (depth == MAX_DEPTH) {
				free(text);
				pp_diag_err(c->ds, c->name, line,
				    "components nested too deeply");
				return -1;
			}
			memcpy(st[depth].name, val, sizeof(val));
			st[depth].line = i;
			st[depth].comp = -1;
			if (top) {
				c->cals = pp_xgrowarray(c->cals, &c->capcals,
				    c->ncals + 1, sizeof(*c->cals));
				memset(&c->cals[c->ncals], 0, sizeof(*c->cals));
				c->ncals++;
			} else if (child && depth == 1) {
				add_comp(c,
				    val[1] == 'E' ? C_VEVENT : C_VTIMEZONE, i);
				st[depth].comp = (long)c->ncomp - 1;
			}
			depth++;
			outside = 0;
		} else if (which == 2) {
			for (j = depth; j > 0; j--)
				if (strcmp(st[j - 1].name, val) == 0)
					break;
			if (j == 0) {
				if (k >= 0)
					c->comp[k].broken = 1;
				problem(c, line, ev, "END:%s without BEGIN:%s",
				    val, val);
			} else {
				char why[48];

				snprintf(why, sizeof(why), "END:%s", val);
				while (depth > j) {
					depth--;
					unclosed(c, st, depth, why, line);
				}
				if (st[j - 1].comp >= 0)
					c->comp[st[j - 1].comp].last = i;
				depth--;
			}
		} else if (depth == 0) {
			if (!outside)
				problem(c, line, 0,
				    "content outside "
				    "BEGIN:VCALENDAR ... END:VCALENDAR");
			outside = 1;
		} else if (depth == 1) {
			const char *v = cl_value(text);

			if (nlen == 0 || v == NULL ||
			    (text[nlen] != ':' && text[nlen] != ';'))
				problem(c, line, 0, "not a content line: '%s'",
				    excerpt(text, ex, sizeof(ex)));
			else
				cal_property(c, text, nlen);
		}
		free(text);
	}
	while (depth > 0) {
		depth--;
		unclosed(c, st, depth, "end of file",
		    c->ncl > 0 ? c->cl[c->ncl - 1].line : 1);
	}
	if (c->ncals == 0) {
		pp_diag_err(c->ds, c->name, 1,
		    "not an iCalendar file (no BEGIN:VCALENDAR)");
		return -1;
	}
	return 0;
}

/* ---- libical helpers ------------------------------------------------- */

/* Finds the line of the first property named prop in component k, or
 * its BEGIN line.  If value is not NULL it receives the raw value. */
static unsigned
prop_line(const struct ctx *c, const struct comp *k, const char *prop,
    char *value, size_t vsize)
{
	size_t i, n = strlen(prop);

	if (value != NULL)
		value[0] = '\0';
	for (i = k->first + 1; i < k->last; i++) {
		char *text = cl_text(c, i);

		if (name_len(text) == n && strncasecmp(text, prop, n) == 0) {
			unsigned line = c->cl[i].line;

			if (value != NULL) {
				const char *v = cl_value(text);

				snprintf(value, vsize, "%s",
				    v != NULL ? v : "");
			}
			free(text);
			return line;
		}
		free(text);
	}
	return c->cl[k->first].line;
}

/* Finds the first line of k whose text contains needle, or its BEGIN. */
static unsigned
text_line(const struct ctx *c, const struct comp *k, const char *needle)
{
	size_t i;

	if (*needle == '\0')
		return c->cl[k->first].line;
	for (i = k->first + 1; i < k->last; i++) {
		char *text = cl_text(c, i);
		int hit = strstr(text, needle) != NULL;

		free(text);
		if (hit)
			return c->cl[i].line;
	}
	return c->cl[k->first].line;
}

/* 1 if prop may have an empty value (TEXT and unknown properties). */
static int
empty_ok(const char *prop)
{
	static const char *const text[] = {"SUMMARY", "DESCRIPTION", "LOCATION",
	    "COMMENT", "CATEGORIES", "CONTACT", "RESOURCES", "URL", "CLASS",
	    "X-WR-CALDESC"};
	size_t i;

	if (strncasecmp(prop, "X-", 2) == 0)
		return 1;
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (strcasecmp(prop, text[i]) == 0)
			return 1;
	return 0;
}

/*
 * Turns libical's X-LIC-ERROR properties (in ic and its subcomponents)
 * into diagnostics at the best line found.  Returns how many were
 * problems (unknown property names are only noted).
 */
static int
report_xlic(struct ctx *c, const struct comp *k, icalcomponent *ic)
{
	static const struct {
		const char *prefix, *what;
	} known[] = {
	    {"Got a data line, but could not find a property name or "
	     "component begin tag",
	        "not a content line:"},
	    {"Can't parse parameter name", "bad parameter in"},
	    {"Cant parse parameter name", "bad parameter in"},
	    {"Can't parse parameter value", "bad parameter value in"},
	};
	static const char propname[] = "Parse error in property name";
	icalproperty *p;
	icalcomponent *sub;
	int n = 0;

	for (p = icalcomponent_get_first_property(ic, ICAL_XLICERROR_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_XLICERROR_PROPERTY)) {
		const char *msg = icalproperty_get_xlicerror(p);
		const char *tail = NULL, *sep;
		char ex[80], what[32], prop[32];
		unsigned line;
		size_t i;

		if (msg == NULL)
			msg = "";
		for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
			if (strncmp(msg, known[i].prefix,
			        strlen(known[i].prefix)) == 0)
				break;
		sep = strstr(msg, ": ");
		tail = sep != NULL ? sep + 2 : "";
		line = text_line(c, k, tail);
		if (strncmp(msg, propname, sizeof(propname) - 1) == 0) {
			if (*tail != '\0' && name_len(tail) == strlen(tail)) {
				/* A well-formed name libical does not know:
				 * RFC 5545 allows IANA properties. */
				pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
				    "unknown property %s ignored",
				    excerpt(tail, ex, 40));
				continue;
			}
			n++;
			problem(c, line, k->kind == C_VEVENT,
			    "bad property name in '%s'",
			    excerpt(tail, ex, sizeof(ex)));
			continue;
		}
		n++;
		if (i < sizeof(known) / sizeof(known[0])) {
			problem(c, line, k->kind == C_VEVENT, "%s '%s'",
			    known[i].what, excerpt(tail, ex, sizeof(ex)));
		} else if (sscanf(msg, "Can't parse as %31s value in %31s",
		               what, prop) == 2) {
			problem(c, line, k->kind == C_VEVENT,
			    "bad %s value '%s'", prop,
			    excerpt(tail, ex, sizeof(ex)));
		} else if (sscanf(msg, "No value for %31s", prop) == 1) {
			/* An empty TEXT value is valid (SUMMARY:, Google's
			 * empty DESCRIPTION and LOCATION); others are not. */
			if (empty_ok(prop)) {
				n--;
				continue;
			}
			problem(c, prop_line(c, k, prop, NULL, 0),
			    k->kind == C_VEVENT, "%s without a value", prop);
		} else {
			problem(c, line, k->kind == C_VEVENT,
			    "malformed content (libical: %s)",
			    excerpt(msg, ex, sizeof(ex)));
		}
	}
	for (sub = icalcomponent_get_first_component(ic, ICAL_ANY_COMPONENT);
	     sub != NULL;
	     sub = icalcomponent_get_next_component(ic, ICAL_ANY_COMPONENT))
		n += report_xlic(c, k, sub);
	return n;
}

/* 1 if a BY* list of a recurrence rule has entries. */
static int
has_by(const short *v)
{
	return v[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/*
 * Returns why libical must not iterate rule r, or NULL.  Its iterator
 * steps one unit of FREQ at a time through the filters, and a single call
 * can run for hours: FREQ=MINUTELY with a day filter that never matches
 * ("BYMONTH=2;BYMONTHDAY=30") walks every minute up to the year 2582.
 * So sub-daily rules may not filter on days, and a BYMONTHDAY that no
 * BYMONTH month has is refused outright.
 */
static const char *
rule_trouble(const struct icalrecurrencetype *r)
{
	static const short mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	size_t i, j;
	int any = 0;

	if (r->freq < ICAL_DAILY_RECURRENCE &&
	    (has_by(r->by_month) || has_by(r->by_month_day) ||
	        has_by(r->by_year_day) || has_by(r->by_week_no) ||
	        has_by(r->by_day) || has_by(r->by_set_pos)))
		return "sub-daily FREQ with a day, week or month filter";
	if (!has_by(r->by_month) || !has_by(r->by_month_day))
		return NULL;
	for (i = 0; i < ICAL_BY_MONTH_SIZE && has_by(r->by_month + i); i++)
		for (j = 0;
		     j < ICAL_BY_MONTHDAY_SIZE && has_by(r->by_month_day + j);
		     j++) {
			int m = r->by_month[i], d = r->by_month_day[j];

			if (m < 1 || m > 12 || (d < 0 ? -d : d) <= mdays[m - 1])
				any = 1;
		}
	return any ? NULL : "BYMONTHDAY that none of its BYMONTH months has";
}

/* Observances a VTIMEZONE may generate up to the year 3000. */
#define MAX_TZ_CHANGES 5000

/*
 * Checks a VTIMEZONE before libical uses it: it needs a TZID, and its
 * observances must not recur so often that libical, which expands them
 * all whenever it converts a time, would run for hours (an RRULE of
 * FREQ=SECONDLY in a STANDARD block).  Returns 0, or -1 after reporting.
 */
static int
check_vtimezone(struct ctx *c, const struct comp *k, icalcomponent *vtz)
{
	icalcomponent *o;
	size_t n = 0;

	if (icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY) == NULL) {
		problem(c, c->cl[k->first].line, 0, "VTIMEZONE without TZID");
		return -1;
	}
	for (o = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	     o != NULL;
	     o = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		struct icaltimetype start = icalcomponent_get_dtstart(o), t;
		icalproperty *p;

		for (p = icalcomponent_get_first_property(o,
		         ICAL_RRULE_PROPERTY);
		     p != NULL; p = icalcomponent_get_next_property(o,
		                    ICAL_RRULE_PROPERTY)) {
			struct icalrecurrencetype r = icalproperty_get_rrule(p);
			icalrecur_iterator *it;

			if (r.freq != ICAL_NO_RECURRENCE &&
			    rule_trouble(&r) != NULL) {
				problem(c, prop_line(c, k, "RRULE", NULL, 0), 0,
				    "unsupported VTIMEZONE RRULE (%s)",
				    rule_trouble(&r));
				return -1;
			}
			if (r.freq == ICAL_NO_RECURRENCE ||
			    icaltime_is_null_time(start) ||
			    (it = icalrecur_iterator_new(r, start)) == NULL)
				continue; /* libical ignores it too */
			while (!icaltime_is_null_time(
			           t = icalrecur_iterator_next(it)) &&
			    t.year < 3000 && n <= MAX_TZ_CHANGES)
				n++;
			icalrecur_iterator_free(it);
		}
		if (n > MAX_TZ_CHANGES) {
			problem(c, prop_line(c, k, "RRULE", NULL, 0), 0,
			    "VTIMEZONE rule changes the offset more than %d "
			    "times",
			    MAX_TZ_CHANGES);
			return -1;
		}
	}
	return 0;
}

/*
 * Parses component k with libical and attaches it to its calendar.
 * libical gets the lines unfolded, with BEGIN and END lines in canonical
 * form, as the scan read them.
 */
static void
parse_comp(struct ctx *c, struct comp *k)
{
	icalcomponent_kind want = k->kind == C_VEVENT
	    ? ICAL_VEVENT_COMPONENT
	    : ICAL_VTIMEZONE_COMPONENT;
	icalcomponent *ic;
	char *text = NULL, val[40];
	size_t n = 0, cap = 0, i;
	int which;

	for (i = k->first; i <= k->last; i++) {
		char *t = cl_text(c, i), *l = t;
		size_t len;

		if (structural(t, &which, val) == 0 && which != 0)
			l = pp_xasprintf("%s:%s", which == 1 ? "BEGIN" : "END",
			    val);
		len = strlen(l);
		text = pp_xgrowarray(text, &cap, n + len + 3, 1);
		memcpy(text + n, l, len);
		memcpy(text + n + len, "\r\n", 3);
		n += len + 2;
		if (l != t)
			free(l);
		free(t);
	}
	ic = icalparser_parse_string(text);
	free(text);
	if (ic == NULL || icalcomponent_isa(ic) != want) {
		if (ic != NULL)
			icalcomponent_free(ic);
		problem(c, c->cl[k->first].line, k->kind == C_VEVENT,
		    "unreadable %s",
		    k->kind == C_VEVENT ? "VEVENT" : "VTIMEZONE");
		k->broken = 1;
		return;
	}
	if (k->kind == C_VTIMEZONE && check_vtimezone(c, k, ic) != 0) {
		icalcomponent_free(ic);
		k->broken = 1;
		return;
	}
	if (c->cals[k->cal].ic == NULL)
		c->cals[k->cal].ic =
		    icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_component(c->cals[k->cal].ic, ic);
	k->ic = ic;
}

static int
is_utc_name(const char *z)
{
	return strcmp(z, "UTC") == 0 || strcmp(z, "Z") == 0 ||
	    strcmp(z, "Etc/UTC") == 0 || strcmp(z, "GMT") == 0;
}

static icaltimezone *
builtin_zone(const char *name)
{
	if (name == NULL || *name == '\0')
		return NULL;
	if (is_utc_name(name))
		return icaltimezone_get_utc_timezone();
	if (strncmp(name, LIBICAL_PREFIX, strlen(LIBICAL_PREFIX)) == 0)
		name += strlen(LIBICAL_PREFIX);
	return icaltimezone_get_builtin_timezone(name);
}

/* The zone a TZID names: the calendar's VTIMEZONE, else an IANA name. */
static icaltimezone *
find_zone(const struct ctx *c, const struct comp *k, const char *tzid)
{
	icaltimezone *z = NULL;

	if (c->cals[k->cal].ic != NULL)
		z = icalcomponent_get_timezone(c->cals[k->cal].ic, tzid);
	return z != NULL ? z : builtin_zone(tzid);
}

/* The TZID parameter of p, or NULL. */
static const char *
tzid_of(icalproperty *p)
{
	icalparameter *q =
	    icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);

	return q != NULL ? icalparameter_get_tzid(q) : NULL;
}

/* 1 if the civil fields of t are a real date and time. */
static int
valid_fields(const struct icaltimetype *t)
{
	int y, m, d;

	if (t->year < 1800 || t->year > 2999 || t->month < 1 || t->month > 12 ||
	    t->day < 1 || t->day > 31)
		return 0;
	pp_civil_from_days(pp_days_from_civil(t->year, t->month, t->day), &y,
	    &m, &d);
	if (y != t->year || m != t->month || d != t->day)
		return 0;
	return t->is_date ||
	    (t->hour >= 0 && t->hour <= 23 && t->minute >= 0 &&
	        t->minute <= 59 && t->second >= 0 && t->second <= 60);
}

/* 1 if a raw DATE or DATE-TIME value has the RFC 5545 form. */
static int
valid_raw_time(const char *v)
{
	size_t i, n = strlen(v);

	if (n != 8 && n != 15 && n != 16)
		return 0;
	for (i = 0; i < n; i++) {
		if (i == 8) {
			if (v[i] != 'T')
				return 0;
		} else if (i == 15) {
			if (v[i] != 'Z')
				return 0;
		} else if (!isdigit((unsigned char)v[i]))
			return 0;
	}
	return 1;
}

/*
 * UTC seconds of t: a UTC time, a time in its own zone, or a floating
 * time in fzone.  A DATE is its midnight.  Does its own calendar
 * arithmetic: icaltime_as_timet fails before 1902.
 */
static int64_t
to_instant(struct icaltimetype t, icaltimezone *fzone)
{
	icaltimezone *utc = icaltimezone_get_utc_timezone();
	icaltimezone *z;
	int shift = 0;

	if (t.is_date) {
		t.is_date = 0;
		t.hour = t.minute = t.second = 0;
	}
	if (!icaltime_is_utc(t)) {
		z = t.zone != NULL ? (icaltimezone *)(uintptr_t)t.zone : fzone;
		/* libical expands and caches every transition up to the
		 * year it converts: far years are looked up 400*k years
		 * earlier (the calendar repeats every 400 years). */
		if (t.year >= 2500)
			shift = (t.year - 2100) / 400 * 400;
		t.year -= shift;
		if (z != NULL && z != utc)
			icaltimezone_convert_time(&t, z, utc);
		t.year += shift;
	}
	return pp_days_from_civil(t.year, t.month, t.day) * 86400 +
	    (int64_t)t.hour * 3600 + t.minute * 60 + t.second;
}

/* Formats an instant as "YYYYMMDDTHHMMSSZ" into buf[17]. */
static void
format_utc(int64_t t, char *buf)
{
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t rem = t - days * 86400;
	int y, m, d;

	pp_civil_from_days(days, &y, &m, &d);
	snprintf(buf, 17, "%04u%02u%02uT%02u%02u%02uZ", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u,
	    (unsigned)(rem / 3600) % 100u, (unsigned)(rem / 60 % 60),
	    (unsigned)(rem % 60));
}

/* ---- events ---------------------------------------------------------- */

/* What a VEVENT says about time, after checking. */
struct when {
	struct icaltimetype start; /* zone resolved */
	icaltimezone *fzone;       /* floating zone */
	int64_t t0;                /* instant of DTSTART */
	int64_t len;               /* seconds (DATE events: whole days) */
	int is_date;
};

/*
 * Checks a DATE/DATE-TIME property (DTSTART, DTEND, RECURRENCE-ID):
 * its raw form, its fields and its zone.  t is libical's value (zone
 * already resolved when libical could).  Returns 0, or -1 after
 * reporting.
 */
static int
check_time(struct ctx *c, const struct comp *k, const char *prop,
    icalproperty *p, struct icaltimetype *t)
{
	char raw[64], ex[64];
	unsigned line = prop_line(c, k, prop, raw, sizeof(raw));
	const char *tzid = tzid_of(p);

	if (!valid_raw_time(raw) || !valid_fields(t)) {
		problem(c, line, 1, "bad %s value '%s'", prop,
		    excerpt(raw, ex, sizeof(ex)));
		return -1;
	}
	if (tzid != NULL && !t->is_date && !icaltime_is_utc(*t) &&
	    t->zone == NULL) {
		icaltimezone *z = find_zone(c, k, tzid);

		if (z == NULL) {
			problem(c, line, 1,
			    "unknown TZID '%s' (no usable "
			    "VTIMEZONE and not an IANA zone name)",
			    excerpt(tzid, ex, sizeof(ex)));
			return -1;
		}
		*t = icaltime_set_timezone(t, z);
	}
	return 0;
}

/* Resolves the zone of an RDATE/EXDATE value from its TZID parameter. */
static int
value_zone(struct ctx *c, const struct comp *k, icalproperty *p,
    const char *prop, struct icaltimetype *t)
{
	const char *tzid = tzid_of(p);
	char ex[64];

	if (!valid_fields(t)) {
		problem(c, prop_line(c, k, prop, NULL, 0), 1, "bad %s value",
		    prop);
		return -1;
	}
	if (tzid != NULL && !t->is_date && !icaltime_is_utc(*t)) {
		icaltimezone *z = find_zone(c, k, tzid);

		if (z == NULL) {
			problem(c, prop_line(c, k, prop, NULL, 0), 1,
			    "unknown TZID '%s'", excerpt(tzid, ex, sizeof(ex)));
			return -1;
		}
		*t = icaltime_set_timezone(t, z);
	}
	return 0;
}

/*
 * Reads DTSTART and DTEND/DURATION.  Returns 1 if the event has a usable
 * time span, 0 if it is to be skipped quietly (after a note or warning
 * where the caller's mode wants one), -1 after a problem.
 */
static int
read_when(struct ctx *c, const struct comp *k, struct when *w)
{
	icalcomponent *ic = k->ic;
	icalproperty *ps =
	    icalcomponent_get_first_property(ic, ICAL_DTSTART_PROPERTY);
	icalproperty *pe =
	    icalcomponent_get_first_property(ic, ICAL_DTEND_PROPERTY);
	icalproperty *pd =
	    icalcomponent_get_first_property(ic, ICAL_DURATION_PROPERTY);
	unsigned line = c->cl[k->first].line;
	struct icaltimetype e;

	if (ps == NULL) {
		problem(c, line, 1, "VEVENT without DTSTART");
		return -1;
	}
	w->start = icalcomponent_get_dtstart(ic);
	if (check_time(c, k, "DTSTART", ps, &w->start) != 0)
		return -1;
	w->is_date = w->start.is_date;
	w->t0 = to_instant(w->start, w->fzone);
	if (pe != NULL && pd != NULL) {
		problem(c, prop_line(c, k, "DURATION", NULL, 0), 1,
		    "both DTEND and DURATION");
		return -1;
	}
	if (pe != NULL) {
		e = icalcomponent_get_dtend(ic);
		if (check_time(c, k, "DTEND", pe, &e) != 0)
			return -1;
		if (e.is_date != w->is_date) {
			problem(c, prop_line(c, k, "DTEND", NULL, 0), 1,
			    "DTEND and DTSTART differ in value type "
			    "(DATE and DATE-TIME)");
			return -1;
		}
		w->len = to_instant(e, w->fzone) - w->t0;
	} else if (pd != NULL) {
		struct icaldurationtype d = icalproperty_get_duration(pd);

		if (icaldurationtype_is_bad_duration(d) || d.is_neg) {
			problem(c, prop_line(c, k, "DURATION", NULL, 0), 1,
			    "negative or bad DURATION");
			return -1;
		}
		w->len = icaldurationtype_as_int(d);
		if (w->is_date)
			w->len = w->len / 86400 * 86400;
	} else if (w->is_date) {
		w->len = 86400; /* RFC 5545: one day */
	} else {
		if (!c->busy)
			pp_diag_warn(c->ds, c->name, line,
			    "event has DTSTART "
			    "but no DTEND or DURATION (zero length, RFC 5545 "
			    "3.6.1): skipped, a plan cannot use it");
		return 0;
	}
	if (w->len < 0) {
		problem(c,
		    prop_line(c, k, pe != NULL ? "DTEND" : "DURATION", NULL, 0),
		    1, "DTEND before DTSTART");
		return -1;
	}
	if (w->len == 0) {
		if (!c->busy)
			pp_diag_warn(c->ds, c->name, line,
			    "zero-length "
			    "event (end equals start): skipped, a plan cannot "
			    "use it");
		return 0;
	}
	return 1;
}

static int
cmp_occ(const void *a, const void *b)
{
	const struct occ *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static int
cmp_i64(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

struct occs {
	struct occ *v;
	size_t n, cap;
	int64_t *ex; /* excluded instants */
	size_t nex, capex;
};

static void
occ_add(struct occs *o, int64_t start, struct icaltimetype t)
{
	o->v = pp_xgrowarray(o->v, &o->cap, o->n + 1, sizeof(*o->v));
	o->v[o->n].start = start;
	o->v[o->n].t = t;
	o->n++;
}

static void
ex_add(struct occs *o, int64_t t)
{
	o->ex = pp_xgrowarray(o->ex, &o->capex, o->nex + 1, sizeof(*o->ex));
	o->ex[o->nex++] = t;
}

/* 1 if an occurrence starting at s (w->len long) is wanted. */
static int
in_window(const struct ctx *c, const struct when *w, int64_t s)
{
	return !c->busy || (s < c->to && s + w->len > c->from);
}

/* Expands one RRULE into o.  Returns 0, or -1 after a problem. */
static int
expand_rrule(struct ctx *c, const struct comp *k, const struct when *w,
    icalproperty *p, struct occs *o)
{
	struct icalrecurrencetype r = icalproperty_get_rrule(p);
	icalrecur_iterator *it;
	struct icaltimetype t;
	size_t iter = 0, found = 0;
	long limit = c->busy ? MAX_BUSY_ITERATIONS : PP_ICS_MAX_OCCURRENCES;
	unsigned line = prop_line(c, k, "RRULE", NULL, 0);

	if (r.freq != ICAL_NO_RECURRENCE && rule_trouble(&r) != NULL) {
		problem(c, line, 1, "unsupported RRULE (%s)", rule_trouble(&r));
		return -1;
	}
	if (r.freq == ICAL_NO_RECURRENCE ||
	    (it = icalrecur_iterator_new(r, w->start)) == NULL) {
		problem(c, line, 1, "unsupported RRULE");
		return -1;
	}
	if (c->busy && r.count == 0 && c->from - w->len - 86400 > w->t0) {
		/* Jump close to the window instead of walking there. */
		icaltimezone *z = w->fzone;
		struct icaltimetype s;

		if (w->start.zone != NULL)
			z = (icaltimezone *)(uintptr_t)w->start.zone;
		else if (icaltime_is_utc(w->start))
			z = icaltimezone_get_utc_timezone();
		s = icaltime_from_timet_with_zone((time_t)(c->from - w->len -
		                                      86400),
		    w->is_date, z);
		if (!w->is_date && w->start.zone == NULL &&
		    !icaltime_is_utc(w->start))
			s.zone = NULL; /* stay floating */
		icalrecur_iterator_set_start(it, s);
	}
	while (!icaltime_is_null_time(t = icalrecur_iterator_next(it))) {
		int64_t s = to_instant(t, w->fzone);

		if (++iter > (size_t)limit) {
			icalrecur_iterator_free(it);
			problem(c, line, 1,
			    c->busy ? "RRULE needs more than "
			              "%ld steps to reach the window"
			            : "RRULE yields "
			              "more than %ld occurrences",
			    limit);
			return -1;
		}
		if (c->busy && s >= c->to)
			break;
		if (!in_window(c, w, s))
			continue;
		if (++found > PP_ICS_MAX_OCCURRENCES) {
			icalrecur_iterator_free(it);
			problem(c, line, 1,
			    "RRULE yields more than %d "
			    "occurrences",
			    PP_ICS_MAX_OCCURRENCES);
			return -1;
		}
		occ_add(o, s, t);
	}
	icalrecur_iterator_free(it);
	return 0;
}

/*
 * Collects the occurrences of a master VEVENT: DTSTART, RRULEs and RDATEs
 * minus EXDATEs and overridden instances, sorted.  Sets *recurring.
 * Returns 0, or -1 after a problem.
 */
static int
expand(struct ctx *c, const struct comp *k, const struct when *w,
    struct occs *o, int *recurring)
{
	icalcomponent *ic = k->ic;
	const char *uid = icalcomponent_get_uid(ic);
	icalproperty *p;
	size_t i, j;

	*recurring = 0;
	if (in_window(c, w, w->t0))
		occ_add(o, w->t0, w->start);
	for (p = icalcomponent_get_first_property(ic, ICAL_RRULE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_RRULE_PROPERTY)) {
		*recurring = 1;
		if (expand_rrule(c, k, w, p, o) != 0)
			return -1;
	}
	for (p = icalcomponent_get_first_property(ic, ICAL_RDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype v = icalproperty_get_rdate(p);
		struct icaltimetype t =
		    icaltime_is_null_time(v.time) ? v.period.start : v.time;
		int64_t s;

		*recurring = 1;
		if (value_zone(c, k, p, "RDATE", &t) != 0)
			return -1;
		if (t.is_date != w->is_date) {
			problem(c, prop_line(c, k, "RDATE", NULL, 0), 1,
			    "RDATE and DTSTART differ in value type");
			return -1;
		}
		s = to_instant(t, w->fzone);
		if (in_window(c, w, s))
			occ_add(o, s, t);
		if (o->n > PP_ICS_MAX_OCCURRENCES) {
			problem(c, prop_line(c, k, "RDATE", NULL, 0), 1,
			    "more than %d occurrences", PP_ICS_MAX_OCCURRENCES);
			return -1;
		}
	}
	for (p = icalcomponent_get_first_property(ic, ICAL_EXDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype t = icalproperty_get_exdate(p);

		if (value_zone(c, k, p, "EXDATE", &t) != 0)
			return -1;
		ex_add(o, to_instant(t, w->fzone));
	}
	if (uid != NULL)
		for (i = 0; i < c->nov; i++)
			if (strcmp(c->ov[i].uid, uid) == 0)
				ex_add(o, c->ov[i].at);
	if (o->n > 1)
		qsort(o->v, o->n, sizeof(*o->v), cmp_occ);
	if (o->nex > 1)
		qsort(o->ex, o->nex, sizeof(*o->ex), cmp_i64);
	for (i = j = 0; i < o->n; i++) {
		if (j > 0 && o->v[j - 1].start == o->v[i].start)
			continue;
		if (o->nex > 0 &&
		    bsearch(&o->v[i].start, o->ex, o->nex, sizeof(*o->ex),
		        cmp_i64) != NULL)
			continue;
		o->v[j++] = o->v[i];
	}
	o->n = j;
	return 0;
}

/* The X- property named name, or NULL. */
static const char *
x_prop(icalcomponent *ic, const char *name)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(ic, ICAL_X_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_X_PROPERTY))
		if (strcasecmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_x(p);
	return NULL;
}

/* An arena copy of s with surrounding blanks removed ("" for NULL). */
static const char *
tt_trimdup(struct pp_timetable *tt, const char *s)
{
	size_t n;

	if (s == NULL)
		return "";
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return pp_tt_strndup(tt, s, n);
}

/* 1 if the TZID was already reported as not an IANA name; records it. */
static int
noted(struct ctx *c, const char *tzid)
{
	size_t i;

	for (i = 0; i < c->nnoted; i++)
		if (strcmp(c->noted_tzids[i], tzid) == 0)
			return 1;
	c->noted_tzids = pp_xgrowarray(c->noted_tzids, &c->capnoted,
	    c->nnoted + 1, sizeof(*c->noted_tzids));
	c->noted_tzids[c->nnoted++] = pp_xstrdup(tzid);
	return 0;
}

/* The IANA zone for showing an event whose DTSTART is t (an arena
 * string). */
static const char *
display_zone(struct ctx *c, const struct comp *k, struct icaltimetype t,
    unsigned line)
{
	icaltimezone *z = (icaltimezone *)(uintptr_t)t.zone;
	const char *loc, *tzid;

	if (z == NULL || icaltime_is_utc(t))
		return c->cals[k->cal].fzone;
	/* libical owns these names and frees them with the calendar. */
	loc = icaltimezone_get_location(z);
	if (loc != NULL && pp_tz_valid(loc))
		return pp_tt_strdup(c->tt, loc);
	tzid = icaltimezone_get_tzid(z);
	if (tzid != NULL &&
	    strncmp(tzid, LIBICAL_PREFIX, strlen(LIBICAL_PREFIX)) == 0)
		tzid += strlen(LIBICAL_PREFIX);
	if (tzid != NULL && pp_tz_valid(tzid))
		return pp_tt_strdup(c->tt, tzid);
	if (tzid != NULL && !noted(c, tzid))
		pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
		    "TZID '%s' is "
		    "not an IANA zone name: times shown in %s",
		    tzid, c->cals[k->cal].fzone);
	return c->cals[k->cal].fzone;
}

/* Fills the text fields of a template event from the VEVENT. */
static void
fill_fields(struct ctx *c, const struct comp *k, struct pp_event *ev)
{
	struct pp_timetable *tt = c->tt;
	icalcomponent *ic = k->ic;
	const char *summary = icalcomponent_get_summary(ic);
	const char *s, *prefix = "", *kword, *title;
	const char **cats = NULL, **tags, **sp;
	size_t ncats = 0, capcats = 0, nsp = 0, capsp = 0, i, n;
	icalproperty *p;
	char buf[64];
	int own;

	title = summary != NULL ? summary : "";
	while (isspace((unsigned char)*title))
		title++;
	/* pyplan's own files carry the title as it is. */
	own = x_prop(ic, "X-PYPLAN-KIND") != NULL;
	if (!own && title[0] == '[' && (s = strchr(title, ']')) != NULL &&
	    s - title > 1 && (size_t)(s - title) < sizeof(buf) &&
	    memchr(title + 1, '[', (size_t)(s - title - 1)) == NULL &&
	    isspace((unsigned char)s[1])) {
		/* "[talk] Title": the prefix is the kind word. */
		const char *rest = s + 1;

		memcpy(buf, title + 1, (size_t)(s - title - 1));
		buf[s - title - 1] = '\0';
		while (isspace((unsigned char)*rest))
			rest++;
		if (*rest != '\0') {
			prefix = tt_trimdup(tt, buf);
			title = rest;
		}
	}
	ev->title = tt_trimdup(tt, title);
	for (p = icalcomponent_get_first_property(ic, ICAL_CATEGORIES_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(ic,
	                    ICAL_CATEGORIES_PROPERTY)) {
		const char *v = tt_trimdup(tt, icalproperty_get_categories(p));

		if (*v == '\0')
			continue;
		cats = pp_xgrowarray(cats, &capcats, ncats + 1, sizeof(*cats));
		cats[ncats++] = v;
	}
	/* The kind word: pyplan's own, else a category naming a kind, else
	 * the SUMMARY prefix (which is a section name in some files, such
	 * as "[language-summit] Lunch" with CATEGORIES:Break). */
	kword = "";
	if ((s = x_prop(ic, "X-PYPLAN-KIND")) != NULL && *s != '\0')
		kword = tt_trimdup(tt, s);
	for (i = 0; *kword == '\0' && i < ncats; i++)
		if (pp_kind_guess(cats[i], NULL) != PP_KIND_OTHER)
			kword = cats[i];
	if (*kword == '\0')
		kword = prefix;
	ev->kind_word = kword;
	ev->kind = pp_kind_guess(kword, ev->title);
	/* Categories are tags, except one that names the kind; an unused
	 * prefix is a tag too. */
	tags = pp_tt_strv(tt, ncats + 1);
	for (i = n = 0; i < ncats; i++)
		if (strcasecmp(cats[i], kword) != 0 &&
		    strcasecmp(cats[i], pp_kind_name(ev->kind)) != 0)
			tags[n++] = cats[i];
	if (*prefix != '\0' && strcasecmp(prefix, kword) != 0 &&
	    strcasecmp(prefix, pp_kind_name(ev->kind)) != 0)
		tags[n++] = prefix;
	ev->tags = tags;
	ev->ntags = n;
	free(cats);

	if ((s = icalcomponent_get_location(ic)) != NULL) {
		const char **rooms;
		size_t nr = pp_tt_split(tt, s, 0, &rooms);

		pp_tt_set_rooms(tt, ev, rooms, nr);
	}
	if ((s = icalcomponent_get_description(ic)) != NULL)
		ev->abstract = tt_trimdup(tt, s);
	if ((p = icalcomponent_get_first_property(ic, ICAL_URL_PROPERTY)))
		ev->url = tt_trimdup(tt, icalproperty_get_url(p));

	/* pyplan's own X- properties (pp_write_timetable_ics) */
	sp = NULL;
	for (p = icalcomponent_get_first_property(ic, ICAL_X_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_X_PROPERTY)) {
		const char *xn = icalproperty_get_x_name(p);
		const char *v = tt_trimdup(tt, icalproperty_get_x(p));

		if (strcasecmp(xn, "X-PYPLAN-SPEAKER") == 0 && *v != '\0') {
			sp = pp_xgrowarray(sp, &capsp, nsp + 1, sizeof(*sp));
			sp[nsp++] = v;
		} else if (strcasecmp(xn, "X-PYPLAN-TRACK") == 0)
			ev->track = v;
		else if (strcasecmp(xn, "X-PYPLAN-LEVEL") == 0)
			ev->level = v;
		else if (strcasecmp(xn, "X-PYPLAN-VIDEO-URL") == 0)
			ev->video_url = v;
		else if (strcasecmp(xn, "X-PYPLAN-RECORDED") == 0)
			ev->recorded = strcasecmp(v, "yes") == 0 ? PP_REC_YES
			    : strcasecmp(v, "no") == 0           ? PP_REC_NO
			                               : PP_REC_UNKNOWN;
	}
	if (nsp > 0) {
		ev->speakers = pp_tt_strv(tt, nsp);
		memcpy(ev->speakers, sp, nsp * sizeof(*sp));
		ev->nspeakers = nsp;
	}
	free(sp);
}

/* Appends a copy of tmpl to the timetable, unless it is full. */
static int
emit(struct ctx *c, const struct pp_event *tmpl, unsigned line)
{
	struct pp_event *ev;

	if (c->full)
		return -1;
	if (c->tt->n >= PP_LOAD_MAX_EVENTS) {
		pp_diag_err(c->ds, c->name, line, "more than %d events",
		    PP_LOAD_MAX_EVENTS);
		c->full = 1;
		return -1;
	}
	ev = pp_timetable_add(c->tt);
	*ev = *tmpl;
	return 0;
}

/* The id of the occurrence starting at t: "base/YYYYMMDDTHHMMSSZ". */
static const char *
occ_id(struct ctx *c, const char *base, int64_t t)
{
	size_t nb = strlen(base);
	char *id = pp_tt_alloc(c->tt, nb + 18);

	memcpy(id, base, nb);
	id[nb] = '/';
	format_utc(t, id + nb + 1);
	return id;
}

/* Busy mode: the whole local days [t, t + w->len) of an all-day event. */
static void
day_span(const struct ctx *c, const struct comp *k, const struct when *w,
    struct icaltimetype t, int64_t *s, int64_t *e)
{
	const char *zone = c->cals[k->cal].fzone;
	struct pp_civil a;
	int64_t days = pp_days_from_civil(t.year, t.month, t.day);

	memset(&a, 0, sizeof(a));
	pp_civil_from_days(days, &a.year, &a.month, &a.day);
	if (pp_tz_from_civil(zone, &a, s) != 0)
		*s = days * 86400;
	pp_civil_from_days(days + w->len / 86400, &a.year, &a.month, &a.day);
	if (pp_tz_from_civil(zone, &a, e) != 0)
		*e = (days + w->len / 86400) * 86400;
}

/* Converts one VEVENT into events.  Returns 0, or -1 after a problem. */
static int
do_event(struct ctx *c, struct comp *k)
{
	icalcomponent *ic = k->ic;
	unsigned line = c->cl[k->first].line;
	icalproperty *p;
	struct when w;
	struct pp_event tmpl, *proto;
	struct occs o;
	const char *base, *fixed = NULL;
	int recurring = 0, r, override;
	size_t i;

	if (report_xlic(c, k, ic) > 0)
		return -1;
	p = icalcomponent_get_first_property(ic, ICAL_STATUS_PROPERTY);
	if (p != NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED) {
		if (!c->busy)
			pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
			    "cancelled event skipped");
		return 0;
	}
	p = icalcomponent_get_first_property(ic, ICAL_TRANSP_PROPERTY);
	if (c->busy && p != NULL &&
	    icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT)
		return 0;
	memset(&w, 0, sizeof(w));
	w.fzone = builtin_zone(c->cals[k->cal].fzone);
	if ((r = read_when(c, k, &w)) <= 0)
		return r;
	if (w.is_date && !c->busy) {
		pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
		    "all-day event skipped (not a schedulable item)");
		return 0;
	}
	override = icalcomponent_get_first_property(ic,
	               ICAL_RECURRENCEID_PROPERTY) != NULL;

	/* The fields every occurrence shares. */
	proto = pp_timetable_add(c->tt);
	tmpl = *proto;
	pp_timetable_pop(c->tt);
	tmpl.file = c->name;
	tmpl.line = line;
	tmpl.tz = display_zone(c, k, w.start, line);
	if (c->busy) {
		const char *s = icalcomponent_get_summary(ic);

		tmpl.title =
		    tt_trimdup(c->tt, s != NULL && *s != '\0' ? s : "busy");
		tmpl.kind_word = "busy";
		tmpl.kind = PP_KIND_OTHER;
		if ((s = icalcomponent_get_location(ic)) != NULL) {
			const char **rooms;
			size_t nr = pp_tt_split(c->tt, s, 0, &rooms);

			pp_tt_set_rooms(c->tt, &tmpl, rooms, nr);
		}
	} else
		fill_fields(c, k, &tmpl);
	/* pyplan's own exports carry the programme's id beside the UID. */
	base = x_prop(ic, "X-PYPLAN-ID") != NULL
	    ? tt_trimdup(c->tt, x_prop(ic, "X-PYPLAN-ID"))
	    : tt_trimdup(c->tt, icalcomponent_get_uid(ic));
	if (*base == '\0') {
		char *id = pp_xasprintf("%s:%u", c->name, line);

		base = pp_tt_strdup(c->tt, id);
		free(id);
	}
	memset(&o, 0, sizeof(o));
	if (override) {
		/* A replaced instance: one event, named after the instance
		 * it replaces. */
		struct icaltimetype rid = icalcomponent_get_recurrenceid(ic);

		p = icalcomponent_get_first_property(ic,
		    ICAL_RECURRENCEID_PROPERTY);
		if (check_time(c, k, "RECURRENCE-ID", p, &rid) != 0)
			return -1;
		fixed = occ_id(c, base, to_instant(rid, w.fzone));
		if (in_window(c, &w, w.t0))
			occ_add(&o, w.t0, w.start);
	} else if (expand(c, k, &w, &o, &recurring) != 0) {
		free(o.v);
		free(o.ex);
		return -1;
	}
	for (i = 0; i < o.n; i++) {
		tmpl.start = o.v[i].start;
		tmpl.end = o.v[i].start + w.len;
		if (w.is_date)
			day_span(c, k, &w, o.v[i].t, &tmpl.start, &tmpl.end);
		tmpl.id = fixed != NULL ? fixed
		    : recurring         ? occ_id(c, base, tmpl.start)
		                        : base;
		if (emit(c, &tmpl, line) != 0)
			break;
	}
	free(o.v);
	free(o.ex);
	return 0;
}

/* Records the RECURRENCE-ID overrides so masters skip those instances. */
static void
collect_overrides(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->ncomp; i++) {
		struct comp *k = &c->comp[i];
		icalproperty *p;
		struct icaltimetype t;
		const char *uid;

		if (k->kind != C_VEVENT || k->ic == NULL)
			continue;
		p = icalcomponent_get_first_property(k->ic,
		    ICAL_RECURRENCEID_PROPERTY);
		uid = icalcomponent_get_uid(k->ic);
		if (p == NULL || uid == NULL)
			continue;
		t = icalcomponent_get_recurrenceid(k->ic);
		if (!valid_fields(&t))
			continue; /* reported with the event itself */
		if (tzid_of(p) != NULL && t.zone == NULL &&
		    !icaltime_is_utc(t)) {
			icaltimezone *z = find_zone(c, k, tzid_of(p));

			if (z == NULL)
				continue;
			t = icaltime_set_timezone(&t, z);
		}
		c->ov =
		    pp_xgrowarray(c->ov, &c->capov, c->nov + 1, sizeof(*c->ov));
		c->ov[c->nov].uid = uid;
		c->ov[c->nov].at =
		    to_instant(t, builtin_zone(c->cals[k->cal].fzone));
		c->nov++;
	}
}

/* Decides each calendar's floating and display zone. */
static int
choose_zones(struct ctx *c)
{
	size_t i;

	if (c->opt_tz != NULL && !pp_tz_valid(c->opt_tz)) {
		pp_diag_err(c->ds, c->name, 0, "unknown time zone '%s'",
		    c->opt_tz);
		return -1;
	}
	for (i = 0; i < c->ncals; i++) {
		struct cal *k = &c->cals[i];

		if (c->opt_tz != NULL) {
			k->fzone = c->opt_tz;
		} else if (k->wr_tz != NULL && pp_tz_valid(k->wr_tz)) {
			k->fzone = k->wr_tz;
		} else {
			if (k->wr_tz != NULL)
				pp_diag_warn(c->ds, c->name, 0,
				    "unknown X-WR-TIMEZONE '%s' ignored",
				    k->wr_tz);
			k->fzone = "UTC";
		}
	}
	return 0;
}

static int
load(struct ctx *c)
{
	size_t errs = c->ds->nerrors, i;
	int rc = 0;

	if (c->len > PP_LOAD_MAX_BYTES) {
		pp_diag_err(c->ds, c->name, 0,
		    "file too big (more than %zu "
		    "bytes)",
		    PP_LOAD_MAX_BYTES);
		return -1;
	}
	if (split_lines(c) != 0 || scan(c) != 0 || choose_zones(c) != 0) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < c->ncals; i++) {
		if (c->cals[i].wr_name != NULL && c->tt->name == NULL &&
		    valid_text(c->cals[i].wr_name))
			c->tt->name = pp_tt_strdup(c->tt, c->cals[i].wr_name);
		/* The zone names must outlive this load: the events keep
		 * them for display. */
		c->cals[i].fzone = pp_tt_strdup(c->tt, c->cals[i].fzone);
	}
	for (i = 0; i < c->ncomp; i++)
		if (c->comp[i].kind == C_VTIMEZONE && !c->comp[i].broken) {
			parse_comp(c, &c->comp[i]);
			if (c->comp[i].ic != NULL)
				report_xlic(c, &c->comp[i], c->comp[i].ic);
		}
	for (i = 0; i < c->ncomp; i++)
		if (c->comp[i].kind == C_VEVENT && !c->comp[i].broken)
			parse_comp(c, &c->comp[i]);
	collect_overrides(c);
	for (i = 0; i < c->ncomp && !c->full; i++)
		if (c->comp[i].kind == C_VEVENT && c->comp[i].ic != NULL)
			do_event(c, &c->comp[i]);
out:
	for (i = 0; i < c->ncals; i++) {
		if (c->cals[i].ic != NULL)
			icalcomponent_free(c->cals[i].ic);
		free(c->cals[i].wr_tz);
		free(c->cals[i].wr_name);
	}
	for (i = 0; i < c->nnoted; i++)
		free(c->noted_tzids[i]);
	free(c->noted_tzids);
	free(c->cals);
	free(c->comp);
	free(c->cl);
	free(c->ov);
	return rc != 0 || c->ds->nerrors > errs ? -1 : 0;
}

static void
init(struct ctx *c, struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	memset(c, 0, sizeof(*c));
	c->tt = tt;
	c->name = name != NULL ? name : "-";
	c->data = data != NULL ? data : "";
	c->len = data != NULL ? len : 0;
	c->ds = ds;
	if (opts != NULL) {
		c->lenient = opts->lenient;
		if (opts->tz != NULL && *opts->tz != '\0')
			c->opt_tz = opts->tz;
	}
}

int
pp_load_ics(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	struct ctx c;

	init(&c, tt, name, data, len, opts, ds);
	return load(&c);
}

int
pp_load_busy_ics(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, int64_t from, int64_t to,
    struct pp_diags *ds)
{
	/* Beyond the year +-30000 the window is open anyway; clamping
	 * keeps its arithmetic clear of overflow. */
	const int64_t lim = (int64_t)1 << 40;
	struct ctx c;

	init(&c, tt, name, data, len, opts, ds);
	c.busy = 1;
	c.from = from < -lim ? -lim : from > lim ? lim : from;
	c.to = to < -lim ? -lim : to > lim ? lim : to;
	return load(&c);
}
