import Content
import Testing

/// UK postcodes are judged by the shape Royal Mail gives them, in any case and spacing,
/// and written back in capitals with one space.
@Suite struct PostcodeTests {
    @Test(arguments: [
        ("LS1 4AP", "LS1 4AP"), ("ls14ap", "LS1 4AP"), ("  sw1a  1aa ", "SW1A 1AA"), ("M1 1AE", "M1 1AE"),
        ("B33 8TH", "B33 8TH"), ("CR2 6XH", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"), ("W1A 0AX", "W1A 0AX"),
        ("EC1A 1BB", "EC1A 1BB"), ("BT14 7EA", "BT14 7EA"), ("GIR 0AA", "GIR 0AA"),
    ])
    func postcodesOfEveryShapeAreAccepted(written: String, normalized: String) {
        #expect(Postcode.normalized(written) == normalized)
    }

    @Test(arguments: [
        "LS1", "LS1 OAP", "1LS 4AP", "QS1 4AP", "LI1 4AP", "LS1 4CP", "LS1 4AI", "LS123 4AP", "LS1 44P",
        "LS1-4AP", "", "LS1 4A", "ZZ99 9ZZZ", "ŁS1 4AP", "W1I 0AX",
    ])
    func anythingElseIsRefused(written: String) {
        #expect(Postcode.normalized(written) == nil)
    }
}
