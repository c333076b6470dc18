import Foundation
@testable import GateRunner
import Testing
import TestSupport

/// `BenchmarkBuild.build` with a stand-in for `swift` that fails, as SwiftPM 6.3 does, with
/// "because of missing inputs" while the build folder holds a release plan: the build is run
/// once more without the plan, and any other failure is not run again.
@Suite struct StalePlanTests {
    /// A `swift` stand-in: each call appends a line to `calls`; it fails with SwiftPM's
    /// stale-plan message while `<scratch>/release.yaml` exists, else makes the product and
    /// the `release` link.
    static func standIn(in directory: TemporaryDirectory) throws -> String {
        let scratch = directory.file("scratch")
        let script = try directory.write("swift", """
            #!/bin/sh
            echo call >> '\(directory.file("calls"))'
            if [ -e '\(scratch)/release.yaml' ]; then
                echo "error: couldn't build \(scratch)/release/Old.build/sources because of missing inputs: /p/Sources/Old/A.swift" >&2
                exit 1
            fi
            mkdir -p '\(scratch)/triple/release' && : > '\(scratch)/triple/release/Bench'
            ln -sfn triple/release '\(scratch)/release'
            """)
        guard chmod(script, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        _ = try directory.write("scratch/release.yaml", "stale plan\n")
        return script
    }

    @Test func aStalePlanIsRemovedAndTheBuildRunsOnceMore() throws {
        let directory = try TemporaryDirectory()
        var builder = BenchmarkBuild(packagePath: directory.path, scratchPath: directory.file("scratch"), launcher: Launcher(gate: nil))
        builder.swift = try Self.standIn(in: directory)
        let executable = try builder.build(product: "Bench")
        #expect(executable == directory.file("scratch/triple/release/Bench"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("scratch/release.yaml")))
        #expect(try String(contentsOfFile: directory.file("calls"), encoding: .utf8) == "call\ncall\n")
    }

    @Test func anyOtherFailureIsReportedAfterOneBuild() throws {
        let directory = try TemporaryDirectory()
        let script = try directory.write("swift", "#!/bin/sh\necho call >> '\(directory.file("calls"))'\necho 'error: no such module' >&2\nexit 1\n")
        guard chmod(script, 0o755) == 0 else { throw CocoaError(.fileWriteNoPermission) }
        _ = try directory.write("scratch/release.yaml", "a plan\n")
        var builder = BenchmarkBuild(packagePath: directory.path, scratchPath: directory.file("scratch"), launcher: Launcher(gate: nil))
        builder.swift = script
        #expect(throws: BenchmarkBuild.Failure.self) { try builder.build(product: "Bench") }
        #expect(FileManager.default.fileExists(atPath: directory.file("scratch/release.yaml")))
        #expect(try String(contentsOfFile: directory.file("calls"), encoding: .utf8) == "call\n")
    }

    /// A plan that lists A.swift from a folder that now also holds B.swift is stale; the
    /// same plan beside a folder holding only A.swift (and a README) is not.
    @Test func aPlanWithoutAFileAddedSinceIsStale() throws {
        let directory = try TemporaryDirectory()
        let a = try directory.write("Sources/M/A.swift", "let a = 1\n")
        _ = try directory.write("Sources/M/README.md", "not a source\n")
        _ = try directory.write("scratch/release.yaml", "  inputs: [\"<sources-file-list>\",\"\(a)\"]\n")
        #expect(!StalePlan.missesSources(buildFolder: directory.file("scratch")))
        _ = try directory.write("Sources/M/B.swift", "let b = 2\n")
        #expect(StalePlan.missesSources(buildFolder: directory.file("scratch")))
        #expect(!StalePlan.missesSources(buildFolder: directory.file("no-such-folder")))
    }

    @Test func onlyThatMessageCounts() {
        #expect(StalePlan.isReported(in: "error: couldn't build /b/X.build/sources because of missing inputs: /p/A.swift"))
        #expect(!StalePlan.isReported(in: "error: no such module 'Foo'"))
    }
}
