import AddressSymbols
@testable import BenchKit
import BenchResults
import Testing

/// Folding a symbolized stack to the frames a reader needs, on synthetic stacks.
@Suite struct SiteFoldingTests {
    private func frame(_ name: String, module: String? = nil, main: Bool = true, symbol: String? = nil,
        thunk: Bool = false) -> SymbolizedFrame {
        SymbolizedFrame(name: name, module: module, inMainExecutable: main, symbol: symbol ?? name, isThunk: thunk)
    }

    private var harness: [SymbolizedFrame] {
        [frame("Bench.run()", module: "BenchKit", symbol: "$s8BenchKit5BenchC3runyyF"), frame("main")]
    }

    @Test func startsAtTheUsersFirstFrameAndKeepsTheLibraryCallAsVia() throws {
        let stack = [
            frame("malloc", main: false), frame("swift_slowAlloc", main: false),
            frame("Array.init(repeating:count:)", module: "Swift", symbol: "$sSa..."),
            frame("Parser.parse()", module: "App", symbol: "$s3App6ParserV5parseyyF"),
            frame("closure #1 in Suite.register(_:)", module: "App", symbol: "$s3App..."),
        ] + harness
        let folded = try #require(SiteFolding.fold(stack))
        #expect(folded.frames == ["Parser.parse()", "closure #1 in Suite.register(_:)"])
        #expect(folded.via == "Array.init(repeating:count:)")
    }

    /// A statically linked runtime's C and C++ frames are the library's, not the user's C.
    @Test(arguments: ["swift_retain", "_swift_stdlib_malloc_size", "_ZN5swift9Demangler4nodeEv", "__cxa_allocate_exception",
                      "_ZNSt6vectorIiE9push_backEv", "_dispatch_worker_thread", "dispatch_async_f", "_Block_copy"])
    func staticRuntimeSymbolsAreLibraryFrames(symbol: String) throws {
        let stack = [
            frame("malloc", main: false), frame(symbol),
            frame("Parser.parse()", module: "App", symbol: "$s3App6ParserV5parseyyF"),
        ] + harness
        let folded = try #require(SiteFolding.fold(stack))
        #expect(folded.frames == ["Parser.parse()"] && folded.via == symbol)
        // The user's own C stays the user's.
        #expect(SiteFolding.role(frame("parse_header")) == .user)
        // A retain through a runtime entry the user's code called names that entry; a direct
        // one, through the hook and its adapter only, names swift_retain.
        let adapter = frame("_swift_retain_adapterImpl", main: false, symbol: "_ZL25_swift_retain_adapterImplPN5swift10HeapObjectE")
        let user = frame("Parser.parse()", module: "App", symbol: "$s3App6ParserV5parseyyF")
        let bridged = [frame("memgate_counting_retain"), adapter, frame("swift_bridgeObjectRetain", main: false), user] + harness
        #expect(try #require(SiteFolding.fold(bridged)).via == "swift_bridgeObjectRetain")
        #expect(try #require(SiteFolding.fold([frame("memgate_counting_retain"), adapter, user] + harness)).via == "swift_retain")
        // The runtime's retain-hook adapter is part of the retain, not a library frame.
        #expect(SiteFolding.role(frame("_swift_retain_adapterImpl", main: false,
                                       symbol: "_ZL25_swift_retain_adapterImplPN5swift10HeapObjectE")) == .allocator)
    }

    @Test func anAllocatingInitIsTheCallersAllocation() throws {
        let stack = [
            frame("malloc", main: false), frame("swift_allocObject", main: false),
            frame("Token.__allocating_init()", module: "App", symbol: "$s3App5TokenCACycfC"),
            frame("Sites.g()", module: "App", symbol: "$s3App5SitesO1gyyFZ"),
        ] + harness
        let folded = try #require(SiteFolding.fold(stack))
        #expect(folded.frames == ["Sites.g()"] && folded.via == "Token.__allocating_init()")
    }

    @Test func thunksAreDroppedAndRepeatsShownOnce() throws {
        let stack = [
            frame("malloc", main: false),
            frame("Item.encode(to:)", module: "App", symbol: "$s3App4ItemV6encode2toys7Encoder_p_tKF"),
            frame("protocol witness", module: "App", symbol: "$s3App4ItemVSEAASE6encode2toys7Encoder_p_tKFTW", thunk: true),
            frame("closure #1 in W.init()", module: "App", symbol: "$s3App1WCACycfcSvSgSvSgcfU_"),
            frame("closure #1 in W.init()", module: "App", symbol: "$s3App1WCACycfcSvSgSvSgcfU_To"),
            frame("start_thread", main: false), frame("clone3", main: false),
        ]
        let folded = try #require(SiteFolding.fold(stack))
        #expect(folded.frames == ["Item.encode(to:)", "closure #1 in W.init()"] && folded.via == "malloc")
    }

    @Test func aStackWithoutUserCodeKeepsItsFirstLibraryFrames() throws {
        let stack = [frame("malloc", main: false), frame("a", main: false), frame("b", main: false), frame("c", main: false),
                     frame("d", main: false)]
        #expect(try #require(SiteFolding.fold(stack)).frames == ["a", "b", "c"])
        #expect(SiteFolding.fold([frame("malloc", main: false)] + harness) == nil)
    }

    /// A frame as the symbolizer names a main-executable symbol: the runtime's `swift_demangle`,
    /// then the short form (as `Symbolizer` does).
    private func real(_ symbol: String) -> SymbolizedFrame {
        guard SwiftSymbolName.isMangled(symbol) else { return frame(symbol) }
        let module = SwiftSymbolName.module(ofMangled: symbol), demangled = SwiftSymbolName.demangled(symbol)
        return SymbolizedFrame(name: SwiftSymbolName.short(demangled, module: module), module: module, inMainExecutable: true,
                               symbol: symbol, isThunk: SwiftSymbolName.isThunk(demangled: demangled))
    }

    /// Outlined helpers stay in the recorded frames (the site's key is unchanged) and fold into
    /// their callers when shown (`AllocationSite.shownFrames`), by the names the runtime's
    /// demangler really gives them.
    @Test(arguments: ["$s3App5TokenVWOb", "$s3App5TokenVWOc", "$s3App5TokenVWOh", "$s3App5TokenVWOhTm", "$s3App5TokenOWOe",
                      "$s3App5TokenVWOr", "$s3App5TokenVWOs", "$s3App5TokenVWOd", "$s3App1PP_pWOb",
                      "__swift_allocate_boxed_opaque_existential_1Tm", "__swift_project_boxed_opaque_existential_1"])
    func outlinedHelpersAreRecordedAndFoldedWhenShown(symbol: String) throws {
        let helper = real(symbol)
        #expect(AllocationSite.isCompilerHelper(helper.name), "\(helper.name)")
        let caller = real("$s3App6ParserV5parseyyF")
        let stack = [frame("malloc", main: false), frame("swift_allocObject", main: false), helper, caller] + harness
        let folded = try #require(SiteFolding.fold(stack))
        #expect(AllocationSite.shownFrames(folded.frames) == ["Parser.parse()"], "\(folded.frames)")
        #expect(!AllocationSite.isCompilerHelper(caller.name))
    }

    /// The shortened name drops `outlined copy of ` (and `merged `): such a frame reads as the
    /// copied type and is not recognised as a helper (recorded names unchanged, see the docs).
    @Test func anOutlinedCopyReadsAsItsType() {
        #expect(real("$s3App5TokenOWOy").name == "Token")
        #expect(real("$s3App5TokenVWOhTm").name == "outlined destroy of App.Token")
    }

    @Test func rolesFollowTheObjectAndTheModule() {
        #expect(SiteFolding.role(frame("memgate_record_site")) == .allocator)
        #expect(SiteFolding.role(frame("Bench.loop", module: "BenchKit", symbol: "$s8BenchKit...")) == .harness)
        #expect(SiteFolding.role(frame("Array.append(_:)", module: "Swift", symbol: "$sSa...")) == .library)
        #expect(SiteFolding.role(frame("helper_in_c")) == .user)
        #expect(SiteFolding.role(frame("reabstraction thunk", symbol: "$sIeg_ytIegr_TR")) == .library)
        #expect(SiteFolding.role(frame("x", main: false)) == .library)
    }

    /// Inlined frames take part like any other (a library function inlined into the user's
    /// code is the `via`), except inside the allocator's or the harness's code, whose part
    /// they play; each shown frame keeps its line.
    @Test func inlinedFramesFoldByTheirContainerAndKeepTheirLines() throws {
        func line(_ number: Int) -> SourceLine { SourceLine(file: "/p/Sources/App/Blocks.swift", line: number, column: 9) }
        func inlined(_ frame: SymbolizedFrame, at number: Int? = nil) -> SymbolizedFrame {
            var frame = frame
            frame.inlined = true
            frame.line = number.map(line)
            return frame
        }
        var flush = frame("Blocks.flush()", module: "App", symbol: "$s3App6BlocksO5flushyyFZ")
        flush.line = line(38)
        let stack = [
            inlined(frame("count_allocation")), inlined(frame("record_site")), frame("malloc"),
            inlined(frame("UnsafeMutableRawPointer.allocate(byteCount:alignment:)", module: "Swift", symbol: "$sSv8allocate")),
            inlined(frame("Blocks.allocateOne(bytes:)", module: "App", symbol: "$s3App6BlocksO11allocateOneyySiFZ"), at: 43), flush,
        ] + harness
        #expect(SiteFolding.roles(stack).prefix(3) == [.allocator, .allocator, .allocator])
        let folded = try #require(SiteFolding.fold(stack))
        #expect(folded.frames == ["Blocks.allocateOne(bytes:)", "Blocks.flush()"])
        #expect(folded.lines == [line(43), line(38)])
        #expect(folded.via == "UnsafeMutableRawPointer.allocate(byteCount:alignment:)")
        // Without the container rule the interposer's inlined C helper would be the site.
        #expect(SiteFolding.role(frame("count_allocation")) == .user)
    }

    @Test func pathsUnderTheRunFolderAreRelative() {
        #expect(SiteProfile.path("/p/Sources/App/Blocks.swift", relativeTo: "/p") == "Sources/App/Blocks.swift")
        #expect(SiteProfile.path("/p/Sources/App/Blocks.swift", relativeTo: "/p/") == "Sources/App/Blocks.swift")
        #expect(SiteProfile.path("/other/Blocks.swift", relativeTo: "/p") == "/other/Blocks.swift")
        #expect(SiteProfile.path("/pp/Blocks.swift", relativeTo: "/p") == "/pp/Blocks.swift")
        #expect(SiteProfile.path("/p/a.swift", relativeTo: nil) == "/p/a.swift")
    }
}
