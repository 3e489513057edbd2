/* SPDX-License-Identifier: ISC */
/*
 * Scoring: the profile's terms are cut into words once, each event once,
 * and all arithmetic is in integer score units so that the solver's
 * objective is exact and the same on every machine.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyplan/match.h"
#include "pyplan/score.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

struct term {
	const char *name; /* borrowed from the profile */
	struct pp_words words;
	int64_t units; /* weight in score units (0 for criteria) */
};

struct pp_scorer {
	const struct pp_profile *p;
	struct term *interests, *speakers, *crit[PP_CRIT__COUNT];
	size_t ninterests, nspeakers, ncrit[PP_CRIT__COUNT];
	int64_t base, level_bonus, per_hour, recorded; /* units */
};

#define TIMES "\xc3\x97" /* U+00D7 MULTIPLICATION SIGN in UTF-8 */

/* Largest magnitude pp_score_units returns (a billion points). */
#define UNITS_MAX ((int64_t)1000000000 * PP_SCORE_UNIT)

int64_t
pp_score_units(double w)
{
	double u;

	if (isnan(w))
		return 0;
	u = w * PP_SCORE_UNIT;
	if (u >= (double)UNITS_MAX)
		return UNITS_MAX;
	if (u <= -(double)UNITS_MAX)
		return -UNITS_MAX;
	return (int64_t)llround(u);
}

void
pp_score_format(int64_t v, char *buf)
{
	uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unsigned frac = (unsigned)(mag % PP_SCORE_UNIT);
	int n, digits = 3;

	n = snprintf(buf, 32, "%s%llu", v < 0 ? "-" : "",
	    (unsigned long long)(mag / PP_SCORE_UNIT));
	if (frac == 0)
		return;
	while (frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	snprintf(buf + n, (size_t)(32 - n), ".%0*u", digits, frac);
}

/* Divides a by b > 0, rounding half away from zero. */
static int64_t
div_round(int64_t a, int64_t b)
{
	return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

static struct term *
make_terms(struct pp_weighted *w, char **names, size_t n)
{
	struct term *t;
	size_t i;

	if (n == 0)
		return NULL;
	t = pp_xcalloc(n, sizeof(*t));
	for (i = 0; i < n; i++) {
		t[i].name = w != NULL ? w[i].name : names[i];
		t[i].units = w != NULL ? pp_score_units(w[i].weight) : 0;
		pp_words_add(&t[i].words, t[i].name);
	}
	return t;
}

static void
free_terms(struct term *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pp_words_fini(&t[i].words);
	free(t);
}

struct pp_scorer *
pp_scorer_new(const struct pp_profile *p)
{
	struct pp_scorer *s = pp_xcalloc(1, sizeof(*s));
	int c;

	s->p = p;
	s->interests = make_terms(p->interests, NULL, p->ninterests);
	s->ninterests = p->ninterests;
	s->speakers = make_terms(p->speakers, NULL, p->nspeakers);
	s->nspeakers = p->nspeakers;
	for (c = 0; c < PP_CRIT__COUNT; c++) {
		s->crit[c] = make_terms(NULL, p->criteria[c], p->ncriteria[c]);
		s->ncrit[c] = p->ncriteria[c];
	}
	s->base = pp_score_units(p->talk_base);
	s->level_bonus = pp_score_units(p->level_bonus);
	s->per_hour = pp_score_units(p->networking_weight);
	s->recorded = pp_score_units(p->recorded_weight);
	return s;
}

void
pp_scorer_free(struct pp_scorer *s)
{
	int c;

	if (s == NULL)
		return;
	free_terms(s->interests, s->ninterests);
	free_terms(s->speakers, s->nspeakers);
	for (c = 0; c < PP_CRIT__COUNT; c++)
		free_terms(s->crit[c], s->ncrit[c]);
	free(s);
}

static int
ci_eq(const char *a, const char *b)
{
	unsigned char x, y;

	do {
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
	} while (x == y && x != '\0');
	return x == y;
}

/* The event's speakers, each cut into words once. */
struct ev_speakers {
	const char *const *names;
	struct pp_words *words;
	size_t n;
};

/*
 * The speaker rule: a profile name matches a speaker when the whole names
 * are equal ignoring case, or when the profile name occurs as a phrase in
 * the speaker string ("Ryan" matches "Lilly Ryan"; phrases never span two
 * speakers).
 */
static int
speaker_match(const struct term *t, const struct ev_speakers *es)
{
	size_t i;

	for (i = 0; i < es->n; i++)
		if (ci_eq(t->name, es->names[i]) ||
		    pp_words_match(&es->words[i], &t->words))
			return 1;
	return 0;
}

/* Appends to the reason; the buffer is large enough for any reason. */
struct reason {
	char *buf;
	size_t len, cap;
	const char *group; /* the label of the last item, or NULL */
};

static void
reason_add(struct reason *r, const char *label, const char *name, int64_t units)
{
	char w[32];
	size_t need;
	const char *sep = r->len > 0 ? ", " : "";

	pp_score_format(units, w);
	need = strlen(sep) + strlen(label) + (name ? strlen(name) : 0) +
	    strlen(w) + 16;
	r->buf = pp_xgrowarray(r->buf, &r->cap, r->len + need, 1);
	if (name == NULL || *name == '\0')
		r->len += (size_t)snprintf(r->buf + r->len, r->cap - r->len,
		    "%s%s", sep, label);
	else if (r->group != NULL && strcmp(r->group, label) == 0)
		/* "interest: testing ×3, api ×1": the label once per group. */
		r->len += (size_t)snprintf(r->buf + r->len, r->cap - r->len,
		    "%s%s " TIMES "%s", sep, name, w);
	else
		r->len += (size_t)snprintf(r->buf + r->len, r->cap - r->len,
		    "%s%s: %s " TIMES "%s", sep, label, name, w);
	r->group = label;
}

/*
 * Copies src (len bytes) into dst[size] whole, or else cut after the last
 * whole item that fits and ended with ", …"; a single item too long for
 * the buffer is cut at a UTF-8 character boundary and ended with "…".
 * Either way the result is valid UTF-8 when src is.
 */
static void
copy_cut(char *dst, size_t size, const char *src, size_t len)
{
	static const char more[] = ", \xe2\x80\xa6",
	                  ellipsis[] = "\xe2\x80\xa6";
	size_t n;

	if (len < size) {
		memcpy(dst, src, len + 1);
		return;
	}
	for (n = size - sizeof(more); n > 0; n--) {
		if (src[n] == ',' && src[n + 1] == ' ') {
			memcpy(dst, src, n);
			memcpy(dst + n, more, sizeof(more));
			return;
		}
	}
	n = size - sizeof(ellipsis);
	n = pp_utf8_boundary(src, n);
	memcpy(dst, src, n);
	memcpy(dst + n, ellipsis, sizeof(ellipsis));
}

/* Terms being recorded for pp_score_breakdown (NULL: not recorded). */
struct terms {
	struct pp_score_term *v;
	size_t n, max;
};

static void
term_add(struct terms *t, const char *label, const char *name, int64_t units)
{
	if (t == NULL)
		return;
	if (t->n < t->max) {
		t->v[t->n].label = label;
		t->v[t->n].name = name;
		t->v[t->n].units = units;
	}
	t->n++;
}

static void score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct terms *tl);

void
pp_score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out)
{
	score_event(s, ev, out, NULL);
}

size_t
pp_score_breakdown(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct pp_score_term *terms, size_t max)
{
	struct terms t;

	t.v = terms;
	t.n = 0;
	t.max = terms != NULL ? max : 0;
	score_event(s, ev, out, &t);
	return t.n;
}

static void
score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct terms *tl)
{
	const struct pp_profile *p = s->p;
	struct pp_words words = {NULL, 0};
	struct ev_speakers es;
	struct reason r = {NULL, 0, 0, NULL};
	int64_t sum = 0;
	size_t i;
	int c, talk = pp_kind_class(ev->kind) == PP_CLASS_TALK;

	memset(out, 0, sizeof(*out));
	pp_words_add(&words, ev->title);
	for (i = 0; i < ev->ntags; i++)
		pp_words_add(&words, ev->tags[i]);
	pp_words_add(&words, ev->track);
	pp_words_add(&words, ev->abstract);
	es.names = ev->speakers;
	es.n = ev->nspeakers;
	es.words = es.n > 0 ? pp_xcalloc(es.n, sizeof(*es.words)) : NULL;
	for (i = 0; i < es.n; i++)
		pp_words_add(&es.words[i], ev->speakers[i]);

	if (talk)
		term_add(tl, "talk-base", NULL, s->base);
	else
		term_add(tl, "networking-weight", NULL,
		    div_round(s->per_hour * pp_event_minutes(ev), 60));
	for (i = 0; i < s->ninterests; i++) {
		if (pp_words_match(&words, &s->interests[i].words)) {
			sum += s->interests[i].units;
			term_add(tl, "interest", s->interests[i].name,
			    s->interests[i].units);
			reason_add(&r, "interest", s->interests[i].name,
			    s->interests[i].units);
		}
	}
	if (talk) {
		for (i = 0; i < s->nspeakers; i++) {
			if (speaker_match(&s->speakers[i], &es)) {
				sum += s->speakers[i].units;
				term_add(tl, "speaker", s->speakers[i].name,
				    s->speakers[i].units);
				reason_add(&r, "speaker", s->speakers[i].name,
				    s->speakers[i].units);
			}
		}
		if (p->level != NULL && ev->level != NULL &&
		    *ev->level != '\0' && ci_eq(p->level, ev->level)) {
			sum += s->level_bonus;
			term_add(tl, "level-bonus", p->level, s->level_bonus);
			reason_add(&r, "level", NULL, 0);
		}
		out->raw = s->base + sum;
		out->value = ev->recorded == PP_REC_YES
		    ? div_round(out->raw * s->recorded, PP_SCORE_UNIT)
		    : out->raw;
	} else {
		out->raw =
		    pp_score_networking(s->p, pp_event_minutes(ev)) + sum;
		out->value = out->raw;
	}

	for (c = 0; c < PP_CRIT__COUNT; c++) {
		for (i = 0; i < s->ncrit[c]; i++) {
			const struct term *t = &s->crit[c][i];

			if (c == PP_CRIT_SPEAKER
			        ? speaker_match(t, &es)
			        : pp_words_match(&words, &t->words)) {
				out->crit |= 1u << c;
				break;
			}
		}
	}

	if (r.len > 0)
		copy_cut(out->reason, sizeof(out->reason), r.buf, r.len);
	free(r.buf);
	for (i = 0; i < es.n; i++)
		pp_words_fini(&es.words[i]);
	free(es.words);
	pp_words_fini(&words);
}

int64_t
pp_score_networking(const struct pp_profile *p, long minutes)
{
	return div_round(pp_score_units(p->networking_weight) * minutes, 60);
}
