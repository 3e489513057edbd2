#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""The team oracle: `pyplan team` against glpsol on random small teams.

For each seed, tests/gen/gen writes a programme and a profile; this script
makes a team of two or three members on it (the generated profile as a
profile file, the others with random interests, caps and booth = yes or
no), a booth over random hours of the first day (staff 1 or 2, shifts of
30 or 60 minutes, a cap and a spread) and a cover list (random topics and
weight); pyplan plans it with --emit-lp; then
  - a plan (exit 0): glpsol must find the same optimum on the emitted
    LP, and the independent checker (tests/cli/check_team.py) must find
    the team plan valid;
  - no plan (exit 1): either pyplan named a booth shift with too few
    members or a member's own clash before solving, or glpsol must find
    the emitted LP infeasible.
Any other outcome is a failure.  Prints one line per failure and a
summary (how many of each outcome); exits 1 if anything failed.

usage: run_team.py [-j JOBS] [-v] PYPLAN GEN FIRST_SEED COUNT
"""
import concurrent.futures
import csv as csvmod
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import check_team  # noqa: E402  (the independent checker)
from run import glpsol, parse_args  # noqa: E402

TOPICS = ["testing", "packaging", "security", "python 3", "django",
          "performance", "async", "machine learning", "databases", "web"]


def team_file(seed, csv, ini):
    """The team file for seed over the programme csv (gen's profile ini)."""
    rnd = random.Random(seed)
    rows = list(csvmod.DictReader(open(csv, newline="")))
    first = min(r["date"] for r in rows)
    starts = sorted(r["start"] for r in rows if r["date"] == first)
    h0 = int(starts[0][:2]) if starts else 10
    h0 = min(max(h0, 8), 15)
    span = rnd.choice([2, 3, 4])
    shift = rnd.choice([30, 60])
    staff = rnd.choice([1, 1, 2])
    n = rnd.choice([2, 3])
    out = [f"; team oracle instance, seed {seed}", "[team]",
           f"name = Oracle {seed}", "timezone = America/New_York",
           f"min-networking-minutes = {rnd.choice([0, 30, 60])}"]
    names = ["Ann", "Bo", "Cy"][:n]
    for i, name in enumerate(names):
        out.append(f"[member {name}]")
        if i == 0:
            out.append(f"profile = {os.path.basename(ini)}")
        else:
            tops = rnd.sample(TOPICS, 3)
            out.append("interests = " + ", ".join(
                f"{t}={rnd.choice([1, 2, 3])}" for t in tops))
            out.append(f"max-talks-per-day = {rnd.choice([2, 3, 4])}")
        # At least staff members can staff the booth.
        if i >= staff and rnd.random() < 0.3:
            out.append("booth = no")
    total = span * 60 * staff
    out += ["[booth]",
            f"hours = {first} {h0:02d}:00-{h0 + span:02d}:00",
            f"staff = {staff}", f"shift-minutes = {shift}",
            f"max-minutes-per-member = {total}",
            f"max-spread = {rnd.choice([shift, 2 * shift])}",
            "[cover]",
            "topics = " + ", ".join(rnd.sample(TOPICS, 2)),
            f"weight = {rnd.choice([1, 2, 5])}"]
    return "\n".join(out) + "\n"


def run_one(pyplan, gen, seed):
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "p.csv")
        ini = os.path.join(tmp, "a.ini")
        team = os.path.join(tmp, "team.ini")
        lp = os.path.join(tmp, "team.lp")
        subprocess.run([gen, "-s", str(seed), "-d", str(1 + seed % 2),
                        "-r", str(1 + seed % 4), "-n",
                        str(10 + (seed * 7) % 30), "-o", csv, "-p", ini],
                       check=True)
        with open(team, "w") as fp:
            fp.write(team_file(seed, csv, ini))
        env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
        r = subprocess.run([pyplan, "team", team, csv, "-f", "json",
                            "--emit-lp", lp, "--time-limit", "60",
                            "--gap", "0"],
                           capture_output=True, text=True, env=env,
                           timeout=600)
        if r.returncode == 0:
            plan = json.loads(r.stdout)
            status, obj = glpsol(lp, tmp)
            ours = round(plan["score"] * 1000)
            if status != "optimal" or obj != ours:
                return f"seed {seed}: pyplan {ours}, glpsol {status} {obj}"
            if not plan["optimal"]:
                return f"seed {seed}: not proven optimal"
            errs = check_team.check(plan)
            if errs:
                return f"seed {seed}: checker: " + "; ".join(errs[:5])
            return "plan"
        if r.returncode == 1:
            if "booth shift" in r.stderr or "in the plan of member" in \
                    r.stderr or "together:" in r.stderr:
                return "refused"
            if not os.path.exists(lp):
                return f"seed {seed}: exit 1 without an LP: {r.stderr}"
            status, obj = glpsol(lp, tmp)
            if status != "infeasible":
                return (f"seed {seed}: pyplan says no plan, glpsol "
                        f"{status} {obj}: {r.stderr.strip()}")
            return "infeasible"
        return f"seed {seed}: exit {r.returncode}: {r.stderr.strip()}"


def main(argv):
    try:
        jobs, verbose, _, (pyplan, gen, first, count) = parse_args(argv)
    except ValueError:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 64
    fails = 0
    kinds = {"plan": 0, "infeasible": 0, "refused": 0}
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        futs = {ex.submit(run_one, pyplan, gen, s): s
                for s in range(first, first + count)}
        for f in concurrent.futures.as_completed(futs):
            res = f.result()
            if res in kinds:
                kinds[res] += 1
                if verbose:
                    print(f"seed {futs[f]}: {res}")
            else:
                fails += 1
                print(res)
    print(f"team oracle: {count - fails} passed ({kinds['plan']} plans "
          f"equal to glpsol's, {kinds['infeasible']} infeasible as glpsol "
          f"says, {kinds['refused']} refused before solving), {fails} "
          f"failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
