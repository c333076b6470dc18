#!/usr/bin/env bash
# Regenerates the tool's own figures of docs/performance.md, one after the other (never two
# timing measurements at once on a 2-core machine), each under a header naming the machine,
# the commit and the time:
#   first-verdict  a clean clone's `swift run -c release memgate run`, RUNS times (median)
#   refs           `memgate refs HEAD HEAD` at the defaults on the examples, RUNS times
#   check          `memgate check` of two 10,000-benchmark files
#   builds         clean release builds of memgate and of ExampleBenchmarks
#   harness        the harness floor (empty body, per-benchmark overhead)
#   site-pass      the site passes' cost on the examples
#   side-by-side   beside package-benchmark: clean build + run + baseline once, warm check RUNS times
#   ci             `.ci/run` in a fresh clone, once
# Usage: scripts/measure-all.sh [RUNS] [FIGURE...]   (RUNS default 3; all figures by default)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
figures=("$@")
[ ${#figures[@]} -gt 0 ] || figures=(first-verdict refs check builds harness site-pass side-by-side ci)

header() {
    echo
    echo "## $1 — $(git rev-parse --short HEAD), $(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) CPUs," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
}

for figure in "${figures[@]}"; do
    case "$figure" in
    first-verdict)
        header "clean clone to first verdict ($runs runs)"
        for _ in $(seq "$runs"); do scripts/measure-first-verdict.sh | tail -1; done ;;
    refs)
        header "memgate refs HEAD HEAD at the defaults ($runs runs)"
        scripts/measure-refs-examples.sh aa "$runs" ;;
    check)
        header "memgate check of 10,000 benchmarks"
        scripts/measure-check.sh /tmp/perf 10 ;;
    builds)
        header "clean release builds"
        scripts/measure-build-time.sh HEAD 1 ;;
    harness)
        header "harness floor"
        scripts/measure-harness.sh ;;
    site-pass)
        header "site passes"
        scripts/measure-site-pass.sh ;;
    side-by-side)
        header "beside package-benchmark"
        scripts/measure-side-by-side.sh "$runs" ;;
    ci)
        header ".ci/run in a fresh clone"
        scripts/repeat-ci.sh 1 ;;
    *) echo "measure-all.sh: unknown figure $figure" >&2; exit 2 ;;
    esac
done
