import BenchResults
import GateCore

/// The gate's configuration file (`baselines/memgate.json`) on disk: where it is by default
/// and how it is read. Parsing is `GateConfig(json:path:)`, which is pure.
package enum ConfigFile {
    /// The configuration read when no `--config` is given, relative to the package folder.
    package static let defaultPath = "baselines/memgate.json"

    /// The configuration at `path`: defaults when the default file is missing.
    package static func load(_ path: String, explicit: Bool) throws(CommandError) -> GateConfig {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, limit: GateConfig.sizeLimit)
        } catch ResultsError.missing(_) where !explicit {
            return GateConfig()
        } catch ResultsError.empty(_) {
            throw CommandError("config: \(path): the file is empty; write a JSON object such as {\"noisy\": \"report\"}, or delete the "
                + "file to use the defaults")
        } catch {
            throw CommandError("config: \(error)")
        }
        do { return try GateConfig(json: bytes, path: path) } catch { throw CommandError("config: \(error)") }
    }
}
