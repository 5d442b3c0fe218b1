#!/usr/bin/env bash
# The web app's tests: installs what they need (Debian's chromium and emoji
# font, the npm packages pinned in web/package-lock.json), builds the core for
# the browser and the app (scripts/build-web.sh: CMake wasm preset, target
# chatlens_core_web; web/dist and the single-file template
# web/dist-report/report.html), the chatlens command and the export generator
# (release preset, two targets); then runs
#   - Vitest: components, the worker protocol against the real core, the i18n catalogue,
#     the section manifest
#   - the report contract: every report of chatlens analyze valid against
#     docs/report.schema.json (tests/contract/report_contract.mjs)
#   - the end-to-end flow in headless Chromium (web/tests/e2e/e2e.mjs), which keeps
#     screenshots in build/web-artifacts/, and the phone-size comparison, sharing and
#     story in both languages (web/tests/e2e/share-story.mjs), and the six-platform mixed run
#     (web/tests/e2e/mixed-run.mjs: one person across platforms, "Add exports"), and the
#     worker's two read paths, streams through JSPI and FileReaderSync, compared (stream-reads.mjs)
# and ends with a plain "N passed, N failed, N skipped" line; exits non-zero on any failure.
#
# Usage: scripts/test-web.sh
# Environment: CHATLENS_JOBS (default: number of cores),
#              CHATLENS_BUILD_PREFIX (default build/: uses PREFIXwasm and PREFIXrelease, like test.sh),
#              CHATLENS_WEB_WASM_DIR, CHATLENS_WEB_RELEASE_DIR (override those two build dirs),
#              CHATLENS_ARTIFACTS (default build/web-artifacts: screenshots, logs)
# Whatever the build dirs, the app is built in place: web/node_modules, web/src/wasm-gen,
# web/dist and web/dist-report.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jobs=${CHATLENS_JOBS:-$(nproc)}
prefix=${CHATLENS_BUILD_PREFIX:-build/}
wasm_dir=${CHATLENS_WEB_WASM_DIR:-${prefix}wasm}
release_dir=${CHATLENS_WEB_RELEASE_DIR:-${prefix}release}
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
artifacts=${CHATLENS_ARTIFACTS:-$repo/build/web-artifacts}
export CHATLENS_ARTIFACTS=$artifacts  # web/tests/e2e/e2e.mjs writes there too
mkdir -p "$artifacts"
start=$SECONDS

echo "=== web: system packages"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg-query -W -f='${db:Status-Abbrev}' fonts-noto-color-emoji 2>/dev/null | grep -q '^ii' || missing+=(fonts-noto-color-emoji)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  echo "installing ${missing[*]}"
  "${sudo[@]}" apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 ||
    { "${sudo[@]}" apt-get update -q >/dev/null && "${sudo[@]}" apt-get install -y -q "${missing[@]}"; }
fi

echo "=== web: npm packages, the core for the browser ($wasm_dir), the app (scripts/build-web.sh)"
# --force: the tests always run against a fresh Vite build of the current sources.
CHATLENS_WEB_WASM_DIR=$wasm_dir CHATLENS_WEB_RELEASE_DIR=$release_dir scripts/build-web.sh --force

echo "=== web: chatlens and gen_export ($release_dir)"
if [[ ! -f $release_dir/build.ninja ]]; then
  cmake --preset release -B "$release_dir" >/dev/null
fi
cmake --build "$release_dir" --target chatlens gen_export -j "$jobs"

echo "=== web: type check, format check"
(cd web && npm run --silent typecheck && npm run --silent format:check)
# The report's TypeScript types are generated from docs/report.schema.json: they must be current.
(cd web && npm run --silent check:types)
# The lockfile records no download host (web/.npmrc: omit-lockfile-registry-resolved).
if grep -q '"resolved"' web/package-lock.json; then
  echo "web/package-lock.json records download addresses (\"resolved\"): regenerate it with web/.npmrc in place" >&2
  exit 1
fi
# Nothing in the built app may name another host: the page connects to its own origin only.
if grep -RhoE --binary-files=without-match 'https?://[a-zA-Z0-9.-]+' web/dist web/dist-report | grep -vE '://(www\.w3\.org|localhost|127\.0\.0\.1)' | sort -u | grep -q .; then
  echo "note: URLs in the bundle (from libraries; the Content Security Policy blocks any connection to them):"
  grep -RhoE --binary-files=without-match 'https?://[a-zA-Z0-9.-]+' web/dist web/dist-report | grep -vE '://(www\.w3\.org|localhost|127\.0\.0\.1)' | sort -u | sed 's/^/  /'
fi

unit_passed=0 unit_failed=0 unit_skipped=0
echo
echo "=== web: unit tests (Vitest)"
rm -f "$artifacts/vitest.json"
unit_rc=0
release_abs=$(cd "$release_dir" && pwd)
# The unit tests analyse generated exports with this build's chatlens (tests/unit/global-setup.ts).
(cd web && CHATLENS_BUILD="$release_abs" npx vitest run --reporter=default --reporter=json --outputFile="$artifacts/vitest.json") || unit_rc=$?
if [[ -f $artifacts/vitest.json ]]; then
  read -r unit_passed unit_failed unit_skipped < <(node -e '
    const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests)' "$artifacts/vitest.json")
fi
if [[ $unit_rc -ne 0 && $unit_failed -eq 0 ]]; then unit_failed=1; fi

echo
echo "=== web: the report contract (docs/report.schema.json, ajv; tests/contract/report_contract.mjs)"
# Also a ctest test of the release preset, which skips when web/node_modules is not there yet:
# here the packages are installed, so it always runs.
contract_log=$artifacts/contract.log
contract_rc=0
node tests/contract/report_contract.mjs --chatlens "$release_abs/cli/chatlens" --gen-export "$release_abs/bench/gen_export" \
  2>&1 | tee "$contract_log" || contract_rc=$?
contract_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$contract_log" | tail -n 1 || true)
contract_passed=0 contract_failed=0
[[ -z $contract_line ]] || read -r contract_passed _ contract_failed _ _ _ <<<"${contract_line//,/}"
if [[ $contract_rc -ne 0 && $contract_failed -eq 0 ]] || [[ -z $contract_line ]]; then contract_failed=$((contract_failed + 1)); fi

echo
echo "=== web: end to end (headless Chromium)"
e2e_log=$artifacts/e2e.log
e2e_rc=0
(cd web && CHATLENS_BUILD="$release_abs" node tests/e2e/e2e.mjs) 2>&1 | tee "$e2e_log" || e2e_rc=$?
e2e_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$e2e_log" | tail -n 1 || true)
e2e_passed=0 e2e_failed=0 e2e_skipped=0
if [[ -n $e2e_line ]]; then
  read -r e2e_passed _ e2e_failed _ e2e_skipped _ <<<"${e2e_line//,/}"
fi
if [[ $e2e_rc -ne 0 && $e2e_failed -eq 0 ]] || [[ -z $e2e_line ]]; then e2e_failed=$((e2e_failed + 1)); fi

echo
echo "=== web: end to end at phone size: comparison, sharing, story (headless Chromium)"
phone_log=$artifacts/e2e-share-story.log
phone_rc=0
(cd web && node tests/e2e/share-story.mjs) 2>&1 | tee "$phone_log" || phone_rc=$?
phone_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$phone_log" | tail -n 1 || true)
phone_passed=0 phone_failed=0
[[ -z $phone_line ]] || read -r phone_passed _ phone_failed _ _ _ <<<"${phone_line//,/}"
if [[ $phone_rc -ne 0 && $phone_failed -eq 0 ]] || [[ -z $phone_line ]]; then phone_failed=$((phone_failed + 1)); fi

echo
echo "=== web: end to end, the six-platform mixed run (headless Chromium)"
mixed_log=$artifacts/e2e-mixed-run.log
mixed_rc=0
(cd web && CHATLENS_BUILD="$release_abs" node tests/e2e/mixed-run.mjs) 2>&1 | tee "$mixed_log" || mixed_rc=$?
mixed_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$mixed_log" | tail -n 1 || true)
mixed_passed=0 mixed_failed=0
[[ -z $mixed_line ]] || read -r mixed_passed _ mixed_failed _ _ _ <<<"${mixed_line//,/}"
if [[ $mixed_rc -ne 0 && $mixed_failed -eq 0 ]] || [[ -z $mixed_line ]]; then mixed_failed=$((mixed_failed + 1)); fi

echo
echo "=== web: end to end, stream reads (JSPI) and FileReaderSync give the same reports (headless Chromium)"
stream_log=$artifacts/e2e-stream-reads.log
stream_rc=0
(cd web && CHATLENS_BUILD="$release_abs" node tests/e2e/stream-reads.mjs) 2>&1 | tee "$stream_log" || stream_rc=$?
stream_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$stream_log" | tail -n 1 || true)
stream_passed=0 stream_failed=0
[[ -z $stream_line ]] || read -r stream_passed _ stream_failed _ _ _ <<<"${stream_line//,/}"
if [[ $stream_rc -ne 0 && $stream_failed -eq 0 ]] || [[ -z $stream_line ]]; then stream_failed=$((stream_failed + 1)); fi
e2e_passed=$((e2e_passed + phone_passed + mixed_passed + stream_passed))
e2e_failed=$((e2e_failed + phone_failed + mixed_failed + stream_failed))

passed=$((unit_passed + contract_passed + e2e_passed))
failed=$((unit_failed + contract_failed + e2e_failed))
skipped=$((unit_skipped + e2e_skipped))
echo
echo "=== web summary ($((SECONDS - start)) s)"
echo "web unit: $unit_passed passed, $unit_failed failed, $unit_skipped skipped"
echo "report contract: $contract_passed passed, $contract_failed failed"
echo "web e2e: $e2e_passed passed, $e2e_failed failed, $e2e_skipped skipped"
echo "screenshots: $artifacts"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
