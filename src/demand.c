/* SPDX-License-Identifier: ISC */
/*
 * Room demand: one row per programme event with its room's capacity, the
 * number of attendees who plan it, and the two files it is written to
 * (demand.h documents both).  Strings are repaired to valid UTF-8 once,
 * when the rows are made, so that a demand read back from JSON and
 * written again is the same, byte for byte.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "pyplan/csvrows.h"
#include "pyplan/demand.h"
#include "pyplan/profile.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write_csv.h"
#include "pyplan/xalloc.h"

/* The rooms file. */
struct rctx {
	struct pp_rooms *r;
	struct pp_diags *ds;
	int col_room, col_cap; /* -1 until the header names them */
	int header_done, bad;
};

static int
rooms_header(struct rctx *c, unsigned line, const char *const *f, size_t n)
{
	size_t i;

	c->header_done = 1;
	c->col_room = c->col_cap = -1;
	for (i = 0; i < n; i++) {
		int *col = strcasecmp(f[i], "room") == 0 ? &c->col_room
		    : strcasecmp(f[i], "capacity") == 0  ? &c->col_cap
		                                         : NULL;

		if (col == NULL || *col >= 0) {
			pp_diag_add(c->ds, PP_ERROR, c->r->file, line,
			    (unsigned)i + 1,
			    "%s column '%.60s' (expected room and capacity)",
			    col == NULL ? "unknown" : "repeated", f[i]);
			c->bad = 1;
		} else
			*col = (int)i;
	}
	if (!c->bad && (c->col_room < 0 || c->col_cap < 0)) {
		pp_diag_err(c->ds, c->r->file, line, "no %s column",
		    c->col_room < 0 ? "room" : "capacity");
		c->bad = 1;
	}
	return c->bad ? -1 : 0;
}

/* A capacity: a whole number 1..PP_ROOM_CAPACITY_MAX. */
static int
parse_capacity(const char *s, long *out)
{
	int v;

	if (pp_profile_parse_count(s, PP_ROOM_CAPACITY_MAX, &v) != 0 || v == 0)
		return -1;
	*out = v;
	return 0;
}

static int bad_row(struct rctx *c, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports a bad row of the rooms file; returns 0 to read on. */
static int
bad_row(struct rctx *c, unsigned line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pp_diag_err(c->ds, c->r->file, line, "%s", msg);
	c->bad = 1;
	return 0;
}

static int
rooms_row(void *ctx, unsigned line, const char *const *f, size_t n)
{
	struct rctx *c = ctx;
	struct pp_rooms *r = c->r;
	const char *room, *cap;
	long v;
	size_t i;

	if (!c->header_done)
		return rooms_header(c, line, f, n);
	room = (size_t)c->col_room < n ? f[c->col_room] : "";
	cap = (size_t)c->col_cap < n ? f[c->col_cap] : "";
	/* A bad row is reported and reading goes on, so that every problem
	 * of the file is listed in one run. */
	if (n > 2)
		return bad_row(c, line, "%zu fields, the header has 2", n);
	if (*room == '\0')
		return bad_row(c, line, "%s", "no room name");
	if (parse_capacity(cap, &v) != 0)
		return bad_row(c, line,
		    "room '%.60s': capacity must be a whole number from 1 to "
		    "%d, got '%.40s'",
		    room, PP_ROOM_CAPACITY_MAX, cap);
	if (r->n >= PP_ROOMS_MAX)
		return bad_row(c, line, "more than %d rooms", PP_ROOMS_MAX);
	for (i = 0; i < r->n; i++)
		if (strcasecmp(r->v[i].room, room) == 0)
			return bad_row(c, line,
			    "room '%.60s' is repeated (line %u)", room,
			    r->v[i].line);
	r->v = pp_xgrowarray(r->v, &r->cap, r->n + 1, sizeof(*r->v));
	r->v[r->n].room = pp_xstrdup(room);
	r->v[r->n].capacity = v;
	r->v[r->n].line = line;
	r->v[r->n].used = 0;
	r->n++;
	return 0;
}

int
pp_rooms_read(struct pp_rooms *r, const char *path, struct pp_diags *ds,
    int *io_error)
{
	struct rctx c;
	int rc;

	memset(r, 0, sizeof(*r));
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.ds = ds;
	rc = pp_csvrows_read(path, &r->file, rooms_row, &c, ds, io_error);
	if (rc == 0 && !c.header_done)
		rc = pp_diag_err(ds, r->file, 0, "empty file: no header row");
	return rc != 0 || c.bad ? -1 : 0;
}

void
pp_rooms_fini(struct pp_rooms *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].room);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

static int
cmp_room(const void *x, const void *y)
{
	const struct pp_room_cap *a = *(const struct pp_room_cap *const *)x;
	const struct pp_room_cap *b = *(const struct pp_room_cap *const *)y;

	return strcasecmp(a->room, b->room);
}

/* bsearch: a room name against an entry of the sorted rooms. */
static int
cmp_name(const void *key, const void *elem)
{
	const struct pp_room_cap *b = *(const struct pp_room_cap *const *)elem;

	return strcasecmp(key, b->room);
}

/* The capacity of an event's rooms, looked up in by (r's rooms sorted
 * by name): their sum, -1 when one is unknown. */
static long
capacity(struct pp_room_cap **by, size_t n, const struct pp_event *ev)
{
	struct pp_room_cap **hit;
	long sum = 0;
	size_t i;

	if (n == 0 || ev->nrooms == 0)
		return -1;
	for (i = 0; i < ev->nrooms; i++) {
		hit = bsearch(ev->rooms[i], by, n, sizeof(*by), cmp_name);
		if (hit == NULL)
			return -1;
		(*hit)->used = 1;
		sum += (*hit)->capacity;
	}
	return sum;
}

static char *
repaired(const char *s)
{
	char *fixed = pp_utf8_repair(s != NULL ? s : "");

	return fixed != NULL ? fixed : pp_xstrdup(s != NULL ? s : "");
}

void
pp_demand_init(struct pp_demand *d, const struct pp_timetable *tt,
    const char *zone, struct pp_rooms *r, struct pp_diags *ds)
{
	struct pp_room_cap **by;
	size_t i;

	memset(d, 0, sizeof(*d));
	by = pp_xcalloc(r != NULL ? r->n + 1 : 1, sizeof(*by));
	for (i = 0; r != NULL && i < r->n; i++)
		by[i] = &r->v[i];
	if (r != NULL && r->n > 1)
		qsort(by, r->n, sizeof(*by), cmp_room);
	d->rows = pp_xcalloc(tt->n + 1, sizeof(*d->rows));
	d->n = tt->n;
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		struct pp_demand_row *row = &d->rows[i];
		const char *z = *ev->tz != '\0' ? ev->tz : zone;
		char buf[32];

		row->id = repaired(ev->id);
		row->title = repaired(ev->title);
		row->kind = pp_xstrdup(pp_kind_name(ev->kind));
		pp_tz_format_iso(z, ev->start, buf);
		row->start = pp_xstrdup(buf);
		pp_tz_format_iso(z, ev->end, buf);
		row->end = pp_xstrdup(buf);
		row->room = repaired(ev->room);
		row->capacity = capacity(by, r != NULL ? r->n : 0, ev);
	}
	free(by);
	for (i = 0; r != NULL && i < r->n; i++)
		if (!r->v[i].used)
			pp_diag_warn(ds, r->file, r->v[i].line,
			    "room '%.60s' is the room of no event",
			    r->v[i].room);
}

static void
row_fini(struct pp_demand_row *row)
{
	free(row->id);
	free(row->title);
	free(row->kind);
	free(row->start);
	free(row->end);
	free(row->room);
}

void
pp_demand_fini(struct pp_demand *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		row_fini(&d->rows[i]);
	free(d->rows);
	memset(d, 0, sizeof(*d));
}

unsigned long
pp_demand_fill(const struct pp_demand_row *row)
{
	unsigned long c = (unsigned long)row->capacity;

	return (row->attendees * 200 + c) / (2 * c);
}

int
pp_demand_write_csv(FILE *fp, const struct pp_demand *d)
{
	static const char *const cols[] = {"id", "title", "kind", "start",
	    "end", "room", "capacity", "attendees", "overflow", "fill_percent"};
	size_t i;
	int err = pp_csv_row(fp, cols, 10, 0);

	for (i = 0; i < d->n && err == 0; i++) {
		const struct pp_demand_row *row = &d->rows[i];
		char cap[24] = "", att[24], fill[24] = "";
		const char *cells[10];
		int known = row->capacity >= 0;

		if (known) {
			snprintf(cap, sizeof(cap), "%ld", row->capacity);
			snprintf(fill, sizeof(fill), "%lu",
			    pp_demand_fill(row));
		}
		snprintf(att, sizeof(att), "%lu", row->attendees);
		cells[0] = row->id;
		cells[1] = row->title;
		cells[2] = row->kind;
		cells[3] = row->start;
		cells[4] = row->end;
		cells[5] = row->room;
		cells[6] = cap;
		cells[7] = att;
		cells[8] = !known                                   ? ""
		    : row->attendees > (unsigned long)row->capacity ? "yes"
		                                                    : "no";
		cells[9] = fill;
		err = pp_csv_row(fp, cells, 10, 0);
	}
	if (fflush(fp) == EOF || ferror(fp))
		err = -1;
	return err;
}

/* Reading demand.json back. */

static int
get_str(json_t *o, const char *key, int nullable, char **out)
{
	json_t *v = json_object_get(o, key);

	if (nullable && json_is_null(v)) {
		*out = pp_xstrdup("");
		return 0;
	}
	if (!json_is_string(v))
		return -1;
	*out = pp_xstrdup(json_string_value(v));
	return 0;
}

static int
get_count(json_t *o, const char *key, unsigned long *out)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return -1;
	*out = (unsigned long)json_integer_value(v);
	return 0;
}

static int
read_row(json_t *o, struct pp_demand_row *row)
{
	json_t *cap = json_object_get(o, "capacity");

	if (!json_is_object(o))
		return -1;
	if (get_str(o, "id", 0, &row->id) ||
	    get_str(o, "title", 0, &row->title) ||
	    get_str(o, "kind", 0, &row->kind) ||
	    get_str(o, "start", 0, &row->start) ||
	    get_str(o, "end", 0, &row->end) ||
	    get_str(o, "room", 1, &row->room) ||
	    get_count(o, "attendees", &row->attendees))
		return -1;
	if (json_is_null(cap))
		row->capacity = -1;
	else if (json_is_integer(cap) && json_integer_value(cap) > 0 &&
	    json_integer_value(cap) <= PP_ROOM_CAPACITY_MAX * 1000L)
		row->capacity = (long)json_integer_value(cap);
	else
		return -1;
	return 0;
}

int
pp_demand_read_json(struct pp_demand *d, const char *path, struct pp_diags *ds,
    int *io_error)
{
	json_t *root, *x, *rows;
	json_error_t err;
	unsigned long idx = 0, cnt = 0;
	size_t i;

	memset(d, 0, sizeof(*d));
	*io_error = 0;
	json_set_alloc_funcs(pp_xmalloc, free);
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		if (json_error_code(&err) == json_error_cannot_open_file) {
			*io_error = 1;
			return pp_diag_err(ds, path, 0, "cannot read: %s",
			    strerror(errno != 0 ? errno : ENOENT));
		}
		return pp_diag_err(ds, path,
		    (unsigned)(err.line > 0 ? err.line : 0), "not JSON: %s",
		    err.text);
	}
	x = json_object_get(root, "schema_version");
	rows = json_object_get(root, "sessions");
	if (!json_is_integer(x) || json_integer_value(x) != 1 ||
	    !json_is_array(rows))
		goto bad;
	x = json_object_get(root, "shard");
	if (json_is_object(x)) {
		if (get_count(x, "index", &idx) ||
		    get_count(x, "count", &cnt) || cnt == 0 || idx >= cnt ||
		    cnt > UINT_MAX)
			goto bad;
		d->shard_index = (unsigned)idx;
		d->shard_count = (unsigned)cnt;
	} else if (!json_is_null(x))
		goto bad;
	x = json_object_get(root, "attendees");
	if (!json_is_object(x) || get_count(x, "planned", &d->planned) ||
	    get_count(x, "failed", &d->failed))
		goto bad;
	d->rows = pp_xcalloc(json_array_size(rows) + 1, sizeof(*d->rows));
	for (i = 0; i < json_array_size(rows); i++) {
		d->n = i + 1;
		if (read_row(json_array_get(rows, i), &d->rows[i]) != 0)
			goto bad;
	}
	json_decref(root);
	return 0;
bad:
	json_decref(root);
	pp_demand_fini(d);
	return pp_diag_err(ds, path, 0,
	    "not a pyplan demand file (schema_version 1)");
}

static int
same_row(const struct pp_demand_row *a, const struct pp_demand_row *b)
{
	return strcmp(a->id, b->id) == 0 && strcmp(a->title, b->title) == 0 &&
	    strcmp(a->kind, b->kind) == 0 && strcmp(a->start, b->start) == 0 &&
	    strcmp(a->end, b->end) == 0 && strcmp(a->room, b->room) == 0 &&
	    a->capacity == b->capacity;
}

int
pp_demand_add(struct pp_demand *sum, const struct pp_demand *part,
    const char *path, struct pp_diags *ds)
{
	size_t i;

	if (sum->rows == NULL) {
		sum->rows = pp_xcalloc(part->n + 1, sizeof(*sum->rows));
		for (i = 0; i < part->n; i++) {
			struct pp_demand_row *r = &sum->rows[i];

			*r = part->rows[i];
			r->id = pp_xstrdup(r->id);
			r->title = pp_xstrdup(r->title);
			r->kind = pp_xstrdup(r->kind);
			r->start = pp_xstrdup(r->start);
			r->end = pp_xstrdup(r->end);
			r->room = pp_xstrdup(r->room);
			r->attendees = 0;
		}
		sum->n = part->n;
	}
	if (part->n != sum->n)
		return pp_diag_err(ds, path, 0,
		    "%zu sessions, the other files have %zu: not the same "
		    "programme",
		    part->n, sum->n);
	for (i = 0; i < part->n; i++)
		if (!same_row(&sum->rows[i], &part->rows[i]))
			return pp_diag_err(ds, path, 0,
			    "session %zu ('%.60s', id %.40s) differs from the "
			    "other files: not the same programme or rooms",
			    i + 1, part->rows[i].title, part->rows[i].id);
	for (i = 0; i < part->n; i++)
		sum->rows[i].attendees += part->rows[i].attendees;
	sum->planned += part->planned;
	sum->failed += part->failed;
	return 0;
}
