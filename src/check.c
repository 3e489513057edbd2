/* SPDX-License-Identifier: ISC */
/*
 * The programme report of `pyplan check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/check.h"
#include "pyplan/tz.h"
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

static void
print_counts(FILE *fp, const char *title, struct count *v, size_t n)
{
	size_t i, w = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_name);
	for (i = 0; i < n; i++)
		if (strlen(v[i].name) > w)
			w = strlen(v[i].name);
	fprintf(fp, "%s:\n", title);
	for (i = 0; i < n; i++)
		fprintf(fp, "  %-*s %5zu\n", (int)w,
		    *v[i].name ? v[i].name : "(none)", v[i].n);
}

int
pp_check_report(FILE *fp, const struct pp_timetable *tt, const char *tz,
    struct pp_diags *ds)
{
	struct count *days = NULL, *kinds = NULL, *rooms = NULL;
	size_t nd = 0, nk = 0, nr = 0, cd = 0, ck = 0, cr = 0, i, j;
	char(*dates)[11] = pp_xcalloc(tt->n + 1, sizeof(*dates));
	int ret;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (ev->kind == PP_KIND_OTHER)
			pp_diag_warn(ds, ev->file, ev->line,
			    "unknown kind '%s' for '%s': counted as talk load",
			    ev->kind_word, ev->title);
		if (ev->end - ev->start > 12 * 3600)
			pp_diag_warn(ds, ev->file, ev->line,
			    "'%s' lasts %ld minutes", ev->title,
			    pp_event_minutes(ev));
		pp_tz_format_date(tz, ev->start, dates[i]);
		bump(&days, &nd, &cd, dates[i]);
		bump(&kinds, &nk, &ck, pp_kind_name(ev->kind));
		if (ev->nrooms == 0)
			bump(&rooms, &nr, &cr, "");
		for (j = 0; j < ev->nrooms; j++)
			bump(&rooms, &nr, &cr, ev->rooms[j]);
	}
	for (i = 0, j = 0; i < nr; i++)
		j += *rooms[i].name != '\0';
	fprintf(fp, "%zu event%s, %zu day%s, %zu room%s (times in %s)\n", tt->n,
	    tt->n == 1 ? "" : "s", nd, nd == 1 ? "" : "s", j, j == 1 ? "" : "s",
	    tz);
	print_counts(fp, "days", days, nd);
	print_counts(fp, "kinds", kinds, nk);
	print_counts(fp, "rooms", rooms, nr);
	ret = ferror(fp) ? -1 : 0;
	free(days);
	free(kinds);
	free(rooms);
	free(dates);
	return ret;
}
