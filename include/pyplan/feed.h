/* SPDX-License-Identifier: ISC */
/*
 * The feed core: what every conference feed reader (frab XML, and the
 * frab/pretalx, Sessionize, PyCon US and pretalx-grid JSON shapes) shares.
 * A reader turns each item of its format into a struct pp_feed_event and
 * hands it to pp_feed_add, which checks it, reports its problems under the
 * one strict/lenient policy (load.h) and adds it to the timetable; the
 * core also parses ISO 8601 times and frab durations, turns HTML into
 * plain text and maps kind words.
 */
#ifndef PYPLAN_FEED_H
#define PYPLAN_FEED_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"

/* Problems kept per event; more are dropped. */
#define PP_FEED_MAX_PROBLEMS 6

/* A place in a feed: 1-based line and column, 0 when unknown (a column
 * only where lines say little, as in one-line JSON). */
struct pp_feed_pos {
	unsigned line, col;
};

/* One conference day as a feed gives it (pp_feed_day). */
struct pp_feed_day;

/*
 * The feed core.  A feed reader fills one struct pp_feed per file and
 * hands each event to pp_feed_add, so that every format reports problems
 * alike: in strict mode each problem is an error; in lenient mode a bad
 * event is skipped with one warning.
 *
 * ZONES.  f->zone is the zone events are shown in (ev->tz): the zone the
 * file declares (pp_feed_set_zone), else --tz, else for times with an
 * offset the fixed-offset zone of the first offset ("Etc/GMT+4" for
 * -04:00, which keeps the offsets' wall clock exact), else UTC.  Only a
 * declared zone becomes the programme's zone (tt->tz, at pp_feed_fini):
 * a fixed-offset zone is a display device, never a name to show users.
 */
struct pp_feed {
	struct pp_timetable *tt;
	const char *name; /* borrowed, for diagnostics */
	const char *base; /* basename of name, for default ids */
	const struct pp_load_opts *opts;
	struct pp_diags *ds;
	const char *zone;           /* display zone, or NULL until settled */
	int declared;               /* zone is the one the file names */
	struct pp_feed_pos zone_at; /* where it names it */
	int day_change;             /* frab <day_change>: seconds, -1 = none */
	struct pp_feed_day *days;   /* the days the file lists */
	size_t ndays, dcap;
	size_t nevents; /* events offered, for the limit */
	int stop;       /* too many events: read no more */
	struct pp_load_problem prob[PP_FEED_MAX_PROBLEMS];
	int nprob;
};

/* Sets up f for one file; opts may be NULL.  Borrows every pointer. */
void pp_feed_init(struct pp_feed *f, struct pp_timetable *tt, const char *name,
    const struct pp_load_opts *opts, struct pp_diags *ds);

/*
 * Ends the file.  When ok (the file was read), declares to the timetable
 * (load.h) the zone the file names and the day change its days give:
 * from each day that ends after midnight, the end's local time of day,
 * or the next day's start when that follows within a minute (frab days
 * run 09:00 to 08:59, or 06:00 to 06:00 at the CCC congresses); values
 * a minute apart agree and the later one counts; when the days disagree
 * more, a note says so and none is declared.  Without such days the
 * conference's <day_change> counts.  Releases what f holds either way.
 */
void pp_feed_fini(struct pp_feed *f, int ok);

/*
 * Sets the zone the file declares (frab <time_zone_name>): returns 0, or
 * -1 after an error at at when the zone is unknown.
 */
int
pp_feed_set_zone(struct pp_feed *f, const char *zone, struct pp_feed_pos at);

/*
 * Records one conference day of the file: its date (YYYY-MM-DD) and its
 * ISO 8601 start and end, either "" when the file does not say, at at.
 * Days that cannot be read are left out of the day change, silently:
 * they say nothing about events.
 */
void pp_feed_day(struct pp_feed *f, const char *date, const char *start,
    const char *end, struct pp_feed_pos at);

/*
 * Whether name (an XML element or a JSON key, any case) says what an item
 * is called ("title", "name", "summary", "subject") or when it takes place
 * ("start", "startsAt", "date", "duration", "slot", ...): an unread item
 * with both looks like an event, and readers report such content instead
 * of passing over it.
 */
int pp_feed_title_word(const char *name);
int pp_feed_time_word(const char *name);

/* Records a problem of the current event (at.line 0: at the event). */
void pp_feed_problem(struct pp_feed *f, struct pp_feed_pos at, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/*
 * Reports the current event's problems and clears them under the one
 * strict/lenient policy (pp_load_reject): errors in strict mode, one
 * "...: event skipped" warning at at in lenient mode.  Returns the number
 * of problems.
 */
int pp_feed_flush(struct pp_feed *f, struct pp_feed_pos at);

/* A warning about the event at at (a skipped item). */
void pp_feed_warn(struct pp_feed *f, struct pp_feed_pos at, const char *fmt,
    ...) __attribute__((format(printf, 3, 4)));

/*
 * Counts one more event against PP_LOAD_MAX_EVENTS; returns 0, or -1
 * (once, with an error at at) when the file has too many.
 */
int pp_feed_count(struct pp_feed *f, struct pp_feed_pos at);

/* A parsed ISO 8601 date-time. */
struct pp_feed_time {
	struct pp_civil c; /* civil fields as written */
	int has_off;       /* "Z" or an offset was given */
	int off;           /* seconds east of UTC */
};

/*
 * Parses "YYYY-MM-DDTHH:MM[:SS[.frac]][Z|+HH:MM|+HHMM]" ('T' or a space)
 * into *t; returns 0 or -1.
 */
int pp_feed_parse_time(const char *s, struct pp_feed_time *t);

/*
 * The instant of t: exact when it has an offset, else read in the feed's
 * floating zone.  Settles the feed's display zone on first use (declared
 * zone, else opts->tz, else for offset times the fixed zone "Etc/GMT-N"
 * of the first offset seen, else UTC).  Returns 0, or -1 when the time
 * does not exist.
 */
int
pp_feed_instant(struct pp_feed *f, const struct pp_feed_time *t, int64_t *out);

/* The feed's display zone (settling it as pp_feed_instant would). */
const char *pp_feed_zone(struct pp_feed *f);

/* Parses "H:MM" or "HH:MM[:SS]" into seconds after midnight; 0 or -1. */
int pp_feed_parse_clock(const char *s, int *secs);

/*
 * Parses a frab duration, "HH:MM", "H:MM:SS" or "D:HH:MM:SS", into
 * seconds; returns 0 or -1.
 */
int pp_feed_parse_duration(const char *s, int64_t *out);

/*
 * Returns an arena copy of s as plain text: HTML tags dropped (block
 * tags become line breaks), entities decoded, CRLF made LF, runs of
 * blanks squeezed, at most one empty line in a row, trimmed.
 */
const char *pp_feed_text(struct pp_timetable *tt, const char *s);
/* Returns an arena copy of s on one line: entities decoded, tags
 * dropped, every run of white space made one space, trimmed. */
const char *pp_feed_line(struct pp_timetable *tt, const char *s);

/*
 * The kind from a source's type word, its track and the title: the type
 * decides (pp_kind_guess), except that an empty or unknown type gives way
 * to a track that names a kind.  *word receives the word used.
 */
enum pp_kind pp_feed_kind(const char *type, const char *track,
    const char *title, const char **word);

/*
 * Parses a feed boolean ("true", "false", "1", "0", "yes", "no", any
 * case); returns 1, 0, or -1 when s is none of these, -2 when empty.
 */
int pp_feed_bool(const char *s);

/*
 * One event as the feeds carry it, before checking.  Strings are
 * borrowed and "" when absent; arrays NULL when empty; lines 0 when
 * unknown (the event's place is used).
 */
struct pp_feed_event {
	struct pp_feed_pos at; /* where the event starts */
	const char *guid, *id; /* the id is the guid, else id */
	const char *date;      /* ISO start date-time, or "" */
	struct pp_feed_pos date_at;
	const char *start; /* HH:MM, read on day_date */
	struct pp_feed_pos start_at;
	const char *end; /* ISO end date-time, or "" */
	struct pp_feed_pos end_at;
	const char *day_date;  /* YYYY-MM-DD of the enclosing day */
	const char *day_start; /* ISO start of the enclosing day */
	const char *duration;  /* frab duration (HH:MM) */
	struct pp_feed_pos duration_at;
	int has_duration; /* a duration field is present */
	const char *title, *subtitle, *track, *type, *level;
	const char *abstract, *description, *url, *video_url;
	const char *language; /* as the feed writes it (pp_tt_lang) */
	int kind;             /* a pp_kind the format decided, or -1 */
	const char **rooms;
	size_t nrooms;
	const char **persons;
	size_t npersons;
	const char **tags;
	size_t ntags;
	const char **link_url, **link_title;
	size_t nlinks;
	enum pp_recorded recorded; /* from the format's recording fields */
	int cancelled;             /* the format's status says so */
};

/* Clears e: every string "", no arrays, kind -1, recorded unknown. */
void pp_feed_event_init(struct pp_feed_event *e, struct pp_feed_pos at);

/*
 * Checks one event and adds it to the timetable, or reports its problems
 * (pp_feed_flush).  The start is date, else start on day_date (on the
 * next day when before day_start or the feed's day_change); the end is
 * end, else start plus duration.  The title and rooms are squeezed onto
 * one line, the abstract is subtitle, abstract and description as plain
 * text; a link titled "Video..." or on a video host is the video url
 * when none is given, and makes an unknown recorded flag yes.  An event
 * of zero length, or shorter than a minute, is not schedulable and is
 * skipped with a warning.  A cancelled event is kept with status
 * PP_STATUS_CANCELLED and a note.  Problems the reader already
 * recorded for this event (pp_feed_problem) are reported with its own.
 * Returns 0 when the event was added or skipped by design, -1 when it had
 * problems.
 */
int pp_feed_add(struct pp_feed *f, const struct pp_feed_event *e);

#endif
