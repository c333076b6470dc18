import BenchResults
import BenchStatistics

extension Comparison {
    /// The exact-metric rule (docs/thresholds.md, "Exact metrics").
    ///
    /// Stable samples (every sample the same in both files): medians against the threshold.
    /// Samples that vary within either file ("unstable": scheduling-dependent counts) fail,
    /// or improve, only when both tests agree, and no test rests on one sample:
    /// - **trimmed ranges**: the closest ends of the two files' `TrimmedRange`s (the k-th
    ///   smallest current vs the k-th largest baseline for lower-is-better, k = 3 of 10) are
    ///   beyond the threshold, so the jitter inside the files cannot explain the move; and
    /// - **medians**: the medians differ by more than the threshold widened to
    ///   `unstableFloor` (a relative floor above the largest between-process shift of that
    ///   metric measured), so a shift of the whole distribution between processes or
    ///   machines, which no single file's spread shows, cannot either.
    ///
    /// Moving either test takes k samples of one file (k >= 2 from three samples on): one
    /// outlier sample, in either file, in either direction, cannot pass a regression that
    /// the other samples show, nor fail an unchanged count.
    static func compareExact(_ row: inout MetricComparison, before: [Double], now: [Double], unstableFloor: Double) {
        let threshold = row.threshold, better = row.better
        let (b, c) = (row.baseline!, row.current!)
        row.unstable = before.min()! != before.max()! || now.min()! != now.max()!
        var worse = threshold.isExceeded(from: b, to: c, better: better)
        var improved = threshold.isImprovedBeyond(from: b, to: c, better: better)
        if row.unstable {
            let old = TrimmedRange(before)!, new = TrimmedRange(now)!
            // The closest trimmed ends in each direction: for lower-is-better, a regression
            // needs the current's k-th smallest beyond the baseline's k-th largest.
            let (worstOld, worstNew, bestOld, bestNew) = better == .lower
                ? (old.upper, new.lower, old.lower, new.upper)
                : (old.lower, new.upper, old.upper, new.lower)
            let floored = threshold.widened(toFraction: unstableFloor)
            worse = floored.isExceeded(from: b, to: c, better: better)
                && threshold.isExceeded(from: worstOld, to: worstNew, better: better)
            improved = floored.isImprovedBeyond(from: b, to: c, better: better)
                && threshold.isImprovedBeyond(from: bestOld, to: bestNew, better: better)
            row.note = unstableNote(before: before, now: now, old: old, new: new, unit: row.unit, floor: unstableFloor)
        }
        if threshold.isOff {
            row.verdict = .reported
            if row.note.isEmpty { row.note = "threshold off: reported only" }
        } else {
            row.verdict = worse ? .regression : improved ? .improvement : .pass
            if row.verdict == .improvement { row.note = Comparison.tightenNote + (row.note.isEmpty ? "" : "; " + row.note) }
        }
    }

    /// `unstable: baseline 34–34.7 allocs/op, current 42.6–50.1 allocs/op; judged by the ranges
    /// trimmed by 2 samples at each end (34–34.2, 44.5–48.3) and by medians with a 30% floor`.
    private static func unstableNote(
        before: [Double], now: [Double], old: TrimmedRange, new: TrimmedRange, unit: MetricUnit, floor: Double
    ) -> String {
        let ranges = "baseline \(MetricFormat.range(before.min()!, before.max()!, unit)), "
            + "current \(MetricFormat.range(now.min()!, now.max()!, unit))"
        let floorText = "medians with a \(Threshold.number(floor * 100))% floor"
        guard old.rank > 1 || new.rank > 1 else { return "unstable: \(ranges); judged by range and by \(floorText)" }
        let trimmed = old.rank == new.rank ? "\(old.rank - 1)" : "\(old.rank - 1) and \(new.rank - 1)"
        let sample = old.rank == 2 && new.rank == 2 ? "sample" : "samples"
        return "unstable: \(ranges); judged by the ranges trimmed by \(trimmed) \(sample) at each end "
            + "(\(MetricFormat.range(old.lower, old.upper, unit)), \(MetricFormat.range(new.lower, new.upper, unit))) "
            + "and by \(floorText)"
    }
}
