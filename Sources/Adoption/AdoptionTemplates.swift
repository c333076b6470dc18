import BenchResults

/// The files `memgate init` creates, as text. Pure: the same layout gives the same bytes.
package enum AdoptionTemplates {
    /// The example benchmark: an `@main` `BenchmarkSuite` named after the target that imports
    /// the library's modules and registers one benchmark.
    ///
    /// A library fresh from `swift package init` has no public API to call, so the example's
    /// body is a workload of its own with an exact, repeatable cost: one array of 1,000 `Int`s
    /// a op, that is one allocation of 8,032 requested bytes on 64-bit platforms, the same in
    /// every process, so the example passes its own gate run after run until it is replaced.
    package static func benchmarkSource(_ layout: AdoptionLayout) -> String {
        let imports = (["BenchKit"] + layout.modules.map(AdoptionLayout.moduleName)).map { "import \($0)\n" }.joined()
        let callee = layout.modules.isEmpty ? "your code" : layout.modules.map(AdoptionLayout.moduleName).joined(separator: " or ")
        return """
        // \(layout.packageName)'s benchmarks, written by `memgate init`. Run them with
        //   swift run -c release \(layout.targetName)
        // and gate them against baselines/baseline.json with
        //   swift run -c release memgate run
        \(imports)
        @main
        enum \(layout.targetName): BenchmarkSuite {
            static func register(_ suite: Suite) {
                // An example to start from: replace it with a call into \(callee).
                // Everything before `for _ in b.loop` is setup (not measured); the loop body is
                // measured, and blackHole keeps its result (and the work that made it) alive.
                suite.benchmark("example/array") { b in
                    let count = identity(1_000)        // setup: hidden from the optimizer, not measured
                    for _ in b.loop {
                        blackHole(Array(0..<count))   // replace with a call into \(callee)
                    }
                }
            }
        }

        """
    }

    /// `baselines/memgate.json`: the benchmark executable, and the noisy-metric policy for a
    /// committed baseline, `noisy` (the gate passes `GateDefaults.noisyJSON`: gate exact
    /// metrics and peak RSS, report time), so the file says what the built-in defaults
    /// already do, where it can be edited.
    package static func configuration(_ layout: AdoptionLayout, noisy: String) -> String {
        """
        {
          "executables": [\(JSONWriter.string(layout.targetName))],
          "noisy": \(noisy)
        }

        """
    }

    /// `.github/workflows/memgate.yml`: on push, `memgate run` against the committed
    /// baseline; on pull requests, `memgate refs` against the base branch (README "CI").
    package static let workflow = """
        # Benchmarks gated by memgate (written by `memgate init`; README, "CI").
        # On push: gate against the committed baseline (record it with
        #   swift run -c release memgate run --update
        # and commit baselines/). On pull requests: build the base branch and this one and run
        # them interleaved in this job, the way time can be gated on a shared runner.
        name: memgate
        on: [push, pull_request]
        jobs:
          baseline:
            if: github.event_name == 'push'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - name: Gate against the committed baseline
                run: swift run -c release memgate run --format github --output junit:memgate.xml
              - uses: actions/upload-artifact@v4
                if: always()
                with: { name: memgate-report, path: memgate.xml }
          refs:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with: { fetch-depth: 0 }          # the base branch must be there for git
              - uses: actions/cache@v4            # optional: incremental builds of both sides
                with:
                  path: .memgate-build
                  key: memgate-refs-${{ runner.os }}-${{ github.base_ref }}
              - name: Gate HEAD against the base branch, both built and run in this job
                run: >
                  swift run -c release memgate refs origin/${{ github.base_ref }}
                  --build-root .memgate-build --keep-results refs-results
                  --output junit:memgate-refs.xml
              - uses: actions/upload-artifact@v4
                if: always()
                with:
                  name: memgate-refs
                  path: |
                    memgate-refs.xml
                    refs-results/

        """
}
