#!/usr/bin/env bash
# A throw-away PostgreSQL 15 for the server tests (a ctest fixture): Debian's server binaries, a
# data folder under /tmp owned by the postgres user (PostgreSQL refuses to run as root, and CI runs
# as root), listening on 127.0.0.1 only, on a free port.
#
# Usage: postgres_fixture.sh start STATE_DIR   writes STATE_DIR/url (postgresql://chatlens@127.0.0.1:PORT/postgres)
#        postgres_fixture.sh stop STATE_DIR    stops the server and removes its data folder
set -euo pipefail

action=${1:?start or stop}
state=${2:?state folder}
mkdir -p "$state"

bindir=
for v in 15 16 17 14; do
  if [[ -x /usr/lib/postgresql/$v/bin/initdb ]]; then
    bindir=/usr/lib/postgresql/$v/bin
    break
  fi
done
if [[ -z $bindir ]]; then
  echo "postgres_fixture: PostgreSQL server binaries not found (Debian package postgresql-15)" >&2
  exit 1
fi

as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
  as_postgres=(runuser -u postgres --)
fi

stop() {
  [[ -f $state/datadir ]] || return 0
  local data
  data=$(cat "$state/datadir")
  if [[ -d $data/data ]]; then
    "${as_postgres[@]}" "$bindir/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data" "$state/url" "$state/datadir"
}

case $action in
  start)
    stop
    data=$(mktemp -d /tmp/chatlens-pg.XXXXXX)
    chmod 755 "$data"
    echo "$data" >"$state/datadir"
    [[ ${#as_postgres[@]} -eq 0 ]] || chown postgres: "$data"
    "${as_postgres[@]}" "$bindir/initdb" -D "$data/data" -A trust -U chatlens -E UTF8 --no-sync >"$data/initdb.log" 2>&1 || {
      cat "$data/initdb.log" >&2
      exit 1
    }
    # A free port: try a few at random in the dynamic range until one starts.
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      port=$((20000 + RANDOM % 30000))
      if "${as_postgres[@]}" "$bindir/pg_ctl" -D "$data/data" -l "$data/server.log" -w -t 30 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null 2>&1; then
        echo "postgresql://chatlens@127.0.0.1:$port/postgres" >"$state/url"
        echo "postgres_fixture: PostgreSQL ($bindir) on 127.0.0.1:$port, data in $data"
        exit 0
      fi
    done
    cat "$data/server.log" >&2 || true
    echo "postgres_fixture: could not start PostgreSQL" >&2
    exit 1
    ;;
  stop)
    stop
    echo "postgres_fixture: stopped"
    ;;
  *)
    echo "usage: postgres_fixture.sh start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
