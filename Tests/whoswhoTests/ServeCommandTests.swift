import Foundation
import Testing

/// End-to-end tests of `whoswho serve` as a process: it says where it serves, builds
/// into a temporary folder, and on SIGINT or SIGTERM stops and removes that folder, even
/// while clients are sending it huge requests. (The server itself is tested in process
/// in Tests/ServeTests.) Every wait is a guard against a hang, minutes long; none is
/// what a test asserts.
@Suite struct ServeCommandTests {
    static let themes = CheckCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path
    /// How long a wait may last before it counts as a hang.
    static let hangGuard: Duration = .seconds(300)

    /// A running `whoswho serve` and what it printed on starting.
    struct Serving {
        var process: Process
        var output: URL
        /// Where its standard error goes.
        var errors: URL
        /// The `Serving … at …` line.
        var line: Substring
        var port: UInt16
        /// The folder it builds into.
        var folder: String

        /// Everything written to standard output so far.
        func text() throws -> String { try String(contentsOf: output, encoding: .utf8) }

        /// Everything written to standard error so far.
        func errorText() throws -> String { try String(contentsOf: errors, encoding: .utf8) }

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
        let errors = site.parent.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = try CheckCommandTests.binary()
        process.arguments = ["serve", "--content", site.path, "--themes", Self.themes, "--port", "0", "--today", "2026-11-27"] + extra
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
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
        return Serving(process: process, output: output, errors: errors, line: line, port: port, folder: folder)
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

    /// SIGTERM while the server is busy: a long-poll open, clients half-way through
    /// huge request heads, others sending 1 MiB heads over and over. It exits, and its
    /// temporary folder is gone.
    @Test func sigtermWhileBusyStopsAndRemovesItsFolder() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let serving = try await Self.serve(site)
        defer { if serving.process.isRunning { serving.process.terminate() } }
        let port = serving.port
        var open: [Int32] = []
        defer { open.forEach { close($0) } }
        let poll = try Self.connect(port)
        open.append(poll)
        Self.send(poll, Array("GET /__whoswho/wait?build=1000 HTTP/1.1\r\n\r\n".utf8))
        for _ in 0..<4 {
            let partial = try Self.connect(port)
            open.append(partial)
            Self.send(partial, Array(("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 20_000)).utf8))
        }
        let stop = Flag()
        let senders = (0..<3).map { _ in
            Thread {
                let huge = Array(("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 1 << 20) + "\r\n\r\n").utf8)
                while !stop.isSet, let fd = try? Self.connect(port) {
                    Self.send(fd, huge)
                    close(fd)
                }
            }
        }
        senders.forEach { $0.start() }
        defer { stop.set() }
        // A request answered: the server is up and serving while all that goes on.
        let answer = try Self.connect(port)
        open.append(answer)
        Self.send(answer, Array("GET / HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
        #expect(Self.readAll(answer).hasPrefix("HTTP/1.1 200 OK\r\n"))

        kill(serving.process.processIdentifier, SIGTERM)
        #expect(try await serving.exitStatus() == 0)
        stop.set()
        #expect(try serving.text().hasSuffix("\nStopped.\n"))
        #expect(!FileManager.default.fileExists(atPath: String(serving.folder.dropLast("/site".count))))
    }

    /// With --output the folder is kept: SIGTERM stops the server cleanly, and the site
    /// it built stays, but not the folder its rebuilds kept beside it to build the next
    /// site in.
    @Test func withAnOutputFolderSigtermKeepsIt() async throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let output = site.parent.appendingPathComponent("preview").path
        let serving = try await Self.serve(site, ["--output", output])
        defer { if serving.process.isRunning { serving.process.terminate() } }
        #expect(serving.folder == output)
        // Two saves: the second rebuild keeps the folder the first swapped out.
        let card = URL(fileURLWithPath: site.path).appendingPathComponent("cards/ada-example.md")
        for n in 1...2 {
            let builds = try serving.text().components(separatedBy: "Built ").count
            try (try String(contentsOf: card, encoding: .utf8) + "\nSaved \(n).\n").write(to: card, atomically: true, encoding: .utf8)
            // A hang guard, not a measurement.
            for _ in 0..<2400 where try serving.text().components(separatedBy: "Built ").count == builds {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try serving.text().components(separatedBy: "Built ").count > builds, "rebuild \(n)")
        }
        #expect(try InterruptedBuildTests.stagingFolders(beside: URL(fileURLWithPath: output)).count == 1)
        serving.process.terminate()
        #expect(try await serving.exitStatus() == 0)
        #expect(try serving.text().hasSuffix("\nStopped.\n"))
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        #expect(try InterruptedBuildTests.stagingFolders(beside: URL(fileURLWithPath: output)).isEmpty)
    }

    @Test func aHostThatIsNotAnAddressExitsTwo() throws {
        let site = try CheckCommandTests.Site()
        defer { site.remove() }
        let run = try CheckCommandTests.run(["serve", "--content", site.path, "--themes", Self.themes, "--host", "example.org", "--port", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'example.org' is not an address to listen on"))
    }

    /// A blocking socket connected to 127.0.0.1 on `port`, whose reads and writes give
    /// up after the hang guard.
    static func connect(_ port: UInt16) throws -> Int32 {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: Int(hangGuard.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect: \(errno)")
        }
        return fd
    }

    /// Sends `bytes`, stopping early if the server closes the connection.
    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        #if canImport(Darwin)
        let flags: Int32 = 0
        #else
        let flags = Int32(MSG_NOSIGNAL)
        #endif
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, flags) }
            guard n > 0 else { return }
            sent += n
        }
    }

    /// Everything the server sends until it closes the connection.
    static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A flag set once, read from other threads.
    /// `@unchecked Sendable`: the value is only read and written under `lock`.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
