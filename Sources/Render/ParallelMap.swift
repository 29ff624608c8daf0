/// `(0..<count).map(body)` on every core, in chunks, results in index order. For the
/// renderer's preparation, whose values (context dictionaries) are not `Sendable`.
enum ParallelMap {
    /// One chunk's results. Unchecked because the values are `Any` dictionaries: each
    /// box is filled by the one task that makes it and read only after the group has
    /// finished, and the values in it are strings, booleans, and arrays and
    /// dictionaries of them, which nothing mutates after.
    private final class Chunk<T>: @unchecked Sendable {
        let start: Int
        let values: [T]
        init(start: Int, values: [T]) {
            self.start = start
            self.values = values
        }
    }

    static func map<T>(_ count: Int, chunk: Int = 512, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        guard count > chunk else { return (0..<count).map(body) }
        let chunks = await withTaskGroup(of: Chunk<T>.self) { group in
            for start in stride(from: 0, to: count, by: chunk) {
                group.addTask { Chunk(start: start, values: (start..<min(count, start + chunk)).map(body)) }
            }
            var all: [Chunk<T>] = []
            for await part in group { all.append(part) }
            return all
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for part in chunks.sorted(by: { $0.start < $1.start }) { out += part.values }
        return out
    }
}
