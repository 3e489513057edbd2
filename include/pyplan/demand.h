/* SPDX-License-Identifier: ISC */
/*
 * Room demand (`pyplan batch`): per event of the programme, how many
 * attendees plan it, the capacity of its room where known, and whether it
 * overflows.  Built from the attendees' plans, written as demand.csv and
 * demand.json, read back and added up across shards (--merge-demand).
 * Nothing about any single attendee is kept: only counts.
 *
 * Rooms file (--rooms): CSV with a header naming the columns "room" and
 * "capacity" (case-insensitive, any order, no others); one row per room,
 * the name as the programme spells it (ASCII case and outer blanks
 * ignored), the capacity a whole number from 1 to 1000000.  An event held
 * in several rooms (a lunch across ballrooms) has the sum of their
 * capacities, or none when one of them has none.
 *
 * demand.csv (RFC 4180 with LF line ends, as the other CSV output): a
 * header, then one row per programme event in timetable order (start,
 * end, title, id):
 *
 *   id,title,kind,start,end,room,capacity,attendees,overflow,fill_percent
 *
 * start and end are ISO 8601 with the offset, in the event's zone; room
 * is the event's rooms joined with "; "; capacity is empty when unknown;
 * attendees counts the attendees whose plan holds the event; overflow is
 * "yes" when attendees > capacity, "no" when not, empty when the capacity
 * is unknown; fill_percent is attendees * 100 / capacity rounded half up,
 * empty when the capacity is unknown.
 *
 * demand.json (schema_version 1; indentation, key order and the rules for
 * strings as for the plan's JSON):
 *
 *   schema_version  1
 *   generator       "pyplan VERSION"
 *   shard           null, or {index, count} for one shard's file
 *   attendees       {planned: attendees with a plan,
 *                    failed: rows that got none}
 *   sessions        [{id, title, kind, start, end, room (null when
 *                     none), capacity (null when unknown), attendees,
 *                     overflow (null when unknown), fill_percent (null
 *                     when unknown)}]  in the CSV's order
 *
 * A demand summed from every shard is the demand of one run over all the
 * attendees, byte for byte in both files.
 */
#ifndef PYPLAN_DEMAND_H
#define PYPLAN_DEMAND_H

#include <stddef.h>
#include <stdio.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"

#define PP_ROOM_CAPACITY_MAX 1000000
#define PP_ROOMS_MAX 10000

struct pp_room_cap {
	char *room; /* owned */
	long capacity;
	unsigned line; /* in the rooms file */
	int used;      /* 1 once an event of the programme is in it */
};

struct pp_rooms {
	const char *file; /* borrowed */
	struct pp_room_cap *v;
	size_t n, cap;
};

/*
 * Reads a rooms file into r (zeroed by the call).  Every problem is an
 * error at its line (a missing or unknown column, an empty room, a
 * capacity that is not a whole number from 1 to PP_ROOM_CAPACITY_MAX, a
 * room given twice, more than PP_ROOMS_MAX rooms).  Returns 0, or -1 (*io_error
 * = 1 when path cannot be read).  path is borrowed.  Free with pp_rooms_fini.
 */
int pp_rooms_read(struct pp_rooms *r, const char *path, struct pp_diags *ds,
    int *io_error);
void pp_rooms_fini(struct pp_rooms *r);

struct pp_demand_row {
	char *id, *title, *kind, *start, *end, *room; /* owned */
	long capacity;                                /* -1: unknown */
	unsigned long attendees;
};

struct pp_demand {
	struct pp_demand_row *rows;
	size_t n;
	unsigned shard_index, shard_count; /* count 0: not a shard */
	unsigned long planned, failed;
};

/*
 * Fills d (zeroed by the call) with one row per event of tt and no
 * attendees yet; capacities come from r (may be NULL), whose rooms no
 * event uses get a warning each in ds at their line.  zone is the
 * fallback for events without a zone of their own.  Free with
 * pp_demand_fini.
 */
void pp_demand_init(struct pp_demand *d, const struct pp_timetable *tt,
    const char *zone, struct pp_rooms *r, struct pp_diags *ds);
void pp_demand_fini(struct pp_demand *d);

/* Writes d as demand.csv (format above) to fp; returns 0, or -1 when the
 * stream reports an error.  demand.json is written by the JSON writer,
 * pp_write_demand_json (write_json.h). */
int pp_demand_write_csv(FILE *fp, const struct pp_demand *d);

/* A row's fill_percent: attendees * 100 / capacity rounded half up; the
 * capacity must be known (>= 1). */
unsigned long pp_demand_fill(const struct pp_demand_row *row);

/*
 * Reads a demand.json written by pp_write_demand_json into d (zeroed by
 * the call).  Returns 0, or -1 with an error in ds (*io_error = 1 when
 * path cannot be read).  path is borrowed by the diagnostics.
 */
int pp_demand_read_json(struct pp_demand *d, const char *path,
    struct pp_diags *ds, int *io_error);

/*
 * Adds part's counts to sum.  The two must list the same sessions (id,
 * title, kind, times, room and capacity, in order), else an error naming
 * the first difference is appended to ds (at path, part's file) and -1
 * returned with sum unchanged.  An empty sum (n == 0, nothing added yet)
 * takes part's sessions.  The shard fields of sum are left alone.
 */
int pp_demand_add(struct pp_demand *sum, const struct pp_demand *part,
    const char *path, struct pp_diags *ds);

#endif
