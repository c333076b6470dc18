import Testing
@testable import BenchResults

@Suite struct AllocationSitesTests {
    private func file(_ sites: AllocationSites) -> ResultsFile {
        ResultsFile(benchmarks: [BenchmarkResult(
            name: "b", iterations: [1], metrics: ["allocs": Metric(unit: .allocationsPerOp, exact: true, samples: [1])],
            allocationSites: sites)])
    }

    private func site(_ key: String, _ count: Double = 1, frames: [String] = ["f()"]) -> AllocationSite {
        AllocationSite(key: key, allocationsPerOp: count, bytesPerOp: 8 * count, frames: frames)
    }

    @Test func keysDependOnNamesAndViaOnly() {
        let key = AllocationSite.key(frames: ["Sites.f()", "closure #1 in register(_:)"], via: "swift_slowAlloc")
        #expect(key.count == 16 && key.allSatisfy(\.isHexDigit))
        #expect(key == AllocationSite.key(frames: ["Sites.f()", "closure #1 in register(_:)"], via: "swift_slowAlloc"))
        #expect(key != AllocationSite.key(frames: ["Sites.f()", "closure #1 in register(_:)"], via: nil))
        // Frame boundaries count: ["ab", "c"] is not ["a", "bc"].
        #expect(AllocationSite.key(frames: ["ab", "c"], via: nil) != AllocationSite.key(frames: ["a", "bc"], via: nil))
        // FNV-1a 64 over each part and a NUL after it (values computed with Python's integers).
        #expect(AllocationSite.key(frames: [], via: nil) == "af63bd4c8601b7df")
        #expect(AllocationSite.key(frames: ["a"], via: nil) == "e5d2f7190427066c")
    }

    @Test func aValidProfileValidates() throws {
        try file(AllocationSites(iterations: 10, allocationsPerOp: 2, bytesPerOp: 16, sites: [site("a"), site("b")])).validate()
        // The largest profile the bounds allow validates too.
        let frames = Array(repeating: "f", count: AllocationSites.maxFrames)
        let largest = (0..<AllocationSites.maxSites).map {
            AllocationSite(key: "k\($0)", allocationsPerOp: AllocationSites.maxPerOp, bytesPerOp: AllocationSites.maxPerOp, frames: frames)
        }
        try file(AllocationSites(iterations: AllocationSites.maxIterations, allocationsPerOp: 1, bytesPerOp: 1, sites: largest)).validate()
    }

    @Test(arguments: [
        (AllocationSites(iterations: 0, allocationsPerOp: 1, bytesPerOp: 1, sites: []), "allocationSites.iterations"),
        (AllocationSites(iterations: 1, allocationsPerOp: .nan, bytesPerOp: 1, sites: []), "allocationSites.allocationsPerOp"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: -1, sites: []), "allocationSites.bytesPerOp"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [], unattributedAllocationsPerOp: .infinity),
         "allocationSites.unattributedAllocationsPerOp"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [AllocationSite(key: "a", allocationsPerOp: -1,
            bytesPerOp: 0, frames: ["f"])]),
         "allocationSites.sites[0].allocationsPerOp"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [AllocationSite(key: "a", allocationsPerOp: 1,
            bytesPerOp: 1, frames: [])]),
         "allocationSites.sites[0].frames"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f"]),
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["g"]),
        ]), "allocationSites.sites[1].key"),
        // The bounds that keep every renderer's arithmetic small.
        (AllocationSites(iterations: 1_000_000_001, allocationsPerOp: 1, bytesPerOp: 1, sites: []), "allocationSites.iterations"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1e12 + 1, bytesPerOp: 1, sites: []), "allocationSites.allocationsPerOp"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: Array(repeating: "f", count: 65)),
        ]), "allocationSites.sites[0].frames"),
        // Locations: one per frame, a file, lines and columns from 1.
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f", "g"], locations: [nil]),
        ]), "allocationSites.sites[0].locations"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f"], locations: [FrameLocation(file: "", line: 1)]),
        ]), "allocationSites.sites[0].locations[0].file"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f", "g"],
                           locations: [nil, FrameLocation(file: "a.swift", line: 0)]),
        ]), "allocationSites.sites[0].locations[1].line"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: [
            AllocationSite(key: "a", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f"],
                           locations: [FrameLocation(file: "a.swift", line: 3, column: -1)]),
        ]), "allocationSites.sites[0].locations[0].column"),
        (AllocationSites(iterations: 1, allocationsPerOp: 1, bytesPerOp: 1, sites: (0...1_000).map {
            AllocationSite(key: "k\($0)", allocationsPerOp: 1, bytesPerOp: 1, frames: ["f"])
        }), "allocationSites.sites"),
    ] as [(AllocationSites, String)])
    func invalidProfilesNameThePlace(sites: AllocationSites, place: String) {
        #expect(throws: ResultsError.self) { try file(sites).validate() }
        do { try file(sites).validate() } catch { #expect("\(error)".contains(place), "\(error)") }
    }

    /// Schema 1 files (no sites) still read; what this code writes is schema 2.
    @Test func readsSchemaOneAndWritesSchemaTwo() throws {
        let old = #"{"format": "memgate-results", "schema": 1, "benchmarks": []}"#
        let read = try ResultsFile.decode(json: Array(old.utf8), path: "old.json")
        #expect(read.schema == 1)
        #expect(String(decoding: try read.jsonBytes(), as: UTF8.self).contains(#""schema" : 2"#))
    }

    /// A site's locations, one per frame (`null` for a frame without a line), read by both
    /// decoders as written; a file without them reads as before, and writes none.
    @Test func locationsRoundTripAndAreOptional() throws {
        let located = AllocationSite(
            key: "k", allocationsPerOp: 1, bytesPerOp: 8, frames: ["Blocks.allocateOne(bytes:)", "Blocks.flush()", "lib"],
            via: "swift_slowAlloc", locations: [
                FrameLocation(file: "Sources/App/Blocks.swift", line: 43, column: 20), FrameLocation(file: "/abs/Blocks.swift", line: 38),
                nil,
            ])
        let written = file(AllocationSites(iterations: 10, allocationsPerOp: 1, bytesPerOp: 8, sites: [located, site("plain")]))
        let bytes = try written.jsonBytes()
        let fast = try ResultsFile.decode(json: bytes, path: "sites.json")
        let codable = try ResultsFile.decodeWithCodable(bytes, path: "sites.json")
        #expect(fast == written && codable == written)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""column" : 20"#) && text.contains(#""line" : 38"#) && text.contains("null"))
        #expect(text.components(separatedBy: #""locations""#).count == 2, "only the located site writes locations")
        #expect(fast["b"]?.allocationSites?["plain"]?.locations == nil)
        #expect(located.location(ofFrame: 1) == FrameLocation(file: "/abs/Blocks.swift", line: 38))
        #expect(located.location(ofFrame: 2) == nil && located.location(ofFrame: 7) == nil)
        #expect(FrameLocation(file: "Sources/App/Blocks.swift", line: 43, column: 20).short == "Blocks.swift:43")
        #expect(FrameLocation(file: "Sources/App/Blocks.swift", line: 43, column: 20).full == "Sources/App/Blocks.swift:43:20")
        #expect(FrameLocation(file: "Blocks.swift", line: 43).full == "Blocks.swift:43")
    }
}
