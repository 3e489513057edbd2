/* SPDX-License-Identifier: ISC */
/*
 * Civil time <-> instants through libical's zone database, plus the date
 * arithmetic and parsing every loader shares.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <libical/ical.h>

#include "pyplan/tz.h"

static int
is_utc_name(const char *zone)
{
	return strcmp(zone, "UTC") == 0 || strcmp(zone, "Z") == 0 ||
	    strcmp(zone, "Etc/UTC") == 0 || strcmp(zone, "GMT") == 0;
}

/*
 * libical finds a built-in zone by a linear search with strcmp over some
 * 600 names, and a programme converts every time of every event: on a
 * 100,000-row CSV that search was two thirds of the run.  A few recent
 * zones are remembered by name (a programme uses one or two).
 */
#define ZONE_CACHE 4

static struct {
	char name[64];
	icaltimezone *z;
} zone_cache[ZONE_CACHE];
static unsigned zone_next;

static icaltimezone *
find_zone(const char *zone)
{
	icaltimezone *z;
	unsigned i;

	if (zone == NULL || *zone == '\0')
		return NULL;
	if (is_utc_name(zone))
		return icaltimezone_get_utc_timezone();
	for (i = 0; i < ZONE_CACHE; i++)
		if (zone_cache[i].z != NULL &&
		    strcmp(zone_cache[i].name, zone) == 0)
			return zone_cache[i].z;
	z = icaltimezone_get_builtin_timezone(zone);
	if (z != NULL && strlen(zone) < sizeof(zone_cache[0].name)) {
		i = zone_next++ % ZONE_CACHE;
		strcpy(zone_cache[i].name, zone);
		zone_cache[i].z = z;
	}
	return z;
}

int
pp_tz_valid(const char *zone)
{
	return find_zone(zone) != NULL;
}

void
pp_tz_cleanup(void)
{
	memset(zone_cache, 0, sizeof(zone_cache));
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

/* The zone's offset from UTC (seconds east) at instant t. */
static int
offset_at(icaltimezone *z, int64_t t)
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

/* pp_tz_offset_fn for a libical zone. */
static int
zone_offset(void *arg, int64_t t)
{
	return offset_at(arg, t);
}

int
pp_tz_from_civil_fit(const char *zone, const struct pp_civil *c, int64_t *out,
    enum pp_tz_fit *fit)
{
	icaltimezone *z = find_zone(zone);

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
	icaltimezone *z = find_zone(zone);
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
pp_tz_format_date(const char *zone, int64_t t, char *buf)
{
	struct pp_civil c;

	if (pp_tz_to_civil(zone, t, &c) != 0)
		pp_tz_to_civil("UTC", t, &c);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)c.year % 10000u,
	    (unsigned)c.month % 100u, (unsigned)c.day % 100u);
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
