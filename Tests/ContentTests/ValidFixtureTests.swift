import Content
import Foundation
import Markdown
import Testing

/// Valid content loads with no diagnostics, into the values that were written.
@Suite struct ValidFixtureTests {
    func load(_ site: TemporarySite, today: ContentDate = Fixtures.today) async throws -> Content {
        let result = try await site.load(today: today)
        #expect(result.diagnostics.map(site.line) == [])
        return try #require(result.content)
    }

    @Test func validFixtureLoadsWithTheValuesWritten() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let content = try await load(site)

        #expect(content.site.title == "Fixture Who's Who")
        #expect(content.site.baseURL == "https://example.org/whoswho/")
        #expect(content.site.language == "en-GB")
        #expect(content.site.theme == "default")
        #expect(content.topics.map(\.slug) == ["carers", "dementia", "mental-health"])
        #expect(content.topics.last?.description == "Peer support for people living with mental ill health.")
        #expect(content.regions.map(\.slug) == ["england", "london", "scotland", "uk-wide"])
        #expect(content.regions.map(\.within) == ["uk-wide", "england", "uk-wide", nil])
        #expect(content.staticFiles == ["images/x.svg"])

        #expect(content.cards.map(\.slug) == ["ada-example", "carers-circle", "memory-cafe", "peer-network"])
        let ada = content.cards[0]
        #expect(ada.file == "cards/ada-example.md")
        #expect(ada.name == "Ada Example")
        #expect(ada.kind == .person)
        #expect(ada.summary == "Example card. A peer mentor in London who has lived with depression.")
        #expect(ada.topics == ["mental-health"])
        #expect(ada.regions == ["london"])
        #expect(ada.updated == ContentDate(year: 2026, month: 6, day: 1))
        #expect(ada.status == .paused)
        #expect(ada.formats == [.oneToOne, .online])
        #expect(ada.lookingFor == "Other peer mentors to share ideas with.")
        #expect(ada.contact == Contact(website: "https://example.org/ada", email: "ada@example.org", phone: "+44 20 7946 0000"))
        #expect(ada.links == [CardLink(title: "Our evaluation", url: "https://example.org/ada/evaluation")])
        #expect(ada.related == ["carers-circle"])
        #expect(ada.image == "images/x.svg")
        #expect(ada.body.headings.map(\.id) == ["how-i-work"])
        #expect(ada.linkedGuides == ["setting-up"])
        // A relative link to a content file becomes a link to its page.
        #expect(ada.body.html.contains("href=\"../../guides/setting-up/#first-steps\""))
        // The directory fields, with the postcode in capitals and the id in small letters.
        #expect(ada.details.locations == [
            CardLocation(name: "Example Community Centre", address: ["1 Example Street", "Hackney"], town: "London", postcode: "E8 1AA",
                         latitude: 51.545, longitude: -0.0553, accessibility: "Step-free access and a hearing loop."),
            CardLocation(name: "Online"),
        ])
        #expect(ada.details.meets == .regular([
            Meeting(frequency: .weekly, days: [.tuesday], start: ClockTime(hour: 10, minute: 0), end: ClockTime(hour: 12, minute: 0)),
            Meeting(frequency: .monthly, days: [.friday], weeks: [.first, .last], start: ClockTime(hour: 18, minute: 30), note: "online"),
        ]))
        #expect(ada.details.eligibility == "Adults in London living with depression.")
        #expect(ada.details.cost == .free)
        #expect(ada.details.referral == [.selfReferral, .professionalReferral])
        #expect(ada.details.languages == ["en", "cy", "bfi"])
        #expect(ada.details.organisation == "memory-cafe")
        #expect(ada.details.orukID == "6f1b7c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b")
        #expect(ada.details.contactInOpenData == false)

        let circle = content.cards[1]
        #expect(circle.file == "cards/carers-circle.yml")
        #expect(circle.kind == .group)
        #expect(circle.formats == [.group, .inPerson])
        #expect(circle.status == .active)
        #expect(circle.contact == Contact(website: nil, email: nil, phone: "0131 496 0000"))
        #expect(circle.body.headings.map(\.id) == ["meeting-times"])
        #expect(circle.linkedCards == ["ada-example"])

        #expect(circle.details == DirectoryDetails())
        #expect(circle.formerSlugs == ["edinburgh-carers-circle"])
        #expect(ada.formerSlugs == [])
        #expect(content.cards[2].kind == .organisation)
        #expect(content.cards[3].kind == .network)
        #expect(content.cards[3].linkedCards == ["memory-cafe"])

        #expect(content.guides.map(\.slug) == ["measuring", "setting-up"])
        let measuring = content.guides[0], settingUp = content.guides[1]
        #expect(measuring.regions == [])
        #expect(measuring.linkedCards == ["carers-circle"])
        #expect(measuring.linkedGuides == ["setting-up"])
        #expect(settingUp.title == "Setting up peer support")
        #expect(settingUp.topics == ["mental-health", "carers", "dementia"])
        #expect(settingUp.regions == ["london", "scotland"])
        #expect(settingUp.cards == ["ada-example", "carers-circle"])
        #expect(settingUp.authors == ["Sam Writer"])
        #expect(settingUp.updated == ContentDate(year: 2026, month: 3, day: 10))
        #expect(settingUp.body.headings.map(\.id) == ["first-steps", "keeping-going"])
        #expect(settingUp.linkedCards == ["ada-example"])
        #expect(settingUp.linkedGuides == ["measuring"])
    }

    /// A value is typed by the field it fills, not by YAML 1.1's guesses.
    @Test func valuesAreTypedByTheirField() async throws {
        let site = try TemporarySite(overlay: "typing")
        defer { site.remove() }
        let content = try await load(site)
        let no = try #require(content.cards.first { $0.slug == "typed-no" })
        #expect(no.name == "no")
        #expect(no.summary == "yes")
        #expect(no.updated == ContentDate(year: 2026, month: 3, day: 1))
        #expect(no.lookingFor == "1.0")
        #expect(no.contact?.phone == "0123 456 789")
        let year = try #require(content.cards.first { $0.slug == "typed-year" })
        #expect(year.name == "2018")
        #expect(year.summary == "true")
        #expect(year.status == .paused)
        #expect(year.updated == ContentDate(year: 2026, month: 3, day: 1))
        #expect(year.body.plainText.contains("0x1F"))
    }

    /// Windows line ends and a UTF-8 byte-order mark are read as if they were not there.
    @Test func crlfAndByteOrderMarkCardsAreValid() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let card = """
            ---
            name: Line ends
            kind: group
            summary: Example card.
            topics: [carers]
            regions: [scotland]
            updated: 2026-05-01
            contact:
              email: line.ends@example.org
            ---

            ## Heading

            See [Ada](ada-example.md#how-i-work).

            """
        try Fixtures.write(Array(card.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: site.directory, "cards/crlf.md")
        try Fixtures.write([0xEF, 0xBB, 0xBF] + Array(card.replacingOccurrences(of: "Line ends", with: "Byte order").utf8),
                           to: site.directory, "cards/bom.md")
        #expect(try Data(contentsOf: site.directory.appendingPathComponent("cards/crlf.md")).contains(0x0D))
        let content = try await load(site)
        let crlf = try #require(content.cards.first { $0.slug == "crlf" })
        #expect(crlf.name == "Line ends")
        #expect(crlf.updated == ContentDate(year: 2026, month: 5, day: 1))
        #expect(crlf.body.headings.map(\.id) == ["heading"])
        #expect(crlf.linkedCards == ["ada-example"])
        #expect(!crlf.body.html.contains("\r"))
        let bom = try #require(content.cards.first { $0.slug == "bom" })
        #expect(bom.name == "Byte order")
        #expect(bom.linkedCards == ["ada-example"])
    }

    /// The repository's own sample content passes `whoswho check`.
    @Test func repositoryContentHasNoErrors() async throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("content").path
        let result = try await ContentLoader.load(folder, today: Fixtures.today)
        let errors = result.diagnostics.filter(\.isError).map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
        #expect(errors == [])
        let content = try #require(result.content)
        #expect(content.cards.count >= 24)
        #expect(content.guides.count >= 6)
    }
}
