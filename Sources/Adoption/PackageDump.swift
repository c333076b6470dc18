import CLISupport
import Foundation

/// What `memgate init` needs of a package, read from `swift package dump-package` (the
/// manifest evaluated, nothing resolved or fetched): its name, products, targets and
/// package dependencies.
///
///     let package = try PackageDump(json: Data(output.utf8))
///     package.products.first { $0.isLibrary }?.targets   // ["Foo"]
///     package.memgateReference                            // "memgate" once it depends on memgate
package struct PackageDump: Equatable, Sendable {
    /// A product the package vends.
    package struct Product: Equatable, Sendable {
        /// Its name.
        package var name: String
        /// Whether it is a library (`.library(...)`), as opposed to an executable or plugin.
        package var isLibrary: Bool
        /// The targets it is made of, in manifest order.
        package var targets: [String]
    }

    /// What a target depends on.
    package enum TargetDependency: Equatable, Sendable {
        /// `"Name"`: a target of this package or a product of a dependency.
        case byName(String)
        /// `.target(name:)`.
        case target(String)
        /// `.product(name:package:)`.
        case product(String, package: String?)
    }

    /// A target of the package.
    package struct Target: Equatable, Sendable {
        /// Its name.
        package var name: String
        /// `regular`, `executable`, `test`, `plugin`, `macro`, `system`, `binary`, ...
        package var type: String
        /// Its custom `path:`, nil for the default.
        package var path: String?
        /// Its dependencies, in manifest order.
        package var dependencies: [TargetDependency]
    }

    /// A package dependency.
    package struct Dependency: Equatable, Sendable {
        /// SwiftPM's identity (the URL's or folder's last component, lower-cased).
        package var identity: String
        /// The `name:` given in the manifest, if any.
        package var name: String?
        /// What `.product(package:)` must say to refer to it: the given name, else the identity.
        package var reference: String { name ?? identity }
    }

    /// The package's name.
    package var name: String
    /// Its products, in manifest order.
    package var products: [Product]
    /// Its targets, in manifest order.
    package var targets: [Target]
    /// Its package dependencies, in manifest order.
    package var dependencies: [Dependency]

    /// A package with these parts (for tests and planning).
    package init(name: String, products: [Product] = [], targets: [Target] = [], dependencies: [Dependency] = []) {
        self.name = name
        self.products = products
        self.targets = targets
        self.dependencies = dependencies
    }

    /// Reads `swift package dump-package` output.
    ///
    /// - Throws: `CommandError` when the output is not the JSON SwiftPM writes.
    package init(json: Data) throws(CommandError) {
        guard let root = try? JSONSerialization.jsonObject(with: json) as? [String: Any], let name = root["name"] as? String else {
            throw CommandError("unexpected output from `swift package dump-package` (no package name)")
        }
        self.name = name
        products = (root["products"] as? [[String: Any]] ?? []).compactMap { product in
            guard let name = product["name"] as? String else { return nil }
            let type = product["type"] as? [String: Any] ?? [:]
            return Product(name: name, isLibrary: type["library"] != nil, targets: product["targets"] as? [String] ?? [])
        }
        targets = (root["targets"] as? [[String: Any]] ?? []).compactMap { target in
            guard let name = target["name"] as? String else { return nil }
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap(Self.targetDependency)
            return Target(name: name, type: target["type"] as? String ?? "", path: target["path"] as? String, dependencies: dependencies)
        }
        dependencies = (root["dependencies"] as? [[String: Any]] ?? []).compactMap(Self.dependency)
    }

    /// One entry of the package's `dependencies` in dump-package JSON:
    /// `{"fileSystem": [{"identity": ..., "nameForTargetDependencyResolutionOnly": ...}]}`, or
    /// `sourceControl` or `registry` likewise.
    package static func dependency(_ entry: [String: Any]) -> Dependency? {
        guard let details = entry.values.first as? [[String: Any]], let fields = details.first,
              let identity = fields["identity"] as? String else { return nil }
        return Dependency(identity: identity, name: fields["nameForTargetDependencyResolutionOnly"] as? String)
    }

    /// One entry of a target's `dependencies` in dump-package JSON: `{"byName": ["Foo", null]}`,
    /// `{"target": [...]}` or `{"product": ["BenchKit", "memgate", ...]}`.
    private static func targetDependency(_ entry: [String: Any]) -> TargetDependency? {
        if let values = entry["byName"] as? [Any], let name = values.first as? String { return .byName(name) }
        if let values = entry["target"] as? [Any], let name = values.first as? String { return .target(name) }
        if let values = entry["product"] as? [Any], let name = values.first as? String {
            return .product(name, package: values.count > 1 ? values[1] as? String : nil)
        }
        return nil
    }

    /// How the package's targets refer to memgate, if it depends on it: the package a target
    /// takes `BenchKit` from, else a dependency whose identity or name is `memgate`.
    package var memgateReference: String? {
        for target in targets {
            for case .product("BenchKit", let package?) in target.dependencies { return package }
        }
        return dependencies.first { [$0.identity, $0.name?.lowercased()].contains("memgate") }?.reference
    }

    /// The target named `name`, if there is one.
    package func target(named name: String) -> Target? {
        targets.first { $0.name == name }
    }
}
