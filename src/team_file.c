/* SPDX-License-Identifier: ISC */
/*
 * The team file reader: inih reads the INI, one physical line per call of
 * the reader so that every key knows its line; the keys are kept as they
 * come and applied afterwards in the documented order (defaults, [team],
 * the member's profile file, the member's keys).
 */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/team.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* A key as read, applied once the whole file is known. */
struct raw {
	char *key, *value;
	unsigned line;
	long member; /* index into the members, -1 for [team] */
};

enum sect {
	SECT_NONE,
	SECT_TEAM,
	SECT_MEMBER,
	SECT_BOOTH,
	SECT_COVER,
	SECT_BAD
};

struct ctx {
	struct pp_team *t;
	struct pp_diags *ds;
	FILE *fp;
	unsigned line;
	size_t nread;
	int too_big;
	enum sect sect;
	long member;
	struct raw *raw;
	size_t nraw, rawcap;
	size_t memcap, hourcap, togcap, titlecap, topiccap;
};

static char *
reader(char *str, int num, void *stream)
{
	struct ctx *c = stream;
	int ch;
	int n = 0;

	ch = getc(c->fp);
	if (ch == EOF)
		return NULL;
	c->line++;
	while (ch != EOF && ch != '\n') {
		if (++c->nread > PP_TEAM_MAX_BYTES) {
			c->too_big = 1;
			return NULL;
		}
		if (n + 1 < num && ch != '\r')
			str[n++] = (char)ch;
		ch = getc(c->fp);
	}
	str[n] = '\0';
	/* Leading blanks would make inih read a continuation line. */
	n = 0;
	while (str[n] == ' ' || str[n] == '\t')
		n++;
	if (n > 0)
		memmove(str, str + n, strlen(str + n) + 1);
	return str;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

/* Splits a comma list, calling add for each non-empty item. */
static void
each_item(const char *value, void (*add)(struct ctx *, const char *, void *),
    struct ctx *c, void *arg)
{
	char *copy = pp_xstrdup(value), *save = NULL, *tok;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		char *s = trim(tok);

		if (*s != '\0')
			add(c, s, arg);
	}
	free(copy);
}

static void
add_ref(struct ctx *c, const char *s, void *arg)
{
	struct pp_team *t = c->t;
	struct pp_ref *r;

	if (arg != NULL) {
		t->together = pp_xgrowarray(t->together, &c->togcap,
		    t->ntogether + 1, sizeof(*t->together));
		r = &t->together[t->ntogether++];
	} else {
		t->cover_titles = pp_xgrowarray(t->cover_titles, &c->titlecap,
		    t->ncover_titles + 1, sizeof(*t->cover_titles));
		r = &t->cover_titles[t->ncover_titles++];
	}
	r->text = pp_xstrdup(s);
	r->file = t->path;
	r->line = c->line;
}

static void
add_topic(struct ctx *c, const char *s, void *arg)
{
	struct pp_team *t = c->t;

	(void)arg;
	t->cover_topics = pp_xgrowarray(t->cover_topics, &c->topiccap,
	    t->ncover_topics + 1, sizeof(*t->cover_topics));
	t->cover_topics[t->ncover_topics++] = pp_xstrdup(s);
}

static void
keep(struct ctx *c, const char *key, const char *value)
{
	struct raw *r;

	c->raw =
	    pp_xgrowarray(c->raw, &c->rawcap, c->nraw + 1, sizeof(*c->raw));
	r = &c->raw[c->nraw++];
	r->key = pp_xstrdup(key);
	r->value = pp_xstrdup(value);
	r->line = c->line;
	r->member = c->sect == SECT_MEMBER ? c->member : -1;
}

/* A whole number lo..hi into *out, else an error. */
static void
number(struct ctx *c, const char *key, const char *v, long lo, long hi,
    int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || errno != 0 || n < lo || n > hi ||
	    !isdigit((unsigned char)*v)) {
		pp_diag_err(c->ds, c->t->path, c->line,
		    "%s: expected a whole number %ld..%ld, got '%.60s'", key,
		    lo, hi, v);
		return;
	}
	*out = (int)n;
}

/* "YYYY-MM-DD HH:MM-HH:MM" */
static void
hours(struct ctx *c, const char *v)
{
	struct pp_team *t = c->t;
	struct pp_booth_hours h;
	struct pp_civil cv;
	char date[11], from[6], to[6];
	int n = 0;

	memset(&h, 0, sizeof(h));
	if (sscanf(v, "%10s %5[0-9:]-%5[0-9:]%n", date, from, to, &n) != 3 ||
	    v[n] != '\0' || pp_parse_date(date, &cv) != 0 ||
	    pp_parse_hhmm(from, &h.from) != 0 ||
	    pp_parse_hhmm(to, &h.to) != 0 || h.from >= h.to) {
		pp_diag_err(c->ds, t->path, c->line,
		    "hours: expected 'YYYY-MM-DD HH:MM-HH:MM' with the start "
		    "before the end, got '%.60s'",
		    v);
		return;
	}
	memcpy(h.date, date, sizeof(h.date));
	h.line = c->line;
	t->hours = pp_xgrowarray(t->hours, &c->hourcap, t->nhours + 1,
	    sizeof(*t->hours));
	t->hours[t->nhours++] = h;
}

static void
booth_key(struct ctx *c, const char *key, const char *v)
{
	struct pp_team *t = c->t;

	if (strcasecmp(key, "hours") == 0)
		hours(c, v);
	else if (strcasecmp(key, "staff") == 0)
		number(c, key, v, 1, PP_TEAM_MAX_MEMBERS, &t->staff);
	else if (strcasecmp(key, "shift-minutes") == 0)
		number(c, key, v, 5, 1440, &t->shift_minutes);
	else if (strcasecmp(key, "max-minutes-per-member") == 0) {
		if (strcasecmp(v, "none") == 0)
			t->max_minutes = PP_UNLIMITED;
		else
			number(c, key, v, 0, 100000, &t->max_minutes);
	} else if (strcasecmp(key, "max-spread") == 0)
		number(c, key, v, 0, 100000, &t->max_spread);
	else if (strcasecmp(key, "room") == 0) {
		free(t->room);
		t->room = pp_xstrdup(v);
	} else
		pp_diag_err(c->ds, t->path, c->line,
		    "unknown key '%.60s' in [booth] (hours, staff, "
		    "shift-minutes, max-minutes-per-member, max-spread, room)",
		    key);
}

static void
cover_key(struct ctx *c, const char *key, const char *v)
{
	char *end;

	if (strcasecmp(key, "topics") == 0)
		each_item(v, add_topic, c, NULL);
	else if (strcasecmp(key, "titles") == 0 ||
	    strcasecmp(key, "title") == 0)
		add_ref(c, v, NULL);
	else if (strcasecmp(key, "weight") == 0) {
		double w;

		errno = 0;
		w = strtod(v, &end);
		if (end == v || *end != '\0' || errno != 0 || !(w >= 0) ||
		    w > 1000000)
			pp_diag_err(c->ds, c->t->path, c->line,
			    "weight: expected a number 0..1000000, got '%.60s'",
			    v);
		else
			c->t->cover_weight = w;
	} else
		pp_diag_err(c->ds, c->t->path, c->line,
		    "unknown key '%.60s' in [cover] (topics, titles, weight)",
		    key);
}

static void
new_member(struct ctx *c, const char *name)
{
	struct pp_team *t = c->t;
	struct pp_team_member *m;

	if (*name == '\0') {
		pp_diag_err(c->ds, t->path, c->line,
		    "[member] needs a name: [member NAME]");
		c->sect = SECT_BAD;
		return;
	}
	if (pp_team_member_find(t, name) != NULL) {
		pp_diag_err(c->ds, t->path, c->line,
		    "member '%.60s' is given twice", name);
		c->sect = SECT_BAD;
		return;
	}
	if (t->nmembers >= PP_TEAM_MAX_MEMBERS) {
		pp_diag_err(c->ds, t->path, c->line, "more than %d members",
		    PP_TEAM_MAX_MEMBERS);
		c->sect = SECT_BAD;
		return;
	}
	t->members = pp_xgrowarray(t->members, &c->memcap, t->nmembers + 1,
	    sizeof(*t->members));
	m = &t->members[t->nmembers];
	memset(m, 0, sizeof(*m));
	m->name = pp_xstrdup(name);
	m->line = c->line;
	m->booth = 1;
	pp_profile_init(&m->p);
	c->member = (long)t->nmembers++;
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct ctx *c = user;

	if (name ==
	    NULL) { /* a section header (INI_CALL_HANDLER_ON_NEW_SECTION) */
		return 1;
	}
	(void)section;
	switch (c->sect) {
	case SECT_NONE:
		pp_diag_err(c->ds, c->t->path, c->line,
		    "'%.60s' is outside any section", name);
		break;
	case SECT_TEAM:
		if (strcasecmp(name, "name") == 0) {
			free(c->t->name);
			c->t->name = pp_xstrdup(value);
		} else if (strcasecmp(name, "together") == 0)
			each_item(value, add_ref, c, c);
		else
			keep(c, name, value);
		break;
	case SECT_MEMBER:
		keep(c, name, value);
		break;
	case SECT_BOOTH:
		booth_key(c, name, value);
		break;
	case SECT_COVER:
		cover_key(c, name, value);
		break;
	case SECT_BAD:
		break;
	}
	return 1;
}

/* Tracks the section from the raw line before inih sees it. */
static char *
section_reader(char *str, int num, void *stream)
{
	struct ctx *c = stream;
	char *s = reader(str, num, stream), *e;

	if (s == NULL || *s != '[')
		return s;
	e = strchr(s, ']');
	if (e == NULL) {
		pp_diag_err(c->ds, c->t->path, c->line,
		    "section header without ']'");
		c->sect = SECT_BAD;
		*s = '\0';
		return s;
	}
	*e = '\0';
	{
		char *name = trim(s + 1);

		if (strcasecmp(name, "team") == 0)
			c->sect = SECT_TEAM;
		else if (strcasecmp(name, "booth") == 0)
			c->sect = SECT_BOOTH;
		else if (strcasecmp(name, "cover") == 0)
			c->sect = SECT_COVER;
		else if (strncasecmp(name, "member", 6) == 0 &&
		    (name[6] == '\0' || name[6] == ' ' || name[6] == '\t')) {
			c->sect = SECT_MEMBER;
			new_member(c, trim(name + 6));
		} else {
			pp_diag_err(c->ds, c->t->path, c->line,
			    "unknown section [%.60s] (team, member NAME, "
			    "booth, "
			    "cover)",
			    name);
			c->sect = SECT_BAD;
		}
	}
	/* inih gets a harmless header of its own. */
	snprintf(str, (size_t)num, "[s]");
	return str;
}

static void
weighted(struct ctx *c, struct pp_team_member *m, const char *section,
    const char *value, unsigned line)
{
	char *copy = pp_xstrdup(value), *save = NULL, *tok;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		char *s = trim(tok), *eq = strrchr(s, '=');

		if (*s == '\0')
			continue;
		if (eq == NULL) {
			pp_diag_err(c->ds, c->t->path, line,
			    "%s: expected NAME=WEIGHT, got '%.60s'", section,
			    s);
			continue;
		}
		*eq = '\0';
		pp_profile_set(&m->p, section, trim(s), trim(eq + 1),
		    c->t->path, line, c->ds);
	}
	free(copy);
}

/* The directory part of path with a trailing '/', "" for none. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	char *d = pp_xmalloc(n + 1);

	memcpy(d, path, n);
	d[n] = '\0';
	return d;
}

static int
yes_no(const char *v)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

/* Applies [team]'s keys, the profile file and the member's keys. */
static int
apply_member(struct ctx *c, long mi, const char *dir)
{
	struct pp_team *t = c->t;
	struct pp_team_member *m = &t->members[mi];
	size_t i;
	int io = 0;

	for (i = 0; i < c->nraw; i++)
		if (c->raw[i].member == -1)
			pp_profile_set(&m->p, "plan", c->raw[i].key,
			    c->raw[i].value, t->path, c->raw[i].line, c->ds);
	for (i = 0; i < c->nraw; i++) {
		const struct raw *r = &c->raw[i];

		if (r->member != mi || strcasecmp(r->key, "profile") != 0)
			continue;
		free(m->profile_path);
		m->profile_path = r->value[0] == '/'
		    ? pp_xstrdup(r->value)
		    : pp_xasprintf("%s%s", dir, r->value);
	}
	if (m->profile_path != NULL) {
		int this_io = 0;

		pp_profile_load(&m->p, m->profile_path, c->ds, &this_io);
		io |= this_io;
	}
	for (i = 0; i < c->nraw; i++) {
		const struct raw *r = &c->raw[i];

		if (r->member != mi || strcasecmp(r->key, "profile") == 0)
			continue;
		if (strcasecmp(r->key, "interests") == 0 ||
		    strcasecmp(r->key, "speakers") == 0)
			weighted(c, m,
			    tolower((unsigned char)r->key[0]) == 'i'
			        ? "interests"
			        : "speakers",
			    r->value, r->line);
		else if (strcasecmp(r->key, "must") == 0 ||
		    strcasecmp(r->key, "skip") == 0)
			pp_profile_set(&m->p,
			    tolower((unsigned char)r->key[0]) == 'm' ? "must"
			                                             : "skip",
			    "title", r->value, t->path, r->line, c->ds);
		else if (strcasecmp(r->key, "booth") == 0) {
			int b = yes_no(r->value);

			if (b < 0)
				pp_diag_err(c->ds, t->path, r->line,
				    "booth: expected yes or no, got '%.60s'",
				    r->value);
			else
				m->booth = b;
		} else
			pp_profile_set(&m->p, "plan", r->key, r->value, t->path,
			    r->line, c->ds);
	}
	pp_profile_check(&m->p, c->ds);
	return io;
}

int
pp_team_load(struct pp_team *t, const char *path, struct pp_diags *ds,
    int *io_error)
{
	struct ctx c;
	size_t before = ds->nerrors, i;
	char *dir;
	int r, io = 0;

	if (io_error != NULL)
		*io_error = 0;
	memset(t, 0, sizeof(*t));
	t->path = pp_xstrdup(path);
	t->name = pp_xstrdup("");
	t->shift_minutes = 60;
	t->staff = 1;
	t->max_minutes = PP_UNLIMITED;
	t->max_spread = -1;
	t->room = pp_xstrdup("Booth");
	t->cover_weight = 1;
	memset(&c, 0, sizeof(c));
	c.t = t;
	c.ds = ds;
	c.member = -1;
	if ((c.fp = fopen(path, "r")) == NULL) {
		if (io_error != NULL)
			*io_error = 1;
		return pp_diag_err(ds, t->path, 0, "cannot open team file: %s",
		    strerror(errno));
	}
	r = ini_parse_stream(section_reader, &c, handler, &c);
	if (ferror(c.fp)) {
		io = 1;
		pp_diag_err(ds, t->path, 0, "cannot read team file: %s",
		    strerror(errno ? errno : EIO));
	}
	fclose(c.fp);
	if (c.too_big)
		pp_diag_err(ds, t->path, 0, "team file is larger than %d KiB",
		    PP_TEAM_MAX_BYTES / 1024);
	else if (r > 0 && ds->nerrors == before)
		pp_diag_err(ds, t->path, (unsigned)r,
		    "expected 'key = value' or a [section]");
	if (t->nmembers == 0 && ds->nerrors == before)
		pp_diag_err(ds, t->path, 0,
		    "no member: add a [member NAME] section");
	if (t->max_spread < 0)
		t->max_spread = t->shift_minutes;
	dir = dir_of(path);
	for (i = 0; i < t->nmembers; i++)
		io |= apply_member(&c, (long)i, dir);
	free(dir);
	for (i = 0; i < c.nraw; i++) {
		free(c.raw[i].key);
		free(c.raw[i].value);
	}
	free(c.raw);
	if (io_error != NULL)
		*io_error = io;
	return ds->nerrors > before ? -1 : 0;
}

void
pp_team_fini(struct pp_team *t)
{
	size_t i;

	for (i = 0; i < t->nmembers; i++) {
		free(t->members[i].name);
		free(t->members[i].profile_path);
		pp_profile_fini(&t->members[i].p);
	}
	free(t->members);
	for (i = 0; i < t->ntogether; i++)
		free(t->together[i].text);
	free(t->together);
	free(t->hours);
	for (i = 0; i < t->ncover_topics; i++)
		free(t->cover_topics[i]);
	free(t->cover_topics);
	for (i = 0; i < t->ncover_titles; i++)
		free(t->cover_titles[i].text);
	free(t->cover_titles);
	free(t->room);
	free(t->name);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

struct pp_team_member *
pp_team_member_find(const struct pp_team *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nmembers; i++)
		if (strcasecmp(t->members[i].name, name) == 0)
			return &t->members[i];
	return NULL;
}
