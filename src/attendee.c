/* SPDX-License-Identifier: ISC */
/*
 * The attendee file (or directory of profiles) of `pyplan batch`: read
 * once, rows checked for what needs the whole file (ids), and each row
 * turned into profile settings when its attendee is planned.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/attendee.h"
#include "pyplan/csvrows.h"
#include "pyplan/load.h"
#include "pyplan/xalloc.h"

/* The columns SPEC §11 fixes besides the [plan] keys, in the order of the
 * "expected" list of the unknown-column message. */
static const char *const fixed_cols[] = {"id", "name", "interests", "speakers",
    "must", "skip", "days", "languages", "tickets"};

#define NFIXED (sizeof(fixed_cols) / sizeof(fixed_cols[0]))

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* "Max_Talks Per-Day" -> "max-talks-per-day" (a heap string). */
static char *
canonical(const char *s)
{
	char *c = pp_xstrdup(s);
	size_t i;

	for (i = 0; c[i] != '\0'; i++)
		c[i] = c[i] == '_' || c[i] == ' ' ? '-' : (char)lower(c[i]);
	return c;
}

static int
is_fixed(const char *col)
{
	size_t i;

	for (i = 0; i < NFIXED; i++)
		if (strcmp(col, fixed_cols[i]) == 0)
			return 1;
	return 0;
}

/* "demand" or "demand-K-of-N" (digits), in any case. */
static int
demand_name(const char *id)
{
	size_t n;

	if (strcasecmp(id, "demand") == 0)
		return 1;
	if (strncasecmp(id, "demand-", 7) != 0)
		return 0;
	id += 7;
	if ((n = strspn(id, "0123456789")) == 0 ||
	    strncasecmp(id + n, "-of-", 4) != 0)
		return 0;
	id += n + 4;
	n = strspn(id, "0123456789");
	return n > 0 && id[n] == '\0';
}

int
pp_attendee_id_ok(const char *id)
{
	size_t i, n = strlen(id);

	if (n == 0 || n > PP_ATTENDEE_ID_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || strchr("._@+-", c) == NULL))
			return 0;
	}
	return !demand_name(id);
}

static struct pp_attendee *
add(struct pp_attendees *a)
{
	struct pp_attendee *t;

	a->v = pp_xgrowarray(a->v, &a->cap, a->n + 1, sizeof(*a->v));
	t = &a->v[a->n++];
	memset(t, 0, sizeof(*t));
	pp_diags_init(&t->problems);
	return t;
}

/* Explains a bad id in a diagnostic. */
static void
bad_id(struct pp_diags *ds, const char *file, unsigned line, const char *id)
{
	if (*id == '\0')
		pp_diag_err(ds, file, line, "no id: the row is not planned");
	else if (strlen(id) > PP_ATTENDEE_ID_MAX)
		pp_diag_err(ds, file, line,
		    "id '%.40s...' is longer than %d bytes", id,
		    PP_ATTENDEE_ID_MAX);
	else if (demand_name(id))
		pp_diag_err(ds, file, line,
		    "id '%.60s' is the name of a demand file", id);
	else
		pp_diag_err(ds, file, line,
		    "id '%.60s' is not a valid attendee id (letters, digits "
		    "and ._@+-, starting with a letter or digit)",
		    id);
}

/* Reading the row form. */
struct rctx {
	struct pp_attendees *a;
	struct pp_diags *ds;
	int idcol;
	int header_bad;
};

static int
header_row(struct rctx *c, unsigned line, const char *const *f, size_t n)
{
	struct pp_attendees *a = c->a;
	size_t i, j;

	if (n > PP_ATTENDEE_COLS_MAX) {
		pp_diag_err(c->ds, a->file, line,
		    "%zu columns: an attendee file has at most %d", n,
		    PP_ATTENDEE_COLS_MAX);
		c->header_bad = 1;
		return -1;
	}
	a->cols = pp_xcalloc(n + 1, sizeof(*a->cols));
	a->ncols = n;
	c->idcol = -1;
	for (i = 0; i < n; i++) {
		char *col = canonical(f[i]);

		a->cols[i] = col;
		if (*col == '\0') {
			pp_diag_add(c->ds, PP_ERROR, a->file, line,
			    (unsigned)i + 1, "column %zu has no name", i + 1);
			c->header_bad = 1;
			continue;
		}
		if (!is_fixed(col) && !pp_profile_has_key("plan", col)) {
			pp_diag_add(c->ds, PP_ERROR, a->file, line,
			    (unsigned)i + 1,
			    "unknown column '%.60s' (expected id, name, "
			    "interests, speakers, must, skip, days, "
			    "languages, tickets or a [plan] key)",
			    f[i]);
			c->header_bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (strcmp(a->cols[j], col) == 0) {
				pp_diag_add(c->ds, PP_ERROR, a->file, line,
				    (unsigned)i + 1,
				    "column '%.60s' is repeated (column %zu)",
				    f[i], j + 1);
				c->header_bad = 1;
			}
		if (strcmp(col, "id") == 0)
			c->idcol = (int)i;
	}
	if (c->idcol < 0 && !c->header_bad) {
		pp_diag_err(c->ds, a->file, line, "no id column");
		c->header_bad = 1;
	}
	return c->header_bad ? -1 : 0;
}

static int
row(void *ctx, unsigned line, const char *const *f, size_t n)
{
	struct rctx *c = ctx;
	struct pp_attendees *a = c->a;
	struct pp_attendee *t;
	size_t i;

	if (a->cols == NULL)
		return header_row(c, line, f, n);
	t = add(a);
	t->line = line;
	t->cells = pp_xcalloc(a->ncols + 1, sizeof(*t->cells));
	for (i = 0; i < a->ncols; i++)
		t->cells[i] = pp_xstrdup(i < n ? f[i] : "");
	t->id = pp_xstrdup(t->cells[c->idcol]);
	if (n > a->ncols) {
		pp_diag_err(&t->problems, a->file, line,
		    "%zu fields, the header has %zu", n, a->ncols);
		t->bad = 1;
	} else if (!pp_attendee_id_ok(t->id)) {
		bad_id(&t->problems, a->file, line, t->id);
		t->bad = 1;
	}
	return 0;
}

static int
cmp_ptr_id(const void *x, const void *y)
{
	const struct pp_attendee *a = *(const struct pp_attendee *const *)x;
	const struct pp_attendee *b = *(const struct pp_attendee *const *)y;
	int c = strcasecmp(a->id, b->id);

	if (c != 0)
		return c;
	return a < b ? -1 : a > b;
}

/* Marks every row whose id another row has too, ignoring case (on a
 * file system that ignores case their plans would be one file); each gets
 * an error naming the line of another. */
static void
mark_duplicates(struct pp_attendees *a)
{
	struct pp_attendee **s;
	size_t i, j;

	if (a->n < 2)
		return;
	s = pp_xcalloc(a->n, sizeof(*s));
	for (i = 0; i < a->n; i++)
		s[i] = &a->v[i];
	qsort(s, a->n, sizeof(*s), cmp_ptr_id);
	for (i = 0; i < a->n; i = j) {
		for (j = i + 1; j < a->n && strcasecmp(s[i]->id, s[j]->id) == 0;
		     j++)
			;
		if (j - i < 2 || *s[i]->id == '\0')
			continue;
		for (; i < j; i++) {
			const struct pp_attendee *other =
			    s[i] == s[j - 1] ? s[j - 2] : s[j - 1];

			/* A row refused already says why; this is another
			 * reason not to plan it. */
			s[i]->bad = 1;
			pp_diag_err(&s[i]->problems, a->file, s[i]->line,
			    "id '%.60s' is repeated (also on line %u): "
			    "neither row is planned",
			    s[i]->id, other->line);
		}
	}
	free(s);
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
read_dir(struct pp_attendees *a, const char *path, struct pp_diags *ds,
    int *io_error)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (d == NULL) {
		*io_error = 1;
		return pp_diag_err(ds, path, 0, "cannot read directory: %s",
		    strerror(errno));
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len <= 4 ||
		    strcmp(e->d_name + len - 4, ".ini") != 0)
			continue;
		names = pp_xgrowarray(names, &cap, n + 1, sizeof(*names));
		names[n++] = pp_xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		char *file = pp_xasprintf("%s/%s", path, names[i]);
		struct stat st;
		struct pp_attendee *t;

		if (stat(file, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(file);
			continue;
		}
		t = add(a);
		t->path = file;
		t->id = pp_xstrndup(names[i], strlen(names[i]) - 4);
		t->mtime = st.st_mtim;
		if (!pp_attendee_id_ok(t->id)) {
			bad_id(&t->problems, t->path, 0, t->id);
			t->bad = 1;
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (a->n == 0)
		pp_diag_warn(ds, path, 0,
		    "no profiles (NAME.ini) in directory");
	return 0;
}

/* The row form from text: header, rows, repeated ids. */
static int
parse_rows(struct pp_attendees *a, const char *name, const char *data,
    size_t len, struct pp_diags *ds)
{
	struct rctx c;

	memset(&c, 0, sizeof(c));
	c.a = a;
	c.ds = ds;
	a->file = name;
	if (pp_csvrows_parse(name, data, len, row, &c, ds) != 0 || c.header_bad)
		return -1;
	if (a->cols == NULL)
		return pp_diag_err(ds, name, 0, "empty file: no header row");
	mark_duplicates(a);
	return 0;
}

int
pp_attendees_parse(struct pp_attendees *a, const char *name, const char *data,
    size_t len, struct pp_diags *ds)
{
	memset(a, 0, sizeof(*a));
	return parse_rows(a, name, data, len, ds);
}

static int
read_rows(struct pp_attendees *a, const char *path, struct pp_diags *ds,
    int *io_error)
{
	struct stat st;
	const char *name;
	char *data;
	size_t len, i;
	int r;

	if (pp_load_read(path, &name, &data, &len, ds, io_error) != 0)
		return -1;
	r = parse_rows(a, name, data, len, ds);
	free(data);
	if (r == 0 && strcmp(path, "-") != 0 && stat(path, &st) == 0)
		for (i = 0; i < a->n; i++)
			a->v[i].mtime = st.st_mtim;
	return r;
}

int
pp_attendees_read(struct pp_attendees *a, const char *path, struct pp_diags *ds,
    int *io_error)
{
	struct stat st;
	int io = 0, r;

	memset(a, 0, sizeof(*a));
	a->file = path;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISDIR(st.st_mode)) {
		a->dir = 1;
		r = read_dir(a, path, ds, &io);
	} else
		r = read_rows(a, path, ds, &io);
	if (io_error != NULL)
		*io_error = io;
	return r;
}

void
pp_attendees_fini(struct pp_attendees *a)
{
	size_t i, j;

	for (i = 0; i < a->n; i++) {
		struct pp_attendee *t = &a->v[i];

		if (t->cells != NULL)
			for (j = 0; j < a->ncols; j++)
				free(t->cells[j]);
		free(t->cells);
		free(t->id);
		free(t->path);
		pp_diags_fini(&t->problems);
	}
	for (i = 0; i < a->ncols; i++)
		free(a->cols[i]);
	free(a->cols);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/* The next ';'-separated item of *s, trimmed, as a heap string (empty
 * items are skipped); NULL at the end. */
static char *
next_item(const char **s)
{
	const char *p = *s, *semi;
	size_t n;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return NULL;
		semi = strchr(p, ';');
		n = semi != NULL ? (size_t)(semi - p) : strlen(p);
		*s = semi != NULL ? semi + 1 : p + n;
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n > 0)
			return pp_xstrndup(p, n);
		p = *s;
	}
}

/* "a; b;c" -> "a,b,c" for the comma lists of [plan] (a heap string). */
static char *
commas(const char *cell)
{
	char *out = pp_xcalloc(strlen(cell) + 1, 1), *item;
	size_t len = 0;

	while ((item = next_item(&cell)) != NULL) {
		if (len > 0)
			out[len++] = ',';
		memcpy(out + len, item, strlen(item));
		len += strlen(item);
		free(item);
	}
	return out;
}

/* interests and speakers: "name=w; name" (weight 1 when none). */
static int
apply_weighted(struct pp_profile *p, const char *section, const char *cell,
    const char *file, unsigned line, struct pp_diags *ds)
{
	char *item, *eq;
	int r = 0;

	while ((item = next_item(&cell)) != NULL) {
		const char *w = "1";
		size_t n;

		if ((eq = strchr(item, '=')) != NULL) {
			w = eq + 1 + strspn(eq + 1, " \t");
			for (n = (size_t)(eq - item); n > 0 &&
			     (item[n - 1] == ' ' || item[n - 1] == '\t');
			     n--)
				;
			item[n] = '\0';
		}
		if (pp_profile_set(p, section, item, w, file, line, ds) != 0)
			r = -1;
		free(item);
	}
	return r;
}

static int
apply_refs(struct pp_profile *p, const char *section, const char *cell,
    const char *file, unsigned line, struct pp_diags *ds)
{
	char *item;
	int r = 0;

	while ((item = next_item(&cell)) != NULL) {
		/* A ticket names a kind or an event ([tickets] ticket =). */
		if (pp_profile_set(p, section,
		        strcmp(section, "tickets") == 0 ? "ticket" : "id", item,
		        file, line, ds) != 0)
			r = -1;
		free(item);
	}
	return r;
}

/* A [plan] key whose value is a comma list written with ';' here. */
static int
apply_list(struct pp_profile *p, const char *key, const char *cell,
    const char *file, unsigned line, struct pp_diags *ds)
{
	char *v = commas(cell);
	int r = pp_profile_set(p, "plan", key, v, file, line, ds);

	free(v);
	return r;
}

static int
apply_cell(struct pp_profile *p, const char *col, const char *cell,
    const char *file, unsigned line, struct pp_diags *ds)
{
	if (strcmp(col, "id") == 0 || strcmp(col, "name") == 0)
		return 0;
	if (strcmp(col, "interests") == 0 || strcmp(col, "speakers") == 0)
		return apply_weighted(p, col, cell, file, line, ds);
	if (strcmp(col, "must") == 0 || strcmp(col, "skip") == 0)
		return apply_refs(p, col, cell, file, line, ds);
	if (strcmp(col, "tickets") == 0) {
		if (!pp_profile_has_key("tickets", "id"))
			return pp_diag_err(ds, file, line,
			    "tickets: not supported yet (this version of "
			    "pyplan has no [tickets]); leave the column "
			    "empty");
		return apply_refs(p, col, cell, file, line, ds);
	}
	if (strcmp(col, "languages") == 0 &&
	    !pp_profile_has_key("plan", "languages"))
		return pp_diag_err(ds, file, line,
		    "languages: not supported yet (this version of pyplan "
		    "has no [plan] languages); leave the column empty");
	if (strcmp(col, "days") == 0 || strcmp(col, "languages") == 0)
		return apply_list(p, col, cell, file, line, ds);
	return pp_profile_set(p, "plan", col, cell, file, line, ds);
}

int
pp_attendee_apply(const struct pp_attendees *a, size_t i, struct pp_profile *p,
    struct pp_diags *ds, int *io_error)
{
	const struct pp_attendee *t = &a->v[i];
	size_t j;
	int r = 0;

	if (io_error != NULL)
		*io_error = 0;
	if (t->path != NULL)
		return pp_profile_load(p, t->path, ds, io_error);
	for (j = 0; j < a->ncols; j++)
		if (*t->cells[j] != '\0' &&
		    apply_cell(p, a->cols[j], t->cells[j], a->file, t->line,
		        ds) != 0)
			r = -1;
	return r;
}
