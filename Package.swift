// swift-tools-version:6.2
//
// memgate: a benchmark harness (BenchKit) and a CI regression gate (memgate).
// Zero package dependencies, by design: only the Swift toolchain and our own C.

import PackageDescription

/// Modules whose speed does not matter are built without optimization even in release: the
/// gate's own (checking 10,000 benchmarks is bound by reading the files, which stays
/// optimized) and the cold parts of what benchmark executables link (arguments, tables,
/// child processes, the results model). Whole-module `-O` spends most of a clean build in the
/// SIL optimizer, and `swift run -c release memgate run` or the plugin's first run compiles all
/// of it. What a benchmark's measurement runs through stays optimized: BenchKit, its
/// statistics, the symbol reader, results parsing and encoding (`BuildSettingsTests`).
/// SwiftPM 6.2 and later accept unsafe flags in a dependency whose manifest has tools version
/// 6.2 or later (memgate needs Swift 6.2 anyway, for the toolchain's `Runtime` module).
let withoutOptimization: [SwiftSetting] = [.unsafeFlags(["-Onone"], .when(configuration: .release))]

// Module names set the build order. SwiftPM's build engine (llbuild) starts, among the modules
// ready to compile, the one whose name sorts last first (its default scheduler orders jobs by
// command name, "C.<module>-..."). On 2 cores a clean release build is one chain long:
// DescriptiveStatistics, ResultsModel, BenchResults (whole-module -O), then the gate's chain.
// So of the modules ready at the same time as ResultsModel or BenchResults, at most one sorts
// after it (`BaseSystem` and `AddressSymbols` were once `SystemSupport` and `Symbolization`,
// which the scheduler started first), and they need only `WholeWrites` of the system calls.
// `AddressSymbols`, sorting first, compiles in the gaps of memgate's own build (the `memgate`
// product lists it), so a benchmark build after `swift run memgate` compiles BenchKit and the
// package's own targets only. docs/performance.md, "Build order".

let package = Package(
    name: "memgate",
    products: [
        .library(name: "BenchKit", targets: ["BenchKit"]),
        // Lists AddressSymbols, which memgate does not use, so that memgate's build compiles it
        // for the benchmarks' build that follows (see the build order above).
        .executable(name: "memgate", targets: ["memgate", "AddressSymbols"]),
        // Never linked: what the plugin's first run builds before the memgate executable, so that
        // BenchKit compiles beside the gate's modules, whose chain keeps one core of two busy
        // (on 2 cores, 31-32 s against 38-40 s for memgate then the benchmarks, in a new package).
        .library(name: "MemGatePluginModules", type: .static, targets: ["MemGateCLI", "BenchKit"]),
        .plugin(name: "MemGatePlugin", targets: ["MemGatePlugin"]),
    ],
    targets: [
        // C: replaces the malloc family for the whole process and counts calls and bytes.
        // Linked only into benchmark executables (through BenchKit) and the test runner.
        .target(name: "CAllocCounter"),

        // C: small system shims: an instruction counter (perf_event_open), parent-death signal,
        // closing inherited descriptors at posix_spawn.
        .target(name: "CSystemShims"),

        // The one loop that writes a whole buffer to a file descriptor or socket, and the C
        // functions Swift code shadows. Apart from BaseSystem (which re-exports it) so that
        // BenchResults, which needs only this of the system calls, can start compiling first.
        .target(name: "WholeWrites"),

        // The C library calls more than one module makes, once: starting a child process, a
        // folder lock, interrupts, pipes; with WholeWrites, re-exported.
        .target(name: "BaseSystem", dependencies: ["CSystemShims", "WholeWrites"], swiftSettings: withoutOptimization),

        // Addresses of this process to function names: ELF symbol tables, dladdr, the Swift
        // runtime's demangler. Used by BenchKit after its allocation-site pass.
        .target(name: "AddressSymbols", dependencies: ["CSystemShims"]),

        // Pure Swift: a sample's summaries (mean, median, quantiles, spread), all a benchmark
        // executable needs of statistics. A module of its own, so BenchKit's closure does not
        // compile the gate's tests with `-O` and BenchResults starts compiling early.
        .target(name: "DescriptiveStatistics"),

        // Pure Swift: statistics with stated assumptions (U test, Holm, intervals).
        .target(name: "BenchStatistics", dependencies: ["DescriptiveStatistics"]),

        // Pure Swift: the results/baseline model (benchmarks, metrics, units, sites, the
        // environment), its validation and errors, its Codable form, input limits, atomic
        // writes. Cold code: built without optimization.
        .target(name: "ResultsModel", dependencies: ["DescriptiveStatistics", "WholeWrites"], swiftSettings: withoutOptimization),

        // What handles every byte of a results file, optimized: the fast parser, the encoder's
        // layout, strict JSON and the JSON writer (checking 10,000 benchmarks reads two 43 MB
        // files). Re-exports ResultsModel, so its importers see one module.
        .target(name: "BenchResults", dependencies: ["ResultsModel"]),

        // What only the gate reads and writes besides memgate's results: Go's benchmark text
        // format (both ways), the history file, reading either results format.
        .target(name: "GateFormats", dependencies: ["BenchResults"], swiftSettings: withoutOptimization),

        // Small terminal helpers shared by both executables: arguments, tables, colour.
        .target(name: "CLISupport", dependencies: ["BaseSystem"], swiftSettings: withoutOptimization),

        // The compact results tables both executables print.
        .target(
            name: "ResultsView", dependencies: ["BenchResults", "DescriptiveStatistics", "CLISupport"], swiftSettings: withoutOptimization
        ),

        // The measuring harness that benchmark executables link.
        .target(
            name: "BenchKit",
            dependencies: ["BenchResults", "CLISupport", "ResultsView", "BaseSystem", "AddressSymbols", "CAllocCounter", "CSystemShims"]
        ),

        // The gate's pure core: thresholds, the config model, comparison, verdicts, the report
        // model and its renderers, update/merge/pool, calibration. No process or file work.
        .target(
            name: "GateCore", dependencies: ["BenchResults", "BenchStatistics", "DescriptiveStatistics", "CLISupport", "GateFormats"],
            // The contracts: the module's and one per folder.
            exclude: ["README.md"]
                + ["Bisect", "Calibration", "ChangePoints", "Comparison", "Config", "History", "Refs", "Report", "Results", "Sites",
                   "Thresholds"]
                .map { "\($0)/README.md" },
            swiftSettings: withoutOptimization
        ),

        // The pure part of `memgate init`: reading dump-package output, deciding the layout and
        // the plan, editing Package.swift as text, the files' templates. No process or file work.
        .target(name: "Adoption", dependencies: ["BenchResults", "CLISupport"], exclude: ["README.md"], swiftSettings: withoutOptimization),

        // The HTML report: one self-contained page (inline CSS and SVG charts, no script) drawn
        // from a Report and the two results files. Pure: returns text.
        .target(
            name: "HTMLReport", dependencies: ["GateCore", "GateFormats", "BenchResults", "DescriptiveStatistics", "CLISupport"],
            swiftSettings: withoutOptimization
        ),

        // Everything impure the gate does: building and running benchmark executables, git
        // worktrees, child processes and signals, reading the config file.
        .target(
            name: "GateRunner",
            dependencies: ["GateCore", "Adoption", "BenchResults", "CLISupport", "BaseSystem"],
            swiftSettings: withoutOptimization
        ),

        // The commands: each parses its arguments, plans, calls GateRunner and GateCore, reports.
        .target(
            name: "MemGateCLI",
            dependencies: [
                "GateCore", "GateFormats", "GateRunner", "HTMLReport", "Adoption",
                "BenchResults", "CLISupport", "ResultsView", "BaseSystem",
            ],
            swiftSettings: withoutOptimization
        ),

        // Thin executable over MemGateCLI. Never links the allocation interposer.
        .executableTarget(name: "memgate", dependencies: ["MemGateCLI", "CLISupport"], swiftSettings: withoutOptimization),

        // `swift package memgate ...`: builds memgate in release in `.build/memgate-plugin`, where
        // `memgate run` builds the benchmarks too, and runs it in the package's folder. No tool
        // dependency: SwiftPM would build that one for debugging, compiling BenchKit's modules twice.
        .plugin(
            name: "MemGatePlugin",
            capability: .command(
                intent: .custom(verb: "memgate", description: "Build, run and gate the benchmarks (memgate's commands)."),
                permissions: [.writeToPackageDirectory(reason: "memgate writes results to .memgate/ and baselines to baselines/")]
            )
        ),

        // Real workloads; the package gates itself on them.
        .executableTarget(name: "ExampleBenchmarks", dependencies: ["BenchKit"]),

        // Fixture benchmarks for the harness's end-to-end tests (crash, hang, exact counts).
        .executableTarget(name: "FixtureBenchmarks", dependencies: ["BenchKit"], path: "Tests/FixtureBenchmarks"),

        .testTarget(name: "BaseSystemTests", dependencies: ["BaseSystem"]),
        .testTarget(name: "BenchStatisticsTests", dependencies: ["BenchStatistics", "DescriptiveStatistics"]),
        .testTarget(name: "AddressSymbolsTests", dependencies: ["AddressSymbols", "CSystemShims"]),
        .testTarget(name: "BenchResultsTests", dependencies: ["BenchResults"]),
        .testTarget(name: "GateFormatsTests", dependencies: ["GateFormats", "BenchResults", "BenchStatistics"]),
        .testTarget(name: "BenchKitTests", dependencies: ["BenchKit", "CAllocCounter", "CSystemShims", "FixtureBenchmarks"]),

        // Helpers the gate's test targets share (results-file builders, a temporary folder,
        // hostile names). Not a test target: it holds no tests.
        .target(name: "TestSupport", dependencies: ["BenchResults", "GateCore"], path: "Tests/TestSupport"),

        // The gate's modules, one test target each (pure: no processes, but for GateRunner's).
        .testTarget(
            name: "GateCoreTests",
            dependencies: ["GateCore", "GateFormats", "BenchResults", "BenchStatistics", "DescriptiveStatistics", "CLISupport", "TestSupport"]
        ),
        .testTarget(name: "AdoptionTests", dependencies: ["Adoption", "GateCore", "CLISupport"]),
        .testTarget(
            name: "GateRunnerTests",
            dependencies: ["GateRunner", "GateCore", "BenchResults", "BenchStatistics", "BaseSystem", "TestSupport"]
        ),
        .testTarget(name: "HTMLReportTests", dependencies: ["HTMLReport", "GateCore", "GateFormats", "BenchResults", "TestSupport"]),
        .testTarget(
            name: "MemGateCLITests",
            dependencies: [
                "MemGateCLI", "GateCore", "GateFormats", "GateRunner", "HTMLReport", "BenchResults", "BenchStatistics", "CLISupport",
                "TestSupport",
            ]
        ),

        // The built memgate executable (and swift, git, a browser) driven end to end, and the
        // manifest's build settings; the package-building chains (PackageBuildingChains.swift) are here.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "Adoption", "GateCore", "GateFormats", "HTMLReport", "BenchResults", "BenchStatistics", "BaseSystem",
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["BenchResults", "CLISupport"]),
        .testTarget(name: "ResultsViewTests", dependencies: ["ResultsView", "BenchResults", "CLISupport"]),
    ]
)
