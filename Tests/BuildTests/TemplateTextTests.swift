import Foundation
@testable import Render
import Testing

/// Context strings are passed to swift-mustache as TemplateText for speed; a template
/// must not be able to tell them from Strings.
@Suite struct TemplateTextTests {
    @Test func rendersEscapesTestsAndTransformsLikeAString() throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let probe = "{{a}}|{{{a}}}|{{&a}}|{{#a}}[{{.}}]{{/a}}|{{^a}}none{{/a}}|{{#e}}empty is truthy{{/e}}|{{^e}}never{{/e}}|"
            + "{{#empty(e)}}E{{/empty(e)}}|{{^empty(a)}}A{{/empty(a)}}|{{uppercased(a)}}|{{#nested}}{{b}}{{a}}{{/nested}}|{{missing}}|"
            + "{{#a}}<{{value}}><{{outer}}><{{count}}><{{missing}}>{{/a}}\n"
        let theme = try FixtureBuild.probeTheme(["404": probe], in: folder)

        let a = "<b>\"Café\" & 'x'</b>\u{301}", b = "inner"
        let plain: [String: Any] = ["a": a, "e": "", "nested": ["b": b], "outer": "out"]
        let wrapped: [String: Any] = ["a": TemplateText(a), "e": TemplateText(""), "nested": ["b": TemplateText(b)], "outer": TemplateText("out")]
        let expected = theme.render("404", plain)
        #expect(theme.render("404", wrapped) == expected)
        #expect(expected.hasPrefix("&lt;b&gt;&quot;Café&quot; &amp; &#39;x&#39;&lt;/b&gt;\u{301}|<b>"), "\(expected)")
        #expect(expected.contains("|empty is truthy||E|A|"), "\(expected)")
        // Inside a string's own section, names it does not have come from further out.
        #expect(expected.hasSuffix("|<><out><><>\n"), "\(expected)")
    }
}
