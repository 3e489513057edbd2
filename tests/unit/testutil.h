/* SPDX-License-Identifier: ISC */
/* Shared includes for the cmocka unit tests. */
#ifndef PYPLAN_TESTUTIL_H
#define PYPLAN_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
