import Content
import Foundation
import Graph
import OpenReferral
import Render
import Testing

/// What the export says of the fixture's cards: the mapping of docs/open-data.md, a
/// person's contact details kept out unless the card opts in, and ids that depend on
/// nothing but each card's own slug or imported id.
@Suite struct OpenReferralExportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let today = ContentDate(year: 2026, month: 11, day: 27)!
    static let base = "https://example.org/whoswho/"

    /// The export of a copy of the valid fixture, each edit (file → change) made first.
    static func export(_ edits: [String: (String) -> String] = [:], removing removed: [String] = []) async throws -> OpenReferralExport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-oruk-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("valid"), to: folder)
        for (file, change) in edits {
            let url = folder.appendingPathComponent(file)
            try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }
        for file in removed { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
        let loaded = try await ContentLoader.load(folder.path, today: today)
        let content = try #require(loaded.content, "\(loaded.diagnostics)")
        return OpenReferralExport(graph: await SiteGraph.build(content), baseURL: base)
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// A card's service in full, found by its name in the list of services.
    static func service(_ export: OpenReferralExport, named name: String) throws -> [String: Any] {
        let list = try json(export.bytes(of: "oruk/services/index.json"))
        let contents = try #require(list["contents"] as? [[String: Any]])
        let id = try #require(contents.first { $0["name"] as? String == name }?["id"] as? String)
        return try json(export.serviceBytes(try #require((0..<export.serviceCount).first { export.servicePath($0).contains(id) })))
    }

    @Test func aPersonsServiceKeepsItsContactDetailsOut() async throws {
        let ada = try Self.service(try await Self.export(), named: "Ada Example")
        // The id it was imported with, in small letters; its status; its page instead of its website.
        #expect(ada["id"] as? String == "6f1b7c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b")
        #expect(ada["status"] as? String == "temporarily closed")
        #expect(ada["url"] as? String == Self.base + "cards/ada-example/")
        #expect(ada["email"] == nil)
        #expect((ada["phones"] as? [Any])?.isEmpty == true)
        // Run by Memory Cafe: its organization, with its id.
        let organization = try #require(ada["organization"] as? [String: Any])
        #expect(organization["name"] as? String == "Memory Cafe")
        #expect(ada["organization_id"] as? String == organization["id"] as? String)
        // The monthly meeting on the first and last Friday, in RFC 5545's terms and in words.
        let schedules = try #require(ada["schedules"] as? [[String: Any]])
        #expect(schedules.map { $0["byday"] as? String } == ["TU", "1FR,-1FR"])
        #expect(schedules.map { $0["freq"] as? String } == ["WEEKLY", "MONTHLY"])
        #expect(schedules.first?["description"] as? String == "Tuesdays, 10:00 to 12:00")
        #expect(schedules.first?["opens_at"] as? String == "10:00")
        let languages = try #require(ada["languages"] as? [[String: Any]])
        #expect(languages.map { $0["code"] as? String } == ["en", "cy", "bfi"])
        #expect(languages.map { $0["name"] as? String } == ["English", "Welsh", "British Sign Language"])
        let place = try #require((ada["service_at_locations"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        let address = try #require((place["addresses"] as? [[String: Any]])?.first)
        #expect(address["postal_code"] as? String == "E8 1AA")
        #expect(address["address_1"] as? String == "1 Example Street, Hackney")
        #expect(place["latitude"] as? Double == 51.545)
    }

    @Test func aPersonWhoOptsInSharesTheirContactDetails() async throws {
        let export = try await Self.export(["cards/ada-example.md": { $0.replacingOccurrences(of: "contact_in_open_data: no", with: "contact_in_open_data: yes") }])
        let ada = try Self.service(export, named: "Ada Example")
        #expect(ada["url"] as? String == "https://example.org/ada")
        #expect(ada["email"] as? String == "ada@example.org")
        #expect((ada["phones"] as? [[String: Any]])?.map { $0["number"] as? String } == ["+44 20 7946 0000"])
    }

    @Test func groupsStandForThemselvesAndShareTheirContactDetails() async throws {
        let export = try await Self.export()
        let circle = try Self.service(export, named: "Carers Circle")
        let organization = try #require(circle["organization"] as? [String: Any])
        #expect(organization["name"] as? String == "Carers Circle")
        #expect((circle["phones"] as? [[String: Any]])?.map { $0["number"] as? String } == ["0131 496 0000"])
        // The person stands for no organization: the list holds the group, the network and the organisation.
        let organizations = try Self.json(export.bytes(of: "oruk/organizations/index.json"))["contents"] as? [[String: Any]]
        #expect(organizations?.map { $0["name"] as? String } == ["Carers Circle", "Memory Cafe", "Peer Network"])
    }

    @Test func idsDependOnlyOnEachCardsOwnSlugOrImportedID() async throws {
        let before = try await Self.export()
        // Another card gone, and Ada's imported id gone: the others keep theirs, Ada gets the one made from her slug.
        let after = try await Self.export(["cards/ada-example.md": { $0.replacingOccurrences(of: "oruk_id: 6F1B7C2E-3A4D-4E5F-8A9B-0C1D2E3F4A5B\n", with: "") }],
                                          removing: ["cards/peer-network.md"])
        #expect(after.serviceCount == before.serviceCount - 1)
        #expect(before.servicePath(1) == after.servicePath(1))
        #expect(before.servicePath(2) == after.servicePath(2))
        #expect(after.servicePath(0) == "oruk/services/\(NameBasedUUID(namespace: NameBasedUUID(namespace: .dns, name: "open-referral.whoswho.invalid"), name: "service/ada-example").text)/index.json")
        // The same content, the same bytes.
        let again = try await Self.export()
        for path in before.paths { #expect(before.bytes(of: path) == again.bytes(of: path)) }
        for i in 0..<before.serviceCount { #expect(before.serviceBytes(i) == again.serviceBytes(i)) }
    }

    /// A card renamed with its old slug in `former_slugs` keeps its service's id, and so
    /// every id made from it; without `former_slugs` the rename would change them.
    @Test func aRenamedCardKeepsItsIDs() async throws {
        let before = try await Self.export(["cards/carers-circle.yml": { $0.replacingOccurrences(of: "former_slugs: [edinburgh-carers-circle]\n", with: "") }])
        let circle = try Self.service(before, named: "Carers Circle")
        // The fixture's card was renamed from edinburgh-carers-circle: its ids come from that slug.
        let renamed = try Self.service(try await Self.export(), named: "Carers Circle")
        #expect(renamed["id"] as? String != circle["id"] as? String)
        // Renamed again, to carers-circle-scotland, listing both old slugs, oldest first: the ids stay.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-oruk-rename-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("valid"), to: folder)
        let old = folder.appendingPathComponent("cards/carers-circle.yml")
        let text = try String(contentsOf: old, encoding: .utf8)
            .replacingOccurrences(of: "former_slugs: [edinburgh-carers-circle]", with: "former_slugs: [edinburgh-carers-circle, carers-circle]")
        try FileManager.default.removeItem(at: old)
        try Data(text.utf8).write(to: folder.appendingPathComponent("cards/carers-circle-scotland.yml"))
        for file in ["cards/ada-example.md", "guides/measuring.md", "guides/setting-up.md"] {
            let url = folder.appendingPathComponent(file)
            let changed = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "carers-circle", with: "carers-circle-scotland")
            try Data(changed.utf8).write(to: url)
        }
        let loaded = try await ContentLoader.load(folder.path, today: Self.today)
        let content = try #require(loaded.content, "\(loaded.diagnostics)")
        let export = OpenReferralExport(graph: await SiteGraph.build(content), baseURL: Self.base)
        let again = try Self.service(export, named: "Carers Circle")
        #expect(again["id"] as? String == renamed["id"] as? String)
        #expect((again["service_areas"] as? [[String: Any]])?.first?["id"] as? String
                == (renamed["service_areas"] as? [[String: Any]])?.first?["id"] as? String)
        #expect((again["organization"] as? [String: Any])?["id"] as? String == (renamed["organization"] as? [String: Any])?["id"] as? String)
    }

    @Test func theRootNamesTheLicenceWhenSiteYmlDoes() async throws {
        let without = try Self.json(try await Self.export().bytes(of: "oruk/index.json"))
        #expect(without["license"] == nil)
        #expect(without["version"] as? String == "HSDS-UK-3.0")
        let with = try Self.json(try await Self.export(["site.yml": { $0 + "licence: OGL-UK-3.0\n" }]).bytes(of: "oruk/index.json"))
        let licence = try #require(with["license"] as? [String: Any])
        #expect(licence["name"] as? String == "Open Government Licence v3.0")
        #expect(licence["url"] as? String == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    }
}
