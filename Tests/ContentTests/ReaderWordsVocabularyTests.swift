import Content
import Foundation
import Testing

/// The readers' words of the vocabularies: topics' aliases, regions' places and postcode prefixes.
@Suite struct ReaderWordsVocabularyTests {
    func site(topics: String? = nil, regions: String? = nil) throws -> TemporarySite {
        let site = try TemporarySite()
        if let topics { try Fixtures.write(Array(topics.utf8), to: site.directory, "topics.yml") }
        if let regions { try Fixtures.write(Array(regions.utf8), to: site.directory, "regions.yml") }
        return site
    }

    @Test func aliasesPlacesAndPostcodesAreRead() async throws {
        let site = try site(
            topics: "mental-health:\n  name: Mental health\ncarers:\n  name: Carers\n  aliases: [carer, caregiver]\ndementia:\n  name: Dementia\n",
            regions: """
            uk-wide:
              name: UK-wide
            england:
              name: England
              within: uk-wide
            london:
              name: London
              within: england
              places: [Lewisham, Tower Hamlets]
              postcodes: [e, SE, sw1a]
              shared_postcodes: [EN]
            scotland:
              name: Scotland
              within: uk-wide
              postcodes: [G]
              shared_postcodes: [EN]

            """)
        defer { site.remove() }
        let vocabularies = try Vocabularies.load(site.directory.path)
        #expect(vocabularies.diagnostics == [])
        #expect(vocabularies.topics.first { $0.slug == "carers" }?.aliases == ["carer", "caregiver"])
        #expect(vocabularies.topics.first { $0.slug == "dementia" }?.aliases == [])
        let london = try #require(vocabularies.regions.first { $0.slug == "london" })
        #expect(london.places == ["Lewisham", "Tower Hamlets"])
        // Prefixes are kept in capitals, however they were written.
        #expect(london.postcodes == ["E", "SE", "SW1A"])
        #expect(london.sharedPostcodes == ["EN"])
        // A whole site with them loads, and they reach the model.
        let result = try await site.load()
        #expect(!result.diagnostics.contains { $0.severity == .error })
        #expect(result.content?.regions.first { $0.slug == "scotland" }?.sharedPostcodes == ["EN"])
    }

    @Test func tooManyAliasesOrPlacesAreAnError() throws {
        let aliases = (0...ContentLimits.aliasesPerTopic).map { "name\($0)" }.joined(separator: ", ")
        let places = (0...ContentLimits.placesPerRegion).map { "Town \($0)" }.joined(separator: ", ")
        let site = try site(
            topics: "mental-health:\n  name: Mental health\n  aliases: [\(aliases)]\ncarers:\n  name: Carers\ndementia:\n  name: Dementia\n",
            regions: "uk-wide:\n  name: UK-wide\nengland:\n  name: England\n  within: uk-wide\n  places: [\(places)]\n"
                + "london:\n  name: London\n  within: england\nscotland:\n  name: Scotland\n  within: uk-wide\n")
        defer { site.remove() }
        // In display order: regions.yml before topics.yml.
        let messages = try Vocabularies.load(site.directory.path).diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages == [
            "'places' lists \(ContentLimits.placesPerRegion + 1) places; the most allowed is \(ContentLimits.placesPerRegion), and this is the first one over",
            "'aliases' lists \(ContentLimits.aliasesPerTopic + 1) other names; the most allowed is \(ContentLimits.aliasesPerTopic), and this is the first one over",
        ])
    }

    @Test func postcodePrefixShapes() {
        for good in ["M", "CF", "SY16", "W1A", "EC1A", "B1", "BT48"] { #expect(PostcodePrefix.isValid(good), "\(good)") }
        for bad in ["", "1", "ABC", "CF100", "C F", "cf", "SW1A1AA", "É1"] { #expect(!PostcodePrefix.isValid(bad), "\(bad)") }
    }
}
