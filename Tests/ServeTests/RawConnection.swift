import Foundation

/// One client connection over a plain blocking socket, for sending a request in parts
/// (or a huge one) and reading what comes back. Every call blocks, so each runs on a
/// thread of its own (see ``onThread(_:)``), never on the tasks the server runs on.
/// `@unchecked Sendable`: the descriptor is set once; the tests use one connection from
/// one place at a time.
final class RawConnection: @unchecked Sendable {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects to 127.0.0.1 on `port`.
    init(port: UInt16) throws {
        #if canImport(Darwin)
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        // Only a guard against a hang: a reply that takes this long is a failure anyway.
        var timeout = timeval(tv_sec: Int(TestClient.hangGuardSeconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "connect: \(errno)")
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`.
    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            #if canImport(Darwin)
            let flags: Int32 = 0
            #else
            let flags = Int32(MSG_NOSIGNAL)
            #endif
            let n = bytes[sent...].withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, flags) }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            sent += n
        }
    }

    /// Bytes received and not yet part of a response read.
    private var unread: [UInt8] = []

    /// Reads one whole response (by its Content-Length), or what came before the
    /// server closed the connection. Bytes after it are kept for the next call.
    func response(method: String = "GET") throws -> TestClient.Response {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let length = Self.responseLength(unread, method: method),
               let response = TestClient.parse(Array(unread[..<length]), method: method) {
                unread.removeFirst(length)
                return response
            }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            unread += buffer[0..<n]
        }
        guard let response = TestClient.parse(unread, method: method, complete: true) else {
            throw Failure(description: "no HTTP response (\(unread.count) bytes)")
        }
        unread = []
        return response
    }

    /// The length of the whole response at the start of `bytes`, once it is all there.
    static func responseLength(_ bytes: [UInt8], method: String) -> Int? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased().components(separatedBy: "\r\n")
        let length = head.first { $0.hasPrefix("content-length:") }.flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
        guard let length else { return nil }
        let total = end + 4 + (method == "HEAD" ? 0 : length)
        return bytes.count >= total ? total : nil
    }

    /// Whether the server has closed the connection: a read finds its end, having
    /// skipped anything still unread.
    func isClosedByServer() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}

/// Runs `body` on a thread of its own and returns what it returns: for blocking socket
/// calls, which must not hold up the server's tasks in this same process.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
