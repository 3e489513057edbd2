/* SPDX-License-Identifier: ISC */
/*
 * `pyplan batch`: a plan for every attendee of an attendee file (or
 * directory of profiles, attendee.h), and the room demand they add up to
 * (demand.h).
 *
 * The programme is read once (once more for each other time zone an
 * attendee plans in: floating times are read in the planning zone, as
 * `build` does), and the attendees are planned by worker processes forked
 * after that, each a fixed slice (attendees w, w + J, w + 2J, ... of the
 * selected ones, for worker w of J), so the work does not depend on
 * timing and every output is the same whatever J.  A worker plans each of
 * its attendees exactly as `pyplan build` would with the same profile
 * (pp_session_open, pp_solve, pp_write_json / pp_write_ics, with the
 * programme's words cut once: pp_ttwords), writes DIR/ID.json (and
 * DIR/ID.ics) itself, and sends
 * the parent through a pipe only the outcome: the status, the programme
 * events planned (for the demand) and the diagnostics.  The parent puts
 * the diagnostics in attendee order and writes the demand files.
 *
 * The attendee's profile is, in this order: the defaults, the base
 * profile (--profile; batch never reads the default profile of the user
 * running it), the settings given as flags, then the attendee's row or
 * profile file.  So `pyplan build --profile P PROGRAMME... -f json`,
 * where P holds those settings, writes the same file, byte for byte (with
 * SOURCE_DATE_EPOCH set, as solver.seconds otherwise varies); the
 * per-attendee steps are build's own (session.h).
 *
 * Shards.  With shard_count N > 0, only the attendees whose id hashes to
 * shard_index K are planned (pp_batch_shard), and the demand files are
 * DIR/demand-K-of-N.csv and .json; pp_batch_merge adds the N of them up
 * into DIR/demand.csv and .json, which are then the same, byte for byte,
 * as one run over every attendee would write.
 *
 * Resuming.  Unless force is set, an attendee whose DIR/ID.json (and
 * DIR/ID.ics when ics is set) is newer than the attendee file (the
 * attendee's profile file in the directory form), every programme file
 * and the base profile, and reads back as a plan of this pyplan version,
 * is not planned again; its plan still counts in the demand.  Programmes
 * or attendees read from standard input are always planned.  A rerun
 * after other options changed needs force.
 *
 * Files.  DIR is created with mode 0700 when missing (a warning when it
 * exists and others may read it); every file written in it has mode 0600.
 * The plans are renamed into place without waiting for the disk (the
 * demand files do wait): a plan lost in a crash does not read back, so
 * the rerun makes it again.  A row that fails has its old plan files, if
 * any, removed, so that DIR holds a plan only for the attendees who have
 * one now.
 */
#ifndef PYPLAN_BATCH_H
#define PYPLAN_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "pyplan/diag.h"

#define PP_BATCH_SHARDS_MAX 1000000
#define PP_BATCH_JOBS_MAX 4096

/* A profile setting given on the command line (borrowed strings). */
struct pp_batch_setting {
	const char *section, *key, *value;
};

struct pp_batch_progress {
	size_t done;    /* attendees finished: planned, up to date or failed */
	size_t total;   /* attendees of this run (this shard) */
	double elapsed; /* seconds since planning started */
};

/* Called by the parent now and then while planning (at most every 0.2
 * s), and once more at the end with last = 1. */
typedef void (*pp_batch_progress_fn)(void *ctx,
    const struct pp_batch_progress *pr, int last);

struct pp_batch_opts {
	const char *attendees;        /* file ("-": stdin) or directory */
	const char *const *programme; /* nprogramme files ("-": stdin) */
	size_t nprogramme;
	const char *outdir;                 /* DIR */
	const char *rooms;                  /* rooms file, or NULL */
	const char *profile;                /* base profile, or NULL */
	const struct pp_batch_setting *set; /* flags, applied in order */
	size_t nset;
	unsigned jobs; /* worker processes; 0: one per CPU */
	unsigned shard_index, shard_count; /* shard_count 0: everyone */
	int force;                         /* plan even what is up to date */
	int ics;                           /* also write DIR/ID.ics */
	int lenient;                       /* skip bad programme events */
	int alarm_minutes;                 /* ics: as build --alarm */
	int alarm_hallway;                 /* ics: as build --alarm-hallway */
	pp_batch_progress_fn progress;     /* may be NULL */
	void *progress_ctx;
};

struct pp_batch_stats {
	size_t rows;     /* attendees in the file or directory */
	size_t selected; /* of them in this shard */
	size_t planned, uptodate, failed;
	unsigned jobs;  /* worker processes used (1: none forked) */
	double seconds; /* planning wall time */
};

/* One batch run; it owns the strings its diagnostics name, so it is
 * freed after they are printed. */
struct pp_batch;

struct pp_batch *pp_batch_new(void);
/* Frees b; no-op on NULL. */
void pp_batch_free(struct pp_batch *b);

/*
 * Runs the batch o (borrowed; it must outlive b) and fills *st.  Every
 * problem goes to ds in a fixed order: first those of the inputs as a
 * whole, then each selected attendee's in attendee order (a problem of
 * the attendee's that has no place of its own, such as clashing
 * must-sees, is put at the attendee's row or profile file), then a note
 * with the counts.  Returns an exit status of SPEC §6 (cli.h):
 *   0   every selected attendee has a plan (new or up to date);
 *   1   some attendees got no plan (a bad row, an unknown must-see,
 *       wishes that clash); every other plan was written, and the demand;
 *   64  a bad setting given as a flag;
 *   65  a bad programme, base profile, attendee file header or rooms
 *       file: nothing written;
 *   66  an input that cannot be read;
 *   70  a worker process died (its attendees are reported);
 *   71  out of memory in a worker;
 *   73  DIR cannot be created;
 *   74  a plan or demand file could not be written.
 */
int pp_batch_run(struct pp_batch *b, const struct pp_batch_opts *o,
    struct pp_batch_stats *st, struct pp_diags *ds);

/*
 * The shard of an attendee id among count shards: the 64-bit FNV-1a hash
 * of the id's bytes (offset basis 14695981039346656037, prime
 * 1099511628211) modulo count, 0 .. count - 1.  Stable across machines
 * and versions: shard K of N is the same attendees everywhere.
 */
unsigned pp_batch_shard(const char *id, unsigned count);

/*
 * --merge-demand (b fresh from pp_batch_new, which then owns the names
 * the diagnostics give): reads DIR/demand-K-of-N.json in each of the ndirs
 * directories, checks that they are the N shards of one batch (each K
 * once, the same N and the same sessions), and writes their sum as
 * outdir/demand.csv and outdir/demand.json (outdir created as for a
 * batch).  Returns an exit status: 0, 65 (shards missing, repeated, or
 * of different programmes), 66, 73 or 74.
 */
int pp_batch_merge(struct pp_batch *b, const char *outdir,
    const char *const *dirs, size_t ndirs, struct pp_diags *ds);

/* Parses --shard "K/N" (0 <= K < N <= PP_BATCH_SHARDS_MAX, digits
 * only); 0, or -1 leaving *k and *n alone on a bad one. */
int pp_batch_parse_shard(const char *s, unsigned *k, unsigned *n);
/* Parses --jobs N (1 .. PP_BATCH_JOBS_MAX); 0 or -1. */
int pp_batch_parse_jobs(const char *s, unsigned *jobs);

/* Formats a progress line into buf[size]: "1234/10000 attendees (12%),
 * 245/s, 0:36 left". */
void pp_batch_progress_text(const struct pp_batch_progress *pr, char *buf,
    size_t size);

#endif
