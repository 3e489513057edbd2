#!/bin/sh
# SPDX-License-Identifier: ISC
#
# khal_import.sh FILE [FROM TO]
#
# Imports an .ics file into a throw-away khal calendar (a temporary
# config and vdir; the user's own khal setup is never touched) and lists
# the events back, one per line, as
#     START|END|TITLE
# with START and END as "YYYY-MM-DD HH:MM" in UTC.  FROM and TO
# (YYYY-MM-DD) bound the listing; by default they are taken from the file
# (first start, last end) with python3-icalendar.  Exits non-zero if khal
# fails.
set -eu

usage() {
	echo "usage: khal_import.sh FILE [FROM TO]" >&2
	exit 64
}

[ $# -eq 1 ] || [ $# -eq 3 ] || usage
file=$1
[ -r "$file" ] || { echo "khal_import.sh: cannot read $file" >&2; exit 66; }
command -v khal >/dev/null 2>&1 ||
	{ echo "khal_import.sh: khal is not installed" >&2; exit 69; }

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 3 ]; then
	from=$2
	to=$3
else
	# One day of margin on each side of the file's events.
	range=$(/usr/bin/python3 "$here/ics_events.py" "$file" | awk -F '\t' '
	    NR == 1 || $1 < lo { lo = $1 }
	    { e = ($2 == "-" ? $1 : $2); if (NR == 1 || e > hi) hi = e }
	    END { if (NR) print substr(lo, 1, 8), substr(hi, 1, 8) }')
	[ -n "$range" ] || exit 0 # no events: nothing to list
	from=$(date -u -d "${range% *} - 1 day" +%Y-%m-%d)
	to=$(date -u -d "${range#* } + 2 days" +%Y-%m-%d)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-khal.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
. "$here/khal_sandbox.sh"

khal -c "$tmp/config" import --batch -a pyplan "$file" >"$tmp/import.log" 2>&1 ||
	{ cat "$tmp/import.log" >&2; exit 1; }
khal -c "$tmp/config" list --once --day-format '' \
	--format '{start}|{end}|{title}' "$from" "$to" | sed '/^$/d'
