/* SPDX-License-Identifier: ISC */
/*
 * The CSV programme loader (RFC 4180 and the usual spreadsheet dialects),
 * on libcsv: one event per row, columns found by name through an alias
 * table, times resolved to UTC instants, every problem reported with the
 * physical line on which its row starts.
 *
 * COLUMNS.  The first non-blank row is the header.  Names are matched
 * case-insensitively after trimming, with spaces and '-' read as '_'
 * ("Video-URL" = "video_url", "Time Start" = "time_start").  Each field
 * takes the first of its names, in this order, that the header has and no
 * earlier field took; columns no field reads are named in one note.
 *
 *	field     names, in order of preference
 *	id        id presentation_id uid code guid event_id session_id talk_id
 *	title     title titel titre subject summary name
 *	kind      kind type session_type event_type format
 *	date      date day
 *	start     start start_time starts_at begin time_start
 *	end       end end_time ends_at finish time_end
 *	duration  duration length duration_minutes minutes
 *	timezone  timezone tz time_zone zone
 *	room      room rooms location venue stage hall salle raum
 *	track     track tracks stream
 *	speakers  speakers speaker persons person presenters presenter
 *	          authors author teilnehmer name
 *	level     level audience_level audience difficulty experience_level
 *	recorded  recorded is_recorded video_recorded
 *	url       url link permalink
 *	video_url video_url video videos recording_url youtube
 *	abstract  abstract description summary details desc synopsis
 *	tags      tags tag categories topics topic keywords category
 *	status    status state
 *
 * So "summary" is the title only when there is no title column (and is
 * otherwise the abstract), and "name" is the title only when there is no
 * title or summary column (and is otherwise the speakers, as in PyConES
 * exports, where "name" is the speaker's).  "track" is never the room.
 * Tags are the union of every tags column.  "category" is a tags column,
 * except in a file without a kind column, where a category that names a
 * kind ("workshop", "keynote") is the row's kind word and any other
 * ("ml", "web") is a tag.
 *
 * VALUES.  Times are either start and end as ISO 8601 date-times
 * ("2018-05-09T09:00", seconds optional, 'T' or a space, optionally "Z"
 * or an offset "+02:00"), or a date ("YYYY-MM-DD" or "DD/MM/YYYY") with
 * start "HH:MM" and end "HH:MM" or a duration ("45" minutes, "1:30",
 * "PT1H30M").  When both end and duration are given, end wins.  An end
 * time of day earlier than the start's means the next day ("22:00" to
 * "00:00") if the event then lasts at most 12 hours; otherwise it is an
 * error.  Floating times are in the row's timezone, else the --tz zone,
 * else UTC.  Speakers are separated by ';', or by ',' when there is no
 * ';'; rooms and tags by ';' (tags also by newlines, literal "\n", and
 * given as a JSON list '["a", "b"]'; a leading '#' is dropped).  recorded
 * is yes/no, true/false, y/n or 1/0.  A status "cancelled" or
 * "canceled" marks the event cancelled (kept, never planned); any other
 * status is left alone.  The id is the id column, else "FILE:LINE".
 * When every event row names the same zone in its timezone column, the
 * file declares that zone (tt->tz).  An event lasts at least a minute and
 * at most 7 days, whether given by a duration or by its end.
 *
 * ROWS.  A row without date, start and end is an unscheduled proposal,
 * not an event: a warning, never an error.  So is a row of kind "blank"
 * without a title (an empty grid cell).  Other bad rows go through the one
 * strict/lenient policy (pp_load_reject): errors, all of them reported, or
 * with --lenient skipped with one warning each.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyplan/csvrows.h"
#include "pyplan/load.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/xalloc.h"

enum field {
	F_ID,
	F_TITLE,
	F_KIND,
	F_DATE,
	F_START,
	F_END,
	F_DURATION,
	F_TZ,
	F_ROOM,
	F_TRACK,
	F_SPEAKERS,
	F_LEVEL,
	F_RECORDED,
	F_URL,
	F_VIDEO,
	F_ABSTRACT,
	F_CATEGORY,
	F_STATUS,
	F_LANG,
	F__COUNT
};

#define MAX_ALIASES 12
#define MAX_TAGCOLS 8
#define MAX_PROBLEMS 6
/* A date-less end earlier than the start rolls over only this far. */
#define MAX_OVERNIGHT (12 * 3600)
#define MAX_DURATION ((int64_t)7 * 86400)

/* The table in the comment above, in resolution order. */
static const struct {
	enum field f;
	const char *names[MAX_ALIASES];
} aliases[] = {
    {F_ID,
        {"id", "presentation_id", "uid", "code", "guid", "event_id",
            "session_id", "talk_id"}},
    {F_TITLE, {"title", "titel", "titre", "subject", "summary", "name"}},
    {F_KIND, {"kind", "type", "session_type", "event_type", "format"}},
    {F_DATE, {"date", "day"}},
    {F_START, {"start", "start_time", "starts_at", "begin", "time_start"}},
    {F_END, {"end", "end_time", "ends_at", "finish", "time_end"}},
    {F_DURATION, {"duration", "length", "duration_minutes", "minutes"}},
    {F_TZ, {"timezone", "tz", "time_zone", "zone"}},
    {F_ROOM,
        {"room", "rooms", "location", "venue", "stage", "hall", "salle",
            "raum"}},
    {F_TRACK, {"track", "tracks", "stream"}},
    {F_SPEAKERS,
        {"speakers", "speaker", "persons", "person", "presenters", "presenter",
            "authors", "author", "teilnehmer", "name"}},
    {F_LEVEL,
        {"level", "audience_level", "audience", "difficulty",
            "experience_level"}},
    {F_RECORDED, {"recorded", "is_recorded", "video_recorded"}},
    {F_URL, {"url", "link", "permalink"}},
    {F_VIDEO, {"video_url", "video", "videos", "recording_url", "youtube"}},
    {F_ABSTRACT,
        {"abstract", "description", "summary", "details", "desc", "synopsis"}},
    {F_STATUS, {"status", "state"}},
    {F_LANG,
        {"language", "languages", "lang", "sprache", "langue", "idioma",
            "content_locale"}},
};

static const char *const tag_names[] = {
    "tags",
    "tag",
    "categories",
    "topics",
    "topic",
    "keywords",
    "category",
};

struct row_problems {
	struct pp_load_problem p[MAX_PROBLEMS];
	int n;
};

struct ctx {
	struct pp_timetable *tt;
	const char *name; /* borrowed, for diagnostics and events */
	const char *base; /* basename of name, for default ids */
	const struct pp_load_opts *opts;
	struct pp_diags *ds;
	/* the row being read: NUL-terminated trimmed fields in buf */
	char *buf;
	size_t blen, bcap;
	size_t *foff;
	size_t nf, fcap;
	unsigned line;     /* physical line being fed to libcsv */
	unsigned row_line; /* physical line on which this row started */
	/* the header */
	int have_header;
	char **hdr; /* trimmed header names as written */
	size_t nhdr;
	int col[F__COUNT]; /* column index per field, or -1 */
	int tagcol[MAX_TAGCOLS];
	size_t ntagcols;
	size_t rows; /* data rows seen */
	int stop;    /* header unusable or too many rows */
	/* the last zone found valid, to spare libical lookups */
	char zone_ok[64];
	/* the zone every event row names so far ("" none yet), or mixed */
	char row_zone[64];
	int zones_differ;
	unsigned zone_line;
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

/* Libcsv grows its field buffer through this, under the one OOM policy. */
/*
 * Picks the delimiter that splits the header line into the most fields
 * among ',', ';' and TAB (',' on ties); quoted text does not count.
 */
static unsigned char
sniff_delim(const char *s, size_t len)
{
	static const unsigned char cand[] = {',', ';', '\t'};
	size_t count[3] = {0, 0, 0}, i, k, best = 0;
	int quoted = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			for (k = 0; k < 3; k++)
				if ((unsigned char)s[i] == cand[k])
					count[k]++;
	}
	for (k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

static void
field_cb(void *s, size_t len, void *data)
{
	struct ctx *c = data;
	const char *p = pp_csv_trim(s, &len);

	/* The "'" pyplan's CSV writer puts before a cell a spreadsheet
	 * would take for a formula (write_csv.h) goes again. */
	if (len >= 2 && p[0] == '\'' && p[1] != '\0' &&
	    strchr("=+-@\t\r", p[1]) != NULL) {
		p++;
		len--;
	}
	c->foff = pp_xgrowarray(c->foff, &c->fcap, c->nf + 1, sizeof(*c->foff));
	c->buf = pp_xgrowarray(c->buf, &c->bcap, c->blen + len + 1, 1);
	c->foff[c->nf++] = c->blen;
	if (len > 0)
		memcpy(c->buf + c->blen, p, len);
	c->blen += len;
	c->buf[c->blen++] = '\0';
}

/* The value of field f in the current row ("" when absent or short). */
static const char *
val(const struct ctx *c, enum field f)
{
	int i = c->col[f];

	if (i < 0 || (size_t)i >= c->nf)
		return "";
	return c->buf + c->foff[i];
}

static const char *
colval(const struct ctx *c, int i)
{
	return (size_t)i < c->nf ? c->buf + c->foff[i] : "";
}

/* The header's own spelling of field f's column, for messages. */
static const char *
cname(const struct ctx *c, enum field f)
{
	static const char *const fallback[F__COUNT] = {
	    "id",
	    "title",
	    "kind",
	    "date",
	    "start",
	    "end",
	    "duration",
	    "timezone",
	    "room",
	    "track",
	    "speakers",
	    "level",
	    "recorded",
	    "url",
	    "video_url",
	    "abstract",
	    "category",
	    "status",
	};

	if (c->col[f] >= 0 && *c->hdr[c->col[f]] != '\0')
		return c->hdr[c->col[f]];
	return fallback[f];
}

/* Lowercases, and reads ' ' and '-' as '_': "Time-Start" = "time_start". */
static void
normalise_name(const char *s, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < outsz; i++) {
		unsigned char ch = (unsigned char)s[i];

		out[i] = ch == ' ' || ch == '-' ? '_' : (char)tolower(ch);
	}
	out[i] = '\0';
}

static int
find_col(const char (*norm)[40], size_t n, const int *taken, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!taken[i] && strcmp(norm[i], name) == 0)
			return (int)i;
	return -1;
}

/* One note naming the header's columns that no field reads, so that a
 * column is never dropped without a word. */
static void
unread_columns(struct ctx *c, const int *taken)
{
	char list[200] = "";
	size_t i, n = 0, len = 0;

	for (i = 0; i < c->nf; i++) {
		if (taken[i])
			continue;
		if (n++ < 6 && len < sizeof(list) - 1) {
			int w = *c->hdr[i] != '\0'
			    ? snprintf(list + len, sizeof(list) - len,
			          "%s'%.30s'", len ? ", " : "", c->hdr[i])
			    : snprintf(list + len, sizeof(list) - len,
			          "%scolumn %zu (no name)", len ? ", " : "",
			          i + 1);

			if (w > 0)
				len += (size_t)w;
			if (len >= sizeof(list))
				len = sizeof(list) - 1;
		}
	}
	if (n == 0)
		return;
	pp_diag_add(c->ds, PP_NOTE, c->name, c->row_line, 0,
	    "%zu column%s not read: %s%s", n, n == 1 ? "" : "s", list,
	    n > 6 ? ", ..." : "");
}

/* Maps the header row to fields; returns 0, or -1 after one error. */
static int
read_header(struct ctx *c)
{
	char(*norm)[40];
	int *taken;
	size_t i, a, k;
	char missing[128] = "";
	int ret = 0;

	c->nhdr = c->nf;
	c->hdr = pp_xcalloc(c->nf ? c->nf : 1, sizeof(*c->hdr));
	norm = pp_xcalloc(c->nf ? c->nf : 1, sizeof(*norm));
	taken = pp_xcalloc(c->nf ? c->nf : 1, sizeof(*taken));
	for (i = 0; i < c->nf; i++) {
		c->hdr[i] = pp_xstrdup(colval(c, (int)i));
		normalise_name(c->hdr[i], norm[i], sizeof(norm[i]));
	}
	for (k = 0; k < F__COUNT; k++)
		c->col[k] = -1;
	for (a = 0; a < sizeof(aliases) / sizeof(aliases[0]); a++) {
		for (k = 0; k < MAX_ALIASES && aliases[a].names[k]; k++) {
			int j = find_col((const char(*)[40])norm, c->nf, taken,
			    aliases[a].names[k]);

			if (j >= 0) {
				c->col[aliases[a].f] = j;
				taken[j] = 1;
				break;
			}
		}
	}
	/* Without a kind column, "category" may carry kinds (see above). */
	if (c->col[F_KIND] < 0) {
		int j =
		    find_col((const char(*)[40])norm, c->nf, taken, "category");

		if (j >= 0) {
			c->col[F_CATEGORY] = j;
			taken[j] = 1;
		}
	}
	for (k = 0; k < sizeof(tag_names) / sizeof(tag_names[0]); k++) {
		int j;

		while (c->ntagcols < MAX_TAGCOLS &&
		    (j = find_col((const char(*)[40])norm, c->nf, taken,
		         tag_names[k])) >= 0) {
			c->tagcol[c->ntagcols++] = j;
			taken[j] = 1;
		}
	}
	unread_columns(c, taken);
	if (c->col[F_TITLE] < 0)
		strcat(missing, ", title");
	if (c->col[F_START] < 0)
		strcat(missing, ", start");
	if (c->col[F_END] < 0 && c->col[F_DURATION] < 0)
		strcat(missing, ", end or duration");
	if (*missing != '\0') {
		pp_diag_err(c->ds, c->name, c->row_line,
		    "header lacks required column%s: %s",
		    strchr(missing + 2, ',') != NULL ? "s" : "", missing + 2);
		ret = -1;
	}
	free(norm);
	free(taken);
	return ret;
}

static void problem(struct row_problems *rp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
problem(struct row_problems *rp, const char *fmt, ...)
{
	va_list ap;

	if (rp->n >= MAX_PROBLEMS)
		return;
	rp->p[rp->n].line = rp->p[rp->n].col = 0;
	va_start(ap, fmt);
	vsnprintf(rp->p[rp->n].msg, sizeof(rp->p[0].msg), fmt, ap);
	va_end(ap);
	rp->n++;
}

/* Reads 1 to maxd digits at s[*i] into *v; returns the count read. */
static int
digits(const char *s, size_t *i, int maxd, int *v)
{
	int n = 0;

	*v = 0;
	while (n < maxd && isdigit((unsigned char)s[*i])) {
		*v = *v * 10 + (s[(*i)++] - '0');
		n++;
	}
	return n;
}

/*
 * Parses a date at s[*i]: "YYYY-MM-DD" or "D/M/YYYY" (day first, as in
 * Europe).  Returns 0 and advances *i, or -1.
 */
static int
parse_date_at(const char *s, size_t *i, struct pp_civil *out)
{
	char iso[48];
	size_t j = *i;
	int a, b, y, n;

	n = digits(s, &j, 4, &a);
	if (n == 4 && s[j] == '-') {
		j++;
		if (digits(s, &j, 2, &b) != 2 || s[j++] != '-' ||
		    digits(s, &j, 2, &n) != 2)
			return -1;
		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", a, b, n);
	} else if (n >= 1 && n <= 2 && s[j] == '/') {
		j++;
		if (digits(s, &j, 2, &b) < 1 || s[j++] != '/')
			return -1;
		n = digits(s, &j, 4, &y);
		if (n == 2) /* two digits: 1970-2069, as POSIX strptime %y */
			y += y < 70 ? 2000 : 1900;
		else if (n != 4)
			return -1;
		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, b, a);
	} else
		return -1;
	if (isdigit((unsigned char)s[j]) || pp_parse_date(iso, out) != 0)
		return -1;
	*i = j;
	return 0;
}

static int
parse_date_any(const char *s, struct pp_civil *out)
{
	size_t i = 0;

	return parse_date_at(s, &i, out) == 0 && s[i] == '\0' ? 0 : -1;
}

/*
 * A 12-hour clock suffix at s[*i]: optional blanks, then "am", "a.m.",
 * "pm" or "p.m." in any case.  Returns 'a' or 'p' and advances *i past
 * it, or 0 (nothing read).
 */
static int
meridiem_at(const char *s, size_t *i)
{
	size_t j = *i + strspn(s + *i, " ");
	int c = tolower((unsigned char)s[j]);

	if (c != 'a' && c != 'p')
		return 0;
	j++;
	if (s[j] == '.')
		j++;
	if (tolower((unsigned char)s[j]) != 'm')
		return 0;
	j++;
	if (s[j] == '.')
		j++;
	if (isalnum((unsigned char)s[j]))
		return 0;
	*i = j;
	return c;
}

/*
 * Parses "H:MM" or "HH:MM[:SS]" at s[*i] into seconds since midnight,
 * with an optional 12-hour suffix ("2:00 p.m.", "12:30am"; 0:00 a.m. is
 * read as midnight, as people write it).
 */
static int
parse_time_at(const char *s, size_t *i, int *secs)
{
	size_t j = *i;
	int h, m, sec = 0, ampm;

	if (digits(s, &j, 2, &h) < 1 || s[j++] != ':' ||
	    digits(s, &j, 2, &m) != 2)
		return -1;
	if (s[j] == ':' && isdigit((unsigned char)s[j + 1])) {
		j++;
		if (digits(s, &j, 2, &sec) != 2)
			return -1;
	}
	if (isdigit((unsigned char)s[j]) || m > 59 || sec > 59 || h > 24 ||
	    (h == 24 && (m != 0 || sec != 0)))
		return -1;
	if ((ampm = meridiem_at(s, &j)) != 0) {
		if (h > 12)
			return -1;
		h = h % 12 + (ampm == 'p' ? 12 : 0);
	}
	*secs = h * 3600 + m * 60 + sec;
	*i = j;
	return 0;
}

/* A start or end value: a time of day, or a date-time. */
struct when {
	int has_date;
	struct pp_civil date;
	int secs;    /* seconds since midnight */
	int has_off; /* an explicit "Z" or offset */
	int off;     /* seconds east of UTC */
};

static int
parse_when(const char *s, struct when *w)
{
	size_t i = 0;
	int oh, om = 0;

	memset(w, 0, sizeof(*w));
	if (parse_time_at(s, &i, &w->secs) == 0)
		return s[i] == '\0' ? 0 : -1;
	i = 0;
	if (parse_date_at(s, &i, &w->date) != 0)
		return -1;
	w->has_date = 1;
	if (s[i] != 'T' && s[i] != 't' && s[i] != ' ')
		return -1;
	i++;
	if (parse_time_at(s, &i, &w->secs) != 0)
		return -1;
	if (s[i] == 'Z' || s[i] == 'z') {
		w->has_off = 1;
		i++;
	} else if (s[i] == '+' || s[i] == '-') {
		int sign = s[i++] == '-' ? -1 : 1;

		if (digits(s, &i, 2, &oh) != 2)
			return -1;
		if (s[i] == ':')
			i++;
		if (isdigit((unsigned char)s[i]) && digits(s, &i, 2, &om) != 2)
			return -1;
		if (oh > 23 || om > 59)
			return -1;
		w->has_off = 1;
		w->off = sign * (oh * 3600 + om * 60);
	}
	return s[i] == '\0' ? 0 : -1;
}

/*
 * Parses a duration: minutes ("45", "45 min"), "H:MM", or ISO 8601
 * ("PT1H30M", "P1DT2H"), into seconds.  Returns 0 or -1.
 */
static int
parse_duration(const char *s, int64_t *out)
{
	int64_t total = 0, v;
	size_t i = 0;
	int in_time = 0, any = 0, n;

	if (s[0] == 'P' || s[0] == 'p') {
		for (i = 1; s[i] != '\0';) {
			char u;

			if (s[i] == 'T' || s[i] == 't') {
				if (in_time)
					return -1;
				in_time = 1;
				i++;
				continue;
			}
			for (v = 0, n = 0; isdigit((unsigned char)s[i]); i++)
				if (++n > 6)
					return -1;
				else
					v = v * 10 + (s[i] - '0');
			u = (char)toupper((unsigned char)s[i++]);
			if (n == 0)
				return -1;
			if (!in_time && u == 'W')
				v *= 7 * 86400;
			else if (!in_time && u == 'D')
				v *= 86400;
			else if (in_time && u == 'H')
				v *= 3600;
			else if (in_time && u == 'M')
				v *= 60;
			else if (!(in_time && u == 'S'))
				return -1;
			total += v;
			any = 1;
		}
		if (!any)
			return -1;
		*out = total;
		return 0;
	}
	for (v = 0, n = 0; isdigit((unsigned char)s[i]); i++)
		if (++n > 6)
			return -1;
		else
			v = v * 10 + (s[i] - '0');
	if (n == 0)
		return -1;
	if (s[i] == ':') {
		int m;

		i++;
		if (digits(s, &i, 2, &m) != 2 || m > 59 || s[i] != '\0')
			return -1;
		*out = v * 3600 + m * 60;
		return 0;
	}
	while (s[i] == ' ')
		i++;
	if (s[i] != '\0' && strcasecmp(s + i, "m") != 0 &&
	    strcasecmp(s + i, "min") != 0 && strcasecmp(s + i, "mins") != 0 &&
	    strcasecmp(s + i, "minutes") != 0)
		return -1;
	*out = v * 60;
	return 0;
}

/* The instant of date d at secs past midnight, in zone or at offset.
 * A time the clocks skip is read as RFC 5545 says, and said so (the
 * iCalendar reader does the same). */
static int
instant(struct ctx *ctx, const char *zone, const struct pp_civil *d, int secs,
    int has_off, int off, int64_t *out)
{
	struct pp_civil c = *d, shown;
	enum pp_tz_fit fit = PP_TZ_EXACT;

	if (has_off) {
		*out = pp_days_from_civil(d->year, d->month, d->day) * 86400 +
		    secs - off;
		return 0;
	}
	c.hour = secs / 3600;
	c.min = secs / 60 % 60;
	c.sec = secs % 60;
	if (pp_tz_from_civil_fit(zone, &c, out, &fit) != 0)
		return -1;
	if (fit == PP_TZ_GAP && pp_tz_to_civil(zone, *out, &shown) == 0)
		pp_diag_warn(ctx->ds, ctx->name, ctx->row_line,
		    "%04d-%02d-%02d %02d:%02d does not exist in %s (the clocks "
		    "skip it): read as %02d:%02d, as RFC 5545 says",
		    c.year, c.month, c.day, c.hour, c.min, zone, shown.hour,
		    shown.min);
	return 0;
}

static void
next_day(const struct pp_civil *d, struct pp_civil *out)
{
	*out = *d;
	pp_civil_from_days(pp_days_from_civil(d->year, d->month, d->day) + 1,
	    &out->year, &out->month, &out->day);
}

static int
zone_valid(struct ctx *c, const char *zone)
{
	if (strcmp(c->zone_ok, zone) == 0)
		return 1;
	if (!pp_tz_valid(zone))
		return 0;
	if (strlen(zone) < sizeof(c->zone_ok))
		strcpy(c->zone_ok, zone);
	return 1;
}

/*
 * Works out the row's start and end; adds a problem for each thing wrong.
 * Returns 0 when both are known.
 */
static int
row_times(struct ctx *c, const char *zone, int zone_ok, struct row_problems *rp,
    int64_t *start, int64_t *end)
{
	const char *dv = val(c, F_DATE), *sv = val(c, F_START);
	const char *ev = val(c, F_END), *uv = val(c, F_DURATION);
	struct pp_civil date, edate;
	struct when ws, we;
	int have_date = 0, ok = 1;
	int64_t dur = 0;

	memset(&date, 0, sizeof(date));
	if (*dv != '\0') {
		if (parse_date_any(dv, &date) == 0)
			have_date = 1;
		else {
			problem(rp,
			    "%s '%s' is not a date "
			    "(YYYY-MM-DD or DD/MM/YYYY)",
			    cname(c, F_DATE), dv);
			ok = 0;
		}
	}
	if (*sv == '\0') {
		problem(rp, "%s is empty", cname(c, F_START));
		ok = 0;
	} else if (parse_when(sv, &ws) != 0) {
		problem(rp,
		    "%s '%s' is not a time (HH:MM) or a date-time "
		    "(YYYY-MM-DDTHH:MM)",
		    cname(c, F_START), sv);
		ok = 0;
	} else if (!ws.has_date && !have_date && *dv == '\0') {
		if (c->col[F_DATE] < 0)
			problem(rp,
			    "%s '%s' has no date: give a date column "
			    "or YYYY-MM-DDTHH:MM",
			    cname(c, F_START), sv);
		else
			problem(rp, "%s is empty", cname(c, F_DATE));
		ok = 0;
	} else if (!ws.has_date)
		ws.date = date;
	if (*ev != '\0') {
		if (parse_when(ev, &we) != 0) {
			problem(rp,
			    "%s '%s' is not a time (HH:MM) or a "
			    "date-time (YYYY-MM-DDTHH:MM)",
			    cname(c, F_END), ev);
			ok = 0;
		}
	} else if (*uv != '\0') {
		if (parse_duration(uv, &dur) != 0) {
			problem(rp,
			    "%s '%s' is not minutes (45), H:MM or "
			    "ISO 8601 (PT45M)",
			    cname(c, F_DURATION), uv);
			ok = 0;
		} else if (dur <= 0 || dur > MAX_DURATION) {
			problem(rp,
			    "%s '%s' is not between 1 minute and "
			    "7 days",
			    cname(c, F_DURATION), uv);
			ok = 0;
		}
	} else {
		if (c->col[F_END] >= 0 && c->col[F_DURATION] >= 0)
			problem(rp, "%s and %s are empty", cname(c, F_END),
			    cname(c, F_DURATION));
		else
			problem(rp, "%s is empty",
			    cname(c, c->col[F_END] >= 0 ? F_END : F_DURATION));
		ok = 0;
	}
	if (!ok || !zone_ok)
		return -1;
	if (instant(c, zone, &ws.date, ws.secs, ws.has_off, ws.off, start) !=
	    0) {
		problem(rp, "%s '%s' does not exist", cname(c, F_START), sv);
		return -1;
	}
	if (*ev == '\0') {
		*end = *start + dur;
		return 0;
	}
	if (we.has_date) {
		if (instant(c, zone, &we.date, we.secs, we.has_off, we.off,
		        end) != 0) {
			problem(rp, "%s '%s' does not exist", cname(c, F_END),
			    ev);
			return -1;
		}
	} else {
		/* A bare end time shares the start's date and offset. */
		edate = ws.date;
		if (we.secs < ws.secs)
			next_day(&ws.date, &edate);
		if (instant(c, zone, &edate, we.secs, ws.has_off, ws.off,
		        end) != 0) {
			problem(rp, "%s '%s' does not exist", cname(c, F_END),
			    ev);
			return -1;
		}
		if (we.secs<ws.secs && * end - *start> MAX_OVERNIGHT) {
			problem(rp, "%s '%s' is before %s '%s'",
			    cname(c, F_END), ev, cname(c, F_START), sv);
			return -1;
		}
	}
	if (*end <= *start) {
		problem(rp, "%s '%s' is not after %s '%s'", cname(c, F_END), ev,
		    cname(c, F_START), sv);
		return -1;
	}
	/* The same bounds as a duration has (and as the feeds have): plans
	 * count whole minutes, and a week is a typing error. */
	if (*end - *start < 60) {
		problem(rp, "%s '%s' is less than a minute after %s '%s'",
		    cname(c, F_END), ev, cname(c, F_START), sv);
		return -1;
	}
	if (*end - *start > MAX_DURATION) {
		problem(rp, "%s '%s' is more than 7 days after %s '%s'",
		    cname(c, F_END), ev, cname(c, F_START), sv);
		return -1;
	}
	return 0;
}

/* Copies s with every run of whitespace turned into one space. */
static const char *
squeeze(struct pp_timetable *tt, const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *tmp = pp_xmalloc(n + 1);
	const char *r;

	for (i = 0; i < n; i++) {
		if (is_blank((unsigned char)s[i])) {
			if (o > 0 && tmp[o - 1] != ' ')
				tmp[o++] = ' ';
		} else
			tmp[o++] = s[i];
	}
	while (o > 0 && tmp[o - 1] == ' ')
		o--;
	r = pp_tt_strndup(tt, tmp, o);
	free(tmp);
	return r;
}

/* Copies s with CRLF turned into LF. */
static const char *
unix_newlines(struct pp_timetable *tt, const char *s)
{
	size_t n = strlen(s), i, o = 0;
	char *tmp;
	const char *r;

	if (strchr(s, '\r') == NULL)
		return pp_tt_strdup(tt, s);
	tmp = pp_xmalloc(n + 1);
	for (i = 0; i < n; i++)
		if (!(s[i] == '\r' && s[i + 1] == '\n'))
			tmp[o++] = s[i];
	r = pp_tt_strndup(tt, tmp, o);
	free(tmp);
	return r;
}

/*
 * Appends the tags of one cell to the ';'-separated list in *acc: a JSON
 * list '["a", "b"]', or items separated by ';', newlines or literal "\n";
 * a leading '#' is dropped.
 */
static void
add_tags(char **acc, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s), i;
	int json = n >= 2 && s[0] == '[' && s[n - 1] == ']';

	*acc = pp_xgrowarray(*acc, cap, *len + n + 2, 1);
	if (*len > 0)
		(*acc)[(*len)++] = ';';
	for (i = json ? 1 : 0; i < (json ? n - 1 : n); i++) {
		char ch = s[i];

		if (json && ch == '"')
			continue;
		if (json && ch == ',')
			ch = ';';
		else if (ch == '\n' || ch == '\r')
			ch = ';';
		else if (ch == '\\' && s[i + 1] == 'n') {
			ch = ';';
			i++;
		}
		(*acc)[(*len)++] = ch;
	}
	(*acc)[*len] = '\0';
}

static void
set_tags(struct ctx *c, struct pp_event *ev, const char *extra)
{
	char *acc = NULL;
	size_t len = 0, cap = 0, i, j, n, out = 0;
	const char **v;

	for (i = 0; i < c->ntagcols; i++)
		if (*colval(c, c->tagcol[i]) != '\0')
			add_tags(&acc, &len, &cap, colval(c, c->tagcol[i]));
	if (extra != NULL && *extra != '\0')
		add_tags(&acc, &len, &cap, extra);
	if (acc == NULL)
		return;
	n = pp_tt_split(c->tt, acc, 0, &v);
	free(acc);
	for (i = 0; i < n; i++) {
		const char *t = v[i];
		int dup = 0;

		if (*t == '#' && t[1] != '\0')
			t++;
		for (j = 0; j < out; j++)
			if (strcasecmp(v[j], t) == 0)
				dup = 1;
		if (!dup)
			v[out++] = t;
	}
	ev->tags = v;
	ev->ntags = out;
}

static int
parse_recorded(const char *s)
{
	static const char *const yes[] = {"yes", "y", "true", "1"};
	static const char *const no[] = {"no", "n", "false", "0"};
	size_t i;

	if (*s == '\0')
		return PP_REC_UNKNOWN;
	for (i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return PP_REC_YES;
		if (strcasecmp(s, no[i]) == 0)
			return PP_REC_NO;
	}
	return -2;
}

/* Follows whether every event row names one zone (the file's). */
static void
note_zone(struct ctx *c, const char *zone)
{
	if (c->zones_differ)
		return;
	if (*zone == '\0' || strlen(zone) >= sizeof(c->row_zone) ||
	    (*c->row_zone != '\0' && strcmp(c->row_zone, zone) != 0)) {
		c->zones_differ = 1;
		return;
	}
	if (*c->row_zone == '\0') {
		strcpy(c->row_zone, zone);
		c->zone_line = c->row_line;
	}
}

static void
data_row(struct ctx *c)
{
	const char *title = val(c, F_TITLE), *kind = val(c, F_KIND);
	const char *cat = val(c, F_CATEGORY), *tagextra = NULL;
	const char *zone = val(c, F_TZ);
	struct row_problems rp;
	struct pp_event *ev;
	int64_t start = 0, end = 0;
	int zone_ok, rec;
	const char **v;
	size_t n, unknown;

	if (++c->rows > PP_LOAD_MAX_EVENTS) {
		pp_diag_err(c->ds, c->name, c->row_line,
		    "more than %d rows: too many events", PP_LOAD_MAX_EVENTS);
		c->stop = 1;
		return;
	}
	if (*title == '\0' && strcasecmp(kind, "blank") == 0) {
		pp_diag_warn(c->ds, c->name, c->row_line,
		    "blank slot (kind 'blank', no title): skipped");
		return;
	}
	if (*val(c, F_DATE) == '\0' && *val(c, F_START) == '\0' &&
	    *val(c, F_END) == '\0') {
		pp_diag_warn(c->ds, c->name, c->row_line,
		    "row has no time: not scheduled, skipped");
		return;
	}
	memset(&rp, 0, sizeof(rp));
	if (*title == '\0')
		problem(&rp, "missing title");
	if (*zone == '\0')
		zone = c->opts->tz != NULL && *c->opts->tz != '\0' ? c->opts->tz
		                                                   : "UTC";
	if (!(zone_ok = zone_valid(c, zone)))
		problem(&rp, "unknown time zone '%s'", zone);
	row_times(c, zone, zone_ok, &rp, &start, &end);
	if ((rec = parse_recorded(val(c, F_RECORDED))) == -2)
		problem(&rp, "%s '%s' is not yes or no", cname(c, F_RECORDED),
		    val(c, F_RECORDED));
	if (rp.n > 0) {
		pp_load_reject(c->opts, c->ds, c->name, c->row_line, 0, rp.p,
		    (size_t)rp.n);
		return;
	}

	/* A category naming a kind is the kind word, any other a tag. */
	if (c->col[F_CATEGORY] >= 0 && *cat != '\0') {
		if (pp_kind_guess(cat, NULL) != PP_KIND_OTHER)
			kind = cat;
		else
			tagextra = cat;
	}
	ev = pp_timetable_add(c->tt);
	ev->file = c->name;
	ev->line = c->row_line;
	if (*val(c, F_ID) != '\0')
		ev->id = pp_tt_strdup(c->tt, val(c, F_ID));
	else {
		char *id = pp_xasprintf("%s:%u", c->base, c->row_line);

		ev->id = pp_tt_strdup(c->tt, id);
		free(id);
	}
	ev->title = squeeze(c->tt, title);
	ev->kind_word = squeeze(c->tt, kind);
	ev->kind = pp_kind_guess(ev->kind_word, ev->title);
	ev->start = start;
	ev->end = end;
	ev->tz = pp_tt_strdup(c->tt, zone);
	n = pp_tt_split(c->tt, val(c, F_ROOM), 0, &v);
	pp_tt_set_rooms(c->tt, ev, v, n);
	ev->track = squeeze(c->tt, val(c, F_TRACK));
	ev->level = squeeze(c->tt, val(c, F_LEVEL));
	ev->url = pp_tt_strdup(c->tt, val(c, F_URL));
	ev->video_url = pp_tt_strdup(c->tt, val(c, F_VIDEO));
	ev->lang = pp_tt_lang(c->tt, val(c, F_LANG), &unknown);
	if (unknown > 0)
		pp_diag_add(c->ds, PP_NOTE, c->name, c->row_line, 0,
		    "language '%s': %zu word(s) not understood", val(c, F_LANG),
		    unknown);
	ev->abstract = unix_newlines(c->tt, val(c, F_ABSTRACT));
	ev->nspeakers =
	    pp_tt_split(c->tt, val(c, F_SPEAKERS), 1, &ev->speakers);
	set_tags(c, ev, tagextra);
	ev->recorded = (enum pp_recorded)rec;
	if (strcasecmp(val(c, F_STATUS), "cancelled") == 0 ||
	    strcasecmp(val(c, F_STATUS), "canceled") == 0) {
		ev->status = PP_STATUS_CANCELLED;
		pp_diag_add(c->ds, PP_NOTE, c->name, c->row_line, 0,
		    "'%s' is cancelled: listed, never planned", ev->title);
	}
	note_zone(c, val(c, F_TZ));
}

static void
row_cb(int term, void *data)
{
	struct ctx *c = data;
	size_t i;
	int blank = 1;

	(void)term;
	if (c->stop)
		goto out;
	for (i = 0; i < c->nf && blank; i++)
		if (*colval(c, (int)i) != '\0')
			blank = 0;
	if (blank)
		goto out; /* ",,,," is a blank line too */
	if (!c->have_header) {
		c->have_header = 1;
		if (read_header(c) != 0)
			c->stop = 1;
	} else
		data_row(c);
out:
	c->nf = 0;
	c->blen = 0;
}

int
pp_load_csv(struct pp_timetable *tt, const char *name, const char *data,
    size_t len, const struct pp_load_opts *opts, struct pp_diags *ds)
{
	static const struct pp_load_opts defaults = {NULL, 0};
	struct pp_csv_feed f;
	struct ctx c;
	size_t nerr = ds->nerrors, i;
	const char *slash;

	memset(&c, 0, sizeof(c));
	c.tt = tt;
	c.name = name;
	c.base = (slash = strrchr(name, '/')) != NULL ? slash + 1 : name;
	c.opts = opts != NULL ? opts : &defaults;
	c.ds = ds;
	for (i = 0; i < F__COUNT; i++)
		c.col[i] = -1;

	if (pp_csv_text_ok(name, data, len, ds) != 0)
		return -1;
	memset(&f, 0, sizeof(f));
	f.field = field_cb;
	f.row = row_cb;
	f.data = &c;
	f.row_line = &c.row_line;
	f.stop = &c.stop;
	/* Sniff on the first line that is not blank: the header. */
	for (i = 0; i < len; i += pp_csv_line_len(data + i, len - i)) {
		size_t j = i, n = pp_csv_line_len(data + i, len - i);

		while (j < i + n && is_blank((unsigned char)data[j]))
			j++;
		if (j < i + n) {
			f.delim = sniff_delim(data + i, len - i);
			break;
		}
	}
	if (pp_csv_feed(&f, name, data, len, ds) == 1)
		pp_diag_err(ds, name, c.row_line,
		    "unterminated quoted field%s%s%s: it runs to the end of "
		    "the file",
		    c.have_header && c.nf < c.nhdr ? " '" : "",
		    c.have_header && c.nf < c.nhdr ? c.hdr[c.nf] : "",
		    c.have_header && c.nf < c.nhdr ? "'" : "");

	if (!c.zones_differ && *c.row_zone != '\0' && ds->nerrors == nerr)
		pp_load_declare_zone(tt, c.row_zone, name, c.zone_line, ds);
	if (!c.have_header)
		pp_diag_err(ds, name, 0, "empty file: no header row");
	else if (c.rows == 0 && !c.stop)
		pp_diag_warn(ds, name, c.row_line, "header only: no events");
	for (i = 0; i < c.nhdr; i++)
		free(c.hdr[i]);
	free(c.hdr);
	free(c.buf);
	free(c.foff);
	return ds->nerrors > nerr ? -1 : 0;
}
