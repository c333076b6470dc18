#!/usr/bin/env bash
# memgate beside package-benchmark (ordo-one/benchmark 1.38.1, from this machine's package
# mirror) on the same three workloads (a JSON encode, a sort, a dictionary build) in two new
# packages, each driven through its own command plugin, as a new user would:
#   clean   build + run + record a baseline, from a package with no .build
#           memgate: swift package --allow-writing-to-package-directory memgate run --update
#           peer:    swift package --allow-writing-to-package-directory benchmark baseline update
#   warm    run + check against that baseline, nothing changed, RUNS times (default 3)
#           memgate: swift package --allow-writing-to-package-directory memgate run
#           peer:    swift package benchmark baseline check default
# Both at their defaults. One after the other, never at once (2 cores). Prints seconds and
# exit status per step and the ratios. Nothing of the peer is committed: it is a dependency of
# a package made in a temporary folder.
# KEEP=1 keeps the two packages and the logs (the folder is printed).
# Usage: scripts/measure-side-by-side.sh [RUNS]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work: $work" || trap 'rm -rf "$work"' EXIT

# shellcheck source=new-package.sh
. "$repo/scripts/new-package.sh"
mine="$work/WithMemgate"
new_benchkit_package "$mine" WithMemgate "$repo"

peer="$work/WithPeer"
mkdir -p "$peer/Benchmarks/NewBenchmarks"
cat >"$peer/Package.swift" <<'SWIFT'
// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "WithPeer",
    dependencies: [.package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"])],
    targets: [
        .executableTarget(
            name: "NewBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/NewBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ]
)
SWIFT
{
    printf 'import Benchmark\nimport Foundation\n\nstruct Item: Codable { var id: Int; var name: String; var tags: [String] }\n\n'
    printf '@inline(never) func identity<T>(_ value: T) -> T { value }\n\n'
    printf 'let benchmarks: @Sendable () -> Void = {\n'
    new_package_workloads b.scaledIterations Benchmark
    printf '}\n'
} >"$peer/Benchmarks/NewBenchmarks/NewBenchmarks.swift"

# Resolving is not timed: both packages come from local copies, so it measures the mirror.
(cd "$mine" && swift package resolve >/dev/null 2>&1) || { echo "resolve failed (memgate)"; exit 2; }
(cd "$peer" && swift package resolve >"$work/resolve.log" 2>&1) || { cat "$work/resolve.log"; echo "resolve failed (peer)"; exit 2; }

step() { # $1 label, $2 package, rest: command; prints "label: S s, exit E" and sets $seconds
    local label=$1 dir=$2; shift 2
    local start end status
    start=$(date +%s.%N)
    (cd "$dir" && "$@") >"$work/$label.log" 2>&1
    status=$?
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc)
    printf '%-16s %7.1f s, exit %d\n' "$label" "$seconds" "$status"
    [ "$status" -le 1 ] || tail -5 "$work/$label.log" | sed 's/^/    /'
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memgate $(git -C "$repo" rev-parse --short HEAD); $(date -u +'%Y-%m-%d %H:%M UTC')"
step memgate-clean "$mine" swift package --allow-writing-to-package-directory memgate run --update
mine_clean=$seconds
step peer-clean "$peer" swift package --allow-writing-to-package-directory benchmark baseline update default
peer_clean=$seconds
mine_warm=(); peer_warm=()
for i in $(seq "$runs"); do
    step "memgate-warm-$i" "$mine" swift package --allow-writing-to-package-directory memgate run
    mine_warm+=("$seconds")
    step "peer-warm-$i" "$peer" swift package benchmark baseline check default
    peer_warm+=("$seconds")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mw=$(median "${mine_warm[@]}"); pw=$(median "${peer_warm[@]}")
printf 'clean build + run + baseline: memgate %.1f s, peer %.1f s, ratio %.2f\n' "$mine_clean" "$peer_clean" "$(echo "$mine_clean / $peer_clean" | bc -l)"
printf 'warm run + check (median of %d): memgate %.1f s, peer %.1f s, ratio %.2f\n' "$runs" "$mw" "$pw" "$(echo "$mw / $pw" | bc -l)"
