import AddressSymbols

/// How a recorded stack becomes a site: the frames the user reads, starting at the user's code.
///
/// Each frame has a role. The allocator's (the malloc family, the interposer, the Swift
/// runtime's allocation entry points, a class's compiler-made `__allocating_init`) and the library's (shared libraries, and the standard
/// library's and Foundation's code specialized into the executable) come before the user's
/// first frame and are folded away, the outermost of them kept as `via`: the call the
/// user's code made that allocated (`malloc` itself when the user's code called `malloc`). The harness's frames (BenchKit, `main`) and a
/// thread's or task's start (library frames after the user's last) come after and are cut.
/// A stack with no user frame (an allocation inside a library's own thread) keeps its first
/// three library frames. The compiler's forwarding thunks (protocol witnesses, dispatch and
/// reabstraction thunks) are dropped wherever they are.
enum SiteFolding {
    /// The part a frame plays in a stack.
    enum Role: Equatable { case allocator, library, harness, user }

    /// Frames kept per site: deeper chains are cut at this many (innermost kept).
    static let maximumFrames = 16

    /// Modules whose code is the library's even when specialized into the executable.
    static let libraryModules: Set<String> = [
        "Swift", "_Concurrency", "_StringProcessing", "Foundation", "FoundationEssentials",
        "FoundationInternationalization", "Dispatch", "__C", "Synchronization", "Observation",
    ]
    /// Symbols that allocate (or retain) on behalf of their caller (the interposer's and the runtime's).
    static let allocatorSymbols: Set<String> = [
        "malloc", "calloc", "realloc", "memalign", "aligned_alloc", "posix_memalign", "valloc", "pvalloc",
        "swift_slowAlloc", "swift_allocObject", "_swift_allocObject_", "swift_allocBox", "swift_allocEmptyBox",
        "swift_coroFrameAlloc", "swift_task_alloc",
        // The retains the retain-site pass records (through the runtime's hook).
        "swift_retain", "swift_retain_n", "swift_bridgeObjectRetain", "swift_bridgeObjectRetain_n",
        "swift_unknownObjectRetain", "swift_unknownObjectRetain_n", "swift_nonatomic_retain",
    ]
    /// Prefixes of the C and C++ symbols a statically linked Swift runtime, stdlib or C++
    /// runtime (`-static-stdlib`, `-static-executable`) puts into the executable: library code,
    /// though it is in the main executable and no Swift module owns it.
    /// With `--static-swift-stdlib` that includes libdispatch (`_dispatch_worker_thread`, the
    /// start of every task's thread) and the blocks runtime.
    static let libraryCSymbolPrefixes = [
        "swift_", "_swift_", "__swift", "_ZN5swift", "_ZNSt", "_ZNKSt", "_ZSt", "__cxa_", "__cxx", "_dispatch_", "dispatch_", "_Block_",
    ]
    /// C symbols of the program's start and the harness's C code.
    static let harnessSymbols: Set<String> = ["main", "_start", "__libc_start_main", "__libc_start_call_main"]

    /// The role of `frame`.
    static func role(_ frame: SymbolizedFrame) -> Role {
        if allocatorSymbols.contains(frame.symbol) || frame.symbol.hasPrefix("memgate_") { return .allocator }
        // The runtime's adapters that call the retain hooks (`_swift_retain_adapterImpl`, local C++).
        if frame.symbol.hasPrefix("_ZL") && frame.symbol.contains("_adapterImpl") { return .allocator }
        // `T.__allocating_init` allocates the object and calls `T.init`: the allocation is the caller's.
        if frame.name.contains("__allocating_init(") { return .allocator }
        if harnessSymbols.contains(frame.symbol) || frame.module == "BenchKit" { return .harness }
        if !frame.inMainExecutable { return .library }
        if let module = frame.module { return libraryModules.contains(module) ? .library : .user }
        // In the executable but not a Swift symbol of a module: a thunk or a statically linked
        // runtime's C (library), or the user's C.
        if SwiftSymbolName.isMangled(frame.symbol) || frame.symbol.isEmpty { return .library }
        return libraryCSymbolPrefixes.contains { frame.symbol.hasPrefix($0) } ? .library : .user
    }

    /// The role of each frame of `stack`; a function inlined into the allocator's or the
    /// harness's code (the interposer's static C helpers inlined into `malloc`) plays its
    /// container's part, whatever its own name says.
    static func roles(_ stack: [SymbolizedFrame]) -> [Role] {
        var roles = stack.map(role)
        var container: Role?
        for index in stack.indices.reversed() {
            guard stack[index].inlined else { container = roles[index]; continue }
            if let container, container == .allocator || container == .harness { roles[index] = container }
        }
        return roles
    }

    /// What a stack folds to: the shown frames' names and lines (innermost first, one line
    /// per frame, `nil` where the debug information has none) and the `via` call.
    struct Folded: Equatable {
        var frames: [String]
        var via: String?
        var lines: [SourceLine?]
    }

    /// The shown frames (innermost first) and the `via` call of a stack (innermost first, the
    /// functions inlined at an address before the function containing it);
    /// `nil` for a stack with nothing but allocator and harness frames.
    static func fold(_ fullStack: [SymbolizedFrame]) -> Folded? {
        let stack = fullStack.filter { !$0.isThunk }
        let roles = roles(stack)
        guard let first = roles.firstIndex(of: .user) else {
            let library = zip(stack, roles).prefix { $0.1 != .harness }.filter { $0.1 == .library }.prefix(3).map(\.0)
            return library.isEmpty ? nil : Folded(frames: library.map(\.name), via: nil, lines: library.map(\.line))
        }
        let end = roles[first...].firstIndex(of: .harness) ?? stack.count
        let last = roles[first..<end].lastIndex(of: .user)!
        // Adjacent frames with one name (a closure and its C-convention thunk) are shown once.
        var shown: [SymbolizedFrame] = []
        for frame in stack[first...last] where shown.last?.name != frame.name { shown.append(frame) }
        shown = Array(shown.prefix(maximumFrames))
        return Folded(frames: shown.map(\.name), via: via(stack[..<first], roles[..<first]), lines: shown.map(\.line))
    }

    /// The call the user's first frame made that allocated or retained: the frame just before
    /// it. When only the runtime's plumbing lies between it and memgate's retain hook (frames
    /// no symbol names, the hook adapter behind `swift_retain`), the retain is shown as the
    /// runtime call the hook stands for; a runtime entry the user called
    /// (`swift_bridgeObjectRetain`) is shown as itself.
    static func via(_ inner: ArraySlice<SymbolizedFrame>, _ roles: ArraySlice<Role>) -> String? {
        guard let nearest = inner.indices.last, roles[nearest] != .harness else { return nil }
        for frame in inner.reversed() {
            if let call = retainHooks[frame.symbol] { return call }
            let plumbing = frame.symbol.isEmpty || (frame.symbol.hasPrefix("_ZL") && frame.symbol.contains("_adapterImpl"))
            if !plumbing { break }
        }
        return inner[nearest].name
    }

    /// memgate's retain hooks (CAllocCounter's ARCCounter.c) by the runtime call that reaches them.
    static let retainHooks = ["memgate_counting_retain": "swift_retain", "memgate_counting_retain_n": "swift_retain_n"]
}
