/* SPDX-License-Identifier: ISC */
/*
 * The exact solver.  A day's plan is a chain of items in time order, so a
 * label-correcting dynamic programme over the items, sorted by start, finds
 * the best chain: a label is a partial plan ending at some item, and its
 * state holds exactly what the remaining constraints need (talks, talk
 * minutes, streak, networking minutes, lunch, must-see count, criteria).
 * A label is dropped only when another is worth at least as much with a
 * state at least as good in every respect (dominance; labels with equal
 * state keep the higher value), so every plan dropped is matched by one
 * kept and the result is a proven optimum of the model.  Days are
 * independent except for the criteria bonus, which a small DP over
 * criterion masks combines.
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
	R__N = 6
};

#define NMASK (1u << PP_CRIT__COUNT)

/*
 * The state key packs: talks (8 bits), talk minutes (11), streak (8),
 * networking minutes saturated at the minimum (11), lunch satisfied (1),
 * criteria (4), must-see count (16) and whether the day's one free lunch
 * block is used (1).  Counters not constrained stay 0, so they do not
 * split states.
 */
#define K_TALKS(k) ((unsigned)((k)&0xff))
#define K_TMIN(k) ((unsigned)(((k) >> 8) & 0x7ff))
#define K_STREAK(k) ((unsigned)(((k) >> 19) & 0xff))
#define K_NET(k) ((unsigned)(((k) >> 27) & 0x7ff))
#define K_LUNCH(k) ((unsigned)(((k) >> 38) & 1))
#define K_MASK(k) ((unsigned)(((k) >> 39) & 0xf))
#define K_MUST(k) ((unsigned)(((k) >> 43) & 0xffff))
#define K_SYN(k) ((unsigned)(((k) >> 59) & 1))

static uint64_t
make_key(unsigned talks, unsigned tmin, unsigned streak, unsigned net,
    unsigned lunch, unsigned mask, unsigned must, unsigned syn)
{
	return (uint64_t)talks | (uint64_t)tmin << 8 | (uint64_t)streak << 19 |
	    (uint64_t)net << 27 | (uint64_t)lunch << 38 | (uint64_t)mask << 39 |
	    (uint64_t)must << 43 | (uint64_t)syn << 59;
}

struct label {
	int64_t value;
	uint64_t key;
	int32_t prev; /* label index, -1 for the root */
	int32_t item; /* item index, -1 for the root */
};

/* An open-addressing map from state key to a label index. */
struct lmap {
	uint64_t *keys;
	int32_t *vals; /* -1 = empty slot */
	size_t cap, n;
	int32_t *list; /* the label indices, for iteration */
	size_t nlist, listcap;
};

/*
 * The frontier: the labels of the items that ended at least the
 * room-change time before the item being extended, so that every one of
 * them may precede it and every later item.  Their end no longer matters,
 * only their state and value, and a label is dropped when another is at
 * least as good in every way (see dominates()).  The labels are kept in
 * buckets by class: the state fields that must be equal for one label to
 * dominate another (lunch, the free lunch block, must-see count).  The
 * criteria mask is a resource (res_of), or ignored when there is no bonus.
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
	int32_t *slot; /* open addressing: class -> bucket, -1 = empty */
	uint64_t *skey;
	size_t scap;
	size_t n; /* labels in all buckets */
};

struct dp {
	const struct pp_model *m;
	const struct pp_model_day *d;
	unsigned relax;
	const unsigned char *unmust; /* items whose must-see is relaxed */
	struct label *pool;
	size_t npool, poolcap;
	size_t *lo, *hi;    /* each item's labels: pool[lo[k]..hi[k]) */
	struct front front; /* labels of items that ended >= room change ago */
	struct lmap local;  /* labels of the item being extended */
	uint64_t cls_mask;  /* key bits that form a label's class */
	int mask_res;       /* criteria mask: 0 ignored, 1 more is better,
	                       -1 fewer is better */
	/* limits in effect (0 = not tracked) */
	unsigned max_talks, max_tmin, max_streak, min_net;
	int cap_talks, cap_tmin, cap_streak, need_lunch;
	size_t max_front;
	int full; /* MAX_LABELS reached: the day is given up */
};

/*
 * Labels one day may create (about 27 bytes each): a pathological day
 * (thousands of events at scattered times with loose caps) would otherwise
 * grow until memory runs out.
 */
#define MAX_LABELS ((size_t)48 << 20)

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

static size_t lmap_slot(const struct lmap *mp, uint64_t key);

/*
 * Empties the map in time proportional to its entries, not its capacity
 * (the item map is emptied once per item and stays large after a busy
 * item).  Entries are removed newest first: the probe path of an entry
 * runs only through entries that were there before it, so it is intact
 * when the entry is looked up.
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

static void lmap_put(struct lmap *mp, const struct label *pool, int32_t li);

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
		lmap_put(mp, pool, old[i]);
	free(old);
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
 * Offers label li: kept if its state is new or its value strictly higher
 * than the incumbent's (so among equals the first found wins, which makes
 * the result deterministic).
 */
static void
lmap_put(struct lmap *mp, const struct label *pool, int32_t li)
{
	size_t i;

	if ((mp->n + 1) * 2 > mp->cap)
		lmap_resize(mp, pool, mp->cap < 64 ? 64 : mp->cap * 2);
	i = lmap_slot(mp, pool[li].key);
	if (mp->vals[i] < 0) {
		mp->keys[i] = pool[li].key;
		mp->vals[i] = (int32_t)mp->nlist;
		mp->list = pp_xgrowarray(mp->list, &mp->listcap, mp->nlist + 1,
		    sizeof(*mp->list));
		mp->list[mp->nlist++] = li;
		mp->n++;
	} else if (pool[li].value > pool[mp->list[mp->vals[i]]].value)
		mp->list[mp->vals[i]] = li;
}

static int32_t
new_label(struct dp *dp, int64_t value, uint64_t key, int32_t prev,
    int32_t item)
{
	struct label *l;

	if (dp->npool >= MAX_LABELS) {
		dp->full = 1;
		return -1;
	}
	dp->pool = pp_xgrowarray(dp->pool, &dp->poolcap, dp->npool + 1,
	    sizeof(*dp->pool));
	l = &dp->pool[dp->npool];
	l->value = value;
	l->key = key;
	l->prev = prev;
	l->item = item;
	return (int32_t)dp->npool++;
}

static int
is_must(const struct dp *dp, const struct pp_item *it)
{
	return it->must && !(dp->relax & R_MUST) &&
	    (dp->unmust == NULL || !dp->unmust[it - dp->d->items]);
}

/*
 * Resources packed so that "a is at least as good as b in every one" is a
 * single SWAR comparison: fields of talks (8 bits), talk minutes (11),
 * streak (8), networking minutes still missing (11) and one bit per
 * criterion, each followed by a guard bit, and each lower-is-better.
 */
#define RES_GUARDS                                                             \
	((1ULL << 8) | (1ULL << 20) | (1ULL << 29) | (1ULL << 41) |            \
	    (1ULL << 43) | (1ULL << 45) | (1ULL << 47) | (1ULL << 49))

static uint64_t
res_of(const struct dp *dp, uint64_t key)
{
	uint64_t r = (uint64_t)K_TALKS(key) | (uint64_t)K_TMIN(key) << 9 |
	    (uint64_t)K_STREAK(key) << 21 |
	    (uint64_t)(dp->min_net - K_NET(key)) << 30;
	unsigned mask = K_MASK(key), c;

	if (dp->mask_res > 0)
		mask = ~mask; /* a criterion not covered is worse */
	if (dp->mask_res != 0)
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

/*
 * Label a dominates label b (same class) when it is worth at least as much
 * and every resource is at least as good: fewer talks, talk minutes and
 * talks in a row, no less networking, and criteria that are worth at least
 * as much.  Every completion of b's plan is then a completion of a's plan,
 * worth at least as much, so dropping b loses no optimum.  Among equals
 * the label already kept wins, which keeps the result deterministic.
 */
static int
dominates(uint64_t ares, int64_t aval, uint64_t bres, int64_t bval)
{
	return aval >= bval && res_leq(ares, bres);
}

static struct bucket *
front_bucket(struct front *f, uint64_t cls)
{
	size_t i;

	if ((f->nb + 1) * 2 > f->scap) {
		size_t cap = f->scap < 16 ? 16 : f->scap * 2, j;

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
		f->nb++;
	}
	return &f->b[f->slot[i]];
}

/* Offers label li to the frontier: dropped if a kept label dominates it,
 * else kept, and the kept labels it dominates dropped (order kept). */
static void
front_put(struct dp *dp, int32_t li)
{
	const struct label *l = &dp->pool[li];
	struct bucket *b = front_bucket(&dp->front, l->key & dp->cls_mask);
	uint64_t r = res_of(dp, l->key);
	size_t i, j;

	for (i = 0; i < b->n; i++)
		if (dominates(b->e[i].res, b->e[i].value, r, l->value))
			return;
	for (i = j = 0; i < b->n; i++)
		if (!dominates(r, l->value, b->e[i].res, b->e[i].value))
			b->e[j++] = b->e[i];
	dp->front.n -= b->n - j;
	b->n = j;
	b->e = pp_xgrowarray(b->e, &b->cap, b->n + 1, sizeof(*b->e));
	b->e[b->n].res = r;
	b->e[b->n].value = l->value;
	b->e[b->n].li = li;
	b->n++;
	dp->front.n++;
}

static void
front_fini(struct front *f)
{
	size_t i;

	for (i = 0; i < f->nb; i++)
		free(f->b[i].e);
	free(f->b);
	free(f->slot);
	free(f->skey);
	memset(f, 0, sizeof(*f));
}

/* Extends label li by item k into the local map. */
static void
extend(struct dp *dp, int32_t li, size_t k, unsigned req)
{
	const struct pp_item *it = &dp->d->items[k];
	uint64_t key = dp->pool[li].key;
	unsigned talks = K_TALKS(key), tmin = K_TMIN(key);
	unsigned streak = K_STREAK(key), net = K_NET(key);
	unsigned lunch = K_LUNCH(key), mask = K_MASK(key);
	unsigned must = K_MUST(key), syn = K_SYN(key);
	int32_t nl;
	int64_t value;
	size_t i;

	if (must != req)
		return;
	if (it->cls == PP_CLASS_TALK) {
		if (dp->cap_talks && ++talks > dp->max_talks)
			return;
		if (dp->cap_tmin) {
			tmin += (unsigned)it->minutes;
			if (tmin > dp->max_tmin)
				return;
		}
		if (dp->cap_streak && ++streak > dp->max_streak)
			return;
		mask |= it->crit;
	} else if (it->counts) {
		streak = 0;
		if (dp->min_net > 0) {
			net += (unsigned)it->minutes;
			if (net > dp->min_net)
				net = dp->min_net;
		}
	}
	/* A free lunch block only where no other lunch is planned: at most
	 * one a day, and never beside a meal that already is lunch. */
	if (it->src == PP_ITEM_LUNCH) {
		if (syn || lunch)
			return;
		syn = 1;
		lunch = 1;
	} else if (it->lunch) {
		if (syn)
			return;
		lunch = 1;
	}
	if (is_must(dp, it))
		must++;
	value = dp->pool[li].value + it->score;
	key = make_key(talks, tmin, streak, net, lunch, mask, must, syn);
	i = lmap_slot(&dp->local, key);
	if (dp->local.cap > 0 && dp->local.vals[i] >= 0) {
		struct label *old =
		    &dp->pool[dp->local.list[dp->local.vals[i]]];

		if (value > old->value) {
			old->value = value;
			old->prev = li;
		}
		return;
	}
	nl = new_label(dp, value, key, li, (int32_t)k);
	if (nl >= 0)
		lmap_put(&dp->local, dp->pool, nl);
}

static int
cmp_by_end(const void *a, const void *b, const struct pp_item *items)
{
	const struct pp_item *x = &items[*(const size_t *)a];
	const struct pp_item *y = &items[*(const size_t *)b];

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Insertion sort by end: stable, and items arrive nearly sorted. */
static void
sort_by_end(size_t *v, size_t n, const struct pp_item *items)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		size_t x = v[i];

		for (j = i; j > 0 && cmp_by_end(&v[j - 1], &x, items) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

static void
absorb(struct dp *dp, size_t j)
{
	size_t l;

	for (l = dp->lo[j]; l < dp->hi[j]; l++)
		front_put(dp, (int32_t)l);
	if (dp->front.n > dp->max_front)
		dp->max_front = dp->front.n;
}

/* Drops frontier labels that missed a must-see item: they are dead.  The
 * must-see count is part of the class, so whole buckets go. */
static void
compact_front(struct dp *dp, unsigned req)
{
	size_t i;

	for (i = 0; i < dp->front.nb; i++) {
		struct bucket *b = &dp->front.b[i];

		if (K_MUST(b->cls) < req) {
			dp->front.n -= b->n;
			b->n = 0;
		}
	}
}

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

/*
 * Solves one day under the given relaxations.  Returns 1 if some mask is
 * feasible, 0 if none, -1 if the day needs more than MAX_LABELS labels.
 * Fills r when non-NULL.
 */
static int
solve_day(const struct pp_model *m, const struct pp_model_day *d,
    unsigned relax, const unsigned char *unmust, struct day_result *r,
    struct pp_solve_stats *st)
{
	const struct pp_profile *p = m->p;
	struct dp dp;
	size_t n = d->n, k, q, ptr = 0, nmust = 0, i, b;
	size_t *by_end, *must_before;
	unsigned char *forbidden;
	size_t *must_idx;
	unsigned req_now = 0, mask;
	int32_t best[NMASK];
	int any = 0;

	memset(&dp, 0, sizeof(dp));
	dp.m = m;
	dp.d = d;
	dp.relax = relax;
	dp.unmust = unmust;
	dp.cap_talks =
	    p->max_talks >= 0 && p->max_talks < 255 && !(relax & R_COUNT);
	dp.max_talks = dp.cap_talks ? (unsigned)p->max_talks : 0;
	dp.cap_tmin = p->max_talk_minutes >= 0 && p->max_talk_minutes < 2000 &&
	    !(relax & R_MINUTES);
	dp.max_tmin = dp.cap_tmin ? (unsigned)p->max_talk_minutes : 0;
	dp.cap_streak =
	    p->max_streak >= 0 && p->max_streak < 255 && !(relax & R_STREAK);
	dp.max_streak = dp.cap_streak ? (unsigned)p->max_streak : 0;
	dp.min_net = p->min_networking > 0 && !(relax & R_NET)
	    ? (unsigned)(p->min_networking < 2000 ? p->min_networking : 2000)
	    : 0;
	dp.need_lunch = m->lunch_len > 0 &&
	    d->lunch_to - d->lunch_from >= m->lunch_len && !(relax & R_LUNCH);
	/* A day whose programme events are all out (skipped, busy, outside
	 * the window) has nothing to plan: no networking or lunch rule. */
	if (!pp_model_day_open(d)) {
		dp.min_net = 0;
		dp.need_lunch = 0;
	}
	/* The criteria mask is a resource when the bonus makes criteria
	 * worth something (or cost something); without a bonus it is
	 * ignored, and otherwise part of no class. */
	dp.mask_res = m->crit_bonus > 0 ? 1 : m->crit_bonus < 0 ? -1 : 0;
	dp.cls_mask = make_key(0, 0, 0, 0, 1, 0, 0xffff, 1);
	dp.lo = pp_xcalloc(n + 1, sizeof(*dp.lo));
	dp.hi = pp_xcalloc(n + 1, sizeof(*dp.hi));
	by_end = pp_xcalloc(n + 1, sizeof(*by_end));
	must_before = pp_xcalloc(n + 1, sizeof(*must_before));
	forbidden = pp_xcalloc(n + 1, 1);
	must_idx = pp_xcalloc(n + 1, sizeof(*must_idx));

	/* Must-see bookkeeping: an item that overlaps a must-see item can
	 * never be planned; a label may extend to item k only if it holds
	 * every must-see item that ends by k's start. */
	for (k = 0; k < n; k++)
		if (is_must(&dp, &d->items[k]))
			must_idx[nmust++] = k;
	for (k = 0; k < n; k++) {
		const struct pp_item *it = &d->items[k];

		by_end[k] = k;
		for (i = 0; i < nmust; i++) {
			const struct pp_item *mu = &d->items[must_idx[i]];

			if (must_idx[i] == k)
				continue;
			if (mu->end <= it->start)
				must_before[k]++;
			else if (mu->start < it->end)
				forbidden[k] = 1;
		}
	}
	sort_by_end(by_end, n, d->items);

	lmap_resize(&dp.local, dp.pool, 64);
	new_label(&dp, 0, make_key(0, 0, 0, 0, 0, 0, 0, 0), -1, -1);
	front_put(&dp, 0);

	for (k = 0; k < n && !dp.full; k++) {
		const struct pp_item *it = &d->items[k];
		unsigned req = (unsigned)must_before[k];

		dp.lo[k] = dp.hi[k] = dp.npool;
		if (forbidden[k])
			continue;
		while (ptr < n &&
		    d->items[by_end[ptr]].end + m->room_change <= it->start)
			absorb(&dp, by_end[ptr++]);
		if (req > req_now) {
			compact_front(&dp, req);
			req_now = req;
		}
		lmap_clear_entries(&dp.local, dp.pool);
		dp.lo[k] = dp.npool;
		for (b = 0; b < dp.front.nb; b++) {
			const struct bucket *bk = &dp.front.b[b];

			if (bk->n == 0 || K_MUST(bk->cls) != req)
				continue;
			for (i = 0; i < bk->n; i++)
				extend(&dp, bk->e[i].li, k, req);
		}
		/* Items that ended less than the room-change time ago can
		 * precede k only when no room change is needed. */
		for (q = ptr; q < n && d->items[by_end[q]].end <= it->start;
		     q++) {
			size_t j = by_end[q], l;

			if (pp_item_room_change(&d->items[j], it))
				continue;
			for (l = dp.lo[j]; l < dp.hi[j]; l++)
				extend(&dp, (int32_t)l, k, req);
		}
		dp.hi[k] = dp.npool;
	}
	if (dp.full) {
		any = -1;
		goto done;
	}
	while (ptr < n)
		absorb(&dp, by_end[ptr++]);

	/* Final states: every must-see planned, lunch, networking met. */
	for (mask = 0; mask < NMASK; mask++)
		best[mask] = -1;
	for (b = 0; b < dp.front.nb; b++) {
		const struct bucket *bk = &dp.front.b[b];

		for (i = 0; i < bk->n; i++) {
			int32_t li = bk->e[i].li;
			uint64_t key = dp.pool[li].key;

			if (K_MUST(key) != nmust)
				continue;
			if (dp.need_lunch && !K_LUNCH(key))
				continue;
			if (K_NET(key) < dp.min_net)
				continue;
			mask = K_MASK(key);
			if (best[mask] < 0 ||
			    dp.pool[li].value > dp.pool[best[mask]].value)
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
		r->value[mask] = dp.pool[best[mask]].value;
		for (li = best[mask]; dp.pool[li].item >= 0;
		     li = dp.pool[li].prev)
			cnt++;
		r->items[mask] = pp_xcalloc(cnt + 1, sizeof(size_t));
		r->nitems[mask] = cnt;
		for (li = best[mask]; dp.pool[li].item >= 0;
		     li = dp.pool[li].prev)
			r->items[mask][--cnt] = (size_t)dp.pool[li].item;
	}
done:
	if (st != NULL) {
		st->labels += dp.npool;
		if (dp.max_front > st->max_front)
			st->max_front = dp.max_front;
	}
	front_fini(&dp.front);
	lmap_fini(&dp.local);
	free(dp.pool);
	free(dp.lo);
	free(dp.hi);
	free(by_end);
	free(must_before);
	free(forbidden);
	free(must_idx);
	return any;
}

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
    const unsigned char *unmust, char *buf, size_t size)
{
	const struct pp_profile *p = m->p;
	size_t i, shown = 0;

	buf[0] = '\0';
	switch (f) {
	case R_COUNT:
		snprintf(buf, size, "max-talks-per-day=%d", p->max_talks);
		break;
	case R_MINUTES:
		snprintf(buf, size, "max-talk-minutes-per-day=%d",
		    p->max_talk_minutes);
		break;
	case R_STREAK:
		snprintf(buf, size, "max-consecutive-talks=%d", p->max_streak);
		break;
	case R_NET:
		snprintf(buf, size,
		    "min-networking-minutes=%d (in blocks of at least %d min)",
		    p->min_networking, p->min_block);
		break;
	case R_LUNCH:
		snprintf(buf, size, "lunch %02d:%02d-%02d:%02d/%d",
		    p->lunch_from / 60, p->lunch_from % 60, p->lunch_to / 60,
		    p->lunch_to % 60, p->lunch_minutes);
		break;
	case R_MUST:
		snprintf(buf, size, "must-see ");
		for (i = 0; i < d->n; i++) {
			if (!d->items[i].must || unmust[i])
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

/* Names the constraints that clash on an infeasible day. */
static void
diagnose_day(const struct pp_model *m, const struct pp_model_day *d,
    struct pp_diags *ds)
{
	/* The order in which families are dropped from a clash: the ones a
	 * user most readily changes stay longest. */
	static const unsigned order[] = {R_STREAK, R_NET, R_LUNCH, R_COUNT,
	    R_MINUTES, R_MUST};
	const struct pp_profile *p = m->p;
	const struct pp_item *prev = NULL;
	unsigned active = 0, culprits, relaxed = 0, f;
	unsigned char *unmust;
	char msg[600], part[300];
	size_t i;

	/* Pairs of must-see items first: the commonest and clearest. */
	for (i = 0; i < d->n; i++) {
		const struct pp_item *it = &d->items[i];

		if (!it->must)
			continue;
		if (prev != NULL && prev->end > it->start) {
			msg[0] = '\0';
			append_title(msg, sizeof(msg), prev->title);
			strncat(msg, " and ", sizeof(msg) - strlen(msg) - 1);
			append_title(msg, sizeof(msg), it->title);
			pp_diag_err(ds, NULL, 0, "%s: must-see %s overlap",
			    d->date, msg);
			return;
		}
		if (prev != NULL && pp_item_room_change(prev, it) &&
		    prev->end + m->room_change > it->start) {
			msg[0] = '\0';
			append_title(msg, sizeof(msg), prev->title);
			strncat(msg, " and ", sizeof(msg) - strlen(msg) - 1);
			append_title(msg, sizeof(msg), it->title);
			pp_diag_err(ds, NULL, 0,
			    "%s: must-see %s are in different rooms less than "
			    "room-change-minutes=%d apart",
			    d->date, msg, p->room_change);
			return;
		}
		prev = it;
	}
	if (p->max_talks >= 0)
		active |= R_COUNT;
	if (p->max_talk_minutes >= 0)
		active |= R_MINUTES;
	if (p->max_streak >= 0)
		active |= R_STREAK;
	if (p->min_networking > 0)
		active |= R_NET;
	if (m->lunch_len > 0 && d->lunch_to - d->lunch_from >= m->lunch_len)
		active |= R_LUNCH;
	if (d->nmust > 0)
		active |= R_MUST;
	/*
	 * A deletion filter finds an irreducible clash: drop each family in
	 * turn while the day stays infeasible without it; the families left
	 * clash, and each of them is needed for the clash.  A family whose
	 * relaxation alone makes the day feasible is in every clash, so it
	 * always stays.  The must-see items of a clash are then filtered
	 * the same way, one by one.
	 */
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if ((active & order[i]) &&
		    solve_day(m, d, relaxed | order[i], NULL, NULL, NULL) == 0)
			relaxed |= order[i];
	culprits = active & ~relaxed;
	unmust = pp_xcalloc(d->n + 1, 1);
	for (i = 0; (culprits & R_MUST) && i < d->n; i++) {
		if (!d->items[i].must)
			continue;
		unmust[i] = 1;
		if (solve_day(m, d, relaxed, unmust, NULL, NULL) > 0)
			unmust[i] = 0;
	}
	msg[0] = '\0';
	for (f = 1; f < (1u << R__N); f <<= 1) {
		if (!(culprits & f))
			continue;
		family_text(m, d, f, unmust, part, sizeof(part));
		if (msg[0] != '\0')
			strncat(msg, ", ", sizeof(msg) - strlen(msg) - 1);
		strncat(msg, part, sizeof(msg) - strlen(msg) - 1);
	}
	free(unmust);
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

static unsigned
popcount(unsigned x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Recorded talks that match something in the profile (pp_score nmatch)
 * but are not planned (nor skipped), best first. */
static void
watch_later(struct pp_plan *pl)
{
	const struct pp_model *m = pl->m;
	const struct pp_timetable *tt = m->tt;
	unsigned char *planned = pp_xcalloc(tt->n + 1, 1);
	size_t i, j, n = 0;

	for (i = 0; i < pl->ndays; i++)
		for (j = 0; j < pl->days[i].n; j++)
			if (pl->days[i].items[j]->ev != NULL)
				planned[pl->days[i].items[j]->ev - tt->ev] = 1;
	pl->watch_later =
	    pp_xcalloc(PP_WATCH_LATER_MAX + 1, sizeof(*pl->watch_later));
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		int64_t raw = m->scores[i].raw;

		if (planned[i] || ev->recorded != PP_REC_YES ||
		    pp_kind_class(ev->kind) != PP_CLASS_TALK ||
		    m->excl[i] == PP_EXCL_SKIP || m->scores[i].nmatch == 0)
			continue;
		/* Insertion into the top list: raw score desc, then time. */
		for (j = n; j > 0; j--) {
			const struct pp_event *o = pl->watch_later[j - 1];

			if (m->scores[o - tt->ev].raw >= raw)
				break;
			if (j < PP_WATCH_LATER_MAX)
				pl->watch_later[j] = o;
		}
		if (j < PP_WATCH_LATER_MAX) {
			pl->watch_later[j] = ev;
			if (n < PP_WATCH_LATER_MAX)
				n++;
		}
	}
	pl->nwatch = n;
	free(planned);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
pp_solve(const struct pp_model *m, struct pp_plan **out, struct pp_diags *ds)
{
	struct pp_plan *pl;
	struct day_result *res;
	int64_t *acc, *nacc;
	unsigned char *from_mask; /* [day][mask] -> previous mask */
	unsigned char *day_mask;  /* [day][mask] -> the day's mask */
	size_t i, j;
	unsigned a, b, bestm = 0;
	int infeasible = 0, found = 0;
	int64_t bestv = 0;
	double t0 = now_seconds();

	*out = NULL;
	pl = pp_xcalloc(1, sizeof(*pl));
	pl->m = m;
	pl->ndays = m->ndays;
	pl->days = pp_xcalloc(m->ndays + 1, sizeof(*pl->days));
	res = pp_xcalloc(m->ndays + 1, sizeof(*res));
	for (i = 0; i < m->ndays; i++) {
		int r = solve_day(m, &m->days[i], 0, NULL, &res[i], &pl->stats);

		if (r < 0)
			pp_diag_err(ds, NULL, 0,
			    "%s: too many possible plans "
			    "(over %zu solver states): narrow the day with "
			    "--days, --day-start, --day-end or caps",
			    m->days[i].date, MAX_LABELS);
		else if (r == 0)
			diagnose_day(m, &m->days[i], ds);
		infeasible |= r <= 0;
	}
	if (infeasible) {
		for (i = 0; i < m->ndays; i++)
			day_result_fini(&res[i]);
		free(res);
		pp_plan_free(pl);
		return 1;
	}

	/* Combine days over criteria masks: acc[mask] = best total whose
	 * covered criteria are exactly mask. */
	acc = pp_xcalloc(NMASK, sizeof(*acc));
	nacc = pp_xcalloc(NMASK, sizeof(*nacc));
	from_mask = pp_xcalloc(m->ndays * NMASK + 1, 1);
	day_mask = pp_xcalloc(m->ndays * NMASK + 1, 1);
	{
		unsigned char valid[NMASK], nvalid[NMASK];

		memset(valid, 0, sizeof(valid));
		valid[0] = 1;
		for (i = 0; i < m->ndays; i++) {
			memset(nvalid, 0, sizeof(nvalid));
			for (a = 0; a < NMASK; a++) {
				if (!valid[a])
					continue;
				for (b = 0; b < NMASK; b++) {
					unsigned c = a | b;
					int64_t v;

					if (!res[i].feasible[b])
						continue;
					v = acc[a] + res[i].value[b];
					if (nvalid[c] && v <= nacc[c])
						continue;
					nvalid[c] = 1;
					nacc[c] = v;
					from_mask[i * NMASK + c] =
					    (unsigned char)a;
					day_mask[i * NMASK + c] =
					    (unsigned char)b;
				}
			}
			memcpy(valid, nvalid, sizeof(valid));
			memcpy(acc, nacc, NMASK * sizeof(*acc));
		}
		for (a = 0; a < NMASK; a++) {
			int64_t v;

			if (!valid[a])
				continue;
			v = acc[a] +
			    m->crit_bonus *
			        (int64_t)popcount(a & m->crit_active);
			if (!found || v > bestv) {
				found = 1;
				bestv = v;
				bestm = a;
			}
		}
	}
	pl->score = bestv;
	pl->crit_covered = bestm & m->crit_active;
	pl->optimal = 1;
	a = bestm;
	for (i = m->ndays; i-- > 0;) {
		struct pp_plan_day *pd = &pl->days[i];
		const struct pp_model_day *md = &m->days[i];
		unsigned dm = m->ndays > 0 ? day_mask[i * NMASK + a] : 0;

		pd->md = md;
		pd->n = res[i].nitems[dm];
		pd->items = pp_xcalloc(pd->n + 1, sizeof(*pd->items));
		for (j = 0; j < pd->n; j++) {
			const struct pp_item *it =
			    &md->items[res[i].items[dm][j]];

			pd->items[j] = it;
			pd->score += it->score;
			if (it->cls == PP_CLASS_TALK) {
				pd->talks++;
				pd->talk_minutes += it->minutes;
			} else if (it->counts)
				pd->networking_minutes += it->minutes;
		}
		a = from_mask[i * NMASK + a];
	}
	for (i = 0; i < m->ndays; i++)
		day_result_fini(&res[i]);
	free(res);
	free(acc);
	free(nacc);
	free(from_mask);
	free(day_mask);
	watch_later(pl);
	pl->stats.seconds = now_seconds() - t0;
	*out = pl;
	return 0;
}

void
pp_plan_free(struct pp_plan *pl)
{
	size_t i;

	if (pl == NULL)
		return;
	for (i = 0; i < pl->ndays; i++)
		free(pl->days[i].items);
	free(pl->days);
	free(pl->watch_later);
	free(pl);
}
