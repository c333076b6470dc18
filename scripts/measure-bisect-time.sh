#!/usr/bin/env bash
# How often `memgate bisect` names the right commit when the change is in time only.
#
# Builds a temporary git repository holding the TinyBench fixture package
# (Tests/Fixtures/TinyBench: "spin", ~4 us of arithmetic per op) in 17 commits: the fixture,
# then 16 commits that each change README, the 11th also raising spinRounds from 20,000 to
# 26,000 (+30% work per op). The package's baselines/memgate.json sets the thresholds the refs
# end-to-end tests use on a shared 2-core machine (time, cpu, p50 20%; p90, p99 off). Then runs
#   memgate bisect HEAD~16 HEAD --filter '^spin$' --metric time --build-root .build-refs-e2e [EXTRA...]
# RUNS times (default 10), each with --output OUT/run-I.json, and counts the runs that named
# the 11th commit (correct), named another (wrong), were unsure (exit 3), did not reproduce
# the change at the ends (exit 4), or failed otherwise. One line per run goes to OUT/runs.tsv:
#   run  exit  seconds  builds  steps  rounds  named  outcome
# Builds go to the build root the end-to-end tests use, so they are incremental after the
# first run. The issue asks for 9 of 10 correct and no wrong commit named without "unsure".
# Run it on a quiet machine: it measures time (LOCK=FILE takes scripts/machine-lock.sh's lock
# around each run).
#
# Usage: scripts/measure-bisect-time.sh [RUNS] [OUT]     (env: EXTRA="--rounds 12", LOCK=FILE)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-10}
OUT=${2:-$(mktemp -d /tmp/measure-bisect.XXXXXX)}
read -r -a EXTRA <<< "${EXTRA:-}"
mkdir -p "$OUT"
# shellcheck source=machine-lock.sh
. "$ROOT/scripts/machine-lock.sh"

swift build --package-path "$ROOT" --product memgate >/dev/null
MEMGATE="$ROOT/.build/debug/memgate"
BUILD_ROOT="$ROOT/.build-refs-e2e"

REPO=$(mktemp -d /tmp/measure-bisect-repo.XXXXXX)
trap 'rm -rf "$REPO"' EXIT
mkdir -p "$REPO/pkg/Sources/TinyBenchmarks" "$REPO/pkg/baselines"
sed "s#@MEMGATE_PATH@#$ROOT#" "$ROOT/Tests/Fixtures/TinyBench/Package.swift.template" > "$REPO/pkg/Package.swift"
SOURCE="$REPO/pkg/Sources/TinyBenchmarks/TinyBenchmarks.swift"
cp "$ROOT/Tests/Fixtures/TinyBench/Sources/TinyBenchmarks/TinyBenchmarks.swift" "$SOURCE"
cat > "$REPO/pkg/baselines/memgate.json" <<'JSON'
{ "thresholds": { "time": "20%", "cpu": "20%", "p50": "20%", "p90": "off", "p99": "off" } }
JSON
echo fixture > "$REPO/README"
git_() { GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 git -C "$REPO" -c user.name=measure -c user.email=measure@memgate.invalid "$@"; }
git_ init -q
git_ add .
git_ commit -qm fixture
for i in $(seq 1 16); do
  echo "line $i" >> "$REPO/README"
  if [[ $i == 11 ]]; then sed -i 's/static let spinRounds = .*/static let spinRounds = 26_000  \/\/ EDIT/' "$SOURCE"; fi
  git_ commit -qam "change $i"
done
EXPECTED=$(git_ rev-parse HEAD~5)

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
  echo "# swift: $(swift --version 2>&1 | head -1)"
  echo "# memgate: $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "# command: (cd \$REPO/pkg && memgate bisect HEAD~16 HEAD --filter '^spin\$' --metric time --build-root $BUILD_ROOT ${EXTRA[*]:-})"
  echo "# expected first bad commit: $EXPECTED (change 11)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "run\texit\tseconds\tbuilds\tsteps\trounds\tnamed\toutcome\n"
} > "$OUT/runs.tsv"

for i in $(seq 1 "$RUNS"); do
  lock_machine
  start=$(date +%s.%N)
  set +e
  (cd "$REPO/pkg" && GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 "$MEMGATE" bisect HEAD~16 HEAD --filter '^spin$' --metric time \
      --build-root "$BUILD_ROOT" --output "$OUT/run-$i.json" ${EXTRA[@]+"${EXTRA[@]}"} > "$OUT/run-$i.txt" 2> "$OUT/run-$i.err")
  code=$?
  set -e
  end=$(date +%s.%N)
  unlock_machine
  python3 - "$OUT/run-$i.json" "$EXPECTED" "$i" "$code" "$(echo "$end - $start" | bc)" >> "$OUT/runs.tsv" <<'PY'
import json, sys
path, expected, run, code, seconds = sys.argv[1:]
try:
    doc = json.load(open(path))
except (OSError, ValueError):
    doc = {}
named = (doc.get("firstBad") or {}).get("hash", "-")
steps = doc.get("steps", [])
rounds = sum(s.get("rounds") or 0 for s in steps)
outcome = {"0": "correct" if named == expected else "wrong", "3": "unsure", "4": "not-reproduced"}.get(code, "error")
print(f"{run}\t{code}\t{float(seconds):.1f}\t{doc.get('builds', '-')}\t{max(len(steps) - 2, 0)}\t{rounds}\t{named[:10]}\t{outcome}")
PY
  tail -1 "$OUT/runs.tsv"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/runs.tsv"

python3 - "$OUT/runs.tsv" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l[0] != "#" and not l.startswith("run\t")]
counts = collections.Counter(r[7] for r in rows)
seconds = sorted(float(r[2]) for r in rows)
print(f"{len(rows)} runs: correct {counts['correct']}, wrong {counts['wrong']}, unsure {counts['unsure']}, "
      f"not reproduced {counts['not-reproduced']}, error {counts['error']}; median {seconds[len(seconds) // 2]:.1f} s")
PY
echo "results: $OUT"
