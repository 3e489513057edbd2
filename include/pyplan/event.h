/* SPDX-License-Identifier: ISC */
/*
 * The timetable: every event of the programme, whatever file format it came
 * from, with times as UTC instants and the zone kept for display.  The
 * timetable owns its events and all their strings (an arena), and one
 * pp_timetable_free releases everything.
 */
#ifndef PYPLAN_EVENT_H
#define PYPLAN_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"

enum pp_kind {
	/* talk load */
	PP_KIND_TALK,
	PP_KIND_KEYNOTE,
	PP_KIND_TUTORIAL,
	PP_KIND_WORKSHOP,
	PP_KIND_LIGHTNING,
	PP_KIND_PANEL,
	/* networking */
	PP_KIND_OPEN_SPACE,
	PP_KIND_HALLWAY,
	PP_KIND_EXPO,
	PP_KIND_POSTER,
	PP_KIND_SOCIAL,
	PP_KIND_MEAL,
	PP_KIND_BREAK,
	/* not schedulable: notices and information ("Room closed",
	 * "informational"); kept and listed, never planned */
	PP_KIND_INFO,
	/* a word no mapping knows: kept, counted as talk load, reported */
	PP_KIND_OTHER,
	PP_KIND__COUNT
};

enum pp_kind_class { PP_CLASS_TALK, PP_CLASS_NETWORKING, PP_CLASS_INFO };

enum pp_recorded { PP_REC_UNKNOWN = -1, PP_REC_NO = 0, PP_REC_YES = 1 };

/* Whether the event takes place.  A cancelled event stays in the
 * timetable (so `check`, `diff` and the plan can say so) but is never a
 * candidate. */
enum pp_status { PP_STATUS_CONFIRMED = 0, PP_STATUS_CANCELLED };

struct pp_event {
	const char *id;        /* source id, or "file:line" when it has none */
	const char *title;     /* never NULL; may be "" */
	const char *kind_word; /* the source's own kind word, "" if none */
	enum pp_kind kind;
	int64_t start, end; /* UTC seconds, end > start */
	const char *tz;     /* IANA zone for display and day boundaries */
	const char **rooms; /* nrooms room names */
	size_t nrooms;
	const char *room; /* rooms joined with "; ", "" if none */
	const char *track;
	const char *level; /* "beginner", "intermediate", ... or "" */
	const char *url;
	const char *video_url;
	const char *abstract;
	const char **speakers;
	size_t nspeakers;
	const char **tags;
	size_t ntags;
	enum pp_recorded recorded;
	const char *lang; /* the languages it is given in: ISO 639-1 codes,
	                     lower case, comma-separated, the spoken one
	                     first ("de,en": German, interpreted into
	                     English); "" unknown (pp_tt_lang) */
	enum pp_status status;
	const char *file; /* borrowed origin, for diagnostics */
	unsigned line;    /* line of the row / property, 1-based */
};

/* A span of time the plan must keep free (a [busy] entry or a --busy
 * calendar event). */
struct pp_busy_block { /* a resolved busy block */
	int64_t start, end;
	char *label; /* owned by whoever made the array */
	const char *file;
	unsigned line;
};

struct pp_arena;

struct pp_timetable {
	struct pp_event *ev; /* n events, owned */
	size_t n, cap;
	const char *name; /* conference name or NULL (arena) */
	/* What the programme itself declares, when it does: its IANA zone
	 * (frab time_zone_name, X-WR-TIMEZONE, a CSV timezone column...)
	 * and when one conference day ends and the next begins (frab's
	 * <day start>, minutes after local midnight).  NULL and -1 when the
	 * feed is silent; the model falls back to the profile, then to
	 * defaults. */
	const char *tz;
	int day_change;
	struct pp_arena *arena;
};

/* Returns a new empty timetable; the caller frees it with pp_timetable_free. */
struct pp_timetable *pp_timetable_new(void);
/* Releases the timetable, its events and strings; no-op if NULL. */
void pp_timetable_free(struct pp_timetable *tt);

/*
 * Appends a zeroed event whose string fields are "" and recorded is
 * PP_REC_UNKNOWN, and returns it.  The pointer stays valid only until the
 * next append.
 */
struct pp_event *pp_timetable_add(struct pp_timetable *tt);
/* Removes the last event (a loader that rejects the row it just added). */
void pp_timetable_pop(struct pp_timetable *tt);

/* Copies s (or n bytes of s) into the timetable's arena. */
const char *pp_tt_strdup(struct pp_timetable *tt, const char *s);
const char *pp_tt_strndup(struct pp_timetable *tt, const char *s, size_t n);
/* Returns an arena array of n string pointers (all ""), for rooms etc. */
const char **pp_tt_strv(struct pp_timetable *tt, size_t n);
/* Returns n zeroed bytes from the arena. */
void *pp_tt_alloc(struct pp_timetable *tt, size_t n);

/*
 * Splits s on ';' (or on ',' too when allow_comma and s has no ';'), trims
 * each part, drops empty parts, and stores an arena array in *out.
 * Returns the number of parts.
 */
size_t pp_tt_split(struct pp_timetable *tt, const char *s, int allow_comma,
    const char ***out);
/*
 * Returns the language list of an event in the form of ev->lang, as an
 * arena string, from what a source writes: ISO 639-1 or 639-2 codes,
 * language tags ("en-US", "pt_BR"), English or native names ("German",
 * "Deutsch", "Español"), several separated by commas, semicolons,
 * slashes, blanks or "and"/"und".  Duplicates are dropped, the order
 * kept.  Words it does not know are left out and counted in *unknown
 * (may be NULL); "" when nothing is known.
 */
const char *pp_tt_lang(struct pp_timetable *tt, const char *s, size_t *unknown);

/* 1 if one of the languages in list (ev->lang form) is among the
 * comma-separated codes in want, else 0; an empty list matches nothing. */
int pp_lang_any(const char *list, const char *want);

/* Sets ev->rooms and ev->room (joined with "; ") from an array. */
void pp_tt_set_rooms(struct pp_timetable *tt, struct pp_event *ev,
    const char **rooms, size_t n);

/* Sorts events by start, end, title, then id (the documented order). */
void pp_timetable_sort(struct pp_timetable *tt);

/*
 * Merges overlapping duplicates: events with the same title (ignoring
 * case) and the same start and end become one event whose rooms are the
 * union; each merge is reported as a note.  Sorts the timetable.
 */
void
pp_timetable_merge_duplicates(struct pp_timetable *tt, struct pp_diags *ds);

/* Returns the kind's canonical name ("talk", "open-space", ...). */
const char *pp_kind_name(enum pp_kind k);
/* Returns the kind whose canonical name is s, or -1. */
int pp_kind_parse(const char *s);
/*
 * The documented mapping from a source's kind word and the event title to
 * a kind ("plenary" -> keynote, "Lunch Break" -> meal, "[open-spaces] x"
 * -> open-space).  Returns PP_KIND_OTHER when nothing matches.
 */
enum pp_kind pp_kind_guess(const char *word, const char *title);
/* Talk load, networking, or information (never planned). */
enum pp_kind_class pp_kind_class(enum pp_kind k);

/* Minutes from start to end. */
long pp_event_minutes(const struct pp_event *ev);

#endif
