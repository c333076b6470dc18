import Foundation
import Testing
@testable import BenchResults

/// `Environment.fields`: the one list of environment fields that the fingerprint, `show`,
/// benchfmt and the fast reader use must name every stored property, with the JSON keys
/// Codable writes.
@Suite struct EnvironmentFieldsTests {
    private let full = Environment(
        os: "Linux", kernel: "6.1", arch: "x86_64", cpuModel: "AMD EPYC", cores: 2, swiftVersion: "6.3",
        buildConfiguration: "release", gitCommit: "abc", gitDirty: true, allocator: "glibc (counted)",
        benchKitVersion: "1", date: "2026-12-02T00:00:00Z", extra: ["goversion": "1.23"])

    @Test func everyStoredPropertyIsListedOnceInDeclarationOrder() {
        let stored = Mirror(reflecting: full).children.compactMap(\.label).filter { $0 != "extra" }
        #expect(Environment.fields.map(\.key) == stored)
    }

    @Test func keysAreTheJSONKeys() throws {
        let data = try JSONEncoder().encode(full)
        let keys = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]).keys
        #expect(Set(keys) == Set(Environment.fields.map(\.key) + ["extra"]))
    }

    @Test func textRoundTripsThroughEveryField() {
        var copy = Environment()
        for field in Environment.fields {
            #expect(field.set(field.text(in: full)!, in: &copy), "\(field.key)")
        }
        copy.extra = full.extra
        #expect(copy == full)
        var unchanged = Environment()
        #expect(!Environment.field(forKey: "cores")!.set("two", in: &unchanged))
        #expect(!Environment.field(forKey: "gitDirty")!.set("yes", in: &unchanged))
        #expect(unchanged == Environment())
    }

    @Test func fingerprintIsTheSixMachineFields() {
        #expect(full.machineFingerprint.map(\.field) == ["os", "arch", "cpuModel", "cores", "buildConfiguration", "swiftVersion"])
        #expect(full.machineFingerprint.map(\.value) == ["Linux", "x86_64", "AMD EPYC", "2", "release", "6.3"])
        var other = full
        other.kernel = "6.12"
        other.cores = 4
        #expect(full.fingerprintMismatches(with: other) == ["cores"])
    }
}
