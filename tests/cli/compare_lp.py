#!/usr/bin/python3
# SPDX-License-Identifier: ISC
"""Compares pyplan's JSON plan score with glpsol's optimum of the emitted
LP (scores in the LP are in thousandths of a point)."""
import json
import re
import sys

plan = json.load(open(sys.argv[1]))
sol = open(sys.argv[2]).read()
if "INTEGER OPTIMAL" not in sol:
    print("glpsol found no optimum")
    sys.exit(1)
m = re.search(r"Objective:\s+obj = (-?[0-9.e+]+)", sol)
glp = round(float(m.group(1)))
ours = round(plan["score"] * 1000)
print(f"pyplan {ours} glpsol {glp} {'equal' if ours == glp else 'DIFFER'}")
sys.exit(0 if ours == glp else 1)
