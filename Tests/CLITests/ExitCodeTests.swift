#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLISupport
import Testing

@Suite struct ExitCodeTests {
    /// The codes are a contract with CI scripts and with the gate, which reads a benchmark
    /// executable's status: they never change.
    @Test func codesAreTheDocumentedOnes() {
        #expect(ExitCode.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 70, 130, 143])
    }

    /// `InterruptHandler` (BaseSystem, below CLISupport) exits with 128 + the signal, as a
    /// shell reports a killed command: the two interrupted codes are those.
    @Test func interruptedCodesAreTheShellsForTheTwoSignals() {
        #expect(ExitCode.interrupted.rawValue == 128 + SIGINT)
        #expect(ExitCode.terminated.rawValue == 128 + SIGTERM)
    }
}
