@testable import Render
import Testing

/// A page's fingerprint follows its values: the same values give the same fingerprint
/// whatever order a dictionary holds them in, any changed value changes it, and a value
/// of a kind it cannot read gives none, so that page is always rendered.
@Suite struct PageFingerprintTests {
    static func values(name: String, extra: (String, Any)? = nil) -> [String: Any] {
        var card: [String: Any] = ["name": TemplateText(name), "count": 3, "open": true,
                                   "topics": [["name": TemplateText("Carers"), "url": TemplateText("topics/carers/")]]]
        if let extra { card[extra.0] = extra.1 }
        return ["card": card, "root": TemplateText("../../"), "title": "A page"]
    }

    @Test func equalValuesGiveEqualFingerprintsInAnyOrder() throws {
        var forwards: [String: Any] = [:], backwards: [String: Any] = [:]
        let keys = (0..<40).map { "key\($0)" }
        for key in keys { forwards[key] = TemplateText(key + " value") }
        for key in keys.reversed() { backwards[key] = TemplateText(key + " value") }
        let a = try #require(PageFingerprint.of(template: "card", values: forwards))
        #expect(PageFingerprint.of(template: "card", values: backwards) == a)
        #expect(PageFingerprint.of(template: "card", values: Self.values(name: "Ada")) ==
                PageFingerprint.of(template: "card", values: Self.values(name: "Ada")))
    }

    @Test func anyChangeChangesTheFingerprint() throws {
        let base = try #require(PageFingerprint.of(template: "card", values: Self.values(name: "Ada")))
        let changed: [[String: Any]] = [
            Self.values(name: "Ada Lovelace"),
            Self.values(name: "Ada", extra: ("count", 4)),
            Self.values(name: "Ada", extra: ("open", false)),
            Self.values(name: "Ada", extra: ("note", TemplateText(""))),
            // The same text as a plain string, and a number as text, are different values.
            Self.values(name: "Ada", extra: ("count", "3")),
        ]
        for values in changed {
            #expect(PageFingerprint.of(template: "card", values: values) != base)
        }
        #expect(PageFingerprint.of(template: "guide", values: Self.values(name: "Ada")) != base)
        // A nested list's order counts.
        let ab = ["list": [TemplateText("a"), TemplateText("b")]], ba = ["list": [TemplateText("b"), TemplateText("a")]]
        #expect(PageFingerprint.of(template: "x", values: ab) != PageFingerprint.of(template: "x", values: ba))
    }

    @Test func aValueOfAnUnknownKindGivesNoFingerprint() {
        struct Unknown {}
        #expect(PageFingerprint.of(template: "card", values: Self.values(name: "Ada", extra: ("odd", Unknown()))) == nil)
        #expect(PageFingerprint.of(template: "card", values: ["deep": [["odd": 1.5]]]) == nil)
        #expect(SharedValues.wrap(["odd": Unknown()]) is [String: Any])
    }

    @Test func sharedValuesStandForTheirValues() throws {
        let entry: [String: Any] = ["html": TemplateText("<li>Ada</li>"), "card": Self.values(name: "Ada")]
        let shared = try #require(SharedValues.wrap(entry) as? SharedValues)
        let other = try #require(SharedValues.wrap(["html": TemplateText("<li>Bea</li>"), "card": Self.values(name: "Bea")]) as? SharedValues)
        #expect(PageFingerprint.of(template: "list", values: ["cards": [shared]]) ==
                PageFingerprint.of(template: "list", values: ["cards": [try #require(SharedValues.wrap(entry) as? SharedValues)]]))
        #expect(PageFingerprint.of(template: "list", values: ["cards": [shared]]) != PageFingerprint.of(template: "list", values: ["cards": [other]]))
    }
}
