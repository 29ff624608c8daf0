import Content
import Foundation
import Testing

/// The field tables of docs/content-format.md say what the field table says: the same
/// fields in the same order, the same required ones, and the same limits.
@Suite struct FieldTableDocsTests {
    /// One row of a field table in the docs.
    struct Row: Equatable {
        var name: String
        var required: String
        var text: String
    }

    static let doc: String = {
        let url = Fixtures.packageRoot.appendingPathComponent("docs").appendingPathComponent("content-format.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The rows of the first table after the line `heading`.
    static func rows(after heading: String, in doc: String) -> [Row] {
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        let table = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return table.dropFirst(2).compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`"), cells[1].hasSuffix("`") else { return nil }
            return Row(name: String(cells[1].dropFirst().dropLast()), required: cells[2], text: cells[3])
        }
    }

    /// The numbers a row gives as limits: "at most N" (in any case) and "1 to N".
    static func statedLimits(_ text: String) -> Set<Int> {
        var limits = Set<Int>()
        for phrase in ["at most ", "1 to "] {
            var rest = Substring(text.lowercased())
            while let found = rest.range(of: phrase) {
                rest = rest[found.upperBound...]
                let digits = rest.prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
                if let n = Int(digits) { limits.insert(n) }
            }
        }
        return limits
    }

    /// The limits a row must state: a free text's length (not a Markdown body's, bounded
    /// by the file) and a list's most items.
    static func neededLimits(_ field: FieldDescription) -> Set<Int> {
        var needed = Set<Int>()
        switch field.type {
        case .text(let max, .plain), .wordsOr(let max, _, _): needed.insert(max)
        default: break
        }
        if let most = field.maxItems { needed.insert(most) }
        return needed
    }

    /// Every way the docs' rows and the table disagree, in words.
    static func disagreements(_ table: FieldList, _ rows: [Row]) -> [String] {
        var out: [String] = []
        if rows.map(\.name) != table.names {
            out.append("the docs list \(rows.map(\.name)), the table \(table.names)")
        }
        for field in table.all {
            guard let row = rows.first(where: { $0.name == field.name }) else { continue }
            if (row.required == "yes") != field.required {
                out.append("'\(field.name)': the docs say required '\(row.required)', the table \(field.required)")
            }
            let stated = statedLimits(row.text)
            let limits = Set([field.maxLength, field.maxItems].compactMap { $0 })
            if !stated.isSubset(of: limits) {
                out.append("'\(field.name)': the docs give limits \(stated.sorted()), the table \(limits.sorted())")
            }
            if !neededLimits(field).isSubset(of: stated) {
                out.append("'\(field.name)': the docs do not give the limits \(neededLimits(field).subtracting(stated).sorted())")
            }
        }
        return out
    }

    @Test func theCardFieldsAgreeWithTheTable() {
        let rows = Self.rows(after: "### Card fields", in: Self.doc)
        #expect(!rows.isEmpty)
        #expect(Self.disagreements(FieldTable.card, rows) == [])
    }

    @Test func theGuideFieldsAgreeWithTheTable() {
        let rows = Self.rows(after: "## Guides", in: Self.doc)
        #expect(!rows.isEmpty)
        #expect(Self.disagreements(FieldTable.guide, rows) == [])
    }

    /// The check finds a wrong limit, a wrong required column, a missing limit and a
    /// missing field.
    @Test func aDisagreementIsFound() {
        let doc = """
            ## Guides

            | Field | Required | Type and rule |
            |---|---|---|
            | `title` | yes | Text, 1 to 100 characters. |
            | `summary` | no | Plain text, 1 to 280 characters. |
            | `topics` | yes | A list of topic slugs, at least one, none repeated. |
            | `regions` | no | A list of region slugs, at most 10. |
            | `cards` | no | Slugs of cards. |
            | `authors` | no | Names. |
            """
        let found = Self.disagreements(FieldTable.guide, Self.rows(after: "## Guides", in: doc))
        #expect(found.count == 5)
        #expect(found.contains { $0.hasPrefix("the docs list") })
        #expect(found.contains { $0.hasPrefix("'title': the docs give limits [100]") })
        #expect(found.contains { $0.hasPrefix("'title': the docs do not give the limits [120]") })
        #expect(found.contains { $0.hasPrefix("'summary': the docs say required 'no'") })
        #expect(found.contains { $0.hasPrefix("'topics': the docs do not give the limits [10]") })
    }
}
