# SPDX-License-Identifier: ISC
#
# Sourced by the calendar-update tests (tests/live/previous_khal.sh,
# replan_khal.sh): what a calendar listed by khal_reimport.sh shows.

active() { # FILE -> START|END|TITLE of the active events, sorted
	awk -F '|' '$4 != "CANCELLED" { print $1 "|" $2 "|" $3 }' "$1" |
		LC_ALL=C sort
}

overlaps() { # the number of overlapping pairs among active events
	active "$1" | awk -F '|' '{ s[NR] = $1; e[NR] = $2 }
	    END { n = 0; for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++)
		if (s[j] < e[i] && s[i] < e[j]) n++; print n }'
}

# reimport FROM TO DIR: imports DIR/old.ics then DIR/new.ics over it into
# khal (DIR/khal.txt), and DIR/new.ics alone (DIR/fresh.txt), listed from
# FROM to TO; sets n (active events after the update), o (overlapping
# pairs among them) and d (UIDs listed twice).  Needs $interop.
reimport() {
	sh "$interop/khal_reimport.sh" "$1" "$2" "$3/old.ics" "$3/new.ics" \
		>"$3/khal.txt" || return 1
	sh "$interop/khal_reimport.sh" "$1" "$2" "$3/new.ics" \
		>"$3/fresh.txt" || return 1
	n=$(active "$3/khal.txt" | wc -l)
	o=$(overlaps "$3/khal.txt")
	d=$(cut -d '|' -f 5 "$3/khal.txt" | sort | uniq -d | wc -l)
}
