#!/usr/bin/env bash
# Time from a clean clone to the first verdict: clone this repository into a temporary
# folder and time `swift run -c release memgate run` there (resolve + build memgate and
# ExampleBenchmarks in release + run 13 benchmarks + check against baselines/).
# Usage: scripts/measure-first-verdict.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
start=$(date +%s.%N)
set +e
swift run -c release memgate run >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
end=$(date +%s.%N)
tail -3 "$work/out.txt"
tail -1 "$work/err.txt"
python3 -c "print(f'clean clone to first verdict: {$end - $start:.1f} s (exit status $status)')"
