import Build
import Content
import Foundation
import Testing

/// The preview server announces a new site before the replaced one's files are removed:
/// the build can leave the replaced site for its caller, as a marked folder beside the
/// output that the caller, a signal, or the next build removes.
@Suite struct ReplacedSiteTests {
    static func build(_ content: URL, _ output: URL, later: Bool) async throws -> BuildReport {
        var options = BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                   themesDirectory: FixtureBuild.themes, today: FixtureBuild.today)
        options.removesReplacedSiteLater = later
        return try await Builder.build(options)
    }

    static func siblings(of output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0 != output.lastPathComponent && $0 != "content" }.sorted()
    }

    static func title(_ site: String) throws -> String {
        let home = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        let start = try #require(home.range(of: "<title>")), end = try #require(home.range(of: "</title>"))
        return String(home[start.upperBound..<end.lowerBound])
    }

    @Test func theReplacedSiteWaitsForItsCallerThenGoes() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let output = folder.appendingPathComponent("site")
        let first = try await Self.build(content, output, later: false)
        #expect(first.published && first.replacedSite == nil)
        let oldTitle = try Self.title(output.path)

        try FixtureBuild.edit(content, "site.yml") { $0.replacingOccurrences(of: "title: ", with: "title: Renamed ") }
        let second = try await Self.build(content, output, later: true)
        let replaced = try #require(second.replacedSite)
        #expect(try Self.title(output.path).contains("Renamed"))
        // Beside the new site: the old one, whole and marked as whoswho's.
        let aside = try Self.siblings(of: output)
        #expect(aside.count == 1, "\(aside)")
        let oldSite = folder.path + "/" + (aside.first ?? "")
        #expect(try Self.title(oldSite) == oldTitle)
        #expect(FileManager.default.fileExists(atPath: oldSite + "/" + OutputFolder.markerName))

        Builder.removeReplacedSite(replaced)
        #expect(try Self.siblings(of: output) == [])

        // Left behind (the caller stopped first), it is removed by the next build.
        try FixtureBuild.edit(content, "site.yml") { $0.replacingOccurrences(of: "title: Renamed ", with: "title: Again ") }
        _ = try #require(try await Self.build(content, output, later: true).replacedSite)
        #expect(try Self.siblings(of: output).count == 1)
        let last = try await Self.build(content, output, later: false)
        #expect(last.published && last.replacedSite == nil)
        #expect(try Self.siblings(of: output) == [])
    }
}
