import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own that runs one fixed piece of work on demand while the caller waits:
/// where a child process saves what it measured before each pass, so that the save's
/// allocations never reach the measured thread's heap.
///
/// Why: glibc gives each thread its own cache of freed chunks (tcache) and a new thread an
/// arena of its own, and the allocator's state decides how much room a block really has
/// (`malloc_usable_size`), which Swift's arrays grow into. Saving on the measured thread
/// left it in another state before the reference-counting pass; seen: Foundation's
/// JSONDecoder then grew an array once less per op, so the pass counted 444 objects and 444
/// mallocs per op where the kept samples had 445, in about half the child processes.
///
/// The thread starts in `init`, which returns once the thread waits for work (so whatever
/// starting it allocates, on either thread, is done before the samples, in every process
/// alike). `run(_:)` hands it the argument (a stored property: no allocation on the calling
/// thread), signals, and waits until the work is done. `finish()` ends the thread.
final class SideThread<Argument>: @unchecked Sendable {
    private let work: (Argument) -> Void
    private let start = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    /// The argument of the call under way; nil tells the thread to end. Written only while
    /// the thread waits on `start`, read only by it before it signals `done`.
    private var argument: Argument?
    private var running = true

    /// Starts the thread that will run `work`, and returns once it waits for work.
    init(_ work: @escaping (Argument) -> Void) {
        self.work = work
        Thread { self.serve() }.start()
        done.wait()  // Started: what starting allocates is done before the caller measures.
    }

    /// Runs the work with `argument` on the side thread and returns when it is done.
    func run(_ argument: Argument) {
        guard running else { return work(argument) }
        self.argument = argument
        start.signal()
        done.wait()
    }

    /// Ends the thread (after any call under way); later calls run on the calling thread.
    func finish() {
        guard running else { return }
        running = false
        argument = nil
        start.signal()
        done.wait()
    }

    private func serve() {
        // glibc sets up a thread's cache and picks its arena at its first malloc: here, while
        // `init` still waits, not at the first save.
        free(malloc(1))
        done.signal()
        while true {
            start.wait()
            guard let argument = argument.take() else {
                done.signal()
                return
            }
            work(argument)
            done.signal()
        }
    }
}
