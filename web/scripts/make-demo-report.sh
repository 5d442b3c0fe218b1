#!/usr/bin/env bash
# Regenerates src/demo/demo-report.json: the live example on the presentation
# page. A generated WhatsApp export of fictional people (bench/gen_export),
# analysed by the chatlens command itself. Needs the release build:
#   cmake --preset release && cmake --build --preset release
# Usage: web/scripts/make-demo-report.sh [BUILD_DIR]   (default: build/release)
set -euo pipefail
web=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$web/.." && pwd)
build=${1:-$repo/build/release}
gen=$build/bench/gen_export
cli=$build/cli/chatlens
[[ -x $gen && -x $cli ]] || { echo "make-demo-report: build $gen and $cli first (release preset)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" --format whatsapp-android --messages 3000 --chats 6 --seed 1 --out "$tmp/demo" >/dev/null 2>&1
# Relative paths, so the report names the files and not this machine's folders.
(cd "$tmp/demo" && "$cli" analyze ./*.txt -o "$tmp/report.json" 2>/dev/null)
python3 - "$tmp/report.json" "$web/src/demo/demo-report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(report, f, ensure_ascii=False, indent=1)
    f.write("\n")
PY
echo "make-demo-report: wrote $web/src/demo/demo-report.json"
