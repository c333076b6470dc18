import Foundation

extension ResultsFile {
    /// The deepest JSON nesting accepted before decoding (a results file needs 6 levels).
    /// Foundation's JSON parser on Linux already rejects more than 512 levels; this guard
    /// makes the limit explicit and independent of the platform's parser.
    package static let maximumNesting = 64

    /// Decodes and validates `bytes` with `JSONDecoder` alone: the reference the fast parser
    /// is tested against, and the source of precise errors.
    package static func decodeWithCodable(_ bytes: [UInt8], path: String) throws(ResultsError) -> ResultsFile {
        let file: ResultsFile
        do {
            file = try JSONDecoder().decode(ResultsFile.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ResultsError.malformed(path: path, place: error.place, problem: error.problem)
        } catch {
            throw ResultsError.malformed(path: path, place: "", problem: "\(error)")
        }
        do { try file.validate() } catch { throw error.at(path: path) }
        return file
    }
}

extension DecodingError {
    /// The coding path as `benchmarks[2].metrics.time`, empty at the top level.
    package var place: String {
        let path: [CodingKey]
        switch self {
        case let .typeMismatch(_, context), let .valueNotFound(_, context),
             let .keyNotFound(_, context), let .dataCorrupted(context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
        return text
    }

    /// What is wrong, in words, without Foundation's internal details.
    package var problem: String {
        switch self {
        case let .typeMismatch(type, _): return "expected \(Self.describe(type))"
        case let .valueNotFound(type, _): return "expected \(Self.describe(type)), found null"
        case let .keyNotFound(key, _): return "missing required field \"\(key.stringValue)\""
        case let .dataCorrupted(context):
            if let underlying = context.underlyingError {
                return "not valid JSON (\(Self.describe(underlying)))"
            }
            return context.debugDescription
        @unknown default:
            return "\(self)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
    }
}
