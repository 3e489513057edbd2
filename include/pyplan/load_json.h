/* SPDX-License-Identifier: ISC */
/*
 * The JSON programme reader, on jansson: the conference feeds that come
 * as JSON, recognised by their shape.
 */
#ifndef PYPLAN_LOAD_JSON_H
#define PYPLAN_LOAD_JSON_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"

/*
 * Loads a JSON buffer named name into tt; same contract as
 * pp_load_buffer.  The shape decides the format:
 *
 *   frab/pretalx  {"schedule": {"conference": ...}}.  Schema v1:
 *                 conference.days[].rooms{name: [events]}, each event as
 *                 in frab XML (date, start, duration, room, title, type,
 *                 track, persons[].public_name, links[], do_not_record).
 *                 Schema 2: schedule.events[] with ISO start and end,
 *                 room.name, track.slug (named by conference.tracks) and
 *                 participants[].name.  The id is the guid, else id or
 *                 code; conference.title names the timetable.
 *   Sessionize    {"sessions": [...], "speakers": [...], "rooms": [...],
 *                 "categories": [...]} (the "All" export): roomId,
 *                 speaker ids and categoryItems joined by id.  A category
 *                 whose title says "type" or "format" gives the kind
 *                 word, "track" the track, "level" the level ("300 -
 *                 Advanced" -> "advanced"); the others are tags.  A
 *                 service session is a break unless its title names a
 *                 kind.  recordingUrl is the video url.  Times are
 *                 floating, read in opts->tz (else UTC).
 *   PyCon US      {"schedule": [...]} (us.pycon.org conference.json):
 *                 kind, name, ISO start and end (or duration minutes),
 *                 rooms[] (else room), speakers[].name (else authors[]),
 *                 description (HTML), conf_url, conf_key as the id.
 *                 "blank" slots and cancelled items are skipped with a
 *                 warning.
 *   pretalx grid  {"schedule": {"YYYY-MM-DD": {"minute": {"room id":
 *                 submission}}}} with "sprints" alike and "extra" breaks
 *                 (the PyConFR site data): each submission's slot gives
 *                 the times and room; bilingual names are read in
 *                 English.  An extra item lasts until the next row of
 *                 its day's grid (30 minutes without one) and is a break
 *                 (a meal when its title says so).
 *
 * In every format an item of zero length is not schedulable and is
 * skipped with a warning, and a time with an offset settles the display
 * zone as pp_feed_instant says.  Text that is not valid JSON is an error
 * at jansson's line; a known shape with a wrong member (days not an
 * array, a session without a title, a bad duration or date, an unknown
 * room id) is an error at the line of the value or of its enclosing
 * object.  Duplicate keys are refused.
 */
int pp_load_json(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

#endif
