@testable import Render
import Testing

/// For a site opened from files, relative links to a folder name its index.html, and
/// nothing else changes.
@Suite struct FilePreviewLinksTests {
    @Test(arguments: [
        (#"<a href="../../topics/carers/">"#, #"<a href="../../topics/carers/index.html">"#),
        (#"<a href="./">"#, #"<a href="./index.html">"#),
        (#"<a class="x" href="../../">"#, #"<a class="x" href="../../index.html">"#),
        (#"<a href="../page/2/#letter-b">"#, #"<a href="../page/2/index.html#letter-b">"#),
        (#"<form action="../search/" method="get">"#, #"<form action="../search/index.html" method="get">"#),
        (#"<link rel="next" href="page/2/">"#, #"<link rel="next" href="page/2/index.html">"#),
        (#"<a href="search/?q=carers&amp;region=wales">"#, #"<a href="search/index.html?q=carers&amp;region=wales">"#),
    ])
    func namesIndexHTML(html: String, expected: String) {
        #expect(FilePreviewLinks.rewrite(html) == expected)
    }

    @Test(arguments: [
        #"<a href="https://example.org/carers/">"#, #"<a href="mailto:a@example.org">"#, ##"<a href="#main">"##,
        #"<a href="/absolute/">"#, #"<a href="//host.example/x/">"#, #"<link href="../../style.css">"#,
        #"<a href="../../feed.xml">"#, #"<img src="../../images/x/" alt="">"#, #"<p data-href="x/">"#,
        #"<p>href="x/" written as text</p>"#,
    ])
    func leavesOtherLinksAlone(html: String) {
        #expect(FilePreviewLinks.rewrite(html) == html)
    }
}
