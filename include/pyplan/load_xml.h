/* SPDX-License-Identifier: ISC */
/*
 * The frab/Pentabarf XML reader (FOSDEM, CCC, Giggity's format), on
 * libxml2; each event goes through the feed core (feed.h).
 */
#ifndef PYPLAN_LOAD_XML_H
#define PYPLAN_LOAD_XML_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"

/* Deeper XML element nesting is refused (libxml2's limit without
 * XML_PARSE_HUGE, which pyplan never sets). */
#define PP_XML_MAX_DEPTH 256
/* Elements with more attributes are refused before parsing (libxml2 2.9
 * checks an element's attributes for duplicates in quadratic time). */
#define PP_XML_MAX_ATTRS 256

/*
 * Loads a frab XML buffer named name into tt; same contract as
 * pp_load_buffer.  The root is <schedule>; its <conference> gives the
 * name (tt->name, when not already set), <time_zone_name> and
 * <day_change>; each <day date=... start=... end=...> holds <room
 * name=...> elements holding <event>s, or (the legacy Pentabarf shape)
 * <event>s directly.  An event's start is its <date> (ISO 8601, with or
 * without an offset), else its <start> (HH:MM) on the day's date, on the
 * next day when it is before the day's start attribute or the
 * conference's <day_change>.  Its length is <duration> (HH:MM or
 * H:MM:SS).  The id is the guid attribute, else the id attribute, else
 * "FILE:LINE".  <type> is the kind word, else a <track> that names a
 * kind; <subtitle>, <abstract> and <description> (HTML stripped) make the
 * abstract; <persons> the speakers; a <links> entry titled "Video..." or
 * on a video host the video url; <recording> <optout>, <do_not_record>
 * and <do_not_stream> the recorded flag.  Floating times are read in the
 * file's time zone, else opts->tz, else UTC.
 *
 * ZONE AND NIGHTS.  <time_zone_name> is the zone the programme declares
 * (tt->tz); a file without it declares none, whatever its offsets say.
 * The days' start and end attributes give when one conference day ends
 * and the next begins (tt->day_change: 06:00 at the CCC congresses, 09:00
 * at FOSDEM), else <day_change> does; see pp_feed_fini in feed.h.
 *
 * Documents that are not well-formed, nest deeper than PP_XML_MAX_DEPTH,
 * have an element with more than PP_XML_MAX_ATTRS attributes, or whose
 * DOCTYPE declares entities or names an external DTD are refused, and
 * nothing of them is kept; no DTD or network resource is ever loaded.
 * An element outside <conference> and <event> that pyplan does not read
 * but that has a title and a time among its children (EuroPython's
 * <entry>) is reported, one warning per element name.  Diagnostics carry
 * the line of the offending element.
 */
int pp_load_xml(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds);

#endif
