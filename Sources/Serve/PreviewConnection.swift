internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// One client's connection to the preview. Each request head is read through a
/// ``RequestHeadReader`` (FlyingFox's own request decoder is never used: it has no size
/// limits and takes time growing with the square of a line's length), answered by the
/// handler, and the answer written back. The connection ends when the client asks, after
/// a refused head, after a request with a body, when it is idle longer than
/// ``RequestLimits/idleTime`` or a head takes longer than ``RequestLimits/headTime``,
/// or when the task serving it is cancelled.
struct PreviewConnection: Sendable {
    let socket: AsyncSocket
    let limits: RequestLimits
    let handler: any HTTPHandler

    /// What waiting for the next head came to.
    enum HeadRead: Sendable {
        /// A head, and the bytes received after it.
        case head(RequestHead, rest: [UInt8])
        /// A head that breaks a limit or the protocol.
        case refused(RequestHeadReader.Refusal)
        /// The client closed the connection, or it failed.
        case closed
        /// Reading was cancelled: time was up, or the server is stopping.
        case interrupted
    }

    /// Serves requests until the connection ends, then closes the socket.
    func serve() async {
        defer { try? socket.close() }
        var pending: [UInt8] = []
        while !Task.isCancelled {
            if pending.isEmpty {
                // Idle until a request begins; then the whole head has `headTime` to come.
                let first = await Self.withTimeLimit(limits.idleTime) { try? await socket.read(atMost: 4096) }
                guard let first = first ?? nil, !first.isEmpty else { return }
                pending = first
            }
            let read = await Self.withTimeLimit(limits.headTime) { [pending] in await nextHead(after: pending) }
            switch read {
            case .head(let head, let rest):
                pending = rest
                let keepsAlive = head.keepsAlive && !head.hasBody
                let response = await answer(head)
                let body = (try? await response.bodyData) ?? Data()
                do {
                    try await socket.write(Self.encode(response, body: body, keepsAlive: keepsAlive, version: head.version))
                } catch {
                    return
                }
                if !keepsAlive {
                    await closeAfterAnswer(draining: head.hasBody || !rest.isEmpty)
                    return
                }
            case .refused(let refusal):
                await refuse(refusal.code, Self.phrase(refusal.code), Self.explanation(refusal))
                return
            case .interrupted:
                // Cancelled from outside: the server is stopping. Otherwise the time was up.
                if !Task.isCancelled {
                    await refuse(408, "Request Timeout", "The request head did not come in time.")
                }
                return
            case .closed, nil:
                return
            }
        }
    }

    /// Reads until `pending` and what follows make a whole head, a refused one, or the
    /// connection ends. Returns `.interrupted` at once when cancelled.
    func nextHead(after pending: [UInt8]) async -> HeadRead {
        var reader = RequestHeadReader(limits: limits)
        var bytes = pending
        while true {
            switch reader.read(bytes) {
            case .head(let head, let length):
                return .head(head, rest: Array(bytes[length...]))
            case .refused(let refusal):
                return .refused(refusal)
            case .incomplete:
                break
            }
            do {
                bytes += try await socket.read(atMost: 4096)
            } catch is CancellationError {
                return .interrupted
            } catch {
                return Task.isCancelled ? .interrupted : .closed
            }
        }
    }

    /// The handler's answer to the request in `head`, or 500 if the handler fails.
    func answer(_ head: RequestHead) async -> HTTPResponse {
        var headers = HTTPHeaders()
        for field in head.fields { headers.addValue(field.value, for: HTTPHeader(field.name)) }
        let parts = head.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let target = HTTPRequest.Target(path: String(parts.first ?? ""), query: parts.count > 1 ? String(parts[1]) : "")
        let request = HTTPRequest(method: HTTPMethod(head.method), version: HTTPVersion(head.version), target: target,
                                  headers: headers, body: HTTPBodySequence(data: Data()))
        do {
            return try await handler.handleRequest(request)
        } catch {
            return HTTPResponse(statusCode: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("The preview server failed to answer.\n".utf8))
        }
    }

    /// Answers `code` with a line of text, then ends the connection.
    func refuse(_ code: Int, _ phrase: String, _ text: String) async {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = Data((text + "\n").utf8)
        let response = HTTPResponse(statusCode: HTTPStatusCode(code, phrase: phrase), headers: headers, body: body)
        guard (try? await socket.write(Self.encode(response, body: body, keepsAlive: false, version: "HTTP/1.1"))) != nil else { return }
        await closeAfterAnswer(draining: true)
    }

    /// Ends the connection after its last answer: says no more will be written, then,
    /// when the client may still be sending (`draining`: a refused head, a body), reads
    /// and drops what it sends (up to ``RequestLimits/drainBytes``, for at most
    /// ``RequestLimits/drainTime``) until it closes. Closing with unread bytes would send
    /// a reset, which can destroy the answer before the client reads it.
    func closeAfterAnswer(draining: Bool) async {
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        guard draining else { return }
        let limit = limits.drainBytes
        _ = await Self.withTimeLimit(limits.drainTime) {
            var dropped = 0
            while dropped < limit {
                guard let bytes = try? await socket.read(atMost: 4096) else { break }
                dropped += bytes.count
            }
            return true
        }
    }

    /// Runs `body` in a child task, cancelling it once `limit` has passed (or when this
    /// task is cancelled), and returns what it returns: `body` must end promptly when
    /// cancelled. `nil` only if `body` gave nothing.
    static func withTimeLimit<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            for await result in group {
                group.cancelAll()
                if let result { return result }
            }
            return nil
        }
    }

    /// The bytes of `response`: status line, headers sorted by name (one order every
    /// time), a Content-Length unless the handler gave one (for HEAD), and the body.
    static func encode(_ response: HTTPResponse, body: Data, keepsAlive: Bool, version: String) -> Data {
        var lines = ["HTTP/1.1 \(response.statusCode.code) \(clean(response.statusCode.phrase))"]
        var fields: [(name: String, value: String)] = []
        for (name, value) in response.headers where name != .connection {
            fields.append((clean(name.rawValue), clean(value)))
        }
        if response.headers[.contentLength] == nil { fields.append(("Content-Length", String(body.count))) }
        if !keepsAlive {
            fields.append(("Connection", "close"))
        } else if version == "HTTP/1.0" {
            fields.append(("Connection", "keep-alive"))
        }
        fields.sort { $0.name.lowercased() < $1.name.lowercased() || ($0.name.lowercased() == $1.name.lowercased() && $0.value < $1.value) }
        lines += fields.map { "\($0.name): \($0.value)" }
        var data = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        data.append(body)
        return data
    }

    /// `text` with line breaks and other control characters made spaces, so that no
    /// value (a Location holding part of the request) can add a header line.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : $0 }))
    }

    /// The reason phrase of a refusal's status code.
    static func phrase(_ code: Int) -> String {
        switch code {
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 505: "HTTP Version Not Supported"
        default: "Bad Request"
        }
    }

    /// A line saying why a head was refused.
    static func explanation(_ refusal: RequestHeadReader.Refusal) -> String {
        switch refusal {
        case .requestLineTooLong: "The request line is longer than the preview server accepts."
        case .headersTooLarge: "The request headers are larger than the preview server accepts."
        case .unsupportedVersion: "The preview server speaks HTTP/1.0 and HTTP/1.1 only."
        case .malformed(let reason): "Bad request: \(reason)."
        }
    }
}
