#!/usr/bin/env bash
# Size of a results file per benchmark, from a results file (default .memgate/results.json,
# written by `memgate run`).
# Usage: scripts/measure-results-size.sh [FILE]
set -euo pipefail
file=${1:-.memgate/results.json}
python3 - "$file" <<'PY'
import json, os, sys
path = sys.argv[1]
data = json.load(open(path))
benchmarks = data["benchmarks"]
metrics = sum(len(b["metrics"]) for b in benchmarks)
samples = sum(len(m["samples"]) for b in benchmarks for m in b["metrics"].values())
size = os.path.getsize(path)
print(f"{path}: {size} bytes, {len(benchmarks)} benchmarks, {metrics} metrics, {samples} values")
print(f"{size / len(benchmarks):.0f} bytes per benchmark ({size / samples:.1f} bytes per stored value, pretty-printed JSON)")
PY
