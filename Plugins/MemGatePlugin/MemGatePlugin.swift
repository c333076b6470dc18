import Foundation
import PackagePlugin

/// `swift package memgate ARGUMENTS`: builds the memgate executable, then runs it with
/// ARGUMENTS in the package's folder, passing its output through and exiting with its status.
///
/// SwiftPM holds the lock on the package's `.build` while a plugin runs, so `memgate run`
/// (which calls `swift package describe` and `swift build`) is given its own build folder,
/// `.build/memgate-plugin`, unless the arguments name one (`--scratch-path`). The plugin builds
/// memgate itself, in release, in that same folder rather than naming it as a tool, which SwiftPM
/// would build for debugging in `.build`: first memgate's and BenchKit's modules together
/// (`--product MemGatePluginModules`, so BenchKit compiles beside the gate's modules), then the
/// executable (`--product memgate`). The benchmarks' release build then finds BenchKit's modules
/// compiled, and a new package's first run compiles them once instead of twice. A warm run whose
/// memgate sources and `swift` are as the last build recorded them (`BuildStamp`) skips that
/// build; `memgate run` still builds the benchmarks, which SwiftPM checks as always.
///
/// SwiftPM 6.3 reports any failing plugin with exit status 1: the plugin form exits 0 or 1
/// (the report says which case it was); `swift run memgate` keeps the distinct codes 2 and 3.
/// `memgate init` is told which dependency is memgate (`--memgate-package`), so it reuses it.
@main
struct MemGatePlugin: CommandPlugin {
    /// The build folder the plugin uses when the arguments name none.
    static let defaultScratchPath = ".build/memgate-plugin"

    /// memgate's library product of memgate's and BenchKit's modules, which the plugin builds
    /// before the memgate executable (Package.swift).
    static let modulesProduct = "MemGatePluginModules"

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        var scratchPath = Self.defaultScratchPath
        if arguments.first == "run" {
            if let flag = arguments.firstIndex(of: "--scratch-path"), flag + 1 < arguments.count {
                scratchPath = arguments[flag + 1]
            } else {
                arguments.insert(contentsOf: ["--scratch-path", scratchPath], at: 1)
            }
        }
        // memgate init reuses the package's memgate dependency: name it, whatever it is called.
        if arguments.first == "init" && !arguments.contains("--memgate-package"),
           let memgate = context.package.dependencies.first(where: { $0.package.products.contains { $0.name == "BenchKit" } }) {
            arguments.insert(contentsOf: ["--memgate-package", memgate.package.id], at: 1)
        }
        let package = context.package.directoryURL
        let memgate = try Self.buildMemgate(in: package, scratchPath: scratchPath, memgatePackage: Self.memgatePackage(of: context.package))
        let status = try Self.run(memgate, arguments, in: package).status
        exit(status)
    }

    /// Builds memgate's and BenchKit's modules (`modulesProduct`), then the memgate product, in
    /// release in `scratchPath` (relative to `package`), and returns the executable. The builds'
    /// output goes to standard error, so standard output carries memgate's own output only.
    /// When `memgatePackage` (the folder of the package that has the memgate product) and the
    /// `swift` on PATH are as the last build there recorded them (`BuildStamp`), the executable
    /// is returned without starting `swift build`.
    static func buildMemgate(in package: URL, scratchPath: String, memgatePackage: URL?) throws -> URL {
        let swift = try executableOnPath("swift")
        let scratch = scratchPath.hasPrefix("/") ? URL(fileURLWithPath: scratchPath) : package.appendingPathComponent(scratchPath)
        // SwiftPM links `release` to the host's release products in every build folder.
        let executable = scratch.appendingPathComponent("release/memgate")
        let stampFile = scratch.appendingPathComponent("memgate-plugin-stamp")
        // Taken before the build: a source edited during it leaves the older stamp, so the next run builds.
        let stamp = memgatePackage.flatMap { BuildStamp.current(package: $0, swift: swift) }
        if let stamp, FileManager.default.isExecutableFile(atPath: executable.path), BuildStamp.recorded(at: stampFile) == stamp {
            return executable
        }
        // First every module of memgate and of BenchKit in one build (a library product that is
        // never linked), so BenchKit compiles while the gate's chain of modules keeps only one
        // core busy; then memgate's link. The benchmarks' build that follows finds BenchKit built.
        for product in [modulesProduct, "memgate"] {
            let build = ["build", "-c", "release", "--product", product, "--scratch-path", scratchPath]
            var (status, log) = try run(swift, build, in: package, capturing: true)
            // A plan SwiftPM kept although memgate's modules changed fails "because of missing
            // inputs" until it is gone (GateRunner's StalePlan, which memgate run uses, says more).
            if status != 0 && log.contains("because of missing inputs") {
                try? FileManager.default.removeItem(at: scratch.appendingPathComponent("release.yaml"))
                let note = "memgate plugin: the kept build plan named files memgate no longer has; planning again\n"
                FileHandle.standardError.write(Data(note.utf8))
                (status, log) = try run(swift, build, in: package, capturing: true)
            }
            FileHandle.standardError.write(Data(log.utf8))
            guard status == 0 else { throw PluginFailure("building memgate failed (swift \(build.joined(separator: " ")))") }
        }
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw PluginFailure("memgate was built, but \(executable.path) is not there")
        }
        stamp?.record(at: stampFile)
        return executable
    }

    /// The folder of the package that has the memgate product: `package` itself, or the first
    /// package it depends on (directly or not) that has it; nil when none has.
    static func memgatePackage(of package: Package) -> URL? {
        var pending = [package], seen = Set<String>()
        while !pending.isEmpty {
            let candidate = pending.removeFirst()
            guard seen.insert(candidate.id).inserted else { continue }
            if candidate.products.contains(where: { $0.name == "memgate" }) { return candidate.directoryURL }
            pending += candidate.dependencies.map(\.package)
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory` and returns its exit status (128 + N
    /// for a signal N) and, when `capturing`, its standard output and error read together
    /// (else they are ours, and the log is empty). SwiftPM shows a plugin's output only when the
    /// plugin ends, so capturing a build hides nothing the user would have seen sooner.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, capturing: Bool = false) throws -> (status: Int32, log: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = capturing ? Pipe() : nil
        if let pipe { (process.standardOutput, process.standardError) = (pipe, pipe) }
        try process.run()
        let output = pipe?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, String(decoding: output, as: UTF8.self))
    }

    /// The first `name` on `PATH` that is an executable file.
    static func executableOnPath(_ name: String) throws -> URL {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw PluginFailure("\(name) is not on PATH")
    }
}

/// A failure of the plugin itself (not of memgate), said in one line.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
