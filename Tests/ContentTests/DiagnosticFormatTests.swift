import Content
import Testing

/// The text format shows the source line with characters a contributor cannot see
/// named in place, and the caret still under the column the diagnostic gives.
@Suite struct DiagnosticFormatTests {
    @Test func namesInvisibleCharactersAndKeepsTheCaretInPlace() {
        let d = Diagnostic(.error, file: "cards/a.md", line: 3, column: 10, message: "bad e-mail")
        let printed = DiagnosticFormat.text.render([d]) { _, _ in "email:\t\u{00A0}\u{200B}ada@example.org" }
        #expect(printed == """
            cards/a.md:3:10: error: bad e-mail
            email:<tab><no-break space><zero-width space>ada@example.org
                                                         ^

            """)
    }
}
