#!/usr/bin/env bash
# The deployment's tests (deploy/, Containerfile, .github/workflows/), each part counted:
#   workflows  the GitHub Actions workflows checked by action-validator (pinned in deploy/aws)
#   cdk        the AWS CDK app: type check, one synthesis per configuration with cdk-nag
#              (no unsuppressed finding) and the assertion tests (node's test runner)
#   image      tests/deploy/image_test.sh: the image built once with podman, checked under chroot
#   ha         tests/deploy/ha_test.sh: PostgreSQL + two services + nginx, one SIGKILLed mid-load
# Needs build/release/cli/chatlens and web/dist (scripts/test.sh runs this after those).
# Ends with "N passed, N failed, N skipped"; exits non-zero when anything failed.
#
# Usage: scripts/test-deploy.sh [PART...]     (default: workflows cdk image ha)
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
parts=("$@")
[[ ${#parts[@]} -gt 0 ]] || parts=(workflows cdk image ha)
prefix=${CHATLENS_BUILD_PREFIX:-build/}
mkdir -p "${prefix}deploy"
log_dir=$(cd "${prefix}deploy" && pwd)
passed=0 failed=0 skipped=0
lines=()

add() { # part passed failed note
  passed=$((passed + $2))
  failed=$((failed + $3))
  lines+=("deploy $1: $2 passed, $3 failed$4")
}

# The pinned npm packages (aws-cdk-lib, cdk-nag, action-validator...), installed when missing or stale.
npm_ready() {
  # Up to date when node_modules lists every non-optional package of the lockfile at its version.
  if ! node -e '
    const fs = require("fs");
    const want = JSON.parse(fs.readFileSync("deploy/aws/package-lock.json", "utf8")).packages;
    let have;
    try { have = JSON.parse(fs.readFileSync("deploy/aws/node_modules/.package-lock.json", "utf8")).packages; } catch { process.exit(1); }
    for (const [k, p] of Object.entries(want)) if (k && !p.optional && have[k]?.version !== p.version) process.exit(1);
    for (const k of Object.keys(have)) if (!(k in want)) process.exit(1);'; then
    (cd deploy/aws && npm ci --no-audit --no-fund) || return 1
  fi
}

# A script's closing "N passed, N failed" line.
closing() { grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1; }

for part in "${parts[@]}"; do
  echo
  echo "=== deploy: $part"
  log=$log_dir/$part.log
  case $part in
    workflows)
      if npm_ready; then
        n=0 bad=0
        for f in .github/workflows/*.yml; do
          n=$((n + 1))
          if deploy/aws/node_modules/.bin/action-validator "$f" >"$log" 2>&1; then echo "  ok: $f"; else bad=$((bad + 1)); cat "$log"; fi
        done
        add workflows $((n - bad)) "$bad" ""
      else
        add workflows 0 1 " (npm ci failed)"
      fi
      ;;
    cdk)
      if ! npm_ready; then
        add cdk 0 1 " (npm ci failed)"
        continue
      fi
      rc=0
      (cd deploy/aws && npx tsc --noEmit -p tsconfig.json) || rc=$?
      tc_failed=$((rc != 0))
      rm -rf "$log_dir/cdk.out"
      (cd deploy/aws && CDK_OUTDIR="$log_dir/cdk.out" node --import tsx --test test/*.test.ts) 2>&1 | tee "$log"
      p=$(grep -E '^# pass [0-9]+' "$log" | awk '{print $3}')
      f=$(grep -E '^# fail [0-9]+' "$log" | awk '{print $3}')
      note=""
      [[ -z $p ]] && { p=0 f=1 note=" (the test runner did not finish)"; }
      [[ $tc_failed -eq 1 ]] && note="$note (type check failed)"
      add cdk $((p + 1 - tc_failed)) $((f + tc_failed)) "$note; templates and cdk-nag reports in $log_dir/cdk.out"
      ;;
    image | ha)
      script=tests/deploy/${part}_test.sh
      [[ $part == image ]] && args=(chatlens:test) || args=()
      "$script" "${args[@]}" 2>&1 | tee "$log"
      line=$(closing "$log")
      if [[ -n $line ]]; then
        read -r p _ f _ <<<"${line//,/}"
        add "$part" "$p" "$f" ""
      else
        add "$part" 0 1 " ($script did not finish)"
      fi
      [[ $part == image ]] && lines+=("  $(grep -h '^image size:' "$log")")
      ;;
    *)
      echo "test-deploy: unknown part '$part' (workflows, cdk, image, ha)" >&2
      exit 2
      ;;
  esac
done

echo
for l in "${lines[@]}"; do echo "$l"; done
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
