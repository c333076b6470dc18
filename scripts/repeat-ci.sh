#!/usr/bin/env bash
# Runs .ci/run N times in a row (default 10) in one fresh clone of this repository and prints
# one line per run: exit status, seconds, the test runner's closing line, the gate's verdict.
# A failing run also prints its failed expectations and the gate's failing rows, so a rare
# flake is diagnosable without re-running it.
# Set LOCK=FILE to serialize the runs with other work (scripts/machine-lock.sh).
# Usage: scripts/repeat-ci.sh [N]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=machine-lock.sh
. "$repo/scripts/machine-lock.sh"
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
for i in $(seq "$runs"); do
  lock_machine
  start=$(date +%s)
  CI=true bash .ci/run >"$work/run$i.log" 2>&1
  status=$?
  tests=$(grep -E 'Test run with' "$work/run$i.log" | tail -1 | sed 's/.*Test run/Test run/')
  verdict=$(grep -E '^(PASS|FAIL|INCONCLUSIVE)' "$work/run$i.log" | tail -1)
  echo "run $i: exit $status, $(( $(date +%s) - start )) s | $tests | $verdict"
  if [ "$status" -ne 0 ]; then
    grep -E '(✘|↳|REGRESSION|error:)' "$work/run$i.log" | grep -v 'Suite .* failed' | head -40 | sed 's/^/    /'
  fi
  unlock_machine
done
