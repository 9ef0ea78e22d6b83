#!/usr/bin/env bash
# Installs (Debian package `postgresql`, if missing) and starts a PostgreSQL server for autotune's
# tests, in its own data directory and port, so it never touches a cluster the machine already has.
# Idempotent; run as root (the server itself runs as the `postgres` user).
#
#   eval "$(.ci/postgres.sh)"      # install if needed, start if stopped, export the test settings
#   .ci/postgres.sh stop           # stop the server (the outage test does this, then `start`)
#
# stdout carries only `export NAME=VALUE` lines; progress goes to stderr.
set -euo pipefail

PORT="${AUTOTUNE_PG_PORT:-55432}"
DATA="${AUTOTUNE_PG_DATA:-/var/tmp/autotune-pg}"
PASSWORD="${AUTOTUNE_PG_PASSWORD:-autotune}"
SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

log() { echo "postgres.sh: $*" >&2; }

install_if_missing() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    log "installing the Debian postgresql package"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

init_if_missing() {
  if [ -f "$DATA/PG_VERSION" ]; then return; fi
  log "creating a cluster in $DATA"
  mkdir -p "$DATA"
  chown postgres: "$DATA" 2>/dev/null || true
  chmod 700 "$DATA"
  local pwfile
  pwfile="$(mktemp)"
  echo "$PASSWORD" >"$pwfile"
  chown postgres: "$pwfile" 2>/dev/null || true
  as_postgres "$BIN/initdb" -D "$DATA" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 >&2
  rm -f "$pwfile"
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DATA'
max_connections = 300
CONF
}

start() {
  install_if_missing
  init_if_missing
  if ! as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting the server on 127.0.0.1:$PORT"
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 start >&2
  fi
  echo "export AUTOTUNE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/postgres"
  echo "export AUTOTUNE_TEST_PG_USER=postgres"
  echo "export AUTOTUNE_TEST_PG_PASSWORD=$PASSWORD"
  echo "export AUTOTUNE_TEST_PG_CTL=$SCRIPT"
}

stop() {
  install_if_missing
  if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
