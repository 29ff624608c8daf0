/// What an import did, in plain words, for the person who ran it: the files it read, the
/// cards it created or updated, what it cut, dropped or mapped, the topics it added and
/// the records that shared an id.
public struct ImportReport: Sendable {
    /// One part of the report: a heading and its lines.
    public struct Section: Sendable {
        public var heading: String
        public var lines: [String]
    }

    var read: [String] = []
    var created: [String] = []
    var updated: [String] = []
    var unchanged: [String] = []
    var notUpdated: [String] = []
    var topicsAdded: [String] = []
    var mapped: [String] = []
    var cut: [String] = []
    var dropped: [String] = []
    var duplicates: [String] = []
    var warnings: [String] = []

    /// The sections that have something to say, in the order a reader wants them.
    public var sections: [Section] {
        [Section(heading: "Read", lines: read),
         Section(heading: "Created \(created.count) card\(created.count == 1 ? "" : "s")", lines: created),
         Section(heading: "Updated \(updated.count) card\(updated.count == 1 ? "" : "s") (only what came from the feed; your other fields and text are kept)", lines: updated),
         Section(heading: "Already up to date", lines: unchanged),
         Section(heading: "Not updated", lines: notUpdated),
         Section(heading: "Topics added to topics.yml, marked as imported: check their names, or map the terms in a mapping file", lines: topicsAdded),
         Section(heading: "Mapped", lines: mapped),
         Section(heading: "Cut to fit", lines: cut),
         Section(heading: "Dropped (not allowed on a card)", lines: dropped),
         Section(heading: "Records sharing one id (each kept as its own card)", lines: duplicates),
         Section(heading: "Warnings", lines: warnings)]
            .filter { !$0.lines.isEmpty }
    }

    /// The whole report as text.
    public var text: String {
        sections.map { s in s.heading + ":\n" + s.lines.map { "  " + $0 + "\n" }.joined() }.joined(separator: "\n")
    }
}
