/* SPDX-License-Identifier: ISC */
/*
 * The venue: networking a conference offers that is not an event of its
 * programme.  Open-space boards (rooms as columns, slots as rows: anyone
 * pins a topic and people show up) and the expo hall's opening hours.  It
 * describes the conference, not the attendee, so it is read from a venue
 * file beside the programme ([plan] venue = FILE, --venue FILE); a profile
 * may carry the same sections.  The model turns it into candidates
 * (pp_model_build): one placeholder per board slot, and expo-hall
 * segments.
 */
#ifndef PYPLAN_VENUE_H
#define PYPLAN_VENUE_H

#include <stddef.h>

/* Hours something is open on one day, in the planning zone. */
struct pp_venue_hours {
	char date[11];    /* YYYY-MM-DD */
	int from, to;     /* minutes after local midnight, from < to */
	const char *file; /* borrowed origin, NULL = flag */
	unsigned line;
};

struct pp_venue {
	struct pp_venue_hours *board; /* [open-spaces] hours */
	size_t nboard;
	int board_slot;     /* [open-spaces] slot-minutes, default 60 */
	char **board_rooms; /* [open-spaces] rooms: the board's columns */
	size_t nboard_rooms;
	struct pp_venue_hours *expo; /* [expo] hours */
	size_t nexpo;
	int expo_slot; /* [expo] slot-minutes, default 30: the expo hall is
	                  offered in segments this long */
};

/* An open space the attendee hosts ([host] TITLE = DAY [HH:MM], --host). */
struct pp_host {
	char *title; /* owned */
	char *day;   /* owned: YYYY-MM-DD or a weekday, resolved by the model */
	int at;      /* minutes after local midnight, -1: any slot that day */
	const char *file;
	unsigned line;
};

/* Default slot lengths, in minutes. */
#define PP_VENUE_BOARD_SLOT 60
#define PP_VENUE_EXPO_SLOT 30

/* Fills v with no boards, no expo hours and the default slot lengths. */
void pp_venue_init(struct pp_venue *v);
/* Frees what v owns; v may be initialised again. */
void pp_venue_fini(struct pp_venue *v);
/* Appends hours to *v (n entries, grown by one); returns the new entry,
 * valid until the next append. */
struct pp_venue_hours *pp_venue_hours_add(struct pp_venue_hours **v, size_t *n);

#endif
