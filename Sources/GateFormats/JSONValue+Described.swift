import BenchResults

extension JSONValue {
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
}
