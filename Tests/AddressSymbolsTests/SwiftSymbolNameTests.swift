import AddressSymbols
import Testing

@Suite struct SwiftSymbolNameTests {
    @Test(arguments: [
        ("$s4main3fooyyF", "main.foo() -> ()"),
        ("$sSi", "Swift.Int"),
        ("$s17FixtureBenchmarks12SiteFixturesO1fyyFZ", "static FixtureBenchmarks.SiteFixtures.f() -> ()"),
        ("malloc", "malloc"),
        ("$sNotAValidMangling", "$sNotAValidMangling"),
    ])
    func demanglesThroughTheRuntime(mangled: String, expected: String) {
        #expect(SwiftSymbolName.demangled(mangled) == expected)
    }

    @Test(arguments: [
        ("$s17FixtureBenchmarks12SiteFixturesO1fyyFZ", "FixtureBenchmarks"),
        ("$s4main3fooyyF", "main"),
        ("$ss5print_9separator10terminatoryypd_S2StF", "Swift"),
        ("$sSa6appendyyxnF", "Swift"),
        ("$sSaySiGSayxGycfCSi_Tg5", "Swift"),
        ("$sScT4sleep11nanosecondsys6UInt64V_tYaKFZ", "Swift"),
        ("$sSo8NSObjectC", "__C"),
        ("_$s4main3fooyyF", "main"),
    ])
    func findsTheModuleOfAMangledName(mangled: String, module: String) {
        #expect(SwiftSymbolName.module(ofMangled: mangled) == module)
    }

    @Test(arguments: ["malloc", "$sIeg_ytIegr_TR", "$s", "$s99toolong", ""])
    func hasNoModuleForOtherNames(name: String) {
        #expect(SwiftSymbolName.module(ofMangled: name) == nil)
    }
}

@Suite struct ShortSwiftNameTests {
    @Test(arguments: [
        ("static FixtureBenchmarks.Sites.f() -> ()", "FixtureBenchmarks", "Sites.f()"),
        ("Swift.Array.init(repeating: A, count: Swift.Int) -> [A]", "Swift", "Array.init(repeating:count:)"),
        ("Swift.Array.append(__owned A) -> ()", "Swift", "Array.append(_:)"),
        ("closure #1 (BenchKit.Bench) async -> () in static M.T.register(BenchKit.Suite) -> ()", "M", "closure #1 in T.register(_:)"),
        ("(1) suspend resume partial function for closure #1 (BenchKit.Bench) async -> () in static M.T.register(BenchKit.Suite) -> ()",
         "M", "closure #1 in T.register(_:)"),
        ("M.WorkerPool.(serve in _2B81F3C06B08E827DA7725ED630D8CC6)() -> ()", "M", "WorkerPool.serve()"),
        ("@objc closure #1 (Swift.Optional<Swift.UnsafeMutableRawPointer>) -> Swift.Optional<Swift.UnsafeMutableRawPointer> in M.W.init(threads: Swift.Int) -> M.W",
         "M", "closure #1 in W.init(threads:)"),
        ("Swift.TaskGroup.addTask(priority: Swift.Optional<Swift.TaskPriority>, operation: __owned @isolated(any) () async -> A) -> ()",
         "Swift", "TaskGroup.addTask(priority:operation:)"),
        ("generic specialization <Swift.Int> of Swift.Array.init(repeating: A, count: Swift.Int) -> [A]", "Swift",
         "Array.init(repeating:count:)"),
        ("M.Cache.count.getter : Swift.Int", "M", "Cache.count.getter"),
        ("function signature specialization <Arg[0] = Dead> of static M.Sites.f() -> ()", "M", "Sites.f()"),
        ("generic partial specialization <Swift.Int> of M.Box.put(A) -> ()", "M", "Box.put(_:)"),
        // Real names from the ExampleBenchmarks' sites (Swift 6.3.1, release).
        ("function signature specialization <Arg[0] = [Closure Propagated : $sSTsSL7ElementRpzrlE6sortedSayABGyFSbAB_ABtcfu_SaySiG_Tt1G5, "
            + "Argument Types : []> of generic specialization <Swift.Array<Swift.Int>> of (extension in Swift):Swift.Sequence.sorted(by: "
            + "(A.Element, A.Element) throws -> Swift.Bool) throws -> Swift.Array<A.Element>", "Swift", "Sequence.sorted(by:)"),
        ("(extension in Swift):Swift.BidirectionalCollection< where A.Element == Swift.String>.joined(separator: Swift.String) -> Swift.String",
         "Swift", "BidirectionalCollection.joined(separator:)"),
        ("Coding.Item.encode(to: Swift.Encoder) throws -> ()", "Coding", "Item.encode(to:)"),
        ("FoundationEssentials.JSONEncoder.encode<A where A: Swift.Encodable>(A) throws -> FoundationEssentials.Data",
         "FoundationEssentials", "JSONEncoder.encode(_:)"),
        ("Swift.KeyedDecodingContainer.decode<A where A1: Swift.Decodable>(_: A1.Type, forKey: A) throws -> A1", "Swift",
         "KeyedDecodingContainer.decode(_:forKey:)"),
        ("M.load() async throws -> Swift.Int", "M", "load()"),
        ("swift_slowAlloc", nil, "swift_slowAlloc"),
        ("implicit closure #2 () -> Swift.Int in M.f() -> ()", "M", "implicit closure #2 in f()"),
    ] as [(String, String?, String)])
    func shortensDemangledNames(demangled: String, module: String?, expected: String) {
        #expect(SwiftSymbolName.short(demangled, module: module) == expected)
    }
}
