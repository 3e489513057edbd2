/* SPDX-License-Identifier: ISC */
/*
 * Atomic output files: temporary file in the same directory, fsync, rename.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pyplan/output.h"
#include "pyplan/xalloc.h"

/* The temporary file in progress, for the signal handler. */
static char *volatile pending_tmp;

void
pp_out_cleanup_signal(void)
{
	char *t = pending_tmp;

	if (t != NULL)
		unlink(t);
}

int
pp_out_open(struct pp_out *o, const char *path, struct pp_diags *ds)
{
	return pp_out_open_flags(o, path, 0, ds);
}

int
pp_out_open_flags(struct pp_out *o, const char *path, unsigned flags,
    struct pp_diags *ds)
{
	struct stat st;
	const char *slash;
	int fd;

	memset(o, 0, sizeof(*o));
	o->flags = flags;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		if ((o->fp = fopen(path, "w")) == NULL) {
			pp_diag_err(ds, path, 0, "cannot create output: %s",
			    strerror(errno));
			return -1;
		}
		o->path = pp_xstrdup(path);
		o->name = path;
		return 0;
	}
	slash = strrchr(path, '/');
	if (slash == NULL)
		o->tmp = pp_xasprintf(".%s.XXXXXX", path);
	else
		o->tmp = pp_xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path),
		    path, slash + 1);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		pp_diag_err(ds, path, 0, "cannot create output: %s",
		    strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	/* From now on a signal or an out-of-memory exit removes it. */
	pending_tmp = o->tmp;
	/* mkstemp makes 0600 files; an output is an ordinary file, unless
	 * it is private. */
	if (!(flags & PP_OUT_PRIVATE)) {
		mode_t um = umask(0);

		umask(um);
		fchmod(fd, 0666 & ~um);
	}
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		pp_diag_err(ds, path, 0, "cannot create output: %s",
		    strerror(errno));
		close(fd);
		unlink(o->tmp);
		pending_tmp = NULL;
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	o->path = pp_xstrdup(path);
	o->name = path;
	return 0;
}

static void
release(struct pp_out *o)
{
	pending_tmp = NULL;
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
}

int
pp_out_commit(struct pp_out *o, struct pp_diags *ds)
{
	int err = 0;

	if (o->tmp == NULL) {
		const char *name = o->name != NULL ? o->name : "<stdout>";

		if (fflush(o->fp) != 0 || ferror(o->fp)) {
			pp_diag_err(ds, name, 0, "write error: %s",
			    strerror(errno));
			err = -1;
		}
		if (o->path != NULL && fclose(o->fp) != 0 && err == 0) {
			pp_diag_err(ds, name, 0, "write error: %s",
			    strerror(errno));
			err = -1;
		}
		release(o);
		return err;
	}
	if (fflush(o->fp) != 0 || ferror(o->fp) ||
	    (!(o->flags & PP_OUT_NOSYNC) && fsync(fileno(o->fp)) != 0)) {
		pp_diag_err(ds, o->name, 0, "write error: %s", strerror(errno));
		err = -1;
	}
	if (fclose(o->fp) != 0 && err == 0) {
		pp_diag_err(ds, o->name, 0, "write error: %s", strerror(errno));
		err = -1;
	}
	if (err == 0 && rename(o->tmp, o->path) != 0) {
		pp_diag_err(ds, o->name, 0, "cannot replace output: %s",
		    strerror(errno));
		err = -1;
	}
	if (err != 0)
		unlink(o->tmp);
	release(o);
	return err;
}

void
pp_out_abort(struct pp_out *o)
{
	if (o->tmp != NULL) {
		fclose(o->fp);
		unlink(o->tmp);
	} else if (o->path != NULL)
		fclose(o->fp);
	release(o);
}
