/* SPDX-License-Identifier: ISC */
/*
 * Busy calendars: any programme format the loaders read becomes a list of
 * busy blocks, one per event.
 */
#include <stdlib.h>

#include "pyplan/busy.h"
#include "pyplan/load_ics.h"
#include "pyplan/xalloc.h"

int
pp_busy_load(const char *path, const struct pp_load_opts *opts, int64_t from,
    int64_t to, struct pp_busy_block **blocks, size_t *n, struct pp_diags *ds,
    int *io_error)
{
	struct pp_timetable *tt = pp_timetable_new();
	const char *name = path;
	size_t i, cap = *n, len;
	char *data;
	int ret;

	ret = pp_load_read(path, &name, &data, &len, ds, io_error);
	if (ret == 0) {
		/* A calendar has its own rules (transparent events, all-day
		 * blocks); any other format is read as a programme. */
		if (pp_detect_format(data, len) == PP_FMT_ICS)
			ret = pp_load_check_lines(name, data, len, 1, ds) != 0
			    ? -1
			    : pp_load_busy_ics(tt, name, data, len, opts, from,
			          to, ds);
		else
			ret = pp_load_buffer(tt, name, data, len, opts, ds);
		free(data);
	}
	for (i = 0; ret == 0 && i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		struct pp_busy_block *b;

		if (ev->end <= from || ev->start >= to)
			continue;
		*blocks =
		    pp_xgrowarray(*blocks, &cap, *n + 1, sizeof(**blocks));
		b = &(*blocks)[(*n)++];
		b->start = ev->start;
		b->end = ev->end;
		b->label = pp_xstrdup(*ev->title ? ev->title : "busy");
		b->file = path;
		b->line = ev->line;
	}
	pp_timetable_free(tt);
	return ret;
}

int
pp_busy_load_profile(const struct pp_profile *p, const struct pp_timetable *tt,
    const char *tz, int lenient, struct pp_busy_block **out, size_t *nout,
    struct pp_diags *ds, int *io_error)
{
	struct pp_load_opts lo;
	int64_t from = INT64_MAX, to = INT64_MIN;
	size_t i, nerr = ds->nerrors;
	int io = 0;

	*out = NULL;
	*nout = 0;
	*io_error = 0;
	if (p->nbusy_files == 0)
		return 0;
	/* Recurring meetings are expanded inside the conference window. */
	for (i = 0; i < tt->n; i++) {
		if (tt->ev[i].start < from)
			from = tt->ev[i].start;
		if (tt->ev[i].end > to)
			to = tt->ev[i].end;
	}
	if (tt->n == 0)
		from = to = 0;
	from -= 86400;
	to += 86400;
	lo.tz = tz;
	lo.lenient = lenient;
	for (i = 0; i < p->nbusy_files; i++) {
		int this_io = 0;

		pp_busy_load(p->busy_files[i], &lo, from, to, out, nout, ds,
		    &this_io);
		io |= this_io;
	}
	*io_error = io;
	return io || ds->nerrors > nerr ? -1 : 0;
}

void
pp_busy_free(struct pp_busy_block *blocks, size_t n)
{
	size_t i;

	if (blocks == NULL)
		return;
	for (i = 0; i < n; i++)
		free(blocks[i].label);
	free(blocks);
}
