import Foundation
import GateCore

/// One side after its build: its executables and which executable runs each benchmark.
///
///     let built = try BuiltSide.build(checkout, listed: [], selection: ["--filter", "^json/"], layout: .aligned) { status in
///         progress.update(status)
///     }
///     built.benchmarks   // [("json/decode", ".../release/AppBenchmarks"), ...]
///
/// Building is `swift build -c release --product NAME --scratch-path SCRATCH` (plus the
/// layout's flags, see `CodeLayout`) for each
/// benchmark executable (see `BenchmarkPackage.discover`: the side's own
/// `baselines/memgate.json` "executables", else every executable target that depends on
/// BenchKit); listing is `NAME --list` with the user's `--filter`/`--skip`, run in the
/// side's package folder.
package struct BuiltSide: Sendable {
    /// A side that cannot be built or listed; the message names the side.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String

        /// A failure with the whole message.
        package init(description: String) { self.description = description }
    }

    /// Where the sources are.
    package var checkout: SideCheckout
    /// Benchmark names in run order, each with the executable that runs it.
    package var benchmarks: [(name: String, executable: String)]
    /// Per executable path, the flags that keep the passes after the samples out of a
    /// timing run (`flagsWithoutPasses`).
    package var flagsWithoutPasses: [String: [String]] = [:]

    /// The benchmark names, in order.
    package var names: [String] { benchmarks.map(\.name) }

    /// Discovers, builds and lists the benchmark executables of `checkout`
    /// (`discover`, then `build(_:package:...)`).
    ///
    /// - Parameters:
    ///   - listed: executables named on the command line (`--executable`); empty to use
    ///     the side's configuration or discovery.
    ///   - selection: `--filter`/`--skip` arguments for `--list`.
    ///   - layout: the code layout both sides build with.
    ///   - launcher: starts every process (`swift build`, `swift package describe`,
    ///     `--list`), with the workspace's `TMPDIR`, for instance.
    ///   - status: called with a progress text before each build.
    /// - Throws: `Failure` naming the side: no benchmark executable, an unreadable
    ///   configuration, a failed build (with the end of its log), a failed listing.
    package static func build(
        _ checkout: SideCheckout, listed: [String], selection: [String], layout: CodeLayout,
        launcher: Launcher, status: (String) -> Void
    ) throws -> BuiltSide {
        let package = try discover(checkout, listed: listed, launcher: launcher)
        return try build(checkout, package: package, selection: selection, layout: layout, launcher: launcher, status: status)
    }

    /// The benchmark executables of `checkout`: `listed` when given, else the side's own
    /// configuration's "executables", else every executable target that depends on BenchKit.
    /// Cheap next to a build (`swift package describe`), so a side that has nothing to build
    /// fails before either side builds.
    ///
    /// - Throws: `Failure` naming the side: no benchmark executable, an unreadable configuration.
    package static func discover(_ checkout: SideCheckout, listed: [String], launcher: Launcher) throws -> BenchmarkPackage {
        do {
            var names = listed
            if names.isEmpty {
                let configPath = checkout.packagePath + "/" + ConfigFile.defaultPath
                names = try ConfigFile.load(configPath, explicit: false).executables
            }
            return try BenchmarkPackage.discover(at: checkout.packagePath, listed: names, launcher: launcher,
                                                 scratchPath: checkout.scratchPath)
        } catch {
            throw Failure(description: "\(checkout.title): \(error)")
        }
    }

    /// Builds and lists `package`'s executables (found by `discover`) in `checkout`.
    ///
    /// - Throws: `Failure` naming the side: a failed build (with the end of its log), a
    ///   failed listing, a benchmark name in two executables.
    package static func build(
        _ checkout: SideCheckout, package: BenchmarkPackage, selection: [String], layout: CodeLayout,
        launcher: Launcher, status: (String) -> Void
    ) throws -> BuiltSide {
        let side = checkout.title
        let builder = BenchmarkBuild(
            packagePath: checkout.packagePath, scratchPath: checkout.scratchPath, layout: layout, launcher: launcher)
        var benchmarks: [(name: String, executable: String)] = []
        var flags: [String: [String]] = [:]
        for (index, executable) in package.executables.enumerated() {
            status("building \(checkout.role) \(executable) (release) [\(index + 1)/\(package.executables.count)]")
            let path: String
            do { path = try builder.build(product: executable) } catch {
                throw Failure(description: "\(side) failed to build: \(error)")
            }
            for name in try list(executable: path, named: executable, checkout: checkout, selection: selection, launcher: launcher) {
                if let other = benchmarks.first(where: { $0.name == name }) {
                    throw Failure(description: "\(side): benchmark \"\(name)\" exists in more than one executable "
                        + "(\((other.executable as NSString).lastPathComponent), \(executable)); names must be unique")
                }
                benchmarks.append((name, path))
            }
            flags[path] = flagsWithoutPasses(executable: path, checkout: checkout, launcher: launcher)
        }
        return BuiltSide(checkout: checkout, benchmarks: benchmarks, flagsWithoutPasses: flags)
    }

    /// The names `executable --list` prints (one per line), after `selection`.
    private static func list(
        executable path: String, named name: String, checkout: SideCheckout, selection: [String], launcher: Launcher
    ) throws -> [String] {
        let outcome = try launcher.adding(environment: ["GIT_OPTIONAL_LOCKS": "0"])
            .run(path, ["--list"] + selection, directory: checkout.packagePath)
        guard outcome.succeeded else {
            throw Failure(description: "\(checkout.title): \(name) --list exited with status "
                + "\(outcome.status):\n\(outcome.errorOutput.lastLines(10))")
        }
        return outcome.output.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }
}
