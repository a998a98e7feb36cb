#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: `bash scripts/postgres.sh start DIR PORT` installs PostgreSQL from
# Debian when missing, makes a cluster in DIR (owned by the postgres user: PostgreSQL refuses to run as root) whose
# superuser is `grants`, trusted on 127.0.0.1 only, and starts it on PORT; `bash scripts/postgres.sh stop DIR` stops
# it and removes DIR. The tests then use postgres://grants@127.0.0.1:PORT (GRANTS_TEST_POSTGRES).
# For the fault tests: `crash DIR` stops the server at once, as a power cut would (`pg_ctl -m immediate`: no
# checkpoint, clients cut off mid-transaction), keeping DIR; `restart DIR PORT` starts it again on what it left, which
# PostgreSQL recovers from its write-ahead log.
set -euo pipefail
action=${1:?start DIR PORT, stop DIR, crash DIR or restart DIR PORT}
dir=${2:?the folder of the cluster}
bin=/usr/lib/postgresql/15/bin
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
launch() {
    (
        # The server outlives whoever started it (a test, say), so it keeps none of their open files: it would hold
        # their pipes and sockets open, and they would wait for an end that never comes.
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
        done
        # Connections: the tests make a database per ledger, and the load test 32 clients at once.
        as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
            -o "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" -w start >/dev/null
    )
}
case "$action" in
start)
    port=${3:?the port}
    if [ ! -x "$bin/initdb" ]; then
        echo "postgres: installing postgresql-15" >&2
        sudo_cmd=""
        if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql-15
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir/data" --auth=trust -U grants --locale=C.UTF-8 --encoding=UTF8 >/dev/null
    launch "$port"
    echo "postgres: a throwaway cluster is listening on 127.0.0.1:$port" >&2
    ;;
crash)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
restart)
    launch "${3:?the port}"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/postgres.sh start DIR PORT | stop DIR | crash DIR | restart DIR PORT" >&2
    exit 64
    ;;
esac
