import ArgumentParser
import Build
import Content
import Foundation

/// `whoswho check`: reports every problem in the content folder.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content folder and report every problem at its file, line and column.",
        discussion: "Exit status: 0 when there is no error (warnings allowed), 1 when the content has errors, 2 for a usage or I/O problem.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, github or json (default: github when GITHUB_ACTIONS=true, else text).")
    var format: DiagnosticFormat?

    @Option(help: "The folder holding themes, to check that no static file is in the way of the theme's own files.")
    var themes: String = "themes"

    func run() async throws {
        let format = self.format ?? (ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text)
        let result: LoadResult
        do {
            result = try await Builder.check(contentDirectory: options.content, themesDirectory: themes, today: options.todayDate)
        } catch {
            // An I/O problem, not a content error: exit 2 (exit 1 means "the content has errors").
            throw UsageProblem(description: "error: \(error.message)")
        }
        print(format.render(result.diagnostics), terminator: "")
        if format == .text {
            print("\(options.content): \(DiagnosticFormat.summary(result.diagnostics))")
        }
        if result.diagnostics.hasErrors { throw ContentErrors.code }
    }
}
