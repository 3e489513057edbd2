/* SPDX-License-Identifier: ISC */
/*
 * Checked allocation: every allocation in pyplan goes through these, so one
 * policy holds.  On failure they print "pyplan: out of memory" and exit
 * with EX_OSERR (71); callers never see NULL.
 */
#ifndef PYPLAN_XALLOC_H
#define PYPLAN_XALLOC_H

#include <stddef.h>

/* Returns n bytes (n may be 0: still a unique pointer); the caller frees. */
void *pp_xmalloc(size_t n);
/* Returns nmemb*size zeroed bytes, failing cleanly on overflow. */
void *pp_xcalloc(size_t nmemb, size_t size);
/* Resizes p to nmemb*size bytes, failing cleanly on overflow. */
void *pp_xreallocarray(void *p, size_t nmemb, size_t size);
/* Returns a heap copy of s; the caller frees. */
char *pp_xstrdup(const char *s);
/* Returns a heap copy of the first n bytes of s, NUL-terminated. */
char *pp_xstrndup(const char *s, size_t n);
/* Returns a heap string built like printf; the caller frees. */
char *pp_xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), nonnull(1)));

/*
 * Test hook: the n-th allocation from now on (1 = the next one) fails as if
 * the system were out of memory; 0 disables.  Also settable with the
 * environment variable PYPLAN_FAIL_ALLOC=N, read on the first allocation.
 */
void pp_xalloc_fail_after(unsigned long n);

/*
 * Grows the array v of *cap elements of size sz so that it holds at least
 * need, doubling its capacity, and returns it (v itself when it is big
 * enough): v = pp_xgrowarray(v, &cap, n + 1, sizeof(*v)).  v may be NULL
 * with *cap 0.  The typed assignment keeps C's aliasing rules, which a
 * T * written through a void ** would break.
 */
void *pp_xgrowarray(void *v, size_t *cap, size_t need, size_t sz);

#endif
