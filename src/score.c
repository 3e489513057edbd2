/* SPDX-License-Identifier: ISC */
/*
 * Scoring: the profile's terms are cut into words once per language, each
 * event's fields once, and all arithmetic is in integer score units so that
 * the solver's objective is exact and the same on every machine.  The
 * formula is in score.h.
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

/* A weighted term of the profile. */
struct term {
	const char *name;      /* borrowed from the profile */
	int64_t units;         /* weight, units per hour (0 for criteria) */
	struct pp_words plain; /* the name cut, not stemmed (speakers) */
};

/* The topics (interests and job/depth/new criteria) stemmed in one
 * language; entries for languages that fall back to the same stemmer
 * share it through alias. */
struct lang {
	char code[8];          /* ev->lang as the events give it */
	size_t alias;          /* index of the entry holding the words */
	struct pp_stemmer *st; /* NULL in an alias */
	struct pp_words *interests;
	struct pp_words *crit[PP_CRIT__COUNT];
	/* The topics above in one list (interests, then each criterion's
	 * but the speaker's), counted in one pass over a text. */
	const struct pp_words **topics;
	size_t ntopics;
};

struct langs {
	struct lang *v;
	size_t n, cap;
};

struct pp_scorer {
	const struct pp_profile *p;
	struct term *interests, *speakers, *crit[PP_CRIT__COUNT];
	size_t ninterests, nspeakers, ncrit[PP_CRIT__COUNT];
	int64_t base, level_bonus, per_hour, recorded; /* units */
	int64_t plenary;               /* plenary-weight, units */
	const struct pp_timetable *tt; /* with roles: whose roles */
	const enum pp_role *roles;     /* borrowed, NULL = none */
	struct langs *langs;           /* filled as event languages turn up */
	struct pp_ttwords *words;      /* the events' words cut once, or NULL */
	/* Terms that matched some event scored so far (pp_scorer_report):
	 * interests, speakers, then each criterion's, numbered as off[]. */
	unsigned char *seen;
	size_t off[PP_CRIT__COUNT + 2];
};

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
		pp_words_add(&t[i].plain, t[i].name, NULL);
	}
	return t;
}

static void
free_terms(struct term *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		pp_words_fini(&t[i].plain);
	free(t);
}

static struct pp_words *
stem_terms(const struct term *t, size_t n, struct pp_stemmer *st)
{
	struct pp_words *w = pp_xcalloc(n + 1, sizeof(*w));
	size_t i;

	for (i = 0; i < n; i++) {
		pp_words_add(&w[i], t[i].name, st);
		pp_words_fix(&w[i]);
	}
	return w;
}

static void
free_words(struct pp_words *w, size_t n)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < n; i++)
		pp_words_fini(&w[i]);
	free(w);
}

/* The entry holding the topics stemmed for events in language code. */
static const struct lang *
get_lang(const struct pp_scorer *s, const char *code)
{
	struct langs *ls = s->langs;
	struct pp_stemmer *st;
	struct lang *l;
	size_t i;
	int c;

	if (code == NULL || strlen(code) >= sizeof(l->code))
		code = "";
	for (i = 0; i < ls->n; i++)
		if (strcmp(ls->v[i].code, code) == 0)
			return &ls->v[ls->v[i].alias];
	st = pp_stemmer_new(code);
	ls->v = pp_xgrowarray(ls->v, &ls->cap, ls->n + 1, sizeof(*ls->v));
	l = &ls->v[ls->n];
	memset(l, 0, sizeof(*l));
	memcpy(l->code, code, strlen(code) + 1);
	l->alias = ls->n;
	for (i = 0; i < ls->n; i++)
		if (ls->v[i].st != NULL &&
		    strcmp(pp_stemmer_lang(ls->v[i].st), pp_stemmer_lang(st)) ==
		        0)
			l->alias = i;
	if (l->alias != ls->n) {
		pp_stemmer_free(st);
		ls->n++;
		return &ls->v[l->alias];
	}
	l->st = st;
	l->interests = stem_terms(s->interests, s->ninterests, st);
	l->topics =
	    pp_xcalloc(s->off[PP_CRIT__COUNT + 1] + 1, sizeof(*l->topics));
	for (i = 0; i < s->ninterests; i++)
		l->topics[l->ntopics++] = &l->interests[i];
	for (c = 0; c < PP_CRIT__COUNT; c++) {
		size_t k;

		if (c == PP_CRIT_SPEAKER)
			continue;
		l->crit[c] = stem_terms(s->crit[c], s->ncrit[c], st);
		for (k = 0; k < s->ncrit[c]; k++)
			l->topics[l->ntopics++] = &l->crit[c][k];
	}
	ls->n++;
	return l;
}

struct pp_scorer *
pp_scorer_new(const struct pp_profile *p)
{
	return pp_scorer_new_words(p, NULL);
}

struct pp_scorer *
pp_scorer_new_words(const struct pp_profile *p, struct pp_ttwords *w)
{
	struct pp_scorer *s = pp_xcalloc(1, sizeof(*s));
	int c;

	s->p = p;
	s->words = w;
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
	s->plenary = pp_score_units(p->plenary_weight);
	s->langs = pp_xcalloc(1, sizeof(*s->langs));
	s->off[0] = s->ninterests;
	s->off[1] = s->off[0] + s->nspeakers;
	for (c = 0; c < PP_CRIT__COUNT; c++)
		s->off[c + 2] = s->off[c + 1] + s->ncrit[c];
	s->seen = pp_xcalloc(s->off[PP_CRIT__COUNT + 1] + 1, 1);
	return s;
}

void
pp_scorer_free(struct pp_scorer *s)
{
	size_t i;
	int c;

	if (s == NULL)
		return;
	for (i = 0; i < s->langs->n; i++) {
		struct lang *l = &s->langs->v[i];

		if (l->st == NULL)
			continue;
		free_words(l->interests, s->ninterests);
		for (c = 0; c < PP_CRIT__COUNT; c++)
			free_words(l->crit[c], s->ncrit[c]);
		free(l->topics);
		pp_stemmer_free(l->st);
	}
	free(s->langs->v);
	free(s->langs);
	free(s->seen);
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

/* An event's fields cut into words once: topics in the event's language,
 * speakers unstemmed. */
enum { F_TITLE, F_TRACK, F_TAGS, F_ABSTRACT, F__N };

struct ev_text {
	struct pp_words f[F__N];
	size_t abs_len, title_len;
	struct pp_words *speakers; /* one per speaker */
	size_t nspeakers;
};

static void
ev_text_init(struct ev_text *t, const struct pp_event *ev,
    struct pp_stemmer *st, int topics, int speakers)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	if (topics) {
		pp_words_add(&t->f[F_TITLE], ev->title, st);
		t->title_len = pp_words_len(&t->f[F_TITLE]);
		pp_words_add(&t->f[F_TRACK], ev->track, st);
		for (i = 0; i < ev->ntags; i++)
			pp_words_add(&t->f[F_TAGS], ev->tags[i], st);
		pp_words_add(&t->f[F_ABSTRACT], ev->abstract, st);
		t->abs_len = pp_words_len(&t->f[F_ABSTRACT]);
	}
	if (speakers && ev->nspeakers > 0) {
		t->nspeakers = ev->nspeakers;
		t->speakers = pp_xcalloc(ev->nspeakers, sizeof(*t->speakers));
		for (i = 0; i < ev->nspeakers; i++)
			pp_words_add(&t->speakers[i], ev->speakers[i], NULL);
	}
}

static void
ev_text_fini(struct ev_text *t)
{
	size_t i;

	for (i = 0; i < F__N; i++)
		pp_words_fini(&t->f[i]);
	free_words(t->speakers, t->nspeakers);
}

/* The vocabulary of "did you mean", built the first time a term matches
 * nothing (below). */
struct vocab {
	char **words;  /* distinct lowercase words, unstemmed, sorted */
	size_t *count; /* occurrences of each */
	size_t nwords;
	char **stems;          /* their English stems, sorted */
	const char **speakers; /* distinct speaker names, borrowed */
	size_t nspeakers;
	char **names; /* the words of the speaker names, as written */
	size_t nnames, namecap;
	int built;
};

static void vocab_fini(struct vocab *v);

struct pp_ttwords {
	const struct pp_timetable *tt;
	struct pp_scorer *s; /* its stemmers hold the events' stems */
	struct ev_text *ev;  /* one per event, same index */
	struct vocab vocab;  /* built on first need */
};

struct pp_ttwords *
pp_ttwords_new(const struct pp_timetable *tt)
{
	static struct pp_profile none; /* no terms: only the stemmers */
	struct pp_ttwords *w = pp_xcalloc(1, sizeof(*w));
	size_t i;

	/* The stemmer of each event is the one a scorer picks (get_lang),
	 * so the words are those score_event would cut. */
	w->tt = tt;
	w->s = pp_scorer_new(&none);
	w->ev = pp_xcalloc(tt->n + 1, sizeof(*w->ev));
	for (i = 0; i < tt->n; i++)
		ev_text_init(&w->ev[i], &tt->ev[i],
		    get_lang(w->s, tt->ev[i].lang)->st, 1, 1);
	return w;
}

void
pp_ttwords_free(struct pp_ttwords *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < w->tt->n; i++)
		ev_text_fini(&w->ev[i]);
	free(w->ev);
	pp_scorer_free(w->s);
	if (w->vocab.built)
		vocab_fini(&w->vocab);
	free(w);
}

/* The words of ev from the scorer's cache when ev is an event of its
 * timetable, else NULL. */
static const struct ev_text *
cached_text(const struct pp_scorer *s, const struct pp_event *ev)
{
	uintptr_t at, first;

	if (s->words == NULL || s->words->tt->n == 0)
		return NULL;
	/* Compared as integers: ev need not point into the array. */
	at = (uintptr_t)ev;
	first = (uintptr_t)s->words->tt->ev;
	if (at < first || (at - first) % sizeof(*ev) != 0 ||
	    (at - first) / sizeof(*ev) >= s->words->tt->n)
		return NULL;
	return &s->words->ev[(at - first) / sizeof(*ev)];
}

static const unsigned field_bit[F__N] = {PP_FIELD_TITLE, PP_FIELD_TRACK,
    PP_FIELD_TAGS, PP_FIELD_ABSTRACT};

/* Relevance of a topic (score.h), in thousandths, from its occurrences
 * tf[f * stride] in each field f of t; sets *fields. */
static int64_t
relevance_of(const size_t *tf, size_t stride, const struct ev_text *t,
    unsigned *fields)
{
	const int64_t L = PP_REL_ABSTRACT_WORDS;
	int64_t x = 0, n[F__N], d;
	int f;

	*fields = 0;
	for (f = 0; f < F__N; f++) {
		n[f] = (int64_t)tf[(size_t)f * stride];
		if (n[f] > 0)
			*fields |= field_bit[f];
	}
	if (*fields == 0)
		return 0;
	x = PP_REL_TRACK * n[F_TRACK] + PP_REL_TAGS * n[F_TAGS];
	d = PP_REL_TITLE_WORDS + (int64_t)t->title_len;
	x += (PP_REL_TITLE * n[F_TITLE] * 2 * PP_REL_TITLE_WORDS + d / 2) / d;
	d = L + (int64_t)t->abs_len;
	x += (PP_REL_ABSTRACT * n[F_ABSTRACT] * 2 * L + d / 2) / d;
	d = x + PP_REL_K;
	return (x * (PP_REL_UNIT + PP_REL_K) + d / 2) / d;
}

/* The occurrences of each of the language's topics in each field of t:
 * tf[f * l->ntopics + k] for topic k (freed by the caller). */
static size_t *
count_topics(const struct lang *l, const struct ev_text *t)
{
	size_t *tf = pp_xcalloc(F__N * l->ntopics + 1, sizeof(*tf));
	int f;

	for (f = 0; f < F__N; f++)
		pp_words_count_each(&t->f[f], l->topics, l->ntopics,
		    tf + (size_t)f * l->ntopics);
	return tf;
}

/* Relevance of one topic in t; sets *fields. */
static int64_t
relevance(const struct pp_words *topic, const struct ev_text *t,
    unsigned *fields)
{
	size_t tf[F__N];
	int f;

	for (f = 0; f < F__N; f++)
		tf[f] = pp_words_count(&t->f[f], topic);
	return relevance_of(tf, 1, t, fields);
}

/* The speaker rule: the name occurs as a phrase in one speaker's name
 * ("Ryan" matches "Lilly Ryan"; phrases never span two speakers). */
static int
speaker_match(const struct term *n, const struct ev_text *t)
{
	size_t i;

	for (i = 0; i < t->nspeakers; i++)
		if (pp_words_match(&t->speakers[i], &n->plain))
			return 1;
	return 0;
}

/* ---- plenaries ---- */

/* 1 if the title holds a housekeeping word (score.h, pp_role): ASCII
 * words, any case. */
static int
housekeeping_title(const char *t)
{
	static const char *const words[] = {"welcome", "remarks", "closing",
	    "announcement", "announcements", "housekeeping"};
	char w[16];
	size_t n, i, k;

	while (*t != '\0') {
		for (n = 0; t[n] != '\0' &&
		     ((t[n] >= 'a' && t[n] <= 'z') ||
		         (t[n] >= 'A' && t[n] <= 'Z'));
		     n++)
			;
		if (n > 0 && n < sizeof(w)) {
			for (k = 0; k < n; k++)
				w[k] = (char)(t[k] >= 'A' && t[k] <= 'Z'
				        ? t[k] - 'A' + 'a'
				        : t[k]);
			w[n] = '\0';
			for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
				if (strcmp(w, words[i]) == 0)
					return 1;
		}
		t += n > 0 ? n : 1;
	}
	return 0;
}

/* An event that may be a plenary or run in parallel with one: talk load,
 * not cancelled. */
static int
talk_load(const struct pp_event *ev)
{
	return pp_kind_class(ev->kind) == PP_CLASS_TALK &&
	    ev->status != PP_STATUS_CANCELLED;
}

struct slot {
	int64_t start, end;
	size_t i;
};

static int
cmp_slot(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

enum pp_role *
pp_score_roles(const struct pp_timetable *tt)
{
	enum pp_role *r = pp_xcalloc(tt->n + 1, sizeof(*r));
	struct slot *v = pp_xcalloc(tt->n + 1, sizeof(*v));
	unsigned char *alone = pp_xcalloc(tt->n + 1, 1);
	size_t n = 0, i;
	int64_t maxend = INT64_MIN;
	int parallel = 0;

	for (i = 0; i < tt->n; i++)
		if (talk_load(&tt->ev[i])) {
			v[n].start = tt->ev[i].start;
			v[n].end = tt->ev[i].end;
			v[n++].i = i;
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_slot);
	/* In start order an event overlaps another exactly when one before
	 * it ends after its start or the next starts before its end. */
	for (i = 0; i < n; i++) {
		int over = maxend > v[i].start ||
		    (i + 1 < n && v[i + 1].start < v[i].end);

		alone[v[i].i] = !over;
		parallel |= over;
		if (v[i].end > maxend)
			maxend = v[i].end;
	}
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		int single = parallel && alone[i];

		if (!talk_load(ev))
			continue;
		if (ev->kind == PP_KIND_KEYNOTE)
			r[i] = single ? PP_ROLE_PLENARY : PP_ROLE_KEYNOTE;
		else if (single && ev->nrooms > 1 &&
		    ev->kind != PP_KIND_TUTORIAL &&
		    ev->kind != PP_KIND_WORKSHOP)
			r[i] = PP_ROLE_PLENARY;
		if (r[i] != PP_ROLE_NONE && housekeeping_title(ev->title))
			r[i] = PP_ROLE_HOUSEKEEPING;
	}
	free(alone);
	free(v);
	return r;
}

void
pp_scorer_set_roles(struct pp_scorer *s, const struct pp_timetable *tt,
    const enum pp_role *roles)
{
	s->tt = tt;
	s->roles = roles;
}

/* The role of ev when it is one of the events of the scorer's timetable
 * (compared as integers: ev may belong to another array). */
static enum pp_role
role_of(const struct pp_scorer *s, const struct pp_event *ev)
{
	uintptr_t a = (uintptr_t)ev, b;
	size_t i;

	if (s->roles == NULL || s->tt == NULL || s->tt->n == 0)
		return PP_ROLE_NONE;
	b = (uintptr_t)s->tt->ev;
	if (a < b || (a - b) % sizeof(*ev) != 0)
		return PP_ROLE_NONE;
	i = (size_t)((a - b) / sizeof(*ev));
	return i < s->tt->n && &s->tt->ev[i] == ev ? s->roles[i] : PP_ROLE_NONE;
}

/*
 * base(kind) of score.h: every talk-load kind is worth talk-base per hour
 * before the profile's terms, a plenary plenary-weight more (*plenary
 * set to that, else 0).
 */
static int64_t
base_rate(const struct pp_scorer *s, const struct pp_event *ev,
    int64_t *plenary)
{
	enum pp_role r = role_of(s, ev);

	*plenary =
	    r == PP_ROLE_PLENARY || r == PP_ROLE_KEYNOTE ? s->plenary : 0;
	return s->base;
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

/* Orders matches: interests by units per hour, largest first, then in
 * profile order (idx); speakers and the level after them, in order. */
struct hit {
	struct pp_score_match m;
	size_t idx;
};

static int
cmp_hit(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->m.kind != y->m.kind)
		return x->m.kind < y->m.kind ? -1 : 1;
	if (x->m.kind == PP_MATCH_INTEREST && x->m.units != y->m.units)
		return x->m.units > y->m.units ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* All the matches of one event, before damping is applied. */
struct hits {
	struct hit *v;
	size_t n;
};

static void
collect(const struct pp_scorer *s, const struct pp_event *ev,
    const struct lang *l, const struct ev_text *t, int talk, struct hits *h,
    unsigned *crit)
{
	const struct pp_profile *p = s->p;
	size_t i, n = s->ninterests + s->nspeakers + 1, k;
	size_t *tf = count_topics(l, t);
	int c, damp = 0;

	h->v = pp_xcalloc(n, sizeof(*h->v));
	h->n = 0;
	for (i = 0; i < s->ninterests; i++) {
		struct hit *x = &h->v[h->n];
		unsigned fields;
		int64_t rel = relevance_of(tf + i, l->ntopics, t, &fields);

		if (rel == 0)
			continue;
		s->seen[i] = 1;
		x->m.kind = PP_MATCH_INTEREST;
		x->m.name = s->interests[i].name;
		x->m.fields = fields;
		x->m.rel = rel;
		x->m.weight = s->interests[i].units;
		x->m.units = div_round(x->m.weight * rel, PP_REL_UNIT);
		x->idx = i;
		h->n++;
	}
	/* The best interest counts in full, the other positive ones
	 * damped. */
	if (h->n > 1)
		qsort(h->v, h->n, sizeof(*h->v), cmp_hit);
	for (i = 0; i < h->n; i++) {
		if (h->v[i].m.units <= 0)
			continue;
		if (damp) {
			h->v[i].m.damped = 1;
			h->v[i].m.units =
			    div_round(h->v[i].m.units, PP_SCORE_DAMP);
		}
		damp = 1;
	}
	for (i = 0; i < s->nspeakers; i++) {
		struct hit *x = &h->v[h->n];

		if (!speaker_match(&s->speakers[i], t))
			continue;
		s->seen[s->off[0] + i] = 1;
		if (!talk)
			continue; /* speakers count for talks only */
		x->m.kind = PP_MATCH_SPEAKER;
		x->m.name = s->speakers[i].name;
		x->m.fields = PP_FIELD_SPEAKERS;
		x->m.rel = PP_REL_UNIT;
		x->m.weight = x->m.units = s->speakers[i].units;
		x->idx = i;
		h->n++;
	}
	if (talk && p->level != NULL && ev->level != NULL &&
	    *ev->level != '\0' && ci_eq(p->level, ev->level)) {
		struct hit *x = &h->v[h->n++];

		x->m.kind = PP_MATCH_LEVEL;
		x->m.name = p->level;
		x->m.rel = PP_REL_UNIT;
		x->m.weight = x->m.units = s->level_bonus;
	}

	*crit = 0;
	k = s->ninterests; /* the criteria's topics in l->topics */
	for (c = 0; c < PP_CRIT__COUNT; c++) {
		for (i = 0; i < s->ncrit[c]; i++) {
			unsigned fields;
			int64_t rel = c == PP_CRIT_SPEAKER
			    ? (speaker_match(&s->crit[c][i], t) ? PP_REL_UNIT
			                                        : 0)
			    : relevance_of(tf + k++, l->ntopics, t, &fields);

			if (rel > 0)
				s->seen[s->off[c + 1] + i] = 1;
			if (rel >= PP_REL_STRONG)
				*crit |= 1u << c;
		}
	}
	free(tf);
}

/* Terms being recorded for pp_score_breakdown (NULL: not recorded). */
struct terms {
	struct pp_score_term *v;
	struct pp_score_match *scratch;
	size_t n, max;
};

static void
term_add(struct terms *tl, const char *label, const struct pp_score_match *m,
    int64_t units)
{
	if (tl == NULL)
		return;
	if (tl->n < tl->max) {
		tl->v[tl->n].label = label;
		tl->v[tl->n].m = NULL;
		tl->v[tl->n].units = units;
		if (m != NULL) {
			tl->scratch[tl->n - 1] = *m;
			tl->v[tl->n].m = &tl->scratch[tl->n - 1];
		}
	}
	tl->n++;
}

static const char *const kind_label[] = {
    [PP_MATCH_INTEREST] = "interest",
    [PP_MATCH_SPEAKER] = "speaker",
    [PP_MATCH_LEVEL] = "level-bonus",
};

static void
score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct terms *tl)
{
	const struct lang *l = get_lang(s, ev->lang);
	const struct ev_text *tp = cached_text(s, ev);
	struct ev_text t;
	struct hits h;
	struct reason r = {NULL, 0, 0, NULL};
	int64_t rate, plenary = 0, minutes = pp_event_minutes(ev);
	size_t i;
	int talk = pp_kind_class(ev->kind) == PP_CLASS_TALK;

	memset(out, 0, sizeof(*out));
	if (tp == NULL) {
		ev_text_init(&t, ev, l->st, 1,
		    s->nspeakers > 0 || s->ncrit[PP_CRIT_SPEAKER] > 0);
		tp = &t;
	}
	collect(s, ev, l, tp, talk, &h, &out->crit);

	rate = talk ? base_rate(s, ev, &plenary) : s->per_hour;
	term_add(tl, talk ? "talk-base" : "networking-weight", NULL, rate);
	if (plenary != 0) {
		rate += plenary;
		term_add(tl, "plenary-weight", NULL, plenary);
		reason_add(&r, "plenary", NULL, 0);
	}
	for (i = 0; i < h.n; i++) {
		const struct pp_score_match *m = &h.v[i].m;

		rate += m->units;
		term_add(tl, kind_label[m->kind], m, m->units);
		if (i < PP_SCORE_MATCH_MAX)
			out->match[i] = *m;
		if (m->kind == PP_MATCH_LEVEL)
			reason_add(&r, "level", NULL, 0);
		else
			reason_add(&r,
			    m->kind == PP_MATCH_INTEREST ? "interest"
			                                 : "speaker",
			    m->name, m->weight);
	}
	out->nmatch = h.n;
	out->rate = rate;
	out->raw = div_round(rate * minutes, 60);
	out->value = talk && ev->recorded == PP_REC_YES
	    ? div_round(out->raw * s->recorded, PP_SCORE_UNIT)
	    : out->raw;
	if (talk && s->p->fill_with_talks) {
		out->fill = pp_score_networking(s->p, minutes) + minutes;
		out->value += out->fill;
	}

	if (r.len > 0)
		copy_cut(out->reason, sizeof(out->reason), r.buf, r.len);
	free(r.buf);
	free(h.v);
	if (tp == &t)
		ev_text_fini(&t);
}

void
pp_score_event(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out)
{
	score_event(s, ev, out, NULL);
}

size_t
pp_score_breakdown(const struct pp_scorer *s, const struct pp_event *ev,
    struct pp_score *out, struct pp_score_term *terms,
    struct pp_score_match *scratch, size_t max)
{
	struct terms t;

	t.v = terms;
	t.scratch = scratch;
	t.n = 0;
	t.max = terms != NULL && scratch != NULL ? max : 0;
	score_event(s, ev, out, &t);
	return t.n;
}

int64_t
pp_score_networking(const struct pp_profile *p, long minutes)
{
	return div_round(pp_score_units(p->networking_weight) * minutes, 60);
}

static const char *const field_names[] = {"title", "track", "tags", "abstract",
    "speakers"};

const char *
pp_score_field_name(unsigned field)
{
	size_t i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (field == 1u << i)
			return field_names[i];
	return "";
}

const char *
pp_score_match_kind_name(enum pp_match_kind k)
{
	return k == PP_MATCH_SPEAKER ? "speaker"
	    : k == PP_MATCH_LEVEL    ? "level"
	                             : "interest";
}

void
pp_score_fields_text(unsigned fields, const char *sep, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++) {
		if (!(fields & (1u << i)) || len >= size)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    len > 0 ? sep : "", field_names[i]);
	}
}

void
pp_score_term_text(const struct pp_score_term *t, char *buf, size_t size)
{
	const struct pp_score_match *m = t->m;
	char w[32], rel[32], where[64], damped[32] = "";

	if (m == NULL) {
		snprintf(buf, size, "%s%s", t->label,
		    strcmp(t->label, "plenary-weight") == 0
		        ? " (a plenary: keynote or single-track session)"
		        : "");
		return;
	}
	pp_score_format(m->weight, w);
	switch (m->kind) {
	case PP_MATCH_INTEREST:
		pp_score_format(m->rel, rel);
		pp_score_fields_text(m->fields, ", ", where, sizeof(where));
		if (m->damped)
			snprintf(damped, sizeof(damped), ", damped 1/%d",
			    PP_SCORE_DAMP);
		snprintf(buf, size,
		    "interest: %s " TIMES "%s, relevance %s (%s)%s", m->name, w,
		    rel, where, damped);
		break;
	case PP_MATCH_SPEAKER:
		snprintf(buf, size, "speaker: %s " TIMES "%s", m->name, w);
		break;
	case PP_MATCH_LEVEL:
		snprintf(buf, size, "level-bonus (level %s)", m->name);
		break;
	}
}

void
pp_score_where(const struct pp_score *s, char *buf, size_t size)
{
	static const char more[] = "; \xe2\x80\xa6";
	char rel[32], where[64];
	size_t i,
	    n = s->nmatch < PP_SCORE_MATCH_MAX ? s->nmatch : PP_SCORE_MATCH_MAX;
	size_t len = 0, k;
	int cut = 0;

	buf[0] = '\0';
	for (i = 0; i < n && !cut; i++) {
		const struct pp_score_match *m = &s->match[i];

		if (m->kind == PP_MATCH_LEVEL)
			snprintf(where, sizeof(where), "level");
		else
			pp_score_fields_text(m->fields, ", ", where,
			    sizeof(where));
		pp_score_format(m->rel, rel);
		k = (size_t)snprintf(buf + len, size - len, "%s%s (%s) %s",
		    len > 0 ? "; " : "", m->name, where, rel);
		if (len + k + sizeof(more) > size) {
			buf[len] = '\0';
			cut = 1;
			break;
		}
		len += k;
	}
	if ((cut || n < s->nmatch) && len + sizeof(more) <= size)
		memcpy(buf + len, len > 0 ? more : more + 2,
		    len > 0 ? sizeof(more) : sizeof(more) - 2);
}

/* Adds the blank-separated words of a speaker name to v->names. */
static void
add_name_words(struct vocab *v, const char *s)
{
	size_t n;

	for (;;) {
		s += strspn(s, " \t");
		if ((n = strcspn(s, " \t")) == 0)
			return;
		v->names = pp_xgrowarray(v->names, &v->namecap, v->nnames + 1,
		    sizeof(*v->names));
		v->names[v->nnames++] = pp_xstrndup(s, n);
		s += n;
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
vocab_build(struct vocab *v, const struct pp_timetable *tt)
{
	struct pp_words all = PP_WORDS_INIT;
	struct pp_stemmer *en;
	size_t i, j, ns = 0, scap = 0;

	v->built = 1;
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		pp_words_add(&all, ev->title, NULL);
		pp_words_add(&all, ev->track, NULL);
		for (j = 0; j < ev->ntags; j++)
			pp_words_add(&all, ev->tags[j], NULL);
		pp_words_add(&all, ev->abstract, NULL);
		for (j = 0; j < ev->nspeakers; j++) {
			v->speakers = pp_xgrowarray(v->speakers, &scap, ns + 1,
			    sizeof(*v->speakers));
			v->speakers[ns++] = ev->speakers[j];
			add_name_words(v, ev->speakers[j]);
		}
	}
	if (all.n > 1)
		qsort(all.w, all.n, sizeof(*all.w), cmp_str);
	v->words = pp_xcalloc(all.n + 1, sizeof(*v->words));
	v->count = pp_xcalloc(all.n + 1, sizeof(*v->count));
	v->stems = pp_xcalloc(all.n + 1, sizeof(*v->stems));
	en = pp_stemmer_new("en");
	for (i = 0; i < all.n; i++) {
		if (all.w[i][0] == '\0')
			continue; /* a separator */
		if (v->nwords > 0 &&
		    strcmp(v->words[v->nwords - 1], all.w[i]) == 0) {
			v->count[v->nwords - 1]++;
			continue;
		}
		v->stems[v->nwords] = pp_xstrdup(pp_stem(en, all.w[i]));
		v->count[v->nwords] = 1;
		v->words[v->nwords++] = pp_xstrdup(all.w[i]);
	}
	pp_stemmer_free(en);
	pp_words_fini(&all);
	if (v->nwords > 1)
		qsort(v->stems, v->nwords, sizeof(*v->stems), cmp_str);
	v->nspeakers = ns;
}

static void
vocab_fini(struct vocab *v)
{
	size_t i;

	for (i = 0; i < v->nwords; i++) {
		free(v->words[i]);
		free(v->stems[i]);
	}
	free(v->words);
	free(v->count);
	free(v->stems);
	free(v->speakers);
	for (i = 0; i < v->nnames; i++)
		free(v->names[i]);
	free(v->names);
}

/* Typos a term of this many characters may hold and still get a
 * suggestion (score.h). */
static size_t
max_typos(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n < 4 ? 0 : n <= 5 ? 1 : n <= 10 ? 2 : 3;
}

/* The candidate nearest to w: smallest distance (at least 1), then the
 * most frequent, then byte order; NULL if none is close enough. */
static const char *
nearest(const char *w, const char *const *cand, const size_t *count, size_t n)
{
	size_t max = max_typos(w), best = max + 1, bc = 0, i, d;
	const char *r = NULL;

	if (max == 0)
		return NULL;
	for (i = 0; i < n; i++) {
		d = pp_edit_distance(w, cand[i], best);
		if (d == 0 || d > best)
			continue;
		if (d < best || (count != NULL && count[i] > bc) ||
		    ((count == NULL || count[i] == bc) &&
		        strcmp(cand[i], r) < 0)) {
			best = d;
			bc = count != NULL ? count[i] : 0;
			r = cand[i];
		}
	}
	return r;
}

/* 1 if the phrase has relevance above 0 in some event of tt. */
static int
occurs(const struct pp_scorer *s, const struct pp_timetable *tt,
    const char *phrase)
{
	struct pp_words w = PP_WORDS_INIT;
	struct ev_text t;
	unsigned fields;
	size_t i;
	int hit = 0;

	for (i = 0; i < tt->n && !hit; i++) {
		const struct lang *l = get_lang(s, tt->ev[i].lang);
		const struct ev_text *tp = cached_text(s, &tt->ev[i]);

		pp_words_add(&w, phrase, l->st);
		if (tp == NULL) {
			ev_text_init(&t, &tt->ev[i], l->st, 1, 0);
			tp = &t;
		}
		hit = relevance(&w, tp, &fields) > 0;
		if (tp == &t)
			ev_text_fini(&t);
		pp_words_fini(&w);
	}
	return hit;
}

/*
 * A topic close to t->name that occurs in the programme, written into
 * buf[size]: each word of the topic that is in no event (its English stem
 * is no word's) replaced by its nearest word.  0 if there is none.
 */
static int
suggest_topic(const struct pp_scorer *s, const struct pp_timetable *tt,
    struct vocab *v, const struct term *t, char *buf, size_t size)
{
	struct pp_stemmer *en = pp_stemmer_new("en");
	size_t i, len = 0;
	int changed = 0, ok = 1;

	for (i = 0; i < t->plain.n && ok; i++) {
		const char *w = t->plain.w[i], *stem = pp_stem(en, w), *r = w;
		char *const *found = bsearch(&stem, v->stems, v->nwords,
		    sizeof(*v->stems), cmp_str);

		if (*w == '\0')
			continue;
		if (found == NULL) {
			r = nearest(w, (const char *const *)v->words, v->count,
			    v->nwords);
			ok = r != NULL;
			changed = 1;
		}
		if (ok)
			len += (size_t)snprintf(buf + len,
			    len < size ? size - len : 0, "%s%s",
			    len > 0 ? " " : "", r);
	}
	pp_stemmer_free(en);
	return ok && changed && len < size && occurs(s, tt, buf);
}

/* A speaker name close to name: a whole name, or for a one-word name a
 * word of one. */
static const char *
suggest_speaker(struct vocab *v, const struct term *t)
{
	const char *r = nearest(t->name, v->speakers, NULL, v->nspeakers);

	if (r == NULL && t->plain.n == 1)
		r = nearest(t->plain.w[0], (const char *const *)v->names, NULL,
		    v->nnames);
	return r;
}

/* Term k (numbered as off[]) is a name: a [speakers] entry or a speaker
 * criterion. */
static int
is_name(const size_t *off, size_t k)
{
	return (k >= off[0] && k < off[1]) ||
	    (k >= off[PP_CRIT_SPEAKER + 1] && k < off[PP_CRIT_SPEAKER + 2]);
}

size_t
pp_scorer_report(const struct pp_scorer *s, const struct pp_timetable *tt,
    struct pp_diags *ds)
{
	const size_t *off = s->off;
	struct vocab local, *v = &local;
	size_t nt = off[PP_CRIT__COUNT + 1], k, nwarn = 0;
	int c;

	memset(&local, 0, sizeof(local));
	/* The programme's vocabulary is built once for all the profiles
	 * that share its words. */
	if (s->words != NULL && s->words->tt == tt)
		v = &s->words->vocab;
	for (k = 0; k < nt; k++) {
		const struct term *term;
		const char *r = NULL;
		char what[64], sug[200], tail[256] = "";
		int speaker = is_name(off, k);

		if (s->seen[k])
			continue;
		if (!v->built)
			vocab_build(v, tt);
		if (k < off[0]) {
			term = &s->interests[k];
			snprintf(what, sizeof(what), "interest");
		} else if (k < off[1]) {
			term = &s->speakers[k - off[0]];
			snprintf(what, sizeof(what), "speaker");
		} else {
			for (c = 0; k >= off[c + 2]; c++)
				;
			term = &s->crit[c][k - off[c + 1]];
			snprintf(what, sizeof(what), "criterion %s:",
			    pp_criterion_name((enum pp_criterion)c));
		}
		if (speaker)
			r = suggest_speaker(v, term);
		else if (suggest_topic(s, tt, v, term, sug, sizeof(sug)))
			r = sug;
		if (r != NULL)
			snprintf(tail, sizeof(tail), "; did you mean '%.80s'?",
			    r);
		pp_diag_warn(ds, NULL, 0, "%s '%.80s' matches no event%s", what,
		    term->name, tail);
		nwarn++;
	}
	if (local.built)
		vocab_fini(&local);
	return nwarn;
}

size_t
pp_score_check_terms(const struct pp_profile *p, const struct pp_timetable *tt,
    struct pp_diags *ds)
{
	struct pp_scorer *s = pp_scorer_new(p);
	struct pp_score sc;
	size_t i, n;

	for (i = 0; i < tt->n; i++)
		pp_score_event(s, &tt->ev[i], &sc);
	n = pp_scorer_report(s, tt, ds);
	pp_scorer_free(s);
	return n;
}
