#!/usr/bin/env bash
# Import and end-to-end benchmarks of chatlens, side by side with its peers.
#
# Usage: bench/run.sh [SIZE...]            (default: 50000 500000 5000000 messages)
#
# For each size: generates a WhatsApp Android, a WhatsApp iOS, a Telegram, a Discord (one
# DiscordChatExporter channel) and a Messenger export (one thread, message_N.json) with
# bench/gen_export (deterministic, fictional people) under build/bench/, imports each with
# import_bench (best of at least 5 runs and 2 s of imports, one size per process so memory peaks do not mix), runs
# `chatlens analyze` end to end, and runs the peers on the same WhatsApp Android file:
# chat-analytics and whatsapp-chat-parser (pinned in bench/peers/package.json, installed
# with `npm ci` on first use); chat-analytics also on the same Discord and Messenger files, with
# the ratio to `chatlens analyze` (target: chatlens at least 30× faster end to end). Numbers are printed, never asserted: targets are shown with a
# verdict. Results: stdout and build/bench/results.md.
#
# Environment: CHATLENS_BUILD_PREFIX (default build/: the build dir is PREFIXrelease),
#              CHATLENS_JOBS (default 2), PEER_TIMEOUT (seconds per peer run, default 300),
#              PEER_HEAP_MB (Node heap for peers, default 12288), BENCH_SKIP_PEERS=1.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(50000 500000 5000000)
for s in "${sizes[@]}"; do
  [[ $s =~ ^[0-9]+$ ]] || { echo "bench/run.sh: sizes are message counts, got '$s'" >&2; exit 2; }
done
build=${CHATLENS_BUILD_PREFIX:-build/}release
jobs=${CHATLENS_JOBS:-2}
out=build/bench
peer_timeout=${PEER_TIMEOUT:-300}
peer_heap=${PEER_HEAP_MB:-12288}
mkdir -p "$out" "$build"

# Targets (printed with the verdicts).
wa_target_mbps=300
tg_target_mbps=500
json_target_mbps=500  # every JSON importer (Discord, Messenger, Instagram)
peer_target_ratio=30  # chatlens at least this many times faster than chat-analytics end to end

# --- build (wait while someone else builds in the same folder) -------------------------
build_busy() {
  local abs pid cwd
  abs=$(cd "$(dirname "$build")" && pwd)/$(basename "$build")
  for pid in $(pgrep -x ninja 2>/dev/null) $(pgrep -x cmake 2>/dev/null); do
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || continue
    [[ $cwd == "$abs" || $cwd == "$abs"/* ]] && return 0
    [[ $cwd == "$repo" ]] || continue
    cat "/proc/$pid/cmdline" 2>/dev/null | tr '\0' ' ' | grep -qE -- "(--preset[= ]release|$build)( |$)" && return 0
  done
  return 1
}
waited=0
while build_busy; do
  ((waited % 60 == 0)) && echo "bench/run.sh: $build is busy (another build is running); waiting..." >&2
  sleep 5
  waited=$((waited + 5))
  ((waited < 3600)) || { echo "bench/run.sh: gave up waiting for $build" >&2; exit 1; }
done
(
  flock 9
  cmake --preset release -B "$build" >/dev/null
  cmake --build "$build" -j "$jobs" --target gen_export import_bench chatlens
) 9>"$build/.bench-build.lock"
gen_export=$build/bench/gen_export
import_bench=$build/bench/import_bench
chatlens=$build/cli/chatlens

# --- peers -------------------------------------------------------------------------------
peers=1
if [[ ${BENCH_SKIP_PEERS:-0} == 1 ]]; then
  peers=0
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "bench/run.sh: node/npm not found: peers skipped" >&2
  peers=0
elif [[ ! -x bench/peers/node_modules/.bin/chat-analytics || ! -d bench/peers/node_modules/whatsapp-chat-parser ]]; then
  echo "bench/run.sh: installing the peers (npm ci in bench/peers)" >&2
  (cd bench/peers && npm ci --no-audit --no-fund >/dev/null) || { echo "bench/run.sh: npm ci failed: peers skipped" >&2; peers=0; }
fi

# --- measuring -----------------------------------------------------------------------------
# run_measured LOG CMD...: wall seconds, CPU seconds (user + system) and peak RSS (KiB) of CMD
# and its children into $m_seconds/$m_cpu/$m_rss_kb/$m_status; CMD's output goes to LOG. CPU time
# tells a slow program from a busy machine: on a shared machine wall times swing with the load.
have_time=0
[[ -x /usr/bin/time ]] && have_time=1
run_measured() {
  local log=$1
  shift
  local tf
  tf=$(mktemp)
  m_status=0
  if ((have_time)); then
    /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$log" 2>&1 || m_status=$?
    local user sys
    read -r m_seconds m_rss_kb user sys < <(tail -n 1 "$tf")
    m_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  else
    local start end
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1 || m_status=$?
    end=$(date +%s.%N)
    m_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    m_rss_kb=0
    m_cpu=$m_seconds
  fi
  rm -f "$tf"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }                 # KiB -> MB
# compare A B WORD_MORE WORD_LESS: "3.2× slower" / "1.5× faster" (A relative to B)
compare() {
  awk -v a="$1" -v b="$2" -v more="$3" -v less="$4" 'BEGIN {
    if (a <= 0 || b <= 0) print "n/a"; else if (a >= b) printf "%.1f× %s", a / b, more; else printf "%.1f× %s", b / a, less }'
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

import_rows=()
e2e_rows=()
peer_rows=()

# bench_import FILE FORMAT SIZE TARGET_MBPS: one row of the import table; sets import_ok and
# import_seconds.
bench_import() {
  local input=$1 format=$2 size=$3 target=$4
  local log=$out/import-$format-$size.log status=0 result
  import_ok=0 import_seconds=0
  "$import_bench" "$input" --runs 5 >"$log" 2>&1 || status=$?  # no --me: shows whether the owner is found
  grep -v '^RESULT ' "$log" | sed 's/^/  /' >&2 || true
  result=$(grep '^RESULT ' "$log" || true)
  if [[ -z $result ]]; then
    import_rows+=("| $format | $size | $(awk -v b="$(stat -c %s "$input")" 'BEGIN { printf "%.1f", b / 1e6 }') | n/a | n/a | n/a | n/a | n/a | ≥ $target MB/s | import_bench failed (exit $status): $(tail -n 1 "$log" | cut -c1-80) |")
    return
  fi
  local bytes messages seconds mbps cpu_mbps msgps rss skipped errors limit_kb verdict
  bytes=$(field bytes "$result")
  messages=$(field messages "$result")
  seconds=$(field seconds "$result")
  mbps=$(field mb_per_s "$result")
  cpu_mbps=$(field cpu_mb_per_s "$result")
  msgps=$(field messages_per_s "$result")
  rss=$(field peak_rss_kb "$result")
  skipped=$(field skipped "$result")
  errors=$(field errors "$result")
  limit_kb=$(((2 * bytes) / 1024 + 64 * 1024))
  if [[ $messages == "$size" && $skipped == 0 && $errors == 0 ]]; then
    import_ok=1
    import_seconds=$seconds
    # Speed is judged on wall time; CPU time (also shown) tells a busy machine from a slow importer.
    verdict=$(awk -v m="$mbps" -v c="$cpu_mbps" -v t="$target" -v r="$rss" -v l="$limit_kb" 'BEGIN {
      s = (m >= t) ? "speed ok" : (c >= t ? "speed ok by CPU time only (busy machine?)" : "speed BELOW target")
      print s ", " ((r <= l) ? "memory ok" : "memory OVER target") }')
  else
    verdict="not comparable: imported $messages of $size messages, $skipped lines skipped"
    ((errors == 0)) || verdict="$verdict, input rejected (see $log)"
  fi
  import_rows+=("| $format | $size | $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') | $messages | $(awk -v s="$seconds" 'BEGIN { printf "%.3f", s }') | $mbps / $cpu_mbps | $msgps | $(mb "$rss") (limit $(mb "$limit_kb")) | ≥ $target MB/s, ≤ 2×input+64 MB | $verdict |")
}

# bench_analyze FILE FORMAT SIZE: chatlens analyze end to end (import, owner, insights,
# report JSON); sets analyze_ok, analyze_seconds, analyze_rss_kb.
bench_analyze() {
  local input=$1 format=$2 size=$3 log=$out/analyze-$2-$3.log note=""
  run_measured "$log" "$chatlens" analyze "$input" --me "$owner" -o "$out/report-$format-$size.json"
  analyze_ok=$((m_status == 0)) analyze_seconds=$m_seconds analyze_rss_kb=$m_rss_kb analyze_cpu=$m_cpu
  ((analyze_ok)) || note="failed (exit $m_status): $(tail -n 1 "$log" | cut -c1-80)"
  e2e_rows+=("| $format | $size | $m_seconds | $(mb "$m_rss_kb") | $note |")
}

# bench_platform_peer FORMAT SIZE INPUT...: chat-analytics on the Discord or Messenger files that
# chatlens analyzed as FORMAT (analyze_ok/analyze_seconds/analyze_rss_kb of that run), the ratio and
# a verdict against the 30× target.
platform_rows=()
bench_platform_peer() {
  local format=$1 size=$2 log=$out/peer-chat-analytics-$1-$2.log ratio verdict
  shift 2
  NODE_OPTIONS="--max-old-space-size=$peer_heap" run_measured "$log" timeout "$peer_timeout" \
    bench/peers/node_modules/.bin/chat-analytics -p "$format" -i "$@" -o "$out/peer-chat-analytics-$format-$size.html"
  echo "  chat-analytics ($format): exit $m_status, $m_seconds s ($m_cpu s CPU), $(mb "$m_rss_kb") MB" >&2
  if ((m_status == 124)); then
    platform_rows+=("| $format | $size | timeout (> ${peer_timeout} s) | $(mb "$m_rss_kb") | $analyze_seconds | n/a | chatlens > $(awk -v p="$peer_timeout" -v c="$analyze_seconds" 'BEGIN { printf "%.0f", (c > 0 ? p / c : 0) }')× faster |")
    return
  elif ((m_status != 0)); then
    platform_rows+=("| $format | $size | failed (exit $m_status: $(tail -n 1 "$log" | cut -c1-60)) | $(mb "$m_rss_kb") | $analyze_seconds | n/a | n/a |")
    return
  fi
  if ((analyze_ok)); then
    ratio="chatlens is $(compare "$m_seconds" "$analyze_seconds" faster slower) (CPU time: $(compare "$m_cpu" "$analyze_cpu" faster slower))"
    verdict=$(awk -v p="$m_seconds" -v c="$analyze_seconds" -v pc="$m_cpu" -v cc="$analyze_cpu" -v t="$peer_target_ratio" 'BEGIN {
      if (c <= 0) print "n/a"; else if (p / c >= t) print "ok (≥ " t "×)";
      else if (cc > 0 && pc / cc >= t) print "ok by CPU time only (≥ " t "×; busy machine?)"; else print "BELOW target (" t "×)" }')
  else
    ratio="n/a (chatlens analyze failed: no $format importer in this build?)" verdict="n/a"
  fi
  platform_rows+=("| $format | $size | $m_seconds ($m_cpu CPU) | $(mb "$m_rss_kb") | $analyze_seconds ($analyze_cpu CPU) | $ratio | $verdict |")
}

# bench_peer PEER SIZE FILE: one row of the peers table, compared with chatlens on FILE.
bench_peer() {
  local peer=$1 size=$2 input=$3 log=$out/peer-$1-$2.log cmd vs_time vs_memory extra="" parse_s
  if [[ $peer == chat-analytics ]]; then
    cmd=(bench/peers/node_modules/.bin/chat-analytics -p whatsapp -i "$input" -o "$out/peer-chat-analytics-$size.html")
  else
    cmd=(node bench/peers/parse_whatsapp.mjs "$input")
  fi
  NODE_OPTIONS="--max-old-space-size=$peer_heap" run_measured "$log" timeout "$peer_timeout" "${cmd[@]}"
  echo "  $peer: exit $m_status, $m_seconds s, $(mb "$m_rss_kb") MB" >&2
  if ((m_status == 124)); then
    peer_rows+=("| $peer | $size | timeout (> ${peer_timeout} s) | $(mb "$m_rss_kb") when stopped | n/a | n/a |")
    return
  elif ((m_status != 0)); then
    peer_rows+=("| $peer | $size | failed (exit $m_status: $(tail -n 1 "$log" | cut -c1-60)) | $(mb "$m_rss_kb") | n/a | n/a |")
    return
  fi
  if ((ref_ok)); then
    vs_time="chatlens is $(compare "$m_seconds" "$ref_seconds" faster slower)"
    vs_memory="chatlens uses $(compare "$m_rss_kb" "$ref_rss_kb" less more)"
  else
    vs_time="n/a (chatlens analyze failed)" vs_memory="n/a"
  fi
  if [[ $peer == whatsapp-chat-parser ]]; then
    parse_s=$(sed -n 's/.*"parse_seconds":\([0-9.]*\).*/\1/p' "$log")
    extra="; parseString alone ${parse_s} s"
    ((ref_import_ok)) && extra="$extra, chatlens import $(awk -v s="$ref_import_seconds" 'BEGIN { printf "%.3f", s }') s (chatlens $(compare "$parse_s" "$ref_import_seconds" faster slower))"
  fi
  peer_rows+=("| $peer | $size | $m_seconds | $(mb "$m_rss_kb") | $vs_time$extra | $vs_memory |")
}

for size in "${sizes[@]}"; do
  echo "== $size messages" >&2
  wa_android=$out/whatsapp-android-$size.txt
  wa_ios=$out/whatsapp-ios-$size.txt
  telegram=$out/telegram-$size.json
  owner=$("$gen_export" --format whatsapp-android --messages "$size" --out "$wa_android")
  "$gen_export" --format whatsapp-ios --messages "$size" --out "$wa_ios" >/dev/null
  "$gen_export" --format telegram --messages "$size" --out "$telegram" >/dev/null
  discord=$out/discord-$size.json
  messenger=$out/messenger-$size
  discord_owner=$("$gen_export" --format discord --messages "$size" --chats 1 --out "$discord")
  rm -rf "$messenger"
  "$gen_export" --format messenger --messages "$size" --chats 1 --out "$messenger" >/dev/null

  ref_ok=0 ref_seconds=0 ref_rss_kb=0 ref_import_ok=0 ref_import_seconds=0
  for format in whatsapp-android whatsapp-ios telegram; do
    case $format in
      whatsapp-android) input=$wa_android target=$wa_target_mbps ;;
      whatsapp-ios) input=$wa_ios target=$wa_target_mbps ;;
      telegram) input=$telegram target=$tg_target_mbps ;;
    esac
    bench_import "$input" "$format" "$size" "$target"
    bench_analyze "$input" "$format" "$size"
    if [[ $format == whatsapp-android ]]; then
      ref_ok=$analyze_ok ref_seconds=$analyze_seconds ref_rss_kb=$analyze_rss_kb
      ref_import_ok=$import_ok ref_import_seconds=$import_seconds
    fi
  done

  # Peers on the same WhatsApp Android file.
  if ((peers)); then
    for peer in chat-analytics whatsapp-chat-parser; do bench_peer "$peer" "$size" "$wa_android"; done
  fi

  # Discord and Messenger: chatlens import and end to end, then chat-analytics on the same files.
  bench_import "$discord" discord "$size" "$json_target_mbps"
  wa_owner=$owner owner=$discord_owner  # the owner as Discord names them
  bench_analyze "$discord" discord "$size"
  owner=$wa_owner
  if ((peers)); then bench_platform_peer discord "$size" "$discord"; fi
  bench_import "$messenger" messenger "$size" "$json_target_mbps"
  bench_analyze "$messenger" messenger "$size"
  # chat-analytics needs a thread's files oldest first (message_N.json .. message_1.json): its
  # timeline only grows forwards.
  mapfile -t messenger_files < <(find "$messenger" -name 'message_*.json' | sort -V -r)
  if ((peers)); then bench_platform_peer messenger "$size" "${messenger_files[@]}"; fi
done

# --- report --------------------------------------------------------------------------------
{
  echo "# chatlens benchmark"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+changes'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -m)."
  echo "Inputs: bench/gen_export (fictional, deterministic, seed 1) in $out/. Peak memory is the peak resident set size."
  echo
  echo "## Import (import_bench: ImportSession in-process, best of at least 5 runs and 2 s of imports)"
  echo
  echo "| format | messages | MB | imported | seconds | MB/s (wall / CPU) | messages/s | peak MB | target | verdict |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${import_rows[@]}"
  echo
  echo "## End to end (chatlens analyze FILE --me OWNER -o report.json)"
  echo
  echo "| format | messages | seconds | peak MB | note |"
  echo "|---|---:|---:|---:|---|"
  printf '%s\n' "${e2e_rows[@]}"
  if ((peers)); then
    echo
    echo "## Peers on the same WhatsApp Android file (Node $(node --version), heap limit ${peer_heap} MB, timeout ${peer_timeout} s)"
    echo
    echo "Compared with \`chatlens analyze\` on the same file (time and peak memory of the whole command)."
    echo
    echo "| peer | messages | seconds | peak MB | time | memory |"
    echo "|---|---:|---:|---:|---|---|"
    printf '%s\n' "${peer_rows[@]}"
    echo
    echo "chat-analytics@1.1.2 runs \`chat-analytics -p whatsapp -i FILE -o report.html\`; whatsapp-chat-parser@4.0.2 runs"
    echo "bench/peers/parse_whatsapp.mjs (read the file, parseString)."
    echo
    echo "## chat-analytics on the same Discord and Messenger files (target: chatlens ≥ ${peer_target_ratio}× faster end to end)"
    echo
    echo "Discord: one DiscordChatExporter channel; Messenger: one thread's message_N.json files. chatlens time is"
    echo "\`chatlens analyze\` on the same input (the Discord file, the Messenger folder)."
    echo
    echo "| platform | messages | chat-analytics s | chat-analytics peak MB | chatlens s | ratio | verdict |"
    echo "|---|---:|---:|---:|---:|---|---|"
    printf '%s\n' "${platform_rows[@]}"
  fi
} >"$out/results.md"
echo
cat "$out/results.md"
