/* SPDX-License-Identifier: ISC */
/*
 * The timetable model: an event array plus an arena that owns every string,
 * the documented kind mapping, sorting and duplicate merging.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/event.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

struct pp_arena {
	struct pp_arena *next;
	size_t used, size;
	char data[];
};

#define ARENA_BLOCK ((size_t)64 * 1024)

static const char empty[] = "";

struct pp_timetable *
pp_timetable_new(void)
{
	struct pp_timetable *tt = pp_xcalloc(1, sizeof(*tt));

	tt->day_change = -1;
	return tt;
}

void
pp_timetable_free(struct pp_timetable *tt)
{
	struct pp_arena *a, *next;

	if (tt == NULL)
		return;
	for (a = tt->arena; a != NULL; a = next) {
		next = a->next;
		free(a);
	}
	free(tt->ev);
	free(tt);
}

void *
pp_tt_alloc(struct pp_timetable *tt, size_t n)
{
	struct pp_arena *a = tt->arena;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (a == NULL || a->size - a->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		a = pp_xmalloc(sizeof(*a) + size);
		a->used = 0;
		a->size = size;
		if (n > ARENA_BLOCK / 4 && tt->arena != NULL) {
			/* A big one-off block goes behind the current one so
			 * the current block's free space is not wasted. */
			a->next = tt->arena->next;
			tt->arena->next = a;
		} else {
			a->next = tt->arena;
			tt->arena = a;
		}
	}
	p = a->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

const char *
pp_tt_strndup(struct pp_timetable *tt, const char *s, size_t n)
{
	char *p;

	n = strnlen(s, n);
	if (n == 0)
		return empty;
	p = pp_tt_alloc(tt, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

const char *
pp_tt_strdup(struct pp_timetable *tt, const char *s)
{
	return pp_tt_strndup(tt, s, strlen(s));
}

const char **
pp_tt_strv(struct pp_timetable *tt, size_t n)
{
	const char **v = pp_tt_alloc(tt, (n ? n : 1) * sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = empty;
	return v;
}

struct pp_event *
pp_timetable_add(struct pp_timetable *tt)
{
	struct pp_event *ev;

	tt->ev = pp_xgrowarray(tt->ev, &tt->cap, tt->n + 1, sizeof(*tt->ev));
	ev = &tt->ev[tt->n++];
	memset(ev, 0, sizeof(*ev));
	ev->id = ev->title = ev->kind_word = ev->tz = ev->room = empty;
	ev->track = ev->level = ev->url = ev->video_url = empty;
	ev->abstract = ev->lang = empty;
	ev->kind = PP_KIND_OTHER;
	ev->recorded = PP_REC_UNKNOWN;
	ev->rooms = ev->speakers = ev->tags = NULL;
	ev->file = NULL;
	return ev;
}

void
pp_timetable_pop(struct pp_timetable *tt)
{
	if (tt->n > 0)
		tt->n--;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t
pp_tt_split(struct pp_timetable *tt, const char *s, int allow_comma,
    const char ***out)
{
	char sep = ';';
	size_t n = 0, cap = 0, i;
	const char **parts = NULL;
	const char *p = s;

	if (allow_comma && strchr(s, ';') == NULL)
		sep = ',';
	while (*p != '\0') {
		const char *q = strchr(p, sep);
		const char *e = q != NULL ? q : p + strlen(p);
		const char *b = p;

		while (b < e && is_space(*b))
			b++;
		while (e > b && is_space(e[-1]))
			e--;
		if (e > b) {
			parts =
			    pp_xgrowarray(parts, &cap, n + 1, sizeof(*parts));
			parts[n++] = pp_tt_strndup(tt, b, (size_t)(e - b));
		}
		if (q == NULL)
			break;
		p = q + 1;
	}
	*out = pp_tt_strv(tt, n);
	for (i = 0; i < n; i++)
		(*out)[i] = parts[i];
	free(parts);
	return n;
}

/*
 * Languages by ISO 639-1 code, with the ISO 639-2 codes and the English,
 * German, French and native names programmes write (lower case).
 */
static const struct {
	const char *code;
	const char *names[10];
} languages[] = {
    {"en", {"eng", "english", "englisch", "anglais", "inglés", "ingles"}},
    {"de", {"deu", "ger", "german", "deutsch", "allemand", "alemán", "aleman"}},
    {"fr",
        {"fra", "fre", "french", "français", "francais", "französisch",
            "francés", "frances"}},
    {"es",
        {"spa", "spanish", "español", "espanol", "castellano", "castilian",
            "spanisch", "espagnol"}},
    {"it", {"ita", "italian", "italiano", "italienisch", "italien"}},
    {"pt", {"por", "portuguese", "português", "portugues", "portugais"}},
    {"nl", {"nld", "dut", "dutch", "nederlands", "niederländisch"}},
    {"pl", {"pol", "polish", "polski", "polnisch"}},
    {"cs", {"ces", "cze", "czech", "čeština", "cestina", "tschechisch"}},
    {"sk", {"slk", "slo", "slovak", "slovenčina"}},
    {"ru", {"rus", "russian", "русский", "russisch"}},
    {"uk", {"ukr", "ukrainian", "українська"}},
    {"ja", {"jpn", "japanese", "日本語"}},
    {"zh", {"zho", "chi", "chinese", "中文"}},
    {"ko", {"kor", "korean", "한국어"}},
    {"ca", {"cat", "catalan", "català"}},
    {"eu", {"eus", "baq", "basque", "euskara"}},
    {"gl", {"glg", "galician", "galego"}},
    {"sv", {"swe", "swedish", "svenska"}},
    {"da", {"dan", "danish", "dansk"}},
    {"nb", {"nob", "nor", "norwegian", "norsk", "bokmål"}},
    {"fi", {"fin", "finnish", "suomi"}},
    {"tr", {"tur", "turkish", "türkçe"}},
    {"el", {"ell", "gre", "greek", "ελληνικά"}},
    {"hu", {"hun", "hungarian", "magyar"}},
    {"ro", {"ron", "rum", "romanian", "română"}},
    {"he", {"heb", "hebrew", "עברית"}},
    {"ar", {"ara", "arabic", "العربية"}},
    {"hi", {"hin", "hindi"}},
    {"id", {"ind", "indonesian"}},
    {"vi", {"vie", "vietnamese"}},
};

/* Words between languages in "German and English", "de und en". */
static const char *const lang_glue[] = {"and", "und", "et", "y", "e", "&", "+",
    "with", "mit", "avec", "con"};

/* Lower-cases the UTF-8 token s[0..n) into buf (size bsz), NUL-terminated;
 * returns 0, or -1 when it does not fit or is not well-formed. */
static int
lower_token(const char *s, size_t n, char *buf, size_t bsz)
{
	size_t i = 0, o = 0, k;
	int32_t cp;

	while (i < n) {
		if ((k = pp_utf8_decode(s + i, n - i, &cp)) == 0)
			return -1;
		if (o + PP_UTF8_MAX + 1 > bsz)
			return -1;
		o += pp_utf8_encode(pp_utf8_lower(cp), buf + o);
		i += k;
	}
	buf[o] = '\0';
	return 0;
}

/* The ISO 639-1 code for one lower-case token, or NULL. */
static const char *
lang_code(const char *t)
{
	size_t i, j, n = strlen(t);

	/* A language tag: the primary subtag ("en-us", "pt_br"). */
	for (i = 2; i <= 3 && i < n; i++)
		if ((t[i] == '-' || t[i] == '_') &&
		    isalpha((unsigned char)t[0]))
			n = i;
	for (i = 0; i < sizeof(languages) / sizeof(languages[0]); i++) {
		if (n == 2 && strncmp(t, languages[i].code, 2) == 0)
			return languages[i].code;
		for (j = 0; j < 10 && languages[i].names[j] != NULL; j++)
			if (strlen(languages[i].names[j]) == n &&
			    strncmp(t, languages[i].names[j], n) == 0)
				return languages[i].code;
	}
	return NULL;
}

const char *
pp_tt_lang(struct pp_timetable *tt, const char *s, size_t *unknown)
{
	char out[64], tok[64];
	size_t o = 0, i = 0, j, n, bad = 0;

	out[0] = '\0';
	while (s[i] != '\0') {
		const char *code;

		while (s[i] != '\0' && strchr(",;/| \t\r\n()", s[i]) != NULL)
			i++;
		for (n = 0; s[i + n] != '\0' &&
		     strchr(",;/| \t\r\n()", s[i + n]) == NULL;
		     n++)
			;
		if (n == 0)
			break;
		if (lower_token(s + i, n, tok, sizeof(tok)) != 0) {
			bad++;
			i += n;
			continue;
		}
		i += n;
		for (j = 0; j < sizeof(lang_glue) / sizeof(lang_glue[0]); j++)
			if (strcmp(tok, lang_glue[j]) == 0)
				break;
		if (j < sizeof(lang_glue) / sizeof(lang_glue[0]))
			continue;
		if ((code = lang_code(tok)) == NULL) {
			bad++;
			continue;
		}
		if (pp_lang_any(out, code) || o + 4 > sizeof(out))
			continue;
		o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s",
		    o > 0 ? "," : "", code);
	}
	if (unknown != NULL)
		*unknown = bad;
	return pp_tt_strdup(tt, out);
}

int
pp_lang_any(const char *list, const char *want)
{
	const char *p, *q;
	size_t n, m;

	for (p = list; *p != '\0'; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		for (q = want; *q != '\0'; q += m + (q[m] == ',')) {
			m = strcspn(q, ",");
			if (n > 0 && n == m && strncmp(p, q, n) == 0)
				return 1;
		}
	}
	return 0;
}

void
pp_tt_set_rooms(struct pp_timetable *tt, struct pp_event *ev,
    const char **rooms, size_t n)
{
	size_t len = 0, i;
	char *j;

	ev->rooms = rooms;
	ev->nrooms = n;
	if (n == 0) {
		ev->room = empty;
		return;
	}
	for (i = 0; i < n; i++)
		len += strlen(rooms[i]) + 2;
	j = pp_tt_alloc(tt, len + 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(j, "; ");
		strcat(j, rooms[i]);
	}
	ev->room = j;
}

static int
cmp_event(const void *a, const void *b)
{
	const struct pp_event *x = a, *y = b;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	/* Ignoring case first, so that titles merge_duplicates takes for
	 * equal sort next to each other. */
	if ((c = strcasecmp(x->title, y->title)) != 0)
		return c;
	if ((c = strcmp(x->title, y->title)) != 0)
		return c;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	if ((c = strcmp(x->room, y->room)) != 0)
		return c;
	if (x->file != y->file && x->file != NULL && y->file != NULL &&
	    (c = strcmp(x->file, y->file)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

void
pp_timetable_sort(struct pp_timetable *tt)
{
	if (tt->n > 1)
		qsort(tt->ev, tt->n, sizeof(*tt->ev), cmp_event);
}

/* A room of a duplicate group, with its position in the group's order. */
struct room_ref {
	const char *name;
	size_t pos;
};

static int
cmp_room_ref(const void *a, const void *b)
{
	const struct room_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int
cmp_room_pos(const void *a, const void *b)
{
	const struct room_ref *x = a, *y = b;

	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/*
 * Folds the duplicates g[1..n) into g[0]: the union of all their rooms in
 * order of first appearance, and any field g[0] lacks.  The union is built
 * once for the whole group, by sorting (O(k log k) for k rooms in all), so
 * that 20,000 copies of one event cost no more than 20,000 events: merging
 * them one at a time made a new rooms array per copy and scanned it for
 * each room, quadratic in time and memory.
 */
static void
merge_group(struct pp_timetable *tt, struct pp_event *g, size_t n)
{
	struct pp_event *a = &g[0];
	struct room_ref *r;
	const char **rooms;
	size_t k = 0, i, j, m;

	for (i = 0; i < n; i++)
		k += g[i].nrooms;
	if (k > a->nrooms) {
		r = pp_xreallocarray(NULL, k, sizeof(*r));
		for (i = m = 0; i < n; i++)
			for (j = 0; j < g[i].nrooms; j++) {
				r[m].name = g[i].rooms[j];
				r[m].pos = m;
				m++;
			}
		qsort(r, k, sizeof(*r), cmp_room_ref);
		for (i = m = 0; i < k; i++)
			if (i == 0 || strcmp(r[i].name, r[i - 1].name) != 0)
				r[m++] = r[i];
		if (m != a->nrooms) {
			qsort(r, m, sizeof(*r), cmp_room_pos);
			rooms = pp_tt_strv(tt, m);
			for (i = 0; i < m; i++)
				rooms[i] = r[i].name;
			pp_tt_set_rooms(tt, a, rooms, m);
		}
		free(r);
	}
	for (i = 1; i < n; i++) {
		const struct pp_event *b = &g[i];

		if (*a->abstract == '\0')
			a->abstract = b->abstract;
		if (*a->url == '\0')
			a->url = b->url;
		if (*a->video_url == '\0')
			a->video_url = b->video_url;
		if (a->nspeakers == 0) {
			a->speakers = b->speakers;
			a->nspeakers = b->nspeakers;
		}
		if (a->recorded == PP_REC_UNKNOWN)
			a->recorded = b->recorded;
	}
}

static int
cmp_id(const void *a, const void *b)
{
	const struct pp_event *x = *(const struct pp_event *const *)a;
	const struct pp_event *y = *(const struct pp_event *const *)b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * Ids name events in [must], explain and the JSON plan, so one that two
 * different events share is noted (the first few, then a count).  Real
 * calendars reuse UIDs, hence a note (shown with -v), not a warning.
 */
static void
warn_duplicate_ids(const struct pp_timetable *tt, struct pp_diags *ds)
{
	const struct pp_event **v;
	size_t i, ndup = 0;

	if (tt->n < 2)
		return;
	v = pp_xreallocarray(NULL, tt->n, sizeof(*v));
	for (i = 0; i < tt->n; i++)
		v[i] = &tt->ev[i];
	qsort(v, tt->n, sizeof(*v), cmp_id);
	for (i = 1; i < tt->n; i++) {
		if (*v[i]->id == '\0' || strcmp(v[i]->id, v[i - 1]->id) != 0)
			continue;
		if (++ndup <= 10)
			pp_diag_add(ds, PP_NOTE, v[i]->file, v[i]->line, 0,
			    "id '%s' is also the id of line %u ('%s')",
			    v[i]->id, v[i - 1]->line, v[i - 1]->title);
	}
	if (ndup > 10)
		pp_diag_add(ds, PP_NOTE, tt->ev[0].file, 0, 0,
		    "%zu more events reuse an id", ndup - 10);
	free(v);
}

void
pp_timetable_merge_duplicates(struct pp_timetable *tt, struct pp_diags *ds)
{
	size_t i, j, out = 0;

	pp_timetable_sort(tt);
	for (i = 0; i < tt->n; i = j) {
		/* Same time and title (ignoring case): equal titles sort next
		 * to each other. */
		for (j = i + 1;
		     j < tt->n && tt->ev[j].start == tt->ev[i].start &&
		     tt->ev[j].end == tt->ev[i].end &&
		     strcasecmp(tt->ev[j].title, tt->ev[i].title) == 0;
		     j++)
			pp_diag_add(ds, PP_NOTE, tt->ev[j].file, tt->ev[j].line,
			    0, "duplicate of line %u ('%s'): merged",
			    tt->ev[i].line, tt->ev[i].title);
		if (j - i > 1)
			merge_group(tt, &tt->ev[i], j - i);
		if (out != i)
			tt->ev[out] = tt->ev[i];
		out++;
	}
	tt->n = out;
	warn_duplicate_ids(tt, ds);
}

static const char *const kind_names[PP_KIND__COUNT] = {
    "talk",
    "keynote",
    "tutorial",
    "workshop",
    "lightning",
    "panel",
    "open-space",
    "hallway",
    "expo",
    "poster",
    "social",
    "meal",
    "break",
    "info",
    "other",
};

const char *
pp_kind_name(enum pp_kind k)
{
	return (unsigned)k < PP_KIND__COUNT ? kind_names[k] : "other";
}

int
pp_kind_parse(const char *s)
{
	int k;

	for (k = 0; k < PP_KIND__COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

enum pp_kind_class
pp_kind_class(enum pp_kind k)
{
	if (k == PP_KIND_INFO)
		return PP_CLASS_INFO;
	return k >= PP_KIND_OPEN_SPACE && k <= PP_KIND_BREAK
	    ? PP_CLASS_NETWORKING
	    : PP_CLASS_TALK;
}

/*
 * The documented mapping (man/pyplan.1, KINDS).  Each word is matched as a
 * whole word, case-insensitively, against the source's kind word first and
 * then against the title; the word found earliest in the text wins (the
 * longest one on a tie).  The words of kind_only_words are matched in
 * kind words only (a CSV kind column, iCalendar CATEGORIES): in a title
 * they would catch talks ("Information Retrieval", "When Python Breaks").
 */
struct kind_word {
	const char *word;
	enum pp_kind kind;
};

static const struct kind_word kind_words[] = {
    {"open-space", PP_KIND_OPEN_SPACE},
    {"open-spaces", PP_KIND_OPEN_SPACE},
    {"open space", PP_KIND_OPEN_SPACE},
    {"open spaces", PP_KIND_OPEN_SPACE},
    {"openspace", PP_KIND_OPEN_SPACE},
    {"unconference", PP_KIND_OPEN_SPACE},
    {"birds of a feather", PP_KIND_OPEN_SPACE},
    {"bof", PP_KIND_OPEN_SPACE},
    {"hallway", PP_KIND_HALLWAY},
    {"hallway track", PP_KIND_HALLWAY},
    {"lightning", PP_KIND_LIGHTNING},
    {"lightning talks", PP_KIND_LIGHTNING},
    {"lightningtalk", PP_KIND_LIGHTNING},
    {"keynote", PP_KIND_KEYNOTE},
    {"plenary", PP_KIND_KEYNOTE},
    {"plenum", PP_KIND_KEYNOTE},
    {"invited speaker", PP_KIND_KEYNOTE},
    {"maintrack", PP_KIND_TALK},
    {"tutorial", PP_KIND_TUTORIAL},
    {"tutorials", PP_KIND_TUTORIAL},
    {"workshop", PP_KIND_WORKSHOP},
    {"workshops", PP_KIND_WORKSHOP},
    {"sprint", PP_KIND_WORKSHOP},
    {"sprints", PP_KIND_WORKSHOP},
    {"summit", PP_KIND_WORKSHOP},
    {"panel", PP_KIND_PANEL},
    {"discussion", PP_KIND_PANEL},
    {"poster", PP_KIND_POSTER},
    {"posters", PP_KIND_POSTER},
    {"expo", PP_KIND_EXPO},
    {"expo hall", PP_KIND_EXPO},
    {"job fair", PP_KIND_EXPO},
    {"exhibition", PP_KIND_EXPO},
    {"reception", PP_KIND_SOCIAL},
    {"social", PP_KIND_SOCIAL},
    {"party", PP_KIND_SOCIAL},
    {"auction", PP_KIND_SOCIAL},
    {"networking", PP_KIND_SOCIAL},
    {"meetup", PP_KIND_SOCIAL},
    {"breakfast", PP_KIND_MEAL},
    {"lunch", PP_KIND_MEAL},
    {"dinner", PP_KIND_MEAL},
    {"meal", PP_KIND_MEAL},
    {"break", PP_KIND_BREAK},
    {"coffee", PP_KIND_BREAK},
    {"coffee break", PP_KIND_BREAK},
    {"pause", PP_KIND_BREAK},
    {"talk", PP_KIND_TALK},
    {"talks", PP_KIND_TALK},
    {"charla", PP_KIND_TALK},
    {"charlas", PP_KIND_TALK},
    {"session", PP_KIND_TALK},
    {"presentation", PP_KIND_TALK},
    {"lecture", PP_KIND_TALK},
    {"vortrag", PP_KIND_TALK},
    {"devroom", PP_KIND_TALK},
    {"service", PP_KIND_TALK},
    /* words of the frab/pretalx feeds (FOSDEM, CCC) */
    {"ceremony", PP_KIND_KEYNOTE},
    {"podium", PP_KIND_PANEL},
    {"concert", PP_KIND_SOCIAL},
    {"dj set", PP_KIND_SOCIAL},
    {"game show", PP_KIND_SOCIAL},
    {"meet up", PP_KIND_SOCIAL},
    /* notices: PyCon US "informational" items, Sched's "General Info",
     * and the category names other programmes give them */
    {"informational", PP_KIND_INFO},
    {"general info", PP_KIND_INFO},
    {"general information", PP_KIND_INFO},
};

static const struct kind_word kind_only_words[] = {
    {"info", PP_KIND_INFO},
    {"information", PP_KIND_INFO},
    {"notice", PP_KIND_INFO},
    {"notices", PP_KIND_INFO},
    {"announcement", PP_KIND_INFO},
    {"announcements", PP_KIND_INFO},
    /* the plural category names of Sched and other tools ("BREAKOUT
     * SESSIONS", "KEYNOTES", "MEALS") */
    {"sessions", PP_KIND_TALK},
    {"keynotes", PP_KIND_KEYNOTE},
    {"panels", PP_KIND_PANEL},
    {"meals", PP_KIND_MEAL},
    {"breaks", PP_KIND_BREAK},
    {"socials", PP_KIND_SOCIAL},
};

/* The longest word of table v (n entries; the first of equal length) that
 * starts at p as a whole word or phrase, ignoring case, if longer than
 * *bestlen: updates *bestlen and *out. */
static void
words_at(const char *p, const struct kind_word *v, size_t n, size_t *bestlen,
    enum pp_kind *out)
{
	int c = tolower((unsigned char)*p);
	size_t i, len;

	for (i = 0; i < n; i++) {
		if (c != (unsigned char)v[i].word[0])
			continue;
		len = strlen(v[i].word);
		if (len > *bestlen && strncasecmp(p, v[i].word, len) == 0 &&
		    !isalnum((unsigned char)p[len])) {
			*bestlen = len;
			*out = v[i].kind;
		}
	}
}

/*
 * The kind named by s: its canonical name, else the mapping word that
 * occurs first in s (the longest on a tie), so that "Opening Reception
 * (Expo Hall)" is a reception, not the expo.
 */
static int
guess_from(const char *s, int title, enum pp_kind *out)
{
	const char *p;
	size_t bestlen = 0;
	int k;

	if (s == NULL || *s == '\0')
		return 0;
	if ((k = pp_kind_parse(s)) >= 0 && k != PP_KIND_OTHER) {
		*out = (enum pp_kind)k;
		return 1;
	}
	/* One pass over s (a title can be megabytes long): the first place
	 * where a word starts that some mapping word matches. */
	for (p = s; *p != '\0'; p++) {
		if (p > s && isalnum((unsigned char)p[-1]))
			continue;
		words_at(p, kind_words,
		    sizeof(kind_words) / sizeof(kind_words[0]), &bestlen, out);
		if (!title)
			words_at(p, kind_only_words,
			    sizeof(kind_only_words) /
			        sizeof(kind_only_words[0]),
			    &bestlen, out);
		if (bestlen > 0)
			return 1;
	}
	return 0;
}

enum pp_kind
pp_kind_guess(const char *word, const char *title)
{
	enum pp_kind k;
	char prefix[64];

	/* A "[open-spaces] Title" prefix is the strongest signal. */
	if (title != NULL && title[0] == '[') {
		const char *e = strchr(title, ']');
		size_t n = e != NULL ? (size_t)(e - title - 1) : 0;

		if (n > 0 && n < sizeof(prefix)) {
			memcpy(prefix, title + 1, n);
			prefix[n] = '\0';
			if (guess_from(prefix, 0, &k))
				return k;
		}
	}
	/* A specific word from the source decides; unknown words are kept
	 * as PP_KIND_OTHER for `check` to report. */
	if (word != NULL && *word != '\0' && strcasecmp(word, "event") != 0 &&
	    strcasecmp(word, "other") != 0) {
		enum pp_kind t;

		if (!guess_from(word, 0, &k))
			return PP_KIND_OTHER;
		/* A break the title calls a meal ("Lunch Break") is a meal:
		 * it is where lunch happens. */
		if (k == PP_KIND_BREAK && title != NULL &&
		    guess_from(title, 1, &t) && t == PP_KIND_MEAL)
			return PP_KIND_MEAL;
		return k;
	}
	/* No word, or a generic one ("event"): the title decides. */
	if (title != NULL && guess_from(title, 1, &k))
		return k;
	return word == NULL || *word == '\0' ? PP_KIND_TALK : PP_KIND_OTHER;
}

long
pp_event_minutes(const struct pp_event *ev)
{
	return (long)((ev->end - ev->start) / 60);
}
