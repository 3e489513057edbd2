/* SPDX-License-Identifier: ISC */
/*
 * The one string hash: 64-bit FNV-1a.  Stable across machines and runs,
 * so it may name things that outlive a run (calendar UIDs, cache files,
 * batch shards) as well as place keys in hash tables.
 */
#ifndef PYPLAN_HASH_H
#define PYPLAN_HASH_H

#include <stddef.h>
#include <stdint.h>

/* The offset basis: the hash of no bytes. */
#define PP_FNV1A_INIT UINT64_C(0xcbf29ce484222325)

/* The hash of n bytes at p, continuing from h (start with
 * PP_FNV1A_INIT). */
uint64_t pp_fnv1a(uint64_t h, const void *p, size_t n);

/* The hash of the string s (without its NUL). */
uint64_t pp_fnv1a_str(const char *s);

#endif
