#!/usr/bin/env bash
# The API benchmark of docs/performance.md, in one command, on a fresh machine:
#
#   bench/run.sh                       # 100,000 posts, 15 s a case, 16 and 64 connections, 3 runs
#   POSTS=10000 DURATION=5 bench/run.sh
#
# 1. Generates a deterministic Jekyll site (bench/data/jekyll.py: the distributions of generate.sql)
#    and loads it into a throw-away database with the import command (`Cms.Api import <folder>`).
# 2. Starts the API from the Release build with production settings (ASPNETCORE_ENVIRONMENT=Production,
#    its own port, database and image folder, a bootstrap admin key, rate limits on but out of reach)
#    and drives it with wrk, after a warm-up, for every case at every connection count:
#      Q1  newest 20 published posts with authors and tags, no body     GET /api/v1/posts
#      Q2  Q1 filtered by a mid-popularity tag (rank 25, "kubernetes")   GET /api/v1/posts?tag=kubernetes
#      Q3  one post by slug, with its html                               GET /api/v1/posts/slug/{slug}
#      Q4  full-text search for a common word, 20 results                GET /api/v1/posts?q=government
#      Q5o page 200 of Q1 by offset                                      GET /api/v1/posts?page=200
#      Q5c the same depth by cursor (199 pages walked before the run)    GET /api/v1/posts?cursor=...
#      W1  create a post                                                 POST /api/v1/posts
#      W2  update it with If-Match (each connection keeps its ETags)     PUT /api/v1/posts/{id}
#      (W1 and W2 write drafts under their own tag: the reads that run after them, with the cache on,
#      pgbench and the minimal endpoint, must see the same published posts as the first ones.)
#      M1  /media for a 200 KB image, next to nginx serving the same file
#    Every read runs with the output cache off and on (Cms__OutputCache__Enabled), each in its own
#    API process; the API's peak memory (VmHWM) is read after each.
# 3. The limit: each read case also runs as the SQL that its handler sent, straight against
#    PostgreSQL with pgbench (same concurrency, -j 2, same duration). The statements are captured from
#    the server log of one request per case (log_min_duration_statement = 0 on the capturing API's
#    connections only), so the scripts follow the code. Each read is reported as API / raw SQL.
# 4. The same statements behind a minimal Kestrel + Npgsql endpoint (bench/minimal, not in Cms.sln),
#    the bar of PERFORMANCE.md's "≥ 0.8 × the minimal endpoint": API / minimal, and its p99.
#
# Prints a markdown table (medians of RUNS runs) and saves it, with the raw figures, under
# bench/results/. Exits 1 when any case had errors or non-2xx responses, or pgbench failed: the
# smoke run of ../test.sh relies on that.
#
# POSTS (100000)  DURATION (15, seconds)  WARMUP (5, seconds a read; every read WARMUP_ROUNDS (3) times per API process, then once more before its case)
#  CONNECTIONS ("16 64")  RUNS (3)
# CACHE ("off on")  CASES (all: "Q1 Q2 Q3 Q4 Q5o Q5c W1 W2 M1")  CMS_PG_PORT (55432, scripts/db.sh)
# BUILD (1; 0 uses the Release builds already there)  API_PORT, NGINX_PORT, MINIMAL_PORT (free ones)
# TIMEOUT (10 s: wrk's own 2 s would turn the slow tail of a busy machine into "errors")
# MINIMAL (1: the reads also run against bench/minimal, Kestrel + Npgsql sending the captured SQL)
# Needs wrk, nginx, pgbench, python3, curl, jq; installs the missing ones from the OS packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

POSTS=${POSTS:-100000}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"16 64"}
RUNS=${RUNS:-3}
CACHE=${CACHE:-"off on"}
CASES=${CASES:-"Q1 Q2 Q3 Q4 Q5o Q5c W1 W2 M1"}
BUILD=${BUILD:-1}
MINIMAL=${MINIMAL:-1}
TIMEOUT=${TIMEOUT:-10}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
API_PORT=${API_PORT:-$(free_port)}
NGINX_PORT=${NGINX_PORT:-$(free_port)}
MINIMAL_PORT=${MINIMAL_PORT:-$(free_port)}
TAG=kubernetes
WORD=government
DEPTH=200

log() { printf '\033[1;35m[bench]\033[0m %s\n' "$*" >&2; }
has_case() { [[ " $CASES " == *" $1 "* ]]; }

# Tools from the OS packages, as scripts/db.sh installs PostgreSQL.
missing=()
for tool in wrk nginx python3 curl jq; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if ((${#missing[@]})); then
  log "installing ${missing[*]} from the OS packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
source scripts/db.sh
set +u
PGBENCH="$CMS_PG_BIN/pgbench"
if [ ! -x "$PGBENCH" ] && ! command -v pgbench >/dev/null 2>&1; then
  log "installing pgbench (postgresql-contrib) from the OS packages"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null
fi
[ -x "$PGBENCH" ] || PGBENCH=$(command -v pgbench)
PSQL="$CMS_PG_BIN/psql"
export PGPASSWORD=cms
PG_LOG="$ROOT/.data/pg/server.log"

STAMP=$(date -u +%Y%m%d-%H%M%S)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
DB="cms_bench_run_$$"
WORK=$(mktemp -d)
chmod 755 "$WORK"
OUT="$ROOT/bench/results"
mkdir -p "$OUT" "$WORK/images" "$WORK/static/media" "$WORK/pgbench"
RAW="$WORK/raw.tsv"; : >"$RAW"
KEY="cms_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
CONNECTION="Host=localhost;Port=$CMS_PG_PORT;Database=$DB;Username=cms;Password=cms"
# The session setting the API adds to its connections (src/Cms.Infrastructure/DependencyInjection.cs,
# ParallelWorkersSetting): pgbench and the minimal endpoint run the captured SQL in the same kind of session.
API_SESSION="-c max_parallel_workers_per_gather=0"
URL="http://127.0.0.1:$API_PORT"
API_PID=""; NGINX_PID=""; MINIMAL_PID=""
failures=()

stop_api() {
  if [[ -n $API_PID ]]; then kill "$API_PID" 2>/dev/null || true; wait "$API_PID" 2>/dev/null || true; API_PID=""; fi
}
cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -s "$WORK/api.log" ]; then log "exit $status; the end of the API's log:"; tail -n 40 "$WORK/api.log" >&2; fi
  stop_api
  if [[ -n $NGINX_PID ]]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  if [[ -n $MINIMAL_PID ]]; then kill "$MINIMAL_PID" 2>/dev/null || true; wait "$MINIMAL_PID" 2>/dev/null || true; fi
  "$PSQL" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "$BUILD" = 1 ]; then
  log "building the Release output"
  dotnet build -c Release src/Cms.Api -v q -nologo >/dev/null
fi
if [ "$MINIMAL" = 1 ] && { [ "$BUILD" = 1 ] || [ ! -f bench/minimal/bin/Release/net10.0/Minimal.dll ]; }; then
  log "building bench/minimal"
  dotnet build -c Release bench/minimal -v q -nologo >/dev/null
fi
DLL="$ROOT/src/Cms.Api/bin/Release/net10.0/Cms.Api.dll"

# 1. The data set, through the import command.
log "generating $POSTS Jekyll posts"
python3 bench/data/jekyll.py "$WORK/site" "$POSTS"
"$PSQL" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -qc "CREATE DATABASE $DB" >/dev/null
log "importing them ($(du -sh "$WORK/site" | cut -f1))"
import_start=$(date +%s.%N)
ConnectionStrings__Cms="$CONNECTION" Cms__Images__Root="$WORK/images" ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
  dotnet "$DLL" import "$WORK/site" 2>&1 | grep -v -e "post files$" -e '"Failed executing DbCommand' | tee "$WORK/import.txt" >&2
import_seconds=$(echo "$(date +%s.%N) - $import_start" | bc -l)
"$PSQL" -h localhost -p "$CMS_PG_PORT" -U cms -d "$DB" -qc "VACUUM ANALYZE" >/dev/null

# 2. The API. $1: off|on (output cache), $2: extra connection-string options (the capture's logging).
start_api() {
  local attempt
  for attempt in 1 2 3; do
    ConnectionStrings__Cms="$CONNECTION$2" \
    Cms__Auth__BootstrapAdminKey="$KEY" \
    Cms__Images__Root="$WORK/images" \
    Cms__OutputCache__Enabled=$([ "$1" = on ] && echo true || echo false) \
    Cms__RateLimits__ReadsPerMinute=100000000 Cms__RateLimits__WritesPerMinute=100000000 \
    ASPNETCORE_URLS="$URL" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
      dotnet "$DLL" >>"$WORK/api.log" 2>&1 &
    API_PID=$!
    for _ in $(seq 1 120); do
      curl -fs "$URL/health/ready" >/dev/null 2>&1 && return 0
      kill -0 "$API_PID" 2>/dev/null || break
      sleep 0.5
    done
    tail -n 30 "$WORK/api.log" >&2
    stop_api
    log "the API did not start (attempt $attempt)"
  done
  exit 1
}
peak_rss_mib() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$API_PID/status"; }
get() { curl -fsS "$URL$1"; }

# The first API process logs every statement (on its own connections only) for the capture below.
start_api off ";Options=-c log_min_duration_statement=0"
published=$(get "/api/v1/posts?pageSize=1&fields=id" | jq .pagination.total)
page=$(( (published + 19) / 20 )); ((page > DEPTH)) && page=$DEPTH
SLUG=$(get "/api/v1/posts?page=3&pageSize=1&fields=slug" | jq -r '.items[0].slug')
AUTHOR=$(get "/api/v1/authors?pageSize=1" | jq -r '.items[0].slug')
# The cursor of page $page: walk the pages before it, as a reader would.
CURSOR=""
for _ in $(seq 2 "$page"); do
  CURSOR=$(get "/api/v1/posts?pageSize=20${CURSOR:+&cursor=$CURSOR}" | jq -r '.pagination.nextCursor | @uri')
done
declare -A PATHS=(
  [Q1]="/api/v1/posts?pageSize=20"
  [Q2]="/api/v1/posts?pageSize=20&tag=$TAG"
  [Q3]="/api/v1/posts/slug/$SLUG"
  [Q4]="/api/v1/posts?pageSize=20&q=$WORD"
  [Q5o]="/api/v1/posts?pageSize=20&page=$page"
  [Q5c]="/api/v1/posts?pageSize=20&cursor=$CURSOR"
)
READS=(); for c in Q1 Q2 Q3 Q4 Q5o Q5c; do has_case "$c" && READS+=("$c"); done
for c in "${READS[@]}"; do
  code=$(curl -s -o "$WORK/$c.json" -w '%{http_code}' "$URL${PATHS[$c]}")
  [ "$code" = 200 ] || { log "$c: ${PATHS[$c]} answered $code: $(head -c 300 "$WORK/$c.json")"; exit 1; }
done
log "$published published posts; Q2 tag $TAG: $(jq .pagination.total "$WORK/Q2.json" 2>/dev/null || echo -) posts; Q4 '$WORD': $(jq .pagination.total "$WORK/Q4.json" 2>/dev/null || echo -) hits; Q5 page $page"

# 3. The SQL of each read, captured from the server log: one request per case, each case requested
# once already above (so the connections are open and their setup logged before).
if ((${#READS[@]})); then
  sleep 0.5
  for c in "${READS[@]}"; do
    offset=$(stat -c %s "$PG_LOG")
    get "${PATHS[$c]}" >/dev/null
    sleep 0.5
    tail -c +"$((offset + 1))" "$PG_LOG" >"$WORK/pgbench/$c.log"
    n=$(python3 bench/capture.py "$WORK/pgbench/$c.log" "$WORK/pgbench/$c.sql" "$WORK/pgbench/$c.defines" "$WORK/pgbench/$c.mode")
    ((n > 0)) || { log "$c: no statement captured from $PG_LOG"; exit 1; }
    log "$c: $n statements captured for pgbench ($(cat "$WORK/pgbench/$c.mode"))"
  done
fi
stop_api

# wrk's output -> "req/s p50_ms p99_ms errors" (socket errors + non-2xx/3xx responses).
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    END { printf "%s %.2f %.2f %d\n", rps, p50, p99, errors }' "$1"
}
# $1 case, $2 cache, $3 connections, $4 run, then the wrk arguments. KIND (api) names the server.
run_wrk() {
  local c=$1 cache=$2 conns=$3 run=$4 kind=${KIND:-api}; shift 4
  local out="$WORK/wrk-$kind-$c-$cache-$conns-$run.txt"
  wrk -t2 -c"$conns" -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency "$@" >"$out" 2>&1 || true
  read -r rps p50 p99 errors < <(parse_wrk "$out")
  [ -n "$rps" ] || { rps=0; errors=-1; }
  [ -n "$errors" ] || errors=-1
  if ! kill -0 "${TARGET_PID:-$API_PID}" 2>/dev/null; then log "the $kind process has exited"; exit 1; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$cache" "$conns" "$run" "$kind" "$rps" "$p50" "$p99" "$errors" >>"$RAW"
  log "$kind $c cache=$cache c=$conns run $run: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
  if [ "$errors" != 0 ]; then failures+=("$kind $c cache=$cache c=$conns run $run: $errors errors/non-2xx"); sed -n '1,20p' "$out" >&2; fi
}

for cache in $CACHE; do
  start_api "$cache" ""
  # Every read WARMUP_ROUNDS times before any is measured. A fresh process needs 20-40 s of load before
  # the JIT has tiered up the code the reads share: Q1 alone, 10 s at a time, went 416 -> 706 -> 1,266 ->
  # 1,293 req/s (docs/performance.md, "Warm-up"); a server in production has long been past that.
  for _ in $(seq 1 "$WARMUP_ROUNDS"); do
    for c in "${READS[@]}"; do wrk -t2 -c16 -d"${WARMUP}s" "$URL${PATHS[$c]}" >/dev/null; done
  done
  for c in "${READS[@]}"; do
    wrk -t2 -c16 -d"${WARMUP}s" "$URL${PATHS[$c]}" >/dev/null
    for conns in $CONNECTIONS; do
      for run in $(seq 1 "$RUNS"); do run_wrk "$c" "$cache" "$conns" "$run" "$URL${PATHS[$c]}"; done
    done
  done
  if [ "$cache" = "${CACHE%% *}" ]; then  # writes and media once, in the first API process
    if has_case W1; then
      wrk -t2 -c4 -d"${WARMUP}s" -s bench/wrk/create.lua "$URL" -- "$KEY" "$AUTHOR" "warm" >/dev/null
      for conns in $CONNECTIONS; do
        for run in $(seq 1 "$RUNS"); do run_wrk W1 "$cache" "$conns" "$run" -s bench/wrk/create.lua "$URL" -- "$KEY" "$AUTHOR" "c$conns-r$run"; done
      done
    fi
    if has_case W2; then
      for conns in $CONNECTIONS; do
        # Two posts per connection, created here; their ids and ETags go to the wrk script.
        : >"$WORK/w2-$conns.txt"
        for i in $(seq 1 $((2 * conns))); do
          curl -fsS -D "$WORK/h.txt" -o "$WORK/b.json" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \
            -d "{\"title\":\"Bench W2 $conns $i\",\"status\":\"draft\",\"body\":\"x\",\"authors\":[\"$AUTHOR\"],\"tags\":[\"Bench Writes\"]}" "$URL/api/v1/posts"
          printf '%s %s\n' "$(jq -r .id "$WORK/b.json")" "$(tr -d '\r' <"$WORK/h.txt" | awk 'tolower($1) == "etag:" { sub(/^[^:]*: */, ""); print }')" >>"$WORK/w2-$conns.txt"
        done
        wrk -t2 -c"$conns" -d"${WARMUP}s" -s bench/wrk/update.lua "$URL" -- "$KEY" "$WORK/w2-$conns.txt" 2 "$AUTHOR" >/dev/null
        # The warm-up moved the versions on: read them again.
        while read -r id _; do
          printf '%s %s\n' "$id" "$(curl -fsS -D - -o /dev/null "$URL/api/v1/posts/$id" -H "Authorization: Bearer $KEY" | tr -d '\r' | awk 'tolower($1) == "etag:" { sub(/^[^:]*: */, ""); print }')"
        done <"$WORK/w2-$conns.txt" >"$WORK/w2-$conns.now" && mv "$WORK/w2-$conns.now" "$WORK/w2-$conns.txt"
        for run in $(seq 1 "$RUNS"); do
          run_wrk W2 "$cache" "$conns" "$run" -s bench/wrk/update.lua "$URL" -- "$KEY" "$WORK/w2-$conns.txt" 2 "$AUTHOR"
          while read -r id _; do
            printf '%s %s\n' "$id" "$(curl -fsS -D - -o /dev/null "$URL/api/v1/posts/$id" -H "Authorization: Bearer $KEY" | tr -d '\r' | awk 'tolower($1) == "etag:" { sub(/^[^:]*: */, ""); print }')"
          done <"$WORK/w2-$conns.txt" >"$WORK/w2-$conns.now" && mv "$WORK/w2-$conns.now" "$WORK/w2-$conns.txt"
        done
      done
    fi
    if has_case W1 || has_case W2; then
      # The writes' drafts go again, straight in SQL: tens of thousands of them (W1 creates ~500 a second) all
      # contain Q4's word, and the search's GIN index returns drafts too before the status filter drops them,
      # so pgbench and the minimal endpoint, which run later, would search a bigger table than the API did.
      "$PSQL" -h localhost -p "$CMS_PG_PORT" -U cms -d "$DB" -q >/dev/null <<'SQL'
DELETE FROM posts p USING post_tags pt JOIN tags t ON t.id = pt.tag_id
WHERE pt.post_id = p.id AND t.slug = 'bench-writes' AND p.status = 'draft';
SQL
      "$PSQL" -h localhost -p "$CMS_PG_PORT" -U cms -d "$DB" -qc "VACUUM ANALYZE" >/dev/null
    fi
    if has_case M1; then
      # A PNG signature and IHDR (2000 × 1500), then random bytes: 200 KB, as bench/media.sh makes them.
      { printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x07\xd0\x00\x00\x05\xdc\x08\x06\x00\x00\x00\x00\x00\x00\x00'; head -c $((200000 - 33)) /dev/urandom; } >"$WORK/m1.png"
      MEDIA=$(curl -fsS -H "Authorization: Bearer $KEY" -F "file=@$WORK/m1.png" "$URL/api/v1/images" | jq -r .url)
      cp "$WORK/m1.png" "$WORK/static$MEDIA"; chmod -R a+rX "$WORK/static"
      cat >"$WORK/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { image/png png; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    etag on;
    add_header Cache-Control "public, max-age=31536000, immutable";
  }
}
CONF
      nginx -c "$WORK/nginx.conf" -p "$WORK" &
      NGINX_PID=$!
      sleep 1
      wrk -t2 -c16 -d"${WARMUP}s" "$URL$MEDIA" >/dev/null
      for conns in $CONNECTIONS; do
        for run in $(seq 1 "$RUNS"); do
          run_wrk M1 "$cache" "$conns" "$run" "$URL$MEDIA"
          out="$WORK/nginx-$conns-$run.txt"
          wrk -t2 -c"$conns" -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency "http://127.0.0.1:$NGINX_PORT$MEDIA" >"$out" 2>&1 || true
          read -r rps p50 p99 errors < <(parse_wrk "$out")
          printf 'M1\t%s\t%s\t%s\tnginx\t%s\t%s\t%s\t%s\n' "$cache" "$conns" "$run" "$rps" "$p50" "$p99" "$errors" >>"$RAW"
          log "M1 nginx c=$conns run $run: $rps req/s"
        done
      done
      kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""
    fi
  fi
  printf 'rss\t%s\t-\t-\tapi\t%s\t0\t0\t0\n' "$cache" "$(peak_rss_mib)" >>"$RAW"
  log "cache=$cache: the API's peak RSS (VmHWM) was $(peak_rss_mib) MiB"
  stop_api
done

# The same statements behind the minimal endpoint.
if [ "$MINIMAL" = 1 ] && ((${#READS[@]})); then
  ASPNETCORE_URLS="http://127.0.0.1:$MINIMAL_PORT" dotnet bench/minimal/bin/Release/net10.0/Minimal.dll "$CONNECTION;Options=$API_SESSION" "$WORK/pgbench" >"$WORK/minimal.log" 2>&1 &
  MINIMAL_PID=$!
  for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$MINIMAL_PORT/Q1" 2>/dev/null && break; sleep 0.5; done
  # The same process warm-up as the API's.
  for _ in $(seq 1 "$WARMUP_ROUNDS"); do
    for c in "${READS[@]}"; do wrk -t2 -c16 -d"${WARMUP}s" "http://127.0.0.1:$MINIMAL_PORT/$c" >/dev/null; done
  done
  for c in "${READS[@]}"; do
    wrk -t2 -c16 -d"${WARMUP}s" "http://127.0.0.1:$MINIMAL_PORT/$c" >/dev/null
    for conns in $CONNECTIONS; do
      for run in $(seq 1 "$RUNS"); do KIND=minimal TARGET_PID=$MINIMAL_PID run_wrk "$c" - "$conns" "$run" "http://127.0.0.1:$MINIMAL_PORT/$c"; done
    done
  done
  printf 'rss\tminimal\t-\t-\tminimal\t%s\t0\t0\t0\n' "$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$MINIMAL_PID/status")" >>"$RAW"
  kill "$MINIMAL_PID" 2>/dev/null || true; wait "$MINIMAL_PID" 2>/dev/null || true; MINIMAL_PID=""
fi

# The same reads as raw SQL.
for c in "${READS[@]}"; do
  defines=(); while IFS= read -r d; do [ -n "$d" ] && defines+=(-D "$d"); done <"$WORK/pgbench/$c.defines"
  bench_sql() {
    # -M as the API sent them: prepared statements when it prepared them all (capture.py), else unnamed ones;
    # and in a session set up as the API's (DependencyInjection adds this to its connections' Options).
    PGOPTIONS="$API_SESSION" "$PGBENCH" -n -M "$(cat "$WORK/pgbench/$c.mode")" -f "$WORK/pgbench/$c.sql" "${defines[@]}" -h localhost -p "$CMS_PG_PORT" -U cms "$@" "$DB"
  }
  bench_sql -c 16 -j 2 -T "$WARMUP" >/dev/null 2>&1 || true
  for conns in $CONNECTIONS; do
    for run in $(seq 1 "$RUNS"); do
      out="$WORK/pgbench-$c-$conns-$run.txt"
      if bench_sql -c "$conns" -j 2 -T "$DURATION" >"$out" 2>&1; then
        tps=$(awk '/^tps = / { print $3; exit }' "$out")
        lat=$(awk '/^latency average = / { print $4; exit }' "$out")
        failed=$(awk '/number of failed transactions: / { print $5; exit }' "$out")
        printf '%s\t-\t%s\t%s\tsql\t%s\t%s\t0\t%s\n' "$c" "$conns" "$run" "$tps" "$lat" "${failed:-0}" >>"$RAW"
        log "$c pgbench c=$conns run $run: $tps tps"
        [ "${failed:-0}" = 0 ] || failures+=("$c pgbench c=$conns run $run: $failed failed transactions")
      else
        failures+=("$c pgbench c=$conns run $run: pgbench failed"); tail -n 20 "$out" >&2
      fi
    done
  done
done

# The report.
machine="$(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ { print $2 }') GiB, $(uname -sr)"
{
  echo "# Cms API benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "- data: $POSTS generated posts ($published published), imported in $(printf '%.0f' "$import_seconds") s: $(grep -o 'Created.*' "$WORK/import.txt" || true)"
  echo "- cases: Q2 tag \`$TAG\` ($(jq .pagination.total "$WORK/Q2.json" 2>/dev/null || echo -) posts), Q3 slug \`$SLUG\`, Q4 \`q=$WORD\` ($(jq .pagination.total "$WORK/Q4.json" 2>/dev/null || echo -) hits), Q5 page $page"
  echo "- wrk -t2, ${DURATION} s a case after a ${WARMUP} s warm-up (and every read ${WARMUP_ROUNDS} × ${WARMUP} s per server process first); pgbench -j 2 -T ${DURATION} -M as the API sent each case's statements ($(for c in "${READS[@]}"; do printf '%s %s, ' "$c" "$(cat "$WORK/pgbench/$c.mode")"; done | sed 's/, $//')); medians of $RUNS run(s)"
  echo "- machine: $machine; dotnet $(dotnet --version), $("$PGBENCH" --version | head -n 1)"
  echo "- load average (1, 5, 15 min) at the start: $LOAD_START, at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shares its cores)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo -)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo
  python3 bench/report.py "$RAW"
} >"$WORK/report.md"
cp "$WORK/report.md" "$OUT/run-$STAMP.md"
cp "$RAW" "$OUT/run-$STAMP.tsv"
mkdir -p "$OUT/run-$STAMP-sql" && cp "$WORK"/pgbench/*.sql "$WORK"/pgbench/*.defines "$WORK"/pgbench/*.mode "$OUT/run-$STAMP-sql/" 2>/dev/null || true
cat "$WORK/report.md"
log "saved bench/results/run-$STAMP.md (and .tsv, the raw figures; -sql/, the pgbench scripts)"

if ((${#failures[@]})); then
  log "FAILED: some cases returned errors:"
  printf '  %s\n' "${failures[@]}" >&2
  exit 1
fi
