import Build
import Content
import Foundation
import Testing

/// A build that fails, at whatever step, leaves the published site exactly as it was
/// (every path, byte, inode and modification time) and no staging folder beside it.
/// Interruption of the real binary by signals is tested in Tests/whoswhoTests.
@Suite struct SiteNeverLostTests {
    /// Ways a build can fail after a site has been published.
    enum Failure: String, CaseIterable, Sendable {
        case contentError = "an error in a card"
        case templateDoesNotParse = "a theme template that does not parse"
        case templateMissing = "a required template missing from the theme"
        case themeMissing = "a theme that does not exist"
        case twoFilesOnOnePath = "a static file where a page goes"
        case parentNotWritable = "an output folder whose parent cannot be written"
    }

    /// A published build of the valid fixture in a temporary folder, with its own copy of themes/.
    struct Published {
        let folder: URL
        let content: URL
        let themes: URL
        let output: URL

        init(in folder: URL) async throws {
            self.folder = folder
            content = try FixtureBuild.copyValid(into: folder)
            themes = folder.appendingPathComponent("themes")
            try FileManager.default.copyItem(atPath: FixtureBuild.themes, toPath: themes.path)
            output = folder.appendingPathComponent("site")
            let report = try await build()
            #expect(report.published, "\(DiagnosticFormat.text.render(report.diagnostics))")
        }

        func build(theme: String? = nil) async throws(BuildFailure) -> BuildReport {
            try await Builder.build(BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                                 themesDirectory: themes.path, theme: theme, today: FixtureBuild.today))
        }

        /// The names beside the output folder.
        func siblings() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted()
        }
    }

    @Test(arguments: Failure.allCases)
    func aFailedBuildLeavesThePreviousSiteUntouched(_ failure: Failure) async throws {
        // Root ignores permissions: that case is tested on a read-only file system below.
        if failure == .parentNotWritable && getuid() == 0 { return }
        let folder = try FixtureBuild.temporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let site = try await Published(in: folder)
        // A change the next build would publish, so that a build that wrongly went ahead shows.
        try FixtureBuild.edit(site.content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "fictional", with: "made-up") }
        var theme: String?
        switch failure {
        case .contentError:
            try FixtureBuild.write("---\nname: Broken\n---\n", to: site.content, "cards/broken.md")
        case .templateDoesNotParse:
            try FixtureBuild.write("{{#card}}never closed", to: site.themes, "default/templates/card.mustache")
        case .templateMissing:
            try FileManager.default.removeItem(at: site.themes.appendingPathComponent("default/templates/card.mustache"))
        case .themeMissing:
            theme = "no-such-theme"
        case .twoFilesOnOnePath:
            try FixtureBuild.write("<p>not the card list</p>", to: site.content, "static/cards/index.html")
        case .parentNotWritable:
            #expect(chmod(folder.path, 0o555) == 0)
        }
        let before = try FolderState(site.output)
        let siblings = try site.siblings()

        var published = false
        do {
            let report = try await site.build(theme: theme)
            published = report.published
            #expect(report.diagnostics.hasErrors)
        } catch {
            #expect(!error.message.isEmpty)
        }
        #expect(!published)
        let after = try FolderState(site.output)
        #expect(after == before, "changed: \(after.differences(from: before))")
        #expect(try site.siblings() == siblings, "no staging folder is left beside the site")
    }

    @Test func aTemplateThatDoesNotParseIsReportedAtItsLine() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await Published(in: folder)
        let template = site.themes.appendingPathComponent("default/templates/card.mustache")
        try FixtureBuild.write("{{<layout}}\n{{$main}}\n{{#card}}{{/cards}}\n{{/main}}\n{{/layout}}\n", to: site.themes, "default/templates/card.mustache")
        do {
            _ = try await site.build()
            Issue.record("the build went ahead")
        } catch {
            #expect(error.message.hasPrefix(template.path + ":3:"), "\(error.message)")
            #expect(error.message.contains("{{#card}}{{/cards}}"), "\(error.message)")
        }
    }

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root (CAP_SYS_ADMIN)"))
    func aFullDiskLeavesThePreviousSiteUntouched() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = try #require(Tmpfs(size: "2m"))
        defer { disk.unmount() }
        let content = try FixtureBuild.copyValid(into: folder)
        let output = disk.url.appendingPathComponent("site")
        let first = try await FixtureBuild.build(content, into: output)
        #expect(first.published)
        let before = try FolderState(output)

        // 3 MiB of new bytes cannot fit in what is left of 2 MiB.
        try Data(repeating: 0x41, count: 3 << 20).write(to: content.appendingPathComponent("static/big.bin"))
        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "fictional", with: "made-up") }
        await #expect(throws: BuildFailure.self) { try await FixtureBuild.build(content, into: output) }
        let after = try FolderState(output)
        #expect(after == before, "changed: \(after.differences(from: before))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path) == ["site"])

        // With room again, the next build publishes.
        try FileManager.default.removeItem(at: content.appendingPathComponent("static/big.bin"))
        let again = try await FixtureBuild.build(content, into: output)
        #expect(again.published)
        #expect(try FixtureBuild.text(output, "cards/memory-cafe/index.html").contains("made-up"))
    }

    @Test(.enabled(if: Tmpfs.canMount, "mounting a tmpfs needs root (CAP_SYS_ADMIN)"))
    func aReadOnlyFileSystemLeavesThePreviousSiteUntouched() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = try #require(Tmpfs(size: "8m"))
        defer { disk.unmount() }
        let content = try FixtureBuild.copyValid(into: folder)
        let output = disk.url.appendingPathComponent("site")
        #expect(try await FixtureBuild.build(content, into: output).published)
        let before = try FolderState(output)
        #expect(disk.remount(readOnly: true))

        try FixtureBuild.edit(content, "cards/memory-cafe.md") { $0.replacingOccurrences(of: "fictional", with: "made-up") }
        await #expect(throws: BuildFailure.self) { try await FixtureBuild.build(content, into: output) }
        let after = try FolderState(output)
        #expect(after == before, "changed: \(after.differences(from: before))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.url.path) == ["site"])
        #expect(disk.remount(readOnly: false))
    }
}

/// A small tmpfs mounted on a temporary folder, for a full disk or a read-only one.
struct Tmpfs {
    let url: URL

    /// True when this process may mount file systems (root, outside a locked-down container).
    static let canMount: Bool = {
        guard let probe = Tmpfs(size: "64k") else { return false }
        probe.unmount()
        return true
    }()

    /// Mounts a tmpfs of `size` (as mount(8) writes it: `2m`); nil when mounting fails.
    init?(size: String) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-tmpfs-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)) != nil,
              Self.run("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path) else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
    }

    func remount(readOnly: Bool) -> Bool {
        Self.run("mount", "-o", "remount,\(readOnly ? "ro" : "rw")", url.path)
    }

    func unmount() {
        _ = Self.run("umount", url.path)
        try? FileManager.default.removeItem(at: url)
    }

    static func run(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
