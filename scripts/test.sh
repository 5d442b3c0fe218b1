#!/usr/bin/env bash
# Every test: installs what is missing, fetches the WebAssembly build's sources,
# then configures, builds and tests the presets release (native -O2, including
# the chatlens command's checks), debug (AddressSanitizer + UndefinedBehavior-
# Sanitizer) and wasm (the core's tests compiled by Emscripten, run under Node).
# Ends with one summary line per preset and an overall
# "N passed, N failed, N skipped" line; exits non-zero on any failure.
#
# Then the web app's suite (scripts/test-web.sh) when release and wasm were built,
# and the deployment's (scripts/test-deploy.sh: CDK synthesis + cdk-nag + assertion tests,
# workflow lint, container image, nginx high-availability topology) after it.
#
# Usage: scripts/test.sh [PRESET...]        (default: release debug wasm)
# Environment: CHATLENS_JOBS (default: number of cores),
#              CHATLENS_BUILD_PREFIX (default build/: build dirs are PREFIX<preset>),
#              CHATLENS_SKIP_WEB=1 / CHATLENS_SKIP_DEPLOY=1 (leave those suites out)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

presets=("$@")
[[ ${#presets[@]} -gt 0 ]] || presets=(release debug wasm)
jobs=${CHATLENS_JOBS:-$(nproc)}
prefix=${CHATLENS_BUILD_PREFIX:-build/}
# em++ needs Node's modules (acorn) from Debian's node path.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

start=$SECONDS
scripts/install-deps.sh

summary=()
total_passed=0 total_failed=0 total_skipped=0

# Counts the outcome of each test case in ctest's JUnit file.
count_status() { # file status... -> number of <testcase> elements with one of these statuses
  local file=$1 n=0 s
  shift
  for s in "$@"; do
    n=$((n + $({ grep -o "<testcase [^>]*status=\"$s\"" "$file" || true; } | wc -l)))
  done
  echo "$n"
}

run_preset() {
  local preset=$1 dir=$prefix$1 t0=$SECONDS
  local junit=$dir/ctest-junit.xml
  echo
  echo "=== $preset: configure, build, test in $dir"
  # The WebAssembly build compiles simdjson and utf8proc from Debian's sources.
  if [[ $preset == wasm ]] && ! scripts/fetch-wasm-deps.sh; then
    summary+=("$preset: FAILED to fetch the sources of simdjson/utf8proc ($((SECONDS - t0)) s)")
    total_failed=$((total_failed + 1))
    return
  fi
  if ! cmake --preset "$preset" -B "$dir"; then
    summary+=("$preset: configure FAILED ($((SECONDS - t0)) s)")
    total_failed=$((total_failed + 1))
    return
  fi
  if ! cmake --build "$dir" -j "$jobs"; then
    summary+=("$preset: build FAILED ($((SECONDS - t0)) s)")
    total_failed=$((total_failed + 1))
    return
  fi
  rm -f "$junit"
  local rc=0
  # --timeout: a hung test fails after 5 minutes instead of eating CI's time.
  ctest --test-dir "$dir" -j "$jobs" --timeout 300 --output-on-failure \
    --output-junit "$(cd "$dir" && pwd)/ctest-junit.xml" || rc=$?
  local passed=0 failed=0 skipped=0
  if [[ -f $junit ]]; then
    passed=$(count_status "$junit" run)
    failed=$(count_status "$junit" fail)
    skipped=$(count_status "$junit" notrun disabled)
  fi
  # ctest failing without a failed case (a test binary that cannot even list
  # its tests, a crash in ctest) is a failure too, and so is running nothing.
  local note=""
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    failed=1
    note=" (ctest exited $rc)"
  elif [[ $((passed + failed + skipped)) -eq 0 ]]; then
    failed=1
    note=" (no test ran)"
  fi
  summary+=("$preset: $passed passed, $failed failed, $skipped skipped$note ($((SECONDS - t0)) s)")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
}

for p in "${presets[@]}"; do
  run_preset "$p"
done

# The web app (Vitest + Playwright in Debian's Chromium) runs after the presets
# it builds on (wasm for the core, release for chatlens and the generator).
run_web() {
  local t0=$SECONDS log=$prefix/web-test.log
  echo
  echo "=== web: scripts/test-web.sh"
  mkdir -p "$prefix"
  local rc=0
  CHATLENS_BUILD_PREFIX=$prefix scripts/test-web.sh 2>&1 | tee "$log" || rc=$?
  local line passed=0 failed=0 skipped=0
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -1 || true)
  if [[ -n $line ]]; then
    read -r passed _ failed _ skipped _ <<<"${line//,/}"
  fi
  local note=""
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    failed=1
    note=" (test-web.sh exited $rc)"
  fi
  summary+=("web: $passed passed, $failed failed, $skipped skipped$note ($((SECONDS - t0)) s)")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
}
if [[ ${CHATLENS_SKIP_WEB:-0} != 1 && " ${presets[*]} " == *" wasm "* && " ${presets[*]} " == *" release "* ]]; then
  run_web
fi

# The deployment's suite needs chatlens (release) and web/dist (built by the web suite).
run_deploy() {
  local t0=$SECONDS log=$prefix/deploy-test.log
  echo
  echo "=== deploy: scripts/test-deploy.sh"
  local rc=0
  CHATLENS_BUILD_PREFIX=$prefix scripts/test-deploy.sh 2>&1 | tee "$log" || rc=$?
  local line passed=0 failed=0 skipped=0
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -1 || true)
  if [[ -n $line ]]; then
    read -r passed _ failed _ skipped _ <<<"${line//,/}"
  fi
  local note=""
  if [[ $rc -ne 0 && $failed -eq 0 ]]; then
    failed=1
    note=" (test-deploy.sh exited $rc)"
  fi
  summary+=("deploy: $passed passed, $failed failed, $skipped skipped$note ($((SECONDS - t0)) s)")
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
}
if [[ ${CHATLENS_SKIP_WEB:-0} != 1 && ${CHATLENS_SKIP_DEPLOY:-0} != 1 && " ${presets[*]} " == *" wasm "* &&
  " ${presets[*]} " == *" release "* ]]; then
  run_deploy
fi

echo
echo "=== summary ($((SECONDS - start)) s)"
for line in "${summary[@]}"; do
  echo "preset $line"
done
if [[ $total_skipped -gt 0 ]]; then
  echo "(skipped tests did NOT run: see 'The following tests did not run' above; the corpus suites need ../shared/corpus beside the repository)"
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
[[ $total_failed -eq 0 ]]
