#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the tests, and print how to reach it.
# Usage: env=$(scripts/test_postgres.sh start) && eval "$env"; ...; scripts/test_postgres.sh stop DIR
set -euo pipefail
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    [ -n "$BIN" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
    data="$(mktemp -d /tmp/pledgewatch-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$data"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_postgres "$BIN/initdb" -D "$data" -A trust -U postgres >/dev/null
    if ! as_postgres "$BIN/pg_ctl" -D "$data" -l "$data/server.log" -w \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
      cat "$data/server.log" >&2
      exit 1
    fi
    echo "export PLEDGEWATCH_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    echo "export PLEDGEWATCH_TEST_PG_DATA=$data"
    ;;
  stop)
    data="${2:-${PLEDGEWATCH_TEST_PG_DATA:-}}"
    if [ -n "$data" ] && [ -d "$data" ]; then
      as_postgres "$BIN/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
      rm -rf "$data"
    fi
    ;;
esac
