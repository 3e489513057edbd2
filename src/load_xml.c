/* SPDX-License-Identifier: ISC */
/*
 * The frab/Pentabarf XML reader on libxml2: each <event> becomes a feed
 * event checked by the feed core (feed.h).  XML is parsed without network
 * access, without DTD loading and without entity substitution, and a
 * DOCTYPE that declares entities is refused outright, so a programme file
 * cannot expand or fetch anything.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "pyplan/feed.h"
#include "pyplan/load_xml.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* XML errors reported per file before the rest are dropped. */
#define MAX_XML_ERRORS 10

static const char empty[] = "";

/* Strings libxml2 allocated for the event being read. */
struct owned {
	xmlChar **v;
	size_t n, cap;
};

struct xml_state {
	struct pp_feed f;
	int refused; /* the DOCTYPE declared an entity */
	unsigned refused_line;
	char entity[64];
	struct {
		unsigned line;
		char msg[200];
	} err[MAX_XML_ERRORS];
	int nerr, more_errors;
	struct owned own;
	const char **persons, **link_url, **link_title;
	size_t npersons, pcap, nlinks, lcap, lcap2;
	size_t events; /* <event> elements seen */
};

/*
 * libxml2 calls this for every <!ENTITY> of the DOCTYPE, before any
 * reference to it can be expanded: the parse stops there, so neither an
 * exponential expansion nor an external resource is ever reached.
 */
static void
on_entity_decl(void *ctx, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;

	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	if (!st->refused) {
		st->refused = 1;
		st->refused_line = p->input != NULL && p->input->line > 0
		    ? (unsigned)p->input->line
		    : 0;
		snprintf(st->entity, sizeof(st->entity), "%s",
		    name != NULL ? (const char *)name : "");
	}
	xmlStopParser(p);
}

/* libxml2's structured error channel: keeps errors, never prints. */
static void
on_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;
	size_t n;

	if (err == NULL || err->level < XML_ERR_ERROR || st->refused)
		return;
	if (st->nerr == MAX_XML_ERRORS) {
		st->more_errors = 1;
		return;
	}
	st->err[st->nerr].line = err->line > 0 ? (unsigned)err->line : 0;
	snprintf(st->err[st->nerr].msg, sizeof(st->err[0].msg), "%s",
	    err->message != NULL ? err->message : "unknown error");
	n = strlen(st->err[st->nerr].msg);
	while (n > 0 && isspace((unsigned char)st->err[st->nerr].msg[n - 1]))
		st->err[st->nerr].msg[--n] = '\0';
	st->err[st->nerr].msg[0] =
	    (char)tolower((unsigned char)st->err[st->nerr].msg[0]);
	st->nerr++;
}

static int
is_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static unsigned
line_of(const xmlNode *n)
{
	long l = xmlGetLineNo(n);

	return l > 0 && l <= (long)UINT_MAX ? (unsigned)l : 0;
}

static struct pp_feed_pos
at_of(const xmlNode *n)
{
	struct pp_feed_pos at;

	at.line = line_of(n);
	at.col = 0;
	return at;
}

/* Keeps a libxml2 string until the event is done; returns it trimmed
 * ("" for NULL). */
static const char *
keep(struct xml_state *st, xmlChar *s)
{
	char *p, *e;

	if (s == NULL)
		return empty;
	st->own.v = pp_xgrowarray(st->own.v, &st->own.cap, st->own.n + 1,
	    sizeof(*st->own.v));
	st->own.v[st->own.n++] = s;
	for (p = (char *)s; isspace((unsigned char)*p); p++)
		;
	for (e = p + strlen(p); e > p && isspace((unsigned char)e[-1]); e--)
		;
	*e = '\0';
	return p;
}

static void
release(struct xml_state *st)
{
	size_t i;

	for (i = 0; i < st->own.n; i++)
		xmlFree(st->own.v[i]);
	st->own.n = 0;
	st->npersons = 0;
	st->nlinks = 0;
}

static const char *
text_of(struct xml_state *st, const xmlNode *n)
{
	return keep(st, xmlNodeGetContent(n));
}

static const char *
attr_of(struct xml_state *st, const xmlNode *n, const char *name)
{
	return keep(st, xmlGetProp(n, (const xmlChar *)name));
}

/* The first child element called name, or NULL. */
static const xmlNode *
child(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (is_elem(c, name))
			return c;
	return NULL;
}

/* Reads a boolean element into *v (1, 0); a bad value is a problem. */
static void
xml_bool(struct xml_state *st, const xmlNode *n, int *v)
{
	const char *s = text_of(st, n);
	int b = pp_feed_bool(s);

	if (b >= 0)
		*v = b;
	else if (b == -1)
		pp_feed_problem(&st->f, at_of(n),
		    "%s '%s' is not true or "
		    "false",
		    (const char *)n->name, s);
}

static void
read_event(struct xml_state *st, const xmlNode *ev, const char *day_date,
    const char *day_start, const char *room_name)
{
	struct pp_feed_event e;
	const xmlNode *c, *p;
	const char *room = room_name;
	int optout = -1, dnr = -1, dns = -1;

	st->events++;
	pp_feed_event_init(&e, at_of(ev));
	e.guid = attr_of(st, ev, "guid");
	e.id = attr_of(st, ev, "id");
	e.day_date = day_date;
	e.day_start = day_start;
	/* Problems of the child elements (a bad boolean) are reported by
	 * pp_feed_add with its own. */
	st->f.nprob = 0;
	for (c = ev->children; c != NULL; c = c->next) {
		const char *name = (const char *)c->name;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "date") == 0) {
			e.date = text_of(st, c);
			e.date_at = at_of(c);
		} else if (strcmp(name, "start") == 0) {
			e.start = text_of(st, c);
			e.start_at = at_of(c);
		} else if (strcmp(name, "duration") == 0) {
			e.duration = text_of(st, c);
			e.duration_at = at_of(c);
			e.has_duration = 1;
		} else if (strcmp(name, "room") == 0) {
			const char *r = text_of(st, c);

			if (*r != '\0')
				room = r;
		} else if (strcmp(name, "title") == 0)
			e.title = text_of(st, c);
		else if (strcmp(name, "subtitle") == 0)
			e.subtitle = text_of(st, c);
		else if (strcmp(name, "track") == 0)
			e.track = text_of(st, c);
		else if (strcmp(name, "type") == 0)
			e.type = text_of(st, c);
		else if (strcmp(name, "abstract") == 0)
			e.abstract = text_of(st, c);
		else if (strcmp(name, "description") == 0)
			e.description = text_of(st, c);
		else if (strcmp(name, "url") == 0)
			e.url = text_of(st, c);
		else if (strcmp(name, "persons") == 0) {
			for (p = c->children; p != NULL; p = p->next) {
				if (!is_elem(p, "person"))
					continue;
				st->persons =
				    pp_xgrowarray(st->persons, &st->pcap,
				        st->npersons + 1, sizeof(*st->persons));
				st->persons[st->npersons++] = text_of(st, p);
			}
		} else if (strcmp(name, "links") == 0) {
			for (p = c->children; p != NULL; p = p->next) {
				if (!is_elem(p, "link"))
					continue;
				st->link_url =
				    pp_xgrowarray(st->link_url, &st->lcap,
				        st->nlinks + 1, sizeof(*st->link_url));
				st->link_title = pp_xgrowarray(st->link_title,
				    &st->lcap2, st->nlinks + 1,
				    sizeof(*st->link_title));
				st->link_url[st->nlinks] =
				    attr_of(st, p, "href");
				st->link_title[st->nlinks++] = text_of(st, p);
			}
		} else if (strcmp(name, "recording") == 0) {
			if ((p = child(c, "optout")) != NULL)
				xml_bool(st, p, &optout);
		} else if (strcmp(name, "do_not_record") == 0)
			xml_bool(st, c, &dnr);
		else if (strcmp(name, "do_not_stream") == 0)
			xml_bool(st, c, &dns);
	}
	if (*room != '\0') {
		e.rooms = &room;
		e.nrooms = 1;
	}
	e.persons = st->persons;
	e.npersons = st->npersons;
	e.link_url = st->link_url;
	e.link_title = st->link_title;
	e.nlinks = st->nlinks;
	/* An opt-out or do_not_record decides; an event that is not even
	 * streamed is taken as not recorded. */
	if (optout == 1 || dnr == 1)
		e.recorded = PP_REC_NO;
	else if (optout == 0 || dnr == 0)
		e.recorded = dns == 1 ? PP_REC_NO : PP_REC_YES;
	else if (dns == 1)
		e.recorded = PP_REC_NO;
	pp_feed_add(&st->f, &e);
	release(st);
}

static int
read_conference(struct xml_state *st, const xmlNode *conf)
{
	const xmlNode *c;
	int secs;

	for (c = conf->children; c != NULL; c = c->next) {
		if (is_elem(c, "title") && st->f.tt->name == NULL) {
			const char *t = pp_feed_line(st->f.tt, text_of(st, c));

			if (*t != '\0')
				st->f.tt->name = t;
		} else if (is_elem(c, "time_zone_name")) {
			const char *z = text_of(st, c);

			if (*z != '\0' &&
			    pp_feed_set_zone(&st->f, z, at_of(c)) != 0) {
				release(st);
				return -1;
			}
		} else if (is_elem(c, "day_change")) {
			if (pp_feed_parse_clock(text_of(st, c), &secs) == 0)
				st->f.day_change = secs;
		}
	}
	release(st);
	return 0;
}

static void
read_day(struct xml_state *st, const xmlNode *day)
{
	const xmlNode *c, *e;
	xmlChar *date = xmlGetProp(day, (const xmlChar *)"date");
	xmlChar *start = xmlGetProp(day, (const xmlChar *)"start");
	const char *d = date != NULL ? (const char *)date : empty;
	const char *s = start != NULL ? (const char *)start : empty;

	for (c = day->children; c != NULL && !st->f.stop; c = c->next) {
		if (is_elem(c, "event"))
			read_event(st, c, d, s, empty);
		else if (is_elem(c, "room")) {
			xmlChar *room = xmlGetProp(c, (const xmlChar *)"name");

			for (e = c->children; e != NULL && !st->f.stop;
			     e = e->next)
				if (is_elem(e, "event"))
					read_event(st, e, d, s,
					    room != NULL ? (const char *)room
					                 : empty);
			xmlFree(room);
		}
	}
	xmlFree(date);
	xmlFree(start);
}

/* Whether the document's DTD holds entity declarations after all. */
static int
has_entities(const xmlDoc *doc)
{
	const xmlDtd *dtd = doc->intSubset;

	return dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL);
}

int
pp_load_xml(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	struct xml_state st;
	xmlParserCtxtPtr p;
	xmlDocPtr doc;
	const xmlNode *root, *c;
	size_t nerr = ds->nerrors;
	int i;

	memset(&st, 0, sizeof(st));
	pp_feed_init(&st.f, tt, name, opts, ds);
	if (len > INT_MAX)
		return pp_diag_err(ds, name, 0, "input too large for XML");
	if (st.f.opts->tz != NULL && *st.f.opts->tz != '\0' &&
	    !pp_tz_valid(st.f.opts->tz))
		return pp_diag_err(ds, name, 0, "unknown time zone '%s'",
		    st.f.opts->tz);
	if ((p = xmlNewParserCtxt()) == NULL)
		return pp_diag_err(ds, name, 0, "out of memory for XML");
	p->_private = &st;
	p->sax->entityDecl = on_entity_decl;
	p->sax->serror = on_error;
	/* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD (no
	 * external DTD is read), NONET (nothing is fetched), and no HUGE
	 * (libxml2 keeps its depth and size limits). */
	doc = xmlCtxtReadMemory(p, data, (int)len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	if (st.refused || (doc != NULL && has_entities(doc))) {
		pp_diag_err(ds, name, st.refused_line,
		    "DOCTYPE declares "
		    "entity '%s': refused (entities can expand without bound "
		    "or read other files)",
		    st.entity);
		goto out;
	}
	for (i = 0; i < st.nerr; i++) {
		if (strstr(st.err[i].msg, "excessive depth") != NULL)
			pp_diag_err(ds, name, st.err[i].line,
			    "XML nested "
			    "deeper than %d elements: refused",
			    PP_XML_MAX_DEPTH);
		else
			pp_diag_err(ds, name, st.err[i].line,
			    "not well-formed XML: %s", st.err[i].msg);
	}
	if (st.more_errors)
		pp_diag_err(ds, name, 0, "more XML errors not shown");
	if (st.nerr > 0 || doc == NULL) {
		if (ds->nerrors == nerr)
			pp_diag_err(ds, name, 0, "not well-formed XML");
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_elem(root, "schedule")) {
		pp_diag_err(ds, name, root != NULL ? line_of(root) : 0,
		    "not a frab schedule: the root element is <%s>, not "
		    "<schedule>",
		    root != NULL ? (const char *)root->name : "");
		goto out;
	}
	for (c = root->children; c != NULL; c = c->next)
		if (is_elem(c, "conference") && read_conference(&st, c) != 0)
			goto out;
	for (c = root->children; c != NULL && !st.f.stop; c = c->next)
		if (is_elem(c, "day"))
			read_day(&st, c);
	if (st.events == 0)
		pp_diag_warn(ds, name, line_of(root),
		    "no <event> elements: no events");
out:
	release(&st);
	free(st.own.v);
	free(st.persons);
	free(st.link_url);
	free(st.link_title);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(p);
	return ds->nerrors > nerr ? -1 : 0;
}
