#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs a command on a pseudo-terminal of COLS columns (script(1) from
# util-linux) and prints what it wrote, CR LF turned into LF; exits with
# the command's status.  For the CLI cases that check terminal layout.
#
# usage: sh tests/cli/tty.sh COLS COMMAND [ARG...]
cols=${1:?usage: tty.sh COLS COMMAND [ARG...]}
shift
q=
for a; do
	q="$q '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
done
script -qec "stty cols $cols rows 50; exec $q" /dev/null </dev/null |
	tr -d '\r'
