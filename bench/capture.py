#!/usr/bin/env python3
"""Turns the statements one API request sent, as PostgreSQL logged them, into a pgbench script.

    python3 bench/capture.py <log excerpt> <script.sql> <defines> [<mode>]

The excerpt is what the server log gained while the API answered one request, with
log_min_duration_statement = 0 for the API's connections: one "execute <name>: SQL" line per statement
(continued on the following lines) and a "DETAIL:  parameters: $1 = '...', ..." line. The script gets
the statements in order, $n replaced by pgbench variables :sK_n, and <defines> one "sK_n=value" per
line for `pgbench -D`; with `-M extended` pgbench sends them as parameters of unnamed statements, as
Npgsql does (no Max Auto Prepare). A NULL parameter is written into the SQL as NULL. Only queries
are kept, and SET LOCAL (a search sets enable_seqscan = off in a read transaction: the script then
wraps the statements from it to the end in BEGIN ... ROLLBACK); transaction control, the pool's DISCARD ALL and the background services' polls (writes,
FOR UPDATE SKIP LOCKED) are left out. Prints the number of statements. <mode> gets the pgbench -M mode:
"prepared" when the API ran every kept statement as a named prepared statement ("execute S_1:"; it marks the
ones whose plan does not depend on the values, see CmsSql.Prepared), else "extended".
"""
import re
import sys

log, script_path, defines_path = sys.argv[1:4]
mode_path = sys.argv[4] if len(sys.argv) > 4 else None
lines = open(log, encoding="utf-8", errors="replace").read().split("\n")
prefix = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]* \w+ \[\d+\] ")
entries = []  # (backend pid, text)
for line in lines:
    m = prefix.match(line)
    if m:
        entries.append([re.search(r"\[(\d+)\] $", m.group(0)).group(1), line[m.end():]])
    elif entries:
        entries[-1][1] += "\n" + (line[1:] if line.startswith("\t") else line)

statements = []  # [sql, params]
after_execute = False
# The API borrows a pooled connection per statement, so one request's statements come from several
# backends; only this API's connections log (the capture sets the option on them alone).
for _, e in entries:
    m = re.match(r"LOG:  duration: [\d.]+ ms  execute ([^:]*): (.*)", e, re.S)
    if m:
        statements.append([m.group(2).strip(), {}, m.group(1) != "<unnamed>"])
        after_execute = True
        continue
    # The parameters of an execute follow it; those after a bind line belong to the next execute.
    m = re.match(r"DETAIL:  parameters: (.*)", e, re.S)
    if m and after_execute:
        for pm in re.finditer(r"\$(\d+) = (NULL|'((?:[^']|'')*)')", m.group(1), re.S):
            statements[-1][1][int(pm.group(1))] = None if pm.group(2) == "NULL" else pm.group(3).replace("''", "'")
    after_execute = False

# A read request sends only queries. Transaction control, the pool's reset, and the background
# services' polls, which may run within the window (webhook deliveries, scheduled publishing, the
# outbox: writes, or reads FOR UPDATE SKIP LOCKED), are not the request's.
def is_request_query(sql):
    sql = re.sub(r"^\s*/\*.*?\*/", "", sql, flags=re.S)
    if re.match(r"^\s*SET\s+LOCAL\b", sql, re.I):
        return True
    return re.match(r"^\s*(SELECT|WITH)\b", sql, re.I) and not re.search(r"\bFOR\s+UPDATE\b", sql, re.I) \
        and not re.match(r"^\s*SELECT 1\s*$", sql) and "webhook" not in sql and "outbox_events" not in sql


out, defines, k, named = [], [], 0, []
for sql, params, prepared in statements:
    if not is_request_query(sql):
        continue
    k += 1
    named.append(prepared)
    def sub(m, k=k, params=params):
        n = int(m.group(1))
        if n not in params:
            return m.group(0)
        if params[n] is None:
            return "NULL"
        return f":s{k}_{n}"
    text = re.sub(r"\$(\d+)(?!\d)", sub, sql).rstrip().rstrip(";")
    for n, v in params.items():
        if v is not None:
            if "\n" in v:
                sys.exit(f"capture.py: parameter ${n} of statement {k} spans lines; pgbench -D cannot carry it")
            defines.append(f"s{k}_{n}={v}")
    # pgbench reads a command up to its ';', over several lines.
    out.append(text + ";")

# A search runs its statements in a read transaction that begins with SET LOCAL enable_seqscan = off
# (transaction control is not logged as an execute): the same here, from the SET LOCAL to the end.
first_set = next((i for i, text in enumerate(out) if re.match(r"^\s*SET\s+LOCAL\b", text, re.I)), None)
if first_set is not None:
    out = out[:first_set] + ["BEGIN;"] + out[first_set:] + ["ROLLBACK;"]
open(script_path, "w", encoding="utf-8").write("\n".join(out) + "\n")
open(defines_path, "w", encoding="utf-8").write("\n".join(defines) + ("\n" if defines else ""))
if mode_path:
    open(mode_path, "w", encoding="utf-8").write("prepared\n" if named and all(named) else "extended\n")
print(k)
