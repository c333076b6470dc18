// swift-tools-version:6.0
// A package whose benchmarks drive SwiftNIO, set up the way a user's package would be: it
// depends on memgate (this checkout, by relative path) and on swift-nio by its GitHub address.
// NIOEndToEndTests and scripts/nio-runs.sh run `memgate run` on it. memgate itself has no
// dependencies; only this fixture has one.
import PackageDescription

let package = Package(
    name: "NIOBench",
    dependencies: [
        .package(name: "memgate", path: "../../.."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "NIOBenchmarks",
            dependencies: [
                .product(name: "BenchKit", package: "memgate"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
    ]
)
