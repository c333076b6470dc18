#!/usr/bin/env bash
# Runs `swift test` N times (default 3) in this checkout while H busy loops (default 2, one
# per core here) compete for the CPU, and prints one line per run plus any failed
# expectations: a check that the tests do not depend on a quiet machine.
# Usage: scripts/stress-tests.sh [N] [H]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
hogs=${2:-2}
log=$(mktemp)
trap 'rm -f "$log"; kill $(jobs -p) 2>/dev/null' EXIT
for i in $(seq "$runs"); do
  pids=()
  for _ in $(seq "$hogs"); do yes > /dev/null & pids+=($!); done
  start=$(date +%s)
  swift test > "$log" 2>&1
  status=$?
  kill "${pids[@]}"
  echo "run $i: exit $status, $(( $(date +%s) - start )) s | $(grep -E 'Test run with' "$log" | tail -1 | sed 's/.*Test run/Test run/')"
  grep -E '(✘|↳)' "$log" | grep -v -E 'Suite .* failed|Testing Library|Target Platform' | head -20 | sed 's/^/    /'
done
