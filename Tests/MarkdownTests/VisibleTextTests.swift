import Testing
import TestSupport
@testable import Markdown

/// `whoswho check` asks the renderer whether a body shows any text without keeping the
/// text; the answer must be the one the whole text gives, and links and headings the same.
@Suite struct VisibleTextTests {
    static let bodies = [
        "", "\n\n", "<!-- only a comment -->\n", "\u{00A0}\n", "\u{3000}\n\n\u{2003}\n", " \u{301}\n", "\u{301}\n",
        "a\n", "\u{00A0}\n\nb\n", "é\n", "`x`\n", "    code\n", "| a |\n|---|\n| \u{00A0} |\n", "![](x.png)\n",
        "## Heading\n\n[link](../cards/x.md) and <https://example.org>\n", "- \u{00A0}\n- \u{2028}\n", "> \u{00A0}\n>\n> z\n",
    ]

    @Test(arguments: bodies)
    func visibleTextIsFoundWithoutKeepingTheText(_ body: String) {
        let whole = MarkdownRenderer.render(body, html: false)
        let quick = MarkdownRenderer.render(body, html: false, plainText: false)
        #expect(quick.hasVisibleText == whole.plainText.contains { !$0.isWhitespace })
        #expect(whole.hasVisibleText == quick.hasVisibleText)
        #expect(quick.plainText == "")
        #expect(quick.links == whole.links)
        #expect(quick.headings == whole.headings)
    }

    @Test func randomBodiesAgree() {
        var generator = SeededGenerator(seed: 2001)
        let pieces = [" ", "\n", "\n\n", "\u{00A0}", "\u{2003}", "\u{301}", "a", "é", "#", "- ", "> ", "`", "|", "<!-- c -->", "\t"]
        for _ in 0..<500 {
            let body = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let whole = MarkdownRenderer.render(body, html: false)
            let quick = MarkdownRenderer.render(body, html: false, plainText: false)
            #expect(quick.hasVisibleText == whole.plainText.contains { !$0.isWhitespace }, "\(body.debugDescription)")
        }
    }
}
