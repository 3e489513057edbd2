/* SPDX-License-Identifier: ISC */
/*
 * The command line: parses options, runs one subcommand through the
 * library (load, profile, model, solve, write), prints diagnostics and maps
 * the outcome to a sysexits.h status.
 */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "pyplan/batch.h"
#include "pyplan/busy.h"
#include "pyplan/check.h"
#include "pyplan/cli.h"
#include "pyplan/diag.h"
#include "pyplan/event.h"
#include "pyplan/explain.h"
#include "pyplan/load.h"
#include "pyplan/lp.h"
#include "pyplan/match.h"
#include "pyplan/model.h"
#include "pyplan/output.h"
#include "pyplan/profile.h"
#include "pyplan/solve.h"
#include "pyplan/tz.h"
#include "pyplan/version.h"
#include "pyplan/write.h"
#include "pyplan/write_csv.h"
#include "pyplan/write_ics.h"
#include "pyplan/write_json.h"
#include "pyplan/xalloc.h"

enum cmd {
	CMD_NONE,
	CMD_BUILD,
	CMD_LIST,
	CMD_CHECK,
	CMD_EXPLAIN,
	CMD_CONVERT,
	CMD_BATCH,
	CMD_HELP
};

enum fmt { FMT_NONE, FMT_TEXT, FMT_ICS, FMT_JSON, FMT_CSV, FMT_TSV };

static const char *const fmt_names[] = {"", "text", "ics", "json", "csv",
    "tsv"};

/* A profile setting given as a flag, applied after the profile file. */
struct setting {
	const char *section;
	const char *key;   /* borrowed from argv or a static name */
	const char *value; /* borrowed from argv */
	char *owned;       /* key storage when split from "T=W" */
};

struct opts {
	enum cmd cmd;
	enum fmt fmt;
	const char *out;
	const char *profile;
	int no_profile, lenient, quiet, verbose, help;
	int alarm;
	const char *day, *kind, *room, *match;
	const char *emit_lp;
	const char *event; /* explain */
	struct setting *set;
	size_t nset, setcap;
	const char **files;
	size_t nfiles, filescap;
	const char *tz; /* --tz, also applied as a setting */
	/* batch */
	unsigned jobs, shard_index, shard_count;
	const char *rooms;
	int force, ics, merge;
};

static const char usage_text[] =
    "usage: pyplan build [-f format] [-o file] [--profile file | "
    "--no-profile]\n"
    "                    [--lenient] [--tz zone] [--max-talks n]\n"
    "                    [--max-talk-minutes n] [--max-streak n]\n"
    "                    [--min-networking min] [--min-block min]\n"
    "                    [--room-change min] [--day-start hh:mm]\n"
    "                    [--day-end hh:mm] [--lunch hh:mm-hh:mm/min]\n"
    "                    [--recorded-weight x] [--days date[,date...]]\n"
    "                    [--level level] [--talk-base x]\n"
    "                    [--networking-weight x] [--level-bonus x]\n"
    "                    [--criteria-bonus x] [--fill | --no-fill]\n"
    "                    [--interest topic=w] [--speaker name=w]\n"
    "                    [--criterion name=list] [--must id|title]\n"
    "                    [--skip id|title] [--busy file] [--alarm 10m]\n"
    "                    [--emit-lp file] [-q | -v] file ...\n"
    "       pyplan list [--day date] [--kind kind] [--room room]\n"
    "                   [--match words] [-f format] [-o file] file ...\n"
    "       pyplan check [--lenient] [--tz zone] file ...\n"
    "       pyplan explain event [build options] file ...\n"
    "       pyplan convert -f csv|tsv|ics|json [-o file] file ...\n"
    "       pyplan batch -o dir [-j n] [--shard k/n] [--rooms file] [--ics]\n"
    "                    [--force] [build options] attendees file ...\n"
    "       pyplan batch --merge-demand -o dir dir ...\n"
    "       pyplan help [command]\n"
    "       pyplan --version\n";

static const char *const cmd_help[] = {
    [CMD_BUILD] =
        "pyplan build: plan a balanced personal schedule from the "
        "programme files\n"
        "  -f, --format FMT      text (default), ics, json, csv, tsv\n"
        "  -o, --output FILE     write atomically to FILE (format from "
        "its extension)\n"
        "  --profile FILE        read the profile (default "
        "$XDG_CONFIG_HOME/pyplan/profile.ini)\n"
        "  --no-profile          ignore the default profile\n"
        "  --lenient             skip bad events with a warning each\n"
        "  --tz ZONE             zone for floating times and display\n"
        "  --max-talks N, --max-talk-minutes N, --max-streak N\n"
        "  --min-networking MIN, --min-block MIN, --room-change MIN\n"
        "  --day-start HH:MM, --day-end HH:MM, --lunch HH:MM-HH:MM/MIN\n"
        "  --recorded-weight X, --days DATE[,DATE...], --level LEVEL\n"
        "  --talk-base X, --networking-weight X, --level-bonus X, "
        "--criteria-bonus X\n"
        "  --fill, --no-fill     fill free slots with talks (up to the "
        "caps) or not\n"
        "  --interest TOPIC=W, --speaker NAME=W, --criterion "
        "job|depth|new|speaker=LIST\n"
        "  --must ID/TITLE, --skip ID/TITLE, --busy FILE (.ics or CSV)\n"
        "  --alarm 10m           ics: a reminder before each item\n"
        "  --emit-lp FILE        write the model in CPLEX LP format\n"
        "  -q, --quiet           no warnings;  -v, --verbose: notes too\n",
    [CMD_LIST] = "pyplan list: browse the programme\n"
                 "  --day DATE, --kind KIND, --room ROOM, --match WORDS\n"
                 "  -f, --format FMT      text (default), ics, json, csv, "
                 "tsv\n"
                 "  -o, --output FILE\n",
    [CMD_CHECK] = "pyplan check: validate programme files, print counts "
                  "and every problem\n"
                  "  --lenient, --tz ZONE\n",
    [CMD_EXPLAIN] = "pyplan explain EVENT: why an event is or is not in "
                    "the plan (takes the build options)\n",
    [CMD_CONVERT] = "pyplan convert: write the programme in another "
                    "format\n"
                    "  -f, --format csv|tsv|ics|json, -o, --output FILE\n",
    [CMD_BATCH] =
        "pyplan batch ATTENDEES PROGRAMME...: a plan for every attendee, "
        "and the room demand\n"
        "  -o, --output DIR      write DIR/ID.json per attendee and "
        "DIR/demand.csv, .json\n"
        "  -j, --jobs N          worker processes (default: one per CPU)\n"
        "  --shard K/N           plan only the attendees of shard K "
        "(0..N-1) of N\n"
        "  --rooms FILE          room,capacity CSV for the demand\n"
        "  --ics                 also write DIR/ID.ics\n"
        "  --force               plan again what is up to date\n"
        "  --merge-demand        add up the shards' demand files of "
        "each DIR into -o DIR\n"
        "  --profile FILE and the build options: the base of every "
        "attendee's profile\n",
    [CMD_HELP] = "pyplan help [COMMAND]: show help\n",
};

static const char *const cmd_names[] = {"", "build", "list", "check", "explain",
    "convert", "batch", "help"};

/* Options: name, short name, takes an argument, profile section/key. */
enum opt_id {
	O_FORMAT,
	O_OUTPUT,
	O_PROFILE,
	O_NO_PROFILE,
	O_LENIENT,
	O_TZ,
	O_QUIET,
	O_VERBOSE,
	O_HELP,
	O_ALARM,
	O_DAY,
	O_KIND,
	O_ROOM,
	O_MATCH,
	O_EMIT_LP,
	O_BUSY,
	O_SET,
	O_SET_KV,
	O_VERSION,
	O_JOBS,
	O_SHARD,
	O_ROOMS,
	O_FORCE,
	O_ICS,
	O_MERGE
};

static const struct option {
	const char *name;
	char shortname;
	int arg;
	enum opt_id id;
	const char *section, *key;
} options[] = {
    {"format", 'f', 1, O_FORMAT, NULL, NULL},
    {"output", 'o', 1, O_OUTPUT, NULL, NULL},
    {"profile", 0, 1, O_PROFILE, NULL, NULL},
    {"no-profile", 0, 0, O_NO_PROFILE, NULL, NULL},
    {"lenient", 0, 0, O_LENIENT, NULL, NULL},
    {"tz", 0, 1, O_TZ, "plan", "timezone"},
    {"quiet", 'q', 0, O_QUIET, NULL, NULL},
    {"verbose", 'v', 0, O_VERBOSE, NULL, NULL},
    {"help", 'h', 0, O_HELP, NULL, NULL},
    {"version", 0, 0, O_VERSION, NULL, NULL},
    {"alarm", 0, 1, O_ALARM, NULL, NULL},
    {"day", 0, 1, O_DAY, NULL, NULL},
    {"kind", 0, 1, O_KIND, NULL, NULL},
    {"room", 0, 1, O_ROOM, NULL, NULL},
    {"match", 0, 1, O_MATCH, NULL, NULL},
    {"emit-lp", 0, 1, O_EMIT_LP, NULL, NULL},
    {"busy", 0, 1, O_BUSY, NULL, NULL},
    {"max-talks", 0, 1, O_SET, "plan", "max-talks-per-day"},
    {"max-talk-minutes", 0, 1, O_SET, "plan", "max-talk-minutes-per-day"},
    {"max-streak", 0, 1, O_SET, "plan", "max-consecutive-talks"},
    {"min-networking", 0, 1, O_SET, "plan", "min-networking-minutes"},
    {"min-block", 0, 1, O_SET, "plan", "min-networking-block"},
    {"room-change", 0, 1, O_SET, "plan", "room-change-minutes"},
    {"day-start", 0, 1, O_SET, "plan", "day-start"},
    {"day-end", 0, 1, O_SET, "plan", "day-end"},
    {"lunch", 0, 1, O_SET, "plan", "lunch"},
    {"recorded-weight", 0, 1, O_SET, "plan", "recorded-weight"},
    {"days", 0, 1, O_SET, "plan", "days"},
    {"level", 0, 1, O_SET, "plan", "level"},
    {"talk-base", 0, 1, O_SET, "plan", "talk-base"},
    {"networking-weight", 0, 1, O_SET, "plan", "networking-weight"},
    {"level-bonus", 0, 1, O_SET, "plan", "level-bonus"},
    {"criteria-bonus", 0, 1, O_SET, "plan", "criteria-bonus"},
    {"fill", 0, 0, O_SET, "plan", "fill-with-talks"},
    {"no-fill", 0, 0, O_SET, "plan", "fill-with-talks"},
    {"must", 0, 1, O_SET, "must", "id"},
    {"skip", 0, 1, O_SET, "skip", "id"},
    {"interest", 0, 1, O_SET_KV, "interests", NULL},
    {"speaker", 0, 1, O_SET_KV, "speakers", NULL},
    {"criterion", 0, 1, O_SET_KV, "criteria", NULL},
    {"jobs", 'j', 1, O_JOBS, NULL, NULL},
    {"shard", 0, 1, O_SHARD, NULL, NULL},
    {"rooms", 0, 1, O_ROOMS, NULL, NULL},
    {"force", 0, 0, O_FORCE, NULL, NULL},
    {"ics", 0, 0, O_ICS, NULL, NULL},
    {"merge-demand", 0, 0, O_MERGE, NULL, NULL},
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

static void
usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("pyplan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'pyplan --help' for more information.\n", stderr);
}

static void
add_setting(struct opts *o, const char *section, const char *key,
    const char *value, char *owned)
{
	struct setting *s;

	o->set =
	    pp_xgrowarray(o->set, &o->setcap, o->nset + 1, sizeof(*o->set));
	s = &o->set[o->nset++];
	s->section = section;
	s->key = key;
	s->value = value;
	s->owned = owned;
}

static enum fmt
parse_fmt(const char *s)
{
	int i;

	for (i = FMT_TEXT; i <= FMT_TSV; i++)
		if (strcmp(s, fmt_names[i]) == 0)
			return (enum fmt)i;
	return FMT_NONE;
}

static int
parse_alarm(const char *s, int *minutes)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || v < 0 || v > 10080)
		return -1;
	if (*end == 'h' && end[1] == '\0')
		v *= 60;
	else if (!((*end == 'm' && end[1] == '\0') || *end == '\0'))
		return -1;
	*minutes = (int)v;
	return 0;
}

/* Applies one option; returns 0 or -1 (usage error printed). */
static int
apply_option(struct opts *o, const struct option *opt, const char *arg)
{
	const char *eq;

	switch (opt->id) {
	case O_FORMAT:
		if ((o->fmt = parse_fmt(arg)) == FMT_NONE) {
			usage_error("unknown format '%s' (text, ics, json, "
			            "csv, tsv)",
			    arg);
			return -1;
		}
		break;
	case O_OUTPUT:
		o->out = arg;
		break;
	case O_PROFILE:
		o->profile = arg;
		break;
	case O_NO_PROFILE:
		o->no_profile = 1;
		break;
	case O_LENIENT:
		o->lenient = 1;
		break;
	case O_TZ:
		o->tz = arg;
		add_setting(o, opt->section, opt->key, arg, NULL);
		break;
	case O_QUIET:
		o->quiet = 1;
		break;
	case O_VERBOSE:
		o->verbose = 1;
		break;
	case O_HELP:
		o->help = 1;
		break;
	case O_VERSION:
		break;
	case O_ALARM:
		if (parse_alarm(arg, &o->alarm) != 0) {
			usage_error("bad --alarm '%s' (e.g. 10m or 1h)", arg);
			return -1;
		}
		break;
	case O_DAY:
		o->day = arg;
		break;
	case O_KIND:
		o->kind = arg;
		break;
	case O_ROOM:
		o->room = arg;
		break;
	case O_MATCH:
		o->match = arg;
		break;
	case O_EMIT_LP:
		o->emit_lp = arg;
		break;
	case O_BUSY:
		add_setting(o, "busy", "file", arg, NULL);
		break;
	case O_SET:
		/* A flag without an argument sets a yes/no key. */
		if (!opt->arg)
			arg = strncmp(opt->name, "no-", 3) != 0 ? "yes" : "no";
		add_setting(o, opt->section, opt->key, arg, NULL);
		break;
	case O_JOBS:
		if (pp_batch_parse_jobs(arg, &o->jobs) != 0) {
			usage_error("bad --jobs '%s' (1 to 4096)", arg);
			return -1;
		}
		break;
	case O_SHARD:
		if (pp_batch_parse_shard(arg, &o->shard_index,
		        &o->shard_count) != 0) {
			usage_error("bad --shard '%s' (K/N with 0 <= K < N, "
			            "e.g. 0/4)",
			    arg);
			return -1;
		}
		break;
	case O_ROOMS:
		o->rooms = arg;
		break;
	case O_FORCE:
		o->force = 1;
		break;
	case O_ICS:
		o->ics = 1;
		break;
	case O_MERGE:
		o->merge = 1;
		break;
	case O_SET_KV:
		eq = strrchr(arg, '=');
		if (eq == NULL || eq == arg) {
			usage_error("--%s needs NAME=VALUE", opt->name);
			return -1;
		}
		{
			char *key = pp_xstrndup(arg, (size_t)(eq - arg));

			add_setting(o, opt->section, key, eq + 1, key);
		}
		break;
	}
	return 0;
}

static const struct option *
find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].name) == len &&
		    strncmp(options[i].name, name, len) == 0)
			return &options[i];
	return NULL;
}

static const struct option *
find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].shortname == c)
			return &options[i];
	return NULL;
}

static void
add_file(struct opts *o, const char *f)
{
	o->files = pp_xgrowarray(o->files, &o->filescap, o->nfiles + 1,
	    sizeof(*o->files));
	o->files[o->nfiles++] = f;
}

/* Parses argv[first..]: options anywhere (GNU style), "--" ends them. */
static int
parse_args(struct opts *o, int argc, char **argv, int first)
{
	int i, only_files = 0;

	for (i = first; i < argc; i++) {
		const char *a = argv[i], *arg = NULL;
		const struct option *opt;

		if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
			add_file(o, a);
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_files = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len =
			    eq != NULL ? (size_t)(eq - a - 2) : strlen(a + 2);

			if ((opt = find_long(a + 2, len)) == NULL) {
				usage_error("unknown option '%s'", a);
				return -1;
			}
			if (eq != NULL && !opt->arg) {
				usage_error("option '--%s' takes no argument",
				    opt->name);
				return -1;
			}
			arg = eq != NULL ? eq + 1 : NULL;
		} else {
			if ((opt = find_short(a[1])) == NULL || a[2] != '\0') {
				if (opt != NULL && opt->arg)
					arg = a + 2;
				else {
					usage_error("unknown option '%s'", a);
					return -1;
				}
			}
		}
		if (opt->arg && arg == NULL) {
			if (i + 1 >= argc) {
				usage_error("option '%s' needs an argument", a);
				return -1;
			}
			arg = argv[++i];
		}
		if (apply_option(o, opt, arg) != 0)
			return -1;
	}
	return 0;
}

static void
opts_fini(struct opts *o)
{
	size_t i;

	for (i = 0; i < o->nset; i++)
		free(o->set[i].owned);
	free(o->set);
	free(o->files);
}

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
		        o->set[i].value, NULL, 0, ds) != 0)
			return PP_EX_USAGE;
	if (pp_profile_check(p, ds) != 0)
		return PP_EX_USAGE;
	return 0;
}

/* Loads every programme file; returns an exit status (0 = fine). */
static int
load_programme(const struct opts *o, const struct pp_profile *p,
    struct pp_timetable *tt, struct pp_diags *ds)
{
	struct pp_load_opts lo;
	size_t i;
	int io = 0, ret = 0;

	if (o->nfiles == 0) {
		usage_error("%s", "no programme file given");
		return PP_EX_USAGE;
	}
	lo.tz = p->tz;
	lo.lenient = o->lenient;
	for (i = 0; i < o->nfiles; i++) {
		int this_io = 0;

		pp_load_file(tt, o->files[i], &lo, ds, &this_io);
		io |= this_io;
	}
	if (io)
		ret = PP_EX_NOINPUT;
	else if (ds->nerrors > 0)
		ret = PP_EX_DATAERR;
	if (ret == 0)
		pp_timetable_merge_duplicates(tt, ds);
	return ret;
}

/* Reads the --busy files into resolved blocks. */
static int
load_busy(const struct opts *o, const struct pp_profile *p,
    const struct pp_timetable *tt, struct pp_busy_block **out, size_t *nout,
    struct pp_diags *ds)
{
	int io;

	if (pp_busy_load_profile(p, tt, o->lenient, out, nout, ds, &io) == 0)
		return 0;
	return io ? PP_EX_NOINPUT : PP_EX_DATAERR;
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
		pp_diag_err(ds, out->path != NULL ? NULL : "<stdout>", 0,
		    "write error: %s", strerror(errno != 0 ? errno : EIO));
		pp_out_abort(out);
		return PP_EX_IOERR;
	}
	return pp_out_commit(out, ds) == 0 ? 0 : PP_EX_IOERR;
}

static int
write_plan(const struct opts *o, const struct pp_plan *pl, struct pp_diags *ds)
{
	struct pp_write_opts wo;
	struct pp_out out;
	int werr = 0;

	wo.color = use_color(o);
	wo.alarm_minutes = o->alarm;
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
		werr = pp_write_csv(out.fp, pl, 0);
		break;
	case FMT_TSV:
		werr = pp_write_csv(out.fp, pl, 1);
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
	struct pp_busy_block *busy;
	size_t nbusy;
	struct pp_model *m;
	char *xdg;
};

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
	if ((st = load_busy(o, &s->p, s->tt, &s->busy, &s->nbusy, ds)) != 0)
		return st;
	switch (pp_model_build(s->tt, &s->p, s->busy, s->nbusy, &s->m, ds)) {
	case 0:
		return 0;
	case 1:
		return PP_EX_INFEASIBLE;
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
	pp_model_free(s->m);
	pp_busy_free(s->busy, s->nbusy);
	pp_timetable_free(s->tt);
	pp_profile_fini(&s->p);
	free(s->xdg);
}

static int
run_build(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	struct pp_plan *pl = NULL;
	int st;

	st = session_open(o, &s, ds, 1);
	/* A model whose hard constraints clash (a must-see that is skipped,
	 * say) is still written, so that a MILP solver can confirm it. */
	if ((st == 0 || (st == PP_EX_INFEASIBLE && s.m != NULL)) &&
	    o->emit_lp != NULL) {
		int wst = write_lp(o->emit_lp, s.m, ds);

		if (wst != 0)
			st = wst;
	}
	if (st == 0 && pp_solve(s.m, &pl, ds) != 0)
		st = PP_EX_INFEASIBLE;
	if (st == 0)
		st = write_plan(o, pl, ds);
	pp_plan_free(pl);
	session_close(&s, o, ds);
	return st;
}

static int
run_explain(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	struct pp_out out;
	int st, werr;

	st = session_open(o, &s, ds, 1);
	if (st == PP_EX_INFEASIBLE)
		st = 0; /* explain says why; the event may be the reason */
	if (st == 0 && s.m == NULL)
		st = PP_EX_DATAERR;
	if (st == 0 && pp_out_open(&out, o->out, ds) != 0)
		st = PP_EX_CANTCREAT;
	if (st == 0) {
		errno = 0;
		werr = pp_explain(out.fp, s.m, o->event, ds);
		if (werr == 1) {
			pp_out_abort(&out);
			st = PP_EX_DATAERR;
		} else
			st = finish_output(&out, werr, ds);
	}
	session_close(&s, o, ds);
	return st;
}

/* Events selected by list's filters, in programme order. */
static size_t
select_events(const struct opts *o, const struct pp_timetable *tt,
    const char *tz, const struct pp_event ***out)
{
	const struct pp_event **sel = pp_xcalloc(tt->n + 1, sizeof(*sel));
	size_t i, j, n = 0;
	char date[11];

	for (i = 0; i < tt->n; i++) {
		const struct pp_event *ev = &tt->ev[i];

		if (o->day != NULL) {
			pp_tz_format_date(*ev->tz ? ev->tz : tz, ev->start,
			    date);
			if (strcmp(date, o->day) != 0)
				continue;
		}
		if (o->kind != NULL &&
		    strcmp(pp_kind_name(ev->kind), o->kind) != 0 &&
		    strcasecmp(ev->kind_word, o->kind) != 0)
			continue;
		if (o->room != NULL) {
			int hit = 0;

			for (j = 0; j < ev->nrooms && !hit; j++)
				hit = strcasecmp(ev->rooms[j], o->room) == 0 ||
				    pp_text_match(ev->rooms[j], o->room);
			if (!hit)
				continue;
		}
		if (o->match != NULL) {
			int hit = pp_text_match(ev->title, o->match) ||
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
		werr = pp_write_timetable_csv(out.fp, tt, sel, nsel, 0);
		break;
	case FMT_TSV:
		werr = pp_write_timetable_csv(out.fp, tt, sel, nsel, 1);
		break;
	default:
		werr = pp_write_timetable_text(out.fp, sel, nsel, tz,
		    use_color(o));
		break;
	}
	return finish_output(&out, werr, ds);
}

static int
run_list(const struct opts *o, struct pp_diags *ds)
{
	struct session s;
	const struct pp_event **sel = NULL;
	size_t n;
	int st;

	if (o->day != NULL) {
		struct pp_civil c;

		if (pp_parse_date(o->day, &c) != 0) {
			usage_error("bad --day '%s' (YYYY-MM-DD)", o->day);
			return PP_EX_USAGE;
		}
	}
	if (o->kind != NULL && pp_kind_parse(o->kind) < 0) {
		usage_error("unknown --kind '%s' (see KINDS in pyplan(1))",
		    o->kind);
		return PP_EX_USAGE;
	}
	st = session_open(o, &s, ds, 0);
	if (st == 0) {
		const char *tz = s.p.tz != NULL      ? s.p.tz
		    : s.tt->n > 0 && *s.tt->ev[0].tz ? s.tt->ev[0].tz
		                                     : "UTC";

		n = select_events(o, s.tt, tz, &sel);
		st = write_programme(o, s.tt, sel, n, tz, FMT_TEXT, ds);
	}
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
		usage_error("%s",
		    "convert needs -f csv|tsv|ics|json (or -o "
		    "with such an extension)");
		return PP_EX_USAGE;
	}
	st = session_open(o, &s, ds, 0);
	if (st == 0) {
		const char *tz = s.p.tz != NULL      ? s.p.tz
		    : s.tt->n > 0 && *s.tt->ev[0].tz ? s.tt->ev[0].tz
		                                     : "UTC";

		st = write_programme(o, s.tt, NULL, s.tt->n, tz, FMT_CSV, ds);
	}
	session_close(&s, o, ds);
	return st;
}

static int
run_check(const struct opts *o, struct pp_diags *ds)
{
	struct pp_profile p;
	struct pp_timetable *tt = pp_timetable_new();
	char *xdg = NULL;
	int st;

	pp_profile_init(&p);
	st = load_profile(o, &p, &xdg, ds);
	if (st == 0) {
		st = load_programme(o, &p, tt, ds);
		if (st == PP_EX_DATAERR || st == 0) {
			const char *tz = p.tz != NULL    ? p.tz
			    : tt->n > 0 && *tt->ev[0].tz ? tt->ev[0].tz
			                                 : "UTC";

			pp_check_report(stdout, tt, tz, ds);
		}
	}
	/* Diagnostics borrow the profile path: print them before it goes. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	pp_timetable_free(tt);
	pp_profile_fini(&p);
	free(xdg);
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
		usage_error("%s", "batch needs -o DIR");
		return PP_EX_USAGE;
	}
	if (o->nfiles < (o->merge ? 1u : 2u)) {
		usage_error("%s",
		    o->merge ? "batch --merge-demand needs a DIR"
		             : "batch needs an attendee file and "
		               "a programme file");
		return PP_EX_USAGE;
	}
	b = pp_batch_new();
	if (o->merge) {
		r = pp_batch_merge(b, o->out, o->files, o->nfiles, ds);
		print_diags(o, ds);
		pp_diags_fini(ds);
		pp_diags_init(ds);
		pp_batch_free(b);
		return r;
	}
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
	if (!o->quiet && isatty(STDERR_FILENO))
		bo.progress = show_progress;
	r = pp_batch_run(b, &bo, &st, ds);
	/* The diagnostics name files b owns. */
	print_diags(o, ds);
	pp_diags_fini(ds);
	pp_diags_init(ds);
	pp_batch_free(b);
	free(set);
	return r;
}

static void
print_help(enum cmd c)
{
	if (c == CMD_NONE || c == CMD_HELP) {
		fputs(usage_text, stdout);
		fputs("\nCommands: build, list, check, explain, convert, "
		      "batch, "
		      "help."
		      "\nSee pyplan help COMMAND and man pyplan.\n",
		    stdout);
		return;
	}
	fputs(cmd_help[c], stdout);
}

static enum cmd
parse_cmd(const char *s)
{
	int i;

	for (i = CMD_BUILD; i <= CMD_HELP; i++)
		if (strcmp(s, cmd_names[i]) == 0)
			return (enum cmd)i;
	return CMD_NONE;
}

static void
on_signal(int sig)
{
	pp_out_cleanup_signal();
	signal(sig, SIG_DFL);
	raise(sig);
}

int
pp_cli_main(int argc, char **argv)
{
	struct opts o;
	struct pp_diags ds;
	int st = 0, first = 2;

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	/* pp_xmalloc exits on out of memory: no temporary file stays. */
	atexit(pp_out_cleanup_signal);
	if (argc < 2) {
		fputs(usage_text, stderr);
		return PP_EX_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("pyplan %s\n", PP_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_help(CMD_NONE);
		return 0;
	}
	memset(&o, 0, sizeof(o));
	o.cmd = parse_cmd(argv[1]);
	if (o.cmd == CMD_NONE) {
		usage_error("unknown command '%s'", argv[1]);
		return PP_EX_USAGE;
	}
	if (o.cmd == CMD_HELP) {
		enum cmd c = argc > 2 ? parse_cmd(argv[2]) : CMD_NONE;

		if (argc > 2 && c == CMD_NONE) {
			usage_error("unknown command '%s'", argv[2]);
			return PP_EX_USAGE;
		}
		print_help(c);
		return 0;
	}
	if (o.cmd == CMD_EXPLAIN && argc > 2 && argv[2][0] != '-') {
		o.event = argv[2];
		first = 3;
	}
	if (parse_args(&o, argc, argv, first) != 0) {
		opts_fini(&o);
		return PP_EX_USAGE;
	}
	if (o.help) {
		print_help(o.cmd);
		opts_fini(&o);
		return 0;
	}
	if (o.cmd == CMD_EXPLAIN && o.event == NULL) {
		usage_error("%s", "explain needs an EVENT (id or title)");
		opts_fini(&o);
		return PP_EX_USAGE;
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
	case CMD_BATCH:
		st = run_batch(&o, &ds);
		break;
	default:
		break;
	}
	print_diags(&o, &ds);
	pp_diags_fini(&ds);
	opts_fini(&o);
	pp_tz_cleanup();
	return st;
}
