import Foundation
@testable import GateRunner
import Testing

/// `StrayProcesses`: a process naming a folder on its command line is found, and stopped.
@Suite struct StrayProcessesTests {
    #if os(Linux)
    @Test func aProcessNamingTheFolderIsFoundAndStopped() throws {
        let marker = "/tmp/memgate-stray-test-\(UUID().uuidString)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // `read`, a builtin, blocks on a pipe nobody writes to: the shell never forks, so it is
        // the one process naming the marker (its $0).
        process.arguments = ["-c", "read line", marker + "/build"]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var found: [Int32] = []
        for _ in 0..<100 where found.isEmpty {
            found = StrayProcesses.mentioning(marker)
            if found.isEmpty { usleep(10_000) }
        }
        #expect(found == [process.processIdentifier])
        #expect(StrayProcesses.mentioning(marker + "-other").isEmpty)
        #expect(StrayProcesses.stop(mentioning: marker, within: 5))
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(StrayProcesses.mentioning(marker).isEmpty)
    }
    #endif

    @Test func thisProcessIsNeverAStray() {
        #expect(!StrayProcesses.mentioning(CommandLine.arguments[0]).contains(getpid()))
    }
}
