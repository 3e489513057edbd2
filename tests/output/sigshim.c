/* SPDX-License-Identifier: ISC */
/*
 * LD_PRELOAD shim for tests/output/run.sh: fsync(2), which pyplan calls
 * on its temporary file just before the rename, first raises the signal
 * named in PYPLAN_TEST_SIGNAL, as if the user pressed ^C mid-write.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int fsync(int fd);

int
fsync(int fd)
{
	int (*real)(int) = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	const char *s = getenv("PYPLAN_TEST_SIGNAL");

	if (s != NULL && *s != '\0')
		raise(atoi(s));
	return real(fd);
}
