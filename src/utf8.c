/* SPDX-License-Identifier: ISC */
/*
 * UTF-8 and Unicode properties on utf8proc, so that decoding, case and
 * width rules are written once and follow the Unicode version utf8proc
 * carries instead of hand-made tables.
 */
#include <string.h>

#include <utf8proc.h>

#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

size_t
pp_utf8_decode(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n;

	if (len == 0)
		return 0;
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	/* utf8proc_iterate checks shortest form, surrogates and range; it
	 * reads at most len bytes (capped so the signed length holds). */
	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(len < 4 ? len : 4), &c);
	if (n <= 0 || c < 0)
		return 0;
	*cp = c;
	return (size_t)n;
}

size_t
pp_utf8_check(const char *s, size_t len)
{
	size_t i = 0, n;
	int32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = pp_utf8_decode(s + i, len - i, &cp)) == 0)
			return i;
		i += n;
	}
	return len;
}

size_t
pp_utf8_encode(int32_t cp, char *buf)
{
	if (!utf8proc_codepoint_valid(cp))
		return 0;
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
}

char *
pp_utf8_repair(const char *s)
{
	size_t len = strlen(s), i, n, o = 0;
	char *out;
	int32_t cp;

	if (pp_utf8_check(s, len) == len)
		return NULL;
	out = pp_xmalloc(len * 3 + 1);
	for (i = 0; i < len; i += n) {
		if ((n = pp_utf8_decode(s + i, len - i, &cp)) == 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3); /* U+FFFD */
			o += 3;
			n = 1;
		} else {
			memcpy(out + o, s + i, n);
			o += n;
		}
	}
	out[o] = '\0';
	return out;
}

size_t
pp_utf8_boundary(const char *s, size_t off)
{
	while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80)
		off--;
	return off;
}

int32_t
pp_utf8_lower(int32_t cp)
{
	return utf8proc_tolower(cp);
}

int
pp_utf8_is_word(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

int
pp_utf8_cp_width(int32_t cp)
{
	utf8proc_category_t c;

	/* Writers show a control character as one visible character (a
	 * space, a replacement), never raw. */
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 1;
	c = utf8proc_category(cp);
	if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME ||
	    c == UTF8PROC_CATEGORY_CF)
		return 0;
	return utf8proc_charwidth(cp);
}

/* The width and byte length of the character at s (an ill-formed byte
 * is one column, one byte). */
static size_t
char_at(const char *s, size_t len, int *width)
{
	int32_t cp;
	size_t n = pp_utf8_decode(s, len, &cp);

	if (n == 0) {
		*width = 1;
		return 1;
	}
	*width = pp_utf8_cp_width(cp);
	return n;
}

size_t
pp_utf8_width(const char *s)
{
	size_t len = strlen(s), i, w = 0;
	int cw;

	for (i = 0; i < len;) {
		i += char_at(s + i, len - i, &cw);
		w += (size_t)cw;
	}
	return w;
}

size_t
pp_utf8_prefix(const char *s, size_t w)
{
	size_t len = strlen(s), i = 0, n, used = 0;
	int cw;

	while (i < len) {
		n = char_at(s + i, len - i, &cw);
		if (used + (size_t)cw > w)
			break;
		used += (size_t)cw;
		i += n;
	}
	return i;
}
