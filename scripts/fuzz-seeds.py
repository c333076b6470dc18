#!/usr/bin/env python3
"""Seeds scripts/fuzz.sh's corpora from the repository's own files, and writes a libFuzzer
dictionary per target (the JSON keys and benchfmt words the seeds use).

Usage: scripts/fuzz-seeds.py OUT   (run from the repository's root; writes OUT/<target>/ and
OUT/<target>.dict for results, benchfmt, config and history)

Sources: results files in baselines/ and Tests/Fixtures/ (each cut into one document per
benchmark, so seeds stay small), fenced JSON blocks in README.md and docs/*.md, the Swift
multi-line string literals of Tests/ (classified by content), and Go benchfmt and history
lines written from the results files' benchmarks.
"""
import glob, hashlib, json, os, re, sys

out = sys.argv[1]
targets = ("results", "benchfmt", "config", "history")
seeds = {target: set() for target in targets}


def add(target, text):
    data = text.encode() if isinstance(text, str) else text
    if 0 < len(data) <= 16384:
        seeds[target].add(data)


def classify(text):
    if "memgate-history" in text:
        return "history"
    if "memgate-results" in text or '"benchmarks"' in text:
        return "results"
    if re.search(r"^Benchmark\S*\s+\d+\s", text, re.M):
        return "benchfmt"
    if re.search(r'"(thresholds|noisy|executables|alpha|exclude)"', text):
        return "config"
    return None


def benchfmt(environment, benchmarks):
    lines = [f"goos: {environment.get('os', 'linux').lower()}", f"goarch: {environment.get('arch', 'amd64')}"]
    for benchmark in benchmarks:
        name = "Benchmark" + benchmark["name"].replace(" ", "_")
        pairs = [f"{m['samples'][0]:g} {m['unit']}" for m in benchmark.get("metrics", {}).values() if m.get("samples")]
        iterations = (benchmark.get("iterations") or [1])[0]
        lines.append(f"{name}-2 \t{iterations}\t" + "\t".join(pairs))
    return "\n".join(lines + ["PASS", "ok  \texample\t1.234s", ""])


def history(benchmarks, commit):
    entry = {"format": "memgate-history", "schema": 1, "commit": commit, "date": "2026-12-02T14:00:00Z",
             "baseline": "983c1d7929a63884", "benchmarks": []}
    for benchmark in benchmarks:
        metrics = {}
        for key, metric in benchmark.get("metrics", {}).items():
            samples = metric.get("samples") or [0]
            metrics[key] = {"unit": metric["unit"], "min": min(samples), "max": max(samples),
                            "median": sorted(samples)[len(samples) // 2]}
        entry["benchmarks"].append({"name": benchmark["name"], "metrics": metrics})
    return json.dumps(entry, sort_keys=True, separators=(",", ":"))


def results_files():
    paths = sorted(glob.glob("baselines/*.json") + glob.glob("Tests/Fixtures/**/*.json", recursive=True))
    for path in paths[:8]:  # a few files give every kind of benchmark; more only repeats them
        try:
            document = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(document, dict) and isinstance(document.get("benchmarks"), list):
            yield document
        elif isinstance(document, dict):
            add("config", json.dumps(document, indent=2))


for document in results_files():
    benchmarks = document["benchmarks"]
    for benchmark in benchmarks:
        add("results", json.dumps(dict(document, benchmarks=[benchmark]), indent=2, sort_keys=True))
    add("benchfmt", benchfmt(document.get("environment", {}), benchmarks[:6]))
    add("history", history(benchmarks[:3], "8a4a85b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7") + "\n"
        + history(benchmarks[3:5], "9b5b96c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8") + "\n")

def fenced_blocks(text):
    block = None
    for line in text.splitlines(keepends=True):
        if line.startswith("```"):
            if block is not None:
                yield "".join(block)
            block = [] if block is None else None
        elif block is not None:
            block.append(line)


for path in ["README.md"] + sorted(glob.glob("docs/*.md")):
    for block in fenced_blocks(open(path, encoding="utf-8", errors="replace").read()):
        target = classify(block)
        if target:
            add(target, block)

for path in sorted(glob.glob("Tests/**/*.swift", recursive=True)):
    text = open(path, encoding="utf-8", errors="replace").read()
    literals = [re.sub(r"^ +", "", literal, flags=re.M) for literal in re.findall(r'"""\n(.*?)\n\s*"""', text, re.S)]
    literals += [literal for literal in re.findall(r'#"(\{.*?\})"#', text) if literal.count("{") == literal.count("}")]
    for literal in literals:
        target = classify(literal)
        if target:
            add(target, literal)

words = re.compile(rb'"([A-Za-z][A-Za-z0-9_/%.-]{0,30})"|\b([a-z]+/op|ns/op|B/op|[A-Z]+[a-z]+:)')
for target in targets:
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    tokens = set()
    for data in seeds[target]:
        open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb").write(data)
        for match in words.finditer(data):
            tokens.add((match.group(1) or match.group(2)).decode())
    with open(os.path.join(out, target + ".dict"), "w") as dictionary:
        for token in sorted(tokens)[:500]:
            quoted = f'"{token}"' if target != "benchfmt" else token
            dictionary.write('"' + quoted.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
    print(f"{target}: {len(seeds[target])} seeds, {len(tokens)} dictionary words")
