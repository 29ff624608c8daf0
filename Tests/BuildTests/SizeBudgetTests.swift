import Build
import Foundation
import Testing

/// A page or file over the size budget is named in the build's report with its size,
/// every one of them and no other; within the standard budget the fixture site has none.
@Suite struct SizeBudgetTests {
    /// A copy of the valid fixture in a new folder, and the options to build it into `site` there.
    static func fixture() throws -> (folder: URL, content: URL, output: URL, options: BuildOptions) {
        let folder = try FixtureBuild.temporaryFolder()
        let content = try FixtureBuild.copyValid(into: folder)
        let output = folder.appendingPathComponent("site")
        return (folder, content, output, BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                                      themesDirectory: FixtureBuild.themes, today: FixtureBuild.today))
    }

    @Test func everyPageAndFileOverItsBudgetIsNamed() async throws {
        let (folder, content, output, fixture) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = fixture
        options.sizeBudget = SizeBudget(pageBytes: 6 * 1024, fileBytes: 4 * 1024)
        let report = try await Builder.build(options)
        #expect(report.published)

        // What the report should name: every file on disk over its budget.
        var expected: [String] = []
        for path in try FolderState(output).files where path != ".whoswho-site" {
            let size = try FileManager.default.attributesOfItem(atPath: output.path + "/" + path)[.size] as? Int ?? 0
            if size > (path.hasSuffix(".html") ? 6 * 1024 : 4 * 1024) { expected.append(path) }
        }
        #expect(!expected.isEmpty, "the budget is meant to catch something in the fixture site")
        #expect(report.sizeWarnings.map(\.path).sorted() == expected.sorted())
        #expect(report.sizeWarnings.map(\.bytes) == report.sizeWarnings.map(\.bytes).sorted(by: >), "largest first")
        #expect(report.sizeWarnings.allSatisfy { $0.message.hasPrefix("\($0.path) is ") && $0.message.contains(" KB, over the ") })

        let standard = try await FixtureBuild.build(content, into: output)
        #expect(standard.sizeWarnings == [])
        #expect(standard.siteSizeWarning == nil)
    }

    /// A site over the whole-site budget gets one warning giving the site's size, which is
    /// every file in its folder (the `.whoswho-site` mark too); a site within it gets none.
    @Test func aSiteOverItsBudgetIsWarnedAboutWithItsSize() async throws {
        let (folder, _, output, fixture) = try Self.fixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = fixture
        options.sizeBudget = SizeBudget(pageBytes: 1 << 20, fileBytes: 1 << 20, siteBytes: 64 * 1024)
        let report = try await Builder.build(options)
        #expect(report.published)

        var onDisk = 0
        for path in try FolderState(output).files {
            onDisk += try FileManager.default.attributesOfItem(atPath: output.path + "/" + path)[.size] as? Int ?? 0
        }
        let warning = try #require(report.siteSizeWarning)
        #expect(warning.bytes == onDisk)
        #expect(warning.limit == 64 * 1024)
        #expect(onDisk < 1 << 20, "the fixture site is measured in KB")
        #expect(warning.message.hasPrefix("the site is \((onDisk + 1023) / 1024) KB, over the 64 KB budget for a whole site"))
        #expect(report.sizeWarnings == [], "no page or file is over its own budget")

        options.sizeBudget = SizeBudget(pageBytes: 1 << 20, fileBytes: 1 << 20, siteBytes: onDisk)
        let exactly = try await Builder.build(options)
        #expect(exactly.bytes == onDisk)
        #expect(exactly.siteSizeWarning == nil, "a site of exactly the budget is within it")
    }

    @Test(arguments: [(512 * 1024, "512 KB"), (3 << 20 | 400 << 10, "3.4 MB"), (1 << 30, "1.0 GB"), (5 << 29, "2.5 GB")])
    func sizesReadAsPeopleWriteThem(bytes: Int, words: String) {
        let warning = SizeBudget(pageBytes: 1, fileBytes: 1, siteBytes: 1).siteWarning(bytes: bytes)
        #expect(warning?.message.hasPrefix("the site is \(words), over the 1 KB") == true)
    }

    /// GitHub Pages' limit is named while the budget is within it; a budget raised for a
    /// host that takes more gets the size alone.
    @Test func theWarningNamesGitHubPagesOnlyWithinItsLimit() {
        let within = SizeBudget.standard.siteWarning(bytes: 5 << 29)
        #expect(within?.message.contains("GitHub Pages publishes sites of at most 1 GB") == true)
        let raised = SizeBudget(pageBytes: 1, fileBytes: 1, siteBytes: 2 << 30).siteWarning(bytes: 5 << 29)
        #expect(raised?.message == "the site is 2.5 GB, over the 2.0 GB budget for a whole site (--max-site-mb)")
    }
}
