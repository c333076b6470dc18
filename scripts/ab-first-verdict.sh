#!/usr/bin/env bash
# The first verdict of several commits, alternating, so a machine whose speed drifts affects
# them alike: for each REF in order, a clean clone at REF and `swift run -c release memgate run`
# in it. Prints the seconds, the exit status and memgate run's build/run line.
# Usage: scripts/ab-first-verdict.sh REF REF [REF...]   (e.g. A B A B)
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
for ref in "$@"; do
    work=$(mktemp -d)
    git clone -q "$repo" "$work/clone" && git -C "$work/clone" checkout -q "$ref" || exit 2
    start=$(date +%s.%N)
    (cd "$work/clone" && swift run -c release memgate run >"$work/out.txt" 2>&1)
    status=$?
    end=$(date +%s.%N)
    printf '%s %.1f s exit %d | %s\n' "$ref" "$(echo "$end - $start" | bc)" "$status" \
        "$(grep -h 'memgate run: built' "$work/out.txt" | head -1)"
    rm -rf "$work"
done
