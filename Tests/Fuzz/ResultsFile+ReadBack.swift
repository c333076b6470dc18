import BenchResults

extension ResultsFile {
    /// Traps unless this file, as every command writes it (`jsonBytes()`, the current
    /// schema), reads back through `decode(json:path:)` to an equal value: what a reader
    /// accepts must survive `convert`, `update` and `merge`.
    func checkReadsBack(from reader: String) {
        var expected = self
        expected.schema = ResultsFile.currentSchema
        let written: [UInt8]
        do { written = try expected.jsonBytes() } catch {
            fatalError("\(reader): an accepted file does not encode: \(error)")
        }
        let again: ResultsFile
        do { again = try ResultsFile.decode(json: written, path: "written.json") } catch {
            fatalError("\(reader): an accepted file, written as JSON, does not read back: \(error)")
        }
        if again != expected { fatalError("\(reader): an accepted file, written as JSON, reads back different") }
    }
}
