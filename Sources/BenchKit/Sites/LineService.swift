import AddressSymbols
import BenchResults

/// Source lines for the children's site profiles, read once per run of the executable.
///
/// The line information's first query in a process builds the tables of the main executable's
/// debug information (`InlineChains`: about 60 ms for the examples, 0.5 s for SwiftNIO's),
/// which every child paid again. The parent, which runs the same executable, answers instead:
/// a child sends the main executable's return addresses as offsets from its load address (the
/// same in every process of the executable, whatever the address-space randomization), the
/// parent adds its own load address, reads the chains and sends them back in request order.
/// The answer is what the child would have read itself: the same file, the same debug
/// information, the same reader. A child that cannot reach the parent reads its lines itself.
///
/// The parent serves between children only: a child asks after its passes, while the parent
/// waits for it, so serving never overlaps a measurement. The wire format (JSON, compact):
///
///     request  [offset, ...]
///     reply    [[chain entry, ...], ...]     one chain per offset, [] for none
///     entry    {"c": column, "f": "file", "i": inlined, "l": line, "s": "symbol"}
enum LineService {
    /// The abstract Unix socket name of the service of the parent process `parent`: known to
    /// its children without a new argument or environment variable (the child's plan carries
    /// the parent's process ID), so nothing in a measured process's layout changes.
    static func socketName(parent: Int32) -> String { "memgate-benchkit-lines-\(parent)" }

    /// The request for `offsets`.
    static func request(_ offsets: [UInt64]) -> [UInt8] {
        Array(JSONValue.array(offsets.map { .number(Double($0)) }).written(.compact).utf8)
    }

    /// The offsets of a request; nil when it is not one (each offset a whole number below 2^53).
    static func offsets(ofRequest bytes: [UInt8]) -> [UInt64]? {
        guard let elements = (try? StrictJSON.parse(bytes))?.arrayValue else { return nil }
        var offsets: [UInt64] = []
        offsets.reserveCapacity(elements.count)
        for element in elements {
            guard let value = element.numberValue, value >= 0, value < 9_007_199_254_740_992, value == value.rounded() else {
                return nil
            }
            offsets.append(UInt64(value))
        }
        return offsets
    }

    /// The reply to a request for `offsets`, from `chains` (keyed by offset).
    static func reply(offsets: [UInt64], chains: [UInt64: [InlineChains.Entry]]) -> [UInt8] {
        let all = offsets.map { offset in
            JSONValue.array((chains[offset] ?? []).map { entry in
                .object([
                    ("c", JSONValue(entry.column)), ("f", JSONValue(entry.file)), ("i", .bool(entry.inlined)),
                    ("l", JSONValue(entry.line)), ("s", JSONValue(entry.symbol)),
                ])
            })
        }
        return Array(JSONValue.array(all).written(.compact).utf8)
    }

    /// The chains of a reply to a request for `offsets`, keyed by offset, without the empty
    /// ones; nil when the reply is not one for that request.
    static func chains(ofReply bytes: [UInt8], offsets: [UInt64]) -> [UInt64: [InlineChains.Entry]]? {
        guard let all = (try? StrictJSON.parse(bytes))?.arrayValue, all.count == offsets.count else { return nil }
        var chains: [UInt64: [InlineChains.Entry]] = [:]
        for (offset, chain) in zip(offsets, all) {
            guard let entries = chain.arrayValue else { return nil }
            var decoded: [InlineChains.Entry] = []
            for entry in entries {
                guard let symbol = entry["s"]?.stringValue, let file = entry["f"]?.stringValue,
                      let line = entry["l"]?.numberValue.flatMap(Int.init(exactly:)),
                      let column = entry["c"]?.numberValue.flatMap(Int.init(exactly:)),
                      case .bool(let inlined)? = entry["i"]
                else { return nil }
                decoded.append(InlineChains.Entry(symbol: symbol, file: file, line: line, column: column, inlined: inlined))
            }
            if !decoded.isEmpty { chains[offset] = decoded }
        }
        return chains
    }
}
