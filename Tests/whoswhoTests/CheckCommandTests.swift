import Foundation
import Testing

/// End-to-end tests: run the built `whoswho check` on fixture sites and check its
/// standard output, standard error and exit status.
@Suite struct CheckCommandTests {
    /// Tests/Fixtures.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// What one run of the binary gave.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `whoswho` executable: beside the test bundle, in the build's products folder.
    static func binary() throws -> URL {
        var folders: [URL] = []
        for bundle in [Bundle.main] + Bundle.allBundles {
            var url = bundle.bundleURL
            // macOS: products/whoswhoPackageTests.xctest; Linux: the .xctest is the test executable itself.
            while url.path != "/", url.pathExtension != "xctest", url.lastPathComponent != "debug", url.lastPathComponent != "release" {
                url.deleteLastPathComponent()
            }
            folders.append(url.pathExtension == "xctest" ? url.deletingLastPathComponent() : url)
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for folder in folders {
            let candidate = folder.appendingPathComponent("whoswho")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw BinaryNotFound(searched: folders.map(\.path))
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "no whoswho executable beside the tests (run `swift build` first); looked in \(searched)" }
    }

    /// Runs `whoswho` with `arguments`, in `folder` when one is given. GITHUB_ACTIONS is
    /// taken out of the environment (the tests may themselves run on GitHub Actions) unless
    /// `githubActions` is set. A run that has not ended after ten minutes is a hang: it is
    /// killed, and its status shows it.
    static func run(_ arguments: [String], githubActions: Bool = false, in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_ACTIONS"] = githubActions ? "true" : nil
        process.environment = environment
        // Files, not pipes, so a full pipe can never block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let hangGuard = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 600, execute: hangGuard)
        process.waitUntilExit()
        hangGuard.cancel()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// A temporary copy of the valid fixture with the files of `invalid/<rule>` laid over it
    /// (the same layout ContentTests uses; see Tests/Fixtures/README.md).
    struct Site {
        let parent: URL
        let path: String
        /// The rule's expected.txt lines.
        let expected: [String]

        init(rule: String? = nil) throws {
            let fm = FileManager.default
            parent = fm.temporaryDirectory.appendingPathComponent("whoswho-e2e-\(UUID().uuidString)")
            let site = parent.appendingPathComponent("site")
            path = site.path
            try Self.copyFiles(from: fixtures.appendingPathComponent("valid"), to: site)
            guard let rule else { expected = []; return }
            let overlay = fixtures.appendingPathComponent("invalid").appendingPathComponent(rule)
            expected = try String(contentsOf: overlay.appendingPathComponent("expected.txt"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            try Self.copyFiles(from: overlay, to: site)
        }

        /// Copies the bytes of every file under `source` except expected.txt to `destination`,
        /// replacing what is there.
        static func copyFiles(from source: URL, to destination: URL) throws {
            let fm = FileManager.default
            guard let files = fm.enumerator(atPath: source.path) else { return }
            for case let relative as String in files {
                var isDirectory: ObjCBool = false
                guard relative != "expected.txt",
                      fm.fileExists(atPath: source.appendingPathComponent(relative).path, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                let target = destination.appendingPathComponent(relative)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contentsOf: source.appendingPathComponent(relative)).write(to: target)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: parent) }
    }

    /// One diagnostic of a JSON report.
    struct JSONDiagnostic: Decodable, Equatable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var note: String?
    }

    @Test func validContentExitsZero() throws {
        let site = try Site()
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(run.status == 0)
        #expect(run.stdout == "\(site.path): no problems\n")
        #expect(run.stderr == "")
    }

    @Test func warningsAloneExitZeroAndTodayIsHonoured() throws {
        let site = try Site(rule: "stale-card")
        defer { site.remove() }
        let stale = try Self.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(stale.status == 0)
        #expect(stale.stdout.contains("\(site.path)/cards/old-news.md:7:10: warning: this card was last updated on 2024-11-26, more than two years ago\n"))
        #expect(stale.stdout.hasSuffix("\(site.path): 1 warning\n"))
        // The same card is not stale a day earlier.
        let fresh = try Self.run(["check", "--content", site.path, "--today", "2026-11-26"])
        #expect(fresh.status == 0)
        #expect(fresh.stdout == "\(site.path): no problems\n")
    }

    /// A date after tomorrow is an error; --today says when today is.
    @Test func aFutureUpdatedDateIsMeasuredFromToday() throws {
        let site = try Site(rule: "updated-in-the-future")
        defer { site.remove() }
        let early = try Self.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("""
            \(site.path)/cards/pinned.md:7:10: error: 'updated' is 2099-01-01, which is after today (2026-11-27); a date in the future would keep this card at the top of the newest cards and the feeds until then
            updated: 2099-01-01
                     ^
            note: set 'updated' to the day the card was last checked, written YYYY-MM-DD

            """))
        #expect(early.stdout.hasSuffix("\(site.path): 2 errors\n"))
        // On the day before the guide's date, only the card is too far ahead.
        let later = try Self.run(["check", "--content", site.path, "--today", "2026-12-03"])
        #expect(later.status == 1)
        #expect(later.stdout.hasSuffix("\(site.path): 1 error\n"))
        #expect(!later.stdout.contains("next-week.md"))
        let pinnedDay = try Self.run(["check", "--content", site.path, "--today", "2099-01-01"])
        #expect(pinnedDay.status == 0, "\(pinnedDay.stdout)")
    }

    @Test func errorsExitOneInTheCompilersFormatWithACaret() throws {
        let site = try Site(rule: "unknown-topic-region")
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27"])
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("""
            \(site.path)/cards/misspelt.md:6:5: error: unknown topic 'mental-helth'; did you mean 'mental-health'?
              - mental-helth
                ^
            note: the topics are defined in topics.yml

            """))
        #expect(run.stdout.contains("""
            \(site.path)/cards/misspelt.md:7:18: error: unknown region 'mars'
            regions: [londn, mars]
                             ^

            """))
        // Every diagnostic of the fixture is reported, not just the first.
        let headers = run.stdout.split(separator: "\n").filter { $0.hasPrefix(site.path + "/") && $0.contains(": error: ") }
        #expect(headers.count == site.expected.count)
        #expect(run.stdout.hasSuffix("\(site.path): 4 errors\n"))
    }

    @Test func aWholeFileProblemHasNoLineOrCaret() throws {
        let site = try Site(rule: "wrong-extension")
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(site.path)/cards/wrong-extension.yaml: error: 'wrong-extension.yaml' should end in .md or .yml
            \(site.path): 1 error

            """)
    }

    /// check compares static/ with the files of the theme site.yml names, as build does,
    /// so content that check accepts builds.
    @Test func aStaticFileWhereTheThemeWritesItsOwnIsAnError() throws {
        let site = try Site()
        defer { site.remove() }
        try Data("body {}".utf8).write(to: URL(fileURLWithPath: site.path + "/static/style.css"))
        let themes = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27", "--themes", themes])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(site.path)/static/style.css: error: this file would be published as 'style.css' in the site, where the theme 'default' writes its own style.css; rename it, or move it into a folder of its own, like static/files/
            note: static/ is copied to the top of the site, beside the pages whoswho writes
            \(site.path): 1 error

            """)
    }

    @Test func githubFormatPrintsWorkflowCommands() throws {
        let site = try Site(rule: "unknown-topic-region")
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "github"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == site.expected.count)
        #expect(lines.allSatisfy { $0.hasPrefix("::error file=\(site.path)/") })
        #expect(lines.first == "::error file=\(site.path)/cards/misspelt.md,line=6,col=5::unknown topic 'mental-helth'; did you mean 'mental-health'?%0Athe topics are defined in topics.yml")
    }

    @Test func githubFormatIsTheDefaultOnGitHubActions() throws {
        let site = try Site(rule: "related-self")
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27"], githubActions: true)
        #expect(run.status == 1)
        #expect(run.stdout == "::error file=\(site.path)/cards/narcissus.md,line=9,col=5::'related' names this card itself; list other cards\n")
        // An explicit --format still wins.
        let text = try Self.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "text"], githubActions: true)
        #expect(text.stdout.hasPrefix("\(site.path)/cards/narcissus.md:9:5: error: "))
    }

    @Test func jsonFormatPrintsTheDiagnosticsAsAnArray() throws {
        let site = try Site(rule: "unknown-topic-region")
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path, "--today", "2026-11-27", "--format", "json"])
        #expect(run.status == 1)
        let diagnostics = try JSONDecoder().decode([JSONDiagnostic].self, from: Data(run.stdout.utf8))
        let lines = diagnostics.map {
            "\($0.severity) \($0.file.dropFirst(site.path.count + 1)):\($0.line):\($0.column) \($0.message)"
        }
        #expect(lines == site.expected)
        #expect(diagnostics.first == JSONDiagnostic(
            severity: "error", file: site.path + "/cards/misspelt.md", line: 6, column: 5,
            message: "unknown topic 'mental-helth'; did you mean 'mental-health'?", note: "the topics are defined in topics.yml"))
    }

    /// `--version` prints the version and exits 0, as every command-line tool does.
    @Test func printsItsVersion() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /whoswho \d+\.\d+\.\d+\n/) != nil, "\(run.stdout)")
    }

    @Test func aMissingContentFolderExitsTwo() throws {
        let run = try Self.run(["check", "--content", "/no/such/dir"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("no content folder at '/no/such/dir'; run whoswho from the project's folder (the one that holds content/), or name the folder with --content DIR"))
    }

    @Test(arguments: [
        (["--today", "2026-02-30"], "--today"),
        (["--today", "yesterday"], "--today"),
        (["--format", "xml"], "--format"),
        (["--no-such-option"], "--no-such-option"),
    ])
    func usageProblemsExitTwo(arguments: [String], mentioned: String) throws {
        let site = try Site()
        defer { site.remove() }
        let run = try Self.run(["check", "--content", site.path] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains(mentioned))
    }
}
