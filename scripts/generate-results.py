#!/usr/bin/env python3
"""Writes a synthetic memgate results file for performance measurements.

    scripts/generate-results.py COUNT SEED OUT.json [--slower FACTOR] [--sites] [--more-allocs]

COUNT benchmarks, each with the 15 built-in metrics and 10 samples per metric (noisy
metrics lognormal with CV 5%, exact metrics constant), like a large real suite.
--slower multiplies every 100th benchmark's time by FACTOR (some regressions to report).
--sites adds allocation sites (schema 2): two sites sharing each benchmark's allocations.
--more-allocs gives every 100th benchmark (the 50th, 150th, ...) one more allocation per op,
from a third site when --sites is given.
"""
import json
import math
import random
import sys

count, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
slower = float(sys.argv[sys.argv.index("--slower") + 1]) if "--slower" in sys.argv else 1.0
with_sites, more_allocs = "--sites" in sys.argv, "--more-allocs" in sys.argv
rng = random.Random(seed)
sigma = math.sqrt(math.log(1 + 0.05 ** 2))
SAMPLES = 10


def noisy(median, factor=1.0):
    return [round(median * factor * math.exp(sigma * rng.gauss(0, 1)), 3) for _ in range(SAMPLES)]


def metric(unit, samples, exact=False, better="lower"):
    return {"unit": unit, "better": better, "exact": exact, "samples": samples}


benchmarks = []
for i in range(count):
    base = 1000 + (i % 977) * 37
    factor = slower if i % 100 == 0 else 1.0
    allocs = float(i % 13) + (1 if more_allocs and i % 100 == 50 else 0)
    benchmarks.append({
        "name": f"suite{i % 50}/bench{i}/n={i % 1000}",
        "status": "ok",
        "iterations": [1000] * SAMPLES,
        "latency": {"batchSize": 1},
        "metrics": {
            "time": metric("ns/op", noisy(base, factor)),
            "cpu": metric("ns/op", noisy(base * 0.98, factor)),
            "p50": metric("ns", noisy(base * 0.95)),
            "p90": metric("ns", noisy(base * 1.2)),
            "p99": metric("ns", noisy(base * 2)),
            "p99.9": metric("ns", noisy(base * 4)),
            "max": metric("ns", noisy(base * 10)),
            "allocs": metric("allocs/op", [allocs] * SAMPLES, exact=True),
            "bytes": metric("B/op", [allocs * 48] * SAMPLES, exact=True),
            "frees": metric("frees/op", [allocs] * SAMPLES, exact=True),
            "retained": metric("allocs/op", [0.0] * SAMPLES, exact=True),
            "peakRSS": metric("B", noisy(20 * 1048576)),
            "rssGrowth": metric("B", noisy(65536)),
            "throughput": metric("B/s", noisy(1e9 / base), better="higher"),
            "instructions": metric("instructions/op", noisy(base * 3.0)),
        },
    })



def sites(i, allocs):
    """Two sites sharing the base allocations, a third for the extra one (--more-allocs)."""
    base = float(i % 13)
    first = math.ceil(base / 2)
    parts = [(first, ["Storage.grow(to:)", f"Bench{i}.fill()", "closure #1 in register()"], "swift_allocObject"),
             (base - first, ["Array._copyToNewBuffer(oldCount:)", f"Bench{i}.fill()"], None)]
    if allocs > base:
        parts.append((allocs - base, ["Cache.insert(_:)", f"Bench{i}.lookup()", f"Bench{i}.fill()"], "malloc"))
    kept = [(n, frames, via) for n, frames, via in parts if n > 0]
    return {"iterations": 10, "allocationsPerOp": allocs, "bytesPerOp": allocs * 48,
            "unattributedAllocationsPerOp": 0, "unattributedBytesPerOp": 0,
            "sites": [{"key": f"{i:08x}{k:08x}", "allocationsPerOp": n, "bytesPerOp": n * 48, "frames": frames,
                       **({"via": via} if via else {})} for k, (n, frames, via) in enumerate(kept)]}


if with_sites:
    for i, benchmark in enumerate(benchmarks):
        benchmark["allocationSites"] = sites(i, benchmark["metrics"]["allocs"]["samples"][0])

environment = {"os": "Linux", "arch": "x86_64", "cpuModel": "Synthetic CPU", "cores": 2,
               "swiftVersion": "6.3.1", "buildConfiguration": "release"}
with open(out, "w") as f:
    json.dump({"format": "memgate-results", "schema": 2 if with_sites else 1, "environment": environment,
               "benchmarks": benchmarks}, f, indent=1)
