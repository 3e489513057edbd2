/* SPDX-License-Identifier: ISC */
/*
 * What the JSON writers share with other JSON reports (write_diff.c): an
 * event in the programme schema of write_json.h, strings made valid
 * UTF-8, and the one way documents are dumped.
 */
#ifndef PYPLAN_WRITE_JSON_INT_H
#define PYPLAN_WRITE_JSON_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "pyplan/event.h"
#include "pyplan/solve.h"

/* A new object: ev as an element of the programme schema's "events". */
json_t *pp_json_event(const struct pp_event *ev);
/* A new array: pl's days, as "days" of the plan schema (write_json.h). */
json_t *pp_json_plan_days(const struct pp_plan *pl);
/* Sets in obj what pp_write_json writes of pl: conference, profile,
 * days, watch_later, score, optimal, criteria_covered. */
void pp_json_plan_parts(const struct pp_plan *pl, json_t *obj);
/* A new number: score units as points (the plan schema's scores). */
json_t *pp_json_score(int64_t units);
/* A new string (invalid UTF-8 bytes become U+FFFD); NULL is "". */
json_t *pp_json_string(const char *s);
/* A new string: t as ISO 8601 with zone's offset. */
json_t *pp_json_iso(const char *zone, int64_t t);
/* A new array of the n strings of v. */
json_t *pp_json_strings(const char *const *v, size_t n);
/*
 * Dumps root (consumed) to fp by the general rules of write_json.h
 * (2-space indent, keys in order, a final newline) and flushes.  Returns
 * 0, or -1 on a stream error.
 */
int pp_json_dump(FILE *fp, json_t *root);

#endif
