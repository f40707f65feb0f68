#!/usr/bin/env bash
# Starts (or stops) a private PostgreSQL server for zen's tests: trust auth on 127.0.0.1.
#   scripts/pg.sh start|stop|url
# ZEN_PG_DIR (default /tmp/zen-test-pg) and ZEN_PG_PORT (default 54330) override the defaults.
set -euo pipefail
dir="${ZEN_PG_DIR:-/tmp/zen-test-pg}"
port="${ZEN_PG_PORT:-54330}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bin" ] || { echo "pg.sh: PostgreSQL is not installed; run scripts/setup.sh" >&2; exit 1; }
run() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
      run "$bin/initdb" -D "$dir" -A trust -U postgres --no-sync >/dev/null
    fi
    if ! run "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      run "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    run "$bin/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  url)
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop|url" >&2; exit 2
    ;;
esac
