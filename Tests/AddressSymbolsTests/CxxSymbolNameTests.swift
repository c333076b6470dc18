@testable import AddressSymbols
import Testing

/// C++ names of the Swift runtime demangled through the loaded C++ runtime.
@Suite struct CxxSymbolNameTests {
    @Test(arguments: [
        ("_ZN5swift9Demangler4nodeEv", "swift::Demangler::node"),
        ("_ZL25_swift_retain_adapterImplPN5swift10HeapObjectE", "_swift_retain_adapterImpl"),
        ("_ZNSt6vectorIiSaIiEE9push_backERKi", "std::vector<int, std::allocator<int> >::push_back"),
        ("malloc", "malloc"), ("$s4Main1fyyF", "$s4Main1fyyF"), ("_Zgarbage", "_Zgarbage"), ("", ""),
    ])
    func demanglesWithoutTheParameterList(symbol: String, expected: String) {
        #expect(CxxSymbolName.demangled(symbol) == expected)
    }
}
