/* SPDX-License-Identifier: ISC */
/* libFuzzer target: the CSV loader, strict and lenient, through
 * pp_load_buffer's format dispatch and through pp_load_csv directly. */
#include "fuzz_util.h"

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"

static void
load_once(const char *s, size_t n, int lenient, int direct)
{
	struct pp_load_opts lo = { "Europe/Berlin", lenient };
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_diags ds;

	pp_diags_init(&ds);
	if (direct)
		pp_load_csv(tt, "fuzz.csv", s, n, &lo, &ds);
	else
		pp_load_buffer(tt, "fuzz.csv", s, n, &lo, &ds);
	pp_diags_fini(&ds);
	pp_timetable_free(tt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_copy(data, size);

	if (s == NULL)
		return 0;
	load_once(s, size, 0, 1);
	load_once(s, size, 1, 1);
	load_once(s, size, 1, 0);
	free(s);
	return 0;
}
