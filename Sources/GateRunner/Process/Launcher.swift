/// How GateRunner starts the programs it needs (`swift`, `git`, benchmark executables): each
/// through one `LaunchGate`, which an interrupt closes (see `InterruptCleanup`), and with one
/// set of environment overrides. Commands make one and pass it down; nothing is global.
package struct Launcher: Sendable {
    /// The gate every start passes; nil for processes that undo what memgate created
    /// (removing a worktree), which must start while memgate is being interrupted.
    package var gate: LaunchGate?
    /// Environment overrides on top of memgate's own, for every child.
    package var environment: [String: String]

    /// A launcher whose children pass `gate` and get `environment` on top of ours.
    package init(gate: LaunchGate?, environment: [String: String] = [:]) {
        self.gate = gate
        self.environment = environment
    }

    /// This launcher for cleanup: no gate, the same environment.
    package var forCleanup: Launcher { Launcher(gate: nil, environment: environment) }

    /// This launcher with `overrides` on top of its environment.
    package func adding(environment overrides: [String: String]) -> Launcher {
        Launcher(gate: gate, environment: environment.merging(overrides) { $1 })
    }

    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` and waits.
    /// - Parameters:
    ///   - directory: its working directory; nil for ours.
    ///   - captureError: whether standard error is captured (true) or passed through.
    /// - Throws: `LaunchGate.Closed` once the gate is closed; `ChildProcess.StartFailure`.
    package func run(
        _ executable: String, _ arguments: [String], directory: String? = nil, captureError: Bool = true
    ) throws -> Subprocess.Outcome {
        try Subprocess(executable: executable, arguments: arguments, directory: directory, captureError: captureError,
                       environment: environment, gate: gate).run()
    }
}
