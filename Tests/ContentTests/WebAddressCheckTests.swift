@testable import Content
import Testing

/// Web addresses are judged as a browser reads them, and a mistake is named in plain
/// words with the intended address suggested where it is plain to see. The cases are
/// the ones a real council feed held.
@Suite struct WebAddressCheckTests {
    @Test(arguments: [
        ("http://St Agnes Church",
         "'website' should be a web address, like https://www.example.org/, but 'http://St Agnes Church' has spaces where the website's name should be"),
        ("http:// https://www.survivorpathway.org.uk/",
         "'website' has the start of a web address twice in 'http:// https://www.survivorpathway.org.uk/'; did you mean 'https://www.survivorpathway.org.uk/'?"),
        ("http://(http://forum.alzheimers.org.uk)",
         "'website' has the start of a web address twice in 'http://(http://forum.alzheimers.org.uk)'; did you mean 'http://forum.alzheimers.org.uk'?"),
        ("www.northlincs.gov.uk/libraries",
         "'website' should start with https:// (or http://); did you mean 'https://www.northlincs.gov.uk/libraries'?"),
        ("northlincs.gov.uk",
         "'website' should start with https:// (or http://); did you mean 'https://northlincs.gov.uk'?"),
        ("http:www.northlincs.gov.uk",
         "'website' needs '//' after 'http:' in 'http:www.northlincs.gov.uk'; did you mean 'http://www.northlincs.gov.uk'?"),
        ("https:/www.example.org/page",
         "'website' needs '//' after 'https:' in 'https:/www.example.org/page'; did you mean 'https://www.example.org/page'?"),
        ("https://www.example.org/our groups",
         "'website' cannot hold spaces, but 'https://www.example.org/our groups' does; did you mean 'https://www.example.org/our%20groups'?"),
        ("https://www.bank.example@evil.example/",
         "'website' holds '@' before the website's name in 'https://www.bank.example@evil.example/', which hides where the link really goes; give the address of the page itself"),
        ("https://localhost/", "'website' should be a web address, but 'localhost' in 'https://localhost/' is not a website's name (like www.example.org)"),
        ("ada@example.org", "'website' should be a web address, but 'ada@example.org' is an email address; put it in 'email'"),
        ("write to the cafe", "'website' should be a web address starting with https:// or http://, not 'write to the cafe'"),
        ("ftp://files.example.org/", "'website' should be a web address starting with https:// or http://, not 'ftp://files.example.org/'"),
    ])
    func namesTheMistake(value: String, message: String) {
        #expect(WebAddressCheck.problem(value, key: "website") == message)
    }

    @Test(arguments: [
        "https://www.example.org", "http://example.org/", "HTTPS://Example.ORG/a/b?c=d&e=f#g", "https://example.org:8080/x",
        "https://192.168.1.10/", "https://bücher.example/", "https://example.org./", "https://a-b.example.co.uk/path_(x)",
    ])
    func acceptsAnAddressABrowserOpens(value: String) {
        #expect(WebAddressCheck.problem(value, key: "website") == nil)
        #expect(WebAddress.isHTTP(value))
    }
}
