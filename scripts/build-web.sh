#!/usr/bin/env bash
# Builds the web app, doing only what is out of date:
#   1. the npm packages pinned in web/package-lock.json (`npm ci`, only when
#      web/node_modules is missing or does not match the lockfile);
#   2. the core for the browser: CMake wasm preset, target chatlens_core_web,
#      which copies chatlens_core.{js,wasm} into web/src/wasm-gen (needs the
#      sources from scripts/fetch-wasm-deps.sh);
#   3. the example report of the presentation page (web/src/demo/demo-report.json,
#      a build output, never committed): a generated export of fictional people
#      analysed by the current core (web/scripts/make-demo-report.sh; builds
#      chatlens and gen_export of the release preset in PREFIXrelease);
#   4. the app (web/dist, what `chatlens serve` hosts) and the single-file
#      report template (web/dist-report/report.html, what `chatlens report`
#      fills), each only when one of its inputs is newer than it.
# Used by scripts/run.sh and scripts/test-web.sh. System packages are
# scripts/install-deps.sh's business.
#
# Usage: scripts/build-web.sh [--force]     --force: run the Vite builds even when up to date
# Environment: CHATLENS_JOBS (default: number of cores),
#              CHATLENS_BUILD_PREFIX (default build/: the wasm build dir is PREFIXwasm),
#              CHATLENS_WEB_WASM_DIR (overrides that dir),
#              CHATLENS_WEB_RELEASE_DIR (the release build dir for the example report),
#              VITE_COMMUNITY_URL (the community service when it is not the page's origin;
#              when set, the app is always rebuilt)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
force=0
for a in "$@"; do
  case $a in
    --force) force=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-web: error: unknown argument '$a' (usage: scripts/build-web.sh [--force])" >&2; exit 2 ;;
  esac
done
jobs=${CHATLENS_JOBS:-$(nproc)}
prefix=${CHATLENS_BUILD_PREFIX:-build/}
wasm_dir=${CHATLENS_WEB_WASM_DIR:-${prefix}wasm}
release_dir=${CHATLENS_WEB_RELEASE_DIR:-${prefix}release}
# em++ needs Node's modules (acorn) from Debian's node path.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

die() {
  echo "build-web: error: $*" >&2
  exit 1
}

{ command -v node && command -v npm; } >/dev/null || die "node and npm are needed (scripts/install-deps.sh)"
# Vite 8 and its bundler need Node.js ^20.19 or >= 22.12 (web/package-lock.json, "engines").
node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  process.exit((maj === 20 && min >= 19) || (maj === 22 && min >= 12) || maj > 22 ? 0 : 1)' ||
  die "the web app's build needs Node.js 20.19 or newer (^20.19 or >= 22.12), this is $(node --version);" \
    "Debian 12's own nodejs package is 18: install a newer Node.js (with its npm) and run this again"

# 1. npm packages. npm ci records what it installed in node_modules/.package-lock.json:
# up to date when that lists every package of the lockfile that must be installed
# (optional ones are per platform) at the locked version, and nothing else.
if ! node -e '
  const fs = require("fs");
  const want = JSON.parse(fs.readFileSync("web/package-lock.json", "utf8")).packages;
  let have;
  try { have = JSON.parse(fs.readFileSync("web/node_modules/.package-lock.json", "utf8")).packages; } catch { process.exit(1); }
  for (const [k, p] of Object.entries(want)) {
    if (!k) continue;
    if (have[k] ? have[k].version !== p.version : !p.optional) process.exit(1);
  }
  for (const k of Object.keys(have)) if (!want[k] || !fs.existsSync("web/" + k)) process.exit(1);' 2>/dev/null; then
  echo "build-web: npm ci (web/node_modules does not match web/package-lock.json)"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# 2. The core for the browser (ninja rebuilds only what changed; the copy into
# web/src/wasm-gen keeps the files' times when their content is the same).
scripts/fetch-wasm-deps.sh >/dev/null
if [[ ! -f $wasm_dir/build.ninja ]]; then
  echo "build-web: configuring the wasm preset in $wasm_dir"
  cmake --preset wasm -B "$wasm_dir" >/dev/null
fi
echo "build-web: the core for the browser ($wasm_dir, target chatlens_core_web)"
cmake --build "$wasm_dir" --target chatlens_core_web -j "$jobs"
[[ -f web/src/wasm-gen/chatlens_core.wasm ]] || die "the wasm build left no web/src/wasm-gen/chatlens_core.wasm"

# 3. The example report, made by the current core (ninja rebuilds only what changed).
if [[ ! -f $release_dir/build.ninja ]]; then
  echo "build-web: configuring the release preset in $release_dir (the example report needs chatlens and gen_export)"
  cmake --preset release -B "$release_dir" >/dev/null
fi
cmake --build "$release_dir" --target chatlens gen_export -j "$jobs" >/dev/null
web/scripts/make-demo-report.sh "$release_dir"

# 4. The app and the report template. Inputs: the sources (with wasm-gen), the
# HTML entries, the build's configuration and the installed packages.
inputs=(web/src web/index.html web/report.html web/vite.config.ts web/tsconfig.json web/package.json
  web/package-lock.json web/node_modules/.package-lock.json)
[[ ! -d web/public ]] || inputs+=(web/public)
out_of_date() { # output-file -> true when it is missing or older than an input
  [[ $force -eq 1 || -n ${VITE_COMMUNITY_URL:-} || ! -f $1 ]] && return 0
  [[ -n $(find "${inputs[@]}" -newer "$1" -print -quit) ]]
}
if out_of_date web/dist/index.html; then
  echo "build-web: vite build (web/dist)"
  (cd web && npm run --silent build:app)
else
  echo "build-web: web/dist is up to date"
fi
if out_of_date web/dist-report/report.html; then
  echo "build-web: vite build --mode report (web/dist-report/report.html)"
  (cd web && npm run --silent build:report)
else
  echo "build-web: web/dist-report/report.html is up to date"
fi
