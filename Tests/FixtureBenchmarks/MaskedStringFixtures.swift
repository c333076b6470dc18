#if canImport(Glibc)
import Glibc
#endif
import BenchKit

/// Small strings whose bits look like object addresses, for the reference-counting pass's
/// "measure without disturbing" test (`ARCInvisibilityTests`).
///
/// A small string's second word holds its last seven bytes and, in the top byte, the
/// discriminator (0xEF for 15 ASCII bytes): negative as a signed integer, so the runtime's
/// retain and release skip it. Swift 6.3.1's hook adapter on Linux masks that word with
/// `0x00FF_FFFF_FFFF_FFF8` before calling a retain hook, which turns the payload into an
/// address. These strings are built so that the masked word is exactly the address of a live
/// object, and of a spot in memory mapped just for this benchmark: a hook that forwarded the
/// masked word would raise that object's reference count and write into that memory.
enum MaskedStrings {
    /// A 15-byte small string whose second word, masked as the 6.3 adapter masks it, is `address`.
    static func string(maskingTo address: UInt) -> String {
        let template = identity("abcdefghijklmno")
        var words = unsafeBitCast(template, to: (UInt64, UInt64).self)
        precondition(words.1 >> 63 == 1, "a 15-byte ASCII literal is a small string on 64-bit Linux")
        words.1 = (words.1 & 0xFF00_0000_0000_0000) | UInt64(address)
        return unsafeBitCast(words, to: String.self)
    }

    /// The 16 bytes at `address` (an object's header: metadata and reference counts).
    static func header(at address: UInt) -> [UInt64] {
        let pointer = UnsafePointer<UInt64>(bitPattern: address)!
        return [pointer[0], pointer[1]]
    }
}

extension FixtureBenchmarks {
    /// `arc/masked-strings`: per op, one real retain and release (a `Node` stored into a slot)
    /// and two stores of small strings whose masked bits are a live object's address and an
    /// address in a fresh anonymous mapping. Reports `disturbed` (exact): the number of
    /// 8-byte words of that object's header and that mapping that changed between the setup
    /// and the end of every pass; 0 when measuring left the program alone.
    static func registerMaskedStrings(_ suite: Suite) {
        suite.benchmark("arc/masked-strings") { b in
            let node = Node(), target = Node()
            let targetAddress = UInt(bitPattern: Unmanaged.passUnretained(target).toOpaque())
            let page = mmap(nil, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)!
            let words = page.bindMemory(to: UInt64.self, capacity: 512)
            for index in 0..<512 { words[index] = 0x5A5A_5A5A_0000_0000 | UInt64(index) }
            let pageTarget = UInt(bitPattern: page) + 256
            let strings = [MaskedStrings.string(maskingTo: targetAddress), MaskedStrings.string(maskingTo: pageTarget)]
            let headerBefore = MaskedStrings.header(at: targetAddress)
            var nodes = [node]
            var slots = [String](repeating: "", count: 2)
            for _ in b.loop {
                nodes[0] = node
                slots[0] = strings[0]
                slots[1] = strings[1]
            }
            blackHole((nodes, slots))
            var disturbed = zip(headerBefore, MaskedStrings.header(at: targetAddress)).filter { $0 != $1 }.count
            disturbed += (0..<512).filter { words[$0] != 0x5A5A_5A5A_0000_0000 | UInt64($0) }.count
            munmap(page, 4096)
            withExtendedLifetime(target) {}
            b.report(Double(disturbed), unit: "words", name: "disturbed", exact: true)
        }
    }
}
