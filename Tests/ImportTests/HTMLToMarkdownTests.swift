@testable import Import
import Markdown
import Testing

/// The descriptions of real feeds, HTML from web editors, become Markdown a card can
/// hold: structure kept, styles left out, unsafe links and images dropped and reported,
/// web addresses made links, and nothing in the text taken for Markdown.
@Suite struct HTMLToMarkdownTests {
    func convert(_ html: String) -> (markdown: String, dropped: [String], html: String) {
        var converter = HTMLToMarkdown()
        let markdown = converter.convert(html)
        return (markdown, converter.dropped, MarkdownRenderer.render(markdown).html)
    }

    @Test func nestedListsWithInlineStylesKeepTheirShape() {
        let out = convert(#"<p><span style="color:#333"><strong>Come along!</strong> We meet in the <em>back room</em>.</span></p><ul><li>Tea &amp; cake</li><li>Activities<ul><li>Quizzes</li><li>Music <b>sessions</b></li></ul></li></ul>"#)
        #expect(out.markdown == "**Come along!** We meet in the _back room_.\n\n- Tea & cake\n- Activities\n  - Quizzes\n  - Music **sessions**")
        #expect(out.html.contains("<li>Activities\n<ul>\n<li>Quizzes</li>"))
        #expect(out.html.contains("<strong>Come along!</strong>"))
        #expect(!out.html.contains("style"))
    }

    @Test func orderedListsHeadingsAndLineBreaks() {
        let out = convert("<h1>About</h1><ol><li>Meet</li><li>Share</li></ol><p>Line one<br>line two<br></p>")
        #expect(out.markdown == "## About\n\n1. Meet\n2. Share\n\nLine one\\\nline two")
        #expect(out.html.contains(">About</h2>"))
        #expect(out.html.contains("<ol>"))
        #expect(out.html.contains("Line one<br />"))
    }

    @Test func unsafeLinksAndImagesAreDroppedWithTheirWordsKeptAndReported() {
        let out = convert(#"<p>Click <a href="javascript:alert(1)">here</a>, see <a href="/services/1">others</a> or <a href="https://example.org/book">book</a>.</p><img src="data:image/png;base64,AAAA" alt="logo"><img src="file:///C:/x.jpg"><img src="https://example.org/a.png" alt="Map">"#)
        #expect(out.markdown.contains("Click here, see others or [book](<https://example.org/book>)."))
        #expect(out.markdown.contains("[Image: Map](<https://example.org/a.png>)"))
        #expect(!out.markdown.contains("javascript") && !out.markdown.contains("data:") && !out.markdown.contains("file:"))
        #expect(out.dropped == ["a link to 'javascript:alert(1)' (its words are kept)", "a link to '/services/1' (its words are kept)",
                                "a data: image ('logo')", "an image at 'file:///C:/x.jpg'"])
    }

    @Test func aLinkWithSpacesInItsAddressIsKept() {
        let out = convert(#"<a href=" https://example.org/a b ">the page</a>"#)
        #expect(out.markdown == "[the page](<https://example.org/a%20b>)")
        #expect(out.dropped.isEmpty)
    }

    @Test func scriptsAndStylesAreLeftOutAndReported() {
        let out = convert("<style>p{color:red}</style><p>Hello</p><SCRIPT>alert(1)</SCRIPT><p>there</p>")
        #expect(out.markdown == "Hello\n\nthere")
        #expect(out.dropped == ["a <style> element and what was in it", "a <script> element and what was in it"])
    }

    @Test func bareWebAndEmailAddressesBecomeLinks() {
        let out = convert("<div>\u{200B}Visit www.example.org/groups_list. or http://carers.example.org, or email info@carers.example.org.</div>")
        #expect(out.html.contains(#"<a href="https://www.example.org/groups_list">"#))
        #expect(out.html.contains(#"<a href="http://carers.example.org">"#))
        #expect(out.html.contains(#"<a href="mailto:info@carers.example.org">"#))
    }

    @Test func textThatLooksLikeMarkdownStaysText() {
        let out = convert("<p>1. Not a list * star _ under [brackets] `tick` &lt;b&gt;bold&lt;/b&gt; &amp;copy;</p><p># not a heading</p><p>- not an item</p>")
        #expect(!out.html.contains("<ol") && !out.html.contains("<h1") && !out.html.contains("<ul") && !out.html.contains("<em>"))
        #expect(out.html.contains("1. Not a list * star _ under [brackets] `tick` &lt;b&gt;bold&lt;/b&gt; &amp;copy;"))
        #expect(out.html.contains("# not a heading"))
    }

    @Test func plainTextForASummaryReadsListsAsAList() {
        let plain = TextCleaner.plain(fromHTML: "<p>Come along!</p><ul><li>Tea &amp; cake</li><li>Quizzes.</li><li>Music</li></ul>")
        #expect(plain == "Come along! Tea & cake; Quizzes. Music")
        // Spaces before an item's end do not hide how it ends.
        #expect(TextCleaner.plain(fromHTML: "<ul><li>Tea \t </li><li>Quizzes. \u{2003}</li><li>Music</li></ul>") == "Tea; Quizzes. Music")
    }

    @Test func emptyParagraphsAndWordMarkupVanish() {
        let out = convert(#"<p><br></p><p class="MsoNormal"><o:p></o:p></p><p>&nbsp;</p><!-- comment --><p>Text&nbsp;here</p>"#)
        #expect(out.markdown == "Text here")
    }
}
