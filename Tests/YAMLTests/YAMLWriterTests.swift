@testable import YAML
import TestSupport
import Testing

/// What the importer writes as YAML, libyaml reads back as exactly the same text:
/// every value that could mean something to YAML is quoted and escaped.
@Suite struct YAMLWriterTests {
    func readBack(_ value: String) throws -> String? {
        let node = try YAMLParser.parse("key: " + YAMLWriter.scalar(value) + "\n")
        guard case .mapping(let pairs)? = node?.value else { return nil }
        return pairs.first?.value.scalar
    }

    static let awkward = [
        "Tea: and cake", "Room #5", "a # b", "- dash", "? what", ": colon", "[list]", "{map}", "&anchor", "*alias", "!tag", "|pipe",
        ">fold", "'quoted'", "\"quoted\"", "%percent", "@at", "`tick`", "10:00", "yes", "no", "null", "~", "true", "2018", "0117 496 0000",
        "trailing ", " leading", "two  spaces", "back\\slash", "tab\there", "line\nbreak", "nel\u{85}here", "ls\u{2028}ps\u{2029}",
        "bom\u{FEFF}", "bell\u{7}", "Café ☕ 😊", "zero\u{200B}width", "Ünïcödé", "a,b", "Men's Shed", "£2.50 (concessions)",
        "--- document", "... end", "x: y: z", "ends with colon:", "#hash", ",comma", "\u{1F600}", "https://example.org/a?b=c#d",
    ]

    @Test func awkwardValuesReadBackAsWritten() throws {
        for value in Self.awkward {
            #expect(try readBack(value) == value, "\(value.debugDescription) as \(YAMLWriter.scalar(value))")
        }
    }

    @Test func plainValuesStayPlain() {
        for value in ["Scunthorpe Memory Café", "Brigg Carers Coffee Morning", "Ages 18 and over", "01724 296 000", "Men's Shed"] {
            #expect(YAMLWriter.scalar(value) == value)
        }
    }

    @Test func randomValuesReadBackAsWritten() throws {
        let pool = Array("ab Z9:#-?'\"[]{},&*!|>%@`\\\t\n\u{85}\u{A0}\u{2028}\u{FEFF}é😊~.")
        var random = SeededGenerator(seed: 15)
        for _ in 0..<2000 {
            let length = Int.random(in: 1...12, using: &random)
            let value = String((0..<length).map { _ in pool.randomElement(using: &random)! })
            #expect(try readBack(value) == value, "\(value.debugDescription) as \(YAMLWriter.scalar(value))")
        }
    }

    @Test func flowListsReadBackAsTheirItems() throws {
        let items = ["drop-in", "self-referral", "a, b", "x]"]
        let node = try YAMLParser.parse("key: " + YAMLWriter.flowList(items) + "\n")
        guard case .mapping(let pairs)? = node?.value, case .sequence(let list) = pairs[0].value.value else {
            Issue.record("not a list")
            return
        }
        #expect(list.map(\.scalar) == items)
    }
}
