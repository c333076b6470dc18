/// Keeps `value` alive as far as the optimizer can tell, so the work that produced it
/// (and its allocations) is not deleted from a benchmark.
///
/// Costs about 1 ns. `@inline(never)`, `_fixLifetime` and `withExtendedLifetime` do not
/// have this effect in release builds: the optimizer still removes the work.
@_optimize(none)
public func blackHole<T>(_ value: T) {}

/// Returns `value` through a function the optimizer cannot see into, so a constant input
/// is not folded into the benchmark at compile time.
@_optimize(none)
public func identity<T>(_ value: T) -> T { value }
