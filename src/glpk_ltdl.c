/* SPDX-License-Identifier: ISC */
/*
 * The libltdl functions GLPK's static archive calls (glpk/env/dlsup.c),
 * so that GLPK links statically although Debian ships no libltdl.a.
 * GLPK opens shared libraries only for MathProg's ODBC and MySQL table
 * drivers, which pyplan never uses (it builds its models through GLPK's
 * API): each function here fails, as libltdl does when a library cannot
 * be opened, and GLPK reports that as an error.
 */
#include <stddef.h>

#include "pyplan/glpk_ltdl.h"

int
lt_dlinit(void)
{
	return 0;
}

int
lt_dlexit(void)
{
	return 0;
}

lt_dlhandle
lt_dlopen(const char *filename)
{
	(void)filename;
	return NULL;
}

void *
lt_dlsym(lt_dlhandle handle, const char *name)
{
	(void)handle;
	(void)name;
	return NULL;
}

const char *
lt_dlerror(void)
{
	return "pyplan opens no GLPK table drivers";
}

int
lt_dlclose(lt_dlhandle handle)
{
	(void)handle;
	return 1;
}
