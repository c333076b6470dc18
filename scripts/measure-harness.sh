#!/usr/bin/env bash
# The harness's own costs, on the release build of Tests/FixtureBenchmarks:
#  1. time per op of an empty body (what the loop itself costs per iteration);
#  2. wall time per benchmark beyond its kept samples (calibration, warm-up, probes),
#     in-process and isolated; the difference is the child-process cost.
# Usage: scripts/measure-harness.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product FixtureBenchmarks >/dev/null
bin=$(swift build -c release --show-bin-path)/FixtureBenchmarks
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

empty=$(for _ in 1 2 3 4 5; do
  "$bin" --filter '^exact/empty$' --samples 20 --format json |
    python3 -c 'import json,sys,statistics as s; print(s.median(json.load(sys.stdin)["benchmarks"][0]["metrics"]["time"]["samples"]))'
done | median)
echo "empty body: $empty ns/op (median of 5 runs of 20 samples)"

# 10 kept samples of 1 ms each = 10 ms of measured work per benchmark.
wall() {  # $@: extra flags; prints milliseconds for one run of the empty benchmark
  python3 - "$bin" "$@" <<'PY'
import os, subprocess, sys, tempfile, time
with tempfile.TemporaryDirectory() as folder:
    output = os.path.join(folder, "results.json")
    start = time.monotonic()
    subprocess.run([sys.argv[1], "--filter", "^exact/empty$", "--samples", "10", "--sample-time", "1ms",
                    "--quiet", "--output", output] + sys.argv[2:], check=True)
    print((time.monotonic() - start) * 1000)
PY
}
isolated=$(for _ in $(seq 11); do wall; done | median)
inprocess=$(for _ in $(seq 11); do wall --no-isolation; done | median)
echo "one benchmark, 10 samples x 1 ms, isolated:   $isolated ms wall (median of 11)"
echo "one benchmark, 10 samples x 1 ms, in-process: $inprocess ms wall (median of 11)"
python3 -c "print(f'child process per benchmark: {float($isolated) - float($inprocess):.1f} ms; calibration + warm-up + probes + process start: {float($inprocess) - 10:.1f} ms beyond the 10 ms measured')"
