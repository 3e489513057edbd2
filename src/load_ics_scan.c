/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, the raw text: libical keeps no line numbers and gives
 * up on damaged structure, so a pre-scan first finds every logical line
 * and every component with its lines, and reports structural damage.
 * Each intact VEVENT is then parsed by libical on its own, and libical's
 * complaints (X-LIC-ERROR) are pinned to lines.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_ics_int.h"
#include "pyplan/hash.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

/*
 * Reports a problem: an error in strict mode, a warning in lenient mode,
 * where an event-level problem also says the event is skipped.
 */
void
ics_problem(struct ics_ctx *c, unsigned line, int event, const char *fmt, ...)
{
	char buf[224];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* A bad event goes through the loaders' one policy (load.h); a
	 * problem of the file outside any event is a warning when lenient. */
	if (event) {
		struct pp_load_opts o = {c->opt_tz, c->lenient};

		pp_load_reject1(&o, c->ds, c->name, line, 0, "%s", buf);
	} else if (c->lenient)
		pp_diag_add(c->ds, PP_WARNING, c->name, line, 0, "%s", buf);
	else
		pp_diag_add(c->ds, PP_ERROR, c->name, line, 0, "%s", buf);
}

/* Copies s into buf (size n) for quoting in a message, cut with "...". */
const char *
ics_excerpt(const char *s, char *buf, size_t n)
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

char *
ics_line_buf(const struct ics_ctx *c, size_t i, char *buf, size_t n)
{
	const char *p = c->data + c->cl[i].off, *e = c->data + c->cl[i].end;
	char *out = (size_t)(e - p) < n ? buf : pp_xmalloc((size_t)(e - p) + 1);
	char *o = out;

	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *eol = nl != NULL ? nl : e;
		size_t len = (size_t)(eol - p);

		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (p > c->data + c->cl[i].off) {
			/* a continuation: drop the one folding blank */
			p++;
			len = len > 0 ? len - 1 : 0;
		}
		memcpy(o, p, len);
		o += len;
		p = nl != NULL ? nl + 1 : e;
	}
	*o = '\0';
	return out;
}

/* Returns the unfolded text of logical line i (no line break); the caller
 * frees it. */
char *
ics_line_text(const struct ics_ctx *c, size_t i)
{
	return ics_line_buf(c, i, NULL, 0);
}

/* Length of the property name at the start of s ([A-Za-z0-9-]*). */
size_t
ics_name_len(const char *s)
{
	size_t n = 0;

	while (isalnum((unsigned char)s[n]) || s[n] == '-')
		n++;
	return n;
}

uint32_t
ics_name_key(const char *s, size_t n)
{
	char up[32];
	size_t i, k = n < sizeof(up) ? n : sizeof(up);

	/* A key only picks lines to read (equal names, equal keys): the
	 * first 32 bytes and the length do. */
	for (i = 0; i < k; i++)
		up[i] = (char)toupper((unsigned char)s[i]);
	return (uint32_t)pp_fnv1a(PP_FNV1A_INIT, up, k) ^ (uint32_t)n;
}

/* Returns the value part of a content line: after the first ':' that is
 * not inside a quoted parameter value, or NULL. */
const char *
ics_line_value(const char *s)
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
int
ics_valid_text(const char *s)
{
	size_t len, i, n;
	int32_t cp;

	/* Printable ASCII, the common case, needs no decoding. */
	while ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f)
		s++;
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			if ((b < 0x20 && b != '\t') || b == 0x7f)
				return 0;
			n = 1;
			continue;
		}
		if ((n = pp_utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f)
			return 0;
	}
	return 1;
}

/* Unescapes an RFC 5545 TEXT value in place. */
void
ics_unescape(char *s)
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
split_lines(struct ics_ctx *c)
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
add_comp(struct ics_ctx *c, enum ics_kind kind, size_t first)
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
unclosed(struct ics_ctx *c, const struct frame *st, size_t d, const char *why,
    unsigned at)
{
	long k = d >= 1 ? st[1].comp : -1;

	if (k >= 0)
		c->comp[k].broken = 1;
	ics_problem(c, c->cl[st[d].line].line,
	    k >= 0 && c->comp[k].kind == ICS_VEVENT,
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
	size_t nlen = ics_name_len(text), n;
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
	n = ics_name_len(v);
	if (n == 0 || n >= 40 || strspn(v + n, " \t") != strlen(v + n))
		return -1;
	for (nlen = 0; nlen < n; nlen++)
		val[nlen] = (char)toupper((unsigned char)v[nlen]);
	val[n] = '\0';
	return 0;
}

/* Reads a calendar-level property that pyplan uses. */
static void
cal_property(struct ics_ctx *c, const char *text, size_t nlen, unsigned line)
{
	struct ics_cal *k = &c->cals[c->ncals - 1];
	const char *v = ics_line_value(text);
	char **dst = NULL;

	if (v == NULL)
		return;
	if (nlen == 13 && strncasecmp(text, "X-WR-TIMEZONE", nlen) == 0) {
		dst = &k->wr_tz;
		if (k->wr_tz == NULL)
			k->wr_tz_line = line;
	} else if (nlen == 12 && strncasecmp(text, "X-WR-CALNAME", nlen) == 0)
		dst = &k->wr_name;
	if (dst == NULL || *dst != NULL)
		return;
	*dst = pp_xstrdup(v);
	ics_unescape(*dst);
}

/*
 * Walks the logical lines, tracking BEGIN/END nesting, and records every
 * VEVENT and VTIMEZONE.  Any damage inside one marks it broken, so that
 * libical only ever sees well-nested text (it prints to stderr otherwise).
 * Damage is reported at the line of the BEGIN that was never closed.
 * Returns -1 if the data is not iCalendar at all.
 */
static int
walk(struct ics_ctx *c)
{
	struct frame st[ICS_MAX_DEPTH];
	size_t depth = 0, i, j;
	int outside = 0, which, bad;

	for (i = 0; i < c->ncl; i++) {
		char lbuf[256];
		char *text = ics_line_buf(c, i, lbuf, sizeof(lbuf)), val[40],
		     ex[64];
		size_t nlen = ics_name_len(text);
		unsigned line = c->cl[i].line;
		/* the VEVENT or VTIMEZONE this line is in, or -1 */
		long k = depth > 1 ? st[1].comp : -1;
		int ev = k >= 0 && c->comp[k].kind == ICS_VEVENT;

		c->cl[i].key = ics_name_key(text, nlen);
		bad = !ics_valid_text(text);
		if (!bad)
			bad = structural(text, &which, val) != 0;
		if (i == 0 &&
		    (bad || which != 1 || strcmp(val, "VCALENDAR") != 0)) {
			if (ics_valid_text(text))
				pp_diag_err(c->ds, c->name, line,
				    "not an "
				    "iCalendar file (expected BEGIN:VCALENDAR, "
				    "found '%s')",
				    ics_excerpt(text, ex, sizeof(ex)));
			else
				pp_diag_err(c->ds, c->name, line,
				    "not an "
				    "iCalendar file (invalid UTF-8 or control "
				    "character)");
			if (text != lbuf)
				free(text);
			return -1;
		}
		if (bad) {
			if (k >= 0)
				c->comp[k].broken = 1;
			if (!ics_valid_text(text))
				ics_problem(c, line, ev,
				    "invalid UTF-8 or control character");
			else
				ics_problem(c, line, ev,
				    "malformed %s line '%s'",
				    which == 1 ? "BEGIN" : "END",
				    ics_excerpt(text, ex, sizeof(ex)));
			if (text != lbuf)
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
			while (depth > 0 && (top || (child && depth > 1))) {
				snprintf(why, sizeof(why), "BEGIN:%s", val);
				depth--;
				unclosed(c, st, depth, why, line);
			}
			if (depth == 0 && !top) {
				if (!outside)
					ics_problem(c, line, 0,
					    "BEGIN:%s outside "
					    "VCALENDAR",
					    val);
				outside = 1;
				if (text != lbuf)
					free(text);
				continue;
			}
			if (depth == ICS_MAX_DEPTH) {
				if (text != lbuf)
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
				    val[1] == 'E' ? ICS_VEVENT : ICS_VTIMEZONE,
				    i);
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
				ics_problem(c, line, ev,
				    "END:%s without BEGIN:%s", val, val);
			} else {
				char why[48];

				while (depth > j) {
					snprintf(why, sizeof(why), "END:%s",
					    val);
					depth--;
					unclosed(c, st, depth, why, line);
				}
				if (st[j - 1].comp >= 0)
					c->comp[st[j - 1].comp].last = i;
				depth--;
			}
		} else if (depth == 0) {
			if (!outside)
				ics_problem(c, line, 0,
				    "content outside "
				    "BEGIN:VCALENDAR ... END:VCALENDAR");
			outside = 1;
		} else if (depth == 1) {
			const char *v = ics_line_value(text);

			if (nlen == 0 || v == NULL ||
			    (text[nlen] != ':' && text[nlen] != ';'))
				ics_problem(c, line, 0,
				    "not a content line: '%s'",
				    ics_excerpt(text, ex, sizeof(ex)));
			else
				cal_property(c, text, nlen, line);
		}
		if (text != lbuf)
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

/*
 * Where libical's complaints about one component came from.  Each
 * X-LIC-ERROR quotes the offending text; the line is found by exact match
 * on a sorted copy of the component's lines, else by a forward search
 * from the last line found (complaints come in line order), at most
 * MAX_SEARCHES times per component: a component of 20,000 junk lines must
 * not cost 20,000 scans of 20,000 lines.
 */
#define MAX_SEARCHES 64

struct linemap {
	char **text;   /* unfolded lines first+1 .. last-1 */
	size_t *order; /* their indices sorted by text */
	size_t n, cursor;
	int searches;
};

static const struct linemap *sort_map; /* qsort has no context argument */

static int
cmp_map(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int r = strcmp(sort_map->text[x], sort_map->text[y]);

	return r != 0 ? r : (x > y) - (x < y);
}

static void
map_build(const struct ics_ctx *c, const struct ics_comp *k, struct linemap *lm)
{
	size_t i;

	if (lm->text != NULL || k->last <= k->first + 1)
		return;
	lm->n = k->last - k->first - 1;
	lm->text = pp_xreallocarray(NULL, lm->n, sizeof(*lm->text));
	lm->order = pp_xreallocarray(NULL, lm->n, sizeof(*lm->order));
	for (i = 0; i < lm->n; i++) {
		lm->text[i] = ics_line_text(c, k->first + 1 + i);
		lm->order[i] = i;
	}
	sort_map = lm;
	qsort(lm->order, lm->n, sizeof(*lm->order), cmp_map);
	sort_map = NULL;
}

static void
map_free(struct linemap *lm)
{
	size_t i;

	for (i = 0; lm->text != NULL && i < lm->n; i++)
		free(lm->text[i]);
	free(lm->text);
	free(lm->order);
}

/* The line of k holding needle (a whole line, else a part of one). */
static unsigned
map_text(const struct ics_ctx *c, const struct ics_comp *k, struct linemap *lm,
    const char *needle)
{
	size_t lo = 0, hi, i;

	map_build(c, k, lm);
	if (*needle == '\0' || lm->n == 0)
		return c->cl[k->first].line;
	for (hi = lm->n; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(lm->text[lm->order[mid]], needle) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < lm->n && strcmp(lm->text[lm->order[lo]], needle) == 0) {
		lm->cursor = lm->order[lo];
		return c->cl[k->first + 1 + lm->cursor].line;
	}
	if (lm->searches++ < MAX_SEARCHES)
		for (i = lm->cursor; i < lm->n; i++)
			if (strstr(lm->text[i], needle) != NULL) {
				lm->cursor = i;
				return c->cl[k->first + 1 + i].line;
			}
	return c->cl[k->first].line;
}

/* The line of the next property prop of k, searching as map_text does. */
static unsigned
map_prop(const struct ics_ctx *c, const struct ics_comp *k, struct linemap *lm,
    const char *prop)
{
	size_t i, n = strlen(prop);

	map_build(c, k, lm);
	if (lm->searches++ < MAX_SEARCHES)
		for (i = lm->cursor; i < lm->n; i++)
			if (ics_name_len(lm->text[i]) == n &&
			    strncasecmp(lm->text[i], prop, n) == 0) {
				lm->cursor = i;
				return c->cl[k->first + 1 + i].line;
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
report_xlic(struct ics_ctx *c, const struct ics_comp *k, icalcomponent *ic,
    struct linemap *lm)
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
		line = map_text(c, k, lm, tail);
		if (strncmp(msg, propname, sizeof(propname) - 1) == 0) {
			if (*tail != '\0' &&
			    ics_name_len(tail) == strlen(tail)) {
				/* A well-formed name libical does not know:
				 * RFC 5545 allows IANA properties. */
				pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
				    "unknown property %s ignored",
				    ics_excerpt(tail, ex, 40));
				continue;
			}
			n++;
			ics_problem(c, line, k->kind == ICS_VEVENT,
			    "bad property name in '%s'",
			    ics_excerpt(tail, ex, sizeof(ex)));
			continue;
		}
		n++;
		if (i < sizeof(known) / sizeof(known[0])) {
			ics_problem(c, line, k->kind == ICS_VEVENT, "%s '%s'",
			    known[i].what, ics_excerpt(tail, ex, sizeof(ex)));
		} else if (sscanf(msg, "Can't parse as %31s value in %31s",
		               what, prop) == 2) {
			ics_problem(c, line, k->kind == ICS_VEVENT,
			    "bad %s value '%s'", prop,
			    ics_excerpt(tail, ex, sizeof(ex)));
		} else if (sscanf(msg, "No value for %31s", prop) == 1) {
			/* An empty TEXT value is valid (SUMMARY:, Google's
			 * empty DESCRIPTION and LOCATION); others are not. */
			if (empty_ok(prop)) {
				n--;
				continue;
			}
			ics_problem(c, map_prop(c, k, lm, prop),
			    k->kind == ICS_VEVENT, "%s without a value", prop);
		} else {
			ics_problem(c, line, k->kind == ICS_VEVENT,
			    "malformed content (libical: %s)",
			    ics_excerpt(msg, ex, sizeof(ex)));
		}
	}
	for (sub = icalcomponent_get_first_component(ic, ICAL_ANY_COMPONENT);
	     sub != NULL;
	     sub = icalcomponent_get_next_component(ic, ICAL_ANY_COMPONENT))
		n += report_xlic(c, k, sub, lm);
	return n;
}

size_t
ics_next_prop(const struct ics_ctx *c, const struct ics_comp *k, size_t from,
    const char *prop, char *value, size_t vsize)
{
	size_t i, n = strlen(prop), depth = 0;
	uint32_t kp = ics_name_key(prop, n), kb = c->key_begin, ke = c->key_end;

	if (value != NULL && vsize > 0)
		value[0] = '\0';
	for (i = from <= k->first ? k->first + 1 : from + 1; i < k->last; i++) {
		char lbuf[256], *text;
		size_t nlen;
		uint32_t key = c->cl[i].key;

		/* Only a line of one of the three names needs reading. */
		if (key != kp && key != kb && key != ke)
			continue;
		text = ics_line_buf(c, i, lbuf, sizeof(lbuf));
		nlen = ics_name_len(text);
		if (nlen == 5 && strncasecmp(text, "BEGIN", 5) == 0)
			depth++;
		else if (nlen == 3 && strncasecmp(text, "END", 3) == 0)
			depth -= depth > 0;
		else if (depth == 0 && nlen == n &&
		    strncasecmp(text, prop, n) == 0 &&
		    (text[n] == ':' || text[n] == ';')) {
			if (value != NULL && vsize > 0) {
				const char *v = ics_line_value(text);
				size_t vl = v != NULL ? strlen(v) : 0;

				/* cut as snprintf would */
				vl = vl < vsize ? vl : vsize - 1;
				if (vl > 0)
					memcpy(value, v, vl);
				value[vl] = '\0';
			}
			if (text != lbuf)
				free(text);
			return i;
		}
		if (text != lbuf)
			free(text);
	}
	return k->last;
}

unsigned
ics_prop_line(const struct ics_ctx *c, const struct ics_comp *k,
    const char *prop, char *value, size_t vsize)
{
	size_t i = ics_next_prop(c, k, k->first, prop, value, vsize);

	return c->cl[i < k->last ? i : k->first].line;
}

int
ics_scan(struct ics_ctx *c)
{
	return split_lines(c) != 0 || walk(c) != 0 ? -1 : 0;
}

/*
 * libical gets the VEVENT's lines unfolded, with BEGIN and END lines in
 * canonical form, as the scan read them.
 */
void
ics_parse_event(struct ics_ctx *c, struct ics_comp *k)
{
	struct linemap lm;
	icalcomponent *ic;
	char *text = NULL, val[40];
	size_t n = 0, cap = 0, i;
	int which, bad;

	for (i = k->first; i <= k->last; i++) {
		char *t = ics_line_text(c, i), *l = t;
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
	if (ic == NULL || icalcomponent_isa(ic) != ICAL_VEVENT_COMPONENT) {
		if (ic != NULL)
			icalcomponent_free(ic);
		ics_problem(c, c->cl[k->first].line, 1, "unreadable VEVENT");
		k->broken = 1;
		return;
	}
	memset(&lm, 0, sizeof(lm));
	bad = report_xlic(c, k, ic, &lm) > 0;
	map_free(&lm);
	if (bad) {
		icalcomponent_free(ic);
		k->broken = 1;
		return;
	}
	k->ic = ic;
}
