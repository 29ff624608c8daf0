import OpenReferral
import Testing

/// Name-based UUIDs are RFC 4122's version 5: the same as every other implementation's.
@Suite struct NameBasedUUIDTests {
    @Test func knownNamesGiveTheUUIDsOtherImplementationsGive() throws {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        #expect(NameBasedUUID(namespace: .dns, name: "python.org").text == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // whoswho's namespace, and a service's id in it, as docs/open-data.md gives them.
        let namespace = NameBasedUUID(namespace: .dns, name: "open-referral.whoswho.invalid")
        #expect(namespace.text == "421aaecd-e959-59a0-ba72-ef5fca9fd778")
        #expect(NameBasedUUID(namespace: namespace, name: "service/ada-example").text == "23a0d4cc-f32e-52f1-8263-8b73e8d17ceb")
    }

    @Test func longNamesCrossTheHashsBlocks() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "x" * 200) (a name over several 64-byte blocks).
        #expect(NameBasedUUID(namespace: .dns, name: String(repeating: "x", count: 200)).text == "ddcc691a-b8e2-53e5-b059-6a232874b2eb")
    }

    @Test func textReadsBackAsTheSameUUID() throws {
        let id = NameBasedUUID(namespace: .dns, name: "example.org")
        #expect(NameBasedUUID(id.text) == id)
        #expect(NameBasedUUID(id.text.uppercased()) == id)
        #expect(NameBasedUUID("not-a-uuid") == nil)
    }
}
