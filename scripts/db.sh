#!/usr/bin/env bash
# Starts, or reuses, the local PostgreSQL cluster of this checkout under ./.data/pg, and creates the
# `cms` database in it. Installs PostgreSQL from the OS packages when it is missing.
# Sourced by ../run.sh and ../test.sh; exports CMS_PG_BIN, CMS_PG_PORT and CMS_CONNECTION.
set -euo pipefail

CMS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CMS_PG_DATA="$CMS_ROOT/.data/pg"
# The port: CMS_PG_PORT when given, else the one this checkout's cluster was created with, else 55432. A cluster
# created with another port (CI=true CMS_PG_PORT=... ./test.sh, then ./run.sh) is still this checkout's own: never
# fall back to whatever listens on the default port, which may be another checkout's cluster.
# (Read only when the file exists: under set -e and pipefail a failing sed would end the script, silently.)
if [ -z "${CMS_PG_PORT:-}" ] && [ -f "$CMS_PG_DATA/postgresql.conf" ]; then
  CMS_PG_PORT=$(sed -n 's/^port = \([0-9][0-9]*\).*/\1/p' "$CMS_PG_DATA/postgresql.conf" | tail -n 1)
fi
CMS_PG_PORT=${CMS_PG_PORT:-55432}

log() { printf '\033[1;34m[cms]\033[0m %s\n' "$*" >&2; }

find_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null 2>&1; then dir=$(dirname "$(command -v pg_ctl)"); fi
  printf '%s' "$dir"
}

CMS_PG_BIN=$(find_pg_bin)
if [ -z "$CMS_PG_BIN" ] || [ ! -x "$CMS_PG_BIN/initdb" ]; then
  log "PostgreSQL is not installed; installing it from the OS packages..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  CMS_PG_BIN=$(find_pg_bin)
  [ -x "$CMS_PG_BIN/initdb" ] || { log "could not find initdb after installing PostgreSQL"; exit 1; }
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

mkdir -p "$CMS_ROOT/.data"
if [ "$(id -u)" -eq 0 ] && [ ! -e "$CMS_PG_DATA" ] && ! runuser -u postgres -- test -x "$CMS_ROOT/.data"; then
  # The postgres user cannot reach this checkout (a home directory with mode 700, say): keep the
  # cluster where it can, and link it into ./.data so that it still lives "under ./.data".
  outside="/var/lib/cms-dev/$(printf '%s' "$CMS_ROOT" | sha256sum | cut -c1-16)"
  mkdir -p "$outside" && chown postgres "$outside" && chmod 700 "$outside"
  ln -s "$outside" "$CMS_PG_DATA"
fi

if [ ! -s "$CMS_PG_DATA/PG_VERSION" ]; then
  log "creating a PostgreSQL cluster in $CMS_PG_DATA (port $CMS_PG_PORT)"
  mkdir -p "$CMS_PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres "$CMS_PG_DATA"
  chmod 700 "$CMS_PG_DATA"
  pwfile=$(mktemp); echo cms >"$pwfile"; chmod 644 "$pwfile"
  as_pg "$CMS_PG_BIN/initdb" -D "$CMS_PG_DATA" -U cms --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  cat >>"$CMS_PG_DATA/postgresql.conf" <<CONF

# Cms local cluster
port = $CMS_PG_PORT
listen_addresses = 'localhost'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
CONF
fi

if ! as_pg "$CMS_PG_BIN/pg_ctl" -D "$CMS_PG_DATA" status >/dev/null 2>&1; then
  log "starting PostgreSQL on port $CMS_PG_PORT"
  as_pg "$CMS_PG_BIN/pg_ctl" -D "$CMS_PG_DATA" -l "$CMS_PG_DATA/server.log" -o "-p $CMS_PG_PORT" -w -t 60 start >/dev/null \
    || { log "PostgreSQL did not start; its log:"; tail -n 30 "$CMS_PG_DATA/server.log" >&2; exit 1; }
else
  # Already running: use the port it listens on (the fourth line of postmaster.pid).
  running=$(sed -n 4p "$CMS_PG_DATA/postmaster.pid" 2>/dev/null || true)
  if [ -n "$running" ] && [ "$running" != "$CMS_PG_PORT" ]; then
    log "this checkout's PostgreSQL is already running on port $running; using it"
    CMS_PG_PORT=$running
  fi
fi

export PGPASSWORD=cms
if [ "$("$CMS_PG_BIN/psql" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'cms'")" != "1" ]; then
  "$CMS_PG_BIN/psql" -h localhost -p "$CMS_PG_PORT" -U cms -d postgres -qc "CREATE DATABASE cms" >/dev/null
fi
unset PGPASSWORD

export CMS_PG_BIN CMS_PG_PORT
export CMS_CONNECTION="Host=localhost;Port=$CMS_PG_PORT;Database=cms;Username=cms;Password=cms"
