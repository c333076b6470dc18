@testable import BenchKit
import Symbolization
import Testing

/// Folding a symbolized stack to the frames a reader needs, on synthetic stacks.
@Suite struct SiteFoldingTests {
    private func frame(_ name: String, module: String? = nil, main: Bool = true, symbol: String? = nil, thunk: Bool = false) -> SymbolizedFrame {
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
                      "_ZNSt6vectorIiE9push_backEv"])
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

    @Test func rolesFollowTheObjectAndTheModule() {
        #expect(SiteFolding.role(frame("memgate_record_site")) == .allocator)
        #expect(SiteFolding.role(frame("Bench.loop", module: "BenchKit", symbol: "$s8BenchKit...")) == .harness)
        #expect(SiteFolding.role(frame("Array.append(_:)", module: "Swift", symbol: "$sSa...")) == .library)
        #expect(SiteFolding.role(frame("helper_in_c")) == .user)
        #expect(SiteFolding.role(frame("reabstraction thunk", symbol: "$sIeg_ytIegr_TR")) == .library)
        #expect(SiteFolding.role(frame("x", main: false)) == .library)
    }
}
