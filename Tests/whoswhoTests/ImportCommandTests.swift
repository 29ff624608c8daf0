import Foundation
import Testing

/// End-to-end tests of `whoswho import oruk`: a plain report and exit 0 when the cards it
/// writes pass `check`; exit 2 and nothing written when it must refuse.
@Suite struct ImportCommandTests {
    static let feed = CheckCommandTests.fixtures.appendingPathComponent("oruk-feed").path
    static let mapping = CheckCommandTests.fixtures.appendingPathComponent("oruk-mapping.yml").path

    func site() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-import-e2e-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CheckCommandTests.fixtures.appendingPathComponent("import-site").path, toPath: path)
        return path
    }

    func importing(_ site: String, _ extra: [String] = []) throws -> CheckCommandTests.Run {
        try CheckCommandTests.run(["import", "oruk", Self.feed, "--content", site, "--mapping", Self.mapping, "--topic", "mental-health",
                                   "--today", "2026-12-06"] + extra)
    }

    @Test func anImportReportsWhatItDidAndExitsZero() throws {
        let site = try site()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let run = try importing(site, ["--region", "england"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Read:\n  index.json: an API root\n"))
        for heading in ["Created 62 cards:", "Topics added to topics.yml", "Mapped:", "Cut to fit:", "Dropped (not allowed on a card):",
                        "Records sharing one id", "Warnings:"] {
            #expect(run.stdout.contains("\n" + heading), "\(heading)")
        }
        #expect(run.stdout.hasSuffix("\(site): 22 warnings\n"))
        let check = try CheckCommandTests.run(["check", "--content", site, "--today", "2026-12-06"])
        #expect(check.status == 0)
    }

    @Test func refusalsExitTwoAndWriteNothing() throws {
        let site = try site()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let noRegion = try importing(site)
        #expect(noRegion.status == 2)
        #expect(noRegion.stderr.hasPrefix("error: 5 services of the feed say nothing that leads to a region"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site + "/cards") == [".gitkeep"])
        #expect(try importing(site, ["--region", "england"]).status == 0)
        let again = try importing(site, ["--region", "england"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("Nothing was written. To bring them up to date with the feed, run again with --update"))
        let updated = try importing(site, ["--region", "england", "--update"])
        #expect(updated.status == 0)
        #expect(updated.stdout.contains("Already up to date:"))
    }
}
