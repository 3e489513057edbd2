/* SPDX-License-Identifier: ISC */
/*
 * Programme changes (`pyplan diff`, SPEC §10): what was added, removed and
 * changed between two versions of a programme, whatever formats they came
 * in, and what those changes mean for a plan made from the older one.
 * The module compares timetables; it neither reads files nor prints.
 */
#ifndef PYPLAN_DIFF_H
#define PYPLAN_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/event.h"
#include "pyplan/load_plan.h"

/* The fields a change can touch, in the order SPEC §10 lists them. */
enum pp_diff_field {
	PP_DIFF_START = 1u << 0,
	PP_DIFF_END = 1u << 1,
	PP_DIFF_ROOM = 1u << 2,
	PP_DIFF_TITLE = 1u << 3,
	PP_DIFF_SPEAKERS = 1u << 4,
	PP_DIFF_KIND = 1u << 5,
	PP_DIFF_STATUS = 1u << 6
};
#define PP_DIFF_NFIELDS 7

/* One event of both versions whose fields differ. */
struct pp_diff_change {
	const struct pp_event *before; /* in the old timetable */
	const struct pp_event *after;  /* in the new timetable */
	unsigned fields;               /* PP_DIFF_* bits, never 0 */
};

/*
 * The difference between two timetables.  Events are borrowed from them
 * and stay valid as long as they do.
 */
struct pp_diff {
	const struct pp_event **added; /* new events, in new order */
	size_t nadded;
	const struct pp_event **removed; /* old events, in old order */
	size_t nremoved;
	struct pp_diff_change *changed; /* in the new timetable's order */
	size_t nchanged;
	size_t nsame; /* events matched with nothing changed */
};

/*
 * Compares before with after (both sorted, as loading leaves them) into
 * *d, which the caller frees with pp_diff_fini.
 *
 * Matching: an event is first paired with the event of the other version
 * that has the same id, when each version has exactly one event with that
 * id; ids pyplan made up for rows without one ("file:line") never pair.
 * The events left are then paired by title (ignoring case and outer
 * blanks) and speakers (the same names in any order, ignoring case); when
 * several events share both, each is paired with the one whose start is
 * nearest (the earlier on a tie).  A pair whose start, end, room (all
 * rooms joined), title, speakers (as a set), canonical kind or status
 * differ is a change; unpaired events are removed or added.  An event
 * whose status became cancelled is a change of "status", not a removal.
 */
void pp_diff_compute(const struct pp_timetable *before,
    const struct pp_timetable *after, struct pp_diff *d);
/* Releases the arrays of d (not the events); d may be computed again. */
void pp_diff_fini(struct pp_diff *d);

/* The name of one field bit ("start", "end", "room", "title",
 * "speakers", "kind", "status"), "" for anything else. */
const char *pp_diff_field_name(unsigned field);

/* What a change means for a planned item (pp_diff_impacts). */
enum pp_impact_what {
	PP_IMPACT_REMOVED,   /* the planned event left the programme */
	PP_IMPACT_CANCELLED, /* the planned event is cancelled */
	PP_IMPACT_CLASH,     /* it moved (or another did) and now overlaps */
	PP_IMPACT_TIGHT,     /* too little time to change rooms */
	PP_IMPACT_MOVED,     /* new time, no clash */
	PP_IMPACT_ROOM,      /* new room, no tight change */
	PP_IMPACT_DETAILS    /* title, speakers or kind only */
};

/*
 * One consequence of the programme changes for the plan.  For a clash or
 * a tight room change, other is the planned item it concerns, with the
 * times and room it has in the new programme (other_start, other_end,
 * other_room), and gap the minutes between the two (tight only).
 */
struct pp_impact {
	enum pp_impact_what what;
	const struct pp_plan_row *row;         /* the planned item */
	const struct pp_event *before, *after; /* either may be NULL */
	unsigned fields;                       /* of the change, 0 if none */
	const struct pp_plan_row *other;       /* clash and tight, else NULL */
	int64_t other_start, other_end;
	const char *other_room;
	long gap;
};

/*
 * Relates d to the plan pf, made from the programme d calls old.  A
 * planned item is found in d by its id (the events' ids on either side).
 * For each planned item the changes touch, in plan order, the impacts
 * are, in this order of precedence: removed; cancelled; for a new start
 * or end, a clash with every other planned programme item it now
 * overlaps (their times in the new programme), else "moved"; for a new
 * room or time, a tight change (fewer than room_change minutes between
 * consecutive planned items in different rooms, new times and rooms),
 * else "room" when only the room changed; a change of title, speakers or
 * kind alone is "details".  Synthesized blocks (hallway, lunch) are
 * flexible: they never clash.  Returns the number of impacts and sets
 * *out (the caller frees it; NULL when there are none).
 */
size_t pp_diff_impacts(const struct pp_diff *d, const struct pp_plan_file *pf,
    long room_change, struct pp_impact **out);

/*
 * Keeps in d only what touches the plan pf: removed and changed events
 * whose id (on either side) is the id of a planned item.  Added events
 * are dropped: they are not in the plan.
 */
void pp_diff_restrict(struct pp_diff *d, const struct pp_plan_file *pf);

#endif
