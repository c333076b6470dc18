import BenchResults
import CLISupport
import Foundation
import GateCore

/// Runs built benchmark executables and merges their results into one file.
package struct BenchmarkExecution {
    /// A benchmark executable that did not produce results.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Arguments forwarded to every executable (`--filter`, `--samples`, ...).
    package var forwardedArguments: [String]
    /// How the executables are started.
    package var launcher: Launcher

    /// An execution that forwards `forwardedArguments` to every executable it starts with
    /// `launcher`.
    package init(forwardedArguments: [String], launcher: Launcher) {
        self.forwardedArguments = forwardedArguments
        self.launcher = launcher
    }

    /// Runs each executable (stderr passed through, so its progress shows) and merges the
    /// results in order. Benchmarks that failed inside an executable are kept with their
    /// status; an executable that writes no results is an error.
    package func run(executables: [(name: String, path: String)], temporaryDirectory: String) throws -> ResultsFile {
        var files: [(label: String, file: ResultsFile)] = []
        for executable in executables {
            let output = "\(temporaryDirectory)/\(executable.name).json"
            let outcome = try launcher.run(executable.path, forwardedArguments + ["--output", output, "--quiet"], captureError: false)
            // `.regression` means some benchmark failed; its results were still written.
            let status = ExitCode(rawValue: outcome.status)
            guard status == .pass || status == .regression, FileManager.default.fileExists(atPath: output) else {
                throw Failure(description: "\(executable.name) exited with status \(outcome.status) and wrote no results")
            }
            files.append((executable.name, try ResultsFile.read(contentsOf: output)))
        }
        guard !files.isEmpty else { throw Failure(description: "no benchmark executable to run") }
        do {
            return try ResultsMerge(files: files).merged
        } catch {
            throw Failure(description: "benchmark \"\(error.name)\" is in both \(error.first) and \(error.second); names must be unique "
                + "across executables")
        }
    }
}
