/* SPDX-License-Identifier: ISC */
/*
 * The command line: parses options, runs one subcommand through the
 * library (load, profile, model, solve, write), prints diagnostics and maps
 * the outcome to a sysexits.h status.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cli_int.h"
#include "pyplan/batch.h"
#include "pyplan/busy.h"
#include "pyplan/check.h"
#include "pyplan/cli.h"
#include "pyplan/diag.h"
#include "pyplan/diff.h"
#include "pyplan/event.h"
#include "pyplan/explain.h"
#include "pyplan/fetch.h"
#include "pyplan/ics_update.h"
#include "pyplan/load.h"
#include "pyplan/load_plan.h"
#include "pyplan/lp.h"
#include "pyplan/match.h"
#include "pyplan/model.h"
#include "pyplan/output.h"
#include "pyplan/pins.h"
#include "pyplan/profile.h"
#include "pyplan/score.h"
#include "pyplan/session.h"
#include "pyplan/solve.h"
#include "pyplan/suggest.h"
#include "pyplan/team.h"
#include "pyplan/team_explain.h"
#include "pyplan/team_solve.h"
#include "pyplan/term.h"
#include "pyplan/tz.h"
#include "pyplan/utf8.h"
#include "pyplan/version.h"
#include "pyplan/watch.h"
#include "pyplan/write.h"
#include "pyplan/write_csv.h"
#include "pyplan/write_diff.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_json.h"
#include "pyplan/write_team.h"
#include "pyplan/write_util.h"
#include "pyplan/xalloc.h"

static void
print_diags(const struct opts *o, const struct pp_diags *ds)
{
	pp_diags_print(ds, stderr,
	    o->verbose     ? PP_NOTE
	        : o->quiet ? PP_ERROR
	                   : PP_WARNING);
}

/* Loads the profile: --profile, else the XDG default when it exists, then
 * the flags.  Returns an exit status (0 = fine). */
static int
load_profile(const struct opts *o, struct pp_profile *p, char **xdg_path,
    struct pp_diags *ds)
{
	const char *path = o->profile;
	int io = 0;
	size_t i;

	*xdg_path = NULL;
	if (path == NULL && !o->no_profile) {
		const char *xdg = getenv("XDG_CONFIG_HOME");
		const char *home = getenv("HOME");
		struct stat st;

		if (xdg != NULL && *xdg != '\0')
			*xdg_path = pp_xasprintf("%s/pyplan/profile.ini", xdg);
		else if (home != NULL && *home != '\0')
			*xdg_path =
			    pp_xasprintf("%s/.config/pyplan/profile.ini", home);
		if (*xdg_path != NULL && stat(*xdg_path, &st) == 0)
			path = *xdg_path;
	}
	if (path != NULL && pp_profile_load(p, path, ds, &io) != 0)
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	for (i = 0; i < o->nset; i++)
		if (pp_profile_set(p, o->set[i].section, o->set[i].key,
		        o->set[i].value, NULL, 0, ds) != 0) {
			/* --venue names a file: its faults are the data's,
			 * or a missing input. */
			if (o->set[i].key != NULL &&
			    strcmp(o->set[i].key, "venue") == 0)
				return access(o->set[i].value, R_OK) == 0
				    ? PP_EX_DATAERR
				    : PP_EX_NOINPUT;
			return PP_EX_USAGE;
		}
	if (pp_profile_check(p, ds) != 0)
		return PP_EX_USAGE;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Programmes by URL (fetch.h)                                          */

/* The exit status for how a fetch ended. */
static int
fetch_exit(enum pp_fetch_status fs)
{
	switch (fs) {
	case PP_FETCH_OK:
		return 0;
	case PP_FETCH_TIMEOUT:
	case PP_FETCH_HTTP_TEMP:
		return PP_EX_TEMPFAIL;
	case PP_FETCH_NOT_FOUND:
	case PP_FETCH_NOT_CACHED:
		return PP_EX_NOINPUT;
	case PP_FETCH_PROTOCOL:
		return PP_EX_PROTOCOL;
	case PP_FETCH_TOO_BIG:
		return PP_EX_DATAERR;
	case PP_FETCH_CACHE:
		return PP_EX_CANTCREAT;
	case PP_FETCH_UNREACHABLE:
	case PP_FETCH_TLS:
	case PP_FETCH_HTTP:
	default:
		return PP_EX_UNAVAILABLE;
	}
}

static enum pp_fetch_status
fetch_url(const struct opts *o, const char *url, int offline,
    struct pp_fetch_result *res, struct pp_diags *ds)
{
	struct pp_fetch_opts fo;

	memset(&fo, 0, sizeof(fo));
	fo.offline = offline;
	fo.timeout = o->timeout > 0 ? o->timeout : PP_FETCH_TIMEOUT_DEFAULT;
	return pp_fetch(url, &fo, res, ds);
}

/*
 * Loads the cached file path as the programme called name (a URL, which
 * the events and diagnostics keep).  Returns an exit status.
 */
static int
load_cached(struct pp_timetable *tt, const char *name, const char *path,
    const struct pp_load_opts *lo, struct pp_diags *ds)
{
	struct pp_diags rd;
	const char *dummy;
	char *data;
	size_t len;
	int io = 0;

	/* Read errors name the cache file, which is freed before the
	 * diagnostics are printed: they are said again under name. */
	pp_diags_init(&rd);
	if (pp_load_read(path, &dummy, &data, &len, &rd, &io) != 0) {
		pp_diag_err(ds, name, 0, "cached copy: %s",
		    rd.n > 0 ? rd.v[0].msg : "cannot read");
		pp_diags_fini(&rd);
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	}
	pp_diags_fini(&rd);
	pp_load_buffer(tt, name, data, len, lo, ds);
	free(data);
	return 0;
}

/*
 * Loads one programme argument: a file, "-", or an http(s) URL fetched
 * into the cache first.  Sets *io for a file that cannot be read and
 * *fetch_st to the exit status of the first failed fetch.
 */
static void
load_source(const struct opts *o, const char *src,
    const struct pp_load_opts *lo, struct pp_timetable *tt, struct pp_diags *ds,
    int *io, int *fetch_st)
{
	struct pp_fetch_result res;
	int st;

	if (!pp_fetch_is_url(src)) {
		pp_load_file(tt, src, lo, ds, io);
		return;
	}
	st = fetch_exit(fetch_url(o, src, o->offline, &res, ds));
	if (st == 0)
		st = load_cached(tt, src, res.path, lo, ds);
	if (st != 0 && *fetch_st == 0)
		*fetch_st = st;
	pp_fetch_result_fini(&res);
}

/*
 * Loads the n programme sources src into tt, or, when cached is not NULL,
 * the file cached under the name src[0] (diff --since-cache).  Returns an
 * exit status (0 = fine).
 */
static int
load_sources(const struct opts *o, const char *const *src, size_t n,
    const char *cached, const struct pp_profile *p, struct pp_timetable *tt,
    struct pp_diags *ds)
{
	struct pp_load_opts lo;
	size_t i;
	int io = 0, ret = 0, fetch_st = 0;

	lo.tz = p->tz;
	lo.lenient = o->lenient;
	for (i = 0; i < n; i++) {
		int this_io = 0;

		if (cached != NULL)
			fetch_st = load_cached(tt, src[i], cached, &lo, ds);
		else
			load_source(o, src[i], &lo, tt, ds, &this_io,
			    &fetch_st);
		io |= this_io;
	}
	if (fetch_st != 0)
		ret = fetch_st;
	else if (io)
		ret = PP_EX_NOINPUT;
	else if (ds->nerrors > 0)
		ret = PP_EX_DATAERR;
	if (ret == 0)
		pp_timetable_merge_duplicates(tt, ds);
	return ret;
}

/* Loads every programme file; returns an exit status (0 = fine). */
static int
load_programme(const struct opts *o, const struct pp_profile *p,
    struct pp_timetable *tt, struct pp_diags *ds)
{
	if (o->nfiles == 0) {
		cli_usage_error("%s", "no programme file given");
		return PP_EX_USAGE;
	}
	return load_sources(o, o->files, o->nfiles, NULL, p, tt, ds);
}

static enum fmt
fmt_for(const struct opts *o, enum fmt dflt)
{
	const char *dot;

	if (o->fmt != FMT_NONE)
		return o->fmt;
	if (o->out != NULL && strcmp(o->out, "-") != 0 &&
	    (dot = strrchr(o->out, '.')) != NULL) {
		if (strcasecmp(dot, ".ics") == 0 ||
		    strcasecmp(dot, ".ical") == 0)
			return FMT_ICS;
		if (strcasecmp(dot, ".json") == 0)
			return FMT_JSON;
		if (strcasecmp(dot, ".csv") == 0)
			return FMT_CSV;
		if (strcasecmp(dot, ".tsv") == 0)
			return FMT_TSV;
	}
	return dflt;
}

static int
use_color(const struct opts *o)
{
	const char *nc = getenv("NO_COLOR");

	if (nc != NULL && *nc != '\0')
		return 0;
	return (o->out == NULL || strcmp(o->out, "-") == 0) &&
	    isatty(STDOUT_FILENO);
}

/* Writes through an atomic output; returns an exit status. */
static int
finish_output(struct pp_out *out, int werr, struct pp_diags *ds)
{
	if (werr != 0) {
		pp_diag_err(ds, out->name != NULL ? out->name : "<stdout>", 0,
		    "write error: %s", strerror(errno != 0 ? errno : EIO));
		pp_out_abort(out);
		return PP_EX_IOERR;
	}
	return pp_out_commit(out, ds) == 0 ? 0 : PP_EX_IOERR;
}

/* The width text is laid out in: --width, else the terminal's when the
 * output is a terminal, else none. */
static size_t
text_width(const struct opts *o)
{
	if (o->width_set)
		return o->width;
	if (o->out != NULL && strcmp(o->out, "-") != 0)
		return 0;
	return pp_term_width(STDOUT_FILENO);
}

static unsigned
csv_mode(const struct opts *o, int tsv)
{
	return (tsv ? PP_CSV_TSV : 0u) | (o->raw_csv ? PP_CSV_RAW : 0u);
}

static int
write_plan(const struct opts *o, const struct pp_plan *pl,
    const struct pp_prev_cal *prev, struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	int werr = 0;

	memset(&wo, 0, sizeof(wo));
	wo.previous = prev;
	wo.color = use_color(o);
	wo.alarm_minutes = o->alarm;
	wo.alarm_hallway = o->alarm_hallway;
	wo.width = text_width(o);
	if (pp_out_open(&out, o->out, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	switch (fmt_for(o, FMT_TEXT)) {
	case FMT_ICS:
		werr = pp_write_ics(out.fp, pl, &wo);
		break;
	case FMT_JSON:
		werr = pp_write_json(out.fp, pl, &wo);
		break;
	case FMT_CSV:
		werr = pp_write_csv(out.fp, pl, csv_mode(o, 0));
		break;
	case FMT_TSV:
		werr = pp_write_csv(out.fp, pl, csv_mode(o, 1));
		break;
	default:
		werr = pp_write_text(out.fp, pl, &wo);
		break;
	}
	return finish_output(&out, werr, ds);
}

static int
write_lp(const char *path, const struct pp_model *m, struct pp_diags *ds)
{
	struct pp_out out;

	if (pp_out_open(&out, path, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	return finish_output(&out, pp_write_lp(out.fp, m), ds);
}

/* Everything build and explain share: profile, programme, busy, model. */
struct session {
	struct pp_profile p;
	struct pp_timetable *tt;
	struct pp_session ps; /* busy blocks and model */
	char *xdg;
	/* build --from: the old plan and how to replan from it */
	struct pp_plan_file from;
	struct pp_replan replan;
};

/*
 * --pins: the edited plan's rows become must-see and skip references.
 * Which rows were deleted is told by the plan the same programme and
 * profile give without the pins (the plan the file came from); its own
 * diagnostics are those the real build reports, so they are not said
 * twice.  Returns an exit status.
 */
static int
apply_pins(const struct opts *o, struct session *s, struct pp_diags *ds)
{
	struct pp_plan_file pf;
	struct pp_session base_s;
	struct pp_plan *base = NULL;
	struct pp_diags quiet;
	int io = 0, st = 0;

	if (pp_plan_file_load(&pf, o->pins, pp_model_zone(s->tt, s->p.tz, NULL),
	        ds, &io) != 0)
		st = io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	else {
		pp_diags_init(&quiet);
		if (pp_session_open(&base_s, s->tt, NULL, &s->p, o->lenient,
		        &quiet) == PP_SESSION_OK &&
		    pp_solve(base_s.m, &base, &quiet) != 0)
			base = NULL;
		pp_diags_fini(&quiet);
		if (pp_pins_apply(&s->p, s->tt, &pf, base, ds) != 0)
			st = PP_EX_DATAERR;
		pp_plan_free(base);
		pp_session_close(&base_s);
	}
	pp_plan_file_fini(&pf);
	return st;
}

/*
 * --from and --now: the old plan (times local to the planning zone when
 * it is CSV or TSV) and the time to replan from.  Returns an exit status.
 */
static int
load_from(const struct opts *o, struct session *s, struct pp_diags *ds)
{
	const char *zone = pp_model_zone(s->tt, s->p.tz, NULL);
	int64_t now = (int64_t)time(NULL), first = INT64_MAX, last = INT64_MIN;
	size_t i;
	int io = 0;

	if (o->now != NULL && pp_tz_parse_iso(o->now, zone, &now) != 0) {
		cli_usage_error("bad --now '%s' (YYYY-MM-DDTHH:MM, in %s "
		                "unless "
		                "it has an offset)",
		    o->now, zone);
		return PP_EX_USAGE;
	}
	for (i = 0; i < s->tt->n; i++) {
		if (s->tt->ev[i].start < first)
			first = s->tt->ev[i].start;
		if (s->tt->ev[i].end > last)
			last = s->tt->ev[i].end;
	}
	if (s->tt->n > 0 && now >= last) {
		char d[11], hm[6];

		pp_tz_format_date(zone, last, d);
		pp_tz_format_hhmm(zone, last, hm);
		cli_usage_error("--now is after the conference (its last event "
		                "ends %s %s %s): nothing left to replan",
		    d, hm, zone);
		return PP_EX_USAGE;
	}
	if (pp_plan_file_load(&s->from, o->from, zone, ds, &io) != 0)
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	if (s->tt->n > 0 && now < first)
		pp_diag_warn(ds, NULL, 0,
		    "--now is before the conference: nothing attended yet, "
		    "the whole plan is replanned");
	s->replan.from = &s->from;
	s->replan.now = now;
	s->replan.penalty = pp_score_units(s->p.change_penalty);
	return 0;
}

/* --previous: the calendar a new .ics replaces.  Returns an exit status. */
static int
load_previous(const char *path, struct pp_prev_cal *pc, struct pp_diags *ds)
{
	int io = 0;

	if (pp_prev_cal_load(pc, path, ds, &io) != 0)
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	if (pc->n == 0)
		pp_diag_warn(ds, path, 0,
		    "no event of a pyplan plan in it: nothing to update");
	else if (pc->foreign > 0)
		pp_diag_add(ds, PP_NOTE, path, 0, 0,
		    "%zu %s not written by pyplan left alone", pc->foreign,
		    pc->foreign == 1 ? "event" : "events");
	return 0;
}

static int
session_open(const struct opts *o, struct session *s, struct pp_diags *ds,
    int need_model)
{
	int st;

	memset(s, 0, sizeof(*s));
	pp_profile_init(&s->p);
	s->tt = pp_timetable_new();
	if ((st = load_profile(o, &s->p, &s->xdg, ds)) != 0)
		return st;
	if ((st = load_programme(o, &s->p, s->tt, ds)) != 0)
		return st;
	if (!need_model)
		return 0;
	if (o->pins != NULL && (st = apply_pins(o, s, ds)) != 0)
		return st;
	if (o->from != NULL && (st = load_from(o, s, ds)) != 0)
		return st;
	switch (pp_session_open_replan(&s->ps, s->tt, NULL, &s->p, o->lenient,
	    o->from != NULL ? &s->replan : NULL, ds)) {
	case PP_SESSION_OK:
		return 0;
	case PP_SESSION_INFEASIBLE:
		return PP_EX_INFEASIBLE;
	case PP_SESSION_NOINPUT:
		return PP_EX_NOINPUT;
	default:
		return PP_EX_DATAERR;
	}
}

/*
 * Diagnostics borrow file names the session owns (--busy files, the XDG
 * profile path), so they are printed, and the list emptied, before it is
 * freed.
 */
static void
session_close(struct session *s, const struct opts *o, struct pp_diags *ds)
{
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	pp_session_close(&s->ps);
	pp_timetable_free(s->tt);
	pp_profile_fini(&s->p);
	pp_plan_file_fini(&s->from);
	free(s->xdg);
}

static int
run_build(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	struct pp_plan *pl = NULL;
	struct pp_prev_cal prev;
	int st;

	memset(&prev, 0, sizeof(prev));
	if (o->now != NULL && o->from == NULL) {
		cli_usage_error("%s",
		    "--now says when to replan from: it needs "
		    "--from PLAN");
		return PP_EX_USAGE;
	}
	if (o->previous != NULL && fmt_for(o, FMT_TEXT) != FMT_ICS) {
		cli_usage_error("%s",
		    "--previous updates a calendar: it needs "
		    "-f ics (or -o FILE.ics)");
		return PP_EX_USAGE;
	}
	st = session_open(o, &s, ds, 1);
	if (st == 0 && o->previous != NULL)
		st = load_previous(o->previous, &prev, ds);
	/* Replanning updates the calendar the old plan was written to,
	 * unless --previous names the calendar itself. */
	else if (st == 0 && o->from != NULL && fmt_for(o, FMT_TEXT) == FMT_ICS)
		pp_prev_cal_from_plan(&prev, &s.from);
	/* A model whose hard constraints clash (a must-see that is skipped,
	 * say) is still written, so that a MILP solver can confirm it. */
	if ((st == 0 || (st == PP_EX_INFEASIBLE && s.ps.m != NULL)) &&
	    o->emit_lp != NULL) {
		int wst = write_lp(o->emit_lp, s.ps.m, ds);

		if (wst != 0)
			st = wst;
	}
	if (st == 0 && pp_solve(s.ps.m, &pl, ds) != 0)
		st = PP_EX_INFEASIBLE;
	if (st == 0) {
		pp_watch_later(pl);
		st = write_plan(o, pl, prev.path != NULL ? &prev : NULL, ds);
	}
	pp_plan_free(pl);
	session_close(&s, o, ds);
	pp_prev_cal_fini(&prev);
	return st;
}

/*
 * A report (explain, check) is written to memory first and then through
 * the terminal sanitiser, wrapped to the width: so titles cannot send
 * escapes to the terminal, and the output file is created only when the
 * work is done.  Returns an exit status.
 */
static int
write_report(const struct opts *o, const char *text, struct pp_diags *ds)
{
	struct pp_out out;

	if (pp_out_open(&out, o->out, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	pp_term_put_block(out.fp, text, text_width(o));
	return finish_output(&out, ferror(out.fp) ? -1 : 0, ds);
}

/* A memory stream for a report; NULL after an error in ds. */
static FILE *
report_open(char **buf, size_t *len, struct pp_diags *ds)
{
	FILE *fp;

	*buf = NULL;
	*len = 0;
	if ((fp = open_memstream(buf, len)) == NULL)
		pp_diag_err(ds, NULL, 0, "cannot buffer the report: %s",
		    strerror(errno));
	return fp;
}

/* Closes the memory stream; 0, or -1 with an error in ds. */
static int
report_close(FILE *fp, struct pp_diags *ds)
{
	int bad = ferror(fp);

	if (fclose(fp) != 0 || bad)
		return pp_diag_err(ds, NULL, 0, "cannot buffer the report: %s",
		    strerror(errno != 0 ? errno : ENOMEM));
	return 0;
}

static int
run_explain(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	FILE *mem;
	char *buf = NULL;
	size_t len;
	int st, r;

	st = session_open(o, &s, ds, 1);
	if (st == PP_EX_INFEASIBLE)
		st = 0; /* explain says why; the event may be the reason */
	if (st == 0 && s.ps.m == NULL)
		st = PP_EX_DATAERR;
	if (st == 0) {
		if ((mem = report_open(&buf, &len, ds)) == NULL)
			st = PP_EX_OSERR;
		else {
			r = pp_explain(mem, s.ps.m, o->event, ds);
			if (report_close(mem, ds) != 0)
				st = PP_EX_OSERR;
			else if (r == 1)
				st = PP_EX_DATAERR;
			else
				st = write_report(o, buf, ds);
		}
	}
	free(buf);
	session_close(&s, o, ds);
	return st;
}

/* list's filters, checked against the programme. */
struct filters {
	char day[11];       /* "" = any */
	int kind;           /* a canonical kind, or -1 */
	int track_exact;    /* --track names a track exactly */
	int room_exact;     /* --room names a room exactly */
	const char **langs; /* nlangs codes of --lang */
	size_t nlangs;
	char *langbuf;
};

/* 1 if some event's field (or one of its list's entries) equals s,
 * ignoring case. */
static int
any_exact(const struct pp_timetable *tt, const char *s, int rooms)
{
	size_t i, j;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (!rooms && strcasecmp(ev->track, s) == 0)
			return 1;
		for (j = 0; rooms && j < ev->nrooms; j++)
			if (strcasecmp(ev->rooms[j], s) == 0)
				return 1;
	}
	return 0;
}

/* The distinct non-empty names a field takes in tt (borrowed), for "did
 * you mean": 0 track, 1 rooms, 2 speakers, 3 kind words. */
static size_t
field_names(const struct pp_timetable *tt, int which, const char ***out)
{
	const char **v = NULL;
	size_t n = 0, cap = 0, i, j, k, m;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		const char *const *src = which == 1 ? ev->rooms
		    : which == 2                    ? ev->speakers
		    : which == 0                    ? &ev->track
		                                    : &ev->kind_word;

		m = which == 1 ? ev->nrooms : which == 2 ? ev->nspeakers : 1;
		for (j = 0; j < m; j++) {
			if (*src[j] == '\0')
				continue;
			for (k = 0; k < n && strcmp(v[k], src[j]) != 0; k++)
				;
			if (k < n)
				continue;
			v = pp_xgrowarray(v, &cap, n + 1, sizeof(*v));
			v[n++] = src[j];
		}
	}
	*out = v;
	return n;
}

/* A warning that a filter matched nothing, with the closest name. */
static void
warn_unmatched(const struct pp_timetable *tt, int which, const char *opt,
    const char *value, struct pp_diags *ds)
{
	const char **names;
	size_t n = field_names(tt, which, &names);
	const char *near = pp_suggest(value, names, n);

	if (near != NULL)
		pp_diag_warn(ds, NULL, 0,
		    "--%s '%s' matches no event (did you mean '%s'?)", opt,
		    value, near);
	else
		pp_diag_warn(ds, NULL, 0, "--%s '%s' matches no event", opt,
		    value);
	free(names);
}

/* Checks and resolves list's filters; returns an exit status. */
static int
filters_init(struct filters *f, const struct opts *o,
    const struct pp_timetable *tt, const char *tz, struct pp_diags *ds)
{
	memset(f, 0, sizeof(*f));
	f->kind = -1;
	if (o->day != NULL) {
		char(*dates)[11];
		size_t n = pp_programme_dates(tt, tz, 1, &dates);
		int r = pp_day_resolve(o->day, (const char(*)[11])dates, n,
		    f->day, "--day", NULL, 0, ds);

		free(dates);
		if (r != 0)
			return PP_EX_DATAERR;
	}
	if (o->kind != NULL) {
		const char **names;
		size_t n, i;
		int word = 0;

		f->kind = pp_kind_parse(o->kind);
		n = field_names(tt, 3, &names);
		for (i = 0; i < n; i++)
			word |= strcasecmp(names[i], o->kind) == 0;
		if (f->kind < 0 && !word) {
			const char *near;
			const char **all =
			    pp_xcalloc(n + PP_KIND__COUNT, sizeof(*all));
			size_t k;

			/* Canonical names and the programme's own words. */
			for (k = 0; k < PP_KIND__COUNT; k++)
				all[k] = pp_kind_name((enum pp_kind)k);
			for (k = 0; k < n; k++)
				all[PP_KIND__COUNT + k] = names[k];
			near = pp_suggest(o->kind, all, n + PP_KIND__COUNT);
			free(all);
			if (near != NULL)
				cli_usage_error("unknown --kind '%s' (did you "
				                "mean '%s'?)",
				    o->kind, near);
			else
				cli_usage_error("unknown --kind '%s' (see "
				                "KINDS "
				                "in pyplan(1))",
				    o->kind);
			free(names);
			return PP_EX_USAGE;
		}
		free(names);
	}
	if (o->lang != NULL) {
		char *p, *tok;
		size_t cap = 0;

		f->langbuf = pp_xstrdup(o->lang);
		for (tok = strtok_r(f->langbuf, ", ", &p); tok != NULL;
		     tok = strtok_r(NULL, ", ", &p)) {
			size_t i, len = strlen(tok);

			for (i = 0; i < len; i++)
				if (!((tok[i] >= 'a' && tok[i] <= 'z') ||
				        (tok[i] >= 'A' && tok[i] <= 'Z')))
					break;
			if (i < len || len < 2 || len > 3) {
				cli_usage_error("bad --lang '%s' (language "
				                "codes such as en or en,de)",
				    o->lang);
				return PP_EX_USAGE;
			}
			f->langs = pp_xgrowarray(f->langs, &cap, f->nlangs + 1,
			    sizeof(*f->langs));
			f->langs[f->nlangs++] = tok;
		}
		if (f->nlangs == 0) {
			cli_usage_error("bad --lang '%s' (language codes such "
			                "as en or en,de)",
			    o->lang);
			return PP_EX_USAGE;
		}
	}
	if (o->track != NULL)
		f->track_exact = any_exact(tt, o->track, 0);
	if (o->room != NULL)
		f->room_exact = any_exact(tt, o->room, 1);
	return 0;
}

static void
filters_fini(struct filters *f)
{
	free(f->langs);
	free(f->langbuf);
}

/* Events selected by list's filters, in programme order. */
static size_t
select_events(const struct opts *o, const struct filters *f,
    const struct pp_timetable *tt, const char *tz, const struct pp_event ***out)
{
	const struct pp_event **sel = pp_xcalloc(tt->n + 1, sizeof(*sel));
	size_t i, j, n = 0;
	char date[11];

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];
		int hit;

		if (*f->day != '\0') {
			pp_tz_format_date(*ev->tz ? ev->tz : tz, ev->start,
			    date);
			if (strcmp(date, f->day) != 0)
				continue;
		}
		if (o->kind != NULL && (int)ev->kind != f->kind &&
		    strcasecmp(ev->kind_word, o->kind) != 0)
			continue;
		if (o->track != NULL &&
		    !(f->track_exact ? strcasecmp(ev->track, o->track) == 0
		                     : pp_text_match(ev->track, o->track)))
			continue;
		if (o->room != NULL) {
			for (j = 0, hit = 0; j < ev->nrooms && !hit; j++)
				hit = f->room_exact
				    ? strcasecmp(ev->rooms[j], o->room) == 0
				    : pp_text_match(ev->rooms[j], o->room);
			if (!hit)
				continue;
		}
		if (o->speaker != NULL) {
			for (j = 0, hit = 0; j < ev->nspeakers && !hit; j++)
				hit =
				    pp_text_match(ev->speakers[j], o->speaker);
			if (!hit)
				continue;
		}
		if (f->nlangs > 0 && *ev->lang != '\0') {
			for (j = 0, hit = 0; j < f->nlangs && !hit; j++)
				hit = strcasecmp(ev->lang, f->langs[j]) == 0;
			if (!hit)
				continue;
		}
		if (o->match != NULL) {
			hit = pp_text_match(ev->title, o->match) ||
			    pp_text_match(ev->abstract, o->match) ||
			    pp_text_match(ev->track, o->match);

			for (j = 0; j < ev->ntags && !hit; j++)
				hit = pp_text_match(ev->tags[j], o->match);
			for (j = 0; j < ev->nspeakers && !hit; j++)
				hit = pp_text_match(ev->speakers[j], o->match);
			if (!hit)
				continue;
		}
		sel[n++] = ev;
	}
	*out = sel;
	return n;
}

/* 1 if some event's track (which 0), room (1) or speaker (2) is v or
 * holds its words. */
static int
any_named(const struct pp_timetable *tt, int which, const char *v)
{
	size_t i, j;

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (which == 0 &&
		    (strcasecmp(ev->track, v) == 0 ||
		        pp_text_match(ev->track, v)))
			return 1;
		for (j = 0; which == 1 && j < ev->nrooms; j++)
			if (strcasecmp(ev->rooms[j], v) == 0 ||
			    pp_text_match(ev->rooms[j], v))
				return 1;
		for (j = 0; which == 2 && j < ev->nspeakers; j++)
			if (pp_text_match(ev->speakers[j], v))
				return 1;
	}
	return 0;
}

/* After an empty selection: a name filter that matches no event of the
 * whole programme is likely a typo, so say which, and the closest name. */
static void
explain_empty(const struct opts *o, const struct pp_timetable *tt,
    struct pp_diags *ds)
{
	if (o->track != NULL && !any_named(tt, 0, o->track))
		warn_unmatched(tt, 0, "track", o->track, ds);
	if (o->room != NULL && !any_named(tt, 1, o->room))
		warn_unmatched(tt, 1, "room", o->room, ds);
	if (o->speaker != NULL && !any_named(tt, 2, o->speaker))
		warn_unmatched(tt, 2, "speaker", o->speaker, ds);
}

/* The iCalendar writer takes a timetable: copy the selection into one
 * (events are copied, their strings stay in tt's arena). */
static int
write_selected_ics(FILE *fp, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel, const char *tz)
{
	struct pp_timetable *part;
	size_t i;
	int r;

	if (sel == NULL)
		return pp_write_timetable_ics(fp, tt, tz);
	part = pp_timetable_new();
	part->name = tt->name;
	for (i = 0; i < nsel; i++)
		*pp_timetable_add(part) = *sel[i];
	r = pp_write_timetable_ics(fp, part, tz);
	pp_timetable_free(part);
	return r;
}

static int
write_programme(const struct opts *o, const struct pp_timetable *tt,
    const struct pp_event *const *sel, size_t nsel, const char *tz,
    enum fmt dflt, struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	int werr;

	if (pp_out_open(&out, o->out, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	switch (fmt_for(o, dflt)) {
	case FMT_ICS:
		werr = write_selected_ics(out.fp, tt, sel, nsel, tz);
		break;
	case FMT_JSON:
		werr = pp_write_timetable_json(out.fp, tt, sel, nsel);
		break;
	case FMT_CSV:
		werr = pp_write_timetable_csv(out.fp, tt, sel, nsel,
		    csv_mode(o, 0));
		break;
	case FMT_TSV:
		werr = pp_write_timetable_csv(out.fp, tt, sel, nsel,
		    csv_mode(o, 1));
		break;
	default:
		memset(&wo, 0, sizeof(wo));
		wo.color = use_color(o);
		wo.width = text_width(o);
		werr = pp_write_timetable_text(out.fp, sel, nsel, tz, &wo);
		break;
	}
	return finish_output(&out, werr, ds);
}

static int
run_list(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	struct filters f;
	const struct pp_event **sel = NULL;
	size_t n;
	int st;

	memset(&f, 0, sizeof(f));
	st = session_open(o, &s, ds, 0);
	if (st == 0) {
		const char *tz = pp_model_zone(s.tt, s.p.tz, ds);

		st = filters_init(&f, o, s.tt, tz, ds);
		if (st == 0) {
			n = select_events(o, &f, s.tt, tz, &sel);
			if (n == 0)
				explain_empty(o, s.tt, ds);
			st = write_programme(o, s.tt, sel, n, tz, FMT_TEXT, ds);
		}
	}
	filters_fini(&f);
	free(sel);
	session_close(&s, o, ds);
	return st;
}

static int
run_convert(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	int st;

	if (fmt_for(o, FMT_NONE) == FMT_NONE ||
	    fmt_for(o, FMT_NONE) == FMT_TEXT) {
		cli_usage_error("%s",
		    "convert needs -f csv|tsv|ics|json (or -o "
		    "with such an extension)");
		return PP_EX_USAGE;
	}
	st = session_open(o, &s, ds, 0);
	if (st == 0)
		st = write_programme(o, s.tt, NULL, s.tt->n,
		    pp_model_zone(s.tt, s.p.tz, NULL), FMT_CSV, ds);
	session_close(&s, o, ds);
	return st;
}

static int
run_check(const struct opts *o, struct pp_diags *ds)
{
	struct pp_profile p;
	struct pp_timetable *tt = pp_timetable_new();
	char *xdg = NULL, *buf = NULL;
	size_t len;
	FILE *mem;
	int st, wst;

	pp_profile_init(&p);
	st = load_profile(o, &p, &xdg, ds);
	if (st == 0) {
		st = load_programme(o, &p, tt, ds);
		if (st == PP_EX_DATAERR || st == 0) {
			if ((mem = report_open(&buf, &len, ds)) == NULL)
				st = PP_EX_OSERR;
			else {
				pp_check_report(mem, tt,
				    pp_model_zone(tt, p.tz, ds), ds);
				if (report_close(mem, ds) != 0)
					st = PP_EX_OSERR;
				else if ((wst = write_report(o, buf, ds)) != 0)
					st = wst;
			}
		}
	}
	/* Diagnostics borrow the profile path: print them before it goes. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	free(buf);
	pp_timetable_free(tt);
	pp_profile_fini(&p);
	free(xdg);
	return st;
}

/* ------------------------------------------------------------------ */
/* The live conference: diff and now                                    */

/* The room-change minutes for diff and now: --room-change when given,
 * else the plan's own, else the profile's. */
static long
room_change_for(const struct opts *o, const struct pp_profile *p,
    const struct pp_plan_file *pf)
{
	size_t i;

	for (i = 0; i < o->nset; i++)
		if (strcmp(o->set[i].key, "room-change-minutes") == 0)
			return p->room_change;
	return pf != NULL && pf->room_change >= 0 ? pf->room_change
	                                          : p->room_change;
}

static int
write_diff(const struct opts *o, const struct pp_diff_report *r,
    struct pp_diags *ds)
{
	struct pp_out out;
	enum fmt f = fmt_for(o, FMT_TEXT);
	FILE *mem;
	char *buf;
	size_t len;
	int werr, st;

	if (f == FMT_TEXT || f == FMT_NONE) {
		/* Text goes through the terminal sanitiser, as reports do. */
		if ((mem = report_open(&buf, &len, ds)) == NULL)
			return PP_EX_OSERR;
		werr = pp_write_diff_text(mem, r);
		if (report_close(mem, ds) != 0 || werr != 0)
			st = PP_EX_OSERR;
		else
			st = write_report(o, buf, ds);
		free(buf);
		return st;
	}
	if (pp_out_open(&out, o->out, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	if (f == FMT_JSON)
		werr = pp_write_diff_json(out.fp, r);
	else
		werr = pp_write_diff_csv(out.fp, r, csv_mode(o, f == FMT_TSV));
	return finish_output(&out, werr, ds);
}

/*
 * diff OLD NEW, or diff --since-cache URL: fetches URL (the cached body
 * becomes the old version when a new one arrives).
 */
static int
run_diff(const struct opts *o, struct pp_diags *ds)
{
	struct pp_profile p;
	struct pp_timetable *a = pp_timetable_new(), *b = pp_timetable_new();
	struct pp_fetch_result res;
	struct pp_plan_file pf;
	struct pp_diff d;
	struct pp_diff_report r;
	struct pp_impact *im = NULL;
	char *xdg = NULL, *old_name = NULL;
	int st;

	memset(&res, 0, sizeof(res));
	memset(&pf, 0, sizeof(pf));
	memset(&d, 0, sizeof(d));
	pp_profile_init(&p);
	if (fmt_for(o, FMT_TEXT) == FMT_ICS) {
		cli_usage_error("%s", "diff writes text, json, csv or tsv");
		st = PP_EX_USAGE;
	} else if (o->since_cache != NULL ? o->nfiles != 0 : o->nfiles != 2) {
		cli_usage_error("%s",
		    o->since_cache != NULL
		        ? "diff --since-cache takes a URL and no files"
		        : "diff needs two programmes: OLD NEW");
		st = PP_EX_USAGE;
	} else if (o->since_cache != NULL &&
	    (!pp_fetch_is_url(o->since_cache) || o->offline)) {
		cli_usage_error("%s",
		    o->offline
		        ? "--since-cache fetches: it cannot be --offline"
		        : "--since-cache needs an http:// or https:// URL");
		st = PP_EX_USAGE;
	} else
		st = load_profile(o, &p, &xdg, ds);
	if (st == 0 && o->since_cache != NULL) {
		const char *url = o->since_cache;

		st = fetch_exit(fetch_url(o, url, 0, &res, ds));
		if (st == 0 && res.fresh && res.prev_path == NULL) {
			pp_diag_err(ds, url, 0,
			    "no earlier copy in the cache to compare with "
			    "(it is cached now)");
			st = PP_EX_NOINPUT;
		}
		old_name = pp_xasprintf("%s (cached before)", url);
		if (st == 0)
			st = load_sources(o, (const char *const *)&old_name, 1,
			    res.prev_path != NULL ? res.prev_path : res.path,
			    &p, a, ds);
		if (st == 0)
			st = load_sources(o, &url, 1, res.path, &p, b, ds);
	} else if (st == 0) {
		st = load_sources(o, o->files, 1, NULL, &p, a, ds);
		if (st == 0)
			st = load_sources(o, o->files + 1, 1, NULL, &p, b, ds);
	}
	if (st == 0 && o->plan != NULL) {
		int io = 0;

		if (pp_plan_file_load(&pf, o->plan,
		        pp_model_zone(a, p.tz, NULL), ds, &io) != 0)
			st = io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	}
	if (st == 0) {
		memset(&r, 0, sizeof(r));
		pp_diff_compute(a, b, &d);
		r.d = &d;
		r.before = a;
		r.after = b;
		r.tz = p.tz;
		if (o->plan != NULL) {
			r.plan = &pf;
			r.room_change = room_change_for(o, &p, &pf);
			r.nimpacts =
			    pp_diff_impacts(&d, &pf, r.room_change, &im);
			r.impacts = im;
			pp_diff_restrict(&d, &pf);
		}
		st = write_diff(o, &r, ds);
	}
	/* Diagnostics name old_name and the profile: print them first. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	free(im);
	pp_diff_fini(&d);
	pp_plan_file_fini(&pf);
	pp_fetch_result_fini(&res);
	free(old_name);
	pp_timetable_free(a);
	pp_timetable_free(b);
	pp_profile_fini(&p);
	free(xdg);
	return st;
}

/* A planned item as it stands in the current programme. */
struct now_item {
	const struct pp_plan_row *row;
	const struct pp_event *ev; /* NULL: a block pyplan made up */
	int64_t start, end;
	const char *title, *room;
};

/* The plan's items, in the programme's current times, sorted. */
static size_t
now_items(const struct pp_plan_file *pf, const struct pp_timetable *tt,
    struct now_item **out)
{
	struct now_item *v = pp_xcalloc(pf->n + 1, sizeof(*v));
	size_t i, j, n = 0;

	for (i = 0; i < pf->n; i++) {
		const struct pp_plan_row *row = &pf->rows[i];
		struct now_item *it = &v[n];

		memset(it, 0, sizeof(*it));
		it->row = row;
		it->ev = pp_pins_event(tt, row);
		if (it->ev != NULL) {
			it->start = it->ev->start;
			it->end = it->ev->end;
			it->title = it->ev->title;
			it->room = it->ev->room;
		} else if (row->has_time) {
			it->start = row->start;
			it->end = row->end;
			it->title = row->title;
			it->room = row->room;
		} else
			continue;
		n++;
	}
	/* Insertion sort by start: a plan is short and nearly sorted. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j].start < v[j - 1].start; j--) {
			struct now_item t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	return n;
}

static void
now_line(FILE *fp, const char *label, const char *zone,
    const struct now_item *it)
{
	char a[6], b[6];
	const char *cancelled =
	    it->ev != NULL && it->ev->status == PP_STATUS_CANCELLED
	    ? "  ! cancelled"
	    : "";
	const char *moved = it->ev != NULL && it->row->has_time &&
	        (it->row->start != it->ev->start || it->row->end != it->ev->end)
	    ? "  (moved)"
	    : "";

	pp_tz_format_hhmm(zone, it->start, a);
	pp_tz_format_hhmm(zone, it->end, b);
	fprintf(fp, "  %-5s %s\xe2\x80\x93%s  %s%s%s%s%s\n", label, a, b,
	    it->room, *it->room ? "  " : "", it->title, moved, cancelled);
}

/* 1 if the planned item no longer takes place: cancelled, or gone from
 * the programme (a block pyplan made up never is). */
static int
now_dead(const struct now_item *it)
{
	return it->ev != NULL ? it->ev->status == PP_STATUS_CANCELLED
	                      : !it->row->synthesized;
}

/* Your plan: where to be now and next, and whether the walk is tight. */
static void
now_plan(FILE *fp, const struct pp_plan_file *pf, const struct pp_timetable *tt,
    int64_t now, const char *zone, long room_change)
{
	struct now_item *v;
	size_t n = now_items(pf, tt, &v), i;
	const struct now_item *cur = NULL, *next = NULL, *last = NULL;

	for (i = 0; i < n; i++) {
		if (now_dead(&v[i]))
			continue;
		if (v[i].start <= now && now < v[i].end && cur == NULL)
			cur = &v[i];
		else if (v[i].end <= now && *v[i].room != '\0')
			last = &v[i];
		else if (v[i].start > now && next == NULL)
			next = &v[i];
	}
	fprintf(fp, "\nYour plan (%s)\n", pf->path);
	if (cur != NULL)
		now_line(fp, "now", zone, cur);
	else if (next != NULL) {
		char a[6];

		pp_tz_format_hhmm(zone, next->start, a);
		fprintf(fp, "  now   free until %s\n", a);
	} else
		fputs("  now   nothing planned\n", fp);
	if (next != NULL)
		now_line(fp, "next", zone, next);
	else
		fputs("  next  nothing more planned\n", fp);
	/* Planned items of the coming hours that will not take place. */
	for (i = 0; i < n; i++) {
		char a[6];

		if (!now_dead(&v[i]) || v[i].end <= now ||
		    (next != NULL && v[i].start > next->start))
			continue;
		pp_tz_format_hhmm(zone, v[i].start, a);
		fprintf(fp, "  ! '%s' (%s) %s\n", v[i].title, a,
		    v[i].ev != NULL ? "is cancelled"
		                    : "is no longer in the programme");
	}
	if (next != NULL) {
		const struct now_item *from =
		    cur != NULL && *cur->room != '\0' ? cur : last;
		int64_t leave = cur != NULL ? cur->end : now;
		long gap = (long)((next->start - leave) / 60);

		if (cur != NULL && next->start < cur->end)
			fprintf(fp,
			    "  ! '%s' starts before '%s' ends: they clash "
			    "now\n",
			    next->title, cur->title);
		else if (from != NULL && *next->room != '\0' &&
		    strcmp(from->room, next->room) != 0 && gap < room_change)
			fprintf(fp,
			    "  ! %ld min to get from %s to %s (room change "
			    "needs %ld)\n",
			    gap, from->room, next->room, room_change);
	}
	free(v);
}

static int
cmp_room(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* What is on now and next in each room (the plan's rooms of the day
 * only, when a plan is given). */
static void
now_rooms(FILE *fp, const struct pp_timetable *tt,
    const struct pp_plan_file *pf, int64_t now, const char *zone)
{
	const char **rooms = pp_xcalloc(tt->n + 1, sizeof(*rooms));
	size_t n = 0, i, j, k, shown = 0;
	char today[11], d[11];

	pp_tz_format_date(zone, now, today);
	for (i = 0; i < tt->n; i++)
		for (j = 0; j < tt->ev[i].nrooms; j++)
			rooms[n++] = tt->ev[i].rooms[j];
	if (n > 1)
		qsort(rooms, n, sizeof(*rooms), cmp_room);
	fputs("\nNow and next by room\n", fp);
	for (i = 0; i < n; i++) {
		const struct pp_event *cur = NULL, *next = NULL;
		int relevant = pf == NULL;

		if (i > 0 && strcmp(rooms[i], rooms[i - 1]) == 0)
			continue;
		for (j = 0; j < tt->n; j++) {
			const struct pp_event *ev = &tt->ev[j];
			int here = 0;

			for (k = 0; k < ev->nrooms && !here; k++)
				here = strcmp(ev->rooms[k], rooms[i]) == 0;
			if (!here || ev->status == PP_STATUS_CANCELLED)
				continue;
			pp_tz_format_date(zone, ev->start, d);
			if (pf != NULL && strcmp(d, today) == 0 &&
			    pp_plan_file_find(pf, ev->id) != NULL)
				relevant = 1;
			if (ev->start <= now && now < ev->end && cur == NULL)
				cur = ev;
			else if (ev->start > now && strcmp(d, today) == 0 &&
			    (next == NULL || ev->start < next->start))
				next = ev;
		}
		if (!relevant || (cur == NULL && next == NULL))
			continue;
		fprintf(fp, "  %s\n", rooms[i]);
		if (cur != NULL) {
			char b[6];

			pp_tz_format_hhmm(zone, cur->end, b);
			fprintf(fp, "    now   %s (until %s)\n", cur->title, b);
		}
		if (next != NULL) {
			char a[6];

			pp_tz_format_hhmm(zone, next->start, a);
			fprintf(fp, "    next  %s %s\n", a, next->title);
		}
		shown++;
	}
	if (shown == 0)
		fputs("  nothing on now or later today\n", fp);
	free(rooms);
}

static int
run_now(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	struct pp_plan_file pf;
	int64_t now = (int64_t)time(NULL);
	const char *zone;
	FILE *mem = NULL;
	char *buf = NULL;
	size_t len;
	int st, io = 0;

	/* now writes text only: -f is not one of its options. */
	memset(&pf, 0, sizeof(pf));
	st = session_open(o, &s, ds, 0);
	zone = st == 0 ? pp_model_zone(s.tt, s.p.tz, NULL) : "UTC";
	if (st == 0 && o->at != NULL &&
	    pp_tz_parse_iso(o->at, zone, &now) != 0) {
		cli_usage_error("bad --at '%s' (YYYY-MM-DDTHH:MM, in %s unless "
		                "it "
		                "has an offset)",
		    o->at, zone);
		st = PP_EX_USAGE;
	}
	if (st == 0 && o->plan != NULL &&
	    pp_plan_file_load(&pf, o->plan, zone, ds, &io) != 0)
		st = io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	if (st == 0 && (mem = report_open(&buf, &len, ds)) == NULL)
		st = PP_EX_OSERR;
	if (st == 0) {
		char date[11], hm[6];

		pp_tz_format_date(zone, now, date);
		pp_tz_format_hhmm(zone, now, hm);
		fprintf(mem, "%s %s %s %s\n", pp_weekday_name(date), date, hm,
		    zone);
		if (o->plan != NULL)
			now_plan(mem, &pf, s.tt, now, zone,
			    room_change_for(o, &s.p, &pf));
		now_rooms(mem, s.tt, o->plan != NULL ? &pf : NULL, now, zone);
		/* Through the terminal sanitiser, as reports are. */
		st = report_close(mem, ds) != 0 ? PP_EX_OSERR
		                                : write_report(o, buf, ds);
	}
	free(buf);
	pp_plan_file_fini(&pf);
	session_close(&s, o, ds);
	return st;
}

/* ------------------------------------------------------------------ */
/* pyplan team (team.h, team_solve.h, write_team.h)                     */

#define TEAM_TIME_LIMIT 5 /* seconds, --time-limit's default */
/* --gap's default, percent: the bundled team of eight solves to a proven
 * optimum in about 5 s, to within 1% in under 1 s (README, Teams). */
#define TEAM_GAP 1

struct team_run {
	struct pp_team t;
	struct pp_timetable *tt;
	struct pp_ttwords *words; /* the programme's words, cut once */
	struct pp_session *s;     /* one per member */
	struct pp_model **m;      /* the sessions' models */
	struct pp_team_model *tm;
	struct pp_team_plan *tp;
};

/* Each member's model; returns an exit status. */
static int
team_models(const struct opts *o, struct team_run *r, struct pp_diags *ds)
{
	size_t j, i;
	int st = 0;

	r->words = pp_ttwords_new(r->tt);
	for (j = 0; j < r->t.nmembers && st == 0; j++) {
		struct pp_team_member *mb = &r->t.members[j];
		size_t before = ds->nerrors;

		for (i = 0; i < o->nset; i++)
			if (pp_profile_set(&mb->p, o->set[i].section,
			        o->set[i].key, o->set[i].value, NULL, 0,
			        ds) != 0)
				return PP_EX_USAGE;
		switch (pp_session_open(&r->s[j], r->tt, r->words, &mb->p,
		    o->lenient, ds)) {
		case PP_SESSION_OK:
			break;
		case PP_SESSION_INFEASIBLE:
			st = PP_EX_INFEASIBLE;
			break;
		case PP_SESSION_NOINPUT:
			st = PP_EX_NOINPUT;
			break;
		default:
			st = PP_EX_DATAERR;
			break;
		}
		r->m[j] = r->s[j].m;
		/* The member's errors say what; this says whose. */
		if (ds->nerrors > before)
			pp_diag_attach(ds, "in the plan of member '%s' (%s:%u)",
			    mb->name, r->t.path, mb->line);
	}
	return st;
}

/* A member's name as a file name: '/' and a leading '.' become '_'. */
static char *
member_file(const char *dir, const char *name, const char *ext)
{
	char *base = pp_xstrdup(name), *q, *path;
	size_t len = strlen(dir);

	for (q = base; *q != '\0'; q++)
		if (*q == '/' || *q == '\\')
			*q = '_';
	if (*base == '.' || *base == '\0') {
		char *b = pp_xasprintf("_%s", base);

		free(base);
		base = b;
	}
	path = pp_xasprintf("%s%s%s%s", dir,
	    len > 0 && dir[len - 1] == '/' ? "" : "/", base, ext);
	free(base);
	return path;
}

/* -o DIR/: DIR/NAME.ics per member and DIR/team.json. */
static int
team_write_dir(const struct opts *o, const struct team_run *r,
    struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	size_t j;
	int st = 0;
	char *path;

	if (mkdir(o->out, 0777) != 0 && errno != EEXIST) {
		pp_diag_err(ds, o->out, 0, "cannot create directory: %s",
		    strerror(errno));
		return PP_EX_CANTCREAT;
	}
	memset(&wo, 0, sizeof(wo));
	wo.alarm_minutes = o->alarm;
	for (j = 0; j < r->t.nmembers && st == 0; j++) {
		path = member_file(o->out, r->t.members[j].name, ".ics");
		wo.uid_salt = r->t.members[j].name;
		if (pp_out_open(&out, path, ds) != 0)
			st = PP_EX_CANTCREAT;
		else {
			errno = 0;
			st = finish_output(&out,
			    pp_write_ics(out.fp, r->tp->plans[j], &wo), ds);
		}
		free(path);
	}
	if (st != 0)
		return st;
	path = member_file(o->out, "team", ".json");
	if (pp_out_open(&out, path, ds) != 0)
		st = PP_EX_CANTCREAT;
	else {
		errno = 0;
		st = finish_output(&out, pp_write_team_json(out.fp, r->tp), ds);
	}
	free(path);
	return st;
}

static int
team_write(const struct opts *o, const struct team_run *r, struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	struct stat sb;
	size_t len = o->out != NULL ? strlen(o->out) : 0;
	int werr;

	if (o->team_explain != NULL) {
		char *buf;
		size_t blen;
		FILE *mem = report_open(&buf, &blen, ds);
		int st = 0;

		if (mem == NULL)
			return PP_EX_SOFTWARE;
		if (pp_team_explain(mem, r->tm, r->tp, o->team_explain,
		        o->time_limit > 0 ? o->time_limit : TEAM_TIME_LIMIT,
		        ds) != 0)
			st = PP_EX_DATAERR;
		if (report_close(mem, ds) != 0 && st == 0)
			st = PP_EX_SOFTWARE;
		if (st == 0)
			st = write_report(o, buf, ds);
		free(buf);
		return st;
	}
	if (o->member != NULL) {
		const struct pp_team_member *mb =
		    pp_team_member_find(&r->t, o->member);

		if (mb == NULL) {
			pp_diag_err(ds, r->t.path, 0, "no member named '%s'",
			    o->member);
			return PP_EX_USAGE;
		}
		return write_plan(o, r->tp->plans[mb - r->t.members], NULL, ds);
	}
	if (len > 0 &&
	    (o->out[len - 1] == '/' ||
	        (stat(o->out, &sb) == 0 && S_ISDIR(sb.st_mode))))
		return team_write_dir(o, r, ds);
	memset(&wo, 0, sizeof(wo));
	wo.color = use_color(o);
	wo.width = text_width(o);
	if (pp_out_open(&out, o->out, ds) != 0)
		return PP_EX_CANTCREAT;
	errno = 0;
	switch (fmt_for(o, FMT_TEXT)) {
	case FMT_JSON:
		werr = pp_write_team_json(out.fp, r->tp);
		break;
	case FMT_TEXT:
		werr = pp_write_team_text(out.fp, r->tp, &wo);
		break;
	default:
		pp_out_abort(&out);
		cli_usage_error("%s",
		    "team writes text or json; ics per member with "
		    "-o DIR/ or --member NAME");
		return PP_EX_USAGE;
	}
	return finish_output(&out, werr, ds);
}

static int
run_team(const struct opts *o, struct pp_diags *ds)
{
	struct team_run r;
	size_t j, nm;
	int st, io = 0;

	memset(&r, 0, sizeof(r));
	if (o->nfiles < 2) {
		cli_usage_error("%s",
		    o->nfiles == 0
		        ? "team needs a team file and programme files"
		        : "no programme file given");
		return PP_EX_USAGE;
	}
	if (pp_team_load(&r.t, o->files[0], ds, &io) != 0) {
		print_diags(o, ds);
		pp_diags_fini(ds);
		pp_diags_init(ds);
		pp_team_fini(&r.t);
		return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
	}
	nm = r.t.nmembers;
	r.tt = pp_timetable_new();
	r.m = pp_xcalloc(nm + 1, sizeof(*r.m));
	r.s = pp_xcalloc(nm + 1, sizeof(*r.s));
	st = load_sources(o, o->files + 1, o->nfiles - 1, NULL,
	    &r.t.members[0].p, r.tt, ds);
	if (st == 0)
		st = team_models(o, &r, ds);
	if (st == 0) {
		switch (pp_team_model_build(&r.t, r.tt, r.m,
		    pp_model_zone(r.tt, r.t.members[0].p.tz, ds), &r.tm, ds)) {
		case 0:
			break;
		case 1:
			st = PP_EX_INFEASIBLE;
			break;
		default:
			st = PP_EX_DATAERR;
			break;
		}
	}
	if (st == 0)
		r.tm->gap = (o->gap_set ? o->gap : TEAM_GAP) / 100;
	if (st == 0 && o->emit_lp != NULL) {
		struct pp_out out;

		if (pp_out_open(&out, o->emit_lp, ds) != 0)
			st = PP_EX_CANTCREAT;
		else {
			errno = 0;
			st = finish_output(&out,
			    pp_team_write_lp(out.fp, r.tm, ds), ds);
		}
	}
	if (st == 0 &&
	    pp_team_solve(r.tm,
	        o->time_limit > 0 ? o->time_limit : TEAM_TIME_LIMIT, &r.tp,
	        ds) != 0)
		st = PP_EX_INFEASIBLE;
	if (st == 0) {
		for (j = 0; j < nm; j++)
			pp_watch_later(r.tp->plans[j]);
		st = team_write(o, &r, ds);
	}
	/* Diagnostics borrow the team's and the busy files' names. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	pp_team_plan_free(r.tp);
	pp_team_model_free(r.tm);
	for (j = 0; j < nm; j++)
		pp_session_close(&r.s[j]);
	free(r.s);
	free(r.m);
	pp_ttwords_free(r.words);
	pp_timetable_free(r.tt);
	pp_team_fini(&r.t);
	return st;
}

static void
on_signal(int sig)
{
	pp_out_cleanup_signal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * A standard descriptor that is closed (pyplan >&-) gets /dev/null opened
 * on it the wrong way round (read-only for output, write-only for input):
 * so no file opened later takes its number and receives what was meant
 * for standard output, and reading or writing it still fails (EBADF) as
 * it would have.
 */
static void
guard_std_fds(void)
{
	int fd, nfd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		nfd = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (nfd >= 0 && nfd != fd) {
			dup2(nfd, fd);
			close(nfd);
		}
	}
}

/* Everything written to standard output reached it: else a message and
 * 74, unless the run failed already.  When a write failed already (output
 * bigger than the buffer), errno still says why. */
static int
finish_stdout(int st)
{
	if (!ferror(stdout))
		errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return st;
	if (st == 0) {
		fprintf(stderr, "pyplan: <stdout>: error: write error: %s\n",
		    strerror(errno != 0 ? errno : EIO));
		st = PP_EX_IOERR;
	}
	return st;
}

static void
show_progress(void *ctx, const struct pp_batch_progress *pr, int last)
{
	char line[160];

	(void)ctx;
	pp_batch_progress_text(pr, line, sizeof(line));
	fprintf(stderr, "\rpyplan: batch: %s\033[K%s", line, last ? "\n" : "");
}

static int
run_batch(const struct opts *o, struct pp_diags *ds)
{
	struct pp_batch *b;
	struct pp_batch_opts bo;
	struct pp_batch_stats st;
	struct pp_batch_setting *set;
	size_t i;
	int r;

	if (o->out == NULL || strcmp(o->out, "-") == 0) {
		cli_usage_error("%s", "batch needs -o DIR");
		return PP_EX_USAGE;
	}
	if (o->nfiles < (o->merge ? 1u : 2u)) {
		cli_usage_error("%s",
		    o->merge
		        ? "batch --merge-demand needs a DIR"
		        : "batch needs an attendee file and a programme file");
		return PP_EX_USAGE;
	}
	b = pp_batch_new();
	if (o->merge)
		r = pp_batch_merge(b, o->out, o->files, o->nfiles, ds);
	else {
		set = pp_xcalloc(o->nset + 1, sizeof(*set));
		for (i = 0; i < o->nset; i++) {
			set[i].section = o->set[i].section;
			set[i].key = o->set[i].key;
			set[i].value = o->set[i].value;
		}
		memset(&bo, 0, sizeof(bo));
		bo.attendees = o->files[0];
		bo.programme = o->files + 1;
		bo.nprogramme = o->nfiles - 1;
		bo.outdir = o->out;
		bo.rooms = o->rooms;
		bo.profile = o->profile;
		bo.set = set;
		bo.nset = o->nset;
		bo.jobs = o->jobs;
		bo.shard_index = o->shard_index;
		bo.shard_count = o->shard_count;
		bo.force = o->force;
		bo.ics = o->ics;
		bo.lenient = o->lenient;
		bo.alarm_minutes = o->alarm;
		bo.alarm_hallway = o->alarm_hallway;
		if (!o->quiet && isatty(STDERR_FILENO))
			bo.progress = show_progress;
		r = pp_batch_run(b, &bo, &st, ds);
		free(set);
	}
	/* The diagnostics name files b owns. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	pp_batch_free(b);
	return r;
}

static int
run_completion(const struct opts *o)
{
	static const char *const shells[] = {"bash", "zsh"};
	const char *near;

	if (o->nfiles != 1) {
		cli_usage_error("%s", "completion needs a shell: bash or zsh");
		return PP_EX_USAGE;
	}
	if (cli_print_completion(stdout, o->files[0]) == 0)
		return 0;
	near = pp_suggest(o->files[0], shells, 2);
	cli_usage_error("no completion for '%s' (bash or zsh%s%s%s)",
	    o->files[0], near ? "; did you mean '" : "", near ? near : "",
	    near ? "'?" : "");
	return PP_EX_USAGE;
}

static int
run(int argc, char **argv)
{
	struct opts o;
	struct pp_diags ds;
	int st = 0;

	if (argc < 2) {
		fputs(cli_usage, stderr);
		return PP_EX_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("pyplan %s\n", PP_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_print_help(stdout, CMD_NONE);
		return 0;
	}
	memset(&o, 0, sizeof(o));
	if (argv[1][0] == '-' && cli_known_option(argv[1])) {
		cli_usage_error("'%s' before the command (options come after "
		                "it: pyplan build %s ...)",
		    argv[1], argv[1]);
		return PP_EX_USAGE;
	}
	if ((o.cmd = cli_parse_cmd(argv[1], 1)) == CMD_NONE)
		return PP_EX_USAGE;
	if (o.cmd == CMD_HELP) {
		enum cmd c = CMD_NONE;

		if (argc > 2 && (c = cli_parse_cmd(argv[2], 1)) == CMD_NONE)
			return PP_EX_USAGE;
		cli_print_help(stdout, c);
		return 0;
	}
	if (cli_parse_args(&o, argc, argv, 2) != 0) {
		cli_opts_fini(&o);
		return PP_EX_USAGE;
	}
	if (o.help) {
		cli_print_help(stdout, o.cmd);
		cli_opts_fini(&o);
		return 0;
	}
	if (o.cmd == CMD_COMPLETION) {
		st = run_completion(&o);
		cli_opts_fini(&o);
		return st;
	}
	/* explain's EVENT is its first word that is not an option. */
	if (o.cmd == CMD_EXPLAIN) {
		/* One word that names a file is the programme, not the
		 * event. */
		if (o.nfiles == 0 ||
		    (o.nfiles == 1 && access(o.files[0], F_OK) == 0)) {
			cli_usage_error("%s",
			    "explain needs an EVENT (id or title) before the "
			    "programme files");
			cli_opts_fini(&o);
			return PP_EX_USAGE;
		}
		o.event = o.files[0];
		memmove(o.files, o.files + 1,
		    (o.nfiles - 1) * sizeof(*o.files));
		o.nfiles--;
	}
	pp_diags_init(&ds);
	switch (o.cmd) {
	case CMD_BUILD:
		st = run_build(&o, &ds);
		break;
	case CMD_LIST:
		st = run_list(&o, &ds);
		break;
	case CMD_CHECK:
		st = run_check(&o, &ds);
		break;
	case CMD_EXPLAIN:
		st = run_explain(&o, &ds);
		break;
	case CMD_CONVERT:
		st = run_convert(&o, &ds);
		break;
	case CMD_DIFF:
		st = run_diff(&o, &ds);
		break;
	case CMD_NOW:
		st = run_now(&o, &ds);
		break;
	case CMD_BATCH:
		st = run_batch(&o, &ds);
		break;
	case CMD_TEAM:
		st = run_team(&o, &ds);
		break;
	default:
		break;
	}
	print_diags(&o, &ds);
	pp_diags_fini(&ds);
	cli_opts_fini(&o);
	pp_tz_cleanup();
	pp_fetch_cleanup();
	return st;
}

int
pp_cli_main(int argc, char **argv)
{
	guard_std_fds();
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	/* Past the file size limit, write fails with EFBIG (reported, the
	 * temporary file removed) instead of the process being killed. */
	signal(SIGXFSZ, SIG_IGN);
	/* pp_xmalloc exits on out of memory: no temporary file stays. */
	atexit(pp_out_cleanup_signal);
	return finish_stdout(run(argc, argv));
}
