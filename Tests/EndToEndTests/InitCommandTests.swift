import Foundation
import Testing
import TestSupport

/// `memgate init` through the built executable on small hand-written packages: its errors,
/// the snippet when the manifest cannot be edited, help. Each run reads the manifest with
/// `swift package dump-package` (about a second); nothing is built.
@Suite struct InitCommandTests {
    private static let memgatePath = TinyBenchFixture.repositoryRoot.path

    /// A package folder holding only `manifest` as Package.swift (and `Sources/Foo`).
    private func package(_ manifest: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("Package.swift", manifest)
        try directory.write("Sources/Foo/Foo.swift", "public let answer = 42\n")
        return directory
    }

    @Test func notAPackageIsAnInputError() throws {
        let directory = try TemporaryDirectory()
        let run = try MemGateProcess.run(["init"], in: directory.url)
        #expect(run.code == 2)
        #expect(run.stderr.contains("memgate init: .: no Package.swift here: run memgate init in a Swift package (or pass --package-path)"),
                "\(run.stderr)")
        let elsewhere = try MemGateProcess.run(["init", "--package-path", "missing"], in: directory.url)
        #expect(elsewhere.code == 2 && elsewhere.stderr.contains("missing: no Package.swift here"), "\(elsewhere.stderr)")
    }

    @Test func noLibraryProductSaysWhatToDo() throws {
        let directory = try package("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "Tool",
                targets: [
                    .executableTarget(name: "Tool", path: "Sources/Foo"),
                ]
            )

            """)
        let run = try MemGateProcess.run(["init", "--memgate-path", Self.memgatePath], in: directory.url)
        #expect(run.code == 2)
        #expect(run.stderr.contains("Tool has no library product for the example benchmark to call."), "\(run.stderr)")
        #expect(run.stderr.contains("--no-library"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("baselines")))
        let without = try MemGateProcess.run(["init", "--no-library", "--dry-run", "--memgate-path", Self.memgatePath], in: directory.url)
        #expect(without.code == 0, "\(without.stderr)")
        let line = #"+            dependencies: [.product(name: "BenchKit", package: "memgate")],"#
        #expect(without.stdout.contains(line), "\(without.stdout)")
    }

    @Test func badFlagsAreUsageErrors() throws {
        let directory = try package("let package = Package(name: \"Foo\", targets: [])\n")
        for arguments in [["--memgate-path", "/x", "--memgate-url", "https://x/memgate"], ["--memgate-from", "1.0"],
                          ["--library", "Foo", "--no-library"], ["--memgate-path", ""]] {
            let run = try MemGateProcess.run(["init"] + arguments, in: directory.url)
            #expect(run.code == 2, "\(arguments)")
            #expect(run.stderr.contains("Run 'memgate init --help' for usage."), "\(arguments): \(run.stderr)")
        }
        let missing = try MemGateProcess.run(["init", "--memgate-path", "no/such/memgate"], in: directory.url)
        #expect(missing.code == 2 && missing.stderr.contains("--memgate-path no/such/memgate: no Package.swift in ./no/such/memgate"),
                "\(missing.stderr)")
        let broken = try package("""
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Foo", targets: [.target(name: )])

            """)
        let unreadable = try MemGateProcess.run(["init"], in: broken.url)
        #expect(unreadable.code == 2, "\(unreadable.stderr)")
        #expect(unreadable.stderr.contains("SwiftPM cannot read ./Package.swift; fix it first:"), "\(unreadable.stderr)")
        #expect(!unreadable.stderr.contains("memgate-init-"), "the temporary copy's path leaked: \(unreadable.stderr)")
    }

    @Test func helpDescribesTheCommand() throws {
        let run = try MemGateProcess.run(["init", "--help"])
        #expect(run.code == 0)
        for text in ["USAGE: memgate init [options]", "--memgate-path <PATH>", "--memgate-url <URL>", "--memgate-from <VERSION>",
                     "--memgate-package <IDENTITY>", "--dry-run", "--library <NAME>", "--no-library", "--package-path <DIR>",
                     "No file is ever overwritten"] {
            #expect(run.stdout.contains(text), "\(text)")
        }
        #expect(try MemGateProcess.run(["--help"]).stdout.contains("\n  init "))
    }

    /// A manifest with `#if`: every other file is created, Package.swift stays byte for byte,
    /// and the lines to paste are printed.
    @Test func anUneditableManifestGetsTheSnippetAndIsLeftAlone() throws {
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "Foo",
                products: [.library(name: "Foo", targets: ["Foo"])],
                targets: [.target(name: "Foo")]
            )
            #if os(Linux)
            package.targets[0].swiftSettings = []
            #endif

            """
        let directory = try package(manifest)
        try directory.write(".gitignore", "/.build\n.memgate\n")
        let run = try MemGateProcess.run(["init", "--memgate-url", "https://example.com/you/memgate.git"], in: directory.url)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(directory.read("Package.swift") == manifest)
        #expect(directory.read(".gitignore") == "/.build\n.memgate\n")
        #expect(run.stdout.contains("""
              not edited    Package.swift: it cannot be edited safely: it uses #if (conditional compilation). \
            Add these lines to it yourself:
                  in Package(...)'s dependencies: [...] (add that argument before targets: if there is none):
                          .package(url: "https://example.com/you/memgate.git", from: "0.1.0"),
                  in its targets: [...]:
                          .executableTarget(
                              name: "FooBenchmarks",
                              dependencies: ["Foo", .product(name: "BenchKit", package: "memgate")],
            """), "\(run.stdout)")
        #expect(run.stdout.contains("left alone    .gitignore: it ignores .memgate/ already"))
        #expect(directory.read("Benchmarks/FooBenchmarks/FooBenchmarks.swift")?.contains("import Foo\n") == true)
        #expect(run.stdout.contains("add the lines above to Package.swift"))
    }

    /// A manifest that looks plain but replaces its dependencies afterwards: the text edit is
    /// made, SwiftPM rejects it (a target naming a package it lacks), so Package.swift is left alone.
    @Test func anEditSwiftPMDoesNotReadAsPlannedFallsBackToTheSnippet() throws {
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Foo", products: [.library(name: "Foo", targets: ["Foo"])], targets: [.target(name: "Foo")])
            package.dependencies = []

            """
        let directory = try package(manifest)
        let run = try MemGateProcess.run(["init", "--memgate-path", Self.memgatePath], in: directory.url)
        #expect(run.code == 0, "\(run.stderr)")
        #expect(directory.read("Package.swift") == manifest)
        #expect(run.stdout.contains("not edited    Package.swift: SwiftPM could not read the edited manifest (error: unknown package "
            + "'memgate' in dependencies of target 'FooBenchmarks'"), "\(run.stdout)")
    }
}
