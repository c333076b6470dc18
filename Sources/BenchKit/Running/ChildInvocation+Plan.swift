extension ChildInvocation {
    /// A child's arguments that start with `--benchkit-child` but cannot be read: a missing
    /// flag, or a plan with a pair that is not `KEY=VALUE`, an unknown, repeated or missing
    /// key, or a value that is not an integer in its range. Nothing is defaulted.
    struct MalformedArguments: Error, Equatable, CustomStringConvertible {
        /// What was wrong, e.g. `"unknown key 'sample'"`.
        var problem: String

        /// `invalid child invocation: <problem>`, one line.
        var description: String { "invalid child invocation: \(problem)" }
    }

    /// One named field of the encoded plan: its key, the values it may take, and how it is
    /// read from and written to an invocation. Each field is named here once, for both ways.
    private struct PlanField: Sendable {
        var key: String
        var range: ClosedRange<Int>
        var get: @Sendable (ChildInvocation) -> Int
        var set: @Sendable (inout ChildInvocation, Int) -> Void
    }

    /// Every field of the plan, in the order they are written.
    private static let planFields: [PlanField] = [
        PlanField(key: "samples", range: 1...Int.max, get: { $0.plan.samples }, set: { $0.plan.samples = $1 }),
        PlanField(key: "warmupSamples", range: 0...Int.max, get: { $0.plan.warmupSamples }, set: { $0.plan.warmupSamples = $1 }),
        PlanField(key: "sampleNanoseconds", range: 1...Int.max,
                  get: { Int($0.plan.sampleNanoseconds) }, set: { $0.plan.sampleNanoseconds = UInt64($1) }),
        PlanField(key: "maxIterations", range: 1...Int.max, get: { $0.plan.maxIterations }, set: { $0.plan.maxIterations = $1 }),
        PlanField(key: "measureMemory", range: 0...1, get: { $0.plan.measureMemory ? 1 : 0 }, set: { $0.plan.measureMemory = $1 == 1 }),
        PlanField(key: "arcPassIterations", range: 0...Int.max,
                  get: { $0.plan.arcPassIterations }, set: { $0.plan.arcPassIterations = $1 }),
        PlanField(key: "siteIterations", range: 0...Int.max, get: { $0.plan.siteIterations }, set: { $0.plan.siteIterations = $1 }),
        PlanField(key: "siteEventBudget", range: 0...Int.max, get: { $0.plan.siteEventBudget }, set: { $0.plan.siteEventBudget = $1 }),
        PlanField(key: "parent", range: 1...Int(Int32.max), get: { Int($0.parent) }, set: { $0.parent = Int32($1) }),
    ]

    /// The `--benchkit-plan` value: every field as `KEY=VALUE`, comma-separated
    /// (`samples=10,warmupSamples=1,...,parent=4242`).
    var encodedPlan: String {
        Self.planFields.map { "\($0.key)=\($0.get(self))" }.joined(separator: ",")
    }

    /// Sets the plan and parent of this invocation from `text` (an `encodedPlan`); every
    /// field must be given exactly once, and nothing else.
    mutating func decodePlan(_ text: String) throws(MalformedArguments) {
        var seen: Set<String> = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw MalformedArguments(problem: "'\(pair)' in the plan is not KEY=VALUE") }
            let key = String(parts[0])
            guard let field = Self.planFields.first(where: { $0.key == key }) else {
                let keys = Self.planFields.map(\.key).joined(separator: ", ")
                throw MalformedArguments(problem: "unknown key '\(key)' in the plan (keys: \(keys))")
            }
            guard seen.insert(key).inserted else { throw MalformedArguments(problem: "key '\(key)' is given twice in the plan") }
            guard let value = Int(parts[1]), field.range.contains(value) else {
                let bound = field.range.upperBound == Int.max ? "at least \(field.range.lowerBound)" : "in \(field.range)"
                throw MalformedArguments(problem: "\(key)=\(parts[1]) in the plan is not an integer \(bound)")
            }
            field.set(&self, value)
        }
        let missing = Self.planFields.map(\.key).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw MalformedArguments(problem: "the plan lacks \(missing.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }
}
