import Content
import Foundation
@testable import Serve
import Testing

/// The page the preview shows while the content has errors.
@Suite struct ErrorPageTests {
    static let lines = [
        "a.md": ["name: Ada", "topics: [mental-health, carers, not-a-topic]"],
        "b.md": ["updated: 2020-01-01"],
    ]
    static func line(_ file: String, _ n: Int) -> String? { lines[file].flatMap { n <= $0.count ? $0[n - 1] : nil } }

    /// A warning in a file that sorts first still comes after every error, folded
    /// away in a `<details>`.
    @Test func errorsComeFirstAndWarningsAreFolded() throws {
        let warning = Diagnostic(.warning, file: "a.md", line: 1, column: 7, message: "this card was last checked long ago")
        let error = Diagnostic(.error, file: "b.md", line: 1, column: 10, message: "no such date")
        let page = ErrorPage.diagnostics([warning, error], build: 1, sourceLine: Self.line)
        let errorAt = try #require(page.range(of: "b.md:1:10: error: no such date"))
        let detailsAt = try #require(page.range(of: "<details class=\"warnings\">"))
        let warningAt = try #require(page.range(of: "a.md:1:7: warning: this card was last checked long ago"))
        #expect(errorAt.lowerBound < detailsAt.lowerBound)
        #expect(detailsAt.lowerBound < warningAt.lowerBound)
        #expect(page.contains("<summary>1 warning, which does not stop the build</summary>"))
        #expect(!ErrorPage.diagnostics([error], build: 1, sourceLine: Self.line).contains("<details"))
    }

    /// The character at fault is marked, and the caret under it has as many spaces
    /// before it as there are characters before the mark.
    @Test func theColumnIsMarkedAndTheCaretIsUnderIt() {
        let error = Diagnostic(.error, file: "a.md", line: 2, column: 33, message: "'not-a-topic' is not a topic")
        let page = ErrorPage.diagnostics([error], build: 1, sourceLine: Self.line)
        #expect(page.contains("<pre class=\"source\" tabindex=\"0\" aria-label=\"line 2 of the file\">topics: [mental-health, carers, <mark>n</mark>ot-a-topic]\n"
            + String(repeating: " ", count: 32) + "<span class=\"caret\">^</span></pre>"))
    }

    @Test func aColumnPastTheEndMarksASpace() {
        #expect(ErrorPage.split("abc", column: 4) == ("abc", " ", ""))
        #expect(ErrorPage.split("a\tb", column: 3) == ("a" + (InvisibleCharacters.names["\t"] ?? "?"), "b", ""))
        #expect(ErrorPage.split("abc", column: 1) == ("", "a", "bc"))
    }
}
