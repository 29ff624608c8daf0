import Content
import Foundation
@testable import Import
import Testing

/// How people attend a service (1.x `attending_type` on the service, 3.0 `attending_type`
/// on a schedule) becomes the card's `formats` where the feed's words name a format, and
/// stays in the card's text where they do not.
@Suite(.serialized) struct AttendingTypeTests {
    /// The fixture's attending types, and the formats each names (none for a sentence).
    static let expected: [String: [Format]] = [
        "Venue": [.inPerson], "Online": [.online], "Phone": [.phone], "Telephone": [.phone],
        "Online, Venue": [.online, .inPerson], "You can attend in person or join by video call": [],
    ]

    /// The attending type a fixture record gives, wherever its version keeps it.
    static func attendingType(_ record: [String: Any]) -> String? {
        if let how = record["attending_type"] as? String { return how }
        let schedules = record["schedules"] as? [[String: Any]] ?? []
        return schedules.compactMap { $0["attending_type"] as? String }.first
    }

    @Test func attendingTypesBecomeFormatsAndTheRestStaysInTheText() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        let loaded = try await ContentLoader.load(site.path, today: ImportSite.today)
        let content = try #require(loaded.content)
        let byID = Dictionary(content.cards.compactMap { card in card.details.orukID.map { ($0, card) } }, uniquingKeysWith: { a, _ in a })
        var seen: Set<[Format]> = [], kept = 0
        let records = try ["services-1x.json", "services-3.json", "service-3-avonmouth.json"].flatMap(ImportSite.records)
        let ids = records.compactMap { ($0["id"] as? String)?.lowercased() }
        for record in records {
            // A card keeps the id of only one of two records that share it.
            guard let id = (record["id"] as? String)?.lowercased(), ids.filter({ $0 == id }).count == 1, let card = byID[id] else { continue }
            let text = try site.read(card.file)
            guard let how = Self.attendingType(record) else {
                #expect(card.formats.isEmpty, "\(card.slug) has no attending type")
                continue
            }
            let formats = try #require(Self.expected[how], "the fixture's '\(how)' is in the table")
            #expect(card.formats == formats, "\(card.slug): \(how)")
            seen.insert(formats)
            if formats.isEmpty {
                #expect(text.contains("attending\\_type**: " + how), "\(card.slug) keeps '\(how)' in its text")
                kept += 1
            } else {
                #expect(!text.contains("attending\\_type"), "\(card.slug) does not repeat '\(how)' in its text")
            }
        }
        #expect(seen.count == Set(Self.expected.values).count, "every kind of attending type was compared")
        #expect(kept > 0)
    }

    @Test func wordsThatNameNoFormatAreKeptWhereTheFeedSaidThem() {
        var converter = ServiceConverter(label: "cards/x.md", report: ImportReport())
        let formats = converter.formats([FeedFact(path: "attending_type", value: "Venue; phone"),
                                         FeedFact(path: "schedules[1].attending_type", value: "Online / home visits"),
                                         FeedFact(path: "schedules[2].attending_type", value: "TEXT")])
        #expect(formats == [.inPerson, .phone, .online, .text])
        #expect(converter.facts.map(\.path) == ["schedules[1].attending_type"])
        #expect(converter.facts.map(\.value) == ["Online / home visits"])
    }
}

/// Who a service is for, said once even when a feed says it twice.
@Suite struct EligibilityWordsTests {
    @Test func theSameWordsFromTwoPlacesAreKeptOnce() {
        #expect(ServiceConverter.distinct(["Adults", "Carers", "adults.", " Carers ", "Ages 18 and over"])
                == ["Adults", "Carers", "Ages 18 and over"])
        #expect(ServiceConverter.distinct(["", " . "]).isEmpty)
    }
}
