import GateCore

/// The config reader (`GateConfig(json:path:)`), as `ConfigFile` reads baselines/memgate.json.
enum ConfigReaderTarget {
    static func run(_ bytes: [UInt8]) {
        _ = try? GateConfig(json: bytes, path: "memgate.json")
    }
}
