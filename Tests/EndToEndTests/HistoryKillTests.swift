import BaseSystem
import BenchResults
import BenchStatistics
import Foundation
import GateFormats
import Testing
import TestSupport

/// `memgate history append` killed with SIGKILL at random moments never tears the file.
@Suite(.serialized) struct HistoryKillTests {
    /// A 100-run history of 13 benchmarks (about 1.3 MB, so reading and rewriting it takes a
    /// measurable time) gets an append killed after a random delay (seeded), many
    /// times over. After every kill the file must parse whole and hold either the runs it held
    /// before or one more: never a torn or missing line, never a half-written file.
    @Test func aKilledAppendLeavesTheOldFileOrTheNew() throws {
        let dir = try TemporaryDirectory()
        let historyPath = dir.file("history.jsonl")
        try HistoryFixture.history(runs: 100, benchmarks: 13).write(to: historyPath)
        var random = SeededRandom(seed: 2026_12_02)
        let results = try dir.write("results.json", HistoryFixture.results(benchmarks: 13, random: &random))
        let arguments = ["history", "append", results, "--file", historyPath, "--keep", "1000", "--commit", "abc"]

        // One uninterrupted append, timed, sets the range of the delays.
        let timed = try MemGateProcess.run(arguments, in: dir.url)
        #expect(timed.code == 0, "\(timed.stderr)")
        var runs = try History.read(contentsOf: historyPath).entries.count
        #expect(runs == 101)
        let window = max(timed.seconds, 0.05) * 1.2

        var unchanged = 0, appended = 0, leftTemporaryFiles = 0
        for round in 0..<20 {
            // Odd rounds wait until the write starts (a temporary file appears, or the history
            // file itself changes), then kill within 2 ms: inside the write, which random delays
            // over the whole run rarely hit.
            let targeted = round % 2 == 1
            let delay = targeted ? Double.random(in: 0...0.002, using: &random) : Double.random(in: 0...window, using: &random)
            let before = Self.identity(historyPath)
            // ChildProcess leaves the child unreaped until `wait`, so the SIGKILL always reaches it.
            let child = try ChildProcess(executable: MemGateProcess.executable.path, arguments: arguments, directory: dir.path,
                                         output: .discarded, error: .discarded).start()
            if targeted {
                let temporary = dir.file(".history.jsonl.tmp-\(child.pid)")
                let deadline = Date().addingTimeInterval(20)
                while access(temporary, F_OK) != 0 && Self.identity(historyPath) == before && Date() < deadline { usleep(100) }
            }
            usleep(UInt32(delay * 1_000_000))
            kill(child.pid, SIGKILL)
            _ = child.wait(timeout: 30)

            let history = try History.read(contentsOf: historyPath)  // throws on a torn line
            let bytes = try InputFile.read(historyPath)
            #expect(bytes.last == UInt8(ascii: "\n"))
            #expect(history.entries.count == runs || history.entries.count == runs + 1,
                    "\(runs) runs before the kill after \(delay) s, \(history.entries.count) after")
            let oldFileKept = history.entries.count == runs
            if oldFileKept { unchanged += 1 } else { appended += 1 }
            runs = history.entries.count
            // A kill between creating the temporary file and renaming it leaves the temporary
            // file, and the old history in place.
            let strays = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".history.jsonl.tmp-") }
            #expect(strays.isEmpty || oldFileKept, "a temporary file \(strays) beside the new history")
            leftTemporaryFiles += strays.count
            for stray in strays { try FileManager.default.removeItem(atPath: dir.file(stray)) }
        }
        // The delays must have covered the append: some kills came before it finished.
        #expect(unchanged > 0, "appended \(appended), unchanged \(unchanged), temporary files \(leftTemporaryFiles)")
        #expect(leftTemporaryFiles > 0, "no kill landed inside a write (appended \(appended), unchanged \(unchanged))")
        print("history kill test: \(unchanged) kills left the old file (\(leftTemporaryFiles) of them mid-write), "
            + "\(appended) came after the new one was in place; window \(window) s")
    }

    /// The file's inode, size and modification time: any write or rename changes one of them.
    static func identity(_ path: String) -> [Int] {
        var info = stat()
        guard stat(path, &info) == 0 else { return [] }
        return [Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }
}
