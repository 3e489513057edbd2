/* SPDX-License-Identifier: ISC */
/*
 * The libcurl functions fetch.c calls, each of which opens libcurl on its
 * first call and forwards to it (see curl_lazy.h).  Should libcurl be
 * missing, curl_global_init_mem fails and curl_easy_init returns NULL,
 * which fetch.c reports ("cannot start libcurl").
 */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <dlfcn.h>
#include <stdarg.h>
#include <string.h>

#include "pyplan/curl_lazy.h"

static void *lib;
static int tried;

int
pp_curl_loaded(void)
{
	return lib != NULL;
}

/* The address of libcurl's function name, opening libcurl on the first
 * call; NULL if libcurl or the function is missing. */
static void *
curl(const char *name)
{
	if (!tried) {
		tried = 1;
		lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
	}
	return lib != NULL ? dlsym(lib, name) : NULL;
}

/* f = the function name, once; the pointer dlsym returns is copied into a
 * function pointer (POSIX guarantees the two have the same
 * representation). */
#define RESOLVE(name, f)                                                       \
	if (f == NULL) {                                                       \
		void *p_ = curl(#name);                                        \
		memcpy(&f, &p_, sizeof(f));                                    \
	}
#define FWD(ret, name, params, args, fail)                                     \
	typedef ret(*name##_fn) params;                                        \
	ret name params                                                        \
	{                                                                      \
		static name##_fn f;                                            \
		RESOLVE(name, f)                                               \
		if (f == NULL)                                                 \
			return fail;                                           \
		return f args;                                                 \
	}

FWD(CURLcode, curl_global_init_mem,
    (long flags, curl_malloc_callback m, curl_free_callback fr,
        curl_realloc_callback r, curl_strdup_callback s,
        curl_calloc_callback c),
    (flags, m, fr, r, s, c), CURLE_FAILED_INIT)
FWD(CURL *, curl_easy_init, (void), (), NULL)
FWD(CURLcode, curl_easy_perform, (CURL * c), (c), CURLE_FAILED_INIT)
FWD(const char *, curl_easy_strerror, (CURLcode rc), (rc),
    "libcurl is not installed")
FWD(struct curl_slist *, curl_slist_append,
    (struct curl_slist * list, const char *s), (list, s), NULL)

typedef void (*curl_global_cleanup_fn)(void);
void
curl_global_cleanup(void)
{
	static curl_global_cleanup_fn f;

	RESOLVE(curl_global_cleanup, f)
	if (f != NULL)
		f();
}

typedef void (*curl_easy_cleanup_fn)(CURL *c);
void
curl_easy_cleanup(CURL *c)
{
	static curl_easy_cleanup_fn f;

	RESOLVE(curl_easy_cleanup, f)
	if (f != NULL)
		f(c);
}

typedef void (*curl_slist_free_all_fn)(struct curl_slist *list);
void
curl_slist_free_all(struct curl_slist *list)
{
	static curl_slist_free_all_fn f;

	RESOLVE(curl_slist_free_all, f)
	if (f != NULL)
		f(list);
}

/*
 * The two variadic functions take one argument after the option, read
 * here with the type libcurl reads it with (curl.h: CURLOPTTYPE_* and
 * CURLINFO_* give the type by number range) and passed on.  The only
 * function options fetch.c sets are the write and header callbacks
 * (curl_write_callback); any other is refused.
 */
typedef CURLcode (*curl_easy_setopt_fn)(CURL *c, CURLoption opt, ...);
CURLcode
curl_easy_setopt(CURL *c, CURLoption opt, ...)
{
	static curl_easy_setopt_fn f;
	CURLcode rc = CURLE_BAD_FUNCTION_ARGUMENT;
	va_list ap;

	RESOLVE(curl_easy_setopt, f)
	if (f == NULL)
		return CURLE_FAILED_INIT;
	va_start(ap, opt);
	if (opt < CURLOPTTYPE_OBJECTPOINT)
		rc = f(c, opt, va_arg(ap, long));
	else if (opt == CURLOPT_HTTPHEADER)
		rc = f(c, opt, va_arg(ap, struct curl_slist *));
	else if (opt < CURLOPTTYPE_FUNCTIONPOINT)
		rc = f(c, opt, va_arg(ap, void *));
	else if (opt == CURLOPT_WRITEFUNCTION || opt == CURLOPT_HEADERFUNCTION)
		rc = f(c, opt, va_arg(ap, curl_write_callback));
	else if (opt >= CURLOPTTYPE_OFF_T && opt < CURLOPTTYPE_BLOB)
		rc = f(c, opt, va_arg(ap, curl_off_t));
	va_end(ap);
	return rc;
}

typedef CURLcode (*curl_easy_getinfo_fn)(CURL *c, CURLINFO info, ...);
CURLcode
curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
	static curl_easy_getinfo_fn f;
	CURLcode rc;
	va_list ap;

	RESOLVE(curl_easy_getinfo, f)
	if (f == NULL)
		return CURLE_FAILED_INIT;
	va_start(ap, info);
	switch ((int)info & CURLINFO_TYPEMASK) {
	case CURLINFO_LONG:
		rc = f(c, info, va_arg(ap, long *));
		break;
	case CURLINFO_STRING:
		rc = f(c, info, va_arg(ap, char **));
		break;
	case CURLINFO_DOUBLE:
		rc = f(c, info, va_arg(ap, double *));
		break;
	case CURLINFO_OFF_T:
		rc = f(c, info, va_arg(ap, curl_off_t *));
		break;
	default:
		rc = f(c, info, va_arg(ap, void *));
	}
	va_end(ap);
	return rc;
}
