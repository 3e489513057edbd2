/* SPDX-License-Identifier: ISC */
/* 64-bit FNV-1a (hash.h). */
#include "pyplan/hash.h"

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t
pp_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * FNV_PRIME;
	return h;
}

uint64_t
pp_fnv1a_str(const char *s)
{
	uint64_t h = PP_FNV1A_INIT;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}
