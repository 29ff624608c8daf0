import Foundation
import Testing

/// `whoswho build --output` replaces only a folder whoswho wrote, or an absent or empty
/// one, and never the content, the themes or a folder holding them. Each case runs the
/// binary on a real project folder and compares every byte outside the output before
/// and after.
@Suite struct OutputFolderTests {
    /// A project folder in the temporary folder: content/ (the valid fixture), themes/
    /// (a copy of the repository's) and a file of the maintainer's own.
    struct Project {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var themes: URL { root.appendingPathComponent("themes") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-output-\(UUID().uuidString)")
            try CheckCommandTests.Site.copyFiles(from: CheckCommandTests.fixtures.appendingPathComponent("valid"), to: content)
            try FileManager.default.copyItem(atPath: BuildCommandTests.themes, toPath: themes.path)
            try Data("my own notes\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        }

        /// Runs `whoswho build` (or `serve`'s check, through `command`) into `output`, from the project folder.
        func build(into output: String, _ extra: [String] = []) throws -> CheckCommandTests.Run {
            try CheckCommandTests.run(["build", "--content", content.path, "--themes", themes.path, "--output", output,
                                       "--today", "2026-11-27"] + extra, in: root)
        }

        /// Every path under the project with its bytes, except those under `output`.
        func state(outside output: String? = nil) throws -> [String: String] {
            let all = try BuildCommandTests.state(root)
            guard let output else { return all }
            return all.filter { $0.key != output && !$0.key.hasPrefix(output + "/") }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Outputs that are, hold or are inside the content or the themes, named relative to the project.
    static let forbidden: [(output: String, says: String)] = [
        ("content", "is the content folder"),
        (".", "holds the content folder"),
        ("content/static", "is inside the content folder"),
        ("content/cards", "is inside the content folder"),
        ("themes/default", "is inside the themes folder"),
        ("themes", "is the themes folder"),
    ]

    @Test(arguments: forbidden.map(\.output))
    func anOutputThatIsHoldsOrIsInsideContentOrThemesIsRefusedEvenWithForce(_ output: String) throws {
        let project = try Project()
        defer { project.remove() }
        let says = Self.forbidden.first { $0.output == output }!.says
        let before = try project.state()
        for extra in [[], ["--force"]] {
            let run = try project.build(into: output, extra)
            #expect(run.status == 2, "\(extra): \(run.stderr)")
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("error: --output '\(output)' \(says)"), "\(run.stderr)")
            #expect(try project.state() == before, "a refused build changed the project")
        }
    }

    @Test func theContentsParentGivenByAbsolutePathIsRefused() throws {
        let project = try Project()
        defer { project.remove() }
        let before = try project.state()
        let run = try CheckCommandTests.run(["build", "--content", project.content.path, "--themes", project.themes.path,
                                             "--output", project.root.path + "/content/..", "--force"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("holds the content folder"), "\(run.stderr)")
        #expect(try project.state() == before)
    }

    @Test func aLinkToTheContentIsRefused() throws {
        let project = try Project()
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("published").path,
                                                   withDestinationPath: project.content.path)
        let before = try project.state()
        let run = try project.build(into: "published", ["--force"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is the content folder"), "\(run.stderr)")
        #expect(try project.state() == before)
    }

    @Test func anExistingFileIsRefusedEvenWithForce() throws {
        let project = try Project()
        defer { project.remove() }
        let before = try project.state()
        for extra in [[], ["--force"]] {
            let run = try project.build(into: "notes.txt", extra)
            #expect(run.status == 2)
            #expect(run.stderr.contains("is a file, not a folder"), "\(run.stderr)")
            #expect(try project.state() == before, "the file was touched")
        }
    }

    @Test func aFolderWhoswhoDidNotWriteIsRefusedUntilForcedAndThenMarked() throws {
        let project = try Project()
        defer { project.remove() }
        let folder = project.root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data("holiday".utf8).write(to: folder.appendingPathComponent("photos/beach.jpg"))
        let before = try project.state()

        let refused = try project.build(into: "public")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is a folder that whoswho did not write"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"), "the message should say how to take over an older site")
        #expect(try project.state() == before, "a refused build changed something")

        let forced = try project.build(into: "public", ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try project.state(outside: "public") == before.filter { !$0.key.hasPrefix("public") })
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".whoswho-site").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("photos").path))

        // Marked now: the next build needs no --force.
        let again = try project.build(into: "public")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix("(0 changed) into public\n"), "\(again.stdout)")
    }

    @Test func anAbsentEmptyOrDotfilesOnlyFolderIsBuiltIntoAndItsDotfilesKept() throws {
        let project = try Project()
        defer { project.remove() }
        let fm = FileManager.default
        try fm.createDirectory(at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try fm.createDirectory(at: project.root.appendingPathComponent("dots"), withIntermediateDirectories: true)
        try Data("*\n!.gitignore\n".utf8).write(to: project.root.appendingPathComponent("dots/.gitignore"))
        try Data("keep me\n".utf8).write(to: project.root.appendingPathComponent("dots/.nojekyll"))
        for output in ["absent/site", "empty", "dots"] {
            let before = try project.state(outside: output)
            let run = try project.build(into: output)
            #expect(run.status == 0, "\(output): \(run.stderr)")
            // Building into absent/site made absent/ and nothing else.
            let after = try project.state(outside: output).filter { output != "absent/site" || $0.key != "absent" }
            #expect(after == before, "\(output): something outside it changed")
            #expect(fm.fileExists(atPath: project.root.appendingPathComponent(output + "/.whoswho-site").path))
            #expect(fm.fileExists(atPath: project.root.appendingPathComponent(output + "/index.html").path))
        }
        #expect(try String(contentsOf: project.root.appendingPathComponent("dots/.gitignore"), encoding: .utf8) == "*\n!.gitignore\n")
        #expect(try String(contentsOf: project.root.appendingPathComponent("dots/.nojekyll"), encoding: .utf8) == "keep me\n")
        // A rebuild keeps them too.
        #expect(try project.build(into: "dots").status == 0)
        #expect(fm.fileExists(atPath: project.root.appendingPathComponent("dots/.nojekyll").path))
    }

    @Test func aHiddenFolderMakesAFolderNotEmpty() throws {
        let project = try Project()
        defer { project.remove() }
        let git = project.root.appendingPathComponent("pages/.git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: git.appendingPathComponent("HEAD"))
        let before = try project.state()
        let run = try project.build(into: "pages")
        #expect(run.status == 2)
        #expect(try project.state() == before)
    }

    @Test func serveFollowsTheSameRules() throws {
        let project = try Project()
        defer { project.remove() }
        let before = try project.state()
        for (output, says) in [("content", "is the content folder"), ("themes/default", "is inside the themes folder"),
                               ("notes.txt", "is a file, not a folder"), (".", "holds the content folder")] {
            let run = try CheckCommandTests.run(["serve", "--content", project.content.path, "--themes", project.themes.path,
                                                 "--output", output, "--port", "0"], in: project.root)
            #expect(run.status == 2, "\(output): \(run.stderr)")
            #expect(run.stderr.contains(says), "\(run.stderr)")
        }
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("mine/old"), withIntermediateDirectories: true)
        let mine = try project.state()
        let run = try CheckCommandTests.run(["serve", "--content", project.content.path, "--themes", project.themes.path,
                                             "--output", "mine", "--port", "0"], in: project.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("did not write"), "\(run.stderr)")
        #expect(try project.state() == mine)
        #expect(try project.state().filter { !$0.key.hasPrefix("mine") } == before)
    }
}
