/* SPDX-License-Identifier: ISC */
/*
 * The frab/Pentabarf XML reader on libxml2's SAX2 interface: the document
 * streams through a few callbacks that keep the text of the elements an
 * event needs and hand each <event> to the feed core (feed.h), with no
 * tree built.  XML is parsed without network access, without DTD loading
 * and without entity substitution; a DOCTYPE that declares entities or
 * names an external DTD is refused, and so is an element with more
 * attributes than PP_XML_MAX_ATTRS (libxml2 2.9 checks attributes for
 * duplicates in quadratic time), so a programme file can neither expand,
 * fetch nor stall anything.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "pyplan/feed.h"
#include "pyplan/load_xml.h"
#include "pyplan/tz.h"
#include "pyplan/xalloc.h"

/* XML errors reported per file before the rest are dropped. */
#define MAX_XML_ERRORS 10
/* Element names reported as unread event-like content, per file. */
#define MAX_UNREAD 8
/* No offset: the field is absent. */
#define NOFF ((size_t)-1)

static const char empty[] = "";

/* What an open element is to the reader. */
enum frame {
	FR_SCHEDULE,   /* the root */
	FR_CONFERENCE, /* <conference> */
	FR_DAY,        /* <day> */
	FR_ROOM,       /* <room> of a day */
	FR_EVENT,      /* <event> */
	FR_FIELD,      /* an element whose text is kept */
	FR_PERSONS,    /* <persons> of an event */
	FR_LINKS,      /* <links> of an event */
	FR_RECORDING,  /* <recording> of an event */
	FR_OTHER,      /* not read: watched for event-like content */
	FR_SKIP        /* not read, inside something read */
};

/* The kept text fields of an event (and of the conference). */
enum field {
	XF_DATE,
	XF_START,
	XF_DURATION,
	XF_ROOM,
	XF_TITLE,
	XF_SUBTITLE,
	XF_TRACK,
	XF_TYPE,
	XF_ABSTRACT,
	XF_DESCRIPTION,
	XF_URL,
	XF_OPTOUT,
	XF_DNR,
	XF_DNS,
	XF_GUID,
	XF_ID,
	XF_LANGUAGE,
	XF__EVENT,
	/* list items and conference fields, kept elsewhere */
	XF_PERSON = XF__EVENT,
	XF_LINK,
	XF_CONF_TITLE,
	XF_CONF_ZONE,
	XF_CONF_DAY_CHANGE
};

/* The <event> children kept, by name. */
static const struct {
	const char *name;
	enum field f;
} event_fields[] = {
    {"date", XF_DATE},
    {"start", XF_START},
    {"duration", XF_DURATION},
    {"room", XF_ROOM},
    {"title", XF_TITLE},
    {"subtitle", XF_SUBTITLE},
    {"track", XF_TRACK},
    {"type", XF_TYPE},
    {"abstract", XF_ABSTRACT},
    {"description", XF_DESCRIPTION},
    {"url", XF_URL},
    {"do_not_record", XF_DNR},
    {"do_not_stream", XF_DNS},
    {"language", XF_LANGUAGE},
};

/* A growing buffer of NUL-terminated strings, addressed by offset (the
 * buffer moves as it grows). */
struct sbuf {
	char *s;
	size_t n, cap;
};

struct frame_rec {
	enum frame kind;
	const char *name;  /* libxml2's dictionary string */
	unsigned line;     /* where the element starts */
	int titled, timed; /* FR_OTHER: has title-like, time-like children */
};

struct unread {
	char name[48];
	unsigned line;
	size_t count;
};

struct xml_state {
	struct pp_feed f;
	xmlParserCtxtPtr p;
	/* refusals */
	int refused; /* the DOCTYPE declared an entity or an external DTD */
	unsigned refused_line;
	char refused_msg[200];
	/* libxml2's errors */
	struct {
		unsigned line;
		char msg[200];
	} err[MAX_XML_ERRORS];
	int nerr, more_errors;
	/* open elements */
	struct frame_rec stack[PP_XML_MAX_DEPTH + 2];
	size_t depth;
	int root_seen, not_frab;
	/* text being kept */
	int collecting;
	enum field target;
	struct pp_feed_pos target_at;
	struct sbuf text;
	/* the enclosing day and room */
	struct sbuf day; /* date, start, end */
	size_t day_date, day_start, day_end;
	struct sbuf room;
	/* the event being read */
	int in_event;
	struct sbuf ev;
	size_t off[XF__EVENT];
	struct pp_feed_pos at[XF__EVENT];
	struct pp_feed_pos ev_at;
	size_t *persons, npersons, pcap;
	size_t *lurl, *ltitle, nlinks, lcap, lcap2;
	/* events seen, and unread content that looks like events */
	size_t events;
	struct unread unread[MAX_UNREAD];
	size_t nunread;
};

/* ---------------------------------------------------------------- */
/* Small helpers                                                     */

static void
sb_clear(struct sbuf *b)
{
	b->n = 0;
}

/* Appends len bytes of s and a NUL; returns the offset of the copy. */
static size_t
sb_add(struct sbuf *b, const char *s, size_t len)
{
	size_t at = b->n;

	b->s = pp_xgrowarray(b->s, &b->cap, b->n + len + 1, 1);
	if (len > 0)
		memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n++] = '\0';
	return at;
}

/* Appends len bytes of s with blanks trimmed at both ends. */
static size_t
sb_add_trimmed(struct sbuf *b, const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	return sb_add(b, s, len);
}

/*
 * Appends an attribute value as SAX2 hands it over.  Without entity
 * substitution libxml2 writes an ampersand of an attribute (from &amp; or
 * &#38;) as "&#38;", for a later pass that a tree builder makes; no other
 * '&' can remain once entity declarations are refused.
 */
static size_t
sb_add_attr(struct sbuf *b, const xmlChar *v, const xmlChar *end)
{
	const char *s = (const char *)v;
	size_t len = (size_t)(end - v), i, o, at;

	at = sb_add_trimmed(b, s, len);
	if (memchr(b->s + at, '&', b->n - 1 - at) == NULL)
		return at;
	for (i = o = at; b->s[i] != '\0'; o++) {
		if (strncmp(b->s + i, "&#38;", 5) == 0) {
			b->s[o] = '&';
			i += 5;
		} else
			b->s[o] = b->s[i++];
	}
	b->s[o] = '\0';
	b->n = o + 1;
	return at;
}

static unsigned
cur_line(const struct xml_state *st)
{
	const xmlParserCtxt *p = st->p;

	return p->input != NULL && p->input->line > 0 &&
	        (unsigned long)p->input->line <= UINT_MAX
	    ? (unsigned)p->input->line
	    : 0;
}

static struct pp_feed_pos
here(const struct xml_state *st)
{
	struct pp_feed_pos at;

	at.line = cur_line(st);
	at.col = 0;
	return at;
}

/* The value of attribute name among SAX2's (localname, prefix, URI,
 * value, end) quintuples, appended to b; NOFF when absent. */
static size_t
attr(struct sbuf *b, int n, const xmlChar **a, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (a[5 * i + 1] == NULL &&
		    strcmp((const char *)a[5 * i], name) == 0)
			return sb_add_attr(b, a[5 * i + 3], a[5 * i + 4]);
	return NOFF;
}

static const char *
str_at(const struct sbuf *b, size_t off)
{
	return off == NOFF ? empty : b->s + off;
}

/* ---------------------------------------------------------------- */
/* Refusals and errors                                               */

/* Stops the parse for good; the first refusal's message is kept. */
static int
refuse(struct xml_state *st)
{
	int first = !st->refused;

	st->refused = 1;
	if (first)
		st->refused_line = cur_line(st);
	xmlStopParser(st->p);
	return first;
}

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
	if (refuse(st))
		snprintf(st->refused_msg, sizeof(st->refused_msg),
		    "DOCTYPE declares entity '%.64s': refused (entities can "
		    "expand without bound or read other files)",
		    name != NULL ? (const char *)name : "");
}

/* The DOCTYPE: one that names an external DTD is refused, as documented
 * (pyplan never reads one, and a feed needs none). */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;

	(void)name;
	if ((external_id != NULL || system_id != NULL) && refuse(st))
		snprintf(st->refused_msg, sizeof(st->refused_msg),
		    "DOCTYPE names an external DTD '%.100s': refused (pyplan "
		    "never reads a DTD; remove the DOCTYPE)",
		    system_id != NULL ? (const char *)system_id
		                      : (const char *)external_id);
}

/*
 * libxml2's structured error channel: keeps errors, never prints.  Its
 * messages may hold line breaks ("... indicate encoding !\nBytes: ..."):
 * every run of white space becomes one space, so a diagnostic stays one
 * line.
 */
static void
on_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;
	const char *m;
	char *out;
	size_t o = 0;
	int space = 0;

	if (err == NULL || err->level < XML_ERR_ERROR || st->refused)
		return;
	if (st->nerr == MAX_XML_ERRORS) {
		st->more_errors = 1;
		return;
	}
	st->err[st->nerr].line = err->line > 0 ? (unsigned)err->line : 0;
	out = st->err[st->nerr].msg;
	for (m = err->message != NULL ? err->message : "unknown error";
	     *m != '\0' && o + 2 < sizeof(st->err[0].msg); m++) {
		if (isspace((unsigned char)*m) || iscntrl((unsigned char)*m))
			space = o > 0;
		else {
			if (space)
				out[o++] = ' ';
			space = 0;
			out[o] = o == 0 ? (char)tolower((unsigned char)*m) : *m;
			o++;
		}
	}
	out[o] = '\0';
	st->nerr++;
}

/* libxml2's unstructured channel, for the few messages that bypass the
 * structured one: dropped (the structured one reports every error). */
static void
on_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Just past the first term (which ends in '>') at or after p, or end. */
static const char *
skip_past(const char *p, const char *end, const char *term)
{
	size_t n = strlen(term);
	const char *from = p, *q;

	while ((q = memchr(p, '>', (size_t)(end - p))) != NULL) {
		if ((size_t)(q - from) + 1 >= n &&
		    memcmp(q + 1 - n, term, n) == 0)
			return q + 1;
		p = q + 1;
	}
	return end;
}

/*
 * Checks, in one pass over the text, that no start tag has more than
 * PP_XML_MAX_ATTRS attributes: an '=' outside quotes is one (comments,
 * CDATA sections and processing instructions are skipped).  Returns 0,
 * or -1 with the element's name and line.
 */
static int
scan_attrs(const char *s, size_t len, char *name, size_t namesz, unsigned *line)
{
	const char *p = s, *end = s + len, *tag, *q;
	size_t n;
	char quote;

	while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			p = skip_past(p + 4, end, "-->");
		else if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			p = skip_past(p + 9, end, "]]>");
		else if (end - p >= 2 && p[1] == '?')
			p = skip_past(p + 2, end, "?>");
		else if (end - p < 2 || p[1] == '/' || p[1] == '!')
			p++;
		else {
			/* a start tag: count its attributes */
			tag = p;
			quote = 0;
			for (n = 0, p++; p < end; p++) {
				if (quote != 0) {
					if (*p == quote)
						quote = 0;
				} else if (*p == '"' || *p == '\'')
					quote = *p;
				else if (*p == '=') {
					if (++n > PP_XML_MAX_ATTRS)
						goto refuse;
				} else if (*p == '>' || *p == '<')
					break;
			}
		}
	}
	return 0;
refuse:
	for (q = tag + 1, n = 0; q < end && n + 1 < namesz &&
	     !isspace((unsigned char)*q) && *q != '>' && *q != '/';
	     q++)
		name[n++] = *q;
	name[n] = '\0';
	*line = 1;
	for (q = s; (q = memchr(q, '\n', (size_t)(tag - q))) != NULL; q++)
		(*line)++;
	return -1;
}

/*
 * An HTML page (a schedule's web page, not its feed) deserves a plainer
 * word than libxml2's first error.  (XHTML with an XML declaration is
 * refused later as a root that is not <schedule>.)
 */
int
pp_load_is_html(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)s[i]))
		i++;
	return (len - i >= 14 &&
	           strncasecmp(s + i, "<!doctype html", 14) == 0) ||
	    (len - i >= 5 && strncasecmp(s + i, "<html", 5) == 0 &&
	        (len - i == 5 || !isalnum((unsigned char)s[i + 5])));
}

/* ---------------------------------------------------------------- */
/* Events                                                            */

static void
event_begin(struct xml_state *st, int na, const xmlChar **a)
{
	size_t i;

	st->in_event = 1;
	st->events++;
	sb_clear(&st->ev);
	for (i = 0; i < XF__EVENT; i++) {
		st->off[i] = NOFF;
		st->at[i].line = st->at[i].col = 0;
	}
	st->ev_at = here(st);
	st->off[XF_GUID] = attr(&st->ev, na, a, "guid");
	st->off[XF_ID] = attr(&st->ev, na, a, "id");
	st->npersons = 0;
	st->nlinks = 0;
}

/* Reads a kept boolean field into *v (1, 0); a bad value is a problem. */
static void
event_bool(struct xml_state *st, enum field f, const char *name, int *v)
{
	const char *s = str_at(&st->ev, st->off[f]);
	int b;

	if (st->off[f] == NOFF)
		return;
	if ((b = pp_feed_bool(s)) >= 0)
		*v = b;
	else if (b == -1)
		pp_feed_problem(&st->f, st->at[f],
		    "%s '%s' is not true or false", name, s);
}

static void
event_end(struct xml_state *st)
{
	struct pp_feed_event e;
	const char **persons = NULL, **lurl = NULL, **ltitle = NULL;
	const char *room;
	size_t i;
	int optout = -1, dnr = -1, dns = -1;

	st->in_event = 0;
	if (st->f.stop)
		return;
	pp_feed_event_init(&e, st->ev_at);
	/* Problems of the child elements (a bad boolean) are reported by
	 * pp_feed_add with its own. */
	st->f.nprob = 0;
	e.guid = str_at(&st->ev, st->off[XF_GUID]);
	e.id = str_at(&st->ev, st->off[XF_ID]);
	e.date = str_at(&st->ev, st->off[XF_DATE]);
	e.date_at = st->at[XF_DATE];
	e.start = str_at(&st->ev, st->off[XF_START]);
	e.start_at = st->at[XF_START];
	e.duration = str_at(&st->ev, st->off[XF_DURATION]);
	e.duration_at = st->at[XF_DURATION];
	e.has_duration = st->off[XF_DURATION] != NOFF;
	e.day_date = str_at(&st->day, st->day_date);
	e.day_start = str_at(&st->day, st->day_start);
	e.title = str_at(&st->ev, st->off[XF_TITLE]);
	e.subtitle = str_at(&st->ev, st->off[XF_SUBTITLE]);
	e.track = str_at(&st->ev, st->off[XF_TRACK]);
	e.type = str_at(&st->ev, st->off[XF_TYPE]);
	e.abstract = str_at(&st->ev, st->off[XF_ABSTRACT]);
	e.description = str_at(&st->ev, st->off[XF_DESCRIPTION]);
	e.url = str_at(&st->ev, st->off[XF_URL]);
	e.language = str_at(&st->ev, st->off[XF_LANGUAGE]);
	room = str_at(&st->ev, st->off[XF_ROOM]);
	if (*room == '\0')
		room = st->room.n > 0 ? st->room.s : empty;
	if (*room != '\0') {
		e.rooms = &room;
		e.nrooms = 1;
	}
	/* The buffer no longer grows: offsets become pointers. */
	if (st->npersons > 0) {
		persons =
		    pp_xreallocarray(NULL, st->npersons, sizeof(*persons));
		for (i = 0; i < st->npersons; i++)
			persons[i] = st->ev.s + st->persons[i];
		e.persons = persons;
		e.npersons = st->npersons;
	}
	if (st->nlinks > 0) {
		lurl = pp_xreallocarray(NULL, st->nlinks, sizeof(*lurl));
		ltitle = pp_xreallocarray(NULL, st->nlinks, sizeof(*ltitle));
		for (i = 0; i < st->nlinks; i++) {
			lurl[i] = str_at(&st->ev, st->lurl[i]);
			ltitle[i] = str_at(&st->ev, st->ltitle[i]);
		}
		e.link_url = lurl;
		e.link_title = ltitle;
		e.nlinks = st->nlinks;
	}
	event_bool(st, XF_OPTOUT, "optout", &optout);
	event_bool(st, XF_DNR, "do_not_record", &dnr);
	event_bool(st, XF_DNS, "do_not_stream", &dns);
	/* An opt-out or do_not_record decides; an event that is not even
	 * streamed is taken as not recorded. */
	if (optout == 1 || dnr == 1)
		e.recorded = PP_REC_NO;
	else if (optout == 0 || dnr == 0)
		e.recorded = dns == 1 ? PP_REC_NO : PP_REC_YES;
	else if (dns == 1)
		e.recorded = PP_REC_NO;
	pp_feed_add(&st->f, &e);
	if (st->f.stop)
		xmlStopParser(st->p);
	free(persons);
	free(lurl);
	free(ltitle);
}

/* ---------------------------------------------------------------- */
/* The SAX2 callbacks                                                */

static void
collect(struct xml_state *st, enum field f)
{
	st->collecting = 1;
	st->target = f;
	st->target_at = here(st);
	sb_clear(&st->text);
}

/* The one kept child of a container (a <person> of <persons>, the
 * <optout> of <recording>): its text is field f. */
static enum frame
kept_child(struct xml_state *st, const char *name, const char *want,
    enum field f)
{
	if (strcmp(name, want) != 0)
		return FR_SKIP;
	collect(st, f);
	return FR_FIELD;
}

/* What a child called name of an element of kind parent is. */
static enum frame
classify(struct xml_state *st, enum frame parent, const char *name, int na,
    const xmlChar **a)
{
	size_t i;

	switch (parent) {
	case FR_SCHEDULE:
		if (strcmp(name, "conference") == 0)
			return FR_CONFERENCE;
		if (strcmp(name, "day") == 0) {
			sb_clear(&st->day);
			st->day_date = attr(&st->day, na, a, "date");
			st->day_start = attr(&st->day, na, a, "start");
			st->day_end = attr(&st->day, na, a, "end");
			pp_feed_day(&st->f, str_at(&st->day, st->day_date),
			    str_at(&st->day, st->day_start),
			    str_at(&st->day, st->day_end), here(st));
			sb_clear(&st->room);
			return FR_DAY;
		}
		return strcmp(name, "version") == 0 ||
		        strcmp(name, "generator") == 0
		    ? FR_SKIP
		    : FR_OTHER;
	case FR_CONFERENCE:
		if (strcmp(name, "title") == 0)
			collect(st, XF_CONF_TITLE);
		else if (strcmp(name, "time_zone_name") == 0)
			collect(st, XF_CONF_ZONE);
		else if (strcmp(name, "day_change") == 0)
			collect(st, XF_CONF_DAY_CHANGE);
		else
			return FR_SKIP;
		return FR_FIELD;
	case FR_DAY:
		if (strcmp(name, "room") == 0) {
			sb_clear(&st->room);
			if (attr(&st->room, na, a, "name") == NOFF)
				sb_clear(&st->room);
			return FR_ROOM;
		}
		/* FALLTHROUGH */
	case FR_ROOM:
		if (strcmp(name, "event") == 0) {
			event_begin(st, na, a);
			return FR_EVENT;
		}
		return FR_OTHER;
	case FR_EVENT:
		for (i = 0; i < sizeof(event_fields) / sizeof(event_fields[0]);
		     i++)
			if (name[0] == event_fields[i].name[0] &&
			    strcmp(name, event_fields[i].name) == 0) {
				collect(st, event_fields[i].f);
				return FR_FIELD;
			}
		if (strcmp(name, "persons") == 0)
			return FR_PERSONS;
		if (strcmp(name, "links") == 0)
			return FR_LINKS;
		if (strcmp(name, "recording") == 0)
			return FR_RECORDING;
		return FR_SKIP;
	case FR_PERSONS:
		return kept_child(st, name, "person", XF_PERSON);
	case FR_LINKS:
		if (strcmp(name, "link") != 0)
			return FR_SKIP;
		st->lurl = pp_xgrowarray(st->lurl, &st->lcap, st->nlinks + 1,
		    sizeof(*st->lurl));
		st->ltitle = pp_xgrowarray(st->ltitle, &st->lcap2,
		    st->nlinks + 1, sizeof(*st->ltitle));
		st->lurl[st->nlinks] = attr(&st->ev, na, a, "href");
		st->ltitle[st->nlinks] = NOFF;
		collect(st, XF_LINK);
		return FR_FIELD;
	case FR_RECORDING:
		return kept_child(st, name, "optout", XF_OPTOUT);
	case FR_OTHER:
		if (pp_feed_title_word(name))
			st->stack[st->depth - 1].titled = 1;
		if (pp_feed_time_word(name))
			st->stack[st->depth - 1].timed = 1;
		return FR_OTHER;
	case FR_FIELD:
	case FR_SKIP:
		break;
	}
	return FR_SKIP;
}

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;
	const char *name = (const char *)localname;
	struct frame_rec *fr;
	enum frame kind;

	(void)prefix;
	(void)uri;
	(void)nb_namespaces;
	(void)namespaces;
	(void)nb_defaulted;
	if (st->depth == 0) {
		st->root_seen = 1;
		if (strcmp(name, "schedule") != 0) {
			st->not_frab = 1;
			snprintf(st->refused_msg, sizeof(st->refused_msg),
			    "not a frab schedule: the root element is <%.64s>, "
			    "not <schedule>",
			    name);
			st->refused_line = cur_line(st);
			xmlStopParser(p);
			return;
		}
		kind = FR_SCHEDULE;
	} else if (st->depth > PP_XML_MAX_DEPTH) {
		st->depth++; /* libxml2 stops before this matters */
		return;
	} else
		kind = classify(st, st->stack[st->depth - 1].kind, name,
		    nb_attributes, attributes);
	fr = &st->stack[st->depth++];
	fr->kind = kind;
	fr->name = name;
	fr->line = cur_line(st);
	fr->titled = fr->timed = 0;
}

/* Counts an unread element that looks like an event. */
static void
note_unread(struct xml_state *st, const struct frame_rec *fr)
{
	size_t i;

	for (i = 0; i < st->nunread; i++)
		if (strcmp(st->unread[i].name, fr->name) == 0) {
			st->unread[i].count++;
			return;
		}
	if (st->nunread == MAX_UNREAD)
		return;
	snprintf(st->unread[st->nunread].name, sizeof(st->unread[0].name), "%s",
	    fr->name);
	st->unread[st->nunread].line = fr->line;
	st->unread[st->nunread++].count = 1;
}

/* Stores the text kept for a field that ends. */
static void
field_end(struct xml_state *st)
{
	struct pp_timetable *tt = st->f.tt;
	const char *s;
	int secs;
	size_t off;

	st->collecting = 0;
	switch (st->target) {
	case XF_PERSON:
		off = sb_add_trimmed(&st->ev, st->text.s, st->text.n);
		st->persons = pp_xgrowarray(st->persons, &st->pcap,
		    st->npersons + 1, sizeof(*st->persons));
		st->persons[st->npersons++] = off;
		return;
	case XF_LINK:
		st->ltitle[st->nlinks++] =
		    sb_add_trimmed(&st->ev, st->text.s, st->text.n);
		return;
	case XF_CONF_TITLE:
	case XF_CONF_ZONE:
	case XF_CONF_DAY_CHANGE:
		sb_add(&st->text, "", 0);
		s = st->text.s;
		while (isspace((unsigned char)*s))
			s++;
		if (st->target == XF_CONF_TITLE) {
			if (tt->name == NULL &&
			    *(s = pp_feed_line(tt, s)) != '\0')
				tt->name = s;
		} else if (st->target == XF_CONF_DAY_CHANGE) {
			if (pp_feed_parse_clock(s, &secs) == 0)
				st->f.day_change = secs;
		} else {
			char zone[128];
			size_t n = strcspn(s, " \t\r\n");

			snprintf(zone, sizeof(zone), "%.*s", (int)n, s);
			if (*zone != '\0' &&
			    pp_feed_set_zone(&st->f, zone, st->target_at) != 0)
				xmlStopParser(st->p);
		}
		return;
	default:
		break;
	}
	if (st->target < XF__EVENT) {
		st->off[st->target] =
		    sb_add_trimmed(&st->ev, st->text.s, st->text.n);
		st->at[st->target] = st->target_at;
	}
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;
	const struct frame_rec *fr;

	(void)localname;
	(void)prefix;
	(void)uri;
	if (st->depth == 0)
		return;
	if (st->depth-- > PP_XML_MAX_DEPTH + 1)
		return;
	fr = &st->stack[st->depth];
	switch (fr->kind) {
	case FR_FIELD:
		if (st->collecting)
			field_end(st);
		break;
	case FR_EVENT:
		event_end(st);
		break;
	case FR_ROOM:
		sb_clear(&st->room);
		break;
	case FR_OTHER:
		if (fr->titled && fr->timed)
			note_unread(st, fr);
		break;
	default:
		break;
	}
}

static void
on_text(void *ctx, const xmlChar *s, int len)
{
	xmlParserCtxtPtr p = ctx;
	struct xml_state *st = p->_private;

	if (!st->collecting || len <= 0)
		return;
	st->text.s = pp_xgrowarray(st->text.s, &st->text.cap,
	    st->text.n + (size_t)len + 1, 1);
	memcpy(st->text.s + st->text.n, s, (size_t)len);
	st->text.n += (size_t)len;
}

/* ---------------------------------------------------------------- */

/* Reports what libxml2 found wrong; returns the number of errors. */
static size_t
report_errors(struct xml_state *st, const char *name, struct pp_diags *ds)
{
	size_t n = ds->nerrors;
	int i;

	if (st->refused || st->not_frab) {
		pp_diag_err(ds, name, st->refused_line, "%s", st->refused_msg);
		return ds->nerrors - n;
	}
	for (i = 0; i < st->nerr; i++) {
		if (strstr(st->err[i].msg, "excessive depth") != NULL)
			pp_diag_err(ds, name, st->err[i].line,
			    "XML nested deeper than %d elements: refused",
			    PP_XML_MAX_DEPTH);
		else
			pp_diag_err(ds, name, st->err[i].line,
			    "not well-formed XML: %s", st->err[i].msg);
	}
	if (st->more_errors)
		pp_diag_err(ds, name, 0, "more XML errors not shown");
	if (st->nerr > 0 && ds->nerrors == n)
		pp_diag_err(ds, name, 0, "not well-formed XML");
	return ds->nerrors - n;
}

int
pp_load_xml(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	xmlSAXHandler sax;
	struct xml_state st;
	struct pp_diags evds; /* the events' diagnostics, until the end */
	xmlGenericErrorFunc old_handler = xmlGenericError;
	void *old_ctx = xmlGenericErrorContext;
	size_t nerr = ds->nerrors, n0 = tt->n, i;
	const char *old_name = tt->name;
	char elem[48];
	unsigned line = 0;
	int ok;

	memset(&st, 0, sizeof(st));
	pp_diags_init(&evds);
	pp_feed_init(&st.f, tt, name, opts, &evds);
	if (len > INT_MAX)
		return pp_diag_err(ds, name, 0, "input too large for XML");
	if (st.f.opts->tz != NULL && *st.f.opts->tz != '\0' &&
	    !pp_tz_valid(st.f.opts->tz))
		return pp_diag_err(ds, name, 0, "unknown time zone '%s'",
		    st.f.opts->tz);
	if (pp_load_is_html(data, len))
		return pp_diag_err(ds, name, 1,
		    "an HTML page, not a programme feed: give the "
		    "conference's frab XML, JSON, iCalendar or CSV export");
	if (scan_attrs(data, len, elem, sizeof(elem), &line) != 0)
		return pp_diag_err(ds, name, line,
		    "element <%s> has more than %d attributes: refused", elem,
		    PP_XML_MAX_ATTRS);
	if ((st.p = xmlCreateMemoryParserCtxt(data, (int)len)) == NULL)
		return pp_diag_err(ds, name, 0, "out of memory for XML");
	/* No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD (no
	 * external DTD is read), NONET (nothing is fetched), and no HUGE
	 * (libxml2 keeps its depth and size limits). */
	xmlCtxtUseOptions(st.p, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	/* Only these callbacks: no tree is built. */
	memset(&sax, 0, sizeof(sax));
	sax.internalSubset = on_internal_subset;
	sax.entityDecl = on_entity_decl;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.serror = on_error;
	sax.initialized = XML_SAX2_MAGIC;
	memcpy(st.p->sax, &sax, sizeof(sax));
	st.p->userData = st.p;
	st.p->_private = &st;
	xmlSetGenericErrorFunc(NULL, on_generic_error);
	xmlParseDocument(st.p);
	xmlSetGenericErrorFunc(old_ctx, old_handler);
	if (st.p->myDoc != NULL)
		xmlFreeDoc(st.p->myDoc);
	ok = report_errors(&st, name, ds) == 0 && st.p->wellFormed;
	if (ok && !st.root_seen)
		ok = pp_diag_err(ds, name, 0,
		         "not well-formed XML: no root "
		         "element") == 0;
	xmlFreeParserCtxt(st.p);
	if (!ok) {
		/* Nothing of a document that is not well-formed is kept, nor
		 * said about its events. */
		while (tt->n > n0)
			pp_timetable_pop(tt);
		tt->name = old_name;
	} else {
		for (i = 0; i < st.nunread; i++)
			pp_diag_warn(&evds, name, st.unread[i].line,
			    "%zu <%s> element%s that look%s like events %s not "
			    "read: pyplan reads frab <event> elements",
			    st.unread[i].count, st.unread[i].name,
			    st.unread[i].count == 1 ? "" : "s",
			    st.unread[i].count == 1 ? "s" : "",
			    st.unread[i].count == 1 ? "is" : "are");
		if (st.events == 0 && st.nunread == 0)
			pp_diag_warn(&evds, name, st.stack[0].line,
			    "no <event> elements: no events");
	}
	pp_feed_fini(&st.f, ok);
	if (ok)
		pp_diags_move(ds, &evds);
	else
		pp_diags_fini(&evds);
	free(st.text.s);
	free(st.day.s);
	free(st.room.s);
	free(st.ev.s);
	free(st.persons);
	free(st.lurl);
	free(st.ltitle);
	return ds->nerrors > nerr ? -1 : 0;
}
