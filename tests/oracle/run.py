#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""The MILP oracle: pyplan's exact solver against glpsol on random instances.

For each seed, tests/gen/gen writes a programme and a profile; pyplan plans
it with --emit-lp; then
  - a plan (exit 0): glpsol must find the same optimum on the emitted LP,
    and the independent checker (tests/cli/check_plan.py) must find the
    plan valid; and `pyplan explain` on a candidate left out must report
    the loss of forcing it in that glpsol finds with it as must-see;
  - no plan (exit 1): pyplan's message must name the clashing constraints
    and glpsol must find the LP infeasible.
Any other outcome is a failure.  Prints one line per failure and a
summary; exits 1 if anything failed.

-big makes bigger instances; -large draws large caps (up to 16 talks,
720 minutes, 8 in a row) on days of many events; -flat makes every talk
worth the same (ties everywhere); -replan replans each instance (build
--from): pyplan plans it, up to two of the planned events after a time
inside the first day are taken out of the programme, and pyplan plans
again --from the first plan --now at that time with a change penalty of
0, 0.5, 1 or 3 (by seed); the optimum of that plan, attended items and
change terms included, must be glpsol's (explain is not checked: it does
not replan).

usage: run.py [-j JOBS] [-v] [-big | -large | -flat | -replan] PYPLAN GEN
              FIRST_SEED COUNT
"""
import concurrent.futures
import csv as csvmod
import datetime
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import check_plan  # noqa: E402  (the independent checker)

# The constraint families pyplan's infeasibility messages must name.
NAMES = re.compile(r"must-see|max-talks-per-day|max-talk-minutes-per-day|"
                   r"max-consecutive-talks|min-networking-minutes|lunch|"
                   r"open-spaces-per-day|min-expo-minutes|host '")


def sizes(seed, mode=""):
    """Instance size for a seed: 1-3 days, 1-6 rooms, 8-87 events; with
    big, 2-5 days, 3-12 rooms, 60-359 events; with large, 1-2 days, 4-11
    rooms, 60-219 events (many a day, for large caps)."""
    if mode == "big":
        return 2 + seed % 4, 3 + (seed * 7) % 10, 60 + (seed * 13) % 300
    if mode == "large":
        return 1 + seed % 2, 4 + (seed * 7) % 8, 60 + (seed * 13) % 160
    return 1 + seed % 3, 1 + (seed * 7) % 6, 8 + (seed * 13) % 80


# Seconds glpsol may take on one LP; an instance it gives up on is not
# checked (said in the summary), not failed.
GLPSOL_TIMEOUT = 600


def glpsol(lp, tmp):
    """Runs glpsol; returns ("optimal", objective) or ("infeasible", None)
    or ("other", text), or ("timeout", None) when it gives up."""
    sol = os.path.join(tmp, "sol.txt")
    try:
        r = subprocess.run(["glpsol", "--lp", lp, "-o", sol],
                           capture_output=True, text=True,
                           timeout=GLPSOL_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout", None
    out = r.stdout
    if r.returncode != 0 or not os.path.exists(sol):
        return "other", out[-500:]
    text = open(sol).read()
    # glpsol says so on standard output (the LP relaxation or the MIP
    # has no feasible solution) and writes status INTEGER EMPTY.
    if (re.search(r"(PROBLEM|LP) HAS NO PRIMAL FEASIBLE SOLUTION", out) or
            "PROBLEM HAS NO INTEGER FEASIBLE SOLUTION" in out or
            re.search(r"Status:\s+INTEGER EMPTY", text)):
        return "infeasible", None
    if "INTEGER OPTIMAL" not in text:
        return "other", text[:500]
    m = re.search(r"Objective:\s+obj = (-?[0-9.e+-]+)", text)
    return "optimal", round(float(m.group(1)))


# Row-name prefixes of the constraint families a diagnosis may name.
FAMILY_ROWS = {"talks": "max-talks-per-day",
               "tmin": "max-talk-minutes-per-day",
               "streak": "max-consecutive-talks",
               "net": "min-networking-minutes",
               "lunch": "lunch",
               "open": "open-spaces-per-day",
               "hostany": "host"}


def parse_lp(text):
    """Splits an emitted LP into its legend, rows and bounds."""
    legend, rows, bounds, head, tail = {}, [], [], [], []
    days = {}
    section = "head"
    for line in text.splitlines():
        m = re.match(r"\\ day (\d+) (\S+)$", line)
        if m:
            days[m.group(2)] = int(m.group(1))
        m = re.match(r"\\ (x(\d+)_\d+) \S+ \S+ \S+( must)? '(.*)' \(id ",
                     line)
        if m:
            legend[m.group(1)] = (int(m.group(2)), bool(m.group(3)),
                                  m.group(4))
        if line == "Subject To":
            section = "rows"
            head.append(line)
            continue
        if line == "Bounds":
            section = "bounds"
            continue
        if section == "bounds" and not line.startswith(" "):
            section = "tail"
        if section == "head":
            head.append(line)
        elif section == "rows":
            if re.match(r" \w+:", line):
                rows.append([line])
            else:
                rows[-1].append(line)
        elif section == "bounds":
            bounds.append(line)
        else:
            tail.append(line)
    return days, legend, head, rows, bounds, tail


def parse_diagnosis(msg):
    """(date, families, must-see titles) that an infeasibility message
    names, or None for a clash found before solving (skip, busy...)."""
    m = re.match(r"pyplan: error: (\d{4}-\d\d-\d\d): (.*)$", msg)
    if not m:
        return None
    date, text = m.groups()
    if re.search(r"overlap$|are in different rooms", text):
        return date, set(), re.findall(r"'([^']*)'", text)
    if "cannot be met: not enough networking time" in text:
        return date, {"min-networking-minutes"}, []
    if text.startswith("no free or meal time for lunch"):
        return date, {"lunch"}, []
    if not text.startswith("these constraints clash: "):
        return None
    fams, titles = set(), []
    for name in FAMILY_ROWS.values():
        if re.search(r"(: |, )" + name + r"[ =]", text):
            fams.add(name)
    m = re.search(r"must-see ('.*?)(?:, host '.*)?$", text)
    if m:
        titles = re.findall(r"'([^']*)'", m.group(1))
    return date, fams, titles


def restricted_lp(parsed, day, fams, musts):
    """The LP of one day with only the families fams and the must-see
    variables musts (names) kept."""
    days, legend, head, rows, bounds, tail = parsed
    out = list(head)
    for r in rows:
        m = re.match(r" ([a-z]+)(\d+)_(\d+):", r[0])
        prefix, d = m.group(1), int(m.group(2))
        if prefix in ("crit", "cov"):
            out.extend(r)
            continue
        if prefix in ("expo", "hostx"):  # not rules of one day
            continue
        if d != day:
            continue
        if prefix in FAMILY_ROWS and FAMILY_ROWS[prefix] not in fams:
            continue
        out.extend(r)
    if out[-1] == "Subject To":
        out.append(" none: + 1 z_0 >= 0")  # glpsol needs a row
    out.append("Bounds")
    for b in bounds:
        m = re.match(r" (x\d+_\d+) = 1$", b)
        if m and m.group(1) not in musts:
            continue
        out.append(b)
    out.extend(tail)
    return "\n".join(out) + "\n"


def check_diagnosis(msg, lp_text, tmp):
    """Checks with glpsol that the constraints msg names clash (the day is
    infeasible with them alone) and that each is needed (dropping any one
    makes it feasible).  Returns an error string or None."""
    diag = parse_diagnosis(msg)
    if diag is None:
        return None
    date, fams, titles = diag
    parsed = parse_lp(lp_text)
    days, legend = parsed[0], parsed[1]
    if date not in days:
        return f"diagnosis names day {date} that the LP does not have"
    day = days[date]
    # A title may name several must-see items of the day (two "Lunch"):
    # the diagnosis holds if one item per title makes a minimal clash.
    choices = []
    for t in titles:
        hits = [v for v, (d, must, title) in legend.items()
                if d == day and must and (title == t or (
                    t.endswith("...") and title.startswith(t[:-3])))]
        if not hits:
            return f"diagnosis names must-see '{t}', not one on {date}"
        choices.append(sorted(hits))

    def status(f, mu):
        lp = os.path.join(tmp, "diag.lp")
        with open(lp, "w") as fp:
            fp.write(restricted_lp(parsed, day, f, mu))
        return glpsol(lp, tmp)[0]

    def minimal(musts):
        st = status(fams, musts)
        if st != "infeasible":
            return f"the named constraints alone are {st}: {msg}"
        for f in sorted(fams):
            if status(fams - {f}, musts) != "optimal":
                return f"'{f}' is not needed for the clash: {msg}"
        for v in sorted(musts):
            if status(fams, musts - {v}) != "optimal":
                return f"must-see {legend[v][2]} is not needed: {msg}"
        return None

    err = None
    for combo in itertools.islice(itertools.product(*choices), 16):
        err = minimal(set(combo))
        if err is None:
            return None
    return err


def check_explain(pyplan, env, csv, ini, plan, lp_text, seed, tmp):
    """Runs pyplan explain on one candidate the plan leaves out and checks
    the loss it reports for forcing it in against glpsol's optimum of the
    model with that event as must-see.  Returns an error string or None."""
    planned = {i["id"] for d in plan["days"] for i in d["items"]}
    ids = sorted({m.group(1) for m in re.finditer(
        r"^\\ x\d+_\d+ .*\(id (E\d+)\)$", lp_text, re.M)} - planned,
        key=lambda x: int(x[1:]))
    if not ids:
        return None
    eid = ids[seed % len(ids)]
    r = subprocess.run([pyplan, "explain", eid, "--profile", ini, csv],
                       capture_output=True, text=True, env=env, timeout=600)
    if r.returncode != 0:
        return f"explain {eid}: exit {r.returncode}: {r.stderr.strip()}"
    out = r.stdout
    if "not planned on" not in out:
        return f"explain {eid}: no 'not planned on' in:\n{out}"
    lp2 = os.path.join(tmp, "forced.lp")
    subprocess.run([pyplan, "build", csv, "--profile", ini, "--must", eid,
                    "-f", "json", "--emit-lp", lp2, "-o",
                    os.path.join(tmp, "forced.json")],
                   capture_output=True, text=True, env=env, timeout=600)
    status, obj = glpsol(lp2, tmp)
    base = round(plan["score"] * 1000)
    m = re.search(r"forcing it in costs (-?[0-9.]+) \(plan score "
                  r"(-?[0-9.]+) -> (-?[0-9.]+)\)", out)
    if m:
        cost, a, b = (round(float(x) * 1000) for x in m.groups())
        if a != base or status != "optimal" or obj != b or cost != a - b:
            return (f"explain {eid}: says costs {m.group(1)} ({m.group(2)}"
                    f" -> {m.group(3)}), plan {base}, glpsol with it as "
                    f"must-see: {status} {obj}")
        return None
    m = re.search(r"forcing it in costs nothing: another plan with the "
                  r"same score (-?[0-9.]+) has it", out)
    if m:
        if status != "optimal" or obj != base or \
                round(float(m.group(1)) * 1000) != base:
            return (f"explain {eid}: says costs nothing, but glpsol with "
                    f"it as must-see: {status} {obj} vs plan {base}")
        return None
    if "forcing it in is infeasible" in out:
        if status != "infeasible":
            return (f"explain {eid}: says forcing is infeasible, glpsol: "
                    f"{status} {obj}")
        return None
    return f"explain {eid}: no forcing line in:\n{out}"


def must_elsewhere(csv, plan):
    """The must-see references (lower case) whose events are on days the
    plan does not cover (left out with a note), from the programme's own
    dates and zones and the plan's zone and day change."""
    prof = plan["profile"]
    if not prof["days"]:
        return frozenset()
    zone = check_plan.ZoneInfo(prof["timezone"] or
                               plan["conference"]["timezone"])
    dc = check_plan.clock_minutes(prof.get("day_change", "00:00"))
    must = {m.lower() for m in prof["must"]}
    out = set()
    with open(csv, newline="") as fp:
        for row in csvmod.DictReader(fp):
            if row["id"].lower() not in must:
                continue
            start = datetime.datetime.fromisoformat(
                f"{row['date']}T{row['start']}").replace(
                    tzinfo=check_plan.ZoneInfo(row["timezone"]))
            if check_plan.conference_date(start, zone, dc) not in \
                    prof["days"]:
                out.add(row["id"].lower())
    return frozenset(out)


def replan_inputs(pyplan, env, csv, ini, seed, tmp):
    """For -replan: plans csv, writes a new programme without up to two
    of the planned events (not must-see) after a time now inside the first
    planned day
    (the middle of an item on odd seeds, its start on even ones), and
    returns (new csv, the build options that replan from the first plan),
    or None when the first plan fails (the instance is then checked as
    it is)."""
    old = os.path.join(tmp, "old.json")
    r = subprocess.run([pyplan, "build", csv, "--profile", ini, "-f", "json",
                        "-o", old], capture_output=True, text=True, env=env,
                       timeout=600)
    if r.returncode != 0:
        return None
    plan = json.load(open(old))
    items = [i for d in plan["days"][:1] for i in d["items"]]
    if not items:
        return None
    pick = items[len(items) // 2]
    a = datetime.datetime.fromisoformat(pick["start"])
    b = datetime.datetime.fromisoformat(pick["end"])
    now = a + (b - a) / 2 if seed % 2 else a
    later = [i["id"] for d in plan["days"] for i in d["items"]
             if i["source"] == "programme" and not i["must"] and
             datetime.datetime.fromisoformat(i["start"]) > now]
    gone = set(later[seed % 3::3][:2])
    new = os.path.join(tmp, "new.csv")
    with open(csv, newline="") as fi, open(new, "w", newline="") as fo:
        rd = csvmod.DictReader(fi)
        wr = csvmod.DictWriter(fo, fieldnames=rd.fieldnames)
        wr.writeheader()
        for row in rd:
            if row["id"] not in gone:
                wr.writerow(row)
    penalty = ("0", "0.5", "1", "3")[seed % 4]
    return new, ["--from", old, "--now", now.isoformat(timespec="minutes"),
                 "--change-penalty", penalty]


def run_one(pyplan, gen, seed, mode):
    """Returns (outcome, message): outcome is "plan", "infeasible" or
    "FAIL"."""
    days, rooms, events = sizes(seed, mode)
    with tempfile.TemporaryDirectory(prefix="pyplan-oracle-") as tmp:
        csv = os.path.join(tmp, "p.csv")
        ini = os.path.join(tmp, "p.ini")
        lp = os.path.join(tmp, "m.lp")
        variant = ["-m", mode] if mode in ("large", "flat") else []
        subprocess.run([gen, *variant, "-s", str(seed), "-d", str(days),
                        "-r", str(rooms), "-n", str(events), "-o", csv,
                        "-p", ini], check=True)
        env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
        env.pop("XDG_CONFIG_HOME", None)
        extra = []
        replan = replan_inputs(pyplan, env, csv, ini, seed, tmp) \
            if mode == "replan" else None
        if replan is not None:
            csv, extra = replan
        r = subprocess.run([pyplan, "build", csv, "--profile", ini,
                            "-f", "json", "--emit-lp", lp, *extra],
                           capture_output=True, text=True, env=env,
                           timeout=600)
        where = f"seed {seed} ({days}d {rooms}r {events}e)" + \
            (f" replanned {' '.join(extra[2:])}" if extra else "")
        if r.returncode == 0:
            plan = json.loads(r.stdout)
            errs = check_plan.check(plan, must_elsewhere(csv, plan))
            if errs:
                return "FAIL", f"{where}: checker: " + "; ".join(errs[:5])
            status, obj = glpsol(lp, tmp)
            ours = round(plan["score"] * 1000)
            if status == "timeout":
                return "skip", (f"{where}: pyplan planned (score {ours}); "
                                f"glpsol gave up after {GLPSOL_TIMEOUT} s")
            if status != "optimal":
                return "FAIL", (f"{where}: pyplan planned (score {ours}) "
                                f"but glpsol says {status} {obj or ''}")
            if obj != ours:
                return "FAIL", (f"{where}: objective pyplan {ours} "
                                f"!= glpsol {obj}")
            bad = None if extra else check_explain(
                pyplan, env, csv, ini, plan, open(lp).read(), seed, tmp)
            if bad:
                return "FAIL", f"{where}: {bad}"
            return "plan", f"{where}: optimum {ours} agreed"
        if r.returncode == 1:
            errors = [ln for ln in r.stderr.splitlines() if "error:" in ln]
            if not errors:
                return "FAIL", f"{where}: exit 1 without an error message"
            unnamed = [e for e in errors if not NAMES.search(e)]
            if unnamed:
                return "FAIL", (f"{where}: message names no constraint: "
                                f"{unnamed[0]}")
            if not os.path.exists(lp):
                return "FAIL", f"{where}: infeasible but no LP written"
            status, obj = glpsol(lp, tmp)
            if status == "timeout":
                return "skip", (f"{where}: pyplan says infeasible; glpsol "
                                f"gave up after {GLPSOL_TIMEOUT} s")
            if status != "infeasible":
                return "FAIL", (f"{where}: pyplan says infeasible "
                                f"({errors[0]}) but glpsol says {status} "
                                f"{obj}")
            lp_text = open(lp).read()
            for e in errors:
                bad = check_diagnosis(e, lp_text, tmp)
                if bad:
                    return "FAIL", f"{where}: {bad}"
            return "infeasible", f"{where}: infeasible agreed: {errors[0]}"
        return "FAIL", (f"{where}: exit {r.returncode}: "
                        f"{r.stderr.strip()[:300]}")


def parse_args(argv):
    """[-j JOBS] [-v] [-big | -large | -flat] PYPLAN GEN FIRST COUNT:
    (jobs, verbose, mode, (pyplan, gen, first, count)), paths absolute;
    ValueError when the words are not that."""
    jobs = os.cpu_count() or 1
    verbose = False
    mode = ""
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "-j":
            jobs = int(argv[i + 1])
            i += 2
        elif argv[i] == "-v":
            verbose = True
            i += 1
        elif argv[i] in ("-big", "-large", "-flat", "-replan"):
            mode = argv[i][1:]
            i += 1
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 4:
        raise ValueError("usage")
    return jobs, verbose, mode, (os.path.abspath(args[0]),
                                 os.path.abspath(args[1]), int(args[2]),
                                 int(args[3]))


def main(argv):
    try:
        jobs, verbose, mode, (pyplan, gen, first, count) = \
            parse_args(argv)
    except ValueError:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    counts = {"plan": 0, "infeasible": 0, "FAIL": 0, "skip": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        futs = [ex.submit(run_one, pyplan, gen, s, mode)
                for s in range(first, first + count)]
        for f in futs:
            outcome, msg = f.result()
            counts[outcome] += 1
            if outcome in ("FAIL", "skip"):
                print(outcome.upper() if outcome == "FAIL" else "skip",
                      msg)
            elif verbose:
                print("ok  ", msg)
    print(f"oracle{f' ({mode})' if mode else ''}: {count} instances (seeds {first}..{first + count - 1}): "
          f"{counts['plan']} optimal plans agreed with glpsol, "
          f"{counts['infeasible']} infeasible agreed, "
          f"{counts['FAIL']} failed" +
          (f", {counts['skip']} not checked (glpsol gave up)"
           if counts["skip"] else ""))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
