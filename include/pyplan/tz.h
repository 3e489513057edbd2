/* SPDX-License-Identifier: ISC */
/*
 * Time zones and civil time.  Instants are int64_t seconds since the epoch
 * (UTC); zones are IANA names ("America/New_York", "UTC") resolved through
 * libical's zone database (the system's tzdata).  A zone's offsets come
 * from its TZif file, read once, for 1970 up to the file's last
 * transition, and from libical's rules for other instants.
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

/* Where a wall-clock time falls in its zone. */
enum pp_tz_fit {
	PP_TZ_EXACT, /* it occurs once */
	PP_TZ_GAP,   /* it never occurs: the clocks jump over it */
	PP_TZ_FOLD   /* it occurs twice: the clocks go back over it */
};

/*
 * Converts civil time c in zone to an instant in *out.  Returns 0, or -1 if
 * the zone is unknown or the fields are out of range.  Times the clocks
 * skip or repeat resolve as RFC 5545 (3.3.5) says, which is what
 * pp_tz_resolve does: a repeated time is its first occurrence (the offset
 * in force before the change: 2018-10-28 02:30 Europe/Berlin is
 * 02:30+02:00), a skipped one is read with the offset in force before the
 * gap (2018-03-25 02:30 Europe/Berlin is 01:30+01:00, which the clocks
 * show as 03:30+02:00).
 */
int pp_tz_from_civil(const char *zone, const struct pp_civil *c, int64_t *out);
/* The same, and *fit (if not NULL) says whether c was skipped or repeated. */
int pp_tz_from_civil_fit(const char *zone, const struct pp_civil *c,
    int64_t *out, enum pp_tz_fit *fit);

/* A zone's offset from UTC (seconds east) at instant t; arg is the
 * caller's (for zones pp_tz does not know by name: iCalendar VTIMEZONEs). */
typedef int (*pp_tz_offset_fn)(void *arg, int64_t t);

/*
 * The one reading of wall-clock times, for any zone given by its offset
 * function: the instant of local (seconds since 1970-01-01T00:00 on the
 * zone's clock, see pp_civil_seconds) by the RFC 5545 rule above; *fit
 * (if not NULL) says whether the time was skipped or repeated.  Assumes
 * that the zone changes its offset at most once within 48 hours.
 */
int64_t pp_tz_resolve(int64_t local, pp_tz_offset_fn off, void *arg,
    enum pp_tz_fit *fit);

/*
 * An instant at the same place of the 400-year Gregorian cycle as t and
 * before the year 2500 (t itself when it is): what zone rules say then
 * is what they say at t, since far-future offsets follow the zones' last
 * rules, and zone code (libical's recurrences stop after 2582) is slow or
 * gives up beyond.
 */
int64_t pp_tz_cycle_back(int64_t t);

/* Seconds since 1970-01-01T00:00 of c's fields, on c's own clock (no zone
 * involved; the fields are not checked). */
int64_t pp_civil_seconds(const struct pp_civil *c);
/* Fills c's date and time fields from seconds s since 1970-01-01T00:00
 * (the inverse of pp_civil_seconds; wday and utc_offset untouched). */
void pp_civil_from_seconds(int64_t s, struct pp_civil *c);

/*
 * The IANA zone that the Unicode CLDR table windowsZones maps a Windows
 * (Outlook, Exchange) zone name to, as Windows itself does for the world
 * (territory "001"): "W. Europe Standard Time" -> "Europe/Berlin".  Exact
 * names, case-insensitive; NULL when the name is not in the table.  The
 * table lives in src/tz_windows.c with its origin.
 */
const char *pp_tz_windows(const char *name);

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

/* Formats a date as "YYYY-MM-DD" into buf (at least 11 bytes): the year
 * modulo 10000, as the formatters below write it. */
void pp_date_format(int year, int month, int day, char *buf);
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
