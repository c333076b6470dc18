#!/usr/bin/env bash
# A/A false-failure rate and detection rate of `memgate refs` on this machine.
#
# Builds a temporary git repository holding the TinyBench fixture package
# (Tests/Fixtures/TinyBench: "blocks", 2 allocations per op, ~25 ns; "spin", ~4 us of
# arithmetic per op), then runs, with memgate's default thresholds and options:
#   - A/A: `memgate refs HEAD` on the clean working tree, AA_RUNS times (same commit both sides);
#   - detection: the working tree with spinRounds x1.10 and x1.20 (uncommitted), DETECT_RUNS each,
#     and x1.10 again with --threshold time=5%.
# Every run keeps its pooled results (OUT/<case>-<i>/{base,head}.json) and its report
# (OUT/<case>-<i>.txt), and one line per run goes to OUT/runs.tsv:
#   case  run  exit  seconds  spin-time-ratio  spin-regressed-metrics  any-regressed
# Builds go to the build root the end-to-end tests use (.build-refs-e2e), so they are
# incremental after the first.
#
# Usage: scripts/measure-refs.sh [OUT]     (env: AA_RUNS=20 DETECT_RUNS=10 ROUNDS= SAMPLES=)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${1:-$(mktemp -d /tmp/measure-refs.XXXXXX)}
AA_RUNS=${AA_RUNS:-20}
DETECT_RUNS=${DETECT_RUNS:-10}
EXTRA=()
[[ -n "${ROUNDS:-}" ]] && EXTRA+=(--rounds "$ROUNDS")
[[ -n "${SAMPLES:-}" ]] && EXTRA+=(--samples "$SAMPLES")
mkdir -p "$OUT"

swift build --package-path "$ROOT" --product memgate >/dev/null
MEMGATE="$ROOT/.build/debug/memgate"
BUILD_ROOT="$ROOT/.build-refs-e2e"

REPO=$(mktemp -d /tmp/measure-refs-repo.XXXXXX)
trap 'rm -rf "$REPO"' EXIT
mkdir -p "$REPO/pkg/Sources/TinyBenchmarks"
sed "s#@MEMGATE_PATH@#$ROOT#" "$ROOT/Tests/Fixtures/TinyBench/Package.swift.template" > "$REPO/pkg/Package.swift"
SOURCE="$REPO/pkg/Sources/TinyBenchmarks/TinyBenchmarks.swift"
cp "$ROOT/Tests/Fixtures/TinyBench/Sources/TinyBenchmarks/TinyBenchmarks.swift" "$SOURCE"
git -C "$REPO" init -q
git -C "$REPO" add .
git -C "$REPO" -c user.name=measure -c user.email=measure@memgate.invalid commit -qm fixture

set_spin() {  # "committed" restores the committed file (a clean working tree)
  if [[ $1 == committed ]]; then git -C "$REPO" checkout -q -- pkg/Sources; return; fi
  sed -i "s/static let spinRounds = .*/static let spinRounds = $1  \/\/ EDIT/" "$SOURCE"
}

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
  echo "# swift: $(swift --version 2>&1 | head -1)"
  echo "# command: (cd \$REPO/pkg && memgate refs HEAD --build-root $BUILD_ROOT --keep-results OUT/CASE-I ${EXTRA[*]:-})"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "case\trun\texit\tseconds\tspin_time_ratio\tspin_regressed\tany_regressed\n"
} > "$OUT/runs.tsv"

run_case() {  # name spinRounds runs [extra memgate refs arguments...]
  local name=$1 rounds=$2 runs=$3
  shift 3
  local case_extra=("$@")
  set_spin "$rounds"
  for i in $(seq 1 "$runs"); do
    local start end code
    start=$(date +%s.%N)
    set +e
    (cd "$REPO/pkg" && "$MEMGATE" refs HEAD --build-root "$BUILD_ROOT" --keep-results "$OUT/$name-$i" ${EXTRA[@]+"${EXTRA[@]}"} ${case_extra[@]+"${case_extra[@]}"} \
        > "$OUT/$name-$i.txt" 2> "$OUT/$name-$i.err")
    code=$?
    set -e
    end=$(date +%s.%N)
    local ratio regressed any
    ratio=$(python3 -c "
import json, statistics as s, sys
b = json.load(open('$OUT/$name-$i/base.json')); h = json.load(open('$OUT/$name-$i/head.json'))
m = lambda f: s.median(next(x for x in f['benchmarks'] if x['name'] == 'spin')['metrics']['time']['samples'])
print(f'{m(h) / m(b):.3f}')" 2>/dev/null || echo "-")
    regressed=$(awk '$1 == "spin" && /REGRESSED/ { printf "%s%s", sep, $2; sep="," }' "$OUT/$name-$i.txt")
    any=$(grep -c REGRESSED "$OUT/$name-$i.txt" || true)
    printf "%s\t%d\t%d\t%.1f\t%s\t%s\t%s\n" "$name" "$i" "$code" "$(echo "$end - $start" | bc)" "$ratio" "${regressed:--}" "$any" >> "$OUT/runs.tsv"
    tail -1 "$OUT/runs.tsv"
  done
}

run_case aa committed "$AA_RUNS"
run_case slow10 22000 "$DETECT_RUNS"
run_case slow20 24000 "$DETECT_RUNS"
run_case slow10-t5 22000 "$DETECT_RUNS" --threshold time=5%
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/runs.tsv"

python3 - "$OUT/runs.tsv" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l[0] != "#" and not l.startswith("case")]
by = collections.defaultdict(list)
for r in rows: by[r[0]].append(r)
for name, rs in by.items():
    codes = collections.Counter(r[2] for r in rs)
    spin = sum(1 for r in rs if r[5] != "-")
    print(f"{name}: {len(rs)} runs; exit codes {dict(sorted(codes.items()))}; "
          f"exit 1 in {codes.get('1', 0)}/{len(rs)}; spin REGRESSED in {spin}/{len(rs)}; "
          f"median run {sorted(float(r[3]) for r in rs)[len(rs)//2]:.1f} s")
PY
echo "results: $OUT"
