/* SPDX-License-Identifier: ISC */
/*
 * The diagnostics list and its one printing function, so that every
 * message has the same "pyplan: FILE:LINE: LEVEL: message" shape.  The
 * list keeps a bounded number per level and counts the rest.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/diag.h"
#include "pyplan/term.h"
#include "pyplan/xalloc.h"

void
pp_diags_init(struct pp_diags *ds)
{
	memset(ds, 0, sizeof(*ds));
}

void
pp_diags_fini(struct pp_diags *ds)
{
	free(ds->v);
	memset(ds, 0, sizeof(*ds));
}

/* Counts a diagnostic of level and says whether to keep it. */
static int
count(struct pp_diags *ds, enum pp_level level)
{
	if (level == PP_ERROR)
		ds->nerrors++;
	else if (level == PP_WARNING)
		ds->nwarnings++;
	if (ds->kept[level] >= PP_DIAGS_KEEP) {
		ds->dropped[level]++;
		ds->parent_dropped = 1;
		return 0;
	}
	ds->kept[level]++;
	ds->parent_dropped = 0;
	return 1;
}

static struct pp_diag *
append(struct pp_diags *ds)
{
	ds->v = pp_xgrowarray(ds->v, &ds->cap, ds->n + 1, sizeof(*ds->v));
	return &ds->v[ds->n++];
}

static int vadd(struct pp_diags *ds, enum pp_level level, const char *file,
    unsigned line, unsigned col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static int
vadd(struct pp_diags *ds, enum pp_level level, const char *file, unsigned line,
    unsigned col, const char *fmt, va_list ap)
{
	struct pp_diag *d;

	if (!count(ds, level))
		return -1;
	d = append(ds);
	d->file = file;
	d->line = line;
	d->col = col;
	d->level = level;
	d->attached = 0;
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	return -1;
}

int
pp_diag_add(struct pp_diags *ds, enum pp_level level, const char *file,
    unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(ds, level, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

int
pp_diag_err(struct pp_diags *ds, const char *file, unsigned line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(ds, PP_ERROR, file, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
pp_diag_warn(struct pp_diags *ds, const char *file, unsigned line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(ds, PP_WARNING, file, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

void
pp_diag_attach(struct pp_diags *ds, const char *fmt, ...)
{
	const struct pp_diag *parent;
	struct pp_diag *d;
	va_list ap;

	if (ds->n == 0 || ds->parent_dropped)
		return;
	d = append(ds);
	parent = d - 1; /* append may have moved the array */
	d->file = parent->file;
	d->line = parent->line;
	d->col = parent->col;
	d->level = PP_NOTE;
	d->attached = 1;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

static void
print_one(const struct pp_diag *d, FILE *fp)
{
	static const char *const names[] = {"note", "warning", "error"};

	fputs("pyplan: ", fp);
	if (d->file != NULL) {
		pp_term_fputs(d->file, fp, 0);
		if (d->line > 0)
			fprintf(fp, ":%u", d->line);
		if (d->col > 0)
			fprintf(fp, ":%u", d->col);
		fputs(": ", fp);
	}
	fprintf(fp, "%s: ", names[d->level]);
	pp_term_fputs(d->msg, fp, 0);
	fputc('\n', fp);
}

void
pp_diags_print(const struct pp_diags *ds, FILE *fp, enum pp_level min)
{
	static const char *const plural[] = {"notes", "warnings", "errors"};
	static const char *const single[] = {"note", "warning", "error"};
	size_t i, k = 0;
	int shown = 0, lv;

	for (i = 0; i < ds->n; i++) {
		const struct pp_diag *d = &ds->v[i];

		if (d->attached ? !shown : d->level < min) {
			shown = d->attached ? shown : 0;
			continue;
		}
		shown = 1;
		print_one(d, fp);
	}
	for (lv = PP_ERROR; lv >= (int)min; lv--) {
		size_t n = ds->dropped[lv];

		if (n == 0)
			continue;
		fprintf(fp, "%s%zu more %s",
		    k++ == 0 ? "pyplan: ... and " : ", ", n,
		    n == 1 ? single[lv] : plural[lv]);
	}
	if (k > 0)
		fputs(" (not shown)\n", fp);
}

void
pp_diags_move(struct pp_diags *dst, struct pp_diags *src)
{
	size_t i;
	int lv;

	for (i = 0; i < src->n; i++) {
		const struct pp_diag *s = &src->v[i];

		if (s->attached) {
			if (!dst->parent_dropped && dst->n > 0)
				*append(dst) = *s;
			continue;
		}
		/* Counted once, below, from src's totals. */
		if (dst->kept[s->level] >= PP_DIAGS_KEEP) {
			dst->dropped[s->level]++;
			dst->parent_dropped = 1;
			continue;
		}
		dst->kept[s->level]++;
		dst->parent_dropped = 0;
		*append(dst) = *s;
	}
	for (lv = PP_NOTE; lv <= PP_ERROR; lv++)
		dst->dropped[lv] += src->dropped[lv];
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	pp_diags_fini(src);
}
