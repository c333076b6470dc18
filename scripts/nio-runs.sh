#!/usr/bin/env bash
# `memgate run` with its defaults (the reference-counting pass on) on Tests/Fixtures/NIOBench
# (SwiftNIO from the machine's package mirror) N times (default 10), against a baseline the
# script records first with `--no-arc`: counts the exits and prints, per run, the exit status,
# the seconds, the verdict and any failed benchmark's message (a crash in the pass reads
# "killed by SIGILL during the reference-counting pass"). Issue 22 asks for N of N exits 0.
# Builds in .build-nio-bench (kept, as NIOEndToEndTests keeps it). memgate: MEMGATE=PATH,
# else this checkout's .build/release/memgate (built when missing).
# Usage: scripts/nio-runs.sh [N]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
fixture="$repo/Tests/Fixtures/NIOBench"
scratch="$repo/.build-nio-bench"
memgate=${MEMGATE:-$repo/.build/release/memgate}
if [ ! -x "$memgate" ]; then
  (cd "$repo" && swift build -c release --product memgate) || exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gate() { "$memgate" run --package-path "$fixture" --scratch-path "$scratch" --baseline "$work/baseline.json" "$@"; }

if ! gate --no-arc --update --results "$work/no-arc.json" >"$work/baseline.log" 2>&1; then
  echo "recording the --no-arc baseline failed:"; tail -30 "$work/baseline.log"; exit 2
fi
declare -A exits=()
for i in $(seq "$runs"); do
  start=$(date +%s)
  gate --results "$work/run$i.json" >"$work/run$i.log" 2>&1
  status=$?
  exits[$status]=$(( ${exits[$status]:-0} + 1 ))
  verdict=$(grep -E '^(PASS|FAIL|INCONCLUSIVE)' "$work/run$i.log" | tail -1)
  echo "run $i: exit $status, $(( $(date +%s) - start )) s | $verdict"
  if [ "$status" -ne 0 ]; then
    grep -E '^ *FAILED|killed by|Fatal error|REGRESSED|error:' "$work/run$i.log" | head -10 | sed 's/^/    /'
  fi
done
for status in "${!exits[@]}"; do echo "exit $status: ${exits[$status]} of $runs runs"; done
[ "${exits[0]:-0}" -eq "$runs" ]
