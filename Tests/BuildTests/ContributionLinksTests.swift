import Build
import Content
import Foundation
import Testing

/// With `repository` in site.yml, card and guide pages link to GitHub's editor on
/// their file and to a pre-filled issue, and the home and search pages to a new card
/// pre-filled with the `whoswho new` template. Without it, no such link is written.
@Suite struct ContributionLinksTests {
    /// Every href on a page, with HTML's escaping of `&` undone.
    static func hrefs(_ html: String) -> [String] {
        html.matches(of: /href="([^"]*)"/).map { String($0.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func query(_ url: URLComponents) -> [String: String] {
        Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func pagesLinkIntoTheRepository() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.edit(content, "site.yml") {
            $0 + "\nrepository: https://github.com/peer-org/who.git\nbranch: live\ncontent_folder: site/content\n"
        }
        let output = folder.appendingPathComponent("site")
        let report = try await FixtureBuild.build(content, into: output, baseURL: FixtureBuild.baseURL)
        #expect(report.published)

        let card = try FixtureBuild.text(output, "cards/ada-example/index.html")
        let edit = try #require(Self.hrefs(card).compactMap(URLComponents.init).first { $0.path.contains("/edit/") })
        #expect(edit.scheme == "https" && edit.host == "github.com")
        #expect(edit.path == "/peer-org/who/edit/live/site/content/cards/ada-example.md")

        let issue = try #require(Self.hrefs(card).compactMap(URLComponents.init).first { $0.path.hasSuffix("/issues/new") })
        #expect(issue.host == "github.com" && issue.path == "/peer-org/who/issues/new")
        let fields = Self.query(issue)
        #expect(fields["title"] == "Problem with Ada Example")
        #expect(fields["body"]?.contains("Page: https://example.org/whoswho/cards/ada-example/\n") == true)
        #expect(fields["body"]?.contains("File: site/content/cards/ada-example.md\n") == true)

        let guide = try FixtureBuild.text(output, "guides/setting-up/index.html")
        #expect(Self.hrefs(guide).contains("https://github.com/peer-org/who/edit/live/site/content/guides/setting-up.md"))

        for page in ["index.html", "search/index.html"] {
            let html = try FixtureBuild.text(output, page)
            let add = try #require(Self.hrefs(html).compactMap(URLComponents.init).first { $0.path.contains("/new/") }, "\(page)")
            #expect(add.path == "/peer-org/who/new/live/site/content/cards")
            let fields = Self.query(add)
            #expect(fields["filename"] == "your-card-name.md")
            #expect(fields["value"] == DocumentTemplate.card(updated: FixtureBuild.today))
        }
    }

    @Test func noRepositoryNoLinks() async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await FixtureBuild.buildValid(in: folder)
        for page in ["index.html", "search/index.html", "cards/ada-example/index.html", "guides/setting-up/index.html"] {
            let html = try FixtureBuild.text(output, page)
            #expect(!html.contains("github.com"), "\(page)")
            #expect(!html.contains("class=\"contribute\""), "\(page)")
        }
    }

    @Test(arguments: [
        ("repository: https://gitlab.com/a/b", "'repository' should be the GitHub address of the project, like https://github.com/ORG/REPO, not 'https://gitlab.com/a/b'"),
        ("repository: https://github.com/a/b/tree/main", "'repository' should be the GitHub address of the project, like https://github.com/ORG/REPO, not 'https://github.com/a/b/tree/main'"),
        ("repository: https://github.com/a/b\nbranch: my branch", "'branch' should be the name of a branch of the repository, like main, not 'my branch'"),
        ("repository: https://github.com/a/b\ncontent_folder: ../x", "'content_folder' should be the content folder's path inside the repository, like content or site/content (or . for the top folder), not '../x'"),
        ("branch: main", "'branch' and 'content_folder' need 'repository', the GitHub address of the project, like https://github.com/ORG/REPO"),
    ])
    func aWrongRepositorySettingIsAnError(lines: String, message: String) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = try FixtureBuild.copyValid(into: folder)
        try FixtureBuild.edit(content, "site.yml") { $0 + "\n" + lines + "\n" }
        let result = try await ContentLoader.load(content.path, today: FixtureBuild.today)
        #expect(result.diagnostics.filter(\.isError).map(\.message) == [message])
    }
}
