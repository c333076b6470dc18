import Testing
@testable import CLISupport

@Suite struct OutputStreamsTests {
    @Test func stringOutputCollects() {
        let output = StringOutput()
        var stream = output
        print("hello", "world", to: &stream)
        stream.write("µ")
        #expect(output.text == "hello world\nµ")
        #expect(StringOutput("seed").text == "seed")
    }

    @Test func writeAllWritesEveryByte() {
        let pipe = Pipe()
        let text = String(repeating: "日本 µs 🚀 abc\n", count: 1500)   // ~30 KB, under the pipe buffer
        #expect(Syscalls.writeAll(text, to: pipe.writer) == nil)
        #expect(Syscalls.writeAll("", to: pipe.writer) == nil)
        #expect(pipe.readAll() == Array(text.utf8))
    }

    @Test func writeAllReportsABadDescriptor() {
        #expect(Syscalls.writeAll("x", to: -1) != nil)
    }

    @Test func standardStreamsWriteToTheirDescriptors() async {
        await #expect(processExitsWith: .exitCode(0), observing: [\.standardOutputContent, \.standardErrorContent]) {
            var out = StandardOutput()
            var errors = StandardError()
            print("to stdout", to: &out)
            print("to stderr", to: &errors)
        }.map { result in
            #expect(String(decoding: result.standardOutputContent, as: UTF8.self).hasSuffix("to stdout\n"))
            #expect(String(decoding: result.standardErrorContent, as: UTF8.self).hasSuffix("to stderr\n"))
        }
    }
}
