/* SPDX-License-Identifier: ISC */
/* libFuzzer target: the iCalendar loader (libical), as a programme and as
 * a --busy calendar expanded within a fixed window. */
#include "fuzz_util.h"

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/load_ics.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_load_opts lo = { "America/New_York", 1 };
	struct pp_timetable *tt;
	struct pp_diags ds;
	char *s = fuzz_copy(data, size);

	if (s == NULL)
		return 0;
	pp_diags_init(&ds);
	tt = pp_timetable_new();
	pp_load_ics(tt, "fuzz.ics", s, size, &lo, &ds);
	pp_timetable_free(tt);
	lo.lenient = 0;
	tt = pp_timetable_new();
	/* 2018-05-01 .. 2018-05-31 UTC */
	pp_load_busy_ics(tt, "fuzz.ics", s, size, &lo, 1525132800,
	    1527724800, &ds);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
