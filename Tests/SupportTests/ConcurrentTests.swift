import Support
import Testing

@Suite struct ConcurrentTests {
    /// The chunks cover every index once, in order, whatever the count, so a result
    /// never depends on how the work was split.
    @Test(arguments: [0, 1, 63, 64, 65, 1000, 4097])
    func chunksCoverEveryIndexOnceInOrder(count: Int) async {
        let ranges = await Concurrent.mapChunks(count, minimumChunk: 8) { $0 }
        #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        #expect(ranges.allSatisfy { !$0.isEmpty })
        let squares = await Concurrent.map(count, minimumChunk: 8) { $0 * $0 }
        #expect(squares == (0..<count).map { $0 * $0 })
    }

    /// Work smaller than the minimum chunk is not split; larger work is, but never into
    /// chunks smaller than the minimum.
    @Test func theMinimumChunkIsKept() async {
        #expect(Concurrent.chunkCount(63, minimumChunk: 64) == 1)
        let ranges = await Concurrent.mapChunks(1000, minimumChunk: 100) { $0 }
        #expect(ranges.count <= 10)
        #expect(ranges.dropLast().allSatisfy { $0.count >= 100 })
    }
}
