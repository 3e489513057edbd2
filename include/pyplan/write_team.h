/* SPDX-License-Identifier: ISC */
/*
 * Team plan writers (`pyplan team`).  They read the team plan (and
 * through it the team model, the members' plans and the events) and know
 * nothing of the input format.  Each returns 0, or -1 when the stream
 * reports an error.
 */
#ifndef PYPLAN_WRITE_TEAM_H
#define PYPLAN_WRITE_TEAM_H

#include <stdio.h>

#include "pyplan/team_solve.h"
#include "pyplan/write.h"

/* Version of the team JSON schema (man/pyplan.1, TEAM JSON). */
#define PP_TEAM_JSON_SCHEMA_VERSION 1

/*
 * Text: a header (team, score, optimal or the bound and gap), then per
 * day a grid of time by member (what each does in each stretch: a talk,
 * "BOOTH", a networking block, "hallway", "lunch", or blank when free),
 * the booth rota of the day, then the coverage table (each cover talk
 * with who attends it, or "watch later" with its video link), then each
 * member's plan as pp_write_text writes it.  o's width limits the plans;
 * the grid's columns are 18 display columns each.
 */
int pp_write_team_text(FILE *fp, const struct pp_team_plan *tp,
    const struct pp_write_opts *o);

/*
 * JSON (SPEC §9): {schema_version, generator, team, score, optimal,
 * bound, gap, members: [{name, score, booth_minutes, days}], booth:
 * [{start, end, members}], cover: [{id, title, start, members,
 * video_url}], solver: {seconds}}; scores in points, times ISO 8601 with
 * offsets, "days" as in pp_write_json.
 */
int pp_write_team_json(FILE *fp, const struct pp_team_plan *tp);

#endif
