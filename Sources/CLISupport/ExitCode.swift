/// The exit status of both executables, `memgate` and every benchmark executable (BenchKit's
/// `BenchmarkSuite.main()`), each code defined here once; the gate reads a benchmark
/// executable's status through it too (`BenchmarkExecution`). The help texts, README and
/// docs/commands.md list the codes for users; a case's comment is its one definition.
///
/// `--inconclusive pass|fail` maps 3 to 0 or 1 (GateCore's `InconclusivePolicy`).
package enum ExitCode: Int32, Sendable, CaseIterable {
    /// Nothing regressed, or the command succeeded; a benchmark executable: every selected
    /// benchmark ran, or it printed its help or its list.
    case pass = 0
    /// At least one regression or failed benchmark: a gated metric regressed, a benchmark
    /// failed in CURRENT, or (unless `--allow-missing`) a benchmark or gated metric of the
    /// baseline is missing; `update`: benchmarks not recorded because they failed. A
    /// benchmark executable: some benchmark failed, crashed or timed out, and the others ran
    /// and were written.
    case regression = 1
    /// Bad arguments or input (a benchmark executable: also an invalid registration, such as
    /// a duplicate name); nothing was compared or written.
    case usageOrInputError = 2
    /// memgate only: no regression, but at least one inconclusive comparison; `bisect`: unsure,
    /// the first bad commit could not be named (a step undecided, commits that could not be
    /// tested, the error budget spent), and the range it narrowed to is named.
    case inconclusive = 3
    /// `memgate bisect` only: not reproduced at the ends, the selected metric does not regress
    /// past its threshold from GOOD to BAD; nothing was bisected.
    case notReproduced = 4
    /// A benchmark executable's child process only (sysexits' `EX_SOFTWARE`): it could not
    /// watch its parent or write its report; the parent reports that benchmark as crashed.
    case internalError = 70
    /// 128 + SIGINT: interrupted (Ctrl-C). BaseSystem's `InterruptHandler`, below this
    /// module, exits with it after removing what the command made.
    case interrupted = 130
    /// 128 + SIGTERM: terminated, exited the same way as `interrupted`.
    case terminated = 143
}
