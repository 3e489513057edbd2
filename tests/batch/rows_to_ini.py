#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Turns each row of a `pyplan batch` attendee file into a profile INI.

Written from SPEC section 11 and the man page, sharing no code with
pyplan: a row's cells become the profile keys they stand for, so that
`pyplan build --profile DIR/ID.ini` can be compared with the plan `pyplan
batch` writes for the row.  Rows without an id are left out.

usage: rows_to_ini.py ATTENDEES.csv DIR
"""
import csv
import os
import sys


def items(cell):
    return [x.strip() for x in cell.split(";") if x.strip()]


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__.strip().split("\n\n")[-1])
    src, out = argv
    os.makedirs(out, exist_ok=True)
    with open(src, newline="", encoding="utf-8-sig") as fp:
        rows = list(csv.reader(fp))
    head = [h.strip().lower().replace("_", "-").replace(" ", "-")
            for h in rows[0]]
    for row in rows[1:]:
        cells = dict(zip(head, (c.strip() for c in row)))
        rid = cells.get("id", "")
        if not rid:
            continue
        sec = {"plan": [], "interests": [], "speakers": [], "must": [],
               "skip": []}
        for col, val in cells.items():
            if not val or col in ("id", "name"):
                continue
            if col in ("interests", "speakers"):
                for it in items(val):
                    k, _, w = it.partition("=")
                    sec[col].append((k.strip(), w.strip() or "1"))
            elif col in ("must", "skip"):
                sec[col] += [("id", it) for it in items(val)]
            elif col in ("days", "languages"):
                sec["plan"].append((col, ",".join(items(val))))
            else:
                sec["plan"].append((col, val))
        with open(os.path.join(out, rid + ".ini"), "w",
                  encoding="utf-8") as fp:
            for name, keys in sec.items():
                if keys:
                    fp.write(f"[{name}]\n")
                    fp.writelines(f"{k} = {v}\n" for k, v in keys)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
