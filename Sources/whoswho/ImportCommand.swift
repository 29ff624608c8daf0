import ArgumentParser
import Content
import Foundation
import Import

/// `whoswho import`: brings a directory's data in from elsewhere.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn another directory's open data into cards.",
        subcommands: [ImportOpenReferral.self])
}

/// `whoswho import oruk FEED`: cards from an Open Referral UK feed (docs/open-data.md).
struct ImportOpenReferral: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oruk",
        abstract: "Turn an Open Referral UK feed (ORUK 1.x or 3.0) into cards.",
        discussion: """
            FEED is a saved response (a list of services, or one service) or a folder of them. Each service becomes a \
            card, and each organisation an organisation card. Existing cards are never replaced unless --update is given, \
            and then only what came from the feed changes. Exit status: 0 when the content passes `whoswho check` \
            afterwards, 1 when it has errors, 2 for a usage or I/O problem (nothing written).
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: "A saved ORUK response (.json), or a folder of them.")
    var feed: String

    @Option(help: ArgumentHelp("The region of every service whose feed says nothing that leads to one.", valueName: "SLUG"))
    var region: String?

    @Option(help: ArgumentHelp("The topic of every service whose feed gives no term or audience.", valueName: "SLUG"))
    var topic: String?

    @Option(help: ArgumentHelp("A YAML file mapping the feed's terms to topics and its places to regions.", valueName: "FILE"))
    var mapping: String?

    @Flag(help: "Update the cards an earlier import made: only what came from the feed changes.")
    var update = false

    @Option(help: "Who publishes the feed, when the feed does not say.")
    var publisher: String?

    @Option(help: "The licence the feed is published under, when the feed does not say (like OGL-UK-3.0).")
    var licence: String?

    func run() async throws {
        let outcome: ImportOutcome
        do {
            outcome = try await OpenReferralImport.run(ImportOptions(
                feed: feed, content: options.content, region: region, topic: topic, mapping: mapping, update: update,
                today: options.todayDate, publisher: publisher, licence: licence))
        } catch {
            throw UsageProblem(description: "error: \(error.description)")
        }
        print(outcome.report.text, terminator: "")
        let errors = outcome.diagnostics.filter(\.isError)
        if !errors.isEmpty {
            print("\n`whoswho check` finds errors in what was written; fix them before publishing:")
            print(DiagnosticFormat.text.render(errors), terminator: "")
        }
        print("\n\(options.content): \(DiagnosticFormat.summary(outcome.diagnostics))")
        if !errors.isEmpty { throw ContentErrors.code }
    }
}
