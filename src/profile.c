/* SPDX-License-Identifier: ISC */
/*
 * The attendee profile: defaults, one validating setter shared by the INI
 * reader and the command-line flags, and the INI reader itself (inih, fed
 * line by line so that every diagnostic carries its line number).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "pyplan/match.h"
#include "pyplan/profile.h"
#include "pyplan/suggest.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* Largest magnitude of a weight or bonus, so that scores cannot overflow. */
#define MAX_WEIGHT 1000000.0

static const char *const crit_names[PP_CRIT__COUNT] = {"job", "depth", "new",
    "speaker"};

static const char *const sections[] = {"plan", "interests", "speakers",
    "criteria", "must", "skip", "busy", "tickets", "open-spaces", "expo",
    "host"};

#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

/* ", did you mean 'X'?" for the closest of n names to word, or "". */
static const char *
hint(char *buf, size_t size, const char *word, const char *const *names,
    size_t n, const char *open, const char *close)
{
	const char *near = pp_suggest(word, names, n);

	if (near == NULL)
		return "";
	snprintf(buf, size, " (did you mean %s%s%s?)", open, near, close);
	return buf;
}

const char *
pp_criterion_name(enum pp_criterion c)
{
	if ((int)c < 0 || c >= PP_CRIT__COUNT)
		return "?";
	return crit_names[c];
}

void
pp_profile_init(struct pp_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->max_talks = 5;
	p->max_talk_minutes = 240;
	p->max_streak = 3;
	p->min_networking = 90;
	p->min_block = 20;
	p->room_change = 5;
	p->day_start = 0;
	p->day_end = 24 * 60;
	p->day_change = -1;
	p->lunch_from = 11 * 60 + 30;
	p->lunch_to = 14 * 60;
	p->lunch_minutes = 30;
	p->recorded_weight = 0.5;
	p->talk_base = 0.0;
	p->change_penalty = 1.0;
	p->networking_weight = 0.5;
	p->level_bonus = 0.5;
	p->criteria_bonus = 2.0;
	pp_venue_init(&p->venue);
	p->plenary_weight = 3.0;
}

const char *const *
pp_profile_ticket_kinds(const struct pp_profile *p, size_t *n)
{
	static const char *const defaults[] = {"tutorial", "summit",
	    "sponsor-workshop"};

	if (!p->ticket_kinds_set) {
		*n = sizeof(defaults) / sizeof(defaults[0]);
		return defaults;
	}
	*n = p->nticket_kinds;
	return (const char *const *)p->ticket_kinds;
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
free_weighted(struct pp_weighted *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static void
free_refs(struct pp_ref *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

void
pp_profile_fini(struct pp_profile *p)
{
	size_t i;
	int c;

	free(p->level);
	free(p->tz);
	free(p->languages);
	free_strv(p->ticket_kinds, p->nticket_kinds);
	for (i = 0; i < p->ntickets; i++)
		free(p->tickets[i].text);
	free(p->tickets);
	free_strv(p->days, p->ndays);
	free_weighted(p->interests, p->ninterests);
	free_weighted(p->speakers, p->nspeakers);
	for (c = 0; c < PP_CRIT__COUNT; c++)
		free_strv(p->criteria[c], p->ncriteria[c]);
	free_refs(p->must, p->nmust);
	free_refs(p->skip, p->nskip);
	for (i = 0; i < p->nbusy; i++)
		free(p->busy[i].label);
	free(p->busy);
	free_strv(p->busy_files, p->nbusy_files);
	pp_venue_fini(&p->venue);
	free_strv(p->venue_files, p->nvenue_files);
	for (i = 0; i < p->nhosts; i++) {
		free(p->hosts[i].title);
		free(p->hosts[i].day);
	}
	free(p->hosts);
	memset(p, 0, sizeof(*p));
}

/* ASCII-only, so that the user's locale cannot change what a key means. */
static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
ci_eq(const char *a, const char *b)
{
	while (*a != '\0' &&
	    lower((unsigned char)*a) == lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

/* Returns a heap copy of s[0..n) without leading and trailing blanks. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && is_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	return pp_xstrndup(s, n);
}

/*
 * Parses a whole number 0..max.  Only digits: no sign, no blanks, no
 * exponent.  Returns 0 or -1.
 */
static int
parse_uint(const char *s, long max, int *out)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > max)
			return -1;
	}
	*out = (int)v;
	return 0;
}

/*
 * Parses a plain decimal number: optional sign, digits, optional fraction
 * ("2", "-0.5", ".25").  No exponent, no "inf" or "nan", and no
 * dependence on the locale's decimal point (strtod would have both
 * problems).  Up to 18 significant digits count; more are ignored.
 * Returns 0 or -1.
 */
static int
parse_decimal(const char *s, double *out)
{
	unsigned long long mant = 0;
	int neg = 0, digits = 0, used = 0, frac = 0, seen_dot = 0;
	double v;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	for (; *s != '\0'; s++) {
		if (*s == '.' && !seen_dot) {
			seen_dot = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		digits++;
		if (used == 0 && *s == '0') {
			/* Leading zeros are not significant. */
			if (seen_dot)
				frac++;
			continue;
		}
		if (used < 18) {
			mant = mant * 10 + (unsigned long long)(*s - '0');
			used++;
			if (seen_dot)
				frac++;
		} else if (!seen_dot)
			return -1; /* far beyond any accepted range */
	}
	if (digits == 0)
		return -1;
	v = (double)mant;
	/* Dividing by an exact power of ten rounds once: "0.3" == 0.3. */
	if (frac > 0) {
		double p10 = 1.0;
		int i;

		for (i = 0; i < frac; i++)
			p10 *= 10.0;
		v /= p10;
	}
	*out = neg ? -v : v;
	return 0;
}

/* Parses a weight within lo..hi; 0 or -1. */
static int
parse_weight(const char *s, double lo, double hi, double *out)
{
	double v;

	if (parse_decimal(s, &v) != 0 || v < lo || v > hi)
		return -1;
	*out = v == 0.0 ? 0.0 : v; /* no negative zero */
	return 0;
}

/* Parses "HH:MM-HH:MM" into from < to; 0 or -1. */
static int
parse_range(const char *s, int *from, int *to)
{
	const char *dash = strchr(s, '-');
	char *a, *b;
	int r = -1;

	if (dash == NULL)
		return -1;
	a = trimmed(s, (size_t)(dash - s));
	b = trimmed(dash + 1, strlen(dash + 1));
	if (pp_parse_hhmm(a, from) == 0 && pp_parse_hhmm(b, to) == 0 &&
	    *from < *to)
		r = 0;
	free(a);
	free(b);
	return r;
}

/* Formats minutes 0..1440 as "HH:MM" into buf[6]. */
static void
fmt_hhmm(int m, char *buf)
{
	int h = (m / 60) % 100, mm = m % 60;

	buf[0] = (char)('0' + h / 10);
	buf[1] = (char)('0' + h % 10);
	buf[2] = ':';
	buf[3] = (char)('0' + mm / 10);
	buf[4] = (char)('0' + mm % 10);
	buf[5] = '\0';
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Splits a comma-separated list into trimmed heap strings, skipping empty
 * items (a trailing comma is harmless).  Returns the count; *out is NULL
 * when it is 0.
 */
static size_t
split_list(const char *s, char ***out)
{
	char **v = NULL;
	size_t n = 0, cap = 0;
	const char *comma;
	char *item;

	for (;;) {
		comma = strchr(s, ',');
		item = trimmed(s, comma ? (size_t)(comma - s) : strlen(s));
		if (*item != '\0') {
			v = pp_xgrowarray(v, &cap, n + 1, sizeof(*v));
			v[n++] = item;
		} else
			free(item);
		if (comma == NULL)
			break;
		s = comma + 1;
	}
	*out = v;
	return n;
}

/* 1 if s yields at least one word for matching. */
static int
has_words(const char *s)
{
	struct pp_words ws = PP_WORDS_INIT;
	int r;

	pp_words_add(&ws, s, NULL);
	r = ws.n > 0;
	pp_words_fini(&ws);
	return r;
}

/* A [plan] key and where its value goes. */
enum vtype {
	V_CAP,
	V_MINUTES,
	V_HHMM,
	V_LUNCH,
	V_REAL01,
	V_REAL,
	V_REALPOS,
	V_STRING,
	V_TZ,
	V_DAYS,
	V_BOOL,
	V_LANGS,
	V_KINDS,
	V_OPEN,
	V_VENUE
};

struct plan_key {
	const char *name;
	enum vtype type;
	size_t off;
};

#define OFF(f) offsetof(struct pp_profile, f)

static const struct plan_key plan_keys[] = {
    {"max-talks-per-day", V_CAP, OFF(max_talks)},
    {"max-talk-minutes-per-day", V_CAP, OFF(max_talk_minutes)},
    {"max-consecutive-talks", V_CAP, OFF(max_streak)},
    {"min-networking-minutes", V_MINUTES, OFF(min_networking)},
    {"min-networking-block", V_MINUTES, OFF(min_block)},
    {"room-change-minutes", V_MINUTES, OFF(room_change)},
    {"day-start", V_HHMM, OFF(day_start)},
    {"day-end", V_HHMM, OFF(day_end)},
    {"day-change", V_HHMM, OFF(day_change)},
    {"lunch", V_LUNCH, 0},
    {"recorded-weight", V_REAL01, OFF(recorded_weight)},
    {"talk-base", V_REAL, OFF(talk_base)},
    {"networking-weight", V_REALPOS, OFF(networking_weight)},
    {"level-bonus", V_REAL, OFF(level_bonus)},
    {"criteria-bonus", V_REAL, OFF(criteria_bonus)},
    {"fill-with-talks", V_BOOL, OFF(fill_with_talks)},
    {"change-penalty", V_REALPOS, OFF(change_penalty)},
    {"plenary-weight", V_REALPOS, OFF(plenary_weight)},
    {"languages", V_LANGS, 0},
    {"ticket-kinds", V_KINDS, 0},
    {"level", V_STRING, OFF(level)},
    {"timezone", V_TZ, OFF(tz)},
    {"days", V_DAYS, 0},
    {"open-spaces-per-day", V_OPEN, OFF(open_spaces)},
    {"min-expo-minutes", V_MINUTES, OFF(min_expo)},
    {"venue", V_VENUE, 0},
};

#define NPLAN_KEYS (sizeof(plan_keys) / sizeof(plan_keys[0]))

static const char *const weekdays[7] = {"sunday", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday"};

int
pp_weekday_parse(const char *s)
{
	size_t n = strlen(s), i, k;
	int found = -1;

	if (n < 2)
		return -1;
	for (i = 0; i < 7; i++) {
		for (k = 0; k < n && weekdays[i][k] != '\0' &&
		     lower((unsigned char)s[k]) == weekdays[i][k];
		     k++)
			;
		if (k < n)
			continue;
		if (found >= 0)
			return -1; /* "t": tuesday or thursday */
		found = (int)i;
	}
	return found;
}

/* 0 = Sunday, of a valid "YYYY-MM-DD". */
static int
weekday_of(const char *date)
{
	struct pp_civil c;
	int64_t d;

	if (pp_parse_date(date, &c) != 0)
		return -1;
	d = (pp_days_from_civil(c.year, c.month, c.day) + 4) % 7;
	return (int)(d < 0 ? d + 7 : d);
}

int
pp_day_resolve(const char *word, const char (*dates)[11], size_t n,
    char out[11], const char *what, const char *file, unsigned line,
    struct pp_diags *ds)
{
	struct pp_civil c;
	size_t i, hits = 0, first = 0, second = 0;
	int wd;

	if (pp_parse_date(word, &c) == 0 && strlen(word) == 10) {
		memcpy(out, word, 11);
		return 0;
	}
	if ((wd = pp_weekday_parse(word)) < 0)
		return pp_diag_err(ds, file, line,
		    "%s: '%.40s' is not a date (YYYY-MM-DD) or a weekday "
		    "(sat, Saturday)",
		    what, word);
	for (i = 0; i < n; i++) {
		if (weekday_of(dates[i]) != wd)
			continue;
		if (hits == 0)
			first = i;
		else if (hits == 1)
			second = i;
		hits++;
	}
	if (hits == 1) {
		memcpy(out, dates[first], 11);
		return 0;
	}
	if (hits == 0)
		return n == 0
		    ? pp_diag_err(ds, file, line,
		          "%s: no %c%s in the programme: it has no "
		          "days",
		          what, weekdays[wd][0] - 'a' + 'A', weekdays[wd] + 1)
		    : pp_diag_err(ds, file, line,
		          "%s: no %c%s in the programme (%s to %s)", what,
		          weekdays[wd][0] - 'a' + 'A', weekdays[wd] + 1,
		          dates[0], dates[n - 1]);
	return pp_diag_err(ds, file, line,
	    "%s: '%.40s' is ambiguous: the programme has %zu %c%ss (%s, "
	    "%s%s); give the date",
	    what, word, hits, weekdays[wd][0] - 'a' + 'A', weekdays[wd] + 1,
	    dates[first], dates[second], hits > 2 ? ", ..." : "");
}

/* Sorts days without duplicates: the order days are given in is moot. */
static void
sort_days(char **v, size_t *n)
{
	size_t i, j;

	qsort(v, *n, sizeof(*v), cmp_str);
	for (i = j = 0; i < *n; i++) {
		if (j > 0 && strcmp(v[j - 1], v[i]) == 0)
			free(v[i]);
		else
			v[j++] = v[i];
	}
	*n = j;
}

static int
set_days(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	struct pp_civil c;
	char **v;
	size_t n, i;
	int bad = 0, wd;

	p->days_file = file;
	p->days_line = line;
	if (ci_eq(value, "all")) {
		free_strv(p->days, p->ndays);
		p->days = NULL;
		p->ndays = 0;
		return 0;
	}
	n = split_list(value, &v);
	if (n == 0)
		bad = pp_diag_err(ds, file, line,
		    "%s: expected YYYY-MM-DD[,YYYY-MM-DD...] or 'all'", key);
	for (i = 0; i < n; i++) {
		if (pp_parse_date(v[i], &c) == 0 && strlen(v[i]) == 10)
			continue;
		/* A weekday waits for the programme: pp_profile_resolve_days
		 * turns it into a date. */
		if ((wd = pp_weekday_parse(v[i])) >= 0) {
			free(v[i]);
			v[i] = pp_xstrdup(weekdays[wd]);
			continue;
		}
		bad = pp_diag_err(ds, file, line,
		    "%s: expected a date YYYY-MM-DD or a weekday, got '%.40s'",
		    key, v[i]);
	}
	if (bad) {
		free_strv(v, n);
		return -1;
	}
	sort_days(v, &n);
	free_strv(p->days, p->ndays);
	p->days = v;
	p->ndays = n;
	return 0;
}

int
pp_profile_resolve_days(struct pp_profile *p, const char (*dates)[11], size_t n,
    struct pp_diags *ds)
{
	char out[11];
	size_t i;
	int bad = 0;

	for (i = 0; i < p->ndays; i++) {
		if (pp_day_resolve(p->days[i], dates, n, out, "days",
		        p->days_file, p->days_line, ds) != 0) {
			bad = -1;
			continue;
		}
		free(p->days[i]);
		p->days[i] = pp_xstrdup(out);
	}
	if (p->ndays > 0)
		sort_days(p->days, &p->ndays);
	return bad;
}

static int
set_lunch(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	const char *slash;
	char *range, fa[6], fb[6];
	int from, to, min, r;

	if (ci_eq(value, "none")) {
		p->lunch_minutes = 0;
		return 0;
	}
	slash = strchr(value, '/');
	if (slash == NULL)
		return pp_diag_err(ds, file, line,
		    "%s: expected HH:MM-HH:MM/MINUTES or 'none', got '%.40s'",
		    key, value);
	range = trimmed(value, (size_t)(slash - value));
	r = parse_range(range, &from, &to);
	free(range);
	if (r != 0 ||
	    parse_uint(slash + 1 + strspn(slash + 1, " \t"), 1440, &min) != 0)
		return pp_diag_err(ds, file, line,
		    "%s: expected HH:MM-HH:MM/MINUTES or 'none', got '%.40s'",
		    key, value);
	fmt_hhmm(from, fa);
	fmt_hhmm(to, fb);
	if (min == 0)
		return pp_diag_err(ds, file, line,
		    "%s: 0 minutes; use 'none' for no lunch", key);
	if (min > to - from)
		return pp_diag_err(ds, file, line,
		    "%s: %d minutes do not fit in %s-%s", key, min, fa, fb);
	p->lunch_from = from;
	p->lunch_to = to;
	p->lunch_minutes = min;
	return 0;
}

/* ---- languages and tickets (issue 11) ---- */

/* ticket-kinds: the list separated by commas, trimmed, replacing the
 * last; "none" empties it. */
static void
set_ticket_kinds(struct pp_profile *p, const char *value)
{
	const char *s = value, *e;

	free_strv(p->ticket_kinds, p->nticket_kinds);
	p->ticket_kinds = NULL;
	p->nticket_kinds = 0;
	p->ticket_kinds_set = 1;
	if (ci_eq(value, "none"))
		return;
	for (; *s != '\0'; s = *e == ',' ? e + 1 : e) {
		char *k;

		e = s + strcspn(s, ",");
		k = trimmed(s, (size_t)(e - s));
		if (*k == '\0') {
			free(k);
			continue;
		}
		p->ticket_kinds = pp_xreallocarray(p->ticket_kinds,
		    p->nticket_kinds + 1, sizeof(*p->ticket_kinds));
		p->ticket_kinds[p->nticket_kinds++] = k;
	}
}

/* languages: ISO 639 codes of two or three ASCII letters separated by
 * commas or blanks, kept lower case and comma-separated (the form of
 * ev->lang, for pp_lang_any); "any" clears it. */
static int
set_languages(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	char *out = pp_xcalloc(strlen(value) + 2, 1);
	const char *s = value;
	size_t n = 0, len;

	if (ci_eq(value, "any")) {
		free(out);
		free(p->languages);
		p->languages = NULL;
		return 0;
	}
	for (;;) {
		s += strspn(s, ", \t");
		if (*s == '\0')
			break;
		len = strcspn(s, ", \t");
		if (len < 2 || len > 3)
			goto bad;
		if (n > 0)
			out[n++] = ',';
		for (; len > 0; len--, s++) {
			int c = lower((unsigned char)*s);

			if (c < 'a' || c > 'z')
				goto bad;
			out[n++] = (char)c;
		}
	}
	if (n == 0)
		goto bad;
	free(p->languages);
	p->languages = out;
	return 0;
bad:
	free(out);
	return pp_diag_err(ds, file, line,
	    "%s: expected ISO 639 language codes separated by commas (en, "
	    "es) or 'any', got '%.40s'",
	    key, value);
}

/* [tickets] kind = K, id = X, title = X, ticket = X (either). */
static int
add_ticket(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	struct pp_ticket *t;
	int kind;

	if (ci_eq(key, "kind"))
		kind = 1;
	else if (ci_eq(key, "id") || ci_eq(key, "title"))
		kind = 0;
	else if (ci_eq(key, "ticket"))
		kind = -1;
	else
		return pp_diag_err(ds, file, line,
		    "unknown key '%.60s' in [tickets] (expected kind, id or "
		    "title)",
		    key);
	p->tickets =
	    pp_xreallocarray(p->tickets, p->ntickets + 1, sizeof(*p->tickets));
	t = &p->tickets[p->ntickets++];
	t->text = pp_xstrdup(value);
	t->kind = kind;
	t->file = file;
	t->line = line;
	return 0;
}
static int load_venue(struct pp_profile *p, const char *value, const char *file,
    struct pp_diags *ds);

static int
set_plan(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	const struct plan_key *k = NULL;
	char *base = (char *)p;
	size_t i;
	int iv;
	double dv;

	for (i = 0; i < NPLAN_KEYS; i++)
		if (ci_eq(key, plan_keys[i].name))
			k = &plan_keys[i];
	if (k == NULL) {
		const char *names[NPLAN_KEYS];
		char buf[96];

		for (i = 0; i < NPLAN_KEYS; i++)
			names[i] = plan_keys[i].name;
		return pp_diag_err(ds, file, line,
		    "unknown key '%.60s' in [plan]%s", key,
		    hint(buf, sizeof(buf), key, names, NPLAN_KEYS, "'", "'"));
	}
	key = k->name;
	switch (k->type) {
	case V_CAP:
		if (ci_eq(value, "none")) {
			iv = PP_UNLIMITED;
		} else if (parse_uint(value, INT_MAX, &iv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected a whole number or 'none', "
			    "got '%.40s'",
			    key, value);
		memcpy(base + k->off, &iv, sizeof(iv));
		return 0;
	case V_MINUTES:
		if (parse_uint(value, 1440, &iv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected minutes from 0 to 1440, got '%.40s'",
			    key, value);
		memcpy(base + k->off, &iv, sizeof(iv));
		return 0;
	case V_HHMM:
		if (pp_parse_hhmm(value, &iv) != 0 || strlen(value) > 5)
			return pp_diag_err(ds, file, line,
			    "%s: expected a time HH:MM, got '%.40s'", key,
			    value);
		memcpy(base + k->off, &iv, sizeof(iv));
		if (k->off == OFF(day_start) || k->off == OFF(day_end)) {
			p->window_file = file;
			p->window_line = line;
		}
		return 0;
	case V_LUNCH:
		return set_lunch(p, key, value, file, line, ds);
	case V_REAL01:
		if (parse_weight(value, 0.0, 1.0, &dv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected a number from 0 to 1, got '%.40s'",
			    key, value);
		memcpy(base + k->off, &dv, sizeof(dv));
		return 0;
	case V_REALPOS:
		if (parse_weight(value, 0.0, MAX_WEIGHT, &dv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected a number from 0 to %.0f, "
			    "got '%.40s'",
			    key, MAX_WEIGHT, value);
		memcpy(base + k->off, &dv, sizeof(dv));
		return 0;
	case V_REAL:
		if (parse_weight(value, -MAX_WEIGHT, MAX_WEIGHT, &dv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected a number from %.0f to %.0f, "
			    "got '%.40s'",
			    key, -MAX_WEIGHT, MAX_WEIGHT, value);
		memcpy(base + k->off, &dv, sizeof(dv));
		return 0;
	case V_STRING:
		/* Only "level": "none" clears it, so a flag can undo a file. */
		free(p->level);
		p->level = ci_eq(value, "none") ? NULL : pp_xstrdup(value);
		return 0;
	case V_TZ:
		if (!pp_tz_valid(value))
			return pp_diag_err(ds, file, line,
			    "%s: unknown time zone '%.60s'", key, value);
		free(p->tz);
		p->tz = pp_xstrdup(value);
		return 0;
	case V_DAYS:
		return set_days(p, key, value, file, line, ds);
	case V_LANGS:
		return set_languages(p, key, value, file, line, ds);
	case V_KINDS:
		if (!ci_eq(value, "none") && !has_words(value))
			return pp_diag_err(ds, file, line,
			    "%s: expected kinds separated by commas, or "
			    "'none', got '%.40s'",
			    key, value);
		set_ticket_kinds(p, value);
		return 0;
	case V_BOOL:
		if (ci_eq(value, "yes") || ci_eq(value, "true") ||
		    ci_eq(value, "on") || strcmp(value, "1") == 0)
			iv = 1;
		else if (ci_eq(value, "no") || ci_eq(value, "false") ||
		    ci_eq(value, "off") || strcmp(value, "0") == 0)
			iv = 0;
		else
			return pp_diag_err(ds, file, line,
			    "%s: expected yes or no, got '%.40s'", key, value);
		memcpy(base + k->off, &iv, sizeof(iv));
		return 0;
	case V_OPEN:
		if (parse_uint(value, PP_PROFILE_MAX_OPEN, &iv) != 0)
			return pp_diag_err(ds, file, line,
			    "%s: expected a whole number from 0 to %d, "
			    "got '%.40s'",
			    key, PP_PROFILE_MAX_OPEN, value);
		memcpy(base + k->off, &iv, sizeof(iv));
		return 0;
	case V_VENUE:
		return load_venue(p, value, file, ds);
	}
	return pp_diag_err(ds, file, line, "internal error: key '%s'", key);
}

int
pp_profile_has_key(const char *section, const char *key)
{
	size_t i;
	int c;

	if (ci_eq(section, "plan")) {
		for (i = 0; i < sizeof(plan_keys) / sizeof(plan_keys[0]); i++)
			if (ci_eq(key, plan_keys[i].name))
				return 1;
		return 0;
	}
	if (ci_eq(section, "interests") || ci_eq(section, "speakers") ||
	    ci_eq(section, "busy"))
		return 1;
	if (ci_eq(section, "must") || ci_eq(section, "skip"))
		return ci_eq(key, "id") || ci_eq(key, "title");
	if (ci_eq(section, "tickets"))
		return ci_eq(key, "id") || ci_eq(key, "title") ||
		    ci_eq(key, "kind") || ci_eq(key, "ticket");
	if (ci_eq(section, "criteria"))
		for (c = 0; c < PP_CRIT__COUNT; c++)
			if (ci_eq(key, crit_names[c]))
				return 1;
	return 0;
}

int
pp_profile_parse_count(const char *s, long max, int *out)
{
	return parse_uint(s, max, out);
}

/* Sets or replaces (case-insensitively) a weighted topic or speaker. */
static int
set_weighted(struct pp_weighted **v, size_t *n, const char *section,
    const char *name, const char *value, const char *file, unsigned line,
    struct pp_diags *ds)
{
	double w;
	size_t i;

	if (parse_weight(value, -MAX_WEIGHT, MAX_WEIGHT, &w) != 0)
		return pp_diag_err(ds, file, line,
		    "%s: '%.60s': expected a weight from %.0f to %.0f, "
		    "got '%.40s'",
		    section, name, -MAX_WEIGHT, MAX_WEIGHT, value);
	if (!has_words(name))
		return pp_diag_err(ds, file, line,
		    "%s: '%.60s' has no letters or digits to match", section,
		    name);
	for (i = 0; i < *n; i++) {
		if (ci_eq((*v)[i].name, name)) {
			(*v)[i].weight = w;
			return 0;
		}
	}
	*v = pp_xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].name = pp_xstrdup(name);
	(*v)[*n].weight = w;
	(*n)++;
	return 0;
}

static int
set_criteria(struct pp_profile *p, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	char **terms;
	size_t n, i, j;
	int c, found = -1, bad = 0;

	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (ci_eq(key, crit_names[c]))
			found = c;
	if (found < 0) {
		const char *near = pp_suggest(key, crit_names, PP_CRIT__COUNT);

		return pp_diag_err(ds, file, line,
		    "unknown key '%.60s' in [criteria] (%s%s%s)", key,
		    near != NULL ? "did you mean '"
		                 : "expected job, depth, "
		                   "new or speaker",
		    near != NULL ? near : "", near != NULL ? "'?" : "");
	}
	c = found;
	n = split_list(value, &terms);
	if (n == 0)
		return pp_diag_err(ds, file, line,
		    "criteria: %s: expected a comma-separated list",
		    crit_names[c]);
	for (i = 0; i < n; i++)
		if (!has_words(terms[i]))
			bad = pp_diag_err(ds, file, line,
			    "criteria: %s: '%.60s' has no letters or digits "
			    "to match",
			    crit_names[c], terms[i]);
	if (bad) {
		free_strv(terms, n);
		return -1;
	}
	/* Lists add up over repeated keys; a term given twice counts once. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < p->ncriteria[c]; j++)
			if (ci_eq(p->criteria[c][j], terms[i]))
				break;
		if (j < p->ncriteria[c]) {
			free(terms[i]);
			continue;
		}
		p->criteria[c] = pp_xreallocarray(p->criteria[c],
		    p->ncriteria[c] + 1, sizeof(*p->criteria[c]));
		p->criteria[c][p->ncriteria[c]++] = terms[i];
	}
	free(terms);
	return 0;
}

static int
add_ref(struct pp_ref **v, size_t *n, const char *section, const char *key,
    const char *value, const char *file, unsigned line, struct pp_diags *ds)
{
	if (!ci_eq(key, "id") && !ci_eq(key, "title"))
		return pp_diag_err(ds, file, line,
		    "unknown key '%.60s' in [%s] (expected id or title; a "
		    "title is a whole title, words of one, or a pattern)",
		    key, section);
	*v = pp_xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].text = pp_xstrdup(value);
	(*v)[*n].file = file;
	(*v)[*n].line = line;
	(*n)++;
	return 0;
}

/*
 * A relative busy file named in a profile is relative to the profile's
 * directory, as an include is in git's config; a flag's is left as given.
 */
static char *
busy_path(const char *file, const char *value)
{
	const char *slash;

	if (file == NULL || value[0] == '/' ||
	    (slash = strrchr(file, '/')) == NULL)
		return pp_xstrdup(value);
	return pp_xasprintf("%.*s/%s", (int)(slash - file), file, value);
}

/* 1 if value has the shape of an inline busy block: a date, then a blank
 * ("2026-01-31 14:00-16:00 meeting"); a file name never starts so. */
static int
block_shape(const char *value)
{
	struct pp_civil c;
	char date[11];

	if (strcspn(value, " \t") != 10)
		return 0;
	memcpy(date, value, 10);
	date[10] = '\0';
	return pp_parse_date(date, &c) == 0;
}

static int
add_busy(struct pp_profile *p, const char *label, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	struct pp_busy *b;
	const char *range, *rest;
	char date[11], *r, *tail = NULL;
	int from, to, ok;

	if (ci_eq(label, "file") && !block_shape(value)) {
		p->busy_files = pp_xreallocarray(p->busy_files,
		    p->nbusy_files + 1, sizeof(*p->busy_files));
		p->busy_files[p->nbusy_files++] = busy_path(file, value);
		return 0;
	}
	if (!block_shape(value))
		goto bad;
	memcpy(date, value, 10);
	date[10] = '\0';
	range = value + 10 + strspn(value + 10, " \t");
	rest = range + strcspn(range, " \t");
	/* An inline block (--busy, or file = ...) names itself after the
	 * range; a [busy] key is the label. */
	if (ci_eq(label, "file")) {
		tail = trimmed(rest, strlen(rest));
		if (*tail == '\0') {
			free(tail);
			tail = pp_xstrdup("busy");
		}
		r = trimmed(range, (size_t)(rest - range));
	} else
		r = trimmed(range, strlen(range));
	ok = parse_range(r, &from, &to) == 0;
	free(r);
	if (!ok) {
		free(tail);
		goto bad;
	}
	p->busy = pp_xreallocarray(p->busy, p->nbusy + 1, sizeof(*p->busy));
	b = &p->busy[p->nbusy++];
	b->label = tail != NULL ? tail : pp_xstrdup(label);
	memcpy(b->date, date, sizeof(b->date));
	b->from = from;
	b->to = to;
	b->file = file;
	b->line = line;
	return 0;
bad:
	if (ci_eq(label, "file"))
		return pp_diag_err(ds, file, line,
		    "busy: expected YYYY-MM-DD HH:MM-HH:MM [LABEL] (start "
		    "before end), got '%.40s'",
		    value);
	return pp_diag_err(ds, file, line,
	    "busy: '%.60s': expected YYYY-MM-DD HH:MM-HH:MM (start before "
	    "end), got '%.40s'",
	    label, value);
}

/* One "YYYY-MM-DD HH:MM-HH:MM" value into h; 0 or -1. */
static int
parse_hours(const char *value, struct pp_venue_hours *h)
{
	char *r;
	int ok;

	if (!block_shape(value))
		return -1;
	memcpy(h->date, value, 10);
	h->date[10] = '\0';
	r = trimmed(value + 10, strlen(value + 10));
	ok = parse_range(r, &h->from, &h->to) == 0;
	free(r);
	return ok ? 0 : -1;
}

/* [open-spaces] (expo 0) and [expo] (expo 1): hours, slot-minutes, and
 * the board's rooms. */
static int
set_venue(struct pp_venue *v, int expo, const char *key, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	const char *sect = expo ? "expo" : "open-spaces";
	int iv;

	if (ci_eq(key, "hours")) {
		struct pp_venue_hours h;

		memset(&h, 0, sizeof(h));
		if (parse_hours(value, &h) != 0)
			return pp_diag_err(ds, file, line,
			    "[%s] hours: expected YYYY-MM-DD HH:MM-HH:MM "
			    "(start before end), got '%.40s'",
			    sect, value);
		h.file = file;
		h.line = line;
		*(expo ? pp_venue_hours_add(&v->expo, &v->nexpo)
		       : pp_venue_hours_add(&v->board, &v->nboard)) = h;
		return 0;
	}
	if (ci_eq(key, "slot-minutes")) {
		if (parse_uint(value, 240, &iv) != 0 || iv < 5)
			return pp_diag_err(ds, file, line,
			    "[%s] slot-minutes: expected minutes from 5 to "
			    "240, got '%.40s'",
			    sect, value);
		*(expo ? &v->expo_slot : &v->board_slot) = iv;
		return 0;
	}
	if (!expo && ci_eq(key, "rooms")) {
		char **rooms;
		size_t n = split_list(value, &rooms), i;

		for (i = 0; i < v->nboard_rooms; i++)
			free(v->board_rooms[i]);
		free(v->board_rooms);
		v->board_rooms = rooms;
		v->nboard_rooms = n;
		return 0;
	}
	return pp_diag_err(ds, file, line,
	    "unknown key '%.60s' in [%s] (expected hours, slot-minutes%s)", key,
	    sect, expo ? "" : " or rooms");
}

/* [host] TITLE = DAY HH:MM: an open space the attendee runs. */
static int
add_host(struct pp_profile *p, const char *title, const char *value,
    const char *file, unsigned line, struct pp_diags *ds)
{
	const char *blank = value + strcspn(value, " \t");
	struct pp_host *h;
	struct pp_civil c;
	char *day, *at;
	int mins = 0, ok;

	day = trimmed(value, (size_t)(blank - value));
	at = trimmed(blank, strlen(blank));
	/* The time is optional: without it, any slot of the day's board. */
	if (*at == '\0')
		mins = -1;
	ok = *day != '\0' &&
	    (mins < 0 ||
	        (pp_parse_hhmm(at, &mins) == 0 && mins < 1440 &&
	            strlen(at) <= 5)) &&
	    ((pp_parse_date(day, &c) == 0 && strlen(day) == 10) ||
	        pp_weekday_parse(day) >= 0);
	free(at);
	if (!ok || !has_words(title)) {
		free(day);
		return pp_diag_err(ds, file, line,
		    "host: '%.60s': expected TITLE = DAY [HH:MM] (DAY a "
		    "date YYYY-MM-DD or a weekday), got '%.40s'",
		    title, value);
	}
	p->hosts = pp_xreallocarray(p->hosts, p->nhosts + 1, sizeof(*p->hosts));
	h = &p->hosts[p->nhosts++];
	h->title = pp_xstrdup(title);
	h->day = day;
	h->at = mins;
	h->file = file;
	h->line = line;
	return 0;
}

int
pp_profile_set(struct pp_profile *p, const char *section, const char *key,
    const char *value, const char *file, unsigned line, struct pp_diags *ds)
{
	if (key == NULL)
		key = "";
	if (value == NULL)
		value = "";
	if (*key == '\0')
		return pp_diag_err(ds, file, line,
		    "[%.40s]: missing key "
		    "before '='",
		    section);
	if (*value == '\0')
		return pp_diag_err(ds, file, line, "%.60s: missing value", key);
	if (ci_eq(section, "plan"))
		return set_plan(p, key, value, file, line, ds);
	if (ci_eq(section, "interests"))
		return set_weighted(&p->interests, &p->ninterests, "interests",
		    key, value, file, line, ds);
	if (ci_eq(section, "speakers"))
		return set_weighted(&p->speakers, &p->nspeakers, "speakers",
		    key, value, file, line, ds);
	if (ci_eq(section, "criteria"))
		return set_criteria(p, key, value, file, line, ds);
	if (ci_eq(section, "must"))
		return add_ref(&p->must, &p->nmust, "must", key, value, file,
		    line, ds);
	if (ci_eq(section, "skip"))
		return add_ref(&p->skip, &p->nskip, "skip", key, value, file,
		    line, ds);
	if (ci_eq(section, "busy"))
		return add_busy(p, key, value, file, line, ds);
	if (ci_eq(section, "tickets"))
		return add_ticket(p, key, value, file, line, ds);
	if (ci_eq(section, "open-spaces") || ci_eq(section, "expo"))
		return set_venue(&p->venue, ci_eq(section, "expo"), key, value,
		    file, line, ds);
	if (ci_eq(section, "host"))
		return add_host(p, key, value, file, line, ds);
	{
		char buf[96];

		return pp_diag_err(ds, file, line, "unknown section [%.60s]%s",
		    section,
		    hint(buf, sizeof(buf), section, sections, NSECTIONS, "[",
		        "]"));
	}
}

int
pp_profile_check(const struct pp_profile *p, struct pp_diags *ds)
{
	/* day-start before day-end depends on the day change, which the
	 * programme may declare: the model checks it (window_line). */
	(void)p;
	(void)ds;
	return 0;
}

/*
 * The INI reader.  inih's handler does not get the line number and
 * Debian's inih cannot be rebuilt with INI_HANDLER_LINENO, so the profile
 * is fed to ini_parse_stream through a reader that hands over exactly one
 * physical line per call and counts them: the handler then runs while
 * ctx->line is its line.  The reader also normalises each line so that
 * inih has nothing left to reject, which lets every problem be reported
 * in one run (inih itself only returns the first bad line):
 *  - leading blanks are removed, so an indented line is never taken as a
 *    continuation of the previous value (inih's multi-line values);
 *  - comments and blank lines become empty lines;
 *  - a section header is checked here and handed over as "[name]";
 *  - a line that is neither, or that does not fit inih's buffer, is
 *    reported here and handed over as an empty line.
 */
enum sect_state { S_NONE, S_OK, S_IGNORE };

struct ini_ctx {
	struct pp_profile *p;
	const char *file;
	struct pp_diags *ds;
	FILE *fp;        /* either fp ... */
	const char *str; /* ... or str (advanced as lines are read) */
	unsigned line;
	char *buf; /* the current physical line */
	size_t cap;
	size_t nread; /* bytes read so far */
	int read_error, too_big;
	int venue; /* a venue file: [open-spaces] and [expo] only */
	enum sect_state sect;
};

/* Reads one physical line into ctx->buf; returns its length or -1 at EOF. */
static long
read_line(struct ini_ctx *ctx, int *has_nul)
{
	size_t n = 0;
	int c;

	*has_nul = 0;
	if (ctx->fp != NULL) {
		c = getc(ctx->fp);
		if (c == EOF) {
			if (ferror(ctx->fp))
				ctx->read_error = errno ? errno : EIO;
			return -1;
		}
		while (c != EOF && c != '\n') {
			/* A file that grows while it is read stops here. */
			if (++ctx->nread > PP_PROFILE_MAX_BYTES) {
				ctx->too_big = 1;
				return -1;
			}
			ctx->buf = pp_xgrowarray(ctx->buf, &ctx->cap, n + 2, 1);
			if (c == '\0')
				*has_nul = 1;
			ctx->buf[n++] = (char)c;
			c = getc(ctx->fp);
		}
		if (c == EOF && ferror(ctx->fp))
			ctx->read_error = errno ? errno : EIO;
	} else {
		const char *nl;

		if (*ctx->str == '\0')
			return -1;
		nl = strchr(ctx->str, '\n');
		n = nl ? (size_t)(nl - ctx->str) : strlen(ctx->str);
		ctx->buf = pp_xgrowarray(ctx->buf, &ctx->cap, n + 2, 1);
		memcpy(ctx->buf, ctx->str, n);
		ctx->str += nl ? n + 1 : n;
	}
	ctx->buf = pp_xgrowarray(ctx->buf, &ctx->cap, n + 1, 1);
	ctx->buf[n] = '\0';
	return (long)n;
}

/*
 * Mirrors inih's find_chars_or_comment: the first of chars in s, stopping
 * at an inline comment (';' after a blank).  Returns a pointer to it or to
 * the end of the value.
 */
static char *
find_or_comment(char *s, const char *chars)
{
	int was_space = 0;

	while (*s != '\0' && (chars == NULL || strchr(chars, *s) == NULL) &&
	    !(was_space && *s == ';')) {
		was_space = is_space((unsigned char)*s);
		s++;
	}
	return s;
}

static void
section_line(struct ini_ctx *ctx, char *s, char *out, int num)
{
	char *end = find_or_comment(s + 1, "]"), *name;
	size_t i;

	*out = '\0';
	if (*end != ']') {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "missing ']' in section header");
		ctx->sect = S_IGNORE;
		return;
	}
	name = trimmed(s + 1, (size_t)(end - s - 1));
	ctx->sect = S_IGNORE;
	for (i = 0; i < NSECTIONS; i++) {
		if (ci_eq(name, sections[i])) {
			snprintf(out, (size_t)num, "[%s]", sections[i]);
			ctx->sect = S_OK;
		}
	}
	if (ctx->sect != S_OK) {
		char buf[96];

		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "unknown section [%.60s]%s", name,
		    hint(buf, sizeof(buf), name, sections, NSECTIONS, "[",
		        "]"));
	}
	free(name);
}

static char *
line_reader(char *out, int num, void *stream)
{
	struct ini_ctx *ctx = stream;
	char *s;
	long len;
	int has_nul;
	size_t n;

	if ((len = read_line(ctx, &has_nul)) < 0)
		return NULL;
	ctx->line++;
	s = ctx->buf;
	if (ctx->line == 1 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (is_space((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		s[--n] = '\0';
	out[0] = '\0';
	if (has_nul) {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "line contains a NUL byte");
		return out;
	}
	if (*s == '\0' || *s == ';' || *s == '#')
		return out;
	if (*s == '[') {
		section_line(ctx, s, out, num);
		return out;
	}
	if (ctx->sect == S_IGNORE)
		return out; /* inside an unknown section: reported once */
	if (*find_or_comment(s, "=:") == '\0') {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "expected 'key = value'");
		return out;
	}
	if (n + 1 > (size_t)num) {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "line too long (more than %d bytes)", num - 1);
		return out;
	}
	memcpy(out, s, n + 1);
	return out;
}

static int
key_handler(void *user, const char *section, const char *name,
    const char *value)
{
	struct ini_ctx *ctx = user;

	(void)section; /* the reader tracks it, already validated */
	if (ctx->sect == S_NONE) {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "'%.60s' is outside any section", name);
		return 1;
	}
	if (ctx->sect != S_OK)
		return 1;
	if (ctx->venue && !ci_eq(section, "open-spaces") &&
	    !ci_eq(section, "expo")) {
		pp_diag_err(ctx->ds, ctx->file, ctx->line,
		    "[%.40s] in a venue file (it holds [open-spaces] and "
		    "[expo])",
		    section);
		return 1;
	}
	pp_profile_set(ctx->p, section, name, value, ctx->file, ctx->line,
	    ctx->ds);
	return 1; /* keep going: every problem is reported */
}

static int
load(struct ini_ctx *ctx)
{
	size_t before = ctx->ds->nerrors;
	int r;

	r = ini_parse_stream(line_reader, ctx, key_handler, ctx);
	free(ctx->buf);
	if (r < 0)
		pp_diag_err(ctx->ds, ctx->file, 0, "cannot parse profile");
	else if (r > 0 && ctx->ds->nerrors == before)
		/* Not reached: the reader hands inih only valid lines. */
		pp_diag_err(ctx->ds, ctx->file, (unsigned)r, "syntax error");
	return ctx->ds->nerrors > before ? -1 : 0;
}

/* What st is, for "not a regular file" messages. */
static const char *
file_type(const struct stat *st)
{
	if (S_ISFIFO(st->st_mode))
		return "a FIFO";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return "a device";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a regular file";
}

/* Reads the INI file path over p: a profile, or a venue file (venue). */
static int
load_path(struct pp_profile *p, const char *path, struct pp_diags *ds,
    int *io_error, int venue)
{
	const char *what = venue ? "venue file" : "profile";
	struct ini_ctx ctx;
	struct stat st;
	int r, fd, fl;

	if (io_error != NULL)
		*io_error = 0;
	memset(&ctx, 0, sizeof(ctx));
	ctx.p = p;
	ctx.file = path;
	ctx.ds = ds;
	ctx.venue = venue;
	/* Non-blocking, so that opening a FIFO nobody writes returns at
	 * once; the type is checked on the open file, not the name. */
	fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) != 0) {
		int err = errno;

		if (fd >= 0)
			close(fd);
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, path, 0, "cannot open %s: %s", what,
		    strerror(err));
	}
	/* A pipe is read like a file, to the size limit: --profile
	 * /dev/stdin and --profile <(...) work, and one that nobody writes
	 * reads as empty at once (opened without blocking).  Devices and
	 * the like are refused unread. */
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
		close(fd);
		if (io_error != NULL)
			*io_error = 1;
		if (S_ISDIR(st.st_mode))
			return pp_diag_err(ds, path, 0, "cannot read %s: %s",
			    what, strerror(EISDIR));
		return pp_diag_err(ds, path, 0,
		    "cannot read %s: %s, not a regular file", what,
		    file_type(&st));
	}
	if (S_ISREG(st.st_mode) && st.st_size > PP_PROFILE_MAX_BYTES) {
		close(fd);
		return pp_diag_err(ds, path, 0, "%s is larger than %d KiB",
		    what, PP_PROFILE_MAX_BYTES / 1024);
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if ((ctx.fp = fdopen(fd, "r")) == NULL) {
		int err = errno;

		close(fd);
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, path, 0, "cannot open %s: %s", what,
		    strerror(err));
	}
	r = load(&ctx);
	fclose(ctx.fp);
	if (ctx.read_error != 0) {
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, path, 0, "cannot read %s: %s", what,
		    strerror(ctx.read_error));
	}
	if (ctx.too_big)
		return pp_diag_err(ds, path, 0, "%s is larger than %d KiB",
		    what, PP_PROFILE_MAX_BYTES / 1024);
	return r;
}

int
pp_profile_load(struct pp_profile *p, const char *path, struct pp_diags *ds,
    int *io_error)
{
	return load_path(p, path, ds, io_error, 0);
}

/* [plan] venue = FILE: the path (relative to the profile's directory) is
 * kept, for diagnostics that name it, and the file read over p. */
static int
load_venue(struct pp_profile *p, const char *value, const char *file,
    struct pp_diags *ds)
{
	char *path = busy_path(file, value);

	p->venue_files = pp_xreallocarray(p->venue_files, p->nvenue_files + 1,
	    sizeof(*p->venue_files));
	p->venue_files[p->nvenue_files++] = path;
	return load_path(p, path, ds, NULL, 1);
}

int
pp_profile_load_string(struct pp_profile *p, const char *name, const char *text,
    struct pp_diags *ds)
{
	struct ini_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.p = p;
	ctx.file = name;
	ctx.ds = ds;
	ctx.str = text;
	return load(&ctx);
}
