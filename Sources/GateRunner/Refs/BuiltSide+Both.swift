import BaseSystem
import Foundation
import GateCore

extension BuiltSide {
    /// Discovers, builds and lists two sides: both sides' executables are found first (a side
    /// with nothing to build fails before either builds), then the two build at the same time:
    /// each build is mostly one chain of whole-module compilations, one core each (a cached
    /// A/A refs: 62 s of builds one after the other, 42-46 s at once; docs/performance.md).
    ///
    /// - Parameters:
    ///   - listed: executables named on the command line (`--executable`), or empty.
    ///   - selection: `--filter`/`--skip` arguments for `--list`.
    ///   - status: shown with both sides' latest build texts joined
    ///     (`building base X (release) [1/1] · building head X (release) [1/1]`).
    /// - Throws: what `discover` and `build` throw, the first side's error when both fail.
    package static func buildBoth(
        _ first: SideCheckout, _ second: SideCheckout, listed: [String], selection: [String], layout: CodeLayout,
        launcher: Launcher, status: @escaping (String) -> Void
    ) throws -> (BuiltSide, BuiltSide) {
        let discovered = try BothAtOnce.run(
            { try discover(first, listed: listed, launcher: launcher) }, { try discover(second, listed: listed, launcher: launcher) })
        let texts = SideStatus(show: status)
        let build = { (checkout: SideCheckout, package: BenchmarkPackage) in
            try BuiltSide.build(checkout, package: package, selection: selection, layout: layout, launcher: launcher,
                                status: { texts.update(checkout.side, $0) })
        }
        return try BothAtOnce.run({ try build(first, discovered.0) }, { try build(second, discovered.1) })
    }
}

/// The progress text of two sides' builds, which run at once: each side's latest text,
/// shown together. Thread-safe: both builds report through it.
private final class SideStatus: @unchecked Sendable {
    private let lock = NSLock()
    private let show: (String) -> Void
    private var texts: [RefsSide: String] = [:]

    init(show: @escaping (String) -> Void) { self.show = show }

    func update(_ side: RefsSide, _ text: String) {
        lock.withLock {
            texts[side] = text
            show(RefsSide.allCases.compactMap { texts[$0] }.joined(separator: " · "))
        }
    }
}
