/* SPDX-License-Identifier: ISC */
/*
 * The process heap's shape, with glibc on Linux.  A plan touches 10-20 MB
 * of fresh memory (the programme file, libxml2's copy of it, the words of
 * the abstracts, the timetable, the model), and every first touch of a
 * 4 KB page is a page fault: about 2 us each on a virtual machine, and
 * the 3,000 of a FOSDEM 2025 plan were a quarter of its run.  Two settings
 * cut them:
 * - blocks of any size come from the heap rather than each from its own
 *   mmap, so the pages a stage has freed (the file once parsed, libxml2's
 *   copy) serve the next stage instead of fresh ones;
 * - the heap grows HEAP_STEP at a time, and that range is offered to the
 *   kernel for transparent huge pages: one fault per 2 MB where the
 *   kernel's THP mode is "madvise" or "always", none of this where it is
 *   "never".
 * Where malloc is not glibc's heap (sanitizers, valgrind, other C
 * libraries) nothing is changed: the range is advised only when the first
 * block lies just below the program break.
 */
#define _DEFAULT_SOURCE /* sbrk, madvise's MADV_HUGEPAGE */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#endif

#include "pyplan/heap.h"

/* Bytes the heap grows by at a time; a huge page's size. */
#define HEAP_STEP ((size_t)32 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

void
pp_heap_tune(void)
{
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
	uintptr_t lo, hi;
	void *p;

	if (mallopt(M_MMAP_THRESHOLD, (int)HEAP_STEP) != 1 ||
	    mallopt(M_TRIM_THRESHOLD, (int)HEAP_STEP) != 1 ||
	    mallopt(M_TOP_PAD, (int)HEAP_STEP) != 1)
		return;
	if ((p = malloc(1)) == NULL)
		return;
	lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	hi = (uintptr_t)sbrk(0);
	if ((uintptr_t)p < hi && hi - (uintptr_t)p <= 2 * HEAP_STEP && lo < hi)
		(void)madvise((void *)lo, (size_t)(hi - lo), MADV_HUGEPAGE);
	free(p);
#endif
}
