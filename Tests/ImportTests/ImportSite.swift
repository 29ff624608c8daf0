import Content
import Foundation
import Graph
@testable import Import
import OpenReferral

/// A copy of the importer's test site (Tests/Fixtures/import-site) in a temporary
/// folder, and the feed fixture (Tests/Fixtures/oruk-feed) to import into it.
struct ImportSite {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let feed = fixtures.appendingPathComponent("oruk-feed").path
    static let mapping = fixtures.appendingPathComponent("oruk-mapping.yml").path
    static let today = ContentDate(year: 2026, month: 12, day: 6)!

    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-import-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("import-site").path, toPath: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Imports the fixture feed with the fixture mapping.
    func run(update: Bool = false, region: String? = "england", topic: String? = "mental-health", feed: String = ImportSite.feed,
             mapping: String? = ImportSite.mapping) async throws(ImportFailure) -> ImportOutcome {
        try await OpenReferralImport.run(ImportOptions(feed: feed, content: path, region: region, topic: topic, mapping: mapping,
                                                       update: update, today: Self.today))
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path + "/" + relative, encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative)) }

    /// Every file of the site and its bytes.
    func files() throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: path)?.compactMap({ $0 as? String }) ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = FileManager.default.contents(atPath: path + "/" + name)
            }
        }
        return out
    }

    /// The site's Open Referral export: every service in full, by id.
    func exportedServices() async throws -> [String: [String: Any]] {
        let loaded = try await ContentLoader.load(path, today: Self.today)
        guard let content = loaded.content else { throw ImportFailure("the site has errors: \(loaded.diagnostics.filter(\.isError))") }
        let export = OpenReferralExport(graph: await SiteGraph.build(content), baseURL: "https://example.org/")
        var out: [String: [String: Any]] = [:]
        for i in 0..<export.serviceCount {
            let json = try JSONSerialization.jsonObject(with: Data(export.serviceBytes(i))) as? [String: Any] ?? [:]
            if let id = json["id"] as? String { out[id] = json }
        }
        return out
    }

    /// The records of one saved response of the feed fixture.
    static func records(_ file: String) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: feed + "/" + file)))
        if let list = json as? [[String: Any]] { return list }
        let object = json as? [String: Any] ?? [:]
        return (object["contents"] ?? object["content"]) as? [[String: Any]] ?? [object]
    }
}
