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
morning), and the totals and the score adding up.  The venue (man page,
VENUE): board slots and expo segments inside their declared hours, on
their slot grid; every hosted open space on its day at its time; at
least open-spaces-per-day open spaces a day, or as many as the board
has slots inside the planning window and clear of busy blocks; the expo
minimum over the conference (whole segments); and the networking minutes
by source adding up to the day's networking.  A poster session counts
as its posters for must-see and skip.  Every busy block of the profile
is in the listing of each day whose window it touches, as networking
exactly when its label ends in "(networking)".  Exits 1 with one line per violation; prints a one-line summary
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


# Networking sources by kind (a break counts as a meal).
SOURCE_OF_KIND = {"open-space": "open_spaces", "expo": "expo",
                  "poster": "posters", "social": "socials",
                  "hallway": "hallway", "meal": "meals", "break": "meals"}

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday"]


def host_date(day, dates):
    """The planned date a host's DAY (a date or a weekday, or a prefix of
    one) names, or None."""
    if day in dates:
        return day
    hits = [d for d in dates if WEEKDAYS[datetime.date.fromisoformat(
        d).weekday()].startswith(day.lower())]
    return hits[0] if len(hits) == 1 else None


def on_grid(item, hours, slot, zone):
    """1 if item is one slot of some hours entry, on its grid."""
    s, e = t(item["start"]), t(item["end"])
    for h in hours:
        hs = local(zone, h["date"], clock_minutes(h["from"]))
        he = local(zone, h["date"], clock_minutes(h["to"]))
        if hs <= s and e <= he and e - s == datetime.timedelta(
                minutes=slot) and (s - hs).total_seconds() % (
                    slot * 60) == 0:
            return True
    return False


def check_venue(plan, prof, zone, dc, errs):
    """The venue rules (see the module's comment)."""
    v = prof.get("venue")
    if v is None:
        return
    board, expo = v["open_spaces"], v["expo"]
    dates = [d["date"] for d in plan["days"]]
    seen_hosts = set()
    expo_segments = 0
    for day in plan["days"]:
        d = day["date"]
        items = day["items"]
        ws = local(zone, d, clock(prof["day_start"], dc, False))
        we = local(zone, d, clock(prof["day_end"], dc, True))
        busy = [(local(zone, b["date"], clock_minutes(b["from"])),
                 local(zone, b["date"], clock_minutes(b["to"])))
                for b in prof["busy"]]
        for i in items:
            if i["source"] == "board" and not on_grid(
                    i, board["hours"], board["slot_minutes"], zone):
                errs.append(f"{d}: board slot at {i['start']} is not a "
                            f"slot of the [open-spaces] hours")
            if i["source"] == "expo" and not on_grid(
                    i, expo["hours"], expo["slot_minutes"], zone):
                errs.append(f"{d}: expo segment at {i['start']} is not a "
                            f"segment of the [expo] hours")
            # A team's booth shift is duty in the expo hall, not a
            # visit: it holds no expo segment.
            if i["kind"] == "expo" and i["source"] != "booth":
                expo_segments += i["minutes"] // expo["slot_minutes"]
            if i["source"] == "host":
                ok = False
                for k, h in enumerate(v["hosts"]):
                    # Without a time, any slot of the day's board.
                    at = local(zone, d, clock_minutes(h["at"])) \
                        if h["at"] is not None else None
                    if h["title"] == i["title"] and \
                            host_date(h["day"], dates) == d and \
                            (t(i["start"]) == at or (at is None and on_grid(
                                i, board["hours"], board["slot_minutes"],
                                zone))) and \
                            i["minutes"] == board["slot_minutes"]:
                        if k in seen_hosts:
                            errs.append(f"{d}: '{i['title']}' hosted "
                                        f"twice")
                        seen_hosts.add(k)
                        ok = True
                if not ok:
                    errs.append(f"{d}: hosted '{i['title']}' matches no "
                                f"[host] entry")
        # A board slot inside the window, clear of busy blocks.
        slot = datetime.timedelta(minutes=board["slot_minutes"])
        free_slots = 0
        for h in board["hours"]:
            hs = local(zone, h["date"], clock_minutes(h["from"]))
            he = local(zone, h["date"], clock_minutes(h["to"]))
            if conference_date(hs, zone, dc) != d:
                continue
            s = hs
            while s + slot <= he:
                if s >= ws and s + slot <= we and not any(
                        s < be and bs < s + slot for bs, be in busy):
                    free_slots += 1
                s += slot
        opens = sum(1 for i in items if i["kind"] == "open-space")
        need = min(prof.get("open_spaces_per_day", 0), free_slots)
        # pyplan offers no board slot while a single-track plenary runs,
        # and counts the programme's own open spaces as fitting, which
        # this checker cannot see: it holds the plan to the day's stated
        # need, never above open-spaces-per-day.
        stated = day.get("caps", {}).get("min_open_spaces")
        if stated is not None:
            if stated > prof.get("open_spaces_per_day", 0):
                errs.append(f"{d}: min_open_spaces {stated} > "
                            f"open-spaces-per-day")
            need = stated
        if opens < need:
            errs.append(f"{d}: {opens} open spaces < open-spaces-per-day "
                        f"{need}")
    for k, h in enumerate(v["hosts"]):
        # One on a day that is not planned is left out (with a note).
        if k not in seen_hosts and host_date(h["day"], dates) is not None:
            errs.append(f"hosted open space '{h['title']}' ({h['day']} "
                        f"{h['at'] or 'any time'}) is not planned")
    need = -(-prof.get("min_expo_minutes", 0) // expo["slot_minutes"])
    if expo_segments < need:
        errs.append(f"{expo_segments} expo segments < {need} "
                    f"(min-expo-minutes {prof['min_expo_minutes']})")


def check_sources(day, prof, errs):
    """The day's networking minutes by source: each source the counting
    networking items of its kinds, together the day's networking."""
    by = day["totals"].get("networking_by_source")
    if by is None:
        return
    want = {k: 0 for k in by}
    for i in day["items"]:
        if i["class"] == "networking" and \
                (i["minutes"] >= prof["min_networking_block"] or
                 i["source"] == "booth"):
            k = "booth" if i["source"] in ("busy", "booth") else \
                SOURCE_OF_KIND.get(i["kind"], "other")
            want[k] = want.get(k, 0) + i["minutes"]
    if want != by:
        errs.append(f"{day['date']}: networking_by_source {by} != {want}")
    if sum(by.values()) != day["totals"]["networking_minutes"]:
        errs.append(f"{day['date']}: networking_by_source does not add up "
                    f"to networking_minutes")


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
                if i["source"] == "busy":
                    continue  # the block itself, in the day listing
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
            elif i["source"] == "booth":
                # A team's booth shift (pyplan(1), The joint model):
                # networking minutes whatever its length, and no end to
                # a run of talks.
                net += mins
            elif i["class"] == "networking" and \
                    mins >= prof["min_networking_block"]:
                net += mins
                streak = 0
            if i["source"] == "programme":
                seen_must |= refs(i) & set(must)
            # A poster session stands for its posters: they are planned,
            # and none of them may be skipped.
            for p in i.get("posters", []):
                seen_must |= refs(p) & set(must)
                if refs(p) & skip:
                    errs.append(f"{d}: skipped poster '{p['title']}' is "
                                f"in a planned session")
            total += milli(i["score"])
        if prof["max_talks_per_day"] is not None and \
                talks > prof["max_talks_per_day"]:
            errs.append(f"{d}: {talks} talks > {prof['max_talks_per_day']}")
        cap = prof["max_talk_minutes_per_day"]
        if cap is not None and tmin > cap:
            errs.append(f"{d}: {tmin} talk minutes > {cap}")
        # A day with no programme event left to plan has no networking
        # or lunch rule; then nothing of the programme may be planned
        # (what was attended before --now is history, not a choice).
        is_open = day.get("open", True)
        if not is_open and any(i["source"] == "programme" and
                               i.get("status") != "attended"
                               for i in items):
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
        check_sources(day, prof, errs)
        # Every busy block of the profile that touches the day's window
        # is in its listing, networking when its label says so (blocks
        # in order of start; one that overlaps an earlier one is cut
        # where that ends).
        ds_, de_ = (local(zone, d, dc), local(zone, d, dc + 1440))
        free_from = max(ws, ds_)
        for b in sorted(prof["busy"], key=lambda b: local(
                zone, b["date"], clock_minutes(b["from"]))):
            bs, be = (local(zone, b["date"], clock_minutes(b["from"])),
                      local(zone, b["date"], clock_minutes(b["to"])))
            s, e = max(bs, free_from), min(be, we, de_)
            if s + datetime.timedelta(minutes=1) > e:
                continue
            free_from = e
            shown = [i for i in items if i["source"] == "busy" and
                     i["title"] == b["label"]]
            if not shown:
                errs.append(f"{d}: busy block '{b['label']}' is not in "
                            f"the day listing")
            net_label = b["label"].rstrip().lower().endswith(
                "(networking)")
            for i in shown:
                if (i["class"] == "networking") != net_label:
                    errs.append(f"{d}: busy block '{b['label']}' has "
                                f"class {i['class']}")
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
    check_venue(plan, prof, zone, dc, errs)
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
