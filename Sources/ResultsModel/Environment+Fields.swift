extension Environment {
    /// One field of `Environment`, described once for everything that lists the fields:
    /// the fingerprint (`machineFingerprint`), `memgate show`, the Go benchfmt reader and
    /// writer, and the fast JSON reader.
    package struct Field: Sendable {
        /// Where the value lives, and so how it reads and writes as text.
        package enum Value: Sendable {
            case text(WritableKeyPath<Environment, String?> & Sendable)
            case integer(WritableKeyPath<Environment, Int?> & Sendable)
            case boolean(WritableKeyPath<Environment, Bool?> & Sendable)
        }

        /// The JSON key, which `memgate show` prints too (`"cpuModel"`).
        package let key: String
        /// The Go benchfmt configuration key (`goos`, or `swift` for a key Go lacks).
        package let benchfmtKey: String
        /// The field's place in the machine fingerprint (see `machineFingerprint`), nil
        /// when it is not part of it.
        package let fingerprintRank: Int?
        /// Its storage.
        package let value: Value

        /// The value as text (`"8"`, `"true"`), nil when unknown.
        package func text(in environment: Environment) -> String? {
            switch value {
            case .text(let path): environment[keyPath: path]
            case .integer(let path): environment[keyPath: path].map(String.init)
            case .boolean(let path): environment[keyPath: path].map { $0 ? "true" : "false" }
            }
        }

        /// Sets the value from text; false (and nothing set) when the text is not one.
        @discardableResult
        package func set(_ text: String, in environment: inout Environment) -> Bool {
            switch value {
            case .text(let path): environment[keyPath: path] = text
            case .integer(let path):
                guard let number = Int(text) else { return false }
                environment[keyPath: path] = number
            case .boolean(let path):
                guard let flag = ["true": true, "false": false][text] else { return false }
                environment[keyPath: path] = flag
            }
            return true
        }
    }

    /// Every field but `extra`, in the order `memgate show` prints them.
    package static let fields: [Field] = [
        Field(key: "os", benchfmtKey: "goos", fingerprintRank: 0, value: .text(\.os)),
        Field(key: "kernel", benchfmtKey: "kernel", fingerprintRank: nil, value: .text(\.kernel)),
        Field(key: "arch", benchfmtKey: "goarch", fingerprintRank: 1, value: .text(\.arch)),
        Field(key: "cpuModel", benchfmtKey: "cpu", fingerprintRank: 2, value: .text(\.cpuModel)),
        Field(key: "cores", benchfmtKey: "cores", fingerprintRank: 3, value: .integer(\.cores)),
        Field(key: "swiftVersion", benchfmtKey: "swift", fingerprintRank: 5, value: .text(\.swiftVersion)),
        Field(key: "buildConfiguration", benchfmtKey: "build", fingerprintRank: 4, value: .text(\.buildConfiguration)),
        Field(key: "gitCommit", benchfmtKey: "commit", fingerprintRank: nil, value: .text(\.gitCommit)),
        Field(key: "gitDirty", benchfmtKey: "dirty", fingerprintRank: nil, value: .boolean(\.gitDirty)),
        Field(key: "allocator", benchfmtKey: "allocator", fingerprintRank: nil, value: .text(\.allocator)),
        Field(key: "benchKitVersion", benchfmtKey: "benchkit", fingerprintRank: nil, value: .text(\.benchKitVersion)),
        Field(key: "date", benchfmtKey: "date", fingerprintRank: nil, value: .text(\.date)),
    ]

    /// The field whose JSON key is `key`.
    package static func field(forKey key: String) -> Field? { fields.first { $0.key == key } }
}
