extension FastJSONParser {
    /// An `allocationSites` object; `nil` unless every required field has the right type.
    mutating func allocationSites() -> AllocationSites? {
        var iterations: Int?
        var allocations: Double?, bytes: Double?
        var unattributedAllocations: Double?, unattributedBytes: Double?
        var sites: [AllocationSite]?
        let ok = object { parser, key in
            switch key {
            case "iterations": iterations = parser.integer(); return iterations != nil
            case "allocationsPerOp": allocations = parser.number(); return allocations != nil
            case "bytesPerOp": bytes = parser.number(); return bytes != nil
            case "unattributedAllocationsPerOp": unattributedAllocations = parser.number(); return unattributedAllocations != nil
            case "unattributedBytesPerOp": unattributedBytes = parser.number(); return unattributedBytes != nil
            case "sites":
                var list: [AllocationSite] = []
                let ok = parser.array { parser in
                    guard let site = parser.allocationSite() else { return false }
                    list.append(site)
                    return true
                }
                sites = ok ? list : nil
                return ok
            default: return parser.skipValue()
            }
        }
        guard ok, let iterations, let allocations, let bytes, let sites, let unattributedAllocations, let unattributedBytes else {
            return nil
        }
        return AllocationSites(
            iterations: iterations, allocationsPerOp: allocations, bytesPerOp: bytes, sites: sites,
            unattributedAllocationsPerOp: unattributedAllocations, unattributedBytesPerOp: unattributedBytes)
    }

    /// A profile or `null` into `sites`; false when it is neither.
    mutating func optionalSites(into sites: inout AllocationSites?) -> Bool {
        if null() { return true }
        sites = allocationSites()
        return sites != nil
    }

    /// One element of `sites`.
    mutating func allocationSite() -> AllocationSite? {
        var key: String?
        var allocations: Double?, bytes: Double?
        var frames: [String]?
        var via: String?
        var locations: [FrameLocation?]?
        let ok = object { parser, name in
            switch name {
            case "key": key = parser.string(); return key != nil
            case "allocationsPerOp": allocations = parser.number(); return allocations != nil
            case "bytesPerOp": bytes = parser.number(); return bytes != nil
            case "via":
                guard let value = parser.optionalString() else { return false }
                via = value
                return true
            case "frames":
                var list: [String] = []
                let ok = parser.array { parser in
                    guard let frame = parser.string() else { return false }
                    list.append(frame)
                    return true
                }
                frames = ok ? list : nil
                return ok
            case "locations":
                var list: [FrameLocation?] = []
                let ok = parser.array { parser in
                    if parser.null() { list.append(nil); return true }
                    guard let location = parser.sourceLocation() else { return false }
                    list.append(location)
                    return true
                }
                locations = ok ? list : nil
                return ok
            default: return parser.skipValue()
            }
        }
        guard ok, let key, let allocations, let bytes, let frames else { return nil }
        return AllocationSite(key: key, allocationsPerOp: allocations, bytesPerOp: bytes, frames: frames, via: via, locations: locations)
    }

    /// One element of a site's `locations` that is not `null`.
    mutating func sourceLocation() -> FrameLocation? {
        var file: String?, line: Int?, column: Int?
        let ok = object { parser, name in
            switch name {
            case "file": file = parser.string(); return file != nil
            case "line": line = parser.integer(); return line != nil
            case "column": column = parser.integer(); return column != nil
            default: return parser.skipValue()
            }
        }
        guard ok, let file, let line else { return nil }
        return FrameLocation(file: file, line: line, column: column)
    }
}
