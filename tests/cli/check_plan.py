#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Independent checker of a pyplan JSON plan (read on stdin).

Written from SPEC.md section 4 and the man page's THE MODEL, not from the
solver, and sharing no code with it: every day within the caps, no
overlaps, room-change time between consecutive items in rooms that share
nothing, no streak longer than the cap, the networking minimum met in
blocks of the minimum length, hallway blocks at least that long and never
touching another, lunch (a meal or a free gap of the lunch length inside
the lunch window), the must-see events present, skipped events absent,
nothing in a busy block or outside the planning window and days (a day
runs from day-change to day-change: times before it are the next
morning), and the totals and the score adding up.  Exits 1 with one line per violation; prints a one-line summary
otherwise.  tests/oracle/run.py imports check().
"""
import datetime
import json
import sys
from zoneinfo import ZoneInfo


def t(s):
    return datetime.datetime.fromisoformat(s)


def milli(x):
    """A JSON score (points, three decimals) in thousandths."""
    return round(x * 1000)


def clock_minutes(hhmm):
    h, m = map(int, hhmm.split(":"))
    return h * 60 + m


def local(zone, date, minutes):
    """The instant minutes (wall clock, may pass 24:00) after the midnight
    that starts date in zone."""
    d = datetime.date.fromisoformat(date)
    base = datetime.datetime(d.year, d.month, d.day)
    return (base + datetime.timedelta(minutes=minutes)).replace(tzinfo=zone)


def clock(hhmm, dc, end):
    """Where clock time hhmm falls on a conference day that starts at the
    day change dc (minutes): before dc it is the next morning; 00:00 as a
    start and 24:00 as an end are the day's own start and end."""
    h = clock_minutes(hhmm)
    if end:
        return dc + 1440 if h == 1440 else h if h > dc else h + 1440
    return dc if h == 0 else h if h >= dc else h + 1440


def conference_date(instant, zone, dc):
    """The conference day of an instant: its local date, or the day before
    when it is before the day change."""
    loc = instant.astimezone(zone)
    d = loc.date()
    if loc.hour * 60 + loc.minute < dc:
        d -= datetime.timedelta(days=1)
    return d.isoformat()


def minutes(i):
    return int((t(i["end"]) - t(i["start"])).total_seconds()) // 60


def lunch_ok(items, lf, lt, need):
    """A meal overlapping [lf, lt) by need, or a free gap of need in it."""
    for i in items:
        if i["kind"] == "meal":
            s, e = max(t(i["start"]), lf), min(t(i["end"]), lt)
            if e - s >= need:
                return True
    cur = lf
    for s, e in sorted((t(i["start"]), t(i["end"])) for i in items) + \
            [(lt, lt)]:
        s2 = min(max(s, lf), lt)
        if s2 - cur >= need:
            return True
        cur = max(cur, min(max(e, lf), lt))
    return False


def check(plan, must_elsewhere=frozenset()):
    """Returns the list of violations of the plan (empty if valid).
    must_elsewhere: must-see references (lower case) that the caller knows
    are on days not planned, which the plan leaves out."""
    prof = plan["profile"]
    zone = ZoneInfo(prof["timezone"] or plan["conference"]["timezone"])
    dc = clock_minutes(prof.get("day_change", "00:00"))
    errs = []
    refs = lambda i: {str(i["id"]).lower(), i["title"].lower()}
    must = [m.lower() for m in prof["must"] if m.lower() not in
            must_elsewhere]
    skip = {s.lower() for s in prof["skip"]}
    langs = set((prof.get("languages") or "").split(",")) - {""}
    ticket_kinds = {k.lower() for k in prof.get("ticket_kinds", [])}
    tickets = {k.lower() for k in prof.get("tickets", [])}
    seen_must = set()
    rc = datetime.timedelta(minutes=prof["room_change_minutes"])
    total = 0
    for day in plan["days"]:
        d = day["date"]
        items = sorted(day["items"],
                       key=lambda i: (t(i["start"]), t(i["end"])))
        ws, we = (local(zone, d, clock(prof["day_start"], dc, False)),
                  local(zone, d, clock(prof["day_end"], dc, True)))
        if prof["days"] and d not in prof["days"]:
            errs.append(f"{d}: day is not in days")
        talks = tmin = net = streak = 0
        for a, b in zip(items, items[1:]):
            if t(a["end"]) > t(b["start"]):
                errs.append(f"{d}: '{a['title']}' overlaps '{b['title']}'")
        # Room changes between consecutive items with rooms, whatever lies
        # between without rooms (a hallway block, a free lunch).
        roomed = [i for i in items if i["rooms"]]
        for a, b in zip(roomed, roomed[1:]):
            ra, rb = set(a["rooms"]), set(b["rooms"])
            if not (ra & rb) and t(a["end"]) + rc > t(b["start"]):
                errs.append(f"{d}: no room-change time between "
                            f"'{a['title']}' and '{b['title']}'")
        for a, b in zip(items, items[1:]):
            if a["source"] == b["source"] == "hallway" and \
                    t(a["end"]) == t(b["start"]):
                errs.append(f"{d}: hallway blocks touch at {b['start']}")
        for i in items:
            mins = minutes(i)
            if mins != i["minutes"]:
                errs.append(f"{d}: '{i['title']}' minutes {i['minutes']} "
                            f"!= {mins}")
            s, e = t(i["start"]), t(i["end"])
            if conference_date(s, zone, dc) != d:
                errs.append(f"{d}: '{i['title']}' starts on another day")
            if s < ws or e > we:
                errs.append(f"{d}: '{i['title']}' is outside the planning "
                            f"window {prof['day_start']}-{prof['day_end']}")
            for b in prof["busy"]:
                bs, be = (local(zone, b["date"], clock_minutes(b["from"])),
                          local(zone, b["date"], clock_minutes(b["to"])))
                if s < be and bs < e:
                    errs.append(f"{d}: '{i['title']}' overlaps busy block "
                                f"'{b['label']}'")
            if i["source"] == "hallway" and \
                    mins < prof["min_networking_block"]:
                errs.append(f"{d}: hallway block at {i['start']} is "
                            f"shorter than min-networking-block")
            if i["source"] == "programme" and refs(i) & skip:
                errs.append(f"{d}: skipped '{i['title']}' is planned")
            # Languages and tickets, lifted for a must-see event (an
            # event of no known language stays; a ticket by id or title
            # is trusted, as the plan has no kind word to check).
            if i["source"] == "programme" and i["class"] == "talk" and \
                    not i["must"]:
                if langs and i.get("lang") and \
                        not set(i["lang"].split(",")) & langs:
                    errs.append(f"{d}: '{i['title']}' in {i['lang']} is "
                                f"planned (languages {prof['languages']})")
                if i["kind"] in ticket_kinds and \
                        i["kind"] not in tickets and not refs(i) & tickets:
                    errs.append(f"{d}: '{i['title']}' needs a ticket")
            if i["class"] == "talk":
                talks += 1
                tmin += mins
                streak += 1
                cap = prof["max_consecutive_talks"]
                if cap is not None and streak > cap:
                    errs.append(f"{d}: {streak} talks in a row at "
                                f"'{i['title']}'")
            elif mins >= prof["min_networking_block"]:
                net += mins
                streak = 0
            if i["source"] == "programme":
                seen_must |= refs(i) & set(must)
            total += milli(i["score"])
        if prof["max_talks_per_day"] is not None and \
                talks > prof["max_talks_per_day"]:
            errs.append(f"{d}: {talks} talks > {prof['max_talks_per_day']}")
        cap = prof["max_talk_minutes_per_day"]
        if cap is not None and tmin > cap:
            errs.append(f"{d}: {tmin} talk minutes > {cap}")
        # A day with no programme event left to plan has no networking
        # or lunch rule; then nothing of the programme may be planned.
        is_open = day.get("open", True)
        if not is_open and any(i["source"] == "programme" for i in items):
            errs.append(f"{d}: closed day plans programme events")
        # The minimum that binds on the day: the profile's, or 0 on a
        # day without a talk-load candidate (nothing to balance).
        need = day["caps"]["min_networking"]
        if need not in (0, prof["min_networking_minutes"]):
            errs.append(f"{d}: caps.min_networking {need} is neither 0 "
                        f"nor the profile's")
        if is_open and net < need:
            errs.append(f"{d}: {net} networking minutes < {need}")
        lunch = prof["lunch"]
        if lunch and is_open:
            # The lunch window inside the planning window; lunch is due
            # where that still holds the lunch minutes.
            lf = max(local(zone, d, clock(lunch["from"], dc, False)), ws)
            lt = min(local(zone, d, clock(lunch["to"], dc, True)), we)
            need = datetime.timedelta(minutes=lunch["minutes"])
            if lt - lf >= need and not lunch_ok(items, lf, lt, need):
                errs.append(f"{d}: no lunch of {lunch['minutes']} minutes")
        tot = day["totals"]
        if tot["talks"] != talks:
            errs.append(f"{d}: totals.talks {tot['talks']} != {talks}")
        if tot["talk_minutes"] != tmin:
            errs.append(f"{d}: totals.talk_minutes {tot['talk_minutes']} "
                        f"!= {tmin}")
        if tot["networking_minutes"] != net:
            errs.append(f"{d}: totals.networking_minutes "
                        f"{tot['networking_minutes']} != {net}")
        # Hallway runs shorter than the block are free time: no items,
        # their value in the day's score.
        short = milli(tot.get("short_hallway_score", 0))
        if short and tot.get("short_hallway_minutes", 0) <= 0:
            errs.append(f"{d}: short hallway score without minutes")
        if tot.get("short_hallway_minutes", 0) < 0:
            errs.append(f"{d}: negative short hallway minutes")
        total += short
        if milli(tot["score"]) != \
                sum(milli(i["score"]) for i in items) + short:
            errs.append(f"{d}: totals.score {tot['score']} is not the sum "
                        f"of its items and short hallway runs")
    for m in must:
        if m not in seen_must:
            errs.append(f"must-see '{m}' is not planned")
    # The objective: item scores plus the bonus per criterion covered.
    want = total + milli(prof["criteria_bonus"]) * len(plan["criteria_covered"])
    if milli(plan["score"]) != want:
        errs.append(f"score {plan['score']} != items + criteria bonus "
                    f"{want / 1000}")
    if not plan["optimal"]:
        errs.append("plan not marked optimal")
    return errs


def main():
    plan = json.load(sys.stdin)
    errs = check(plan)
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
