import Foundation
import Testing

/// The real binary, stopped in the middle of writing a 3,000-card site: by SIGINT,
/// SIGTERM and SIGKILL, and by a write that fails (a file-size limit, as a full disk
/// would). Each time the published site stays exactly as it was, and after the next
/// run no staging folder is left.
@Suite struct InterruptedBuildTests {
    static let cardCount = 3000

    /// A folder with the valid fixture plus `cardCount` generated cards.
    static func bigContent(in parent: URL) throws -> URL {
        let site = try CheckCommandTests.Site()
        let content = parent.appendingPathComponent("content")
        try FileManager.default.moveItem(atPath: site.path, toPath: content.path)
        site.remove()
        for i in 0..<cardCount {
            let text = """
                ---
                name: Generated card \(i)
                kind: group
                summary: A generated card for the interruption tests, number \(i).
                topics: [carers, mental-health]
                regions: [london]
                updated: 2026-05-01
                ---

                A generated card, with a link to [the network](peer-network.md).

                """
            try Data(text.utf8).write(to: content.appendingPathComponent("cards/generated-\(i).md"))
        }
        return content
    }

    static func arguments(_ content: URL, _ output: URL) -> [String] {
        ["build", "--content", content.path, "--output", output.path, "--themes", BuildCommandTests.themes, "--today", "2026-11-27"]
    }

    /// Runs `whoswho build` at the lowest priority, so that a 3,000-card build on every
    /// core leaves room for the tests running beside it.
    static func build(_ content: URL, _ output: URL, shellPrefix: String? = nil) throws -> (status: Int32, stderr: String) {
        let process = try start(content, output, shellPrefix: shellPrefix)
        process.process.waitUntilExit()
        return (process.process.terminationStatus, try process.finish())
    }

    /// A started build and where its standard error goes.
    struct Started {
        var process: Process
        var errURL: URL
        var errHandle: FileHandle

        /// Closes standard error and returns what was written to it.
        func finish() throws -> String {
            try errHandle.close()
            defer { try? FileManager.default.removeItem(at: errURL) }
            return try String(contentsOf: errURL, encoding: .utf8)
        }
    }

    /// Starts `nice -n 19 whoswho build …`; nice replaces itself with whoswho, so the
    /// process's id is whoswho's. `shellPrefix` runs it through sh after those commands.
    static func start(_ content: URL, _ output: URL, shellPrefix: String? = nil) throws -> Started {
        let process = Process()
        let command = ["/usr/bin/nice", "-n", "19", try CheckCommandTests.binary().path] + arguments(content, output)
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellPrefix + "; exec \"$0\" \"$@\""] + command
        } else {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        }
        let errURL = output.deletingLastPathComponent().appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardError = errHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, errURL: errURL, errHandle: errHandle)
    }

    /// The staging folders beside `output`.
    static func stagingFolders(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.contains(".whoswho-staging-") }.sorted()
    }

    /// What each staging folder beside `output` holds at its top, for a failure message.
    static func leftovers(beside output: URL) -> String {
        let parent = output.deletingLastPathComponent().path
        return ((try? stagingFolders(beside: output)) ?? []).map { name in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent + "/" + name)) ?? []
            return name + ": " + names.sorted().prefix(12).joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// Starts a build, waits until it is writing pages into its staging folder, then
    /// sends `signal`. Returns the exit status and standard error; `interrupted` is false
    /// when the build finished before it could be caught writing.
    static func interruptWhileWriting(_ content: URL, _ output: URL, with signal: Int32) throws -> (status: Int32, stderr: String, interrupted: Bool) {
        // A staging folder an earlier signal left behind is not this build's: its few
        // pages must not be taken for this build's writing.
        let earlier = Set(try stagingFolders(beside: output))
        let started = try start(content, output)
        let process = started.process

        // Writing has begun once the staging folder holds some card pages. The limit only
        // catches a hang: the build ends by itself.
        let deadline = Date().addingTimeInterval(600)
        var interrupted = false
        while process.isRunning && Date() < deadline {
            if let staging = try stagingFolders(beside: output).first(where: { !earlier.contains($0) }),
               let cards = try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path + "/" + staging + "/cards"),
               cards.count > 100 {
                kill(process.processIdentifier, signal)
                interrupted = true
                break
            }
            usleep(2_000)
        }
        let stop = Date().addingTimeInterval(600)
        while process.isRunning && Date() < stop { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, try started.finish(), interrupted)
    }

    @Test func anInterruptedOrFailedBuildNeverLosesTheSite() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let content = try Self.bigContent(in: parent)
        let output = parent.appendingPathComponent("out")
        let first = try Self.build(content, output)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try BuildCommandTests.state(output)
        #expect(before.count > Self.cardCount)

        // Every page changes with the site's title, so each build below has much to write.
        for (n, signal) in [SIGINT, SIGTERM, SIGKILL].enumerated() {
            try Data("title: Changed \(n)\n".utf8).write(to: content.appendingPathComponent("site.yml"))
            let run = try Self.interruptWhileWriting(content, output, with: signal)
            #expect(run.interrupted, "the build with signal \(signal) finished before it was caught writing")
            #expect(try BuildCommandTests.state(output) == before, "the site changed after signal \(signal)")
            if signal == SIGKILL {
                // Nothing can clean up after SIGKILL: the next run does (below).
                #expect(run.status == SIGKILL || run.status == 128 + SIGKILL)
            } else {
                #expect(run.status == 128 + signal, "\(run.stderr)")
                #expect(run.stderr.contains("whoswho: stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"); \(output.path) holds the last complete site"))
                // The handler removes its staging folder when the signal finds it; a signal that
                // lands while the folder is being made can leave it, for the next run to remove.
            }
        }
        #expect(try !Self.stagingFolders(beside: output).isEmpty, "SIGKILL leaves its staging folder")

        // A write that fails half-way (files over 64 KiB refused, as by a full disk): exit 2,
        // the site untouched, the staging folder of the killed build and its own removed.
        let limited = try Self.build(content, output, shellPrefix: "trap '' XFSZ; ulimit -f 128")
        #expect(limited.status == 2, "\(limited.stderr)")
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(try BuildCommandTests.state(output) == before)
        #expect(try Self.stagingFolders(beside: output) == [], "\(Self.leftovers(beside: output))")

        // The next run publishes the change and leaves nothing behind.
        let last = try Self.build(content, output)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(try Self.stagingFolders(beside: output) == [], "\(Self.leftovers(beside: output))")
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Changed 2"))
    }
}
