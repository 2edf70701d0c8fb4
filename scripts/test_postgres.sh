#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the tests; prints the admin URL.
# Usage: eval "$(scripts/test_postgres.sh start)"; ...; scripts/test_postgres.sh stop
set -euo pipefail
PORT="${PLEDGEWATCH_TEST_PG_PORT:-55432}"
DATA="${PLEDGEWATCH_TEST_PG_DATA:-/tmp/pledgewatch-test-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
    rm -rf "$DATA"; mkdir -p "$DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -A trust -U postgres >/dev/null
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
      -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "export PLEDGEWATCH_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -d "$DATA" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
