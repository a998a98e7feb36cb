#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: `bash scripts/postgres.sh start DIR PORT` installs PostgreSQL from
# Debian when missing, makes a cluster in DIR (owned by the postgres user: PostgreSQL refuses to run as root) whose
# superuser is `grants`, trusted on 127.0.0.1 only, and starts it on PORT; `bash scripts/postgres.sh stop DIR` stops
# it and removes DIR. The tests then use postgres://grants@127.0.0.1:PORT (GRANTS_TEST_POSTGRES).
set -euo pipefail
action=${1:?start DIR PORT, or stop DIR}
dir=${2:?the folder of the cluster}
bin=/usr/lib/postgresql/15/bin
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
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
    # Connections: the tests make a database per ledger, and the load test 32 clients at once.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" -w start >/dev/null
    echo "postgres: a throwaway cluster is listening on 127.0.0.1:$port" >&2
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: scripts/postgres.sh start DIR PORT | stop DIR" >&2
    exit 64
    ;;
esac
