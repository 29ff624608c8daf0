import Foundation
import Testing

/// A card's formats go out as each schedule's `attending_type`, in words the importer
/// reads back; a card with formats and no meeting times gets one schedule that says only
/// how to attend, and a card without formats says nothing of it.
@Suite struct OpenReferralFormatsTests {
    @Test func formatsAreEachSchedulesAttendingType() async throws {
        let export = try await OpenReferralExportTests.export()
        // Ada: one-to-one and online, meeting on Tuesdays and on two Fridays a month.
        let ada = try #require(try OpenReferralExportTests.service(export, named: "Ada Example")["schedules"] as? [[String: Any]])
        #expect(ada.count == 2)
        #expect(ada.allSatisfy { $0["attending_type"] as? String == "One-to-one, Online" })
        // Carers Circle: a group, in person, with no meeting times.
        let circle = try #require(try OpenReferralExportTests.service(export, named: "Carers Circle")["schedules"] as? [[String: Any]])
        #expect(circle.count == 1)
        #expect(circle.first?["attending_type"] as? String == "Group, In person")
        #expect(circle.first.map { Set($0.keys) } == ["id", "service_id", "attending_type"])
        // Memory Cafe lists no formats and no times: no schedule.
        let cafe = try #require(try OpenReferralExportTests.service(export, named: "Memory Cafe")["schedules"] as? [[String: Any]])
        #expect(cafe.isEmpty)
    }

    @Test func aCardWithoutFormatsSaysNothingOfHowToAttend() async throws {
        let export = try await OpenReferralExportTests.export(["cards/ada-example.md": {
            $0.replacingOccurrences(of: "formats:\n  - one-to-one\n  - online\n", with: "")
        }])
        let ada = try #require(try OpenReferralExportTests.service(export, named: "Ada Example")["schedules"] as? [[String: Any]])
        #expect(ada.count == 2)
        #expect(ada.allSatisfy { $0["attending_type"] == nil })
    }
}
