import Content
import Foundation
import Graph
@testable import OpenReferral
import Render
import Testing

/// The lists in pages of a fixed size, each at a fixed address: every record on exactly
/// one page, in the order of the one-page list, with the list response's numbers right.
@Suite struct OpenReferralPagesTests {
    static func export(pageSize: Int) async throws -> OpenReferralExport {
        let loaded = try await ContentLoader.load(OpenReferralExportTests.fixtures.appendingPathComponent("valid").path,
                                                  today: OpenReferralExportTests.today)
        var content = try #require(loaded.content)
        // More places than the fixture's one, over several cards, some with none between.
        let place = try #require(content.cards.first { !$0.details.locations.isEmpty }?.details.locations.first)
        for (k, count) in [(0, 2), (2, 3), (3, 1)] where k < content.cards.count {
            content.cards[k].details.locations = Array(repeating: place, count: count)
        }
        return OpenReferralExport(graph: await SiteGraph.build(content), baseURL: OpenReferralExportTests.base, pageSize: pageSize)
    }

    /// The records of every page of `list`, checking each page's numbers on the way.
    static func pages(_ export: OpenReferralExport, _ list: String, size: Int) throws -> (records: [String], pages: [String]) {
        let paths = export.paths.filter { $0.hasPrefix("oruk/\(list)/") }
        var records: [String] = []
        for (n, path) in paths.enumerated() {
            #expect(path == (n == 0 ? "oruk/\(list)/index.json" : "oruk/\(list)/page/\(n + 1)/index.json"))
            let page = try OpenReferralExportTests.json(export.bytes(of: path))
            let contents = try #require(page["contents"] as? [[String: Any]])
            #expect(page["page_number"] as? Int == n + 1)
            #expect(page["total_pages"] as? Int == paths.count)
            #expect(page["size"] as? Int == contents.count)
            #expect(page["first_page"] as? Bool == (n == 0))
            #expect(page["last_page"] as? Bool == (n == paths.count - 1))
            #expect(page["empty"] as? Bool == contents.isEmpty)
            #expect(contents.count == size || n == paths.count - 1)
            #expect(!contents.isEmpty || paths.count == 1)
            let total = try #require(page["total_items"] as? Int)
            #expect(total <= paths.count * size && (total > (paths.count - 1) * size || total == 0))
            records += contents.map { record in
                // A service at a location has no name of its own: its id tells it apart.
                (record["id"] as? String) ?? ""
            }
        }
        return (records, paths)
    }

    @Test(arguments: [1, 2, 3, 1000])
    func everyRecordIsOnExactlyOnePage(size: Int) async throws {
        let whole = try await Self.export(pageSize: 1000)
        let paged = try await Self.export(pageSize: size)
        for list in OpenReferralExport.lists {
            let one = try Self.pages(whole, list, size: 1000)
            #expect(one.pages.count == 1)
            let many = try Self.pages(paged, list, size: size)
            #expect(many.records == one.records, "\(list)")
            #expect(Set(many.records).count == many.records.count, "\(list)")
            #expect(many.pages.count == max(1, (one.records.count + size - 1) / size), "\(list)")
        }
        // The fixture has places to page through.
        #expect(try Self.pages(whole, "service_at_locations", size: 1000).records.count > 3)
        // A page past the last, or an address that is not a page, is no file of the export.
        #expect(paged.bytes(of: "oruk/services/page/1/index.json").isEmpty)
        #expect(paged.bytes(of: "oruk/services/page/\(paged.serviceCount + 1)/index.json").isEmpty)
    }

    /// The host files answer a later page's address without index.json.
    @Test func laterPagesAreReachedWithoutIndexJSON() {
        let rules = String(decoding: HostFiles().bytes(of: "_redirects"), as: UTF8.self)
        for list in OpenReferralExport.lists {
            #expect(rules.contains("/oruk/\(list)/page/:n /oruk/\(list)/page/:n/index.json 200\n"))
            #expect(rules.contains("/oruk/\(list)/page/:n/ /oruk/\(list)/page/:n/index.json 200\n"))
        }
    }
}
