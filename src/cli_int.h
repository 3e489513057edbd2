/* SPDX-License-Identifier: ISC */
/*
 * Shared by cli.c (the commands) and cli_opts.c (the option tables, and
 * what is generated from them: parsing, help, shell completion).
 */
#ifndef PYPLAN_CLI_INT_H
#define PYPLAN_CLI_INT_H

#include <stddef.h>
#include <stdio.h>

enum cmd {
	CMD_NONE,
	CMD_BUILD,
	CMD_LIST,
	CMD_CHECK,
	CMD_EXPLAIN,
	CMD_CONVERT,
	CMD_DIFF,
	CMD_NOW,
	CMD_BATCH,
	CMD_TEAM,
	CMD_COMPLETION,
	CMD_HELP,
	CMD__COUNT
};

enum fmt { FMT_NONE, FMT_TEXT, FMT_ICS, FMT_JSON, FMT_CSV, FMT_TSV };

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
	int no_profile, lenient, quiet, verbose, help, raw_csv;
	int alarm, alarm_hallway;
	int width_set; /* --width given */
	size_t width;  /* --width N (0: no limit) */
	/* list's filters */
	const char *day, *kind, *room, *match, *track, *lang, *speaker;
	const char *emit_lp;
	const char *event; /* explain */
	/* batch */
	unsigned jobs, shard_index, shard_count;
	const char *rooms;
	int force, ics, merge;
	struct setting *set;
	size_t nset, setcap;
	const char **files;
	size_t nfiles, filescap;
	const char *tz; /* --tz, also applied as a setting */
	/* The live conference: diff, now, --pins, --previous, URLs. */
	const char *plan, *since_cache, *pins, *previous, *at;
	const char *from, *now; /* build: replanning */
	int offline;
	long timeout; /* seconds, 0 = PP_FETCH_TIMEOUT_DEFAULT */
	/* team */
	const char *member;       /* --member NAME */
	const char *team_explain; /* --explain WHAT */
	double time_limit;        /* --time-limit S, 0 = the default */
	double gap;               /* --gap PCT, percent */
	int gap_set;              /* --gap was given */
};

extern const char *const cli_fmt_names[];
extern const char *const cli_cmd_names[CMD__COUNT];
extern const char cli_usage[];

/* Prints "pyplan: MESSAGE" (sanitised) and the --help hint to stderr. */
void
cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Returns the command named s (ignoring nothing), or CMD_NONE after a
 * usage error that suggests the closest command. */
enum cmd cli_parse_cmd(const char *s, int report);

/*
 * Parses argv[first..] for command o->cmd: options anywhere (GNU style),
 * "--" ends them; the other words are files.  Returns 0, or -1 after a
 * usage error (unknown option with a "did you mean", an option of another
 * command, a missing or bad argument).
 */
int cli_parse_args(struct opts *o, int argc, char **argv, int first);
/* 1 if arg ("--tz", "-q", "--tz=UTC") is an option of some command. */
int cli_known_option(const char *arg);

/* Frees what parsing allocated. */
void cli_opts_fini(struct opts *o);

/* Prints the help of command c (CMD_NONE: the usage and the commands),
 * generated from the option table. */
void cli_print_help(FILE *fp, enum cmd c);

/* Writes the completion script for shell ("bash" or "zsh"), generated
 * from the option table; returns 0, or -1 for an unknown shell. */
int cli_print_completion(FILE *fp, const char *shell);

#endif
