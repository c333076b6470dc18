@testable import BenchKit
import Testing

/// The arguments a benchmark executable passes its isolated child: the plan by name, and
/// nothing guessed when they cannot be read.
@Suite struct ChildInvocationTests {
    static let plan = SamplingPlan(
        samples: 7, warmupSamples: 2, sampleNanoseconds: 3_000_000, maxIterations: 99, measureMemory: false,
        arcPassIterations: 5, siteIterations: 4, siteEventBudget: 41_666)
    static let invocation = ChildInvocation(name: "a b/c,d=e", reportPath: "/tmp/x.json", plan: plan, parent: 4242)

    /// `invocation`'s arguments with the plan replaced by `plan`.
    static func arguments(plan: String) -> [String] { Array(invocation.arguments.dropLast()) + [plan] }

    @Test func everyFieldRoundTripsByName() throws {
        #expect(Self.invocation.arguments.last == "samples=7,warmupSamples=2,sampleNanoseconds=3000000,maxIterations=99,"
            + "measureMemory=0,arcPassIterations=5,siteIterations=4,siteEventBudget=41666,parent=4242")
        let parsed = try #require(try ChildInvocation(arguments: Self.invocation.arguments))
        #expect(parsed.name == "a b/c,d=e")
        #expect(parsed.reportPath == "/tmp/x.json")
        #expect(parsed.parent == 4242)
        let plan = parsed.plan
        #expect((plan.samples, plan.warmupSamples, plan.sampleNanoseconds, plan.maxIterations) == (7, 2, 3_000_000, 99))
        #expect((plan.measureMemory, plan.arcPassIterations, plan.siteIterations, plan.siteEventBudget) == (false, 5, 4, 41_666))
        // Keys in any order read the same.
        let reordered = Self.invocation.encodedPlan.split(separator: ",").reversed().joined(separator: ",")
        #expect(try ChildInvocation(arguments: Self.arguments(plan: reordered))?.encodedPlan == Self.invocation.encodedPlan)
    }

    @Test func otherArgumentsAreNotAChildInvocation() throws {
        #expect(try ChildInvocation(arguments: ["--list"]) == nil)
        #expect(try ChildInvocation(arguments: []) == nil)
    }

    /// A malformed plan is refused with what is wrong, never read with a default.
    @Test(arguments: [
        ("", "'' in the plan is not KEY=VALUE"),
        ("7:2:3000000:99:0:5:4:41666:4242", "'7:2:3000000:99:0:5:4:41666:4242' in the plan is not KEY=VALUE"),
        ("samples=7,warmupSamples=2", "the plan lacks 'sampleNanoseconds', 'maxIterations', 'measureMemory', 'arcPassIterations', "
            + "'siteIterations', 'siteEventBudget', 'parent'"),
        ("sample=7", "unknown key 'sample' in the plan (keys: samples, warmupSamples, sampleNanoseconds, maxIterations, "
            + "measureMemory, arcPassIterations, siteIterations, siteEventBudget, parent)"),
        ("samples=7,samples=8", "key 'samples' is given twice in the plan"),
        ("samples=0", "samples=0 in the plan is not an integer at least 1"),
        ("samples=seven", "samples=seven in the plan is not an integer at least 1"),
        ("measureMemory=2", "measureMemory=2 in the plan is not an integer in 0...1"),
        ("parent=4294967296", "parent=4294967296 in the plan is not an integer in 1...2147483647"),
        ("samples=7,", "'' in the plan is not KEY=VALUE"),
    ])
    func malformedPlanIsRefused(plan: String, problem: String) {
        #expect(throws: ChildInvocation.MalformedArguments(problem: problem)) {
            try ChildInvocation(arguments: Self.arguments(plan: plan))
        }
    }

    @Test func missingFlagIsRefused() {
        let error = #expect(throws: ChildInvocation.MalformedArguments.self) {
            try ChildInvocation(arguments: Array(Self.invocation.arguments.prefix(4)))
        }
        #expect(error?.description == "invalid child invocation: expected --benchkit-child NAME --benchkit-report PATH "
            + "--benchkit-plan PLAN, got 4 arguments")
    }

    /// The executable reports a malformed invocation as a usage error instead of running.
    @Test func malformedInvocationExitsWithAUsageError() async {
        let suite = Suite()
        suite.benchmark("a b/c,d=e") { b in for _ in b.loop {} }
        #expect(await BenchmarkCommand.run(suite: suite, arguments: Self.arguments(plan: "samples=7")) == 2)
    }
}
