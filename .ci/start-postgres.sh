#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the `postgres` tests and print its URL.
#
# Idempotent: installs Debian's postgresql when no server binaries are found,
# initdb's a cluster once in $QPEXTRACT_PG_DIR (default /tmp/qpextract-pg),
# (re)starts it on 127.0.0.1 on a free port, creates the database "qpextract",
# and writes the URL to .ci/pg_url. Run as root it runs the server as the
# "postgres" user; run as anyone else, as that user.
#
# Use:  export QPEXTRACT_PG_URL="$(bash .ci/start-postgres.sh)"
# Stop: bash .ci/start-postgres.sh --stop
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA_ROOT="${QPEXTRACT_PG_DIR:-/tmp/qpextract-pg}"
PGDATA="$DATA_ROOT/data"
DB="qpextract"
log() { echo "start-postgres: $*" >&2; }

find_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

PGBIN="$(find_bin || true)"
if [ -z "$PGBIN" ]; then
    if [ "$(id -u)" != 0 ]; then log "no PostgreSQL server binaries and not root: cannot install"; exit 1; fi
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    PGBIN="$(find_bin)"
fi

# Who runs the server: never root (postgres refuses).
if [ "$(id -u)" = 0 ]; then
    RUN_AS=postgres
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DATA_ROOT" --shell /bin/bash postgres
    as_pg() { runuser -u postgres -- "$@"; }
else
    RUN_AS="$(id -un)"
    as_pg() { "$@"; }
fi

mkdir -p "$DATA_ROOT"
[ "$(id -u)" = 0 ] && chown "$RUN_AS" "$DATA_ROOT"
chmod 700 "$DATA_ROOT"

if [ "${1:-}" = "--stop" ]; then
    if [ -f "$PGDATA/PG_VERSION" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >&2 || true; fi
    rm -f "$HERE/pg_url"
    exit 0
fi

if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "initdb in $PGDATA"
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
        || as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
fi

port_file="$DATA_ROOT/port"
if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 && [ -f "$port_file" ]; then
    PORT="$(cat "$port_file")"
    log "already running on port $PORT"
else
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    echo "$PORT" > "$port_file"
    log "starting on 127.0.0.1:$PORT"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$DATA_ROOT/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DATA_ROOT -c fsync=off -c max_connections=50" \
        start >&2
fi

if ! as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi

URL="postgresql://postgres@127.0.0.1:$PORT/$DB"
echo "$URL" > "$HERE/pg_url"
echo "$URL"
