#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AddressSymbols
import CAllocCounter

/// The Swift runtime's retain adapter, which the reference-counting pass replaces (see
/// CAllocCounter's ARCCounter.h for why): found by name in the symbol table of the object
/// that defines `swift_retain` (libswiftCore, or the executable with a static stdlib) and
/// handed to the counter once, which checks it before it changes anything.
enum RuntimeRetainAdapter {
    /// libswiftCore's local variable that `swift_retain` jumps through while the hooks are on.
    static let slotSymbol = "_ZL21_swift_retain_adapter"
    /// The adapter it holds by default (Swift 6.3.1: masks the argument, then calls `_swift_retain`).
    static let adapterSymbol = "_ZL25_swift_retain_adapterImplPN5swift10HeapObjectE"
    /// The runtime's own retain, the default target of `_swift_retain`.
    static let retainSymbol = "__swift_retain_"

    /// Whether the counter is configured: the runtime has the shape the pass relies on. Looked
    /// up and configured on first use (one read of the runtime's symbol table), then cached.
    static let isConfigured: Bool = {
        guard let anchor = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "swift_retain") else { return false }
        let found = LoadedSymbols.addresses(of: [slotSymbol, adapterSymbol, retainSymbol], inObjectContaining: anchor)
        guard let slot = found[slotSymbol], let adapter = found[adapterSymbol], let retain = found[retainSymbol] else { return false }
        return memgate_arc_configure(UnsafeMutablePointer(bitPattern: slot), UnsafeRawPointer(bitPattern: adapter),
                                     UnsafeRawPointer(bitPattern: retain)) != 0
    }()
}
