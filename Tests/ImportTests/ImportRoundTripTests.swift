import Content
import Foundation
import Render
@testable import Import
import Testing

/// A messy feed (Tests/Fixtures/oruk-feed: 56 services in ORUK 1.x and 3.0, several
/// organisations, duplicate ids, HTML, bad addresses) imports into cards that `check`
/// accepts, and what the feed says of each service (its name, web and email addresses,
/// organisation, fees, eligibility, ways in, places, times and formats) comes out of the
/// site's Open Referral export again: import → check → build → export.
@Suite(.serialized) struct ImportRoundTripTests {
    /// The expected values are read from the feed itself, record by record.
    @Test func theFeedSurvivesImportBuildAndExport() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        let exported = try await site.exportedServices()
        var seen = Set<String>()
        var compared = 0
        for file in ["services-3.json", "services-1x.json", "service-3-avonmouth.json"] {
            for record in try ImportSite.records(file) {
                guard let id = (record["id"] as? String)?.lowercased(), seen.insert(id).inserted, OpenReferralID.isUUID(id),
                      let name = record["name"] as? String else { continue }
                let service = try #require(exported[id], "\(name) keeps its id \(id)")
                try compare(record, service, name: name)
                compared += 1
            }
        }
        #expect(compared >= 50)
    }

    func compare(_ record: [String: Any], _ service: [String: Any], name: String) throws {
        #expect(service["name"] as? String == name)
        if let url = (record["url"] as? String).map(TextCleaner.clean), url.hasPrefix("https://") || url.hasPrefix("www.") {
            let expected = url.hasPrefix("www.") ? "https://" + url : url
            #expect(service["url"] as? String == expected.trimmingCharacters(in: CharacterSet(charactersIn: ".")), "\(name)'s url")
        }
        if let email = (record["email"] as? String).map(TextCleaner.clean), WebAddress.isEmail(email) {
            #expect(service["email"] as? String == email, "\(name)'s email")
        }
        if let org = (record["organization"] as? [String: Any])?["name"] as? String {
            #expect((service["organization"] as? [String: Any])?["name"] as? String == TextCleaner.clean(org), "\(name)'s organisation")
        }
        let costs = service["cost_options"] as? [[String: Any]] ?? []
        let fees = TextCleaner.clean(record["fees"] as? String ?? "")
        if fees.lowercased().hasPrefix("free") || (record["cost_options"] as? [[String: Any]])?.first?["amount"] as? Double == 0 {
            #expect(costs.first?["amount"] as? Int == 0, "\(name) is free")
        } else if !fees.isEmpty {
            #expect((costs.first?["amount_description"] as? String)?.contains(fees) == true, "\(name)'s fees")
        } else if let amount = (record["cost_options"] as? [[String: Any]])?.first?["amount"] as? Double {
            #expect((costs.first?["amount_description"] as? String)?.contains("£" + String(format2: amount)) == true, "\(name)'s price")
        }
        let eligibility = service["eligibility_description"] as? String ?? ""
        for words in [record["eligibility_description"] as? String] + ((record["eligibilitys"] as? [[String: Any]]) ?? []).map({ $0["eligibility"] as? String }) {
            if let words, !words.isEmpty { #expect(eligibility.contains(words), "\(name)'s eligibility") }
        }
        let topics = (service["attributes"] as? [[String: Any]] ?? []).compactMap { ($0["taxonomy_term"] as? [String: Any])?["name"] as? String }
        for (term, isEligibility) in Self.attributeTerms(record) where isEligibility {
            #expect(eligibility.contains(term), "\(name)'s eligibility: \(term)")
            #expect(!topics.contains(term), "\(name): \(term) is not a topic")
        }
        let access = [record["attending_access"], record["application_process"]].compactMap { $0 as? String }
        let process = service["application_process"] as? String ?? ""
        for words in access {
            let w = words.lowercased()
            if w.contains("drop") { #expect(process.contains("Drop in"), "\(name): \(words)") }
            if w == "referral" || (w.contains("referral by") && !w.contains("self")) { #expect(process.contains("Referral by a professional"), "\(name): \(words)") }
            if w.contains("appointment") { #expect(process.contains("By appointment"), "\(name): \(words)") }
            if w.contains("self-referral") { #expect(process.contains("Self-referral"), "\(name): \(words)") }
        }
        let places = (service["service_at_locations"] as? [[String: Any]] ?? []).compactMap { $0["location"] as? [String: Any] }
        let postcodes = places.flatMap { ($0["addresses"] as? [[String: Any]] ?? []).compactMap { $0["postal_code"] as? String } }
        for sal in record["service_at_locations"] as? [[String: Any]] ?? [] {
            let location = sal["location"] as? [String: Any] ?? [:]
            let addresses = (location["addresses"] ?? location["physical_addresses"]) as? [[String: Any]] ?? []
            if let postcode = (addresses.first?["postal_code"] as? String).flatMap(Postcode.normalized) {
                #expect(postcodes.contains(postcode), "\(name)'s postcode \(postcode)")
            }
            if let place = location["name"] as? String { #expect(places.contains { $0["name"] as? String == place }, "\(name)'s place") }
        }
        let schedules = service["schedules"] as? [[String: Any]] ?? []
        // How people attend: the formats the feed's words name, as every schedule's attending_type.
        if let how = AttendingTypeTests.attendingType(record), let formats = AttendingTypeTests.expected[how], !formats.isEmpty {
            #expect(!schedules.isEmpty && schedules.allSatisfy { $0["attending_type"] as? String == formats.map { Words.english.label($0) }.joined(separator: ", ") },
                    "\(name)'s formats: \(how)")
        }
        let days = Set(schedules.flatMap { ($0["byday"] as? String ?? "").split(separator: ",").map(String.init) })
        for s in (record["schedules"] ?? record["regular_schedules"]) as? [[String: Any]] ?? [] {
            if let byday = s["byday"] as? String {
                #expect(Set(byday.split(separator: ",").map(String.init)).isSubset(of: days), "\(name)'s days \(byday)")
            } else if let weekday = s["weekday"] as? String {
                #expect(days.contains(String(weekday.prefix(2)).uppercased()), "\(name)'s \(weekday)")
            } else if let words = s["description"] as? String {
                #expect(schedules.contains { ($0["description"] as? String)?.contains(words) == true }, "\(name)'s times in words")
            }
            if let opens = s["opens_at"] as? String {
                #expect(schedules.contains { $0["opens_at"] as? String == String(opens.prefix(5)) }, "\(name) opens at \(opens)")
            }
        }
    }

    /// A 3.0 record's attributes: each term's name, and whether it says who may come (its
    /// `link_type` is eligibility, or its taxonomy is named as one of eligibility).
    static func attributeTerms(_ record: [String: Any]) -> [(String, Bool)] {
        (record["attributes"] as? [[String: Any]] ?? []).compactMap { attribute in
            guard let term = attribute["taxonomy_term"] as? [String: Any], let name = term["name"] as? String else { return nil }
            let taxonomy = (term["taxonomy"] as? String) ?? ((term["taxonomy_detail"] as? [String: Any])?["name"] as? String) ?? ""
            return (name, attribute["link_type"] as? String == "eligibility" || taxonomy.lowercased().contains("eligibility"))
        }
    }

    /// Eligibility attributes go to the card's eligibility, not its topics; an intended
    /// audience is still a topic, through the mapping.
    @Test func eligibilityAttributesAreEligibilityAndAudiencesAreTopics() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        let content = try #require(try await ContentLoader.load(site.path, today: ImportSite.today).content)
        var eligibility = 0, audiences = 0
        let records = try ImportSite.records("services-3.json")
        let ids = records.compactMap { ($0["id"] as? String)?.lowercased() }
        for record in records {
            // A card keeps the id of only one of two records that share it.
            guard let id = (record["id"] as? String)?.lowercased(), ids.filter({ $0 == id }).count == 1, let card = content.cards.first(where: { $0.details.orukID == id }) else { continue }
            for (term, isEligibility) in Self.attributeTerms(record) {
                let attribute = (record["attributes"] as? [[String: Any]] ?? []).first { ($0["taxonomy_term"] as? [String: Any])?["name"] as? String == term }
                if isEligibility {
                    #expect(card.details.eligibility?.contains(term) == true, "\(card.slug): \(term)")
                    #expect(!outcome.report.topicsAdded.contains { $0.contains(term) }, "\(term) made no topic")
                    eligibility += 1
                } else if attribute?["link_type"] as? String == "audience" {
                    #expect(card.topics.contains("mental-health"), "\(card.slug): \(term), mapped to mental-health")
                    #expect(card.details.eligibility?.contains(term) != true)
                    audiences += 1
                }
            }
        }
        #expect(eligibility >= 4 && audiences >= 2)
    }

    @Test func twoRecordsWithOneIdAreBothKeptAndReported() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        let records = try ImportSite.records("services-1x.json") + ImportSite.records("services-3.json")
        let ids = records.compactMap { $0["id"] as? String }
        let shared = Set(ids.filter { id in ids.filter { $0 == id }.count > 1 })
        #expect(shared.count == 2)
        #expect(outcome.report.duplicates.count == shared.count)
        for id in shared {
            let cards = try FileManager.default.contentsOfDirectory(atPath: site.path + "/cards").filter { name in
                (try? site.read("cards/" + name))?.contains("whoswho import begin: service \(id)") == true
            }
            #expect(cards.count == 2, "both records of \(id) are cards")
            #expect(outcome.report.duplicates.contains { $0.contains(id) && cards.allSatisfy($0.contains) })
            let withID = try cards.filter { try site.read("cards/" + $0).contains("\noruk_id: \(id)\n") }
            #expect(withID.count == 1, "one of them keeps the id")
        }
    }

    @Test func everyCutSummaryIsReported() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        var long = 0
        for file in ["services-1x.json", "services-3.json", "service-3-avonmouth.json"] {
            for record in try ImportSite.records(file) {
                let plain = TextCleaner.plain(fromHTML: record["description"] as? String ?? "")
                if plain.count > 280 { long += 1 }
            }
        }
        #expect(long > 0)
        #expect(outcome.report.cut.filter { $0.contains("summary cut") }.count == long)
    }

    @Test func existingCardsAreNotReplacedWithoutUpdate() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        let before = try site.files()
        await #expect(throws: ImportFailure.self) { try await site.run() }
        do { _ = try await site.run() } catch { #expect(error.description.contains("run again with --update")) }
        #expect(try site.files() == before)
    }

    @Test func anUpdateKeepsTheContributorsFieldsAndText() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        _ = try await site.run()
        let file = "cards/brigg-carers-coffee-morning.md"
        var text = try site.read(file)
        text = text.replacingOccurrences(of: "name: Brigg Carers Coffee Morning\n", with: "name: A name the feed did not give\n")
        text = text.replacingOccurrences(of: "kind: group\n", with: "kind: group\nlooking_for: Volunteers to bake cakes.\n")
        // The feed says it is online; the contributor says it is a group.
        #expect(text.contains("\nformats: [online]\n"))
        text = text.replacingOccurrences(of: "\nformats: [online]\n", with: "\nformats: [group]\n")
        text = text.replacingOccurrences(of: "  - carers\n", with: "  - carers\n  - dementia\n")
        text = text.replacingOccurrences(of: "  website: \"http://www.example.org/x\"\n", with: "  website: \"http://www.example.org/x\"\n  email: cakes@example.org\n")
        text = text.replacingOccurrences(of: "<!-- whoswho import begin", with: "Our own words, above the feed's.\n\n<!-- whoswho import begin")
        text += "\nOur own words, below.\n"
        try site.write(file, text)
        let outcome = try await site.run(update: true)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.filter(\.isError))")
        let after = try site.read(file)
        #expect(after.contains("name: Brigg Carers Coffee Morning\n"), "the feed's name is back")
        #expect(after.contains("looking_for: Volunteers to bake cakes.\n"))
        #expect(after.contains("\nformats: [group]\n") && !after.contains("formats: [online]"), "the contributor's formats stand")
        #expect(after.contains("  - carers\n  - dementia\n"))
        #expect(after.contains("contact:\n  website: \"http://www.example.org/x\"\n  email: cakes@example.org\n  phone: 01724 296 000\n"))
        #expect(after.contains("Our own words, above the feed's.\n\n<!-- whoswho import begin"))
        #expect(after.hasSuffix("\nOur own words, below.\n"))
        #expect(after.components(separatedBy: "## From the open data feed").count == 2)
        #expect(outcome.report.updated.count == 1 && outcome.report.updated[0].contains(file))
        #expect(outcome.report.created.isEmpty)
        #expect(outcome.report.unchanged.count == 62 - 1)
    }

    @Test func withNothingToGoOnForARegionNothingIsWritten() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let before = try site.files()
        await #expect(throws: ImportFailure.self) { try await site.run(region: nil) }
        do { _ = try await site.run(region: nil) } catch { #expect(error.description.contains("--region SLUG")) }
        #expect(try site.files() == before)
    }

    @Test func aMappingToATopicThatDoesNotExistIsAnErrorAtItsLine() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        try site.write("mapping.yml", "topics:\n  Carers: carers\n  Veterans: veterans\n")
        do {
            _ = try await site.run(mapping: site.path + "/mapping.yml")
            Issue.record("the import ran")
        } catch {
            #expect(error.description == "\(site.path)/mapping.yml:3:13: error: 'veterans' maps to the topic 'veterans', which topics.yml does not have")
        }
    }

    @Test func termsWithNoTopicAreAddedToTopicsMarkedAsImported() async throws {
        let site = try ImportSite()
        defer { site.remove() }
        let outcome = try await site.run()
        let topics = try site.read("topics.yml")
        #expect(!outcome.report.topicsAdded.isEmpty)
        for line in outcome.report.topicsAdded {
            let slug = String(line.prefix { $0 != " " })
            #expect(topics.contains("# Imported from an Open Referral feed on 2026-12-06"))
            #expect(topics.contains("\n\(slug):\n  name: "))
        }
        #expect(topics.hasPrefix(try String(contentsOfFile: ImportSite.fixtures.path + "/import-site/topics.yml", encoding: .utf8)))
    }
}
