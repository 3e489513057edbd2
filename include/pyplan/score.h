/* SPDX-License-Identifier: ISC */
/*
 * Scoring: what an event is worth to this attendee.  Scores are integers in
 * thousandths of a point so that the solver's arithmetic is exact and its
 * tie-breaks deterministic.
 */
#ifndef PYPLAN_SCORE_H
#define PYPLAN_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/event.h"
#include "pyplan/profile.h"

#define PP_SCORE_UNIT 1000 /* one point */

struct pp_score {
	int64_t value; /* what the solver adds when the event is planned */
	int64_t raw;   /* value before the recorded-talk factor */
	unsigned crit; /* bit c set: the event covers criterion c */
	char
	    reason[160]; /* "interest: testing ×3, speaker: X ×2", "" if none */
};

struct pp_scorer; /* profile terms prepared for matching */

/* Prepares p's interests, speakers and criteria; p is borrowed and must
 * outlive the scorer.  Free with pp_scorer_free (no-op on NULL). */
struct pp_scorer *pp_scorer_new(const struct pp_profile *p);
void pp_scorer_free(struct pp_scorer *s);

/*
 * Scores ev and fills *out.  Every weight is first converted to units with
 * pp_score_units; the rest is integer arithmetic.
 *
 * Talk load (pp_kind_class == PP_CLASS_TALK):
 *   raw = talk-base
 *       + the weight of each interest whose phrase occurs (pp_words_match)
 *         in the title, a tag, the track or the abstract, once per topic
 *       + the weight of each [speakers] name that matches one of the
 *         event's speakers: whole name equal ignoring ASCII case, or the
 *         name occurring as a phrase in one speaker's string ("Ryan"
 *         matches "Lilly Ryan"), once per name
 *       + level-bonus when the profile has a level and it equals the
 *         event's level ignoring ASCII case;
 *   value = raw, or for a recorded event (PP_REC_YES)
 *       raw * recorded-weight-units / 1000 rounded half away from zero.
 * Networking:
 *   raw = value = networking-weight-units * minutes / 60 (rounded half
 *       away from zero) + matching interests as above; speakers and level
 *       do not count, and whether the block is long enough is the model's
 *       business.
 * crit (any kind of event): bit c is set when a term of criterion c
 *   matches: a topic for job, depth and new (as interests), a name for
 *   speaker (as [speakers]).  Whether non-talks may cover a criterion is
 *   the model's call.
 * reason: the matches in order, the label once per group, weights as
 *   pp_score_format writes them: "interest: testing ×3, api ×-1, speaker:
 *   Lilly Ryan ×2, level"; "" when nothing matched.  A reason too long
 *   for the buffer keeps the items that fit and ends with ", …" (a single
 *   item too long is cut at a character boundary and ends with "…").
 */
void pp_score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out);

/* One term of an event's raw score (pp_score_breakdown). */
struct pp_score_term {
	const char *label; /* static: "interest", "speaker", "level-bonus",
	                      "talk-base" or "networking-weight" */
	const char *name;  /* borrowed from the profile: the topic, speaker
	                      or level; NULL for talk-base and
	                      networking-weight */
	int64_t units;     /* the term's value in score units */
};

/*
 * Scores ev exactly as pp_score_event (same *out) and lists the terms
 * whose sum is out->raw, in this order: talk-base for talk load, or for
 * networking networking-weight per hour times the event's minutes
 * (rounded as above); then each matching interest; then, for talk load,
 * each matching speaker and the level bonus.  Stores at most max terms in
 * terms (may be NULL when max is 0) and returns how many there are.
 */
size_t pp_score_breakdown(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct pp_score_term *terms, size_t max);

/*
 * Converts a profile weight to score units, rounding half away from 0
 * (0.0005 may round either way: weights have three decimals of
 * precision).  NaN gives 0; magnitudes are capped at 10^9 points.
 */
int64_t pp_score_units(double w);

/* The networking value of a block of the given minutes: networking-weight
 * per hour, in units, rounded half away from zero (programme events and
 * synthesized hallway and lunch blocks alike). */
int64_t pp_score_networking(const struct pp_profile *p, long minutes);

/*
 * Formats score units as the shortest exact decimal into buf[32]: 2500 ->
 * "2.5", -1000 -> "-1", 125 -> "0.125", 0 -> "0".
 */
void pp_score_format(int64_t v, char *buf);

#endif
