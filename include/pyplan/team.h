/* SPDX-License-Identifier: ISC */
/*
 * The team file (SPEC §9): the members of a team, each with a complete
 * profile, the booth the team staffs and the talks it wants covered.
 * Read from an INI file (inih); the joint model and its solver are in
 * team_solve.h.
 */
#ifndef PYPLAN_TEAM_H
#define PYPLAN_TEAM_H

#include <stddef.h>

#include "pyplan/diag.h"
#include "pyplan/profile.h"

/* The largest team file read, in bytes, and the most members. */
#define PP_TEAM_MAX_BYTES (1024 * 1024)
#define PP_TEAM_MAX_MEMBERS 64

struct pp_team_member {
	char *name;          /* owned: what follows "member " */
	unsigned line;       /* of its section header */
	struct pp_profile p; /* complete: built-in defaults, then [team]'s
	                        [plan] keys, then the profile file, then the
	                        member's own keys */
	char *profile_path;  /* owned, relative to the team file's
	                        directory already resolved; NULL = none */
	int booth;           /* 1: staffs the booth (booth = yes, default) */
};

/* One [booth] hours line: a span of local time on one date. */
struct pp_booth_hours {
	char date[11]; /* YYYY-MM-DD */
	int from, to;  /* minutes after local midnight, from < to */
	unsigned line;
};

struct pp_team {
	char *path; /* owned: the team file, used as the file of diagnostics */
	char *name; /* owned: [team] name, "" when none */
	struct pp_team_member *members;
	size_t nmembers;
	struct pp_ref *together; /* [team] together, one per event named */
	size_t ntogether;
	/* [booth]; nhours == 0: no booth */
	struct pp_booth_hours *hours;
	size_t nhours;
	int staff;         /* staff: members at the booth at every moment */
	int shift_minutes; /* shift-minutes: rota granularity (default 60) */
	int max_minutes;   /* max-minutes-per-member, PP_UNLIMITED = none */
	int max_spread;    /* max-spread: most minus least booth minutes
	                      among the booth staff; default shift-minutes */
	char *room;        /* room: where the booth is (default "Booth") */
	/* [cover] */
	char **cover_topics;
	size_t ncover_topics;
	struct pp_ref *cover_titles;
	size_t ncover_titles;
	double cover_weight; /* weight: points per covered talk (default 1) */
};

/*
 * Reads the team file at path into t (which it initialises).  Keys:
 *
 *   [team]       name, together (repeatable; a comma list of event
 *                references as for must-see), any [plan] key (a default
 *                for every member);
 *   [member N]   profile (a profile file, relative to the team file's
 *                directory), interests and speakers (comma lists of
 *                NAME=WEIGHT), must, skip (repeatable), booth (yes/no),
 *                any [plan] key;
 *   [booth]      hours (repeatable: YYYY-MM-DD HH:MM-HH:MM), staff,
 *                shift-minutes, max-minutes-per-member, max-spread, room;
 *   [cover]      topics (comma list), titles (repeatable), weight.
 *
 * Each member's profile is the built-in defaults, then [team]'s [plan]
 * keys, then its profile file, then its own keys, whatever their order in
 * the file.  Every problem is appended to ds with file:line, all in one
 * run.  Returns 0, or -1 (*io_error = 1 when a file could not be read).
 * Free with pp_team_fini, also after a failure.
 */
int pp_team_load(struct pp_team *t, const char *path, struct pp_diags *ds,
    int *io_error);

/* Frees everything t owns; no-op on a zeroed team. */
void pp_team_fini(struct pp_team *t);

/* The member named name (ASCII case ignored), or NULL. */
struct pp_team_member *
pp_team_member_find(const struct pp_team *t, const char *name);

#endif
