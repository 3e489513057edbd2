/* SPDX-License-Identifier: ISC */
/*
 * The command-line interface: option parsing, the subcommands, printing
 * diagnostics and choosing the exit status (sysexits.h, SPEC §6).
 */
#ifndef PYPLAN_CLI_H
#define PYPLAN_CLI_H

/* Exit statuses. */
#define PP_EX_OK 0
#define PP_EX_INFEASIBLE 1
#define PP_EX_USAGE 64
#define PP_EX_DATAERR 65
#define PP_EX_NOINPUT 66
#define PP_EX_UNAVAILABLE 69 /* a programme URL: host unreachable, bad TLS */
#define PP_EX_SOFTWARE 70
#define PP_EX_OSERR 71
#define PP_EX_CANTCREAT 73
#define PP_EX_IOERR 74
#define PP_EX_TEMPFAIL 75 /* a programme URL: timeout, server busy */
#define PP_EX_PROTOCOL 76 /* a programme URL: download cut short */

/* Runs pyplan with argv; returns the exit status. */
int pp_cli_main(int argc, char **argv);

#endif
