#!/usr/bin/env bash
# The container image, checked without running a container (not permitted on these machines):
# built once by scripts/build-image.sh, its configuration read with `podman image inspect`, its
# filesystem exported and run with chroot as the image's non-root user: `chatlens --version`,
# then `chatlens serve` answering /healthz, the web app and a contribution, and the healthcheck
# command the HEALTHCHECK runs.
#
# Usage: tests/deploy/image_test.sh [TAG]     (default chatlens:test); ends with "N passed, N failed"
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
source tests/deploy/lib.sh
tag=${1:-chatlens:test}
tmp=$(mktemp -d /tmp/chatlens-image-test.XXXXXX)
container=
server=
cleanup() {
  [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [[ -n $container ]] && podman rm -f "$container" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "=== image: build ($tag)"
if ! scripts/build-image.sh "$tag"; then
  check "the image builds" false
  finish
  exit 1
fi

echo "=== image: configuration"
inspect() { podman image inspect --format "$1" "$tag"; }
check "runs as the non-root user 10001" test "$(inspect '{{.Config.User}}')" = "10001:10001"
check "entrypoint is the chatlens command" test "$(inspect '{{json .Config.Entrypoint}}')" = '["/usr/local/bin/chatlens"]'
check "exposes port 8080" grep -q '8080/tcp' <<<"$(inspect '{{json .Config.ExposedPorts}}')"
health=$(inspect '{{json .Config.Healthcheck}}')
check "HEALTHCHECK runs chatlens healthcheck on /healthz without a shell" \
  grep -q '"CMD","/usr/local/bin/chatlens","healthcheck","--url","http://127.0.0.1:8080/healthz"' <<<"$health"
check "licence label MIT" test "$(inspect '{{index .Config.Labels "org.opencontainers.image.licenses"}}')" = MIT

echo "=== image: filesystem"
container=$(podman create "$tag") || container=
rootfs=$tmp/rootfs
mkdir -p "$rootfs"
check "the filesystem exports" bash -c "podman export '$container' | tar -x -C '$rootfs'"
check "no shell in the image" bash -c "! ls '$rootfs'/bin/sh '$rootfs'/usr/bin/sh '$rootfs'/bin/bash >/dev/null 2>&1"
check "the web app is inside" test -f "$rootfs/srv/chatlens/web/index.html"
check "LICENSE and NOTICE are inside" test -f "$rootfs/usr/share/doc/chatlens/LICENSE" -a -f "$rootfs/usr/share/doc/chatlens/NOTICE"
check "/data and /feed belong to the service user" test "$(stat -c %u "$rootfs/data"):$(stat -c %u "$rootfs/feed")" = 10001:10001
files=$(find "$rootfs" -type f | wc -l)
echo "  image holds $files files, $(du -sh "$rootfs" | cut -f1)"
# The image's environment only (CHATLENS_DATA_DIR=/data, PATH), as a container would have it.
mapfile -t image_env < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$tag" | sed '/^$/d')
as_user=(env -i "${image_env[@]}" chroot --userspec=10001:10001 "$rootfs")
check "chatlens --version runs as 10001 from the image alone" \
  bash -c "$(printf '%q ' "${as_user[@]}") /usr/local/bin/chatlens --version | grep -q '^chatlens '"

echo "=== image: serve smoke test"
"${as_user[@]}" /usr/local/bin/chatlens serve --bind 127.0.0.1 --port 0 --web /srv/chatlens/web \
  >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
port=$(wait_port "$tmp/serve.out" 30) || port=
check "serve starts in the image" test -n "$port"
if [[ -n $port ]]; then
  base=http://127.0.0.1:$port
  check "/healthz answers 200" bash -c "curl -fsS '$base/healthz' >/dev/null"
  check "/readyz answers 200" bash -c "curl -fsS '$base/readyz' >/dev/null"
  check "the web app is served with its Content Security Policy" \
    bash -c "curl -fsSi '$base/' | grep -qi '^content-security-policy:'"
  body='{"schema":"chatlens.community_summary","version":1,"top_emoji":["1F602"],"avg_text_length":35,"messages_per_active_day":25,"minutes_per_day":30,"hour_profile":[1,0,0,0,0,0,1,3,5,6,6,7,7,6,6,6,6,6,6,6,6,5,4,2]}'
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "$base/api/v1/contributions")
  check "a contribution is stored (HTTP $code)" test "${code:0:1}" = 2
  check "it is stored in /data as the service user" test "$(stat -c %u "$rootfs/data/community.sqlite3" 2>/dev/null)" = 10001
  check "the HEALTHCHECK command succeeds from the image" \
    bash -c "$(printf '%q ' "${as_user[@]}") /usr/local/bin/chatlens healthcheck --url '$base/healthz'"
  check "export-community runs from the image into /feed (today is still open: nothing to write)" \
    bash -c "$(printf '%q ' "${as_user[@]}") /usr/local/bin/chatlens export-community --out /feed | grep -q '0 days written'"
  kill -TERM "$server"
  wait "$server"
  check "SIGTERM stops it cleanly (exit $?)" test $? -eq 0
  server=
fi
check "the healthcheck command fails when nothing answers" \
  bash -c "! $(printf '%q ' "${as_user[@]}") /usr/local/bin/chatlens healthcheck --url http://127.0.0.1:9/healthz 2>/dev/null"
size=$(podman image inspect --format '{{.Size}}' "$tag")
echo "image size: $((size / 1024 / 1024)) MiB ($size bytes)"
finish
