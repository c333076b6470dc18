#if canImport(Glibc)
import Glibc
#endif

/// A writable page at the address that the last six bytes of a 14-byte header value spell,
/// and that value. A small string keeps bytes 8-13 in the word the runtime retains; with Swift
/// 6.3's hook adapter that word arrives as an address. Natural header values spell an address
/// inside the process only by chance (the heap is placed at random), so this page makes the
/// chance certain: a reference-counting pass that forwards such a payload to the runtime writes
/// a reference count into this page, which the program itself never writes. The benchmarks
/// that send `value` check that the page is still all zeros after their loop.
final class SpelledPage {
    /// "p0abcd" read as a little-endian address: 0x6463_6261_3070, 16-byte aligned.
    static let value = "session-p0abcd"
    static let address = 0x6463_6261_3070
    static let size = 4096

    let base: UnsafeMutableRawPointer

    /// Maps the page (anonymous, zeroed, never replacing a mapping); throws if the address is taken.
    init() throws {
        let wanted = UnsafeMutableRawPointer(bitPattern: Self.address & ~(Self.size - 1))
        let fixedNoReplace: Int32 = 0x100000  // MAP_FIXED_NOREPLACE (Linux 4.17)
        let mapped = mmap(wanted, Self.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | fixedNoReplace, -1, 0)
        guard let mapped, mapped != MAP_FAILED, mapped == wanted else {
            throw Mismatch(what: "address: 0x\(String(Self.address, radix: 16)) could not be mapped (errno \(errno))")
        }
        base = mapped
    }

    deinit { munmap(base, Self.size) }

    /// The offsets of the bytes that are no longer zero.
    var writtenOffsets: [Int] {
        (0..<Self.size).filter { base.load(fromByteOffset: $0, as: UInt8.self) != 0 }
    }

    /// Throws unless the page is still all zeros.
    func check() throws {
        let written = writtenOffsets
        guard written.isEmpty else {
            throw Mismatch(what: "write into the page that header value \"\(Self.value)\" spells: \(written.count) bytes changed "
                + "at offsets \(written.prefix(8)) of 0x\(String(Self.address & ~(Self.size - 1), radix: 16))")
        }
    }
}
