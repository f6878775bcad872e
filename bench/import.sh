#!/usr/bin/env bash
# Import of generated Jekyll posts through the command line (`Cms.Api import <folder>`), as a large
# site would be moved in.
#
#   bench/import.sh           # needs: the .NET SDK, python3, PostgreSQL (psql for the clean-up)
#
# CMS_BENCH_CONNECTION  PostgreSQL for a throw-away database (default: the test cluster on 55432); psql
#                       creates and drops it on the same port
# POSTS                 how many posts (default 10000): bodies of 2–10 KB, 50 authors, 200 tags
#
# The database is created by the command's own migration run and dropped at the end. The timing is
# the command's own (reading, parsing, writing; not the process start), printed in its summary; the
# peak memory (max RSS) comes from /usr/bin/time when it is installed (the command runs itself again as a
# child process without dynamic PGO, src/Cms.Api/Commands/BatchRuntime.cs: the CPU and RSS are the child's too). A second run over the same
# folder measures the idempotent path, where every post is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTION=${CMS_BENCH_CONNECTION:-"Host=localhost;Port=55432;Username=cms;Password=cms"}
POSTS=${POSTS:-10000}
# psql (database creation and clean-up) talks to the port of the same connection string.
PORT=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$CONNECTION")
PORT=${PORT:-5432}
DB="cms_bench_import_$$"
WORK=$(mktemp -d)

cleanup() {
  if command -v psql >/dev/null; then
    PGPASSWORD=cms psql -h localhost -p "$PORT" -U cms -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

python3 - "$WORK/site" "$POSTS" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
random.seed(5)
os.makedirs(f"{root}/_posts")
words = "garden winter frost garlic bean onion soil spade compost leaf root seed rain sun bed path".split()
authors = [f"Author {i}" for i in range(50)]
tags = [f"tag {i}" for i in range(200)]
for i in range(count):
    size = random.randint(2000, 10000)
    paragraphs, length = [], 0
    while length < size:
        p = " ".join(random.choice(words) for _ in range(60)) + "."
        paragraphs.append(p)
        length += len(p) + 2
    day = f"20{10 + i % 16:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    with open(f"{root}/_posts/{day}-post-{i}.md", "w") as f:
        f.write(f"---\nlayout: post\ntitle: \"Post {i}: {random.choice(words)}\"\ndate: {day} 10:{i % 60:02d}:00 +0100\n"
                f"authors: [{random.choice(authors)}]\ncategories: [Cat {i % 10}]\n"
                f"tags: [{', '.join(random.sample(tags, 3))}]\ncomments: true\n---\n" + "\n\n".join(paragraphs) + "\n")
PY
echo "== $POSTS posts, $(du -sh "$WORK/site" | cut -f1) on disk"

dotnet build -c Release src/Cms.Api -v q -nologo >/dev/null
# CPU seconds of the PostgreSQL server's finished backends (the postmaster's reaped children), when
# it runs on this machine: with the command's own CPU time it tells what a busy, shared machine hides.
pg_cpu() {
  local child parent
  child=$(PGPASSWORD=cms psql -h localhost -p "$PORT" -U cms -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'" 2>/dev/null) || return 0
  parent=$(awk '{print $4}' "/proc/$child/stat" 2>/dev/null) || return 0
  awk '{print $16 + $17}' "/proc/$parent/stat" 2>/dev/null || true
}
run() {
  local timer=()
  [[ -x /usr/bin/time ]] && timer=(/usr/bin/time -f "command: %e s wall, %U s user + %S s sys CPU, max RSS %M KB")
  local before; before=$(pg_cpu)
  ConnectionStrings__Cms="$CONNECTION;Database=$DB" \
  Cms__Images__Root="$WORK/images" \
  ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
    "${timer[@]}" dotnet src/Cms.Api/bin/Release/net10.0/Cms.Api.dll import "$WORK/site" | grep -v "post files$"
  sleep 1
  [[ -n "$before" ]] && awk -v a="$before" -v b="$(pg_cpu)" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "PostgreSQL: %.1f s CPU (its finished backends)\n", (b - a) / hz }'
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
}
PGPASSWORD=cms psql -h localhost -p "$PORT" -U cms -d postgres -qc "CREATE DATABASE $DB" >/dev/null
echo "== first import (every post created)"
run
echo "== second import (every post unchanged)"
run
