extension KeyedDecodingContainer {
    /// The `schema` of a memgate document (a results file, a history line), after checking
    /// that its `format` is `name`.
    ///
    /// - Parameters:
    ///   - document: what the document is, for the error (`"results file"`).
    ///   - unsupported: the error text for a schema outside `readable`.
    /// - Throws: `DecodingError.dataCorrupted` at `formatKey` ("not a memgate DOCUMENT
    ///   (expected "format": "NAME")") or at `schemaKey` (`unsupported(schema)`).
    package func memgateSchema(
        format formatKey: Key, schema schemaKey: Key, name: String, document: String, readable: ClosedRange<Int>,
        unsupported: (Int) -> String
    ) throws -> Int {
        guard try decodeIfPresent(String.self, forKey: formatKey) == name else {
            throw DecodingError.dataCorruptedError(
                forKey: formatKey, in: self, debugDescription: "not a memgate \(document) (expected \"format\": \"\(name)\")")
        }
        let schema = try decode(Int.self, forKey: schemaKey)
        guard readable.contains(schema) else {
            throw DecodingError.dataCorruptedError(forKey: schemaKey, in: self, debugDescription: unsupported(schema))
        }
        return schema
    }
}
