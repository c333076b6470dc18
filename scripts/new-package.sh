# Sourced by scripts/repeat-new-package.sh and scripts/measure-side-by-side.sh: a new user's
# package with three benchmarks (a JSON encode of 50 items, a sort of 1,000 Ints, a
# 100-entry dictionary build), as one who adds BenchKit by hand has it.

# new_package_workloads LOOP REGISTER: the three benchmarks' registration, with LOOP as the
# measured loop's sequence (`b.loop`) and REGISTER as the call that registers one.
new_package_workloads() {
    cat <<SWIFT
        $2("c-json-encode") { b in
            let items = (0..<50).map { Item(id: \$0, name: "item \\(\$0)", tags: ["a", "b"]) }
            let encoder = JSONEncoder()
            for _ in $1 { blackHole(try encoder.encode(items)) }
        }
        $2("sort/n=1000") { b in
            var generator = SystemRandomNumberGenerator()
            let numbers = (0..<1_000).map { _ in Int.random(in: 0..<1_000_000, using: &generator) }
            for _ in $1 { blackHole(numbers.sorted()) }
        }
        $2("dictionary/build") { b in
            for _ in $1 {
                var table: [Int: String] = [:]
                for key in 0..<identity(100) { table[key] = "v" }
                blackHole(table)
            }
        }
SWIFT
}

# new_benchkit_package DIR NAME REPO: writes the package NAME at DIR, depending on the
# memgate checkout at REPO by path, with the three benchmarks in Benchmarks/NewBenchmarks.
new_benchkit_package() {
    local dir=$1 name=$2 repo=$3
    mkdir -p "$dir/Benchmarks/NewBenchmarks"
    cat >"$dir/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "$name",
    dependencies: [.package(path: "$repo")],
    targets: [
        .executableTarget(
            name: "NewBenchmarks",
            dependencies: [.product(name: "BenchKit", package: "$(basename "$repo")")],
            path: "Benchmarks/NewBenchmarks"),
    ]
)
SWIFT
    {
        printf 'import BenchKit\nimport Foundation\n\nstruct Item: Codable { var id: Int; var name: String; var tags: [String] }\n\n'
        printf '@main\nenum NewBenchmarks: BenchmarkSuite {\n    static func register(_ suite: Suite) {\n'
        new_package_workloads b.loop suite.benchmark
        printf '    }\n}\n'
    } >"$dir/Benchmarks/NewBenchmarks/NewBenchmarks.swift"
}
