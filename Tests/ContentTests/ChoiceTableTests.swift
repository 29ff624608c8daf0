@testable import Content
import YAML
import Testing

/// A choice field's values in the field table are those of the type the reader turns
/// them into: the JSON Schema and the docs show the table's, the reader accepts the type's.
@Suite struct ChoiceTableTests {
    @Test func everyChoiceOfTheTablesIsItsTypesValues() {
        #expect(FieldTable.card["kind"].values(as: Kind.self) == ["person", "group", "organisation", "network"])
        #expect(FieldTable.card["status"].values(as: Status.self) == Status.allCases.map(\.rawValue))
        #expect(FieldTable.card["formats"].values(as: Format.self) == Format.allCases.map(\.rawValue))
        #expect(FieldTable.card["referral"].values(as: Referral.self) == Referral.allCases.map(\.rawValue))
        let meeting = FieldTable.card["meets"].fields
        #expect(meeting["frequency"].values(as: MeetingFrequency.self) == MeetingFrequency.allCases.map(\.rawValue))
        #expect(meeting["days"].values(as: Weekday.self) == Weekday.allCases.map(\.rawValue))
        #expect(meeting["week"].values(as: WeekOfMonth.self) == WeekOfMonth.allCases.map(\.rawValue))
    }

    @Test func aTableWhoseValuesAreNotTheTypesStopsAtTheFirstRead() async {
        await #expect(processExitsWith: .failure) {
            var reader = FieldReader(nil, file: "cards/x.md", what: "a card", allowed: ["kind"], fallback: .init(line: 1, column: 1))
            _ = reader.choice(FieldDescription("kind", .choice(["person", "group"]), help: "A kind, missing two."), Kind.self)
        }
    }

    @Test func aFieldThatIsNoChoiceIsNotReadAsOne() async {
        await #expect(processExitsWith: .failure) {
            _ = FieldTable.card["name"].values(as: Kind.self)
        }
    }
}
