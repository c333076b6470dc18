import CLISupport

/// Which library product the example benchmark calls into.
package enum LibraryChoice: Equatable, Sendable {
    /// The package's first library product (the default).
    case first
    /// The library product with this name (`--library NAME`).
    case named(String)
    /// None: the benchmark target depends on BenchKit only (`--no-library`).
    case none
}

/// The names and paths `memgate init` uses in a package, decided from its manifest alone:
/// the benchmark target, its folder and source file, the modules it imports, how it refers
/// to memgate, and which manifest entries are missing.
///
///     let layout = try AdoptionLayout(package: dump, source: .path("../memgate"), library: .first)
///     layout.targetName   // "FooBenchmarks"
///     layout.sourcePath   // "Benchmarks/FooBenchmarks/FooBenchmarks.swift"
///
/// A package that already depends on memgate (the case under `swift package memgate init`)
/// keeps its dependency and the name it uses for it; `source` then only applies to new ones.
package struct AdoptionLayout: Equatable, Sendable {
    /// The configuration file written.
    package static let configPath = "baselines/memgate.json"
    /// The GitHub Actions workflow written.
    package static let workflowPath = ".github/workflows/memgate.yml"
    /// The ignore file `.memgate/` goes into.
    package static let ignorePath = ".gitignore"
    /// The manifest edited.
    package static let manifestPath = "Package.swift"

    /// The package's name.
    package var packageName: String
    /// The benchmark executable target: `<Package>Benchmarks` (a package name that is not a
    /// Swift identifier is written in UpperCamelCase first: `swift-foo` gives `SwiftFooBenchmarks`).
    package var targetName: String
    /// The target's folder: `Benchmarks/<target>`, or an existing target's own folder.
    package var targetFolder: String
    /// The example benchmark's source file, inside `targetFolder`.
    package var sourcePath: String { "\(targetFolder)/\(targetName).swift" }
    /// The library product the benchmark calls into, nil with `--no-library`.
    package var library: String?
    /// The targets of `library` the benchmark target depends on, in its order.
    package var modules: [String]
    /// The name the package uses for memgate in `.product(name: "BenchKit", package: ...)`.
    package var memgate: String
    /// Where memgate comes from when the dependency is added.
    package var source: MemGateSource
    /// The dependency to add, nil when the package already depends on memgate.
    package var dependency: ManifestEntry?
    /// The target to add, nil when the package already has it.
    package var target: ManifestEntry?

    /// Decides the layout for `package`.
    ///
    /// - Parameters:
    ///   - source: where memgate comes from, if the dependency is added.
    ///   - library: the library product to call into.
    ///   - memgatePackage: the identity (or name) of the dependency that is memgate, when the
    ///     caller knows it (the command plugin does); nil to look for it (`memgateReference`).
    /// - Throws: `CommandError` when there is no library product to call (with the ways out),
    ///   `library` names no library product, `memgatePackage` names no dependency, a
    ///   non-executable target has the benchmark target's name, or the package is memgate's own.
    package init(package: PackageDump, source: MemGateSource, library: LibraryChoice, memgatePackage: String? = nil) throws(CommandError) {
        if package.target(named: "BenchKit") != nil {
            throw CommandError("\(package.name) defines BenchKit itself (memgate's own package?): memgate init sets up packages "
                + "that use it")
        }
        packageName = package.name
        targetName = Self.typeName(for: package.name) + "Benchmarks"
        let product = try Self.product(package, library)
        self.library = product?.name
        modules = product?.targets ?? []
        self.source = source
        let existing = try Self.memgateDependency(package, memgatePackage)
        memgate = existing ?? source.reference
        dependency = existing == nil ? .dependency(source) : nil
        if let current = package.target(named: targetName) {
            guard current.type == "executable" else {
                throw CommandError("\(package.name) already has a \(current.type) target named \(targetName); memgate init needs that "
                    + "name for the benchmark executable: rename the target, or set up the benchmarks by hand (README)")
            }
            targetFolder = current.path ?? "Sources/\(targetName)"
            target = nil
        } else {
            targetFolder = "Benchmarks/\(targetName)"
            target = .benchmarkTarget(name: targetName, modules: modules, memgate: memgate, path: targetFolder)
        }
    }

    /// How `package` refers to its memgate dependency: the one `identity` names (by identity
    /// or name), else `memgateReference`; nil when it has none.
    private static func memgateDependency(_ package: PackageDump, _ identity: String?) throws(CommandError) -> String? {
        guard let identity else { return package.memgateReference }
        guard let dependency = package.dependencies.first(where: { $0.identity == identity.lowercased() || $0.name == identity }) else {
            throw CommandError("--memgate-package \(identity): \(package.name) has no package dependency of that identity or name")
        }
        return dependency.reference
    }

    /// The library product `choice` picks, nil for `.none`.
    private static func product(_ package: PackageDump, _ choice: LibraryChoice) throws(CommandError) -> PackageDump.Product? {
        let libraries = package.products.filter(\.isLibrary)
        switch choice {
        case .none:
            return nil
        case .first:
            guard let first = libraries.first else {
                throw CommandError("\(package.name) has no library product for the example benchmark to call. Add one "
                    + "(products: [.library(name: \"\(package.name)\", targets: [...])]) and run memgate init again, or pass "
                    + "--no-library to set up a benchmark target that depends on BenchKit only")
            }
            return first
        case .named(let name):
            guard let product = libraries.first(where: { $0.name == name }) else {
                let known = libraries.isEmpty ? "it has none" : "its library products: " + libraries.map(\.name).joined(separator: ", ")
                throw CommandError("\(package.name) has no library product named '\(name)' (\(known))")
            }
            return product
        }
    }

    /// `name` if it is a Swift identifier, else its letters and digits in UpperCamelCase
    /// (`swift-foo` is `SwiftFoo`), with `_` in front if that starts with a digit.
    package static func typeName(for name: String) -> String {
        func isIdentifierCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        if let first = name.first, !first.isNumber, name.allSatisfy(isIdentifierCharacter) { return name }
        let words = name.split { !isIdentifierCharacter($0) }
        let camel = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return camel.first.map { $0.isNumber ? "_" + camel : camel } ?? "Package"
    }

    /// The name `import` uses for target `target`: SwiftPM's c99 name (every character that
    /// is not a letter, digit or `_` becomes `_`, and a leading digit gets a `_` before it).
    package static func moduleName(_ target: String) -> String {
        let name = String(target.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return name.first?.isNumber == true ? "_" + name : name
    }
}
