/// The keys of one object, to refuse a repeated key: a short list searched linearly (most
/// objects have a handful of keys), a set once the list is long.
struct ObjectKeys {
    private var list: [String] = []
    private var set: Set<String> = []
    private static let listLimit = 16

    /// Adds `key`; false when the object already had it.
    mutating func insert(_ key: String) -> Bool {
        if !set.isEmpty { return set.insert(key).inserted }
        if list.contains(key) { return false }
        list.append(key)
        if list.count > Self.listLimit {
            set = Set(list)
            list.removeAll(keepingCapacity: true)
        }
        return true
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        list.removeAll(keepingCapacity: true)
        set.removeAll(keepingCapacity: true)
    }
}
