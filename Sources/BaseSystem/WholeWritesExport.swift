/// BaseSystem's importers get the whole-buffer writes (`writeAll`, `sendAll`) and `LibC` with it:
/// they are a module of their own only for the build order (Package.swift).
@_exported import WholeWrites
