/* SPDX-License-Identifier: ISC */
/*
 * The one allocator: every allocation is checked here, and a test can make
 * the n-th allocation fail to exercise the out-of-memory path.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/xalloc.h"

#define EX_OSERR 71

static unsigned long fail_after;
static int fail_env_read;

static void
oom(void)
{
	fputs("pyplan: out of memory\n", stderr);
	exit(EX_OSERR);
}

/* Counts down the injected failure; returns 1 when this call must fail. */
static int
injected(void)
{
	if (!fail_env_read) {
		const char *s = getenv("PYPLAN_FAIL_ALLOC");
		fail_env_read = 1;
		if (s != NULL && *s != '\0')
			fail_after = strtoul(s, NULL, 10);
	}
	if (fail_after == 0)
		return 0;
	return --fail_after == 0;
}

void
pp_xalloc_fail_after(unsigned long n)
{
	fail_env_read = 1;
	fail_after = n;
}

void *
pp_xmalloc(size_t n)
{
	void *p;

	if (injected())
		oom();
	p = malloc(n == 0 ? 1 : n);
	if (p == NULL)
		oom();
	return p;
}

void *
pp_xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (injected())
		oom();
	p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size);
	if (p == NULL)
		oom();
	return p;
}

void *
pp_xreallocarray(void *p, size_t nmemb, size_t size)
{
	void *q;

	if (size != 0 && nmemb > SIZE_MAX / size)
		oom();
	if (injected())
		oom();
	q = realloc(p, nmemb * size == 0 ? 1 : nmemb * size);
	if (q == NULL)
		oom();
	return q;
}

char *
pp_xstrdup(const char *s)
{
	return pp_xstrndup(s, strlen(s));
}

char *
pp_xstrndup(const char *s, size_t n)
{
	char *p;
	size_t len = strnlen(s, n);

	p = pp_xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
pp_xasprintf(const char *fmt, ...)
{
	va_list ap;
	int len;
	char *p, probe[1];

	va_start(ap, fmt);
	len = vsnprintf(probe, sizeof(probe), fmt, ap);
	va_end(ap);
	if (len < 0)
		oom();
	p = pp_xmalloc((size_t)len + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *
pp_xgrowarray(void *v, size_t *cap, size_t need, size_t sz)
{
	size_t ncap;

	if (need <= *cap)
		return v;
	ncap = *cap < 8 ? 8 : *cap;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			oom();
		ncap *= 2;
	}
	v = pp_xreallocarray(v, ncap, sz);
	*cap = ncap;
	return v;
}
