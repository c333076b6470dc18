#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FastJSONParser {
    /// A JSON number (RFC 8259 grammar), as a finite Double.
    mutating func number() -> Double? {
        skipWhitespace()
        let start = position
        func digits() -> Int {
            let first = position
            while position < end, buffer[position] >= UInt8(ascii: "0"), buffer[position] <= UInt8(ascii: "9") { position += 1 }
            return position - first
        }
        if position < end, buffer[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || buffer[integerStart] != UInt8(ascii: "0") else { return nil }
        if position < end, buffer[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return nil }
        }
        if position < end, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
            position += 1
            if position < end, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { return nil }
        }
        if let value = clingerFastPath(start, position) { return value }
        // strtod needs a terminated string: copy the (validated) number into a small buffer.
        let length = position - start
        guard length < 64 else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
            return Double(text).flatMap { $0.isFinite ? $0 : nil }
        }
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { scratch -> Double? in
            for i in 0..<length { scratch[i] = CChar(bitPattern: buffer[start + i]) }
            scratch[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(scratch.baseAddress!, &endPointer)
            guard let endPointer, endPointer == scratch.baseAddress! + length else { return nil }
            return value
        }
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// Powers of ten that are exact in a Double (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The value of the already validated JSON number in `start..<end` when it can be
    /// computed exactly with one correctly rounded operation (Clinger's fast path: at most
    /// 2^53 as an integer mantissa, and a decimal exponent within ±22, where 10^e is exact);
    /// `nil` otherwise (the caller falls back to `strtod`).
    /// Reference: W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990.
    func clingerFastPath(_ start: Int, _ end: Int) -> Double? {
        var index = start
        var negative = false
        if buffer[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var inFraction = false
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if mantissa != 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 15 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { exponent -= 1 }
            } else {
                return nil  // An exponent part: leave it to strtod.
            }
            index += 1
        }
        guard abs(exponent) <= 22 else { return nil }
        var value = Double(mantissa)  // exact: < 10^15 < 2^53
        value = exponent < 0 ? value / Self.exactPowersOfTen[-exponent] : value * Self.exactPowersOfTen[exponent]
        return negative ? -value : value
    }

    /// A JSON integer that fits an Int.
    mutating func integer() -> Int? {
        guard let value = number(), value == value.rounded(), abs(value) < 9e15 else { return nil }
        return Int(value)
    }
}
