#!/usr/bin/env bash
# The HTML report at 1,000 benchmarks: builds two synthetic results files (15 metrics x 10
# samples, two allocation sites each; every 100th benchmark 30% slower, every 100th from the
# 50th one allocation more, from a new site: scripts/generate-results.py), writes the report
# with a release `memgate check --output html:`, and prints its size, the time memgate takes
# to write it, and the wall time headless Chromium takes to load it and dump its DOM, and to
# take a 1200x900 screenshot (plus Chromium on an empty page: its start-up alone).
# Every timed run holds the machine lock: run the whole script under it,
#   flock /tmp/machine.lock scripts/measure-html-report.sh [RUNS]     (RUNS default 5)
# or give LOCK=/tmp/machine.lock to lock each timed run only (scripts/machine-lock.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/machine-lock.sh
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product memgate >/dev/null
bin=$(swift build -c release --show-bin-path)/memgate
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
python3 scripts/generate-results.py 1000 1 "$work/base.json" --sites
python3 scripts/generate-results.py 1000 2 "$work/new.json" --slower 1.3 --sites --more-allocs
echo '<!DOCTYPE html><html><body>empty</body></html>' > "$work/empty.html"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +'%Y-%m-%d %H:%M UTC'); browser: $("$browser" --version 2>/dev/null)"
lock_machine
python3 - "$bin" "$browser" "$work" "$runs" <<'PY'
import os, statistics, subprocess, sys, time
binary, browser, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def timed(arguments, **kw):
    start = time.monotonic()
    code = subprocess.run(arguments, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw).returncode
    return time.monotonic() - start, code
def report(label, arguments):
    walls, codes = [], set()
    for _ in range(runs):
        wall, code = timed(arguments)
        walls.append(wall); codes.add(code)
    print(f"{label}: exit {sorted(codes)}, wall median {statistics.median(walls):.2f} s, "
          f"min {min(walls):.2f} s, max {max(walls):.2f} s ({runs} runs)")
report("memgate check base.json new.json --output html:report.html",
       [binary, "check", "base.json", "new.json", "--output", "html:report.html"])
size = os.path.getsize(os.path.join(work, "report.html"))
print(f"report.html: {size} bytes ({size / 1048576:.2f} MiB) for 1000 benchmarks")
chrome = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={work}/profile"]
page = "file://" + os.path.join(work, "report.html")
report("chromium --dump-dom report.html", chrome + ["--dump-dom", page])
report("chromium --screenshot --window-size=1200,900 report.html",
       chrome + [f"--screenshot={work}/shot.png", "--window-size=1200,900", page])
report("chromium --dump-dom empty.html (start-up only)", chrome + ["--dump-dom", "file://" + os.path.join(work, "empty.html")])
PY
unlock_machine
