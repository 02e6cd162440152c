#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the PostgreSQL tests and print its URL.
#
#   export PRESSTRACE_TEST_PG_URL="$(.ci/postgres.sh start)"   # installs (Debian) if missing
#   .ci/postgres.sh stop
#
# Idempotent: a server this script started and that still answers is reused. The data
# directory lives under $PRESSTRACE_PG_DIR (default /tmp/presstrace-pg-$UID); PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` system user.
# Everything but the URL goes to stderr.
set -euo pipefail
DIR="${PRESSTRACE_PG_DIR:-/tmp/presstrace-pg-$(id -u)}"
DATA="$DIR/data"
log() { echo "== postgres: $*" >&2; }

pg_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

install_pg() {
    pg_bin >/dev/null && return 0
    if ! command -v apt-get >/dev/null || [ "$(id -u)" != 0 ]; then
        log "PostgreSQL is not installed and cannot be installed here (needs root + apt-get)"
        return 1
    fi
    log "installing the Debian postgresql package"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    pg_bin >/dev/null
}

# Run a PostgreSQL program as a user the server accepts (not root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    install_pg
    local bin port
    bin="$(pg_bin)"
    if [ -f "$DIR/port" ] && as_owner "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$DIR/port")"; then
        port="$(cat "$DIR/port")"
        log "reusing the server on 127.0.0.1:$port"
    else
        mkdir -p "$DIR"
        [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
        if [ ! -f "$DATA/PG_VERSION" ]; then
            log "initdb $DATA"
            as_owner "$bin/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
                >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; return 1; }
        fi
        port="$(free_port)"
        log "starting on 127.0.0.1:$port"
        # Sockets go in the data dir: /var/run/postgresql may not exist or be writable.
        as_owner "$bin/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $DATA -c fsync=off" start >&2 \
            || { tail -20 "$DIR/server.log" >&2; return 1; }
        echo "$port" >"$DIR/port"
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
    local bin
    bin="$(pg_bin)" || return 0
    [ -f "$DATA/PG_VERSION" ] || return 0
    as_owner "$bin/pg_ctl" -D "$DATA" -m fast stop >&2 || true
    rm -f "$DIR/port"
}

case "${1:-start}" in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
