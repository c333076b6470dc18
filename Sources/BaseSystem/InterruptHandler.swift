import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one interrupt handler of BenchKit and memgate: on the first SIGINT or SIGTERM it
/// runs `onInterrupt` (once, on a dispatch queue) and exits the process with 128 + the
/// signal number, as a shell reports a killed command (130 for SIGINT, 143 for SIGTERM).
///
///     let interrupt = InterruptHandler { _ in removeTemporaryFolder() }
///     interrupt.install()
///     ...                                 // the long, interruptible work
///     interrupt.uninstall()
///     interrupt.checkpoint()              // a signal that came before: wait for its exit
///     removeTemporaryFolder()
///
/// The signals are caught by dispatch signal sources. On Linux libdispatch installs a
/// handler of its own for them (once per process); on Darwin they must be ignored first, or
/// their default action would end the process. Children started with `ChildProcess` get the
/// default dispositions back either way, so they stay interruptible. After `uninstall()` the
/// two signals are dropped, even one already queued to the handler: the process is about
/// to finish on its own.
package final class InterruptHandler: @unchecked Sendable {
    private let onInterrupt: @Sendable (Int32) -> Void
    private let state = DispatchQueue(label: "memgate.interrupt-handler")
    private var sources: [DispatchSourceSignal] = []
    private var received: Int32?
    private var closed = false

    /// A handler that will call `onInterrupt` with the signal number, then exit.
    package init(_ onInterrupt: @escaping @Sendable (Int32) -> Void) {
        self.onInterrupt = onInterrupt
    }

    /// Starts catching SIGINT and SIGTERM.
    package func install() {
        state.sync { closed = false }
        for signalNumber in [SIGINT, SIGTERM] {
            #if canImport(Darwin)
            signal(signalNumber, SIG_IGN)  // Handled by the source instead.
            #endif
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [self] in handle(signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops handling signals; later ones are dropped.
    package func uninstall() {
        state.sync { closed = true }
        for source in sources { source.cancel() }
        sources = []
    }

    /// The signal being handled, if one arrived.
    package var receivedSignal: Int32? {
        state.sync { received }
    }

    /// Returns at once unless a signal arrived; then never returns (the handler is cleaning
    /// up and will exit the process). Call it before reporting an error, which the interrupt
    /// may have caused, and before the normal cleanup.
    package func checkpoint() {
        guard receivedSignal != nil else { return }
        while true { sleep(60) }
    }

    private func handle(_ signalNumber: Int32) {
        let first = state.sync {
            defer { if received == nil && !closed { received = signalNumber } }
            return received == nil && !closed
        }
        guard first else { return }
        onInterrupt(signalNumber)
        exit(128 + signalNumber)
    }
}
