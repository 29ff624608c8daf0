import Foundation
@testable import Serve
import Testing

/// The preview server over real sockets with clients that send too much, or too slowly:
/// each gets its own answer and the others are answered all the same. Only responses
/// are asserted; any wait is a guard against a hang.
@Suite struct PreviewLimitsTests {
    @Test func anOverLongRequestLineIs414() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let long = try await client.get("/" + String(repeating: "a", count: RequestLimits.standard.requestLine))
        #expect(long.status == 414)
        #expect(long.headers["connection"] == "close")
        // Just under the limit is an ordinary request for a page that is not there.
        let under = try await client.get("/" + String(repeating: "a", count: RequestLimits.standard.requestLine - 100))
        #expect(under.status == 404)
        await server.stop()
    }

    @Test func overLargeHeadersAre431() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let big = try await client.request("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\nConnection: close\r\n\r\n")
        #expect(big.status == 431)
        #expect(big.headers["connection"] == "close")
        let many = try await client.request("GET / HTTP/1.1\r\n" + String(repeating: "A: b\r\n", count: 101) + "\r\n")
        #expect(many.status == 431)
        let fine = try await client.request("GET / HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\nConnection: close\r\n\r\n")
        #expect(fine.status == 200)
        await server.stop()
    }

    /// While one client is half-way through a huge header, and another sends 512 KiB of
    /// header in one go, a third is answered; then the first two get 431.
    @Test func otherRequestsAreAnsweredWhileAHugeOneIsSent() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let port = client.port

        let slow = try RawConnection(port: port)
        try await onThread { try slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "a", count: 16_000)) }
        async let huge = onThread {
            let connection = try RawConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 512 << 10) + "\r\n\r\n")
            return try connection.response()
        }
        let normal = try await client.get("/cards/ada-example/")
        #expect(normal.status == 200)
        #expect(normal.body.contains("<title>Ada Example</title>"))

        try await onThread { try slow.send(String(repeating: "a", count: 20_000)) }
        let refused = try await onThread { try slow.response() }
        #expect(refused.status == 431)
        #expect(refused.body.contains("headers are larger than"))
        #expect(try await huge.status == 431)
        // The server is still answering.
        #expect(try await client.get("/").status == 200)
        await server.stop()
    }

    /// Several requests on one connection are answered in turn, each with its own
    /// response, and `Connection: close` ends it.
    @Test func keptAliveConnectionsAnswerEachRequest() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let connection = try RawConnection(port: client.port)
        try await onThread { try connection.send("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n") }
        let first = try await onThread { try connection.response() }
        #expect(first.status == 200)
        #expect(first.headers["connection"] == nil)
        // Two requests sent together (pipelined) are answered in order.
        try await onThread { try connection.send("GET /cards HTTP/1.1\r\n\r\nHEAD /index.json HTTP/1.1\r\nConnection: close\r\n\r\n") }
        let second = try await onThread { try connection.response() }
        #expect(second.status == 302)
        let third = try await onThread { try connection.response(method: "HEAD") }
        #expect(third.status == 200)
        #expect(third.headers["connection"] == "close")
        #expect(try await onThread { connection.isClosedByServer() })
        await server.stop()
    }

    /// A request with a body is answered (the preview serves GET and HEAD only), then the
    /// connection is closed rather than the body read as the next request.
    @Test func aRequestWithABodyIsAnsweredThenClosed() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let post = try await client.request("POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\nGET / HTTP/1.1\r\n\r\n")
        #expect(post.status == 405)
        #expect(post.headers["connection"] == "close")
        let smuggled = try await client.request("GET / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(smuggled.status == 400)
        await server.stop()
    }

    /// A client that starts a head and stops is answered 408 and closed once its time is
    /// up. The time is made short here; nothing asserts how long anything took.
    @Test func aHeadThatStopsComingIsAnswered408() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var limits = Sandbox.patient
        limits.headTime = .milliseconds(300)
        let (server, client) = try await sandbox.start(limits: limits)
        let partial = try RawConnection(port: client.port)
        try await onThread { try partial.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n") }
        let answer = try await onThread { try partial.response() }
        #expect(answer.status == 408)
        #expect(answer.headers["connection"] == "close")
        await server.stop()
    }

    /// A connection with no request under way is closed, without an answer, once it has
    /// been idle too long. The time is made short here; nothing asserts how long anything
    /// took. (A request sent after connecting could lose that race on a busy machine, so
    /// none is.)
    @Test func anIdleConnectionIsClosed() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var limits = Sandbox.patient
        limits.idleTime = .milliseconds(300)
        let (server, client) = try await sandbox.start(limits: limits)
        let idle = try RawConnection(port: client.port)
        #expect(try await onThread { idle.isClosedByServer() })
        await server.stop()
    }

    /// Stopping the server ends connections that are waiting for a head, answering a
    /// long-poll, or half-way through sending, and it returns.
    @Test func stoppingEndsEveryConnection() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let idle = try RawConnection(port: client.port)
        let partial = try RawConnection(port: client.port)
        try await onThread { try partial.send("GET / HTTP/1.1\r\nX: y") }
        let poll = try RawConnection(port: client.port)
        try await onThread { try poll.send("GET /__whoswho/wait?build=1000 HTTP/1.1\r\n\r\n") }
        #expect(try await client.get("/").status == 200)
        let stopped: Bool? = await TestClient.withinHangGuard {
            await server.stop()
            return true
        }
        #expect(stopped == true)
        // Each is closed (the long-poll answered first, if the server had read it).
        #expect(try await onThread { idle.isClosedByServer() })
        #expect(try await onThread { partial.isClosedByServer() })
        #expect(try await onThread { poll.isClosedByServer() })
    }
}
