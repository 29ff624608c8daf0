import Testing
@testable import YAML

@Suite struct YAMLParserTests {
    func mapping(_ node: Node?) -> [Pair] {
        guard case .mapping(let pairs)? = node?.value else { return [] }
        return pairs
    }

    @Test func keepsSourcePositions() throws {
        let root = try YAMLParser.parse("name: Alice\ntopics:\n  - carers\n  - dementia\n")
        let pairs = mapping(root)
        #expect(pairs.map { $0.key.scalar } == ["name", "topics"])
        #expect(pairs[0].value.mark == Mark(line: 1, column: 7))
        guard case .sequence(let items) = pairs[1].value.value else { Issue.record("not a list"); return }
        #expect(items[1].mark == Mark(line: 4, column: 5))
        #expect(items[1].scalar == "dementia")
    }

    @Test func offsetsLines() throws {
        let root = try YAMLParser.parse("a: b\n", lineOffset: 1)
        #expect(mapping(root)[0].value.mark == Mark(line: 2, column: 4))
    }

    @Test func keepsScalarsAsWritten() throws {
        // Typing is by field: YAML 1.1's booleans and numbers stay text here.
        let pairs = mapping(try YAMLParser.parse("a: no\nb: 2018\nc: 'yes'\nd: 2018-03-01\ne: ~\n"))
        #expect(pairs.map { $0.value.scalar } == ["no", "2018", "yes", "2018-03-01", "~"])
        guard case .scalar(_, let style) = pairs[2].value.value else { Issue.record("not a scalar"); return }
        #expect(style == .singleQuoted)
        #expect(pairs[4].value.isNull)
        #expect(!pairs[0].value.isNull)
    }

    @Test func reportsSyntaxErrorsAtLibyamlsPosition() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse("a: [b, c\nd: e\n") }
        do {
            _ = try YAMLParser.parse("name: x\n  bad: indent\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.mark == Mark(line: 2, column: 1))
            #expect(error.message == "'bad' is indented, so YAML reads it as part of the field above it")
        }
    }

    /// A comment after a plain value is kept beside it, so the checker can say that the
    /// value stops where the comment starts; quoted values and flow lists have none.
    @Test func keepsACommentThatEndsAPlainValue() throws {
        let pairs = mapping(try YAMLParser.parse("a: Meets at #5 Church St\nb: \"x #1\"\nc: [d] # e\nf: https://x.org/#g\nh: i  # j\n"))
        #expect(pairs.map { $0.value.trailingComment } == ["#5 Church St", nil, nil, nil, "# j"])
        #expect(pairs[0].value.scalar == "Meets at")
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLParser.parse("") == nil)
        #expect(try YAMLParser.parse("# only a comment\n") == nil)
    }

    @Test func expandsAliasesWithinTheLimit() throws {
        let root = try YAMLParser.parse("a: &x [1, 2]\nb: *x\n")
        let pairs = mapping(root)
        guard case .sequence(let items) = pairs[1].value.value else { Issue.record("alias not expanded"); return }
        #expect(items.count == 2)
    }

    @Test func stopsABillionLaughs() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try YAMLParser.parse(text)
            Issue.record("expected the alias limit")
        } catch {
            #expect(error.message.contains("more than 100000 values"))
        }
    }

    @Test func limitsNestingDepth() {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        do {
            _ = try YAMLParser.parse(text)
            Issue.record("expected the depth limit")
        } catch {
            #expect(error.message.contains("nested more than 64 deep"))
        }
    }

    @Test func refusesTwoDocuments() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse("a: 1\n---\nb: 2\n") }
    }
}
