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

    @Flag(help: "Show every warning. By default, when one kind of warning comes more than \(DiagnosticGroups.threshold) times, the text format shows the first \(DiagnosticGroups.shownPerKind) and counts the rest (the json format always lists every one).")
    var all = false

    @Option(name: .customLong("changed-files"), help: ArgumentHelp("A file listing the paths a pull request changes, one a line, as `git diff --name-only` writes them: warnings are reported in full only for those files, and counted for the others. Errors are always reported in full.", valueName: "LIST"))
    var changedFiles: String?

    func run() async throws {
        let format = self.format ?? (ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text)
        let result: LoadResult
        do {
            result = try await Builder.check(contentDirectory: options.content, themesDirectory: themes, today: options.todayDate)
        } catch {
            // An I/O problem, not a content error: exit 2 (exit 1 means "the content has errors").
            throw UsageProblem(description: "error: \(error.message)")
        }
        var diagnostics = result.diagnostics
        var elsewhere = 0
        if let changedFiles {
            let changed = try Self.readChanged(changedFiles)
            let kept = diagnostics.filter { $0.isError || changed.contains(Self.normalized($0.file)) }
            elsewhere = diagnostics.count - kept.count
            diagnostics = kept
        }
        var omitted: [(example: Diagnostic, count: Int)] = []
        if format != .json, !all {
            (diagnostics, omitted) = DiagnosticGroups.condensed(diagnostics)
        }
        print(format.render(diagnostics), terminator: "")
        for group in omitted {
            let line = "\(group.count) more warning\(group.count == 1 ? "" : "s") like: \(group.example.message) (whoswho check --all lists every one)"
            print(format == .github ? "::notice::\(line)" : line)
        }
        if elsewhere > 0 {
            let line = "\(elsewhere) warning\(elsewhere == 1 ? "" : "s") in files this change leaves alone (whoswho check lists them)"
            print(format == .github ? "::notice::\(line)" : line)
        }
        if format == .text {
            print("\(options.content): \(DiagnosticFormat.summary(result.diagnostics))")
        }
        if result.diagnostics.hasErrors { throw ContentErrors.code }
    }

    /// The paths listed in `path` (or standard input for `-`), one a line.
    static func readChanged(_ path: String) throws -> Set<String> {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw UsageProblem(description: "error: cannot read the list of changed files at '\(path)'") }
        return Set(String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map { normalized(String($0)) })
    }

    /// A path without a leading `./`, so that the content folder's paths and git's compare.
    static func normalized(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
