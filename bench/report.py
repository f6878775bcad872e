#!/usr/bin/env python3
"""The markdown table of bench/run.sh from its raw figures (one line per run, tab-separated:
case, cache, connections, run, kind (api | sql | nginx | minimal; case rss: peak memory), req/s or tps or MiB, p50 ms, p99 ms,
errors): the median of the runs of each case, and API / raw SQL for the reads (API / nginx for M1),
and API / minimal endpoint when bench/minimal ran."""
import statistics
import sys
from collections import defaultdict

ORDER = ["Q1", "Q2", "Q3", "Q4", "Q5o", "Q5c", "W1", "W2", "M1"]
NAMES = {"Q1": "Q1 newest 20", "Q2": "Q2 by tag", "Q3": "Q3 by slug, html", "Q4": "Q4 search", "Q5o": "Q5 page 200, offset",
         "Q5c": "Q5 page 200, cursor", "W1": "W1 create", "W2": "W2 update, If-Match", "M1": "M1 /media 200 KB"}
runs = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) != 9:
        continue
    case, cache, conns, _, kind = f[:5]
    runs[(case, cache, conns, kind)].append([float(x) for x in f[5:9]])


def median(key, col):
    values = [r[col] for r in runs.get(key, [])]
    return statistics.median(values) if values else None


def fmt(v, digits=0):
    return "" if v is None else f"{v:,.{digits}f}"


minimal = any(k[3] == "minimal" and k[0] != "rss" for k in runs)
head = "| case | output cache | conns | API req/s | p50 ms | p99 ms | errors | raw SQL tps | API / SQL |"
rule = "|---|---|---:|---:|---:|---:|---:|---:|---:|"
if minimal:
    head += " minimal req/s | minimal p99 ms | API / minimal |"
    rule += "---:|---:|---:|"
print(head)
print(rule)
keys = sorted({k for k in runs if k[3] == "api" and k[0] != "rss"},
              key=lambda k: (ORDER.index(k[0]) if k[0] in ORDER else 99, k[1], int(k[2])))
for case, cache, conns, _ in keys:
    api = median((case, cache, conns, "api"), 0)
    errors = sum(r[3] for r in runs[(case, cache, conns, "api")])
    limit = median((case, "-", conns, "sql"), 0) if case != "M1" else median((case, cache, conns, "nginx"), 0)
    ratio = f"{api / limit:.2f}" if api is not None and limit else ""
    if case == "M1" and limit:
        ratio += " (of nginx)"
    print(f"| {NAMES.get(case, case)} | {cache} | {conns} | {fmt(api)} | {fmt(median((case, cache, conns, 'api'), 1), 2)} | "
          f"{fmt(median((case, cache, conns, 'api'), 2), 2)} | {int(errors)} | {fmt(limit)} | {ratio} |", end="")
    if minimal:
        bar = median((case, "-", conns, "minimal"), 0)
        print(f" {fmt(bar)} | {fmt(median((case, '-', conns, 'minimal'), 2), 2)} | {f'{api / bar:.2f}' if api is not None and bar else ''} |", end="")
    print()
print()
for (case, cache, _, kind), values in sorted(runs.items()):
    if case == "rss" and kind == "api":
        print(f"- API peak memory (VmHWM) with the output cache {cache}: {values[0][0]:.0f} MiB")
    elif case == "rss":
        print(f"- minimal endpoint peak memory (VmHWM): {values[0][0]:.0f} MiB")
