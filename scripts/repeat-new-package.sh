#!/usr/bin/env bash
# A new user's package, as one who adds BenchKit by hand has it: three benchmarks (a JSON
# encode, a sort, a dictionary build), no baselines/memgate.json. Records a baseline with
# `memgate run --update`, then runs `memgate run` N times (default 10) on the unchanged code
# and counts the exits: with the built-in defaults (time and latency reported, not gated,
# against a stored baseline) every one must be 0. Uses this repository's memgate, built in
# release. Prints one line per run and the tally; exits 1 unless all N exited 0.
# Set LOCK=FILE to serialize with other work (scripts/machine-lock.sh).
# Usage: scripts/repeat-new-package.sh [N]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=machine-lock.sh
. "$repo/scripts/machine-lock.sh"
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product memgate --package-path "$repo" >/dev/null || exit 2
memgate="$(swift build -c release --product memgate --package-path "$repo" --show-bin-path)/memgate"
pkg="$work/NewPackage"
# shellcheck source=new-package.sh
. "$repo/scripts/new-package.sh"
new_benchkit_package "$pkg" NewPackage "$repo"
(cd "$pkg" && "$memgate" run --update) >"$work/record.log" 2>&1 || { cat "$work/record.log"; exit 2; }
passed=0
for i in $(seq "$runs"); do
  lock_machine
  start=$(date +%s)
  (cd "$pkg" && "$memgate" run) >"$work/run$i.log" 2>&1
  status=$?
  unlock_machine
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  verdict=$(grep -E '^(PASS|FAIL|INCONCLUSIVE)' "$work/run$i.log" | tail -1)
  echo "run $i: exit $status, $(( $(date +%s) - start )) s | $verdict"
  [ "$status" -ne 0 ] && grep -E 'REGRESSED|inconclusive|error' "$work/run$i.log" | head -10 | sed 's/^/    /'
done
echo "$passed of $runs exited 0"
[ "$passed" -eq "$runs" ]
