import ArgumentParser
import Build
import Content
import Dispatch
import Foundation
import Serve

/// `whoswho serve`: a local preview that rebuilds and reloads as you edit.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this computer, and rebuild and reload it whenever the content or themes change.",
        discussion: """
            Open the address it prints in a browser. Every change to the content or themes folder rebuilds the site \
            and prints what changed, and open pages that the rebuild changed reload by themselves. While the content \
            has errors they are printed here, and every page shows the list of them instead of the site; fix them and \
            the site comes back. A warning is printed once, when it first appears, and again only as fixed. \
            Without --output the site is built into a new private folder in the system's temporary folder, removed \
            when you stop the server with Ctrl-C (or SIGTERM). With --output, Ctrl-C lets a build under way finish; \
            a second Ctrl-C stops without waiting. Requests over the size limits get 414 or 431.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on. The default only answers this computer.")
    var host: String = "127.0.0.1"

    @Option(help: "The folder to build into and serve, kept when the server stops (default: a temporary folder).")
    var output: String?

    @Flag(help: "Build into an existing --output folder that whoswho did not write. Never the content or themes.")
    var force = false

    @Flag(help: "Look for changes every 200 ms instead of being told of them: for folders on a network or in a virtual machine's shared folder, where the system may not report changes made elsewhere.")
    var poll = false

    @Option(help: "The folder holding themes.")
    var themes: String = "themes"

    @Option(help: "The theme to use (overrides site.yml's theme).")
    var theme: String?

    func validate() throws {
        if let theme, !ThemeName.isValid(theme) {
            throw ValidationError("--theme should be the name of a folder under themes/, not '\(theme)'")
        }
    }

    func run() async throws {
        let temporary: String?
        let site: String
        if let output {
            // The same rules as `build`, checked before listening so a refusal exits at once.
            do {
                try OutputFolder.check(output: output, content: options.content, themes: themes, force: force)
            } catch {
                throw UsageProblem(description: "error: \(error.message)")
            }
            temporary = nil
            site = output
        } else {
            do {
                let made = try PreviewFolder.temporary()
                temporary = made.folder
                site = made.site
            } catch {
                throw UsageProblem(description: "error: \(error.message)")
            }
        }
        let build = BuildOptions(contentDirectory: options.content, outputDirectory: site, themesDirectory: themes,
                                 theme: theme, today: options.todayDate, replacesUnmarkedOutput: force)
        let content = options.content
        // Called on the signal queue, which nothing the server is doing can hold up. With a
        // temporary folder there is nothing to wait for: the first signal removes it and
        // ends the process. With --output the first signal stops cleanly below, letting a
        // build under way finish; a second one stops at once.
        let interrupt = Interrupt.install(exitsAtFirst: temporary != nil) { signal, first in
            Interruption.abandonStaging()
            if let temporary { PreviewFolder.remove(temporary) }
            if first {
                printOut("\nStopped.")
                Foundation.exit(0)
            }
            printError("whoswho: stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM") without waiting for the build under way; \(site) holds the last complete site\n")
            Foundation.exit(128 + signal)
        }
        let server = PreviewServer(options: PreviewOptions(build: build, host: host, port: port, notices: poll ? .polling : .automatic)) { event in
            ServeCommand.show(event, content: content)
        }
        let address: String
        do {
            address = try await server.start()
        } catch {
            interrupt.finish()
            if let temporary { PreviewFolder.remove(temporary) }
            throw UsageProblem(description: "error: \(error.message)")
        }
        printOut("Serving \(content) at \(address)  (building into \(site); press Ctrl-C to stop)")
        await interrupt.wait()
        await server.stop()
        interrupt.finish()
        if let temporary { PreviewFolder.remove(temporary) }
        printOut("\nStopped.")
    }

    /// Prints what a build did: a line on standard output saying what changed,
    /// and on standard error every error and the warnings that are new, in full, and
    /// those fixed, a line each; the warnings printed before are not printed again.
    static func show(_ event: PreviewEvent, content: String) {
        switch event {
        case .built(let report, let changes, let milliseconds):
            printError(ServeOutput.diagnostics(report.diagnostics, changes.diagnostics))
            let first = changes.sources.isEmpty
            if let line = ServeOutput.sourcesLine(changes.sources) { printOut(line) }
            printOut("Built \(report.files) files in \(milliseconds) ms" + (first ? "" : ": " + ServeOutput.siteChanges(changes.site))
                     + ServeOutput.warningCount(report.diagnostics, changes.diagnostics, first: first))
        case .contentErrors(let diagnostics, let changes, _):
            printError(ServeOutput.diagnostics(diagnostics, changes.diagnostics))
            let detail = changes.sources.isEmpty ? "" : ServeOutput.warningDetail(changes.diagnostics)
            if let line = ServeOutput.sourcesLine(changes.sources) { printOut(line) }
            printOut("\(content): \(DiagnosticFormat.summary(diagnostics))\(detail.isEmpty ? "" : "; warnings" + detail); "
                     + "showing them in the browser until they are fixed")
        case .failed(let message):
            printError("error: \(message)\n")
            printOut("The site could not be built; showing the error in the browser until it is fixed")
        case .polling(let reason):
            printOut("Looking for changes every 200 ms instead of being told of them: \(reason)")
        }
    }
}

/// Writes a line to standard output at once, even when it is a pipe: the server runs
/// for a long time, and whoever reads its output wants each line as it happens.
func printOut(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Ctrl-C (SIGINT) and SIGTERM, caught so the server can stop and remove its temporary
/// folder. Installed before the first build, so a Ctrl-C during it counts. The signals
/// are handled on a serial dispatch queue, never on the cooperative thread pool, so a
/// busy server cannot delay them: `exit` is called there for the first signal when
/// `exitsAtFirst`, and otherwise for the second, the first resuming ``wait()``.
/// `@unchecked Sendable`: every stored property is only read and written on `queue`,
/// a serial queue the signal handlers also run on.
final class Interrupt: @unchecked Sendable {
    private let queue = DispatchQueue(label: "whoswho.serve.signals")
    private let exitsAtFirst: Bool
    private let exit: @Sendable (_ signal: Int32, _ first: Bool) -> Void
    private var sources: [any DispatchSourceSignal] = []
    private var fired = false
    private var finished = false
    private var continuation: CheckedContinuation<Void, Never>?

    private init(exitsAtFirst: Bool, exit: @escaping @Sendable (Int32, Bool) -> Void) {
        self.exitsAtFirst = exitsAtFirst
        self.exit = exit
    }

    /// Starts catching the signals. `exit` must end the process; it is told the signal
    /// and whether it is the first.
    static func install(exitsAtFirst: Bool, exit: @escaping @Sendable (_ signal: Int32, _ first: Bool) -> Void) -> Interrupt {
        let interrupt = Interrupt(exitsAtFirst: exitsAtFirst, exit: exit)
        interrupt.queue.sync {
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: interrupt.queue)
                source.setEventHandler { interrupt.fire(number) }
                source.resume()
                interrupt.sources.append(source)
            }
        }
        return interrupt
    }

    /// Returns once a signal has come (at once if one already has).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                if self.fired { continuation.resume() } else { self.continuation = continuation }
            }
        }
    }

    /// Says the server has stopped and cleaned up: a signal after this does nothing, and
    /// `exit` is not called after this returns.
    func finish() {
        queue.sync { finished = true }
    }

    private func fire(_ number: Int32) {
        guard !finished else { return }
        if fired || exitsAtFirst {
            exit(number, !fired)
            return
        }
        fired = true
        continuation?.resume()
        continuation = nil
    }
}
