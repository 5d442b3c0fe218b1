#!/usr/bin/env bash
# Writes src/demo/demo-report.json, the live example on the presentation page: a
# build output (scripts/build-web.sh runs this; the file is never committed), so it
# is always what the current core says. A generated WhatsApp export of fictional
# people (bench/gen_export), analysed by the chatlens command itself. Needs the
# release build:
#   cmake --preset release && cmake --build --preset release
# Usage: web/scripts/make-demo-report.sh [BUILD_DIR]   (default: build/release)
set -euo pipefail
web=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repo=$(cd "$web/.." && pwd)
build=$(cd "${1:-$repo/build/release}" && pwd)  # absolute: the analysis runs in another folder
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
text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
# Unchanged content keeps the file's time, so the app is not rebuilt for nothing.
try:
    same = open(sys.argv[2], encoding="utf-8").read() == text
except FileNotFoundError:
    same = False
if not same:
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(text)
print("make-demo-report: " + ("up to date: " if same else "wrote ") + sys.argv[2])
PY
