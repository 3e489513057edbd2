/* SPDX-License-Identifier: ISC */
/*
 * ICU, loaded when first used.  libical (for recurrence rules) and
 * libxml2 (for rare encodings) call a score of ICU functions; pyplan links
 * both statically and defines those functions here, so that the ICU
 * libraries (and the C++ runtime under them) are opened with dlopen the
 * first time one is called, instead of at every start-up: `pyplan
 * --version` and a plan of a CSV programme never load them.
 */
#ifndef PYPLAN_ICU_LAZY_H
#define PYPLAN_ICU_LAZY_H

/* 1 if ICU has been loaded (a function of it was called), else 0. */
int pp_icu_loaded(void);

#endif
