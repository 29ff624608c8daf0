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

    /// A person's contact details stay out of index.json unless the card opts in; other
    /// kinds always share theirs. (The page shows them either way: see the snapshots.)
    @Test func aPersonsContactIsInIndexJSONOnlyWhenTheCardSaysSo() async throws {
        func contacts(optIn: Bool) async throws -> [String: Any] {
            let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
            var content = try #require(loaded.content)
            content.cards[0].details.contactInOpenData = optIn
            let data = DataFiles(graph: await SiteGraph.build(content), options: RenderOptions(baseURL: nil, today: FixtureBuild.today))
            let index = try #require(try JSONSerialization.jsonObject(with: Data(data.indexBytes())) as? [String: Any])
            let cards = try #require(index["cards"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: cards.map { ($0["slug"] as? String ?? "", $0["contact"] as Any) })
        }
        let withheld = try await contacts(optIn: false)
        #expect(withheld["ada-example"] is NSNull)
        #expect((withheld["carers-circle"] as? [String: Any])?["phone"] as? String == "0131 496 0000")
        let shared = try await contacts(optIn: true)
        #expect((shared["ada-example"] as? [String: Any])?["email"] as? String == "ada@example.org")
    }
}
