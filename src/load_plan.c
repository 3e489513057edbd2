/* SPDX-License-Identifier: ISC */
/*
 * Reads a plan back (JSON through jansson, CSV through libcsv, TSV by
 * hand), keeping per item what diff, now and --pins use.  The columns and
 * keys are those the plan writers document in write_csv.h and
 * write_json.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "pyplan/csvrows.h"
#include "pyplan/load.h"
#include "pyplan/load_plan.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* The columns read from a CSV or TSV plan. */
enum col {
	C_DATE,
	C_START,
	C_END,
	C_KIND,
	C_TITLE,
	C_ROOM,
	C_MUST,
	C_ID,
	C_PIN,
	C_STATUS,
	C__COUNT
};

static const char *const col_names[C__COUNT] = {"date", "start", "end", "kind",
    "title", "room", "must", "id", "pin", "status"};

struct rd {
	struct pp_plan_file *pf;
	const char *name;
	const char *zone;
	struct pp_diags *ds;
	int col[C__COUNT];
	int have_header;
	unsigned line, row_line;
	/* the current row's fields */
	char **f;
	size_t nf, fcap;
};

static struct pp_plan_row *
add_row(struct pp_plan_file *pf)
{
	struct pp_plan_row *r;

	pf->rows =
	    pp_xgrowarray(pf->rows, &pf->cap, pf->n + 1, sizeof(*pf->rows));
	r = &pf->rows[pf->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

/* The prefixes of the ids pyplan gives blocks it made up
 * (pp_item_id: "hallway-2018-05-11-1050", "lunch-...", ...). */
static const char *const synth_prefixes[] = {"hallway-", "lunch-",
    "open-space-", "host-", "expo-", "posters-", "busy-"};

/* 1 if id is one pyplan gives a block it made up: a prefix, then a
 * digit. */
static int
synthesized_id(const char *id)
{
	size_t i, n;

	for (i = 0; i < sizeof(synth_prefixes) / sizeof(*synth_prefixes); i++) {
		n = strlen(synth_prefixes[i]);
		if (strncmp(id, synth_prefixes[i], n) == 0 &&
		    isdigit((unsigned char)id[n]))
			return 1;
	}
	return 0;
}

/* Reads a pin word; returns 0, or -1 when it is not one. */
static int
parse_pin(const char *s, enum pp_pin *pin)
{
	static const char *const keep[] = {"", "keep", "must", "yes", "no"};
	size_t i;

	if (strcasecmp(s, "drop") == 0 || strcasecmp(s, "skip") == 0) {
		*pin = PP_PIN_DROP;
		return 0;
	}
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (strcasecmp(s, keep[i]) == 0) {
			*pin = PP_PIN_KEEP;
			return 0;
		}
	return -1;
}

/* ------------------------------------------------------------------ */
/* CSV and TSV                                                          */

static const char *
fv(const struct rd *r, enum col c)
{
	int i = r->col[c];

	return i >= 0 && (size_t)i < r->nf ? r->f[i] : "";
}

/* Reads "HH:MM" on date (local in zone), or an ISO date-time; returns
 * 0 or -1. */
static int
row_time(const struct rd *r, const char *date, const char *s, int64_t *out)
{
	struct pp_civil c;
	int mins;

	if (strchr(s, 'T') != NULL || strlen(s) > 8)
		return pp_tz_parse_iso(s, r->zone, out);
	if (pp_parse_date(date, &c) != 0 || pp_parse_hhmm(s, &mins) != 0)
		return -1;
	c.hour = mins / 60;
	c.min = mins % 60;
	if (mins == 1440) { /* 24:00: midnight at the end of the day */
		c.hour = 0;
		if (pp_tz_from_civil(r->zone != NULL ? r->zone : "UTC", &c,
		        out) != 0)
			return -1;
		*out += 86400;
		return 0;
	}
	return pp_tz_from_civil(r->zone != NULL ? r->zone : "UTC", &c, out);
}

static void
header_row(struct rd *r)
{
	size_t i;
	int k;

	r->have_header = 1;
	for (k = 0; k < C__COUNT; k++)
		r->col[k] = -1;
	for (i = 0; i < r->nf; i++)
		for (k = 0; k < C__COUNT; k++)
			if (r->col[k] < 0 &&
			    strcasecmp(r->f[i], col_names[k]) == 0)
				r->col[k] = (int)i;
	if (r->col[C_ID] < 0 && r->col[C_TITLE] < 0)
		pp_diag_err(r->ds, r->name, r->row_line,
		    "not a plan: the header has no id or title column");
}

static void
data_row(struct rd *r)
{
	struct pp_plan_row *row;
	const char *id = fv(r, C_ID), *title = fv(r, C_TITLE);
	const char *date = fv(r, C_DATE), *s = fv(r, C_START),
	           *e = fv(r, C_END);
	enum pp_pin pin = PP_PIN_KEEP, p2 = PP_PIN_KEEP;
	size_t i;
	int blank = 1;

	for (i = 0; i < r->nf; i++)
		if (*r->f[i] != '\0')
			blank = 0;
	/* A header without id and title was reported once.  A replanned
	 * plan lists what it dropped, not planned. */
	if (blank || (r->col[C_ID] < 0 && r->col[C_TITLE] < 0) ||
	    strcasecmp(fv(r, C_STATUS), "dropped") == 0)
		return;
	if (*id == '\0' && *title == '\0') {
		pp_diag_err(r->ds, r->name, r->row_line,
		    "row has neither an id nor a title");
		return;
	}
	if (parse_pin(fv(r, C_PIN), &pin) != 0) {
		pp_diag_err(r->ds, r->name, r->row_line,
		    "unknown pin '%s' (keep or drop)", fv(r, C_PIN));
		return;
	}
	if (parse_pin(fv(r, C_MUST), &p2) != 0) {
		pp_diag_err(r->ds, r->name, r->row_line,
		    "unknown must '%s' (yes, no or drop)", fv(r, C_MUST));
		return;
	}
	row = add_row(r->pf);
	row->id = pp_xstrdup(id);
	row->title = pp_xstrdup(title);
	row->kind = pp_xstrdup(fv(r, C_KIND));
	row->room = pp_xstrdup(fv(r, C_ROOM));
	row->uid = pp_xstrdup("");
	row->line = r->row_line;
	row->synthesized = synthesized_id(id);
	row->must = strcasecmp(fv(r, C_MUST), "yes") == 0;
	row->pin =
	    pin == PP_PIN_DROP || p2 == PP_PIN_DROP ? PP_PIN_DROP : PP_PIN_KEEP;
	if (*s != '\0' && *e != '\0') {
		if (row_time(r, date, s, &row->start) != 0 ||
		    row_time(r, date, e, &row->end) != 0) {
			pp_diag_err(r->ds, r->name, r->row_line,
			    "bad time '%s %s-%s'", date, s, e);
			return;
		}
		/* HH:MM times past midnight belong to the next day. */
		if (row->end <= row->start && strchr(e, 'T') == NULL)
			row->end += 86400;
		row->has_time = 1;
	}
}

static void
end_row(struct rd *r)
{
	size_t i;

	if (!r->have_header) {
		int blank = r->nf == 0 || (r->nf == 1 && *r->f[0] == '\0');

		if (!blank)
			header_row(r);
	} else
		data_row(r);
	for (i = 0; i < r->nf; i++)
		free(r->f[i]);
	r->nf = 0;
}

static void
push_field(struct rd *r, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\r')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
		len--;
	r->f = pp_xgrowarray(r->f, &r->fcap, r->nf + 1, sizeof(*r->f));
	r->f[r->nf++] = pp_xstrndup(s, len);
}

static void
csv_field(void *s, size_t len, void *data)
{
	struct rd *r = data;

	push_field(r, s != NULL ? s : "", len);
}

static void
csv_row(int term, void *data)
{
	(void)term;
	end_row(data);
}

static void
parse_csv(struct rd *r, const char *data, size_t len)
{
	struct pp_csv_feed f;

	memset(&f, 0, sizeof(f));
	f.field = csv_field;
	f.row = csv_row;
	f.data = r;
	f.row_line = &r->row_line;
	if (pp_csv_feed(&f, r->name, data, len, r->ds) == 1)
		pp_diag_err(r->ds, r->name, r->row_line,
		    "unterminated quoted field: it runs to the end of the "
		    "file");
}

/* A TSV field with \\, \t, \n and \r undone (write_csv.h). */
static void
tsv_field(struct rd *r, const char *s, size_t len)
{
	char *u = pp_xmalloc(len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			char c = s[++i];

			u[n++] = c == 't' ? '\t'
			    : c == 'n'    ? '\n'
			    : c == 'r'    ? '\r'
			                  : c;
		} else
			u[n++] = s[i];
	}
	push_field(r, u, n);
	free(u);
}

static void
parse_tsv(struct rd *r, const char *data, size_t len)
{
	size_t pos = 0;

	r->line = 1;
	while (pos < len) {
		size_t n = pp_csv_line_len(data + pos, len - pos), k = 0,
		       from = 0;
		size_t end = n;

		if (end > 0 && data[pos + end - 1] == '\n')
			end--;
		if (end > 0 && data[pos + end - 1] == '\r')
			end--;
		r->row_line = r->line;
		for (k = 0; k <= end; k++)
			if (k == end || data[pos + k] == '\t') {
				tsv_field(r, data + pos + from, k - from);
				from = k + 1;
			}
		end_row(r);
		pos += n;
		r->line++;
	}
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

static const char *
jstr(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : "";
}

static void
json_item(struct rd *r, const json_t *it, const char *date, size_t k)
{
	struct pp_plan_row *row;
	const char *id = jstr(it, "id"), *title = jstr(it, "title");
	const char *src = jstr(it, "source");
	enum pp_pin pin = PP_PIN_KEEP;

	if (!json_is_object(it)) {
		pp_diag_err(r->ds, r->name, 0, "%s item %zu is not an object",
		    date, k + 1);
		return;
	}
	if (*id == '\0' && *title == '\0') {
		pp_diag_err(r->ds, r->name, 0,
		    "%s item %zu has neither an id nor a title", date, k + 1);
		return;
	}
	if (parse_pin(jstr(it, "pin"), &pin) != 0) {
		pp_diag_err(r->ds, r->name, 0,
		    "item '%s': unknown pin '%s' (keep or drop)",
		    *id ? id : title, jstr(it, "pin"));
		return;
	}
	row = add_row(r->pf);
	row->id = pp_xstrdup(id);
	row->title = pp_xstrdup(title);
	row->kind = pp_xstrdup(jstr(it, "kind"));
	row->room = pp_xstrdup(jstr(it, "room"));
	row->uid = pp_xstrdup(jstr(it, "uid"));
	{
		const json_t *q = json_object_get(it, "sequence");

		if (json_is_integer(q) && json_integer_value(q) >= 0 &&
		    json_integer_value(q) < 1000000)
			row->sequence = (int)json_integer_value(q);
	}
	row->synthesized = (*src != '\0' && strcmp(src, "programme") != 0 &&
	                       strcmp(src, "attended") != 0) ||
	    (*src == '\0' && synthesized_id(id));
	row->must = json_is_true(json_object_get(it, "must"));
	row->pin = pin;
	if (pp_tz_parse_iso(jstr(it, "start"), NULL, &row->start) == 0 &&
	    pp_tz_parse_iso(jstr(it, "end"), NULL, &row->end) == 0)
		row->has_time = 1;
	else
		pp_diag_err(r->ds, r->name, 0,
		    "item '%s': bad start or end (ISO 8601 with offset)",
		    *id ? id : title);
}

static void
parse_json(struct rd *r, const char *data, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
	const json_t *days, *v;
	size_t i, k;

	if (root == NULL) {
		pp_diag_add(r->ds, PP_ERROR, r->name, (unsigned)err.line,
		    err.column > 0 ? (unsigned)err.column : 0, "%s", err.text);
		return;
	}
	days = json_object_get(root, "days");
	if (!json_is_object(root) || !json_is_array(days)) {
		pp_diag_err(r->ds, r->name, 0, "%s",
		    json_is_object(root) && json_object_get(root, "events")
		        ? "not a plan but a programme (no \"days\")"
		        : "not a plan: no \"days\" array");
		json_decref(root);
		return;
	}
	v = json_object_get(json_object_get(root, "profile"),
	    "room_change_minutes");
	if (json_is_integer(v) && json_integer_value(v) >= 0 &&
	    json_integer_value(v) <= 1440)
		r->pf->room_change = (int)json_integer_value(v);
	v = json_object_get(json_object_get(root, "conference"), "timezone");
	if (json_is_string(v) && pp_tz_valid(json_string_value(v)))
		r->pf->tz = pp_xstrdup(json_string_value(v));
	for (i = 0; i < json_array_size(days); i++) {
		const json_t *d = json_array_get(days, i);
		const json_t *items = json_object_get(d, "items");
		const char *date = jstr(d, "date");

		if (!json_is_array(items)) {
			pp_diag_err(r->ds, r->name, 0,
			    "day %zu has no \"items\" array", i + 1);
			continue;
		}
		for (k = 0; k < json_array_size(items); k++)
			json_item(r, json_array_get(items, k), date, k);
	}
	json_decref(root);
}

/* ------------------------------------------------------------------ */

int
pp_plan_file_parse(struct pp_plan_file *pf, const char *name, const char *data,
    size_t len, const char *zone, struct pp_diags *ds)
{
	struct rd r;
	size_t nerr = ds->nerrors, i = 0, nl;

	memset(pf, 0, sizeof(*pf));
	pf->path = name;
	pf->room_change = -1;
	memset(&r, 0, sizeof(r));
	r.pf = pf;
	r.name = name;
	r.zone = zone;
	r.ds = ds;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i == len)
		return pp_diag_err(ds, name, 0, "empty file: no plan");
	json_set_alloc_funcs(pp_xmalloc, free);
	if (data[i] == '{' || data[i] == '[')
		parse_json(&r, data, len);
	else if (pp_csv_text_ok(name, data, len, ds) == 0) {
		nl = pp_csv_line_len(data + i, len - i);
		if (memchr(data + i, '\t', nl) != NULL)
			parse_tsv(&r, data, len);
		else
			parse_csv(&r, data, len);
		if (r.nf > 0)
			end_row(&r);
	}
	for (i = 0; i < r.nf; i++)
		free(r.f[i]);
	free(r.f);
	return ds->nerrors > nerr ? -1 : 0;
}

int
pp_plan_file_load(struct pp_plan_file *pf, const char *path, const char *zone,
    struct pp_diags *ds, int *io_error)
{
	const char *name = path;
	char *data;
	size_t len;
	int r;

	memset(pf, 0, sizeof(*pf));
	pf->path = path;
	pf->room_change = -1;
	if (pp_load_read(path, &name, &data, &len, ds, io_error) != 0)
		return -1;
	r = pp_plan_file_parse(pf, name, data, len, zone, ds);
	free(data);
	return r;
}

void
pp_plan_file_fini(struct pp_plan_file *pf)
{
	size_t i;

	for (i = 0; i < pf->n; i++) {
		free(pf->rows[i].id);
		free(pf->rows[i].title);
		free(pf->rows[i].kind);
		free(pf->rows[i].room);
		free(pf->rows[i].uid);
	}
	free(pf->rows);
	free(pf->tz);
	memset(pf, 0, sizeof(*pf));
}

const struct pp_plan_row *
pp_plan_file_find(const struct pp_plan_file *pf, const char *id)
{
	size_t i;

	if (id == NULL || *id == '\0')
		return NULL;
	for (i = 0; i < pf->n; i++)
		if (strcmp(pf->rows[i].id, id) == 0)
			return &pf->rows[i];
	return NULL;
}
