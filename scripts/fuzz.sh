#!/usr/bin/env bash
# Fuzzes memgate's four input readers with libFuzzer: results JSON (ResultsFile.decode(json:)),
# Go benchfmt (GoBenchfmt.read), the config (GateConfig(json:)) and history JSON Lines
# (History.parse). Harnesses: Tests/Fuzz/*.swift, one binary, MEMGATE_FUZZ_TARGET picks the reader.
# The binary is built with swiftc directly (-sanitize=fuzzer) over the Sources/ of the modules
# the readers need, into .build-fuzz/, outside SwiftPM's build graph (swift build never sees it).
# Each target's corpus is seeded from the repository's own files into a temporary folder.
#
# Usage: scripts/fuzz.sh [SECONDS-PER-TARGET | --runs N] [TARGET...]
#   SECONDS-PER-TARGET  libFuzzer's -max_total_time per target (default 10)
#   --runs N            exactly N executions per target instead (-runs=N)
#   TARGET              results, benchfmt, config, history (default: all four)
# Environment: MEMGATE_FUZZ_OPT=-O (or -Osize) builds slower and fuzzes faster, for long runs
#   (default -Onone; each level has its own folder .build-fuzz/Onone, .build-fuzz/O);
#   MEMGATE_FUZZ_KEEP=DIR keeps corpora and logs in DIR.
# Exits 0 when no target crashed; 1 naming each crashing input (kept under .build-fuzz/crashes/);
# 2 on a build or usage error. Reproduce one: MEMGATE_FUZZ_TARGET=T .build-fuzz/Onone/memgate-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."

limit=(-max_total_time=10)
if [ "${1:-}" = "--runs" ]; then
    [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --runs needs a count" >&2; exit 2; }
    limit=(-runs="$2"); shift 2
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    limit=(-max_total_time="$1"); shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(results benchfmt config history)
for target in "${targets[@]}"; do
    case "$target" in results|benchfmt|config|history) ;; *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;; esac
done

opt=${MEMGATE_FUZZ_OPT:--Onone}
[[ "$opt" =~ ^-O(none|size)?$ ]] || { echo "fuzz.sh: MEMGATE_FUZZ_OPT must be -Onone, -O or -Osize" >&2; exit 2; }
out=.build-fuzz/${opt#-}
binary="$out/memgate-fuzz"
crashes=.build-fuzz/crashes
mkdir -p "$out/modules" "$crashes"

# Modules in dependency order; each is compiled once, with coverage, into one object file.
modules=(DescriptiveStatistics BenchStatistics WholeWrites BaseSystem ResultsModel BenchResults GateFormats CLISupport GateCore)

# What the binary is built from; an unchanged stamp reuses the binary.
stamp() {
    { swiftc --version 2>&1; echo "$opt"; cat scripts/fuzz.sh Tests/Fuzz/*.swift Sources/CSystemShims/*.c Sources/CSystemShims/include/*.h
      for module in "${modules[@]}"; do find "Sources/$module" -name '*.swift' | sort | xargs cat; done; } | sha256sum
}

build() {
    local started=$SECONDS module
    local common=(-parse-as-library -package-name memgate -sanitize=fuzzer "$opt" -I "$out/modules")
    rm -f "$binary" "$out/stamp" "$out"/modules/*
    {
        echo "module CSystemShims {"
        for header in Sources/CSystemShims/include/*.h; do echo "    header \"$PWD/$header\""; done
        echo "    export *"
        echo "}"
    } > "$out/modules/module.modulemap"
    for source in Sources/CSystemShims/*.c; do
        clang -c -O1 -I Sources/CSystemShims/include "$source" -o "$out/modules/$(basename "$source" .c).o" || return 1
    done
    # Each step is checked: `set -e` does not apply in a function called as `build || ...`.
    for module in "${modules[@]}"; do
        find "Sources/$module" -name '*.swift' | sort > "$out/$module.sources"
        swiftc "${common[@]}" -module-name "$module" -wmo -c -emit-module \
            -emit-module-path "$out/modules/$module.swiftmodule" -o "$out/modules/$module.o" @"$out/$module.sources" || return 1
    done
    swiftc "${common[@]}" -module-name MemGateFuzz Tests/Fuzz/*.swift "$out"/modules/*.o -o "$binary" || return 1
    [ -x "$binary" ] || return 1
    echo "fuzz.sh: built $binary in $((SECONDS - started)) s ($opt)"
}

current=$(stamp)
if [ -x "$binary" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$current" ]; then
    echo "fuzz.sh: $binary is up to date ($opt)"
else
    build || { echo "fuzz.sh: the fuzz build failed" >&2; exit 2; }
    echo "$current" > "$out/stamp"
fi

work=${MEMGATE_FUZZ_KEEP:-$(mktemp -d "${TMPDIR:-/tmp}/memgate-fuzz.XXXXXX")}
[ -n "${MEMGATE_FUZZ_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
python3 scripts/fuzz-seeds.py "$work" | sed 's/^/fuzz.sh: seeds: /'

# One target: libFuzzer bounded in time or runs, memory and time per input; a crash, a trap,
# an input slower than 10 s or over the memory limit stops it with an artifact.
fuzz() {
    local target=$1
    SWIFT_BACKTRACE=enable=no MEMGATE_FUZZ_TARGET=$target "$binary" "${limit[@]}" \
        -rss_limit_mb=2048 -malloc_limit_mb=2048 -timeout=10 -max_len=16384 -print_final_stats=1 \
        -dict="$work/$target.dict" -artifact_prefix="$crashes/$target-" "$work/$target" \
        > "$work/$target.log" 2>&1
}

# Two targets at a time (one per core of a CI machine).
declare -A status
for ((index = 0; index < ${#targets[@]}; index += 2)); do
    pids=()
    for target in "${targets[@]:index:2}"; do fuzz "$target" & pids+=("$!:$target"); done
    for entry in "${pids[@]}"; do
        if wait "${entry%%:*}"; then status[${entry#*:}]=0; else status[${entry#*:}]=$?; fi
    done
done

failed=0
for target in "${targets[@]}"; do
    log="$work/$target.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ "${status[$target]}" -eq 0 ]; then
        echo "fuzz.sh: $target: ${runs:-?} executions (${rate:-?}/s), no crash"
    else
        failed=1
        artifact=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
        echo "fuzz.sh: $target: FAILED (libFuzzer exit ${status[$target]}) after ${runs:-?} executions; input: ${artifact:-none written}" >&2
        grep -v '^#[0-9]' "$log" | tail -40 >&2
        echo "fuzz.sh: reproduce: MEMGATE_FUZZ_TARGET=$target $binary ${artifact:-INPUT}" >&2
    fi
done
exit $failed
