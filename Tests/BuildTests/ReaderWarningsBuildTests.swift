import Build
import Foundation
import Testing

/// What the reader warnings are about shows on the built pages: a card whose only
/// description is a comment has no empty "About" section, and a name pasted inside
/// curly quotes is filed in the A–Z under its first letter, not under "#".
@Suite struct ReaderWarningsBuildTests {
    @Test func emptyDescriptionsAndQuotedNamesOnThePages() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        let overlay = FixtureBuild.fixtures.appendingPathComponent("invalid/reader-warnings/cards")
        for name in try FileManager.default.contentsOfDirectory(atPath: overlay.path) {
            try FileManager.default.copyItem(at: overlay.appendingPathComponent(name), to: content.appendingPathComponent("cards/" + name))
        }
        let output = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: output)
        #expect(report.published)

        let commentOnly = try FixtureBuild.text(output, "cards/comment-only/index.html")
        #expect(!commentOnly.contains("class=\"about\""))
        #expect(!commentOnly.contains("raw HTML omitted"))
        #expect(try FixtureBuild.text(output, "cards/no-contact/index.html").contains("class=\"about\""))

        let list = try FixtureBuild.text(output, "cards/index.html")
        let letterC = try #require(list.range(of: "id=\"letter-C\""))
        let cardiff = try #require(list.range(of: "“Cardiff Carers Cwtch”"))
        #expect(letterC.upperBound < cardiff.lowerBound)
        #expect(!list.contains("id=\"letter-#\""))
    }
}
