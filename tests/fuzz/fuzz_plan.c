/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: what users edit and give back, a plan file (JSON, CSV
 * or TSV, for --pins, diff --plan and now --plan) and a previous plan
 * calendar (--previous).  The first byte picks the reader.
 */
#include "fuzz_util.h"

#include "pyplan/diag.h"
#include "pyplan/ics_update.h"
#include "pyplan/load_plan.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_plan_file pf;
	struct pp_prev_cal pc;
	struct pp_diags ds;
	char *s;

	if (size == 0 || (s = fuzz_copy(data + 1, size - 1)) == NULL)
		return 0;
	pp_diags_init(&ds);
	if (data[0] & 1) {
		pp_prev_cal_parse(&pc, "fuzz.ics", s, &ds);
		pp_prev_cal_fini(&pc);
	} else {
		pp_plan_file_parse(&pf, "fuzz.plan", s, size - 1,
		    "Europe/Brussels", &ds);
		pp_plan_file_fini(&pf);
	}
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
