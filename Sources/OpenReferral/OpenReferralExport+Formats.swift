internal import Content
internal import Support
internal import Render

extension OpenReferralExport {
    /// How people take part (a card's `formats`), in the words ORUK 3.0 carries it in:
    /// a schedule's `attending_type`, "a free text description of how to attend this
    /// service" (`In person, Online`). The labels are words the importer reads back as the
    /// same formats. Nil for a card that lists none.
    static func attendingType(_ formats: [Format]) -> String? {
        formats.isEmpty ? nil : formats.map(Words.english.label).joined(separator: ", ")
    }

    /// Card `i`'s schedules (`schedules(_:service:)`), each saying how people attend; a
    /// card with formats but no meeting times has one schedule that says only that.
    func schedulesWithFormats(_ i: Int, service id: String) -> [JSONValue] {
        let card = content.cards[i]
        let schedules = schedules(card.details.meets, service: id)
        guard let how = Self.attendingType(card.formats) else { return schedules }
        guard !schedules.isEmpty else {
            return [.object([("id", .string(OpenReferralIDs.child("schedule", of: id, "1"))), ("service_id", .string(id)),
                             ("attending_type", .string(how))])]
        }
        return schedules.map { schedule in
            guard case .object(let pairs) = schedule else { return schedule }
            return .object(pairs + [("attending_type", .string(how))])
        }
    }
}
