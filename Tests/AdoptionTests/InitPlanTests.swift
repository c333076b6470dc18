import CLISupport
import Foundation
import Testing
@testable import Adoption
@testable import GateCore

/// `AdoptionLayout` and `AdoptionPlan`: what `memgate init` decides from a package and its files.
@Suite struct InitPlanTests {
    static let foo = PackageDump(
        name: "Foo",
        products: [
            .init(name: "FooTool", isLibrary: false, targets: ["Tool"]),
            .init(name: "Foo", isLibrary: true, targets: ["Foo", "FooCore"]),
        ],
        targets: [
            .init(name: "Foo", type: "regular", dependencies: []),
            .init(name: "FooTests", type: "test", dependencies: [.byName("Foo")]),
        ])
    static let source = MemGateSource.path("../memgate")
    static let paths = ["Benchmarks/FooBenchmarks/FooBenchmarks.swift", "baselines/memgate.json", ".gitignore",
                        ".github/workflows/memgate.yml", "Package.swift"]

    private func layout(_ package: PackageDump = foo, library: LibraryChoice = .first) throws(CommandError) -> AdoptionLayout {
        try AdoptionLayout(package: package, source: Self.source, library: library)
    }

    private func files(existing: Set<String> = [], gitignore: String? = nil) -> PackageFiles {
        PackageFiles(manifest: InitManifestEditTests.initManifest, gitignore: gitignore, existing: existing)
    }

    @Test func aFreshPackageGetsEveryFileAndTheManifestEdit() throws {
        let layout = try layout()
        #expect(layout.targetName == "FooBenchmarks")
        #expect(layout.modules == ["Foo", "FooCore"])  // the first library product, not the first product
        #expect(layout.memgate == "memgate")
        let plan = AdoptionPlan(layout: layout, files: files(gitignore: "/.build\n"), noisy: GateDefaults.noisyJSON)
        #expect(plan.steps.map(\.path) == Self.paths)
        guard case .create(_, let source) = plan.steps[0], case .create(_, let config) = plan.steps[1],
              case .append(_, "/.build\n") = plan.steps[2], case .create(_, let workflow) = plan.steps[3],
              case .edit(let edit) = plan.steps[4] else {
            Issue.record("unexpected steps \(plan.steps)")
            return
        }
        #expect(source.contains("import BenchKit\nimport Foo\nimport FooCore\n\n@main\nenum FooBenchmarks: BenchmarkSuite {\n"))
        #expect(source.contains("blackHole(Array(0..<count))   // replace with a call into Foo or FooCore"))
        let parsed = try GateConfig(json: Array(config.utf8), path: "memgate.json")
        #expect(parsed.executables == ["FooBenchmarks"])
        #expect(parsed.noisy == .report && parsed.noisyByMetric == ["peakRSS": .gate])
        #expect(workflow.contains("on: [push, pull_request]"))
        #expect(workflow.contains("swift run -c release memgate run --format github"))
        #expect(workflow.contains("swift run -c release memgate refs origin/${{ github.base_ref }}"))
        #expect(edit.edited.contains(#"dependencies: ["Foo", "FooCore", .product(name: "BenchKit", package: "memgate")],"#))
        #expect(!plan.isNothingToDo)
        #expect(MemGateIgnore.appended(to: "/.build") == "/.build\n.memgate/\n")
    }

    @Test func aPackageSetUpAlreadyHasNothingToDo() throws {
        var package = Self.foo
        package.dependencies = [.init(identity: "wt-init", name: "memgate")]
        package.targets.append(.init(name: "FooBenchmarks", type: "executable", path: "Benchmarks/FooBenchmarks",
                                     dependencies: [.byName("Foo"), .product("BenchKit", package: "memgate")]))
        let layout = try layout(package)
        #expect(layout.dependency == nil && layout.target == nil)
        let existing = Set(AdoptionPlan.paths(of: layout))
        let plan = AdoptionPlan(layout: layout,
                                files: files(existing: existing, gitignore: "/.build\n.memgate\n"), noisy: GateDefaults.noisyJSON)
        #expect(plan.isNothingToDo)
        #expect(plan.steps.map(\.path) == Self.paths)
        #expect(plan.report(dryRun: false) == """
            memgate init: memgate is already set up here: nothing to do
              left alone    Benchmarks/FooBenchmarks/FooBenchmarks.swift: it exists
              left alone    baselines/memgate.json: it exists
              left alone    .gitignore: it ignores .memgate/ already
              left alone    .github/workflows/memgate.yml: it exists
              left alone    Package.swift: it depends on memgate (as "memgate") and has the FooBenchmarks target already

            """)
    }

    @Test func onlyTheMissingFilesAreCreatedAndTheOthersSaidToBeLeftAlone() throws {
        let layout = try layout()
        let plan = AdoptionPlan(layout: layout,
                                files: files(existing: ["baselines/memgate.json", ".github/workflows/memgate.yml"]),
                                noisy: GateDefaults.noisyJSON)
        #expect(plan.steps[1] == .keep(path: "baselines/memgate.json", reason: "it exists"))
        #expect(plan.steps[3] == .keep(path: ".github/workflows/memgate.yml", reason: "it exists"))
        #expect(plan.steps[2] == .create(path: ".gitignore", contents: ".memgate/\n"))
        let report = plan.report(dryRun: true)
        #expect(report.hasPrefix("memgate init --dry-run: what memgate init would do in Foo (nothing is written)\n"))
        #expect(report.contains("\n  left alone    baselines/memgate.json: it exists\n"))
        #expect(report.contains("\n  would create  Benchmarks/FooBenchmarks/FooBenchmarks.swift: one example benchmark"))
        #expect(report.contains("\n      @ line 15, insert:\n      +    dependencies: [\n"))

        // A benchmark folder with sources of its own gets no example; a manifest that
        // cannot be edited gets the snippet.
        var other = files(existing: [])
        other.targetFolderHasSources = true
        other.manifest = "#if os(Linux)\n" + other.manifest + "#endif\n"
        let refused = AdoptionPlan(layout: layout, files: other, noisy: GateDefaults.noisyJSON)
        let reason = "it has Swift sources already, so no example is added"
        #expect(refused.steps[0] == .keep(path: "Benchmarks/FooBenchmarks/", reason: reason))
        guard case .snippet(let reason, let lines) = refused.steps[4] else { Issue.record("\(refused.steps[4])"); return }
        #expect(reason == "it cannot be edited safely: it uses #if (conditional compilation)")
        #expect(lines.first == "in Package(...)'s dependencies: [...] (add that argument before targets: if there is none):")
        #expect(lines.contains("        .package(name: \"memgate\", path: \"../memgate\"),"))
        #expect(lines.contains("            path: \"Benchmarks/FooBenchmarks\""))
        #expect(refused.report(dryRun: false).contains("Add these lines to it yourself:\n      in Package(...)"))
    }

    @Test func theLibraryToCallIsChosenOrRefused() throws {
        let none = PackageDump(name: "Tool", products: [.init(name: "tool", isLibrary: false, targets: ["Tool"])])
        #expect(throws: CommandError.self) { try layout(none) }
        do { _ = try layout(none) } catch { #expect(error.message.contains("--no-library")) }
        #expect(try layout(none, library: .none).modules.isEmpty)
        #expect(try layout(library: .named("Foo")).library == "Foo")
        do { _ = try layout(library: .named("FooTool")) } catch {
            #expect(error.message == "Foo has no library product named 'FooTool' (its library products: Foo)")
        }
        let benchKit = PackageDump(name: "memgate", targets: [.init(name: "BenchKit", type: "regular", dependencies: [])])
        #expect(throws: CommandError.self) { try layout(benchKit) }
    }

    @Test func namesAndSources() {
        #expect(AdoptionLayout.typeName(for: "Foo") == "Foo")
        #expect(AdoptionLayout.typeName(for: "swift-foo") == "SwiftFoo")
        #expect(AdoptionLayout.typeName(for: "3d-kit") == "_3dKit")
        #expect(AdoptionLayout.moduleName("my-lib") == "my_lib")
        #expect(MemGateSource.identity(ofURL: "https://github.com/someone/MemGate.git") == "memgate")
        #expect(MemGateSource.identity(ofURL: "git@github.com:someone/memgate-fork.git/") == "memgate-fork")
        #expect(MemGateSource.url("https://x/y/memgate", from: "0.1.0").packageExpression
            == #".package(url: "https://x/y/memgate", from: "0.1.0")"#)
        #expect(MemGateSource.path(#"../a "b"\c"#).packageExpression == #".package(name: "memgate", path: "../a \"b\"\\c")"#)
        #expect(["0.1.0", "1.2.3-beta.1", "1.0.0+build.5"].allSatisfy(MemGateSource.isVersion))
        #expect(!["1.0", "v1.0.0", "1.0.0-", "1.a.0", ""].contains(where: MemGateSource.isVersion))
        #expect(MemGateIgnore.isIgnored(in: "a\n  /.memgate/  \nb"))
        #expect(!MemGateIgnore.isIgnored(in: "memgate\n.memgate-build/\n# .memgate/\n"))
    }

    @Test func theEditIsCheckedAgainstSwiftPMsReading() throws {
        let layout = try layout()
        func dump(_ targets: String, dependencies: String = "") -> Data {
            Data(#"{"name": "Foo", "packageKind": {"root": ["/x"]}, "dependencies": [\#(dependencies)], "targets": [\#(targets)]}"#.utf8)
        }
        let foo = #"{"name": "Foo", "type": "regular", "dependencies": []}"#
        let benchmarks = #"{"name": "FooBenchmarks", "type": "executable", "path": "Benchmarks/FooBenchmarks", "dependencies": "#
            + #"[{"byName": ["Foo", null]}, {"byName": ["FooCore", null]}, {"product": ["BenchKit", "memgate", null, null]}]}"#
        let memgate = #"{"fileSystem": [{"identity": "memgate", "nameForTargetDependencyResolutionOnly": "memgate", "path": "/m"}]}"#
        func problem(_ edited: Data) -> String? { ManifestVerification.problem(original: dump(foo), edited: edited, layout: layout) }
        #expect(problem(dump(foo + "," + benchmarks, dependencies: memgate)) == nil)
        #expect(problem(dump(foo)) == "SwiftPM found no FooBenchmarks target in it")
        #expect(problem(dump(foo + "," + benchmarks)) == "SwiftPM found no dependency named memgate in it")
        let changed = foo.replacingOccurrences(of: "regular", with: "executable")
        #expect(problem(dump(changed + "," + benchmarks, dependencies: memgate))
            == "SwiftPM read more changes in it than the two entries added")
        let elsewhere = benchmarks.replacingOccurrences(of: "\"Benchmarks/FooBenchmarks\"", with: "\"Sources/FooBenchmarks\"")
        let moved = problem(dump(foo + "," + elsewhere, dependencies: memgate))
        #expect(moved?.hasPrefix("SwiftPM read the FooBenchmarks target otherwise") == true, "\(moved ?? "nil")")
    }
}
