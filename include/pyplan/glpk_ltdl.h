/* SPDX-License-Identifier: ISC */
/*
 * The libltdl interface GLPK's static archive calls (the declarations of
 * libltdl's ltdl.h), defined by src/glpk_ltdl.c: none of them opens a
 * library (pyplan uses no MathProg table drivers).
 */
#ifndef PYPLAN_GLPK_LTDL_H
#define PYPLAN_GLPK_LTDL_H

typedef struct lt__handle *lt_dlhandle;

int lt_dlinit(void);
int lt_dlexit(void);
lt_dlhandle lt_dlopen(const char *filename);
void *lt_dlsym(lt_dlhandle handle, const char *name);
const char *lt_dlerror(void);
int lt_dlclose(lt_dlhandle handle);

#endif
