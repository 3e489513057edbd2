/* SPDX-License-Identifier: ISC */
/*
 * Civil time <-> instants through libical's zone database, plus the date
 * arithmetic and parsing every loader shares.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

static int
is_utc_name(const char *zone)
{
	return strcmp(zone, "UTC") == 0 || strcmp(zone, "Z") == 0 ||
	    strcmp(zone, "Etc/UTC") == 0 || strcmp(zone, "GMT") == 0;
}

/*
 * A zone's offsets, read from its TZif file (RFC 8536): the file libical
 * itself reads for the zone, in the directory libical reads it from.
 * libical turns the file's transitions into VTIMEZONE rules and expands
 * those from the zone's first year on with its recurrence iterator, which
 * runs on ICU's calendar: on a programme's first time that costs some 18
 * million instructions and loading ICU.  The table answers the same
 * offsets (test_tz compares the two over 1970-2100 for every zone the
 * fixtures and the corpus name) from the file's own transition list, for
 * instants from 1970 (or the zone's first transition) up to its last
 * transition (2037 in Debian's "fat" files) or, when the file's footer
 * rule keeps one offset for ever (no daylight saving time any more), up
 * to 2100.  Other instants, and a zone whose file is missing or not
 * understood, go to libical as before.
 */
struct tzif {
	int64_t *at; /* transition instants, ascending */
	int *off;    /* off[i]: the offset from at[i] until at[i + 1] */
	size_t n;    /* transitions */
	int64_t lo;  /* the table answers for lo <= t < hi */
	int64_t hi;
	size_t hint; /* the interval of the last answer */
};

/* 2101-01-01T00:00Z: the table is proved equal to libical before it. */
#define T2101 ((int64_t)4133980800)
/* Larger files are no zone files (the biggest in tzdata are 3-4 KiB). */
#define TZIF_MAX 65536

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/*
 * The fixed offset (seconds east) of a footer rule without daylight time
 * ("IST-5:30", "<-03>3", "UTC0"), into *off; -1 if the rule has daylight
 * time or is not understood.
 */
static int
footer_fixed(const unsigned char *p, const unsigned char *end, int *off)
{
	int sign = 1, v = 0, part = 0, parts = 0, digits;

	if (p < end && *p == '<') {
		while (p < end && *p != '>')
			p++;
		if (p == end)
			return -1;
		p++;
	} else {
		digits = 0;
		while (p < end && isalpha(*p)) {
			p++;
			digits++;
		}
		if (digits < 3)
			return -1;
	}
	if (p < end && (*p == '+' || *p == '-'))
		sign = *p++ == '-' ? -1 : 1;
	/* hh[:mm[:ss]], west of UTC positive (POSIX TZ). */
	while (parts < 3) {
		digits = 0;
		part = 0;
		while (p < end && isdigit(*p) && digits < 3) {
			part = part * 10 + (*p++ - '0');
			digits++;
		}
		if (digits == 0 || (parts > 0 && (digits != 2 || part > 59)))
			return -1;
		v = v * 60 + part;
		parts++;
		if (p == end || *p != ':')
			break;
		p++;
	}
	if (p != end || v / 3600 > 167)
		return -1;
	while (parts++ < 3)
		v *= 60;
	*off = -sign * v;
	return 0;
}

/* The table of a TZif file's bytes b[0..n), or NULL if they are not one
 * that the table can answer for. */
static struct tzif *
tzif_parse(const unsigned char *b, size_t n)
{
	uint32_t isut, isstd, leap, cnt, types, chars;
	const unsigned char *p, *end = b + n, *tr, *idx, *tt, *foot, *fend;
	struct tzif *z;
	size_t i, len;
	int fixed;

	if (n < 44 || memcmp(b, "TZif", 4) != 0 || b[4] < '2')
		return NULL;
	/* Skip the version 1 block (32-bit times) to the 64-bit one. */
	len = (size_t)be32(b + 32) * 5 + (size_t)be32(b + 36) * 6 +
	    be32(b + 40) + (size_t)be32(b + 28) * 8 + be32(b + 24) +
	    be32(b + 20);
	if (len > n - 44 || n - 44 - len < 44)
		return NULL;
	p = b + 44 + len;
	if (memcmp(p, "TZif", 4) != 0)
		return NULL;
	isut = be32(p + 20);
	isstd = be32(p + 24);
	leap = be32(p + 28);
	cnt = be32(p + 32);
	types = be32(p + 36);
	chars = be32(p + 40);
	p += 44;
	len = (size_t)cnt * 9 + (size_t)types * 6 + chars + (size_t)leap * 12 +
	    isstd + isut;
	/* Leap seconds ("right/" zones) are libical's business. */
	if (leap != 0 || cnt == 0 || types == 0 || len > (size_t)(end - p))
		return NULL;
	tr = p;
	idx = tr + (size_t)cnt * 8;
	tt = idx + cnt;
	foot = p + len;
	z = pp_xcalloc(1, sizeof(*z));
	z->at = pp_xreallocarray(NULL, cnt, sizeof(*z->at));
	z->off = pp_xreallocarray(NULL, cnt, sizeof(*z->off));
	z->n = cnt;
	for (i = 0; i < cnt; i++) {
		z->at[i] = be64(tr + 8 * i);
		if (idx[i] >= types || (i > 0 && z->at[i] <= z->at[i - 1]))
			goto bad;
		z->off[i] = (int)(int32_t)be32(tt + 6 * (size_t)idx[i]);
	}
	z->lo = z->at[0] > 0 ? z->at[0] : 0;
	z->hi = z->at[cnt - 1];
	/* The footer, "\nTZ\n": one offset for ever? */
	if (foot < end && *foot == '\n') {
		fend = memchr(foot + 1, '\n', (size_t)(end - foot - 1));
		if (fend != NULL && footer_fixed(foot + 1, fend, &fixed) == 0 &&
		    fixed == z->off[cnt - 1])
			z->hi = T2101;
	}
	if (z->hi > T2101)
		z->hi = T2101;
	if (z->lo >= z->hi)
		goto bad;
	return z;
bad:
	free(z->at);
	free(z->off);
	free(z);
	return NULL;
}

static void
tzif_free(struct tzif *z)
{
	if (z == NULL)
		return;
	free(z->at);
	free(z->off);
	free(z);
}

/* The table of libical's zone z, from the file libical reads for it;
 * NULL when there is none. */
static struct tzif *
tzif_load(icaltimezone *z)
{
	const char *dir = icaltzutil_get_zone_directory();
	const char *loc = icaltimezone_get_location(z);
	unsigned char *buf;
	struct tzif *t = NULL;
	char *path;
	size_t n;
	FILE *f;

	if (dir == NULL || loc == NULL || strstr(loc, "..") != NULL)
		return NULL;
	path = pp_xasprintf("%s/%s", dir, loc);
	f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return NULL;
	buf = pp_xmalloc(TZIF_MAX);
	n = fread(buf, 1, TZIF_MAX, f);
	if (!ferror(f) && n < TZIF_MAX)
		t = tzif_parse(buf, n);
	fclose(f);
	free(buf);
	return t;
}

/* The table's offset at t, lo <= t < hi. */
static int
tzif_offset(struct tzif *z, int64_t t)
{
	size_t a = 0, b = z->n, m;

	m = z->hint;
	if (z->at[m] <= t && (m + 1 == z->n || t < z->at[m + 1]))
		return z->off[m];
	/* The last at[] <= t: one exists, since at[0] <= lo <= t. */
	while (b - a > 1) {
		m = a + (b - a) / 2;
		if (z->at[m] <= t)
			a = m;
		else
			b = m;
	}
	z->hint = a;
	return z->off[a];
}

/*
 * libical finds a built-in zone by a linear search with strcmp over some
 * 600 names, and a programme converts every time of every event: on a
 * 100,000-row CSV that search was two thirds of the run.  A few recent
 * zones are remembered by name (a programme uses one or two), each with
 * its table once it is asked for an offset.
 */
#define ZONE_CACHE 4

struct zone {
	char name[64];
	icaltimezone *z;
	struct tzif *tab;
	int tried; /* tab was looked for */
};

static struct zone zone_cache[ZONE_CACHE];
static unsigned zone_next;
static struct zone utc_zone;
/* A zone not remembered (a name too long for the cache). */
static struct zone other_zone;

static struct zone *
find_zone(const char *zone)
{
	icaltimezone *z;
	struct zone *e;
	unsigned i;

	if (zone == NULL || *zone == '\0')
		return NULL;
	if (is_utc_name(zone)) {
		utc_zone.z = icaltimezone_get_utc_timezone();
		return &utc_zone;
	}
	for (i = 0; i < ZONE_CACHE; i++)
		if (zone_cache[i].z != NULL &&
		    strcmp(zone_cache[i].name, zone) == 0)
			return &zone_cache[i];
	z = icaltimezone_get_builtin_timezone(zone);
	if (z == NULL)
		return NULL;
	if (strlen(zone) < sizeof(zone_cache[0].name)) {
		e = &zone_cache[zone_next++ % ZONE_CACHE];
		tzif_free(e->tab);
		memset(e, 0, sizeof(*e));
		strcpy(e->name, zone);
	} else {
		e = &other_zone;
		memset(e, 0, sizeof(*e));
		e->tried = 1; /* not worth a file read at every call */
	}
	e->z = z;
	return e;
}

int
pp_tz_valid(const char *zone)
{
	return find_zone(zone) != NULL;
}

void
pp_tz_cleanup(void)
{
	unsigned i;

	for (i = 0; i < ZONE_CACHE; i++)
		tzif_free(zone_cache[i].tab);
	tzif_free(other_zone.tab);
	memset(zone_cache, 0, sizeof(zone_cache));
	memset(&other_zone, 0, sizeof(other_zone));
	memset(&utc_zone, 0, sizeof(utc_zone));
	zone_next = 0;
	icaltimezone_free_builtin_timezones();
	icalmemory_free_ring();
}

int64_t
pp_days_from_civil(int year, int month, int day)
{
	/* Howard Hinnant's days_from_civil, exact for the proleptic calendar.
	 */
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
pp_civil_from_days(int64_t z, int *year, int *month, int *day)
{
	int64_t era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

static int
valid_civil(const struct pp_civil *c)
{
	return c->year >= 1 && c->year <= 9999 && c->month >= 1 &&
	    c->month <= 12 && c->day >= 1 &&
	    c->day <= days_in_month(c->year, c->month) && c->hour >= 0 &&
	    c->hour <= 24 && c->min >= 0 && c->min <= 59 && c->sec >= 0 &&
	    c->sec <= 60 && (c->hour < 24 || (c->min == 0 && c->sec == 0));
}

/* 400 Gregorian years, and 2500-01-01T00:00Z, in seconds. */
#define Y400 ((int64_t)146097 * 86400)
#define T2500 ((int64_t)16725225600)

int64_t
pp_tz_cycle_back(int64_t t)
{
	return t >= T2500 ? t - (t - (T2500 - Y400)) / Y400 * Y400 : t;
}

/* The zone's offset from UTC (seconds east) at instant t, by libical. */
static int
ical_offset_at(icaltimezone *z, int64_t t)
{
	struct icaltimetype u = icaltime_null_time();
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t rem;
	int is_dst = 0;

	/*
	 * libical expands a zone's transitions from its first year up to the
	 * one asked for, and caches them: a date in year 9999 costs seconds
	 * and megabytes per zone.  The Gregorian calendar repeats every 400
	 * years and far-future offsets follow the zone's last rule, so an
	 * instant after 2500 is looked up 400*k years earlier instead.
	 */
	if (t >= T2500) {
		t = pp_tz_cycle_back(t);
		days = t / 86400;
	}
	rem = t - days * 86400;
	pp_civil_from_days(days, &u.year, &u.month, &u.day);
	u.hour = (int)(rem / 3600);
	u.minute = (int)(rem / 60 % 60);
	u.second = (int)(rem % 60);
	u.zone = icaltimezone_get_utc_timezone();
	return icaltimezone_get_utc_offset_of_utc_time(z, &u, &is_dst);
}

int64_t
pp_civil_seconds(const struct pp_civil *c)
{
	return pp_days_from_civil(c->year, c->month, c->day) * 86400 +
	    (int64_t)c->hour * 3600 + (int64_t)c->min * 60 + c->sec;
}

void
pp_civil_from_seconds(int64_t s, struct pp_civil *c)
{
	int64_t days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
	int64_t rem = s - days * 86400;

	pp_civil_from_days(days, &c->year, &c->month, &c->day);
	c->hour = (int)(rem / 3600);
	c->min = (int)(rem / 60 % 60);
	c->sec = (int)(rem % 60);
}

int64_t
pp_tz_resolve(int64_t local, pp_tz_offset_fn off, void *arg,
    enum pp_tz_fit *fit)
{
	int64_t t1, t2;
	int before, after, ok1, ok2;

	/*
	 * The offsets a day before and a day after are the only candidates
	 * (a zone changes at most once in between).  A candidate fits when
	 * the zone has that offset at the instant it gives.  Both fit: the
	 * time occurs twice, and the first occurrence is the earlier
	 * instant.  Neither fits: the clocks skipped it, and RFC 5545 reads
	 * it with the offset before the gap.
	 */
	before = off(arg, local - 86400);
	after = off(arg, local + 86400);
	t1 = local - before;
	t2 = local - after;
	ok1 = off(arg, t1) == before;
	ok2 = before != after && off(arg, t2) == after;
	if (fit != NULL)
		*fit = ok1 && ok2 ? PP_TZ_FOLD
		    : ok1 || ok2  ? PP_TZ_EXACT
		                  : PP_TZ_GAP;
	if (ok1 && ok2)
		return t1 < t2 ? t1 : t2;
	return ok2 && !ok1 ? t2 : t1;
}

/* The zone's offset from UTC (seconds east) at instant t. */
static int
offset_at(struct zone *z, int64_t t)
{
	if (z == &utc_zone)
		return 0;
	if (!z->tried) {
		z->tried = 1;
		z->tab = tzif_load(z->z);
	}
	if (z->tab != NULL && t >= z->tab->lo && t < z->tab->hi)
		return tzif_offset(z->tab, t);
	return ical_offset_at(z->z, t);
}

/* pp_tz_offset_fn for a zone. */
static int
zone_offset(void *arg, int64_t t)
{
	return offset_at(arg, t);
}

int
pp_tz_from_civil_fit(const char *zone, const struct pp_civil *c, int64_t *out,
    enum pp_tz_fit *fit)
{
	struct zone *z = find_zone(zone);

	if (z == NULL || !valid_civil(c))
		return -1;
	*out = pp_tz_resolve(pp_civil_seconds(c), zone_offset, z, fit);
	return 0;
}

int
pp_tz_from_civil(const char *zone, const struct pp_civil *c, int64_t *out)
{
	return pp_tz_from_civil_fit(zone, c, out, NULL);
}

int
pp_tz_to_civil(const char *zone, int64_t t, struct pp_civil *out)
{
	struct zone *z = find_zone(zone);
	int64_t local, days;
	int off;

	if (z == NULL)
		return -1;
	off = offset_at(z, t);
	local = t + off;
	pp_civil_from_seconds(local, out);
	days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	out->wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01: Thursday */
	out->utc_offset = off;
	return 0;
}

int
pp_parse_date(const char *s, struct pp_civil *c)
{
	int n = 0;

	memset(c, 0, sizeof(*c));
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (n = 0; n < 10; n++)
		if (n != 4 && n != 7 && !isdigit((unsigned char)s[n]))
			return -1;
	c->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	c->month = (s[5] - '0') * 10 + (s[6] - '0');
	c->day = (s[8] - '0') * 10 + (s[9] - '0');
	return valid_civil(c) ? 0 : -1;
}

int
pp_parse_hhmm(const char *s, int *minutes)
{
	int h = 0, m = 0, i = 0, digits = 0;

	while (isdigit((unsigned char)s[i]) && digits < 2) {
		h = h * 10 + (s[i++] - '0');
		digits++;
	}
	if (digits == 0 || s[i++] != ':')
		return -1;
	if (!isdigit((unsigned char)s[i]) || !isdigit((unsigned char)s[i + 1]))
		return -1;
	m = (s[i] - '0') * 10 + (s[i + 1] - '0');
	i += 2;
	if (s[i] == ':') {
		if (s[i + 1] != '0' || s[i + 2] != '0' || s[i + 3] != '\0')
			return -1;
	} else if (s[i] != '\0')
		return -1;
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void
pp_date_format(int year, int month, int day, char *buf)
{
	/* Digit by digit: a model formats a date per event, and snprintf
	 * costs some 2,000 instructions a call. */
	unsigned y = (unsigned)year % 10000u, m = (unsigned)month % 100u,
	         d = (unsigned)day % 100u;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

void
pp_tz_format_date(const char *zone, int64_t t, char *buf)
{
	struct pp_civil c;

	if (pp_tz_to_civil(zone, t, &c) != 0)
		pp_tz_to_civil("UTC", t, &c);
	pp_date_format(c.year, c.month, c.day, buf);
}

void
pp_tz_format_hhmm(const char *zone, int64_t t, char *buf)
{
	struct pp_civil c;

	if (pp_tz_to_civil(zone, t, &c) != 0)
		pp_tz_to_civil("UTC", t, &c);
	snprintf(buf, 6, "%02u:%02u", (unsigned)c.hour % 100u,
	    (unsigned)c.min % 100u);
}

void
pp_tz_format_iso(const char *zone, int64_t t, char *buf)
{
	struct pp_civil c;
	int off, sign;

	if (pp_tz_to_civil(zone, t, &c) != 0)
		pp_tz_to_civil("UTC", t, &c);
	off = c.utc_offset;
	sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(buf, 26, "%04u-%02u-%02uT%02u:%02u:%02u%c%02u:%02u",
	    (unsigned)c.year % 10000u, (unsigned)c.month % 100u,
	    (unsigned)c.day % 100u, (unsigned)c.hour % 100u,
	    (unsigned)c.min % 100u, (unsigned)c.sec % 100u, sign,
	    (unsigned)off / 3600u % 100u, (unsigned)off / 60u % 60u);
}

int
pp_tz_parse_iso(const char *s, const char *zone, int64_t *out)
{
	char date[11];
	struct pp_civil c;
	int secs = 0, off = 0, has_off = 0;
	size_t i, n;
	int64_t t;

	if (strlen(s) < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (pp_parse_date(date, &c) != 0)
		return -1;
	i = 11;
	for (n = 0; n < 5; n++)
		if (n == 2 ? s[i + n] != ':'
		           : !isdigit((unsigned char)s[i + n]))
			return -1;
	c.hour = (s[i] - '0') * 10 + (s[i + 1] - '0');
	c.min = (s[i + 3] - '0') * 10 + (s[i + 4] - '0');
	i += 5;
	if (s[i] == ':') {
		if (!isdigit((unsigned char)s[i + 1]) ||
		    !isdigit((unsigned char)s[i + 2]))
			return -1;
		secs = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		i += 3;
	}
	if (c.hour > 23 || c.min > 59 || secs > 59)
		return -1;
	c.sec = secs;
	if (s[i] == 'Z' || s[i] == 'z') {
		has_off = 1;
		i++;
	} else if (s[i] == '+' || s[i] == '-') {
		int sign = s[i] == '-' ? -1 : 1, hh, mm;
		const char *p = s + i + 1;

		if (!isdigit((unsigned char)p[0]) ||
		    !isdigit((unsigned char)p[1]))
			return -1;
		hh = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (*p == ':')
			p++;
		if (!isdigit((unsigned char)p[0]) ||
		    !isdigit((unsigned char)p[1]))
			return -1;
		mm = (p[0] - '0') * 10 + (p[1] - '0');
		if (hh > 23 || mm > 59)
			return -1;
		off = sign * (hh * 3600 + mm * 60);
		has_off = 1;
		i = (size_t)(p + 2 - s);
	}
	if (s[i] != '\0')
		return -1;
	if (!has_off)
		return pp_tz_from_civil(zone != NULL ? zone : "UTC", &c, out);
	t = pp_days_from_civil(c.year, c.month, c.day) * 86400 + c.hour * 3600 +
	    c.min * 60 + c.sec - off;
	*out = t;
	return 0;
}
