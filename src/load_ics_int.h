/* SPDX-License-Identifier: ISC */
/*
 * Internals of the iCalendar reader, shared by its modules, one per
 * concern: load_ics_scan.c (the structural pre-scan of the raw text and
 * libical's whole parse of a VEVENT), load_ics_parse.c (libical's reading
 * of the VEVENTs: each distinct content line parsed once, a VEVENT lent
 * the properties of its lines), load_ics_zone.c (what a TZID means:
 * IANA and Windows names, the file's own VTIMEZONEs), load_ics_time.c
 * (time values, DURATION, recurrence rules and their expansion),
 * load_ics_busy.c (busy calendars) and load_ics.c (the event reader and
 * the entry points).  One struct ics_ctx holds the state of one load; it
 * and everything hanging off it live only for that load.
 */
#ifndef PYPLAN_LOAD_ICS_INT_H
#define PYPLAN_LOAD_ICS_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libical/ical.h>

#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/load_ics.h"
#include "pyplan/tz.h"

#define ICS_MAX_DEPTH 16

/* A logical (unfolded) content line found by the pre-scan. */
struct ics_line {
	size_t off, end; /* raw bytes [off, end) of data, folds included */
	unsigned line;   /* physical line of its first part, 1-based */
	uint32_t key;    /* ics_name_key of its property name (by the scan) */
};

enum ics_kind { ICS_VEVENT, ICS_VTIMEZONE };

/* An intact or damaged VEVENT or VTIMEZONE directly under a VCALENDAR. */
struct ics_comp {
	enum ics_kind kind;
	size_t cal;         /* index into ctx.cals */
	size_t first, last; /* logical lines of its BEGIN and END */
	int broken;         /* structural damage: never parsed */
	/* The VEVENT as libical read it: owned when parsed whole (slow), or
	 * lent by ics_event_open while in use (fast); NULL otherwise. */
	icalcomponent *ic;
	int fast;              /* read through the line cache */
	int rid;               /* fast: it has a RECURRENCE-ID */
	size_t lfirst, nlines; /* fast: its lines in ctx.evl */
};

struct ics_cal {
	char *wr_tz; /* X-WR-TIMEZONE, heap, or NULL */
	unsigned wr_tz_line;
	char *wr_name;     /* X-WR-CALNAME, heap, or NULL */
	const char *fzone; /* floating/display zone (arena), an IANA name */
	int fzone_set;     /* fzone was chosen (--tz, X-WR-TIMEZONE) */
};

/* A RECURRENCE-ID override: that instance of the master is replaced. */
struct ics_override {
	const char *uid; /* borrowed from libical */
	int64_t at;
};

/* A distinct property line and what libical made of it
 * (load_ics_parse.c). */
struct ics_pline {
	size_t off, len; /* its unfolded text in ctx.text */
	uint64_t hash;
	icalproperty **props; /* libical's properties of the line (owned) */
	size_t nprops;
	int bad;      /* libical complained, or parsed it oddly */
	size_t stamp; /* the last ics_event_open that used it */
};

struct ics_zone;   /* load_ics_zone.c */
struct ics_vtzref; /* load_ics_zone.c */

struct ics_ctx {
	struct pp_timetable *tt;
	const char *name;
	const char *data;
	size_t len;
	int lenient;
	int busy;
	int64_t from, to; /* busy mode: the window */
	struct pp_diags *ds;
	const char *opt_tz; /* opts->tz or NULL */
	int full;           /* PP_LOAD_MAX_EVENTS reached */

	struct ics_line *cl;
	size_t ncl, capcl;
	uint32_t key_begin, key_end; /* ics_name_key of BEGIN and END */
	struct ics_comp *comp;
	size_t ncomp, capcomp;
	struct ics_cal *cals;
	size_t ncals, capcals;
	/* The line cache: each distinct content line of the well-formed
	 * VEVENTs is parsed by libical once (load_ics_parse.c). */
	struct ics_pline *pl;
	size_t npl, cappl;
	size_t *slots; /* hash table of pl indices + 1 */
	size_t nslots;
	size_t *evl; /* the fast VEVENTs' lines, as pl indices */
	size_t nevl, capevl;
	size_t serial; /* ics_event_open calls */
	char *text;    /* the distinct lines, one after another */
	size_t ntext, captext;
	struct ics_override *ov; /* sorted by uid, then instant */
	size_t nov, capov;
	struct ics_zone **zones; /* every TZID met, by calendar and TZID */
	size_t nzones, capzones;
	struct ics_vtzref *vtz; /* the VTIMEZONEs, by calendar and TZID */
	size_t nvtz;
	int vtz_indexed;

	/* Recurrence work: libical iterator steps taken (events and
	 * VTIMEZONE rules alike) and the file's budget, which grows with
	 * its size (PP_ICS_MAX_STEPS). */
	size_t steps, max_steps;
	int over_budget;      /* the budget ran out: reported once */
	size_t nallday;       /* all-day VEVENTs skipped */
	unsigned allday_line; /* the first one's */
};

/* A DATE or DATE-TIME value, as written, with its zone resolved. */
struct ics_time {
	struct pp_civil c; /* the fields as written */
	int is_date;
	int is_utc;            /* a "Z" time */
	struct ics_zone *zone; /* its TZID, or NULL: UTC or floating */
	unsigned line;         /* where it was written */
};

/* What a VEVENT says about time, after checking. */
struct ics_when {
	struct ics_time start; /* DTSTART */
	int64_t t0;            /* instant of DTSTART */
	int64_t len;           /* seconds (DATE events: whole days) */
	int is_date;
};

/* One occurrence of an event. */
struct ics_occ {
	int64_t start;
	struct pp_civil c; /* its own civil date (all-day busy events) */
};

struct ics_occs {
	struct ics_occ *v;
	size_t n, cap;
	int64_t *ex; /* excluded instants */
	size_t nex, capex;
};

/* ---- load_ics_scan.c: raw text ---------------------------------------- */

/* Reports a problem.  An event-level problem goes through the loaders'
 * one strict/lenient policy (pp_load_reject1: an error, or a warning that
 * says the event is skipped); a problem of the file outside any event is
 * an error in strict mode and a warning in lenient mode. */
void ics_problem(struct ics_ctx *c, unsigned line, int event, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));
/* Copies s into buf (size n) for quoting in a message, cut with "..." on
 * a UTF-8 boundary, control characters blanked; returns buf. */
const char *ics_excerpt(const char *s, char *buf, size_t n);
/* The unfolded text of logical line i (no line break); the caller frees. */
char *ics_line_text(const struct ics_ctx *c, size_t i);
/* The same in buf (n bytes) when it fits there, else on the heap: the
 * caller frees the result when it is not buf. */
char *ics_line_buf(const struct ics_ctx *c, size_t i, char *buf, size_t n);
/* Length of the property name at the start of s ([A-Za-z0-9-]*). */
size_t ics_name_len(const char *s);
/* A hash of the n-byte name s, the same in any case: lines whose names
 * differ mostly differ in it. */
uint32_t ics_name_key(const char *s, size_t n);
/* The value of a content line (after the first ':' outside quotes), or
 * NULL. */
const char *ics_line_value(const char *s);
/* 1 if s is valid UTF-8 without control characters other than tab. */
int ics_valid_text(const char *s);
/* Unescapes an RFC 5545 TEXT value in place. */
void ics_unescape(char *s);
/* Splits the data into logical lines, walks the BEGIN/END structure and
 * records every VCALENDAR, VEVENT and VTIMEZONE; returns -1 if the data
 * is not iCalendar at all (after an error). */
int ics_scan(struct ics_ctx *c);
/*
 * Finds the next line after logical line from (exclusive; k->first to
 * start) directly inside component k (not in a VALARM within it) whose
 * property is prop; returns its index, or k->last when there is none.  If
 * value is not NULL it receives the raw value (cut to vsize).
 */
size_t ics_next_prop(const struct ics_ctx *c, const struct ics_comp *k,
    size_t from, const char *prop, char *value, size_t vsize);
/* The line number of the first prop in k (its BEGIN line if none); value
 * as for ics_next_prop. */
unsigned ics_prop_line(const struct ics_ctx *c, const struct ics_comp *k,
    const char *prop, char *value, size_t vsize);
/* Parses VEVENT k with libical and reports libical's complaints; sets
 * k->ic, or k->broken after a problem. */
void ics_parse_event(struct ics_ctx *c, struct ics_comp *k);

/* ---- load_ics_parse.c: libical's reading of the VEVENTs --------------- */

/*
 * Has libical read every intact VEVENT: a plain VEVENT (no nested
 * component, at most ICS_FAST_LINES lines) through the line cache, each
 * distinct content line of the file parsed once; any other, or one with a
 * line libical complains about, whole by ics_parse_event, so that its
 * diagnostics are those of a whole parse.
 */
void ics_parse_events(struct ics_ctx *c);
/* 1 if VEVENT k was read by libical (ics_event_open may be used). */
int ics_event_ok(const struct ics_comp *k);
/* Sets k->ic to the VEVENT as libical read it, until ics_event_close;
 * returns it. */
icalcomponent *ics_event_open(struct ics_ctx *c, struct ics_comp *k);
void ics_event_close(struct ics_ctx *c, struct ics_comp *k);
/* Releases the line cache. */
void ics_parse_free(struct ics_ctx *c);

/* ---- load_ics_zone.c: TZIDs and VTIMEZONEs ---------------------------- */

/*
 * The zone TZID tzid names in the calendar of component k: the file's
 * VTIMEZONE of that TZID (read, checked and cached on first use: unused
 * VTIMEZONEs cost nothing), an IANA name, or a Windows name.  Returns
 * NULL when the TZID cannot be used, after reporting at line (not when
 * line is 0).
 */
struct ics_zone *ics_zone_find(struct ics_ctx *c, const struct ics_comp *k,
    const char *tzid, unsigned line);
/*
 * The instant of wall-clock time cv in zone z by pp_tz_resolve's RFC 5545
 * rule; *fit says if the time was skipped or repeated.  Compares the
 * file's VTIMEZONE with the IANA zone of the same name and warns once per
 * zone when they disagree (the IANA zone is used).  Returns -1 after
 * reporting at line when the zone's rules cannot be evaluated.
 */
int ics_zone_instant(struct ics_ctx *c, struct ics_zone *z,
    const struct pp_civil *cv, unsigned line, int64_t *out,
    enum pp_tz_fit *fit);
/* The wall-clock time of instant t in zone z (fields only). */
int ics_zone_civil(struct ics_ctx *c, struct ics_zone *z, int64_t t,
    struct pp_civil *out);
/* The IANA name z stands for, or NULL (a VTIMEZONE of its own). */
const char *ics_zone_iana(const struct ics_zone *z);
/* The TZID as written. */
const char *ics_zone_tzid(const struct ics_zone *z);
/* 1 once it has been said that z is shown in another zone. */
int *ics_zone_noted(struct ics_zone *z);
/* The IANA name a calendar-level zone name (X-WR-TIMEZONE, --tz) stands
 * for: itself, a Windows name's zone, or NULL. */
const char *ics_iana_name(const char *name);
/* The one IANA zone that the TZIDs of the file's VTIMEZONEs name, or
 * NULL (none, or several). */
const char *ics_vtimezones_iana(struct ics_ctx *c);
/* Releases every zone of the load. */
void ics_zones_free(struct ics_ctx *c);

/* ---- load_ics_time.c: time values and recurrence ---------------------- */

/* 1 if a raw DATE or DATE-TIME value has the RFC 5545 form. */
int ics_valid_raw_time(const char *v);
/*
 * Reads DTSTART and DTEND/DURATION of VEVENT k.  Returns 1 if the event
 * has a usable time span, 0 if it is to be skipped quietly (after a note
 * or warning where the mode wants one), -1 after a problem.
 */
int
ics_read_when(struct ics_ctx *c, const struct ics_comp *k, struct ics_when *w);
/* The instant of t (floating times in the calendar's zone); -1 after a
 * problem.  warn: report a wall-clock time that does not exist. */
int ics_instant(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_time *t, int warn, int64_t *out);
/* Reads the RECURRENCE-ID of VEVENT k into *out; -1 after a problem. */
int
ics_recurrence_id(struct ics_ctx *c, const struct ics_comp *k, int64_t *out);
/*
 * Collects the occurrences of a master VEVENT: DTSTART, RRULEs and RDATEs
 * minus EXDATEs and overridden instances, sorted and in the busy window.
 * Sets *recurring.  Returns 0, or -1 after a problem.
 */
int ics_expand(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, struct ics_occs *o, int *recurring);
/*
 * Checks the raw value of an RRULE (vtz: of a VTIMEZONE observance) part
 * by part, since libical reads numbers into 16- and 32-bit fields without
 * a word when they overflow, and refuses rules libical would iterate for
 * hours; fills *out.  Returns 0, or -1 after reporting at line.
 */
int ics_check_rrule(struct ics_ctx *c, const char *raw, unsigned line, int vtz,
    struct icalrecurrencetype *out);
/* Records the RECURRENCE-ID of every override, so that masters skip the
 * instances they replace. */
void ics_collect_overrides(struct ics_ctx *c);
/* Takes n steps of recurrence work from the file's budget; returns -1
 * (after reporting at line, once) when it is spent. */
int ics_charge(struct ics_ctx *c, size_t n, unsigned line);
/* The floating libical time of civil fields (a DATE when is_date), and
 * the civil fields of a libical time (its own clock; 00:00 for a DATE). */
struct icaltimetype ics_floating(const struct pp_civil *cv, int is_date);
void ics_civil_of(struct icaltimetype t, struct pp_civil *cv);
/* qsort and bsearch order of int64_t. */
int ics_cmp_i64(const void *a, const void *b);
/* Formats an instant as "YYYYMMDDTHHMMSSZ" into buf[17]. */
void ics_format_utc(int64_t t, char *buf);
/* Adds one occurrence. */
void ics_occ_add(struct ics_occs *o, int64_t start, const struct pp_civil *c);

/* ---- load_ics_busy.c: busy calendars ---------------------------------- */

/* 1 if an occurrence starting at s (w->len long) is wanted: always in a
 * programme, inside the window in a busy calendar. */
int ics_in_window(const struct ics_ctx *c, const struct ics_when *w, int64_t s);
/* Busy mode: moves iterator it for a rule without COUNT close to the
 * window instead of walking there from DTSTART. */
void ics_busy_skip(struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, icalrecur_iterator *it);
/* Busy mode: the whole local days of an all-day occurrence. */
void ics_busy_day_span(const struct ics_ctx *c, const struct ics_comp *k,
    const struct ics_when *w, const struct pp_civil *d, int64_t *s, int64_t *e);
/* Busy mode: fills the fields of a busy block's template event. */
void ics_busy_fields(struct ics_ctx *c, icalcomponent *ic, struct pp_event *ev);

/* ---- load_ics.c: the reader ------------------------------------------- */

/* An arena copy of s with surrounding blanks removed ("" for NULL). */
const char *ics_trimdup(struct pp_timetable *tt, const char *s);
/* Prepares a load of data (len bytes) named name. */
void ics_init(struct ics_ctx *c, struct pp_timetable *tt, const char *name,
    const char *data, size_t len, const struct pp_load_opts *opts,
    struct pp_diags *ds);
/* Reads the whole file; returns 0, or -1 if it held errors. */
int ics_load(struct ics_ctx *c);

#endif
