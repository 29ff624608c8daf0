import Support
import Testing
import TestSupport
@testable import Markdown

@Suite struct MarkdownRendererTests {
    @Test func rendersGitHubExtensions() {
        let doc = MarkdownRenderer.render("""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~gone~~ and https://example.org

        - [x] done
        """)
        #expect(doc.html.contains("<table>"))
        #expect(doc.html.contains("<td>1</td>"))
        #expect(doc.html.contains("<del>gone</del>"))
        #expect(doc.html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(doc.html.contains("type=\"checkbox\" checked=\"\""))
    }

    /// cmark-gfm keeps the characters that start an extension's inline syntax (`~` for
    /// strikethrough, `:` and `w` for autolinks) in one table for the whole process, which
    /// each parse sets before its inline pass and clears after it. Parses on every core at
    /// once must still each see the table set, or `~~gone~~` and bare links come out as text.
    @Test func documentsRenderedOnEveryCoreAtOnceComeOutAsOnOneCore() async {
        let sources = (0..<400).map { n in
            "Item \(n): ~~gone~~ and https://example.org/\(n), see www.example.org and a@example.org.\n\n"
                + String(repeating: "Some *plain* text with ~~struck~~ words and https://example.net/x links. ", count: n % 40)
        }
        let alone = sources.map { MarkdownRenderer.render($0).html }
        for _ in 0..<5 {
            let together = await Concurrent.map(sources.count, minimumChunk: 1) { MarkdownRenderer.render(sources[$0]).html }
            let differing = zip(alone, together).filter { $0 != $1 }.count
            #expect(differing == 0, "\(differing) of \(sources.count) documents rendered differently when rendered at once")
            if differing > 0 { break }
        }
    }

    @Test func omitsRawHTML() {
        let doc = MarkdownRenderer.render("<script>alert(1)</script>\n\nHi <iframe src=x></iframe> <b onclick=\"x()\">b</b>\n")
        #expect(!doc.html.contains("<script"))
        #expect(!doc.html.contains("<iframe"))
        #expect(!doc.html.contains("onclick"))
        #expect(doc.html.contains("raw HTML omitted"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "java\tscript:x", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,AAAA", "file:///etc/passwd"])
    func neutralisesUnsafeLinks(url: String) {
        let doc = MarkdownRenderer.render("[x](<\(url)>) ![y](<\(url)>)\n")
        #expect(!doc.html.lowercased().contains("script:"))
        #expect(!doc.html.contains("data:"))
        #expect(!doc.html.contains("file:"))
        // The link and the image go; their text stays.
        #expect(doc.html == "<p>x y</p>\n")
    }

    /// Schemes are allowed by a list, not refused by one: these open programs on a
    /// reader's computer or phone, and none of them is named anywhere in the code.
    @Test(arguments: ["ms-msdt:/id PCWDiagnostic /skip force", "search-ms:query=invoice&crumb=location:%5C%5Cevil.example%5Cshare",
                      "ms-officecmd:{\"id\":3}", "intent://scan/#Intent;scheme=zxing;package=com.evil;end", "MS-MSDT:x",
                      "ms-\tmsdt:x", "vnd.ms-excel:ofe|u|https://evil.example/x.xlsx", "skype:someone?call", "ftp://example.org/x", "ä:x"])
    func removesEverySchemeNotOnTheAllowList(url: String) {
        let doc = MarkdownRenderer.render("[words kept](<\(url)>) ![alt kept](<\(url)>)\n")
        let scheme = String(url.prefix { $0 != ":" }).lowercased().filter { !$0.isWhitespace }
        #expect(!doc.html.lowercased().contains(scheme + ":"), "\(doc.html)")
        #expect(doc.html == "<p>words kept alt kept</p>\n")
        #expect(doc.links.map(\.destination) == [url, url])
    }

    /// Only the refused link goes: markup inside it, and a safe link around a refused
    /// image, stay as they were.
    @Test func takesOutTheRefusedLinkAndKeepsWhatIsInIt() {
        let doc = MarkdownRenderer.render("[**bold** `code`](ms-msdt:x) [![alt](data:x)](https://example.org/) [![alt2](https://example.org/i.png)](intent:x)\n")
        #expect(doc.html == "<p><strong>bold</strong> <code>code</code> <a href=\"https://example.org/\">alt</a> <img src=\"https://example.org/i.png\" alt=\"alt2\" /></p>\n")
    }

    @Test func keepsSafeLinks() {
        let doc = MarkdownRenderer.render("""
            [a](https://example.org/x) [b](mailto:a@example.org) [c](../cards/x.md) [d](tel:+441234567890)
            [e](HTTP://example.org/) [f](#part) [g](/about/) [h](//example.org/y) [i](?q=1:2) [j](notes/a:b)

            """)
        for href in ["https://example.org/x", "mailto:a@example.org", "../cards/x.md", "tel:+441234567890", "HTTP://example.org/",
                     "#part", "/about/", "//example.org/y", "?q=1:2", "notes/a:b"] {
            #expect(doc.html.contains("href=\"\(href)\""), "\(href)")
        }
    }

    @Test func rewritesLinksThroughTheClosure() {
        let doc = MarkdownRenderer.render("[a](../cards/x.md#top) [b](https://example.org)\n") { url in
            url.hasPrefix("../cards/") ? "/cards/x/#top" : nil
        }
        #expect(doc.html.contains("href=\"/cards/x/#top\""))
        #expect(doc.html.contains("href=\"https://example.org\""))
        #expect(doc.links.map(\.destination) == ["../cards/x.md#top", "https://example.org"])
    }

    @Test func givesHeadingsStableUniqueIDs() {
        let doc = MarkdownRenderer.render("## Funding and costs!\n\n### Funding and costs\n\n### Who's `who`?\n")
        #expect(doc.headings.map(\.id) == ["funding-and-costs", "funding-and-costs-1", "whos-who"])
        #expect(doc.headings.map(\.level) == [2, 3, 3])
        #expect(doc.html.contains("<h2 id=\"funding-and-costs\">"))
        #expect(doc.html.contains("<h3 id=\"funding-and-costs-1\">"))
        #expect(doc.html.contains("<h3 id=\"whos-who\">"))
    }

    @Test func reportsLinkPositions() {
        let doc = MarkdownRenderer.render("First line\n\nSome text [here](a.md) ok\n")
        #expect(doc.links.count == 1)
        #expect(doc.links[0].line == 3)
        #expect(doc.links[0].column == 11)
    }

    @Test func extractsPlainText() {
        let doc = MarkdownRenderer.render("# Title\n\nSome *emphasis* and `code`.\n")
        #expect(doc.plainText.contains("Title"))
        #expect(doc.plainText.contains("Some emphasis and code."))
        #expect(!doc.plainText.contains("*"))
    }

    @Test func unsafeSchemeDetection() {
        #expect(LinkSafety.isUnsafe("javascript:x"))
        #expect(LinkSafety.isUnsafe(" jAvAsCrIpT:x"))
        #expect(LinkSafety.isUnsafe("search-ms:query=x"))
        #expect(LinkSafety.isUnsafe(":x"))
        // The Kelvin sign lower-cases to k; a scheme is matched in ASCII only.
        #expect(LinkSafety.scheme(of: "\u{212A}:x") == "\u{212A}")
        #expect(!LinkSafety.isUnsafe("https://example.org/javascript:x"))
        #expect(!LinkSafety.isUnsafe(" Https://example.org/"))
        #expect(!LinkSafety.isUnsafe("mailto:a@example.org"))
        #expect(!LinkSafety.isUnsafe("tel:+44"))
        #expect(!LinkSafety.isUnsafe("notes/javascript:x"))
        #expect(!LinkSafety.isUnsafe("#javascript:x"))
        #expect(!LinkSafety.isUnsafe("?javascript:x"))
    }
}

@Suite struct MarkdownPageStructureTests {
    @Test func bodyH1sMoveOneLevelDownSoThePageKeepsOneH1() {
        let doc = MarkdownRenderer.render("# Our story\n\n## How we meet\n\n###### Deep\n")
        #expect(doc.headings.map(\.level) == [2, 3, 6])
        #expect(doc.html.contains("<h2 id=\"our-story\">"))
        #expect(doc.html.contains("<h3 id=\"how-we-meet\">"))
        #expect(!doc.html.contains("<h1"))
    }

    @Test func headingLevelsStayWithoutAnH1() {
        let doc = MarkdownRenderer.render("## How we meet\n\n### When\n")
        #expect(doc.headings.map(\.level) == [2, 3])
    }

    @Test func tablesAreWrappedInAFocusableRegion() {
        let doc = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(doc.html.hasPrefix("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>"))
        #expect(doc.html.contains("</table></div>"))
    }

    @Test func headingsAndTablesInsideQuotesAndListsAreDecoratedToo() {
        let doc = MarkdownRenderer.render("""
        > ## In a quote
        >
        > | a |
        > |---|
        > | [x](javascript:alert(1)) |

        - ### In a *list*
        - | b |
          |---|
          | 2 |
        """)
        #expect(doc.html == """
        <blockquote>
        <h2 id="in-a-quote">In a quote</h2>
        <div class="table-wrap" role="region" tabindex="0" aria-label="Table"><table>
        <thead>
        <tr>
        <th>a</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>x</td>
        </tr>
        </tbody>
        </table></div>
        </blockquote>
        <ul>
        <li>
        <h3 id="in-a-list">In a <em>list</em></h3>
        </li>
        <li>
        <div class="table-wrap" role="region" tabindex="0" aria-label="Table"><table>
        <thead>
        <tr>
        <th>b</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td>2</td>
        </tr>
        </tbody>
        </table></div>
        </li>
        </ul>

        """)
    }

    @Test func headingIDsAreEscapedAndMovedHeadingsCloseAtTheirNewLevel() {
        let doc = MarkdownRenderer.render("# A & B\n\n###### Six\n")
        #expect(doc.html == "<h2 id=\"a--b\">A &amp; B</h2>\n<h6 id=\"six\">Six</h6>\n")
    }

    @Test func tableTextInCodeIsNotWrapped() {
        let doc = MarkdownRenderer.render("`<table>` is escaped\n")
        #expect(!doc.html.contains("table-wrap"))
    }
}

@Suite struct HeadingIDTests {
    @Test func neverUsesThePagesReservedPrefix() {
        #expect(HeadingID.slug("Whoswho main") == "section-whoswho-main")
        #expect(HeadingID.slug("Main") == "main")
    }

    @Test func asciiHeadingsGetTheSameIdByBytesAsByCharacters() {
        var generator = SeededGenerator(seed: 1003)
        let alphabet = Array("aZ09 -_.,!?'\"\t\r\n&<>#whoswho-")
        for _ in 0..<2000 {
            let text = String((0..<Int.random(in: 0..<20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(HeadingID.slug(text) == HeadingID.unicodeSlug(text), "\(text.debugDescription)")
        }
        #expect(HeadingID.slug("Whoswho-Main") == "section-whoswho-main")
    }
}

@Suite struct HTMLTextTests {
    @Test func escapesQuotesEvenWithACombiningMarkAfterThem() {
        // "\u{301} is one character in Swift; escaping by character would miss the quote.
        #expect(HTMLText.escape("a\"\u{301}b<>&'") == "a&quot;\u{301}b&lt;&gt;&amp;&#39;")
    }

    @Test func keepsEverythingElseByteForByte() {
        let plain = "Café – 東京 👩🏽‍⚕️ line\nbreak"
        #expect(HTMLText.escape(plain) == plain)
        #expect(HTMLText.escape("") == "")
        #expect(HTMLText.escape("東京 & \"Café\" <ok>") == "東京 &amp; &quot;Café&quot; &lt;ok&gt;")
        // A substring (not native contiguous storage) escapes the same.
        let sub = "xx<é>xx".dropFirst(2).dropLast(2)
        #expect(HTMLText.escape(String(sub)) == "&lt;é&gt;")
    }
}

/// Inputs the fuzzer found, kept so that each stays fixed.
@Suite struct MarkdownFuzzFindingsTests {
    /// Setext headings around bytes that are not UTF-8 (read as U+FFFD), one starting
    /// with a combining mark: every heading is written with its id, in order. (Searched
    /// by bytes: by characters, the mark joins the tag's `>` and hides the tag.)
    @Test func headingsNextToBytesThatAreNotUTF8KeepTheirIds() {
        let bytes: [UInt8] = [46, 108, 32, 32, 10, 45, 45, 10, 46, 46, 47, 38, 35, 49, 48, 54, 59, 32, 10, 45, 45, 10, 217, 157, 209, 146,
                              155, 220, 156, 210, 45, 45, 109, 112, 108, 32, 32, 10, 45, 45, 10, 10, 45, 46, 10, 46, 45, 10, 10, 45, 46, 10,
                              92, 45, 45, 10]
        let document = MarkdownRenderer.render(String(decoding: bytes, as: UTF8.self))
        #expect(document.headings.count == 3)
        let html = Array(document.html.utf8)
        var from = 0
        for heading in document.headings {
            let tag = Array("<h\(heading.level) id=\"\(HTMLText.escape(heading.id))\">".utf8)
            let found = (from...max(from, html.count - tag.count)).first { html.count >= $0 + tag.count && Array(html[$0..<$0 + tag.count]) == tag }
            #expect(found != nil, "no heading \(heading.id) in \(document.html.debugDescription)")
            guard let found else { return }
            from = found + tag.count
        }
    }
}
