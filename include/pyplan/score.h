/* SPDX-License-Identifier: ISC */
/*
 * Scoring: what an event is worth to this attendee.  Scores are integers in
 * thousandths of a point so that the solver's arithmetic is exact and its
 * tie-breaks deterministic.
 *
 * Relevance follows BM25F (S. Robertson, H. Zaragoza, M. Taylor, "Simple
 * BM25 extension to multiple weighted fields", CIKM 2004,
 * doi:10.1145/1031171.1031181; per-field length normalisation as in
 * Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and
 * Beyond", 2009): each field's term frequency is weighted and normalised
 * for the field's length first, and the non-linear saturation is applied
 * once to the sum, so repeats and extra fields add less and less, and a
 * word in the title outweighs the same word in a long abstract.  There is
 * no IDF: the attendee's weight is the term's weight.
 */
#ifndef PYPLAN_SCORE_H
#define PYPLAN_SCORE_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/profile.h"

#define PP_SCORE_UNIT 1000 /* one point */

/*
 * Relevance of one topic to one event, in thousandths (PP_REL_UNIT is one
 * occurrence in a title of the reference length).  With tf_title,
 * tf_track, tf_tags and tf_abs the non-overlapping occurrences of the
 * topic's phrase in each field (pp_words_count; the tags are one field, a
 * phrase never spans two tags) and len_title, len_abs the words of the
 * title and the abstract (pp_words_len):
 *
 *   x   = PP_REL_TRACK * tf_track + PP_REL_TAGS * tf_tags
 *       + round(PP_REL_TITLE * tf_title * 2 * PP_REL_TITLE_WORDS
 *               / (PP_REL_TITLE_WORDS + len_title))
 *       + round(PP_REL_ABSTRACT * tf_abs * 2 * PP_REL_ABSTRACT_WORDS
 *               / (PP_REL_ABSTRACT_WORDS + len_abs))
 *   rel = round(x * (PP_REL_UNIT + PP_REL_K) / (x + PP_REL_K))
 *
 * The title's and abstract's terms are BM25F's tf / ((1 - b) + b * len /
 * avglen) with b = 1/2 and fixed reference lengths (about the median of
 * real programmes) instead of the programme's averages, so that an
 * event's score does not depend on the other events.  A track or a tag is
 * a label chosen for the event, so it weighs more than a title word.
 * Rounding is half up (every term is non-negative).  So: one occurrence
 * in an 8-word title gives 1000, in a 4-word title 1143; the track 1200;
 * an 8-word title and the track 1429; nothing reaches 2000.  A single
 * mention in an abstract of 150 words gives 49, in one of 400 words 28 (a
 * passing mention counts little), four in a 60-word abstract 250.
 */
#define PP_REL_UNIT 1000
#define PP_REL_TITLE 1000         /* one title occurrence, reference */
#define PP_REL_TITLE_WORDS 8      /* reference title length, words */
#define PP_REL_TRACK 1500         /* one track occurrence */
#define PP_REL_TAGS 1500          /* one occurrence in a tag */
#define PP_REL_ABSTRACT 25        /* one abstract occurrence, reference */
#define PP_REL_ABSTRACT_WORDS 150 /* reference abstract length, words */
#define PP_REL_K 1000             /* saturation constant */
/* Relevance from which a topic counts as what the event is about, so
 * that the event covers a criterion: any track or tag occurrence, a title
 * occurrence in a title of up to 40 words, about ten mentions in an
 * abstract of the reference length. */
#define PP_REL_STRONG 500

/* Where a term matched: bits of pp_score_match.fields. */
enum pp_field {
	PP_FIELD_TITLE = 1 << 0,
	PP_FIELD_TRACK = 1 << 1,
	PP_FIELD_TAGS = 1 << 2,
	PP_FIELD_ABSTRACT = 1 << 3,
	PP_FIELD_SPEAKERS = 1 << 4
};

enum pp_match_kind { PP_MATCH_INTEREST, PP_MATCH_SPEAKER, PP_MATCH_LEVEL };

/* One profile term that matched the event. */
struct pp_score_match {
	enum pp_match_kind kind;
	const char *name; /* borrowed from the profile: topic, speaker or
	                     level; lives as long as the profile */
	unsigned fields;  /* enum pp_field bits */
	int64_t rel;      /* relevance in thousandths (PP_REL_UNIT for a
	                     speaker or the level) */
	int64_t weight;   /* the profile's weight, units per hour */
	int64_t units;    /* what it adds per hour, after damping */
	int damped;       /* 1: an interest that is not the event's best */
};

/* Matches kept in struct pp_score; nmatch counts them all. */
#define PP_SCORE_MATCH_MAX 8

struct pp_score {
	int64_t value; /* what the solver adds when the event is planned */
	int64_t raw;   /* round(rate * minutes / 60): the value before the
	                  recorded-talk factor and the fill term */
	int64_t rate;  /* units per hour (below) */
	int64_t fill;  /* fill-with-talks term, units; 0 when off */
	unsigned crit; /* bit c set: the event covers criterion c */
	size_t nmatch; /* interests, speakers and level that matched */
	struct pp_score_match match[PP_SCORE_MATCH_MAX]; /* best first */
	char reason[160]; /* "interest: testing ×3, speaker: X ×2", "" if
	                     none */
};

struct pp_scorer; /* profile terms prepared for matching */

/*
 * What an event is in the programme's plenary structure.  A single-track
 * slot is a time when one talk-load event runs and no other, in a
 * programme where talk-load events do run in parallel elsewhere
 * (cancelled events and notices do not count).  Then:
 *   PP_ROLE_PLENARY: an event of kind keynote (the kind mapping turns
 *     "plenary" and "keynote" into it) in a single-track slot, or a talk,
 *     lightning-talk session, panel or event of an unknown kind in a
 *     single-track slot that is held in several rooms at once (PyCon's
 *     plenaries fill every ballroom).  The hallway is empty while it
 *     runs.
 *   PP_ROLE_KEYNOTE: an event of kind keynote anywhere else (beside other
 *     talks, or in a single-track programme): valued as a plenary, but
 *     the hallway stays open.
 *   PP_ROLE_HOUSEKEEPING: either of them whose title holds one of the
 *     words welcome, remarks, closing, announcement(s) or housekeeping
 *     (any case): "Welcome to PyCon", "Concluding remarks", "Final
 *     Remarks and Conference Close".
 */
enum pp_role {
	PP_ROLE_NONE,
	PP_ROLE_PLENARY,
	PP_ROLE_KEYNOTE,
	PP_ROLE_HOUSEKEEPING
};

/* The role of every event of tt, in an array of tt->n (at least one
 * element) that the caller frees. */
enum pp_role *pp_score_roles(const struct pp_timetable *tt);

/* Lets s value plenaries: roles (from pp_score_roles(tt), borrowed, or
 * NULL for none) must outlive s; events of tt are then scored with their
 * role, other events as PP_ROLE_NONE. */
void pp_scorer_set_roles(struct pp_scorer *s, const struct pp_timetable *tt,
    const enum pp_role *roles);

/* Prepares p's interests, speakers and criteria; p is borrowed and must
 * outlive the scorer and the scores it fills.  Free with pp_scorer_free
 * (no-op on NULL). */
struct pp_scorer *pp_scorer_new(const struct pp_profile *p);

/*
 * Every event of a timetable cut into words once (title, track, tags and
 * abstract stemmed as pp_score_event stems them, each speaker as written),
 * for the scorers of many profiles over one programme (`pyplan batch`;
 * pp_model_build makes one for its own scorer too).  A scorer given it
 * reads an event's words from it instead of cutting them again; the
 * scores are the same.  It also keeps the programme's vocabulary for
 * pp_scorer_report's suggestions, built the first time one is needed, so
 * it is not to be shared between threads (forked processes are fine).  tt
 * is borrowed and must not change while it lives.  Free with
 * pp_ttwords_free (no-op on NULL).
 */
struct pp_ttwords;
struct pp_ttwords *pp_ttwords_new(const struct pp_timetable *tt);
void pp_ttwords_free(struct pp_ttwords *w);

/* pp_scorer_new with the events' words taken from w (borrowed; it must
 * outlive the scorer) for every event of w's timetable. */
struct pp_scorer *
pp_scorer_new_words(const struct pp_profile *p, struct pp_ttwords *w);
void pp_scorer_free(struct pp_scorer *s);

/*
 * Scores ev, fills *out and notes in s which profile terms matched (for
 * pp_scorer_report).  Every weight is first converted to units per hour
 * with pp_score_units; the rest is integer arithmetic, rounding half
 * away from zero unless said otherwise.  Topics are stemmed in the event's
 * language (ev->lang, English when unknown; pp_stemmer_new); speakers are
 * matched unstemmed.
 *
 * Value of time.  Every score is a rate in units per hour times the
 * event's minutes, so a talk is worth more than the networking it
 * displaces exactly when its rate (after the recorded factor) beats
 * networking-weight, the rate of the hallway-track and free lunch blocks
 * beside it (pp_score_networking).  The caps are ceilings: with the
 * defaults (talk-base 0) a talk that matches nothing is worth 0, less
 * than the hallway for the same time, and is never planned unless
 * must-see; one that ties with a free gap is not planned either, as a
 * plan without it has fewer talks and dominates it in the solver.
 *
 * Each interest t whose phrase occurs in the event has relevance rel_t
 * (PP_REL_*, above) and contributes
 *   c_t = round(weight_t * rel_t / PP_REL_UNIT);
 * the event's topic value is the largest positive c_t (the first in
 * profile order among equals), plus round(c_t / PP_SCORE_DAMP) for each
 * other positive c_t, plus every negative c_t in full, so one strong
 * match beats several weak ones and a topic to avoid always costs its
 * weight.
 *
 * Talk load (pp_kind_class == PP_CLASS_TALK):
 *   rate = base(kind) + topic value
 *        + the weight of each [speakers] name that occurs as a phrase in
 *          one of the event's speakers, unstemmed, ignoring case ("Ryan"
 *          matches "Lilly Ryan"), once per name
 *        + level-bonus when the profile has a level and it equals the
 *          event's level ignoring ASCII case;
 *   base(kind) = talk-base for every talk-load kind, plus
 *          plenary-weight for a plenary or keynote (pp_role, roles set by
 *          pp_scorer_set_roles): so by default (plenary-weight 3, the
 *          weight of a strong interest) a keynote is worth its time
 *          without any profile term, and 0 turns the rule off;
 *   raw   = round(rate * minutes / 60);
 *   value = raw, or for a recorded event (PP_REC_YES)
 *           round(raw * recorded-weight-units / 1000); then plus
 *   fill  = round(networking-weight * minutes / 60) + minutes
 *           when fill-with-talks is on (else 0): the networking the talk
 *           displaces and one unit a minute more, so that every talk that
 *           is not worth less than nothing beats the hallway beside it,
 *           recorded or not, and free slots fill up to the caps with the
 *           best-matched talks.
 * Networking:
 *   rate = networking-weight + topic value (speakers and level do not
 *          count, and whether the block is long enough is the model's
 *          business); value = raw = round(rate * minutes / 60), which is
 *          pp_score_networking when nothing matches.
 * crit (any kind of event): bit c is set when a topic of criterion c (job,
 *   depth, new) has relevance at least PP_REL_STRONG, or for speaker when
 *   a name matches as in [speakers].  Whether non-talks may cover a
 *   criterion is the model's call.
 * match: the interests that occur (by units per hour, largest first, then
 *   profile order), then the speakers and the level (talk load only), the
 *   first PP_SCORE_MATCH_MAX of nmatch.
 * reason: "plenary" for a plenary valued by plenary-weight, then the
 *   matches in that order, the label once per group, weights as
 *   pp_score_format writes them: "interest: testing ×3, api ×-1, speaker:
 *   Lilly Ryan ×2, level"; "" when nothing matched.  A reason too long
 *   for the buffer keeps the items that fit and ends with ", …" (a single
 *   item too long is cut at a character boundary and ends with "…").
 */
void pp_score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out);

/* Damping of the topics after the best: they add 1 / PP_SCORE_DAMP. */
#define PP_SCORE_DAMP 4

/* One term of an event's rate (pp_score_breakdown). */
struct pp_score_term {
	const char *label; /* static: "talk-base", "plenary-weight",
	                      "networking-weight", "interest", "speaker"
	                      or "level-bonus" */
	const struct pp_score_match *m; /* the match, NULL for the base */
	int64_t units;                  /* per hour */
};

/*
 * Scores ev exactly as pp_score_event (same *out) and lists the terms
 * whose sum is out->rate: talk-base for talk load, or networking-weight
 * for networking; plenary-weight for a plenary when it is not 0; then
 * every match (out->match order, all of them, not
 * only the first PP_SCORE_MATCH_MAX).  Stores at most max terms in terms
 * (may be NULL when max is 0) and returns how many there are.  The terms'
 * matches point into *scratch, which must have room for max - 1 matches
 * (may be NULL when max is 0) and outlives the terms.
 */
size_t pp_score_breakdown(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct pp_score_term *terms,
    struct pp_score_match *scratch, size_t max);

/*
 * Describes a term for `explain` into buf[size]: "interest: python ×3,
 * relevance 1.2 (title, track)", with ", damped 1/4" for an interest that
 * is not the event's best; "speaker: Lilly Ryan ×2"; "level-bonus
 * (level intermediate)"; the label alone for the base.
 */
void pp_score_term_text(const struct pp_score_term *t, char *buf, size_t size);

/* The name of one field bit ("title", "track", "tags", "abstract",
 * "speakers"), or "" for anything else. */
const char *pp_score_field_name(unsigned field);

/* The name of a match kind: "interest", "speaker" or "level". */
const char *pp_score_match_kind_name(enum pp_match_kind k);

/* Writes the field names of bits into buf[size], separated by sep, in
 * enum pp_field order ("title, track"); "" for none. */
void
pp_score_fields_text(unsigned fields, const char *sep, char *buf, size_t size);

/*
 * Writes where each stored match of s matched into buf[size], for the CSV
 * column: "python (title, track) 1.2; testing (abstract) 0.059; Lilly
 * Ryan (speakers) 1" (relevance as pp_score_format writes thousandths),
 * "; …" at the end when matches were left out or did not fit; "" when
 * none.
 */
void pp_score_where(const struct pp_score *s, char *buf, size_t size);

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

/*
 * Warns in ds about each profile term that matched no event that s has
 * scored (pp_score_event; match rules as there, relevance above 0, any
 * kind of event): an interest, a [speakers] name, a criterion topic or
 * speaker.  The warning names the term and, when tt has a close word or
 * speaker name (pp_edit_distance at most 1 for terms of up to 5
 * characters, 2 up to 10, else 3; shorter than 4: none), suggests it:
 * "interest 'pyton' matches no event; did you mean 'python'?".  A phrase
 * is suggested with each word that occurs nowhere replaced by its
 * nearest, when the result occurs.  Call it after scoring every event of
 * tt (pp_model_build does).  tt is borrowed.  Returns the number of
 * warnings.
 */
size_t pp_scorer_report(const struct pp_scorer *s,
    const struct pp_timetable *tt, struct pp_diags *ds);

/* Scores every event of tt with a scorer for p and reports as
 * pp_scorer_report does, for callers without a model. */
size_t pp_score_check_terms(const struct pp_profile *p,
    const struct pp_timetable *tt, struct pp_diags *ds);

#endif
