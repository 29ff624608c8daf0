internal import Foundation

/// The head of one HTTP/1.x request as read off a connection: the request line and
/// the header fields, checked and within ``RequestLimits``. FlyingFox's request is made
/// from it; FlyingFox never parses the bytes itself.
struct RequestHead: Sendable, Equatable {
    /// One header line, its name as sent and its value without surrounding blanks.
    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// `GET`, `HEAD`, …, as sent.
    var method: String
    /// The request target as sent: `/path?query`, still percent-encoded.
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// The header lines, in the order sent.
    var fields: [Field]

    /// The first value of the header `name`, compared without case.
    func value(of name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The comma-separated tokens of every `name` header, in lower case.
    func tokens(of name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Whether the client asks to send another request on this connection: HTTP/1.1
    /// unless `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    var keepsAlive: Bool {
        let connection = tokens(of: "Connection")
        return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
    }

    /// Whether a body follows the head. The preview never reads one: it answers, then
    /// closes the connection.
    var hasBody: Bool {
        value(of: "Transfer-Encoding") != nil || (value(of: "Content-Length").map { $0 != "0" } ?? false)
    }
}
