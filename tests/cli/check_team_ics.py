#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Reads back the per-member calendars that `pyplan team -o DIR/` writes
with python3-icalendar: each DIR/NAME.ics parses, holds one VEVENT per
item of the member's plan in DIR/team.json (booth shifts included), and
no UID is shared between two members' calendars."""
import json
import os
import sys

from icalendar import Calendar


def main():
    d = sys.argv[1]
    team = json.load(open(os.path.join(d, "team.json")))
    seen = {}
    errs = []
    for m in team["members"]:
        path = os.path.join(d, m["name"] + ".ics")
        cal = Calendar.from_ical(open(path, "rb").read())
        events = [c for c in cal.walk("VEVENT")]
        want = sum(len(day["items"]) for day in m["days"])
        booth = sum(1 for e in events if str(e.get("SUMMARY")) == "Booth duty")
        want_booth = sum(1 for day in m["days"] for i in day["items"]
                         if i["source"] == "booth")
        if len(events) != want:
            errs.append(f"{m['name']}: {len(events)} events, plan has {want}")
        if booth != want_booth:
            errs.append(f"{m['name']}: {booth} booth events, plan has "
                        f"{want_booth}")
        for e in events:
            uid = str(e.get("UID"))
            if uid in seen and seen[uid] != m["name"]:
                errs.append(f"UID {uid} in {seen[uid]} and {m['name']}")
            seen[uid] = m["name"]
        print(f"{m['name']}.ics: {len(events)} events, {booth} booth")
    for e in errs:
        print(e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
