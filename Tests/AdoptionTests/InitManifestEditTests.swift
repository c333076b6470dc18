import Testing
@testable import Adoption

/// `ManifestEdit` on real manifests, compared with the whole expected text.
@Suite struct InitManifestEditTests {
    static let dependency = ManifestEntry.dependency(.path("../memgate"))
    static let target = ManifestEntry.benchmarkTarget(name: "FooBenchmarks", modules: ["Foo"], memgate: "memgate",
                                                      path: "Benchmarks/FooBenchmarks")
    /// The target's lines at the indentation of `swift package init`'s manifests.
    static let targetLines = """
                .executableTarget(
                    name: "FooBenchmarks",
                    dependencies: ["Foo", .product(name: "BenchKit", package: "memgate")],
                    path: "Benchmarks/FooBenchmarks"
                ),

        """

    /// Exactly what `swift package init --type library --name Foo` wrote with Swift 6.3.1 on Linux.
    static let initManifest = """
        // swift-tools-version: 6.3
        // The swift-tools-version declares the minimum version of Swift required to build this package.

        import PackageDescription

        let package = Package(
            name: "Foo",
            products: [
                // Products define the executables and libraries a package produces, making them visible to other packages.
                .library(
                    name: "Foo",
                    targets: ["Foo"]
                ),
            ],
            targets: [
                // Targets are the basic building blocks of a package, defining a module or a test suite.
                // Targets can depend on other targets in this package and products from dependencies.
                .target(
                    name: "Foo"
                ),
                .testTarget(
                    name: "FooTests",
                    dependencies: ["Foo"]
                ),
            ],
            swiftLanguageModes: [.v6]
        )

        """

    private func edited(_ manifest: String, dependency: ManifestEntry? = dependency, target: ManifestEntry? = target) throws -> String {
        try ManifestEdit(manifest: manifest, dependency: dependency, target: target).edited
    }

    private func refusal(_ manifest: String) -> String? {
        do {
            _ = try ManifestEdit(manifest: manifest, dependency: Self.dependency, target: Self.target)
            return nil
        } catch { return error.reason }
    }

    @Test func theManifestSwiftPackageInitWrites() throws {
        let expected = Self.initManifest
            .replacingOccurrences(of: "    targets: [\n        // Targets are", with: """
                    dependencies: [
                        .package(name: "memgate", path: "../memgate"),
                    ],
                    targets: [
                        // Targets are
                """)
            .replacingOccurrences(of: "    ],\n    swiftLanguageModes", with: Self.targetLines + "    ],\n    swiftLanguageModes")
        #expect(try edited(Self.initManifest) == expected)
        // What --dry-run shows: the inserted lines, at the original's line numbers.
        let changes = try ManifestEdit(manifest: Self.initManifest, dependency: Self.dependency, target: Self.target).changes
        #expect(changes == [
            .init(line: 15, removed: [], added: ["    dependencies: [", #"        .package(name: "memgate", path: "../memgate"),"#,
                                                 "    ],"]),
            .init(line: 25, removed: [], added: Self.targetLines.split(separator: "\n").map(String.init)),
        ])
    }

    @Test func existingDependenciesGetOneMoreAndALastElementWithoutACommaGetsOne() throws {
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
              name: "Foo",
              dependencies: [
                .package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0")
              ],
              targets: [
                .target(name: "Foo", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")])
              ]
            )

            """
        #expect(try edited(manifest) == """
            // swift-tools-version:6.0
            import PackageDescription

            let package = Package(
              name: "Foo",
              dependencies: [
                .package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0"),
                .package(name: "memgate", path: "../memgate")
              ],
              targets: [
                .target(name: "Foo", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
                .executableTarget(
                  name: "FooBenchmarks",
                  dependencies: ["Foo", .product(name: "BenchKit", package: "memgate")],
                  path: "Benchmarks/FooBenchmarks"
                )
              ]
            )

            """)
        let changes = try ManifestEdit(manifest: manifest, dependency: Self.dependency, target: nil).changes
        let parser = #"    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.3.0")"#
        let memgate = #"    .package(name: "memgate", path: "../memgate")"#
        #expect(changes == [.init(line: 7, removed: [parser], added: [parser + ",", memgate])])
    }

    @Test func arraysOnOneLineGetTheEntryOnThatLine() throws {
        let manifest = """
            let package = Package(name: "Foo", dependencies: [.package(path: "../other")], targets: [.target(name: "Foo")])

            """
        #expect(try edited(manifest) == """
            let package = Package(name: "Foo", dependencies: [.package(path: "../other"), .package(name: "memgate", path: "../memgate")], \
            targets: [.target(name: "Foo"), .executableTarget(name: "FooBenchmarks", dependencies: ["Foo", .product(name: "BenchKit", \
            package: "memgate")], path: "Benchmarks/FooBenchmarks")])

            """)
        #expect(try edited("let package = Package(name: \"Foo\", targets: [])", target: nil)
            == "let package = Package(name: \"Foo\", dependencies: [.package(name: \"memgate\", path: \"../memgate\")], targets: [])")
    }

    @Test func targetsInACommentAndAStringAreNotTheLabel() throws {
        let manifest = """
            import PackageDescription

            // Package(name: "Old", targets: [])  was the old manifest
            let note = "targets: [ Package( ]"  /* targets: [ /* nested */ Package( */
            let package = Package(
            \tname: "Foo",
            \ttargets: [
            \t\t.target(name: "Foo", exclude: ["targets: ["]),
            \t]
            )

            """
        #expect(try edited(manifest) == """
            import PackageDescription

            // Package(name: "Old", targets: [])  was the old manifest
            let note = "targets: [ Package( ]"  /* targets: [ /* nested */ Package( */
            let package = Package(
            \tname: "Foo",
            \tdependencies: [
            \t\t.package(name: "memgate", path: "../memgate"),
            \t],
            \ttargets: [
            \t\t.target(name: "Foo", exclude: ["targets: ["]),
            \t\t.executableTarget(
            \t\t\tname: "FooBenchmarks",
            \t\t\tdependencies: ["Foo", .product(name: "BenchKit", package: "memgate")],
            \t\t\tpath: "Benchmarks/FooBenchmarks"
            \t\t),
            \t]
            )

            """)
    }

    @Test func multiLineAndRawStringsAreReadWhole() throws {
        let manifest = #"""
            import PackageDescription

            let banner = """
                let package = Package(
                    targets: [ "\(1 + (2))" ]
                """
            let pattern = #"targets: [ "Package(" ]"#
            let nested = "\(["a)", "b"].joined(separator: ")"))"
            let package = Package(
                name: "Foo",
                targets: [
                    .target(name: "Foo", swiftSettings: [.define("A", .when(platforms: [.linux]))]),
                ]
            )

            """#
        let expected = manifest.replacingOccurrences(of: "    targets: [\n        .target(name", with: """
                dependencies: [
                    .package(name: "memgate", path: "../memgate"),
                ],
                targets: [
                    .target(name
            """)
            .replacingOccurrences(of: "    ]\n)", with: Self.targetLines + "    ]\n)")
        #expect(try edited(manifest) == expected)
    }

    @Test func refusesWhatItCannotReadWithCertainty() {
        let plain = "let package = Package(name: \"Foo\", targets: [])\n"
        #expect(refusal("let all: [Target] = []\nlet package = Package(name: \"Foo\", targets: all)\n")
            == "`targets:` is not given an array literal")
        #expect(refusal("let package = Package(name: \"Foo\", targets: [] + more)\n") == "`targets:` is given more than an array literal")
        #expect(refusal(plain + "let other = Package(name: \"Bar\", targets: [])\n") == "it has 2 `Package(` calls")
        #expect(refusal("#if os(Linux)\n" + plain + "#endif\n") == "it uses #if (conditional compilation)")
        #expect(refusal("let package = Package(name: \"Foo\")\n") == "the Package(...) call has no `targets:` argument")
        #expect(refusal("import PackageDescription\n") == "it has no `Package(` call")
        #expect(refusal(plain + "let s = \"unterminated\n") == "a string literal runs past the end of its line")
        #expect(refusal(plain + "/* open /* nested */\n") == "a /* comment is not closed")
        #expect(refusal(plain + "let r = #/a+/#\n") == "a '#' that starts neither a raw string nor a directive (a regex literal?)")
        #expect(refusal("let package = Package(name: \"Foo\", targets: [)\n") == "its brackets do not balance")
    }

    @Test func crlfManifestsGetCRLFLines() throws {
        let manifest = "let package = Package(\r\n    name: \"Foo\",\r\n    targets: [\r\n    ]\r\n)\r\n"
        #expect(try edited(manifest, dependency: nil) == "let package = Package(\r\n    name: \"Foo\",\r\n    targets: [\r\n"
            + Self.targetLines.replacingOccurrences(of: "\n", with: "\r\n") + "    ]\r\n)\r\n")
    }
}
