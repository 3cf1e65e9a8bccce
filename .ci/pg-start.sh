#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and print
# its SQLAlchemy URL on stdout (everything else goes to stderr).
# Two roles, as in a production two-role setup (README, "PostgreSQL with two roles"):
#   luoshi      owns the test database (migrations, fixtures that TRUNCATE or drop schemas);
#   luoshi_app  logs in only: no CREATEDB, owns nothing (the app's role; tests grant it rows).
# `bash .ci/pg-start.sh` prints the owner's URL (LUOSHI_TEST_PG_URL);
# `eval "$(bash .ci/pg-start.sh --env)"` exports LUOSHI_TEST_PG_URL and LUOSHI_TEST_PG_APP_URL.
# Works as root on a fresh Debian machine right after `apt-get install postgresql`;
# idempotent: a second run reuses the running cluster.
set -euo pipefail

PORT="${LUOSHI_PG_PORT:-54320}"
DATA="${LUOSHI_PG_DIR:-/tmp/luoshi-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
URL="postgresql+psycopg://luoshi:luoshi@127.0.0.1:${PORT}/luoshi_test"
APP_URL="postgresql+psycopg://luoshi_app:luoshi_app@127.0.0.1:${PORT}/luoshi_test"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  fi
  # The socket goes in the data folder: /var/run/postgresql may not exist yet.
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c max_connections=200 -c fsync=off" start >&2
fi

psql_pg() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ -z "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname='luoshi'")" ]; then
  psql_pg -c "CREATE ROLE luoshi LOGIN PASSWORD 'luoshi' CREATEDB" >&2
fi
if [ -z "$(psql_pg -c "SELECT 1 FROM pg_database WHERE datname='luoshi_test'")" ]; then
  psql_pg -c "CREATE DATABASE luoshi_test OWNER luoshi" >&2
fi
if [ -z "$(psql_pg -c "SELECT 1 FROM pg_roles WHERE rolname='luoshi_app'")" ]; then
  psql_pg -c "CREATE ROLE luoshi_app LOGIN PASSWORD 'luoshi_app' NOCREATEDB NOCREATEROLE" >&2
fi
if [ "${1:-}" = "--env" ]; then
  echo "export LUOSHI_TEST_PG_URL='$URL'"
  echo "export LUOSHI_TEST_PG_APP_URL='$APP_URL'"
else
  echo "$URL"
fi
