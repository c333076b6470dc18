/// A JSON document as a tree: what `StrictJSON.parse` reads and `JSONValue.written(_:)`
/// writes. The one in-memory form of memgate's own small documents (the config, the
/// verdict, the history table); results files keep their own codec for speed.
///
///     let config = try StrictJSON.parse(Array(#"{"rounds": 12, "noisy": "report"}"#.utf8))
///     config["rounds"]?.numberValue     // 12.0
///     config.written(.compact)          // {"noisy":"report","rounds":12}
///
/// Objects keep their keys in the order given (a parsed object: the file's order; keys are
/// unique when parsed, and the setter replaces a key in place); the writer sorts them only
/// when its style says so. Numbers are Doubles: every number `StrictJSON` accepts fits one.
package enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number; finite (the parser refuses others, the writer writes others as `null`).
    case number(Double)
    /// A string, unescaped.
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object: its members in order, keys unique when parsed.
    case object([(key: String, value: JSONValue)])

    /// A number, or `null` when `value` is nil or not finite (JSON has no NaN or infinity).
    package init(_ value: Double?) {
        guard let value, value.isFinite else {
            self = .null
            return
        }
        self = .number(value)
    }

    /// An integer as a number (exact below 2^53, as every count memgate writes is).
    package init(_ value: Int) { self = .number(Double(value)) }

    /// A string.
    package init(_ text: String) { self = .string(text) }

    /// The text of a string, nil for anything else.
    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The value of a number, nil for anything else (booleans included).
    package var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The elements of an array, nil for anything else.
    package var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object in their order, nil for anything else.
    package var members: [(key: String, value: JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The member `key` of an object: nil when absent or when this is not an object. Setting
    /// replaces the member in place or appends it (and turns a non-object into an object);
    /// setting nil removes it.
    package subscript(key: String) -> JSONValue? {
        get { members?.first { $0.key == key }?.value }
        set {
            var all = members ?? []
            let index = all.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): all[index].value = value
            case let (nil, value?): all.append((key, value))
            case let (index?, nil): all.remove(at: index)
            case (nil, nil): break
            }
            self = .object(all)
        }
    }

    /// How a value is named in a message: `null`, `true`, `3`, `"text"`, `an array`, `an object`.
    package var described: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let value): JSONWriter.number(value)
        case .string(let text): "\"\(text)\""
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Equal when of the same kind with equal contents; objects only with the same keys in
    /// the same order.
    package static func == (left: JSONValue, right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}
