#!/usr/bin/env python3
"""Reads traffic.py's answers around a PostgreSQL stop and prints, per route, what players and operators saw.

    outage_report.py ANSWERS.tsv STOPPED_AT RESTARTED_AT      (seconds since the traffic began)

Prints one line per route and phase (before, during, after) with the statuses seen and the slowest answer, then
the seconds from the restart to the route's first 2xx, and exits 1 when a route answered a 5xx other than 503
(or a 503 that does not name the database) or never recovered.
"""
import collections
import sys

path, stopped, restarted = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
phases = collections.defaultdict(lambda: collections.Counter())
slowest = collections.defaultdict(float)
recovered = {}
bad = []
for line in open(path, encoding="utf-8"):
    if not line.strip():
        continue
    at, route, status, took, detail = (line.rstrip("\n").split("\t") + [""])[:5]
    at, status, took = float(at), int(status), float(took)
    phase = "before" if at < stopped else "during" if at < restarted else "after"
    phases[(route, phase)][status] += 1
    slowest[(route, phase)] = max(slowest[(route, phase)], took)
    if status >= 500 and (status != 503 or "database" not in detail):
        bad.append(f"{route} {phase} t={at:.1f}s {status}: {detail}")
    if phase == "after" and 200 <= status < 300 and route not in recovered:
        recovered[route] = at - restarted
routes = sorted({route for route, _ in phases})
for route in routes:
    for phase in ("before", "during", "after"):
        counts = phases.get((route, phase))
        if counts:
            statuses = ", ".join(f"{status}x{count}" for status, count in sorted(counts.items()))
            print(f"  {route:16s} {phase:6s} {statuses:40s} slowest {slowest[(route, phase)]:.0f} ms")
    back = recovered.get(route)
    print(f"  {route:16s} first 2xx {back:.2f} s after the restart" if back is not None else f"  {route:16s} NEVER RECOVERED")
    if back is None:
        bad.append(f"{route} never answered 2xx after the restart")
for line in bad[:20]:
    print("  BAD " + line)
sys.exit(1 if bad else 0)
