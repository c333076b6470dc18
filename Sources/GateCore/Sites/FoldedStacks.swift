import BenchResults
import CLISupport

/// Allocation sites as collapsed stacks, the text format flamegraph.pl, inferno and
/// speedscope read: one line per stack, `root;caller;...;leaf COUNT`, root first.
///
/// Each line's root is the benchmark's name, then the site's frames outermost first, then
/// `via NAME` when the site allocated through a library call. COUNT is the site's
/// allocations in the profile pass's N iterations (per op times N: a whole number).
/// Semicolons and line breaks inside names become `:` and spaces, other control characters
/// `\u{1B}`-style escapes, so every line has the grammar `frame(;frame)* COUNT` with frames
/// free of `;`, newlines and escape sequences.
package enum FoldedStacks {
    /// The folded lines for `sites` of each benchmark, in the given order, sites largest first.
    package static func lines(_ profiles: [(benchmark: String, sites: AllocationSites)]) -> [String] {
        profiles.flatMap { profile in
            profile.sites.sites.map { site in
                let frames = path(benchmark: profile.benchmark, site: site)
                // Validated profiles keep this under 1e21; clamped so that no file can trap.
                let count = Int(min(9e18, max(0, (site.allocationsPerOp * Double(profile.sites.iterations)).rounded())))
                return frames.map(clean).joined(separator: ";") + " \(count)"
            }
        }
    }

    /// A site's stack root first: the benchmark, the frames outermost first, each with its
    /// line where recorded (`Blocks.flush() at Blocks.swift:42`, as `pprof -lines` splits a
    /// function by line), then `via NAME` (the path flame graphs draw too).
    package static func path(benchmark: String, site: AllocationSite) -> [String] {
        let frames = site.frames.indices.map { AllocationSite.label(site.frames[$0], at: site.location(ofFrame: $0)) }
        return [benchmark] + frames.reversed() + (site.via.map { ["via " + $0] } ?? [])
    }

    /// `name` without the characters the format reserves, and with other control
    /// characters (ESC, BEL...) made visible as `terminalSafe` does, so a name cannot send
    /// escape sequences to a terminal that shows the file.
    static func clean(_ name: String) -> String {
        terminalSafe(String(name.map { $0 == ";" ? ":" : $0.isNewline ? " " : $0 }))
    }
}
