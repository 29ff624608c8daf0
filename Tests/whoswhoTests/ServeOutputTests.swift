import Foundation
import Testing

/// What `whoswho serve` prints after each rebuild: the file that changed, how many
/// files of the site changed, and only the diagnostics that are new or fixed, never
/// every warning again.
@Suite struct ServeOutputTests {
    /// Waits until `text()` holds `needle` `count` times; a hang guard, never a timing.
    static func waitFor(_ needle: String, count: Int = 1, in text: () throws -> String) async throws -> String {
        let guardEnd = ContinuousClock.now + ServeCommandTests.hangGuard
        var seen = ""
        while ContinuousClock.now < guardEnd {
            seen = try text()
            if seen.components(separatedBy: needle).count - 1 >= count { return seen }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeCommandTests.Failure(description: "never printed \(count)× '\(needle)': \(seen)")
    }

    /// Writes `text` to `path` as an editor's atomic save does, so no build sees it half-written.
    static func save(_ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func aRebuildPrintsWhatChangedAndOnlyNewWarnings() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let serving = try await ServeCommandTests.serve(site)
        defer { if serving.process.isRunning { serving.process.terminate() } }
        let ada = site.path + "/cards/ada-example.md"
        let stale = "this card was last updated on 2020-01-01"

        // A stale date: the warning is new, printed in full with its line.
        try Self.save(ada, "updated: 2026-06-01", "updated: 2020-01-01")
        var out = try await Self.waitFor("Changed: ", in: serving.text)
        #expect(out.contains("Changed: \(ada)\n"))
        out = try await Self.waitFor("1 warning (1 new)", in: serving.text)
        #expect(out.contains("files changed (cards.csv, cards/ada-example/index.html"))
        #expect(try serving.errorText().contains("cards/ada-example.md:9:10: warning: \(stale)"))

        // Another edit: the warning is still there, and not printed again.
        try Self.save(ada, "looking_for: Other peer mentors", "looking_for: Peer mentors")
        out = try await Self.waitFor("Changed: ", count: 2, in: serving.text)
        out = try await Self.waitFor("Built ", count: 3, in: serving.text)
        #expect(out.split(separator: "\n").last?.hasSuffix("; 1 warning") == true, "\(out)")
        #expect(try serving.errorText().components(separatedBy: stale).count == 2, "the warning was printed again")

        // Fixed: said in a line.
        try Self.save(ada, "updated: 2020-01-01", "updated: 2026-06-01")
        _ = try await Self.waitFor("(1 fixed)", in: serving.text)
        #expect(try serving.errorText().contains("fixed: \(ada):9:10: warning: \(stale)"))
        serving.process.interrupt()
        #expect(try await serving.exitStatus() == 0)
    }

    /// A big directory's first build has many warnings of one kind: the terminal shows a
    /// few and counts the rest, as `check` does, and an error comes before every warning,
    /// although its file sorts after theirs.
    @Test func manyWarningsOfOneKindAreCountedAndErrorsComeFirst() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let stale = "this card was last updated on 2019-03-04"
        let shownPerKind = 3  // check's own number, DiagnosticGroups.shownPerKind
        for n in 0..<14 {
            try Data("""
                ---
                name: Old card \(n)
                kind: group
                summary: A card nobody has checked for years, number \(n).
                topics: [carers]
                regions: [london]
                updated: 2019-03-04
                ---

                Text.

                """.utf8).write(to: URL(fileURLWithPath: site.path + "/cards/old-\(n).md"))
        }
        let broken = try String(contentsOfFile: site.path + "/cards/ada-example.md", encoding: .utf8)
            .replacingOccurrences(of: "kind: person", with: "kind: [person")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: site.path + "/cards/zz-broken.md"))
        let serving = try await ServeCommandTests.serve(site)
        defer { if serving.process.isRunning { serving.process.terminate() } }
        _ = try await Self.waitFor("showing them in the browser", in: serving.text)
        let errors = try serving.errorText()
        #expect(errors.components(separatedBy: "warning: \(stale)").count - 1 == shownPerKind, "\(errors)")
        #expect(errors.contains("\(14 - shownPerKind) more new warnings like: \(stale)"), "\(errors)")
        let error = try #require(errors.range(of: "zz-broken.md:4:8: error:"), "\(errors)")
        let warning = try #require(errors.range(of: ": warning: "), "\(errors)")
        #expect(error.lowerBound < warning.lowerBound, "\(errors)")
        serving.process.interrupt()
        #expect(try await serving.exitStatus() == 0)
    }

    /// With --poll the folders are looked at rather than watched: an edit is still seen.
    @Test func withPollAnEditIsSeen() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let serving = try await ServeCommandTests.serve(site, ["--poll"])
        defer { if serving.process.isRunning { serving.process.terminate() } }
        try Self.save(site.path + "/cards/ada-example.md", "name: Ada Example", "name: Ada Polled")
        let out = try await Self.waitFor("Built ", count: 2, in: serving.text)
        #expect(out.contains("Changed: \(site.path)/cards/ada-example.md\n"))
        #expect(!out.contains("Looking for changes every 200 ms"), "polling asked for is not a fallback to tell of")
        serving.process.interrupt()
        #expect(try await serving.exitStatus() == 0)
    }
}
