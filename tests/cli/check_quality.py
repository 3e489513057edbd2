#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Checks issue 11's promises on a `pyplan build -f json` plan of the
bundled PyCon 2018 programme (stdin), against the programme's own CSV
(argv[1]) for languages and kinds.  Prints one line of facts, so a golden
pins them without pinning the whole plan:
- every planned talk-load item has a reason (the profile or the plenary
  rule);
- no Spanish-language talk unless the profile lists Spanish (argv[2] is
  the languages the profile lists, "any" for none);
- no tutorial unless must-see or the profile holds a ticket (argv[3]:
  "tickets" when it does);
- no housekeeping item (welcome, remarks) is planned;
- the keynotes of Friday to Sunday are planned;
- each item's lang is the programme's language of the event."""
import csv
import json
import sys

plan = json.load(sys.stdin)
prog = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
langs, tickets = sys.argv[2], sys.argv[3] == "tickets"
errs = []
planned = set()
talks = 0
for day in plan["days"]:
    for it in day["items"]:
        if it["source"] != "programme":
            continue
        planned.add(it["id"])
        ev = prog[it["id"]]
        if it["lang"] != (ev["language"] or None):
            errs.append(f"{it['title']}: lang {it['lang']}")
        if it["class"] != "talk":
            continue
        talks += 1
        if not it["reason"]:
            errs.append(f"{it['title']}: no reason")
        if ev["language"] == "es" and "es" not in langs and not it["must"]:
            errs.append(f"{it['title']}: Spanish, not in the profile")
        if ev["kind"] == "tutorial" and not tickets and not it["must"]:
            errs.append(f"{it['title']}: tutorial without a ticket")
        low = it["title"].lower()
        if any(w in low for w in ("welcome", "remarks")):
            errs.append(f"{it['title']}: housekeeping planned")
keynotes = [r for r in prog.values() if r["title"].startswith("Keynote")
            and r["date"] >= "2018-05-11"]
missing = [r["title"] for r in keynotes if r["id"] not in planned]
if missing:
    errs.append("keynotes not planned: " + ", ".join(missing))
for e in errs:
    print("error:", e)
print(f"talks planned: {talks > 0}; Friday-Sunday keynotes planned: "
      f"{len(keynotes) - len(missing)}/{len(keynotes)}; problems: {len(errs)}")
