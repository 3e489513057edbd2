#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Independent checker of a pyplan JSON plan (read on stdin).

Written from SPEC.md section 4, not from the solver: every day within the
caps, no overlaps, room-change time between consecutive items in rooms that
share nothing, no streak longer than the cap, the networking minimum met in
blocks of the minimum length, lunch, and the must-see events present.
Exits 1 with one line per violation; prints a one-line summary otherwise.
"""
import datetime
import json
import sys


def t(s):
    return datetime.datetime.fromisoformat(s)


def main():
    plan = json.load(sys.stdin)
    prof = plan["profile"]
    errs = []
    must_titles = [m.lower() for m in prof["must"]]
    seen_must = set()
    rc = datetime.timedelta(minutes=prof["room_change_minutes"])
    for day in plan["days"]:
        d = day["date"]
        items = sorted(day["items"], key=lambda i: (t(i["start"]), t(i["end"])))
        talks = tmin = net = streak = 0
        for a, b in zip(items, items[1:]):
            if t(a["end"]) > t(b["start"]):
                errs.append(f"{d}: '{a['title']}' overlaps '{b['title']}'")
            ra, rb = set(a["rooms"]), set(b["rooms"])
            if ra and rb and not (ra & rb) and t(a["end"]) + rc > t(b["start"]):
                errs.append(f"{d}: no room-change time between "
                            f"'{a['title']}' and '{b['title']}'")
        for i in items:
            mins = (t(i["end"]) - t(i["start"])).seconds // 60
            if i["class"] == "talk":
                talks += 1
                tmin += mins
                streak += 1
                cap = prof["max_consecutive_talks"]
                if cap is not None and streak > cap:
                    errs.append(f"{d}: {streak} talks in a row at '{i['title']}'")
            elif mins >= prof["min_networking_block"]:
                net += mins
                streak = 0
            for m in must_titles:
                if m == i["title"].lower() or m == str(i["id"]).lower():
                    seen_must.add(m)
        if prof["max_talks_per_day"] is not None and talks > prof["max_talks_per_day"]:
            errs.append(f"{d}: {talks} talks > {prof['max_talks_per_day']}")
        cap = prof["max_talk_minutes_per_day"]
        if cap is not None and tmin > cap:
            errs.append(f"{d}: {tmin} talk minutes > {cap}")
        if net < prof["min_networking_minutes"]:
            errs.append(f"{d}: {net} networking minutes < "
                        f"{prof['min_networking_minutes']}")
        lunch = prof["lunch"]
        if lunch:
            lf = t(f"{d}T{lunch['from']}:00{items[0]['start'][19:]}") if items else None
            lt = t(f"{d}T{lunch['to']}:00{items[0]['start'][19:]}") if items else None
            need = datetime.timedelta(minutes=lunch["minutes"])
            ok = not items
            for i in items:
                if i["kind"] == "meal":
                    s, e = max(t(i["start"]), lf), min(t(i["end"]), lt)
                    ok |= e - s >= need
            # or a free gap of the lunch length inside the window
            edges = [lf] + [x for i in items for x in (t(i["start"]), t(i["end"]))] + [lt]
            busy = [(t(i["start"]), t(i["end"])) for i in items]
            cur = lf
            for s, e in sorted(busy) + [(lt, lt)]:
                s2 = min(max(s, lf), lt)
                if s2 - cur >= need:
                    ok = True
                cur = max(cur, min(max(e, lf), lt))
            if not ok:
                errs.append(f"{d}: no lunch of {lunch['minutes']} minutes")
        if day["totals"]["talks"] != talks:
            errs.append(f"{d}: totals.talks {day['totals']['talks']} != {talks}")
    for m in must_titles:
        if m not in seen_must:
            errs.append(f"must-see '{m}' is not planned")
    if not plan["optimal"]:
        errs.append("plan not marked optimal")
    for e in errs:
        print(e)
    if errs:
        return 1
    print(f"plan ok: {len(plan['days'])} days, "
          f"{sum(len(d['items']) for d in plan['days'])} items, "
          f"score {plan['score']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
