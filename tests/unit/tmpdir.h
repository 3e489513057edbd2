/* SPDX-License-Identifier: ISC */
/* A scratch directory for the files of one unit test (cmocka setup and
 * teardown), and helpers to name and write files in it. */
#ifndef PYPLAN_TEST_TMPDIR_H
#define PYPLAN_TEST_TMPDIR_H

#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

static char dir[64];

static int
tmpdir_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s", "/tmp/pyplan-unit.XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
tmpdir_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* dir/name (static storage, valid until the next call). */
static const char *
path_of(const char *name)
{
	static char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* Writes text to dir/name and returns the path (as path_of). */
static const char *
write_file(const char *name, const char *text)
{
	const char *path = path_of(name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

#endif
