import Foundation
import Testing

/// End-to-end tests of `whoswho serve` as a process: it says where it serves, builds
/// into a temporary folder, and on Ctrl-C stops and removes that folder. (The server
/// itself is tested in process in Tests/ServeTests.)
@Suite struct ServeCommandTests {
    static let themes = CheckCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    @Test func servesUntilInterruptedThenRemovesItsFolder() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let output = site.parent.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = try CheckCommandTests.binary()
        process.arguments = ["serve", "--content", site.path, "--themes", Self.themes, "--port", "0", "--today", "2026-11-27"]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait for the line that says where it serves (the first build comes first).
        var text = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while !text.contains("press Ctrl-C to stop"), process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            text = try String(contentsOf: output, encoding: .utf8)
        }
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Serving ") }, "no Serving line in: \(text)")
        #expect(line.contains("Serving \(site.path) at http://127.0.0.1:"))
        #expect(text.hasPrefix("Built "))
        let folder = try #require(line.range(of: "building into ").map { line[$0.upperBound...].prefix { $0 != ";" } }, "\(line)")
        #expect(folder.hasSuffix("/site"))
        #expect(FileManager.default.fileExists(atPath: folder + "/index.html"))

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasSuffix("\nStopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: String(folder.dropLast("/site".count))))
    }

    @Test func aHostThatIsNotAnAddressExitsTwo() throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let run = try CheckCommandTests.run(["serve", "--content", site.path, "--themes", Self.themes, "--host", "example.org", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'example.org' is not an address to listen on"))
    }
}
