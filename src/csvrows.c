/* SPDX-License-Identifier: ISC */
/*
 * CSV reading on libcsv (csvrows.h): the line-by-line feed every CSV
 * reader shares, and row-by-row reading for small tables (attendees,
 * rooms).
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "pyplan/csvrows.h"
#include "pyplan/load.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

struct ctx {
	pp_csvrows_fn fn;
	void *user;
	char **f; /* the current row's fields */
	size_t nf, fcap;
	unsigned row_line;
	int stop;
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

static void *
csv_realloc(void *p, size_t n)
{
	return pp_xreallocarray(p, n, 1);
}

const char *
pp_csv_trim(const char *s, size_t *len)
{
	const char *p = s != NULL ? s : "";

	while (*len > 0 && is_blank((unsigned char)*p)) {
		p++;
		(*len)--;
	}
	while (*len > 0 && is_blank((unsigned char)p[*len - 1]))
		(*len)--;
	return p;
}

static void
field_cb(void *s, size_t len, void *data)
{
	struct ctx *c = data;
	const char *p = pp_csv_trim(s, &len);

	c->f = pp_xgrowarray(c->f, &c->fcap, c->nf + 1, sizeof(*c->f));
	c->f[c->nf++] = pp_xstrndup(p, len);
}

static void
clear_row(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nf; i++)
		free(c->f[i]);
	c->nf = 0;
}

static void
row_cb(int term, void *data)
{
	struct ctx *c = data;
	size_t i;
	int blank = 1;

	(void)term;
	for (i = 0; i < c->nf && blank; i++)
		blank = *c->f[i] == '\0';
	if (!blank && !c->stop &&
	    c->fn(c->user, c->row_line, (const char *const *)c->f, c->nf) != 0)
		c->stop = 1;
	clear_row(c);
}

size_t
pp_csv_line_len(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] == '\r')
			return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
	}
	return len;
}

int
pp_csv_text_ok(const char *name, const char *data, size_t len,
    struct pp_diags *ds)
{
	size_t bad, i;
	unsigned line = 1;

	if ((bad = pp_utf8_check(data, len)) != len) {
		for (i = 0; i < bad; i++)
			line += data[i] == '\n';
		return pp_diag_err(ds, name, line,
		    "not UTF-8 (byte 0x%02x): convert the file (iconv -t "
		    "UTF-8)",
		    (unsigned)(unsigned char)data[bad]);
	}
	if (memchr(data, '\0', len) != NULL)
		return pp_diag_err(ds, name, 0,
		    "NUL byte in input: not a text file");
	return 0;
}

int
pp_csv_feed(const struct pp_csv_feed *f, const char *name, const char *data,
    size_t len, struct pp_diags *ds)
{
	struct csv_parser p;
	size_t pos = 0;
	unsigned line = 1;
	int r = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	csv_init(&p, 0);
	csv_set_realloc_func(&p, csv_realloc);
	csv_set_blk_size(&p, 64 * 1024);
	if (f->delim != 0)
		csv_set_delim(&p, f->delim);
	while (pos < len && (f->stop == NULL || !*f->stop)) {
		size_t n = pp_csv_line_len(data + pos, len - pos);

		if (p.pstate == 0) /* libcsv's ROW_NOT_BEGUN */
			*f->row_line = line;
		if (csv_parse(&p, data + pos, n, f->field, f->row, f->data) !=
		    n) {
			r = pp_diag_err(ds, name, line, "%s",
			    csv_strerror(csv_error(&p)));
			break;
		}
		pos += n;
		line++;
	}
	if (r == 0 && (f->stop == NULL || !*f->stop)) {
		/* FIELD_BEGUN inside quotes at the end: the quote never
		 * closed, and it swallowed every line after it. */
		if (p.quoted && p.pstate == 2) {
			csv_fini(&p, NULL, NULL, NULL);
			r = 1;
		} else
			csv_fini(&p, f->field, f->row, f->data);
	}
	csv_free(&p);
	return r;
}

int
pp_csvrows_parse(const char *name, const char *data, size_t len,
    pp_csvrows_fn fn, void *user, struct pp_diags *ds)
{
	struct ctx c;
	struct pp_csv_feed f;
	int r;

	if (pp_csv_text_ok(name, data, len, ds) != 0)
		return -1;
	memset(&c, 0, sizeof(c));
	c.fn = fn;
	c.user = user;
	memset(&f, 0, sizeof(f));
	f.field = field_cb;
	f.row = row_cb;
	f.data = &c;
	f.row_line = &c.row_line;
	f.stop = &c.stop;
	r = pp_csv_feed(&f, name, data, len, ds);
	if (r == 1)
		r = pp_diag_err(ds, name, c.row_line,
		    "unterminated quoted field: it runs to the end of the "
		    "file");
	clear_row(&c);
	free(c.f);
	return r != 0 || c.stop ? -1 : 0;
}

int
pp_csvrows_read(const char *path, const char **name, pp_csvrows_fn fn,
    void *ctx, struct pp_diags *ds, int *io_error)
{
	char *data;
	size_t len;
	int r;

	*name = path;
	if (pp_load_read(path, name, &data, &len, ds, io_error) != 0)
		return -1;
	r = pp_csvrows_parse(*name, data, len, fn, ctx, ds);
	free(data);
	return r;
}
