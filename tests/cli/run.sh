#!/bin/sh
# SPDX-License-Identifier: ISC
# End-to-end CLI tests.  Each directory tests/cli/cases/NAME holds:
#   cmd              one shell command line; $PYPLAN is the binary under test
#   expected.out     standard output, compared with diff -u
#   expected.err     standard error (optional: absent means "must be empty")
#   expected.status  the exit status
# Commands run from the repository root with a fixed environment.
# UPDATE=1 rewrites the expected files from the actual output (review the
# diff before committing).
set -u
PYPLAN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export PYPLAN
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/xdg" HOME="$tmp/home" \
	NO_COLOR=1 SOURCE_DATE_EPOCH=1525996800 LC_ALL=C.UTF-8 TZ=UTC
pass=0
fail=0
for dir in tests/cli/cases/*/; do
	name=$(basename "$dir")
	[ -f "$dir/cmd" ] || continue
	want_status=$(cat "$dir/expected.status" 2>/dev/null || echo 0)
	# Each case gets an empty TMPDIR of its own for output files.
	TMPDIR="$tmp/case-$name"
	export TMPDIR
	mkdir "$TMPDIR"
	sh -c "$(cat "$dir/cmd")" </dev/null >"$tmp/out" 2>"$tmp/err"
	status=$?
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$dir/expected.out"
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/expected.err"
		else rm -f "$dir/expected.err"; fi
		echo "$status" >"$dir/expected.status"
		want_status=$status
	fi
	ok=1
	if [ "$status" != "$want_status" ]; then
		echo "FAIL $name: exit status $status, expected $want_status"
		ok=0
	fi
	if ! diff -u "$dir/expected.out" "$tmp/out" >"$tmp/diff"; then
		echo "FAIL $name: standard output differs"
		head -40 "$tmp/diff"
		ok=0
	fi
	if [ -f "$dir/expected.err" ]; then
		if ! diff -u "$dir/expected.err" "$tmp/err" >"$tmp/diff"; then
			echo "FAIL $name: standard error differs"
			head -20 "$tmp/diff"
			ok=0
		fi
	elif [ -s "$tmp/err" ]; then
		echo "FAIL $name: unexpected standard error:"
		head -10 "$tmp/err"
		ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
