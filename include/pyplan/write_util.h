/* SPDX-License-Identifier: ISC */
/*
 * Helpers shared by the plan writers (text, ics, json, csv): the strings a
 * planned item shows whatever the format (time range, speakers, reason,
 * link, score).
 */
#ifndef PYPLAN_WRITE_UTIL_H
#define PYPLAN_WRITE_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/solve.h"

/* A growing string: zero it to start, free s at the end.  s is always
 * NUL-terminated once anything was added. */
struct pp_sbuf {
	char *s;
	size_t len, cap;
};

/* Appends n bytes of s to b. */
void pp_sbuf_add(struct pp_sbuf *b, const char *s, size_t n);
/* Appends the NUL-terminated s to b. */
void pp_sbuf_adds(struct pp_sbuf *b, const char *s);

/* Bytes needed for pp_item_time_range's buffer, NUL included. */
#define PP_TIME_RANGE_SIZE 16

/* Formats the item's start and end in zone as "HH:MM–HH:MM" (an en dash) into
 * buf, which holds at least PP_TIME_RANGE_SIZE bytes; an end at midnight
 * is 24:00. */
void pp_item_time_range(const struct pp_item *it, const char *zone, char *buf);

/*
 * Returns ev's speakers joined with sep as a heap string, "" when ev is
 * NULL or has none; the caller frees.
 */
char *pp_event_speakers(const struct pp_event *ev, const char *sep);

/*
 * Returns the short reason shown for a planned item, as a heap string the
 * caller frees: "attended" for an item of the old plan kept as attended
 * (replanning), "must-see" (followed by "; " and the scorer's reason when
 * there is one), "hallway track" or "lunch" for synthesized blocks, else
 * the scorer's reason ("interest: testing ×3"), else "networking" for a
 * networking item and "" for a talk with no particular reason; then,
 * for a talk that covers [criteria] (it->crit), "; covers job, depth".
 */
char *pp_item_reason(const struct pp_item *it);

/* Returns ev's best link: its video URL when non-empty, else its URL, else
 * "" (never NULL; ev borrowed). */
const char *pp_event_link(const struct pp_event *ev);

/* Returns the score (units) the plan's model gave ev, an event of the
 * model's timetable (watch-later entries are). */
int64_t
pp_plan_event_score(const struct pp_plan *pl, const struct pp_event *ev);

/* "talk" (talk load), "networking" or "info" (a busy block that is not
 * networking): an item's class as the writers name it. */
const char *pp_item_class_name(const struct pp_item *it);

/* Returns the English weekday name ("Friday") of a "YYYY-MM-DD" date, or
 * "" when the date does not parse (static storage). */
const char *pp_weekday_name(const char *date);

/* Large enough for any synthesized item id ("open-space-2018-05-11-1050"). */
#define PP_ITEM_ID_MAX 32

/*
 * Returns the stable id of a plan item, shared by every writer: the
 * event's id for a programme event (borrowed), the old plan's id for an
 * attended item (replanning; borrowed), otherwise
 * "hallway-YYYY-MM-DD-HHMM", "lunch-...", "open-space-..." (a board
 * slot), "host-..." or "expo-..." formatted into buf
 * (PP_ITEM_ID_MAX bytes) from the item's start in zone tz.
 */
const char *
pp_item_id(const struct pp_item *it, const char *tz, char buf[PP_ITEM_ID_MAX]);

#endif
