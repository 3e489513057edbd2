#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Independent checker of a pyplan team JSON plan (read on stdin).

Written from SPEC.md section 9 and the man page's THE TEAM FILE, sharing
no code with the solver: every member's plan passes check_plan.check()
(caps, overlaps, room changes, streaks, networking, lunch, must-see, skip,
busy blocks, totals), with the booth shifts as networking items in the
booth's room; the booth is staffed by exactly `staff` members at every
minute of its hours, and by nobody outside them; the rota in "booth"
matches the members' booth items; no member is over the booth cap, and
the booth minutes of the members who can staff the booth lie within
max_spread of each other; members with booth = no never staff it; each
cover talk's "members" are exactly the members whose plans hold it; the
team score is the members' scores plus the cover weight per covered talk,
the bound at least the score, and the gap (bound - score) / bound.
Exits 1 with one line per violation; prints a one-line summary otherwise.
tests/oracle/run_team.py imports check().
"""
import datetime
import json
import os
import sys
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_plan import check as check_member  # noqa: E402
from check_plan import milli, t  # noqa: E402


def minute_range(a, b):
    cur = a
    one = datetime.timedelta(minutes=1)
    while cur < b:
        yield cur
        cur += one


def check(team):
    errs = []
    rules = team["booth_rules"]
    zone = ZoneInfo(rules["timezone"])
    members = team["members"]
    booth_items = {}  # member name -> [(start, end)]
    total = 0
    for m in members:
        plan = dict(m)
        # Optimality is the team's (below), not each member's.
        plan["optimal"] = True
        for e in check_member(plan):
            errs.append(f"{m['name']}: {e}")
        items = [(t(i["start"]), t(i["end"]))
                 for d in m["days"] for i in d["items"]
                 if i["source"] == "booth"]
        booth_items[m["name"]] = items
        mins = sum(int((e - s).total_seconds()) // 60 for s, e in items)
        if mins != m["booth_minutes"]:
            errs.append(f"{m['name']}: booth_minutes {m['booth_minutes']} "
                        f"!= {mins}")
        if not m["booth"] and items:
            errs.append(f"{m['name']}: booth = no but staffs the booth")
        cap = rules["max_minutes_per_member"]
        if cap is not None and mins > cap:
            errs.append(f"{m['name']}: {mins} booth minutes > cap {cap}")
        total += milli(m["score"])
    # Staffing, minute by minute.
    hours = []
    for h in rules["hours"]:
        d = datetime.date.fromisoformat(h["date"])
        base = datetime.datetime(d.year, d.month, d.day, tzinfo=zone)
        fh, fm = map(int, h["from"].split(":"))
        th, tm = map(int, h["to"].split(":"))
        hours.append((base + datetime.timedelta(hours=fh, minutes=fm),
                      base + datetime.timedelta(hours=th, minutes=tm)))
    for a, b in hours:
        for minute in minute_range(a, b):
            n = sum(1 for its in booth_items.values()
                    for s, e in its if s <= minute < e)
            if n != rules["staff"]:
                errs.append(f"booth at {minute.isoformat()}: {n} members, "
                            f"staff {rules['staff']}")
                break
    for name, its in booth_items.items():
        for s, e in its:
            if not any(a <= s and e <= b for a, b in hours):
                errs.append(f"{name}: booth item {s.isoformat()} is outside "
                            f"the booth hours")
    # Fairness among the members who can staff the booth.
    staff = [m["booth_minutes"] for m in members
             if m["booth"] and m["booth_eligible"]]
    if staff and max(staff) - min(staff) > rules["max_spread"]:
        errs.append(f"booth minutes spread {max(staff) - min(staff)} > "
                    f"{rules['max_spread']}")
    # The rota agrees with the members' items.
    for sh in team["booth"]:
        s, e = t(sh["start"]), t(sh["end"])
        who = sorted(name for name, its in booth_items.items()
                     if (s, e) in its)
        if who != sorted(sh["members"]):
            errs.append(f"rota {sh['start']}: {sh['members']} but items "
                        f"say {who}")
    # Coverage.
    covered = 0
    for c in team["cover"]:
        who = sorted(m["name"] for m in members for d in m["days"]
                     for i in d["items"]
                     if i["source"] == "programme" and i["id"] == c["id"])
        if who != sorted(c["members"]):
            errs.append(f"cover '{c['title']}': {c['members']} but plans "
                        f"say {who}")
        covered += 1 if who else 0
    want = total + covered * milli(team["cover_weight"])
    if milli(team["score"]) != want:
        errs.append(f"team score {team['score']} != members + cover "
                    f"{want / 1000}")
    if milli(team["bound"]) < milli(team["score"]):
        errs.append(f"bound {team['bound']} < score {team['score']}")
    if team["optimal"] and milli(team["bound"]) != milli(team["score"]):
        errs.append("optimal but the bound is not the score")
    # The gap: the bound's distance from the score, a fraction of the
    # bound (0 when optimal).
    if team.get("gap") is not None:
        b, sc = milli(team["bound"]), milli(team["score"])
        want_gap = 0 if team["optimal"] else (b - sc) / max(abs(b), 1)
        if abs(team["gap"] - want_gap) > 1e-9:
            errs.append(f"gap {team['gap']} != (bound - score) / bound "
                        f"{want_gap}")
    return errs


def main():
    team = json.load(sys.stdin)
    errs = check(team)
    for e in errs:
        print(e)
    if errs:
        return 1
    print(f"team plan ok: {len(team['members'])} members, "
          f"{len(team['booth'])} shifts, "
          f"{sum(1 for c in team['cover'] if c['members'])}/"
          f"{len(team['cover'])} cover talks, score {team['score']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
