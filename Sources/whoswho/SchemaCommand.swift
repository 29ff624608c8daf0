import ArgumentParser
import Content
import Foundation
import Schema

/// `whoswho schema card|guide|index`: prints a JSON Schema.
struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of a card, a guide or the site's index.json.",
        discussion: """
            The card and guide schemas say what `whoswho check` says about each file on its own, with the topics and \
            regions of the content folder's topics.yml and regions.yml. Save them where the template's \
            yaml-language-server line looks, a schemas/ folder beside the content folder:

              whoswho schema card > schemas/card.schema.json
              whoswho schema guide > schemas/guide.schema.json
              whoswho schema index > schemas/index.schema.json
            """)

    /// The documents there are schemas for.
    enum Document: String, CaseIterable, ExpressibleByArgument {
        case card, guide, index
    }

    @Argument(help: "card, guide or index.")
    var document: Document

    @Option(name: .long, help: "The content folder, whose topics.yml and regions.yml the card and guide schemas list.")
    var content: String = "content"

    func run() async throws {
        switch document {
        case .index:
            print(SchemaText.json(IndexSchema.schema()), terminator: "")
        case .card, .guide:
            let vocabularies: Vocabularies
            do {
                vocabularies = try Vocabularies.load(content)
            } catch {
                printError("error: \(error.message)\n")
                throw ExitCode(2)
            }
            if vocabularies.diagnostics.hasErrors {
                printError(DiagnosticFormat.text.render(vocabularies.diagnostics))
                printError("\(content): fix topics.yml and regions.yml first: the schema lists what they define\n")
                throw ContentErrors.code
            }
            let schema = document == .card ? ContentSchema.card(vocabularies) : ContentSchema.guide(vocabularies)
            print(SchemaText.json(schema), terminator: "")
        }
    }
}
