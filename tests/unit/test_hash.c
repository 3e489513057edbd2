/* SPDX-License-Identifier: ISC */
/* 64-bit FNV-1a against the published test vectors, and the string form
 * against the byte form. */
#include <string.h>

#include "testutil.h"

#include "pyplan/hash.h"

static void
test_vectors(void **state)
{
	(void)state;
	assert_true(pp_fnv1a_str("") == UINT64_C(0xcbf29ce484222325));
	assert_true(pp_fnv1a_str("a") == UINT64_C(0xaf63dc4c8601ec8c));
	assert_true(pp_fnv1a_str("foobar") == UINT64_C(0x85944171f73967e8));
	assert_true(
	    pp_fnv1a(PP_FNV1A_INIT, "foobar", 6) == pp_fnv1a_str("foobar"));
	/* Continuing from a hash is hashing the concatenation. */
	assert_true(pp_fnv1a(pp_fnv1a(PP_FNV1A_INIT, "foo", 3), "bar", 3) ==
	    pp_fnv1a_str("foobar"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_vectors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
