/* SPDX-License-Identifier: ISC */
/*
 * Programmes by URL: an http:// or https:// argument is fetched with
 * libcurl into a cache before loading, so that the loaders only ever see
 * files.  The cache lives in $XDG_CACHE_HOME/pyplan (else
 * ~/.cache/pyplan); each URL has there KEY.body (the last good download),
 * KEY.prev (the body it replaced), and KEY.meta (the URL, its ETag and
 * Last-Modified), where KEY is 16 hex digits of the URL's FNV-1a hash.
 * The module never prints: problems go to a diagnostics list named by
 * the URL.
 */
#ifndef PYPLAN_FETCH_H
#define PYPLAN_FETCH_H

#include "pyplan/diag.h"

/* How a fetch ended; the CLI maps each to a sysexits.h status. */
enum pp_fetch_status {
	PP_FETCH_OK = 0,      /* a new body, or the cached one still good */
	PP_FETCH_UNREACHABLE, /* host unknown, connection refused (69) */
	PP_FETCH_TLS,         /* the secure connection failed (69) */
	PP_FETCH_TIMEOUT,     /* no complete answer within the timeout (75) */
	PP_FETCH_NOT_FOUND,   /* HTTP 404 or 410 (66) */
	PP_FETCH_HTTP_TEMP,   /* HTTP 408, 429, 500, 502, 503, 504 (75) */
	PP_FETCH_HTTP,        /* any other HTTP error (69) */
	PP_FETCH_PROTOCOL,    /* cut short, empty, HTML, bad redirect (76) */
	PP_FETCH_TOO_BIG,     /* over PP_LOAD_MAX_BYTES (65) */
	PP_FETCH_NOT_CACHED,  /* --offline and no cached copy (66) */
	PP_FETCH_CACHE        /* the cache cannot be written (73) */
};

struct pp_fetch_opts {
	int offline;           /* 1: the cache only, no network */
	long timeout;          /* seconds for the whole transfer, > 0 */
	const char *cache_dir; /* NULL: the XDG rule above */
};

struct pp_fetch_result {
	char *path;      /* the cached body to load (heap), NULL on failure */
	char *prev_path; /* the body this fetch replaced (heap), else NULL */
	int fresh;       /* 1: a new body arrived; 0: not modified, offline */
};

/* Default --timeout, seconds. */
#define PP_FETCH_TIMEOUT_DEFAULT 60

/* 1 if s is an http:// or https:// URL (case-insensitive scheme). */
int pp_fetch_is_url(const char *s);

/*
 * Brings url into the cache and sets res->path to the file to load.
 * Online, the request is conditional (If-None-Match with the cached ETag,
 * If-Modified-Since with the cached Last-Modified): a 304 keeps the
 * cached body.  A new body is written to a temporary file in the cache
 * directory, checked (complete as announced, not empty, not an HTML page,
 * at most PP_LOAD_MAX_BYTES), and only then renamed over KEY.body, the old
 * body becoming KEY.prev: nothing half-downloaded ever reaches the cache.
 * Redirects (http and https only, at most 5) are followed.  Offline, the
 * cached body is used as it is.  Returns PP_FETCH_OK, or another status
 * with an error in ds whose file is url (borrowed: it must outlive ds).
 * The caller releases res with pp_fetch_result_fini in every case.
 */
enum pp_fetch_status pp_fetch(const char *url, const struct pp_fetch_opts *o,
    struct pp_fetch_result *res, struct pp_diags *ds);

/* Frees res's strings; res may be used again. */
void pp_fetch_result_fini(struct pp_fetch_result *res);

/* Releases libcurl's global state (at exit, for leak checkers); no-op if
 * nothing was fetched. */
void pp_fetch_cleanup(void);

#endif
