import Dispatch
import Foundation

/// Removes a folder when the benchmark run ends, normally or by SIGINT/SIGTERM (after which
/// the process exits with 128 + the signal, as a shell would report it). Child benchmark
/// processes are not signalled here: they asked the kernel to kill them when we exit.
final class InterruptCleanup: @unchecked Sendable {
    private let path: String
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var done = false

    init(removing path: String) {
        self.path = path
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)  // Handled by the source below instead.
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in
                finish()
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Removes the folder (once) and stops handling signals.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        try? FileManager.default.removeItem(atPath: path)
    }
}
