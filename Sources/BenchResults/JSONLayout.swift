/// Layout tweaks for pretty-printed JSON that keep it valid JSON.
enum JSONLayout {
    /// `text` with every array whose elements are all plain numbers written on one line:
    ///
    ///     "samples" : [          becomes      "samples" : [1, 2.5]
    ///       1,
    ///       2.5
    ///     ]
    ///
    /// Expects the layout of `JSONEncoder`'s `.prettyPrinted` output (one element per
    /// line, the closing bracket on a line of its own); anything else is left as it is.
    static func numberArraysOnOneLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [Substring] = []
        output.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasSuffix("[") else {
                output.append(line)
                index += 1
                continue
            }
            var elements: [Substring] = []
            var next = index + 1
            while next < lines.count, let element = number(in: lines[next]) {
                elements.append(element)
                next += 1
            }
            let closing = next < lines.count ? lines[next].drop { $0 == " " } : ""
            if !elements.isEmpty, closing == "]" || closing == "]," {
                output.append(Substring(line + elements.joined(separator: ", ") + closing))
                index = next + 1
            } else {
                output.append(line)
                index += 1
            }
        }
        return output.joined(separator: "\n")
    }

    /// The number on an array-element line (`"    12.5,"` gives `12.5`), or nil.
    private static func number(in line: Substring) -> Substring? {
        var element = line.drop { $0 == " " }
        if element.hasSuffix(",") { element = element.dropLast() }
        guard let first = element.first, first == "-" || first.isASCII && first.isNumber else { return nil }
        return element.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) } ? element : nil
    }
}
