#!/bin/sh
# SPDX-License-Identifier: ISC
# Out-of-memory tests: each main path runs once per allocation it makes,
# with PYPLAN_FAIL_ALLOC=N failing the N-th (N = 1..K, K counted by
# bisection).  Every run must exit 71 with exactly "pyplan: out of memory"
# on standard error (no sanitizer report), leave the previous output file
# as it was and no temporary file behind.  OOM_STRIDE=S tries every S-th N.
#
# usage: sh tests/oom/run.sh path/to/pyplan
set -u
pyplan=${1:?usage: run.sh path/to/pyplan}
stride=${OOM_STRIDE:-1}
fx=tests/fixtures
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-oom.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
out=$tmp/out/plan
mkdir "$tmp/out"

# run N ARGS...: one run failing the N-th allocation; sets rc.
run() {
	n=$1; shift
	printf 'previous\n' >"$out"
	PYPLAN_FAIL_ALLOC=$n "$pyplan" "$@" -o "$out" >/dev/null \
	    2>"$tmp/err"
	rc=$?
}

# batch_run N ARGS...: the same for pyplan batch, whose -o is a directory
# (its plans from earlier runs stay: each was complete); sets rc.
bout=$tmp/bout
batch_run() {
	n=$1; shift
	PYPLAN_FAIL_ALLOC=$n "$pyplan" batch "$@" -o "$bout" >/dev/null \
	    2>"$tmp/err"
	rc=$?
}

pass=0 fail=0
# find_k RUN NAME ARGS...: K, the last N that fails (the runs past it do
# not allocate N times), by bisection; 1 after a FAIL line.
find_k() {
	runner=$1 name=$2; shift 2
	lo=0 hi=1
	while $runner $hi "$@"; [ $rc = 71 ]; do lo=$hi; hi=$((hi * 2)); done
	while [ $((hi - lo)) -gt 1 ]; do
		mid=$(((lo + hi) / 2))
		$runner $mid "$@"
		if [ $rc = 71 ]; then lo=$mid; else hi=$mid; fi
	done
	k=$lo
	$runner $((k + 1)) "$@"
	if [ $rc != 0 ] || [ $k = 0 ]; then
		echo "FAIL $name: K=$k, run $((k + 1)) exited $rc"
		fail=$((fail + 1)); return 1
	fi
}

check_path() {
	name=$1; shift
	find_k run "$name" "$@" || return
	bad=0 n=1
	while [ $n -le $k ]; do
		run $n "$@"
		why=
		if [ $rc != 71 ]; then why="exit $rc"
		elif [ "$(cat "$tmp/err")" != "pyplan: out of memory" ]; then
			why="stderr: $(head -c 200 "$tmp/err")"
		elif [ "$(cat "$out")" != previous ]; then why="output changed"
		elif [ -n "$(ls -A "$tmp/out" | grep -v '^plan$')" ]; then
			why="left $(ls -A "$tmp/out" | tr '\n' ' ')"
			rm -f "$tmp"/out/.plan.*
		fi
		if [ -n "$why" ]; then
			[ $bad -lt 5 ] && echo "FAIL $name: N=$n: $why"
			bad=$((bad + 1))
		fi
		n=$((n + stride))
	done
	if [ $bad = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	echo "oom: $name: $k allocations, $bad bad runs"
}

# A batch: in process (-j 1) the one message; with workers each one that
# runs out says so and the parent also reports the attendees left, so
# only the status, the message and the temporary files are checked.
check_batch() {
	name=$1 jobs=$2; shift 2
	find_k batch_run "$name" -j $jobs "$@" || return
	bad=0 n=1
	while [ $n -le $k ]; do
		batch_run $n -j $jobs "$@"
		why=
		if [ $rc != 71 ]; then why="exit $rc"
		elif [ $jobs = 1 ] &&
		    [ "$(cat "$tmp/err")" != "pyplan: out of memory" ]; then
			why="stderr: $(head -c 200 "$tmp/err")"
		elif ! grep -qx "pyplan: out of memory" "$tmp/err"; then
			why="no 'out of memory': $(head -c 200 "$tmp/err")"
		elif [ -d "$bout" ] && ls -A "$bout" | grep -q '^\.'; then
			why="left $(ls -A "$bout" | grep '^\.' | tr '\n' ' ')"
			rm -f "$bout"/.??*
		fi
		if [ -n "$why" ]; then
			[ $bad -lt 5 ] && echo "FAIL $name: N=$n: $why"
			bad=$((bad + 1))
		fi
		n=$((n + stride))
	done
	if [ $bad = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
	echo "oom: $name: $k allocations, $bad bad runs"
}

prof="--profile $fx/cli-profile.ini"
check_path "build text" build -f text $prof $fx/cli-small.csv
check_path "build json" build -f json $prof $fx/cli-small.csv
check_path "build ics" build -f ics $prof $fx/cli-small.csv
check_path "build --busy" build -f text $prof --busy $fx/cli-busy.ics \
    $fx/cli-small.csv
check_path "convert ics" convert -f json $fx/ics-recur.ics
check_path "list" list $fx/cli-small.csv
check_path "diff --plan" diff -f json --plan $fx/live-plan.csv \
    $fx/live-v1.csv $fx/live-v2.csv
check_path "build --pins" build -f tsv $prof --pins $fx/live-pins.tsv \
    $fx/cli-small.csv
check_path "build --previous" build -f ics $prof --skip t1 \
    --previous $fx/ics-plan.golden.ics $fx/cli-small.csv
"$pyplan" build -f json $prof $fx/cli-small.csv -o "$tmp/old.json" \
    2>"$tmp/err" || { echo "FAIL: the plan to replan from"; exit 1; }
check_path "build --from" build -f ics $prof --from "$tmp/old.json" \
    --now 2018-05-11T10:40 $fx/replan-small-v2.csv
check_path "build --from csv" build -f csv $prof --from "$tmp/old.json" \
    --now 2018-05-11T10:40 $fx/replan-small-v2.csv
printf 'id,interests\np1,testing=3\np2,web=2\n' >"$tmp/two.csv"
check_batch "batch" 1 "$tmp/two.csv" $fx/batch-prog.csv --force --ics
check_batch "batch -j 2" 2 "$tmp/two.csv" $fx/batch-prog.csv --force
echo "oom: $pass passed, $fail failed"
[ $fail = 0 ]
