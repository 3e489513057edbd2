/* SPDX-License-Identifier: ISC */
/*
 * The programme report of `pyplan check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/check.h"
#include "pyplan/match.h"
#include "pyplan/suggest.h"
#include "pyplan/term.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

struct count {
	const char *name; /* borrowed */
	size_t n;
};

static void
bump(struct count **v, size_t *n, size_t *cap, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i].name, name) == 0) {
			(*v)[i].n++;
			return;
		}
	*v = pp_xgrowarray(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].name = name;
	(*v)[*n].n = 1;
	(*n)++;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct count *)a)->name,
	    ((const struct count *)b)->name);
}

/* The names are cleaned for the terminal and aligned by display width. */
static void
print_counts(FILE *fp, const char *title, struct count *v, size_t n)
{
	char **names = pp_xcalloc(n + 1, sizeof(*names));
	size_t i, w = 0, nw;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_name);
	for (i = 0; i < n; i++) {
		names[i] = pp_term_clean(*v[i].name ? v[i].name : "(none)", 0);
		if (pp_utf8_width(names[i]) > w)
			w = pp_utf8_width(names[i]);
	}
	fprintf(fp, "%s:\n", title);
	for (i = 0; i < n; i++) {
		nw = pp_utf8_width(names[i]);
		fprintf(fp, "  %s%*s %5zu\n", names[i], (int)(w - nw), "",
		    v[i].n);
		free(names[i]);
	}
	free(names);
}

/* A questionable event, for the warnings. */
struct finding {
	const struct pp_event *ev;
	int what; /* F_KIND or F_LONG */
};

enum { F_KIND, F_LONG };

static int
cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c;

	if ((c = strcmp(x->ev->file != NULL ? x->ev->file : "",
	         y->ev->file != NULL ? y->ev->file : "")) != 0)
		return c;
	if (x->ev->line != y->ev->line)
		return x->ev->line < y->ev->line ? -1 : 1;
	return x->what - y->what;
}

static int
same_file(const struct pp_event *a, const struct pp_event *b)
{
	return strcmp(a->file != NULL ? a->file : "",
	           b->file != NULL ? b->file : "") == 0;
}

/*
 * " (did you mean 'talk'?)" when word is one typo from a canonical kind
 * name or the start of one ("keynot"), else "".  Stricter than other
 * hints: a source's own word ("other", "junior") is usually no typo.
 */
static const char *
kind_hint(const char *word, char *buf, size_t size)
{
	const char *names[PP_KIND__COUNT];
	const char *near;
	size_t k;

	for (k = 0; k < PP_KIND__COUNT; k++)
		names[k] =
		    k == PP_KIND_OTHER ? NULL : pp_kind_name((enum pp_kind)k);
	near = pp_suggest(word, names, PP_KIND__COUNT);
	if (near == NULL ||
	    (pp_edit_distance(word, near, 1) > 1 &&
	        strncasecmp(word, near, strlen(word)) != 0))
		return "";
	snprintf(buf, size, " (did you mean '%s'?)", near);
	return buf;
}

/* Lines listed in a grouped warning before "...". */
#define LINES_MAX 8

/*
 * One warning per finding, in file and line order, except that the
 * events of one file with the same unknown kind word share one warning
 * at the first of them, listing their lines.
 */
static void
warn_findings(struct finding *f, size_t n, struct pp_diags *ds)
{
	size_t i, j, k, cnt;
	char *done = pp_xcalloc(n + 1, 1);

	if (n > 1)
		qsort(f, n, sizeof(*f), cmp_finding);
	for (i = 0; i < n; i++) {
		const struct pp_event *ev = f[i].ev;
		char lines[LINES_MAX * 12 + 8], hint[64];
		size_t len = 0;

		if (done[i])
			continue;
		if (f[i].what == F_LONG) {
			pp_diag_warn(ds, ev->file, ev->line,
			    "'%s' lasts %ld minutes", ev->title,
			    pp_event_minutes(ev));
			continue;
		}
		for (j = i, cnt = 0; j < n && same_file(f[j].ev, ev); j++)
			if (f[j].what == F_KIND &&
			    strcmp(f[j].ev->kind_word, ev->kind_word) == 0)
				cnt++;
		if (cnt == 1) {
			pp_diag_warn(ds, ev->file, ev->line,
			    "unknown kind '%s' for '%s': counted as talk "
			    "load%s",
			    ev->kind_word, ev->title,
			    kind_hint(ev->kind_word, hint, sizeof(hint)));
			continue;
		}
		lines[0] = '\0';
		for (j = i, k = 0; j < n && same_file(f[j].ev, ev); j++) {
			if (f[j].what != F_KIND ||
			    strcmp(f[j].ev->kind_word, ev->kind_word) != 0)
				continue;
			done[j] = 1;
			if (k++ < LINES_MAX)
				len += (size_t)snprintf(lines + len,
				    sizeof(lines) - len, "%s%u",
				    k > 1 ? ", " : "", f[j].ev->line);
		}
		pp_diag_warn(ds, ev->file, ev->line,
		    "%zu events of unknown kind '%s', counted as talk load "
		    "(lines %s%s)%s",
		    cnt, ev->kind_word, lines, cnt > LINES_MAX ? ", ..." : "",
		    kind_hint(ev->kind_word, hint, sizeof(hint)));
	}
	free(done);
}

int
pp_check_report(FILE *fp, const struct pp_timetable *tt, const char *tz,
    struct pp_diags *ds)
{
	struct count *days = NULL, *kinds = NULL, *rooms = NULL;
	size_t nd = 0, nk = 0, nr = 0, cd = 0, ck = 0, cr = 0, i, j, nf = 0;
	char(*dates)[11] = pp_xcalloc(tt->n + 1, sizeof(*dates));
	struct finding *f = pp_xcalloc(2 * tt->n + 1, sizeof(*f));
	int ret;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (ev->kind == PP_KIND_OTHER) {
			f[nf].ev = ev;
			f[nf++].what = F_KIND;
		}
		if (ev->end - ev->start > 12 * 3600) {
			f[nf].ev = ev;
			f[nf++].what = F_LONG;
		}
		pp_tz_format_date(tz, ev->start, dates[i]);
		bump(&days, &nd, &cd, dates[i]);
		bump(&kinds, &nk, &ck, pp_kind_name(ev->kind));
		if (ev->nrooms == 0)
			bump(&rooms, &nr, &cr, "");
		for (j = 0; j < ev->nrooms; j++)
			bump(&rooms, &nr, &cr, ev->rooms[j]);
	}
	warn_findings(f, nf, ds);
	for (i = 0, j = 0; i < nr; i++)
		j += *rooms[i].name != '\0';
	fprintf(fp, "%zu event%s, %zu day%s, %zu room%s (times in %s)\n", tt->n,
	    tt->n == 1 ? "" : "s", nd, nd == 1 ? "" : "s", j, j == 1 ? "" : "s",
	    tz);
	print_counts(fp, "days", days, nd);
	print_counts(fp, "kinds", kinds, nk);
	print_counts(fp, "rooms", rooms, nr);
	ret = ferror(fp) ? -1 : 0;
	free(f);
	free(days);
	free(kinds);
	free(rooms);
	free(dates);
	return ret;
}
