import Foundation
import Testing

/// Content cannot make the site grow without bound: topics and regions per card, region
/// depth and vocabulary size are checked, and the build stops at its output budget with
/// the published site left as it was.
@Suite struct ContentBoundsTests {
    static func check(_ project: OutputFolderTests.Project) throws -> CheckCommandTests.Run {
        try CheckCommandTests.run(["check", "--content", project.content.path, "--today", "2026-11-27"])
    }

    @Test func aCardListingMoreThanTenTopicsIsAnErrorAtTheField() throws {
        let project = try OutputFolderTests.Project()
        defer { project.remove() }
        let topics = (1...11).map { "t\($0)" }
        var vocabulary = try String(contentsOf: project.content.appendingPathComponent("topics.yml"), encoding: .utf8)
        vocabulary += topics.map { "\($0):\n  name: Topic \($0)\n" }.joined()
        try Data(vocabulary.utf8).write(to: project.content.appendingPathComponent("topics.yml"))
        let card = "---\nname: Many\nkind: group\nsummary: A card with too many topics.\ntopics: [\(topics.joined(separator: ", "))]\nregions: [england]\nupdated: 2026-01-15\n---\n\nText.\n"
        try Data(card.utf8).write(to: project.content.appendingPathComponent("cards/many.md"))
        let run = try Self.check(project)
        #expect(run.status == 1)
        #expect(run.stdout.contains("cards/many.md:5:9: error: 'topics' lists 11 topics; a card may list at most 10"), "\(run.stdout)")
    }

    @Test func regionsNestedDeeperThanSixLevelsAreOneErrorAtTheFirstTooDeep() throws {
        let project = try OutputFolderTests.Project()
        defer { project.remove() }
        var regions = try String(contentsOf: project.content.appendingPathComponent("regions.yml"), encoding: .utf8)
        // london is 3 levels deep (uk-wide, england, london); a chain of 6 below it goes 3 too far.
        var parent = "london"
        for n in 1...6 {
            regions += "deep-\(n):\n  name: Deep \(n)\n  within: \(parent)\n"
            parent = "deep-\(n)"
        }
        try Data(regions.utf8).write(to: project.content.appendingPathComponent("regions.yml"))
        let run = try Self.check(project)
        #expect(run.status == 1)
        let errors = run.stdout.split(separator: "\n").filter { $0.contains("levels deep") }
        #expect(errors.count == 1, "\(run.stdout)")
        #expect(errors.first?.contains("the region 'deep-4' is 7 levels deep") == true, "\(run.stdout)")
    }

    @Test func aTopicsFileOverItsLimitIsAnErrorAtTheFirstOneOver() throws {
        let project = try OutputFolderTests.Project()
        defer { project.remove() }
        var topics = try String(contentsOf: project.content.appendingPathComponent("topics.yml"), encoding: .utf8)
        topics += (1...300).map { "extra-\($0):\n  name: Extra \($0)\n" }.joined()
        try Data(topics.utf8).write(to: project.content.appendingPathComponent("topics.yml"))
        let run = try Self.check(project)
        #expect(run.status == 1)
        #expect(run.stdout.contains("topics.yml defines 303 topics; a site may have at most 300"), "\(run.stdout)")
    }

    @Test func aBuildOverItsBudgetStopsAndLeavesThePublishedSiteAsItWas() throws {
        let project = try OutputFolderTests.Project()
        defer { project.remove() }
        // A 2 MiB static file makes the site larger than a 1 MB budget.
        try Data(repeating: 0x41, count: 2 << 20).write(to: project.content.appendingPathComponent("static/big.txt"))
        #expect(try project.build(into: "site").status == 0)
        let before = try project.state()
        try Data("title: Changed\n".utf8).write(to: project.content.appendingPathComponent("site.yml"), options: .atomic)
        let after = try project.state()
        for limit in [["--max-output-mb", "1"], ["--max-output-files", "20"]] {
            let run = try project.build(into: "site", limit)
            #expect(run.status == 2, "\(limit): \(run.stderr)")
            #expect(run.stderr.contains("the build's limit; nothing was published"), "\(run.stderr)")
            #expect(try project.state() == after, "\(limit): the failed build changed something")
        }
        #expect(before.filter { $0.key.hasPrefix("site") } == after.filter { $0.key.hasPrefix("site") })
    }

    /// A site larger than `--max-site-mb` is built and published, with a warning that
    /// gives its size and says why it matters; a limit of 0 is refused.
    @Test func aSiteOverTheSiteBudgetIsPublishedWithAWarning() throws {
        let project = try OutputFolderTests.Project()
        defer { project.remove() }
        try Data(repeating: 0x41, count: 2 << 20).write(to: project.content.appendingPathComponent("static/big.txt"))
        let run = try project.build(into: "site", ["--max-site-mb", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: the site is ") }
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(warnings.first?.contains(" MB, over the 1.0 MB budget for a whole site (--max-site-mb): GitHub Pages publishes sites of at most 1 GB") == true,
                "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site/big.txt").path))

        let within = try project.build(into: "site")
        #expect(within.status == 0)
        #expect(!within.stderr.contains("warning: the site is"), "\(within.stderr)")

        let refused = try project.build(into: "site", ["--max-site-mb", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--max-page-kb and --max-site-mb should be whole numbers above 0"), "\(refused.stderr)")
    }
}
