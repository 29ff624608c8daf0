import Content
import Testing

/// The `whoswho new` template's comments say what the field table says: whether each
/// field is required, and the most characters of each free text field.
@Suite struct DocumentTemplateTableTests {
    static let today = ContentDate(year: 2026, month: 1, day: 1)!

    /// Each field of `template` with the one-line comment above it.
    static func commentedFields(_ template: String) -> [(name: String, comment: String)] {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return zip(lines, lines.dropFirst()).compactMap { comment, line in
            guard comment.hasPrefix("# Required.") || comment.hasPrefix("# Optional."),
                  let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("#") else { return nil }
            return (String(line[..<colon]), comment)
        }
    }

    static func check(_ template: String, _ table: FieldList) {
        let fields = commentedFields(template)
        #expect(fields.count >= 7)
        for (name, comment) in fields {
            let field = table[name]
            #expect(comment.hasPrefix(field.required ? "# Required." : "# Optional."), "\(name): \(comment)")
            if case .text(let max, .plain) = field.type {
                #expect(comment.hasSuffix("(at most \(max) characters)."), "\(name): \(comment)")
            } else {
                #expect(!comment.contains("characters)"), "\(name): \(comment)")
            }
        }
    }

    @Test func theCardTemplateSaysWhatTheTableSays() {
        Self.check(DocumentTemplate.card(updated: Self.today), FieldTable.card)
    }

    @Test func theGuideTemplateSaysWhatTheTableSays() {
        Self.check(DocumentTemplate.guide(updated: Self.today), FieldTable.guide)
    }

    /// Every free text field of a card with a comment of its own gives its length.
    @Test func everyFreeTextOfACardGivesItsLength() {
        let commented = Set(Self.commentedFields(DocumentTemplate.card(updated: Self.today)).map(\.name))
        let freeText = FieldTable.card.all.filter { if case .text(_, .plain) = $0.type { true } else { false } }.map(\.name)
        #expect(Set(freeText).subtracting(commented) == [])
    }
}
