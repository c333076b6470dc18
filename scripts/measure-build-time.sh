#!/usr/bin/env bash
# Clean build times: for each of N rounds (default 2), a fresh clone of REF (default HEAD),
# then `swift build -c release --product P` from an empty .build for P = memgate (the gate)
# and P = ExampleBenchmarks (what a user's benchmark executable compiles: BenchKit and what
# it links). Prints one line per build: product, seconds, the targets compiled.
# Set LOCK=FILE to serialize the builds with other work (scripts/machine-lock.sh).
# Usage: scripts/measure-build-time.sh [REF] [N]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=machine-lock.sh
. "$repo/scripts/machine-lock.sh"
ref=${1:-HEAD}
runs=${2:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone" && git checkout -q "$(cd "$repo" && git rev-parse "$ref")" || exit 2
echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(swift --version 2>&1 | head -1)"
for i in $(seq "$runs"); do
  for product in memgate ExampleBenchmarks; do
    lock_machine
    rm -rf .build
    start=$(date +%s.%N)
    swift build -c release --product "$product" >"$work/build.log" 2>&1 || { echo "$product: build failed"; tail "$work/build.log"; exit 1; }
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    modules=$(for d in .build/release/*.build; do ls "$d"/*.o >/dev/null 2>&1 && basename "$d" .build; done | tr '\n' ' ')
    printf 'round %d  %-18s %6.1f s  modules: %s\n' "$i" "$product" "$seconds" "$modules"
    unlock_machine
  done
done
