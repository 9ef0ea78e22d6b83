#!/usr/bin/env bash
# Runs every test of the project. On a fresh machine it first installs and starts what the tests
# need beyond Java and Maven: a PostgreSQL server and headless Chromium with its driver (Debian
# packages). Tests that need one of these skip with a message when it is missing, so a plain
# `mvn -B verify` also works on a machine without them.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v gcc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
fi

# a throwaway PostgreSQL server of the tests' own (port 55432); prints the settings the tests read
eval "$(bash .ci/postgres.sh)"

mvn -B verify "$@"
