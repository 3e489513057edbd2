/* SPDX-License-Identifier: ISC */
/*
 * Programme loading: reads a whole file (or standard input) into memory
 * within a size limit, detects the format from the content and hands the
 * buffer to the loader for that format.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "pyplan/load.h"
#include "pyplan/load_ics.h"
#include "pyplan/load_json.h"
#include "pyplan/load_xml.h"
#include "pyplan/xalloc.h"

/* The name diagnostics and events carry for "-". */
static const char stdin_name[] = "<stdin>";

enum pp_format
pp_detect_format(const char *data, size_t len)
{
	static const char vcal[] = "BEGIN:VCALENDAR";
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len &&
	    (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
	        data[i] == '\n'))
		i++;
	if (i == len)
		return PP_FMT_UNKNOWN;
	/* RFC 5545 names are case-insensitive. */
	if (len - i >= sizeof(vcal) - 1 &&
	    strncasecmp(data + i, vcal, sizeof(vcal) - 1) == 0)
		return PP_FMT_ICS;
	if (data[i] == '<')
		return PP_FMT_XML;
	if (data[i] == '{' || data[i] == '[')
		return PP_FMT_JSON;
	return PP_FMT_CSV;
}

int
pp_load_reject(const struct pp_load_opts *opts, struct pp_diags *ds,
    const char *file, unsigned line, unsigned col,
    const struct pp_load_problem *p, size_t n)
{
	char joined[224]; /* + ": event skipped" fits a diagnostic */
	size_t i;

	if (opts == NULL || !opts->lenient) {
		for (i = 0; i < n; i++)
			pp_diag_add(ds, PP_ERROR, file,
			    p[i].line != 0 ? p[i].line : line,
			    p[i].line != 0 ? p[i].col : col, "%s", p[i].msg);
		return -1;
	}
	/* The problems joined, cut to leave room for the verdict. */
	joined[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t len = strlen(joined);

		if (len + 1 >= sizeof(joined))
			break;
		snprintf(joined + len, sizeof(joined) - len, "%s%s",
		    i > 0 ? "; " : "", p[i].msg);
	}
	pp_diag_add(ds, PP_WARNING, file, line, col, "%s: event skipped",
	    joined);
	return -1;
}

int
pp_load_reject1(const struct pp_load_opts *opts, struct pp_diags *ds,
    const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	struct pp_load_problem p;
	va_list ap;

	p.line = 0;
	p.col = 0;
	va_start(ap, fmt);
	vsnprintf(p.msg, sizeof(p.msg), fmt, ap);
	va_end(ap);
	return pp_load_reject(opts, ds, file, line, col, &p, 1);
}

void
pp_load_declare_zone(struct pp_timetable *tt, const char *zone,
    const char *file, unsigned line, struct pp_diags *ds)
{
	if (zone == NULL || *zone == '\0')
		return;
	if (tt->tz == NULL)
		tt->tz = pp_tt_strdup(tt, zone);
	else if (strcmp(tt->tz, zone) != 0)
		pp_diag_warn(ds, file, line,
		    "the file declares time zone '%s', an earlier file '%s': "
		    "the programme keeps '%s'",
		    zone, tt->tz, tt->tz);
}

void
pp_load_declare_day_change(struct pp_timetable *tt, int minutes,
    const char *file, unsigned line, struct pp_diags *ds)
{
	if (minutes < 0 || minutes >= 24 * 60)
		return;
	if (tt->day_change < 0)
		tt->day_change = minutes;
	else if (tt->day_change != minutes)
		pp_diag_warn(ds, file, line,
		    "the file's days change at %02d:%02d, an earlier file's "
		    "at %02d:%02d: the programme keeps %02d:%02d",
		    minutes / 60, minutes % 60, tt->day_change / 60,
		    tt->day_change % 60, tt->day_change / 60,
		    tt->day_change % 60);
}

/* The 1-based line of byte offset off. */
static unsigned
line_of(const char *data, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

int
pp_load_check_lines(const char *name, const char *data, size_t len, int folded,
    struct pp_diags *ds)
{
	size_t i, start = 0;
	unsigned line = 1, first = 1;

	for (i = 0; i <= len; i++) {
		if (i < len && data[i] != '\n')
			continue;
		if (i - start > PP_LOAD_MAX_LINE)
			return pp_diag_err(ds, name, first,
			    "line too long (more than %zu bytes)",
			    PP_LOAD_MAX_LINE);
		line++;
		if (folded && i + 1 < len &&
		    (data[i + 1] == ' ' || data[i + 1] == '\t'))
			continue;
		start = i + 1;
		first = line;
	}
	return 0;
}

int
pp_load_buffer(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	static const struct pp_load_opts defaults = {NULL, 0};
	const char *nul;

	if (opts == NULL)
		opts = &defaults;
	if (len > PP_LOAD_MAX_BYTES)
		return pp_diag_err(ds, name, 0, "input too large: over %zu MiB",
		    PP_LOAD_MAX_BYTES >> 20);
	/* Every loader works on C strings, so a NUL byte would silently cut
	 * a field short; text formats never contain one. */
	if (len > 0 && (nul = memchr(data, '\0', len)) != NULL) {
		if (len >= 2 &&
		    ((unsigned char)data[0] == 0xff ||
		        (unsigned char)data[0] == 0xfe))
			return pp_diag_err(ds, name, 0,
			    "input is UTF-16: "
			    "convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)");
		return pp_diag_err(ds, name,
		    line_of(data, (size_t)(nul - data)),
		    "NUL byte in input: not a text file");
	}
	switch (pp_detect_format(data, len)) {
	case PP_FMT_CSV:
		if (pp_load_check_lines(name, data, len, 0, ds) != 0)
			return -1;
		break;
	case PP_FMT_ICS:
		if (pp_load_check_lines(name, data, len, 1, ds) != 0)
			return -1;
		break;
	default:
		break;
	}
	switch (pp_detect_format(data, len)) {
	case PP_FMT_UNKNOWN:
		return pp_diag_err(ds, name, 0, "empty input: no programme");
	case PP_FMT_CSV:
		return pp_load_csv(tt, name, data, len, opts, ds);
	case PP_FMT_ICS:
		return pp_load_ics(tt, name, data, len, opts, ds);
	case PP_FMT_XML:
		return pp_load_xml(tt, name, data, len, opts, ds);
	case PP_FMT_JSON:
		return pp_load_json(tt, name, data, len, opts, ds);
	}
	return pp_diag_err(ds, name, 0, "unknown input format");
}

/*
 * Reads fp to the end into a heap buffer (NUL-terminated for safety);
 * returns 0, or -1 with errno set, or -2 when it exceeds the size limit.
 */
static int
read_all(FILE *fp, char **out, size_t *outlen)
{
	size_t len = 0, cap = 0, n;
	char *buf = NULL;

	for (;;) {
		if (cap - len < 65536 + 1) {
			size_t want = cap == 0 ? 65536 + 1 : cap * 2;

			if (want > PP_LOAD_MAX_BYTES + 2)
				want = PP_LOAD_MAX_BYTES + 2;
			if (want <= len + 1) {
				free(buf);
				return -2;
			}
			buf = pp_xreallocarray(buf, want, 1);
			cap = want;
		}
		n = fread(buf + len, 1, cap - len - 1, fp);
		len += n;
		if (len > PP_LOAD_MAX_BYTES) {
			free(buf);
			return -2;
		}
		if (n == 0) {
			if (ferror(fp)) {
				int e = errno;

				free(buf);
				errno = e != 0 ? e : EIO;
				return -1;
			}
			break;
		}
	}
	if (buf == NULL)
		buf = pp_xmalloc(1);
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
}

int
pp_load_read(const char *path, const char **name_out, char **data, size_t *len,
    struct pp_diags *ds, int *io_error)
{
	const char *name = path;
	FILE *fp;
	struct stat st;
	int r;

	*data = NULL;
	*len = 0;
	if (io_error != NULL)
		*io_error = 0;
	if (strcmp(path, "-") == 0) {
		name = stdin_name;
		fp = stdin;
	} else if ((fp = fopen(path, "rb")) == NULL) {
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, name, 0, "cannot open: %s",
		    strerror(errno));
	}
	*name_out = name;
	/* A regular file's size is known up front: refuse before reading. */
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > PP_LOAD_MAX_BYTES)
		r = -2;
	else {
		errno = 0;
		r = read_all(fp, data, len);
	}
	if (r == -1) {
		int e = errno;

		if (fp != stdin)
			fclose(fp);
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, name, 0, "cannot read: %s", strerror(e));
	}
	if (fp != stdin)
		fclose(fp);
	if (r == -2)
		return pp_diag_err(ds, name, 0, "input too large: over %zu MiB",
		    PP_LOAD_MAX_BYTES >> 20);
	return 0;
}

int
pp_load_file(struct pp_timetable *tt, const char *path,
    const struct pp_load_opts *opts, struct pp_diags *ds, int *io_error)
{
	const char *name = path;
	char *data;
	size_t len;
	int r;

	if (pp_load_read(path, &name, &data, &len, ds, io_error) != 0)
		return -1;
	r = pp_load_buffer(tt, name, data, len, opts, ds);
	free(data);
	return r;
}
