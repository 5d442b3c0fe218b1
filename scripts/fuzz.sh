#!/usr/bin/env bash
# Builds the fuzz preset (clang, libFuzzer, ASan + UBSan) and runs each fuzz
# target for SECONDS (default 600), one after the other (2 cores, shared).
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Targets: fuzz_whatsapp_text, fuzz_telegram_json, fuzz_signal, fuzz_meta_json, fuzz_discord, fuzz_import_session (tests/fuzz/) and
# fuzz_contribution_validation (the community service's request validation, server/).
# Layout (all under build/fuzz, or CHATLENS_FUZZ_DIR; never committed):
#   seeds/<target>     generated from the project's own fixtures (tests/fuzz/make_seeds.py)
#   corpus/<target>    what libFuzzer found interesting; kept between runs
#   findings/<target>  crashes, leaks, timeouts, out-of-memory inputs; a run with any fails
# Environment: CHATLENS_FUZZ_EXTRA_SEEDS   more read-only seed folders (':'-separated),
#                e.g. ../shared/corpus; they are read in place, never copied
#              CHATLENS_FUZZ_MAX_LEN       largest input tried (default 262144 bytes: room for the
#                                          20,000-100,000-deep nesting of the hostile seeds)
#              CHATLENS_FUZZ_DIR           the build dir of the fuzz preset (default build/fuzz)
#              CHATLENS_FUZZ_NATIVE_BUILD  a native build to take gen_export and chatlens from for
#                                          seeds (default: the first found under build/)
#              CHATLENS_JOBS               build jobs (default: number of cores)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
seconds=${1:-600}
shift || true
targets=("$@")
jobs=${CHATLENS_JOBS:-$(nproc)}
max_len=${CHATLENS_FUZZ_MAX_LEN:-262144}
out=${CHATLENS_FUZZ_DIR:-build/fuzz}
[[ $out == /* ]] || out=$repo/$out

scripts/install-deps.sh
[[ -f $out/build.ninja ]] || cmake --preset fuzz -B "$out" >/dev/null
# Default: every fuzz_* target the build defines (tests/fuzz/CMakeLists.txt).
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <(cmake --build "$out" --target help | sed -n -E 's/^(fuzz_[A-Za-z0-9_]+):.*/\1/p' | sort -u)
  [[ ${#targets[@]} -gt 0 ]] || { echo "fuzz.sh: error: the fuzz preset defines no fuzz_* target" >&2; exit 1; }
fi
cmake --build "$out" -j "$jobs" --target "${targets[@]}"

# Seeds: bench/gen_export's small exports too when a native build has one, and the
# community summaries of `chatlens analyze` on them when there is a native chatlens.
gen_args=()
native() { # name -> an executable of that name in a native build (never a fuzz build)
  find "${CHATLENS_FUZZ_NATIVE_BUILD:-build}" -path "*fuzz*" -prune -o -type f -name "$1" -perm -u+x -print -quit \
    2>/dev/null || true
}
gen_export=$(native gen_export)
[[ -z $gen_export ]] || gen_args=(--gen-export "$gen_export")
chatlens=$(native chatlens)
[[ -z $chatlens || -z $gen_export ]] || gen_args+=(--chatlens "$chatlens")
python3 tests/fuzz/make_seeds.py "$repo" "$out/seeds" "${gen_args[@]}"

# The session target sees every format, and the line that splits its input into files.
cat tests/fuzz/whatsapp.dict tests/fuzz/telegram.dict tests/fuzz/signal.dict tests/fuzz/discord.dict >"$out/session.dict"
printf 'next_input="\\x0a--chatlens-fuzz-next-input--\\x0a"\n' >>"$out/session.dict"

extra=()
if [[ -n ${CHATLENS_FUZZ_EXTRA_SEEDS:-} ]]; then
  IFS=: read -r -a extra <<<"$CHATLENS_FUZZ_EXTRA_SEEDS"
fi

# Any UBSan report is a finding (the build also sets -fno-sanitize-recover).
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

summary=()
status=0
for t in "${targets[@]}"; do
  # Dictionary: tests/fuzz/<first word after fuzz_>.dict (whatsapp, telegram, ...).
  word=${t#fuzz_}
  word=${word%%_*}
  dict_args=()
  if [[ $t == fuzz_import_session ]]; then
    dict_args=(-dict="$out/session.dict")
  elif [[ -f tests/fuzz/$word.dict ]]; then
    dict_args=(-dict="tests/fuzz/$word.dict")
  fi
  # Request bodies above 4 KiB are refused unread (kMaxContributionBytes): longer inputs waste runs.
  len=$max_len
  [[ $t != fuzz_contribution_validation || -n ${CHATLENS_FUZZ_MAX_LEN:-} ]] || len=8192
  mkdir -p "$out/corpus/$t" "$out/seeds/$t" "$out/findings/$t"
  log=$out/findings/$t.log
  before=$(find "$out/findings/$t" -type f | wc -l)
  echo
  echo "=== $t for ${seconds}s (log: $log)"
  rc=0
  # The first folder is the working corpus (libFuzzer writes only there); the
  # others are seeds, read only.
  "$out/tests/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$len" \
    "${dict_args[@]}" -artifact_prefix="$out/findings/$t/" -print_final_stats=1 \
    "$out/corpus/$t" "$out/seeds/$t" "${extra[@]}" >"$log" 2>&1 || rc=$?
  after=$(find "$out/findings/$t" -type f | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  if [[ $rc -ne 0 || $after -gt $before ]]; then
    status=1
    summary+=("$t: FINDING (exit $rc, $((after - before)) new file(s) in $out/findings/$t); ${execs:-?} runs, $cov")
    grep -m 3 -E '^(==[0-9]+==ERROR|SUMMARY:|.*runtime error:)' "$log" | sed 's/^/    /' || true
  else
    summary+=("$t: ok, ${execs:-?} runs, ${cov:-cov: ?}, corpus $corpus inputs")
  fi
done

echo
echo "=== fuzz summary (${seconds}s each)"
printf '%s\n' "${summary[@]}"
exit "$status"
