/* SPDX-License-Identifier: ISC */
/*
 * Time zones and civil time.  Instants are int64_t seconds since the epoch
 * (UTC); zones are IANA names ("America/New_York", "UTC") resolved through
 * libical's zone database (the system's tzdata).
 */
#ifndef PYPLAN_TZ_H
#define PYPLAN_TZ_H

#include <stdint.h>

/* A civil (wall-clock) time in some zone. */
struct pp_civil {
	int year, month, day; /* 1-based month and day */
	int hour, min, sec;
	int wday;       /* 0 = Sunday; set by pp_tz_to_civil */
	int utc_offset; /* seconds east of UTC; set by pp_tz_to_civil */
};

/* Returns 1 if zone is a known IANA zone name (or "UTC"/"Z"), else 0. */
int pp_tz_valid(const char *zone);

/*
 * Converts civil time c in zone to an instant in *out.  Returns 0, or -1 if
 * the zone is unknown or the fields are out of range.  A time in a DST gap
 * or overlap resolves as RFC 5545 says (the earlier offset: the first of
 * two occurrences; the offset before the gap).
 */
int pp_tz_from_civil(const char *zone, const struct pp_civil *c, int64_t *out);

/* Converts instant t to civil time in zone; returns 0 or -1 (unknown zone). */
int pp_tz_to_civil(const char *zone, int64_t t, struct pp_civil *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (may be negative). */
int64_t pp_days_from_civil(int year, int month, int day);
/* Inverse of pp_days_from_civil. */
void pp_civil_from_days(int64_t days, int *year, int *month, int *day);

/*
 * Parses "YYYY-MM-DD" into *c (time fields zeroed); returns 0 or -1.
 * Rejects impossible dates (2018-02-30).
 */
int pp_parse_date(const char *s, struct pp_civil *c);
/* Parses "HH:MM" or "HH:MM:SS" (24:00 allowed) into minutes since midnight
 * (seconds must be 0 for minutes; *sec receives them if non-NULL). */
int pp_parse_hhmm(const char *s, int *minutes);

/*
 * Parses an ISO 8601 date-time, "YYYY-MM-DDTHH:MM[:SS]" ('T' or a blank)
 * with an optional "Z" or UTC offset ("+01:00", "-0400"), into the instant
 * *out; without an offset the wall-clock time is read in zone (NULL =
 * UTC), as pp_tz_from_civil resolves it.  Returns 0, or -1 when s is not
 * such a date-time or the zone is unknown.
 */
int pp_tz_parse_iso(const char *s, const char *zone, int64_t *out);

/* Formats t in zone as "YYYY-MM-DD" into buf (at least 11 bytes). */
void pp_tz_format_date(const char *zone, int64_t t, char *buf);
/* Formats t in zone as "HH:MM" into buf (at least 6 bytes). */
void pp_tz_format_hhmm(const char *zone, int64_t t, char *buf);
/* Formats t in zone as ISO 8601 with offset, "2018-05-11T10:50:00-04:00"
 * (buf at least 26 bytes). */
void pp_tz_format_iso(const char *zone, int64_t t, char *buf);

/* Releases libical's cached zone data (at exit, for leak checkers). */
void pp_tz_cleanup(void);

#endif
