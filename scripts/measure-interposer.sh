#!/usr/bin/env bash
# Measures the counting allocator's cost per malloc+free pair (64 B) against glibc's
# malloc alone, with 1 and 2 threads. Prints the median of 7 runs of 20M pairs each.
# Usage: scripts/measure-interposer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -pthread -o "$work/plain" scripts/alloc-cost.c
gcc -O2 -pthread -ISources/CAllocCounter/include -o "$work/counted" scripts/alloc-cost.c Sources/CAllocCounter/CAllocCounter.c \
  Sources/CAllocCounter/AllocationSites.c
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for threads in 1 2; do
  for variant in plain counted; do
    value=$(for _ in 1 2 3 4 5 6 7; do "$work/$variant" "$threads"; done | median)
    echo "threads=$threads $variant: $value ns per malloc+free"
  done
done
