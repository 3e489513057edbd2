/* SPDX-License-Identifier: ISC */
/*
 * The exact solver.
 *
 * A day's plan is a chain of its items in time order, so a labelling
 * search over the items, sorted by start, finds the best chain.  A label
 * is a partial plan ending with some item; its state holds exactly what
 * the remaining rules of the day need: talks, talk minutes, talks in a
 * row, networking minutes (up to the minimum), lunch, whether the free
 * lunch block is used, must-see items planned, criteria covered, and how
 * many minutes an unfinished hallway run still needs.  Counters of rules
 * that do not bind stay 0, so they never split states.  Four rules drop
 * labels; none of them loses the optimum:
 *
 * 1. Equal states.  Of two labels of one item with the same state, the
 *    one worth less is dropped (among equals, the first found is kept):
 *    they have the same completions.  An item without rooms (a hallway
 *    segment, a free lunch block, a roomless event) does not end the
 *    room-change time of the item with rooms before it: a label of such
 *    an item owes that room change (the last item with rooms of its plan,
 *    when it ended less than the room-change time ago), and labels that
 *    owe different ones are never compared, here or in rule 2.
 *
 * 2. Dominance.  Once an item has ended, and the room-change time has
 *    passed, its labels join the frontier, where their end no longer
 *    matters.  A label is dropped when another of the same class (lunch,
 *    free lunch block, must-see count) is worth at least as much and at
 *    least as good in every resource: no more talks, talk minutes or talks
 *    in a row, no less networking, criteria worth at least as much.  Every
 *    completion of the dropped label completes the kept one too, worth at
 *    least as much.  The labels of one item are filtered the same way as
 *    soon as the item is done (they have the same completions too), before
 *    later items extend them one by one (within the room-change time, or
 *    along a hallway run).
 *
 * 3. Feasibility.  A label with no feasible completion is dropped: its
 *    networking cannot reach the minimum with the most networking a chain
 *    of the remaining items holds (every hallway segment counted, and the
 *    minutes of its unfinished run, which count when the run goes on to
 *    the block), or it lacks lunch and no lunch item is left.
 *
 * 4. Bounds.  Every label gets an optimistic bound on what the rest of the
 *    day can add: the best chain of the items that may follow its item
 *    (room changes kept between consecutive items), with the talks left,
 *    the streak and the talk minutes left (in a unit that divides every
 *    talk's minutes) as hard counts where their caps bind and the tables
 *    stay small, must-see and the hallway-run length relaxed, and the
 *    other rules priced by Lagrange multipliers L, M, N >= 0 (Lagrangian
 *    relaxation): a talk minute costs L, a counting networking minute
 *    earns M and a lunch item N, and the label's bound takes back L x the
 *    talk minutes left, M x the networking minutes it still needs and N if
 *    it still needs lunch.  For a completion that meets the rules, value
 *    <= value - L x (minutes - minutes left) + M x (networking - needed) +
 *    N x (lunch items - 1), each term >= 0.  The multipliers are where the
 *    whole day's bound is least (a descent on each in turn, on tables of
 *    one cell); the tables are built by one backward pass over the items
 *    per multiplier set, and a label's bound is the least over the sets.
 *    Tables of one cell (every count priced or relaxed) are a bound too,
 *    only weaker: a day is searched with them first, on a budget of the
 *    labels the finer tables would cost to build, and again with those
 *    only if it runs out: on most real programmes the coarse bound is
 *    enough, and at worst a day spends the finer tables' cost twice.
 *    A label worth less than a threshold T with its bound is dropped, when
 *    it is made and again whenever the frontier is swept (its bound only
 *    falls as time passes).  If the search then finds a plan Q worth at
 *    least T + S(Q), Q proves the optimum of the day, where S(Q) is what
 *    the criteria bonus can change when another plan of the day replaces Q
 *    (the bonus for each criterion with terms that Q leaves uncovered; for
 *    a negative bonus, for each one it covers): a dropped label completes
 *    to less than T, and a plan of the day worth less than Q by more than
 *    S(Q) is in no optimum over all days (exchanging it for Q gains more
 *    than the covered criteria can lose).  So the day's best plan for every
 *    set of criteria that an optimum may use survives, and nothing dropped
 *    ties with the result.  Once plans R of the day are known, the
 *    threshold may depend on the label: a plan P of the day worth less
 *    than V(Q) - S(P, Q) for some Q in R is in no optimum either, where
 *    S(P, Q) is the bonus for each criterion P covers and Q does not (for
 *    a negative bonus, for each one Q covers and P does not), and a
 *    label's plans cover at most what it covers and what the items that
 *    start after it cover (at least what it covers), so the label's
 *    threshold is the largest over Q in R of the least V(Q) - S(P, Q)
 *    over those plans (ref_theta).  That search proves the optimum by
 *    itself: a plan of R that no other plan of R beats that way (beating
 *    is transitive, so there is one) survives it, or a label that
 *    dominates one of its labels does (its labels' thresholds are at most
 *    its value), so it finds plans, and what it drops is in no optimum
 *    and ties with none.
 *
 * The threshold starts just below the root's bound (by a 64th), for a
 * first search on a small budget (FIRST_LABELS): where the bound is tight,
 * as on real programmes, it proves the optimum.  Otherwise the plans it
 * found, or else those a heuristic search (a beam: each item keeps its
 * four labels worth the most with their bound, no threshold) finds, are
 * R for one search with the thresholds by label.  If neither finds a
 * plan, a search that ignores values (dominance on resources alone, value
 * deciding equal states) finds a first feasible plan, or none, which
 * proves the day infeasible; with one, the floor F is its value less the
 * largest criteria slack.  A search at F finds the floor's plan again or
 * better, and proves the result.  Every label a day makes, and every
 * sixteen extensions it tries, count against one budget
 * (PP_SOLVE_MAX_LABELS): a day that runs out is refused with a message
 * that names it and its caps.  The searches without values also name the
 * constraints of an infeasible day.
 *
 * Hallway segments that touch form one run.  A run of at least
 * min-networking-block minutes counts: all its minutes are networking and
 * it ends a streak.  A shorter one is free time in the hallway, worth its
 * value only.  A label that ends with a run still short of the block
 * carries the minutes it needs; the next segment of the run continues it
 * (a label whose last item is the segment before extends to a segment
 * through this path only), any other item ends it as free time.
 *
 * Days are independent except for the criteria bonus, which a small
 * dynamic programme over the sets of covered criteria combines from each
 * day's best plan per set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* Relaxations, for diagnosing infeasible days. */
enum {
	R_COUNT = 1 << 0,
	R_MINUTES = 1 << 1,
	R_STREAK = 1 << 2,
	R_NET = 1 << 3,
	R_LUNCH = 1 << 4,
	R_MUST = 1 << 5,
	R_OPEN = 1 << 6,
	R_HOST = 1 << 7, /* the host without a time: none planned */
	R__N = 8
};

#define NMASK (1u << PP_CRIT__COUNT)

/* ---- the state ---- */

/*
 * A label's state in 64 bits.  The widths hold the model's limits
 * (pp_model_build refuses a day whose binding caps exceed them); a must-see
 * count has room for one forced item more.
 */
enum {
	W_TALKS = 8,
	W_TMIN = 11,
	W_STREAK = 7,
	W_NET = 11,
	W_NEED = 11,
	W_MUST = 6,
	W_MASK = PP_CRIT__COUNT,
	W_OPEN = 2,
	W_EXPO = 2,
	S_TALKS = 0,
	S_TMIN = S_TALKS + W_TALKS,
	S_STREAK = S_TMIN + W_TMIN,
	S_NET = S_STREAK + W_STREAK,
	S_NEED = S_NET + W_NET,
	S_MUST = S_NEED + W_NEED,
	S_MASK = S_MUST + W_MUST,
	S_LUNCH = S_MASK + W_MASK,
	S_SYN = S_LUNCH + 1,
	S_OPEN = S_SYN + 1,
	S_EXPO = S_OPEN + W_OPEN
};

_Static_assert(S_EXPO + W_EXPO <= 64, "the state fits in 64 bits");
_Static_assert(PP_MODEL_MAX_OPEN < 1 << W_OPEN, "open-space field");
_Static_assert(PP_MODEL_MAX_EXPO < 1 << W_EXPO, "expo field");
_Static_assert(PP_MODEL_MAX_TALKS < 1 << W_TALKS, "talks field");
_Static_assert(PP_MODEL_MAX_STREAK < 1 << W_STREAK, "streak field");
_Static_assert(PP_MODEL_MAX_MINUTES < 1 << W_TMIN, "talk minutes field");
_Static_assert(PP_MODEL_MAX_MINUTES < 1 << W_NET, "networking field");
_Static_assert(PP_MODEL_MAX_MINUTES < 1 << W_NEED, "hallway run field");
_Static_assert(PP_MODEL_MAX_MUST + 2 < 1 << W_MUST, "must-see field");

#define FIELD(k, s, w) ((unsigned)(((k) >> (s)) & ((1ULL << (w)) - 1)))
#define K_TALKS(k) FIELD(k, S_TALKS, W_TALKS)
#define K_TMIN(k) FIELD(k, S_TMIN, W_TMIN)
#define K_STREAK(k) FIELD(k, S_STREAK, W_STREAK)
#define K_NET(k) FIELD(k, S_NET, W_NET)
#define K_NEED(k) FIELD(k, S_NEED, W_NEED)
#define K_MUST(k) FIELD(k, S_MUST, W_MUST)
#define K_MASK(k) FIELD(k, S_MASK, W_MASK)
#define K_LUNCH(k) FIELD(k, S_LUNCH, 1)
#define K_SYN(k) FIELD(k, S_SYN, 1)
#define K_OPEN(k) FIELD(k, S_OPEN, W_OPEN)
#define K_EXPO(k) FIELD(k, S_EXPO, W_EXPO)

struct state {
	unsigned talks, tmin, streak, net, need, must, mask, lunch, syn;
	unsigned open, expo; /* open-space slots, expo segments (up to the
	                        day's need) */
};

static uint64_t
pack(const struct state *s)
{
	return (uint64_t)s->talks << S_TALKS | (uint64_t)s->tmin << S_TMIN |
	    (uint64_t)s->streak << S_STREAK | (uint64_t)s->net << S_NET |
	    (uint64_t)s->need << S_NEED | (uint64_t)s->must << S_MUST |
	    (uint64_t)s->mask << S_MASK | (uint64_t)s->lunch << S_LUNCH |
	    (uint64_t)s->syn << S_SYN | (uint64_t)s->open << S_OPEN |
	    (uint64_t)s->expo << S_EXPO;
}

static void
unpack(uint64_t k, struct state *s)
{
	s->talks = K_TALKS(k);
	s->tmin = K_TMIN(k);
	s->streak = K_STREAK(k);
	s->net = K_NET(k);
	s->need = K_NEED(k);
	s->must = K_MUST(k);
	s->mask = K_MASK(k);
	s->lunch = K_LUNCH(k);
	s->syn = K_SYN(k);
	s->open = K_OPEN(k);
	s->expo = K_EXPO(k);
}

/* The class: the fields that must be equal for dominance. */
#define CLASS_MASK                                                             \
	(((1ULL << W_MUST) - 1) << S_MUST | 1ULL << S_LUNCH | 1ULL << S_SYN)

struct label {
	int64_t value;
	uint64_t key;
	int32_t prev; /* label index, -1 for the root */
	int32_t item; /* item index, -1 for the root */
	int32_t room; /* the plan's last item with rooms, or -1 */
};

/* ---- a day's setup: rules in effect, item facts, bounds ---- */

#define NLAMBDA 4
/* Labels an item keeps in the heuristic search. */
#define BEAM 4
/* Items per item, on average, that the bounds follow through room-change
 * windows at most. */
#define WINDOW_ITEMS 16
/* Bound table entries per multiplier beyond which fewer are kept. */
#define BOUND_CELLS ((size_t)2 << 20)
/* The labels the first search of a day (just below the bound) may spend
 * before the beam takes over. */
#define FIRST_LABELS ((size_t)1 << 16)
/* Tries of an item in the bound tables (take) that cost as much as a
 * label of the search, about: what the tables of more than one cell are
 * worth in labels. */
#ifndef TABLE_TRIES_PER_LABEL /* test_solve_* builds solve.c with others */
#define TABLE_TRIES_PER_LABEL 128
#endif
/* Labels' worth of bound tables that are built at once, without a first
 * search on tables of one cell. */
#ifndef CHEAP_TABLES
#define CHEAP_TABLES 2048
#endif
/* Extensions tried that cost as much as a label, for the budget. */
#define TRIES_PER_LABEL 16
/* Units of talk minutes the bound tables count at most, and the share of
 * BOUND_CELLS they may take (building them costs as much as the search on
 * real programmes, where the multiplier does nearly as well). */
#define MINUTE_UNITS 64
#define MINUTE_SHARE 8

/* Lagrange multipliers: lambda prices a talk minute (where the minutes
 * are not cells), mu rewards a counting networking minute, nu a lunch
 * item (thousandths of a point). */
struct mult {
	int64_t lambda, mu, nu;
};

struct bounds {
	size_t width; /* talks left 0..width-1 (1: not counted) */
	size_t sw;    /* streak 0..sw-1 (1: not counted) */
	size_t tw;    /* talk minutes left in units of gran 0..tw-1 (1: not
	                 counted, the minutes priced by lambda) */
	long gran;
	size_t cell;    /* width * sw * tw */
	size_t want[3]; /* width, sw, tw chosen (bounds_refine builds them) */
	size_t coarse;  /* > 0: the tables have one cell for now, and a day
	                   may spend this many labels on them first */
	struct mult mu; /* the multipliers chosen */
	int nl;         /* multiplier sets in use */
	struct mult mult[NLAMBDA];
	int64_t *g[NLAMBDA]; /* (n + 1) rows of cells: from item i on */
	int64_t *h[NLAMBDA]; /* n rows: after item k */
};

/* An item's worth in the bound tables for multipliers lambda, mu, nu:
 * score + lambda x tmin + mu x net + nu x lunch. */
struct coef {
	int64_t score, tmin, net, lunch;
};

struct setup {
	const struct pp_model *m;
	const struct pp_model_day *d;
	unsigned relax;
	size_t n, nmust;
	/* rules in effect (cap_*: the cap binds) */
	int cap_talks, cap_tmin, cap_streak, need_lunch;
	unsigned max_talks, max_tmin, max_streak, min_net, min_run;
	unsigned min_open; /* open-space slots the day needs */
	unsigned min_expo; /* expo segments this search needs (its floor) */
	int mask_res; /* criteria mask: 0 ignored, 1 more is better, -1 fewer */
	unsigned char *must;      /* item is must-see here */
	unsigned char *forbidden; /* item overlaps a must-see item */
	size_t *must_before;      /* must-see items ending by its start */
	size_t *by_end;           /* items in order of end */
	size_t *nxt; /* first item starting at or after item k's end (n+1) */
	size_t *nrc; /* ... at least the room change after it, when it has
	                rooms (n+1) */
	size_t *win_off, *win; /* the items between that need no room change
	                          after k: win[win_off[k] .. win_off[k+1]) */
	long *netmax; /* most counting networking minutes from item i on */
	unsigned *openmax, *expomax; /* most open-space slots, expo segments
	                                a chain holds from item i on */
	unsigned char *lunch_after;  /* some lunch item starts at i or later */
	unsigned *crit_after;        /* criteria of the items from i on */
	int64_t *tval;     /* scratch: what each item adds (bound_table) */
	struct coef *coef; /* what each item adds, per multiplier */
	struct bounds b;
	size_t *budget; /* labels the day may still create */
};

static int
must_here(const struct pp_model_day *d, size_t k, unsigned relax,
    const unsigned char *unmust, const struct pp_item *force,
    const struct pp_item *pick)
{
	if (relax & R_MUST)
		return 0;
	if (unmust != NULL && unmust[k])
		return 0;
	return d->items[k].must || &d->items[k] == force ||
	    &d->items[k] == pick;
}

/* Items sorted by end (then start, then index): stable insertion sort, as
 * items arrive nearly sorted. */
static void
sort_by_end(size_t *v, size_t n, const struct pp_item *items)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		v[i] = i;
	for (i = 1; i < n; i++) {
		size_t x = v[i];
		const struct pp_item *a = &items[x];

		for (j = i; j > 0; j--) {
			const struct pp_item *b = &items[v[j - 1]];

			if (b->end < a->end ||
			    (b->end == a->end && b->start <= a->start))
				break;
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
}

/* The first item (in start order) that starts at or after t. */
static size_t
first_from(const struct pp_model_day *d, int64_t t)
{
	size_t lo = 0, hi = d->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->items[mid].start < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
setup_rules(struct setup *s, const struct pp_model *m,
    const struct pp_model_day *d, unsigned relax)
{
	const struct pp_day_rules *r = &d->rules;

	s->cap_talks = r->max_talks != PP_RULE_OFF && !(relax & R_COUNT);
	s->max_talks = s->cap_talks ? r->max_talks : 0;
	s->cap_tmin =
	    r->max_talk_minutes != PP_RULE_OFF && !(relax & R_MINUTES);
	s->max_tmin = s->cap_tmin ? r->max_talk_minutes : 0;
	s->cap_streak = r->max_streak != PP_RULE_OFF && !(relax & R_STREAK);
	s->max_streak = s->cap_streak ? r->max_streak : 0;
	s->min_net = relax & R_NET ? 0 : r->min_networking;
	s->min_run = r->min_run;
	s->need_lunch = r->lunch && !(relax & R_LUNCH);
	s->min_open = relax & R_OPEN ? 0 : r->min_open;
	s->mask_res = m->crit_bonus > 0 ? 1 : m->crit_bonus < 0 ? -1 : 0;
}

/* Item facts every search of the day shares. */
static void
setup_init(struct setup *s, const struct pp_model *m,
    const struct pp_model_day *d, unsigned relax, const unsigned char *unmust,
    const struct pp_item *force, const struct pp_item *pick)
{
	size_t n = d->n, k, i;

	memset(s, 0, sizeof(*s));
	s->m = m;
	s->d = d;
	s->relax = relax;
	s->n = n;
	setup_rules(s, m, d, relax);
	s->must = pp_xcalloc(n + 1, 1);
	s->forbidden = pp_xcalloc(n + 1, 1);
	s->must_before = pp_xcalloc(n + 1, sizeof(*s->must_before));
	s->by_end = pp_xcalloc(n + 1, sizeof(*s->by_end));
	s->nxt = pp_xcalloc(n + 1, sizeof(*s->nxt));
	s->netmax = pp_xcalloc(n + 2, sizeof(*s->netmax));
	s->openmax = pp_xcalloc(n + 2, sizeof(*s->openmax));
	s->expomax = pp_xcalloc(n + 2, sizeof(*s->expomax));
	s->lunch_after = pp_xcalloc(n + 2, 1);
	s->crit_after = pp_xcalloc(n + 2, sizeof(*s->crit_after));
	s->tval = pp_xcalloc(n + 1, sizeof(*s->tval));
	s->coef = pp_xcalloc(n + 1, sizeof(*s->coef));
	for (k = 0; k < n; k++) {
		s->must[k] =
		    (unsigned char)must_here(d, k, relax, unmust, force, pick);
		s->nmust += s->must[k];
	}
	/* A label may extend to item k only if it holds every must-see item
	 * that ends by k's start; an item that overlaps a must-see item can
	 * never be planned.  (Must-see items in a chain: counted by a sweep
	 * of the must-see items in start order.) */
	{
		size_t *mi = pp_xcalloc(s->nmust + 1, sizeof(*mi)), nm = 0;

		for (k = 0; k < n; k++)
			if (s->must[k])
				mi[nm++] = k;
		for (k = 0; k < n; k++) {
			const struct pp_item *it = &d->items[k];

			for (i = 0; i < nm; i++) {
				const struct pp_item *mu = &d->items[mi[i]];

				if (mi[i] == k)
					continue;
				if (mu->end <= it->start)
					s->must_before[k]++;
				else if (mu->start < it->end)
					s->forbidden[k] = 1;
				else
					break; /* later ones start later */
			}
		}
		free(mi);
	}
	/* A host without a time: the search plans the slot picked, and no
	 * other (pp_solve_forced tries each). */
	for (k = 0; k < n; k++)
		if (d->items[k].host_any && &d->items[k] != pick)
			s->forbidden[k] = 1;
	sort_by_end(s->by_end, n, d->items);
	s->nrc = pp_xcalloc(n + 1, sizeof(*s->nrc));
	s->win_off = pp_xcalloc(n + 2, sizeof(*s->win_off));
	for (k = 0, i = 0; k < n; k++) {
		const struct pp_item *it = &d->items[k];

		s->nxt[k] = first_from(d, it->end);
		s->nrc[k] = it->nrooms > 0
		    ? first_from(d, it->end + m->room_change)
		    : s->nxt[k];
		i += s->nrc[k] - s->nxt[k];
	}
	/* The bounds follow room changes through the items in each
	 * room-change window; on a day where those windows are crowded
	 * (hundreds of rooms) that costs more than it prunes, and the bounds
	 * skip the windows (a weaker bound, still a bound). */
	if (i > WINDOW_ITEMS * (n + 1))
		for (k = 0; k < n; k++)
			s->nrc[k] = s->nxt[k];
	for (k = 0; k < n; k++)
		for (i = s->nxt[k]; i < s->nrc[k]; i++)
			if (!pp_item_room_change(&d->items[k], &d->items[i]))
				s->win_off[k + 1]++;
	s->nxt[n] = s->nrc[n] = n;
	for (k = 0; k < n; k++)
		s->win_off[k + 1] += s->win_off[k];
	s->win_off[n + 1] = s->win_off[n];
	s->win = pp_xcalloc(s->win_off[n] + 1, sizeof(*s->win));
	for (k = 0; k < n; k++) {
		size_t w = s->win_off[k];

		for (i = s->nxt[k]; i < s->nrc[k]; i++)
			if (!pp_item_room_change(&d->items[k], &d->items[i]))
				s->win[w++] = i;
	}
	/* Backward passes: networking left, lunch left. */
	for (k = n; k-- > 0;) {
		const struct pp_item *it = &d->items[k];
		long take = it->cls == PP_CLASS_NETWORKING && it->counts &&
		        !s->forbidden[k]
		    ? it->minutes + s->netmax[s->nxt[k]]
		    : 0;

		s->netmax[k] =
		    take > s->netmax[k + 1] ? take : s->netmax[k + 1];
		if (!s->forbidden[k]) {
			unsigned o = (unsigned)it->open + s->openmax[s->nxt[k]],
			         e = it->expo + s->expomax[s->nxt[k]];

			s->openmax[k] =
			    o > s->openmax[k + 1] ? o : s->openmax[k + 1];
			s->expomax[k] =
			    e > s->expomax[k + 1] ? e : s->expomax[k + 1];
		} else {
			s->openmax[k] = s->openmax[k + 1];
			s->expomax[k] = s->expomax[k + 1];
		}
		s->lunch_after[k] =
		    s->lunch_after[k + 1] || (it->lunch && !s->forbidden[k]);
		s->crit_after[k] = s->crit_after[k + 1] | it->crit;
	}
}

static void
bounds_fini(struct bounds *b)
{
	int l;

	for (l = 0; l < b->nl; l++) {
		free(b->g[l]);
		free(b->h[l]);
	}
	memset(b, 0, sizeof(*b));
}

static void
setup_fini(struct setup *s)
{
	free(s->must);
	free(s->forbidden);
	free(s->must_before);
	free(s->by_end);
	free(s->nxt);
	free(s->nrc);
	free(s->win_off);
	free(s->win);
	free(s->netmax);
	free(s->openmax);
	free(s->expomax);
	free(s->lunch_after);
	free(s->crit_after);
	free(s->tval);
	free(s->coef);
	bounds_fini(&s->b);
	memset(s, 0, sizeof(*s));
}

/* ---- completion bounds ---- */

/*
 * One multiplier set's tables.  A cell is (talks left c, current streak
 * z, talk minutes left t in units of gran): g[i] holds, for every cell,
 * the best chain of the items from index i on (in start order), and h[k]
 * the best chain that may follow item k: items that start at least the
 * room-change time after k ends, or earlier but not before k ends when no
 * room change is needed.  Room changes between consecutive items are
 * kept; the streak, when its cap binds, counts talks since the last
 * counting networking item (a hallway segment counts, its run relaxed); a
 * talk uses floor(minutes / gran) units, so every chain that fits in the
 * minutes left fits in the units left (the sum of the floors is at most
 * the floor of the sum).  The other rules are priced (Lagrangian
 * relaxation): where the minutes are not cells, a talk minute costs
 * lambda; a counting networking minute (every hallway segment counted)
 * earns mu and a lunch item nu, which bound_of takes back for the
 * networking minutes and the lunch a label still needs: for a completion
 * that meets them, value <= value + mu x (networking - needed) + nu x
 * (lunch items - 1).  Must-see is relaxed.
 */
static size_t
cell_of(const struct bounds *b, size_t c, size_t z, size_t t)
{
	return (c * b->sw + z) * b->tw + t;
}

/* What an item adds to a chain, as a function of the multipliers: a talk
 * minute costs lambda, a counting networking minute earns mu, a lunch
 * item nu. */
static void
item_coef(const struct pp_item *it, struct coef *c)
{
	c->score = it->score;
	c->tmin = it->cls == PP_CLASS_TALK ? -it->minutes : 0;
	c->net = it->cls != PP_CLASS_TALK && it->counts ? it->minutes : 0;
	c->lunch = it->lunch || it->src == PP_ITEM_LUNCH;
}

/* dst[t] = max(dst[t], v + src[t]) for t < n. */
static void
max_row(int64_t *dst, const int64_t *src, size_t n, int64_t v)
{
	size_t t;

	for (t = 0; t < n; t++) {
		int64_t x = v + src[t];

		dst[t] = x > dst[t] ? x : dst[t];
	}
}

/*
 * Item j taken first, worth v with the chain after it (src: its row of
 * h), in every cell of dst where it fits: a talk uses one of the talks
 * left, one more of the streak and its units of the minutes left (where
 * those are cells; it fits where there are enough); counting networking
 * ends the streak; other items leave the cell as it is.  Cells are
 * visited in runs that are contiguous in both rows.
 */
static void
take_row(const struct setup *s, size_t j, int64_t v, const int64_t *src,
    int64_t *dst)
{
	const struct bounds *b = &s->b;
	const struct pp_item *it = &s->d->items[j];
	size_t sw = b->sw, tw = b->tw, slab = sw * tw, c, z, t;

	if (it->cls == PP_CLASS_TALK) {
		size_t dc = b->width > 1, dz = sw > 1,
		       q = tw > 1 ? (size_t)(it->minutes / b->gran) : 0;

		if (q >= tw)
			return;
		if (q == 0 && dz == 0) /* one run: every c >= dc */
			max_row(&dst[dc * slab], src, (b->width - dc) * slab,
			    v);
		else if (q == 0) /* a run per c: z < sw - 1, every t */
			for (c = dc; c < b->width; c++)
				max_row(&dst[c * slab],
				    &src[(c - dc) * slab + tw], (sw - 1) * tw,
				    v);
		else
			for (c = dc; c < b->width; c++)
				for (z = 0; z + dz < sw; z++)
					max_row(&dst[c * slab + z * tw + q],
					    &src[(c - dc) * slab +
					        (z + dz) * tw],
					    tw - q, v);
	} else if (it->counts && sw > 1) {
		for (c = 0; c < b->width; c++)
			for (t = 0; t < tw; t++) {
				int64_t x = v + src[c * slab + t];

				for (z = 0; z < sw; z++) {
					int64_t *d =
					    &dst[c * slab + z * tw + t];

					*d = x > *d ? x : *d;
				}
			}
	} else
		max_row(dst, src, b->cell, v);
}

static void
bound_table(struct setup *s, const struct mult *mu, int64_t *g, int64_t *h)
{
	const struct bounds *b = &s->b;
	const unsigned char *forb = s->forbidden;
	size_t cell = b->cell, n = s->n, i, w;
	int64_t *val = s->tval;

	for (i = 0; i < n; i++) {
		const struct coef *k = &s->coef[i];

		val[i] = k->score + mu->lambda * k->tmin + mu->mu * k->net +
		    mu->nu * k->lunch;
	}
	/* Every chain is worth at least the empty one (0), so no cell is
	 * ever without one, and an item that cannot be taken is skipped.
	 * The items in i's window start after i does: their rows are done. */
	if (cell == 1) {
		g[n] = 0;
		for (i = n; i-- > 0;) {
			int64_t best = g[s->nrc[i]], v;

			for (w = s->win_off[i]; w < s->win_off[i + 1]; w++) {
				size_t j = s->win[w];

				if (!forb[j] && (v = val[j] + h[j]) > best)
					best = v;
			}
			h[i] = best;
			best = g[i + 1];
			if (!forb[i] && (v = val[i] + h[i]) > best)
				best = v;
			g[i] = best;
		}
		return;
	}
	for (i = 0; i < cell; i++)
		g[n * cell + i] = 0;
	for (i = n; i-- > 0;) {
		int64_t *hr = &h[i * cell], *gr = &g[i * cell];

		memcpy(hr, &g[s->nrc[i] * cell], cell * sizeof(*hr));
		for (w = s->win_off[i]; w < s->win_off[i + 1]; w++) {
			size_t j = s->win[w];

			if (!forb[j])
				take_row(s, j, val[j], &h[j * cell], hr);
		}
		memcpy(gr, &g[(i + 1) * cell], cell * sizeof(*gr));
		if (!forb[i])
			take_row(s, i, val[i], hr, gr);
	}
}

/* What a label still needs, for the multipliers to take back. */
struct owed {
	unsigned talks, tmin, streak; /* used */
	long net;                     /* networking minutes still needed */
	int lunch;                    /* lunch still needed */
};

/* The least bound over the multiplier sets of a label in table t (g: from
 * index i on; h: after item i). */
static int64_t
bound_of(const struct setup *s, int64_t *const *t, size_t i,
    const struct owed *o)
{
	const struct bounds *b = &s->b;
	int64_t best = INT64_MAX,
	        left = s->cap_tmin ? (int64_t)s->max_tmin - o->tmin : 0;
	size_t units = b->tw > 1 ? (size_t)(left / b->gran) : 0;
	size_t x = i * b->cell +
	    cell_of(b, b->width > 1 ? b->width - 1 - o->talks : 0,
	        b->sw > 1 ? o->streak : 0, units < b->tw ? units : b->tw - 1);
	int l;

	for (l = 0; l < b->nl; l++) {
		const struct mult *mu = &b->mult[l];
		int64_t v = t[l][x] + mu->lambda * left - mu->mu * o->net -
		    (o->lunch ? mu->nu : 0);

		if (v < best)
			best = v;
	}
	return best;
}

/* After item k (a label that ends with it): the minutes of an unfinished
 * hallway run count towards the networking it needs, since they count
 * when the run goes on to the block. */
static int64_t
bound_after(const struct setup *s, size_t k, const struct state *st)
{
	struct owed o;
	long have = (long)st->net + (st->need > 0 ? s->min_run - st->need : 0);

	o.talks = st->talks;
	o.tmin = st->tmin;
	o.streak = st->streak;
	o.net = have < (long)s->min_net ? (long)s->min_net - have : 0;
	o.lunch = s->need_lunch && !st->lunch;
	return bound_of(s, s->b.h, k, &o);
}

/* From item index i on (a frontier label, when item i is next: its
 * hallway run, if any, has ended). */
static int64_t
bound_from(const struct setup *s, size_t i, uint64_t key)
{
	struct owed o;
	long have = (long)K_NET(key);

	o.talks = K_TALKS(key);
	o.tmin = K_TMIN(key);
	o.streak = K_STREAK(key);
	o.net = have < (long)s->min_net ? (long)s->min_net - have : 0;
	o.lunch = s->need_lunch && !K_LUNCH(key);
	return bound_of(s, s->b.g, i, &o);
}

static long
gcd(long a, long b)
{
	while (b != 0) {
		long r = a % b;

		a = b;
		b = r;
	}
	return a;
}

/* The unit of talk minutes in the tables: the largest that divides every
 * talk's minutes, so that the units count them exactly (a coarser unit
 * would count short talks as much shorter than they are). */
static long
minute_unit(const struct setup *s)
{
	long g = 0;
	size_t k;

	for (k = 0; k < s->n; k++)
		if (s->d->items[k].cls == PP_CLASS_TALK)
			g = gcd(s->d->items[k].minutes, g);
	return g > 0 ? g : 1;
}

/* The multiplier descent's scratch tables (of one cell) and the root's
 * bounds it has computed, by multiplier set. */
struct descent {
	int64_t *tg, *th;
	struct mult *at;
	int64_t *bound;
	size_t n, cap, vcap;
};

/* The root's bound for multipliers mu (a table built once per set). */
static int64_t
root_bound(struct setup *s, const struct mult *mu, struct descent *dc)
{
	const struct bounds *b = &s->b;
	int64_t v;
	size_t i;

	for (i = 0; i < dc->n; i++)
		if (dc->at[i].lambda == mu->lambda && dc->at[i].mu == mu->mu &&
		    dc->at[i].nu == mu->nu)
			return dc->bound[i];
	bound_table(s, mu, dc->tg, dc->th);
	v = dc->tg[cell_of(b, b->width - 1, 0, b->tw - 1)] -
	    mu->mu * (int64_t)s->min_net - (s->need_lunch ? mu->nu : 0);
	if (s->cap_tmin)
		v += mu->lambda * s->max_tmin;
	dc->at = pp_xgrowarray(dc->at, &dc->cap, dc->n + 1, sizeof(*dc->at));
	dc->bound =
	    pp_xgrowarray(dc->bound, &dc->vcap, dc->n + 1, sizeof(*dc->bound));
	dc->at[dc->n] = *mu;
	dc->bound[dc->n++] = v;
	return v;
}

/* The multiplier *x (>= 0) that gives the root its least bound, the
 * others fixed: the bound is convex in it, so double until it rises,
 * then narrow in (a few dozen tables). */
static void
descend(struct setup *s, struct mult *mu, int64_t *x, struct descent *dc)
{
	int64_t lo = 0, hi = 1, best, v, at;

	*x = 0;
	best = root_bound(s, mu, dc);
	at = 0;
	while (hi < ((int64_t)1 << 40)) {
		*x = hi;
		v = root_bound(s, mu, dc);
		if (v >= best)
			break;
		best = v;
		at = hi;
		lo = hi;
		hi *= 2;
	}
	lo = lo / 2;
	while (hi - lo > 2) {
		int64_t m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3, v1;

		*x = m1;
		v1 = root_bound(s, mu, dc);
		*x = m2;
		if (v1 <= root_bound(s, mu, dc))
			hi = m2;
		else
			lo = m1;
	}
	for (v = lo; v <= hi; v++) {
		int64_t r;

		*x = v;
		r = root_bound(s, mu, dc);
		if (r < best) {
			best = r;
			at = v;
		}
	}
	*x = at;
}

static void bounds_build(struct setup *s, size_t width, size_t sw, size_t tw);

/*
 * Chooses the bound tables' cells and multipliers: the talk minutes left
 * (when a unit that counts them exactly needs at most MINUTE_UNITS
 * units), the talks left and the streak as cells when their caps bind and
 * the tables stay small (dropped in the order streak, talks, minutes when
 * they would not).  The multipliers are chosen on small tables (one cell)
 * by descending on each in turn (a second round when mu or nu moved):
 * where the root's bound is least.  Tables with the cells chosen are
 * built at once when they cost fewer than CHEAP_TABLES labels to build;
 * else the tables have one cell and b->coarse is that cost, until
 * bounds_refine builds them.
 */
static void
bounds_init(struct setup *s)
{
	struct bounds *b = &s->b;
	size_t width, sw, tw, k;
	struct mult mu;
	struct descent dc;
	int round;

	for (k = 0; k < s->n; k++)
		item_coef(&s->d->items[k], &s->coef[k]);
	width = s->cap_talks ? s->max_talks + 1 : 1;
	sw = s->cap_streak ? s->max_streak + 1 : 1;
	b->gran = s->cap_tmin ? minute_unit(s) : 1;
	tw = s->cap_tmin ? (size_t)(s->max_tmin / (unsigned long)b->gran) + 1
	                 : 1;
	if (tw > MINUTE_UNITS ||
	    (s->n + 1) * width * sw * tw > BOUND_CELLS / MINUTE_SHARE)
		tw = 1;
	/* The multipliers, on tables of one cell. */
	memset(&mu, 0, sizeof(mu));
	b->width = b->sw = b->tw = b->cell = 1;
	memset(&dc, 0, sizeof(dc));
	dc.tg = pp_xcalloc(s->n + 1, sizeof(int64_t));
	dc.th = pp_xcalloc(s->n + 1, sizeof(int64_t));
	for (round = 0; round < 2; round++) {
		struct mult was = mu;

		if (s->cap_tmin)
			descend(s, &mu, &mu.lambda, &dc);
		if (s->min_net > 0)
			descend(s, &mu, &mu.mu, &dc);
		if (s->need_lunch)
			descend(s, &mu, &mu.nu, &dc);
		/* Another round only when another multiplier moved. */
		if (mu.mu == was.mu && mu.nu == was.nu)
			break;
	}
	free(dc.tg);
	free(dc.th);
	free(dc.at);
	free(dc.bound);
	/* The cells that fit. */
	if ((s->n + 1) * width * sw * tw > BOUND_CELLS)
		sw = 1;
	if ((s->n + 1) * width * sw * tw > BOUND_CELLS)
		width = 1;
	if ((s->n + 1) * width * sw * tw > BOUND_CELLS) {
		tw = 1;
		width = s->cap_talks ? s->max_talks + 1 : 1;
		sw = s->cap_streak ? s->max_streak + 1 : 1;
		if ((s->n + 1) * width * sw > BOUND_CELLS)
			sw = 1;
		if ((s->n + 1) * width * sw > BOUND_CELLS)
			width = 1;
	}
	b->mu = mu;
	b->want[0] = width;
	b->want[1] = sw;
	b->want[2] = tw;
	/* Each of (at most NLAMBDA) tables tries, per cell, every item and
	 * every item in its room-change window. */
	b->coarse = width * sw * tw == 1 ? 0
	                                 : 1 +
	        width * sw * tw * (s->n + s->win_off[s->n]) * NLAMBDA /
	            TABLE_TRIES_PER_LABEL;
	if (b->coarse <= CHEAP_TABLES) {
		b->coarse = 0;
		bounds_build(s, width, sw, tw);
	} else
		bounds_build(s, 1, 1, 1);
}

/*
 * Builds the tables with the given cells for the multipliers chosen and,
 * as memory allows, for them without lambda (where the cells count the
 * minutes or the talks) and without mu and nu (for labels that need no
 * more networking or lunch); a label's bound is the least.
 */
static void
bounds_build(struct setup *s, size_t width, size_t sw, size_t tw)
{
	struct bounds *b = &s->b;
	const struct mult mu = b->mu;
	size_t cells;
	int l;

	for (l = 0; l < b->nl; l++) {
		free(b->g[l]);
		free(b->h[l]);
	}
	b->width = width;
	b->sw = sw;
	b->tw = tw;
	b->cell = width * sw * tw;
	cells = (s->n + 1) * b->cell;
	b->nl = 0;
	b->mult[b->nl++] = mu;
	if (mu.lambda != 0 && (tw > 1 || width > 1) &&
	    cells * (size_t)(b->nl + 1) <= BOUND_CELLS) {
		b->mult[b->nl] = mu;
		b->mult[b->nl++].lambda = 0;
	}
	if ((mu.mu != 0 || mu.nu != 0) &&
	    cells * (size_t)(b->nl + 1) <= BOUND_CELLS) {
		b->mult[b->nl] = mu;
		b->mult[b->nl].mu = b->mult[b->nl].nu = 0;
		b->nl++;
	}
	for (l = 0; l < b->nl; l++) {
		/* bound_table writes every row of g and the rows of h that
		 * are read (items 0..n-1). */
		b->g[l] = pp_xreallocarray(NULL, cells, sizeof(int64_t));
		b->h[l] = pp_xreallocarray(NULL, cells, sizeof(int64_t));
		bound_table(s, &b->mult[l], b->g[l], b->h[l]);
	}
}

/* The tables with the cells chosen. */
static void
bounds_refine(struct setup *s)
{
	s->b.coarse = 0;
	bounds_build(s, s->b.want[0], s->b.want[1], s->b.want[2]);
}

/* ---- labels: the item map ---- */

/* An open-addressing map from state key to a label index. */
struct lmap {
	uint64_t *keys;
	int32_t *vals; /* -1 = empty slot */
	size_t cap, n;
	int32_t *list; /* the label indices, for iteration */
	size_t nlist, listcap;
};

static uint64_t
hash64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static void
lmap_clear(struct lmap *mp)
{
	size_t i;

	for (i = 0; i < mp->cap; i++)
		mp->vals[i] = -1;
	mp->n = 0;
	mp->nlist = 0;
}

/* Slot of key, or of the empty slot where it would go. */
static size_t
lmap_slot(const struct lmap *mp, uint64_t key)
{
	size_t i = (size_t)hash64(key) & (mp->cap - 1);

	while (mp->vals[i] >= 0 && mp->keys[i] != key)
		i = (i + 1) & (mp->cap - 1);
	return i;
}

/*
 * Empties the map in time proportional to its entries, not its capacity
 * (the map is emptied once per item and stays large after a busy item).
 * Entries are removed newest first: the probe path of an entry runs only
 * through entries that were there before it, so it is intact when the
 * entry is looked up.
 */
static void
lmap_clear_entries(struct lmap *mp, const struct label *pool)
{
	size_t j;

	if (mp->n * 4 >= mp->cap) {
		lmap_clear(mp);
		return;
	}
	for (j = mp->nlist; j-- > 0;)
		mp->vals[lmap_slot(mp, pool[mp->list[j]].key)] = -1;
	mp->n = 0;
	mp->nlist = 0;
}

static void
lmap_fini(struct lmap *mp)
{
	free(mp->keys);
	free(mp->vals);
	free(mp->list);
	memset(mp, 0, sizeof(*mp));
}

static void
lmap_insert(struct lmap *mp, uint64_t key, int32_t li)
{
	size_t i = lmap_slot(mp, key);

	mp->keys[i] = key;
	mp->vals[i] = (int32_t)mp->nlist;
	mp->list = pp_xgrowarray(mp->list, &mp->listcap, mp->nlist + 1,
	    sizeof(*mp->list));
	mp->list[mp->nlist++] = li;
	mp->n++;
}

static void
lmap_resize(struct lmap *mp, const struct label *pool, size_t cap)
{
	size_t i, nlist = mp->nlist;
	int32_t *old = pp_xcalloc(nlist + 1, sizeof(*old));

	if (nlist > 0)
		memcpy(old, mp->list, nlist * sizeof(*old));
	free(mp->keys);
	free(mp->vals);
	mp->keys = pp_xcalloc(cap, sizeof(*mp->keys));
	mp->vals = pp_xcalloc(cap, sizeof(*mp->vals));
	mp->cap = cap;
	lmap_clear(mp);
	for (i = 0; i < nlist; i++)
		lmap_insert(mp, pool[old[i]].key, old[i]);
	free(old);
}

/* ---- the frontier ---- */

/*
 * The labels of the items that ended at least the room-change time before
 * the item being extended, so that each may precede it and every later
 * item, in buckets by class, visited in the order of their class (so that
 * the order of the search does not depend on which labels a bound
 * dropped).  The resources are packed so that "a is at least as good as b
 * in every one" is a single SWAR comparison.
 */
struct fent {
	uint64_t res; /* resources, lower is better (res_of) */
	int64_t value;
	int32_t li; /* label index */
};

struct bucket {
	uint64_t cls;
	struct fent *e;
	size_t n, cap;
};

struct front {
	struct bucket *b;
	size_t nb, bcap;
	size_t *order; /* bucket indices by class */
	size_t ordercap;
	int32_t *slot; /* open addressing: class -> bucket, -1 = empty */
	uint64_t *skey;
	size_t scap;
	size_t n; /* labels in all buckets */
};

/*
 * Resource fields, each followed by a guard bit: talks (8 bits), talk
 * minutes (11), streak (8), networking minutes still missing (11), one
 * bit per criterion, open-space slots still missing (2) and expo segments
 * still missing (2).
 */
#define RES_GUARDS                                                             \
	((1ULL << 8) | (1ULL << 20) | (1ULL << 29) | (1ULL << 41) |            \
	    (1ULL << 43) | (1ULL << 45) | (1ULL << 47) | (1ULL << 49) |        \
	    (1ULL << 52) | (1ULL << 55))

static uint64_t
res_of(const struct setup *s, uint64_t key)
{
	uint64_t r = (uint64_t)K_TALKS(key) | (uint64_t)K_TMIN(key) << 9 |
	    (uint64_t)K_STREAK(key) << 21 |
	    (uint64_t)(s->min_net - K_NET(key)) << 30 |
	    (uint64_t)(s->min_open - K_OPEN(key)) << 50 |
	    (uint64_t)(s->min_expo - K_EXPO(key)) << 53;
	unsigned mask = K_MASK(key), c;

	if (s->mask_res > 0)
		mask = ~mask; /* a criterion not covered is worse */
	if (s->mask_res != 0)
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (mask & (1u << c))
				r |= 1ULL << (42 + 2 * c);
	return r;
}

/* 1 if every resource of a is at most that of b: the guard bit above each
 * field survives b - a exactly when that field of a is not greater. */
static int
res_leq(uint64_t a, uint64_t b)
{
	return (((b | RES_GUARDS) - a) & RES_GUARDS) == RES_GUARDS;
}

static struct bucket *
front_bucket(struct front *f, uint64_t cls)
{
	size_t i, j;

	if ((f->nb + 1) * 2 > f->scap) {
		size_t cap = f->scap < 16 ? 16 : f->scap * 2;

		free(f->slot);
		free(f->skey);
		f->slot = pp_xcalloc(cap, sizeof(*f->slot));
		f->skey = pp_xcalloc(cap, sizeof(*f->skey));
		f->scap = cap;
		for (i = 0; i < cap; i++)
			f->slot[i] = -1;
		for (j = 0; j < f->nb; j++) {
			i = (size_t)hash64(f->b[j].cls) & (cap - 1);
			while (f->slot[i] >= 0)
				i = (i + 1) & (cap - 1);
			f->slot[i] = (int32_t)j;
			f->skey[i] = f->b[j].cls;
		}
	}
	i = (size_t)hash64(cls) & (f->scap - 1);
	while (f->slot[i] >= 0 && f->skey[i] != cls)
		i = (i + 1) & (f->scap - 1);
	if (f->slot[i] < 0) {
		f->b = pp_xgrowarray(f->b, &f->bcap, f->nb + 1, sizeof(*f->b));
		memset(&f->b[f->nb], 0, sizeof(f->b[f->nb]));
		f->b[f->nb].cls = cls;
		f->slot[i] = (int32_t)f->nb;
		f->skey[i] = cls;
		/* Keep the visiting order sorted by class. */
		f->order = pp_xgrowarray(f->order, &f->ordercap, f->nb + 1,
		    sizeof(*f->order));
		for (j = f->nb; j > 0 && f->b[f->order[j - 1]].cls > cls; j--)
			f->order[j] = f->order[j - 1];
		f->order[j] = f->nb;
		f->nb++;
	}
	return &f->b[f->slot[i]];
}

static void
front_fini(struct front *f)
{
	size_t i;

	for (i = 0; i < f->nb; i++)
		free(f->b[i].e);
	free(f->b);
	free(f->order);
	free(f->slot);
	free(f->skey);
	memset(f, 0, sizeof(*f));
}

/* ---- one search ---- */

struct day_result {
	int feasible[NMASK];
	int64_t value[NMASK];
	size_t *items[NMASK]; /* chosen item indices, time order */
	size_t nitems[NMASK];
};

static void
day_result_fini(struct day_result *r)
{
	unsigned i;

	for (i = 0; i < NMASK; i++)
		free(r->items[i]);
	memset(r, 0, sizeof(*r));
}

/* A label of one item, for the item's own dominance filter. */
struct cand {
	uint64_t cls, res;
	int64_t value;
	size_t pend; /* the room change owed (pending_room) */
	int32_t li;
};

struct search {
	const struct setup *s;
	int values;    /* 1: optimise; 0: any feasible plan */
	size_t beam;   /* > 0: keep at most this many labels an item (the
	                  best by value and bound): a heuristic search */
	int64_t theta; /* bound threshold, INT64_MIN for none */
	const int64_t *theta_of; /* NULL, or the threshold by the criteria
	                            a label's plan may cover (ref_theta) */
	struct label *pool;
	size_t npool, poolcap;
	size_t *lo, *hi; /* each item's labels: pool[lo[k]..hi[k]) */
	struct lmap local;
	struct front front;
	size_t max_front;
	struct cand *cand; /* scratch for filter_item */
	size_t candcap;
	struct cand *beamc, *sorttmp; /* scratch for beam_best, sorting */
	size_t beamccap, sorttmpcap;
	int32_t *keep;
	size_t keepcap;
	size_t tries; /* extensions tried, which cost too (TRIES_PER_LABEL) */
	int full;
};

/*
 * Label a dominates label b (same class) when every resource is at least
 * as good and, searching for the best plan, it is worth at least as much;
 * searching for any feasible plan, value decides only between equal
 * resources.  Among equals the label already kept wins.
 */
static int
dominates(const struct search *w, const struct fent *a, uint64_t bres,
    int64_t bval)
{
	if (!res_leq(a->res, bres))
		return 0;
	return w->values ? a->value >= bval
	                 : a->res != bres || a->value >= bval;
}

/* Offers label li to the frontier: dropped if a kept label dominates it,
 * else kept, and the kept labels it dominates dropped (order kept). */
static void
front_put(struct search *w, int32_t li)
{
	const struct label *l = &w->pool[li];
	struct bucket *b = front_bucket(&w->front, l->key & CLASS_MASK);
	struct fent e;
	size_t i, j;

	e.res = res_of(w->s, l->key);
	e.value = l->value;
	e.li = li;
	for (i = 0; i < b->n; i++)
		if (dominates(w, &b->e[i], e.res, e.value))
			return;
	for (i = j = 0; i < b->n; i++)
		if (!dominates(w, &e, b->e[i].res, b->e[i].value))
			b->e[j++] = b->e[i];
	w->front.n -= b->n - j;
	b->n = j;
	b->e = pp_xgrowarray(b->e, &b->cap, b->n + 1, sizeof(*b->e));
	b->e[b->n++] = e;
	w->front.n++;
}

/* The threshold for a label with criteria mask whose next item may be
 * item i or later. */
static int64_t
theta_for(const struct search *w, unsigned mask, size_t i)
{
	if (w->theta_of == NULL)
		return w->theta;
	return w
	    ->theta_of[w->s->mask_res > 0 ? mask | w->s->crit_after[i] : mask];
}

/* What the search has spent of the day's budget: its labels, and its
 * extensions tried at TRIES_PER_LABEL a label. */
static size_t
spent(const struct search *w)
{
	return w->npool + w->tries / TRIES_PER_LABEL;
}

static int32_t
new_label(struct search *w, int64_t value, uint64_t key, int32_t prev,
    int32_t item)
{
	struct label *l;

	if (spent(w) >= *w->s->budget) {
		w->full = 1;
		return -1;
	}
	w->pool =
	    pp_xgrowarray(w->pool, &w->poolcap, w->npool + 1, sizeof(*w->pool));
	l = &w->pool[w->npool];
	l->value = value;
	l->key = key;
	l->prev = prev;
	l->item = item;
	l->room = item >= 0 && w->s->d->items[item].nrooms > 0 ? item
	    : prev >= 0 ? w->pool[prev].room
	                : -1;
	return (int32_t)w->npool++;
}

static unsigned
add_sat(unsigned a, long b, unsigned limit)
{
	unsigned long x = (unsigned long)a + (unsigned long)(b > 0 ? b : 0);

	return x > limit ? limit : (unsigned)x;
}

/*
 * The state after item k follows state st (cont: k continues the hallway
 * run st ends with); returns -1 when a rule forbids it or nothing feasible
 * can follow.
 */
static int
step(const struct search *w, struct state *st, size_t k, int cont)
{
	const struct setup *s = w->s;
	const struct pp_item *it = &s->d->items[k];
	size_t nx = s->nxt[k];
	unsigned need = st->need;

	st->need = 0; /* any item but the run's next segment ends the run */
	if (it->cls == PP_CLASS_TALK) {
		if (s->cap_talks && ++st->talks > s->max_talks)
			return -1;
		if (s->cap_tmin) {
			if (it->minutes > (long)(s->max_tmin - st->tmin))
				return -1;
			st->tmin += (unsigned)it->minutes;
		}
		if (s->cap_streak && ++st->streak > s->max_streak)
			return -1;
		if (w->values && s->mask_res != 0)
			st->mask |= it->crit;
	} else if (it->src == PP_ITEM_HALLWAY) {
		/* A run counts once it reaches min-networking-block: then
		 * all its minutes count and it ends the streak; until then it
		 * is free time, worth its value only. */
		unsigned long run = (unsigned long)it->minutes;

		if (cont && need == 0) { /* the run counts already */
			st->streak = 0;
			st->net = add_sat(st->net, it->minutes, s->min_net);
		} else {
			if (cont)
				run += s->min_run - need;
			if (run >= s->min_run) {
				st->streak = 0;
				st->net =
				    add_sat(st->net, (long)run, s->min_net);
			} else
				st->need = s->min_run - (unsigned)run;
		}
	} else if (it->counts) {
		st->streak = 0;
		st->net = add_sat(st->net, it->minutes, s->min_net);
	}
	/* A free lunch block only where no other lunch is planned: at most
	 * one a day, and never beside a meal that already is lunch. */
	if (it->src == PP_ITEM_LUNCH) {
		if (st->syn || st->lunch)
			return -1;
		st->syn = st->lunch = 1;
	} else if (it->lunch) {
		if (st->syn)
			return -1;
		st->lunch = 1;
	}
	st->must += s->must[k];
	/* Open-space slots and expo segments count up to what the day
	 * needs; a label that can no longer reach it is dropped. */
	if (it->open && st->open < s->min_open)
		st->open++;
	st->expo = add_sat(st->expo, it->expo, s->min_expo);
	if (st->open + s->openmax[nx] < s->min_open ||
	    st->expo + s->expomax[nx] < s->min_expo)
		return -1;
	/* An unfinished run adds its minutes so far when it goes on to
	 * count (netmax counts every later segment in full). */
	if (st->net < s->min_net &&
	    st->net + (unsigned long)s->netmax[nx] +
	            (st->need > 0 ? s->min_run - st->need : 0) <
	        s->min_net)
		return -1;
	if (s->need_lunch && !st->lunch && !s->lunch_after[nx])
		return -1;
	return 0;
}

/*
 * The last item with rooms of label li's plan when it ends less than the
 * room-change time before after (an item the plan may not be followed by
 * in another room yet), else PP_ITEM_NONE.  Items without rooms (hallway,
 * free lunch, roomless events) do not end the room-change time.
 */
static size_t
pending_room(const struct search *w, int32_t li, int64_t after)
{
	int32_t r = li >= 0 ? w->pool[li].room : -1;

	if (r < 0 || w->s->d->items[r].end + w->s->m->room_change <= after)
		return PP_ITEM_NONE;
	return (size_t)r;
}

/* 1 if label li, ending with an item without rooms, may not be followed by
 * item k for a room change it still owes. */
static int
owes_room_change(const struct search *w, int32_t li, size_t k)
{
	const struct pp_model_day *d = w->s->d;
	const struct pp_item *it = &d->items[k];
	size_t r;

	if (it->nrooms == 0 || w->pool[li].item < 0 ||
	    d->items[w->pool[li].item].nrooms > 0)
		return 0;
	r = pending_room(w, li, it->start);
	return r != PP_ITEM_NONE && pp_item_room_change(&d->items[r], it);
}

/* Extends label li by item k into the item map.  Labels of an item
 * without rooms that owe different room changes have different
 * completions: they are not merged. */
static void
extend(struct search *w, int32_t li, size_t k, int cont)
{
	const struct setup *s = w->s;
	const struct pp_item *kit = &s->d->items[k];
	struct state st;
	uint64_t key;
	int64_t value;
	size_t i;
	int32_t nl;

	w->tries++;
	unpack(w->pool[li].key, &st);
	if (st.must != s->must_before[k] || owes_room_change(w, li, k) ||
	    step(w, &st, k, cont) != 0)
		return;
	value = w->pool[li].value + s->d->items[k].score;
	if (w->values && w->theta != INT64_MIN) {
		int64_t b = bound_after(s, k, &st);

		if (value + b < theta_for(w, st.mask, k + 1))
			return;
	}
	key = pack(&st);
	if ((w->local.n + 1) * 2 > w->local.cap)
		lmap_resize(&w->local, w->pool,
		    w->local.cap < 64 ? 64 : w->local.cap * 2);
	i = lmap_slot(&w->local, key);
	if (w->local.vals[i] >= 0) {
		struct label *old = &w->pool[w->local.list[w->local.vals[i]]];

		if (kit->nrooms == 0 &&
		    pending_room(w, li, kit->end) !=
		        pending_room(w, old->prev, kit->end)) {
			new_label(w, value, key, li, (int32_t)k);
			return;
		}
		if (value > old->value) {
			old->value = value;
			old->prev = li;
			old->room =
			    kit->nrooms > 0 ? (int32_t)k : w->pool[li].room;
		}
		return;
	}
	nl = new_label(w, value, key, li, (int32_t)k);
	if (nl >= 0)
		lmap_insert(&w->local, key, nl);
}

/* Moves item j's labels to the frontier (a short hallway run that ends
 * there ends as free time, its state as it was before the run). */
static void
absorb(struct search *w, size_t j)
{
	size_t l;

	for (l = w->lo[j]; l < w->hi[j]; l++)
		front_put(w, (int32_t)l);
	if (w->front.n > w->max_front)
		w->max_front = w->front.n;
}

/* Drops frontier labels that missed a must-see item: they are dead.  The
 * must-see count is part of the class, so whole buckets go. */
static void
compact_front(struct search *w, size_t req)
{
	size_t i;

	for (i = 0; i < w->front.nb; i++) {
		struct bucket *b = &w->front.b[i];

		if (K_MUST(b->cls) < req) {
			w->front.n -= b->n;
			b->n = 0;
		}
	}
}

/* Extends the frontier labels of the required class by item k, dropping
 * those whose bound from k on has fallen below the threshold. */
static void
extend_front(struct search *w, size_t k, size_t req, size_t prevseg)
{
	const struct setup *s = w->s;
	int prune = w->values && w->theta != INT64_MIN;
	size_t o, i, j;

	for (o = 0; o < w->front.nb; o++) {
		struct bucket *bk = &w->front.b[w->front.order[o]];

		if (bk->n == 0 || K_MUST(bk->cls) != req)
			continue;
		for (i = j = 0; i < bk->n; i++) {
			struct fent e = bk->e[i];
			uint64_t key = w->pool[e.li].key;

			if (prune) {
				int64_t v = e.value + bound_from(s, k, key);

				w->tries++;
				if (v < theta_for(w, K_MASK(key), k))
					continue;
			}
			bk->e[j++] = e;
			if ((size_t)w->pool[e.li].item != prevseg ||
			    prevseg == PP_ITEM_NONE)
				extend(w, e.li, k, 0);
		}
		w->front.n -= bk->n - j;
		bk->n = j;
	}
}

/* The best final label per criteria mask: every must-see item planned,
 * lunch, networking met. */
static int
collect(struct search *w, struct day_result *r)
{
	const struct setup *s = w->s;
	int32_t best[NMASK];
	unsigned mask;
	size_t o, i;
	int any = 0;

	for (mask = 0; mask < NMASK; mask++)
		best[mask] = -1;
	for (o = 0; o < w->front.nb; o++) {
		const struct bucket *bk = &w->front.b[w->front.order[o]];

		for (i = 0; i < bk->n; i++) {
			int32_t li = bk->e[i].li;
			uint64_t key = w->pool[li].key;

			if (K_MUST(key) != s->nmust ||
			    (s->need_lunch && !K_LUNCH(key)) ||
			    K_NET(key) < s->min_net ||
			    K_OPEN(key) < s->min_open ||
			    K_EXPO(key) < s->min_expo)
				continue;
			mask = K_MASK(key);
			if (best[mask] < 0 ||
			    w->pool[li].value > w->pool[best[mask]].value)
				best[mask] = li;
		}
	}
	for (mask = 0; mask < NMASK; mask++) {
		int32_t li;
		size_t cnt = 0;

		if (best[mask] < 0)
			continue;
		any = 1;
		if (r == NULL)
			break;
		r->feasible[mask] = 1;
		r->value[mask] = w->pool[best[mask]].value;
		for (li = best[mask]; w->pool[li].item >= 0;
		     li = w->pool[li].prev)
			cnt++;
		r->items[mask] = pp_xcalloc(cnt + 1, sizeof(size_t));
		r->nitems[mask] = cnt;
		for (li = best[mask]; w->pool[li].item >= 0;
		     li = w->pool[li].prev)
			r->items[mask][--cnt] = (size_t)w->pool[li].item;
	}
	return any;
}

/*
 * The orders of an item's labels: by class, room change owed, value
 * (highest first) and index (filter_item); by value, which holds value
 * plus bound there, and index (beam_best).  Both are total (the index
 * decides), so any sort gives the same order.
 */
static int
cand_before(const struct cand *x, const struct cand *y, int by_value)
{
	if (!by_value) {
		if (x->cls != y->cls)
			return x->cls < y->cls;
		if (x->pend != y->pend)
			return x->pend < y->pend;
	}
	if (x->value != y->value)
		return x->value > y->value;
	return x->li < y->li;
}

/* Sorts v[0..n) by cand_before: a merge sort through tmp (n / 2
 * entries), by insertion on short runs. */
static void
sort_cands(struct cand *v, size_t n, struct cand *tmp, int by_value)
{
	size_t i, j, k, mid = n / 2;

	if (n <= 16) {
		for (i = 1; i < n; i++) {
			struct cand x = v[i];

			for (j = i;
			     j > 0 && cand_before(&x, &v[j - 1], by_value); j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	sort_cands(v, mid, tmp, by_value);
	sort_cands(v + mid, n - mid, tmp, by_value);
	if (!cand_before(&v[mid], &v[mid - 1], by_value))
		return; /* already in order */
	memcpy(tmp, v, mid * sizeof(*v));
	for (i = 0, j = mid, k = 0; i < mid && j < n;)
		v[k++] =
		    cand_before(&v[j], &tmp[i], by_value) ? v[j++] : tmp[i++];
	while (i < mid)
		v[k++] = tmp[i++];
}

/* Sorts n of the search's scratch labels c (w->cand or w->beamc). */
static void
sort_search_cands(struct search *w, struct cand *c, size_t n, int by_value)
{
	w->sorttmp = pp_xgrowarray(w->sorttmp, &w->sorttmpcap, n / 2 + 1,
	    sizeof(*w->sorttmp));
	sort_cands(c, n, w->sorttmp, by_value);
}

/* A heuristic search keeps the beam labels of item k that are worth the
 * most with their bound; returns how many are kept (in w->keep). */
static size_t
beam_best(struct search *w, size_t k, size_t nk)
{
	struct cand *c;
	size_t g, i;

	w->beamc = pp_xgrowarray(w->beamc, &w->beamccap, nk, sizeof(*w->beamc));
	c = w->beamc;
	for (g = 0; g < nk; g++) {
		struct state st;

		c[g] = w->cand[w->keep[g]];
		unpack(w->pool[c[g].li].key, &st);
		c[g].value += bound_after(w->s, k, &st);
		c[g].cls = (uint64_t)w->keep[g];
	}
	sort_search_cands(w, c, nk, 1);
	for (i = 0; i < w->beam; i++)
		w->keep[i] = (int32_t)c[i].cls;
	return w->beam;
}

/*
 * Drops the labels of item k that another label of k dominates (the same
 * class and unfinished hallway run, worth at least as much, at least as
 * good in every resource): labels of one item have the same completions,
 * so this loses nothing, and it keeps the labels that later items extend
 * one by one (room change, hallway runs) few.  The kept labels keep their
 * order.
 */
static void
filter_item(struct search *w, size_t k)
{
	const uint64_t need = ((1ULL << W_NEED) - 1) << S_NEED;
	size_t lo = w->lo[k], n = w->hi[k] - lo, i, j, g, nk;

	if (n < 2)
		return;
	w->cand = pp_xgrowarray(w->cand, &w->candcap, n, sizeof(*w->cand));
	for (i = 0; i < n; i++) {
		const struct label *l = &w->pool[lo + i];

		w->cand[i].cls = l->key & (CLASS_MASK | need);
		w->cand[i].res = res_of(w->s, l->key);
		w->cand[i].value = l->value;
		w->cand[i].pend = w->s->d->items[k].nrooms > 0
		    ? PP_ITEM_NONE
		    : pending_room(w, l->prev, w->s->d->items[k].end);
		w->cand[i].li = (int32_t)(lo + i);
	}
	sort_search_cands(w, w->cand, n, 0);
	/* In each class, by value descending: a label is kept unless one
	 * kept before it (worth at least as much) has resources at least as
	 * good. */
	w->keep = pp_xgrowarray(w->keep, &w->keepcap, n, sizeof(*w->keep));
	for (i = 0, nk = 0; i < n; i = j) {
		size_t first = nk;

		for (j = i; j < n && w->cand[j].cls == w->cand[i].cls &&
		     w->cand[j].pend == w->cand[i].pend;
		     j++) {
			for (g = first; g < nk; g++)
				if (res_leq(w->cand[w->keep[g]].res,
				        w->cand[j].res))
					break;
			if (g == nk)
				w->keep[nk++] = (int32_t)j;
		}
	}
	if (w->beam > 0 && nk > w->beam)
		nk = beam_best(w, k, nk);
	if (nk == n)
		return;
	/* Mark the kept, then compact in pool order. */
	for (g = 0; g < nk; g++)
		w->pool[w->cand[w->keep[g]].li].item = -2;
	for (i = 0, j = 0; i < n; i++)
		if (w->pool[lo + i].item == -2) {
			w->pool[lo + j] = w->pool[lo + i];
			w->pool[lo + j++].item = (int32_t)k;
		}
	w->npool = lo + j;
	w->hi[k] = w->npool;
}

/* The sweep over the day's items in start order. */
static void
sweep(struct search *w)
{
	const struct setup *s = w->s;
	const struct pp_model_day *d = s->d;
	const int64_t rc = s->m->room_change;
	size_t n = s->n, k, q, l, ptr = 0, req_now = 0;

	for (k = 0; k < n && !w->full; k++) {
		const struct pp_item *it = &d->items[k];

		if (spent(w) >= *s->budget) {
			w->full = 1;
			break;
		}
		size_t req = s->must_before[k];
		size_t prevseg =
		    it->src == PP_ITEM_HALLWAY ? it->prev : PP_ITEM_NONE;

		w->lo[k] = w->hi[k] = w->npool;
		if (s->forbidden[k])
			continue;
		while (
		    ptr < n && d->items[s->by_end[ptr]].end + rc <= it->start)
			absorb(w, s->by_end[ptr++]);
		if (req > req_now) {
			compact_front(w, req);
			req_now = req;
		}
		lmap_clear_entries(&w->local, w->pool);
		w->lo[k] = w->npool;
		extend_front(w, k, req, prevseg);
		/* Items that ended less than the room-change time ago can
		 * precede k only when no room change is needed. */
		for (q = ptr; q < n && d->items[s->by_end[q]].end <= it->start;
		     q++) {
			size_t j = s->by_end[q];

			if (j == prevseg ||
			    pp_item_room_change(&d->items[j], it))
				continue;
			for (l = w->lo[j]; l < w->hi[j]; l++)
				extend(w, (int32_t)l, k, 0);
		}
		/* The hallway run goes on from the segment before. */
		if (prevseg != PP_ITEM_NONE)
			for (l = w->lo[prevseg]; l < w->hi[prevseg]; l++)
				extend(w, (int32_t)l, k, 1);
		w->hi[k] = w->npool;
		/* The item map refers to k's labels by index: empty it
		 * before they move. */
		lmap_clear_entries(&w->local, w->pool);
		filter_item(w, k);
	}
	while (!w->full && ptr < n)
		absorb(w, s->by_end[ptr++]);
}

/*
 * One search of the day: with values, for the best plan per criteria mask
 * among those not dropped by the threshold theta; without, for any
 * feasible plan.  Returns 1 if some plan is found (r filled when not
 * NULL), 0 if none, -1 if the day's label budget runs out
 * labels.  *dropped (when not NULL) receives the largest value plus bound
 * dropped, or INT64_MIN.
 */
static int
search(const struct setup *s, int values, int64_t theta,
    const int64_t *theta_of, size_t beam, struct day_result *r,
    struct pp_solve_stats *st)
{
	struct search w;
	struct state root;
	int any;

	memset(&w, 0, sizeof(w));
	w.s = s;
	w.values = values;
	w.theta = theta;
	w.theta_of = theta_of;
	w.beam = beam;
	w.lo = pp_xcalloc(s->n + 1, sizeof(*w.lo));
	w.hi = pp_xcalloc(s->n + 1, sizeof(*w.hi));
	lmap_resize(&w.local, w.pool, 64);
	memset(&root, 0, sizeof(root));
	new_label(&w, 0, pack(&root), -1, -1);
	front_put(&w, 0);
	sweep(&w);
	any = w.full ? -1 : collect(&w, r);
	*s->budget -= spent(&w) < *s->budget ? spent(&w) : *s->budget;
	if (st != NULL) {
		st->labels += w.npool;
		st->searches++;
		if (w.max_front > st->max_front)
			st->max_front = w.max_front;
	}
	front_fini(&w.front);
	lmap_fini(&w.local);
	free(w.cand);
	free(w.beamc);
	free(w.sorttmp);
	free(w.keep);
	free(w.pool);
	free(w.lo);
	free(w.hi);
	return any;
}

/* ---- one day ---- */

static unsigned
popcount(unsigned x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

static int64_t
best_value(const struct day_result *r)
{
	int64_t v = INT64_MIN;
	unsigned mask;

	for (mask = 0; mask < NMASK; mask++)
		if (r->feasible[mask] && r->value[mask] > v)
			v = r->value[mask];
	return v;
}

/*
 * What a search proves: the largest value - S(Q) over the plans Q it
 * found (one per criteria mask), where S(Q) is what the criteria bonus can
 * change when another plan of the day replaces Q: the bonus for each
 * criterion Q leaves uncovered, or, when the bonus is negative, for each
 * one it covers.  Every plan of the day worth less than that is in no
 * optimum over all days.
 */
static int64_t
proven(const struct pp_model *m, const struct day_result *r)
{
	int64_t best = INT64_MIN, bonus = m->crit_bonus;
	unsigned mask;

	for (mask = 0; mask < NMASK; mask++) {
		int64_t v;

		if (!r->feasible[mask])
			continue;
		v = r->value[mask] -
		    (bonus > 0 ? bonus * popcount(m->crit_active & ~mask)
		               : -bonus * popcount(m->crit_active & mask));
		if (v > best)
			best = v;
	}
	return best;
}

/*
 * The thresholds of a search once plans r of the day are known.  A plan P
 * of the day worth less than V(Q) - S(P, Q) for a plan Q of r is in no
 * optimum over all days, where S(P, Q) is what the criteria bonus can
 * lose when Q replaces P: the bonus for each criterion P covers and Q
 * does not (for a negative bonus, for each one Q covers and P does not);
 * exchanging P for Q gains more than that.  th[C] is the largest V(Q) -
 * S(P, Q) over Q for a plan P that covers at most the criteria C (a
 * positive bonus: C is what a label covers and the items it may still
 * add cover) or at least C (a negative bonus: what the label covers), so
 * a label worth less than th[C] with its bound completes to no optimum.
 * Each th[C] is at least proven(r).
 */
static void
ref_theta(const struct pp_model *m, const struct day_result *r, int64_t *th)
{
	int64_t bonus = m->crit_bonus;
	unsigned c, q;

	for (c = 0; c < NMASK; c++) {
		th[c] = INT64_MIN;
		for (q = 0; q < NMASK; q++) {
			int64_t v;

			if (!r->feasible[q])
				continue;
			v = r->value[q];
			if (bonus > 0)
				v -= bonus *
				    (int64_t)popcount(c & ~q & m->crit_active);
			else if (bonus < 0)
				v += bonus *
				    (int64_t)popcount(q & ~c & m->crit_active);
			if (v > th[c])
				th[c] = v;
		}
	}
}

/*
 * The first search: just below the root's bound (by a 64th), on a budget
 * of at most cap labels.  Where the bound is tight, as on real
 * programmes, it proves the optimum (*done = 1).  Returns what search
 * returns.
 */
static int
first_search(struct setup *s, size_t cap, struct day_result *r,
    struct pp_solve_stats *st, int *done)
{
	struct state root_state;
	size_t *budget = s->budget, spec = *budget < cap ? *budget : cap,
	       left = spec;
	int64_t root, target;
	int rc;

	memset(&root_state, 0, sizeof(root_state));
	root = bound_from(s, 0, pack(&root_state));
	target = root - ((root < 0 ? -root : root) / 64 + 1);
	s->budget = &left;
	rc = search(s, 1, target, NULL, 0, r, st);
	s->budget = budget;
	*budget -= spec - left;
	*done = rc > 0 && proven(s->m, r) >= target;
	return rc;
}

/*
 * The threshold schedule at the top, with the bound tables s has: returns
 * 1 if the day is feasible (r holds its best plan per criteria mask), 0 if
 * not, -1 if the search needs more than its budget of labels (*s->budget,
 * which is spent).
 */
static int
day_search(struct setup *s, struct day_result *r, struct pp_solve_stats *st)
{
	const struct pp_model *m = s->m;
	int64_t target, floor, got;
	int rc, done;

	rc = first_search(s, FIRST_LABELS, r, st, &done);
	if (done)
		return rc;
	if (*s->budget == 0)
		return -1;
	/* The floor: what a plan found so far proves, or one found by a
	 * heuristic search (a beam), or else any feasible plan (a search
	 * that ignores values), which also tells an infeasible day. */
	if (rc <= 0) {
		day_result_fini(r);
		rc = search(s, 1, INT64_MIN, NULL, BEAM, r, st);
	}
	if (rc > 0) {
		/* A search against the plans found proves the optimum: a
		 * label it drops completes to plans in no optimum, and the
		 * plans found that no other one of them beats survive. */
		struct day_result ref = *r;
		int64_t th[NMASK], least = INT64_MAX;
		unsigned c;

		ref_theta(m, &ref, th);
		for (c = 0; c < NMASK; c++)
			least = th[c] < least ? th[c] : least;
		memset(r, 0, sizeof(*r));
		rc = search(s, 1, least, th, 0, r, st);
		if (rc != 0) {
			day_result_fini(&ref);
			return rc;
		}
		day_result_fini(r); /* not reached: the floor below */
		*r = ref;
		rc = 1;
		floor = proven(m, r);
	} else if (rc == 0) {
		struct day_result first;
		int64_t bonus =
		    m->crit_bonus < 0 ? -m->crit_bonus : m->crit_bonus;

		memset(&first, 0, sizeof(first));
		rc = search(s, 0, INT64_MIN, NULL, 0, &first, st);
		floor = rc > 0
		    ? best_value(&first) - bonus * popcount(m->crit_active)
		    : 0;
		day_result_fini(&first);
	}
	if (rc <= 0)
		return rc;
	/* Then at the floor, which a search always reaches. */
	target = floor;
	for (;;) {
		day_result_fini(r);
		rc = search(s, 1, target, NULL, 0, r, st);
		if (rc < 0)
			break;
		if (rc > 0) {
			got = proven(m, r);
			if (got >= target)
				break;
			target = got; /* the search finds that plan again */
			continue;
		}
		if (target == floor) {
			/* Not reached: a search at the floor finds its plan. */
			rc = -1;
			break;
		}
		target = floor;
	}
	return rc;
}

/*
 * Solves one day for the best plan per criteria mask.  The bound tables
 * have one cell first, and the day a budget of the labels that building
 * the finer tables is worth: where that bound is enough, as on most real
 * programmes, the finer tables would cost more than the whole search.  A
 * day that needs more is searched again with them.  Returns 1 if
 * feasible, 0 if not, -1 if the day needs more than its budget of labels
 * (*budget, which is spent).
 */
static int
solve_day(const struct pp_model *m, const struct pp_model_day *d,
    const struct pp_item *force, const struct pp_item *pick, unsigned expo,
    struct day_result *r, struct pp_solve_stats *st, size_t *budget)
{
	struct setup s;
	size_t spec, left;
	int rc;

	setup_init(&s, m, d, 0, NULL, force, pick);
	s.min_expo = expo;
	if (s.expomax[0] < expo) { /* the day cannot hold that much expo */
		setup_fini(&s);
		return 0;
	}
	s.budget = budget;
	bounds_init(&s);
	if ((spec = s.b.coarse) > 0) {
		left = spec < *budget ? spec : *budget;
		spec = left;
		s.budget = &left;
		rc = day_search(&s, r, st);
		s.budget = budget;
		*budget -= spec - left;
		if (rc >= 0 || *budget == 0) {
			setup_fini(&s);
			return rc;
		}
		day_result_fini(r);
		bounds_refine(&s);
	}
	rc = day_search(&s, r, st);
	setup_fini(&s);
	return rc;
}

/* 1 if the day has a feasible plan under the relaxations (0 if not, -1 if
 * too big to tell). */
static int
feasible(const struct pp_model *m, const struct pp_model_day *d, unsigned relax,
    const unsigned char *unmust, const struct pp_item *force,
    const struct pp_item *pick, size_t *budget)
{
	struct setup s;
	int rc;

	setup_init(&s, m, d, relax, unmust, force, pick);
	s.budget = budget;
	rc = search(&s, 0, INT64_MIN, NULL, 0, NULL, NULL);
	setup_fini(&s);
	return rc;
}

/* feasible() for some slot of the day's host without a time, or none
 * when R_HOST relaxes it (or the day has none). */
static int
feasible_host(const struct pp_model *m, const struct pp_model_day *d,
    unsigned relax, const unsigned char *unmust, const struct pp_item *force,
    size_t *budget)
{
	size_t k;
	int rc, any = 0;

	for (k = 0; !(relax & R_HOST) && k < d->n; k++) {
		if (!d->items[k].host_any)
			continue;
		any = 1;
		rc = feasible(m, d, relax, unmust, force, &d->items[k], budget);
		if (rc != 0)
			return rc;
	}
	return any ? 0 : feasible(m, d, relax, unmust, force, NULL, budget);
}

/* ---- infeasible days ---- */

/* Appends "'title'" to buf, shortened to keep messages readable. */
static void
append_title(char *buf, size_t size, const char *title)
{
	size_t len = strlen(buf);

	snprintf(buf + len, size - len, "'%.60s%s'", title,
	    strlen(title) > 60 ? "..." : "");
}

static void
family_text(const struct pp_model *m, const struct pp_model_day *d, unsigned f,
    const unsigned char *must, char *buf, size_t size)
{
	const struct pp_rules *r = &m->rules;
	size_t i, shown = 0;

	buf[0] = '\0';
	switch (f) {
	case R_COUNT:
		snprintf(buf, size, "max-talks-per-day=%d", r->max_talks);
		break;
	case R_MINUTES:
		snprintf(buf, size, "max-talk-minutes-per-day=%d",
		    r->max_talk_minutes);
		break;
	case R_STREAK:
		snprintf(buf, size, "max-consecutive-talks=%d", r->max_streak);
		break;
	case R_NET:
		snprintf(buf, size,
		    "min-networking-minutes=%d (in blocks of at least %d min)",
		    r->min_networking, r->min_block);
		break;
	case R_LUNCH:
		snprintf(buf, size, "lunch %02d:%02d-%02d:%02d/%d",
		    r->lunch_from / 60, r->lunch_from % 60, r->lunch_to / 60,
		    r->lunch_to % 60, r->lunch_minutes);
		break;
	case R_OPEN:
		if (d->rules.min_open < (unsigned)m->rules.open_spaces)
			snprintf(buf, size,
			    "open-spaces-per-day=%d (%u fit on the day)",
			    m->rules.open_spaces, d->rules.min_open);
		else
			snprintf(buf, size, "open-spaces-per-day=%d",
			    m->rules.open_spaces);
		break;
	case R_HOST:
		for (i = 0; i < d->n && !d->items[i].host_any; i++)
			;
		snprintf(buf, size, "host '%.60s' (a board slot that day)",
		    i < d->n ? d->items[i].title : "");
		break;
	case R_MUST:
		snprintf(buf, size, "must-see ");
		for (i = 0; i < d->n; i++) {
			if (!must[i])
				continue;
			if (shown == 4) {
				strncat(buf, ", ...", size - strlen(buf) - 1);
				break;
			}
			if (shown++ > 0)
				strncat(buf, ", ", size - strlen(buf) - 1);
			append_title(buf, size, d->items[i].title);
		}
		break;
	default:
		break;
	}
}

/* Two must-see items that cannot both be planned: they overlap, or they
 * are in different rooms too close together.  Returns 1 if reported. */
static int
must_pair(const struct pp_model *m, const struct pp_model_day *d,
    const unsigned char *must, struct pp_diags *ds)
{
	const struct pp_item *prev = NULL;
	char msg[600];
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct pp_item *it = &d->items[i];
		int overlap, close;

		if (!must[i])
			continue;
		overlap = prev != NULL && prev->end > it->start;
		close = prev != NULL && !overlap &&
		    pp_item_room_change(prev, it) &&
		    prev->end + m->room_change > it->start;
		if (overlap || close) {
			msg[0] = '\0';
			append_title(msg, sizeof(msg), prev->title);
			strncat(msg, " and ", sizeof(msg) - strlen(msg) - 1);
			append_title(msg, sizeof(msg), it->title);
			if (overlap)
				pp_diag_err(ds, NULL, 0,
				    "%s: must-see %s overlap", d->date, msg);
			else
				pp_diag_err(ds, NULL, 0,
				    "%s: must-see %s are in different rooms "
				    "less than room-change-minutes=%d apart",
				    d->date, msg, m->rules.room_change);
			return 1;
		}
		prev = it;
	}
	return 0;
}

/* The caps of a day, for the message of a day too big to search. */
static void
too_big(const struct pp_model *m, const struct pp_model_day *d,
    struct pp_diags *ds)
{
	const struct pp_rules *r = &m->rules;
	char caps[3][24];

	snprintf(caps[0], sizeof(caps[0]), r->max_talks < 0 ? "none" : "%d",
	    r->max_talks);
	snprintf(caps[1], sizeof(caps[1]),
	    r->max_talk_minutes < 0 ? "none" : "%d", r->max_talk_minutes);
	snprintf(caps[2], sizeof(caps[2]), r->max_streak < 0 ? "none" : "%d",
	    r->max_streak);
	pp_diag_err(ds, NULL, 0,
	    "%s: too many possible plans (over %zu solver states) for %zu "
	    "candidates with max-talks-per-day=%s, "
	    "max-talk-minutes-per-day=%s, max-consecutive-talks=%s: lower "
	    "the caps, or narrow the day with --days, --day-start or "
	    "--day-end",
	    d->date, PP_SOLVE_MAX_LABELS, d->n, caps[0], caps[1], caps[2]);
}

/* Names the constraints that clash on an infeasible day. */
static void
diagnose_day(const struct pp_model *m, const struct pp_model_day *d,
    const struct pp_item *force, const struct pp_item *pick, size_t *budget,
    struct pp_diags *ds)
{
	/* The order in which families are dropped from a clash: the ones a
	 * user most readily changes stay longest. */
	static const unsigned order[] = {R_STREAK, R_OPEN, R_NET, R_LUNCH,
	    R_COUNT, R_MINUTES, R_HOST, R_MUST};
	const struct pp_day_rules *r = &d->rules;
	unsigned active = 0, culprits, relaxed = 0, f;
	unsigned char *must, *unmust;
	char msg[600], part[300];
	size_t i;
	int rc, big = 0;

	must = pp_xcalloc(d->n + 1, 1);
	for (i = 0; i < d->n; i++)
		must[i] = (unsigned char)must_here(d, i, 0, NULL, force, NULL);
	if (must_pair(m, d, must, ds)) {
		free(must);
		return;
	}
	if (r->max_talks != PP_RULE_OFF)
		active |= R_COUNT;
	if (r->max_talk_minutes != PP_RULE_OFF)
		active |= R_MINUTES;
	if (r->max_streak != PP_RULE_OFF)
		active |= R_STREAK;
	if (r->min_networking > 0)
		active |= R_NET;
	if (r->lunch)
		active |= R_LUNCH;
	if (r->min_open > 0)
		active |= R_OPEN;
	if (pick != NULL)
		active |= R_HOST;
	for (i = 0; i < d->n; i++)
		if (must[i])
			active |= R_MUST;
	/*
	 * A deletion filter finds an irreducible clash: drop each family in
	 * turn while the day stays infeasible without it; the families left
	 * clash, and each of them is needed for the clash.  A family whose
	 * relaxation alone makes the day feasible is in every clash, so it
	 * always stays.  The must-see items of a clash are then filtered
	 * the same way, one by one.
	 */
	for (i = 0; !big && i < sizeof(order) / sizeof(order[0]); i++) {
		if (!(active & order[i]))
			continue;
		rc = feasible_host(m, d, relaxed | order[i], NULL, force,
		    budget);
		if (rc == 0)
			relaxed |= order[i];
		big = rc < 0;
	}
	culprits = active & ~relaxed;
	unmust = pp_xcalloc(d->n + 1, 1);
	for (i = 0; !big && (culprits & R_MUST) && i < d->n; i++) {
		if (!must[i])
			continue;
		unmust[i] = 1;
		rc = feasible_host(m, d, relaxed, unmust, force, budget);
		if (rc > 0)
			unmust[i] = 0;
		else
			must[i] = 0;
		big = rc < 0;
	}
	free(unmust);
	if (big) {
		free(must);
		too_big(m, d, ds);
		return;
	}
	msg[0] = '\0';
	for (f = 1; f < (1u << R__N); f <<= 1) {
		if (!(culprits & f))
			continue;
		family_text(m, d, f, must, part, sizeof(part));
		if (msg[0] != '\0')
			strncat(msg, ", ", sizeof(msg) - strlen(msg) - 1);
		strncat(msg, part, sizeof(msg) - strlen(msg) - 1);
	}
	free(must);
	if (culprits == R_NET)
		pp_diag_err(ds, NULL, 0,
		    "%s: %s cannot be met: not enough networking time", d->date,
		    msg);
	else if (culprits == R_LUNCH)
		pp_diag_err(ds, NULL, 0, "%s: no free or meal time for %s",
		    d->date, msg);
	else
		pp_diag_err(ds, NULL, 0, "%s: these constraints clash: %s",
		    d->date, msg);
}

/* ---- the plan ---- */

/* Ends the hallway run of the plan day that starts at merged item h: a
 * run of at least the block is shown and counts; a shorter one is free
 * time, its value in the day's score only. */
static void
end_run(struct pp_plan_day *pd, const struct pp_model_day *md)
{
	struct pp_item *h = &pd->merged[pd->nmerged - 1];

	if (h->minutes >= (long)md->rules.min_run) {
		pd->networking_minutes += h->minutes;
		pd->net_by_src[PP_NET_HALLWAY] += h->minutes;
		return;
	}
	pd->free_minutes += h->minutes;
	pd->free_score += h->score;
	pd->nmerged--;
	pd->n--;
}

/* Fills a plan day from the chosen items, merging the touching segments of
 * each hallway run into one item the plan owns. */
static void
plan_day(struct pp_plan_day *pd, const struct pp_model_day *md,
    const size_t *chosen, size_t n)
{
	size_t j;
	int run = 0; /* the last item is a hallway run */

	pd->md = md;
	pd->items = pp_xcalloc(n + 1, sizeof(*pd->items));
	pd->merged = pp_xcalloc(n + 1, sizeof(*pd->merged));
	for (j = 0; j < n; j++) {
		const struct pp_item *it = &md->items[chosen[j]];

		pd->score += it->score;
		if (run && it->src == PP_ITEM_HALLWAY &&
		    md->items[chosen[j - 1]].next == chosen[j]) {
			struct pp_item *h = &pd->merged[pd->nmerged - 1];

			h->end = it->end;
			h->minutes += it->minutes;
			h->score += it->score;
			h->next = it->next;
			continue;
		}
		if (run)
			end_run(pd, md);
		run = it->src == PP_ITEM_HALLWAY;
		if (run) {
			pd->merged[pd->nmerged] = *it;
			pd->items[pd->n++] = &pd->merged[pd->nmerged++];
			continue;
		}
		pd->items[pd->n++] = it;
		if (it->cls == PP_CLASS_TALK) {
			pd->talks++;
			pd->talk_minutes += it->minutes;
		} else if (it->counts) {
			pd->networking_minutes += it->minutes;
			pd->net_by_src[pp_item_net_src(it)] += it->minutes;
		}
	}
	if (run)
		end_run(pd, md);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The item force is, on day d, or NULL. */
static const struct pp_item *
force_on(const struct pp_model_day *d, const struct pp_item *force)
{
	size_t k;

	for (k = 0; force != NULL && k < d->n; k++)
		if (&d->items[k] == force)
			return force;
	return NULL;
}

/* ---- ties ---- */

/* How well event item it matches the profile: its best match's
 * relevance (a speaker or the level counts PP_REL_UNIT), 0 for none. */
static int64_t
match_strength(const struct pp_model *m, const struct pp_item *it)
{
	const struct pp_score *s = pp_model_event_score(m, it->ev);
	int64_t best = 0;
	size_t k, n;

	if (s == NULL)
		return 0;
	n = s->nmatch < PP_SCORE_MATCH_MAX ? s->nmatch : PP_SCORE_MATCH_MAX;
	for (k = 0; k < n; k++)
		if (s->match[k].units > 0 && s->match[k].rel > best)
			best = s->match[k].rel;
	return best;
}

/* 1 if item a (index ia) wins the tie-break over b (index ib): the better
 * matched, then the unrecorded, then the earlier start, then the first in
 * the model's order. */
static int
tie_wins(const struct pp_model *m, const struct pp_item *a, size_t ia,
    const struct pp_item *b, size_t ib)
{
	int64_t ra = match_strength(m, a), rb = match_strength(m, b);
	int reca = a->ev->recorded == PP_REC_YES,
	    recb = b->ev->recorded == PP_REC_YES;

	if (ra != rb)
		return ra > rb;
	if (reca != recb)
		return recb;
	if (a->start != b->start)
		return a->start < b->start;
	return ia < ib;
}

/* 1 if candidate c can take the place of the planned item at position j
 * of chosen: an event talk, not must-see nor forced, with the same times,
 * value and criteria, and with rooms exactly when the planned one has
 * them, whose room changes to the roomed items before and after still
 * fit.  Everything a rule of the day or the criteria bonus counts is then
 * unchanged, and so is the plan's value. */
static int
can_replace(const struct pp_model *m, const struct pp_model_day *d,
    const size_t *chosen, size_t n, size_t j, const struct pp_item *c,
    const struct pp_item *force)
{
	const struct pp_item *p = &d->items[chosen[j]];
	size_t k;

	if (c == p || c->src != PP_ITEM_EVENT || c->cls != PP_CLASS_TALK ||
	    c->must || c == force || c->start != p->start || c->end != p->end ||
	    c->score != p->score || c->crit != p->crit ||
	    (c->nrooms > 0) != (p->nrooms > 0))
		return 0;
	if (c->nrooms == 0)
		return 1;
	for (k = j; k-- > 0;) {
		const struct pp_item *a = &d->items[chosen[k]];

		if (a->nrooms == 0)
			continue;
		if (pp_item_room_change(a, c) &&
		    a->end + m->room_change > c->start)
			return 0;
		break;
	}
	for (k = j + 1; k < n; k++) {
		const struct pp_item *b = &d->items[chosen[k]];

		if (b->nrooms == 0)
			continue;
		if (pp_item_room_change(c, b) &&
		    c->end + m->room_change > b->start)
			return 0;
		break;
	}
	return 1;
}

/*
 * The tie-break, as a pass over a day's optimal plan: each planned event
 * talk that is neither must-see nor forced gives way to the candidate that
 * wins tie_wins() among those that can_replace() it.  The swap changes
 * nothing that any rule or the objective counts, so the plan stays
 * feasible and optimal; it only decides between plans of equal value that
 * differ in one slot.
 */
static void
break_ties(const struct pp_model *m, const struct pp_model_day *d,
    size_t *chosen, size_t n, const struct pp_item *force)
{
	size_t j, k;

	for (j = 0; j < n; j++) {
		const struct pp_item *p = &d->items[chosen[j]];
		size_t best = chosen[j];

		if (p->src != PP_ITEM_EVENT || p->cls != PP_CLASS_TALK ||
		    p->must || p == force)
			continue;
		for (k = 0; k < d->n && d->items[k].start <= p->start; k++)
			if (can_replace(m, d, chosen, n, j, &d->items[k],
			        force) &&
			    tie_wins(m, &d->items[k], k, &d->items[best], best))
				best = k;
		chosen[j] = best;
	}
}

/*
 * Combines the days over criteria masks and expo segments: a state is
 * (u, mask), u the expo segments so far (up to the need U), and acc[state]
 * the best total that reaches it.  res[i * (U + 1) + e] is day i's best
 * plan per mask among those with at least e expo segments (its floor e):
 * a plan with a days holds the floor min(a, U), so the optimum is among
 * the combinations.  Picks each day's plan and fills pl; returns -1 when
 * no combination reaches U.
 */
static int
combine(const struct pp_model *m, struct day_result *res, struct pp_plan *pl,
    const struct pp_item *force)
{
	unsigned U = m->expo_need, ne = U + 1, nst = ne * NMASK;
	int64_t *acc = pp_xcalloc(nst, sizeof(*acc)),
	        *nacc = pp_xcalloc(nst, sizeof(*nacc)), bestv = 0;
	unsigned char *valid = pp_xcalloc(nst, 1), *nvalid = pp_xcalloc(nst, 1);
	unsigned char *from = pp_xcalloc(m->ndays * nst + 1, 1);
	unsigned char *pick = pp_xcalloc(m->ndays * nst + 1, 1);
	unsigned a, b, e, bestm = 0, x;
	size_t i;
	int found = 0;

	valid[0] = 1;
	for (i = 0; i < m->ndays; i++) {
		memset(nvalid, 0, nst);
		for (a = 0; a < nst; a++) {
			if (!valid[a])
				continue;
			for (e = 0; e < ne; e++) {
				const struct day_result *r = &res[i * ne + e];
				unsigned u = a / NMASK + e;

				if (u > U)
					u = U;
				for (b = 0; b < NMASK; b++) {
					unsigned c =
					    u * NMASK + ((a % NMASK) | b);
					int64_t v;

					if (!r->feasible[b])
						continue;
					v = acc[a] + r->value[b];
					if (nvalid[c] && v <= nacc[c])
						continue;
					nvalid[c] = 1;
					nacc[c] = v;
					from[i * nst + c] = (unsigned char)a;
					pick[i * nst + c] =
					    (unsigned char)(e * NMASK + b);
				}
			}
		}
		memcpy(valid, nvalid, nst);
		memcpy(acc, nacc, nst * sizeof(*acc));
	}
	for (a = U * NMASK; a < nst; a++) {
		int64_t v;

		if (!valid[a])
			continue;
		v = acc[a] +
		    m->crit_bonus *
		        (int64_t)popcount(a % NMASK & m->crit_active);
		if (!found || v > bestv) {
			found = 1;
			bestv = v;
			bestm = a;
		}
	}
	if (found) {
		pl->score = bestv;
		pl->crit_covered = bestm % NMASK & m->crit_active;
		pl->optimal = 1;
		x = bestm;
		for (i = m->ndays; i-- > 0;) {
			unsigned p = pick[i * nst + x];
			const struct day_result *r = &res[i * ne + p / NMASK];

			break_ties(m, &m->days[i], r->items[p % NMASK],
			    r->nitems[p % NMASK], force);
			plan_day(&pl->days[i], &m->days[i], r->items[p % NMASK],
			    r->nitems[p % NMASK]);
			x = from[i * nst + x];
		}
	}
	free(acc);
	free(nacc);
	free(valid);
	free(nvalid);
	free(from);
	free(pick);
	return found ? 0 : -1;
}

/* Keeps, per criteria mask, the better of r's plan and t's (t is
 * emptied). */
static void
day_result_merge(struct day_result *r, struct day_result *t)
{
	unsigned mask;

	for (mask = 0; mask < NMASK; mask++) {
		if (!t->feasible[mask] ||
		    (r->feasible[mask] && r->value[mask] >= t->value[mask]))
			continue;
		free(r->items[mask]);
		r->feasible[mask] = 1;
		r->value[mask] = t->value[mask];
		r->items[mask] = t->items[mask];
		r->nitems[mask] = t->nitems[mask];
		t->items[mask] = NULL;
	}
	day_result_fini(t);
}

/*
 * Solves day i into res[i * ne .. + ne) (one result per expo floor), for
 * each slot an untimed host may take (the day's host_any items; none: one
 * pass), keeping the best per mask: the optimum hosts in one of them.
 * Returns 1 if feasible, 0 if not (diagnosed), -1 if too big (reported).
 */
static int
solve_day_all(const struct pp_model *m, size_t i, const struct pp_item *force,
    struct day_result *res, size_t ne, struct pp_solve_stats *st,
    struct pp_diags *ds)
{
	const struct pp_model_day *d = &m->days[i];
	const struct pp_item *f = force_on(d, force), *first = NULL;
	size_t k, budget;
	unsigned e;
	int any = 0, big = 0, picks = 0;

	for (k = 0; k <= d->n; k++) {
		const struct pp_item *pick = k < d->n ? &d->items[k] : NULL;
		struct day_result t;
		int r;

		if (pick != NULL && !pick->host_any)
			continue;
		if (pick == NULL && picks > 0)
			break;
		if (pick != NULL && first == NULL)
			first = pick;
		picks++;
		for (e = 0; e < ne; e++) {
			memset(&t, 0, sizeof(t));
			budget = PP_SOLVE_MAX_LABELS;
			r = solve_day(m, d, f, pick, e, &t, st, &budget);
			if (r < 0)
				big = 1;
			if (r <= 0) {
				day_result_fini(&t);
				break; /* higher floors hold no more */
			}
			any |= e == 0;
			day_result_merge(&res[i * ne + e], &t);
		}
	}
	if (big) {
		too_big(m, d, ds);
		return -1;
	}
	if (!any) {
		budget = PP_SOLVE_MAX_LABELS;
		diagnose_day(m, d, f, first, &budget, ds);
		return 0;
	}
	return 1;
}

int
pp_solve_forced(const struct pp_model *m, const struct pp_item *force,
    struct pp_plan **out, struct pp_diags *ds)
{
	struct pp_plan *pl;
	struct day_result *res;
	size_t i, ne = (size_t)m->expo_need + 1;
	int infeasible = 0;
	double t0 = now_seconds();

	*out = NULL;
	pl = pp_xcalloc(1, sizeof(*pl));
	pl->m = m;
	pl->ndays = m->ndays;
	pl->days = pp_xcalloc(m->ndays + 1, sizeof(*pl->days));
	res = pp_xcalloc(m->ndays * ne + 1, sizeof(*res));
	for (i = 0; i < m->ndays; i++)
		infeasible |=
		    solve_day_all(m, i, force, res, ne, &pl->stats, ds) <= 0;
	if (!infeasible && combine(m, res, pl, force) != 0) {
		infeasible = 1;
		pp_diag_err(ds, NULL, 0,
		    "min-expo-minutes=%d cannot be met: the planned days hold "
		    "fewer than %u expo segments of %ld minutes",
		    m->rules.min_expo, m->expo_need, m->expo_unit);
	}
	for (i = 0; i < m->ndays * ne; i++)
		day_result_fini(&res[i]);
	free(res);
	if (infeasible) {
		pp_plan_free(pl);
		return 1;
	}
	pl->stats.seconds = now_seconds() - t0;
	*out = pl;
	return 0;
}

struct pp_plan *
pp_plan_from_items(const struct pp_model *m, size_t *const *chosen,
    const size_t *n)
{
	struct pp_plan *pl = pp_xcalloc(1, sizeof(*pl));
	unsigned crit = 0;
	size_t i, j;

	pl->m = m;
	pl->ndays = m->ndays;
	pl->days = pp_xcalloc(m->ndays + 1, sizeof(*pl->days));
	for (i = 0; i < m->ndays; i++) {
		plan_day(&pl->days[i], &m->days[i], chosen[i], n[i]);
		pl->score += pl->days[i].score;
		for (j = 0; j < n[i]; j++)
			crit |= m->days[i].items[chosen[i][j]].crit;
	}
	pl->crit_covered = crit & m->crit_active;
	pl->score += m->crit_bonus * (int64_t)popcount(pl->crit_covered);
	return pl;
}

int
pp_solve(const struct pp_model *m, struct pp_plan **out, struct pp_diags *ds)
{
	return pp_solve_forced(m, NULL, out, ds);
}

void
pp_plan_free(struct pp_plan *pl)
{
	size_t i;

	if (pl == NULL)
		return;
	for (i = 0; i < pl->ndays; i++) {
		free(pl->days[i].items);
		free(pl->days[i].merged);
	}
	free(pl->days);
	free(pl->watch_later);
	free(pl);
}
