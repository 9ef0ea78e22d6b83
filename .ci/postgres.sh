#!/usr/bin/env bash
# Installs (Debian package `postgresql`, if missing) and starts a PostgreSQL server for autotune's
# tests, in its own data directory and port, so it never touches a cluster the machine already has.
# Idempotent; run as root (the server itself runs as the `postgres` user).
#
#   source .ci/postgres.sh         # install if needed, start if stopped, export the test settings
#   eval "$(.ci/postgres.sh)"      # the same, run as a command: it prints `export NAME=VALUE` lines
#   .ci/postgres.sh stop           # stop the server (the outage test does this, then `start`)
#
# Progress goes to stderr. Sourced, it ignores the caller's arguments and never exits the caller.

_PG_PORT="${AUTOTUNE_PG_PORT:-55432}"
_PG_DATA="${AUTOTUNE_PG_DATA:-/var/tmp/autotune-pg}"
_PG_PASSWORD="${AUTOTUNE_PG_PASSWORD:-autotune}"
_PG_SCRIPT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

_pg_log() { echo "postgres.sh: $*" >&2; }

_pg_install() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    _pg_log "installing the Debian postgresql package"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  _PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
}

_pg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_pg_init() {
  if [ -f "$_PG_DATA/PG_VERSION" ]; then return; fi
  _pg_log "creating a cluster in $_PG_DATA"
  mkdir -p "$_PG_DATA"
  chown postgres: "$_PG_DATA" 2>/dev/null || true
  chmod 700 "$_PG_DATA"
  local pwfile
  pwfile="$(mktemp)"
  echo "$_PG_PASSWORD" >"$pwfile"
  chown postgres: "$pwfile" 2>/dev/null || true
  _pg_as_postgres "$_PG_BIN/initdb" -D "$_PG_DATA" -U postgres --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 >&2
  rm -f "$pwfile"
  cat >>"$_PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $_PG_PORT
unix_socket_directories = '$_PG_DATA'
max_connections = 300
CONF
}

_pg_start() {
  _pg_install
  _pg_init
  if ! _pg_as_postgres "$_PG_BIN/pg_ctl" -D "$_PG_DATA" status >/dev/null 2>&1; then
    _pg_log "starting the server on 127.0.0.1:$_PG_PORT"
    _pg_as_postgres "$_PG_BIN/pg_ctl" -D "$_PG_DATA" -l "$_PG_DATA/server.log" -w -t 60 start >&2
  fi
  export AUTOTUNE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$_PG_PORT/postgres"
  export AUTOTUNE_TEST_PG_USER=postgres
  export AUTOTUNE_TEST_PG_PASSWORD="$_PG_PASSWORD"
  export AUTOTUNE_TEST_PG_CTL="$_PG_SCRIPT"
}

_pg_print_env() {
  echo "export AUTOTUNE_TEST_PG_URL=$AUTOTUNE_TEST_PG_URL"
  echo "export AUTOTUNE_TEST_PG_USER=$AUTOTUNE_TEST_PG_USER"
  echo "export AUTOTUNE_TEST_PG_PASSWORD=$AUTOTUNE_TEST_PG_PASSWORD"
  echo "export AUTOTUNE_TEST_PG_CTL=$AUTOTUNE_TEST_PG_CTL"
}

_pg_stop() {
  _pg_install
  if _pg_as_postgres "$_PG_BIN/pg_ctl" -D "$_PG_DATA" status >/dev/null 2>&1; then
    _pg_as_postgres "$_PG_BIN/pg_ctl" -D "$_PG_DATA" -m fast -w stop >&2
  fi
}

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  _pg_start # sourced: export into the caller's shell
else
  set -euo pipefail
  case "${1:-start}" in
    start) _pg_start && _pg_print_env ;;
    stop) _pg_stop ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
  esac
fi
