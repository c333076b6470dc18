import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Markup read back with Foundation's XML parser: whether it is well-formed, and its
/// elements in document order with their attributes and text content, for tests of the HTML
/// report and its SVG charts (which are written to be well-formed XML too).
struct ParsedMarkup {
    /// One element: its name, attributes and all the text inside it.
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    /// Nil when the markup parsed; otherwise the parser's error.
    var error: String?
    /// Every element, in document order.
    var elements: [Element] = []

    /// Parses `markup`. A leading `<!DOCTYPE html>` is accepted (it names no DTD to fetch).
    init(_ markup: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = collector
        if !parser.parse() {
            error = "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
        }
        elements = collector.elements
    }

    /// The elements named `name` (optionally with `class` containing `className`).
    func elements(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { element in
            element.name == name
                && (className.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) } ?? true)
        }
    }
}

private final class Collector: NSObject, XMLParserDelegate {
    var elements: [ParsedMarkup.Element] = []
    private var open: [Int] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(ParsedMarkup.Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in open { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}
