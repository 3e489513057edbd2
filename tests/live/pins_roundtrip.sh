#!/bin/sh
# SPDX-License-Identifier: ISC
#
# pins_roundtrip.sh PYPLAN
#
# build -> edit -> build --pins -> the edits hold, for a plan written as
# TSV, CSV and JSON and edited the way a user would: in each, the row of
# the plan's first talk is deleted and its second talk is marked "drop"
# (TSV: in the must column; CSV: in a pin column the user adds; JSON:
# "pin": "drop").  The
# new plan must hold every programme row the user kept, and neither the
# deleted nor the dropped talk.  Prints one line per check; exits 1 if
# one fails.
set -u
pyplan=${1:?usage: pins_roundtrip.sh PYPLAN}
prog=tests/fixtures/cli-small.csv
prof="--profile tests/fixtures/cli-profile.ini"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-pins.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# The programme ids of a TSV plan, one per line, sorted.
ids() {
	awk -F '\t' 'NR > 1 && $12 !~ /^(hallway|lunch)-/ { print $12 }' "$1" |
		sort
}

check() {
	fmt=$1 edited=$2
	"$pyplan" build $prof --pins "$edited" -f tsv -o "$tmp/new.tsv" \
		"$prog" 2>"$tmp/err" || { echo "$fmt: build --pins failed"
		cat "$tmp/err"; fail=1; return; }
	ids "$tmp/new.tsv" >"$tmp/new.ids"
	kept=$(comm -23 "$tmp/kept.ids" "$tmp/new.ids" | tr '\n' ' ')
	if [ -z "$kept" ]; then
		echo "$fmt: every row kept is planned: $(tr '\n' ' ' <"$tmp/kept.ids")"
	else
		echo "$fmt: FAIL: kept but not planned: $kept"; fail=1
	fi
	for gone in $del $drop; do
		if grep -qx "$gone" "$tmp/new.ids"; then
			echo "$fmt: FAIL: $gone planned again"; fail=1
		else
			echo "$fmt: $gone stays out"
		fi
	done
	echo "$fmt: new in the plan: $(comm -13 "$tmp/kept.ids" "$tmp/new.ids" |
		tr '\n' ' ')"
}

"$pyplan" build $prof -f tsv -o "$tmp/plan.tsv" "$prog" || exit 1
talks=$(awk -F '\t' 'NR > 1 && $5 == "talk" && $10 == "no" { print $12 }' \
	"$tmp/plan.tsv")
del=$(echo "$talks" | sed -n 1p)
drop=$(echo "$talks" | sed -n 2p)
[ -n "$del" ] && [ -n "$drop" ] ||
	{ echo "the first plan has fewer than two talks: the test needs two"
	exit 1; }
echo "deleted: $del, dropped: $drop"
ids "$tmp/plan.tsv" | grep -vx "$del\|$drop" >"$tmp/kept.ids"

# TSV: delete one line, write "drop" in the must column (the 10th) of
# another.
awk -F '\t' -v del="$del" -v drop="$drop" 'BEGIN { OFS = "\t" }
	$12 == del { next } $12 == drop { $10 = "drop" } { print }' \
	"$tmp/plan.tsv" >"$tmp/edited.tsv"
check tsv "$tmp/edited.tsv"

# CSV: the same edits, with a pin column added at the end.
"$pyplan" build $prof -f csv -o "$tmp/plan.csv" "$prog" || exit 1
awk -v del=",$del," -v drop=",$drop," 'NR == 1 { print $0 ",pin"; next }
	index($0, del) { next } index($0, drop) { print $0 ",drop"; next }
	{ print $0 "," }' "$tmp/plan.csv" >"$tmp/edited.csv"
check csv "$tmp/edited.csv"

# JSON: one item removed, "pin": "drop" on the other.
"$pyplan" build $prof -f json -o "$tmp/plan.json" "$prog" || exit 1
/usr/bin/python3 - "$tmp/plan.json" "$tmp/edited.json" "$del" "$drop" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
for day in plan["days"]:
    day["items"] = [i for i in day["items"] if i["id"] != sys.argv[3]]
    for i in day["items"]:
        if i["id"] == sys.argv[4]:
            i["pin"] = "drop"
json.dump(plan, open(sys.argv[2], "w"), indent=1)
PY
check json "$tmp/edited.json"

# What pyplan says about the rows it was given (-v: the notes too).
"$pyplan" build $prof --pins "$tmp/edited.tsv" -v "$prog" 2>&1 >/dev/null |
	sed "s|$tmp/||"
exit $fail
