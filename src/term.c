/* SPDX-License-Identifier: ISC */
/*
 * Text for a terminal: one sanitiser for every byte that may reach one,
 * wrapping by display columns (through the Unicode layer) and the
 * terminal's width.
 */
#include <sys/ioctl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pyplan/term.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */
#define SGR_RESET "\033[0m"

/*
 * What the sanitiser makes of the character at s (len bytes left): returns
 * the bytes it takes, with *rep NULL to keep them or the text to write
 * instead ("" drops them).
 */
static size_t
classify(const char *s, size_t len, unsigned flags, const char **rep)
{
	int32_t cp;
	size_t n = pp_utf8_decode(s, len, &cp);

	*rep = NULL;
	if (n == 0) {
		*rep = REPLACEMENT;
		return 1;
	}
	if (cp == '\n' && (flags & PP_TERM_NEWLINES))
		return n;
	if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x0b ||
	    cp == 0x0c || cp == 0x2028 || cp == 0x2029)
		*rep = " ";
	else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		*rep = REPLACEMENT;
	else if (cp == 0x200e || cp == 0x200f || cp == 0x061c)
		*rep = "";
	return n;
}

/* Runs the sanitiser over s, handing each piece of output to put. */
static void
walk(const char *s, unsigned flags,
    void (*put)(void *ctx, const char *b, size_t n), void *ctx)
{
	size_t len, i = 0, from = 0, n;
	const char *rep;

	if (s == NULL)
		return;
	len = strlen(s);
	while (i < len) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			i++;
			continue;
		}
		n = classify(s + i, len - i, flags, &rep);
		if (rep != NULL) {
			put(ctx, s + from, i - from);
			put(ctx, rep, strlen(rep));
			from = i + n;
		}
		i += n;
	}
	put(ctx, s + from, len - from);
}

static void
put_file(void *ctx, const char *b, size_t n)
{
	if (n > 0)
		fwrite(b, 1, n, ctx);
}

struct buf {
	char *s;
	size_t len;
};

static void
put_buf(void *ctx, const char *b, size_t n)
{
	struct buf *bf = ctx;

	memcpy(bf->s + bf->len, b, n);
	bf->len += n;
}

char *
pp_term_clean(const char *s, unsigned flags)
{
	struct buf b;
	size_t len = s != NULL ? strlen(s) : 0;

	/* One input byte gives at most three output bytes (U+FFFD). */
	b.s = pp_xcalloc(len + 1, 3);
	b.len = 0;
	walk(s, flags, put_buf, &b);
	b.s[b.len] = '\0';
	return b.s;
}

void
pp_term_fputs(const char *s, FILE *fp, unsigned flags)
{
	walk(s, flags, put_file, fp);
}

/*
 * Bytes of the longest prefix of s[0..len) at most w columns wide; *used
 * gets its width.  Combining marks stay with their character.
 */
static size_t
prefix(const char *s, size_t len, size_t w, size_t *used)
{
	size_t i = 0, n, cw;
	int32_t cp;

	*used = 0;
	while (i < len) {
		n = pp_utf8_decode(s + i, len - i, &cp);
		cw = n == 0 ? 1 : (size_t)pp_utf8_cp_width(cp);
		if (n == 0)
			n = 1;
		if (*used + cw > w)
			break;
		*used += cw;
		i += n;
	}
	return i;
}

static void
emit(FILE *fp, const char *s, size_t n, size_t lead, const char *sgr)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (sgr != NULL)
		fputs(sgr, fp);
	for (; lead > 0; lead--)
		fputc(' ', fp);
	fwrite(s, 1, n, fp);
	if (sgr != NULL)
		fputs(SGR_RESET, fp);
	fputc('\n', fp);
}

/* pp_term_put_line on text already sanitised, of len bytes. */
static void
put_clean_line(FILE *fp, const char *s, size_t len, size_t width, size_t indent,
    const char *sgr)
{
	size_t avail, cut, brk, used, lead = 0, i, skip;
	int first = 1;

	/* Continuation lines keep at least 16 columns for text. */
	if (width > 0 && indent + 16 > width)
		indent = width > 16 ? width - 16 : 0;
	/* The line's own leading blanks are never a place to break. */
	while (lead < len && s[lead] == ' ')
		lead++;
	for (;;) {
		avail = first ? width : width - indent;
		cut = width == 0 ? len : prefix(s, len, avail, &used);
		if (cut >= len) {
			emit(fp, s, len, first ? 0 : indent, sgr);
			return;
		}
		brk = 0;
		if (s[cut] == ' ')
			brk = cut;
		else
			for (i = cut; i > (first ? lead : 0); i--)
				if (s[i - 1] == ' ') {
					brk = i - 1;
					break;
				}
		if (brk == 0 || (first && brk <= lead))
			brk = cut;
		if (brk == 0) { /* a character wider than the line */
			int32_t cp;
			size_t n = pp_utf8_decode(s, len, &cp);

			brk = n > 0 ? n : 1;
		}
		emit(fp, s, brk, first ? 0 : indent, sgr);
		for (skip = brk; skip < len && s[skip] == ' '; skip++)
			;
		s += skip;
		len -= skip;
		first = 0;
		if (len == 0)
			return;
	}
}

void
pp_term_put_line(FILE *fp, const char *s, size_t width, size_t indent,
    const char *sgr)
{
	char *c = pp_term_clean(s, 0);

	put_clean_line(fp, c, strlen(c), width, indent, sgr);
	free(c);
}

void
pp_term_put_block(FILE *fp, const char *s, size_t width)
{
	char *c = pp_term_clean(s, PP_TERM_NEWLINES), *p = c, *nl;
	size_t len, lead;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		for (lead = 0; lead < len && p[lead] == ' '; lead++)
			;
		put_clean_line(fp, p, len, width, lead + 2, NULL);
		p += len + (nl != NULL);
	}
	free(c);
}

size_t
pp_term_width(int fd)
{
	struct winsize ws;
	const char *c;
	char *end;
	long v;

	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((c = getenv("COLUMNS")) != NULL && *c != '\0') {
		v = strtol(c, &end, 10);
		if (*end == '\0' && v > 0 && v <= 100000)
			return (size_t)v;
	}
	return 80;
}
