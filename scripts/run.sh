#!/usr/bin/env bash
# Starts the whole chatlens platform on http://127.0.0.1:8080: installs what is
# missing, builds the release preset (chatlens, bench/gen_export) and the web
# app (scripts/build-web.sh: the core as WebAssembly, web/dist), makes an example
# WhatsApp export of fictional people and prints `chatlens analyze`'s summary
# of it, then runs `chatlens serve` (the web app and the community service,
# SQLite in ~/.local/share/chatlens) until Ctrl-C. A second run rebuilds only
# what changed.
#
# Usage: scripts/run.sh                 the platform (after the example's summary)
#        scripts/run.sh --no-serve      only the example's summary (no web build, no server)
#        scripts/run.sh PATH... [--me NAME] [-o report.json]
#                                       `chatlens analyze` on your own exports instead
#                                       (arguments go to it unchanged; no server)
# Environment: CHATLENS_JOBS (default: number of cores),
#              CHATLENS_BUILD_PREFIX (default build/: the build dirs are PREFIXrelease, PREFIXwasm),
#              CHATLENS_PORT (default 8080), CHATLENS_BIND (default 127.0.0.1)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jobs=${CHATLENS_JOBS:-$(nproc)}
prefix=${CHATLENS_BUILD_PREFIX:-build/}
dir=${prefix}release
port=${CHATLENS_PORT:-8080}
bind=${CHATLENS_BIND:-127.0.0.1}

serve=1
if [[ ${1:-} == --no-serve ]]; then
  serve=0
  shift
  [[ $# -eq 0 ]] || { echo "run.sh: error: --no-serve takes no other argument" >&2; exit 2; }
fi
[[ $# -eq 0 ]] || serve=0  # your own exports: analyze only

scripts/install-deps.sh
[[ -f $dir/build.ninja ]] || cmake --preset release -B "$dir" >/dev/null
# Only what this script runs: quicker than the whole tree (tests, benchmarks).
targets=(chatlens)
[[ $# -gt 0 ]] || targets+=(gen_export)
cmake --build "$dir" -j "$jobs" --target "${targets[@]}"

chatlens=$dir/cli/chatlens
if [[ $# -gt 0 ]]; then
  exec "$chatlens" analyze "$@"
fi

# The web app before anything is printed, so the example's summary stays in view.
if [[ $serve -eq 1 ]]; then
  CHATLENS_JOBS=$jobs CHATLENS_BUILD_PREFIX=$prefix scripts/build-web.sh
fi

gen_export=$(find "$dir" -type f -name gen_export -perm -u+x -print -quit)
[[ -n $gen_export ]] || {
  echo "run.sh: error: bench/gen_export was not built in $dir" >&2
  exit 1
}

# Six WhatsApp (Android) chats of the same fictional owner, always the same bytes.
example=build/example
rm -rf "$example"
mkdir -p "$example"
owner=$("$gen_export" --format whatsapp-android --messages 20000 --chats 6 --seed 1 --out "$example/whatsapp")

# --out may name a file or a folder of chat files: analyse whatever it wrote.
inputs=()
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$example/whatsapp" -type f -print0 | sort -z)
[[ ${#inputs[@]} -gt 0 ]] || {
  echo "run.sh: error: gen_export wrote nothing under $example/whatsapp" >&2
  exit 1
}

echo
echo "Example export: ${#inputs[@]} chat file(s) of fictional people in $example/whatsapp; you are \"$owner\"."
echo "\$ $chatlens analyze $example/whatsapp/* --me \"$owner\"    (add -o report.json for the full report)"
echo
"$chatlens" analyze "${inputs[@]}" --me "$owner"

[[ $serve -eq 1 ]] || exit 0
host=$bind
[[ $host != 0.0.0.0 && $host != :: ]] || host=127.0.0.1
[[ $host != *:* ]] || host="[$host]"
echo
echo "chatlens is starting on http://$host:$port/ : open it in your browser and drop the files of"
echo "$example/whatsapp (or your own exports) on the page. Ctrl-C stops it."
echo "\$ $chatlens serve --port $port --bind $bind --web web/dist"
echo
exec "$chatlens" serve --port "$port" --bind "$bind" --web web/dist
