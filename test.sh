#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests over the local PostgreSQL cluster in ./.data,
# which it creates or reuses; then the Node tests of scripts/node-tests.sh (OpenAPI lint, TypeScript
# client, Swagger UI and example blog in Chromium). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/db.sh || exit 1
set +e

export CMS_TEST_CONNECTION="Host=localhost;Port=$CMS_PG_PORT;Database=postgres;Username=cms;Password=cms"
results=artifacts/test-results
rm -rf "$results"

dotnet test Cms.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed)
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + total - executed))
done

# The integrators' tests in Node (OpenAPI lint, TypeScript client, browser tests) against the Release
# build: with no arguments (a filtered run is a .NET-only run), or when CMS_NODE_TESTS=1.
if [ "$#" -eq 0 ] || [ "${CMS_NODE_TESTS:-}" = 1 ]; then
  source scripts/node-tests.sh
fi

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
