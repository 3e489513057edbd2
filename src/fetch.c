/* SPDX-License-Identifier: ISC */
/*
 * Fetches programme URLs into the cache with libcurl (fetch.h has the
 * contract).  The body goes to a temporary file through the atomic
 * output module and is renamed into place only once the transfer is
 * complete and checked, so an interrupted or cut-short download never
 * replaces a good copy.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "pyplan/fetch.h"
#include "pyplan/hash.h"
#include "pyplan/load.h"
#include "pyplan/output.h"
#include "pyplan/version.h"
#include "pyplan/write_ics.h"
#include "pyplan/xalloc.h"

#define MAX_REDIRS 5
#define META_MAX 4096

static int curl_ready;

int
pp_fetch_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

/* libcurl allocates under pyplan's one out-of-memory policy. */
static void *
x_realloc(void *p, size_t n)
{
	return pp_xreallocarray(p, n, 1);
}

static void
init_curl(void)
{
	if (!curl_ready) {
		curl_global_init_mem(CURL_GLOBAL_DEFAULT, pp_xmalloc, free,
		    x_realloc, pp_xstrdup, pp_xcalloc);
		curl_ready = 1;
	}
}

void
pp_fetch_cleanup(void)
{
	if (curl_ready) {
		curl_global_cleanup();
		curl_ready = 0;
	}
}

void
pp_fetch_result_fini(struct pp_fetch_result *res)
{
	free(res->path);
	free(res->prev_path);
	memset(res, 0, sizeof(*res));
}

/* The cache directory (heap), created if needed; NULL with an error. */
static char *
cache_dir(const struct pp_fetch_opts *o, const char *url, struct pp_diags *ds)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *dir, *p;

	if (o->cache_dir != NULL)
		dir = pp_xstrdup(o->cache_dir);
	else if (xdg != NULL && xdg[0] == '/')
		dir = pp_xasprintf("%s/pyplan", xdg);
	else if (home != NULL && *home != '\0')
		dir = pp_xasprintf("%s/.cache/pyplan", home);
	else {
		pp_diag_err(ds, url, 0,
		    "no cache directory: set XDG_CACHE_HOME or HOME");
		return NULL;
	}
	/* mkdir -p, private: the cache may hold URLs with tokens. */
	for (p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		{
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				pp_diag_err(ds, url, 0,
				    "cannot create the cache directory %s: %s",
				    dir, strerror(errno));
				free(dir);
				return NULL;
			}
			*p = c;
		}
		if (*p == '\0')
			break;
	}
	return dir;
}

/* What KEY.meta says about the cached body. */
struct meta {
	char etag[META_MAX];
	char modified[META_MAX];
};

/* Reads "key value" lines; returns 0 when the file is for url. */
static int
read_meta(const char *path, const char *url, struct meta *m)
{
	FILE *fp = fopen(path, "r");
	char line[META_MAX + 32];
	int same = 0;

	memset(m, 0, sizeof(*m));
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t n = strcspn(line, "\r\n");

		line[n] = '\0';
		if (strncmp(line, "url ", 4) == 0)
			same = strcmp(line + 4, url) == 0;
		else if (strncmp(line, "etag ", 5) == 0 && n - 5 < META_MAX)
			memcpy(m->etag, line + 5, n - 5 + 1);
		else if (strncmp(line, "last-modified ", 14) == 0 &&
		    n - 14 < META_MAX)
			memcpy(m->modified, line + 14, n - 14 + 1);
	}
	fclose(fp);
	return same ? 0 : -1;
}

/* One transfer in progress. */
struct xfer {
	FILE *fp;
	size_t bytes;
	int too_big, write_err;
	char head[64]; /* the body's first bytes, for pp_load_is_html */
	size_t nhead;
	struct meta got; /* ETag and Last-Modified of the last response */
};

static size_t
on_body(char *p, size_t size, size_t n, void *data)
{
	struct xfer *x = data;
	size_t len = size * n;

	if (x->bytes + len > PP_LOAD_MAX_BYTES) {
		x->too_big = 1;
		return 0; /* libcurl stops with CURLE_WRITE_ERROR */
	}
	if (x->nhead < sizeof(x->head)) {
		size_t k = sizeof(x->head) - x->nhead;

		if (k > len)
			k = len;
		memcpy(x->head + x->nhead, p, k);
		x->nhead += k;
	}
	if (len > 0 && fwrite(p, 1, len, x->fp) != len) {
		x->write_err = errno != 0 ? errno : EIO;
		return 0;
	}
	x->bytes += len;
	return len;
}

/* Copies the value of header line h when its name is name. */
static void
header_value(const char *h, size_t len, const char *name, char *out,
    size_t outsz)
{
	size_t k = strlen(name);

	if (len <= k || strncasecmp(h, name, k) != 0 || h[k] != ':')
		return;
	h += k + 1;
	len -= k + 1;
	while (len > 0 && (*h == ' ' || *h == '\t')) {
		h++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)h[len - 1]))
		len--;
	if (len >= outsz || memchr(h, '\n', len) != NULL)
		return;
	memcpy(out, h, len);
	out[len] = '\0';
}

static size_t
on_header(char *p, size_t size, size_t n, void *data)
{
	struct xfer *x = data;
	size_t len = size * n;

	/* A new status line: the headers of a redirect do not count. */
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0)
		memset(&x->got, 0, sizeof(x->got));
	header_value(p, len, "ETag", x->got.etag, sizeof(x->got.etag));
	header_value(p, len, "Last-Modified", x->got.modified,
	    sizeof(x->got.modified));
	return len;
}

/* Writes KEY.meta atomically; returns 0 or -1. */
static int
write_meta(const char *path, const char *url, const struct meta *m)
{
	struct pp_diags tmp;
	struct pp_out out;
	int r = -1;

	pp_diags_init(&tmp);
	if (pp_out_open(&out, path, &tmp) == 0) {
		fprintf(out.fp, "url %s\n", url);
		if (*m->etag)
			fprintf(out.fp, "etag %s\n", m->etag);
		if (*m->modified)
			fprintf(out.fp, "last-modified %s\n", m->modified);
		r = pp_out_commit(&out, &tmp);
	}
	pp_diags_fini(&tmp);
	return r;
}

/* 1 if path is an existing regular file. */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The status and message for a libcurl failure. */
static enum pp_fetch_status
failure(CURLcode rc, const struct xfer *x, long timeout, const char *url,
    struct pp_diags *ds)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		pp_diag_err(ds, url, 0,
		    "cannot reach the server: host not found");
		return PP_FETCH_UNREACHABLE;
	case CURLE_COULDNT_CONNECT:
		pp_diag_err(ds, url, 0,
		    "cannot reach the server: connection refused or no route");
		return PP_FETCH_UNREACHABLE;
	case CURLE_OPERATION_TIMEDOUT:
		pp_diag_err(ds, url, 0,
		    "no complete answer within %ld s (--timeout)", timeout);
		return PP_FETCH_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
	case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
	case CURLE_SSL_INVALIDCERTSTATUS:
	case CURLE_SSL_ENGINE_NOTFOUND:
	case CURLE_SSL_ENGINE_SETFAILED:
	case CURLE_SSL_ENGINE_INITFAILED:
	case CURLE_SSL_CRL_BADFILE:
	case CURLE_SSL_SHUTDOWN_FAILED:
	case CURLE_USE_SSL_FAILED:
		pp_diag_err(ds, url, 0, "secure connection failed: %s",
		    curl_easy_strerror(rc));
		return PP_FETCH_TLS;
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		if (x->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
			pp_diag_err(ds, url, 0,
			    "download larger than %zu MiB: refused",
			    PP_LOAD_MAX_BYTES >> 20);
			return PP_FETCH_TOO_BIG;
		}
		pp_diag_err(ds, url, 0, "cannot write the cache: %s",
		    strerror(x->write_err != 0 ? x->write_err : EIO));
		return PP_FETCH_CACHE;
	case CURLE_PARTIAL_FILE:
		pp_diag_err(ds, url, 0,
		    "download cut short: the server sent less than it "
		    "announced");
		return PP_FETCH_PROTOCOL;
	case CURLE_TOO_MANY_REDIRECTS:
		pp_diag_err(ds, url, 0, "more than %d redirects", MAX_REDIRS);
		return PP_FETCH_PROTOCOL;
	case CURLE_UNSUPPORTED_PROTOCOL:
		pp_diag_err(ds, url, 0,
		    "redirected to a URL that is not http or https");
		return PP_FETCH_PROTOCOL;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_WEIRD_SERVER_REPLY:
	case CURLE_BAD_CONTENT_ENCODING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		pp_diag_err(ds, url, 0, "bad answer from the server: %s",
		    curl_easy_strerror(rc));
		return PP_FETCH_PROTOCOL;
	default:
		pp_diag_err(ds, url, 0, "cannot fetch: %s",
		    curl_easy_strerror(rc));
		return PP_FETCH_UNREACHABLE;
	}
}

/* The status and message for an HTTP error code. */
static enum pp_fetch_status
http_failure(long code, const char *url, struct pp_diags *ds)
{
	if (code == 404 || code == 410) {
		pp_diag_err(ds, url, 0, "HTTP %ld: no such file on the server",
		    code);
		return PP_FETCH_NOT_FOUND;
	}
	if (code == 408 || code == 429 || code == 500 || code == 502 ||
	    code == 503 || code == 504) {
		pp_diag_err(ds, url, 0,
		    "HTTP %ld: the server cannot answer now; try again later",
		    code);
		return PP_FETCH_HTTP_TEMP;
	}
	pp_diag_err(ds, url, 0, "HTTP %ld from the server", code);
	return PP_FETCH_HTTP;
}

/* Runs one conditional GET into out.fp; returns the status. */
static enum pp_fetch_status
transfer(const char *url, const struct pp_fetch_opts *o, const struct meta *m,
    struct xfer *x, long *code, struct pp_diags *ds)
{
	CURL *c = curl_easy_init();
	struct curl_slist *hdr = NULL;
	enum pp_fetch_status st = PP_FETCH_OK;
	CURLcode rc;

	if (c == NULL) {
		pp_diag_err(ds, url, 0, "cannot start libcurl");
		return PP_FETCH_UNREACHABLE;
	}
	if (*m->etag) {
		char *h = pp_xasprintf("If-None-Match: %s", m->etag);

		hdr = curl_slist_append(hdr, h);
		free(h);
	}
	if (*m->modified) {
		char *h = pp_xasprintf("If-Modified-Since: %s", m->modified);

		hdr = curl_slist_append(hdr, h);
		free(h);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)MAX_REDIRS);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "pyplan/" PP_VERSION);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)PP_LOAD_MAX_BYTES);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, x);
	rc = curl_easy_perform(c);
	*code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code);
	if (rc != CURLE_OK)
		st = failure(rc, x, o->timeout, url, ds);
	else if (*code != 200 && *code != 304)
		st = http_failure(*code, url, ds);
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
	return st;
}

enum pp_fetch_status
pp_fetch(const char *url, const struct pp_fetch_opts *o,
    struct pp_fetch_result *res, struct pp_diags *ds)
{
	char *dir, *body = NULL, *prev = NULL, *metap = NULL;
	struct meta m;
	struct xfer x;
	struct pp_out out;
	struct pp_diags tmp;
	enum pp_fetch_status st;
	uint64_t key;
	long code = 0;
	int cached;

	memset(res, 0, sizeof(*res));
	if ((dir = cache_dir(o, url, ds)) == NULL)
		return PP_FETCH_CACHE;
	key = pp_fnv1a(PP_FNV1A_INIT, url, strlen(url));
	body = pp_xasprintf("%s/%016" PRIx64 ".body", dir, key);
	prev = pp_xasprintf("%s/%016" PRIx64 ".prev", dir, key);
	metap = pp_xasprintf("%s/%016" PRIx64 ".meta", dir, key);
	free(dir);
	cached = is_file(body) && read_meta(metap, url, &m) == 0;
	if (!cached)
		memset(&m, 0, sizeof(m));
	if (o->offline) {
		if (!cached) {
			pp_diag_err(ds, url, 0,
			    "not in the cache (--offline): fetch it once "
			    "without --offline");
			st = PP_FETCH_NOT_CACHED;
		} else {
			res->path = body;
			body = NULL;
			st = PP_FETCH_OK;
		}
		goto done;
	}

	init_curl();
	memset(&x, 0, sizeof(x));
	pp_diags_init(&tmp);
	if (pp_out_open(&out, body, &tmp) != 0) {
		pp_diag_err(ds, url, 0, "cannot write the cache: %s",
		    tmp.n > 0 ? tmp.v[0].msg : "error");
		pp_diags_fini(&tmp);
		st = PP_FETCH_CACHE;
		goto done;
	}
	x.fp = out.fp;
	st = transfer(url, o, &m, &x, &code, ds);
	if (st == PP_FETCH_OK && code == 304) {
		pp_out_abort(&out);
		if (!cached) {
			pp_diag_err(ds, url, 0,
			    "bad answer from the server: 304 Not Modified to "
			    "a request that was not conditional");
			st = PP_FETCH_PROTOCOL;
		} else {
			res->path = body;
			body = NULL;
		}
		pp_diags_fini(&tmp);
		goto done;
	}
	if (st == PP_FETCH_OK && x.bytes == 0) {
		pp_diag_err(ds, url, 0, "the server sent an empty file");
		st = PP_FETCH_PROTOCOL;
	} else if (st == PP_FETCH_OK && pp_load_is_html(x.head, x.nhead)) {
		pp_diag_err(ds, url, 0,
		    "the server sent an HTML page, not a programme "
		    "(a login page of the network?)");
		st = PP_FETCH_PROTOCOL;
	}
	if (st != PP_FETCH_OK) {
		pp_out_abort(&out);
		pp_diags_fini(&tmp);
		goto done;
	}
	/* Complete and checked: the old body becomes KEY.prev, the new one
	 * takes its place. */
	if (cached && rename(body, prev) != 0) {
		pp_out_abort(&out);
		pp_diag_err(ds, url, 0, "cannot write the cache: %s",
		    strerror(errno));
		pp_diags_fini(&tmp);
		st = PP_FETCH_CACHE;
		goto done;
	}
	if (pp_out_commit(&out, &tmp) != 0) {
		pp_diag_err(ds, url, 0, "cannot write the cache: %s",
		    tmp.n > 0 ? tmp.v[0].msg : "error");
		if (cached)
			rename(prev, body);
		pp_diags_fini(&tmp);
		st = PP_FETCH_CACHE;
		goto done;
	}
	pp_diags_fini(&tmp);
	if (write_meta(metap, url, &x.got) != 0) {
		pp_diag_err(ds, url, 0, "cannot write the cache: %s",
		    strerror(errno));
		st = PP_FETCH_CACHE;
		goto done;
	}
	res->fresh = 1;
	res->path = body;
	body = NULL;
	if (cached) {
		res->prev_path = prev;
		prev = NULL;
	}
done:
	free(body);
	free(prev);
	free(metap);
	return st;
}
