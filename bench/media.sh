#!/usr/bin/env bash
# Upload throughput and /media serving, next to nginx serving the same file.
#
#   bench/media.sh            # needs: a Release build, PostgreSQL, nginx, wrk, curl, jq
#
# CMS_PG_PORT           the PostgreSQL cluster to use (default 55432, as ./test.sh and scripts/db.sh)
# CMS_BENCH_CONNECTION  PostgreSQL for a throw-away database (default: that cluster, user cms)
# UPLOADS, UPLOAD_MB    how many uploads and how large (default 20 × 8 MB; UPLOADS=0 measures serving only)
# DURATION, CONNECTIONS wrk settings for the serving runs (default 10s, "16 64": one API run and one
#                       nginx run per count, back to back, so both see the same machine load)
# RUNS                  how many times each pair is measured (default 1)
# WARMUP                load on the API before the first measurement (default 15s)
# API_PORT, NGINX_PORT  where the two listen (default 5180, 5181)
#
# Uploads are a valid PNG header followed by random bytes: the API reads only the header (it never
# decodes an upload), so this measures what an upload costs — streaming, hashing, the disk and one
# row — with bytes that no compression or cache can shortcut.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT=${CMS_PG_PORT:-55432}
CONNECTION=${CMS_BENCH_CONNECTION:-"Host=localhost;Port=$PG_PORT;Username=cms;Password=cms"}
UPLOADS=${UPLOADS:-20}
UPLOAD_MB=${UPLOAD_MB:-8}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-"16 64"}
RUNS=${RUNS:-1}
WARMUP=${WARMUP:-15s}
API_PORT=${API_PORT:-5180}
NGINX_PORT=${NGINX_PORT:-5181}
DB="cms_bench_$$"
WORK=$(mktemp -d)
KEY="cms_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"

API_PID=""
NGINX_PID=""
cleanup() {
  [[ -n $API_PID ]] && kill "$API_PID" 2>/dev/null || true
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if command -v psql >/dev/null; then
    PGPASSWORD=cms psql -h localhost -p "$PG_PORT" -U cms -d postgres -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A PNG signature and IHDR (2000 × 1500, RGBA), then random bytes up to $1 bytes.
make_png() {
  printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x07\xd0\x00\x00\x05\xdc\x08\x06\x00\x00\x00\x00\x00\x00\x00' > "$2"
  head -c $(($1 - 33)) /dev/urandom >> "$2"
}

dotnet build -c Release src/Cms.Api -v q -nologo >/dev/null
ConnectionStrings__Cms="$CONNECTION;Database=$DB" \
Cms__Auth__BootstrapAdminKey="$KEY" \
Cms__Images__Root="$WORK/images" \
Cms__RateLimits__ReadsPerMinute=100000000 Cms__RateLimits__WritesPerMinute=100000000 \
ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" \
ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
  dotnet src/Cms.Api/bin/Release/net10.0/Cms.Api.dll >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break; sleep 0.5; done

upload() { curl -fs -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $KEY" -F "file=@$1" "http://127.0.0.1:$API_PORT/api/v1/images"; }

if (( UPLOADS > 0 )); then
echo "== upload: $UPLOADS × $UPLOAD_MB MB, one at a time"
for i in $(seq 1 "$UPLOADS"); do make_png $((UPLOAD_MB * 1000000)) "$WORK/u$i.png"; done
upload "$WORK/u1.png" >/dev/null  # warm-up (JIT, connection pool); counted below as a duplicate, so replaced
make_png $((UPLOAD_MB * 1000000)) "$WORK/u1.png"
start=$(date +%s.%N)
for i in $(seq 1 "$UPLOADS"); do upload "$WORK/u$i.png"; done | sort | uniq -c
end=$(date +%s.%N)
echo "sequential: $(echo "$UPLOADS * $UPLOAD_MB / ($end - $start)" | bc -l | xargs printf '%.0f') MB/s"

echo "== upload: $UPLOADS × $UPLOAD_MB MB, 4 at a time"
for i in $(seq 1 "$UPLOADS"); do make_png $((UPLOAD_MB * 1000000)) "$WORK/p$i.png"; done
start=$(date +%s.%N)
export -f upload; export KEY API_PORT
seq 1 "$UPLOADS" | xargs -P 4 -I{} bash -c "upload '$WORK/p{}.png'" | sort | uniq -c
end=$(date +%s.%N)
echo "parallel: $(echo "$UPLOADS * $UPLOAD_MB / ($end - $start)" | bc -l | xargs printf '%.0f') MB/s"

fi

echo "== serving a 200 KB image"
make_png 200000 "$WORK/small.png"
URL=$(curl -fs -H "Authorization: Bearer $KEY" -F "file=@$WORK/small.png" "http://127.0.0.1:$API_PORT/api/v1/images" | jq -r .url)
mkdir -p "$WORK/static/media"
cp "$WORK/small.png" "$WORK/static$URL"
# nginx workers run as an unprivileged user: they must be able to read the copy.
chmod 755 "$WORK" && chmod -R a+rX "$WORK/static"
cat > "$WORK/nginx.conf" <<CONF
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
  types { image/png png; image/jpeg jpg; image/gif gif; image/webp webp; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    etag on;
    add_header Cache-Control "public, max-age=31536000, immutable";
    add_header X-Content-Type-Options nosniff;
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
sleep 1
curl -fsI "http://127.0.0.1:$API_PORT$URL" | tr -d '\r' | grep -Ei '^(content-type|etag|cache-control|content-length)'
curl -fsI "http://127.0.0.1:$NGINX_PORT$URL" | tr -d '\r' | grep -Ei '^(content-type|etag|cache-control|content-length)'
# Warm-up: the JIT's tiers (instrumented, then optimised) need a few seconds of load to settle.
wrk -t2 -c64 -d"$WARMUP" "http://127.0.0.1:$API_PORT$URL" >/dev/null
for run in $(seq 1 "$RUNS"); do
  for conns in $CONNECTIONS; do
    echo "-- run $run, $conns connections, load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "   Cms /media"
    wrk -t2 -c"$conns" -d"$DURATION" --latency "http://127.0.0.1:$API_PORT$URL" | grep -E 'Requests/sec|Transfer/sec|^ +(50|99)%|Non-2xx|Socket errors'
    echo "   nginx, same file"
    wrk -t2 -c"$conns" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT$URL" | grep -E 'Requests/sec|Transfer/sec|^ +(50|99)%|Non-2xx|Socket errors'
  done
done
echo "== machine: $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(uname -sr), $(nginx -v 2>&1), dotnet $(dotnet --version)"
