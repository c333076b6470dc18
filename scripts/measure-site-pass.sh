#!/usr/bin/env bash
# Measures the site passes (allocations, then retains): the ExampleBenchmarks run with and
# without them (--no-sites), interleaved, and the cost per recorded allocation (the extra wall time over
# the allocations the passes recorded: 3N iterations x allocs/op per benchmark). Also the
# empty body's time per op with the pass on (release FixtureBenchmarks, exact/empty).
# Usage: LOCK=/tmp/machine.lock scripts/measure-site-pass.sh [ROUNDS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/machine-lock.sh
rounds=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product ExampleBenchmarks >/dev/null
swift build -c release --product FixtureBenchmarks --scratch-path .build-release-fixtures >/dev/null
examples=.build/release/ExampleBenchmarks
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
for round in $(seq "$rounds"); do
  lock_machine
  with=$(seconds "$examples" --quiet --output "$work/with-$round.json")
  without=$(seconds "$examples" --quiet --no-sites --output "$work/without-$round.json")
  unlock_machine
  echo "round $round: with the site pass ${with} s, --no-sites ${without} s"
done
python3 - "$work" "$rounds" <<'PY'
import json, sys, glob
work, rounds = sys.argv[1], int(sys.argv[2])
recorded = {"allocationSites": 0, "retainSites": 0}
for b in json.load(open(f"{work}/with-1.json"))["benchmarks"]:
    for field in recorded:
        s = b.get(field)
        if s: recorded[field] += 3 * s["iterations"] * s["allocationsPerOp"]
print(f"allocations recorded per run (3N x allocs/op, summed): {int(recorded['allocationSites'])}")
print(f"retains recorded per run (3N x retains/op, summed): {int(recorded['retainSites'])}")
PY
lock_machine
.build-release-fixtures/release/FixtureBenchmarks --filter '^exact/empty$' --samples 20 --format json --quiet --output "$work/empty.json"
unlock_machine
python3 -c "import json,sys; b=json.load(open(sys.argv[1]))['benchmarks'][0]; print('exact/empty time/op median:', sorted(b['metrics']['time']['samples'])[10], 'ns')" "$work/empty.json"
