#!/usr/bin/env bash
# Run-to-run variation of ExampleBenchmarks: runs the release executable N times (default 8)
# and prints, per metric, the largest spread of per-run medians (max/min - 1) across runs.
# This is why time is not gated against committed baselines (docs/ci.md).
# Usage: scripts/measure-variation.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product ExampleBenchmarks >/dev/null
bin=$(swift build -c release --show-bin-path)/ExampleBenchmarks
for i in $(seq "$runs"); do "$bin" --output "$work/run$i.json" --quiet; done
python3 - "$work" <<'PY'
import glob, json, statistics, sys
runs = [json.load(open(f)) for f in sorted(glob.glob(sys.argv[1] + "/run*.json"))]
names = [b["name"] for b in runs[0]["benchmarks"]]
def median(run, name, metric):
    bench = next(b for b in run["benchmarks"] if b["name"] == name)
    return statistics.median(bench["metrics"][metric]["samples"])
for metric in ["time", "cpu", "p99", "peakRSS", "allocs", "bytes"]:
    spreads = []
    for name in names:
        values = [median(r, name, metric) for r in runs]
        low, high = min(values), max(values)
        spreads.append(((high / low - 1) * 100 if low > 0 else 0.0, name))
    spreads.sort(reverse=True)
    print(f"{metric:8} largest spread of medians over {len(runs)} runs: " + ", ".join(f"{s:.1f}% {n}" for s, n in spreads[:3]))
PY
