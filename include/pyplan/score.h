/* SPDX-License-Identifier: ISC */
/*
 * Scoring: what an event is worth to this attendee.  Scores are integers in
 * thousandths of a point so that the solver's arithmetic is exact and its
 * tie-breaks deterministic.
 */
#ifndef PYPLAN_SCORE_H
#define PYPLAN_SCORE_H

#include <stdint.h>

#include "pyplan/event.h"
#include "pyplan/profile.h"

#define PP_SCORE_UNIT 1000 /* one point */

struct pp_score {
	int64_t value;    /* what the solver adds when the event is planned */
	int64_t raw;      /* value before the recorded-talk factor */
	unsigned crit;    /* bit c set: the event covers criterion c */
	char reason[160]; /* "interest: testing ×3, speaker: X ×2", "" if none */
};

struct pp_scorer; /* profile terms prepared for matching */

/* Prepares p's interests, speakers and criteria; p is borrowed and must
 * outlive the scorer.  Free with pp_scorer_free (no-op on NULL). */
struct pp_scorer *pp_scorer_new(const struct pp_profile *p);
void pp_scorer_free(struct pp_scorer *s);

/*
 * Scores ev.  Talk load: talk-base, plus each matching interest's weight
 * (once per topic, over title, tags, track and abstract), plus each
 * speaker's weight, plus level-bonus when the level matches; the whole is
 * multiplied by recorded-weight when the event is recorded.  Networking:
 * networking-weight per hour plus matching interests.  Fills *out.
 */
void pp_score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out);

/* Converts a profile weight to score units, rounding half away from 0. */
int64_t pp_score_units(double w);

/* Formats score units as a decimal ("2.5", "-1", "0.125") into buf[32]. */
void pp_score_format(int64_t v, char *buf);

#endif
