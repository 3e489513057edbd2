/* SPDX-License-Identifier: ISC */
/*
 * The JSON programme reader on jansson: frab/pretalx schedules (schema v1
 * and schema 2), the Sessionize "All" export, the PyCon US
 * conference.json, the pretalx grid of the PyConFR site and the Indico
 * HTTP API export (contributions of an event), each turned into feed
 * events and checked by the feed core (feed.h).
 *
 * jansson keeps no positions, so diagnostics get their lines from a
 * second, cheap scan of the text: every value in document order has the
 * line it starts on, and the parsed tree visited in the same order (an
 * object keeps its members in document order, and duplicate keys are
 * refused) pairs each value with its line.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "pyplan/feed.h"
#include "pyplan/load_json.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

static const char empty[] = "";
static const struct pp_feed_pos nowhere = {0, 0};
static const struct pp_feed_pos first = {1, 0};

struct jline {
	const json_t *v;
	struct pp_feed_pos at;
};

struct jctx {
	struct pp_feed f;
	struct jline *map; /* sorted by value pointer */
	size_t nmap;
	/* scratch arrays for the event being read */
	const char **sv[5];
	size_t sn[5], scap[5];
	/* number-to-text buffers, one per field of an event */
	char num[4][32];
	/* Indico: the start and end as ISO text */
	char when[2][40];
	/* pretalx grid: the codes of the submissions read (as keys) */
	json_t *seen;
};

enum { S_PERSONS, S_ROOMS, S_TAGS, S_LINKS, S_LTITLES, S__COUNT };

/* ---------------------------------------------------------------- */
/* Lines of values                                                   */

/* The place of every value of the text, in document order (keys are
 * not values).  The text is valid JSON: jansson has read it. */
static struct pp_feed_pos *
scan_lines(const char *s, size_t len, size_t *count)
{
	struct pp_feed_pos *lines = NULL;
	unsigned line = 1;
	size_t n = 0, cap = 0, depth = 0, dcap = 0, i = 0, bol = 0;
	char *key = NULL; /* per depth: 1 when a key comes next */
	char *obj = NULL; /* per depth: 1 for an object */

	while (i < len) {
		char c = s[i];

		if (c == '\n') {
			line++;
			bol = ++i;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == ':') {
			i++;
			continue;
		}
		if (c == ',') {
			if (depth > 0 && obj[depth - 1])
				key[depth - 1] = 1;
			i++;
			continue;
		}
		if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
			i++;
			continue;
		}
		if (depth > 0 && obj[depth - 1] && key[depth - 1]) {
			/* a key: skip it */
			key[depth - 1] = 0;
		} else {
			lines =
			    pp_xgrowarray(lines, &cap, n + 1, sizeof(*lines));
			lines[n].line = line;
			lines[n++].col = i - bol + 1 <= UINT_MAX
			    ? (unsigned)(i - bol + 1)
			    : 0;
		}
		if (c == '{' || c == '[') {
			key = pp_xgrowarray(key, &dcap, depth + 1, 1);
			obj = pp_xreallocarray(obj, dcap, 1);
			obj[depth] = c == '{';
			key[depth] = c == '{';
			depth++;
			i++;
		} else if (c == '"') {
			for (i++; i < len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
			i++;
		} else {
			while (i < len && !strchr(" \t\r\n,:]}", s[i]))
				i++;
		}
	}
	free(key);
	free(obj);
	*count = n;
	return lines;
}

/* Lists the values of the tree in document order. */
static void
walk(const json_t *v, const json_t ***out, size_t *n, size_t *cap)
{
	const char *k;
	json_t *m;
	size_t i;

	*out = pp_xgrowarray(*out, cap, *n + 1, sizeof(**out));
	(*out)[(*n)++] = v;
	if (json_is_object(v)) {
		json_object_foreach((json_t *)(uintptr_t)v, k, m)
		    walk(m, out, n, cap);
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, m) walk(m, out, n, cap);
	}
}

static int
cmp_jline(const void *a, const void *b)
{
	const struct jline *x = a, *y = b;

	return (uintptr_t)x->v < (uintptr_t)y->v
	    ? -1
	    : (uintptr_t)x->v > (uintptr_t)y->v;
}

static void
build_lines(struct jctx *c, const json_t *root, const char *data, size_t len)
{
	const json_t **vals = NULL;
	size_t nvals = 0, cap = 0, nlines, i;
	struct pp_feed_pos *lines = scan_lines(data, len, &nlines);

	walk(root, &vals, &nvals, &cap);
	/* Should the two ever disagree, lines are left out, not wrong. */
	if (nvals == nlines) {
		c->map = pp_xcalloc(nvals ? nvals : 1, sizeof(*c->map));
		for (i = 0; i < nvals; i++) {
			/* true, false and null are shared singletons */
			if (json_is_true(vals[i]) || json_is_false(vals[i]) ||
			    json_is_null(vals[i]))
				continue;
			c->map[c->nmap].v = vals[i];
			c->map[c->nmap++].at = lines[i];
		}
		qsort(c->map, c->nmap, sizeof(*c->map), cmp_jline);
	}
	free(vals);
	free(lines);
}

/* The place value v starts at, or fallback. */
static struct pp_feed_pos
jl(const struct jctx *c, const json_t *v, struct pp_feed_pos fallback)
{
	struct jline key, *r;

	if (v == NULL || c->nmap == 0)
		return fallback;
	key.v = v;
	r = bsearch(&key, c->map, c->nmap, sizeof(*c->map), cmp_jline);
	return r != NULL ? r->at : fallback;
}

/* ---------------------------------------------------------------- */
/* Reading values                                                    */

/* The string member key of o, "" when absent, null or not a string. */
static const char *
jstr(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : empty;
}

/* A string or number as text (numbers into buf); "" otherwise. */
static const char *
jtext_of(const json_t *v, char *buf, size_t bufsz)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, bufsz, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(v));
		return buf;
	}
	if (json_is_real(v)) {
		snprintf(buf, bufsz, "%g", json_real_value(v));
		return buf;
	}
	return empty;
}

static const char *
jtext(const json_t *o, const char *key, char *buf, size_t bufsz)
{
	return jtext_of(json_object_get(o, key), buf, bufsz);
}

/* A name that may be bilingual: a string, or {"en": ..., "fr": ...}
 * read in English, else in its first language. */
static const char *
jname_of(const json_t *v)
{
	const char *k;
	json_t *m;

	if (json_is_string(v))
		return json_string_value(v);
	if (!json_is_object(v))
		return empty;
	if (json_is_string(json_object_get(v, "en")))
		return json_string_value(json_object_get(v, "en"));
	json_object_foreach((json_t *)(uintptr_t)v, k,
	    m) if (json_is_string(m) &&
	    *json_string_value(m) != '\0') return json_string_value(m);
	return empty;
}

/*
 * A string member that must be a string (or absent/null): any other type
 * is a problem of the current event.
 */
static const char *
jfield(struct jctx *c, const json_t *o, const char *key,
    struct pp_feed_pos line)
{
	const json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v))
		return empty;
	if (json_is_string(v))
		return json_string_value(v);
	pp_feed_problem(&c->f, jl(c, v, line), "%s is not a string", key);
	return empty;
}

/* Reads a boolean member into a recorded flag: yes when b, no when !b
 * (invert swaps); a value that is not a boolean is a problem. */
static void
jrecorded(struct jctx *c, const json_t *o, const char *key, int invert,
    struct pp_feed_pos line, enum pp_recorded *rec)
{
	const json_t *v = json_object_get(o, key);
	int b;

	if (v == NULL || json_is_null(v))
		return;
	if (json_is_boolean(v))
		b = json_is_true(v);
	else if ((b = pp_feed_bool(jtext_of(v, c->num[3], sizeof(c->num[3])))) <
	    0) {
		if (b == -1)
			pp_feed_problem(&c->f, jl(c, v, line),
			    "%s is not true or false", key);
		return;
	}
	if (invert)
		b = !b;
	if (*rec == PP_REC_UNKNOWN || b == 0)
		*rec = b ? PP_REC_YES : PP_REC_NO;
}

static void
push(struct jctx *c, int which, const char *s)
{
	c->sv[which] = pp_xgrowarray(c->sv[which], &c->scap[which],
	    c->sn[which] + 1, sizeof(*c->sv[which]));
	c->sv[which][c->sn[which]++] = s;
}

static void
clear_scratch(struct jctx *c)
{
	int i;

	for (i = 0; i < S__COUNT; i++)
		c->sn[i] = 0;
}

/*
 * Hands e to the feed core with the scratch lists (cleared at the start of
 * every event, so the ones a format does not fill are empty) as its
 * people, rooms, tags and links.
 */
static void
add_event(struct jctx *c, struct pp_feed_event *e)
{
	e->persons = c->sv[S_PERSONS];
	e->npersons = c->sn[S_PERSONS];
	e->rooms = c->sv[S_ROOMS];
	e->nrooms = c->sn[S_ROOMS];
	e->tags = c->sv[S_TAGS];
	e->ntags = c->sn[S_TAGS];
	e->link_url = c->sv[S_LINKS];
	e->link_title = c->sv[S_LTITLES];
	e->nlinks = c->sn[S_LINKS];
	pp_feed_add(&c->f, e);
}

/* Appends the names in an array of people (strings, or objects with
 * public_name, name or full_public_name). */
static void
people(struct jctx *c, const json_t *arr)
{
	size_t i;
	json_t *p;

	if (!json_is_array(arr))
		return;
	json_array_foreach(arr, i, p)
	{
		const char *n = jstr(p, "public_name");

		if (json_is_string(p))
			n = json_string_value(p);
		if (*n == '\0')
			n = jstr(p, "name");
		if (*n == '\0')
			n = jstr(p, "full_public_name");
		if (*n != '\0')
			push(c, S_PERSONS, n);
	}
}

/* Reports the shape error of a whole file. */
static int
shape(struct jctx *c, const json_t *v, struct pp_feed_pos fallback,
    const char *what)
{
	struct pp_feed_pos at = jl(c, v, fallback);

	return pp_diag_add(c->f.ds, PP_ERROR, c->f.name, at.line, at.col, "%s",
	    what);
}

/* ---------------------------------------------------------------- */
/* frab / pretalx                                                    */

/* Names schema-2 track slugs: returns the track's name for slug. */
static const char *
track_name(const json_t *tracks, const char *slug)
{
	size_t i;
	json_t *t;

	if (!json_is_array(tracks) || *slug == '\0')
		return slug;
	json_array_foreach(tracks, i,
	    t) if (strcmp(jstr(t, "slug"), slug) == 0 &&
	    *jstr(t, "name") != '\0') return jstr(t, "name");
	return slug;
}

static void
frab_event(struct jctx *c, const json_t *o, const char *day_date,
    const char *day_start, const char *room_key, const json_t *tracks)
{
	struct pp_feed_event e;
	const json_t *v;
	const char *room;
	size_t i;
	json_t *l;
	struct pp_feed_pos line = jl(c, o, nowhere);

	clear_scratch(c);
	pp_feed_event_init(&e, line);
	if (!json_is_object(o)) {
		pp_feed_problem(&c->f, line, "event is not an object");
		pp_feed_count(&c->f, line);
		pp_feed_flush(&c->f, line);
		return;
	}
	e.guid = jtext(o, "guid", c->num[0], sizeof(c->num[0]));
	e.id = jtext(o, "id", c->num[1], sizeof(c->num[1]));
	if (*e.id == '\0')
		e.id = jstr(o, "code");
	e.day_date = day_date;
	e.day_start = day_start;
	e.title = jfield(c, o, "title", line);
	e.subtitle = jfield(c, o, "subtitle", line);
	e.abstract = jfield(c, o, "abstract", line);
	e.description = jfield(c, o, "description", line);
	e.url = jfield(c, o, "url", line);
	e.type = jfield(c, o, "type", line);
	e.language = jfield(c, o, "language", line);
	/* schema 2: ISO start and end; v1: date (ISO) and start (HH:MM) */
	v = json_object_get(o, "date");
	if (json_is_string(v)) {
		e.date = json_string_value(v);
		e.date_at = jl(c, v, line);
		v = json_object_get(o, "start");
		e.start = jstr(o, "start");
		e.start_at = jl(c, v, line);
	} else {
		v = json_object_get(o, "start");
		e.start_at = jl(c, v, line);
		if (json_is_string(v) && strlen(json_string_value(v)) > 8) {
			e.date = json_string_value(v);
			e.date_at = e.start_at;
		} else
			e.start = jfield(c, o, "start", line);
	}
	if ((v = json_object_get(o, "end")) != NULL && !json_is_null(v)) {
		e.end = jfield(c, o, "end", line);
		e.end_at = jl(c, v, line);
	}
	if ((v = json_object_get(o, "duration")) != NULL && !json_is_null(v)) {
		e.has_duration = 1;
		e.duration = jtext_of(v, c->num[2], sizeof(c->num[2]));
		e.duration_at = jl(c, v, line);
	}
	v = json_object_get(o, "room");
	room = json_is_object(v) ? jname_of(json_object_get(v, "name"))
	    : json_is_string(v)  ? json_string_value(v)
	                         : empty;
	if (*room == '\0')
		room = room_key;
	if (*room != '\0')
		push(c, S_ROOMS, room);
	v = json_object_get(o, "track");
	e.track = jname_of(v);
	if (json_is_object(v)) {
		e.track = jname_of(json_object_get(v, "name"));
		if (*e.track == '\0')
			e.track = track_name(tracks, jstr(v, "slug"));
	}
	people(c, json_object_get(o, "persons"));
	people(c, json_object_get(o, "participants"));
	v = json_object_get(o, "links");
	if (json_is_array(v))
		json_array_foreach(v, i, l)
		{
			const char *u = json_is_string(l) ? json_string_value(l)
			                                  : jstr(l, "url");

			if (*u == '\0')
				continue;
			push(c, S_LINKS, u);
			push(c, S_LTITLES, jstr(l, "title"));
		}
	jrecorded(c, o, "do_not_record", 1, line, &e.recorded);
	if ((v = json_object_get(o, "recording")) != NULL && json_is_object(v))
		jrecorded(c, v, "optout", 1, line, &e.recorded);
	if (e.recorded == PP_REC_UNKNOWN &&
	    json_is_true(json_object_get(o, "do_not_stream")))
		e.recorded = PP_REC_NO;
	add_event(c, &e);
}

static int
load_frab(struct jctx *c, const json_t *sched)
{
	const json_t *conf = json_object_get(sched, "conference");
	const json_t *days, *events;
	const char *zone, *title;
	size_t i, j;
	json_t *day, *ev;
	struct pp_feed_pos cline = jl(c, conf, jl(c, sched, first));

	if (!json_is_object(conf))
		return shape(c, conf, cline,
		    "schedule.conference is not an object");
	title = jname_of(json_object_get(conf, "title"));
	if (*title != '\0' && c->f.tt->name == NULL)
		c->f.tt->name = pp_feed_line(c->f.tt, title);
	zone = jstr(conf, "time_zone_name");
	if (*zone != '\0' &&
	    pp_feed_set_zone(&c->f, zone,
	        jl(c, json_object_get(conf, "time_zone_name"), cline)) != 0)
		return -1;
	/* The days' bounds give the day change (pp_feed_fini): schema 1
	 * calls them day_start and day_end, schema 2 start and end. */
	days = json_object_get(conf, "days");
	if (json_is_array(days))
		json_array_foreach(days, i, day)
		{
			const char *dstart = jstr(day, "day_start"),
			           *dend = jstr(day, "day_end");

			if (*dstart == '\0' && *dend == '\0') {
				dstart = jstr(day, "start");
				dend = jstr(day, "end");
			}
			pp_feed_day(&c->f, jstr(day, "date"), dstart, dend,
			    jl(c, day, cline));
		}
	events = json_object_get(sched, "events");
	if (events != NULL) {
		const json_t *tracks = json_object_get(conf, "tracks");

		if (!json_is_array(events))
			return shape(c, events, cline,
			    "schedule.events is not an array");
		json_array_foreach(events, i, ev)
		{
			if (c->f.stop)
				break;
			frab_event(c, ev, empty, empty, empty, tracks);
		}
		return 0;
	}
	if (!json_is_array(days))
		return shape(c, days, cline,
		    "schedule.conference.days is not an array");
	json_array_foreach(days, i, day)
	{
		const json_t *rooms = json_object_get(day, "rooms");
		const char *date = jstr(day, "date");
		const char *dstart = jstr(day, "day_start");
		const char *rname;
		json_t *list;

		if (!json_is_object(day))
			return shape(c, day, cline, "a day is not an object");
		if (rooms == NULL)
			continue;
		if (!json_is_object(rooms))
			return shape(c, rooms, jl(c, day, cline),
			    "rooms of a day is not an object");
		json_object_foreach((json_t *)(uintptr_t)rooms, rname, list)
		{
			if (!json_is_array(list))
				return shape(c, list, jl(c, rooms, cline),
				    "the events of a room are not an array");
			json_array_foreach(list, j, ev)
			{
				if (c->f.stop)
					return -1;
				frab_event(c, ev, date, dstart, rname, NULL);
			}
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Sessionize                                                        */

/* The element of array arr whose "id" is id (a string or a number). */
static const json_t *
by_id(const json_t *arr, const json_t *id)
{
	char a[32], b[32];
	const char *want = jtext_of(id, a, sizeof(a));
	size_t i;
	json_t *o;

	if (*want == '\0' || !json_is_array(arr))
		return NULL;
	json_array_foreach(arr, i,
	    o) if (strcmp(jtext_of(json_object_get(o, "id"), b, sizeof(b)),
	               want) == 0) return o;
	return NULL;
}

/* Whether the phrase word occurs in s, ignoring case. */
static int
says(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/* "300 - Advanced" -> "advanced": the level word in a category item. */
static const char *
level_word(const char *s)
{
	static const char *const words[] = {"beginner", "introductory",
	    "intermediate", "advanced", "expert"};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (says(s, words[i]))
			return words[i];
	return s;
}

/* Finds category item id among the categories; sets *cat to its
 * category's title. */
static const json_t *
category_item(const json_t *cats, const json_t *id, const char **cat)
{
	size_t i;
	json_t *k;
	const json_t *it;

	if (!json_is_array(cats))
		return NULL;
	json_array_foreach(cats, i,
	    k) if ((it = by_id(json_object_get(k, "items"), id)) != NULL)
	{
		*cat = jstr(k, "title");
		return it;
	}
	return NULL;
}

static void
sessionize_session(struct jctx *c, const json_t *root, const json_t *o)
{
	struct pp_feed_event e;
	const json_t *v, *x;
	const char *cat, *status;
	struct pp_feed_pos line = jl(c, o, nowhere);
	size_t i;
	json_t *m;
	int service;

	clear_scratch(c);
	pp_feed_event_init(&e, line);
	if (!json_is_object(o)) {
		pp_feed_count(&c->f, line);
		pp_feed_problem(&c->f, line, "session is not an object");
		pp_feed_flush(&c->f, line);
		return;
	}
	e.id = jtext(o, "id", c->num[0], sizeof(c->num[0]));
	e.title = jfield(c, o, "title", line);
	e.description = jfield(c, o, "description", line);
	/* The 2023 exports say each session's status: accepted ones are the
	 * programme, cancelled ones stay listed, others are not in it. */
	status = jstr(o, "status");
	e.cancelled = strcasecmp(status, "cancelled") == 0 ||
	    strcasecmp(status, "canceled") == 0;
	if (*status != '\0' && strcasecmp(status, "accepted") != 0 &&
	    !e.cancelled && c->f.nprob == 0) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "session '%s' has status '%s', not in the "
			    "programme: skipped",
			    e.title, status);
		return;
	}
	v = json_object_get(o, "startsAt");
	if ((v == NULL || json_is_null(v)) && c->f.nprob == 0) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "session '%s' "
			    "has no time: not scheduled, skipped",
			    e.title);
		return;
	}
	e.date = jfield(c, o, "startsAt", line);
	e.date_at = jl(c, v, line);
	v = json_object_get(o, "endsAt");
	e.end = jfield(c, o, "endsAt", line);
	e.end_at = jl(c, v, line);
	if (*e.end == '\0') {
		/* pp_feed_add would ask for a duration */
		e.end = "?";
		pp_feed_problem(&c->f, e.end_at, "endsAt is empty");
	}
	v = json_object_get(o, "roomId");
	if (v != NULL && !json_is_null(v)) {
		if ((x = by_id(json_object_get(root, "rooms"), v)) != NULL)
			push(c, S_ROOMS, jstr(x, "name"));
		else
			pp_feed_problem(&c->f, jl(c, v, line),
			    "roomId %s is "
			    "not in rooms",
			    jtext_of(v, c->num[1], sizeof(c->num[1])));
	} else if (*jstr(o, "room") != '\0')
		push(c, S_ROOMS, jstr(o, "room"));
	v = json_object_get(o, "speakers");
	if (json_is_array(v))
		json_array_foreach(v, i, m)
		{
			const char *n;

			if (json_is_object(m) && *jstr(m, "name") != '\0') {
				push(c, S_PERSONS, jstr(m, "name"));
				continue;
			}
			x = by_id(json_object_get(root, "speakers"),
			    json_is_object(m) ? json_object_get(m, "id") : m);
			if (x == NULL) {
				pp_feed_problem(&c->f, jl(c, m, line),
				    "speaker %s is not in speakers",
				    jtext_of(m, c->num[1], sizeof(c->num[1])));
				continue;
			}
			n = jstr(x, "fullName");
			if (*n == '\0') {
				/* two names need a joined copy: the arena */
				char *full = pp_xasprintf("%s %s",
				    jstr(x, "firstName"), jstr(x, "lastName"));

				n = pp_tt_strdup(c->f.tt, full);
				free(full);
			}
			push(c, S_PERSONS, n);
		}
	v = json_object_get(o, "categoryItems");
	if (json_is_array(v))
		json_array_foreach(v, i, m)
		{
			const char *name;

			if ((x = category_item(json_object_get(root,
			                           "categories"),
			         m, &cat)) == NULL)
				continue;
			name = jstr(x, "name");
			if (says(cat, "type") || says(cat, "format"))
				e.type = name;
			else if (says(cat, "track"))
				e.track = name;
			else if (says(cat, "level"))
				e.level = level_word(name);
			else if (strcasecmp(name, "yes") != 0 &&
			    strcasecmp(name, "no") != 0 &&
			    strcasecmp(name, "unsure") != 0)
				push(c, S_TAGS, name);
		}
	e.video_url = jstr(o, "recordingUrl");
	service = json_is_true(json_object_get(o, "isServiceSession"));
	if (service && *e.type == '\0') {
		/* Registration, breaks, lunch: not talks unless the title
		 * says what they are. */
		enum pp_kind k = pp_kind_guess("event", e.title);

		e.kind = k != PP_KIND_OTHER ? (int)k : PP_KIND_BREAK;
		e.type = "service";
	}
	add_event(c, &e);
}

static int
load_sessionize(struct jctx *c, const json_t *root)
{
	const json_t *sessions = json_object_get(root, "sessions");
	size_t i;
	json_t *s;

	json_array_foreach(sessions, i, s)
	{
		if (c->f.stop)
			break;
		sessionize_session(c, root, s);
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* PyCon US conference.json                                          */

/* The fields of a PyCon item that are the same for a whole item and
 * for the sessions listed inside it. */
static void
pycon_times_rooms(struct jctx *c, const json_t *o, struct pp_feed_event *e,
    struct pp_feed_pos line, char *dur, size_t dursz)
{
	const json_t *v;
	size_t i;
	json_t *m;

	v = json_object_get(o, "start");
	e->date = jfield(c, o, "start", line);
	e->date_at = jl(c, v, line);
	if (*e->date == '\0')
		e->date = "?"; /* pp_feed_add: not a date-time */
	v = json_object_get(o, "end");
	e->end = jfield(c, o, "end", line);
	e->end_at = jl(c, v, line);
	v = json_object_get(o, "duration");
	if (*e->end == '\0' && v != NULL && !json_is_null(v)) {
		e->has_duration = 1;
		e->duration_at = jl(c, v, line);
		if (json_is_integer(v) && json_integer_value(v) >= 0 &&
		    json_integer_value(v) < 100000) {
			snprintf(dur, dursz, "%d:%02d",
			    (int)(json_integer_value(v) / 60),
			    (int)(json_integer_value(v) % 60));
			e->duration = dur;
		} else
			e->duration = jtext_of(v, c->num[1], sizeof(c->num[1]));
	}
	v = json_object_get(o, "rooms");
	if (json_is_array(v) && json_array_size(v) > 0) {
		json_array_foreach(v, i, m) if (json_is_string(m))
		    push(c, S_ROOMS, json_string_value(m));
	} else if (*jstr(o, "room") != '\0')
		push(c, S_ROOMS, jstr(o, "room"));
	else if (*jstr(o, "room_display") != '\0')
		push(c, S_ROOMS, jstr(o, "room_display"));
}

/*
 * One item of conference.json's schedule or open-spaces list; parent is
 * the item a listed session belongs to (NULL for an item), which gives
 * the session its time, rooms and kind.  The id is conf_key, after
 * id_prefix.
 */
static void
pycon_item(struct jctx *c, const json_t *o, const json_t *parent,
    const char *id_prefix)
{
	struct pp_feed_event e;
	const json_t *v, *where = parent != NULL ? parent : o;
	struct pp_feed_pos line = jl(c, o, nowhere);
	size_t i;
	json_t *m;
	char dur[32], id[64];

	clear_scratch(c);
	pp_feed_event_init(&e, line);
	if (!json_is_object(o)) {
		pp_feed_count(&c->f, line);
		pp_feed_problem(&c->f, line, "item is not an object");
		pp_feed_flush(&c->f, line);
		return;
	}
	e.type = jfield(c, where, "kind", line);
	/* schedule items have a name, open spaces a title */
	e.title = json_object_get(o, "name") != NULL
	    ? jfield(c, o, "name", line)
	    : jfield(c, o, "title", line);
	if (parent == NULL && strcasecmp(e.type, "blank") == 0) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "blank slot (kind 'blank'): skipped");
		c->f.nprob = 0;
		return;
	}
	e.cancelled = json_is_true(json_object_get(o, "cancelled"));
	/* PyCon US's Charlas are its Spanish-language talk track. */
	if (strcasecmp(e.type, "charla") == 0 ||
	    strcasecmp(e.type, "charlas") == 0)
		e.language = "es";
	e.id = jtext(o, "conf_key", c->num[0], sizeof(c->num[0]));
	if (*e.id != '\0' && *id_prefix != '\0') {
		snprintf(id, sizeof(id), "%s%s", id_prefix, e.id);
		e.id = id;
	}
	pycon_times_rooms(c, where, &e, line, dur, sizeof(dur));
	v = json_object_get(o, "speakers");
	if (json_is_array(v) && json_array_size(v) > 0)
		people(c, v);
	else
		people(c, json_object_get(o, "authors"));
	e.description = jfield(c, o, "description", line);
	e.url = jfield(c, o, "conf_url", line);
	if (*jstr(o, "tags") != '\0') {
		const char **tags;
		size_t n = pp_tt_split(c->f.tt, jstr(o, "tags"), 1, &tags);

		for (i = 0; i < n; i++)
			push(c, S_TAGS, tags[i]);
	}
	add_event(c, &e);
	/* The sessions an item lists (the posters of a poster session)
	 * take place at the item's time and place. */
	v = json_object_get(o, "sessions");
	if (parent == NULL && json_is_array(v))
		json_array_foreach(v, i, m)
		{
			if (c->f.stop)
				break;
			pycon_item(c, m, o, id_prefix);
		}
}

static int
load_pycon(struct jctx *c, const json_t *root)
{
	const json_t *spaces = json_object_get(root, "open-spaces");
	size_t i;
	json_t *o;

	json_array_foreach(json_object_get(root, "schedule"), i, o)
	{
		if (c->f.stop)
			return -1;
		pycon_item(c, o, NULL, "");
	}
	/* From 2025 on, the open spaces are a list of their own. */
	if (spaces == NULL || json_is_null(spaces))
		return 0;
	if (!json_is_array(spaces))
		return shape(c, spaces, first, "open-spaces is not an array");
	json_array_foreach(spaces, i, o)
	{
		if (c->f.stop)
			return -1;
		pycon_item(c, o, NULL, "open-space-");
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* The pretalx grid of the PyConFR site                              */

/* Reads "540" (minutes after midnight) into *min; returns 0 or -1. */
static int
minute_key(const char *s, int *min)
{
	int v = 0, n = 0;

	for (; isdigit((unsigned char)*s) && n < 5; s++, n++)
		v = v * 10 + (*s - '0');
	if (n == 0 || *s != '\0' || v >= 24 * 60)
		return -1;
	*min = v;
	return 0;
}

/* A pretalx name: a string, {"en": ..., "fr": ...}, or an object whose
 * "name" is one of these (a 2025 room or submission type). */
static const char *
jnamed(const json_t *v)
{
	if (json_is_object(v) && json_object_get(v, "name") != NULL)
		return jname_of(json_object_get(v, "name"));
	return jname_of(v);
}

/* Whether a pretalx state is one a published programme shows; sets
 * *cancelled for a cancelled submission (pretalx writes "canceled"). */
static int
published_state(const char *state, int *cancelled)
{
	*cancelled = strcasecmp(state, "canceled") == 0 ||
	    strcasecmp(state, "cancelled") == 0;
	return *state == '\0' || strcasecmp(state, "confirmed") == 0 ||
	    strcasecmp(state, "accepted") == 0 || *cancelled;
}

/* Whether a slot is scheduled: a start or an end that is not null. */
static int
has_time(const json_t *slot)
{
	const json_t *a = json_object_get(slot, "start"),
	             *b = json_object_get(slot, "end");

	return (a != NULL && !json_is_null(a) &&
	           !(json_is_string(a) && *json_string_value(a) == '\0')) ||
	    (b != NULL && !json_is_null(b) &&
	        !(json_is_string(b) && *json_string_value(b) == '\0'));
}

/* Reads one slot of a submission into e's times and rooms. */
static void
grid_slot(struct jctx *c, const json_t *root, const json_t *slot,
    struct pp_feed_event *e, struct pp_feed_pos line)
{
	const json_t *v;
	const char *room;

	line = jl(c, slot, line);
	v = json_object_get(slot, "start");
	e->date = jfield(c, slot, "start", line);
	e->date_at = jl(c, v, line);
	v = json_object_get(slot, "end");
	e->end = jfield(c, slot, "end", line);
	e->end_at = jl(c, v, line);
	if (*e->date == '\0')
		e->date = "?"; /* pp_feed_add: not a date-time */
	if (*e->end == '\0')
		e->end = "?";
	/* 2024: room {en, fr} and room_id; 2025: room {id, name} */
	room = jnamed(json_object_get(slot, "room"));
	if (*room == '\0' &&
	    (v = by_id(json_object_get(root, "rooms"),
	         json_object_get(slot, "room_id"))) != NULL)
		room = jnamed(v);
	if (*room != '\0')
		push(c, S_ROOMS, room);
}

/*
 * One submission of the grid.  Its times are its slot (2024) or each of
 * its slots (2025), one event per slot; a submission the grid shows again
 * (in the cell of its other slot) was read whole the first time.
 */
static void
grid_submission(struct jctx *c, const json_t *root, const json_t *o)
{
	struct pp_feed_event e;
	const json_t *v, *slots;
	struct pp_feed_pos line = jl(c, o, nowhere);
	const char *code, *state, *title;
	size_t i, j, nslots;
	json_t *m;
	char id[96];
	int cancelled;

	clear_scratch(c);
	if (!json_is_object(o)) {
		pp_feed_count(&c->f, line);
		pp_feed_problem(&c->f, line, "submission is not an object");
		pp_feed_flush(&c->f, line);
		return;
	}
	code = jtext(o, "code", c->num[0], sizeof(c->num[0]));
	if (*code != '\0') {
		if (json_object_get(c->seen, code) != NULL)
			return;
		json_object_set_new(c->seen, code, json_true());
	}
	title = jname_of(json_object_get(o, "title"));
	state = jstr(o, "state");
	if (!published_state(state, &cancelled)) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "'%s' is in state '%s', not in a published "
			    "programme: skipped",
			    pp_feed_line(c->f.tt, title), state);
		return;
	}
	slots = json_object_get(o, "slots");
	if (slots == NULL || json_is_null(slots)) {
		slots = json_object_get(o, "slot");
		nslots = json_is_object(slots) ? 1 : 0;
	} else
		nslots = json_is_array(slots) ? json_array_size(slots) : 0;
	if (json_is_array(slots) && nslots == 0) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "'%s' has no slot: not scheduled, skipped",
			    pp_feed_line(c->f.tt, title));
		return;
	}
	for (i = 0; i == 0 || i < nslots; i++) {
		const json_t *slot =
		    json_is_array(slots) ? json_array_get(slots, i) : slots;

		if (json_is_object(slot) && !has_time(slot)) {
			if (pp_feed_count(&c->f, jl(c, slot, line)) == 0)
				pp_feed_warn(&c->f, jl(c, slot, line),
				    "slot %zu of '%s' has no time: not "
				    "scheduled, skipped",
				    i + 1, pp_feed_line(c->f.tt, title));
			continue;
		}
		clear_scratch(c);
		pp_feed_event_init(&e, line);
		e.id = code;
		if (nslots > 1) {
			snprintf(id, sizeof(id), "%s-%zu", code, i + 1);
			e.id = id;
		}
		e.title = title;
		e.type = jnamed(json_object_get(o, "submission_type"));
		e.track = jnamed(json_object_get(o, "track"));
		e.abstract = jname_of(json_object_get(o, "abstract"));
		e.description = jname_of(json_object_get(o, "description"));
		e.language = jstr(o, "content_locale");
		e.cancelled = cancelled;
		people(c, json_object_get(o, "speakers"));
		if (nslots == 0 || !json_is_object(slot)) {
			pp_feed_problem(&c->f, jl(c, slots, line),
			    "no slot: neither slot nor slots gives a time");
			e.date = e.end = "?";
		} else
			grid_slot(c, root, slot, &e, line);
		v = json_object_get(o, "tags");
		if (json_is_array(v))
			json_array_foreach(v, j, m)
			{
				const char *t = json_is_string(m)
				    ? json_string_value(m)
				    : jname_of(json_object_get(m, "tag"));

				if (*t != '\0')
					push(c, S_TAGS, t);
			}
		add_event(c, &e);
		if (c->f.stop)
			return;
	}
}

static int
grid_part(struct jctx *c, const json_t *root, const json_t *part)
{
	const char *date, *minute, *room;
	json_t *rows, *cells, *sub;

	json_object_foreach((json_t *)(uintptr_t)part, date, rows)
	{
		if (!json_is_object(rows))
			return shape(c, rows, jl(c, part, first),
			    "a day of the grid is not an object");
		json_object_foreach(rows, minute, cells)
		{
			if (!json_is_object(cells))
				continue; /* an empty row: [] */
			json_object_foreach(cells, room, sub)
			{
				if (c->f.stop)
					return -1;
				grid_submission(c, root, sub);
			}
		}
	}
	return 0;
}

/* The next grid row of the day after minute, or minute + 30. */
static int
next_row(const json_t *rows, int minute)
{
	const char *k;
	json_t *m;
	int best = -1, v;

	if (json_is_object(rows))
		json_object_foreach((json_t *)(uintptr_t)rows, k,
		    m) if (minute_key(k, &v) == 0 && v > minute &&
		    (best < 0 || v < best)) best = v;
	return best >= 0 ? best : minute + 30;
}

static void
grid_extra(struct jctx *c, const json_t *sched, const char *date,
    const char *minute, const json_t *o)
{
	struct pp_feed_event e;
	struct pp_feed_pos line = jl(c, o, nowhere);
	char start[32], end[32];
	struct pp_civil d;
	int min, to;

	clear_scratch(c);
	pp_feed_event_init(&e, line);
	e.id = jtext(o, "id", c->num[0], sizeof(c->num[0]));
	e.title = jname_of(json_object_get(o, "title"));
	e.type = "break";
	if (pp_parse_date(date, &d) != 0 || minute_key(minute, &min) != 0) {
		pp_feed_problem(&c->f, line,
		    "extra item at '%s' '%s' is not "
		    "at a date and minute",
		    date, minute);
		e.date = e.end = "?";
	} else {
		to = next_row(json_object_get(sched, date), min);
		snprintf(start, sizeof(start), "%sT%02d:%02d", date, min / 60,
		    min % 60);
		if (to >= 24 * 60)
			to = 24 * 60 - 1;
		snprintf(end, sizeof(end), "%sT%02d:%02d", date, to / 60,
		    to % 60);
		e.date = start;
		e.end = end;
	}
	pp_feed_add(&c->f, &e);
}

static int
load_grid(struct jctx *c, const json_t *root)
{
	const json_t *sched = json_object_get(root, "schedule");
	const json_t *sprints = json_object_get(root, "sprints");
	const json_t *extra = json_object_get(root, "extra");
	const char *date, *minute;
	json_t *rows, *item;

	if (grid_part(c, root, sched) != 0)
		return -1;
	if (json_is_object(sprints) && grid_part(c, root, sprints) != 0)
		return -1;
	if (!json_is_object(extra))
		return 0;
	json_object_foreach((json_t *)(uintptr_t)extra, date, rows)
	{
		if (!json_is_object(rows))
			continue;
		json_object_foreach(rows, minute, item)
		{
			if (c->f.stop)
				return -1;
			if (json_is_object(item))
				grid_extra(c, sched, date, minute, item);
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Indico HTTP API export (export/event/N.json?detail=contributions)  */

/*
 * An Indico date object {date, time, tz} as ISO text in buf: floating
 * when tz is the event's own zone (the feed's declared zone), with "Z"
 * for UTC, else the instant resolved in tz and written with its offset.
 * "" when o is not such an object (the caller reports it); "?" when the
 * zone is unknown or the time cannot be read (pp_feed_add reports it).
 */
static const char *
indico_time(const json_t *o, const char *event_tz, char *buf, size_t bufsz)
{
	const char *d = jstr(o, "date"), *t = jstr(o, "time"),
	           *tz = jstr(o, "tz");
	char iso[24];
	int64_t at;

	if (*d == '\0' || *t == '\0')
		return empty;
	snprintf(iso, sizeof(iso), "%.10sT%.8s", d, t);
	if (*tz == '\0' || strcmp(tz, event_tz) == 0)
		snprintf(buf, bufsz, "%s", iso);
	else if (strcmp(tz, "UTC") == 0)
		snprintf(buf, bufsz, "%sZ", iso);
	else if (pp_tz_valid(tz) && pp_tz_parse_iso(iso, tz, &at) == 0 &&
	    bufsz >= 26)
		pp_tz_format_iso(tz, at, buf);
	else
		snprintf(buf, bufsz, "?");
	return buf;
}

/* Appends an Indico person list's names ("First Last", else fullName). */
static void
indico_people(struct jctx *c, const json_t *arr)
{
	size_t i;
	json_t *p;

	json_array_foreach(arr, i, p)
	{
		const char *f = jstr(p, "first_name"),
		           *l = jstr(p, "last_name");
		char name[160];

		if (*f != '\0' && *l != '\0') {
			snprintf(name, sizeof(name), "%s %s", f, l);
			push(c, S_PERSONS, pp_tt_strdup(c->f.tt, name));
		} else if (*jstr(p, "fullName") != '\0')
			push(c, S_PERSONS, jstr(p, "fullName"));
	}
}

/* One contribution: a talk, poster or other item of an Indico event. */
static void
indico_contribution(struct jctx *c, const json_t *o, const char *event_tz)
{
	struct pp_feed_event e;
	struct pp_feed_pos line = jl(c, o, nowhere);
	const json_t *v;
	size_t i;
	json_t *m;

	clear_scratch(c);
	pp_feed_event_init(&e, line);
	if (!json_is_object(o)) {
		pp_feed_count(&c->f, line);
		pp_feed_problem(&c->f, line, "contribution is not an object");
		pp_feed_flush(&c->f, line);
		return;
	}
	e.id = jtext(o, "id", c->num[0], sizeof(c->num[0]));
	e.title = jfield(c, o, "title", line);
	e.description = jfield(c, o, "description", line);
	e.url = jfield(c, o, "url", line);
	e.track = jstr(o, "track");
	if (*e.track == '\0')
		e.track = jstr(o, "session");
	v = json_object_get(o, "type");
	e.type = json_is_object(v) ? jstr(v, "name") : jname_of(v);
	v = json_object_get(o, "startDate");
	if ((v == NULL || json_is_null(v)) && c->f.nprob == 0) {
		if (pp_feed_count(&c->f, line) == 0)
			pp_feed_warn(&c->f, line,
			    "contribution '%s' has no time: not scheduled, "
			    "skipped",
			    e.title);
		return;
	}
	e.date = indico_time(v, event_tz, c->when[0], sizeof(c->when[0]));
	e.date_at = jl(c, v, line);
	if (*e.date == '\0') {
		e.date = "?";
		pp_feed_problem(&c->f, e.date_at,
		    "startDate is not {date, time, tz}");
	}
	v = json_object_get(o, "endDate");
	e.end = indico_time(v, event_tz, c->when[1], sizeof(c->when[1]));
	e.end_at = jl(c, v, line);
	v = json_object_get(o, "duration");
	if (*e.end == '\0' && json_is_integer(v) &&
	    json_integer_value(v) >= 0 && json_integer_value(v) < 100000) {
		snprintf(c->num[1], sizeof(c->num[1]), "%d:%02d",
		    (int)(json_integer_value(v) / 60),
		    (int)(json_integer_value(v) % 60));
		e.has_duration = 1;
		e.duration = c->num[1];
		e.duration_at = jl(c, v, line);
	}
	if (*jstr(o, "roomFullname") != '\0')
		push(c, S_ROOMS, jstr(o, "roomFullname"));
	else if (*jstr(o, "room") != '\0')
		push(c, S_ROOMS, jstr(o, "room"));
	v = json_object_get(o, "speakers");
	if (json_is_array(v) && json_array_size(v) > 0)
		indico_people(c, v);
	else
		indico_people(c, json_object_get(o, "primaryauthors"));
	json_array_foreach(json_object_get(o, "keywords"), i,
	    m) if (json_is_string(m)) push(c, S_TAGS, json_string_value(m));
	add_event(c, &e);
}

/* The events of an Indico export: each result's contributions, in the
 * zone the event declares. */
static int
load_indico(struct jctx *c, const json_t *root)
{
	const json_t *results = json_object_get(root, "results");
	size_t i, j;
	json_t *r, *o;

	json_array_foreach(results, i, r)
	{
		const json_t *tz = json_object_get(r, "timezone");
		const char *zone =
		    json_is_string(tz) ? json_string_value(tz) : "";

		if (*zone != '\0' && c->f.zone == NULL &&
		    pp_feed_set_zone(&c->f, zone, jl(c, tz, first)) != 0)
			return -1;
		json_array_foreach(json_object_get(r, "contributions"), j, o)
		{
			if (c->f.stop)
				return -1;
			indico_contribution(c, o, zone);
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Content that is not read                                          */

/* Whether v is an object with a title-like and a time-like member. */
static int
event_like(const json_t *v)
{
	const char *k;
	json_t *m;
	int titled = 0, timed = 0;

	if (!json_is_object(v))
		return 0;
	json_object_foreach((json_t *)(uintptr_t)v, k, m)
	{
		if (json_is_null(m))
			continue;
		titled |= pp_feed_title_word(k);
		timed |= pp_feed_time_word(k);
	}
	return titled && timed;
}

/*
 * Reports each member of o not named in read (NULL-terminated) that
 * holds items that look like events: an array or a map of them, looking
 * depth levels into other members.  path names o in messages ("" at the
 * top).
 */
static void
report_unread(struct jctx *c, const json_t *o, const char *path,
    const char *const *read, int depth)
{
	static const char *const none[] = {NULL};
	const char *k, *sub;
	json_t *m, *x;
	size_t i, n;
	char where[128];

	if (!json_is_object(o) || depth <= 0)
		return;
	json_object_foreach((json_t *)(uintptr_t)o, k, m)
	{
		struct pp_feed_pos at = jl(c, m, first);

		for (i = 0; read[i] != NULL && strcmp(read[i], k) != 0; i++)
			;
		if (read[i] != NULL)
			continue;
		snprintf(where, sizeof(where), "%s%s%s", path,
		    *path != '\0' ? "." : "", k);
		n = 0;
		if (json_is_array(m))
			json_array_foreach(m, i, x) n += (size_t)event_like(x);
		else if (json_is_object(m)) {
			if (event_like(m))
				n = 1;
			else
				json_object_foreach(m, sub, x) n +=
				    (size_t)event_like(x);
		}
		if (n > 0)
			pp_feed_warn(&c->f, at,
			    "'%s' holds %zu item%s that look%s like events "
			    "and %s not read",
			    where, n, n == 1 ? "" : "s", n == 1 ? "s" : "",
			    n == 1 ? "is" : "are");
		else if (json_is_object(m))
			report_unread(c, m, where, none, depth - 1);
	}
}

/* Reports what the reader of each shape passes over (report_unread). */
static void
report_unread_shape(struct jctx *c, const json_t *root, int shape_id)
{
	static const char *const frab_root[] = {"schedule", NULL};
	static const char *const frab_sched[] = {"conference", "events", NULL};
	static const char *const frab_conf[] = {"days", NULL};
	static const char *const sessionize[] = {"sessions", NULL};
	static const char *const pycon[] = {"schedule", "open-spaces", NULL};
	static const char *const grid[] = {"schedule", "sprints", "extra",
	    NULL};
	static const char *const indico[] = {"results", NULL};
	static const char *const indico_event[] = {"contributions", NULL};
	const json_t *sched = json_object_get(root, "schedule");
	size_t i;
	json_t *r;

	switch (shape_id) {
	case 0:
		report_unread(c, root, "", frab_root, 3);
		report_unread(c, sched, "schedule", frab_sched, 3);
		report_unread(c, json_object_get(sched, "conference"),
		    "schedule.conference", frab_conf, 2);
		break;
	case 1:
		report_unread(c, root, "", sessionize, 3);
		break;
	case 2:
		report_unread(c, root, "", pycon, 3);
		break;
	case 3:
		report_unread(c, root, "", grid, 3);
		break;
	default:
		report_unread(c, root, "", indico, 1);
		json_array_foreach(json_object_get(root, "results"), i, r)
		    report_unread(c, r, "results[]", indico_event, 2);
		break;
	}
}

/* ---------------------------------------------------------------- */

/* Whether every key of o is a date: the pretalx grid's days. */
static int
keys_are_dates(const json_t *o)
{
	struct pp_civil d;
	const char *k;
	json_t *m;
	int any = 0;

	json_object_foreach((json_t *)(uintptr_t)o, k, m)
	{
		if (pp_parse_date(k, &d) != 0)
			return 0;
		any = 1;
	}
	return any;
}

int
pp_load_json(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	struct jctx c;
	json_error_t err;
	json_t *root, *sched;
	size_t nerr = ds->nerrors, skip = 0;
	int i, known = -1;

	memset(&c, 0, sizeof(c));
	pp_feed_init(&c.f, tt, name, opts, ds);
	if (c.f.opts->tz != NULL && *c.f.opts->tz != '\0' &&
	    !pp_tz_valid(c.f.opts->tz))
		return pp_diag_err(ds, name, 0, "unknown time zone '%s'",
		    c.f.opts->tz);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	root =
	    json_loadb(data + skip, len - skip, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL)
		return pp_diag_add(ds, PP_ERROR, name,
		    err.line > 0 ? (unsigned)err.line : 0,
		    err.column > 0 ? (unsigned)err.column : 0,
		    "not valid JSON: %s", err.text);
	build_lines(&c, root, data + skip, len - skip);
	c.seen = json_object();
	sched = json_object_get(root, "schedule");
	if (!json_is_object(root))
		shape(&c, root, first,
		    "not a known JSON programme: the top "
		    "level is not an object");
	else if (json_is_object(sched) &&
	    json_object_get(sched, "conference") != NULL) {
		known = 0;
		load_frab(&c, sched);
	} else if (json_is_array(json_object_get(root, "sessions"))) {
		known = 1;
		load_sessionize(&c, root);
	} else if (json_is_array(sched)) {
		known = 2;
		load_pycon(&c, root);
	} else if (json_is_object(sched) && keys_are_dates(sched)) {
		known = 3;
		load_grid(&c, root);
	} else if (json_is_array(json_object_get(root, "results")) &&
	    strcmp(jstr(root, "_type"), "HTTPAPIResult") == 0) {
		known = 4;
		load_indico(&c, root);
	} else
		shape(&c, root, first,
		    "not a known JSON programme "
		    "(frab/pretalx schedule, Sessionize, PyCon US "
		    "conference.json, pretalx grid or Indico export)");
	if (known >= 0)
		report_unread_shape(&c, root, known);
	if (ds->nerrors == nerr && c.f.nevents == 0)
		pp_diag_warn(ds, name, 1, "no events");
	pp_feed_fini(&c.f, ds->nerrors == nerr);
	json_decref(root);
	json_decref(c.seen);
	free(c.map);
	for (i = 0; i < S__COUNT; i++)
		free(c.sv[i]);
	return ds->nerrors > nerr ? -1 : 0;
}
