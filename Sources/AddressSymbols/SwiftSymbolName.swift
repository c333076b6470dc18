/// Swift symbol names: demangling through the runtime's own demangler, the module a mangled
/// name belongs to, and a short display form.
package enum SwiftSymbolName {
    /// Whether `name` is a mangled Swift symbol (`$s...`, and the older `$S`, `_T0`).
    package static func isMangled(_ name: String) -> Bool {
        name.hasPrefix("$s") || name.hasPrefix("$S") || name.hasPrefix("_T0") || name.hasPrefix("_$s")
    }

    /// The demangled form of a mangled Swift name (`FixtureBenchmarks.f() -> ()`), through
    /// libswiftCore's `swift_demangle`; `name` itself when it is not a Swift symbol or does
    /// not demangle.
    package static func demangled(_ name: String) -> String {
        guard isMangled(name) else { return name }
        var utf8 = Array(name.utf8)
        let count = utf8.count
        return utf8.withUnsafeMutableBufferPointer { buffer in
            guard let result = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: count, {
                swift_demangle($0, count, nil, nil, 0)
            }) else { return name }
            defer { free(result) }
            return String(cString: result)
        }
    }

    /// Whether a demangled name is one of the compiler's forwarding thunks (a protocol
    /// witness, a dispatch thunk, a reabstraction thunk, a partial-apply forwarder): code
    /// that only passes a call on, which a reader of a call chain does not need.
    package static func isThunk(demangled name: String) -> Bool {
        ["protocol witness for ", "dispatch thunk of ", "reabstraction thunk", "partial apply forwarder for ", "thunk for "]
            .contains { name.hasPrefix($0) }
    }

    /// The module of a mangled Swift name: the first identifier after the prefix
    /// (`$s17FixtureBenchmarks...` is `FixtureBenchmarks`), `Swift` for the standard library's
    /// substitutions (`$ss`, `$sSa`...; also `$sSc...`, the concurrency types, which live in
    /// `_Concurrency` but demangle as `Swift.Task` and so on), `__C` for imported
    /// C declarations (`$sSo`); `nil` for what starts otherwise (thunks, non-Swift names).
    package static func module(ofMangled name: String) -> String? {
        var rest = Substring(name)
        for prefix in ["_$s", "$s", "$S", "_T0"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        guard rest.count < name.count, let first = rest.first else { return nil }
        if first == "s" { return "Swift" }
        if first == "S" {
            let next = rest.dropFirst().first
            if next == "o" { return "__C" }
            return next.map { $0.isLetter } == true ? "Swift" : nil
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let length = Int(digits), length > 0 else { return nil }
        let identifier = rest.dropFirst(digits.count).prefix(length)
        return identifier.count == length ? String(identifier) : nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libswiftCore's demangler: returns a malloc'd C string (free it) or NULL.
@_silgen_name("swift_demangle")
private func swift_demangle(
    _ mangledName: UnsafePointer<CChar>, _ mangledNameLength: Int, _ outputBuffer: UnsafeMutablePointer<CChar>?,
    _ outputBufferSize: UnsafeMutablePointer<Int>?, _ flags: UInt32
) -> UnsafeMutablePointer<CChar>?
