import Content
import Testing

@Suite struct BodyLimitTests {
    func card(body: String) -> [UInt8] {
        Array("""
        ---
        name: Long
        kind: group
        summary: Example card.
        topics: [carers]
        regions: [london]
        updated: 2026-01-01
        ---
        \(body)
        """.utf8)
    }

    @Test func aBodyOverTheLimitIsRefusedWithoutRendering() {
        let body = String(repeating: "_www.a", count: ContentLimits.maxBodyBytes / 6 + 10)
        let result = SingleDocument.parseCard(card(body: body), slug: "long", isYAML: false)
        #expect(result.card == nil)
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 9)
        #expect(errors.first?.message.hasPrefix("the text is \(body.utf8.count + 0) bytes long") == true)
    }

    @Test func aBodyAtTheLimitIsRendered() {
        let body = String(repeating: "a", count: ContentLimits.maxBodyBytes - 1) + "\n"
        let result = SingleDocument.parseCard(card(body: body), slug: "long", isYAML: false)
        #expect(result.diagnostics.filter(\.isError).isEmpty)
        #expect(result.card != nil)
    }
}
