/* SPDX-License-Identifier: ISC */
/*
 * Busy calendars (--busy FILE): the attendee's own commitments, read from
 * an .ics calendar or a CSV programme-like file, as blocks the plan must
 * keep free.
 */
#ifndef PYPLAN_BUSY_H
#define PYPLAN_BUSY_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/profile.h"

/*
 * Appends the busy blocks of path that overlap [from, to) to *blocks
 * (*n of them; the caller frees each label and the array).  Recurring
 * events are expanded inside [from, to).  Returns 0, or -1 with problems
 * in ds (*io_error = 1 when the file cannot be read).  path is borrowed by
 * the blocks and diagnostics.
 */
int pp_busy_load(const char *path, const struct pp_load_opts *opts,
    int64_t from, int64_t to, struct pp_busy_block **blocks, size_t *n,
    struct pp_diags *ds, int *io_error);

/*
 * Reads every busy calendar of the profile (p->busy_files, in order) into
 * *out (*nout blocks; free with pp_busy_free), recurring events expanded
 * from a day before tt's first event to a day after its last; floating
 * times are in tz (the planning zone, pp_model_zone), and lenient skips bad
 * events with a warning as for a programme.  Returns 0, or -1 with problems in
 * ds (*io_error = 1 when a file cannot be read).
 */
int
pp_busy_load_profile(const struct pp_profile *p, const struct pp_timetable *tt,
    const char *tz, int lenient, struct pp_busy_block **out, size_t *nout,
    struct pp_diags *ds, int *io_error);

/* Frees n blocks and the array; no-op on NULL. */
void pp_busy_free(struct pp_busy_block *blocks, size_t n);

#endif
