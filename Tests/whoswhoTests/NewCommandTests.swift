import Foundation
import Testing

/// End-to-end tests of `whoswho new`: the file it writes fails `check` with a plain
/// message for each placeholder, passes once filled in, and nothing is ever overwritten.
@Suite struct NewCommandTests {
    typealias Site = CheckCommandTests.Site

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNewCardFailsUntilFilledInThenPasses() throws {
        let site = try Site()
        defer { site.remove() }
        let made = try CheckCommandTests.run(["new", "card", "fresh-start", "--content", site.path, "--today", "2026-11-27"])
        #expect(made.status == 0)
        #expect(made.stdout.hasPrefix("Wrote \(site.path)/cards/fresh-start.md\n"))
        let path = site.path + "/cards/fresh-start.md"
        var text = try read(path)
        #expect(text.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/card.schema.json\n"))
        #expect(text.contains("\nupdated: 2026-11-27\n"))
        // Every field, each with a one-line comment above it.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for field in ["name", "kind", "summary", "topics", "regions", "updated", "status", "formats", "looking_for", "contact",
                      "links", "related", "image", "locations", "meets", "eligibility", "cost", "referral", "languages", "organisation",
                      "contact_in_open_data"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix(field + ":") }, "the template has \(field)")
            #expect(lines[index - 1].hasPrefix("# "), "\(field) has a comment")
        }

        let unfilled = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(unfilled.status == 1)
        let errors = unfilled.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == [
            "\(site.path)/cards/fresh-start.md:8:7: error: replace the placeholder 'TODO: the name of the person, group, organisation or network' in 'name'",
            "\(site.path)/cards/fresh-start.md:10:7: error: replace the placeholder 'TODO: person, group, organisation or network' in 'kind'",
            "\(site.path)/cards/fresh-start.md:12:10: error: replace the placeholder 'TODO: who this is for and what it offers, in one line' in 'summary'",
            "\(site.path)/cards/fresh-start.md:15:5: error: replace the placeholder 'TODO: a topic from topics.yml' in 'topics'",
            "\(site.path)/cards/fresh-start.md:18:5: error: replace the placeholder 'TODO: a region from regions.yml' in 'regions'",
        ].map { Substring($0) })

        for (placeholder, value) in [("\"TODO: the name of the person, group, organisation or network\"", "Fresh Start"),
                                     ("\"TODO: person, group, organisation or network\"", "group"),
                                     ("\"TODO: who this is for and what it offers, in one line\"", "Example card for a new group."),
                                     ("\"TODO: a topic from topics.yml\"", "carers"),
                                     ("\"TODO: a region from regions.yml\"", "scotland")] {
            #expect(text.contains(placeholder))
            text = text.replacingOccurrences(of: placeholder, with: value)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Valid now; what a reader would still miss is a warning: the template's contact
        // fields left empty, and its comment left as the only description.
        let filled = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(filled.status == 0)
        #expect(filled.stdout.contains("\(site.path)/cards/fresh-start.md:8:7: warning: this card gives no way to get in touch"), "\(filled.stdout)")
        #expect(filled.stdout.contains("\(site.path)/cards/fresh-start.md:63:1: warning: this card has no description below its fields"), "\(filled.stdout)")
        #expect(filled.stdout.hasSuffix("\(site.path): 2 warnings\n"))
    }

    @Test func kindAndNameFillTheirFields() throws {
        let site = try Site()
        defer { site.remove() }
        let made = try CheckCommandTests.run(["new", "card", "sam", "--kind", "person", "--name", "Sam \"Sunny\" O'Neil \\ Jr",
                                              "--content", site.path, "--today", "2026-11-27"])
        #expect(made.status == 0)
        let text = try read(site.path + "/cards/sam.md")
        #expect(text.contains("\nname: \"Sam \\\"Sunny\\\" O'Neil \\\\ Jr\"\n"))
        #expect(text.contains("\nkind: person\n"))
        let check = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "json"])
        let diagnostics = try JSONDecoder().decode([CheckCommandTests.JSONDiagnostic].self, from: Data(check.stdout.utf8))
        #expect(diagnostics.map(\.message).filter { $0.contains("'name'") || $0.contains("'kind'") } == [])
        #expect(diagnostics.count == 3)
        let badKind = try CheckCommandTests.run(["new", "card", "x", "--kind", "team", "--content", site.path])
        #expect(badKind.status == 2)
        #expect(!FileManager.default.fileExists(atPath: site.path + "/cards/x.md"))
    }

    @Test func aNewGuideFailsUntilFilledIn() throws {
        let site = try Site()
        defer { site.remove() }
        let made = try CheckCommandTests.run(["new", "guide", "first-steps", "--content", site.path, "--today", "2026-11-27"])
        #expect(made.status == 0)
        let path = site.path + "/guides/first-steps.md"
        var text = try read(path)
        #expect(text.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/guide.schema.json\n"))
        let unfilled = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(unfilled.status == 1)
        #expect(unfilled.stdout.contains("first-steps.md:8:8: error: replace the placeholder 'TODO: the guide's title' in 'title'"))
        text = text.replacingOccurrences(of: "\"TODO: the guide's title\"", with: "First steps")
            .replacingOccurrences(of: "\"TODO: what this guide helps people do, in one line\"", with: "How to take the first steps.")
            .replacingOccurrences(of: "\"TODO: a topic from topics.yml\"", with: "carers")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let filled = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(filled.status == 0)
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let site = try Site()
        defer { site.remove() }
        for (arguments, existing) in [(["card", "memory-cafe"], "cards/memory-cafe.md"), (["card", "carers-circle"], "cards/carers-circle.yml"),
                                      (["guide", "measuring"], "guides/measuring.md")] {
            let before = try read(site.path + "/" + existing)
            let run = try CheckCommandTests.run(["new"] + arguments + ["--content", site.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("\(site.path)/\(existing) already exists"))
            #expect(try read(site.path + "/" + existing) == before)
        }
        // A .yml card with the slug blocks a new .md card: one slug, one file.
        #expect(!FileManager.default.fileExists(atPath: site.path + "/cards/carers-circle.md"))
    }

    @Test(arguments: ["Bad_Name", "-leading", "two--hyphens", "UPPER", "spaces here", String(repeating: "a", count: 81)])
    func aBadSlugIsRefusedWithTheRule(slug: String) throws {
        let site = try Site()
        defer { site.remove() }
        let run = try CheckCommandTests.run(["new", "card", "--content", site.path, "--", slug])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not a valid slug: a slug uses lower-case letters, digits and single hyphens"))
        let cards = try FileManager.default.contentsOfDirectory(atPath: site.path + "/cards")
        #expect(cards.sorted() == ["ada-example.md", "carers-circle.yml", "memory-cafe.md", "peer-network.md"])
    }

    @Test func aMissingContentFolderIsAnError() throws {
        let run = try CheckCommandTests.run(["new", "card", "x", "--content", "/no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no content folder at '/no/such/folder'"))
    }
}
