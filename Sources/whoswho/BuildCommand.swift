import ArgumentParser
import Build
import Content
import Foundation

/// `whoswho build`: checks the content, then writes the site.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content, then build the site into the output folder.",
        discussion: """
            With any error in the content, nothing is written and the previous site stays as it was. \
            Otherwise the site is built in a new folder beside the output and swapped in at the end. \
            The output folder must be one whoswho wrote (it holds a .whoswho-site file), or new, or empty \
            (dotfiles such as .gitignore are kept); never the content or themes folder, or one holding or \
            inside them.
            """)

    @OptionGroup var options: ContentOptions
    @OptionGroup var site: SiteOptions

    @Flag(name: .customLong("file-preview"), help: "Make the site work opened from the file system, search included: links name index.html and the search index also comes as scripts. For a preview to download (the pull-request artifact), not for publishing.")
    var filePreview = false

    @Option(name: .customLong("max-page-kb"), help: "Warn about every page of the site larger than this many kilobytes (KiB).")
    var maxPageKB: Int = SizeBudget.standard.pageBytes / 1024

    @Option(name: .customLong("max-site-mb"), help: "Warn when the whole site is larger than this many megabytes (MiB): GitHub Pages publishes sites of at most 1 GB.")
    var maxSiteMB: Int = SizeBudget.standard.siteBytes >> 20

    func validate() throws {
        guard maxPageKB > 0, maxSiteMB > 0 else {
            throw ValidationError("--max-page-kb and --max-site-mb should be whole numbers above 0")
        }
    }

    func run() async throws {
        // Ctrl-C or a cancelled CI job: remove the half-built folder, keep the published site.
        let output = site.output
        Interruption.removeStagingOnSignals { signal in
            printError("whoswho: stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"); \(output) holds the last complete site\n")
        }
        let report: BuildReport
        do {
            var buildOptions = site.buildOptions(options)
            buildOptions.filePreview = filePreview
            buildOptions.sizeBudget = SizeBudget(pageBytes: maxPageKB * 1024, fileBytes: SizeBudget.standard.fileBytes,
                                                 siteBytes: maxSiteMB << 20)
            report = try await Builder.build(buildOptions)
        } catch {
            throw UsageProblem(description: "error: \(error.message)")
        }
        // Errors are shown in full; warnings only counted, since `whoswho check` lists them.
        let errors = report.diagnostics.filter(\.isError)
        printError(DiagnosticFormat.text.render(errors))
        let warnings = report.diagnostics.count - errors.count
        if warnings > 0 && errors.isEmpty {
            printError("\(options.content): \(DiagnosticFormat.summary(report.diagnostics)); run 'whoswho check' to see \(warnings == 1 ? "it" : "them")\n")
        }
        if report.diagnostics.hasErrors {
            printError("\(options.content): \(DiagnosticFormat.summary(report.diagnostics)); the site was not built\n")
            throw ContentErrors.code
        }
        if let site = report.siteSizeWarning { printError("warning: \(site.message)\n") }
        // The largest few in full, then a count: at scale every list page can be over.
        let shown = report.sizeWarnings.prefix(DiagnosticGroups.threshold)
        for warning in shown { printError("warning: \(warning.message)\n") }
        if report.sizeWarnings.count > shown.count {
            printError("warning: and \(report.sizeWarnings.count - shown.count) more pages and files over their size budget\n")
        }
        print("Built \(report.files) files (\(report.written) changed) into \(site.output)")
    }
}

/// Options for commands that write a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder the site is written to.")
    var output: String = "site"

    @Flag(help: "Replace an existing output folder that whoswho did not write (once, to take over a site built before whoswho marked its sites). Never the content or themes.")
    var force = false

    @Option(name: .customLong("max-output-mb"), help: "Stop with an error, publishing nothing, if the site would be larger than this many megabytes (MiB).")
    var maxOutputMB: Int = OutputBudget.standard.bytes >> 20

    @Option(name: .customLong("max-output-files"), help: "Stop with an error, publishing nothing, if the site would have more files than this.")
    var maxOutputFiles: Int = OutputBudget.standard.files

    @Option(help: "The folder holding themes.")
    var themes: String = "themes"

    @Option(help: "The theme to use (overrides site.yml's theme).")
    var theme: String?

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is published at, ending in '/' (overrides site.yml's base_url).")
    var baseURL: String?

    func validate() throws {
        if let baseURL, !(WebAddress.isHTTP(baseURL) && baseURL.hasSuffix("/")) {
            throw ValidationError("--base-url should be an absolute http(s) URL ending in '/', like https://example.org/whoswho/")
        }
        guard maxOutputMB > 0, maxOutputFiles > 0 else {
            throw ValidationError("--max-output-mb and --max-output-files should be whole numbers above 0")
        }
        if let theme, !ThemeName.isValid(theme) {
            throw ValidationError("--theme should be the name of a folder under themes/, not '\(theme)'")
        }
    }

    func buildOptions(_ content: ContentOptions) -> BuildOptions {
        BuildOptions(contentDirectory: content.content, outputDirectory: output, themesDirectory: themes,
                     theme: theme, baseURL: baseURL, today: content.todayDate, replacesUnmarkedOutput: force,
                     budget: OutputBudget(bytes: maxOutputMB << 20, files: maxOutputFiles))
    }
}
