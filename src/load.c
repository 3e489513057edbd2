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
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

/* The name diagnostics and events carry for "-". */
static const char stdin_name[] = "<stdin>";

/* Words that mark a title as cancelled (pp_load_cancelled_title), in the
 * languages of the programmes pyplan reads. */
static const char *const cancel_words[] = {"cancelled", "canceled", "abgesagt",
    "annul\xc3\xa9", "cancelado", "cancelada"};
/* HTML elements that strike a cancelled title through. */
static const char *const strike_tags[] = {"s", "del", "strike"};

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

/* The length of the match of word (lower case) at s, ignoring case, or
 * 0; the match must end at a character that is not a letter. */
static size_t
match_word(const char *s, const char *word)
{
	size_t i = 0, j = 0, n, m;
	int32_t a, b;

	while (word[j] != '\0') {
		if ((n = pp_utf8_decode(s + i, PP_UTF8_MAX, &a)) == 0 ||
		    (m = pp_utf8_decode(word + j, PP_UTF8_MAX, &b)) == 0 ||
		    pp_utf8_lower(a) != b)
			return 0;
		i += n;
		j += m;
	}
	if ((n = pp_utf8_decode(s + i, PP_UTF8_MAX, &a)) > 0 &&
	    pp_utf8_is_word(a))
		return 0;
	return i;
}

/* The length of a cancel word at s, or 0. */
static size_t
cancel_word(const char *s)
{
	size_t i, n;

	for (i = 0; i < sizeof(cancel_words) / sizeof(cancel_words[0]); i++)
		if ((n = match_word(s, cancel_words[i])) > 0)
			return n;
	return 0;
}

/* Whether s[i] starts a dash: '-', en dash or em dash; sets *len. */
static int
dash_at(const char *s, size_t *len)
{
	if (*s == '-') {
		*len = 1;
		return 1;
	}
	if (strncmp(s, "\xe2\x80\x93", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x94", 3) == 0) {
		*len = 3;
		return 1;
	}
	return 0;
}

static size_t
skip_blanks(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return i;
}

/*
 * The bytes of a leading cancel mark of title ("CANCELLED: ", "Canceled
 * - ", "[CANCELLED] ", "(abgesagt) "), blanks after it included, or 0.
 */
static size_t
cancel_prefix(const char *t)
{
	size_t i = 0, n, d;
	char close = 0;

	if (*t == '[' || *t == '(') {
		close = *t == '[' ? ']' : ')';
		i = skip_blanks(t, 1);
	}
	if ((n = cancel_word(t + i)) == 0)
		return 0;
	i = skip_blanks(t, i + n);
	if (close != 0) {
		if (t[i] != close)
			return 0;
		i = skip_blanks(t, i + 1);
		if (t[i] == ':' || dash_at(t + i, &d))
			i = skip_blanks(t, i + (t[i] == ':' ? 1 : d));
		return i;
	}
	/* a bare word needs its colon or dash ("Cancelled flights" is a
	 * title), unless it is all there is */
	if (t[i] == '\0')
		return i;
	if (t[i] == ':' || t[i] == '!')
		return skip_blanks(t, i + 1);
	if (dash_at(t + i, &d))
		return skip_blanks(t, i + d);
	return 0;
}

/*
 * The length of title without a trailing cancel mark ("... (cancelled)",
 * "... [CANCELED]", "... - cancelled"), or the whole length when it has
 * none.
 */
static size_t
cancel_suffix(const char *t, int *found)
{
	size_t len = strlen(t), i, n, d, end;

	*found = 0;
	while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\t'))
		len--;
	for (i = 0; i < len; i++) {
		end = i;
		if (t[i] == '(' || t[i] == '[') {
			char close = t[i] == '(' ? ')' : ']';

			n = cancel_word(t + skip_blanks(t, i + 1));
			if (n == 0)
				continue;
			end = skip_blanks(t, skip_blanks(t, i + 1) + n);
			if (t[end] != close || end + 1 != len)
				continue;
		} else if (i > 0 && t[i - 1] == ' ' && dash_at(t + i, &d)) {
			n = cancel_word(t + skip_blanks(t, i + d));
			if (n == 0 || skip_blanks(t, i + d) + n != len)
				continue;
		} else
			continue;
		while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
			i--;
		if (i == 0)
			return len;
		*found = 1;
		return i;
	}
	return len;
}

/* If s (length n) is wholly one struck-through element, narrows it to
 * the element's content. */
static void
unstrike(const char **s, size_t *n)
{
	char open[16], close[16];
	size_t i, lo, lc;

	for (i = 0; i < sizeof(strike_tags) / sizeof(strike_tags[0]); i++) {
		lo = (size_t)snprintf(open, sizeof(open), "<%s>",
		    strike_tags[i]);
		lc = (size_t)snprintf(close, sizeof(close), "</%s>",
		    strike_tags[i]);
		if (*n > lo + lc && strncasecmp(*s, open, lo) == 0 &&
		    strncasecmp(*s + *n - lc, close, lc) == 0) {
			*s += lo;
			*n -= lo + lc;
			return;
		}
	}
}

int
pp_load_cancelled_title(const char *title, size_t *from, size_t *len)
{
	size_t p = cancel_prefix(title), n;
	const char *s;
	int found;

	if (p > 0 && title[p] != '\0') {
		s = title + p;
		n = strlen(s);
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
	} else if (p > 0) {
		*from = 0;
		*len = strlen(title);
		return 1;
	} else {
		n = cancel_suffix(title, &found);
		if (!found)
			return 0;
		s = title;
	}
	unstrike(&s, &n);
	*from = (size_t)(s - title);
	*len = n;
	return 1;
}

/*
 * Marks the events from index from on whose title says they are
 * cancelled, with the mark taken off the title and a note each.
 */
static void
mark_cancelled(struct pp_timetable *tt, size_t from, struct pp_diags *ds)
{
	size_t i, at, n;

	for (i = from; i < tt->n; i++) {
		struct pp_event *ev = &tt->ev[i];

		if (!pp_load_cancelled_title(ev->title, &at, &n))
			continue;
		ev->title = pp_tt_strndup(tt, ev->title + at, n);
		if (ev->status == PP_STATUS_CANCELLED)
			continue;
		ev->status = PP_STATUS_CANCELLED;
		pp_diag_add(ds, PP_NOTE, ev->file, ev->line, 0,
		    "'%s' is cancelled (its title says so): listed, never "
		    "planned",
		    ev->title);
	}
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
		/* the CR of a CRLF ends the line, it is not in it */
		if (i - start > PP_LOAD_MAX_LINE +
		        (i > start && data[i - 1] == '\r' ? 1 : 0))
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
	size_t n0 = tt->n;
	int r;

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
		r = pp_load_csv(tt, name, data, len, opts, ds);
		break;
	case PP_FMT_ICS:
		r = pp_load_ics(tt, name, data, len, opts, ds);
		break;
	case PP_FMT_XML:
		r = pp_load_xml(tt, name, data, len, opts, ds);
		break;
	case PP_FMT_JSON:
		r = pp_load_json(tt, name, data, len, opts, ds);
		break;
	default:
		return pp_diag_err(ds, name, 0, "unknown input format");
	}
	/* One rule for every format: a title can say an event is off. */
	mark_cancelled(tt, n0, ds);
	return r;
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
