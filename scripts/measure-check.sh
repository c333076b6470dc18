#!/usr/bin/env bash
# `memgate check` on two 10,000-benchmark results files (15 metrics x 10 samples each,
# written by scripts/generate-results.py): wall and CPU time (user + system of the child),
# median and minimum of RUNS runs per command, release build.
# Usage: scripts/measure-check.sh [FOLDER] [RUNS]   (FOLDER default /tmp/perf, RUNS default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-/tmp/perf}
runs=${2:-10}
mkdir -p "$folder"
swift build -c release --product memgate >/dev/null
bin=$(swift build -c release --show-bin-path)/memgate
[ -f "$folder/base.json" ] || python3 scripts/generate-results.py 10000 1 "$folder/base.json"
[ -f "$folder/new.json" ] || python3 scripts/generate-results.py 10000 2 "$folder/new.json" --slower 1.3
[ -f "$folder/same.json" ] || python3 scripts/generate-results.py 10000 3 "$folder/same.json"
echo "machine: $(nproc) CPUs, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +'%Y-%m-%d %H:%M UTC')"
python3 - "$bin" "$folder" "$runs" <<'PY'
import os, resource, statistics, subprocess, sys, time
binary, folder, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cases = [
    ("check base.json new.json", ["check", "base.json", "new.json"]),
    ("check base.json same.json", ["check", "base.json", "same.json"]),
    ("check --format json base.json new.json", ["check", "--format", "json", "base.json", "new.json"]),
]
for label, arguments in cases:
    walls, cpus, codes = [], [], set()
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        code = subprocess.run([binary] + arguments, cwd=folder, stdout=subprocess.DEVNULL).returncode
        walls.append(time.monotonic() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        codes.add(code)
    print(f"{label}: exit {sorted(codes)}, wall median {statistics.median(walls):.2f} s, "
          f"min {min(walls):.2f} s, CPU median {statistics.median(cpus):.2f} s ({runs} runs)")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
