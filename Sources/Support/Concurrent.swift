internal import Foundation

/// Work spread over every core, with one rule for cutting it into chunks: enough chunks
/// for each core to take several, so that one slow chunk does not hold the rest up, and
/// none smaller than the caller's minimum, so that tiny work is not split at all.
/// Results come back in order, so the output never depends on the number of cores.
public enum Concurrent {
    /// How many chunks `count` items are cut into.
    public static func chunkCount(_ count: Int, minimumChunk: Int) -> Int {
        max(1, min(count / max(1, minimumChunk), ProcessInfo.processInfo.activeProcessorCount * 4))
    }

    /// `body` run on each chunk of `0..<count`, on every core: the chunks' results in
    /// order. A chunk may keep its own scratch state; the ranges are contiguous, cover
    /// every index once, and the first starts at 0.
    public static func mapChunks<T: Sendable>(_ count: Int, minimumChunk: Int = 64,
                                              _ body: @escaping @Sendable (Range<Int>) -> T) async -> [T] {
        guard count > 0 else { return [] }
        let chunks = chunkCount(count, minimumChunk: minimumChunk)
        guard chunks > 1 else { return [body(0..<count)] }
        let size = (count + chunks - 1) / chunks
        let ranges = stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        return await withTaskGroup(of: (Int, T).self) { group in
            for (n, range) in ranges.enumerated() { group.addTask { (n, body(range)) } }
            var results = [T?](repeating: nil, count: ranges.count)
            for await (n, result) in group { results[n] = result }
            return results.map { $0! }
        }
    }

    /// `(0..<count).map(body)` on every core, results in index order.
    public static func map<T: Sendable>(_ count: Int, minimumChunk: Int = 64, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        await mapChunks(count, minimumChunk: minimumChunk) { range in range.map(body) }.flatMap { $0 }
    }
}

/// A value handed between tasks although its type is not `Sendable`, by a caller who
/// knows it is safe: the value is made by one task, and after it is handed over nothing
/// changes it. The renderer's page values are `[String: Any]` dictionaries of strings,
/// booleans, numbers and further such arrays and dictionaries, for the template
/// engine's speed; they are the reason this exists. Its name says what it does.
public struct UnsafeTransfer<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
