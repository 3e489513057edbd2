/* SPDX-License-Identifier: ISC */
/* The one place the version lives (--version, JSON "generator", PRODID). */
#ifndef PYPLAN_VERSION_H
#define PYPLAN_VERSION_H

#define PP_VERSION "0.1.0"

#endif
