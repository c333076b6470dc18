extension AllocationSite {
    /// Prefixes of the `__swift_` helpers the compiler emits into the user's object file
    /// (IRGen: boxed existentials, value buffers, metadata instantiation caches, memcpy value
    /// witnesses). The Swift runtime's own `__swift_` functions (`__swift_retain_`) are not among them.
    static let compilerHelperPrefixes = [
        "__swift_allocate_", "__swift_deallocate_", "__swift_project_", "__swift_mutable_project_", "__swift_destroy_",
        "__swift_assign_", "__swift_instantiate", "__swift_memcpy", "__swift_noop_", "__swift_get_extra_inhabitant",
        "__swift_store_extra_inhabitant",
    ]

    /// Whether `frame` (a recorded frame name) is a compiler-generated outlined helper: code the
    /// compiler moved out of the function that called it (`outlined copy of Token`,
    /// `outlined init with take of any P`, `outlined destroy of ...`, `__swift_allocate_boxed_opaque_existential_1`,
    /// merged `...Tm` variants included), so that what it does is its caller's.
    ///
    /// The recorded names keep their shortened form (`SwiftSymbolName.short`), which drops the
    /// `merged ` prefix; it also drops `outlined copy of `, so such frames recorded by this
    /// version read as the copied type and are not recognised here.
    package static func isCompilerHelper(_ frame: String) -> Bool {
        frame.hasPrefix("outlined ") || compilerHelperPrefixes.contains { frame.hasPrefix($0) }
    }

    /// `frames` as a reader sees them: the compiler's outlined helpers folded into the frames
    /// that called them (left out), each frame with its line where `locations` has one
    /// (`label(_:at:)`), innermost first. When every frame is a helper (the unwinder
    /// recorded none of their callers), the one frame left names the innermost helper's
    /// caller as unrecorded: `caller of __swift_allocate_boxed_opaque_existential_1Tm (not recorded)`.
    /// Never empty for a site (whose frames are never empty). Display only: the site's key
    /// stays the hash of the recorded frames' names.
    package static func shownFrames(_ frames: [String], locations: [FrameLocation?]? = nil) -> [String] {
        let shown = frames.indices.filter { !isCompilerHelper(frames[$0]) }.map { index in
            label(frames[index], at: location(ofFrame: index, in: locations))
        }
        guard shown.isEmpty, let innermost = frames.first else { return shown }
        return ["caller of \(innermost) (not recorded)"]
    }

    /// A frame as reports show it: `Blocks.flush() at Blocks.swift:42`, or the name alone
    /// without a location.
    package static func label(_ frame: String, at location: FrameLocation?) -> String {
        location.map { "\(frame) at \($0.short)" } ?? frame
    }

    /// This site's frames as a reader sees them (`shownFrames(_:locations:)`).
    package var shownFrames: [String] { Self.shownFrames(frames, locations: locations) }
}
