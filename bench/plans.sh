#!/usr/bin/env bash
# The query plans of the post lists at 100,000 posts, in one command:
#
#   bench/plans.sh            # (re)creates the database cms_bench_plans, migrates it, generates the data
#   bench/plans.sh --reuse    # keeps cms_bench_plans if it already holds the data set
#   bench/plans.sh --drop     # ...and drops the database at the end
#
# Starts (or reuses) the local PostgreSQL cluster as ./test.sh does (scripts/db.sh), builds Cms.Api and
# runs its `migrate` command, fills the database with bench/data/generate.sql (100,000 posts, fixed
# seed and dates, so every run has the same rows), then runs EXPLAIN (ANALYZE, BUFFERS) on each
# statement in bench/queries/*.sql: the SQL the API sends for the default list, a tag, an author,
# search (ranked and newest first), a deep cursor page and its OFFSET twin, with their counts and the
# split queries for authors and tags. Each statement runs once to warm the cache, then RUNS (5) times
# under EXPLAIN; artifacts/plans/<statement>.txt holds the last plan and all execution times,
# artifacts/plans/summary.txt one line per statement (median and fastest time, indexes, plan shape).
# bench/queries/variants/*.sql are the same statements with other values (a rare word, the biggest tag,
# a generic plan) and proposed rewrites (see docs/performance.md), measured the same way into
# artifacts/plans/variants/; bench/queries/before/*.sql are the statements of the API before the fixes
# of issue #3 point 7 (search without the GIN index, ranking on the body vector, tags and authors
# filtered by slug), kept to compare on the same data and load, into artifacts/plans/before/.
# The plans are those of the real statements: Npgsql sends them unprepared (no Max Auto Prepare), so
# PostgreSQL plans each with its actual parameter values, as it does with these literals.
set -euo pipefail
cd "$(dirname "$0")/.."

reuse=0; drop=0
for arg in "$@"; do
  case "$arg" in
    --reuse) reuse=1 ;;
    --drop) drop=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (use --reuse, --drop)" >&2; exit 2 ;;
  esac
done

source scripts/db.sh
export PGPASSWORD=cms
DB=cms_bench_plans
POSTS=100000
# Fixed, so the literal values in bench/queries (cursor position, ids) match the generated rows.
UNTIL='2026-11-01 00:00:00+00'
OUT=artifacts/plans
RUNS=${RUNS:-5}
psql_db() { "$CMS_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h localhost -p "$CMS_PG_PORT" -U cms "$@"; }

mkdir -p "$OUT"
exists=$(psql_db -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
ready=0
if [ "$reuse" = 1 ] && [ "$exists" = 1 ]; then
  count=$(psql_db -d "$DB" -tAc "SELECT count(*) FROM posts" 2>/dev/null || echo 0)
  [ "$count" = "$POSTS" ] && ready=1
  [ "$ready" = 1 ] && log "reusing $DB ($count posts)" || log "$DB has $count posts, not $POSTS: recreating it"
fi

if [ "$ready" = 0 ]; then
  log "building Cms.Api (Release)"
  dotnet build src/Cms.Api -c Release -v quiet -nologo >/dev/null
  psql_db -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  log "migrating $DB"
  ConnectionStrings__Cms="Host=localhost;Port=$CMS_PG_PORT;Database=$DB;Username=cms;Password=cms" \
    dotnet src/Cms.Api/bin/Release/net10.0/Cms.Api.dll migrate >/dev/null
  log "generating $POSTS posts (bench/data/generate.sql; about 2 minutes on 2 cores)"
  start=$(date +%s%N)
  psql_db -d "$DB" -v posts="$POSTS" -v until="$UNTIL" -f bench/data/generate.sql >"$OUT/generate.log"
  end=$(date +%s%N)
  printf 'generate.sql, %s posts: %s s (%s, %s cores)\n' "$POSTS" "$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }")" \
    "$(date -u +%FT%TZ)" "$(nproc)" | tee "$OUT/generate.txt"
  tail -n 5 "$OUT/generate.log" >>"$OUT/generate.txt"
fi

# The queries were captured against this data set; check that it is the same (the cursor in
# e1_cursor_page200 points just after the 3,980th newest published post).
expected=019fe97b-7a10-788b-b75b-5235d0c64ab4
actual=$(psql_db -d "$DB" -tAc "SELECT id FROM posts WHERE status = 'published' ORDER BY published_at DESC, id DESC OFFSET 3979 LIMIT 1")
if [ "$actual" != "$expected" ]; then
  log "warning: the 3,980th newest post is $actual, not $expected: the data differs from the one the queries were captured on"
fi
tag=$(psql_db -d "$DB" -tAc "SELECT id FROM tags WHERE slug = 'technology'")
if [ "$tag" != 01758151-7280-7836-acff-26a4f381867d ]; then
  log "warning: the tag technology has the id $tag, not the one in bench/queries/variants"
fi

log "EXPLAIN (ANALYZE, BUFFERS) for bench/queries/*.sql -> $OUT/"
server=$(psql_db -d "$DB" -tAc "SELECT version()")
{
  echo "Query plans at $POSTS posts ($(date -u +%FT%TZ), $(nproc) cores, $server)"
  echo "explain: EXPLAIN (ANALYZE, BUFFERS) execution time, median and fastest of $RUNS warm runs (after one"
  echo "warm-up run); plain: the statement alone, psql \\timing with the round trip, median of $RUNS runs (ms)."
  echo "pages: shared buffers the statement touched (hit + read; does not depend on the machine's load);"
  echo "indexes: every index the plan reads (seq: a sequential scan, bitmap: a bitmap index scan)"
  echo
  printf '%-50s %9s %9s %9s %8s  %-62s %s\n' statement explain fastest plain pages indexes "plan (top nodes)"
} >"$OUT/summary.txt"

mkdir -p "$OUT/variants" "$OUT/before"
for file in bench/queries/*.sql bench/queries/variants/*.sql bench/queries/before/*.sql; do
  name=$(basename "$file" .sql)
  case "$file" in */variants/*) name="variants/$name" ;; */before/*) name="before/$name" ;; esac
  # A statement may start with SET lines (the search statements run with enable_seqscan = off) and a
  # one-line PREPARE (the generic-plan variants): they run before the statement, in the same session.
  settings=$(grep '^SET \|^PREPARE ' "$file" | paste -sd' ' - || true)
  sql=$(grep -v '^--\|^SET \|^PREPARE ' "$file")
  psql_db -d "$DB" -o /dev/null -c "$settings $sql"   # warm-up
  times=()
  for _ in $(seq "$RUNS"); do
    plan=$(psql_db -d "$DB" -tA -c "$settings EXPLAIN (ANALYZE, BUFFERS) $sql")
    times+=("$(printf '%s\n' "$plan" | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
  fastest=$(printf '%s\n' "${times[@]}" | sort -g | head -n 1)
  # The same statement without EXPLAIN: ANALYZE's per-row timing inflates plans that touch many rows.
  plain=$( (echo "$settings"; echo '\timing on'; for _ in $(seq "$RUNS"); do printf '%s\n' "$sql"; done) \
    | psql_db -d "$DB" -o /dev/null | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
  {
    head -n 1 "$file"
    echo "-- EXPLAIN ANALYZE execution times of $RUNS runs (ms): ${times[*]}; median $median, fastest $fastest"
    echo "-- the statement alone (psql \\timing, round trip included), median of $RUNS runs: $plain ms"
    echo
    [ -n "$settings" ] && echo "$settings"
    echo "$sql"
    echo
    printf '%s\n' "$plan"
  } >"$OUT/$name.txt"
  indexes=$(printf '%s\n' "$plan" | grep -o 'using [a-z0-9_]* on\|Seq Scan on [a-z_]*\|Bitmap Index Scan on [a-z0-9_]*' \
    | sed 's/^using \(.*\) on$/\1/; s/^Seq Scan on /seq:/; s/^Bitmap Index Scan on /bitmap:/' | awk '!seen[$0]++' | paste -sd, - || true)
  # Pages the statement touched (shared hit + read of the top node): unlike times, this does not vary
  # with the load on the machine.
  pages=$(printf '%s\n' "$plan" | awk '/^ *Buffers: shared/ && !done {
    for (i = 1; i <= NF; i++) if ($i ~ /^(hit|read)=/) { split($i, kv, "="); sum += kv[2] }; done = 1 } END { print sum + 0 }')
  top=$(printf '%s\n' "$plan" | grep 'cost=' | sed 's/ *(cost=.*//; s/^ *-> *//; s/^ *//' | head -n 4 | paste -sd'|' - | sed 's/|/ > /g' || true)
  printf '%-50s %9s %9s %9s %8s  %-62s %s\n' "$name" "$median" "$fastest" "$plain" "$pages" "$indexes" "$top" >>"$OUT/summary.txt"
done

cat "$OUT/summary.txt"
if [ "$drop" = 1 ]; then
  psql_db -d postgres -c "DROP DATABASE $DB"
  log "dropped $DB"
fi
