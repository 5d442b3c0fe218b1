#!/usr/bin/env bash
# The high-availability topology, on loopback: a throw-away PostgreSQL, two `chatlens serve`
# processes (--trust-proxy) and Debian's nginx in front of them with deploy/nginx/chatlens.conf
# (serving web/dist itself, proxying /api/). A bounded load of reads and contributions runs
# through nginx; midway one service is killed with SIGKILL and restarted. Asserts that no read
# failed (nginx retries idempotent requests), that every contribution was acknowledged (the
# client retries with its Idempotency-Key) and that each acknowledged one is stored exactly once.
#
# Usage: tests/deploy/ha_test.sh     (needs build/release/cli/chatlens and web/dist); ends with
# "N passed, N failed"
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
source tests/deploy/lib.sh
prefix=${CHATLENS_BUILD_PREFIX:-build/}
chatlens=$repo/${prefix}release/cli/chatlens
web=${CHATLENS_WEB_DIST:-web/dist}
tmp=$(mktemp -d /tmp/chatlens-ha-test.XXXXXX)
chmod 755 "$tmp"
pids=()
nginx_pid=
cleanup() {
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  tests/server/postgres_fixture.sh stop "$tmp/pg" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ ! -x $chatlens || ! -f $web/index.html ]] || ! command -v nginx >/dev/null; then
  check "chatlens, $web and nginx are there" false
  finish
  exit 1
fi

echo "=== ha: PostgreSQL, two services, nginx"
tests/server/postgres_fixture.sh start "$tmp/pg" >/dev/null || { check "PostgreSQL starts" false; finish; exit 1; }
db=$(cat "$tmp/pg/url")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a=$(free_port) port_b=$(free_port) port_n=$(free_port)

start_service() { # port log -> pid in $started
  "$chatlens" serve --bind 127.0.0.1 --port "$1" --db "$db" --trust-proxy --rate-limit 0 --web "" --quiet \
    >>"$2" 2>&1 &
  started=$!
  pids+=("$started")
  local i
  for ((i = 0; i < 100; i++)); do
    curl -fs "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    sleep 0.1
  done
  return 1
}
start_service "$port_a" "$tmp/a.log" && pid_a=$started
check "service A starts" test -n "${pid_a:-}"
start_service "$port_b" "$tmp/b.log" && pid_b=$started
check "service B starts" test -n "${pid_b:-}"

# nginx with the shipped configuration: only the ports, the web root and the paths change.
cp -r "$web" "$tmp/web"
chmod -R a+rX "$tmp/web"
mkdir -p "$tmp/nginx/logs"
sed -e "s|127.0.0.1:8081|127.0.0.1:$port_a|; s|127.0.0.1:8082|127.0.0.1:$port_b|" \
  -e "s|listen 127.0.0.1:8080;|listen 127.0.0.1:$port_n;|; s|root /srv/chatlens/web;|root $tmp/web;|" \
  deploy/nginx/chatlens.conf >"$tmp/nginx/chatlens.conf"
user_line=""
[[ $(id -u) -eq 0 ]] && user_line="user nobody nogroup;"
cat >"$tmp/nginx/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  include $tmp/nginx/chatlens.conf;
}
CONF
nginx -t -q -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2>"$tmp/nginx-t.log"
check "the shipped nginx configuration is valid" test $? -eq 0
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2>>"$tmp/nginx/logs/error.log" &
nginx_pid=$!
base=http://127.0.0.1:$port_n
for ((i = 0; i < 50; i++)); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.1; done
check "nginx serves the web app itself with its policy" \
  bash -c "curl -fsSi '$base/' | grep -qi \"^content-security-policy: default-src 'self'\""
check "nginx proxies /api/ to the services" bash -c "curl -fsS '$base/api/v1/community' >/dev/null"

echo "=== ha: load, SIGKILL of service A midway, restart"
cat >"$tmp/kill.sh" <<KILL
#!/usr/bin/env bash
kill -KILL $pid_a
echo killed >"$tmp/killed"
sleep 1
"$chatlens" serve --bind 127.0.0.1 --port $port_a --db "$db" --trust-proxy --rate-limit 0 --web "" --quiet >>"$tmp/a.log" 2>&1 &
echo \$! >"$tmp/restarted.pid"
KILL
chmod +x "$tmp/kill.sh"
contributions=150 reads=300
python3 tests/deploy/ha_load.py "$base" "$contributions" "$reads" 60 "$tmp/kill.sh" >"$tmp/result.json"
check "the load ran" test -s "$tmp/result.json"
[[ -f $tmp/restarted.pid ]] && pids+=("$(cat "$tmp/restarted.pid")")
check "service A was killed with SIGKILL midway" test -f "$tmp/killed"
field() { python3 -c "import json,sys; r=json.load(open('$tmp/result.json')); print(eval(sys.argv[1]))" "$1"; }
echo "  result: $(field '{k: v for k, v in r.items() if k != "acknowledged"}')"
check "no read failed ($(field 'r["reads_ok"]') ok)" test "$(field 'len(r["read_failures"])')" = 0
check "every contribution was acknowledged" test "$(field 'len(r["acknowledged"])')" = "$(( contributions / 3 * 3 ))"
check "no contribution failed for good" test "$(field 'len(r["contribution_failures"])')" = 0
for ((i = 0; i < 50; i++)); do curl -fs "http://127.0.0.1:$port_a/readyz" >/dev/null && break; sleep 0.1; done
check "service A is back" curl -fs "http://127.0.0.1:$port_a/readyz" -o /dev/null

# Exactly once: one row per acknowledged key, and as many contributions as keys.
field 'chr(10).join(r["acknowledged"])' >"$tmp/keys"
psql_q() { psql -X -A -t -d "$db" -c "$1"; }
stored=$(psql_q "SELECT count(*) FROM contributions")
keys=$(psql_q "SELECT count(*) FROM idempotency_keys")
acked=$(sort -u "$tmp/keys" | sed '/^$/d' | wc -l)
matched=$(psql -X -A -t -d "$db" -c "CREATE TEMP TABLE acked (key text)" -c "\\copy acked FROM '$tmp/keys'" \
  -c "SELECT count(DISTINCT key) FROM acked JOIN idempotency_keys USING (key)" | tail -1)
echo "  acknowledged $acked, stored $stored, keys $keys, acknowledged keys found $matched"
check "every acknowledged contribution is stored" test "$matched" = "$acked"
check "each exactly once (contributions = keys = acknowledged)" test "$stored" = "$acked" -a "$keys" = "$acked"
finish
