/* SPDX-License-Identifier: ISC */
/*
 * The JSON writers: a jansson document is built from the plan (or the
 * timetable) and dumped in one go, so quoting and escaping are jansson's
 * business and the schema lives in write_json.h.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pyplan/event.h"
#include "pyplan/model.h"
#include "pyplan/profile.h"
#include "pyplan/replan.h"
#include "pyplan/score.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_json.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"
#include "write_json_int.h"

/*
 * Reals print with 15 significant digits: every decimal of up to 15
 * digits survives the trip through a double, so 0.1 prints as 0.1 (the
 * default, 17 digits, prints 0.10000000000000001).
 */
#define DUMP_FLAGS                                                             \
	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/*
 * jansson allocates through pp_xmalloc, like the rest of pyplan: running
 * out of memory exits cleanly, and a NULL from jansson can then only mean
 * invalid input (bad UTF-8, a non-finite real), which the helpers below
 * handle.
 */
static void
use_xalloc(void)
{
	json_set_alloc_funcs(pp_xmalloc, free);
}

/* A JSON string; NULL pointers become "" (use opt() for nullable). */
static json_t *
str(const char *s)
{
	json_t *j;
	char *fixed;

	if (s == NULL)
		s = "";
	if ((fixed = pp_utf8_repair(s)) == NULL)
		return json_string_nocheck(s);
	j = json_string_nocheck(fixed);
	free(fixed);
	return j;
}

/* A JSON string, or null when s is NULL or empty. */
static json_t *
opt(const char *s)
{
	return s == NULL || *s == '\0' ? json_null() : str(s);
}

static json_t *
real(double d)
{
	return isfinite(d) ? json_real(d) : json_null();
}

/* Score units as an exact decimal: units / PP_SCORE_UNIT. */
static json_t *
score(int64_t units)
{
	return json_real((double)units / PP_SCORE_UNIT);
}

/* An integer setting, null when the cap is off. */
static json_t *
cap(int v)
{
	return v == PP_UNLIMITED ? json_null() : json_integer(v);
}

static json_t *
strv(const char *const *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, str(v[i]));
	return a;
}

static void
set(json_t *obj, const char *key, json_t *val)
{
	json_object_set_new_nocheck(obj, key, val);
}

/* Sets a key that comes from user data (a topic, a speaker). */
static void
set_user_key(json_t *obj, const char *key, json_t *val)
{
	char *fixed = pp_utf8_repair(key);

	json_object_set_new_nocheck(obj, fixed != NULL ? fixed : key, val);
	free(fixed);
}

/* Minutes since local midnight as "HH:MM" (1440 is "24:00"). */
static json_t *
hhmm(int minutes)
{
	char buf[16];

	if (minutes < 0)
		minutes = 0;
	snprintf(buf, sizeof(buf), "%02d:%02d", minutes / 60, minutes % 60);
	return json_string_nocheck(buf);
}

static json_t *
iso(const char *tz, int64_t t)
{
	char buf[32];

	pp_tz_format_iso(tz, t, buf);
	return json_string_nocheck(buf);
}

static json_t *
recorded(enum pp_recorded r)
{
	return r == PP_REC_UNKNOWN ? json_null()
	                           : json_boolean(r == PP_REC_YES);
}

static const char *
zone_of(const char *tz)
{
	return tz != NULL && *tz != '\0' ? tz : "UTC";
}

/* Writes root, a newline, and flushes; consumes root. */
static int
dump(FILE *fp, json_t *root)
{
	int rc;

	rc = json_dumpf(root, fp, DUMP_FLAGS);
	json_decref(root);
	if (rc != 0 || fputc('\n', fp) == EOF || fflush(fp) == EOF ||
	    ferror(fp))
		return -1;
	return 0;
}

static json_t *
conference(const struct pp_model *m)
{
	const struct pp_timetable *tt = m->tt;
	json_t *o = json_object(), *src = json_array();
	const char **files = NULL;
	size_t i, j, nfiles = 0, cap = 0;
	int64_t first = 0, last = 0;
	char buf[16];

	set(o, "name", opt(tt->name));
	set(o, "timezone", str(m->tz));
	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (i == 0 || ev->start < first)
			first = ev->start;
		/* The last second of the event decides its last day: a talk
		 * ending at midnight does not add a day. */
		if (i == 0 || ev->end - 1 > last)
			last = ev->end - 1;
		if (ev->file == NULL)
			continue;
		/* Few files, many events: compare with the files found. */
		for (j = 0; j < nfiles; j++)
			if (strcmp(files[j], ev->file) == 0)
				break;
		if (j == nfiles) {
			files = pp_xgrowarray(files, &cap, nfiles + 1,
			    sizeof(*files));
			files[nfiles++] = ev->file;
			json_array_append_new(src, str(ev->file));
		}
	}
	if (tt->n == 0) {
		set(o, "start_date", json_null());
		set(o, "end_date", json_null());
	} else {
		pp_tz_format_date(m->tz, first, buf);
		set(o, "start_date", json_string_nocheck(buf));
		pp_tz_format_date(m->tz, last, buf);
		set(o, "end_date", json_string_nocheck(buf));
	}
	free(files);
	set(o, "sources", src);
	return o;
}

static json_t *
weights(const struct pp_weighted *w, size_t n)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < n; i++)
		set_user_key(o, w[i].name, real(w[i].weight));
	return o;
}

static json_t *
refs(const struct pp_ref *r, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, str(r[i].text));
	return a;
}

/* The venue as the model read it, and what the attendee wants of it. */
static json_t *
venue_hours(const struct pp_venue_hours *h, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++) {
		json_t *y = json_object();

		set(y, "date", str(h[i].date));
		set(y, "from", hhmm(h[i].from));
		set(y, "to", hhmm(h[i].to));
		json_array_append_new(a, y);
	}
	return a;
}

static json_t *
venue(const struct pp_profile *p)
{
	const struct pp_venue *v = &p->venue;
	json_t *o = json_object(), *x;
	size_t i;

	x = json_object();
	set(x, "hours", venue_hours(v->board, v->nboard));
	set(x, "slot_minutes", json_integer(v->board_slot));
	set(x, "rooms",
	    strv((const char *const *)v->board_rooms, v->nboard_rooms));
	set(o, "open_spaces", x);
	x = json_object();
	set(x, "hours", venue_hours(v->expo, v->nexpo));
	set(x, "slot_minutes", json_integer(v->expo_slot));
	set(o, "expo", x);
	x = json_array();
	for (i = 0; i < p->nhosts; i++) {
		json_t *y = json_object();

		set(y, "title", str(p->hosts[i].title));
		set(y, "day", str(p->hosts[i].day));
		set(y, "at",
		    p->hosts[i].at >= 0 ? hhmm(p->hosts[i].at) : json_null());
		json_array_append_new(x, y);
	}
	set(o, "hosts", x);
	return o;
}

static json_t *
profile(const struct pp_model *m)
{
	const struct pp_profile *p = m->p;
	const struct pp_rules *r = &m->rules;
	json_t *o = json_object(), *x;
	size_t i;
	int c;

	set(o, "max_talks_per_day", cap(r->max_talks));
	set(o, "max_talk_minutes_per_day", cap(r->max_talk_minutes));
	set(o, "max_consecutive_talks", cap(r->max_streak));
	set(o, "min_networking_minutes", json_integer(r->min_networking));
	set(o, "min_networking_block", json_integer(r->min_block));
	set(o, "room_change_minutes", json_integer(r->room_change));
	set(o, "day_start", hhmm(r->day_start));
	set(o, "day_end", hhmm(r->day_end));
	set(o, "day_change", hhmm(r->day_change));
	if (r->lunch_minutes > 0) {
		x = json_object();
		set(x, "from", hhmm(r->lunch_from));
		set(x, "to", hhmm(r->lunch_to));
		set(x, "minutes", json_integer(r->lunch_minutes));
	} else
		x = json_null();
	set(o, "lunch", x);
	set(o, "recorded_weight", real(p->recorded_weight));
	set(o, "talk_base", real(p->talk_base));
	set(o, "networking_weight", real(p->networking_weight));
	set(o, "level", opt(p->level));
	set(o, "level_bonus", real(p->level_bonus));
	set(o, "criteria_bonus", real(p->criteria_bonus));
	set(o, "fill_with_talks", json_boolean(p->fill_with_talks));
	set(o, "plenary_weight", real(p->plenary_weight));
	set(o, "languages", opt(p->languages));
	{
		size_t nk;
		const char *const *k = pp_profile_ticket_kinds(p, &nk);

		set(o, "ticket_kinds", strv(k, nk));
	}
	x = json_array();
	for (i = 0; i < p->ntickets; i++)
		json_array_append_new(x, str(p->tickets[i].text));
	set(o, "tickets", x);
	set(o, "timezone", str(m->tz));
	x = json_array();
	for (i = 0; i < m->ndays; i++)
		json_array_append_new(x, json_string_nocheck(m->days[i].date));
	set(o, "days", x);
	set(o, "interests", weights(p->interests, p->ninterests));
	set(o, "speakers", weights(p->speakers, p->nspeakers));
	x = json_object();
	for (c = 0; c < PP_CRIT__COUNT; c++)
		set(x, pp_criterion_name((enum pp_criterion)c),
		    strv((const char *const *)p->criteria[c], p->ncriteria[c]));
	set(o, "criteria", x);
	set(o, "must", refs(p->must, p->nmust));
	set(o, "skip", refs(p->skip, p->nskip));
	x = json_array();
	for (i = 0; i < p->nbusy; i++) {
		const struct pp_busy *b = &p->busy[i];
		json_t *y = json_object();

		set(y, "label", str(b->label));
		set(y, "date", str(b->date));
		set(y, "from", hhmm(b->from));
		set(y, "to", hhmm(b->to));
		json_array_append_new(x, y);
	}
	set(o, "busy", x);
	set(o, "busy_files",
	    strv((const char *const *)p->busy_files, p->nbusy_files));
	set(o, "open_spaces_per_day", json_integer(p->open_spaces));
	set(o, "min_expo_minutes", json_integer(p->min_expo));
	set(o, "venue", venue(p));
	return o;
}

/* The item's source; an attended item says what the old plan's row
 * was. */
static const char *
source_name(const struct pp_item *it)
{
	if (it->src != PP_ITEM_ATTENDED)
		return pp_item_src_name(it->src);
	if (it->ev != NULL || it->was_id == NULL)
		return "programme";
	return strncmp(it->was_id, "hallway-", 8) == 0 ? "hallway"
	    : strncmp(it->was_id, "lunch-", 6) == 0    ? "lunch"
	                                               : "programme";
}

/*
 * The calendar UID and SEQUENCE the item has in the .ics this run writes
 * (pp_write_ics): when replanning, those of the old plan's row it is
 * (matched as the iCalendar writer matches: the model's row, else the
 * row with the same item id), SEQUENCE one more when its times, title or
 * room changed; else the UID pyplan gives the item, SEQUENCE 0.
 */
static void
set_uid(json_t *o, const struct pp_model *m, const struct pp_item *it,
    const char *item_id)
{
	const struct pp_plan_row *row = NULL;
	char uid[PP_ICS_UID_MAX];
	int seq = 0;

	if (m->replan != NULL)
		row = it->was != PP_ITEM_NONE
		    ? &m->replan->from->rows[it->was]
		    : pp_plan_file_find(m->replan->from, item_id);
	if (row != NULL) {
		if (*row->uid != '\0')
			snprintf(uid, sizeof(uid), "%s", row->uid);
		else
			pp_ics_uid_format(pp_ics_uid_hash(row->synthesized
			                          ? NULL
			                          : row->id,
			                      row->kind, row->start, row->end,
			                      row->title),
			    uid);
		seq = row->sequence +
		    (row->start != it->start || row->end != it->end ||
		        strcmp(row->title, it->title) != 0 ||
		        strcmp(row->room, it->room) != 0);
	} else
		pp_ics_uid_format(pp_ics_uid_hash(it->ev != NULL ? it->ev->id
		                                                 : NULL,
		                      pp_kind_name(it->kind), it->start,
		                      it->end,
		                      it->title != NULL ? it->title : ""),
		    uid);
	set(o, "uid", str(uid));
	if (m->replan != NULL)
		set(o, "sequence", json_integer(seq));
}

/* Where the profile's terms matched the event (pp_score match). */
static json_t *
matches(const struct pp_model *m, const struct pp_event *ev)
{
	const struct pp_score *s;
	json_t *a = json_array(), *o, *f;
	size_t i, n;
	unsigned b;

	if (ev == NULL || (s = pp_model_event_score(m, ev)) == NULL)
		return a;
	n = s->nmatch < PP_SCORE_MATCH_MAX ? s->nmatch : PP_SCORE_MATCH_MAX;
	for (i = 0; i < n; i++) {
		const struct pp_score_match *x = &s->match[i];

		o = json_object();
		f = json_array();
		set(o, "term", str(x->name));
		set(o, "kind",
		    json_string_nocheck(pp_score_match_kind_name(x->kind)));
		set(o, "weight", score(x->weight));
		set(o, "relevance", score(x->rel));
		for (b = 1; b <= PP_FIELD_SPEAKERS; b <<= 1)
			if (x->fields & b)
				json_array_append_new(f,
				    json_string_nocheck(
				        pp_score_field_name(b)));
		set(o, "fields", f);
		set(o, "per_hour", score(x->units));
		json_array_append_new(a, o);
	}
	return a;
}

/* The names of the criteria in mask, in pp_criterion order. */
static json_t *
crit_names(unsigned mask)
{
	json_t *a = json_array();
	int c;

	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (mask & (1u << c))
			json_array_append_new(a,
			    json_string_nocheck(
			        pp_criterion_name((enum pp_criterion)c)));
	return a;
}

/* A poster session's posters: [{id, title, speakers, match}], match
 * when the profile's terms matched the poster. */
static json_t *
posters(const struct pp_model *m, const struct pp_item *it)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < it->nmembers; i++) {
		const struct pp_event *ev = it->members[i];
		const struct pp_score *sc = pp_model_event_score(m, ev);
		json_t *o = json_object();

		set(o, "id", str(ev->id));
		set(o, "title", str(ev->title));
		set(o, "speakers", strv(ev->speakers, ev->nspeakers));
		set(o, "match", json_boolean(sc != NULL && sc->nmatch > 0));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
item(const struct pp_plan *pl, const struct pp_item *it)
{
	const struct pp_model *m = pl->m;
	const struct pp_event *ev =
	    it->src == PP_ITEM_EVENT || it->src == PP_ITEM_ATTENDED ? it->ev
	                                                            : NULL;
	const char *tz = m->tz;
	json_t *o = json_object();
	char idbuf[PP_ITEM_ID_MAX];
	const char *id = pp_item_id(it, tz, idbuf);

	set(o, "id", str(id));
	set(o, "kind", json_string_nocheck(pp_kind_name(it->kind)));
	set(o, "class", json_string_nocheck(pp_item_class_name(it)));
	set(o, "source", json_string_nocheck(source_name(it)));
	set(o, "title", str(it->title));
	set(o, "start", iso(tz, it->start));
	set(o, "end", iso(tz, it->end));
	set(o, "minutes", json_integer(it->minutes));
	set(o, "room", opt(it->room));
	set(o, "rooms", strv(it->rooms, it->nrooms));
	set(o, "speakers",
	    ev != NULL ? strv(ev->speakers, ev->nspeakers) : json_array());
	set(o, "tags", ev != NULL ? strv(ev->tags, ev->ntags) : json_array());
	set(o, "url", opt(ev != NULL ? ev->url : NULL));
	set(o, "video_url", opt(ev != NULL ? ev->video_url : NULL));
	set(o, "recorded",
	    recorded(ev != NULL ? ev->recorded : PP_REC_UNKNOWN));
	set(o, "score", score(it->score));
	set(o, "must", json_boolean(it->must));
	set(o, "reason", opt(it->reason));
	set(o, "matches", matches(m, ev));
	set(o, "lang", opt(ev != NULL ? ev->lang : NULL));
	set(o, "criteria", crit_names(it->crit & m->crit_active));
	if (it->nmembers > 0)
		set(o, "posters", posters(m, it));
	set_uid(o, m, it, id);
	if (m->replan != NULL)
		set(o, "status",
		    json_string_nocheck(
		        pp_change_name(pp_plan_item_change(pl, it))));
	return o;
}

/* The day's networking minutes by source, every source present:
 * {"hallway": 70, "open_spaces": 120, ...}. */
static json_t *
by_source(const struct pp_plan_day *d)
{
	json_t *o = json_object();
	int s;

	for (s = 0; s < PP_NET__COUNT; s++) {
		char key[32];
		size_t k;

		snprintf(key, sizeof(key), "%s",
		    pp_net_src_name((enum pp_net_src)s));
		for (k = 0; key[k] != '\0'; k++)
			if (key[k] == ' ')
				key[k] = '_';
		set(o, key, json_integer(d->net_by_src[s]));
	}
	return o;
}

/* What changed against the old plan (build --from), or NULL. */
static json_t *
changes(const struct pp_plan *pl)
{
	const struct pp_replan *r = pl->m->replan;
	const char *tz = pl->m->tz;
	struct pp_changes c;
	json_t *o, *a;
	size_t i;

	if (r == NULL)
		return NULL;
	pp_plan_changes(pl, &c);
	o = json_object();
	set(o, "from", str(r->from->path));
	set(o, "now", iso(tz, r->now));
	set(o, "change_penalty", score(c.penalty));
	set(o, "changes", json_integer((json_int_t)c.changes));
	set(o, "cost", score(c.cost));
	set(o, "attended", json_integer((json_int_t)c.attended));
	set(o, "kept", json_integer((json_int_t)c.kept));
	set(o, "moved", json_integer((json_int_t)c.moved));
	set(o, "added", json_integer((json_int_t)c.added));
	a = json_array();
	for (i = 0; i < c.ndropped; i++) {
		const struct pp_plan_row *row = c.dropped[i].row;
		json_t *x = json_object();

		set(x, "id", str(row->id));
		set(x, "title", str(row->title));
		set(x, "kind", opt(row->kind));
		set(x, "room", opt(row->room));
		set(x, "start", iso(tz, row->start));
		set(x, "end", iso(tz, row->end));
		set(x, "why", json_string_nocheck(c.dropped[i].why));
		json_array_append_new(a, x);
	}
	set(o, "dropped", a);
	pp_changes_fini(&c);
	return o;
}

static json_t *
day(const struct pp_plan *pl, const struct pp_plan_day *d)
{
	const struct pp_model *m = pl->m;
	const struct pp_rules *p = &m->rules;
	json_t *o = json_object(), *items = json_array(), *x;
	size_t i;

	set(o, "date", str(d->md->date));
	for (i = 0; i < d->n; i++)
		json_array_append_new(items, item(pl, d->items[i]));
	set(o, "items", items);
	x = json_object();
	set(x, "talks", json_integer(d->talks));
	set(x, "talk_minutes", json_integer(d->talk_minutes));
	set(x, "networking_minutes", json_integer(d->networking_minutes));
	set(x, "networking_by_source", by_source(d));
	/* hallway runs shorter than min-networking-block: free time, not
	 * items, worth their value */
	set(x, "short_hallway_minutes", json_integer(d->free_minutes));
	set(x, "short_hallway_score", score(d->free_score));
	set(x, "score", score(d->score));
	set(o, "totals", x);
	x = json_object();
	set(x, "max_talks", cap(p->max_talks));
	set(x, "max_talk_minutes", cap(p->max_talk_minutes));
	/* the minimum that binds on this day (pp_day_rules) */
	set(x, "min_networking", json_integer(d->md->rules.min_networking));
	/* the open spaces the day needs: open-spaces-per-day, or as many
	 * board slots as the day offers (none while a single-track plenary
	 * runs) */
	set(x, "min_open_spaces", json_integer(d->md->rules.min_open));
	set(o, "caps", x);
	set(o, "open", json_boolean(pp_model_day_open(d->md)));
	/* talk-load events of the day left out for want of a ticket */
	set(o, "need_ticket", json_integer(d->md->nticket));
	return o;
}

static json_t *
watch_later(const struct pp_plan *pl)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < pl->nwatch; i++) {
		const struct pp_event *ev = pl->watch_later[i];
		const struct pp_score *sc = pp_model_event_score(pl->m, ev);
		json_t *o = json_object();

		set(o, "id", str(ev->id));
		set(o, "title", str(ev->title));
		set(o, "speakers", strv(ev->speakers, ev->nspeakers));
		set(o, "score", sc != NULL ? score(sc->value) : json_null());
		set(o, "raw_score", sc != NULL ? score(sc->raw) : json_null());
		set(o, "video_url", opt(ev->video_url));
		set(o, "url", opt(ev->url));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
criteria_covered(const struct pp_plan *pl)
{
	json_t *x = json_array();
	int c;

	for (c = 0; c < PP_CRIT__COUNT; c++)
		if (pl->crit_covered & (1u << c))
			json_array_append_new(x,
			    json_string_nocheck(
			        pp_criterion_name((enum pp_criterion)c)));
	return x;
}

int
pp_write_json(FILE *fp, const struct pp_plan *pl, const struct pp_write_opts *o)
{
	const struct pp_model *m = pl->m;
	json_t *root, *x;
	double secs;
	size_t i;

	(void)o;
	use_xalloc();
	root = json_object();
	set(root, "schema_version", json_integer(PP_JSON_SCHEMA_VERSION));
	set(root, "generator", json_string_nocheck(PP_GENERATOR));
	set(root, "conference", conference(m));
	set(root, "profile", profile(m));
	x = json_array();
	for (i = 0; i < pl->ndays; i++)
		json_array_append_new(x, day(pl, &pl->days[i]));
	set(root, "days", x);
	if ((x = changes(pl)) != NULL)
		set(root, "changes", x);
	set(root, "watch_later", watch_later(pl));
	set(root, "score", score(pl->score));
	set(root, "optimal", json_boolean(pl->optimal));
	set(root, "criteria_covered", criteria_covered(pl));
	x = json_object();
	set(x, "labels", json_integer((json_int_t)pl->stats.labels));
	set(x, "max_front", json_integer((json_int_t)pl->stats.max_front));
	set(x, "searches", json_integer((json_int_t)pl->stats.searches));
	/* Wall time varies from run to run; golden files set
	 * SOURCE_DATE_EPOCH to get a fixed 0.  Microseconds are plenty. */
	secs = getenv("SOURCE_DATE_EPOCH") != NULL
	    ? 0.0
	    : round(pl->stats.seconds * 1e6) / 1e6;
	set(x, "seconds", real(secs));
	set(root, "solver", x);
	return dump(fp, root);
}

static json_t *
event(const struct pp_event *ev)
{
	const char *tz = zone_of(ev->tz);
	json_t *o = json_object();

	set(o, "id", str(ev->id));
	set(o, "kind", json_string_nocheck(pp_kind_name(ev->kind)));
	set(o, "kind_word", opt(ev->kind_word));
	set(o, "title", str(ev->title));
	set(o, "start", iso(tz, ev->start));
	set(o, "end", iso(tz, ev->end));
	set(o, "timezone", str(tz));
	set(o, "rooms", strv(ev->rooms, ev->nrooms));
	set(o, "room", opt(ev->room));
	set(o, "track", opt(ev->track));
	set(o, "tags", strv(ev->tags, ev->ntags));
	set(o, "speakers", strv(ev->speakers, ev->nspeakers));
	set(o, "level", opt(ev->level));
	set(o, "lang", opt(ev->lang));
	set(o, "recorded", recorded(ev->recorded));
	set(o, "url", opt(ev->url));
	set(o, "video_url", opt(ev->video_url));
	set(o, "abstract", opt(ev->abstract));
	return o;
}

int
pp_write_timetable_json(FILE *fp, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel)
{
	json_t *root, *a;
	size_t i, n = sel != NULL ? nsel : tt->n;

	use_xalloc();
	root = json_object();
	set(root, "schema_version", json_integer(PP_JSON_SCHEMA_VERSION));
	set(root, "generator", json_string_nocheck(PP_GENERATOR));
	set(root, "name", opt(tt->name));
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a,
		    event(sel != NULL ? sel[i] : &tt->ev[i]));
	set(root, "events", a);
	return dump(fp, root);
}

json_t *
pp_json_event(const struct pp_event *ev)
{
	use_xalloc();
	return event(ev);
}

json_t *
pp_json_plan_days(const struct pp_plan *pl)
{
	json_t *x;
	size_t i;

	use_xalloc();
	x = json_array();
	for (i = 0; i < pl->ndays; i++)
		json_array_append_new(x, day(pl, &pl->days[i]));
	return x;
}

void
pp_json_plan_parts(const struct pp_plan *pl, json_t *obj)
{
	use_xalloc();
	set(obj, "conference", conference(pl->m));
	set(obj, "profile", profile(pl->m));
	set(obj, "days", pp_json_plan_days(pl));
	set(obj, "watch_later", watch_later(pl));
	set(obj, "score", score(pl->score));
	set(obj, "optimal", json_boolean(pl->optimal));
	set(obj, "criteria_covered", criteria_covered(pl));
}

json_t *
pp_json_score(int64_t units)
{
	return score(units);
}

json_t *
pp_json_string(const char *s)
{
	use_xalloc();
	return str(s);
}

json_t *
pp_json_iso(const char *zone, int64_t t)
{
	use_xalloc();
	return iso(zone, t);
}

json_t *
pp_json_strings(const char *const *v, size_t n)
{
	use_xalloc();
	return strv(v, n);
}

int
pp_json_dump(FILE *fp, json_t *root)
{
	return dump(fp, root);
}

int
pp_write_demand_json(FILE *fp, const struct pp_demand *d)
{
	json_t *root, *x, *rows;
	size_t i;

	use_xalloc();
	root = json_object();
	set(root, "schema_version", json_integer(1));
	set(root, "generator", json_string_nocheck(PP_GENERATOR));
	if (d->shard_count > 0) {
		x = json_object();
		set(x, "index", json_integer(d->shard_index));
		set(x, "count", json_integer(d->shard_count));
	} else
		x = json_null();
	set(root, "shard", x);
	x = json_object();
	set(x, "planned", json_integer((json_int_t)d->planned));
	set(x, "failed", json_integer((json_int_t)d->failed));
	set(root, "attendees", x);
	rows = json_array();
	for (i = 0; i < d->n; i++) {
		const struct pp_demand_row *row = &d->rows[i];
		int known = row->capacity >= 0;

		x = json_object();
		set(x, "id", str(row->id));
		set(x, "title", str(row->title));
		set(x, "kind", str(row->kind));
		set(x, "start", str(row->start));
		set(x, "end", str(row->end));
		set(x, "room", opt(row->room));
		set(x, "capacity",
		    known ? json_integer(row->capacity) : json_null());
		set(x, "attendees", json_integer((json_int_t)row->attendees));
		set(x, "overflow",
		    known ? json_boolean(
		                row->attendees > (unsigned long)row->capacity)
		          : json_null());
		set(x, "fill_percent",
		    known ? json_integer((json_int_t)pp_demand_fill(row))
		          : json_null());
		json_array_append_new(rows, x);
	}
	set(root, "sessions", rows);
	return dump(fp, root);
}
