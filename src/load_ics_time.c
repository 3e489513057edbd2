/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, time: DATE and DATE-TIME values, DURATION, and the
 * expansion of RRULE, RDATE, EXDATE and RECURRENCE-ID.
 *
 * Values libical reads into 32-bit or 16-bit fields without a word when
 * they overflow (DURATION:PT4294970896S became one hour, COUNT=4294967297
 * one occurrence, COUNT=5x five) are checked here on their raw text
 * first.  Recurrences are computed on the wall clock, as RFC 5545 says:
 * libical's iterator runs on floating times, and each occurrence is then
 * turned into an instant by the one reading of wall-clock times
 * (pp_tz_resolve), so that a daily 02:30 event is at 02:30 every day, and
 * at 03:30 on the day the clocks skip 02:30.
 */
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_ics_int.h"
#include "pyplan/xalloc.h"

/* libical stops every recurrence after this year (MAX_TIME_T_YEAR). */
#define LIBICAL_LAST_YEAR 2582
/* Largest COUNT of a VTIMEZONE observance rule (such a rule is walked
 * from its DTSTART). */
#define MAX_VTZ_COUNT 1000
/* The longest event: a year (a DURATION of a century is a typo or an
 * attack, and libical itself wrapped such values at 2^32 seconds). */
#define MAX_EVENT_LENGTH ((int64_t)366 * 86400)

/* ---- budget ------------------------------------------------------------ */

int
ics_charge(struct ics_ctx *c, size_t n, unsigned line)
{
	if (c->over_budget)
		return -1;
	c->steps += n;
	if (c->steps <= c->max_steps)
		return 0;
	c->over_budget = 1;
	ics_problem(c, line, 0,
	    "recurrences of this file need more than %zu steps (%d, plus "
	    "%d per KiB of input)",
	    c->max_steps, PP_ICS_MAX_STEPS, PP_ICS_STEPS_PER_KIB);
	return -1;
}

/* ---- values ------------------------------------------------------------ */

int
ics_valid_raw_time(const char *v)
{
	size_t i, n = strlen(v);

	if (n != 8 && n != 15 && n != 16)
		return 0;
	for (i = 0; i < n; i++) {
		if (i == 8) {
			if (v[i] != 'T')
				return 0;
		} else if (i == 15) {
			if (v[i] != 'Z')
				return 0;
		} else if (!isdigit((unsigned char)v[i]))
			return 0;
	}
	return 1;
}

/* 1 if the civil fields of t are a real date and time in 1800..2999. */
static int
valid_fields(const struct icaltimetype *t)
{
	int y, m, d;

	if (t->year < 1800 || t->year > 2999 || t->month < 1 || t->month > 12 ||
	    t->day < 1 || t->day > 31)
		return 0;
	pp_civil_from_days(pp_days_from_civil(t->year, t->month, t->day), &y,
	    &m, &d);
	if (y != t->year || m != t->month || d != t->day)
		return 0;
	return t->is_date ||
	    (t->hour >= 0 && t->hour <= 23 && t->minute >= 0 &&
	        t->minute <= 59 && t->second >= 0 && t->second <= 60);
}

/* The TZID parameter of p, or NULL. */
static const char *
tzid_of(icalproperty *p)
{
	icalparameter *q =
	    icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);

	return q != NULL ? icalparameter_get_tzid(q) : NULL;
}

/*
 * Reads libical's value v of property p (named prop, written at line)
 * into *out, finding the zone its TZID names.  raw, when not NULL, is the
 * value as written, which must have the RFC 5545 form.  quiet: report
 * nothing (the caller only peeks).  Returns 0, or -1 after a problem.
 */
static int
read_time(struct ics_ctx *c, const struct ics_comp *k, const char *prop,
    icalproperty *p, struct icaltimetype v, const char *raw, unsigned line,
    int quiet, struct ics_time *out)
{
	const char *tzid = tzid_of(p);
	char ex[64];

	memset(out, 0, sizeof(*out));
	if ((raw != NULL && !ics_valid_raw_time(raw)) || !valid_fields(&v)) {
		if (!quiet) {
			if (raw != NULL)
				ics_problem(c, line, 1, "bad %s value '%s'",
				    prop, ics_excerpt(raw, ex, sizeof(ex)));
			else
				ics_problem(c, line, 1, "bad %s value", prop);
		}
		return -1;
	}
	ics_civil_of(v, &out->c);
	out->is_date = v.is_date;
	out->is_utc = !v.is_date && icaltime_is_utc(v);
	out->line = line;
	/* A TZID on a DATE or a UTC time means nothing (libical ignores
	 * it too). */
	if (tzid != NULL && !out->is_date && !out->is_utc &&
	    (out->zone = ics_zone_find(c, k, tzid, quiet ? 0 : line)) == NULL)
		return -1;
	return 0;
}

/* The name of the zone t is read in, for messages. */
static const char *
zone_name(const struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_time *t)
{
	if (t->zone == NULL)
		return c->cals[k->cal].fzone;
	return ics_zone_iana(t->zone) != NULL ? ics_zone_iana(t->zone)
	                                      : ics_zone_tzid(t->zone);
}

int
ics_instant(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_time *t, int warn, int64_t *out)
{
	enum pp_tz_fit fit = PP_TZ_EXACT;
	struct pp_civil cv = t->c, shown;

	if (t->is_utc) {
		*out = pp_civil_seconds(&t->c);
		return 0;
	}
	if (t->is_date)
		cv.hour = cv.min = cv.sec = 0;
	if (t->zone != NULL) {
		if (ics_zone_instant(c, t->zone, &cv, t->line, out, &fit) != 0)
			return -1;
	} else if (pp_tz_from_civil_fit(c->cals[k->cal].fzone, &cv, out,
	               &fit) != 0) {
		ics_problem(c, t->line, 1, "time outside the zone data");
		return -1;
	}
	if (warn && fit == PP_TZ_GAP && !c->busy) {
		if (t->zone != NULL)
			ics_zone_civil(c, t->zone, *out, &shown);
		else
			pp_tz_to_civil(c->cals[k->cal].fzone, *out, &shown);
		pp_diag_warn(c->ds, c->name, t->line,
		    "%04d-%02d-%02d %02d:%02d does not exist in %s (the "
		    "clocks skip it): read as %02d:%02d, as RFC 5545 says",
		    cv.year, cv.month, cv.day, cv.hour, cv.min,
		    zone_name(c, k, t), shown.hour, shown.min);
	}
	return 0;
}

/*
 * Parses an RFC 5545 DURATION ("P1W", "P1DT2H", "-PT30M"; 3.3.6) into
 * *secs, exactly: each number may have up to 12 digits.  Returns -1 if
 * it is malformed.
 */
static int
parse_duration(const char *s, int64_t *secs)
{
	int64_t total = 0;
	int neg = 0, time = 0, any = 0, last = 0;
	static const char units[] = "WDHMS";

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s++ != 'P')
		return -1;
	while (*s != '\0') {
		int64_t v = 0;
		int digits = 0, u;
		const char *at;

		if (*s == 'T') {
			if (time || s[1] == '\0')
				return -1;
			time = 1;
			s++;
			continue;
		}
		while (isdigit((unsigned char)*s)) {
			if (++digits > 12)
				return -1;
			v = v * 10 + (*s++ - '0');
		}
		if (digits == 0 || *s == '\0' ||
		    (at = strchr(units, *s)) == NULL)
			return -1;
		u = (int)(at - units) + 1;
		/* W alone; D before T; H, M, S after T, in that order */
		if (u <= last || (u == 1 && (any || time)) ||
		    (u == 2 && time) || (u >= 3 && !time) || last == 1)
			return -1;
		total += v *
		    (u == 1          ? 604800
		            : u == 2 ? 86400
		            : u == 3 ? 3600
		            : u == 4 ? 60
		                     : 1);
		last = u;
		any = 1;
		s++;
	}
	if (!any || (time && last < 3))
		return -1;
	*secs = neg ? -total : total;
	return 0;
}

int
ics_read_when(struct ics_ctx *c, const struct ics_comp *k, struct ics_when *w)
{
	icalcomponent *ic = k->ic;
	icalproperty *ps =
	    icalcomponent_get_first_property(ic, ICAL_DTSTART_PROPERTY);
	icalproperty *pe =
	    icalcomponent_get_first_property(ic, ICAL_DTEND_PROPERTY);
	icalproperty *pd =
	    icalcomponent_get_first_property(ic, ICAL_DURATION_PROPERTY);
	unsigned line = c->cl[k->first].line, pl;
	char raw[64], ex[64];
	struct ics_time e;
	int64_t te;

	if (ps == NULL) {
		ics_problem(c, line, 1, "VEVENT without DTSTART");
		return -1;
	}
	pl = ics_prop_line(c, k, "DTSTART", raw, sizeof(raw));
	if (read_time(c, k, "DTSTART", ps, icalproperty_get_dtstart(ps), raw,
	        pl, 0, &w->start) != 0 ||
	    ics_instant(c, k, &w->start, 1, &w->t0) != 0)
		return -1;
	w->is_date = w->start.is_date;
	if (pe != NULL && pd != NULL) {
		ics_problem(c, ics_prop_line(c, k, "DURATION", NULL, 0), 1,
		    "both DTEND and DURATION");
		return -1;
	}
	if (pe != NULL) {
		pl = ics_prop_line(c, k, "DTEND", raw, sizeof(raw));
		if (read_time(c, k, "DTEND", pe, icalproperty_get_dtend(pe),
		        raw, pl, 0, &e) != 0)
			return -1;
		if (e.is_date != w->is_date) {
			ics_problem(c, pl, 1,
			    "DTEND and DTSTART differ in value type "
			    "(DATE and DATE-TIME)");
			return -1;
		}
		if (ics_instant(c, k, &e, 1, &te) != 0)
			return -1;
		w->len = te - w->t0;
		if (w->len > MAX_EVENT_LENGTH) {
			ics_problem(c, pl, 1,
			    "DTEND is more than 366 days after DTSTART");
			return -1;
		}
	} else if (pd != NULL) {
		pl = ics_prop_line(c, k, "DURATION", raw, sizeof(raw));
		if (parse_duration(raw, &w->len) != 0 || w->len < 0) {
			ics_problem(c, pl, 1,
			    "negative or bad DURATION value '%s'",
			    ics_excerpt(raw, ex, sizeof(ex)));
			return -1;
		}
		if (w->len > MAX_EVENT_LENGTH) {
			ics_problem(c, pl, 1,
			    "DURATION '%s' is longer than 366 days",
			    ics_excerpt(raw, ex, sizeof(ex)));
			return -1;
		}
		if (w->is_date)
			w->len = w->len / 86400 * 86400;
	} else if (w->is_date) {
		w->len = 86400; /* RFC 5545: one day */
	} else {
		if (!c->busy)
			pp_diag_warn(c->ds, c->name, line,
			    "event has DTSTART "
			    "but no DTEND or DURATION (zero length, RFC 5545 "
			    "3.6.1): skipped, a plan cannot use it");
		return 0;
	}
	if (w->len < 0) {
		ics_problem(c,
		    ics_prop_line(c, k, pe != NULL ? "DTEND" : "DURATION", NULL,
		        0),
		    1, "DTEND before DTSTART");
		return -1;
	}
	if (w->len == 0) {
		if (!c->busy)
			pp_diag_warn(c->ds, c->name, line,
			    "zero-length "
			    "event (end equals start): skipped, a plan cannot "
			    "use it");
		return 0;
	}
	return 1;
}

int
ics_recurrence_id(struct ics_ctx *c, const struct ics_comp *k, int64_t *out)
{
	icalproperty *p =
	    icalcomponent_get_first_property(k->ic, ICAL_RECURRENCEID_PROPERTY);
	char raw[64];
	unsigned line = ics_prop_line(c, k, "RECURRENCE-ID", raw, sizeof(raw));
	struct ics_time t;

	if (read_time(c, k, "RECURRENCE-ID", p,
	        icalproperty_get_recurrenceid(p), raw, line, 0, &t) != 0)
		return -1;
	return ics_instant(c, k, &t, 0, out);
}

void
ics_format_utc(int64_t t, char *buf)
{
	struct pp_civil cv;

	pp_civil_from_seconds(t, &cv);
	snprintf(buf, 17, "%04u%02u%02uT%02u%02u%02uZ",
	    (unsigned)cv.year % 10000u, (unsigned)cv.month % 100u,
	    (unsigned)cv.day % 100u, (unsigned)cv.hour % 100u,
	    (unsigned)cv.min % 100u, (unsigned)cv.sec % 100u);
}

/* ---- recurrence rules -------------------------------------------------- */

/* 1 if a BY* list of a recurrence rule has entries. */
static int
has_by(const short *v)
{
	return v[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/*
 * Returns why libical must not iterate rule r, or NULL.  Its iterator
 * steps one unit of FREQ at a time through the filters, and a single call
 * can run for hours: FREQ=MINUTELY with a day filter that never matches
 * ("BYMONTH=2;BYMONTHDAY=30") walks every minute up to the year 2582.
 * So sub-daily rules may not filter on days, and a BYMONTHDAY that no
 * BYMONTH month has is refused outright.
 */
static const char *
rule_trouble(const struct icalrecurrencetype *r)
{
	static const short mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	size_t i, j;
	int any = 0;

	if (r->freq < ICAL_DAILY_RECURRENCE &&
	    (has_by(r->by_month) || has_by(r->by_month_day) ||
	        has_by(r->by_year_day) || has_by(r->by_week_no) ||
	        has_by(r->by_day) || has_by(r->by_set_pos)))
		return "sub-daily FREQ with a day, week or month filter";
	if (!has_by(r->by_month) || !has_by(r->by_month_day))
		return NULL;
	for (i = 0; i < ICAL_BY_MONTH_SIZE && has_by(r->by_month + i); i++)
		for (j = 0;
		     j < ICAL_BY_MONTHDAY_SIZE && has_by(r->by_month_day + j);
		     j++) {
			int m = r->by_month[i], d = r->by_month_day[j];

			if (m < 1 || m > 12 || (d < 0 ? -d : d) <= mdays[m - 1])
				any = 1;
		}
	return any ? NULL : "BYMONTHDAY that none of its BYMONTH months has";
}

/* The numeric BY* parts: name, range (0 excluded when lo < 0), and how
 * many values libical keeps. */
static const struct {
	const char *name;
	int lo, hi;
	size_t max;
} by_parts[] = {
    {"BYSECOND", 0, 60, ICAL_BY_SECOND_SIZE - 1},
    {"BYMINUTE", 0, 59, ICAL_BY_MINUTE_SIZE - 1},
    {"BYHOUR", 0, 23, ICAL_BY_HOUR_SIZE - 1},
    {"BYMONTHDAY", -31, 31, ICAL_BY_MONTHDAY_SIZE - 1},
    {"BYYEARDAY", -366, 366, ICAL_BY_YEARDAY_SIZE - 1},
    {"BYWEEKNO", -53, 53, ICAL_BY_WEEKNO_SIZE - 1},
    {"BYMONTH", 1, 12, ICAL_BY_MONTH_SIZE - 1},
    {"BYSETPOS", -366, 366, ICAL_BY_SETPOS_SIZE - 1},
};

static int
is_weekday(const char *s)
{
	static const char *const days[] = {"MO", "TU", "WE", "TH", "FR", "SA",
	    "SU"};
	size_t i;

	for (i = 0; i < 7; i++)
		if (strcasecmp(s, days[i]) == 0)
			return 1;
	return 0;
}

/* Parses an unsigned decimal of at most 10 digits, all of s; -1 if it is
 * not one. */
static long long
parse_uint(const char *s)
{
	long long v = 0;
	size_t n = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) || ++n > 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Checks one BY* value list; returns NULL or what is wrong. */
static const char *
check_list(const char *name, char *v, int lo, int hi, size_t max, int byday)
{
	char *item, *save = NULL;
	size_t n = 0;

	if (*v == '\0')
		return "empty";
	for (item = strtok_r(v, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		const char *num = item;
		char digits[16];
		size_t nd;
		long long x;

		if (++n > max)
			return "too many values";
		if (*num == '+' || *num == '-')
			num++;
		nd = strspn(num, "0123456789");
		if (byday) {
			/* [+/-][1-53]MO: a weekday, maybe numbered */
			if (!is_weekday(num + nd) || nd > 2 ||
			    (nd == 0 && num != item))
				return "not a weekday";
			if (nd == 0)
				continue;
			memcpy(digits, num, nd);
			digits[nd] = '\0';
			x = parse_uint(digits);
			if (x < 1 || x > 53)
				return "week number out of range";
			continue;
		}
		if (num[nd] != '\0' || nd == 0 || nd > 4)
			return "not a number";
		x = parse_uint(num);
		if (item[0] == '-')
			x = -x;
		if ((item[0] == '-' && lo >= 0) || x < lo || x > hi ||
		    (x == 0 && lo < 0))
			return "out of range";
	}
	(void)name;
	return NULL;
}

int
ics_check_rrule(struct ics_ctx *c, const char *raw, unsigned line, int vtz,
    struct icalrecurrencetype *out)
{
	static const char *const freqs[] = {"SECONDLY", "MINUTELY", "HOURLY",
	    "DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
	char *copy = pp_xstrdup(raw), *part, *save = NULL, ex[64], ex2[64];
	unsigned seen = 0;
	int count = 0, until = 0, event = !vtz;
	const char *what = NULL, *bad = NULL;
	const char *rule = vtz ? "VTIMEZONE RRULE" : "RRULE";

	for (part = strtok_r(copy, ";", &save); part != NULL && bad == NULL;
	     part = strtok_r(NULL, ";", &save)) {
		char *v = strchr(part, '=');
		unsigned bit = 0;
		size_t i;
		long long x;

		if (v == NULL) {
			bad = part;
			what = "not NAME=VALUE";
			snprintf(ex2, sizeof(ex2), "%s", part);
			break;
		}
		*v++ = '\0';
		if (strcasecmp(part, "FREQ") == 0) {
			bit = 1;
			for (i = 0; i < 7 && strcasecmp(v, freqs[i]) != 0; i++)
				;
			if (i == 7)
				what = "unknown FREQ";
		} else if (strcasecmp(part, "COUNT") == 0) {
			bit = 2;
			count = 1;
			x = parse_uint(v);
			if (x < 1 || x > (vtz ? MAX_VTZ_COUNT : INT_MAX))
				what = vtz ? "COUNT must be a whole number "
				             "from 1 to 1000"
				           : "COUNT must be a whole number "
				             "from 1 to 2147483647";
		} else if (strcasecmp(part, "UNTIL") == 0) {
			bit = 4;
			until = 1;
			if (!ics_valid_raw_time(v))
				what = "UNTIL not a date or date-time";
		} else if (strcasecmp(part, "INTERVAL") == 0) {
			bit = 8;
			x = parse_uint(v);
			if (x < 1 || x > 32767)
				what = "INTERVAL must be a whole number "
				       "from 1 to 32767";
		} else if (strcasecmp(part, "WKST") == 0) {
			bit = 16;
			if (!is_weekday(v))
				what = "WKST not a weekday";
		} else if (strcasecmp(part, "BYDAY") == 0) {
			bit = 32;
			what =
			    check_list(part, v, 0, 0, ICAL_BY_DAY_SIZE - 1, 1);
		} else if (strcasecmp(part, "RSCALE") == 0 ||
		    strcasecmp(part, "SKIP") == 0) {
			what = "RSCALE and SKIP are not supported";
		} else {
			for (i = 0; i < sizeof(by_parts) / sizeof(by_parts[0]);
			     i++)
				if (strcasecmp(part, by_parts[i].name) == 0)
					break;
			if (i == sizeof(by_parts) / sizeof(by_parts[0])) {
				what = "unknown part";
			} else {
				bit = 64u << i;
				what = check_list(part, v, by_parts[i].lo,
				    by_parts[i].hi, by_parts[i].max, 0);
			}
		}
		if (what == NULL && (seen & bit) != 0)
			what = "given twice";
		seen |= bit;
		if (what != NULL) {
			bad = part;
			/* the value, for the message */
			snprintf(ex2, sizeof(ex2), "%s=%s", part, v);
		}
	}
	if (bad == NULL && (seen & 1) == 0)
		what = "no FREQ";
	else if (bad == NULL && count && until)
		what = "both COUNT and UNTIL";
	if (what != NULL) {
		if (bad != NULL)
			ics_problem(c, line, event, "bad %s part '%s' (%s)",
			    rule, ics_excerpt(ex2, ex, sizeof(ex)), what);
		else
			ics_problem(c, line, event, "bad %s '%s' (%s)", rule,
			    ics_excerpt(raw, ex, sizeof(ex)), what);
		free(copy);
		return -1;
	}
	free(copy);
	*out = icalrecurrencetype_from_string(raw);
	if (out->freq == ICAL_NO_RECURRENCE) {
		ics_problem(c, line, event, "bad %s '%s'", rule,
		    ics_excerpt(raw, ex, sizeof(ex)));
		return -1;
	}
	if ((what = rule_trouble(out)) != NULL) {
		ics_problem(c, line, event, "unsupported %s (%s)", rule, what);
		return -1;
	}
	return 0;
}

/* ---- occurrences ------------------------------------------------------- */

static int
cmp_occ(const void *a, const void *b)
{
	const struct ics_occ *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

int
ics_cmp_i64(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

void
ics_occ_add(struct ics_occs *o, int64_t start, const struct pp_civil *cv)
{
	o->v = pp_xgrowarray(o->v, &o->cap, o->n + 1, sizeof(*o->v));
	o->v[o->n].start = start;
	o->v[o->n].c = *cv;
	o->n++;
}

static void
ex_add(struct ics_occs *o, int64_t t)
{
	o->ex = pp_xgrowarray(o->ex, &o->capex, o->nex + 1, sizeof(*o->ex));
	o->ex[o->nex++] = t;
}

void
ics_civil_of(struct icaltimetype t, struct pp_civil *cv)
{
	memset(cv, 0, sizeof(*cv));
	cv->year = t.year;
	cv->month = t.month;
	cv->day = t.day;
	if (!t.is_date) {
		cv->hour = t.hour;
		cv->min = t.minute;
		cv->sec = t.second;
	}
}

struct icaltimetype
ics_floating(const struct pp_civil *cv, int is_date)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = cv->year;
	t.month = cv->month;
	t.day = cv->day;
	t.is_date = is_date;
	if (!is_date) {
		t.hour = cv->hour;
		t.minute = cv->min;
		t.second = cv->sec;
	}
	return t;
}

/*
 * Moves a UTC UNTIL onto the wall clock of DTSTART, where the iterator
 * runs: libical would compare a floating occurrence with it as if both
 * were UTC.
 */
static int
until_local(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, struct icalrecurrencetype *r)
{
	struct pp_civil cv;
	int64_t t;

	if (icaltime_is_null_time(r->until) || !icaltime_is_utc(r->until))
		return 0;
	if (r->until.is_date) {
		r->until.zone = NULL;
		return 0;
	}
	memset(&cv, 0, sizeof(cv));
	cv.year = r->until.year;
	cv.month = r->until.month;
	cv.day = r->until.day;
	cv.hour = r->until.hour;
	cv.min = r->until.minute;
	cv.sec = r->until.second;
	t = pp_civil_seconds(&cv);
	if (w->start.is_utc)
		; /* the same clock */
	else if (w->start.zone != NULL) {
		if (ics_zone_civil(c, w->start.zone, t, &cv) != 0)
			return -1;
	} else
		pp_tz_to_civil(c->cals[k->cal].fzone, t, &cv);
	r->until = ics_floating(&cv, w->is_date);
	return 0;
}

/* Expands one RRULE (raw text at line) into o.  Returns 0, or -1 after a
 * problem. */
static int
expand_rrule(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, const char *raw, unsigned line,
    struct ics_occs *o)
{
	struct icalrecurrencetype r;
	icalrecur_iterator *it;
	struct icaltimetype t;
	size_t steps = 0, found = 0;
	int ended = 0, rc = 0;

	if (ics_check_rrule(c, raw, line, 0, &r) != 0)
		return -1;
	if (!c->busy &&
	    (r.count > PP_ICS_MAX_OCCURRENCES ||
	        (r.count == 0 && icaltime_is_null_time(r.until)))) {
		ics_problem(c, line, 1,
		    "RRULE yields more than %d occurrences%s",
		    PP_ICS_MAX_OCCURRENCES,
		    r.count == 0 ? " (it has no COUNT or UNTIL)" : "");
		return -1;
	}
	if (until_local(c, k, w, &r) != 0 ||
	    (it = icalrecur_iterator_new(r,
	         ics_floating(&w->start.c, w->is_date))) == NULL) {
		ics_problem(c, line, 1, "unsupported RRULE");
		return -1;
	}
	if (c->busy && r.count == 0)
		ics_busy_skip(c, k, w, it);
	for (;;) {
		struct ics_time occ = w->start;
		int64_t s;

		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t)) {
			ended = 1;
			break;
		}
		steps++;
		if (ics_charge(c, 1, line) != 0) {
			rc = -1;
			break;
		}
		ics_civil_of(t, &occ.c);
		occ.line = line;
		if (ics_instant(c, k, &occ, 0, &s) != 0) {
			rc = -1;
			break;
		}
		if (c->busy && s >= c->to)
			break;
		if (!ics_in_window(c, w, s))
			continue;
		if (++found > PP_ICS_MAX_OCCURRENCES) {
			ics_problem(c, line, 1,
			    "RRULE yields more than %d occurrences",
			    PP_ICS_MAX_OCCURRENCES);
			rc = -1;
			break;
		}
		ics_occ_add(o, s, &occ.c);
	}
	icalrecur_iterator_free(it);
	/* libical ends every rule after the year 2582, silently: in a
	 * programme, a rule it cut short is an error, not fewer
	 * occurrences (a busy calendar's window ends long before). */
	if (rc == 0 && ended && !c->busy &&
	    ((r.count > 0 && steps < (size_t)r.count) ||
	        (r.count == 0 && r.until.year > LIBICAL_LAST_YEAR))) {
		ics_problem(c, line, 1,
		    "RRULE goes on past the year %d, the last one pyplan can "
		    "expand",
		    LIBICAL_LAST_YEAR);
		rc = -1;
	}
	return rc;
}

/* Reads one RDATE or EXDATE value (written at line) of k as an instant. */
static int
list_instant(struct ics_ctx *c, const struct ics_comp *k, icalproperty *p,
    const char *prop, struct icaltimetype v, unsigned line, int64_t *out,
    int *is_date)
{
	struct ics_time t;

	if (read_time(c, k, prop, p, v, NULL, line, 0, &t) != 0)
		return -1;
	*is_date = t.is_date;
	return ics_instant(c, k, &t, !strcmp(prop, "RDATE"), out);
}

/* Walks the lines of one property of k alongside libical's properties:
 * libical makes one property of each value of a list ("RDATE:a,b"). */
struct prop_walk {
	const char *prop;
	size_t at, left;
};

static unsigned
walk_line(const struct ics_ctx *c, const struct ics_comp *k,
    struct prop_walk *pw)
{
	if (pw->left == 0) {
		char *text;
		const char *v;

		pw->at = ics_next_prop(c, k, pw->at, pw->prop, NULL, 0);
		if (pw->at >= k->last)
			return c->cl[k->first].line;
		text = ics_line_text(c, pw->at);
		pw->left = 1;
		for (v = ics_line_value(text); v != NULL && *v != '\0'; v++)
			pw->left += *v == ',';
		free(text);
	}
	pw->left--;
	return c->cl[pw->at].line;
}

static int
cmp_override(const void *a, const void *b)
{
	const struct ics_override *x = a, *y = b;
	int r = strcmp(x->uid, y->uid);

	if (r != 0)
		return r;
	return x->at < y->at ? -1 : x->at > y->at;
}

void
ics_collect_overrides(struct ics_ctx *c)
{
	size_t i;

	for (i = 0; i < c->ncomp; i++) {
		struct ics_comp *k = &c->comp[i];
		icalproperty *p;
		struct ics_time t;
		const char *uid;
		int64_t at;

		if (!ics_event_ok(k) || (k->fast && !k->rid))
			continue;
		ics_event_open(c, k);
		p = icalcomponent_get_first_property(k->ic,
		    ICAL_RECURRENCEID_PROPERTY);
		uid = icalcomponent_get_uid(k->ic);
		/* Problems are reported with the event itself. */
		if (p != NULL && uid != NULL &&
		    read_time(c, k, "RECURRENCE-ID", p,
		        icalproperty_get_recurrenceid(p), NULL, 0, 1,
		        &t) == 0) {
			t.line = ics_prop_line(c, k, "RECURRENCE-ID", NULL, 0);
			if (ics_instant(c, k, &t, 0, &at) == 0) {
				c->ov = pp_xgrowarray(c->ov, &c->capov,
				    c->nov + 1, sizeof(*c->ov));
				c->ov[c->nov].uid = uid;
				c->ov[c->nov].at = at;
				c->nov++;
			}
		}
		ics_event_close(c, k);
	}
	if (c->nov > 1)
		qsort(c->ov, c->nov, sizeof(*c->ov), cmp_override);
}

/* Excludes the instances of uid that overrides replace. */
static void
exclude_overridden(const struct ics_ctx *c, const char *uid, struct ics_occs *o)
{
	size_t lo = 0, hi = c->nov;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(c->ov[mid].uid, uid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->nov && strcmp(c->ov[lo].uid, uid) == 0; lo++)
		ex_add(o, c->ov[lo].at);
}

int
ics_expand(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, struct ics_occs *o, int *recurring)
{
	icalcomponent *ic = k->ic;
	const char *uid = icalcomponent_get_uid(ic);
	icalproperty *p;
	struct prop_walk rr = {"RRULE", k->first, 0};
	struct prop_walk rd = {"RDATE", k->first, 0};
	struct prop_walk xd = {"EXDATE", k->first, 0};
	size_t i, j;

	*recurring = 0;
	if (ics_in_window(c, w, w->t0))
		ics_occ_add(o, w->t0, &w->start.c);
	/* libical keeps the properties in the order of the text, so the
	 * raw lines are walked alongside. */
	for (p = icalcomponent_get_first_property(ic, ICAL_RRULE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_RRULE_PROPERTY)) {
		unsigned line = walk_line(c, k, &rr);
		const char *value;
		char *text;
		int r;

		*recurring = 1;
		if (rr.at >= k->last) {
			ics_problem(c, line, 1, "unsupported RRULE");
			return -1;
		}
		text = ics_line_text(c, rr.at);
		value = ics_line_value(text);
		if (value == NULL) /* libical read a value the line lacks */
			ics_problem(c, line, 1, "unsupported RRULE");
		r = value != NULL ? expand_rrule(c, k, w, value, line, o) : -1;
		free(text);
		if (r != 0)
			return -1;
	}
	for (p = icalcomponent_get_first_property(ic, ICAL_RDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype v = icalproperty_get_rdate(p);
		struct icaltimetype t =
		    icaltime_is_null_time(v.time) ? v.period.start : v.time;
		unsigned line = walk_line(c, k, &rd);
		int64_t s;
		int is_date;

		*recurring = 1;
		if (list_instant(c, k, p, "RDATE", t, line, &s, &is_date) != 0)
			return -1;
		if (is_date != w->is_date) {
			ics_problem(c, line, 1,
			    "RDATE and DTSTART differ in value type");
			return -1;
		}
		if (ics_in_window(c, w, s)) {
			struct pp_civil cv;

			ics_civil_of(t, &cv);
			ics_occ_add(o, s, &cv);
		}
		if (o->n > PP_ICS_MAX_OCCURRENCES) {
			ics_problem(c, line, 1, "more than %d occurrences",
			    PP_ICS_MAX_OCCURRENCES);
			return -1;
		}
	}
	for (p = icalcomponent_get_first_property(ic, ICAL_EXDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ic, ICAL_EXDATE_PROPERTY)) {
		unsigned line = walk_line(c, k, &xd);
		int64_t s;
		int is_date;

		if (list_instant(c, k, p, "EXDATE", icalproperty_get_exdate(p),
		        line, &s, &is_date) != 0)
			return -1;
		ex_add(o, s);
	}
	if (uid != NULL)
		exclude_overridden(c, uid, o);
	if (o->n > 1)
		qsort(o->v, o->n, sizeof(*o->v), cmp_occ);
	if (o->nex > 1)
		qsort(o->ex, o->nex, sizeof(*o->ex), ics_cmp_i64);
	for (i = j = 0; i < o->n; i++) {
		if (j > 0 && o->v[j - 1].start == o->v[i].start)
			continue;
		if (o->nex > 0 &&
		    bsearch(&o->v[i].start, o->ex, o->nex, sizeof(*o->ex),
		        ics_cmp_i64) != NULL)
			continue;
		o->v[j++] = o->v[i];
	}
	o->n = j;
	return 0;
}
