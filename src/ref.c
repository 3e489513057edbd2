/* SPDX-License-Identifier: ISC */
/*
 * References to events ([must], [skip], explain's EVENT): the matching
 * rules of ref.h and the messages when a reference names no event or
 * several.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/ref.h"
#include "pyplan/suggest.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

/* The character at *s, lowercased, and *s moved past it; an ill-formed
 * byte stands for itself, as a negative number. */
static int32_t
next(const char **s)
{
	int32_t cp;
	size_t n = pp_utf8_decode(*s, PP_UTF8_MAX, &cp);

	if (n == 0) {
		cp = -(int32_t)(unsigned char)**s;
		n = 1;
	}
	*s += n;
	return cp < 0 ? cp : pp_utf8_lower(cp);
}

static int
is_word_at(const char *s)
{
	int32_t cp;

	return *s != '\0' && pp_utf8_decode(s, PP_UTF8_MAX, &cp) > 0 &&
	    pp_utf8_is_word(cp);
}

/* 1 if a and b are equal ignoring case. */
static int
same(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0')
		if (next(&a) != next(&b))
			return 0;
	return *a == '\0' && *b == '\0';
}

static int
is_pattern(const char *ref)
{
	return strpbrk(ref, "*?") != NULL;
}

/* The whole of s against pattern p ('*', '?'), ignoring case.  Greedy
 * with one backtracking point, linear in practice. */
static int
glob(const char *p, const char *s)
{
	const char *star = NULL, *from = NULL;

	while (*s != '\0') {
		const char *pp = p, *ss = s;

		if (*p == '*') {
			star = ++p;
			from = s;
			continue;
		}
		if (*p == '?') {
			p++;
			next(&s);
			continue;
		}
		if (*p != '\0' && next(&pp) == next(&ss)) {
			p = pp;
			s = ss;
			continue;
		}
		if (star == NULL)
			return 0;
		p = star;
		next(&from);
		s = from;
	}
	while (*p == '*')
		p++;
	return *p == '\0';
}

/* 1 if ref occurs in title starting and ending at word boundaries (a
 * boundary is only needed where ref itself starts or ends with a word
 * character), ignoring case. */
static int
words_in(const char *ref, const char *title)
{
	const char *t = title, *last = ref, *r;
	int prev_word = 0, ref_first_word = is_word_at(ref), ref_last_word;

	if (*ref == '\0')
		return 0;
	for (r = ref; *r != '\0';) {
		last = r;
		next(&r);
	}
	ref_last_word = is_word_at(last);
	while (*t != '\0') {
		const char *a = ref, *b = t;

		if (!(ref_first_word && prev_word)) {
			while (*a != '\0' && *b != '\0' && next(&a) == next(&b))
				;
			if (*a == '\0' && !(ref_last_word && is_word_at(b)))
				return 1;
		}
		prev_word = is_word_at(t);
		next(&t);
	}
	return 0;
}

static int
hit(const struct pp_event *ev, const char *ref, enum pp_ref_rule rule)
{
	switch (rule) {
	case PP_REF_ID:
		return strcmp(ev->id, ref) == 0;
	case PP_REF_TITLE:
		return same(ev->title, ref);
	case PP_REF_PATTERN:
		return glob(ref, ev->title);
	case PP_REF_WORDS:
		return words_in(ref, ev->title);
	default:
		return 0;
	}
}

size_t
pp_ref_find(const struct pp_timetable *tt, const char *ref, size_t *idx,
    size_t max, enum pp_ref_rule *rule)
{
	static const enum pp_ref_rule order[] = {PP_REF_ID, PP_REF_TITLE,
	    PP_REF_PATTERN, PP_REF_WORDS};
	size_t i, k, n;

	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		if (order[k] == PP_REF_PATTERN && !is_pattern(ref))
			continue;
		for (i = 0, n = 0; i < tt->n; i++) {
			if (!hit(&tt->ev[i], ref, order[k]))
				continue;
			if (n < max)
				idx[n] = i;
			n++;
		}
		if (n > 0) {
			if (rule != NULL)
				*rule = order[k];
			return n;
		}
	}
	if (rule != NULL)
		*rule = PP_REF_NONE;
	return 0;
}

void
pp_ref_list(const struct pp_timetable *tt, const size_t *idx, size_t n,
    size_t total, const char *tz, struct pp_diags *ds)
{
	static const char *const wday[] = {"Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday"};
	size_t i;

	for (i = 0; i < n && i < PP_REF_LIST_MAX; i++) {
		const struct pp_event *ev = &tt->ev[idx[i]];
		const char *zone = tz != NULL && *tz != '\0' ? tz : "UTC";
		struct pp_civil c;
		char date[11], a[6], b[6];

		if (pp_tz_to_civil(zone, ev->start, &c) != 0) {
			zone = "UTC";
			pp_tz_to_civil(zone, ev->start, &c);
		}
		pp_tz_format_date(zone, ev->start, date);
		pp_tz_format_hhmm(zone, ev->start, a);
		pp_tz_format_hhmm(zone, ev->end, b);
		pp_diag_attach(ds, "id %s: %s (%s %s %s-%s)", ev->id, ev->title,
		    wday[c.wday >= 0 && c.wday < 7 ? c.wday : 0], date, a, b);
	}
	if (total > i)
		pp_diag_attach(ds, "... and %zu more", total - i);
}

/* The title (or id) closest to ref, for "did you mean"; NULL if none. */
static const char *
closest(const struct pp_timetable *tt, const char *ref)
{
	const char **cands = pp_xcalloc(2 * tt->n + 1, sizeof(*cands));
	const char *s;
	size_t i;

	for (i = 0; i < tt->n; i++) {
		cands[2 * i] = tt->ev[i].title;
		cands[2 * i + 1] = tt->ev[i].id;
	}
	s = pp_suggest(ref, cands, 2 * tt->n);
	free(cands);
	return s;
}

size_t
pp_ref_resolve(const struct pp_timetable *tt, const struct pp_ref *r,
    const char *what, int all, int *flags, const char *tz, struct pp_diags *ds)
{
	size_t *idx = pp_xcalloc(tt->n + 1, sizeof(*idx));
	size_t n, i;
	enum pp_ref_rule rule;
	const char *near;

	n = pp_ref_find(tt, r->text, idx, tt->n, &rule);
	if (n == 0) {
		near = closest(tt, r->text);
		if (near != NULL)
			pp_diag_err(ds, r->file, r->line,
			    "%s '%s' matches no event (did you mean '%s'?)",
			    what, r->text, near);
		else
			pp_diag_err(ds, r->file, r->line,
			    "%s '%s' matches no event", what, r->text);
		free(idx);
		return 0;
	}
	/* Several events with exactly this title (a repeated session) are
	 * all meant when the rule allows it, and a pattern means all it
	 * matches; an id or words that name several events are ambiguous. */
	if (n > 1 &&
	    !(rule == PP_REF_PATTERN || (all && rule == PP_REF_TITLE))) {
		pp_diag_err(ds, r->file, r->line,
		    "%s '%s' is ambiguous: %zu events match; give an id, the "
		    "whole title, or a pattern with * for all of them",
		    what, r->text, n);
		pp_ref_list(tt, idx, n, n, tz, ds);
		free(idx);
		return 0;
	}
	for (i = 0; i < n; i++)
		flags[idx[i]] = 1;
	free(idx);
	return n;
}
