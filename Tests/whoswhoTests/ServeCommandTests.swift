import Foundation
import Testing

/// End-to-end tests of `whoswho serve` as a process: it says where it serves, builds
/// into a temporary folder, and on Ctrl-C stops and removes that folder. (The server
/// itself is tested in process in Tests/ServeTests.) Every wait is a guard against a
/// hang, minutes long; none is what a test asserts.
@Suite struct ServeCommandTests {
    static let themes = CheckCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    /// How long a wait may last before it counts as a hang.
    static let hangGuard: Duration = .seconds(300)

    /// A running `whoswho serve` and what it printed on starting.
    struct Serving {
        var process: Process
        var output: URL
        /// The `Serving … at …` line.
        var line: Substring
        var port: UInt16
        /// The folder it builds into.
        var folder: String

        /// Everything written to standard output so far.
        func text() throws -> String { try String(contentsOf: output, encoding: .utf8) }

        /// Waits for the process to end (killing it if it outlasts the hang guard) and
        /// returns its exit status.
        func exitStatus() async throws -> Int32 {
            let guardEnd = ContinuousClock.now + ServeCommandTests.hangGuard
            while process.isRunning && ContinuousClock.now < guardEnd { try await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// Starts `whoswho serve` on a free port over `site` and waits for the line that says
    /// where it serves (the first build comes first).
    static func serve(_ site: CheckCommandTests.Site, _ extra: [String] = []) async throws -> Serving {
        let output = site.parent.appendingPathComponent("stdout-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = try CheckCommandTests.binary()
        process.arguments = ["serve", "--content", site.path, "--themes", Self.themes, "--port", "0", "--today", "2026-11-27"] + extra
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let guardEnd = ContinuousClock.now + hangGuard
        while !text.contains("press Ctrl-C to stop"), process.isRunning, ContinuousClock.now < guardEnd {
            try await Task.sleep(for: .milliseconds(50))
            text = try String(contentsOf: output, encoding: .utf8)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Serving ") }),
              let port = line.range(of: "http://127.0.0.1:").flatMap({ UInt16(line[$0.upperBound...].prefix { $0.isNumber }) }),
              let folder = line.range(of: "building into ").map({ String(line[$0.upperBound...].prefix { $0 != ";" }) }) else {
            if process.isRunning { process.terminate() }
            throw Failure(description: "no Serving line with an address and a folder in: \(text)")
        }
        return Serving(process: process, output: output, line: line, port: port, folder: folder)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @Test func servesUntilInterruptedThenRemovesItsFolder() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let serving = try await Self.serve(site)
        defer { if serving.process.isRunning { serving.process.terminate() } }
        #expect(serving.line.contains("Serving \(site.path) at http://127.0.0.1:"))
        #expect(try serving.text().hasPrefix("Built "))
        #expect(serving.folder.hasSuffix("/site"))
        #expect(FileManager.default.fileExists(atPath: serving.folder + "/index.html"))

        serving.process.interrupt()
        #expect(try await serving.exitStatus() == 0)
        #expect(try serving.text().hasSuffix("\nStopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: String(serving.folder.dropLast("/site".count))))
    }

    @Test func aHostThatIsNotAnAddressExitsTwo() throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let run = try CheckCommandTests.run(["serve", "--content", site.path, "--themes", Self.themes, "--host", "example.org", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'example.org' is not an address to listen on"))
    }
}
