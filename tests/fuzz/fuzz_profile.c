/* SPDX-License-Identifier: ISC */
/* libFuzzer target: the INI profile parser and its consistency check. */
#include "fuzz_util.h"

#include "pyplan/diag.h"
#include "pyplan/profile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_profile p;
	struct pp_diags ds;
	char *s = fuzz_copy(data, size);

	if (s == NULL)
		return 0;
	pp_diags_init(&ds);
	pp_profile_init(&p);
	if (pp_profile_load_string(&p, "fuzz.ini", s, &ds) == 0)
		pp_profile_check(&p, &ds);
	pp_profile_fini(&p);
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
