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

#define PP_UNLIMITED (-1)

enum pp_criterion { PP_CRIT_JOB, PP_CRIT_DEPTH, PP_CRIT_NEW, PP_CRIT_SPEAKER,
	PP_CRIT__COUNT };

struct pp_weighted {
	char *name;         /* topic or speaker, owned */
	double weight;
};

struct pp_ref {             /* a [must]/[skip] entry: an id or a title */
	char *text;         /* owned */
	const char *file;   /* borrowed origin for diagnostics, NULL = flag */
	unsigned line;
};

struct pp_busy {            /* a [busy] block in the planning zone */
	char *label;        /* owned, e.g. "booth duty" */
	char date[11];      /* YYYY-MM-DD */
	int from, to;       /* minutes since local midnight, from < to */
	const char *file;
	unsigned line;
};

struct pp_profile {
	/* [plan]; PP_UNLIMITED where a cap is off */
	int max_talks;          /* max-talks-per-day */
	int max_talk_minutes;   /* max-talk-minutes-per-day */
	int max_streak;         /* max-consecutive-talks */
	int min_networking;     /* min-networking-minutes (0 = none) */
	int min_block;          /* min-networking-block, minutes */
	int room_change;        /* room-change-minutes */
	int day_start, day_end; /* minutes since local midnight, 0..1440 */
	int lunch_from, lunch_to, lunch_minutes; /* lunch_minutes 0 = off */
	double recorded_weight; /* 0..1 */
	double talk_base;       /* talk-base: score of any talk-load item */
	double networking_weight; /* networking-weight: score per hour */
	double level_bonus;     /* level-bonus: added when level matches */
	double criteria_bonus;  /* criteria-bonus: per criterion covered */
	char *level;            /* level: preferred level, NULL = none */
	char *tz;               /* timezone, NULL = the programme's */
	char **days;            /* days: YYYY-MM-DD, ndays == 0 = all */
	size_t ndays;

	struct pp_weighted *interests;
	size_t ninterests;
	struct pp_weighted *speakers;
	size_t nspeakers;
	char **criteria[PP_CRIT__COUNT]; /* topics or speaker names */
	size_t ncriteria[PP_CRIT__COUNT];
	struct pp_ref *must, *skip;
	size_t nmust, nskip;
	struct pp_busy *busy;
	size_t nbusy;
	char **busy_files;      /* --busy FILE (.ics or CSV), owned */
	size_t nbusy_files;
};

/* Fills p with the built-in defaults (documented in man/pyplan.1). */
void pp_profile_init(struct pp_profile *p);
/* Frees everything p owns; p may be initialised again. */
void pp_profile_fini(struct pp_profile *p);

/*
 * Reads an INI profile over p (later keys override earlier values; list
 * sections append).  Every problem (unknown section or key, bad value,
 * out-of-range number) is appended to ds with file:line.  path is borrowed
 * and must outlive ds and p.  Returns 0, or -1 if the file could not be
 * opened (*io_error = 1) or held errors.
 */
int pp_profile_load(struct pp_profile *p, const char *path,
    struct pp_diags *ds, int *io_error);
/* Same, from a NUL-terminated string named name (tests, fuzzers). */
int pp_profile_load_string(struct pp_profile *p, const char *name,
    const char *text, struct pp_diags *ds);

/*
 * Applies one setting by its INI section and key ("plan",
 * "max-talks-per-day", "4"); the command-line flags map onto this.  file
 * and line locate the setting for diagnostics (NULL/0 for a flag).
 * Returns 0 or -1 (problem appended to ds).
 */
int pp_profile_set(struct pp_profile *p, const char *section,
    const char *key, const char *value, const char *file, unsigned line,
    struct pp_diags *ds);

/* Returns the criterion name ("job", "depth", "new", "speaker"). */
const char *pp_criterion_name(enum pp_criterion c);

#endif
