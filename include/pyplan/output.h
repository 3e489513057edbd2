/* SPDX-License-Identifier: ISC */
/*
 * Atomic output: results go to a temporary file in the destination's
 * directory and are renamed over it only when everything was written, so a
 * failed run never leaves a half-written or clobbered file.
 */
#ifndef PYPLAN_OUTPUT_H
#define PYPLAN_OUTPUT_H

#include <stdio.h>

#include "pyplan/diag.h"

struct pp_out {
	FILE *fp;         /* write here */
	char *path;       /* destination (symbolic links followed), NULL
	                   * for standard output */
	char *tmp;        /* the temporary file, NULL for standard output */
	const char *name; /* the caller's path, borrowed: diagnostics
	                   * name it and outlive o */
	unsigned flags;   /* PP_OUT_* */
};

/* pp_out_open_flags: the file is private to its owner (mode 0600,
 * whatever the umask: one attendee's plan). */
#define PP_OUT_PRIVATE 1u
/* pp_out_open_flags: renamed into place without waiting for the disk
 * (no fsync): for the thousands of files of `pyplan batch`, whose rerun
 * checks and redoes a file that did not reach the disk. */
#define PP_OUT_NOSYNC 2u

/*
 * Opens path for writing (NULL or "-" = standard output).  Returns 0, or -1
 * with an error "cannot create output: REASON" in ds (the CLI exits 73)
 * when path is empty, a directory, a file without write permission, a
 * loop of symbolic links, or the temporary file cannot be created.  path
 * is borrowed by o and by the diagnostics, which name it.  A symbolic
 * link is followed (as a shell's ">" does): its final target is what gets
 * replaced.  An existing file keeps its permission bits (not its owner,
 * and not its other hard links: the new file is a new inode, so other
 * names of the old one keep the old content).  An existing path that is
 * neither a regular file nor a directory (/dev/null, a FIFO, a terminal)
 * is opened and written directly: replacing it would destroy it.  Call it
 * when the output is ready to be written, so that a run killed while
 * working leaves no temporary file.
 */
int pp_out_open(struct pp_out *o, const char *path, struct pp_diags *ds);
/* pp_out_open with PP_OUT_* flags (0 is pp_out_open). */
int pp_out_open_flags(struct pp_out *o, const char *path, unsigned flags,
    struct pp_diags *ds);

/*
 * Flushes, syncs and renames the temporary file over the destination.
 * Returns 0, or -1 with an error in ds (write error, disk full: the CLI
 * exits 74); on failure the temporary file is removed and the destination
 * left as it was.  Releases o either way.
 */
int pp_out_commit(struct pp_out *o, struct pp_diags *ds);

/* Discards the output: removes the temporary file; releases o. */
void pp_out_abort(struct pp_out *o);

/* Removes the temporary file of the output in progress, if any; safe to
 * call from a signal handler (SIGINT, SIGTERM). */
void pp_out_cleanup_signal(void);

#endif
