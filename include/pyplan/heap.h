/* SPDX-License-Identifier: ISC */
/*
 * The process heap's shape (heap.c): fewer page faults for a run that
 * touches megabytes of fresh memory.  Call once, first thing in main.
 */
#ifndef PYPLAN_HEAP_H
#define PYPLAN_HEAP_H

void pp_heap_tune(void);

#endif
