import Support
import Content
import Foundation
import Graph
@testable import Render
import Testing

@Suite struct DataFilesTests {
    static func data(base: String? = nil, limits: DataLimits = .standard, edit: (inout Content) -> Void = { _ in }) async throws -> DataFiles {
        let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
        var content = try #require(loaded.content)
        content.site.baseURL = base
        edit(&content)
        return DataFiles(graph: await SiteGraph.build(content), options: RenderOptions(baseURL: base, today: FixtureBuild.today), limits: limits)
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// Every entry of one kind, read from the files index.json lists, file by file.
    static func entries(_ data: DataFiles, _ kind: String) throws -> [[String: Any]] {
        let index = try json(data.bytes(of: "index.json"))
        let files = try #require(index["files"] as? [[String: Any]]).filter { $0["kind"] as? String == kind }
        var out: [[String: Any]] = []
        for file in files {
            let path = try #require(file["url"] as? String)
            let page = try json(data.bytes(of: path))
            let entries = try #require(page[kind] as? [[String: Any]])
            #expect(entries.count == file["count"] as? Int)
            #expect(entries.first?["slug"] as? String == file["first"] as? String)
            #expect(entries.last?["slug"] as? String == file["last"] as? String)
            #expect(page["page"] as? Int == file["page"] as? Int)
            #expect(page["total_pages"] as? Int == files.count)
            out += entries
        }
        return out
    }

    /// A file of entries is written entry by entry; it must be the same bytes as the whole
    /// tree of values, and as long as index.json says, with or without a base URL.
    @Test func entryFilesWrittenPieceByPieceEqualTheWholeValueAndTheirStatedLength() async throws {
        for base in [nil, FixtureBuild.baseURL] {
            let data = try await Self.data(base: base, limits: DataLimits(entriesPerFile: 2, bytesPerFile: 1 << 20, sitemapAddresses: 10, sitemapBytes: 1 << 20))
            #expect(data.entryFiles.count > 2)
            for file in data.entryFiles {
                let bytes = data.bytes(of: file.path)
                #expect(bytes == data.entryValue(of: file).bytes())
                #expect(bytes.count == file.bytes)
            }
            let listed = try #require(try Self.json(data.bytes(of: "index.json"))["files"] as? [[String: Any]])
            #expect(listed.map { $0["bytes"] as? Int } == data.entryFiles.map(\.bytes))
            #expect(listed.map { $0["url"] as? String } == data.entryFiles.map { (base ?? "") + $0.path })
        }
    }

    /// However small the files, every card and guide is in exactly one of them, in slug
    /// order, and no file holding more than one entry is over the byte limit.
    @Test(arguments: [(1, 1 << 20), (2, 1 << 20), (1000, 4000), (1000, 1)])
    func filesHoldEveryEntryOnceWithinTheirLimits(perFile: Int, bytes: Int) async throws {
        let limits = DataLimits(entriesPerFile: perFile, bytesPerFile: bytes, sitemapAddresses: 50_000, sitemapBytes: 50 << 20)
        let data = try await Self.data(limits: limits)
        let cards = try Self.entries(data, "cards").compactMap { $0["slug"] as? String }
        let guides = try Self.entries(data, "guides").compactMap { $0["slug"] as? String }
        #expect(cards == data.content.cards.map(\.slug))
        #expect(guides == data.content.guides.map(\.slug))
        #expect(cards == cards.sorted() && Set(cards).count == cards.count)
        for file in data.entryFiles {
            #expect(file.entries.count <= perFile)
            #expect(file.entries.count == 1 || file.bytes <= bytes, "\(file.path) is \(file.bytes) bytes")
        }
        #expect(Set(data.paths).count == data.paths.count)
        #expect(data.paths.filter { $0.hasPrefix("index/") } == data.entryFiles.map(\.path))
    }

    /// The parallel plan of the build is the plan made one entry after another.
    @Test func theBuildsPlanIsTheSameAsTheSequentialOne() async throws {
        let limits = DataLimits(entriesPerFile: 3, bytesPerFile: 9000, sitemapAddresses: 7, sitemapBytes: 1 << 20)
        let data = try await Self.data(limits: limits)
        let made = await DataFiles.make(graph: data.graph, options: data.options, limits: limits)
        #expect(made.entryFiles == data.entryFiles)
        #expect(made.paths == data.paths)
    }

    @Test func runsSplitOnCountAndBytesAndGiveAnOversizedItemItsOwnRun() {
        #expect(Runs.split([], count: 3, bytes: 100, separator: 1, overhead: 10).isEmpty)
        #expect(Runs.split([5, 5, 5, 5, 5], count: 2, bytes: 100, separator: 1, overhead: 10) == [0..<2, 2..<4, 4..<5])
        // 10 + 30 + 1 + 30 = 71 fits 75; a third would not.
        #expect(Runs.split([30, 30, 30, 200, 1], count: 10, bytes: 75, separator: 1, overhead: 10) == [0..<2, 2..<3, 3..<4, 4..<5])
    }

    /// A person's contact details stay out of index.json unless the card opts in; other
    /// kinds always share theirs. (The page shows them either way: see the snapshots.)
    @Test func aPersonsContactIsInIndexJSONOnlyWhenTheCardSaysSo() async throws {
        func contacts(optIn: Bool) async throws -> [String: Any] {
            let data = try await Self.data { $0.cards[0].details.contactInOpenData = optIn }
            let cards = try Self.entries(data, "cards")
            return Dictionary(uniqueKeysWithValues: cards.map { ($0["slug"] as? String ?? "", $0["contact"] as Any) })
        }
        let withheld = try await contacts(optIn: false)
        #expect(withheld["ada-example"] is NSNull)
        #expect((withheld["carers-circle"] as? [String: Any])?["phone"] as? String == "0131 496 0000")
        let shared = try await contacts(optIn: true)
        #expect((shared["ada-example"] as? [String: Any])?["email"] as? String == "ada@example.org")
    }
}
