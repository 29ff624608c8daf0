import Testing
@testable import YAML

/// Each common YAML mistake is explained in words a contributor can act on, at the
/// line and column where the fix goes, with the fix itself in the note.
@Suite struct SyntaxExplanationTests {
    struct Case: Sendable, CustomStringConvertible {
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var note: String
        var description: String { message }
    }

    static let cases: [Case] = [
        Case(yaml: "name: A\n\tsummary: B\n", line: 2, column: 1,
             message: "this line has a tab (shown as <tab>); YAML needs spaces, not tabs, before a field or a list item",
             note: "replace the tab with spaces: none before a field of the card, two before each '- ' list item"),
        Case(yaml: "name: A\ntopics:\n\t- carers\n", line: 3, column: 1,
             message: "this line has a tab (shown as <tab>); YAML needs spaces, not tabs, before a field or a list item",
             note: "replace the tab with spaces: none before a field of the card, two before each '- ' list item"),
        Case(yaml: "name: A\nkind group\nsummary: B\n", line: 2, column: 5,
             message: "'kind group' needs a colon after the field's name 'kind'", note: "write kind: group"),
        Case(yaml: "name: A\nsummary: Meets weekly: Tuesdays\n", line: 2, column: 22,
             message: "the value of 'summary' holds a colon and a space (': '), which YAML reads as the start of another field",
             note: "put the whole value in double quotes: summary: \"Meets weekly: Tuesdays\""),
        Case(yaml: "name: \u{201C}Cardiff: Carers\u{201D}\n", line: 1, column: 7,
             message: "the value of 'name' starts with a curly quote (\u{201C}), which YAML does not read as a quote, so the colon inside it starts a new field",
             note: "use straight quotes: name: \"Cardiff: Carers\""),
        Case(yaml: "name: \"Carers\n", line: 1, column: 7,
             message: "the quote (\") that opens this value is never closed; YAML reads the rest of the file as part of it",
             note: "end the value with \" on the same line: name: \"Carers\""),
        Case(yaml: "name: \"Quoted\" after\n", line: 1, column: 7,
             message: "the value of 'name' goes on after its closing quote",
             note: "put the whole value inside the quotes: name: \"Quoted after\""),
        Case(yaml: "name: 'It's here'\n", line: 1, column: 7,
             message: "the apostrophe after 'It' ends the quoted value of 'name' early",
             note: "use double quotes around a value with an apostrophe: name: \"It's here\""),
        Case(yaml: "name: A\n  summary: B\n", line: 2, column: 1,
             message: "'summary' is indented, so YAML reads it as part of the field above it",
             note: "start 'summary:' at the beginning of the line, with no spaces before it"),
        Case(yaml: "topics:\n  - a\n regions:\n  - b\n", line: 3, column: 1,
             message: "this line is indented differently from the lines around it, so YAML cannot tell which field it belongs to",
             note: "start each field of the card at the beginning of the line, and indent the items of a list ('- …') the same number of spaces as each other"),
        Case(yaml: "topics: - carers\n", line: 1, column: 9,
             message: "a list item ('- …') is on the same line as the field it belongs to",
             note: "put the field name on a line of its own, like 'topics:', and each item on its own line below it, like '  - carers'"),
        Case(yaml: "summary: @group meets\n", line: 1, column: 10,
             message: "a value cannot start with '@' unless it is in quotes",
             note: "put the whole value in double quotes: summary: \"@group meets\""),
    ]

    @Test(arguments: cases)
    func explainsTheMistake(_ c: Case) {
        do {
            _ = try YAMLParser.parse(c.yaml)
            Issue.record("no error for \(c.yaml)")
        } catch {
            #expect(error.message == c.message)
            #expect(error.note == c.note)
            #expect(error.mark == Mark(line: c.line, column: c.column))
        }
    }

    /// Front matter starts on line 2 of its file; the explanation points there too.
    @Test func keepsTheLineOffset() {
        #expect(throws: YAMLError(message: "'kind group' needs a colon after the field's name 'kind'",
                                  mark: Mark(line: 3, column: 5), note: "write kind: group")) {
            try YAMLParser.parse("name: A\nkind group\nsummary: B\n", lineOffset: 1)
        }
    }
}
