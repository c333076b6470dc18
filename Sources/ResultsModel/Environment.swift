/// Where and how a results file was produced: the fingerprint the gate checks before it
/// trusts a comparison of machine-dependent metrics (time, latency, CPU, RSS).
///
/// Every field is optional in the file so that results from other producers (Go's
/// benchmark format) can be represented; BenchKit fills in all it can.
package struct Environment: Sendable, Equatable, Codable {
    /// Operating system name (`"Linux"`).
    package var os: String?
    /// Kernel release (`uname -r`).
    package var kernel: String?
    /// CPU architecture (`"x86_64"`).
    package var arch: String?
    /// CPU model name (`/proc/cpuinfo` "model name").
    package var cpuModel: String?
    /// Logical CPUs available.
    package var cores: Int?
    /// Swift compiler version the benchmarks were built with (`"6.3"`).
    package var swiftVersion: String?
    /// `"release"` or `"debug"`. Debug numbers are not representative.
    package var buildConfiguration: String?
    /// The git commit of the working tree, if it is a git checkout.
    package var gitCommit: String?
    /// Whether the working tree had uncommitted changes.
    package var gitDirty: Bool?
    /// The allocator and how it was observed (`"glibc (counted)"`).
    package var allocator: String?
    /// The BenchKit version that produced the file.
    package var benchKitVersion: String?
    /// When the run started, ISO 8601 UTC.
    package var date: String?
    /// The producer's own configuration lines (Go's `goos: linux` and the like).
    package var extra: [String: String]?

    /// Creates an environment; every field defaults to unknown.
    package init(
        os: String? = nil, kernel: String? = nil, arch: String? = nil, cpuModel: String? = nil,
        cores: Int? = nil, swiftVersion: String? = nil, buildConfiguration: String? = nil,
        gitCommit: String? = nil, gitDirty: Bool? = nil, allocator: String? = nil,
        benchKitVersion: String? = nil, date: String? = nil, extra: [String: String]? = nil
    ) {
        self.os = os
        self.kernel = kernel
        self.arch = arch
        self.cpuModel = cpuModel
        self.cores = cores
        self.swiftVersion = swiftVersion
        self.buildConfiguration = buildConfiguration
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.allocator = allocator
        self.benchKitVersion = benchKitVersion
        self.date = date
        self.extra = extra
    }

    /// True when the file says it was built in debug configuration (`"debug"`, in any case:
    /// `"Debug"` is Xcode's spelling).
    package var isDebugBuild: Bool {
        buildConfiguration.map { $0.lowercased().filter { !$0.isWhitespace } == "debug" } ?? false
    }

    /// The fields that must match for machine-dependent metrics to be comparable, with
    /// their values: OS, architecture, CPU model, core count, build configuration, Swift
    /// version (`Field.fingerprintRank`). The kernel, commit and date are deliberately left
    /// out.
    package var machineFingerprint: [(field: String, value: String?)] {
        Self.fields.filter { $0.fingerprintRank != nil }.sorted { $0.fingerprintRank! < $1.fingerprintRank! }
            .map { ($0.key, $0.text(in: self)) }
    }

    /// The fingerprint fields whose values differ between `self` and `other`, or are known
    /// in one of them only. A field unknown in both (Go output has no Swift version) is not
    /// a mismatch: neither claims it. Empty means machine-dependent metrics may be compared.
    package func fingerprintMismatches(with other: Environment) -> [String] {
        zip(machineFingerprint, other.machineFingerprint).compactMap { mine, theirs in
            mine.value == theirs.value ? nil : mine.field
        }
    }
}
