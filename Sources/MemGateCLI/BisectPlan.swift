import CLISupport
import GateCore
import GateRunner

/// What one `memgate bisect` does, read and checked from its arguments before anything is
/// created, so a typo fails before any worktree or build.
struct BisectPlan {
    /// The formats `--output` and `--format` may name.
    static let formats: [ReportFormat] = [.text, .json, .html]

    /// The package folder, absolute.
    var packagePath: String
    /// The thresholds, alpha and config (`GateArguments.init(thresholdsOnly:...)`).
    var gate: GateArguments
    /// What the bisection is asked to do.
    var settings: BisectSettings
    /// GOOD and BAD as given.
    var good: String, bad: String
    /// Standard output's format: text or json.
    var format: ReportFormat
    /// `--output` files and their formats.
    var outputs: [(ReportFormat, String)]
    /// `--build-root`, absolute.
    var buildRoot: String?

    /// Reads and checks `arguments`.
    /// - Throws: `UsageError` for a bad value, `CommandError` for an unreadable config.
    init(_ arguments: ParsedArguments) throws {
        packagePath = arguments.absolutePath("--package-path", orElse: ".")!
        gate = try GateArguments(thresholdsOnly: arguments, defaultConfigPath: packagePath + "/" + ConfigFile.defaultPath,
                                 origin: .interleaved)
        gate.fullStacks = arguments.flag("--full-stacks")
        let rounds = try arguments.int("--rounds", in: 1...1000) ?? gate.config.rounds ?? RoundSchedule.defaultRounds
        let maxRounds = try arguments.int("--max-rounds", in: 1...100_000) ?? 4 * rounds
        guard maxRounds >= rounds else { throw arguments.usageError("--max-rounds: \(maxRounds) is fewer than --rounds (\(rounds))") }
        let selection = ["--filter", "--skip"].flatMap { name in arguments.value(name).map { [name, $0] } ?? [] }
        gate.ranEveryBenchmark = selection.isEmpty
        settings = BisectSettings(
            rounds: rounds, maxRounds: maxRounds, forwarded: try RefsPlan.forwardedArguments(arguments), selection: selection,
            executables: arguments.values("--executable"), layout: arguments.flag("--no-align") ? .compilerDefault : .aligned,
            metric: arguments.value("--metric"), options: gate.options)
        if settings.metric?.isEmpty == true { throw arguments.usageError("--metric: empty") }
        good = arguments.positionals[0]
        bad = arguments.positionals[1]
        let allowed = Self.formats.map(\.rawValue)
        format = try arguments.choice("--format", from: [ReportFormat.text, .json].map(\.rawValue)).flatMap(ReportFormat.init) ?? .text
        outputs = try arguments.values("--output").map { value in
            guard let output = ReportFormat.parseOutput(value), Self.formats.contains(output.0) else {
                throw arguments.usageError("--output: '\(value)' is not one of \(allowed.joined(separator: ", ")) (FORMAT:PATH, or a "
                    + ".txt, .json or .html path)")
            }
            return output
        }
        buildRoot = arguments.absolutePath("--build-root")
    }
}
