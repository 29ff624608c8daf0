import Content
import Foundation
import Graph
@testable import Render
import Testing

@Suite struct DataFilesTests {
    /// index.json is written card by card; it must be the same bytes as the whole tree of values.
    @Test func indexJSONWrittenPieceByPieceEqualsTheWholeValue() async throws {
        for base in [nil, FixtureBuild.baseURL] {
            let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
            var content = try #require(loaded.content)
            content.site.baseURL = base
            let data = DataFiles(graph: await SiteGraph.build(content), options: RenderOptions(baseURL: base, today: FixtureBuild.today))
            let streamed = data.indexBytes()
            #expect(streamed == data.index().bytes())
            #expect(data.bytes(of: "index.json") == streamed)
            #expect(streamed.count > 1000)
        }
    }
}
