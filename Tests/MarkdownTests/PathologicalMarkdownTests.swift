import Markdown
import Testing

/// Markdown that takes time growing with the square of its length in cmark-gfm
/// 0.29.0.gfm.6 (Debian 12's). Content bodies are limited to 64 KiB
/// (ContentLimits.maxBodyBytes, tested in ContentTests), and at that size each of these
/// still renders: a test that hung here would show the limit is too high.
@Suite struct PathologicalMarkdownTests {
    /// The body limit, repeated here because Markdown sits below Content.
    static let bodyLimit = 64 << 10

    @Test(arguments: [
        "![[]()",  // nested image and link brackets
        "_www.a",  // the autolink extension's scan for www. in one long word
        "a@",  // the autolink extension's scan for email addresses
        "|",  // a table row of tens of thousands of cells
        "*_",  // emphasis delimiters that never match
        ">",  // nested block quotes
    ])
    func theLargestBodyAllowedRenders(_ unit: String) {
        let header = unit == "|" ? "| a |\n|---|\n" : ""
        let source = header + String(repeating: unit, count: (Self.bodyLimit - header.utf8.count) / unit.utf8.count)
        let document = MarkdownRenderer.render(source)
        #expect(!document.html.isEmpty)
    }
}
