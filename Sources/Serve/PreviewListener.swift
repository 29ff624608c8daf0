internal import FlyingFox
internal import FlyingSocks
internal import Foundation

/// The preview's listening socket: accepts connections and serves each in a task of its
/// own with a ``PreviewConnection``, so a slow or huge client holds up only itself.
/// Built on FlyingSocks (FlyingFox's socket layer) and FlyingFox's request, response and
/// handler types, in place of FlyingFox's `HTTPServer`, whose request decoder has no limits.
actor PreviewListener {
    /// The listening socket.
    nonisolated let socket: AsyncSocket
    /// The port listened on (the one picked, when asked for port 0).
    nonisolated let port: UInt16
    nonisolated let pool: any AsyncSocketPool
    nonisolated let limits: RequestLimits
    nonisolated let handler: any HTTPHandler

    private var accepting: Task<Void, Never>?
    private var connections: [Int: Task<Void, Never>] = [:]
    private var nextConnection = 0
    private var stopped = false

    /// Binds and listens on `host` (an IPv4 or IPv6 address) and `port` at once, so that
    /// an address in use is an error here; nothing is accepted until ``start()``.
    static func listen(host: String, port: UInt16, limits: RequestLimits, handler: some HTTPHandler) async throws(PreviewError) -> PreviewListener {
        let address: any SocketAddress
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw PreviewError("'\(host)' is not an address to listen on; use an IP address such as 127.0.0.1 or ::1")
        }
        do {
            let socket = try Socket(domain: Int32(type(of: address).family))
            do {
                try socket.setValue(true, for: .localAddressReuse)
                try socket.bind(to: address)
                try socket.listen()
                let pool = HTTPServer.defaultPool()
                try await pool.prepare()
                var bound = port
                switch try socket.sockname() {
                case .ip4(_, let p), .ip6(_, let p): bound = p
                default: break
                }
                return PreviewListener(socket: try AsyncSocket(socket: socket, pool: pool), port: bound, pool: pool,
                                       limits: limits, handler: handler)
            } catch {
                try? socket.close()
                throw error
            }
        } catch {
            throw PreviewError("cannot listen on \(host) port \(port): \(error)")
        }
    }

    private init(socket: AsyncSocket, port: UInt16, pool: any AsyncSocketPool, limits: RequestLimits, handler: some HTTPHandler) {
        self.socket = socket
        self.port = port
        self.pool = pool
        self.limits = limits
        self.handler = handler
    }

    /// Starts accepting connections, in the background, until ``stop()``.
    func start() {
        guard accepting == nil, !stopped else { return }
        let pool = pool
        accepting = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await pool.run() }
                group.addTask { await self.acceptConnections() }
                _ = await group.next()
                group.cancelAll()
            }
        }
    }

    /// Accepts connections until cancelled, handing each to ``serve(_:)``.
    nonisolated func acceptConnections() async {
        while !Task.isCancelled {
            do {
                let client = try await socket.accept()
                await serve(client)
            } catch {
                if Task.isCancelled { return }
                // Out of file descriptors, say: try again shortly rather than stop listening.
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// Serves `client` in a task of its own, remembered so ``stop()`` can end it.
    func serve(_ client: AsyncSocket) {
        guard !stopped else {
            try? client.close()
            return
        }
        let id = nextConnection
        nextConnection += 1
        let connection = PreviewConnection(socket: client, limits: limits, handler: handler)
        connections[id] = Task {
            await connection.serve()
            self.ended(id)
        }
    }

    private func ended(_ id: Int) {
        connections[id] = nil
    }

    /// Ends every connection (a request being answered is cancelled; the handler's
    /// long-polls end at once), stops accepting, and closes the socket. Returns once
    /// all of that is done.
    func stop() async {
        guard !stopped else { return }
        stopped = true
        let open = connections.values
        for task in open { task.cancel() }
        for task in open { await task.value }
        accepting?.cancel()
        await accepting?.value
        accepting = nil
        try? socket.close()
    }
}
