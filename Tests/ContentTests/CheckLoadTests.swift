import Content
import Foundation
import Testing

/// `whoswho check` loads for the diagnostics only: no HTML, no text kept, no model. It
/// must still find every problem the build's load finds, at the same place and in the
/// same words, wherever in a file the problem is. (InvalidFixtureTests compares the two
/// on every invalid fixture.)
@Suite struct CheckLoadTests {
    /// A card whose body is long, with its link problems far down.
    static func longCard() -> String {
        var body = ""
        for n in 1...300 {
            body += "Paragraph \(n) of the story, with *emphasis*, `code` and a [good link](https://example.org/\(n)).\n\n"
            if n % 50 == 0 { body += "## Part \(n / 50)\n\n" }
        }
        body += "See [the missing card](../cards/no-such-card.md), [a part that is not there](#part-9) "
            + "and [a bad scheme](javascript:alert(1)).\n\n| a | b |\n|---|---|\n| [cell](../guides/gone.md) | x |\n"
        return """
            ---
            name: Long Story
            kind: group
            summary: Example card with a long description.
            topics: [carers]
            regions: [scotland]
            updated: 2026-05-01
            contact:
              email: long.story@example.org
            ---

            \(body)
            """
    }

    /// A card whose body is there but shows nothing: a no-break space and a comment.
    static let blankCard = """
        ---
        name: Blank Page
        kind: group
        summary: Example card with nothing to show.
        topics: [carers]
        regions: [scotland]
        updated: 2026-05-01
        contact:
          email: blank@example.org
        ---

        \u{00A0}

        <!-- to be written -->

        """

    @Test func checkFindsWhatTheBuildFindsDeepInABody() async throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try Fixtures.write(Array(Self.longCard().utf8), to: site.directory, "cards/long-story.md")
        try Fixtures.write(Array(Self.blankCard.utf8), to: site.directory, "cards/blank-page.md")

        let built = try await site.load()
        let checked = try await site.check()
        #expect(checked.diagnostics == built.diagnostics)
        #expect(checked.content == nil)

        let lines = checked.diagnostics.map(site.line)
        // The line of the last paragraph, past 300 others, as the file numbers it.
        let last = Self.longCard().split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("See [") }! + 1
        let at = "cards/long-story.md:\(last)"
        #expect(lines.contains("error \(at):5 the link '../cards/no-such-card.md' points at the card 'no-such-card', which does not exist"), "\(lines)")
        #expect(lines.contains("error \(at):51 the link '#part-9' points at '#part-9', but there is no heading with that id; did you mean 'part-1'?"),
                "\(lines)")
        #expect(lines.contains("warning \(at):91 this link uses a scheme that is not allowed ('javascript:alert(1)'); it has been removed"), "\(lines)")
        #expect(lines.contains("error cards/long-story.md:\(last + 4):3 the link '../guides/gone.md' points at the guide 'gone', which does not exist"),
                "\(lines)")
        #expect(lines.contains { $0.hasPrefix("warning cards/blank-page.md:") && $0.contains("has no description") }, "\(lines)")
    }
}
