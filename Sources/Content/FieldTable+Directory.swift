/// A card's directory fields (DirectoryFieldsReader) and the fields of its places and
/// meetings.
extension FieldTable {
    /// The directory fields, in the order the docs list them.
    static let directory: [FieldDescription] = [
        FieldDescription("locations", .objects(location, maxItems: ContentLimits.locationsPerCard, distinct: true),
                         help: "Where the support happens: places with a name or an address (leave out for online and phone support)."),
        FieldDescription("meets", .wordsOr(max: 280, schedule: meeting, maxItems: ContentLimits.meetingsPerCard),
                         help: "When it meets: a meeting (days, start, end…), a list of them, or words when the times do not fit."),
        FieldDescription("eligibility", .text(max: 500), help: "Who it is for and who may come."),
        FieldDescription("cost", .text(max: 200), help: "What it costs: free, or words such as '£2 a session; free for carers'."),
        FieldDescription("referral", .list(.choice(label: "a way in", Referral.allCases.map(\.rawValue)), maxItems: nil),
                         help: "How people get in, none repeated."),
        FieldDescription("languages", .list(.text(label: "a language tag", max: 35, rule: .languageTag), maxItems: nil),
                         help: "Language tags, like en, cy or bfi, none repeated."),
        FieldDescription("organisation", .text(max: 80, rule: .slug), help: "The slug of the organisation card that runs this one."),
        FieldDescription("oruk_id", .text(max: 80, rule: .uuid),
                         help: "The id the service had in an Open Referral feed it was imported from: a UUID."),
        FieldDescription("contact_in_open_data", .yesNo,
                         help: "yes to let the open data exports carry a person's contact details (other kinds always share them)."),
    ]

    /// Each place of a card's `locations`. Which of them a place needs (a name or an
    /// address; a town and postcode with an address) depends on the others, so none is
    /// required on its own.
    public static let location = FieldList([
        FieldDescription("name", .text(max: 120), help: "The place's name, such as a hall or a library."),
        FieldDescription("address", .oneOrList(.text(label: "a line", max: 120, rule: .plain), maxItems: ContentLimits.addressLines,
                                                     mayBeEmpty: true, listLabel: "lines"),
                         help: "The street address without the town and postcode: one line, or a list of at most \(ContentLimits.addressLines) lines."),
        FieldDescription("town", .text(max: 80), help: "The town or city."),
        FieldDescription("county", .text(max: 80), help: "The county or unitary area, when the town alone does not say it."),
        FieldDescription("postcode", .text(max: 12, rule: .postcode), help: "A UK postcode, like LS1 4AP."),
        FieldDescription("latitude", .coordinate(limit: 90), help: "Degrees north, with a decimal point, like 53.7996."),
        FieldDescription("longitude", .coordinate(limit: 180), help: "Degrees east (negative for west), with a decimal point, like -1.5491."),
        FieldDescription("accessibility", .text(max: 500), help: "What someone with a disability needs to know about the place."),
    ])

    /// Each meeting of a card's `meets`.
    public static let meeting = FieldList([
        FieldDescription("frequency", .choice(MeetingFrequency.allCases.map(\.rawValue)),
                         help: "How often: weekly (the default, or monthly when 'week' is given), fortnightly or monthly."),
        FieldDescription("days", .list(.choice(label: "a day", Weekday.allCases.map(\.rawValue)), maxItems: nil), required: true,
                         help: "The days it meets."),
        FieldDescription("week", .oneOrList(.choice(label: "a week of the month", WeekOfMonth.allCases.map(\.rawValue)), maxItems: nil,
                                                  mayBeEmpty: false, listLabel: "weeks"),
                         help: "For a monthly meeting: which week of the month, or a list of them."),
        FieldDescription("start", .text(max: 20, rule: .clockTime), help: "When it starts, on the 24-hour clock, like 10:00."),
        FieldDescription("end", .text(max: 20, rule: .clockTime), help: "When it ends, on the 24-hour clock, like 12:00 (after the start)."),
        FieldDescription("note", .text(max: 120), help: "A short note, such as term time only."),
    ])
}
