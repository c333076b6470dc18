#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

/// A file, line and column of the debug information (the file as the compiler recorded it).
package struct SourceLine: Sendable, Equatable, Hashable {
    /// The file as the compiler recorded it, usually absolute. Never empty.
    package var file: String
    /// The line, 1 or more.
    package var line: Int
    /// The column, 1 or more; `nil` where the line table has none.
    package var column: Int?

    /// Creates a location.
    package init(file: String, line: Int, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A return address turned into a function: its name and where it lives.
package struct SymbolizedFrame: Sendable, Equatable {
    /// The function's name: for Swift, demangled and shortened (`SwiftSymbolName.short`:
    /// `Sites.f()`, `Array.init(repeating:count:)`); the raw symbol for C; `libfoo.so+0x1a2b`
    /// when no symbol covers the address.
    package var name: String
    /// The Swift module of the function (`SwiftSymbolName.module(ofMangled:)`), if Swift.
    package var module: String?
    /// Whether the function is in the main executable (else a shared library or unknown).
    package var inMainExecutable: Bool
    /// The raw symbol name (mangled for Swift), empty when unknown.
    package var symbol: String
    /// Whether the function is a compiler thunk that only forwards (`SwiftSymbolName.isThunk`).
    package var isThunk: Bool
    /// Where in the source the address is (for an inlined function, the line inside it; for
    /// the function it was inlined into, the line of the call), when the debug information says.
    package var line: SourceLine?
    /// Whether the optimizer inlined this function into the frame after it (which has the
    /// same address and is not inlined).
    package var inlined = false

    /// Creates a frame.
    package init(
        name: String, module: String?, inMainExecutable: Bool, symbol: String, isThunk: Bool = false, line: SourceLine? = nil
    ) {
        self.name = name
        self.module = module
        self.inMainExecutable = inMainExecutable
        self.symbol = symbol
        self.isThunk = isThunk
        self.line = line
    }
}

/// Turns return addresses of this process into function names, after recording (it
/// allocates): the main executable's full symbol table (read from `/proc/self/exe`, so the
/// local symbols Swift gives most functions are found), `dladdr` for shared libraries and,
/// where it names nothing (a library's local function), that library's own full symbol table
/// when it has one (the toolchain's libraries do); and the Swift runtime's demangler. Results
/// are cached per address.
///
/// A return address points after its call, possibly into the next function: lookups use
/// `address - 1`, which is inside the call instruction.
package final class Symbolizer {
    private let mainTable: ELFSymbolTable?
    private let mainBias: UInt64
    private let mainRange: Range<UInt64>
    private var cache: [UInt: SymbolizedFrame] = [:]
    private var expanded: [UInt: [SymbolizedFrame]] = [:]
    private let readChains: ([UInt], UInt64) -> [UInt: [InlineChains.Entry]]

    /// Where the main executable is loaded, located from `anchor`, any address inside it (0
    /// when no loaded object contains `anchor`). An address minus this is the same in every
    /// process of the executable.
    package static func mainBase(anchor: UnsafeRawPointer) -> UInt64 {
        var info = memgate_symbol_info()
        return memgate_symbol_lookup(anchor, &info) != 0 ? UInt64(UInt(bitPattern: info.file_base)) : 0
    }

    /// Reads the main executable's symbols. `anchor` is any address inside the main
    /// executable (a function of this program), which locates its mapping. `chains` reads the
    /// source lines of the main executable's return addresses, given with the main executable's
    /// load address (`InlineChains.chains` unless another process answers for this one).
    package init(
        anchor: UnsafeRawPointer,
        chains: @escaping (_ addresses: [UInt], _ mainBase: UInt64) -> [UInt: [InlineChains.Entry]] = { addresses, _ in
            InlineChains.chains(returnAddresses: addresses)
        }
    ) {
        readChains = chains
        var info = memgate_symbol_info()
        let found = memgate_symbol_lookup(anchor, &info) != 0
        let base = found ? UInt64(UInt(bitPattern: info.file_base)) : 0
        #if os(Linux)
        let mainFile = MappedFile(path: "/proc/self/exe")
        #else
        let mainFile = found ? info.file.flatMap { MappedFile(path: String(cString: $0)) } : nil
        #endif
        // The table copies what it keeps; the mapping goes when this initializer returns.
        let table = mainFile.flatMap { ELFSymbolTable(bytes: $0.bytes) }
        let bias = base &- (table?.firstLoadAddress ?? 0)
        let end = table?.functions.last.map { $0.start &+ $0.size &+ bias } ?? base
        mainTable = table
        mainBias = bias
        mainRange = base..<max(base, end)
    }

    /// Symbolizes `addresses` (return addresses) into the cache at once, each looked up once:
    /// the main executable's table, else `dladdr`, else, for a shared library's local function,
    /// one pass over that library's symbol table per call, keeping only the functions the
    /// addresses fall in (cheap for a large library).
    package func prefetch(_ addresses: [UInt]) {
        var pending: [String: (base: UInt64, addresses: [UInt])] = [:]
        for address in Set(addresses) where cache[address] == nil {
            let lookup = UInt64(address) &- 1
            if mainRange.contains(lookup), let function = mainTable?.function(containing: lookup &- mainBias) {
                cache[address] = Self.frame(symbol: function.name, inMainExecutable: true)
                continue
            }
            var info = memgate_symbol_info()
            guard memgate_symbol_lookup(UnsafeRawPointer(bitPattern: UInt(lookup)), &info) != 0 else {
                cache[address] = Self.unknown(lookup, in: nil, base: 0)
                continue
            }
            if let symbol = info.symbol {
                cache[address] = Self.frame(symbol: String(cString: symbol), inMainExecutable: mainRange.contains(lookup))
            } else if let file = info.file.map({ String(cString: $0) }) {
                pending[file, default: (UInt64(UInt(bitPattern: info.file_base)), [])].addresses.append(address)
            } else {
                cache[address] = Self.unknown(lookup, in: nil, base: 0)
            }
        }
        for (file, group) in pending { nameLocalFunctions(group.addresses, in: file, base: group.base) }
    }

    /// Caches a frame for each of `addresses` (in the library at `path`, mapped at `base`):
    /// named from the library's own full symbol table when it has one, else `lib.so+0xOFF`.
    private func nameLocalFunctions(_ addresses: [UInt], in path: String, base: UInt64) {
        let mapped = MappedFile(path: path)
        let first = mapped.map { ELFSymbolTable.firstLoadAddress(of: $0.bytes) } ?? 0
        let relative = { (address: UInt) in (UInt64(address) &- 1) &- base &+ first }
        let table = mapped.flatMap { ELFSymbolTable(bytes: $0.bytes, fullTableOnly: true, containing: addresses.map(relative).sorted()) }
        for address in addresses {
            if let function = table?.function(containing: relative(address)) {
                cache[address] = Self.frame(symbol: function.name, inMainExecutable: false)
            } else {
                cache[address] = Self.unknown(UInt64(address) &- 1, in: path, base: base)
            }
        }
    }

    /// The frames at each of `addresses` with their source lines and the functions inlined
    /// there (`frames(returnAddress:)`), read once for all: the main executable's addresses
    /// through `InlineChains`, the others without lines.
    package func prefetchLines(_ addresses: [UInt]) {
        let missing = Array(Set(addresses).filter { expanded[$0] == nil })
        prefetch(missing)
        let main = missing.filter { mainRange.contains(UInt64($0) &- 1) }
        let chains = readChains(main, mainRange.lowerBound)
        for address in missing { expanded[address] = Self.expand(cache[address]!, chain: chains[address] ?? []) }
    }

    /// The frames at return address `address`, innermost first: the functions inlined there,
    /// each at its line, then the function containing the address (named as `frame(returnAddress:)`
    /// names it) at the line of the call. One frame, without a line, where the debug information
    /// says nothing.
    package func frames(returnAddress address: UInt) -> [SymbolizedFrame] {
        if let known = expanded[address] { return known }
        prefetchLines([address])
        return expanded[address]!
    }

    /// `frame` with `chain`'s line, after the inlined functions of `chain` (named from their symbols).
    static func expand(_ frame: SymbolizedFrame, chain: [InlineChains.Entry]) -> [SymbolizedFrame] {
        guard let outer = chain.last, !outer.inlined else { return [frame] }
        var frames = chain.dropLast().map { entry in
            var inlined = Self.frame(symbol: entry.symbol, inMainExecutable: frame.inMainExecutable)
            if entry.symbol.isEmpty { inlined.name = "inlined function" }
            inlined.line = Self.line(entry)
            inlined.inlined = true
            return inlined
        }
        var physical = frame
        physical.line = Self.line(outer)
        frames.append(physical)
        return frames
    }

    private static func line(_ entry: InlineChains.Entry) -> SourceLine? {
        guard !entry.file.isEmpty, entry.line > 0 else { return nil }
        return SourceLine(file: entry.file, line: entry.line, column: entry.column > 0 ? entry.column : nil)
    }

    /// The frame for return address `address` (`prefetch` of one address when not cached).
    package func frame(returnAddress address: UInt) -> SymbolizedFrame {
        if let known = cache[address] { return known }
        prefetch([address])
        return cache[address]!
    }

    private static func frame(symbol: String, inMainExecutable: Bool) -> SymbolizedFrame {
        guard SwiftSymbolName.isMangled(symbol) else {
            return SymbolizedFrame(name: CxxSymbolName.demangled(symbol), module: nil, inMainExecutable: inMainExecutable, symbol: symbol)
        }
        let module = SwiftSymbolName.module(ofMangled: symbol)
        let demangled = SwiftSymbolName.demangled(symbol)
        return SymbolizedFrame(
            name: SwiftSymbolName.short(demangled, module: module), module: module, inMainExecutable: inMainExecutable,
            symbol: symbol, isThunk: SwiftSymbolName.isThunk(demangled: demangled))
    }

    /// A frame no symbol names: `libfoo.so+0x1234` (the offset in the file's mapping, the same
    /// in every run of the same library), or the bare address when no object contains it.
    private static func unknown(_ address: UInt64, in file: String?, base: UInt64) -> SymbolizedFrame {
        let name: String
        if let file {
            name = (file.split(separator: "/").last.map(String.init) ?? file) + "+0x" + String(address &- base, radix: 16)
        } else {
            name = "0x" + String(address, radix: 16)
        }
        return SymbolizedFrame(name: name, module: nil, inMainExecutable: false, symbol: "")
    }
}
