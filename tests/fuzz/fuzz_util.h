/* SPDX-License-Identifier: ISC */
/*
 * Shared helpers for the libFuzzer targets: every target copies the input
 * into a NUL-terminated heap buffer (the loaders' contract) and drops
 * inputs bigger than FUZZ_MAX_LEN so a run stays fast.
 */
#ifndef PYPLAN_FUZZ_UTIL_H
#define PYPLAN_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_MAX_LEN ((size_t)64 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns a NUL-terminated copy of data, or NULL if size is too big. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char *s;

	if (size > FUZZ_MAX_LEN)
		return NULL;
	if ((s = malloc(size + 1)) == NULL)
		return NULL;
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
