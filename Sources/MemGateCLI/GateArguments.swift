import BenchResults
import CLISupport
import Foundation
import GateCore
import GateFormats
import GateRunner

/// The options `check` and `compare` share, declared once and read once.
struct GateArguments {
    /// Declares the shared options on `spec`.
    static func declare(on spec: inout CommandSpec) {
        declareThresholds(on: &spec)
        spec.option("--inconclusive", value: "pass|fail",
            help: "Exit 0 (pass) or 1 (fail) instead of 3 when the only findings are inconclusive.", defaultDescription: "exit 3")
        spec.option("--noisy", value: "gate|report",
            help: "gate: gate machine-dependent metrics (time, latency, CPU, RSS) where the fingerprints match; report: only show "
                + "them. Overrides the config's \"noisy\".",
            defaultDescription: "the config's \"noisy\", else gate peakRSS only, report the rest")
        spec.flag("--allow-missing", help: "Pass benchmarks and gated metrics of the baseline that CURRENT lacks (a deliberate "
            + "partial check) instead of failing; the config's \"allowMissing\": true does the same. To record a removal: "
            + "memgate update --prune.")
        declareUnstableFloor(on: &spec)
        spec.option("--format", value: "FORMAT", help: "Standard output format: text, markdown, json, junit, github.",
            defaultDescription: "text")
        spec.option("--output", value: "[FORMAT:]PATH",
            help: "Also write the report to PATH; format (text, markdown, json, junit, github, html) from FORMAT: or the extension "
                + "(.txt .md .json .xml=junit .html). html: one self-contained page with charts.", repeatable: true)
        spec.option("--history", value: "FILE",
            help: "Draw each benchmark's trend over the runs of FILE (kept by memgate history append) in the HTML report.")
        spec.flag("--all", short: "a", help: "Show every metric, not only regressions, inconclusive, improvements and missing ones.")
        spec.flag("--verbose", short: "v", help: "Same as --all.")
        spec.flag("--full-stacks", help: fullStacksHelp)
    }

    /// Declares the options that set thresholds and levels: `--config`, `--threshold` and
    /// `--alpha` (`history check` takes them too, with its own `alphaHelp`; `bisect` takes them
    /// and `--unstable-floor`, read by `init(thresholdsOnly:defaultConfigPath:origin:)`).
    static func declareThresholds(
        on spec: inout CommandSpec, alphaHelp: String = "Family-wise significance level for noisy metrics, in [1e-12, 0.5]."
    ) {
        spec.option("--config", value: "FILE", help: "Thresholds and policies (missing default file = built-in defaults).",
            defaultDescription: ConfigFile.defaultPath)
        spec.option("--threshold", value: "METRIC=VALUE",
            help: "Override a metric's threshold everywhere, e.g. time=15%, allocs=+0, peakRSS='10% +1MiB', p99=off.", repeatable: true)
        spec.option("--alpha", value: "P", help: alphaHelp, defaultDescription: "0.01")
    }

    /// Declares `--unstable-floor` (`history check` takes it too).
    static func declareUnstableFloor(on spec: inout CommandSpec) {
        spec.option("--unstable-floor", value: "PERCENT",
            help: "How far an unstable exact metric's medians must move (beyond its trimmed ranges moving past the threshold) to "
                + "fail, e.g. 30%; sets every exact metric's floor.",
            defaultDescription: "the config's \"unstableFloor\", else 30% (10% for bytes)")
    }

    /// `--full-stacks`' help, shared with `explain`.
    static let fullStacksHelp = "Show every frame of a site's call chain, not only those that fit the terminal's width (100 columns "
        + "when not a terminal; Markdown, GitHub, JUnit and HTML: 3 frames)."

    var options = ComparisonOptions()
    var policy = InconclusivePolicy.report
    var format = ReportFormat.text
    /// The `--output` files and their formats (`outputs(_:unknownIsHTML:)`), HTML included.
    var outputs: [(ReportFormat, String)] = []
    /// The history whose trends the HTML report draws (`--history`), read with the options so
    /// that a bad file stops the command before anything runs or is written.
    var history: History?
    /// The `--history` file, an input no output may overwrite.
    var historyPath: String?
    /// The command these options were given to (`memgate check`), which the HTML page names.
    var command = "memgate"
    var verbose = false
    /// Every frame of a site's call chain (`--full-stacks`).
    var fullStacks = false
    var config = GateConfig()
    /// The configuration file read, or nil when there was none (built-in defaults).
    var configPath: String?
    /// Metric names given to --threshold, checked against the files once they are read.
    var overriddenMetrics: [String] = []
    /// False when `run` or `refs` ran only some benchmarks (`--filter`, `--skip`,
    /// `--executable`): a config glob that matches none of them is then expected, not a typo.
    var ranEveryBenchmark = true

    /// Reads the shared options and the configuration file.
    ///
    /// - Throws: `UsageError` for bad values, `CommandError` for a bad or missing
    ///   (explicitly named) config file.
    ///
    /// - Parameter defaultConfigPath: the config read when `--config` is not given (its
    ///   absence then means built-in defaults); `run` passes the package's.
    ///
    /// - Parameter unknownOutputIsHTML: an `--output` path whose format cannot be told is
    ///   HTML (`memgate report`) instead of a usage error.
    ///
    /// - Parameter origin: where the compared runs come from (`refs`: interleaved, where a
    ///   config's `"noisy"` does not apply).
    init(
        _ arguments: ParsedArguments, mode: Report.Mode, defaultConfigPath: String = ConfigFile.defaultPath,
        unknownOutputIsHTML: Bool = false, origin: RunOrigin = .separate
    ) throws {
        let flags = try Self.comparisonFlags(arguments)
        try self.init(arguments, flags: flags, mode: mode, defaultConfigPath: defaultConfigPath, origin: origin)
        policy = flags.inconclusive ?? config.inconclusive ?? .report
        format = try arguments.choice("--format", from: ReportFormat.standardOutput.map(\.rawValue)).flatMap(ReportFormat.init) ?? .text
        outputs = try Self.outputs(arguments, unknownIsHTML: unknownOutputIsHTML)
        if let path = arguments.value("--history") {
            guard !outputPaths(.html).isEmpty else {
                throw arguments.usageError("--history draws trends in the HTML report; add --output html:FILE")
            }
            do { history = try History.read(contentsOf: path) } catch { throw CommandError(error) }
            historyPath = path
        }
        verbose = arguments.flag("--all") || arguments.flag("--verbose")
        fullStacks = arguments.flag("--full-stacks")
    }

    /// Reads only what `declareThresholds` and `declareUnstableFloor` declare, and the configuration file (`bisect`):
    /// the options of a `check` with those flags; every other property keeps its default.
    ///
    /// - Throws: `UsageError` for bad values, `CommandError` for a bad or missing
    ///   (explicitly named) config file.
    init(thresholdsOnly arguments: ParsedArguments, defaultConfigPath: String, origin: RunOrigin) throws {
        try self.init(arguments, flags: try Self.thresholdFlags(arguments), mode: .check, defaultConfigPath: defaultConfigPath,
                      origin: origin)
    }

    /// The configuration file and the comparison options of `flags`.
    private init(_ arguments: ParsedArguments, flags: ComparisonFlags, mode: Report.Mode, defaultConfigPath: String, origin: RunOrigin)
        throws {
        let explicitConfig = arguments.value("--config")
        let configFile = explicitConfig ?? defaultConfigPath
        let found: Bool
        (config, found) = try ConfigFile.read(configFile, explicit: explicitConfig != nil)
        configPath = found ? configFile : nil
        options = ComparisonOptions(config: config, flags: flags, mode: mode, origin: origin)
        overriddenMetrics = flags.thresholds.keys.sorted()
        command = arguments.command
    }

    /// The comparison flags, parsed and checked.
    /// - Throws: `UsageError` for a bad value.
    private static func comparisonFlags(_ arguments: ParsedArguments) throws -> ComparisonFlags {
        var flags = try thresholdFlags(arguments)
        flags.noisy = try noisyFlag(arguments)
        flags.inconclusive = try arguments.choice("--inconclusive", from: ["pass", "fail", "report"]).flatMap(InconclusivePolicy.init)
        flags.allowMissing = arguments.flag("--allow-missing")
        return flags
    }

    /// `--threshold`, `--alpha` and `--unstable-floor`, parsed and checked (what `history check`
    /// and `bisect` take of the comparison flags; `noisyFlag` reads `--noisy` for those that take it).
    /// - Throws: `UsageError` for a bad value.
    static func thresholdFlags(_ arguments: ParsedArguments) throws -> ComparisonFlags {
        var flags = ComparisonFlags()
        for value in arguments.values("--threshold") {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw arguments.usageError("--threshold: '\(value)' is not METRIC=VALUE (e.g. time=15%)")
            }
            let metric = String(value[..<equals])
            let text = String(value[value.index(after: equals)...])
            do {
                let threshold = try Threshold(parsing: text)
                try ThresholdDefaults.checkUnit(threshold, metric: metric)
                flags.thresholds[metric] = threshold
            } catch {
                throw arguments.usageError("--threshold: \(metric): \(error)")
            }
        }
        flags.alpha = try arguments.double("--alpha", in: GateConfig.alphaRange)
        if let text = arguments.value("--unstable-floor") {
            do { flags.unstableFloor = try GateConfig.parseFloor(text) } catch {
                throw arguments.usageError("--unstable-floor: \(error)")
            }
        }
        return flags
    }

    /// `--noisy gate|report`, if given.
    /// - Throws: `UsageError` for another value.
    static func noisyFlag(_ arguments: ParsedArguments) throws -> NoisyPolicy? {
        try arguments.choice("--noisy", from: NoisyPolicy.allCases.map(\.rawValue)).flatMap(NoisyPolicy.init)
    }

    /// Throws when a --threshold names a metric that is neither built in nor present in
    /// either file: a typo must not silently leave a threshold at its default.
    func checkOverriddenMetrics(_ files: ResultsFile...) throws {
        for metric in overriddenMetrics where MetricID(rawValue: metric) == nil {
            let present = files.contains { $0.benchmarks.contains { $0.metrics[metric] != nil } }
            guard present else {
                let known = MetricID.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandError("--threshold: no metric named '\(metric)' in either file (built-in metrics: \(known))")
            }
        }
    }

    /// Notes, one line each, for the configuration's thresholds and noisy policies that name
    /// a metric neither built in nor present in either file (most likely a typo), and for
    /// noisy policies naming a custom exact metric (which no policy affects). Not errors,
    /// since a configuration shared by several executables may name a custom metric that
    /// only some of them report.
    func unknownConfigMetricNotes(_ files: ResultsFile...) -> [String] {
        guard let configPath else { return [] }
        func isUnknown(_ metric: String) -> Bool {
            MetricID(rawValue: metric) == nil && !files.contains { $0.benchmarks.contains { $0.metrics[metric] != nil } }
        }
        var places = config.thresholds.keys.sorted().filter(isUnknown).map { ("thresholds.\($0)", $0) }
        for (index, override) in config.benchmarks.enumerated() {
            places += override.thresholds.keys.sorted().filter(isUnknown).map { ("benchmarks[\(index)].thresholds.\($0)", $0) }
        }
        places += config.noisyByMetric.keys.sorted().filter(isUnknown).map { ("noisy.\($0)", $0) }
        let known = MetricID.allCases.map(\.rawValue).joined(separator: ", ")
        let unknown = places.map { place, metric in
            "note: \(configPath): \(place): no metric named '\(metric)' in either file, so this setting applies to nothing (a typo? "
                + "built-in metrics: \(known))"
        }
        // Built-in exact metrics are refused when the config is read; custom ones are only
        // known here.
        let exact = config.noisyByMetric.keys.sorted().filter { metric in
            files.contains { $0.benchmarks.contains { $0.metrics[metric]?.exact == true } }
        }
        return unknown + exact.map { metric in
            "note: \(configPath): noisy.\(metric): '\(metric)' is an exact metric, always gated by its threshold, so this setting has no "
                + "effect (to only show it, give it the threshold \"off\")"
        }
    }

    /// Notes, one line each, for per-benchmark overrides whose `match` glob matches no
    /// benchmark in either file: most likely a typo, which would otherwise leave the
    /// intended benchmarks at the file-wide thresholds without a word. Not an error (a
    /// shared configuration may cover benchmarks of executables that did not run), and
    /// not given when only some benchmarks ran.
    func unmatchedGlobNotes(_ files: ResultsFile...) -> [String] {
        guard let configPath, ranEveryBenchmark else { return [] }
        return config.benchmarks.enumerated().compactMap { index, override in
            let matched = files.contains { $0.benchmarks.contains { override.match.matches($0.name) } }
            guard !matched else { return nil }
            return "note: \(configPath): benchmarks[\(index)].match: \"\(override.match.pattern)\" matches no benchmark in either file, "
                + "so its thresholds apply to nothing (a typo? the glob must match the whole name; * matches any run of characters)"
        }
    }

    /// Reads a results file in either format, as a `CommandError` on failure.
    static func readResults(_ path: String) throws -> ResultsFile {
        do { return try ResultsFile.read(anyFormat: path) } catch { throw CommandError(error) }
    }

    /// Throws when `file`, read from `path` as the results to check or merge, holds no
    /// benchmark: a run whose output went empty must not pass (`update` refuses it too).
    static func requireBenchmarks(_ file: ResultsFile, path: String) throws {
        guard file.benchmarks.isEmpty else { return }
        throw CommandError("\(path): no benchmarks (\"benchmarks\": []): an empty results file cannot be checked or merged; did "
            + "the benchmark run fail, or a filter match nothing?")
    }
}
