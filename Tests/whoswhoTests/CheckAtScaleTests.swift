import Foundation
import Testing

/// Warnings stay readable at scale: many of one kind are counted after the first few,
/// `--all` and the json format list every one, and `--changed-files` reports warnings
/// in full only for the files a pull request changes, while errors always show.
@Suite struct CheckAtScaleTests {
    /// A site with fifteen stale cards and one card with an unknown topic.
    static func site() throws -> CheckCommandTests.Site {
        let site = try CheckCommandTests.Site()
        for n in 1...15 {
            let card = """
                ---
                name: Stale \(n)
                kind: group
                summary: Example card last checked long ago.
                topics: [carers]
                regions: [scotland]
                updated: 2020-01-\(String(format: "%02d", n))
                contact:
                  email: stale\(n)@example.org
                ---

                Example card.

                """
            try card.write(toFile: site.path + "/cards/stale-\(String(format: "%02d", n)).md", atomically: true, encoding: .utf8)
        }
        let broken = "---\nname: Broken\nkind: group\nsummary: Example card.\ntopics: [carer]\nregions: [scotland]\nupdated: 2026-05-01\n---\n\nExample.\n"
        try broken.write(toFile: site.path + "/cards/broken.md", atomically: true, encoding: .utf8)
        return site
    }

    static func warnings(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.contains(": warning: ") }
    }

    @Test func manyWarningsOfOneKindAreCountedAfterTheFirstFew() throws {
        let site = try Self.site()
        defer { site.remove() }
        let run = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(run.status == 1)
        #expect(Self.warnings(run.stdout).count == 3)
        #expect(run.stdout.contains("12 more warnings like: this card was last updated on 2020-01-04, more than two years ago (whoswho check --all lists every one)\n"))
        #expect(run.stdout.contains("\(site.path)/cards/broken.md:5:10: error: unknown topic 'carer'"))
        #expect(run.stdout.hasSuffix("\(site.path): 1 error and 15 warnings\n"))

        let all = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27", "--all"])
        #expect(Self.warnings(all.stdout).count == 15)
        let json = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "json"])
        let listed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(listed?.count == 16)
    }

    @Test func aPullRequestSeesWarningsOnlyForTheFilesItChanges() throws {
        let site = try Self.site()
        defer { site.remove() }
        let list = site.parent.appendingPathComponent("changed.txt")
        try "\(site.path)/cards/stale-07.md\n".write(to: list, atomically: true, encoding: .utf8)
        let run = try CheckCommandTests.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "github",
                                             "--changed-files", list.path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 1)
        #expect(lines.contains { $0.hasPrefix("::warning file=\(site.path)/cards/stale-07.md,") })
        #expect(lines.contains { $0.hasPrefix("::error file=\(site.path)/cards/broken.md,") }, "errors show wherever they are")
        #expect(lines.contains("::notice::14 warnings in files this change leaves alone (whoswho check lists them)"))
    }
}
