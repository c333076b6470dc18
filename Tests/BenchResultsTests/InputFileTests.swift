import BenchResults
import Foundation
import Testing

@Suite struct InputFileTests {
    @Test func namesEveryKindOfUnreadablePath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.json").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let big = directory.appendingPathComponent("big.json").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data(count: 2_000)))

        #expect(throws: ResultsError.missing(path: directory.path + "/nope.json")) { try InputFile.read(directory.path + "/nope.json") }
        #expect(throws: ResultsError.notARegularFile(path: directory.path)) { try InputFile.read(directory.path) }
        #expect(throws: ResultsError.notARegularFile(path: fifo)) { try InputFile.read(fifo) }  // and does not hang
        #expect(throws: ResultsError.notARegularFile(path: "/dev/zero")) { try InputFile.read("/dev/zero") }
        #expect(throws: ResultsError.empty(path: empty)) { try InputFile.read(empty) }
        #expect(throws: ResultsError.tooLarge(path: big, bytes: 2_000, limit: 1_000)) { try InputFile.read(big, limit: 1_000) }
        #expect(try InputFile.read(big).count == 2_000)
    }

    @Test func atomicWriteReplacesWholeFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aw-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try AtomicFile.write(Array("first".utf8), to: path)
        try AtomicFile.write(Array("second".utf8), to: path)
        #expect(try InputFile.read(path) == Array("second".utf8))
        #expect(throws: ResultsError.self) { try AtomicFile.write([1], to: "/nonexistent-dir/x.json") }
    }
}
