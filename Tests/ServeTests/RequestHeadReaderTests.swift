@testable import Serve
import Testing

/// The bounded reader in front of every request: what it accepts, what it refuses with
/// which status, and that it gives up as soon as a limit is passed.
@Suite struct RequestHeadReaderTests {
    static let limits = RequestLimits.standard

    /// Reads `text` whole, in one go.
    static func read(_ text: String) -> RequestHeadReader.Outcome {
        var reader = RequestHeadReader(limits: limits)
        return reader.read(Array(text.utf8))
    }

    @Test func aHeadIsReadWithItsFieldsAndLength() {
        let text = "GET /cards/?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Spaced:  a b \t\r\n\r\nGET / HTTP/1.1\r\n"
        let expected = RequestHead(method: "GET", target: "/cards/?q=1", version: "HTTP/1.1",
                                   fields: [.init(name: "Host", value: "127.0.0.1"), .init(name: "X-Spaced", value: "a b")])
        let length = text.utf8.count - "GET / HTTP/1.1\r\n".utf8.count
        #expect(Self.read(text) == .head(expected, length: length))
        // Bare line feeds end lines too, and empty lines before the request line are skipped.
        #expect(Self.read("\r\nHEAD / HTTP/1.0\nA: b\n\n") == .head(RequestHead(method: "HEAD", target: "/", version: "HTTP/1.0",
                                                                                    fields: [.init(name: "A", value: "b")]), length: "\r\nHEAD / HTTP/1.0\nA: b\n\n".utf8.count))
    }

    /// Bytes arriving one at a time give the same head as all at once.
    @Test func aHeadArrivingByteByByteIsTheSame() {
        let bytes = Array("GET /a HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n".utf8)
        var reader = RequestHeadReader(limits: Self.limits)
        var outcome = RequestHeadReader.Outcome.incomplete
        for end in 1...bytes.count {
            outcome = reader.read(Array(bytes[..<end]))
            if end < bytes.count { #expect(outcome == .incomplete, "at byte \(end)") }
        }
        #expect(outcome == Self.read(String(decoding: bytes, as: UTF8.self)))
    }

    @Test func aRequestLineOverTheLimitIs414() {
        let longest = "/" + String(repeating: "a", count: Self.limits.requestLine - "GET / HTTP/1.1".count)
        guard case .head = Self.read("GET \(longest) HTTP/1.1\r\n\r\n") else {
            Issue.record("a request line of exactly the limit should be read")
            return
        }
        #expect(Self.read("GET \(longest)a HTTP/1.1\r\n\r\n") == .refused(.requestLineTooLong))
        // Refused before its end comes.
        #expect(Self.read("GET /" + String(repeating: "a", count: Self.limits.requestLine + 1)) == .refused(.requestLineTooLong))
        #expect(RequestHeadReader.Refusal.requestLineTooLong.code == 414)
    }

    @Test func headersOverTheLimitAre431() {
        let big = String(repeating: "a", count: Self.limits.headerBytes)
        #expect(Self.read("GET / HTTP/1.1\r\nX-Big: \(big)\r\n\r\n") == .refused(.headersTooLarge))
        #expect(Self.read("GET / HTTP/1.1\r\nX-Big: \(big)") == .refused(.headersTooLarge))
        let many = String(repeating: "A: b\r\n", count: Self.limits.headerCount + 1)
        #expect(Self.read("GET / HTTP/1.1\r\n\(many)\r\n") == .refused(.headersTooLarge))
        let enough = String(repeating: "A: b\r\n", count: Self.limits.headerCount)
        guard case .head(let head, _) = Self.read("GET / HTTP/1.1\r\n\(enough)\r\n") else {
            Issue.record("\(Self.limits.headerCount) header lines should be read")
            return
        }
        #expect(head.fields.count == Self.limits.headerCount)
        #expect(RequestHeadReader.Refusal.headersTooLarge.code == 431)
    }

    /// A 1 MiB header sent in 4 KiB pieces is refused before the reader has been given
    /// more than the limit and one piece: the work done is bounded by the limit, not by
    /// what the client sends.
    @Test func aHugeHeaderIsRefusedWithinTheLimit() {
        var reader = RequestHeadReader(limits: Self.limits)
        var bytes = Array("GET / HTTP/1.1\r\nX-Big: ".utf8)
        let piece = [UInt8](repeating: 97, count: 4096)
        var outcome = reader.read(bytes)
        while outcome == .incomplete && bytes.count < 1 << 20 {
            bytes += piece
            outcome = reader.read(bytes)
        }
        #expect(outcome == .refused(.headersTooLarge))
        #expect(bytes.count <= Self.limits.requestLine + Self.limits.headerBytes + piece.count)
    }

    @Test func malformedHeadsAre400Or505() {
        for text in ["GET /a b HTTP/1.1\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET /\r\n\r\n", "G(T / HTTP/1.1\r\n\r\n",
                     "GET /\u{7f} HTTP/1.1\r\n\r\n", "GET /\u{e9} HTTP/1.1\r\n\r\n", "GET /a\rb HTTP/1.1\r\n\r\n",
                     "GET / FTP/1.0\r\n\r\n", "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n: empty\r\n\r\n",
                     "GET / HTTP/1.1\r\nA b: c\r\n\r\n", "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", "GET / HTTP/1.1\r\nA: b\rc\r\n\r\n",
                     "GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                     "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                     "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n"] {
            guard case .refused(let refusal) = Self.read(text), refusal.code == 400 else {
                Issue.record("\(text.debugDescription) gave \(Self.read(text))")
                continue
            }
        }
        #expect(Self.read("PRI * HTTP/2.0\r\n\r\n") == .refused(.unsupportedVersion))
        #expect(RequestHeadReader.Refusal.unsupportedVersion.code == 505)
    }

    @Test func keepAliveAndBodiesFollowTheHeaders() {
        func head(_ text: String) -> RequestHead? {
            if case .head(let head, _) = Self.read(text) { return head }
            return nil
        }
        #expect(head("GET / HTTP/1.1\r\n\r\n")?.keepsAlive == true)
        #expect(head("GET / HTTP/1.1\r\nConnection: Keep-Alive, Close\r\n\r\n")?.keepsAlive == false)
        #expect(head("GET / HTTP/1.0\r\n\r\n")?.keepsAlive == false)
        #expect(head("GET / HTTP/1.0\r\nconnection: keep-alive\r\n\r\n")?.keepsAlive == true)
        #expect(head("GET / HTTP/1.1\r\n\r\n")?.hasBody == false)
        #expect(head("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n")?.hasBody == false)
        #expect(head("POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n")?.hasBody == true)
        #expect(head("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")?.hasBody == true)
    }
}
