import BenchResults

/// A differential flame graph of allocation sites: frames as nested boxes whose widths are
/// the current allocations per op through them, coloured by how that moved since the
/// baseline; rendered as one self-contained SVG (no script, no external font or style).
///
/// The root is "all"; under it each benchmark, then each site's frames outermost first and
/// `via NAME` last, as in `FoldedStacks`. Siblings are ordered by name, so the same input
/// always draws the same picture. Colour is never the only signal: a grown frame's label
/// starts with ▲, a shrunk one's with ▼, and every frame has a `<title>` with both values.
package struct FlameGraph: Sendable {
    /// One frame: its name, allocations per op through it on each side, and its callees.
    package struct Node: Sendable, Equatable {
        package var name: String
        package var current: Double = 0
        package var baseline: Double = 0
        package var children: [Node] = []

        mutating func add(path: ArraySlice<String>, current: Double, baseline: Double) {
            self.current += current
            self.baseline += baseline
            guard let head = path.first else { return }
            if let index = children.firstIndex(where: { $0.name == head }) {
                children[index].add(path: path.dropFirst(), current: current, baseline: baseline)
            } else {
                var child = Node(name: head)
                child.add(path: path.dropFirst(), current: current, baseline: baseline)
                let position = children.firstIndex { $0.name > head } ?? children.count
                children.insert(child, at: position)
            }
        }

        /// Frames in this subtree with a width (current allocations) above zero.
        package var visibleCount: Int { current > 0 ? 1 + children.reduce(0) { $0 + $1.visibleCount } : 0 }
        /// The deepest visible level below and including this frame.
        var depth: Int { 1 + (children.filter { $0.current > 0 }.map(\.depth).max() ?? 0) }
    }

    /// The root frame ("all").
    package private(set) var root = Node(name: "all")

    /// The graph of `current` profiles, each site's baseline value taken from `baseline`
    /// (by benchmark and site key).
    package init(current: [(benchmark: String, sites: AllocationSites)], baseline: [(benchmark: String, sites: AllocationSites)]) {
        var baselineValues: [String: [String: AllocationSite]] = [:]
        for profile in baseline { baselineValues[profile.benchmark] = Dictionary(profile.sites.sites.map { ($0.key, $0) }) { a, _ in a } }
        for profile in current {
            for site in profile.sites.sites {
                let before = baselineValues[profile.benchmark]?.removeValue(forKey: site.key)?.allocationsPerOp ?? 0
                let path = FoldedStacks.path(benchmark: profile.benchmark, site: site)
                root.add(path: path[...], current: site.allocationsPerOp, baseline: before)
            }
        }
        // Sites only the baseline has: no width, but their loss shows in their callers' values.
        for (benchmark, sites) in baselineValues {
            for site in sites.values {
                root.add(path: FoldedStacks.path(benchmark: benchmark, site: site)[...], current: 0, baseline: site.allocationsPerOp)
            }
        }
    }

    /// Layout constants (pixels).
    static let width = 1200.0, frameHeight = 18.0, top = 40.0, characterWidth = 6.6

    /// The SVG document: a title line, a legend, one `<g class="frame">` per visible frame.
    package func svg(title: String, unit: MetricUnit = .allocationsPerOp) -> String {
        let height = Self.top + Double(root.depth) * Self.frameHeight + 10
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" font-family=\"monospace\" font-size=\"11\">\n"
        out += "<title>\(Escape.xml(title))</title>\n"
        out += "<desc>Allocation sites per op: widths are current allocations per op; red (▲) grew or is new since the baseline, "
            + "blue (▼) shrank, orange unchanged.</desc>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"10\" y=\"16\" font-size=\"14\">\(Escape.xml(title))</text>\n"
        out += "<text x=\"10\" y=\"32\">width: current \(Escape.xml(unit.text)) · "
            + "red ▲ grew or new · blue ▼ shrank · orange unchanged</text>\n"
        draw(root, x: 0, y: Self.top, scale: root.current > 0 ? Self.width / root.current : 0, unit: unit, into: &out)
        return out + "</svg>\n"
    }

    private func draw(_ node: Node, x: Double, y: Double, scale: Double, unit: MetricUnit, into out: inout String) {
        guard node.current > 0 else { return }
        let width = node.current * scale
        let marker = node.current > node.baseline ? "▲ " : node.current < node.baseline ? "▼ " : ""
        let detail = "\(node.name): \(unit.format(node.current)) (baseline \(unit.format(node.baseline)))"
        out += "<g class=\"frame\"><title>\(Escape.xml(detail))</title>"
        out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width - 1, 0.5)))\" "
            + "height=\"\(Self.number(Self.frameHeight - 1))\" fill=\"\(Self.colour(node))\"/>"
        let fits = Int(min(Self.width, max(0, (width - 6) / Self.characterWidth)))  // NaN gives 0
        let label = marker + node.name
        if fits >= 3 {
            let shown = label.count <= fits ? label : String(label.prefix(fits - 1)) + "…"
            out += "<text x=\"\(Self.number(x + 3))\" y=\"\(Self.number(y + 12.5))\">\(Escape.xml(shown))</text>"
        }
        out += "</g>\n"
        var childX = x
        for child in node.children where child.current > 0 {
            draw(child, x: childX, y: y + Self.frameHeight, scale: scale, unit: unit, into: &out)
            childX += child.current * scale
        }
    }

    /// Red for more allocations than the baseline, blue for fewer, orange for the same;
    /// deeper shades for larger relative changes.
    static func colour(_ node: Node) -> String {
        if node.current == node.baseline { return "rgb(245,170,90)" }
        let change = node.baseline == 0 ? 1 : min(1, abs(node.current / node.baseline - 1))
        let shade = Int(200 - 110 * change)
        return node.current > node.baseline ? "rgb(235,\(shade),\(shade))" : "rgb(\(shade),\(shade),240)"
    }

    /// A coordinate with at most two decimals.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        guard rounded.isFinite, abs(rounded) < 1e15 else { return "0" }  // Off any page.
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
