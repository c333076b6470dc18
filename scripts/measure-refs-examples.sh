#!/usr/bin/env bash
# `memgate refs` on this repository's own ExampleBenchmarks, in a fresh clone of HEAD:
#   aa N       `memgate refs HEAD HEAD` N times (default 20): unchanged code, both sides built
#   layout N   N times (default 10) `memgate refs HEAD` with an allocation-free loop of SPIN
#              iterations (default 20000: about 40 us, +25% on json/decode's 166 us) added to
#              json/decode's body in the working tree (time only; Coding.swift): only json/decode
#              may be flagged; any other benchmark flagged is code layout, not code.
# Extra `memgate refs` arguments go in EXTRA (e.g. EXTRA=--no-align). Builds go to one build
# root, so runs after the first are incremental. Prints one line per run:
#   case run exit seconds | verdict line | rows that are not ok (benchmark metric verdict change)
# Set LOCK=FILE to serialize the runs with other work (scripts/machine-lock.sh).
# Usage: scripts/measure-refs-examples.sh aa|layout [N] [OUT]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=machine-lock.sh
. "$repo/scripts/machine-lock.sh"
mode=${1:?aa or layout}
runs=${2:-$([ "$mode" = aa ] && echo 20 || echo 10)}
out=${3:-$(mktemp -d /tmp/measure-refs-examples.XXXXXX)}
mkdir -p "$out"
work=$(mktemp -d /tmp/refs-examples.XXXXXX)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
swift build -c release --product memgate >/dev/null 2>&1 || { echo "memgate failed to build"; exit 2; }
memgate="$work/clone/.build/release/memgate"
echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), mode $mode, SPIN=${SPIN:-20000}, EXTRA=${EXTRA:-}"
if [ "$mode" = layout ]; then
  SPIN=${SPIN:-20000} python3 - <<'PY'
import os
p = "Sources/ExampleBenchmarks/Coding.swift"
s = open(p).read()
old = "                blackHole(try decoder.decode([Order].self, from: encoded))\n"
# A multiply-xorshift chain: no closed form, so the optimizer keeps every iteration (about
# 2 ns each here; a sum of squares was folded into a formula and cost nothing).
new = old + ("                var spin: UInt64 = 1\n"
             "                for i in 0..<identity(" + os.environ["SPIN"] + ") { spin = (spin &* 6364136223846793005 &+ UInt64(i)) ^ (spin >> 29) }\n"
             "                blackHole(spin)\n")
assert old in s
open(p, "w").write(s.replace(old, new))
PY
  refs_args=(refs HEAD)
else
  refs_args=(refs HEAD HEAD)
fi
passed=0
for i in $(seq "$runs"); do
  lock_machine
  start=$(date +%s)
  # shellcheck disable=SC2086
  "$memgate" "${refs_args[@]}" --build-root "$work/builds" --keep-results "$out/$mode-$i" --output "$out/$mode-$i.json" ${EXTRA:-} >"$out/$mode-$i.txt" 2>"$out/$mode-$i.err"
  status=$?
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  verdict=$(grep -E '^(PASS|FAIL|INCONCLUSIVE)' "$out/$mode-$i.txt" | tail -1)
  rows=$(python3 -c "
import json, sys
r = json.load(open(sys.argv[1]))
print('; '.join(f\"{b['name']} {m['metric']} {m['verdict']} {m['change'] * 100 if m['change'] is not None else 0:+.1f}%\"
                for b in r['benchmarks'] for m in b['metrics'] if m['verdict'] in ('regression', 'inconclusive', 'improvement')))
" "$out/$mode-$i.json" 2>/dev/null)
  settle=$(grep -oE '(settled|not settled): [^|]*' "$out/$mode-$i.txt" | head -1 | cut -c1-120)
  echo "$mode $i exit $status $(( $(date +%s) - start ))s | $verdict | ${rows:-none} | ${settle:-one look}"
  unlock_machine
done
echo "$mode: $passed of $runs exited 0 (results in $out)"
