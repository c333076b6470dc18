#!/usr/bin/env bash
# The command plugin's clean and warm steps for several memgate commits, alternating: for each
# REF in order, a clone of this repository at REF, a new package depending on it by path (the
# three workloads of scripts/measure-side-by-side.sh), resolved untimed, then timed
# `swift package --allow-writing-to-package-directory memgate run --update` (clean) and
# `... memgate run` (warm). Prints seconds, exit status and memgate run's build/run line.
# Usage: scripts/ab-plugin-clean.sh REF REF [REF...]   (e.g. A B A B)
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=new-package.sh
. "$repo/scripts/new-package.sh"
timed() { # $1 label, $2 folder, rest: command
    local label=$1 dir=$2 start end status; shift 2
    start=$(date +%s.%N)
    (cd "$dir" && "$@") >"$dir/../$label.txt" 2>&1
    status=$?
    end=$(date +%s.%N)
    printf '%s %s %.1f s exit %d | %s\n' "$ref" "$label" "$(echo "$end - $start" | bc)" "$status" \
        "$(grep -h 'memgate run: built' "$dir/../$label.txt" | head -1)"
    [ "$status" -eq 0 ] || keep=1
}
for ref in "$@"; do
    work=$(mktemp -d)
    git clone -q "$repo" "$work/memgate" && git -C "$work/memgate" checkout -q "$ref" || exit 2
    new_benchkit_package "$work/pkg" WithMemgate "$work/memgate"
    (cd "$work/pkg" && swift package resolve >/dev/null 2>&1) || { echo "$ref: resolve failed"; exit 2; }
    keep=0
    timed clean "$work/pkg" swift package --allow-writing-to-package-directory memgate run --update
    timed warm "$work/pkg" swift package --allow-writing-to-package-directory memgate run
    if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "kept $work (a step exited non-zero; its output is in $work/*.txt)"; fi
done
