import Foundation
import Testing
import TestSupport

/// Headless Chromium for the HTML report's browser tests: finding it, and rendering a page
/// to its DOM or a PNG.
///
/// Without a browser the tests are skipped with `skipReason` shown in the test output, unless
/// `MEMGATE_REQUIRE_BROWSER` is set (`.ci/run` sets it after installing Debian's `chromium`):
/// then they run and fail on `requireExecutable()`. They never pass without a browser.
enum HeadlessBrowser {
    /// Whether a missing browser is a failure (`MEMGATE_REQUIRE_BROWSER` set, not `0`).
    static let isRequired: Bool = {
        guard let value = ProcessInfo.processInfo.environment["MEMGATE_REQUIRE_BROWSER"] else { return false }
        return !value.isEmpty && value != "0"
    }()

    /// `MEMGATE_BROWSER`, else the first of `chromium`, `chromium-browser`, `google-chrome` on `PATH`.
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["MEMGATE_BROWSER"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? URL(fileURLWithPath: explicit) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return URL(fileURLWithPath: "\(folder)/\(name)")
            }
        }
        return nil
    }()

    /// Whether the browser tests run: a browser was found, or one is required (and its
    /// absence then fails them).
    static var testsRun: Bool { executable != nil || isRequired }

    /// Why the browser tests were skipped.
    static let skipReason: Comment = """
        SKIPPED, NOT PASSED: no headless Chromium found (install Debian's chromium, or set MEMGATE_BROWSER); \
        the HTML report was not checked in a browser. Set MEMGATE_REQUIRE_BROWSER=1 to make this a failure.
        """

    /// The browser, or a recorded failure and a thrown error.
    static func requireExecutable() throws -> URL {
        guard let executable else {
            Issue.record(Comment(rawValue: "MEMGATE_REQUIRE_BROWSER is set but no headless Chromium was found (chromium, "
                + "chromium-browser, google-chrome on PATH, or MEMGATE_BROWSER): the HTML report cannot be checked in a browser"))
            throw BrowserMissing()
        }
        return executable
    }

    /// The DOM of `file` after loading (scripts run, so an injected one would show), serialised.
    static func dumpDOM(_ file: String, width: Int = 1200, height: Int = 900) throws -> String {
        try render(file, ["--dump-dom", "--window-size=\(width),\(height)"]).stdout
    }

    /// Renders `file` to a PNG at `png`, `width` by `height` pixels.
    static func screenshot(_ file: String, to png: String, width: Int, height: Int) throws {
        _ = try render(file, ["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars"])
    }

    /// Runs the browser headless on `file` with `options` and a fresh profile.
    private static func render(_ file: String, _ options: [String]) throws -> MemGateProcess.Outcome {
        let browser = try requireExecutable()
        let profile = try TemporaryDirectory()
        let outcome = try MemGateProcess.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)"] + options
                + [URL(fileURLWithPath: file).absoluteString],
            timeout: 120, program: browser)
        guard outcome.code == 0 else {
            Issue.record(Comment(rawValue: "\(browser.path) exited \(outcome.code): \(outcome.stderr.suffix(2000))"))
            throw BrowserMissing()
        }
        return outcome
    }

    /// A page's layout as the browser measured it: `html`'s scroll and client widths, and up
    /// to five elements reaching past the client width (tag.class:right edge).
    ///
    /// The report has no script; this adds one to a copy of it, to read the layout from
    /// the DOM dump.
    static func layout(of file: String, width: Int) throws -> (scrollWidth: Int, clientWidth: Int, overflowing: String) {
        let probe = """
            <script>(function(){var d=document.documentElement,w=d.clientWidth,o=[];document.querySelectorAll('body *')\
            .forEach(function(e){var r=e.getBoundingClientRect();if(r.right>w+0.5&&o.length<5)o.push(e.tagName+'.'+\
            e.className+':'+Math.round(r.right));});d.setAttribute('data-layout',d.scrollWidth+' '+w+' '+o.join(','));})();\
            </script></body>
            """
        let html = try String(contentsOfFile: file, encoding: .utf8)
        let copy = file + ".probe.html"
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let dom = try dumpDOM(copy, width: width)
        guard let start = dom.range(of: "data-layout=\""), let end = dom[start.upperBound...].firstIndex(of: "\"") else {
            Issue.record("the layout probe left no data-layout attribute")
            throw BrowserMissing()
        }
        let fields = dom[start.upperBound..<end].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        return (Int(fields[0]) ?? -1, Int(fields[1]) ?? -1, fields.count > 2 ? String(fields[2]) : "")
    }

    /// The width and height in a PNG's IHDR chunk.
    static func pngSize(_ path: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24,
              data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        let bytes = [UInt8](data[16..<24])
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(0), number(4))
    }

    /// Thrown after an issue has been recorded, to stop the test.
    struct BrowserMissing: Error {}
}
