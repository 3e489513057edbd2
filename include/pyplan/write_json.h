/* SPDX-License-Identifier: ISC */
/*
 * JSON output (jansson): the plan (`pyplan build -f json`) and the
 * programme (`pyplan convert -f json`, `pyplan list -f json`), each in a
 * documented, versioned schema.
 */
#ifndef PYPLAN_WRITE_JSON_H
#define PYPLAN_WRITE_JSON_H

#include <stddef.h>
#include <stdio.h>

#include "pyplan/demand.h"
#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/solve.h"
#include "pyplan/version.h"
#include "pyplan/write.h"

/*
 * The JSON schemas, version 1 (the man page's JSON OUTPUT section is a copy
 * of this comment).
 *
 * General rules.  The document is UTF-8 (bytes that are not valid UTF-8 in
 * the input become U+FFFD), indented by 2 spaces, keys in the order shown,
 * and ends with a newline.  The output is the same for the same input,
 * byte for byte, except "solver.seconds"; when the environment variable
 * SOURCE_DATE_EPOCH is set (to anything), "seconds" is written as 0.0 so
 * that golden files can be compared.  Instants are ISO 8601 with the UTC
 * offset ("2018-05-11T10:50:00-04:00"); dates are "YYYY-MM-DD" and times
 * of day "HH:MM" ("24:00" is the end of the day).  Optional strings that
 * are empty in the source (room, url, track, ...) are null; lists are
 * always arrays, possibly empty.  Scores are numbers with at most three
 * decimals, printed exactly ("2.5", "0.125"; whole numbers print as "3.0");
 * every real is printed with 15 significant digits, so any score below
 * 10^12 points reads back as written.  A consumer must ignore keys it does
 * not know: later minor additions keep schema_version 1, a change that
 * removes or redefines a key increments it.
 *
 * Plan (pp_write_json):
 *
 *   schema_version   1
 *   generator        "pyplan VERSION" (e.g. "pyplan 0.1.0")
 *   conference       { name (string or null),
 *                      timezone (the planning zone),
 *                      start_date, end_date (first and last date of the
 *                        programme's events in the planning zone, null
 *                        when it has none),
 *                      sources [files the events came from, in order of
 *                        first appearance] }
 *   profile          the profile as applied:
 *                    { max_talks_per_day, max_talk_minutes_per_day,
 *                      max_consecutive_talks (integer, null = unlimited),
 *                      min_networking_minutes, min_networking_block,
 *                      room_change_minutes (integers),
 *                      day_start, day_end ("HH:MM"),
 *                      lunch ({from, to, minutes} or null when off),
 *                      recorded_weight, talk_base, networking_weight
 *                        (numbers),
 *                      level (string or null), level_bonus,
 *                      criteria_bonus (numbers),
 *                      fill_with_talks (boolean),
 *                      timezone (the planning zone in effect),
 *                      days [the dates planned],
 *                      interests {topic: weight}, speakers {name: weight},
 *                      criteria {job: [..], depth: [..], new: [..],
 *                        speaker: [..]},
 *                      must [id or title], skip [id or title],
 *                      busy [{label, date, from, to}],
 *                      busy_files [paths] }
 *   days             [{ date,
 *                       items [{ id, kind, class, source, title, start,
 *                                end, minutes, room, rooms, speakers, tags,
 *                                url, video_url, recorded, score, must,
 *                                reason, matches }],
 *                       totals { talks, talk_minutes, networking_minutes,
 *                                score },
 *                       caps { max_talks, max_talk_minutes (null =
 *                              unlimited), min_networking (0 = none) },
 *                       open (false when no programme event of the day
 *                             is left as a candidate: then the
 *                             networking and lunch rules do not apply),
 *                       need_ticket (talk-load events of the day left out
 *                                    for want of a ticket) }]
 *   watch_later      [{ id, title, speakers, score, raw_score, video_url,
 *                       url }]
 *   score            the plan's objective, criteria bonus included
 *   optimal          true when the solver proved the optimum
 *   criteria_covered [criterion names: "job", "depth", "new", "speaker"]
 *   solver           { labels, max_front (integers), seconds (number) }
 *
 * Items: "id" is the programme's id, or for a synthesized block
 * "hallway-YYYY-MM-DD-HHMM" / "lunch-YYYY-MM-DD-HHMM" (local start in the
 * planning zone; unique within a plan, stable across runs).  "kind" is the
 * canonical kind name ("talk", "open-space", "hallway", "meal", ...),
 * "class" is "talk" (talk load) or "networking", "source" is "programme",
 * "hallway" or "lunch".  "start"/"end" are in the planning zone.
 * "recorded" is true, false or null (unknown, and for synthesized blocks).
 * "must" is true for must-see events.  "reason" is the short reason of the
 * text output ("interest: testing ×3", "must-see") or null.  "matches"
 * says where the profile's terms matched the event, best first (at most
 * eight; empty for synthesized blocks): [{ term (the topic, speaker or
 * level as the profile writes it), kind ("interest", "speaker" or
 * "level"), weight (the profile's, points per hour), relevance (1 = one
 * occurrence in a title; see score.h and "Relevance" in pyplan(1)),
 * fields (some of "title", "track", "tags", "abstract", "speakers"),
 * per_hour (points per hour the term adds, after damping) }].
 * "watch_later" lists recorded talks that scored well but were left out:
 * "score" is what planning the talk would have added, "raw_score" its
 * value before the recorded-weight factor.
 *
 * Programme (pp_write_timetable_json):
 *
 *   schema_version   1
 *   generator        "pyplan VERSION" (e.g. "pyplan 0.1.0")
 *   name             the conference name or null
 *   events           [{ id, kind (canonical name), kind_word (the
 *                       source's own word or null), title, start, end
 *                       (ISO 8601 in the event's zone), timezone, rooms,
 *                       room, track, tags, speakers, level, recorded,
 *                       url, video_url, abstract }]
 */

#define PP_JSON_SCHEMA_VERSION 1
#define PP_GENERATOR "pyplan " PP_VERSION

/*
 * Writes the plan pl (with its model, profile and timetable) to fp in the
 * plan schema above.  o may be NULL (no option affects JSON today).
 * Returns 0, or -1 when the stream reports an error.
 */
int pp_write_json(FILE *fp, const struct pp_plan *pl,
    const struct pp_write_opts *o);

/*
 * Writes events of tt in the programme schema above: the nsel events of
 * sel in that order (e.g. the filtered list of `pyplan list`), or every
 * event of tt in timetable order when sel is NULL.  Returns 0, or -1 when
 * the stream reports an error.
 */
int pp_write_timetable_json(FILE *fp, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel);

/*
 * Writes the room demand d as demand.json, the schema of demand.h (keys in
 * that order, the general rules above).  Returns 0, or -1 when the stream
 * reports an error.
 */
int pp_write_demand_json(FILE *fp, const struct pp_demand *d);

#endif
