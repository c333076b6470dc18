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
        process.arguments = ["-c", "while :; do sleep 1; done", marker + "/build"]  // $0 of the script: the marker
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
