// The results model is a module of its own, built without optimization in release; this one
// adds the two paths that handle every byte of a results file, optimized: the fast parser
// (`ResultsFile.decode(json:path:)`) and the encoder (`ResultsFile.jsonBytes()`). Importers of
// BenchResults see both.
@_exported import ResultsModel
