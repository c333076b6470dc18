import Foundation
import PackagePlugin

/// `swift package memgate ARGUMENTS`: runs the memgate executable with ARGUMENTS in the
/// package's folder, passing its output through and exiting with its status.
///
/// SwiftPM holds the lock on the package's `.build` while a plugin runs, so `memgate run`
/// (which calls `swift package describe` and `swift build`) is given its own build folder,
/// `.build/memgate-plugin`, unless the arguments name one (`--scratch-path`). SwiftPM 6.3
/// reports any failing plugin with exit status 1: the plugin form exits 0 or 1 (the report
/// says which case it was); `swift run memgate` keeps the distinct codes 2 and 3. `memgate init`
/// is told which dependency is memgate (`--memgate-package`), so it reuses it.
@main
struct MemGatePlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        if arguments.first == "run" && !arguments.contains("--scratch-path") {
            arguments.insert(contentsOf: ["--scratch-path", ".build/memgate-plugin"], at: 1)
        }
        // memgate init reuses the package's memgate dependency: name it, whatever it is called.
        if arguments.first == "init" && !arguments.contains("--memgate-package"),
           let memgate = context.package.dependencies.first(where: { $0.package.products.contains { $0.name == "BenchKit" } }) {
            arguments.insert(contentsOf: ["--memgate-package", memgate.package.id], at: 1)
        }
        let process = Process()
        process.executableURL = try context.tool(named: "memgate").url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { exit(128 + process.terminationStatus) }
        exit(process.terminationStatus)
    }
}
