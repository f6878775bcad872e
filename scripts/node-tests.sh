#!/usr/bin/env bash
# The integrators' tests, in Node: lints openapi.yaml (Spectral, spectral:oas), regenerates the
# TypeScript types from it and type-checks the client with them (tsc --noEmit: a contract break
# fails here), then starts the API (the Release build) on a free port over a fresh database of the
# test cluster and runs, with `node --test`, the TypeScript client's scenario, the Swagger UI test
# and the example blog's test in headless Chromium.
# Sourced by ../test.sh after `dotnet test` (which built the Release output); needs CMS_PG_BIN and
# CMS_PG_PORT from scripts/db.sh. Adds to the variables passed, failed and skipped.
set +e

node_log() { printf '\033[1;34m[cms]\033[0m %s\n' "$*" >&2; }
node_pass() { passed=$((passed + 1)); node_log "PASS $1"; }
node_fail() { failed=$((failed + 1)); node_log "FAIL $1"; }
# Adds the "# pass N", "# fail N", "# skipped N" lines of a node --test run to the totals.
node_count() {
  local out=$1 p f s
  p=$(grep -E '^# pass [0-9]+' "$out" | tail -n 1 | grep -o '[0-9]*'); f=$(grep -E '^# fail [0-9]+' "$out" | tail -n 1 | grep -o '[0-9]*')
  s=$(grep -E '^# skipped [0-9]+' "$out" | tail -n 1 | grep -o '[0-9]*')
  if [ -z "$p" ] && [ -z "$f" ]; then node_fail "$2 (no test summary: the run crashed)"; return; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  node_log "$2: ${p:-0} passed, ${f:-0} failed, ${s:-0} skipped"
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  node_log "node or npm is not installed: the OpenAPI lint, the TypeScript client and the browser tests are skipped"
  skipped=$((skipped + 1))
  return 0 2>/dev/null || exit 0
fi

root=$(pwd)
logs="$root/artifacts/node"; mkdir -p "$logs"
ts="$root/clients/typescript"; browser="$root/tests/browser"

for dir in "$ts" "$browser"; do
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >"$logs/npm-ci-$(basename "$dir").log" 2>&1); then
    node_fail "npm ci in ${dir#$root/} (see artifacts/node/npm-ci-$(basename "$dir").log)"
    return 0 2>/dev/null || exit 0
  fi
done

# 1. The OpenAPI document lints clean: no error, warning, info or hint of spectral:oas.
if (cd "$ts" && npx --no-install spectral lint ../../openapi.yaml --ruleset ../../.spectral.yaml --fail-severity hint) >"$logs/spectral.log" 2>&1
then node_pass "openapi.yaml lints clean (Spectral spectral:oas)"; else cat "$logs/spectral.log" >&2; node_fail "openapi.yaml lint (Spectral spectral:oas)"; fi

# 2. The TypeScript types come from the committed openapi.yaml and the client compiles against them.
if (cd "$ts" && npx --no-install openapi-typescript ../../openapi.yaml -o src/schema.d.ts && git diff --exit-code -- src/schema.d.ts) >"$logs/openapi-typescript.log" 2>&1
then node_pass "clients/typescript/src/schema.d.ts is what openapi-typescript makes of openapi.yaml"
else cat "$logs/openapi-typescript.log" >&2; node_fail "clients/typescript/src/schema.d.ts is stale: run 'npm run generate' in clients/typescript"; fi
if (cd "$ts" && npx --no-install tsc --noEmit && npx --no-install tsc) >"$logs/tsc.log" 2>&1
then node_pass "the TypeScript client type-checks against openapi.yaml (tsc --noEmit)"; else cat "$logs/tsc.log" >&2; node_fail "tsc --noEmit in clients/typescript"; fi

# Chromium for the browser tests: Debian's package, installed when missing (never a download by Playwright).
if [ -z "${CMS_CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      node_log "installing Debian's chromium for the browser tests"
      { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$logs/apt-chromium.log" 2>&1
    else
      node_log "chromium is missing and cannot be installed here (not root, or no apt-get): the browser tests will be skipped"
    fi
  fi
  command -v chromium >/dev/null 2>&1 && export CMS_CHROMIUM=$(command -v chromium)
fi

# The live API: the Release build, a fresh database, a bootstrap admin key, CORS for the example's origin.
dll="$root/src/Cms.Api/bin/Release/net10.0/Cms.Api.dll"
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
api_port=$(free_port); blog_port=$(free_port)
db="cms_node_$(date +%s)_$$"
export PGPASSWORD=cms
"$CMS_PG_BIN/psql" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -qc "CREATE DATABASE $db" >/dev/null
images=$(mktemp -d)
export CMS_URL="http://127.0.0.1:$api_port"
export CMS_ADMIN_KEY="cms_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export CMS_BLOG_PORT=$blog_port
ConnectionStrings__Cms="Host=localhost;Port=$CMS_PG_PORT;Database=$db;Username=cms;Password=cms" \
Cms__Auth__BootstrapAdminKey="$CMS_ADMIN_KEY" \
Cms__Cors__AllowedOrigins__0="http://127.0.0.1:$blog_port" \
Cms__Images__Root="$images" \
Cms__RateLimits__ReadsPerMinute=100000 Cms__RateLimits__WritesPerMinute=100000 \
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$CMS_URL" \
  dotnet "$dll" >"$logs/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$CMS_URL/health/ready" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 0.5
done

if curl -sf "$CMS_URL/health/ready" >/dev/null 2>&1; then
  (cd "$ts" && node --test dist/test/) >"$logs/typescript-client.tap" 2>&1
  node_count "$logs/typescript-client.tap" "TypeScript client scenario"
  if [ -n "${CMS_CHROMIUM:-}" ]; then
    (cd "$browser" && CMS_ARTIFACTS="$root/artifacts" node --test --test-concurrency=1 ./*.test.mjs) >"$logs/browser.tap" 2>&1
    node_count "$logs/browser.tap" "browser tests (Swagger UI, examples/blog)"
  else
    skipped=$((skipped + 1)); node_log "SKIP browser tests: no chromium"
  fi
else
  tail -n 30 "$logs/api.log" >&2
  node_fail "the API did not start for the Node tests (artifacts/node/api.log)"
fi

kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null
"$CMS_PG_BIN/psql" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
unset PGPASSWORD
rm -rf "$images"
for tap in "$logs"/*.tap; do [ -f "$tap" ] && grep -E '^not ok|^# (pass|fail|skipped)' "$tap" >&2; done
true
