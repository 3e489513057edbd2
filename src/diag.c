/* SPDX-License-Identifier: ISC */
/*
 * The diagnostics list and its one printing function, so that every
 * message has the same "pyplan: FILE:LINE: LEVEL: message" shape.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/diag.h"
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

static int vadd(struct pp_diags *ds, enum pp_level level, const char *file,
    unsigned line, unsigned col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

static int
vadd(struct pp_diags *ds, enum pp_level level, const char *file, unsigned line,
    unsigned col, const char *fmt, va_list ap)
{
	struct pp_diag *d;

	ds->v = pp_xgrowarray(ds->v, &ds->cap, ds->n + 1, sizeof(*ds->v));
	d = &ds->v[ds->n++];
	d->file = file;
	d->line = line;
	d->col = col;
	d->level = level;
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	if (level == PP_ERROR)
		ds->nerrors++;
	else if (level == PP_WARNING)
		ds->nwarnings++;
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
pp_diags_print(const struct pp_diags *ds, FILE *fp, enum pp_level min)
{
	static const char *const names[] = {"note", "warning", "error"};
	size_t i;

	for (i = 0; i < ds->n; i++) {
		const struct pp_diag *d = &ds->v[i];

		if (d->level < min)
			continue;
		fputs("pyplan: ", fp);
		if (d->file != NULL) {
			fputs(d->file, fp);
			if (d->line > 0)
				fprintf(fp, ":%u", d->line);
			if (d->col > 0)
				fprintf(fp, ":%u", d->col);
			fputs(": ", fp);
		}
		fprintf(fp, "%s: %s\n", names[d->level], d->msg);
	}
}

void
pp_diags_move(struct pp_diags *dst, struct pp_diags *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		dst->v = pp_xgrowarray(dst->v, &dst->cap, dst->n + 1,
		    sizeof(*dst->v));
		dst->v[dst->n++] = src->v[i];
	}
	dst->nerrors += src->nerrors;
	dst->nwarnings += src->nwarnings;
	pp_diags_fini(src);
}
