import Foundation
import Testing

/// End-to-end tests of `whoswho build`: what it prints, its exit status, and the
/// folder it leaves, run as separate processes (each with its own hash seed).
@Suite struct BuildCommandTests {
    /// The repository's themes/ folder.
    static let themes = CheckCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    static func build(_ content: String, into output: URL) throws -> CheckCommandTests.Run {
        try CheckCommandTests.run(["build", "--content", content, "--output", output.path, "--themes", themes,
                                   "--today", "2026-11-27"])
    }

    /// Every path under `root` (hidden ones too) with the bytes and modification time of
    /// each file, for comparing a folder before and after.
    static func state(_ root: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return entries }
        while let relative = walker.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: root.path + "/" + relative)
            let data = FileManager.default.contents(atPath: root.path + "/" + relative) ?? Data()
            let type = attributes[.type] as? FileAttributeType
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries[relative] = type == .typeDirectory ? "folder" : "\(data.base64EncodedString()) \(modified)"
        }
        return entries
    }

    @Test func twoBuildsInTwoProcessesWriteTheSameBytes() throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let first = site.parent.appendingPathComponent("first"), second = site.parent.appendingPathComponent("second")
        for output in [first, second] {
            let run = try Self.build(site.path, into: output)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("Built "))
        }
        let a = try Self.state(first).mapValues { $0.split(separator: " ").first ?? "" }
        let b = try Self.state(second).mapValues { $0.split(separator: " ").first ?? "" }
        #expect(a.count > 50)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.filter { a[$0] != b[$0] }.sorted() == [], "files whose bytes differ between two builds")
    }

    @Test func aBuildWithErrorsPrintsThemExitsOneAndLeavesTheSiteAlone() throws {
        let valid = try CheckCommandTests.Site()
        defer { valid.remove() }
        let output = valid.parent.appendingPathComponent("out")
        #expect(try Self.build(valid.path, into: output).status == 0)
        let before = try Self.state(output)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: valid.parent.path).sorted()

        let broken = try CheckCommandTests.Site(rule: "unknown-topic-region")
        defer { broken.remove() }
        let run = try Self.build(broken.path, into: output)

        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("\(broken.path)/cards/misspelt.md:6:5: error: unknown topic 'mental-helth'"), "\(run.stderr)")
        #expect(run.stderr.contains("the site was not built"), "\(run.stderr)")
        #expect(try Self.state(output) == before, "the failed build changed the published site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: valid.parent.path).sorted() == siblings,
                "the failed build left something beside the site")
    }

    /// The binary carries the default theme: run from a folder with no themes/, the build
    /// works and publishes the theme's files exactly as themes/default holds them.
    @Test func buildsFromAnyFolderWithTheBuiltInTheme() throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let elsewhere = site.parent.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let run = try CheckCommandTests.run(["build", "--content", site.path, "--output", "out", "--today", "2026-11-27"],
                                            in: elsewhere)
        #expect(run.status == 0, "\(run.stderr)")
        for asset in ["style.css", "search.js", "search.css"] {
            let built = FileManager.default.contents(atPath: elsewhere.path + "/out/" + asset)
            let theme = FileManager.default.contents(atPath: Self.themes + "/default/assets/" + asset)
            #expect(built != nil && built == theme, "\(asset)")
        }
        let card = try String(contentsOfFile: elsewhere.path + "/out/cards/ada-example/index.html", encoding: .utf8)
        #expect(card.contains("<h1>Ada Example</h1>"))
    }
}
