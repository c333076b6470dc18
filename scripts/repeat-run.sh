#!/usr/bin/env bash
# The README's main command on N fresh clones (default 20): for each run, a new `git clone`
# of this repository, then `swift run -c release memgate run` (a clean release build every
# time). Prints one line per run (exit status, seconds, verdict line, and the task-group
# allocs row) and keeps each run's results under OUT (default a temporary folder, removed).
# Set LOCK=FILE to serialize the runs with other work (scripts/machine-lock.sh).
# APPLY='CMD' runs CMD (a shell command) in each new clone before its run, to gate a change:
#   APPLY="sed -i 's/identity(8)/identity(10)/' Sources/ExampleBenchmarks/Concurrency.swift"
# WARM=1 clones (and applies) once and runs N times in that clone: the build is made once,
# every run still starts new benchmark processes (what varies between runs).
# Usage: scripts/repeat-run.sh [N] [OUT]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=machine-lock.sh
. "$repo/scripts/machine-lock.sh"
runs=${1:-20}
work=$(mktemp -d)
out=${2:-}
trap 'rm -rf "$work"' EXIT
[ -n "$out" ] && mkdir -p "$out"
passed=0
for i in $(seq "$runs"); do
  lock_machine
  if [ "${WARM:-0}" != 1 ] || [ "$i" -eq 1 ]; then
    rm -rf "$work/clone"
    git clone -q "$repo" "$work/clone"
    [ -n "${APPLY:-}" ] && (cd "$work/clone" && sh -c "$APPLY")
  fi
  start=$(date +%s)
  (cd "$work/clone" && swift run -c release memgate run --all) >"$work/run$i.log" 2>&1
  status=$?
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  verdict=$(grep -E '^(PASS|FAIL|INCONCLUSIVE)' "$work/run$i.log" | tail -1)
  allocs=$(grep -E '^async/task-group/children=8 +allocs ' "$work/run$i.log" | tr -s ' ' | cut -d' ' -f3-12 | head -1)
  echo "run $i: exit $status, $(( $(date +%s) - start )) s | $verdict | task-group allocs: $allocs"
  [ -n "$out" ] && cp "$work/clone/.memgate/results.json" "$out/run$i.json" 2>/dev/null
  if [ "$status" -ne 0 ]; then grep -E 'REGRESSED|inconclusive|error:' "$work/run$i.log" | head -20 | sed 's/^/    /'; fi
  unlock_machine
done
echo "$passed of $runs passed"
