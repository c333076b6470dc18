#if canImport(Glibc)
import Glibc
#endif
import AddressSymbols
@testable import BenchKit
import CSystemShims
import Testing

/// The return address into this function from a call it makes: an address of this test
/// binary (the main executable) with a line.
@inline(never)
private func returnAddressInLineServiceTests() -> UInt {
    UInt(bitPattern: memgate_caller_address())
}

/// `LineService`: the parent answers its children's requests for source lines, and a child
/// that gets no answer reads them itself; either way the chains are the same.
@Suite struct LineServiceTests {
    @Test func requestsAndRepliesRoundTrip() {
        let offsets: [UInt64] = [0, 0x1234, 9_007_199_254_740_991]
        #expect(LineService.offsets(ofRequest: LineService.request(offsets)) == offsets)
        let chains: [UInt64: [InlineChains.Entry]] = [
            0x1234: [
                InlineChains.Entry(symbol: "$s1A1fyyF", file: "/p/a \"b\"\n.swift", line: 3, column: 7, inlined: true),
                InlineChains.Entry(symbol: "", file: "", line: 0, column: 0, inlined: false),
            ],
        ]
        let reply = LineService.reply(offsets: offsets, chains: chains)
        #expect(LineService.chains(ofReply: reply, offsets: offsets) == chains)
    }

    @Test func aMalformedRequestOrReplyIsRefused() {
        for request in ["", "{}", "[-1]", "[1.5]", "[\"1\"]", "[9007199254740992]", "[1,]"] {
            #expect(LineService.offsets(ofRequest: Array(request.utf8)) == nil, "\(request)")
        }
        let offsets: [UInt64] = [1, 2]
        let entry = #"{"c":0,"f":"","i":false,"l":0,"s":""}"#
        #expect(LineService.chains(ofReply: Array("[[\(entry)],[]]".utf8), offsets: offsets) != nil)
        for reply in ["[[]]", "[[],[],[]]", #"[[{"s":""}],[]]"#, "{}", "[[],3]", "[[\(entry.replacingOccurrences(of: "false", with: "0"))],[]]"] {
            #expect(LineService.chains(ofReply: Array(reply.utf8), offsets: offsets) == nil, "\(reply)")
        }
    }

    #if os(Linux)
    /// A server in this process answers a client with what this process's own reader reads,
    /// through the socket, for an offset of this test binary; stopped, it answers nothing.
    /// (The service's name is made from a number no process has, so no other test's run of
    /// the suite in this process shares it.)
    @Test func theServerAnswersWhatTheReaderReadsHere() throws {
        let address = returnAddressInLineServiceTests()
        let base = Symbolizer.mainBase(anchor: try #require(UnsafeRawPointer(bitPattern: address)))
        let local = InlineChains.chains(returnAddresses: [address])
        #expect(local[address]?.last?.line ?? 0 > 0, "this test binary has line information: \(local)")
        let id = -getpid()
        let server = try #require(LineServer(parent: id, base: base))
        let offset = UInt64(address) - base
        let answered = LineClient.chains(offsets: [offset], parent: id)
        #expect(answered?[offset] == local[address])
        server.stop()
        #expect(LineClient.chains(offsets: [offset], parent: id) == nil, "a stopped server answers nothing")
    }

    /// Without a server, a child's symbolizer reads its lines itself: the same frames.
    @Test func withoutAServerTheChildReadsItsOwnLines() throws {
        let address = returnAddressInLineServiceTests()
        #expect(LineClient.chains(offsets: [1], parent: -getpid() - 1) == nil)
        let own = SiteProfile.makeSymbolizer().frames(returnAddress: address)
        #expect(own.last?.line != nil, "\(own)")
        #expect(SiteProfile.makeSymbolizer(linesFrom: -getpid() - 1).frames(returnAddress: address) == own)
    }
    #endif
}
