#!/bin/sh
# SPDX-License-Identifier: ISC
#
# check_ics.sh FILE EXPECTED_COUNT [EXPECTED_TSV]
#
# Checks an .ics file written by pyplan against two independent readers:
#  1. python3-icalendar parses it, the file keeps pyplan's promises (CRLF,
#     lines <= 75 octets, UIDs unique, DTSTAMP in UTC, a VTIMEZONE with a
#     plain IANA TZID for every TZID, DTEND after DTSTART, complete
#     VALARMs), and it holds EXPECTED_COUNT events;
#  2. if EXPECTED_TSV is given, the events (START<TAB>END<TAB>SUMMARY<TAB>
#     LOCATION, instants in UTC, as ics_events.py prints them) equal it;
#  3. khal imports it into a throw-away calendar and lists the same
#     EXPECTED_COUNT events with the same instants and titles.
# Prints what differs and exits 1 on any mismatch, 0 when all agree.
set -u

usage() {
	echo "usage: check_ics.sh FILE EXPECTED_COUNT [EXPECTED_TSV]" >&2
	exit 64
}

[ $# -eq 2 ] || [ $# -eq 3 ] || usage
file=$1
want=$2
case $want in '' | *[!0-9]*) usage ;; esac
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

err() {
	echo "check_ics.sh: $file: $*" >&2
	fail=1
}

# 1. python3-icalendar
if ! $py "$here/ics_events.py" --check "$file"; then
	err "python3-icalendar: the checks above failed"
fi
if ! $py "$here/ics_events.py" "$file" >"$tmp/py.tsv"; then
	err "python3-icalendar cannot read it"
	exit 1
fi
got=$(wc -l <"$tmp/py.tsv" | tr -d ' ')
[ "$got" -eq "$want" ] ||
	err "python3-icalendar finds $got events, expected $want"

# 2. the expected events
if [ $# -eq 3 ]; then
	if ! diff -u "$3" "$tmp/py.tsv" >"$tmp/diff"; then
		cat "$tmp/diff" >&2
		err "events differ from $3"
	fi
fi

# 3. khal
if ! command -v khal >/dev/null 2>&1; then
	err "khal is not installed"
elif ! sh "$here/khal_import.sh" "$file" >"$tmp/khal.txt" 2>"$tmp/khal.err"; then
	cat "$tmp/khal.err" >&2
	err "khal import failed"
else
	got=$(wc -l <"$tmp/khal.txt" | tr -d ' ')
	[ "$got" -eq "$want" ] || err "khal lists $got events, expected $want"
	# khal shows minutes in UTC: compare START|END|TITLE on that scale.
	awk -F '\t' '{
		s = $1; e = $2
		printf "%s-%s-%s %s:%s|%s-%s-%s %s:%s|%s\n",
		    substr(s, 1, 4), substr(s, 5, 2), substr(s, 7, 2),
		    substr(s, 10, 2), substr(s, 12, 2),
		    substr(e, 1, 4), substr(e, 5, 2), substr(e, 7, 2),
		    substr(e, 10, 2), substr(e, 12, 2), $3
	}' "$tmp/py.tsv" | LC_ALL=C sort >"$tmp/want.khal"
	LC_ALL=C sort "$tmp/khal.txt" >"$tmp/got.khal"
	if ! diff -u "$tmp/want.khal" "$tmp/got.khal" >"$tmp/diff"; then
		cat "$tmp/diff" >&2
		err "khal and python3-icalendar disagree"
	fi
fi

[ $fail -eq 0 ] && echo "check_ics.sh: $file: $want events, python3-icalendar and khal agree"
exit $fail
