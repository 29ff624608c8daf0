import Support
import Testing

/// The one place text is escaped for JSON, HTML and XML.
@Suite struct EscapingTests {
    @Test func jsonStringsAreEscaped() {
        #expect(JSONValue.quoted("a\"b\\c\n\u{1}\u{2028}</script>") == "\"a\\\"b\\\\c\\n\\u0001\\u2028</script>\"")
        #expect(JSONValue.quoted("plain text") == "\"plain text\"")
        #expect(JSONValue.quoted("Café €, \u{2027}") == "\"Café €, \u{2027}\"")
        // Inside a script element, the text cannot end the element.
        #expect(JSONValue.string("</script>").serialized(scriptSafe: true) == "\"\\u003c/script\\u003e\"")
    }

    @Test func htmlTextIsEscapedByBytes() {
        #expect(HTMLText.escape("a & <b> \"c\" 'd'") == "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;")
        // A combining mark after a quote does not hide the quote.
        #expect(HTMLText.escape("\"\u{301}") == "&quot;\u{301}")
        #expect(HTMLText.escape("nothing to do") == "nothing to do")
    }

    @Test func xmlTextDropsWhatXMLCannotHold() {
        #expect(XMLText.escape("a & <b> \"c\" 'd'\u{1}\u{FFFE}") == "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;")
    }
}
