import Build
import Foundation
import Testing

/// A page or file over the size budget is named in the build's report with its size,
/// every one of them and no other; within the standard budget the fixture site has none.
@Suite struct SizeBudgetTests {
    @Test func everyPageAndFileOverItsBudgetIsNamed() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let output = folder.appendingPathComponent("site")
        var options = BuildOptions(contentDirectory: content.path, outputDirectory: output.path,
                                   themesDirectory: FixtureBuild.themes, today: FixtureBuild.today)
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
    }
}
