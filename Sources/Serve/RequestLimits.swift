/// How much a client may send before the preview server answers, and how long it may
/// take. Every request head is read through these bounds before anything parses it, so
/// one huge or slow client costs a bounded amount of memory and work and cannot hold up
/// the others.
public struct RequestLimits: Sendable, Equatable {
    /// The longest request line (`GET /path HTTP/1.1`), in bytes, without its line end;
    /// a longer one is answered 414 URI Too Long.
    public var requestLine: Int
    /// The most bytes of header lines after the request line, line ends included; more
    /// is answered 431 Request Header Fields Too Large.
    public var headerBytes: Int
    /// The most header lines; more is answered 431 Request Header Fields Too Large.
    public var headerCount: Int
    /// How long a connection may stay open with no request under way: before its first
    /// request, or between two on a kept-alive connection. Then it is closed.
    public var idleTime: Duration
    /// How long a client has to send the rest of a request head once its first bytes
    /// have come. Then it is answered 408 Request Timeout and closed.
    public var headTime: Duration
    /// After an answer that ends a connection (an error, or a request with a body, which
    /// the preview never reads), what the client still sends is read and dropped, up to
    /// this many bytes, so that it gets to read the answer rather than a reset.
    public var drainBytes: Int
    /// How long that dropping may go on.
    public var drainTime: Duration

    /// The preview's limits: 8 KiB for the request line, 32 KiB and 100 lines for the
    /// headers, as common servers allow; 60 seconds idle, 30 seconds to send a head.
    public static let standard = RequestLimits(requestLine: 8 << 10, headerBytes: 32 << 10, headerCount: 100,
                                               idleTime: .seconds(60), headTime: .seconds(30),
                                               drainBytes: 1 << 20, drainTime: .seconds(10))

    /// Limits with the given values.
    public init(requestLine: Int, headerBytes: Int, headerCount: Int, idleTime: Duration, headTime: Duration,
                drainBytes: Int, drainTime: Duration) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.idleTime = idleTime
        self.headTime = headTime
        self.drainBytes = drainBytes
        self.drainTime = drainTime
    }
}
