#!/bin/sh
# SPDX-License-Identifier: ISC
#
# khal_reimport.sh FROM TO FILE...
#
# Imports each .ics FILE in turn into one throw-away khal calendar (a
# temporary config and vdir, as khal_import.sh makes; the user's own khal
# setup is never touched), the way a user re-imports an updated plan, and
# lists what the calendar then holds between FROM and TO (YYYY-MM-DD),
# one event per line:
#     START|END|TITLE|CANCELLED|UID
# with START and END as "YYYY-MM-DD HH:MM" in UTC and CANCELLED
# "CANCELLED" for an event whose STATUS is CANCELLED, else empty.
# Exits non-zero if khal fails.
set -eu

usage() {
	echo "usage: khal_reimport.sh FROM TO FILE..." >&2
	exit 64
}

[ $# -ge 3 ] || usage
from=$1
to=$2
shift 2
command -v khal >/dev/null 2>&1 ||
	{ echo "khal_reimport.sh: khal is not installed" >&2; exit 69; }

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyplan-khal.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
. "$here/khal_sandbox.sh"

for f; do
	[ -r "$f" ] || { echo "khal_reimport.sh: cannot read $f" >&2; exit 66; }
	khal -c "$tmp/config" import --batch -a pyplan "$f" \
		>"$tmp/import.log" 2>&1 || { cat "$tmp/import.log" >&2; exit 1; }
done
khal -c "$tmp/config" list --once --day-format '' \
	--format '{start}|{end}|{title}|{cancelled}|{uid}' "$from" "$to" |
	sed '/^$/d; s/|CANCELLED |/|CANCELLED|/'
