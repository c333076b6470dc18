#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C++ symbol names (the Swift runtime's own functions, `_ZN5swift...`), demangled through
/// the C++ runtime's `__cxa_demangle`, looked up at run time in the loaded libstdc++ (the
/// Swift runtime links it), so that nothing here links against it.
package enum CxxSymbolName {
    private typealias Demangle = @convention(c) (
        UnsafePointer<CChar>?, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<Int32>?
    ) -> UnsafeMutablePointer<CChar>?

    private static let demangler: Demangle? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__cxa_demangle") else { return nil }
        return unsafeBitCast(symbol, to: Demangle.self)
    }()

    /// Whether `name` is an Itanium-mangled C++ symbol (`_Z...`).
    package static func isMangled(_ name: String) -> Bool { name.hasPrefix("_Z") }

    /// The demangled form of a C++ symbol without its parameter list
    /// (`swift::metadataimpl::...::initializeWithCopy`), or `name` itself when it is not one,
    /// does not demangle, or no C++ runtime is loaded.
    package static func demangled(_ name: String) -> String {
        guard isMangled(name), let demangler else { return name }
        var status: Int32 = 0
        guard let result = demangler(name, nil, nil, &status) else { return name }
        defer { free(result) }
        guard status == 0 else { return name }
        let full = String(cString: result)
        // Drop the parameters: `(anonymous namespace)::f(swift::HeapObject*)` -> `...::f`.
        guard full.hasSuffix(")"), let open = Self.parameterListStart(full) else { return full }
        return String(full[..<open])
    }

    /// Where the outermost trailing parameter list starts, if the name ends with one.
    private static func parameterListStart(_ name: String) -> String.Index? {
        var depth = 0
        for index in name.indices.reversed() {
            switch name[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
