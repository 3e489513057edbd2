/* SPDX-License-Identifier: ISC */
/*
 * The attendee profile: what the plan should look like ([plan]), what the
 * attendee cares about ([interests], [speakers], [criteria]) and hard
 * wishes ([must], [skip], [busy]).  Read from an INI file (inih) and
 * overridden by command-line flags.
 */
#ifndef PYPLAN_PROFILE_H
#define PYPLAN_PROFILE_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/venue.h"

#define PP_UNLIMITED (-1)

/* The most open-space slots a day may ask for (the solver's state). */
#define PP_PROFILE_MAX_OPEN 3

/* The largest profile file read, in bytes (a profile is a few hundred). */
#define PP_PROFILE_MAX_BYTES (1024 * 1024)

enum pp_criterion {
	PP_CRIT_JOB,
	PP_CRIT_DEPTH,
	PP_CRIT_NEW,
	PP_CRIT_SPEAKER,
	PP_CRIT__COUNT
};

struct pp_weighted {
	char *name; /* topic or speaker, owned */
	double weight;
};

struct pp_ref {           /* a [must]/[skip] entry: an id or a title */
	char *text;       /* owned */
	const char *file; /* borrowed origin for diagnostics, NULL = flag */
	unsigned line;
};

/* A [tickets] entry: a kind (canonical name or the programme's own kind
 * word), or an id or a title as in [must]. */
struct pp_ticket {
	char *text; /* owned */
	int kind;   /* 1: text names a kind, 0: an id or a title, -1: a kind
	             when it is one (--ticket X), else an id or a title */
	const char *file; /* borrowed origin for diagnostics, NULL = flag */
	unsigned line;
};

struct pp_busy {       /* a [busy] block in the planning zone */
	char *label;   /* owned, e.g. "booth duty" */
	char date[11]; /* YYYY-MM-DD */
	int from, to;  /* minutes since local midnight, from < to */
	const char *file;
	unsigned line;
};

struct pp_profile {
	/* [plan]; PP_UNLIMITED where a cap is off */
	int max_talks;           /* max-talks-per-day */
	int max_talk_minutes;    /* max-talk-minutes-per-day */
	int max_streak;          /* max-consecutive-talks */
	int min_networking;      /* min-networking-minutes (0 = none) */
	int min_block;           /* min-networking-block, minutes */
	int room_change;         /* room-change-minutes */
	int day_start, day_end;  /* minutes since local midnight, 0..1440 */
	int day_change;          /* day-change: minutes after midnight when one
	                            conference day ends, -1 = the programme's (or 0) */
	const char *window_file; /* where day-start/day-end were last set */
	unsigned window_line;    /* (borrowed; NULL/0 for flags) */
	int lunch_from, lunch_to, lunch_minutes; /* lunch_minutes 0 = off */
	double recorded_weight;                  /* 0..1 */
	double talk_base;         /* talk-base: per hour of any talk load */
	double networking_weight; /* networking-weight: per hour */
	double level_bonus;       /* level-bonus: per hour, level matches */
	double criteria_bonus;    /* criteria-bonus: per criterion covered */
	int fill_with_talks;      /* fill-with-talks: 1 = fill free slots */
	double change_penalty;    /* change-penalty: per change against the
	                             old plan (build --from) */
	double plenary_weight;    /* plenary-weight: per hour of a plenary */
	char *languages;          /* languages: ISO 639 codes, lower case,
	                             comma-separated; NULL = any language */
	char **ticket_kinds;      /* ticket-kinds as set, owned (read them
	                             with pp_profile_ticket_kinds) */
	size_t nticket_kinds;
	int ticket_kinds_set; /* 0: the default list */
	char *level;          /* level: preferred level, NULL = none */
	char *tz;             /* timezone, NULL = the programme's */
	char **days;          /* days: YYYY-MM-DD, ndays == 0 = all */
	size_t ndays;
	const char *days_file; /* where days was set (borrowed), else NULL */
	unsigned days_line;

	struct pp_weighted *interests;
	size_t ninterests;
	struct pp_weighted *speakers;
	size_t nspeakers;
	char **criteria[PP_CRIT__COUNT]; /* topics or speaker names */
	size_t ncriteria[PP_CRIT__COUNT];
	struct pp_ref *must, *skip;
	size_t nmust, nskip;
	struct pp_ticket *tickets; /* [tickets], --ticket */
	size_t ntickets;
	struct pp_busy *busy;
	size_t nbusy;
	char **busy_files; /* --busy FILE (.ics or CSV), owned */
	size_t nbusy_files;

	/* Networking the venue offers (venue.h) and what the attendee wants
	 * of it. */
	int open_spaces; /* open-spaces-per-day: board slots, 0 = none */
	int min_expo;    /* min-expo-minutes over the conference, 0 = none */
	struct pp_venue venue; /* [open-spaces], [expo], venue = FILE */
	char **venue_files;    /* venue files read, owned (diagnostics) */
	size_t nvenue_files;
	struct pp_host *hosts; /* [host], --host */
	size_t nhosts;
};

/*
 * Fills p with the built-in defaults (documented in man/pyplan.1):
 * max-talks-per-day 5, max-talk-minutes-per-day 240, max-consecutive-talks
 * 3, min-networking-minutes 90, min-networking-block 20,
 * room-change-minutes 5, day 00:00-24:00, day-change unset (-1), lunch
 * 11:30-14:00/30, recorded-weight 0.5, talk-base 0, networking-weight 0.5,
 * level-bonus 0.5, plenary-weight 3 (all four per hour), criteria-bonus
 * 2, fill-with-talks no, change-penalty 1; languages any; ticket-kinds
 * tutorial, summit, sponsor-workshop; no level, no time zone, all days,
 * and every other list empty.
 */
void pp_profile_init(struct pp_profile *p);
/* The kinds that need a ticket (ticket-kinds): the profile's list, or
 * the default "tutorial", "summit", "sponsor-workshop"; *n gets their
 * number.  Borrowed from p or static. */
const char *const *
pp_profile_ticket_kinds(const struct pp_profile *p, size_t *n);

/* Frees everything p owns; p may be initialised again. */
void pp_profile_fini(struct pp_profile *p);

/*
 * Reads an INI profile over p (later keys override earlier values; list
 * sections append).  Every problem (unknown section or key, bad value,
 * out-of-range number, a line that is not "key = value", a line longer
 * than inih's 199 bytes) is appended to ds with file:line, all of them in
 * one run; keys under an unknown section are skipped after one error for
 * the header.  Comments are lines starting with ';' or '#' and inline
 * "; ..." after a blank; leading blanks are ignored (no multi-line values);
 * a key ends at the first '=' or ':'.  Section names and fixed keys are
 * case-insensitive.  The line of the later of day-start and day-end is
 * kept in window_file/window_line (the model checks that day-start comes
 * before day-end).  path is borrowed and must outlive ds and p.  A regular
 * file or a pipe of at most PP_PROFILE_MAX_BYTES is read (a pipe nobody
 * writes reads as empty, without waiting); a directory, device or socket
 * is refused unread ("cannot read profile: a device, not a regular
 * file", *io_error = 1); anything bigger is an error (*io_error = 0), read
 * no further.  Unknown sections and keys get the closest known name as a
 * "did you mean".  Returns 0, or -1 if the file could not be opened or
 * read (*io_error = 1, error "cannot open profile: <reason>" without a
 * line) or held errors (*io_error = 0).  io_error may be NULL.
 */
int pp_profile_load(struct pp_profile *p, const char *path, struct pp_diags *ds,
    int *io_error);
/* Same, from a NUL-terminated string named name (tests, fuzzers). */
int pp_profile_load_string(struct pp_profile *p, const char *name,
    const char *text, struct pp_diags *ds);

/*
 * Applies one setting by its INI section and key ("plan",
 * "max-talks-per-day", "4"); the INI reader and the command-line flags
 * both come through here, so flags applied after the file override it.
 * file and line locate the setting for diagnostics (NULL/0 for a flag);
 * file is borrowed and kept in [must]/[skip]/[busy] entries.  On a bad
 * value p is left unchanged.  Returns 0 or -1 (problem appended to ds).
 *
 *   plan      max-talks-per-day, max-talk-minutes-per-day,
 *             max-consecutive-talks: a whole number or "none"
 *             (PP_UNLIMITED); min-networking-minutes, min-networking-block,
 *             room-change-minutes: minutes 0..1440; day-start, day-end:
 *             HH:MM (24:00 allowed); day-change: HH:MM; lunch:
 *             HH:MM-HH:MM/MIN with MIN 1..
 *             the window's length, or "none"; recorded-weight: 0..1;
 *             networking-weight, change-penalty: 0..1000000; talk-base,
 *             level-bonus,
 *             criteria-bonus: -1000000..1000000 (plain decimals, no
 *             exponent, inf or nan); fill-with-talks: yes, true, on,
 *             1 or no, false, off, 0 (ignoring case); level: a word,
 *             "none" clears it; timezone: an IANA zone (pp_tz_valid);
 *             plenary-weight: as networking-weight; languages: ISO
 *             639 codes (two or three letters) separated by commas or
 *             blanks, kept in lower case, "any" clears it; ticket-kinds:
 *             kind names or programme kind words separated by commas,
 *             "none" empties the list;
 *             days: YYYY-MM-DD or weekdays (pp_weekday_parse, kept as the
 *             lowercase English name until pp_profile_resolve_days)
 *             separated by commas (kept sorted, without duplicates),
 *             "all" clears it.  A key given again replaces the value.
 *   interests TOPIC = WEIGHT, speakers NAME = WEIGHT: weight as talk-base;
 *             the name must hold a letter or digit; giving a name again
 *             (ignoring ASCII case) replaces its weight.
 *   criteria  job, depth, new (topics) and speaker (names) = a list
 *             separated by commas; repeated keys add terms (no duplicates).
 *   must, skip  id = X or title = X (both: "an id or a title", resolved by
 *             pp_ref_resolve, ref.h), repeatable.
 *   tickets   kind = K (a kind name or a programme's kind word), id = X,
 *             title = X (as [must]), or ticket = X: a kind when X is
 *             one of the ticket kinds or a kind name, else an id or a
 *             title (--ticket X maps to ("tickets", "ticket", X)),
 *             repeatable.
 *   busy      LABEL = YYYY-MM-DD HH:MM-HH:MM, repeatable; the label "file"
 *             instead names an .ics or CSV calendar (busy_files; --busy
 *             FILE maps to ("busy", "file", FILE)); a relative path from a
 *             profile is taken relative to the profile's directory.  A
 *             "file" value that starts with a date and a blank is an
 *             inline block instead, "YYYY-MM-DD HH:MM-HH:MM [LABEL]"
 *             (label "busy" when none): so --busy takes either.
 *   open-spaces hours = YYYY-MM-DD HH:MM-HH:MM (repeatable: the board is
 *             open then), slot-minutes = 5..240, rooms = a list.
 *   expo      hours = YYYY-MM-DD HH:MM-HH:MM (repeatable), slot-minutes.
 *   host      TITLE = DAY [HH:MM] (DAY a date or a weekday): an open
 *             space the attendee hosts, repeatable; without a time at is
 *             -1 (any board slot of the day).
 *   plan      also open-spaces-per-day: 0..PP_PROFILE_MAX_OPEN;
 *             min-expo-minutes: 0..1440; venue = FILE: reads FILE's
 *             [open-spaces] and [expo] (relative to the profile's
 *             directory, as busy files; any other section in it is an
 *             error).
 *
 * Cross-field rules are not checked here, as flags may arrive in any
 * order: the caller runs pp_profile_check once every flag is applied.  A
 * flag that sets day-start or day-end clears window_file/window_line.
 */
int pp_profile_set(struct pp_profile *p, const char *section, const char *key,
    const char *value, const char *file, unsigned line, struct pp_diags *ds);

/* Parses a whole number 0..max as the profile's counts are written:
 * digits only, no sign, blank or exponent.  Returns 0 or -1. */
int pp_profile_parse_count(const char *s, long max, int *out);

/*
 * 1 if pp_profile_set takes key in section (ignoring ASCII case): a fixed
 * key of [plan], [criteria], [must] or [skip], or any name of
 * [interests], [speakers] and [busy]; else 0 (an unknown section or key).
 */
int pp_profile_has_key(const char *section, const char *key);

/*
 * Checks the rules that span several keys and appends an error without
 * file or line when one fails.  Returns 0 or -1.  (Whether day-start is
 * before day-end depends on the day change, which the programme may set:
 * the model checks it, at window_file:window_line.)
 */
int pp_profile_check(const struct pp_profile *p, struct pp_diags *ds);

/*
 * Weekdays in [plan] days: returns 0 (Sunday) .. 6 (Saturday) for an
 * English weekday name or a prefix of one of at least two letters that
 * names only one ("sa", "sat", "Saturday", "tues", "thu"), ignoring ASCII
 * case; -1 otherwise.
 */
int pp_weekday_parse(const char *s);

/*
 * Resolves word, a date "YYYY-MM-DD" (copied as it is) or a weekday
 * (pp_weekday_parse), against the programme's n dates (sorted), into out.
 * A weekday that is on none of them, or on several, is an error at
 * file:line (file NULL for an option) naming what ("days", "--day") and
 * the dates.  Returns 0 or -1.
 */
int pp_day_resolve(const char *word, const char (*dates)[11], size_t n,
    char out[11], const char *what, const char *file, unsigned line,
    struct pp_diags *ds);

/* Turns the weekdays of p->days into the programme's dates with
 * pp_day_resolve (then sorted, without duplicates).  Returns 0 or -1. */
int pp_profile_resolve_days(struct pp_profile *p, const char (*dates)[11],
    size_t n, struct pp_diags *ds);

/* Returns the criterion name ("job", "depth", "new", "speaker"). */
const char *pp_criterion_name(enum pp_criterion c);

#endif
