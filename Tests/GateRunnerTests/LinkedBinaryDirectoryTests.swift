import Foundation
@testable import GateRunner
import Testing
import TestSupport

/// `BenchmarkBuild.linkedBinaryDirectory`: the absolute folder a build folder's `release` link
/// names, as `swift build --show-bin-path` prints it, or nil when there is no link to follow.
@Suite struct LinkedBinaryDirectoryTests {
    @Test func aRelativeLinkIsReadAgainstItsBuildFolder() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(".build/x86_64-unknown-linux-gnu/release/Benchmarks", "")
        try FileManager.default.createSymbolicLink(
            atPath: directory.file(".build/release"), withDestinationPath: "x86_64-unknown-linux-gnu/release")
        let expected = directory.file(".build/x86_64-unknown-linux-gnu/release")
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: directory.file(".build")) == expected)
        // A package path spelled with `.` segments gives the same folder.
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: directory.path + "/./.build") == expected)
    }

    @Test func anAbsoluteLinkIsTakenAsItIs() throws {
        let directory = try TemporaryDirectory()
        let products = directory.file("elsewhere/release")
        try FileManager.default.createDirectory(atPath: products, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory.file("scratch"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.file("scratch/release"), withDestinationPath: products)
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: directory.file("scratch")) == products)
    }

    @Test func noLinkOrAFolderInsteadMeansAskSwiftPM() throws {
        let directory = try TemporaryDirectory()
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: directory.file("missing")) == nil)
        try FileManager.default.createDirectory(atPath: directory.file("plain/release"), withIntermediateDirectories: true)
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: directory.file("plain")) == nil)
    }

    @Test func aRelativeBuildFolderIsReadFromTheWorkingDirectory() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("scratch/x86_64-unknown-linux-gnu/release/Benchmarks", "")
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("scratch/release"), withDestinationPath: "x86_64-unknown-linux-gnu/release")
        let relative = try #require(relativePath(from: FileManager.default.currentDirectoryPath, to: directory.file("scratch")))
        #expect(BenchmarkBuild.linkedBinaryDirectory(buildFolder: relative)
            == URL(fileURLWithPath: directory.file("scratch/x86_64-unknown-linux-gnu/release")).standardizedFileURL.path)
    }

    /// `target` spelled relative to `base` (both absolute), through `..` segments.
    private func relativePath(from base: String, to target: String) -> String? {
        let from = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        let common = zip(from, to).prefix { $0 == $1 }.count
        guard common > 0 else { return nil }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
