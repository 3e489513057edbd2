/* SPDX-License-Identifier: ISC */
/*
 * Atomic output files: temporary file in the same directory, fsync, rename.
 * A symbolic link is written through (its target is replaced), an existing
 * file keeps its mode, and what a shell's ">" would refuse (a directory, a
 * file without write permission) is refused before anything is written.
 */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pyplan/output.h"
#include "pyplan/xalloc.h"

/* Symbolic links followed before giving up, as the kernel's MAXSYMLINKS. */
#define MAX_LINKS 40

/* The temporary file in progress, for the signal handler. */
static char *volatile pending_tmp;

void
pp_out_cleanup_signal(void)
{
	char *t = pending_tmp;

	if (t != NULL)
		unlink(t);
}

/*
 * The file a write to path lands in: path itself, or the target of the
 * chain of symbolic links it starts (a relative target is relative to its
 * link's directory).  Returns a heap string, or NULL with errno ELOOP.
 */
static char *
resolve_links(const char *path)
{
	char *cur = pp_xstrdup(path), *target, *next;
	const char *slash;
	struct stat st;
	ssize_t n;
	int hops;

	for (hops = 0; hops <= MAX_LINKS; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		target = pp_xmalloc((size_t)st.st_size + 2);
		n = readlink(cur, target, (size_t)st.st_size + 1);
		if (n < 0 || n > st.st_size) { /* changed under us */
			free(target);
			return cur;
		}
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || slash == NULL)
			next = pp_xstrdup(target);
		else
			next = pp_xasprintf("%.*s/%s", (int)(slash - cur), cur,
			    target);
		free(target);
		free(cur);
		cur = next;
	}
	free(cur);
	errno = ELOOP;
	return NULL;
}

static int
fail(struct pp_out *o, const char *path, int err, struct pp_diags *ds)
{
	pp_diag_err(ds, path, 0, "cannot create output: %s", strerror(err));
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	return -1;
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
	struct stat st, lst;
	const char *slash;
	sigset_t block, was;
	int fd, exists, err;
	mode_t mode;

	memset(o, 0, sizeof(*o));
	o->flags = flags;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	o->name = path;
	if (*path == '\0')
		return fail(o, path, ENOENT, ds);
	exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode))
		return fail(o, path, EISDIR, ds);
	if ((o->path = resolve_links(path)) == NULL)
		return fail(o, path, errno, ds);
	/*
	 * A device or FIFO is written, not replaced; so is a file whose
	 * link does not lead to its name (/dev/stdout's target is
	 * "pipe:[123]" or "FILE (deleted)" in /proc, or a link could not
	 * be read): there is no name to rename onto, and a link itself is
	 * never replaced.
	 */
	if (exists &&
	    (!S_ISREG(st.st_mode) || lstat(o->path, &lst) != 0 ||
	        S_ISLNK(lst.st_mode) || lst.st_dev != st.st_dev ||
	        lst.st_ino != st.st_ino)) {
		if ((o->fp = fopen(path, "w")) == NULL)
			return fail(o, path, errno, ds);
		return 0;
	}
	/* A file the shell's ">" could not write is not replaced either. */
	if (exists && access(o->path, W_OK) != 0)
		return fail(o, path, errno, ds);
	slash = strrchr(o->path, '/');
	if (slash == NULL)
		o->tmp = pp_xasprintf(".%s.XXXXXX", o->path);
	else
		o->tmp = pp_xasprintf("%.*s/.%s.XXXXXX", (int)(slash - o->path),
		    o->path, slash + 1);
	/* From the file's making on, a signal or an out-of-memory exit
	 * removes it: no signal comes between the two. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &was);
	fd = mkstemp(o->tmp);
	err = errno;
	if (fd >= 0)
		pending_tmp = o->tmp;
	sigprocmask(SIG_SETMASK, &was, NULL);
	if (fd < 0)
		return fail(o, path, err, ds);
	/* mkstemp makes 0600 files: a private output stays so, an existing
	 * one keeps its mode, a new one is an ordinary file. */
	if (flags & PP_OUT_PRIVATE)
		mode = 0600;
	else if (exists)
		mode = st.st_mode & 07777;
	else {
		mode_t um = umask(0);

		umask(um);
		mode = 0666 & ~um;
	}
	fchmod(fd, mode);
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		err = errno;
		close(fd);
		unlink(o->tmp);
		pending_tmp = NULL;
		return fail(o, path, err, ds);
	}
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
	const char *name = o->name != NULL ? o->name : "<stdout>";
	int err = 0;

	if (o->tmp == NULL) {
		if (fflush(o->fp) != 0 || ferror(o->fp)) {
			pp_diag_err(ds, name, 0, "write error: %s",
			    strerror(errno != 0 ? errno : EIO));
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
		pp_diag_err(ds, name, 0, "write error: %s",
		    strerror(errno != 0 ? errno : EIO));
		err = -1;
	}
	if (fclose(o->fp) != 0 && err == 0) {
		pp_diag_err(ds, name, 0, "write error: %s", strerror(errno));
		err = -1;
	}
	if (err == 0 && rename(o->tmp, o->path) != 0) {
		pp_diag_err(ds, name, 0, "cannot replace output: %s",
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
