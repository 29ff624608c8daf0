internal import Foundation

/// Finds the next request head in the bytes a connection has received, within
/// ``RequestLimits``. Each call looks only at the bytes added since the last one, and
/// gives up as soon as a limit is passed, so reading a head costs time in proportion
/// to its size, never more than the limits allow, whatever the client sends.
struct RequestHeadReader {
    /// What the bytes received so far amount to.
    enum Outcome: Sendable, Equatable {
        /// No whole head yet, and no limit passed: read more.
        case incomplete
        /// A whole head, taking the first `length` bytes.
        case head(RequestHead, length: Int)
        /// A head that is refused: answer `status` and close the connection.
        case refused(Refusal)
    }

    /// Why a head is refused.
    enum Refusal: Sendable, Equatable {
        /// The request line is longer than ``RequestLimits/requestLine``: 414.
        case requestLineTooLong
        /// The header lines are more or longer than the limits allow: 431.
        case headersTooLarge
        /// Not HTTP/1.0 or HTTP/1.1: 505.
        case unsupportedVersion
        /// Not a well-formed request head: 400, with the reason.
        case malformed(String)

        /// The status code answered.
        var code: Int {
            switch self {
            case .requestLineTooLong: 414
            case .headersTooLarge: 431
            case .unsupportedVersion: 505
            case .malformed: 400
            }
        }
    }

    let limits: RequestLimits
    /// The first byte not yet looked at.
    private var position = 0
    /// Where the line being read starts.
    private var lineStart = 0
    /// Empty lines before the request line, which are allowed and skipped.
    private var emptyLines = 0
    private var requestLine: Range<Int>?
    private var headerLines: [Range<Int>] = []
    private var headerBytes = 0

    /// A reader for a head starting at the first byte it is given.
    init(limits: RequestLimits) {
        self.limits = limits
    }

    /// Looks at `bytes`, everything received since this head began; each call must be
    /// given the bytes of the previous call with any new ones after them.
    mutating func read(_ bytes: [UInt8]) -> Outcome {
        while position < bytes.count {
            guard let end = bytes[position...].firstIndex(of: 10) else {
                position = bytes.count
                break
            }
            position = end + 1
            var line = lineStart..<end
            if line.count > 0 && bytes[line.upperBound - 1] == 13 { line = line.lowerBound..<(line.upperBound - 1) }
            let length = position - lineStart
            lineStart = position
            if requestLine == nil {
                if line.isEmpty {
                    emptyLines += 1
                    if emptyLines > 4 { return .refused(.malformed("empty lines instead of a request line")) }
                    continue
                }
                guard line.count <= limits.requestLine else { return .refused(.requestLineTooLong) }
                requestLine = line
            } else if line.isEmpty {
                return finish(bytes, length: position)
            } else {
                headerBytes += length
                headerLines.append(line)
                guard headerBytes <= limits.headerBytes, headerLines.count <= limits.headerCount else { return .refused(.headersTooLarge) }
            }
        }
        // The line not yet ended counts too, so that one endless line is stopped early.
        let partial = bytes.count - lineStart
        if requestLine == nil {
            if partial > limits.requestLine + 1 { return .refused(.requestLineTooLong) }
        } else if headerBytes + partial > limits.headerBytes {
            return .refused(.headersTooLarge)
        }
        return .incomplete
    }

    /// The head made from the lines found, once its empty line has come.
    private func finish(_ bytes: [UInt8], length: Int) -> Outcome {
        guard let requestLine else { return .refused(.malformed("no request line")) }
        let parts = bytes[requestLine].split(separator: 32, omittingEmptySubsequences: false)
        guard parts.count == 3, let method = parts.first, !method.isEmpty, method.allSatisfy(Self.isTokenByte) else {
            return .refused(.malformed("the request line is not METHOD TARGET VERSION"))
        }
        let target = parts[1], version = parts[2]
        guard !target.isEmpty, target.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            return .refused(.malformed("the request target holds a blank, a control character or a byte that is not ASCII"))
        }
        let versionText = String(decoding: version, as: UTF8.self)
        guard versionText == "HTTP/1.1" || versionText == "HTTP/1.0" else {
            return .refused(versionText.hasPrefix("HTTP/") ? .unsupportedVersion : .malformed("no HTTP version"))
        }
        var fields: [RequestHead.Field] = []
        for line in headerLines {
            let text = bytes[line]
            guard let colon = text.firstIndex(of: 58), colon > text.startIndex,
                  text[..<colon].allSatisfy(Self.isTokenByte) else {
                return .refused(.malformed("a header line is not NAME: VALUE"))
            }
            let value = text[(colon + 1)...]
            guard !value.contains(where: { $0 == 0 || $0 == 13 }) else {
                return .refused(.malformed("a header value holds NUL or a lone carriage return"))
            }
            fields.append(RequestHead.Field(
                name: String(decoding: text[..<colon], as: UTF8.self),
                value: String(decoding: value, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))))
        }
        let head = RequestHead(method: String(decoding: method, as: UTF8.self), target: String(decoding: target, as: UTF8.self),
                               version: versionText, fields: fields)
        if let refusal = Self.framingProblem(head) { return .refused(refusal) }
        return .head(head, length: length)
    }

    /// A body whose length cannot be known for sure (RFC 9112 §6.3): both
    /// Transfer-Encoding and Content-Length, or a Content-Length that is not one number.
    static func framingProblem(_ head: RequestHead) -> Refusal? {
        let lengths = head.fields.filter { $0.name.caseInsensitiveCompare("Content-Length") == .orderedSame }.map(\.value)
        if lengths.isEmpty { return nil }
        if head.value(of: "Transfer-Encoding") != nil {
            return .malformed("both Transfer-Encoding and Content-Length")
        }
        guard let first = lengths.first, !first.isEmpty, first.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              lengths.allSatisfy({ $0 == first }) else {
            return .malformed("a Content-Length that is not one number")
        }
        return nil
    }

    /// A byte allowed in a method or a header name (RFC 9110 §5.6.2 `tchar`).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: true
        case 33, 35, 36, 37, 38, 39, 42, 43, 45, 46, 94, 95, 96, 124, 126: true
        default: false
        }
    }
}
