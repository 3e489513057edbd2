/* SPDX-License-Identifier: ISC */
/*
 * iCalendar input, what a TZID means.  A TZID names the calendar's own
 * VTIMEZONE of that name, and usually an IANA zone too: its name itself,
 * or the IANA name after a "/vendor/.../" prefix
 * ("/freeassociation.sourceforge.net/Europe/Berlin"), or the VTIMEZONE's
 * X-LIC-LOCATION, or a Windows name that the CLDR table maps
 * ("W. Europe Standard Time", as Outlook and Exchange write).  When there
 * is an IANA zone, its rules give the instants (the zone database is what
 * the CSV and feed loaders use, and what a wall-clock time in a programme
 * means), and the VTIMEZONE is only checked against it: a disagreement is
 * a warning.  Otherwise the VTIMEZONE's own offsets are used.
 *
 * A VTIMEZONE is read only when an event uses it, from its raw lines
 * (libical never sees it), and its rules are evaluated here, for a window
 * of about three years around the instant asked about, with libical's
 * recurrence iterator started at the window: libical's own zone code
 * expands every change from the VTIMEZONE's first DTSTART (often 1601 or
 * 1800) to the year asked about, which made a file of 3,000 unused zones
 * take 48 seconds.  Every iterator step is charged to the file's budget
 * (ics_charge), so a zone costs at most its rules' changes in the windows
 * its events need.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load_ics_int.h"
#include "pyplan/xalloc.h"

/* Largest offset from UTC accepted in a VTIMEZONE (Kiribati: +14:00). */
#define MAX_OFFSET (14 * 3600)
/* Changes one observance rule may make in one window (about 3 years), and
 * steps one walk of a rule may take to get there. */
#define MAX_WINDOW_CHANGES 400
#define MAX_WALK_STEPS 4096

/* One STANDARD or DAYLIGHT observance of a VTIMEZONE. */
struct obs {
	struct icaltimetype dtstart; /* floating, for the iterator */
	int from, to;                /* TZOFFSETFROM, TZOFFSETTO */
	struct icalrecurrencetype *rules;
	unsigned *rule_lines;
	size_t nrules, caprules;
	int64_t *dates; /* onsets as instants: DTSTART and RDATEs, sorted */
	size_t ndates, capdates;
};

/* A change of offset at instant at. */
struct change {
	int64_t at;
	int from, to;
};

struct ics_zone {
	char *tzid;       /* as written (heap) */
	size_t cal;       /* its calendar */
	const char *iana; /* the IANA zone used for instants, or NULL */
	char *location;   /* X-LIC-LOCATION (heap), or NULL */
	int known;        /* usable: an IANA zone or a VTIMEZONE */

	/* The file's VTIMEZONE, when it has a usable one. */
	int has_vtz;
	unsigned vtz_line; /* its BEGIN line */
	struct obs *o;
	size_t no, capo;

	/* The changes in the window [lo, hi) evaluated last, and the offset
	 * in force at lo. */
	int64_t lo, hi;
	int window;
	struct change *ch;
	size_t nch, capch;
	int before;

	int bad;       /* the rules could not be evaluated: reported */
	int disagreed; /* the VTIMEZONE contradicts the IANA zone: reported */
	int noted;     /* its display zone was reported */
};

/* A VTIMEZONE of the file, by calendar and TZID. */
struct ics_vtzref {
	size_t cal;
	char *tzid;
	size_t comp;
};

/* ---- names ------------------------------------------------------------ */

const char *
ics_iana_name(const char *name)
{
	const char *p;

	if (name == NULL || *name == '\0')
		return NULL;
	if (pp_tz_valid(name))
		return name;
	/* RFC 5545 3.2.19: a TZID starting with '/' is a globally unique
	 * name; the usual ones end in the IANA name. */
	if (name[0] == '/')
		for (p = strchr(name + 1, '/'); p != NULL;
		     p = strchr(p + 1, '/'))
			if (p[1] != '\0' && pp_tz_valid(p + 1))
				return p + 1;
	return pp_tz_windows(name);
}

const char *
ics_zone_iana(const struct ics_zone *z)
{
	return z->iana;
}

const char *
ics_zone_tzid(const struct ics_zone *z)
{
	return z->tzid;
}

int *
ics_zone_noted(struct ics_zone *z)
{
	return &z->noted;
}

/* ---- reading a VTIMEZONE ------------------------------------------------ */

/*
 * Parses a UTC offset ("+HHMM" or "+HHMMSS", RFC 5545 3.3.14) within
 * MAX_OFFSET into *out; returns -1 if it is malformed or out of range.
 */
static int
parse_offset(const char *v, int *out)
{
	size_t n = strlen(v), i;
	int h, m, s = 0;

	if ((n != 5 && n != 7) || (v[0] != '+' && v[0] != '-'))
		return -1;
	for (i = 1; i < n; i++)
		if (!isdigit((unsigned char)v[i]))
			return -1;
	h = (v[1] - '0') * 10 + (v[2] - '0');
	m = (v[3] - '0') * 10 + (v[4] - '0');
	if (n == 7)
		s = (v[5] - '0') * 10 + (v[6] - '0');
	if (h > 23 || m > 59 || s > 59 || (v[0] == '-' && h + m + s == 0))
		return -1;
	*out = (h * 3600 + m * 60 + s) * (v[0] == '-' ? -1 : 1);
	return *out < -MAX_OFFSET || *out > MAX_OFFSET ? -1 : 0;
}

/* Reads the civil fields of a raw DATE or DATE-TIME; returns -1 unless
 * it has the RFC 5545 form and a real date and time.  Observances start
 * early (Outlook writes 1601), so any year up to 2999 is fine. */
static int
raw_civil(const char *v, struct pp_civil *cv, int *is_date, int *is_utc)
{
	int y, mo, d;

	if (!ics_valid_raw_time(v))
		return -1;
	memset(cv, 0, sizeof(*cv));
	sscanf(v, "%4d%2d%2d", &cv->year, &cv->month, &cv->day);
	*is_date = strlen(v) == 8;
	*is_utc = strlen(v) == 16;
	if (!*is_date)
		sscanf(v + 9, "%2d%2d%2d", &cv->hour, &cv->min, &cv->sec);
	if (cv->year < 1 || cv->year > 2999 || cv->month < 1 ||
	    cv->month > 12 || cv->day < 1 || cv->hour > 23 || cv->min > 59 ||
	    cv->sec > 59)
		return -1;
	pp_civil_from_days(pp_days_from_civil(cv->year, cv->month, cv->day), &y,
	    &mo, &d);
	return y == cv->year && mo == cv->month && d == cv->day ? 0 : -1;
}

static void
add_date(struct obs *o, int64_t t)
{
	o->dates = pp_xgrowarray(o->dates, &o->capdates, o->ndates + 1,
	    sizeof(*o->dates));
	o->dates[o->ndates++] = t;
}

/* Reads one RDATE value list of observance o (onsets, local unless "Z");
 * DATE values take the time of DTSTART, as libical does. */
static int
read_rdate(struct ics_ctx *c, struct obs *o, const struct pp_civil *start,
    char *v, unsigned line)
{
	char *item, *save = NULL, ex[64];

	for (item = strtok_r(v, ",", &save); item != NULL;
	     item = strtok_r(NULL, ",", &save)) {
		struct pp_civil cv;
		int is_date, is_utc;
		char *slash = strchr(item, '/');

		if (slash != NULL)
			*slash = '\0'; /* a PERIOD: its start */
		if (raw_civil(item, &cv, &is_date, &is_utc) != 0) {
			ics_problem(c, line, 0,
			    "bad VTIMEZONE RDATE value '%s'",
			    ics_excerpt(item, ex, sizeof(ex)));
			return -1;
		}
		if (is_date) {
			cv.hour = start->hour;
			cv.min = start->min;
			cv.sec = start->sec;
		}
		add_date(o, pp_civil_seconds(&cv) - (is_utc ? 0 : o->from));
	}
	return 0;
}

/* What one observance block says, before it is checked. */
struct obs_raw {
	char dtstart[64], from[32], to[32];
	unsigned line, dtstart_line, from_line, to_line;
	char **rdates;
	unsigned *rdate_lines;
	size_t nrdates, caprdates;
};

static void
obs_raw_free(struct obs_raw *r)
{
	size_t i;

	for (i = 0; i < r->nrdates; i++)
		free(r->rdates[i]);
	free(r->rdates);
	free(r->rdate_lines);
	memset(r, 0, sizeof(*r));
}

/* Checks and keeps the observance read into r (its rules are already in
 * o).  Returns 0, or -1 after reporting. */
static int
finish_obs(struct ics_ctx *c, struct obs *o, struct obs_raw *r)
{
	struct pp_civil start;
	int is_date, is_utc;
	char ex[64];
	size_t i;

	if (r->to[0] == '\0') {
		ics_problem(c, r->line, 0,
		    "VTIMEZONE observance without "
		    "TZOFFSETTO");
		return -1;
	}
	if (parse_offset(r->to, &o->to) != 0) {
		ics_problem(c, r->to_line, 0,
		    "bad TZOFFSETTO value '%s' (+HHMM or +HHMMSS, at most "
		    "14 hours from UTC)",
		    ics_excerpt(r->to, ex, sizeof(ex)));
		return -1;
	}
	/* Outlook leaves TZOFFSETFROM out when it equals TZOFFSETTO. */
	if (r->from[0] == '\0')
		o->from = o->to;
	else if (parse_offset(r->from, &o->from) != 0) {
		ics_problem(c, r->from_line, 0,
		    "bad TZOFFSETFROM value '%s' (+HHMM or +HHMMSS, at most "
		    "14 hours from UTC)",
		    ics_excerpt(r->from, ex, sizeof(ex)));
		return -1;
	}
	if (r->dtstart[0] == '\0') {
		ics_problem(c, r->line, 0,
		    "VTIMEZONE observance without "
		    "DTSTART");
		return -1;
	}
	if (raw_civil(r->dtstart, &start, &is_date, &is_utc) != 0 || is_date ||
	    is_utc) {
		ics_problem(c, r->dtstart_line, 0,
		    "bad VTIMEZONE DTSTART value '%s' (a local date-time)",
		    ics_excerpt(r->dtstart, ex, sizeof(ex)));
		return -1;
	}
	/* A UTC UNTIL is compared with local onsets: move it to the clock
	 * before the onset, as libical does. */
	for (i = 0; i < o->nrules; i++)
		if (!icaltime_is_null_time(o->rules[i].until) &&
		    icaltime_is_utc(o->rules[i].until)) {
			icaltime_adjust(&o->rules[i].until, 0, 0, 0, o->from);
			o->rules[i].until.zone = NULL;
		}
	o->dtstart = ics_floating(&start, 0);
	add_date(o, pp_civil_seconds(&start) - o->from);
	for (i = 0; i < r->nrdates; i++)
		if (read_rdate(c, o, &start, r->rdates[i], r->rdate_lines[i]) !=
		    0)
			return -1;
	if (o->ndates > 1)
		qsort(o->dates, o->ndates, sizeof(*o->dates), ics_cmp_i64);
	return 0;
}

static void
free_obs(struct obs *o)
{
	free(o->rules);
	free(o->rule_lines);
	free(o->dates);
}

/*
 * Reads VTIMEZONE k into z from its raw lines.  Returns 0, or -1 after
 * reporting (then the VTIMEZONE is not used).
 */
static int
read_vtimezone(struct ics_ctx *c, struct ics_zone *z, const struct ics_comp *k)
{
	struct obs_raw r;
	struct obs *o = NULL;
	size_t i, depth = 0;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	z->vtz_line = c->cl[k->first].line;
	for (i = k->first + 1; i < k->last && rc == 0; i++) {
		char *text = ics_line_text(c, i);
		size_t nlen = ics_name_len(text);
		const char *v = ics_line_value(text);
		unsigned line = c->cl[i].line;

		if (v == NULL) {
			free(text);
			continue; /* the scan reported it */
		}
		if (nlen == 5 && strncasecmp(text, "BEGIN", 5) == 0) {
			if (depth++ == 0 &&
			    (strcasecmp(v, "STANDARD") == 0 ||
			        strcasecmp(v, "DAYLIGHT") == 0)) {
				z->o = pp_xgrowarray(z->o, &z->capo, z->no + 1,
				    sizeof(*z->o));
				o = &z->o[z->no++];
				memset(o, 0, sizeof(*o));
				r.line = line;
			}
		} else if (nlen == 3 && strncasecmp(text, "END", 3) == 0) {
			if (depth > 0 && --depth == 0 && o != NULL) {
				rc = finish_obs(c, o, &r);
				obs_raw_free(&r);
				o = NULL;
			}
		} else if (depth == 0) {
			if (nlen == 14 &&
			    strncasecmp(text, "X-LIC-LOCATION", 14) == 0 &&
			    z->location == NULL)
				z->location = pp_xstrdup(v);
		} else if (depth == 1 && o != NULL) {
			if (nlen == 7 && strncasecmp(text, "DTSTART", 7) == 0) {
				snprintf(r.dtstart, sizeof(r.dtstart), "%s", v);
				r.dtstart_line = line;
			} else if (nlen == 12 &&
			    strncasecmp(text, "TZOFFSETFROM", 12) == 0) {
				snprintf(r.from, sizeof(r.from), "%s", v);
				r.from_line = line;
			} else if (nlen == 10 &&
			    strncasecmp(text, "TZOFFSETTO", 10) == 0) {
				snprintf(r.to, sizeof(r.to), "%s", v);
				r.to_line = line;
			} else if (nlen == 5 &&
			    strncasecmp(text, "RDATE", 5) == 0) {
				r.rdates = pp_xgrowarray(r.rdates, &r.caprdates,
				    r.nrdates + 1, sizeof(*r.rdates));
				r.rdate_lines = pp_xreallocarray(r.rdate_lines,
				    r.caprdates, sizeof(*r.rdate_lines));
				r.rdate_lines[r.nrdates] = line;
				r.rdates[r.nrdates++] = pp_xstrdup(v);
			} else if (nlen == 5 &&
			    strncasecmp(text, "RRULE", 5) == 0) {
				struct icalrecurrencetype rule;

				if (ics_check_rrule(c, v, line, 1, &rule) !=
				    0) {
					rc = -1;
				} else {
					o->rules = pp_xgrowarray(o->rules,
					    &o->caprules, o->nrules + 1,
					    sizeof(*o->rules));
					o->rule_lines =
					    pp_xreallocarray(o->rule_lines,
					        o->caprules,
					        sizeof(*o->rule_lines));
					o->rule_lines[o->nrules] = line;
					o->rules[o->nrules++] = rule;
				}
			}
		}
		free(text);
	}
	obs_raw_free(&r);
	if (rc == 0 && z->no == 0) {
		ics_problem(c, z->vtz_line, 0,
		    "VTIMEZONE without STANDARD or DAYLIGHT");
		rc = -1;
	}
	if (rc != 0) {
		for (i = 0; i < z->no; i++)
			free_obs(&z->o[i]);
		free(z->o);
		z->o = NULL;
		z->no = z->capo = 0;
		return -1;
	}
	z->has_vtz = 1;
	return 0;
}

/* ---- evaluating a VTIMEZONE ------------------------------------------- */

static int
cmp_change(const void *a, const void *b)
{
	const struct change *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

static void
add_change(struct ics_zone *z, int64_t at, const struct obs *o)
{
	z->ch = pp_xgrowarray(z->ch, &z->capch, z->nch + 1, sizeof(*z->ch));
	z->ch[z->nch].at = at;
	z->ch[z->nch].from = o->from;
	z->ch[z->nch].to = o->to;
	z->nch++;
}

/* The floating time of local seconds, and the other way round. */
static struct icaltimetype
floating_at(int64_t local)
{
	struct pp_civil cv;

	pp_civil_from_seconds(local, &cv);
	return ics_floating(&cv, 0);
}

static int64_t
local_of(struct icaltimetype t)
{
	struct pp_civil cv;

	ics_civil_of(t, &cv);
	return pp_civil_seconds(&cv);
}

/*
 * Walks rule ri of observance o from about instant from (or from its
 * DTSTART) up to hi: onsets in [lo, hi) become changes, and *last gets
 * the latest onset below lo (*has_last set) when the walk meets one.
 * Returns -1 after reporting when a limit is hit.
 */
static int
walk_rule(struct ics_ctx *c, struct ics_zone *z, const struct obs *o, size_t ri,
    int64_t from, int64_t lo, int64_t hi, int64_t *last, int *has_last)
{
	const struct icalrecurrencetype *r = &o->rules[ri];
	icalrecur_iterator *it = icalrecur_iterator_new(*r, o->dtstart);
	struct icaltimetype t;
	size_t n = 0, steps = 0;
	int rc = 0;

	if (it == NULL)
		return 0; /* libical would ignore it too */
	if (r->count == 0 && local_of(o->dtstart) - o->from < from)
		icalrecur_iterator_set_start(it, floating_at(from + o->from));
	while (!icaltime_is_null_time(t = icalrecur_iterator_next(it))) {
		int64_t at = local_of(t) - o->from;

		if (ics_charge(c, 1, o->rule_lines[ri]) != 0) {
			rc = -1;
			break;
		}
		if (at >= hi)
			break;
		if ((at >= lo && ++n > MAX_WINDOW_CHANGES) ||
		    ++steps > MAX_WALK_STEPS) {
			ics_problem(c, o->rule_lines[ri], 0,
			    "VTIMEZONE rule changes the offset too often (more "
			    "than %d times in three years)",
			    MAX_WINDOW_CHANGES);
			rc = -1;
			break;
		}
		if (at < lo) {
			*last = at;
			*has_last = 1;
			continue;
		}
		add_change(z, at, o);
	}
	icalrecur_iterator_free(it);
	return rc;
}

/* Keeps (at, to) as the latest onset before the window if it is later
 * than the one kept. */
static void
keep_latest(int64_t at, int to, int64_t *best, int *best_to, int *found)
{
	if (!*found || at > *best) {
		*best = at;
		*best_to = to;
		*found = 1;
	}
}

/*
 * Evaluates z's changes in a window of about three years around instant
 * t, and the offset in force at its start: the one of the latest onset
 * before it.  Each rule is walked once, from two years (times its
 * INTERVAL) before the window, which meets that onset unless the rule
 * ended long before; then longer stretches are looked at.  Returns -1
 * after reporting when the rules cannot be evaluated.
 */
static int
evaluate(struct ics_ctx *c, struct ics_zone *z, int64_t t)
{
	const int64_t year = 366 * 86400;
	struct pp_civil cv;
	size_t i, j;
	int64_t best = 0;
	int best_to = 0, found = 0;

	memset(&cv, 0, sizeof(cv));
	pp_civil_from_seconds(t, &cv);
	cv.month = cv.day = 1;
	cv.hour = cv.min = cv.sec = 0;
	cv.year -= 1;
	z->lo = pp_civil_seconds(&cv) - 86400;
	cv.year += 3;
	z->hi = pp_civil_seconds(&cv) + 86400;
	z->nch = 0;
	z->window = 1;
	for (i = 0; i < z->no; i++) {
		const struct obs *o = &z->o[i];
		size_t a = 0, b = o->ndates;

		for (j = 0; j < o->ndates; j++)
			if (o->dates[j] >= z->lo && o->dates[j] < z->hi)
				add_change(z, o->dates[j], o);
		while (a < b) {
			size_t mid = a + (b - a) / 2;

			if (o->dates[mid] < z->lo)
				a = mid + 1;
			else
				b = mid;
		}
		if (a > 0)
			keep_latest(o->dates[a - 1], o->to, &best, &best_to,
			    &found);
		for (j = 0; j < o->nrules; j++) {
			int64_t span = 2 * year *
			    (o->rules[j].interval > 0 ? o->rules[j].interval
			                              : 1);
			int64_t last = 0;
			int has = 0, tries;

			if (walk_rule(c, z, o, j, z->lo - span, z->lo, z->hi,
			        &last, &has) != 0)
				return -1;
			/* The rule's last onset is further back: look at
			 * longer stretches before the window (changes in it
			 * were added above, so only up to lo). */
			for (tries = 0;
			     !has && tries < 3 && o->rules[j].count == 0 &&
			     local_of(o->dtstart) - o->from < z->lo - span;
			     tries++) {
				span *= 8;
				if (walk_rule(c, z, o, j, z->lo - span, z->lo,
				        z->lo, &last, &has) != 0)
					return -1;
			}
			if (has)
				keep_latest(last, o->to, &best, &best_to,
				    &found);
		}
	}
	if (z->nch > 1)
		qsort(z->ch, z->nch, sizeof(*z->ch), cmp_change);
	if (found)
		z->before = best_to;
	else if (z->nch > 0)
		z->before = z->ch[0].from;
	else {
		/* Nothing before or in the window: the earliest onset's
		 * TZOFFSETFROM, as libical does. */
		int64_t first = 0;

		z->before = z->o[0].from;
		for (i = 0; i < z->no; i++)
			if (z->o[i].ndates > 0 &&
			    (i == 0 || z->o[i].dates[0] < first)) {
				first = z->o[i].dates[0];
				z->before = z->o[i].from;
			}
	}
	return 0;
}

struct zone_arg {
	struct ics_ctx *c;
	struct ics_zone *z;
};

/* pp_tz_offset_fn of a VTIMEZONE. */
static int
vtz_offset(void *arg, int64_t t)
{
	struct zone_arg *a = arg;
	struct ics_zone *z = a->z;
	size_t lo = 0, hi;

	if (z->bad)
		return 0;
	t = pp_tz_cycle_back(t);
	if (!z->window || t < z->lo + 3 * 86400 || t >= z->hi - 3 * 86400) {
		if (evaluate(a->c, z, t) != 0) {
			z->bad = 1;
			z->window = 0;
			return 0;
		}
	}
	for (hi = z->nch; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;

		if (z->ch[mid].at <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? z->before : z->ch[lo - 1].to;
}

/* Formats an offset as "+02:00" into buf[10]. */
static const char *
fmt_offset(int off, char *buf)
{
	int a = off < 0 ? -off : off;

	snprintf(buf, 10, "%c%02d:%02d", off < 0 ? '-' : '+', a / 3600 % 100,
	    a / 60 % 60);
	return buf;
}

int
ics_zone_instant(struct ics_ctx *c, struct ics_zone *z,
    const struct pp_civil *cv, unsigned line, int64_t *out, enum pp_tz_fit *fit)
{
	struct zone_arg a = {c, z};
	int64_t local = pp_civil_seconds(cv), tv;
	char x[10], y[10];

	if (z->iana != NULL) {
		if (pp_tz_from_civil_fit(z->iana, cv, out, fit) != 0) {
			ics_problem(c, line, 1, "time outside the zone data");
			return -1;
		}
		if (!z->has_vtz || z->disagreed)
			return 0;
		tv = pp_tz_resolve(local, vtz_offset, &a, NULL);
		if (z->bad) {
			/* The zone database stands in for it. */
			z->has_vtz = 0;
			return 0;
		}
		if (tv != *out) {
			z->disagreed = 1;
			pp_diag_warn(c->ds, c->name, line,
			    "VTIMEZONE '%s' (line %u) puts "
			    "%04d-%02d-%02d %02d:%02d at UTC%s, the IANA zone "
			    "%s "
			    "at UTC%s: the IANA zone is used",
			    z->tzid, z->vtz_line, cv->year, cv->month, cv->day,
			    cv->hour, cv->min, fmt_offset((int)(local - tv), x),
			    z->iana, fmt_offset((int)(local - *out), y));
		}
		return 0;
	}
	*out = pp_tz_resolve(local, vtz_offset, &a, fit);
	if (z->bad) {
		ics_problem(c, line, 1,
		    "TZID '%s': its VTIMEZONE (line %u) cannot be "
		    "evaluated",
		    z->tzid, z->vtz_line);
		return -1;
	}
	return 0;
}

int
ics_zone_civil(struct ics_ctx *c, struct ics_zone *z, int64_t t,
    struct pp_civil *out)
{
	struct zone_arg a = {c, z};
	int off;

	memset(out, 0, sizeof(*out));
	if (z->iana != NULL)
		return pp_tz_to_civil(z->iana, t, out);
	off = vtz_offset(&a, t);
	if (z->bad)
		return -1;
	pp_civil_from_seconds(t + off, out);
	out->utc_offset = off;
	return 0;
}

/* ---- finding zones ----------------------------------------------------- */

static int
cmp_ref(const void *a, const void *b)
{
	const struct ics_vtzref *x = a, *y = b;
	int r;

	if (x->cal != y->cal)
		return x->cal < y->cal ? -1 : 1;
	if ((r = strcmp(x->tzid, y->tzid)) != 0)
		return r;
	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

/* Indexes the file's intact VTIMEZONEs by calendar and TZID (the first
 * of two with one TZID wins). */
static void
index_vtimezones(struct ics_ctx *c)
{
	size_t i, cap = 0;
	char tzid[256];

	c->vtz_indexed = 1;
	for (i = 0; i < c->ncomp; i++) {
		const struct ics_comp *k = &c->comp[i];

		if (k->kind != ICS_VTIMEZONE || k->broken)
			continue;
		if (ics_next_prop(c, k, k->first, "TZID", tzid, sizeof(tzid)) ==
		    k->last) {
			ics_problem(c, c->cl[k->first].line, 0,
			    "VTIMEZONE without TZID");
			continue;
		}
		ics_unescape(tzid);
		c->vtz =
		    pp_xgrowarray(c->vtz, &cap, c->nvtz + 1, sizeof(*c->vtz));
		c->vtz[c->nvtz].cal = k->cal;
		c->vtz[c->nvtz].tzid = pp_xstrdup(tzid);
		c->vtz[c->nvtz].comp = i;
		c->nvtz++;
	}
	if (c->nvtz > 1)
		qsort(c->vtz, c->nvtz, sizeof(*c->vtz), cmp_ref);
}

/* The VTIMEZONE of tzid in calendar cal, or NULL. */
static const struct ics_comp *
find_vtimezone(const struct ics_ctx *c, size_t cal, const char *tzid)
{
	size_t lo = 0, hi = c->nvtz;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ics_vtzref *r = &c->vtz[mid];
		int d = r->cal != cal ? (r->cal < cal ? -1 : 1)
		                      : strcmp(r->tzid, tzid);

		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nvtz && c->vtz[lo].cal == cal &&
	    strcmp(c->vtz[lo].tzid, tzid) == 0)
		return &c->comp[c->vtz[lo].comp];
	return NULL;
}

/* The zone registered for (cal, tzid): its position in c->zones, where
 * it is or goes (the array is kept sorted). */
static size_t
zone_slot(const struct ics_ctx *c, size_t cal, const char *tzid, int *hit)
{
	size_t lo = 0, hi = c->nzones;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ics_zone *z = c->zones[mid];
		int d = z->cal != cal ? (z->cal < cal ? -1 : 1)
		                      : strcmp(z->tzid, tzid);

		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*hit = lo < c->nzones && c->zones[lo]->cal == cal &&
	    strcmp(c->zones[lo]->tzid, tzid) == 0;
	return lo;
}

static struct ics_zone *
new_zone(struct ics_ctx *c, size_t cal, const char *tzid, unsigned line)
{
	struct ics_zone *z = pp_xcalloc(1, sizeof(*z));
	const struct ics_comp *k;

	z->tzid = pp_xstrdup(tzid);
	z->cal = cal;
	if (!c->vtz_indexed)
		index_vtimezones(c);
	if ((k = find_vtimezone(c, cal, tzid)) != NULL)
		read_vtimezone(c, z, k);
	z->iana = ics_iana_name(z->tzid);
	if (z->iana == NULL && z->location != NULL)
		z->iana = ics_iana_name(z->location);
	z->known = z->iana != NULL || z->has_vtz;
	if (z->iana != NULL && !z->has_vtz && pp_tz_windows(z->tzid) != NULL)
		pp_diag_add(c->ds, PP_NOTE, c->name, line, 0,
		    "TZID '%s' read as the IANA zone %s (CLDR windowsZones)",
		    z->tzid, z->iana);
	return z;
}

const char *
ics_vtimezones_iana(struct ics_ctx *c)
{
	const char *z = NULL, *iana;
	size_t i;

	if (!c->vtz_indexed)
		index_vtimezones(c);
	for (i = 0; i < c->nvtz; i++) {
		iana = ics_iana_name(c->vtz[i].tzid);
		if (iana == NULL || (z != NULL && strcmp(z, iana) != 0))
			return NULL;
		z = iana;
	}
	return z;
}

struct ics_zone *
ics_zone_find(struct ics_ctx *c, const struct ics_comp *k, const char *tzid,
    unsigned line)
{
	struct ics_zone *z;
	size_t at;
	int hit;
	char ex[64];

	at = zone_slot(c, k->cal, tzid, &hit);
	if (hit) {
		z = c->zones[at];
	} else {
		z = new_zone(c, k->cal, tzid, line);
		c->zones = pp_xgrowarray(c->zones, &c->capzones, c->nzones + 1,
		    sizeof(*c->zones));
		memmove(c->zones + at + 1, c->zones + at,
		    (c->nzones - at) * sizeof(*c->zones));
		c->zones[at] = z;
		c->nzones++;
	}
	if (!z->known) {
		if (line != 0)
			ics_problem(c, line, 1,
			    "unknown TZID '%s' (no usable VTIMEZONE and not an "
			    "IANA "
			    "or Windows zone name)",
			    ics_excerpt(tzid, ex, sizeof(ex)));
		return NULL;
	}
	return z;
}

void
ics_zones_free(struct ics_ctx *c)
{
	size_t i, j;

	for (i = 0; i < c->nzones; i++) {
		struct ics_zone *z = c->zones[i];

		for (j = 0; j < z->no; j++)
			free_obs(&z->o[j]);
		free(z->o);
		free(z->ch);
		free(z->tzid);
		free(z->location);
		free(z);
	}
	free(c->zones);
	c->zones = NULL;
	c->nzones = c->capzones = 0;
	for (i = 0; i < c->nvtz; i++)
		free(c->vtz[i].tzid);
	free(c->vtz);
	c->vtz = NULL;
	c->nvtz = 0;
}
