import Testing
@testable import CLISupport

/// A ProgressLine writing into `written`, with a terminal `columns` wide.
private final class Recorder {
    var written: [String] = []
    var columns = 20
    lazy var line = ProgressLine(enabled: true, columns: { self.columns }, write: { self.written.append($0) })
}

@Suite struct ProgressLineTests {
    @Test func updateRewritesTheLineAndFinishClearsIt() {
        let recorder = Recorder()
        recorder.line.update("[1/3] sort")
        recorder.line.update("[2/3] json")
        recorder.line.finish()
        #expect(recorder.written == ["\r[1/3] sort\u{1B}[K", "\r[2/3] json\u{1B}[K", "\r\u{1B}[K"])
    }

    @Test func textIsCutToOneLessThanTheWidth() {
        let recorder = Recorder()
        recorder.line.update(String(repeating: "x", count: 19))
        recorder.line.update(String(repeating: "y", count: 20))
        recorder.columns = 5
        recorder.line.update("日本語です")
        #expect(recorder.written == ["\r" + String(repeating: "x", count: 19) + "\u{1B}[K",
                                     "\r" + String(repeating: "y", count: 18) + "…\u{1B}[K",
                                     "\r日…\u{1B}[K"])
    }

    @Test func controlCharactersAreReplacedAndRepeatsSkipped() {
        let recorder = Recorder()
        recorder.line.update("a\nb\u{1B}")
        recorder.line.update("a\nb\u{1B}")
        #expect(recorder.written == ["\ra\\nb\\u{1B}\u{1B}[K"])
    }

    @Test func finishWithNothingShownWritesNothing() {
        let recorder = Recorder()
        recorder.line.finish()
        recorder.line.update("x")
        recorder.line.finish()
        recorder.line.finish()
        recorder.line.update("x")
        #expect(recorder.written == ["\rx\u{1B}[K", "\r\u{1B}[K", "\rx\u{1B}[K"])
    }

    @Test func disabledDoesNothing() {
        var written: [String] = []
        let line = ProgressLine(enabled: false, columns: { 80 }, write: { written.append($0) })
        line.update("x")
        line.finish()
        #expect(written.isEmpty)
        #expect(!line.isEnabled)
        #expect(!ProgressLine(enabled: false).isEnabled)
    }

    @Test func publicInitIsOffWhenStandardErrorIsNotATerminal() {
        // Under `swift test` standard error is a pipe or a file in CI; on a developer's
        // terminal it may be a TTY, so compare with the same check.
        #expect(ProgressLine(enabled: true).isEnabled == (Terminal.isTTY(2) && Syscalls.environment("TERM") != "dumb"))
    }
}
