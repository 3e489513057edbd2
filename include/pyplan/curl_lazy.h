/* SPDX-License-Identifier: ISC */
/*
 * libcurl, loaded when first used.  Only `pyplan fetch` and programme
 * URLs need it, yet linking it loads some thirty shared libraries (TLS,
 * Kerberos, LDAP, SSH) at every start-up.  src/curl_lazy.c defines the
 * libcurl functions fetch.c calls and opens libcurl with dlopen on the
 * first call, so plans of local files never load it.
 */
#ifndef PYPLAN_CURL_LAZY_H
#define PYPLAN_CURL_LAZY_H

/* 1 if libcurl has been loaded (a function of it was called), else 0. */
int pp_curl_loaded(void);

#endif
