#!/usr/bin/env bash
# Runs the Cms API on http://localhost:5000 (Swagger UI at /swagger) over the local PostgreSQL
# cluster in ./.data, which it creates, starts and migrates as needed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/db.sh

# One admin key per checkout, kept in ./.data and passed as the bootstrap key, so it can be printed
# on every start (the API itself stores keys only as hashes).
keyfile=.data/admin-key
if [ ! -s "$keyfile" ]; then
  printf 'cms_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$keyfile"
  chmod 600 "$keyfile"
fi

export ConnectionStrings__Cms="$CMS_CONNECTION"
export Cms__Auth__BootstrapAdminKey="$(cat "$keyfile")"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"

cat <<MSG

  Cms API      ${ASPNETCORE_URLS%%;*}
  Swagger UI   ${ASPNETCORE_URLS%%;*}/swagger
  Admin key    $Cms__Auth__BootstrapAdminKey
               (send it as 'Authorization: Bearer <key>'; it is kept in $keyfile)

MSG
exec dotnet run --project src/Cms.Api/Cms.Api.csproj -c Release --no-launch-profile
