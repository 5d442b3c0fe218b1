#!/usr/bin/env bash
# See chatlens work: installs what is missing, builds the release preset, makes
# an example WhatsApp export of fictional people (bench/gen_export) and prints
# `chatlens analyze`'s summary of it.
#
# Usage: scripts/run.sh                 the example export
#        scripts/run.sh PATH... [--me NAME] [-o report.json]
#                                       your own exports instead (arguments go
#                                       to `chatlens analyze` unchanged)
# Environment: CHATLENS_JOBS (default: number of cores),
#              CHATLENS_BUILD_PREFIX (default build/: the build dir is PREFIXrelease)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jobs=${CHATLENS_JOBS:-$(nproc)}
dir=${CHATLENS_BUILD_PREFIX:-build/}release

scripts/install-deps.sh
cmake --preset release -B "$dir" >/dev/null
# Only what this script runs: quicker than the whole tree (tests, benchmarks).
targets=(chatlens)
[[ $# -gt 0 ]] || targets+=(gen_export)
cmake --build "$dir" -j "$jobs" --target "${targets[@]}"

chatlens=$dir/cli/chatlens
if [[ $# -gt 0 ]]; then
  exec "$chatlens" analyze "$@"
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

echo "Example export: ${#inputs[@]} chat file(s) of fictional people in $example/whatsapp; you are \"$owner\"."
echo "\$ $chatlens analyze $example/whatsapp/* --me \"$owner\"    (add -o report.json for the full report)"
echo
"$chatlens" analyze "${inputs[@]}" --me "$owner"
