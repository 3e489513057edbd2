/* SPDX-License-Identifier: ISC */
/*
 * The command line's tables (commands, options) and what is made from
 * them: argument parsing, "did you mean" for unknown options, the help of
 * each command and the bash and zsh completion scripts, so that help,
 * parsing and completion cannot drift apart.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "pyplan/batch.h"
#include "pyplan/event.h"
#include "pyplan/suggest.h"
#include "pyplan/term.h"
#include "pyplan/xalloc.h"

const char *const cli_fmt_names[] = {"", "text", "ics", "json", "csv", "tsv",
    NULL};

const char *const cli_cmd_names[CMD__COUNT] = {"", "build", "list", "check",
    "explain", "convert", "diff", "now", "batch", "team", "completion", "help"};

static const char *const cmd_summary[CMD__COUNT] = {
    [CMD_BUILD] = "plan a balanced personal schedule from the programme "
                  "files",
    [CMD_LIST] = "browse the programme",
    [CMD_CHECK] = "validate programme files, print counts and every "
                  "problem",
    [CMD_EXPLAIN] = "why an event is or is not in the plan (takes the "
                    "build options)",
    [CMD_CONVERT] = "write the programme in another format",
    [CMD_DIFF] = "what changed between two versions of a programme, and "
                 "what it means for a plan",
    [CMD_NOW] = "what is on now and next, and where a plan says to be",
    [CMD_BATCH] = "a plan for every attendee of an attendee file, and the "
                  "room demand",
    [CMD_TEAM] = "plan a whole team: each member's plan, a booth rota and "
                 "the talks the team covers",
    [CMD_COMPLETION] = "print the bash or zsh completion script",
    [CMD_HELP] = "show the usage, or the options of one command",
};

/* What follows "usage: " in the help of each command. */
static const char *const cmd_synopsis[CMD__COUNT] = {
    [CMD_BUILD] = "pyplan build [options] file ...",
    [CMD_LIST] = "pyplan list [options] file ...",
    [CMD_CHECK] = "pyplan check [options] file ...",
    [CMD_EXPLAIN] = "pyplan explain event [options] file ...",
    [CMD_CONVERT] = "pyplan convert -f csv|tsv|ics|json [options] file ...",
    [CMD_DIFF] = "pyplan diff [options] old new | --since-cache url",
    [CMD_NOW] = "pyplan now [options] file ...",
    [CMD_BATCH] = "pyplan batch -o dir [options] attendees file ...\n"
                  "       pyplan batch --merge-demand -o dir dir ...",
    [CMD_TEAM] = "pyplan team [options] team.ini file ...",
    [CMD_COMPLETION] = "pyplan completion bash|zsh",
    [CMD_HELP] = "pyplan help [command]",
};

/* The usage; identical to the man page's SYNOPSIS. */
const char cli_usage[] =
    "usage: pyplan build [-f format] [-o file] [--profile file | "
    "--no-profile]\n"
    "                    [--lenient] [--tz zone] [--width n] [--raw-csv]\n"
    "                    [--max-talks n] [--max-talk-minutes n]\n"
    "                    [--max-streak n] [--min-networking min]\n"
    "                    [--min-block min] [--room-change min]\n"
    "                    [--day-start hh:mm] [--day-end hh:mm]\n"
    "                    [--day-change hh:mm] [--lunch hh:mm-hh:mm/min]\n"
    "                    [--recorded-weight x]\n"
    "                    [--days day[,day...]] [--level level]\n"
    "                    [--talk-base x] [--networking-weight x]\n"
    "                    [--level-bonus x] [--criteria-bonus x]\n"
    "                    [--plenary-weight x] [--lang code[,code...]]\n"
    "                    [--ticket kind|id|title]\n"
    "                    [--fill | --no-fill] [--interest topic=w]\n"
    "                    [--speaker name=w] [--criterion name=list]\n"
    "                    [--must id|title] [--skip id|title]\n"
    "                    [--busy file|block] [--venue file]\n"
    "                    [--open-spaces n] [--expo min]\n"
    "                    [--host title day [hh:mm]] [--alarm 10m]\n"
    "                    [--alarm-hallway] [--emit-lp file]\n"
    "                    [--pins plan] [--previous file.ics]\n"
    "                    [--from plan] [--now time] [--change-penalty x]\n"
    "                    [--offline]\n"
    "                    [--timeout s] [-q | -v] file ...\n"
    "       pyplan list [--day day] [--track track] [--lang codes]\n"
    "                   [--speaker name] [--room room] [--kind kind]\n"
    "                   [--match words] [-f format] [-o file] [--width n]\n"
    "                   [--raw-csv] [--offline] [--timeout s] file ...\n"
    "       pyplan check [--lenient] [--tz zone] [--width n] [--offline]\n"
    "                    [--timeout s] file ...\n"
    "       pyplan explain event [build options] file ...\n"
    "       pyplan convert -f csv|tsv|ics|json [-o file] [--raw-csv]\n"
    "                      [--offline] [--timeout s] file ...\n"
    "       pyplan diff [-f format] [-o file] [--plan plan] [--tz zone]\n"
    "                   [--room-change min] [--raw-csv] [--offline]\n"
    "                   [--timeout s] old new | --since-cache url\n"
    "       pyplan now [--plan plan] [--at time] [--tz zone]\n"
    "                  [--room-change min] [--offline] [--timeout s] file ...\n"
    "       pyplan batch -o dir [-j n] [--shard k/n] [--rooms file] [--ics]\n"
    "                    [--force] [build options] attendees file ...\n"
    "       pyplan batch --merge-demand -o dir dir ...\n"
    "       pyplan team [-f format] [-o file|dir/] [--member name]\n"
    "                   [--explain name@time|event] [--time-limit s]\n"
    "                   [--gap pct] [--emit-lp file] [--lenient]\n"
    "                   [--tz zone] [--width n] [--offline] [--timeout s]\n"
    "                   [-q | -v] team.ini file ...\n"
    "       pyplan completion bash|zsh\n"
    "       pyplan help [command]\n"
    "       pyplan --version\n";

enum opt_id {
	O_FORMAT,
	O_OUTPUT,
	O_PROFILE,
	O_NO_PROFILE,
	O_LENIENT,
	O_TZ,
	O_WIDTH,
	O_RAW_CSV,
	O_QUIET,
	O_VERBOSE,
	O_HELP,
	O_ALARM,
	O_ALARM_HALLWAY,
	O_DAY,
	O_TRACK,
	O_LANG,
	O_SPEAKER_FILTER,
	O_KIND,
	O_ROOM,
	O_MATCH,
	O_EMIT_LP,
	O_BUSY,
	O_SET,
	O_SET_KV,
	O_HOST,
	/* the live conference */
	O_PLAN,
	O_SINCE_CACHE,
	O_PINS,
	O_PREVIOUS,
	O_AT,
	O_FROM,
	O_NOW,
	O_OFFLINE,
	O_TIMEOUT,
	O_JOBS,
	O_SHARD,
	O_ROOMS,
	O_FORCE,
	O_ICS,
	O_MERGE,
	/* team */
	O_MEMBER,
	O_TIME_LIMIT,
	O_TEAM_EXPLAIN,
	O_GAP
};

/* How the shells complete an option's argument. */
enum arg_kind { A_NONE, A_FILE, A_FORMAT, A_KIND, A_DAY, A_ZONE };

#define C(x) (1u << CMD_##x)
#define C_PLAN (C(BUILD) | C(EXPLAIN) | C(BATCH))
#define C_PROG                                                                 \
	(C(BUILD) | C(LIST) | C(CHECK) | C(EXPLAIN) | C(CONVERT) | C(DIFF) |   \
	    C(NOW))

static const struct option {
	const char *name;
	char shortname;
	const char *arg; /* its argument's name; NULL: takes none */
	unsigned cmds;   /* the commands that take it */
	enum opt_id id;
	const char *section, *key; /* the profile key it sets */
	enum arg_kind complete;
	const char *help;
} options[] = {
    {"format", 'f', "FMT", C(BUILD) | C(LIST) | C(CONVERT) | C(DIFF) | C(TEAM),
        O_FORMAT, NULL, NULL, A_FORMAT, "text (default), ics, json, csv, tsv"},
    {"output", 'o', "FILE",
        C(BUILD) | C(LIST) | C(EXPLAIN) | C(CONVERT) | C(DIFF) | C(NOW) |
            C(TEAM),
        O_OUTPUT, NULL, NULL, A_FILE,
        "write atomically to FILE (format from its extension)"},
    {"output", 'o', "DIR", C(BATCH), O_OUTPUT, NULL, NULL, A_FILE,
        "write DIR/ID.json for each attendee and DIR/demand.csv, .json "
        "(required)"},
    {"profile", 0, "FILE", C_PROG, O_PROFILE, NULL, NULL, A_FILE,
        "read the profile (default $XDG_CONFIG_HOME/pyplan/profile.ini)"},
    {"profile", 0, "FILE", C(BATCH), O_PROFILE, NULL, NULL, A_FILE,
        "the base of every attendee's profile (no default)"},
    {"no-profile", 0, NULL, C_PROG, O_NO_PROFILE, NULL, NULL, A_NONE,
        "ignore the default profile"},
    {"lenient", 0, NULL, C_PROG | C(BATCH) | C(TEAM), O_LENIENT, NULL, NULL,
        A_NONE, "skip bad events with a warning each"},
    {"tz", 0, "ZONE", C_PROG | C(BATCH) | C(TEAM), O_TZ, "plan", "timezone",
        A_ZONE, "zone for floating times and display"},
    {"width", 0, "N", C(BUILD) | C(LIST) | C(CHECK) | C(EXPLAIN) | C(TEAM),
        O_WIDTH, NULL, NULL, A_NONE,
        "lay text out in N columns (default: the terminal's; 0: no limit)"},
    {"raw-csv", 0, NULL, C(BUILD) | C(LIST) | C(CONVERT) | C(DIFF), O_RAW_CSV,
        NULL, NULL, A_NONE,
        "csv/tsv: no ' before a cell starting = + - @ (the guard against "
        "formulas)"},
    {"quiet", 'q', NULL, C_PROG | C(BATCH) | C(TEAM), O_QUIET, NULL, NULL,
        A_NONE, "print errors only, no warnings"},
    {"verbose", 'v', NULL, C_PROG | C(BATCH) | C(TEAM), O_VERBOSE, NULL, NULL,
        A_NONE, "print notes too"},
    {"help", 'h', NULL, C_PROG | C(BATCH) | C(TEAM) | C(COMPLETION), O_HELP,
        NULL, NULL, A_NONE, "this help"},
    {"day", 0, "DAY", C(LIST), O_DAY, NULL, NULL, A_DAY,
        "events of one day: YYYY-MM-DD or a weekday (sat, Saturday)"},
    {"track", 0, "TRACK", C(LIST), O_TRACK, NULL, NULL, A_NONE,
        "events of a track (its name, or words of it)"},
    {"lang", 0, "CODES", C(LIST), O_LANG, NULL, NULL, A_NONE,
        "events in these languages (en,de); events of no known language "
        "stay"},
    {"speaker", 0, "NAME", C(LIST), O_SPEAKER_FILTER, NULL, NULL, A_NONE,
        "events with a speaker whose name holds these words"},
    {"room", 0, "ROOM", C(LIST), O_ROOM, NULL, NULL, A_NONE,
        "events in a room (its name, or words of it)"},
    {"kind", 0, "KIND", C(LIST), O_KIND, NULL, NULL, A_KIND,
        "events of a kind, or of the programme's own type word (devroom)"},
    {"match", 0, "WORDS", C(LIST), O_MATCH, NULL, NULL, A_NONE,
        "events whose title, abstract, track, tags or speakers hold WORDS"},
    {"max-talks", 0, "N", C_PLAN, O_SET, "plan", "max-talks-per-day", A_NONE,
        "talk-load items per day (max-talks-per-day)"},
    {"max-talk-minutes", 0, "N", C_PLAN, O_SET, "plan",
        "max-talk-minutes-per-day", A_NONE,
        "talk-load minutes per day (max-talk-minutes-per-day)"},
    {"max-streak", 0, "N", C_PLAN, O_SET, "plan", "max-consecutive-talks",
        A_NONE, "talk-load items in a row (max-consecutive-talks)"},
    {"min-networking", 0, "MIN", C_PLAN, O_SET, "plan",
        "min-networking-minutes", A_NONE,
        "networking minutes per day (min-networking-minutes)"},
    {"min-block", 0, "MIN", C_PLAN, O_SET, "plan", "min-networking-block",
        A_NONE, "shortest networking block that counts"},
    {"room-change", 0, "MIN", C_PLAN | C(DIFF) | C(NOW), O_SET, "plan",
        "room-change-minutes", A_NONE, "minutes needed between rooms"},
    {"day-start", 0, "HH:MM", C_PLAN, O_SET, "plan", "day-start", A_NONE,
        "plan nothing before this time"},
    {"day-end", 0, "HH:MM", C_PLAN, O_SET, "plan", "day-end", A_NONE,
        "plan nothing after this time (before day-change: the next morning)"},
    {"day-change", 0, "HH:MM", C_PLAN, O_SET, "plan", "day-change", A_NONE,
        "when one conference day ends and the next begins (nights)"},
    {"lunch", 0, "HH:MM-HH:MM/MIN", C_PLAN, O_SET, "plan", "lunch", A_NONE,
        "lunch window and minutes, or none"},
    {"recorded-weight", 0, "X", C_PLAN, O_SET, "plan", "recorded-weight",
        A_NONE, "0..1 factor for recorded talks"},
    {"days", 0, "DAY[,DAY...]", C_PLAN, O_SET, "plan", "days", A_DAY,
        "plan only these days: YYYY-MM-DD or weekdays (sat, Saturday)"},
    {"level", 0, "LEVEL", C_PLAN, O_SET, "plan", "level", A_NONE,
        "preferred audience level"},
    {"talk-base", 0, "X", C_PLAN, O_SET, "plan", "talk-base", A_NONE,
        "score of any talk-load item"},
    {"networking-weight", 0, "X", C_PLAN, O_SET, "plan", "networking-weight",
        A_NONE, "score of networking per hour"},
    {"level-bonus", 0, "X", C_PLAN, O_SET, "plan", "level-bonus", A_NONE,
        "added when the level matches"},
    {"criteria-bonus", 0, "X", C_PLAN, O_SET, "plan", "criteria-bonus", A_NONE,
        "added per criterion covered"},
    {"plenary-weight", 0, "X", C_PLAN, O_SET, "plan", "plenary-weight", A_NONE,
        "score per hour of a single-track plenary (0: off)"},
    {"lang", 0, "CODE[,CODE...]", C_PLAN, O_SET, "plan", "languages", A_NONE,
        "plan talks only in these languages (languages; any: all)"},
    {"ticket", 0, "KIND|ID|TITLE", C_PLAN, O_SET, "tickets", "ticket", A_NONE,
        "a ticket for separately registered events (repeatable)"},
    {"fill", 0, NULL, C_PLAN, O_SET, "plan", "fill-with-talks", A_NONE,
        "fill free slots with talks, up to the caps (fill-with-talks)"},
    {"no-fill", 0, NULL, C_PLAN, O_SET, "plan", "fill-with-talks", A_NONE,
        "plan a talk only when it is worth its time"},
    {"interest", 0, "TOPIC=W", C_PLAN, O_SET_KV, "interests", NULL, A_NONE,
        "weight of a topic (repeatable)"},
    {"speaker", 0, "NAME=W", C_PLAN, O_SET_KV, "speakers", NULL, A_NONE,
        "weight of a speaker (repeatable)"},
    {"criterion", 0, "job|depth|new|speaker=LIST", C_PLAN, O_SET_KV, "criteria",
        NULL, A_NONE, "topics or speakers of a criterion"},
    {"must", 0, "ID|TITLE", C_PLAN, O_SET, "must", "id", A_NONE,
        "plan this event: id, title, words of it, or a pattern with *"},
    {"skip", 0, "ID|TITLE", C_PLAN, O_SET, "skip", "id", A_NONE,
        "never plan it ('Dinner (Red*' skips every match)"},
    {"busy", 0, "FILE|BLOCK", C_PLAN, O_BUSY, "busy", "file", A_FILE,
        "keep free: an .ics or CSV calendar, or 'YYYY-MM-DD HH:MM-HH:MM "
        "[label]'"},
    {"venue", 0, "FILE", C_PLAN, O_SET, "plan", "venue", A_FILE,
        "the venue: open-space boards and expo hours ([open-spaces], "
        "[expo])"},
    {"open-spaces", 0, "N", C_PLAN, O_SET, "plan", "open-spaces-per-day",
        A_NONE, "at least N open-space slots a day (or as many as fit)"},
    {"expo", 0, "MIN", C_PLAN, O_SET, "plan", "min-expo-minutes", A_NONE,
        "at least MIN minutes in the expo hall over the conference"},
    {"host", 0, "TITLE DAY [HH:MM]", C_PLAN, O_HOST, "host", NULL, A_NONE,
        "host an open space: a board slot on DAY, from HH:MM or any "
        "(repeatable)"},
    {"alarm", 0, "10m", C(BUILD) | C(BATCH), O_ALARM, NULL, NULL, A_NONE,
        "ics: a reminder this long before each item"},
    {"alarm-hallway", 0, NULL, C(BUILD) | C(BATCH), O_ALARM_HALLWAY, NULL, NULL,
        A_NONE, "ics: reminders on hallway blocks too"},
    {"emit-lp", 0, "FILE", C(BUILD) | C(TEAM), O_EMIT_LP, NULL, NULL, A_FILE,
        "also write the model in CPLEX LP format"},
    {"pins", 0, "PLAN", C(BUILD) | C(EXPLAIN), O_PINS, NULL, NULL, A_FILE,
        "an edited plan (CSV, TSV, JSON): rows kept are must-see, rows "
        "deleted or marked drop are skipped"},
    {"previous", 0, "OLD.ics", C(BUILD), O_PREVIOUS, NULL, NULL, A_FILE,
        "ics: an update of OLD.ics: keep its UIDs, cancel what was dropped"},
    {"from", 0, "PLAN", C(BUILD), O_FROM, NULL, NULL, A_FILE,
        "replan from this plan (JSON, CSV, TSV): keep what was attended, "
        "change little"},
    {"now", 0, "TIME", C(BUILD), O_NOW, NULL, NULL, A_NONE,
        "with --from: YYYY-MM-DDTHH:MM, in the planning zone unless it has "
        "an offset (default: now)"},
    {"change-penalty", 0, "X", C(BUILD), O_SET, "plan", "change-penalty",
        A_NONE, "with --from: score a change against the old plan costs"},
    {"plan", 0, "PLAN", C(DIFF) | C(NOW), O_PLAN, NULL, NULL, A_FILE,
        "a plan written by build (JSON, CSV, TSV): diff, only what touches "
        "it and what it means; now, where it says to be"},
    {"since-cache", 0, "URL", C(DIFF), O_SINCE_CACHE, NULL, NULL, A_NONE,
        "fetch URL and compare it with the copy cached before"},
    {"at", 0, "TIME", C(NOW), O_AT, NULL, NULL, A_NONE,
        "YYYY-MM-DDTHH:MM, in the planning zone unless it has an offset "
        "(default: now)"},
    {"offline", 0, NULL, C_PROG | C(TEAM), O_OFFLINE, NULL, NULL, A_NONE,
        "programme URLs from the cache only"},
    {"timeout", 0, "S", C_PROG | C(TEAM), O_TIMEOUT, NULL, NULL, A_NONE,
        "seconds to fetch a programme URL (default 60)"},
    {"jobs", 'j', "N", C(BATCH), O_JOBS, NULL, NULL, A_NONE,
        "worker processes (default: one per CPU)"},
    {"shard", 0, "K/N", C(BATCH), O_SHARD, NULL, NULL, A_NONE,
        "plan only the attendees of shard K (0..N-1) of N"},
    {"rooms", 0, "FILE", C(BATCH), O_ROOMS, NULL, NULL, A_FILE,
        "room,capacity CSV for the demand"},
    {"ics", 0, NULL, C(BATCH), O_ICS, NULL, NULL, A_NONE,
        "also write DIR/ID.ics"},
    {"force", 0, NULL, C(BATCH), O_FORCE, NULL, NULL, A_NONE,
        "plan again the attendees whose plan is up to date"},
    {"merge-demand", 0, NULL, C(BATCH), O_MERGE, NULL, NULL, A_FILE,
        "add up the shards' demand files of each DIR given into -o DIR"},
    {"member", 0, "NAME", C(TEAM), O_MEMBER, NULL, NULL, A_NONE,
        "write only this member's plan (any format, ics too)"},
    {"explain", 0, "NAME@TIME|EVENT", C(TEAM), O_TEAM_EXPLAIN, NULL, NULL,
        A_NONE,
        "why NAME is at the booth at TIME (YYYY-MM-DD HH:MM), or why a "
        "cover talk is covered or not and what covering it costs"},
    {"gap", 0, "PCT", C(TEAM), O_GAP, NULL, NULL, A_NONE,
        "stop once the plan is proven within PCT percent of the optimum "
        "(default 1; 0: prove the optimum)"},
    {"time-limit", 0, "S", C(TEAM), O_TIME_LIMIT, NULL, NULL, A_NONE,
        "seconds the team solver may take before it settles for its best "
        "plan and a proven bound (default 5)"},
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

void
cli_usage_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fputs("pyplan: ", stderr);
	pp_term_fputs(msg, stderr, 0);
	fputs("\nTry 'pyplan --help' for more information.\n", stderr);
}

enum cmd
cli_parse_cmd(const char *s, int report)
{
	const char *near;
	int i;

	for (i = CMD_BUILD; i < CMD__COUNT; i++)
		if (strcmp(s, cli_cmd_names[i]) == 0)
			return (enum cmd)i;
	if (!report)
		return CMD_NONE;
	near = pp_suggest(s, cli_cmd_names + 1, CMD__COUNT - 1);
	if (near != NULL)
		cli_usage_error("unknown command '%s' (did you mean '%s'?)", s,
		    near);
	else
		cli_usage_error("unknown command '%s'", s);
	return CMD_NONE;
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
		if (strcmp(s, cli_fmt_names[i]) == 0)
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

/* A whole number lo..hi written with digits only; returns 0 or -1. */
static int
parse_count(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi ||
	    *s < '0' || *s > '9')
		return -1;
	*out = v;
	return 0;
}

static int
parse_width(const char *s, size_t *w)
{
	long v;

	if (parse_count(s, 0, 100000, &v) != 0)
		return -1;
	*w = (size_t)v;
	return 0;
}

/* Applies one option; returns 0 or -1 (usage error printed). */
static int
apply_option(struct opts *o, const struct option *opt, const char *arg)
{
	const char *eq;
	const char *near;

	switch (opt->id) {
	case O_FORMAT:
		if ((o->fmt = parse_fmt(arg)) == FMT_NONE) {
			near = pp_suggest(arg, cli_fmt_names + 1, 5);
			cli_usage_error("unknown format '%s' (text, ics, json, "
			                "csv, tsv)%s%s%s",
			    arg, near ? "; did you mean '" : "",
			    near ? near : "", near ? "'?" : "");
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
	case O_WIDTH:
		if (parse_width(arg, &o->width) != 0) {
			cli_usage_error("bad --width '%s' (a number of "
			                "columns; 0 for no limit)",
			    arg);
			return -1;
		}
		o->width_set = 1;
		break;
	case O_RAW_CSV:
		o->raw_csv = 1;
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
	case O_ALARM:
		if (parse_alarm(arg, &o->alarm) != 0) {
			cli_usage_error("bad --alarm '%s' (e.g. 10m or 1h)",
			    arg);
			return -1;
		}
		break;
	case O_ALARM_HALLWAY:
		o->alarm_hallway = 1;
		break;
	case O_DAY:
		o->day = arg;
		break;
	case O_TRACK:
		o->track = arg;
		break;
	case O_LANG:
		o->lang = arg;
		break;
	case O_SPEAKER_FILTER:
		o->speaker = arg;
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
		add_setting(o, opt->section, opt->key, arg, NULL);
		break;
	case O_SET:
		/* A flag without an argument sets a yes/no key. */
		if (opt->arg == NULL)
			arg = strncmp(opt->name, "no-", 3) != 0 ? "yes" : "no";
		add_setting(o, opt->section, opt->key, arg, NULL);
		break;
	case O_PLAN:
		o->plan = arg;
		break;
	case O_SINCE_CACHE:
		o->since_cache = arg;
		break;
	case O_PINS:
		o->pins = arg;
		break;
	case O_PREVIOUS:
		o->previous = arg;
		break;
	case O_AT:
		o->at = arg;
		break;
	case O_FROM:
		o->from = arg;
		break;
	case O_NOW:
		o->now = arg;
		break;
	case O_OFFLINE:
		o->offline = 1;
		break;
	case O_TIMEOUT:
		if (parse_count(arg, 1, 86400, &o->timeout) != 0) {
			cli_usage_error("bad --timeout '%s' (seconds, 1 to "
			                "86400)",
			    arg);
			return -1;
		}
		break;
	case O_HOST: /* cli_parse_args reads its three arguments */
		break;
	case O_JOBS:
		if (pp_batch_parse_jobs(arg, &o->jobs) != 0) {
			cli_usage_error("bad --jobs '%s' (1 to %d)", arg,
			    PP_BATCH_JOBS_MAX);
			return -1;
		}
		break;
	case O_SHARD:
		if (pp_batch_parse_shard(arg, &o->shard_index,
		        &o->shard_count) != 0) {
			cli_usage_error("bad --shard '%s' (K/N with 0 <= K < "
			                "N, "
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
	case O_MEMBER:
		o->member = arg;
		break;
	case O_TEAM_EXPLAIN:
		o->team_explain = arg;
		break;
	case O_GAP: {
		char *end;

		errno = 0;
		o->gap = strtod(arg, &end);
		o->gap_set = 1;
		if (end == arg || *end != '\0' || errno != 0 ||
		    !(o->gap >= 0 && o->gap <= 100) || *arg < '0' ||
		    *arg > '9') {
			cli_usage_error(
			    "bad --gap '%s' (a percentage, 0 to 100)", arg);
			return -1;
		}
		break;
	}
	case O_TIME_LIMIT: {
		long v;

		if (parse_count(arg, 1, 3600, &v) != 0) {
			cli_usage_error("bad --time-limit '%s' (seconds, 1 to "
			                "3600)",
			    arg);
			return -1;
		}
		o->time_limit = (double)v;
		break;
	}
	case O_SET_KV:
		/* The first '=' ends the name, as in the profile file. */
		eq = strchr(arg, '=');
		if (eq == NULL || eq == arg) {
			cli_usage_error("--%s needs NAME=VALUE", opt->name);
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

/* The option named name[0..len) for command c; *other is set when only
 * another command takes it. */
static const struct option *
find_long(const char *name, size_t len, enum cmd c, int *other)
{
	size_t i;

	*other = 0;
	for (i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].name) == len &&
		    strncmp(options[i].name, name, len) == 0) {
			if (options[i].cmds & (1u << c))
				return &options[i];
			*other = 1;
		}
	return NULL;
}

static const struct option *
find_short(char ch, enum cmd c, int *other)
{
	size_t i;

	*other = 0;
	for (i = 0; i < NOPTIONS; i++)
		if (options[i].shortname == ch && ch != 0) {
			if (options[i].cmds & (1u << c))
				return &options[i];
			*other = 1;
		}
	return NULL;
}

/* "unknown option", with the closest option of the command. */
static void
unknown_option(const char *a, size_t len, enum cmd c, int other)
{
	const char *cands[NOPTIONS];
	char *name = pp_xstrndup(a, len);
	const char *near;
	size_t i, n = 0;

	if (other) {
		cli_usage_error("option '%s' does not apply to %s (see "
		                "'pyplan help %s')",
		    name, cli_cmd_names[c], cli_cmd_names[c]);
		free(name);
		return;
	}
	for (i = 0; i < NOPTIONS; i++)
		if (options[i].cmds & (1u << c))
			cands[n++] = options[i].name;
	near =
	    strncmp(name, "--", 2) == 0 ? pp_suggest(name + 2, cands, n) : NULL;
	if (near != NULL)
		cli_usage_error("unknown option '%s' (did you mean '--%s'?)",
		    name, near);
	else
		cli_usage_error("unknown option '%s'", name);
	free(name);
}

int
cli_known_option(const char *arg)
{
	size_t i, len;

	if (arg[0] != '-' || arg[1] == '\0')
		return 0;
	if (arg[1] != '-')
		return find_short(arg[1], CMD_BUILD, &(int){0}) != NULL ||
		    find_short(arg[1], CMD_LIST, &(int){0}) != NULL;
	len = strcspn(arg + 2, "=");
	for (i = 0; i < NOPTIONS; i++)
		if (strlen(options[i].name) == len &&
		    strncmp(options[i].name, arg + 2, len) == 0)
			return 1;
	return 0;
}

static void
add_file(struct opts *o, const char *f)
{
	o->files = pp_xgrowarray(o->files, &o->filescap, o->nfiles + 1,
	    sizeof(*o->files));
	o->files[o->nfiles++] = f;
}

/* 1 if s looks like a time of day, H:MM or HH:MM. */
static int
is_hhmm(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return (n == 1 || n == 2) && s[n] == ':' &&
	    strspn(s + n + 1, "0123456789") == 2 && s[n + 3] == '\0';
}

int
cli_parse_args(struct opts *o, int argc, char **argv, int first)
{
	int i, only_files = 0, other;

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

			if ((opt = find_long(a + 2, len, o->cmd, &other)) ==
			    NULL) {
				unknown_option(a, len + 2, o->cmd, other);
				return -1;
			}
			if (eq != NULL && opt->arg == NULL) {
				cli_usage_error("option '--%s' takes no "
				                "argument",
				    opt->name);
				return -1;
			}
			arg = eq != NULL ? eq + 1 : NULL;
		} else {
			opt = find_short(a[1], o->cmd, &other);
			if (opt == NULL) {
				unknown_option(a, 2, o->cmd, other);
				return -1;
			}
			if (a[2] != '\0') {
				if (opt->arg == NULL) {
					unknown_option(a, strlen(a), o->cmd, 0);
					return -1;
				}
				arg = a + 2;
			}
		}
		if (opt->id == O_HOST) {
			/* --host TITLE DAY [HH:MM]: the time when the next
			 * argument is one. */
			int t = i + 3 < argc && is_hhmm(argv[i + 3]);

			if (arg != NULL || i + 2 >= argc) {
				cli_usage_error("option '--host' needs TITLE "
				                "DAY [HH:MM]");
				return -1;
			}
			add_setting(o, opt->section, argv[i + 1], NULL,
			    pp_xasprintf("%s %s", argv[i + 2],
			        t ? argv[i + 3] : ""));
			o->set[o->nset - 1].value = o->set[o->nset - 1].owned;
			i += 2 + t;
			continue;
		}
		if (opt->arg != NULL && arg == NULL) {
			if (i + 1 >= argc) {
				cli_usage_error("option '%s' needs an argument",
				    a);
				return -1;
			}
			arg = argv[++i];
		}
		if (apply_option(o, opt, arg) != 0)
			return -1;
	}
	return 0;
}

void
cli_opts_fini(struct opts *o)
{
	size_t i;

	for (i = 0; i < o->nset; i++)
		free(o->set[i].owned);
	free(o->set);
	free(o->files);
}

/* "  -f, --format FMT" */
static char *
opt_label(const struct option *opt)
{
	if (opt->shortname)
		return pp_xasprintf("  -%c, --%s%s%s", opt->shortname,
		    opt->name, opt->arg ? " " : "", opt->arg ? opt->arg : "");
	return pp_xasprintf("      --%s%s%s", opt->name, opt->arg ? " " : "",
	    opt->arg ? opt->arg : "");
}

void
cli_print_help(FILE *fp, enum cmd c)
{
	/* A terminal's width, else the 80 columns help text is made for. */
	size_t i, w = 0, width = pp_term_width(fileno(fp));
	char *l, *line;
	int k;

	if (width == 0)
		width = 80;
	if (c == CMD_NONE) {
		fputs(cli_usage, fp);
		fputs("\nCommands:\n", fp);
		for (k = CMD_BUILD; k < CMD__COUNT; k++) {
			line = pp_xasprintf("  %-12s%s", cli_cmd_names[k],
			    cmd_summary[k]);
			pp_term_put_line(fp, line, width, 14, NULL);
			free(line);
		}
		fputs("See pyplan help COMMAND and man pyplan.\n", fp);
		return;
	}
	fprintf(fp, "pyplan %s: %s\nusage: %s\n", cli_cmd_names[c],
	    cmd_summary[c], cmd_synopsis[c]);
	for (i = 0; i < NOPTIONS; i++) {
		if (!(options[i].cmds & (1u << c)))
			continue;
		l = opt_label(&options[i]);
		if (strlen(l) > w && strlen(l) <= 26)
			w = strlen(l);
		free(l);
	}
	for (i = 0; i < NOPTIONS; i++) {
		if (!(options[i].cmds & (1u << c)))
			continue;
		l = opt_label(&options[i]);
		/* A label too long for the column gets a line of its own. */
		if (strlen(l) > w) {
			fprintf(fp, "%s\n", l);
			line = pp_xasprintf("%*s%s", (int)w + 2, "",
			    options[i].help);
		} else
			line = pp_xasprintf("%-*s  %s", (int)w, l,
			    options[i].help);
		pp_term_put_line(fp, line, width, w + 2, NULL);
		free(line);
		free(l);
	}
}

/* The words the shells offer for an argument of kind k. */
static void
print_words(FILE *fp, enum arg_kind k)
{
	static const char *const days[] = {"monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday"};
	int i;

	switch (k) {
	case A_FORMAT:
		for (i = FMT_TEXT; i <= FMT_TSV; i++)
			fprintf(fp, "%s%s", i > FMT_TEXT ? " " : "",
			    cli_fmt_names[i]);
		break;
	case A_KIND:
		for (i = 0; i < PP_KIND__COUNT; i++)
			if (i != PP_KIND_OTHER)
				fprintf(fp, "%s%s", i > 0 ? " " : "",
				    pp_kind_name((enum pp_kind)i));
		break;
	case A_DAY:
		for (i = 0; i < 7; i++)
			fprintf(fp, "%s%s", i > 0 ? " " : "", days[i]);
		break;
	default:
		break;
	}
}

/* The long (and short) option words of command c, for bash. */
static void
bash_opts(FILE *fp, enum cmd c)
{
	size_t i;
	int n = 0;

	for (i = 0; i < NOPTIONS; i++) {
		if (!(options[i].cmds & (1u << c)))
			continue;
		if (options[i].shortname)
			fprintf(fp, "%s-%c", n++ ? " " : "",
			    options[i].shortname);
		fprintf(fp, "%s--%s", n++ ? " " : "", options[i].name);
	}
}

/* The options (long and short) whose argument is of kind k, as a bash
 * case pattern ("-f|--format"); returns how many. */
static int
bash_pattern(FILE *fp, enum arg_kind k, int with_arg)
{
	size_t i, j;
	int n = 0;

	for (i = 0; i < NOPTIONS; i++) {
		int seen = 0;

		if ((options[i].arg != NULL) != with_arg ||
		    options[i].complete != k)
			continue;
		/* Two commands may share a name (--speaker). */
		for (j = 0; j < i; j++)
			if (strcmp(options[j].name, options[i].name) == 0 &&
			    (options[j].arg != NULL) == with_arg &&
			    options[j].complete == k)
				seen = 1;
		if (seen)
			continue;
		if (options[i].shortname)
			fprintf(fp, "%s-%c", n++ ? "|" : "",
			    options[i].shortname);
		fprintf(fp, "%s--%s", n++ ? "|" : "", options[i].name);
	}
	return n;
}

static void
print_bash(FILE *fp)
{
	static const enum arg_kind kinds[] = {A_FORMAT, A_KIND, A_DAY};
	size_t i;
	int c;

	fputs("# bash completion for pyplan(1); generated by "
	      "'pyplan completion bash'\n"
	      "# from the option table that 'pyplan help' prints.\n"
	      "_pyplan()\n{\n"
	      "\tlocal cur prev cmd i words\n"
	      "\tcur=${COMP_WORDS[COMP_CWORD]}\n"
	      "\tprev=${COMP_WORDS[COMP_CWORD-1]}\n"
	      "\tif [[ $cur == = ]]; then cur=; fi\n"
	      "\tif [[ $prev == = ]]; then "
	      "prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
	      "\tcmd=\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tcase ${COMP_WORDS[i]} in\n\t\t",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++)
		fprintf(fp, "%s%s", c > CMD_BUILD ? "|" : "", cli_cmd_names[c]);
	fputs(") cmd=${COMP_WORDS[i]}; break ;;\n"
	      "\t\tesac\n"
	      "\tdone\n"
	      "\tif [[ -z $cmd ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W '",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++)
		fprintf(fp, "%s ", cli_cmd_names[c]);
	fputs("--help --version' -- \"$cur\"))\n"
	      "\t\treturn\n"
	      "\tfi\n"
	      "\tcase $cmd in\n"
	      "\thelp) COMPREPLY=($(compgen -W '",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++)
		fprintf(fp, "%s%s", c > CMD_BUILD ? " " : "", cli_cmd_names[c]);
	fputs("' -- \"$cur\")); return ;;\n"
	      "\tcompletion) COMPREPLY=($(compgen -W 'bash zsh --help' -- "
	      "\"$cur\")); return ;;\n"
	      "\tesac\n"
	      "\tcase $prev in\n",
	    fp);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		fputs("\t", fp);
		if (bash_pattern(fp, kinds[i], 1) == 0)
			continue;
		fputs(")\n\t\tCOMPREPLY=($(compgen -W '", fp);
		print_words(fp, kinds[i]);
		fputs("' -- \"$cur\"))\n\t\treturn ;;\n", fp);
	}
	fputs("\t", fp);
	bash_pattern(fp, A_FILE, 1);
	fputs(")\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\t\treturn ;;\n"
	      "\t",
	    fp);
	bash_pattern(fp, A_ZONE, 1);
	fputs(")\n\t\tCOMPREPLY=($(cd /usr/share/zoneinfo 2>/dev/null && "
	      "compgen -f -- \"$cur\"))\n\t\treturn ;;\n\t",
	    fp);
	bash_pattern(fp, A_NONE, 1);
	fputs(")\n\t\treturn ;;\n"
	      "\tesac\n"
	      "\tcase $cmd in\n",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++) {
		if (c == CMD_HELP || c == CMD_COMPLETION)
			continue;
		fprintf(fp, "\t%s) words='", cli_cmd_names[c]);
		bash_opts(fp, (enum cmd)c);
		fputs("' ;;\n", fp);
	}
	fputs("\tesac\n"
	      "\tif [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
	      "\telse\n"
	      "\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n"
	      "\tfi\n"
	      "}\n"
	      "complete -o filenames -F _pyplan pyplan\n",
	    fp);
}

/* s inside a single-quoted zsh word and an _arguments description:
 * quotes, brackets and colons escaped. */
static void
zsh_escape(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			fputs("'\\''", fp);
		else {
			if (*s == '[' || *s == ']' || *s == ':' || *s == '\\')
				fputc('\\', fp);
			fputc(*s, fp);
		}
	}
}

static void
zsh_spec(FILE *fp, const struct option *opt)
{
	static const char *const action[] = {[A_NONE] = " ",
	    [A_FILE] = "_files",
	    [A_FORMAT] = NULL,
	    [A_KIND] = NULL,
	    [A_DAY] = NULL,
	    [A_ZONE] = "_time_zone"};

	fputs("\t\t'", fp);
	if (opt->shortname)
		fprintf(fp, "(-%c --%s)'{-%c%s,--%s%s}'", opt->shortname,
		    opt->name, opt->shortname, opt->arg ? "+" : "", opt->name,
		    opt->arg ? "=" : "");
	else
		fprintf(fp, "--%s%s", opt->name, opt->arg ? "=" : "");
	fputc('[', fp);
	zsh_escape(fp, opt->help);
	fputc(']', fp);
	if (opt->arg != NULL) {
		fputc(':', fp);
		zsh_escape(fp, opt->arg);
		fputc(':', fp);
		if (action[opt->complete] != NULL)
			fputs(action[opt->complete], fp);
		else {
			fputc('(', fp);
			print_words(fp, opt->complete);
			fputc(')', fp);
		}
	}
	fputs("' \\\n", fp);
}

static void
print_zsh(FILE *fp)
{
	size_t i;
	int c;

	fputs("#compdef pyplan\n"
	      "# zsh completion for pyplan(1); generated by "
	      "'pyplan completion zsh'\n"
	      "# from the option table that 'pyplan help' prints.\n"
	      "_pyplan() {\n"
	      "\tlocal -a commands\n"
	      "\tcommands=(\n",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++) {
		fprintf(fp, "\t\t'%s:", cli_cmd_names[c]);
		zsh_escape(fp, cmd_summary[c]);
		fputs("'\n", fp);
	}
	fputs("\t)\n"
	      "\tif (( CURRENT == 2 )); then\n"
	      "\t\t_describe command commands\n"
	      "\t\tcompadd -- --help --version\n"
	      "\t\treturn\n"
	      "\tfi\n"
	      "\tlocal cmd=${words[2]}\n"
	      "\tshift words\n"
	      "\t(( CURRENT-- ))\n"
	      "\tcase $cmd in\n"
	      "\thelp) _describe command commands ;;\n"
	      "\tcompletion) compadd bash zsh ;;\n",
	    fp);
	for (c = CMD_BUILD; c < CMD__COUNT; c++) {
		if (c == CMD_HELP || c == CMD_COMPLETION)
			continue;
		fprintf(fp, "\t%s)\n\t\t_arguments -s -S \\\n",
		    cli_cmd_names[c]);
		for (i = 0; i < NOPTIONS; i++)
			if (options[i].cmds & (1u << c))
				zsh_spec(fp, &options[i]);
		fputs("\t\t'*:file:_files' ;;\n", fp);
	}
	fputs("\tesac\n"
	      "}\n"
	      "_pyplan \"$@\"\n",
	    fp);
}

int
cli_print_completion(FILE *fp, const char *shell)
{
	if (strcmp(shell, "bash") == 0)
		print_bash(fp);
	else if (strcmp(shell, "zsh") == 0)
		print_zsh(fp);
	else
		return -1;
	return 0;
}
