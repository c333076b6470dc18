/// One element to add to an array of a Package.swift (a `.package(...)` dependency, an
/// `.executableTarget(...)`), in both the forms an edit may need: one line for an array
/// written on one line, and lines indented in units for an array written one element a line.
///
///     let entry = ManifestEntry.benchmarkTarget(name: "FooBenchmarks", modules: ["Foo"], memgate: "memgate",
///                                               path: "Benchmarks/FooBenchmarks")
///     entry.lines(indent: "        ", unit: "    ", trailingComma: true)
///     // ["        .executableTarget(", "            name: \"FooBenchmarks\",", ..., "        ),"]
package struct ManifestEntry: Equatable, Sendable {
    /// One line of the multi-line form: its depth in indentation units and its text.
    package struct Line: Equatable, Sendable {
        /// Indentation units beyond the element's own indentation.
        package var depth: Int
        /// The line's text, without indentation.
        package var text: String
    }

    /// The multi-line form, without the trailing comma.
    package var multiline: [Line]
    /// The one-line form, without a trailing comma.
    package var inline: String

    /// The multi-line form indented by `indent` plus `depth` times `unit`, with a comma after
    /// the last line when `trailingComma`.
    package func lines(indent: String, unit: String, trailingComma: Bool) -> [String] {
        multiline.enumerated().map { index, line in
            let comma = trailingComma && index == multiline.count - 1 ? "," : ""
            return indent + String(repeating: unit, count: line.depth) + line.text + comma
        }
    }

    /// A dependency on memgate: `.package(...)` as `source` spells it.
    package static func dependency(_ source: MemGateSource) -> ManifestEntry {
        ManifestEntry(multiline: [Line(depth: 0, text: source.packageExpression)], inline: source.packageExpression)
    }

    /// The benchmark executable target: named `name`, at `path`, depending on `modules`
    /// (targets of the package, by name) and on BenchKit from the package `memgate` names.
    package static func benchmarkTarget(name: String, modules: [String], memgate: String, path: String) -> ManifestEntry {
        let dependencies = modules.map(swiftStringLiteral) + [".product(name: \"BenchKit\", package: \(swiftStringLiteral(memgate)))"]
        let fields = [
            "name: \(swiftStringLiteral(name))",
            "dependencies: [\(dependencies.joined(separator: ", "))]",
            "path: \(swiftStringLiteral(path))",
        ]
        let body = fields.enumerated().map { index, field in
            Line(depth: 1, text: field + (index < fields.count - 1 ? "," : ""))
        }
        return ManifestEntry(
            multiline: [Line(depth: 0, text: ".executableTarget(")] + body + [Line(depth: 0, text: ")")],
            inline: ".executableTarget(\(fields.joined(separator: ", ")))")
    }
}

/// `text` as a Swift string literal: in quotes, with `\` and `"` escaped and control
/// characters written as `\u{...}`, so that any text reads back as itself.
func swiftStringLiteral(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: literal += "\\u{\(String(scalar.value, radix: 16))}"
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal + "\""
}
