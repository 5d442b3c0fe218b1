#!/usr/bin/env bash
# Load test of `chatlens serve` on loopback with wrk (Debian package wrk), bounded in time:
# requests per second and 99th-percentile latency of
#   POST /api/v1/contributions   valid summaries, each with its own Idempotency-Key (bench/serve_post.lua)
#   GET  /api/v1/community       validated against the database on every request (ETag cache)
# with SQLite (the default storage) and with PostgreSQL (a throw-away server, as the tests start
# one: tests/server/postgres_fixture.sh). Targets on a 2-core machine, SQLite: at least 20,000 GET/s
# and 2,000 POST/s, p99 under 20 ms.
#
# Usage: bench/serve_bench.sh [sqlite] [postgresql]      (default: both)
# Environment: BENCH_SECONDS (default 10 per run), BENCH_CONNECTIONS (default 32),
#              BENCH_WRK_THREADS (default 1), CHATLENS_CLI (default: build the release preset's),
#              CHATLENS_BUILD_PREFIX (default build/), CHATLENS_JOBS
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
seconds=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-32}
wrk_threads=${BENCH_WRK_THREADS:-1}
backends=("$@")
[[ ${#backends[@]} -gt 0 ]] || backends=(sqlite postgresql)

command -v wrk >/dev/null || {
  echo "serve_bench: wrk is not installed (Debian package wrk)" >&2
  exit 1
}
cli=${CHATLENS_CLI:-}
if [[ -z $cli ]]; then
  dir=${CHATLENS_BUILD_PREFIX:-build/}release
  cmake --preset release -B "$dir" >/dev/null
  cmake --build "$dir" -j "${CHATLENS_JOBS:-$(nproc)}" --target chatlens
  cli=$dir/cli/chatlens
fi

work=$(mktemp -d /tmp/chatlens-serve-bench.XXXXXX)
server_pid=
cleanup() {
  [[ -z $server_pid ]] || kill "$server_pid" 2>/dev/null || true
  [[ -z $server_pid ]] || wait "$server_pid" 2>/dev/null || true
  tests/server/postgres_fixture.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server() { # db -> sets port, server_pid
  local out=$work/server.out
  : >"$out"
  # One load generator on one address: no per-client connection cap (BENCH_CONNECTIONS may exceed it).
  "$cli" serve --port 0 --quiet --rate-limit 0 --max-connections-per-client 0 --web "" --db "$1" \
    >"$out" 2>"$work/server.err" &
  server_pid=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$out")
    [[ -z $port ]] || return 0
    sleep 0.1
  done
  cat "$work/server.err" >&2
  echo "serve_bench: the server did not start" >&2
  exit 1
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=
}

results=()
run_wrk() { # label url [wrk args...] -> appends "label rps p99" to results
  local label=$1 url=$2
  shift 2
  local out
  out=$(wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --timeout 5s --latency "$@" "$url")
  echo "$out" | sed 's/^/    /'
  local rps p99 bad errors
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  bad=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $5}')
  errors=$(echo "$out" | awk '/Socket errors:/ {print $0}')
  [[ -z $bad ]] || echo "    !! $bad responses were not 2xx/3xx"
  [[ -z $errors ]] || echo "    !! $errors"
  results+=("$label|$rps|$p99|${bad:-0}")
}

for backend in "${backends[@]}"; do
  case $backend in
    sqlite) db="sqlite:$work/community.sqlite3" ;;
    postgresql)
      tests/server/postgres_fixture.sh start "$work/pg" >/dev/null
      db=$(cat "$work/pg/url")
      ;;
    *)
      echo "serve_bench: unknown backend $backend (sqlite, postgresql)" >&2
      exit 2
      ;;
  esac
  start_server "$db"
  echo
  echo "=== $backend: POST /api/v1/contributions (${seconds}s, $connections connections, $wrk_threads wrk thread(s))"
  BENCH_RUN_ID="$backend$$" run_wrk "$backend POST /api/v1/contributions" "http://127.0.0.1:$port" -s bench/serve_post.lua
  echo "=== $backend: GET /api/v1/community"
  run_wrk "$backend GET /api/v1/community" "http://127.0.0.1:$port/api/v1/community"
  stored=$(curl -s "http://127.0.0.1:$port/api/v1/community" | sed -n 's/.*"contributors":\([0-9]*\),"distributions".*/\1/p')
  echo "    contributions stored: ${stored:-?}"
  stop_server
  [[ $backend != postgresql ]] || tests/server/postgres_fixture.sh stop "$work/pg" >/dev/null
done

echo
echo "=== summary ($(nproc) cores; wrk on the same machine; targets for SQLite: GET >= 20000/s, POST >= 2000/s, p99 < 20 ms)"
printf '%-45s %12s %10s %8s\n' "run" "requests/s" "p99" "non-2xx"
for r in "${results[@]}"; do
  IFS='|' read -r label rps p99 bad <<<"$r"
  printf '%-45s %12s %10s %8s\n' "$label" "$rps" "$p99" "$bad"
done
