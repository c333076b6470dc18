import BenchResults
import CLISupport
import Foundation
import GateCore

/// The gate's configuration file (`baselines/memgate.json`) on disk: where it is by default
/// and how it is read. Parsing is `GateConfig(json:path:)`, which is pure.
package enum ConfigFile {
    /// The configuration read when no `--config` is given, relative to the package folder.
    package static let defaultPath = "baselines/memgate.json"

    /// The configuration at `path`: defaults when the default file is missing.
    package static func load(_ path: String, explicit: Bool) throws(CommandError) -> GateConfig {
        try read(path, explicit: explicit).config
    }

    /// The configuration at `path`, and whether a file was read: false when `path` is the
    /// default file (not `explicit`) and missing, which means the built-in defaults.
    ///
    /// - Throws: `CommandError` for an explicit file that is missing, an empty or invalid one.
    package static func read(_ path: String, explicit: Bool) throws(CommandError) -> (config: GateConfig, found: Bool) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: GateConfig.sizeLimit)
        } catch ResultsError.missing(_) where !explicit {
            return (GateConfig(), false)
        } catch ResultsError.empty(_) {
            throw CommandError("config: \(path): the file is empty; write a JSON object such as {\"noisy\": \"report\"}, or delete the "
                + "file to use the defaults")
        } catch {
            throw CommandError("config: \(error)")
        }
        do { return (try GateConfig(json: bytes, path: path), true) } catch { throw CommandError("config: \(error)") }
    }

    /// Merges `advice` into the config at `path` (created if missing), keeping every other
    /// key, checks that the result parses as a config, and writes it atomically.
    ///
    /// - Throws: `CommandError` for a config that is not a JSON object, a merged result that
    ///   does not parse, or a file that cannot be written; nothing is written then.
    package static func merge(_ advice: CalibrationAdvice, into path: String) throws {
        var existing = JSONValue.object([])
        if FileManager.default.fileExists(atPath: path) {
            let bytes: [UInt8]
            do { bytes = try InputFile.read(path, limit: GateConfig.sizeLimit) } catch { throw CommandError("config: \(error)") }
            do { existing = try StrictJSON.parse(bytes) } catch { throw CommandError("config: \(path): at \(error); nothing written") }
            guard existing.members != nil else { throw CommandError("config: \(path): not a JSON object; nothing written") }
        }
        let bytes = Array((advice.merged(into: existing).written(.pretty) + "\n").utf8)
        do { _ = try GateConfig(json: bytes, path: path) } catch {
            throw CommandError("config: the merged configuration does not parse (\(error)); nothing written")
        }
        try OutputFile.write(bytes, to: path)
    }
}
