/* SPDX-License-Identifier: ISC */
/*
 * The one Unicode layer, on utf8proc: decoding and encoding UTF-8,
 * validating and repairing it, case folding and character classes for
 * word matching, and display width (East Asian wide, combining marks,
 * emoji) for aligned terminal columns.  Every module that looks inside
 * UTF-8 text goes through here.
 */
#ifndef PYPLAN_UTF8_H
#define PYPLAN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Longest UTF-8 encoding of one code point, in bytes. */
#define PP_UTF8_MAX 4

/*
 * Decodes the well-formed UTF-8 sequence at s, of which at most len bytes
 * may be read: returns its length (1..4) and sets *cp, or returns 0 when s
 * does not start one (len 0, a stray continuation byte, an overlong form,
 * a surrogate, a value past U+10FFFF, a truncated sequence).  RFC 3629.
 * In a NUL-terminated string len may be PP_UTF8_MAX: a NUL never
 * continues a sequence, so nothing past it is read.
 */
size_t pp_utf8_decode(const char *s, size_t len, int32_t *cp);

/*
 * Returns the offset of the first byte of s[0..len) that is not part of
 * well-formed UTF-8, or len when all of it is.
 */
size_t pp_utf8_check(const char *s, size_t len);

/* Encodes the scalar value cp into buf (PP_UTF8_MAX bytes, not
 * NUL-terminated); returns the bytes written (0 for a surrogate or a
 * value past U+10FFFF, which it refuses). */
size_t pp_utf8_encode(int32_t cp, char *buf);

/*
 * Returns NULL when the NUL-terminated s is well-formed UTF-8, else a heap
 * copy (the caller frees) with each ill-formed byte replaced by U+FFFD.
 */
char *pp_utf8_repair(const char *s);

/* The largest i <= off such that s[i] is not a continuation byte: the
 * start of the character containing s[off] (s holds at least off bytes). */
size_t pp_utf8_boundary(const char *s, size_t off);

/* cp in lower case (Unicode simple case mapping); cp when it has none. */
int32_t pp_utf8_lower(int32_t cp);

/* 1 if cp belongs to a word: a letter, a mark or a number of any
 * script (Unicode categories L*, M*, N*), else 0. */
int pp_utf8_is_word(int32_t cp);

/*
 * Display width of one code point in terminal columns: 2 for East Asian
 * wide and fullwidth characters and emoji, 0 for combining marks and
 * format characters, 1 otherwise (utf8proc_charwidth).  A C0 or C1
 * control counts 1: writers show it as one visible character, never raw.
 */
int pp_utf8_cp_width(int32_t cp);

/* Display width of the NUL-terminated s; each ill-formed byte counts 1. */
size_t pp_utf8_width(const char *s);

/*
 * Byte length of the longest prefix of s whose display width is at most
 * w.  The prefix never ends inside a character and keeps the combining
 * marks that follow its last character.
 */
size_t pp_utf8_prefix(const char *s, size_t w);

#endif
