/* SPDX-License-Identifier: ISC */
/*
 * `pyplan batch`: everything about the programme is done once in the
 * parent (read, loaded, indexed), then worker processes forked from it plan
 * fixed slices of the attendees and report each outcome through a pipe.
 * Processes rather than threads: nothing in the per-attendee path has to
 * be thread-safe (libical's zone caches, the output module's signal
 * cleanup, jansson's allocator hooks are all process-global), and a fork
 * shares the loaded programme copy-on-write for free.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "pyplan/attendee.h"
#include "pyplan/batch.h"
#include "pyplan/cli.h"
#include "pyplan/demand.h"
#include "pyplan/event.h"
#include "pyplan/load.h"
#include "pyplan/model.h"
#include "pyplan/output.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"
#include "pyplan/session.h"
#include "pyplan/solve.h"
#include "pyplan/watch.h"
#include "pyplan/write.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_json.h"
#include "pyplan/xalloc.h"

/* What became of one attendee. */
enum outcome { R_NONE, R_PLANNED, R_UPTODATE, R_FAILED, R_IOERR };

struct result {
	enum outcome status;
	uint32_t *planned; /* base timetable indices of the events planned */
	size_t nplanned;
	struct pp_diags ds;
};

/* The programme as loaded for one planning zone. */
struct prog {
	char *tz; /* the profile's timezone; NULL: none (the base) */
	struct pp_timetable *tt;
	struct pp_ttwords *words; /* its events' words, cut once */
	int bad;                  /* it did not load in this zone */
};

/* One programme file, read once. */
struct src {
	const char *name; /* the path, or "<stdin>" */
	char *data;
	size_t len;
};

/* An event of the base timetable by id and title, for the demand. */
struct key {
	const char *id, *title;
	uint32_t idx;
};

struct pp_batch {
	const struct pp_batch_opts *o;
	struct pp_attendees att;
	char *base_text;     /* the base profile's text, or NULL */
	const char *base_tz; /* the zone of base profile and flags, or NULL */
	struct pp_profile base;
	struct src *src;
	size_t nsrc;
	struct prog *progs; /* progs[0]: the base zone's */
	size_t nprogs, progcap;
	struct key *keys; /* sorted by id, title, idx */
	size_t nkeys;
	struct timespec newest; /* newest of the programme and base */
	int resume;             /* 0: every attendee is planned */
	size_t *sel;            /* the attendees of this run */
	size_t nsel;
	struct result *res; /* one per selected attendee */
	char **strs;        /* file names diagnostics name, owned */
	size_t nstrs, strscap;
	int failed_worker; /* exit status of a worker that died, or 0 */
};

struct pp_batch *
pp_batch_new(void)
{
	struct pp_batch *b = pp_xcalloc(1, sizeof(*b));

	pp_profile_init(&b->base);
	return b;
}

static void
result_fini(struct result *r)
{
	free(r->planned);
	pp_diags_fini(&r->ds);
}

void
pp_batch_free(struct pp_batch *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->nsel && b->res != NULL; i++)
		result_fini(&b->res[i]);
	free(b->res);
	free(b->sel);
	free(b->keys);
	for (i = 0; i < b->nprogs; i++) {
		free(b->progs[i].tz);
		pp_ttwords_free(b->progs[i].words);
		pp_timetable_free(b->progs[i].tt);
	}
	free(b->progs);
	for (i = 0; i < b->nsrc; i++)
		free(b->src[i].data);
	free(b->src);
	for (i = 0; i < b->nstrs; i++)
		free(b->strs[i]);
	free(b->strs);
	free(b->base_text);
	pp_profile_fini(&b->base);
	pp_attendees_fini(&b->att);
	free(b);
}

unsigned
pp_batch_shard(const char *id, unsigned count)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *id != '\0'; id++) {
		h ^= (unsigned char)*id;
		h *= 1099511628211ULL;
	}
	return count > 0 ? (unsigned)(h % count) : 0;
}

/* A whole number lo..hi, digits only; 0 or -1. */
static int
parse_count(const char *s, int lo, int hi, unsigned *out)
{
	int v;

	if (pp_profile_parse_count(s, hi, &v) != 0 || v < lo)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int
pp_batch_parse_shard(const char *s, unsigned *k, unsigned *n)
{
	const char *slash = strchr(s, '/');
	unsigned a, c;
	char *ks;
	int r;

	if (slash == NULL)
		return -1;
	ks = pp_xstrndup(s, (size_t)(slash - s));
	r = parse_count(ks, 0, PP_BATCH_SHARDS_MAX - 1, &a) == 0 &&
	        parse_count(slash + 1, 1, PP_BATCH_SHARDS_MAX, &c) == 0 && a < c
	    ? 0
	    : -1;
	free(ks);
	if (r == 0) {
		*k = a;
		*n = c;
	}
	return r;
}

int
pp_batch_parse_jobs(const char *s, unsigned *jobs)
{
	return parse_count(s, 1, PP_BATCH_JOBS_MAX, jobs);
}

void
pp_batch_progress_text(const struct pp_batch_progress *pr, char *buf,
    size_t size)
{
	double rate = pr->elapsed > 0 ? (double)pr->done / pr->elapsed : 0;
	unsigned pct =
	    pr->total > 0 ? (unsigned)(pr->done * 100 / pr->total) : 100;
	long left =
	    rate > 0 ? (long)((double)(pr->total - pr->done) / rate + 0.5) : -1;

	if (left < 0)
		snprintf(buf, size, "%zu/%zu attendees (%u%%)", pr->done,
		    pr->total, pct);
	else
		snprintf(buf, size,
		    "%zu/%zu attendees (%u%%), %.0f/s, %ld:%02ld "
		    "left",
		    pr->done, pr->total, pct, rate, left / 60, left % 60);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
ts_after(struct timespec a, struct timespec b)
{
	return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec
	                            : a.tv_nsec > b.tv_nsec;
}

/* Keeps the newest of *t and the file's mtime; 0, or -1 when it cannot
 * be known (standard input). */
static int
newest_of(struct timespec *t, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
		return -1;
	if (ts_after(st.st_mtim, *t))
		*t = st.st_mtim;
	return 0;
}

/* A durable copy of a file name a diagnostic gives: the inputs' own
 * strings when it is one of them, else one kept by b. */
static const char *
durable(struct pp_batch *b, const struct pp_attendee *t, const char *s)
{
	size_t i;

	if (s == NULL)
		return NULL;
	if (strcmp(s, b->att.file) == 0)
		return b->att.file;
	if (t != NULL && t->path != NULL && strcmp(s, t->path) == 0)
		return t->path;
	if (b->o->profile != NULL && strcmp(s, b->o->profile) == 0)
		return b->o->profile;
	for (i = 0; i < b->nsrc; i++)
		if (strcmp(s, b->src[i].name) == 0)
			return b->src[i].name;
	for (i = 0; i < b->nstrs; i++)
		if (strcmp(s, b->strs[i]) == 0)
			return b->strs[i];
	b->strs =
	    pp_xgrowarray(b->strs, &b->strscap, b->nstrs + 1, sizeof(*b->strs));
	return b->strs[b->nstrs++] = pp_xstrdup(s);
}

/* Moves the diagnostics of planning attendee t into r: file names made
 * durable, and those without a place put at the attendee's row. */
static void
keep_diags(struct pp_batch *b, const struct pp_attendee *t, struct result *r,
    struct pp_diags *ds)
{
	size_t i;

	for (i = 0; i < ds->n; i++) {
		struct pp_diag *d = &ds->v[i];

		if (d->file == NULL) {
			d->file = t->path != NULL ? t->path : b->att.file;
			d->line = t->line;
			d->col = 0;
		} else
			d->file = durable(b, t, d->file);
	}
	pp_diags_move(&r->ds, ds);
}

static int
cmp_key(const void *x, const void *y)
{
	const struct key *a = x, *b = y;
	int c = strcmp(a->id, b->id);

	if (c == 0)
		c = strcmp(a->title, b->title);
	if (c == 0)
		c = a->idx < b->idx ? -1 : a->idx > b->idx;
	return c;
}

static void
index_events(struct pp_batch *b)
{
	const struct pp_timetable *tt = b->progs[0].tt;
	size_t i;

	b->keys = pp_xcalloc(tt->n + 1, sizeof(*b->keys));
	for (i = 0; i < tt->n; i++) {
		b->keys[i].id = tt->ev[i].id;
		b->keys[i].title = tt->ev[i].title;
		b->keys[i].idx = (uint32_t)i;
	}
	b->nkeys = tt->n;
	qsort(b->keys, b->nkeys, sizeof(*b->keys), cmp_key);
}

/* The base timetable index of the event with this id (and title, when
 * several have the id); -1 when none has it. */
static long
event_index(const struct pp_batch *b, const char *id, const char *title)
{
	size_t lo = 0, hi = b->nkeys, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(b->keys[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == b->nkeys || strcmp(b->keys[lo].id, id) != 0)
		return -1;
	first = lo;
	for (; lo < b->nkeys && strcmp(b->keys[lo].id, id) == 0; lo++)
		if (title != NULL && strcmp(b->keys[lo].title, title) == 0)
			return b->keys[lo].idx;
	return b->keys[first].idx;
}

static void
add_planned(struct result *r, size_t *cap, long idx)
{
	if (idx < 0)
		return;
	r->planned = pp_xgrowarray(r->planned, cap, r->nplanned + 1,
	    sizeof(*r->planned));
	r->planned[r->nplanned++] = (uint32_t)idx;
}

/* Loads the programme from the read files in zone tz into a new
 * timetable; returns 0, or -1 with problems in ds. */
static int
load_prog(const struct pp_batch *b, const char *tz, struct pp_timetable **out,
    struct pp_diags *ds)
{
	struct pp_timetable *tt = pp_timetable_new();
	struct pp_load_opts lo;
	size_t i, nerr = ds->nerrors;

	lo.tz = tz;
	lo.lenient = b->o->lenient;
	for (i = 0; i < b->nsrc; i++)
		pp_load_buffer(tt, b->src[i].name, b->src[i].data,
		    b->src[i].len, &lo, ds);
	if (ds->nerrors == nerr)
		pp_timetable_merge_duplicates(tt, ds);
	*out = tt;
	return ds->nerrors > nerr ? -1 : 0;
}

/* The programme for an attendee who plans in zone tz (NULL: none). */
static const struct prog *
prog_for(struct pp_batch *b, const char *tz, struct pp_diags *ds)
{
	struct prog *pg;
	struct pp_diags tmp;
	size_t i;

	if ((tz == NULL) == (b->base_tz == NULL) &&
	    (tz == NULL || strcmp(tz, b->base_tz) == 0))
		return &b->progs[0];
	for (i = 1; i < b->nprogs; i++)
		if (strcmp(b->progs[i].tz, tz) == 0)
			return &b->progs[i];
	/* Floating times read in another zone: the programme again.  Its
	 * warnings and notes are those the base load reported already. */
	b->progs = pp_xgrowarray(b->progs, &b->progcap, b->nprogs + 1,
	    sizeof(*b->progs));
	pg = &b->progs[b->nprogs++];
	memset(pg, 0, sizeof(*pg));
	pg->tz = pp_xstrdup(tz);
	pp_diags_init(&tmp);
	pg->bad = load_prog(b, tz, &pg->tt, &tmp) != 0;
	if (!pg->bad)
		pg->words = pp_ttwords_new(pg->tt);
	for (i = 0; i < tmp.n; i++)
		if (tmp.v[i].level == PP_ERROR)
			pp_diag_add(ds, PP_ERROR, tmp.v[i].file, tmp.v[i].line,
			    tmp.v[i].col, "%s (programme read in %s)",
			    tmp.v[i].msg, tz);
	pp_diags_fini(&tmp);
	return pg;
}

static char *
out_path(const struct pp_batch *b, const char *id, const char *ext)
{
	return pp_xasprintf("%s/%s.%s", b->o->outdir, id, ext);
}

/*
 * Whether attendee t's plan is up to date: its files are newer than every
 * input and its JSON reads back as a plan of this version; then the
 * programme events it plans go to r.
 */
static int
up_to_date(const struct pp_batch *b, const struct pp_attendee *t,
    struct result *r)
{
	struct timespec newest = b->newest;
	struct stat st;
	char *json = out_path(b, t->id, "json"), *ics = NULL;
	json_t *root = NULL, *days, *gen;
	size_t i, j, cap = 0;
	int ok;

	if (ts_after(t->mtime, newest))
		newest = t->mtime;
	ok = stat(json, &st) == 0 && S_ISREG(st.st_mode) &&
	    ts_after(st.st_mtim, newest);
	if (ok && b->o->ics) {
		ics = out_path(b, t->id, "ics");
		ok = stat(ics, &st) == 0 && S_ISREG(st.st_mode) &&
		    ts_after(st.st_mtim, newest);
	}
	if (ok) {
		json_set_alloc_funcs(pp_xmalloc, free);
		root = json_load_file(json, 0, NULL);
		gen = json_object_get(root, "generator");
		days = json_object_get(root, "days");
		ok = json_is_string(gen) &&
		    strcmp(json_string_value(gen), PP_GENERATOR) == 0 &&
		    json_is_array(days);
	}
	for (i = 0; ok && i < json_array_size(days); i++) {
		json_t *items =
		    json_object_get(json_array_get(days, i), "items");

		for (j = 0; j < json_array_size(items); j++) {
			json_t *it = json_array_get(items, j);
			json_t *src = json_object_get(it, "source");
			json_t *id = json_object_get(it, "id");
			json_t *title = json_object_get(it, "title");

			if (json_is_string(src) && json_is_string(id) &&
			    strcmp(json_string_value(src), "programme") == 0)
				add_planned(r, &cap,
				    event_index(b, json_string_value(id),
				        json_is_string(title)
				            ? json_string_value(title)
				            : NULL));
		}
	}
	json_decref(root);
	free(json);
	free(ics);
	if (!ok) {
		free(r->planned);
		r->planned = NULL;
		r->nplanned = 0;
	}
	return ok;
}

/* Writes one output of attendee t's plan; 0, or -1 with the problem in
 * ds. */
static int
write_out(struct pp_batch *b, const struct pp_attendee *t, const char *ext,
    const struct pp_plan *pl, struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	char *path = out_path(b, t->id, ext);
	size_t first = ds->n, i;
	int werr, r = -1;

	memset(&wo, 0, sizeof(wo));
	wo.alarm_minutes = b->o->alarm_minutes;
	wo.alarm_hallway = b->o->alarm_hallway;
	if (pp_out_open_flags(&out, path, PP_OUT_PRIVATE | PP_OUT_NOSYNC, ds) ==
	    0) {
		errno = 0;
		werr = strcmp(ext, "json") == 0 ? pp_write_json(out.fp, pl, &wo)
		                                : pp_write_ics(out.fp, pl, &wo);
		if (werr != 0) {
			pp_diag_err(ds, path, 0, "write error: %s",
			    strerror(errno != 0 ? errno : EIO));
			pp_out_abort(&out);
		} else
			r = pp_out_commit(&out, ds);
	}
	/* The diagnostics name path, which goes: keep a copy. */
	for (i = first; i < ds->n; i++)
		if (ds->v[i].file == path)
			ds->v[i].file = durable(b, t, path);
	free(path);
	return r;
}

/* Removes a failed attendee's old plan files, so none looks current. */
static void
remove_old(const struct pp_batch *b, const char *id)
{
	char *p = out_path(b, id, "json");

	unlink(p);
	free(p);
	p = out_path(b, id, "ics");
	unlink(p);
	free(p);
}

/* Makes attendee t's profile: defaults, base, flags, the attendee's own;
 * 0, or -1 with problems in ds. */
static int
attendee_profile(const struct pp_batch *b, size_t i, struct pp_profile *p,
    struct pp_diags *ds)
{
	const struct pp_batch_opts *o = b->o;
	size_t j;
	int io;

	if (b->base_text != NULL &&
	    pp_profile_load_string(p, o->profile, b->base_text, ds) != 0)
		return -1;
	for (j = 0; j < o->nset; j++)
		if (pp_profile_set(p, o->set[j].section, o->set[j].key,
		        o->set[j].value, NULL, 0, ds) != 0)
			return -1;
	if (pp_attendee_apply(&b->att, i, p, ds, &io) != 0)
		return -1;
	return pp_profile_check(p, ds);
}

/* Plans selected attendee k into r: the same steps as `pyplan build`. */
static void
plan_one(struct pp_batch *b, size_t k, struct result *r)
{
	struct pp_attendee *t = &b->att.v[b->sel[k]];
	struct pp_profile p;
	struct pp_diags ds;
	struct pp_session s;
	struct pp_plan *pl = NULL;
	const struct prog *pg;
	size_t cap = 0, d, j;

	memset(r, 0, sizeof(*r));
	memset(&s, 0, sizeof(s));
	pp_diags_init(&r->ds);
	pp_diags_init(&ds);
	if (t->bad) {
		r->status = R_FAILED;
		pp_diags_move(&ds, &t->problems);
		keep_diags(b, t, r, &ds);
		remove_old(b, t->id);
		return;
	}
	if (b->resume && up_to_date(b, t, r)) {
		r->status = R_UPTODATE;
		return;
	}
	pp_profile_init(&p);
	r->status = R_FAILED;
	if (attendee_profile(b, b->sel[k], &p, &ds) != 0)
		goto done;
	pg = prog_for(b, p.tz, &ds);
	if (pg->bad ||
	    pp_session_open(&s, pg->tt, pg->words, &p, b->o->lenient, &ds) !=
	        PP_SESSION_OK ||
	    pp_solve(s.m, &pl, &ds) != 0)
		goto done;
	pp_watch_later(pl); /* as build does */
	if (write_out(b, t, "json", pl, &ds) != 0 ||
	    (b->o->ics && write_out(b, t, "ics", pl, &ds) != 0)) {
		r->status = R_IOERR;
		goto done;
	}
	r->status = R_PLANNED;
	for (d = 0; d < pl->ndays; d++)
		for (j = 0; j < pl->days[d].n; j++) {
			const struct pp_item *it = pl->days[d].items[j];

			if (it->src == PP_ITEM_EVENT)
				add_planned(r, &cap,
				    event_index(b, it->ev->id, it->ev->title));
		}
done:
	if (r->status != R_PLANNED)
		remove_old(b, t->id);
	keep_diags(b, t, r, &ds);
	pp_diags_fini(&ds);
	pp_plan_free(pl);
	pp_session_close(&s);
	pp_profile_fini(&p);
}

/*
 * The pipe between a worker and the parent carries one record per
 * attendee, all numbers in the machine's own byte order (both ends are
 * the same program on the same machine):
 *   u32 length of what follows
 *   u32 k (the selected attendee), i32 status,
 *   u32 n, then n u32 event indices,
 *   u32 number of diagnostics kept, then each: u8 level, u8 attached,
 *     u32 line, u32 col, string file, string message,
 *   3 u32: the notes, warnings and errors counted but not kept,
 * where a string is a u32 length (0xffffffff: NULL) and its bytes.
 */
struct buf {
	unsigned char *p;
	size_t len, cap;
};

static void
put(struct buf *w, const void *s, size_t n)
{
	if (n == 0)
		return; /* s may be NULL: no planned event */
	w->p = pp_xgrowarray(w->p, &w->cap, w->len + n, 1);
	memcpy(w->p + w->len, s, n);
	w->len += n;
}

static void
put32(struct buf *w, uint32_t v)
{
	put(w, &v, sizeof(v));
}

static void
put_str(struct buf *w, const char *s)
{
	if (s == NULL) {
		put32(w, UINT32_MAX);
		return;
	}
	put32(w, (uint32_t)strlen(s));
	put(w, s, strlen(s));
}

static void
encode(struct buf *w, size_t k, const struct result *r)
{
	size_t start = w->len, i;
	uint32_t len;
	unsigned char level;

	put32(w, 0);
	put32(w, (uint32_t)k);
	put32(w, (uint32_t)r->status);
	put32(w, (uint32_t)r->nplanned);
	put(w, r->planned, r->nplanned * sizeof(*r->planned));
	put32(w, (uint32_t)r->ds.n);
	for (i = 0; i < r->ds.n; i++) {
		const struct pp_diag *d = &r->ds.v[i];

		level = (unsigned char)d->level;
		put(w, &level, 1);
		level = (unsigned char)(d->attached != 0);
		put(w, &level, 1);
		put32(w, d->line);
		put32(w, d->col);
		put_str(w, d->file);
		put_str(w, d->msg);
	}
	for (i = PP_NOTE; i <= PP_ERROR; i++)
		put32(w, (uint32_t)r->ds.dropped[i]);
	len = (uint32_t)(w->len - start - sizeof(len));
	memcpy(w->p + start, &len, sizeof(len));
}

/* Reading a record: a cursor that refuses to run past the end. */
struct cur {
	const unsigned char *p;
	size_t left;
	int bad;
};

static void
take(struct cur *c, void *out, size_t n)
{
	if (c->bad || c->left < n) {
		c->bad = 1;
		memset(out, 0, n);
		return;
	}
	memcpy(out, c->p, n);
	c->p += n;
	c->left -= n;
}

static uint32_t
take32(struct cur *c)
{
	uint32_t v;

	take(c, &v, sizeof(v));
	return v;
}

/* Decodes a record into b's results; 0, or -1 when it is malformed. */
static int
decode(struct pp_batch *b, const unsigned char *p, size_t len)
{
	struct cur c = {p, len, 0};
	struct result *r;
	const struct pp_attendee *t;
	uint32_t k = take32(&c), n, i, slen, dropped;
	unsigned char level, attached;
	char msg[sizeof(((struct pp_diag *)0)->msg)];

	if (c.bad || k >= b->nsel || b->res[k].status != R_NONE)
		return -1;
	r = &b->res[k];
	t = &b->att.v[b->sel[k]];
	r->status = (enum outcome)take32(&c);
	n = take32(&c);
	if (c.bad || n > c.left / sizeof(uint32_t))
		return -1;
	r->planned = pp_xcalloc(n + 1, sizeof(*r->planned));
	r->nplanned = n;
	take(&c, r->planned, n * sizeof(*r->planned));
	n = take32(&c);
	for (i = 0; i < n && !c.bad; i++) {
		unsigned line, col;
		const char *file = NULL;
		char *fbuf = NULL;

		take(&c, &level, 1);
		take(&c, &attached, 1);
		line = take32(&c);
		col = take32(&c);
		slen = take32(&c);
		if (slen != UINT32_MAX) {
			if (c.bad || slen > c.left)
				return -1;
			fbuf = pp_xstrndup((const char *)c.p, slen);
			c.p += slen;
			c.left -= slen;
			file = durable(b, t, fbuf);
			free(fbuf);
		}
		slen = take32(&c);
		if (c.bad || slen == UINT32_MAX || slen >= sizeof(msg) ||
		    slen > c.left || level > PP_ERROR)
			return -1;
		take(&c, msg, slen);
		msg[slen] = '\0';
		if (attached)
			pp_diag_attach(&r->ds, "%s", msg);
		else
			pp_diag_add(&r->ds, (enum pp_level)level, file, line,
			    col, "%s", msg);
	}
	/* What the worker counted without keeping counts here too. */
	for (i = PP_NOTE; i <= PP_ERROR; i++) {
		dropped = take32(&c);
		r->ds.dropped[i] += dropped;
		if (i == PP_ERROR)
			r->ds.nerrors += dropped;
		else if (i == PP_WARNING)
			r->ds.nwarnings += dropped;
	}
	return c.bad || c.left != 0 ? -1 : 0;
}

static int
write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* A worker: plans attendees w, w + nw, ... and reports each on fd. */
static void
worker(struct pp_batch *b, size_t w, size_t nw, int fd)
{
	struct buf out = {NULL, 0, 0};
	size_t k;

	for (k = w; k < b->nsel; k += nw) {
		struct result r;

		plan_one(b, k, &r);
		out.len = 0;
		encode(&out, k, &r);
		result_fini(&r);
		if (write_all(fd, out.p, out.len) != 0)
			break; /* the parent is gone */
	}
	free(out.p);
}

/* One worker as the parent sees it. */
struct peer {
	pid_t pid;
	int fd; /* -1 once closed */
	struct buf in;
};

static void
report(const struct pp_batch *b, size_t done, double t0, double *last,
    int final)
{
	struct pp_batch_progress pr;
	double t = now();

	if (b->o->progress == NULL || (!final && t - *last < 0.2))
		return;
	*last = t;
	pr.done = done;
	pr.total = b->nsel;
	pr.elapsed = t - t0;
	b->o->progress(b->o->progress_ctx, &pr, final);
}

/* Takes the whole records out of p's buffer; -1 on a malformed one. */
static int
drain(struct pp_batch *b, struct peer *p, size_t *done)
{
	size_t off = 0;
	uint32_t len;

	while (p->in.len - off >= sizeof(len)) {
		memcpy(&len, p->in.p + off, sizeof(len));
		if (p->in.len - off - sizeof(len) < len)
			break;
		if (decode(b, p->in.p + off + sizeof(len), len) != 0)
			return -1;
		off += sizeof(len) + len;
		(*done)++;
	}
	memmove(p->in.p, p->in.p + off, p->in.len - off);
	p->in.len -= off;
	return 0;
}

/* Forks nw workers and gathers their records; the exit status of the
 * first worker that failed is kept in b->failed_worker. */
static void
run_workers(struct pp_batch *b, size_t nw, double t0, struct pp_diags *ds)
{
	struct peer *peers = pp_xcalloc(nw, sizeof(*peers));
	struct pollfd *pfd = pp_xcalloc(nw, sizeof(*pfd));
	size_t w, open = 0, done = 0;
	double last = t0;

	/* Whatever stdio holds would be written twice, by each child too. */
	fflush(NULL);
	for (w = 0; w < nw; w++) {
		int fds[2];
		size_t v;

		peers[w].fd = -1;
		if (pipe(fds) != 0) {
			pp_diag_err(ds, NULL, 0, "cannot start a worker: %s",
			    strerror(errno));
			b->failed_worker = PP_EX_OSERR;
			break;
		}
		if ((peers[w].pid = fork()) < 0) {
			pp_diag_err(ds, NULL, 0, "cannot start a worker: %s",
			    strerror(errno));
			b->failed_worker = PP_EX_OSERR;
			close(fds[0]);
			close(fds[1]);
			break;
		}
		if (peers[w].pid == 0) {
			close(fds[0]);
			for (v = 0; v < w; v++)
				close(peers[v].fd);
			free(peers);
			free(pfd);
			worker(b, w, nw, fds[1]);
			close(fds[1]);
			_exit(0);
		}
		close(fds[1]);
		peers[w].fd = fds[0];
		open++;
	}
	nw = w;
	while (open > 0) {
		size_t n = 0;

		for (w = 0; w < nw; w++)
			if (peers[w].fd >= 0) {
				pfd[n].fd = peers[w].fd;
				pfd[n].events = POLLIN;
				pfd[n].revents = 0;
				n++;
			}
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (w = 0; w < nw; w++) {
			struct peer *p = &peers[w];
			unsigned char chunk[65536];
			ssize_t got;

			if (p->fd < 0)
				continue;
			for (n = 0; pfd[n].fd != p->fd; n++)
				;
			if (!(pfd[n].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = read(p->fd, chunk, sizeof(chunk));
			if (got < 0 && errno == EINTR)
				continue;
			if (got > 0) {
				put(&p->in, chunk, (size_t)got);
				if (drain(b, p, &done) == 0) {
					report(b, done, t0, &last, 0);
					continue;
				}
				pp_diag_err(ds, NULL, 0,
				    "worker %zu sent a malformed record", w);
			}
			close(p->fd);
			p->fd = -1;
			open--;
		}
	}
	for (w = 0; w < nw; w++) {
		int status;

		if (peers[w].fd >= 0)
			close(peers[w].fd);
		while (waitpid(peers[w].pid, &status, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			;
		else if (b->failed_worker == 0)
			b->failed_worker = WIFEXITED(status)
			    ? WEXITSTATUS(status)
			    : 128 + WTERMSIG(status);
		free(peers[w].in.p);
	}
	free(peers);
	free(pfd);
}

/* Creates DIR with mode 0700, or checks the one there; 0 or -1. */
static int
make_outdir(const char *dir, struct pp_diags *ds)
{
	struct stat st;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return pp_diag_err(ds, dir, 0,
		    "cannot create output directory: %s",
		    errno == EEXIST ? "not a directory" : strerror(errno));
	if (st.st_mode & 077)
		pp_diag_warn(ds, dir, 0,
		    "others may read this directory (mode %03o) and the "
		    "attendees' plans in it are private: chmod 700 it",
		    (unsigned)(st.st_mode & 0777));
	return 0;
}

/* Writes d as DIR/NAME.csv and DIR/NAME.json; 0, or an exit status. */
static int
write_demand(const char *dir, const char *name, const struct pp_demand *d,
    struct pp_diags *ds, char **paths)
{
	int k;

	for (k = 0; k < 2; k++) {
		struct pp_out out;
		int werr;

		paths[k] =
		    pp_xasprintf("%s/%s.%s", dir, name, k ? "json" : "csv");
		if (pp_out_open_flags(&out, paths[k], PP_OUT_PRIVATE, ds) != 0)
			return PP_EX_CANTCREAT;
		errno = 0;
		werr = k ? pp_write_demand_json(out.fp, d)
		         : pp_demand_write_csv(out.fp, d);
		if (werr != 0) {
			pp_diag_err(ds, paths[k], 0, "write error: %s",
			    strerror(errno != 0 ? errno : EIO));
			pp_out_abort(&out);
			return PP_EX_IOERR;
		}
		if (pp_out_commit(&out, ds) != 0)
			return PP_EX_IOERR;
	}
	return 0;
}

/* Keeps a path a diagnostic may name until b goes. */
static void
keep_str(struct pp_batch *b, char *s)
{
	if (s == NULL)
		return;
	b->strs =
	    pp_xgrowarray(b->strs, &b->strscap, b->nstrs + 1, sizeof(*b->strs));
	b->strs[b->nstrs++] = s;
}

/* How many of the inputs are standard input. */
static size_t
stdin_inputs(const struct pp_batch_opts *o)
{
	size_t i, n = strcmp(o->attendees, "-") == 0;

	for (i = 0; i < o->nprogramme; i++)
		n += strcmp(o->programme[i], "-") == 0;
	if (o->rooms != NULL)
		n += strcmp(o->rooms, "-") == 0;
	if (o->profile != NULL)
		n += strcmp(o->profile, "-") == 0;
	return n;
}

/* Reads the inputs; 0, or an exit status (nothing has been written). */
static int
read_inputs(struct pp_batch *b, struct pp_diags *ds)
{
	const struct pp_batch_opts *o = b->o;
	size_t i;
	int io = 0;

	if (pp_attendees_read(&b->att, o->attendees, ds, &io) != 0)
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	/* The base profile as build reads it; its text is read again for
	 * each attendee from memory. */
	if (o->profile != NULL) {
		const char *name;
		size_t len;

		if (pp_profile_load(&b->base, o->profile, ds, &io) != 0)
			return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
		if (pp_load_read(o->profile, &name, &b->base_text, &len, ds,
		        &io) != 0)
			return PP_EX_NOINPUT;
	}
	for (i = 0; i < o->nset; i++)
		if (pp_profile_set(&b->base, o->set[i].section, o->set[i].key,
		        o->set[i].value, NULL, 0, ds) != 0)
			return PP_EX_USAGE;
	if (pp_profile_check(&b->base, ds) != 0)
		return PP_EX_USAGE;
	b->base_tz = b->base.tz;
	b->src = pp_xcalloc(o->nprogramme + 1, sizeof(*b->src));
	for (i = 0; i < o->nprogramme; i++) {
		struct src *s = &b->src[b->nsrc];

		if (pp_load_read(o->programme[i], &s->name, &s->data, &s->len,
		        ds, &io) == 0)
			b->nsrc++;
	}
	if (b->nsrc < o->nprogramme)
		return PP_EX_NOINPUT;
	b->progs = pp_xcalloc(1, sizeof(*b->progs));
	b->progcap = b->nprogs = 1;
	if (load_prog(b, b->base_tz, &b->progs[0].tt, ds) != 0)
		return PP_EX_DATAERR;
	/* Before the workers are forked: they all read these words. */
	b->progs[0].words = pp_ttwords_new(b->progs[0].tt);
	index_events(b);
	/* What the plans depend on besides the attendee. */
	b->resume = !o->force && strcmp(o->attendees, "-") != 0;
	for (i = 0; i < o->nprogramme; i++)
		if (newest_of(&b->newest, o->programme[i]) != 0)
			b->resume = 0;
	if (o->profile != NULL && newest_of(&b->newest, o->profile) != 0)
		b->resume = 0;
	return 0;
}

/* The number of worker processes: jobs, else one per online CPU, never
 * more than there are attendees. */
static size_t
workers(const struct pp_batch_opts *o, size_t nsel)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = o->jobs > 0 ? o->jobs : cpus > 0 ? (size_t)cpus : 1;

	return n < nsel ? n : nsel;
}

int
pp_batch_run(struct pp_batch *b, const struct pp_batch_opts *o,
    struct pp_batch_stats *st, struct pp_diags *ds)
{
	struct pp_rooms rooms;
	struct pp_demand d;
	char *paths[2] = {NULL, NULL}, name[64];
	const char *zone;
	double t0, last;
	size_t i, j, nw;
	int io = 0, status = 0, ioerr = 0;

	b->o = o;
	memset(st, 0, sizeof(*st));
	memset(&rooms, 0, sizeof(rooms));
	if (stdin_inputs(o) > 1) {
		pp_diag_err(ds, NULL, 0,
		    "standard input ('-') can be only one of the inputs");
		return PP_EX_USAGE;
	}
	if (o->rooms != NULL && pp_rooms_read(&rooms, o->rooms, ds, &io) != 0) {
		pp_rooms_fini(&rooms);
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	}
	if ((status = read_inputs(b, ds)) != 0) {
		pp_rooms_fini(&rooms);
		return status;
	}
	zone = b->base_tz != NULL        ? b->base_tz
	    : b->progs[0].tt->tz != NULL ? b->progs[0].tt->tz
	    : b->progs[0].tt->n > 0 && *b->progs[0].tt->ev[0].tz
	    ? b->progs[0].tt->ev[0].tz
	    : "UTC";
	pp_demand_init(&d, b->progs[0].tt, zone, o->rooms ? &rooms : NULL, ds);
	pp_rooms_fini(&rooms);
	if (make_outdir(o->outdir, ds) != 0) {
		pp_demand_fini(&d);
		return PP_EX_CANTCREAT;
	}
	st->rows = b->att.n;
	b->sel = pp_xcalloc(b->att.n + 1, sizeof(*b->sel));
	for (i = 0; i < b->att.n; i++)
		if (o->shard_count == 0 ||
		    pp_batch_shard(b->att.v[i].id, o->shard_count) ==
		        o->shard_index)
			b->sel[b->nsel++] = i;
	st->selected = b->nsel;
	b->res = pp_xcalloc(b->nsel + 1, sizeof(*b->res));

	t0 = last = now();
	nw = workers(o, b->nsel);
	st->jobs = nw > 1 ? (unsigned)nw : 1;
	if (nw > 1)
		run_workers(b, nw, t0, ds);
	else
		for (i = 0; i < b->nsel; i++) {
			plan_one(b, i, &b->res[i]);
			report(b, i + 1, t0, &last, 0);
		}
	report(b, b->nsel, t0, &last, 1);
	st->seconds = now() - t0;

	/* Gather, in attendee order. */
	for (i = 0; i < b->nsel; i++) {
		struct result *r = &b->res[i];
		const struct pp_attendee *t = &b->att.v[b->sel[i]];

		if (r->status == R_NONE) {
			pp_diag_err(&r->ds, t->path ? t->path : b->att.file,
			    t->line, "not planned: its worker stopped");
			r->status = R_FAILED;
		}
		pp_diags_move(ds, &r->ds);
		if (r->status == R_PLANNED || r->status == R_UPTODATE) {
			for (j = 0; j < r->nplanned; j++)
				if (r->planned[j] < d.n)
					d.rows[r->planned[j]].attendees++;
			d.planned++;
			*(r->status == R_PLANNED ? &st->planned
			                         : &st->uptodate) += 1;
		} else {
			d.failed++;
			st->failed++;
			ioerr |= r->status == R_IOERR;
		}
	}
	if (o->shard_count > 0) {
		d.shard_index = o->shard_index;
		d.shard_count = o->shard_count;
		snprintf(name, sizeof(name), "demand-%u-of-%u", o->shard_index,
		    o->shard_count);
	} else
		snprintf(name, sizeof(name), "demand");
	status = write_demand(o->outdir, name, &d, ds, paths);
	keep_str(b, paths[0]);
	keep_str(b, paths[1]);
	pp_demand_fini(&d);
	pp_diag_add(ds, PP_NOTE, NULL, 0, 0,
	    "batch: %zu attendees: %zu planned, %zu up to date, %zu failed",
	    st->selected, st->planned, st->uptodate, st->failed);
	if (b->failed_worker != 0)
		return b->failed_worker == PP_EX_OSERR ? PP_EX_OSERR
		                                       : PP_EX_SOFTWARE;
	if (status != 0)
		return status;
	if (ioerr)
		return PP_EX_IOERR;
	return st->failed > 0 ? 1 : 0;
}

/* Reads "demand-K-of-N.json" into *k and *n; 0, or -1 for another name. */
static int
shard_name(const char *s, unsigned *k, unsigned *n)
{
	unsigned long a, c;
	char *end;

	if (strncmp(s, "demand-", 7) != 0 || s[7] < '0' || s[7] > '9')
		return -1;
	a = strtoul(s + 7, &end, 10);
	if (strncmp(end, "-of-", 4) != 0 || end[4] < '0' || end[4] > '9')
		return -1;
	c = strtoul(end + 4, &end, 10);
	if (strcmp(end, ".json") != 0 || c == 0 || a >= c ||
	    c > PP_BATCH_SHARDS_MAX)
		return -1;
	*k = (unsigned)a;
	*n = (unsigned)c;
	return 0;
}

struct shard_file {
	char *path;
	unsigned k, n;
};

static int
cmp_shard(const void *x, const void *y)
{
	const struct shard_file *a = x, *b = y;

	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	return strcmp(a->path, b->path);
}

int
pp_batch_merge(struct pp_batch *b, const char *outdir, const char *const *dirs,
    size_t ndirs, struct pp_diags *ds)
{
	struct shard_file *f = NULL;
	struct pp_demand sum, part;
	char *paths[2] = {NULL, NULL};
	size_t nf = 0, cap = 0, i, j;
	int status = 0, io;

	memset(&sum, 0, sizeof(sum));
	for (i = 0; i < ndirs && status == 0; i++) {
		DIR *dp = opendir(dirs[i]);
		struct dirent *e;
		size_t before = nf;

		if (dp == NULL) {
			pp_diag_err(ds, dirs[i], 0, "cannot read directory: %s",
			    strerror(errno));
			status = PP_EX_NOINPUT;
			break;
		}
		while ((e = readdir(dp)) != NULL) {
			unsigned k, n;

			if (shard_name(e->d_name, &k, &n) != 0)
				continue;
			f = pp_xgrowarray(f, &cap, nf + 1, sizeof(*f));
			f[nf].path = pp_xasprintf("%s/%s", dirs[i], e->d_name);
			f[nf].k = k;
			f[nf].n = n;
			nf++;
		}
		closedir(dp);
		if (nf == before) {
			pp_diag_err(ds, dirs[i], 0,
			    "no shard demand files (demand-K-of-N.json)");
			status = PP_EX_NOINPUT;
		}
	}
	if (nf > 1)
		qsort(f, nf, sizeof(*f), cmp_shard);
	for (i = 0; i < nf && status == 0; i++) {
		if (f[i].n != f[0].n) {
			pp_diag_err(ds, f[i].path, 0,
			    "a shard of %u, %s is a shard of %u", f[i].n,
			    f[0].path, f[0].n);
			status = PP_EX_DATAERR;
		} else if (i > 0 && f[i].k == f[i - 1].k) {
			pp_diag_err(ds, f[i].path, 0,
			    "shard %u of %u again (also %s)", f[i].k, f[i].n,
			    f[i - 1].path);
			status = PP_EX_DATAERR;
		}
	}
	for (j = 0, i = 0; status == 0 && nf > 0 && j < f[0].n; j++) {
		if (i < nf && f[i].k == j) {
			i++;
			continue;
		}
		pp_diag_err(ds, NULL, 0, "shard %zu of %u is missing", j,
		    f[0].n);
		status = PP_EX_DATAERR;
	}
	for (i = 0; i < nf && status == 0; i++) {
		if (pp_demand_read_json(&part, f[i].path, ds, &io) != 0) {
			status = io ? PP_EX_NOINPUT : PP_EX_DATAERR;
			break;
		}
		if (part.shard_count != f[i].n || part.shard_index != f[i].k) {
			pp_diag_err(ds, f[i].path, 0,
			    "holds shard %u of %u, not the one its name says",
			    part.shard_index, part.shard_count);
			status = PP_EX_DATAERR;
		} else if (pp_demand_add(&sum, &part, f[i].path, ds) != 0)
			status = PP_EX_DATAERR;
		pp_demand_fini(&part);
	}
	if (status == 0 && make_outdir(outdir, ds) != 0)
		status = PP_EX_CANTCREAT;
	if (status == 0)
		status = write_demand(outdir, "demand", &sum, ds, paths);
	pp_demand_fini(&sum);
	/* The diagnostics name these paths: b keeps them. */
	for (i = 0; i < nf; i++)
		keep_str(b, f[i].path);
	free(f);
	keep_str(b, paths[0]);
	keep_str(b, paths[1]);
	return status;
}
