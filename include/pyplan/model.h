/* SPDX-License-Identifier: ISC */
/*
 * The planning model: from a timetable and a profile, the candidate items of
 * each conference day (programme events that survive skip, busy blocks and
 * the planning window, plus synthesized hallway-track segments and lunch
 * blocks), their scores, why every other event is left out, and the rules
 * of SPEC §4 normalised once, in solver units.  The model is the one
 * contract: the solver, the LP writer, `explain` and the writers read rules
 * from here and never the profile's [plan] values.
 */
#ifndef PYPLAN_MODEL_H
#define PYPLAN_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"

/*
 * The largest values the solver's state holds (src/solve.c packs one
 * day's state into 64 bits: 8 bits of talks, 11 of talk minutes, 7 of
 * streak, 11 of networking minutes, 11 of an unfinished hallway run, 6 of
 * must-see items, 2 of open-space slots, 2 of expo segments, and 6 of
 * flags and criteria).  A cap that could bind on
 * a day but lies beyond its limit, or a day with more must-see events, is
 * refused by pp_model_build with an error naming the day and the cap.
 */
#define PP_MODEL_MAX_TALKS 255    /* max-talks-per-day that binds */
#define PP_MODEL_MAX_MINUTES 2047 /* talk, networking, hallway minutes */
#define PP_MODEL_MAX_STREAK 127   /* max-consecutive-talks that binds */
#define PP_MODEL_MAX_MUST 61      /* must-see events on one day */
#define PP_MODEL_MAX_OPEN 3 /* open-spaces-per-day (PP_PROFILE_MAX_OPEN) */
#define PP_MODEL_MAX_EXPO 3 /* expo segments min-expo-minutes asks for */
#define PP_RULE_OFF ((unsigned)-1) /* a cap that cannot bind on the day */
#define PP_MODEL_NO_DAY ((size_t)-1)
#define PP_ITEM_NONE ((size_t)-1)

enum pp_item_src {
	PP_ITEM_EVENT,    /* a programme event */
	PP_ITEM_HALLWAY,  /* synthesized: a segment of the hallway track */
	PP_ITEM_LUNCH,    /* synthesized: a free lunch block */
	PP_ITEM_BOARD,    /* synthesized: a slot of the open-space board, its
	                     topic chosen on site (venue.h) */
	PP_ITEM_HOST,     /* synthesized: a board slot the attendee hosts
	                     ([host]); must */
	PP_ITEM_EXPO,     /* synthesized: a segment of the expo hall's hours */
	PP_ITEM_POSTERS,  /* the posters of the programme at one time and
	                     place, as one poster session (members) */
	PP_ITEM_BUSY,     /* a busy block, cut to its day's planning window:
	                     must, so every output shows it; networking when
	                     its label ends in "(networking)" (booth duty),
	                     else neither talk nor networking (class info) */
	PP_ITEM_ATTENDED, /* replanning: an item of the old plan that ended
	                     before now (or the part of a hallway block before
	                     now), kept as it was: must-see, never changed */
	PP_ITEM_BOOTH     /* a team's booth shift (team_solve.h); only in
	                     team plans, never a model candidate: networking,
	                     source booth */
};

/* Where networking minutes come from (the "by source" split of a plan):
 * by the item's kind; a break counts as a meal. */
enum pp_net_src {
	PP_NET_OPEN_SPACE,
	PP_NET_EXPO,
	PP_NET_POSTER,
	PP_NET_SOCIAL,
	PP_NET_HALLWAY,
	PP_NET_MEAL,
	PP_NET_BOOTH, /* busy blocks marked as networking, a team's booth
	                 shifts */
	PP_NET_OTHER,
	PP_NET__COUNT
};

struct pp_item {
	const struct pp_event *ev; /* NULL for synthesized items */
	enum pp_item_src src;
	enum pp_kind kind;
	enum pp_kind_class cls;
	int64_t start, end; /* UTC seconds */
	long minutes;
	const char *title;  /* borrowed (event or static) */
	const char **rooms; /* borrowed; nrooms == 0 for synthesized */
	size_t nrooms;
	const char *room; /* "" for synthesized */
	unsigned room_id; /* the same for items with the same rooms (1 and up,
	                     per model); 0 = not known */
	int64_t score;    /* score units */
	unsigned crit;    /* criteria covered */
	int must;         /* hard: must be planned */
	int counts;  /* networking that counts towards the minimum and ends a
	                streak: a programme block of at least
	                min-networking-block minutes, or a hallway segment
	                (whose run must reach that length) */
	int lunch;   /* satisfies the lunch rule */
	int plenary; /* PP_ROLE_PLENARY: no hallway while it runs */
	size_t next; /* hallway: index of the segment that starts where this
	                one ends (same run if both are planned), else
	                PP_ITEM_NONE */
	size_t prev; /* hallway: the segment that ends where this one starts */
	const char *reason; /* borrowed, "" if none */
	int open;           /* an open-space slot: counts towards
	                       open-spaces-per-day (kind open-space) */
	unsigned expo;      /* expo segments it holds towards min-expo-minutes:
	                       minutes / [expo] slot-minutes (kind expo) */
	int host_any;       /* a slot an untimed host may take ([host] TITLE =
	                       DAY): the plan holds one of the day's */
	const struct pp_event *const *members; /* a poster session's
	                   posters, in programme order (borrowed from the
	                   model); NULL otherwise */
	size_t nmembers;
	/* Replanning (pp_model_build_replan; PP_ITEM_NONE, NULL and 0
	 * otherwise): */
	size_t was;         /* the old plan's row this item is (same event,
	                       or for attended items the row itself) */
	const char *was_id; /* attended: the row's id (borrowed from the
	                       plan file), else NULL */
	int64_t change;     /* the change term included in score: +penalty
	                       for an event of the old plan, -penalty for an
	                       event new to it, 0 for blocks pyplan made up */
};

/* Why a programme event is not a candidate. */
enum pp_excl {
	PP_EXCL_NONE,
	PP_EXCL_SKIP,
	PP_EXCL_BUSY,
	PP_EXCL_WINDOW,
	PP_EXCL_DAY,
	PP_EXCL_CANCELLED, /* the programme says it is cancelled */
	PP_EXCL_INFO,      /* a notice (kind info), not something to attend */
	PP_EXCL_PAST,      /* replanning: it starts before now and is not
	                      an item of the old plan still going on */
	/* Soft rules of the profile, lifted for a must-see event: */
	PP_EXCL_LANG,   /* talk load in none of the profile's languages */
	PP_EXCL_TICKET, /* a ticket kind, and the profile holds no ticket */
	PP_EXCL_HOUSEKEEPING /* welcome, remarks: part of the plenary slot */
};

/*
 * The [plan] rules as the profile states them, with the day change in
 * effect: for messages and display ("talks 3/5").  What binds on a day is
 * in its pp_day_rules.
 */
struct pp_rules {
	int max_talks, max_talk_minutes, max_streak; /* PP_UNLIMITED = none */
	int min_networking, min_block, room_change;  /* minutes */
	int day_start, day_end;   /* minutes after local midnight */
	int day_change;           /* minutes after local midnight (0-1439) */
	int lunch_from, lunch_to; /* minutes after local midnight */
	int lunch_minutes;        /* 0 = no lunch rule */
	int open_spaces;          /* open-space slots a day needs */
	int min_expo;             /* minutes in the expo hall over all days */
};

/*
 * What binds on one day, as the solver and the LP apply it: a cap that no
 * plan of the day could reach (the most talks, talk minutes or talks in a
 * row any chain of its candidates holds) is PP_RULE_OFF, a day with no
 * programme candidate left has no networking or lunch rule, and a day
 * without a talk-load candidate no networking minimum (there is nothing
 * to balance: its free time is networking).
 */
struct pp_day_rules {
	unsigned max_talks; /* PP_RULE_OFF or at most PP_MODEL_MAX_TALKS */
	unsigned max_talk_minutes; /* PP_RULE_OFF or <= PP_MODEL_MAX_MINUTES */
	unsigned max_streak;       /* PP_RULE_OFF or <= PP_MODEL_MAX_STREAK */
	unsigned min_networking;   /* minutes, 0 = no minimum */
	unsigned min_run;          /* minutes a hallway run needs (min-block) */
	int lunch;                 /* 1: a lunch item is required */
	int open;                  /* 1: some programme event is a candidate */
	unsigned min_open; /* open-space items the day needs: the profile's
	                      open-spaces-per-day, or the most open-space
	                      candidates that fit without overlapping when
	                      fewer do */
};

struct pp_model_day {
	char date[11];                /* YYYY-MM-DD: the conference day */
	int64_t day_start, day_end;   /* the conference day: day-change to
	                                 day-change in the planning zone */
	int64_t win_start, win_end;   /* planning window */
	int64_t lunch_from, lunch_to; /* lunch window cut to the planning
	                                 window (rules.lunch) */
	struct pp_day_rules rules;
	struct pp_item *items; /* n items sorted by start, end, src,
	                          title, id */
	size_t n;
	size_t nmust;
	unsigned ntalk;   /* talk-load candidates (talks, tutorials, ...) */
	unsigned nticket; /* talk-load events left out for want of a
	                     ticket (PP_EXCL_TICKET) */
};

/* A block the plan keeps free, with what the model made of it. */
struct pp_model_busy {
	int64_t start, end;
	char *label;    /* owned by the model */
	int networking; /* the label ends in "(networking)": booth duty and
	                   the like, networking time (pp_busy_networking) */
	const char *file;
	unsigned line;
	size_t day;      /* the planned day it falls on, or PP_MODEL_NO_DAY */
	size_t excluded; /* programme events it keeps out */
};

struct pp_plan_file;

/*
 * Replanning from an earlier plan (`build --from PLAN --now T`), as the
 * model applies it (pp_model_build_replan):
 *
 *  - every item of the old plan that ended at or before now is planned
 *    as it was (PP_ITEM_ATTENDED, must-see, its old times, title, kind
 *    and room), whatever the new programme says: it counts towards its
 *    day's caps, streak, networking, lunch and criteria like any item;
 *    a free lunch block of the old plan going on at now is kept whole;
 *    a hallway block going on at now has its part before now planned
 *    as a hallway segment (must-see, was = its row), so that the
 *    segments from now continue its run: the block stretches or
 *    shrinks, or, when nothing continues a part shorter than
 *    min-networking-block, that part is free time;
 *  - an event of the old plan going on at now is kept (must-see) when
 *    the programme still has it (same id, not cancelled) going on at now;
 *  - every other event that starts before now is left out
 *    (PP_EXCL_PAST), and the synthesized blocks start at now at the
 *    earliest (a hallway segment going on at now is cut there);
 *  - the rest is planned again with a change penalty: a change is a
 *    programme event in the symmetric difference of the old plan's
 *    events that end after now and the new plan's (an old one dropped,
 *    or a new one added).  Hallway and free lunch blocks are never
 *    changes: they fill whatever gaps the events leave, and stretch,
 *    shrink or move with them.  The model puts the penalty into the
 *    candidates' scores (pp_item.change): +penalty for an event of the
 *    old plan, -penalty for any other event.  So a plan's score is its
 *    value - penalty x changes + penalty x (old events after now), the
 *    last term the same for every plan: the solver and the LP optimise
 *    value - penalty x changes exactly, with nothing else to know.
 *
 * An old plan's row is matched to a programme event by pp_pins_event
 * (id, else a unique title).
 */
struct pp_replan {
	const struct pp_plan_file *from; /* borrowed: outlives the model */
	int64_t now;                     /* UTC seconds */
	int64_t penalty;                 /* score units per change, >= 0 */
};

struct pp_model {
	const struct pp_timetable *tt; /* borrowed */
	const struct pp_profile *p;    /* borrowed: scoring terms, must, skip */
	const char *tz; /* planning zone (pp_model_zone), never NULL or "" */
	struct pp_rules rules;
	struct pp_model_day *days;
	size_t ndays;
	struct pp_score *scores; /* one per timetable event, same index */
	enum pp_excl *excl;      /* one per timetable event */
	int *must;               /* one per timetable event: 1 if must */
	enum pp_role *role;      /* one per timetable event (pp_score_roles) */
	int *ticket; /* one per timetable event: 1 if [tickets] names it */
	struct pp_model_busy *busy;
	size_t nbusy;
	unsigned crit_active; /* criteria that have terms */
	int64_t crit_bonus;   /* score units per covered criterion */
	int64_t min_block, room_change, lunch_len; /* seconds */
	unsigned expo_need;        /* expo segments the plan needs over all days
	                              (min-expo-minutes / expo_unit, rounded up) */
	long expo_unit;            /* minutes of one expo segment ([expo]
	                              slot-minutes) */
	size_t nhosts;             /* the open spaces the attendee hosts */
	const char **host_title;   /* one per host (borrowed from the
	                              profile) */
	unsigned char *host_clash; /* one per host: 1 when it cannot be
	                              placed (board closed, busy, outside the
	                              window, no such day) */
	const struct pp_event **posters; /* the members of every poster
	                                    session (owned) */
	char **strings; /* titles and reasons the model made (owned) */
	size_t nstrings;
	const struct pp_replan *replan; /* borrowed; NULL: not replanning */
	const char **was_rooms;         /* replanning: each old row's room, the
	                                   room list of its attended item (owned) */
};

/*
 * The planning zone, decided in this one place: the profile's timezone
 * (profile_tz, may be NULL), else the zone the programme declares
 * (tt->tz), else the zone most of its events carry, preferring a named
 * zone ("Europe/Brussels") to a fixed offset ("Etc/GMT-1") and to UTC,
 * else UTC.  When it falls back to UTC although nothing said UTC, a
 * warning saying that times are UTC and naming --tz is appended to ds
 * (when ds is not NULL).  The result is borrowed from the arguments or
 * static.
 */
const char *pp_model_zone(const struct pp_timetable *tt, const char *profile_tz,
    struct pp_diags *ds);

/* Fills r with p's [plan] rules, and the day change in effect: the
 * profile's day-change, else the programme's (tt->day_change), else
 * midnight. */
void pp_model_rules(struct pp_rules *r, const struct pp_profile *p,
    const struct pp_timetable *tt);

/*
 * Builds the model from tt, p and extra busy blocks (from --busy files,
 * copied; may be NULL).  Profile terms that match no event are warnings
 * in ds (pp_scorer_report).  Must-see and skip references are resolved by
 * pp_ref_resolve (ref.h); one that matches no event, or several when it
 * may not, unknown days, a planning window that is
 * empty, and caps or must-see counts beyond the solver's limits are errors
 * appended to ds: returns -1.  A must-see event that is also skipped,
 * outside the planning window, or inside a busy block is a clash of hard
 * constraints: returns 1 with one error each, and *out is still set so
 * `explain` can use it.  A must-see event on a day that is not planned is
 * left out with a note, a cancelled one or a notice with a warning.
 * Otherwise returns 0 and sets *out.  tt and p are borrowed and must
 * outlive the model.
 */
int pp_model_build(const struct pp_timetable *tt, const struct pp_profile *p,
    const struct pp_busy_block *busy, size_t nbusy, struct pp_model **out,
    struct pp_diags *ds);
/* pp_model_build with the events' words from w (pp_ttwords_new(tt),
 * borrowed): the same model, without cutting the programme's text again
 * for each profile (`pyplan batch`).  pp_model_build makes its own. */
int pp_model_build_words(const struct pp_timetable *tt, struct pp_ttwords *w,
    const struct pp_profile *p, const struct pp_busy_block *busy, size_t nbusy,
    struct pp_model **out, struct pp_diags *ds);
/*
 * pp_model_build_words, replanning from r (may be NULL), as struct
 * pp_replan says.  r and the plan file it names are borrowed and must
 * outlive the model.  A row of the old plan without times is an error,
 * and so is an old plan none of whose events is in the programme (a plan
 * of another conference); an event of the old plan that ends after now
 * and is no longer in the programme is a warning.
 */
int pp_model_build_replan(const struct pp_timetable *tt, struct pp_ttwords *w,
    const struct pp_profile *p, const struct pp_busy_block *busy, size_t nbusy,
    const struct pp_replan *r, struct pp_model **out, struct pp_diags *ds);
/* Frees the model; no-op on NULL. */
void pp_model_free(struct pp_model *m);

/* The index of ev in the model's timetable, or (size_t)-1 when ev is not
 * one of its events. */
size_t
pp_model_event_index(const struct pp_model *m, const struct pp_event *ev);

/* The score the model gave ev, or NULL when ev is not one of its events. */
const struct pp_score *
pp_model_event_score(const struct pp_model *m, const struct pp_event *ev);

/* The model's day and candidate that ev became (*day, *item): its own
 * item, or the poster session it is a member of; -1 when it is no
 * candidate. */
int pp_model_event_item(const struct pp_model *m, const struct pp_event *ev,
    size_t *day, size_t *item);

/* Why an excluded event is left out, as a phrase that follows "it"
 * ("is in [skip]", "is cancelled"); "" for PP_EXCL_NONE. */
const char *pp_excl_text(enum pp_excl e);

/* 1 if must-see event i (an index into the timetable) makes the model
 * infeasible: it is must-see and skipped, busy or outside the window. */
int pp_model_must_clash(const struct pp_model *m, size_t i);

/* 1 if some programme event of the day is a candidate; a day without one
 * (everything skipped, busy or outside the window) has nothing to plan,
 * and the networking and lunch rules do not apply to it. */
int pp_model_day_open(const struct pp_model_day *d);

/* Sorts the n instants of v and removes repeats; returns how many are
 * left.  (The time points of a day, for the hallway and the LP.) */
size_t pp_instants_sort(int64_t *v, size_t n);

/* The index of the first of the n sorted instants of v at or after t. */
size_t pp_instants_find(const int64_t *v, size_t n, int64_t t);

/* Where an item comes from, as the writers name it: "programme",
 * "hallway", "lunch", "board", "host", "expo", "posters", "busy" or
 * "booth" (static). */
const char *pp_item_src_name(enum pp_item_src s);

/* The source of networking item it's minutes (pp_net_src). */
enum pp_net_src pp_item_net_src(const struct pp_item *it);

/* "open spaces", "expo", "posters", "socials", "hallway", "meals",
 * "booth", "other" (the enum's order, which the text summary keeps): the name
 * of a source in text; JSON keys use it with '_' for ' '. */
const char *pp_net_src_name(enum pp_net_src s);

/* 1 if a busy block's label marks it as networking: it ends in
 * "(networking)", ignoring ASCII case and blanks around it ("booth duty
 * (networking)"). */
int pp_busy_networking(const char *label);

/* 1 if a and b need room-change time between them (both have rooms and
 * share none). */
int pp_item_room_change(const struct pp_item *a, const struct pp_item *b);

#endif
