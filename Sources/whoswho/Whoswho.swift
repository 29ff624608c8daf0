public import ArgumentParser
public import Content
import Foundation

/// The `whoswho` command: a who's-who of peer support, from a content folder to a static site.
@main
struct Whoswho: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoswho",
        abstract: "Build a searchable who's-who of peer support from profile cards and how-to guides.",
        version: "whoswho \(version)",
        subcommands: [Check.self, BuildCommand.self, New.self, ImportCommand.self, SchemaCommand.self, ServeCommand.self])

    /// Runs the command, mapping every failure to the documented exit status:
    /// 1 when the content has errors, 2 for a usage or I/O problem.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let problem as UsageProblem {
            printError(problem.description + "\n")
            Foundation.exit(2)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            // Argument errors exit 2 here (ArgumentParser's own code is 64); help and
            // version requests exit 0 as usual.
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            printError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}

/// The release this binary is; raised with each release, and printed by `--version`.
let version = "0.3.0"

/// The exit status for content with errors.
enum ContentErrors {
    static let code = ExitCode(1)
}

/// Options every subcommand shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: ArgumentHelp("The date to measure stale cards from, YYYY-MM-DD (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        if let today, ContentDate(today) == nil {
            throw ValidationError("--today should be a date written YYYY-MM-DD, not '\(today)'")
        }
    }

    var todayDate: ContentDate { today.flatMap(ContentDate.init) ?? .today() }
}

/// A problem the user must fix in how they ran the command, or an unreadable folder: exit 2.
struct UsageProblem: Error, CustomStringConvertible {
    var description: String
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
