/* SPDX-License-Identifier: ISC */
/* libFuzzer target: the frab XML and JSON feed readers (libxml2, jansson)
 * and the feed core they share (feed.c), through pp_load_buffer, which
 * picks the reader from the content. */
#include "fuzz_util.h"

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_load_opts lo = { NULL, 1 };
	struct pp_timetable *tt;
	struct pp_diags ds;
	char *s = fuzz_copy(data, size);

	if (s == NULL)
		return 0;
	pp_diags_init(&ds);
	tt = pp_timetable_new();
	pp_load_buffer(tt, "fuzz.feed", s, size, &lo, &ds);
	pp_timetable_free(tt);
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
