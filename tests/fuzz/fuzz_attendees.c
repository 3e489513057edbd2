/* SPDX-License-Identifier: ISC */
/* libFuzzer target: the attendee file of `pyplan batch` (its CSV rows, the
 * header and id rules) and each row's cells applied to a profile. */
#include "fuzz_util.h"

#include "pyplan/attendee.h"
#include "pyplan/diag.h"
#include "pyplan/profile.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pp_attendees a;
	struct pp_profile p;
	struct pp_diags ds;
	char *s = fuzz_copy(data, size);
	size_t i;

	if (s == NULL)
		return 0;
	pp_diags_init(&ds);
	if (pp_attendees_parse(&a, "fuzz.csv", s, size, &ds) == 0)
		for (i = 0; i < a.n; i++) {
			pp_profile_init(&p);
			if (!a.v[i].bad &&
			    pp_attendee_apply(&a, i, &p, &ds, NULL) == 0)
				pp_profile_check(&p, &ds);
			pp_profile_fini(&p);
		}
	pp_attendees_fini(&a);
	pp_diags_fini(&ds);
	free(s);
	return 0;
}
