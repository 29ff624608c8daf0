@testable import Content
import Testing

/// An SVG under static/ is read as XML and may hold only what a drawing needs: each
/// refused case names what it holds, and each drawing an editor writes is accepted.
@Suite struct SVGContentTests {
    static func svg(_ inner: String, root: String = "") -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\#(root)>"# + inner + "</svg>"
    }

    /// Each SVG and the words its refusal must use.
    static let refused: [(String, String)] = [
        (svg("<script>alert(1)</script>"), "a <script> element"),
        (svg("<SCRIPT>alert(1)</SCRIPT>"), "a <SCRIPT> element"),
        (svg("<s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script>"), "a <s:script> element"),
        (svg("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>"), "an HTML <h:script> element"),
        (svg("<iframe xmlns=\"http://www.w3.org/1999/xhtml\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"/>"), "an HTML <iframe> element"),
        (svg("<foreignObject><p xmlns=\"http://www.w3.org/1999/xhtml\">hi</p></foreignObject>"), "a <foreignObject> element"),
        (svg("<rect/>", root: " onload=\"alert(1)\""), "an event handler ('onload=')"),
        (svg("<rect ONCLICK=\"alert(1)\"/>"), "an event handler ('ONCLICK=')"),
        (svg("<a href=\"&#0000106;&#00097;vascript:alert(1)\"><rect/></a>"), "a 'javascript:' link in 'href' on <a>"),
        (svg("<a xlink:href=\" java&#x09;script&#58;alert(1)\"><rect/></a>"), "a 'javascript:' link in 'xlink:href' on <a>"),
        (svg("<a x:href=\"javascript:alert(1)\" xmlns:x=\"http://www.w3.org/1999/xlink\"><rect/></a>"), "a 'javascript:' link in 'x:href' on <a>"),
        (svg("<a href=\"ms-msdt:/id PCWDiagnostic\"><rect/></a>"), "a 'ms-msdt:' link"),
        (svg("<a><animate attributeName=\"href\" to=\"javascript:alert(1)\"/><rect/></a>"), "a <animate> element"),
        (svg("<a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><rect/></a>"), "a <set> element"),
        (svg("<use href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"), "a 'data:' link in 'href' on <use>"),
        (svg("<use href=\"https://example.org/sprite.svg#a\"/>"), "a 'https:' link in 'href' on <use>"),
        (svg("<image href=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\"/>"), "a 'data:' link in 'href' on <image>"),
        (svg("<embed src=\"x.swf\"/>"), "a <embed> element"),
        (svg("<rect foo:bar=\"1\" xmlns:foo=\"https://example.org/ns\"/>"), "an attribute 'foo:bar' on <rect>"),
        (svg("<rect formaction=\"x\"/>"), "an attribute 'formaction' on <rect>"),
        ("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>" + svg("<rect/>"), "a processing instruction ('<?xml-stylesheet')"),
        ("<!DOCTYPE svg [<!ENTITY x \"javascript:alert(1)\">]>" + svg("<a href=\"&x;\"/>"), "an entity declaration"),
        ("<svg><rect/></svg>", "without xmlns="),
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>", "a first element <html>"),
        (svg("<rect>"), "not well formed"),
        ("just text", "not well formed"),
    ]

    @Test(arguments: refused)
    func refusesWhatIsNotADrawing(svg: String, words: String) throws {
        let problem = try #require(SVGContent.firstProblem(Array(svg.utf8)))
        #expect(problem.message.contains(words), "\(problem.message)")
    }

    /// Drawings as editors and people write them, with links inside the drawing,
    /// ordinary links out of it, embedded PNGs and editor metadata.
    static let accepted: [String] = [
        svg("<rect width=\"10\" height=\"10\" fill=\"#336\"/>"),
        svg("<title>onload= and javascript: are only words here</title><desc>on, onto</desc>"),
        svg("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"red\"/></linearGradient></defs><radialGradient xlink:href=\"#g\"/><rect fill=\"url(#g)\"/>"),
        svg("<symbol id=\"s\"><circle r=\"1\"/></symbol><use href=\"#s\"/><use xlink:href=\"#s\"/>"),
        svg("<a href=\"https://example.org/\" target=\"_blank\"><text>x</text></a><a xlink:href=\"mailto:a@example.org\"><rect/></a><a href=\"../index.html\"><rect/></a>"),
        svg("<image href=\"data:image/png;base64,iVBORw0KGgo=\"/><image xlink:href=\"https://example.org/a.png\"/><image href=\"logo.png\"/>"),
        svg("<g inkscape:label=\"Layer\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" xml:space=\"preserve\"><path d=\"M0 0L1 1\"/></g>"),
        svg("<style>.a { fill: red }</style><rect class=\"a\" style=\"stroke: blue\" aria-hidden=\"true\" data-part=\"1\"/>"),
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + svg("<rect/>"),
    ]

    @Test(arguments: accepted)
    func acceptsADrawing(svg: String) {
        #expect(SVGContent.firstProblem(Array(svg.utf8)) == nil)
    }

    /// The diagnostic points at the tag that holds the problem, on its own line.
    @Test func pointsAtTheTag() throws {
        let text = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect/>\n  <rect/><script>x</script>\n</svg>\n"
        let problem = try #require(SVGContent.firstProblem(Array(text.utf8)))
        #expect(problem.line == 3 && problem.column == 10)
    }
}
