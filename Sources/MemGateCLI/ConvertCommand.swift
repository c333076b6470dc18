import BenchResults
import CLISupport
import GateCore
import GateFormats
import GateRunner

/// `memgate convert FILE --to json|benchfmt [--output PATH]`.
struct ConvertCommand: Subcommand {
    static let name = "convert"

    static var spec: CommandSpec {
        var spec = CommandSpec(
            name: "memgate convert", summary: "Convert a results file to memgate JSON or Go benchfmt (for benchstat).",
            usage: "memgate convert FILE --to json|benchfmt [--output PATH]",
            discussion: "Without --output the result goes to standard output; with it, the file is written atomically.")
        spec.option("--to", value: "json|benchfmt", help: "The output format (required).")
        spec.option("--output", value: "PATH", help: "Write to PATH instead of standard output.")
        spec.positional("FILE", help: "A results file (memgate JSON or go test -bench output).")
        return spec
    }

    static func execute(_ arguments: ParsedArguments, context: inout CommandContext) throws -> ExitCode {
        guard let target = try arguments.choice("--to", from: ["json", "benchfmt"]) else {
            throw arguments.usageError("missing --to json|benchfmt")
        }
        if let output = arguments.value("--output") {
            try InputOverwrite.refuse(outputs: [("--output", output)], inputs: [("FILE", arguments.positionals[0])])
        }
        let file = try GateArguments.readResults(arguments.positionals[0])
        let bytes: [UInt8]
        if target == "json" {
            do { bytes = try file.jsonBytes() } catch { throw CommandError(error) }
        } else {
            bytes = Array(GoBenchfmt.write(file).utf8)
        }
        try context.writeOrPrint(bytes, to: arguments.value("--output"))
        return .pass
    }
}
