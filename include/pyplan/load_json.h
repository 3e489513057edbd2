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
 *                 code; conference.title names the timetable.  ZONE:
 *                 conference.time_zone_name is the programme's (tt->tz);
 *                 pretalx exports without it give offsets only, and no
 *                 zone.  NIGHTS: the days' day_start/day_end (schema 1) or
 *                 start/end (schema 2) give tt->day_change as feed.h's
 *                 pp_feed_fini says.
 *   Sessionize    {"sessions": [...], "speakers": [...], "rooms": [...],
 *                 "categories": [...]} (the "All" export): roomId,
 *                 speaker ids and categoryItems joined by id.  A category
 *                 whose title says "type" or "format" gives the kind
 *                 word, "track" the track, "level" the level ("300 -
 *                 Advanced" -> "advanced"); the others are tags.  A
 *                 service session is a break unless its title names a
 *                 kind.  recordingUrl is the video url.  A status other
 *                 than Accepted is reported and skipped, except Cancelled
 *                 (kept, PP_STATUS_CANCELLED).  ZONE: times are floating,
 *                 read in opts->tz (else UTC); the export names no zone.
 *   PyCon US      {"schedule": [...], "open-spaces": [...]}
 *                 (us.pycon.org conference.json; open-spaces from 2025):
 *                 kind, name (open spaces: title), ISO start and end (or
 *                 duration minutes), rooms[] (else room, room_display),
 *                 speakers[].name (else authors[]), description (HTML),
 *                 conf_url, conf_key as the id ("open-space-" before an
 *                 open space's).  The sessions an item lists (the posters
 *                 of "Posters Session") are events at the item's time,
 *                 rooms and kind.  "blank" slots are skipped with a
 *                 warning; cancelled true keeps the item with status
 *                 PP_STATUS_CANCELLED.  ZONE: the file names none (tt->tz
 *                 stays NULL); its offsets are exact.
 *   pretalx grid  {"schedule": {"YYYY-MM-DD": {"minute": {"room id":
 *                 submission}}}} with "sprints" alike and "extra" breaks
 *                 (the PyConFR site data): a submission's times and room
 *                 are its slot (2024) or each of its slots[] (2025), one
 *                 event per slot with the id CODE-N when there are
 *                 several; a submission the grid shows again (in the cell
 *                 of another slot) is read once.  Rooms and submission
 *                 types are names or {"name": ...}; bilingual names are
 *                 read in English.  States confirmed and accepted are the
 *                 programme, canceled is kept as cancelled, any other is
 *                 reported and skipped.  An extra item lasts until the
 *                 next row of its day's grid (30 minutes without one) and
 *                 is a break (a meal when its title says so).  ZONE: none
 *                 named; the offsets are exact.
 *
 * In every format an item of zero length, or shorter than a minute, is
 * not schedulable and is skipped with a warning, and a time with an
 * offset settles the display zone as pp_feed_instant says (ev->tz; only a
 * zone the file names becomes tt->tz).  A top-level member no reader
 * reads, or one inside it, that holds items with a title-like and a
 * time-like key is reported ("'x' holds N items that look like events and
 * are not read").  Text that is not valid JSON is an error at jansson's
 * line; a known shape with a wrong member (days not an array, a session
 * without a title, a bad duration or date, an unknown room id) is an
 * error at the line of the value or of its enclosing object.  Duplicate
 * keys are refused.
 */
int pp_load_json(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

#endif
