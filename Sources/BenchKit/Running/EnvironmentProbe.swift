import BaseSystem
import BenchResults
import Foundation

/// Reads the environment fingerprint of this process: machine, toolchain, build, git.
enum EnvironmentProbe {
    /// The BenchKit version written into results files.
    static let benchKitVersion = "0.1.0"

    /// The build configuration BenchKit was compiled in (SwiftPM builds all targets of a
    /// package in one configuration, so this is the benchmarks' too).
    static var buildConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// The compiler's version, to major.minor.
    static var swiftVersion: String {
        #if compiler(>=7.0)
        "7.0+"
        #elseif compiler(>=6.4)
        "6.4"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #elseif compiler(>=6.1)
        "6.1"
        #else
        "6.0"
        #endif
    }

    /// The fingerprint of this machine and build, with git state of the current directory.
    static func current() -> Environment {
        var names = utsname()
        uname(&names)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let git = gitState()
        return Environment(
            os: text(names.sysname), kernel: text(names.release), arch: text(names.machine),
            cpuModel: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
            swiftVersion: swiftVersion, buildConfiguration: buildConfiguration,
            gitCommit: git?.commit, gitDirty: git?.dirty,
            allocator: ResultBuilder.countsAllocations ? "glibc malloc (counted by CAllocCounter)" : "system malloc (not counted)",
            benchKitVersion: benchKitVersion,
            date: ISO8601DateFormatter().string(from: Date()))
    }

    private static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// HEAD's commit and whether tracked files differ from it; nil outside a git checkout
    /// or without git.
    private static func gitState() -> (commit: String, dirty: Bool)? {
        guard let commit = git(["rev-parse", "HEAD"]), !commit.isEmpty else { return nil }
        let status = git(["status", "--porcelain", "--untracked-files=no"]) ?? ""
        return (commit, !status.isEmpty)
    }

    private static func git(_ arguments: [String]) -> String? {
        let child = ChildProcess(executable: "git", arguments: arguments, input: .discarded, output: .captured, error: .discarded)
        guard let finished = try? child.start().finish(), finished.termination == .exited(0) else { return nil }
        return String(decoding: finished.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
