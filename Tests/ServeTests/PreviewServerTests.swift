import Build
import Content
import Foundation
import Render
@testable import Serve
import Testing

/// `whoswho serve` end to end, in process: a server on a free port over a temporary
/// copy of the valid fixture, fetched over real HTTP while its files are edited.
@Suite struct PreviewServerTests {
    /// Serves the valid fixture; a card edited is seen rebuilt; a broken card gives the
    /// error page, escaped; a fixed one gives the site back.
    @Test func rebuildsOnEditShowsErrorsAndRecovers() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()

        let first = try await client.get("/cards/ada-example/")
        #expect(first.status == 200)
        #expect(first.body.contains("<title>Ada Example</title>"))
        #expect(first.headers["content-type"] == "text/html; charset=utf-8")
        let build = try #require(Self.build(in: first.body), "the page carries the live-reload script")
        // The script is added as the page is served, never written into the built file.
        let built = try String(contentsOfFile: sandbox.output + "/cards/ada-example/index.html", encoding: .utf8)
        #expect(!built.contains("__whoswho"))

        // The page's long-poll answers with a new build once the card is edited (asked
        // again, as the page's script does, if one long-poll ends before the rebuild).
        async let waited = client.waitForBuild(after: build)
        try sandbox.edit("cards/ada-example.md", "name: Ada Example", "name: Ada Edited")
        let answer = try await waited
        #expect(answer.status == 200)
        #expect(answer.body != "{\"build\":\(build)}\n")
        let edited = try await client.poll("/cards/ada-example/") { $0.body.contains("<title>Ada Edited</title>") }
        #expect(edited.status == 200)

        // A broken card: every page is the list of problems, with the content escaped.
        try sandbox.edit("cards/ada-example.md", "kind: person", "kind: \"<b>persn</b>\"")
        let broken = try await client.poll("/cards/ada-example/") { $0.status == 500 }
        #expect(broken.body.contains("<h1>The content has "))
        #expect(broken.body.contains("cards/ada-example.md:3:7: error: &#39;kind&#39; cannot be &#39;&lt;b&gt;persn&lt;/b&gt;&#39;"))
        #expect(!broken.body.contains("<b>persn</b>"))
        #expect(broken.body.contains("/__whoswho/live.js?build="))
        let elsewhere = try await client.get("/guides/")
        #expect(elsewhere.status == 500)
        #expect(elsewhere.body.contains("ada-example.md:3:7"))

        // Fixed: the site again.
        try sandbox.edit("cards/ada-example.md", "kind: \"<b>persn</b>\"", "kind: person")
        let fixed = try await client.poll("/cards/ada-example/") { $0.status == 200 }
        #expect(fixed.body.contains("<title>Ada Edited</title>"))

        await server.stop()
    }

    /// A change to a theme rebuilds too, and a theme that cannot be loaded is shown as
    /// an error page until it is put back.
    @Test func rebuildsWhenTheThemeChanges() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        let card = sandbox.themes + "/default/templates/card.mustache"
        let original = try String(contentsOfFile: card, encoding: .utf8)
        try (original.replacingOccurrences(of: "<h1>", with: "<h1 class=\"changed\">")).write(toFile: card, atomically: true, encoding: .utf8)
        _ = try await client.poll("/cards/ada-example/") { $0.body.contains("<h1 class=\"changed\">") }
        try FileManager.default.removeItem(atPath: card)
        let failed = try await client.poll("/cards/ada-example/") { $0.status == 500 }
        #expect(failed.body.contains("The site could not be built"))
        #expect(failed.body.contains("card.mustache"))
        try original.write(toFile: card, atomically: true, encoding: .utf8)
        _ = try await client.poll("/cards/ada-example/") { $0.status == 200 }
        await server.stop()
    }

    /// Files of the site are served with their types; folders give their index.html,
    /// a folder without its slash is redirected, anything missing gives the 404 page,
    /// and no path reaches outside the site.
    @Test func servesFilesSafely() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try "secret".write(toFile: sandbox.parent + "/secret.txt", atomically: true, encoding: .utf8)
        let (server, client) = try await sandbox.start()

        let home = try await client.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("<title>"))
        let index = try await client.get("/index.json")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "application/json")
        #expect(!index.body.contains("__whoswho"))
        let css = try await client.get("/style.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        let svg = try await client.get("/images/x.svg")
        #expect(svg.headers["content-type"] == "image/svg+xml")
        let folder = try await client.get("/cards")
        #expect(folder.status == 302)
        #expect(folder.headers["location"] == "/cards/")
        let doubled = try await client.get("//cards?x=1")
        #expect(doubled.status == 302)
        #expect(doubled.headers["location"] == "/cards/?x=1")
        let missing = try await client.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<title>Not found</title>"))
        #expect(missing.body.contains("/__whoswho/live.js?build="))
        for attempt in ["/../secret.txt", "/cards/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/cards/%2e%2e/%2e%2e/secret.txt",
                        "/..%2fsecret.txt", "/.%2e/secret.txt", "/cards/..%5c..%5csecret.txt", "/index.html%00.txt", "/%zz"] {
            let response = try await client.get(attempt)
            #expect([403, 404].contains(response.status), "\(attempt) gave \(response.status)")
            #expect(!response.body.contains("secret"), "\(attempt) reached outside the site")
        }
        let head = try await client.get("/index.json", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(index.body.utf8.count))
        let post = try await client.get("/", method: "POST")
        #expect(post.status == 405)
        await server.stop()
    }

    /// The build number in a page's live-reload script tag.
    static func build(in html: String) -> Int? {
        guard let range = html.range(of: "/__whoswho/live.js?build=") else { return nil }
        return Int(html[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Path resolution, content types, script injection and escaping, without a server.
@Suite struct PreviewPartsTests {
    @Test func pathsResolveInsideTheSiteOnly() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let root = sandbox.parent + "/root"
        try FileManager.default.createDirectory(atPath: root + "/cards/a", withIntermediateDirectories: true)
        try "home".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        try "card".write(toFile: root + "/cards/a/index.html", atomically: true, encoding: .utf8)
        try "hidden".write(toFile: root + "/.gitignore", atomically: true, encoding: .utf8)
        try "secret".write(toFile: sandbox.parent + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: sandbox.parent)
        try FileManager.default.createSymbolicLink(atPath: root + "/secret.txt", withDestinationPath: sandbox.parent + "/secret.txt")

        #expect(SiteFiles.resolve("/", root: root) == .file(root + "/index.html"))
        #expect(SiteFiles.resolve("/cards/a/", root: root) == .file(root + "/cards/a/index.html"))
        #expect(SiteFiles.resolve("/cards/a", root: root) == .redirect("/cards/a/"))
        // Repeated slashes are read as one, and never kept in a redirect: `//cards/`
        // would be a host.
        #expect(SiteFiles.resolve("//cards", root: root) == .redirect("/cards/"))
        #expect(SiteFiles.resolve("///cards//a", root: root) == .redirect("/cards/a/"))
        #expect(SiteFiles.resolve("//cards//a//", root: root) == .file(root + "/cards/a/index.html"))
        #expect(SiteFiles.resolve("/%2Fcards", root: root) == .redirect("/%2Fcards/"))
        for location in ["/", "/cards/", "/%2F/"] { #expect(SiteFiles.isLocalPath(location), "\(location)") }
        for location in ["//evil.example/", "/\\evil.example/", "evil.example", "", "https://evil.example/"] {
            #expect(!SiteFiles.isLocalPath(location), "\(location)")
        }
        #expect(SiteFiles.resolve("/cards/%61/", root: root) == .file(root + "/cards/a/index.html"))
        #expect(SiteFiles.resolve("/cards/", root: root) == .notFound)
        #expect(SiteFiles.resolve("/nothing", root: root) == .notFound)
        #expect(SiteFiles.resolve("/.gitignore", root: root) == .notFound)
        for bad in ["/../secret.txt", "/cards/../index.html", "/%2e%2e/secret.txt", "/%2E%2e%2fsecret.txt", "/./index.html",
                    "/cards%5c..%5c..%5csecret.txt", "/a%00b", "/%", "/%zz", "/%ff", "relative"] {
            #expect(SiteFiles.resolve(bad, root: root) == .forbidden, "\(bad)")
        }
        // Links out of the site are never followed, at the file or on the way to it.
        #expect(SiteFiles.resolve("/secret.txt", root: root) == .notFound)
        #expect(SiteFiles.resolve("/out/secret.txt", root: root) == .notFound)
    }

    @Test func contentTypesFollowTheExtension() {
        #expect(SiteFiles.contentType(of: "/a/index.html") == "text/html; charset=utf-8")
        #expect(SiteFiles.contentType(of: "/feed.xml") == "application/xml; charset=utf-8")
        #expect(SiteFiles.contentType(of: "/search.JS") == "text/javascript; charset=utf-8")
        #expect(SiteFiles.contentType(of: "/logo.PNG") == "image/png")
        #expect(SiteFiles.contentType(of: "/robots.txt") == "text/plain; charset=utf-8")
        #expect(SiteFiles.contentType(of: "/LICENSE") == "application/octet-stream")
        #expect(SiteFiles.contentType(of: "/a.unknown") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        #expect(LiveReload.inject(into: "<body><p>x</p></BODY></html>", build: 7)
            == "<body><p>x</p><script src=\"/__whoswho/live.js?build=7\"></script>\n</BODY></html>")
        #expect(LiveReload.inject(into: "<p>no body</p>", build: 2) == "<p>no body</p><script src=\"/__whoswho/live.js?build=2\"></script>\n")
    }

    @Test func theErrorPageEscapesEverything() {
        let d = Diagnostic(.error, file: "/nowhere/cards/<x>.md", line: 0, column: 0, message: "'kind' cannot be '<script>alert(1)</script>'",
                           note: "a \"note\" & more")
        let page = ErrorPage.diagnostics([d], build: 3)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<x>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("a &quot;note&quot; &amp; more"))
        #expect(page.contains("<script src=\"/__whoswho/live.js?build=3\"></script>"))
        #expect(ErrorPage.failure("<bad>", build: 1).contains("&lt;bad&gt;"))
    }

    @Test func theBuildNumberMovesOnlyWhenWhatIsShownChanges() async {
        let state = PreviewState()
        #expect(await state.build == 1)
        await state.show(.site, changed: ["/index.html"])
        #expect(await state.build == 2)
        await state.show(.site, changed: [])
        #expect(await state.build == 2)
        let d = Diagnostic(.error, file: "f", line: 1, column: 1, message: "m")
        await state.show(.errors([d]))
        await state.show(.errors([d]))
        #expect(await state.build == 3)
        await state.show(.site, changed: [])
        #expect(await state.build == 4)
        #expect(await state.wait(since: 3, seconds: 5).build == 4)
    }

    /// A long-poll that would wait an hour ends once the state is closed. Without the
    /// close it would outlast the hang guard, and the test would fail.
    @Test func closingEndsEveryLongPoll() async throws {
        let state = PreviewState()
        let build = await state.build
        let waiting = Task { await state.wait(since: build, seconds: 3600) }
        await state.close()
        let answered = await TestClient.withinHangGuard { await withTaskCancellationHandler { await waiting.value } onCancel: { waiting.cancel() } }
        #expect(answered?.build == build, "a long-poll should end when the server closes, not after its hour")
        // Closed stays closed: a long-poll that comes later answers at once.
        #expect(await TestClient.withinHangGuard { await state.wait(since: build, seconds: 3600) }?.build == build)
    }

    @Test func theOutputFolderIsNotWatched() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(atPath: sandbox.content + "/preview/cards", withIntermediateDirectories: true)
        try "x".write(toFile: sandbox.content + "/preview/cards/index.html", atomically: true, encoding: .utf8)
        let watched = FolderSnapshot.take([sandbox.content], skipping: sandbox.content + "/./preview")
        #expect(!watched.files.keys.contains { $0.contains("/preview/") })
        #expect(watched.files.keys.contains(sandbox.content + "/cards/ada-example.md"))
        #expect(FolderSnapshot.take([sandbox.content]).files.keys.contains(sandbox.content + "/preview/cards/index.html"))
    }

    @Test func snapshotsSeeEditsAdditionsAndRemovals() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = FolderSnapshot.take([sandbox.content])
        #expect(before == FolderSnapshot.take([sandbox.content]))
        #expect(before.files.keys.contains(sandbox.content + "/cards/ada-example.md"))
        try sandbox.edit("cards/ada-example.md", "Ada Example", "Ada")
        let edited = FolderSnapshot.take([sandbox.content])
        #expect(edited != before)
        try "x".write(toFile: sandbox.content + "/cards/.new.md.swp", atomically: true, encoding: .utf8)
        #expect(FolderSnapshot.take([sandbox.content]) == edited)
        try FileManager.default.removeItem(atPath: sandbox.content + "/guides/measuring.md")
        #expect(FolderSnapshot.take([sandbox.content]) != edited)
    }
}

/// A temporary folder with a copy of the valid fixture as content/, a small theme of
/// its own as themes/default (so the tests do not depend on the real theme), and room
/// for site/.
struct Sandbox {
    let parent: String
    var content: String { parent + "/content" }
    var themes: String { parent + "/themes" }
    var output: String { parent + "/site" }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    init() throws {
        let fm = FileManager.default
        parent = fm.temporaryDirectory.appendingPathComponent("whoswho-serve-tests-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Self.copy(Self.fixtures.appendingPathComponent("valid").path, to: content)
        let templates = themes + "/default/templates"
        try fm.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try fm.createDirectory(atPath: themes + "/default/assets", withIntermediateDirectories: true)
        for name in Theme.requiredTemplates + ["search"] {
            let page = name == "404" ? "<title>Not found</title>" : "<title>{{page.title}}</title>"
            try "<!doctype html>\n<html lang=\"en\">\n<head>\(page)</head>\n<body>\n<h1>{{page.title}}</h1>\n<p>{{page.description}}</p>\n</body>\n</html>\n"
                .write(toFile: templates + "/\(name).mustache", atomically: true, encoding: .utf8)
        }
        try "body { color: black; }\n".write(toFile: themes + "/default/assets/style.css", atomically: true, encoding: .utf8)
    }

    /// Copies every file under `source` to `destination`, bytes only.
    static func copy(_ source: String, to destination: String) throws {
        let fm = FileManager.default
        guard let files = fm.enumerator(atPath: source) else { return }
        for case let relative as String in files {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: source + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let target = destination + "/" + relative
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(contentsOf: URL(fileURLWithPath: source + "/" + relative)).write(to: URL(fileURLWithPath: target))
        }
    }

    /// Replaces `old` with `new` in a content file, as an editor saving it would.
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let path = content + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "\(relative) should contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// The standard limits with every time an hour, so that no test depends on how
    /// quickly its client sends on a busy machine; a test of a time limit sets that one.
    static let patient: RequestLimits = {
        var limits = RequestLimits.standard
        limits.idleTime = .seconds(3600)
        limits.headTime = .seconds(3600)
        limits.drainTime = .seconds(3600)
        return limits
    }()

    /// Starts a server on a free port, with the first build done.
    func start(limits: RequestLimits = Sandbox.patient, notices: ChangeNotices = .automatic,
               events: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) async throws -> (PreviewServer, TestClient) {
        let options = PreviewOptions(
            build: BuildOptions(contentDirectory: content, outputDirectory: output, themesDirectory: themes,
                                today: ContentDate(year: 2026, month: 11, day: 27)!),
            host: "127.0.0.1", port: 0, notices: notices, limits: limits)
        let server = PreviewServer(options: options, events: events)
        let address = try await server.start()
        let port = try #require(UInt16(address.split(separator: ":").last?.filter(\.isNumber) ?? ""), "\(address) has a port")
        #expect(address == "http://127.0.0.1:\(port)/")
        return (server, TestClient(port: port))
    }

    func remove() { try? FileManager.default.removeItem(atPath: parent) }
}

/// A minimal HTTP/1.1 client over a plain socket, so the request line is sent exactly
/// as written (a URL library would tidy `..` away) and nothing is cached.
struct TestClient: Sendable {
    let port: UInt16

    struct Response: Sendable {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// How long any wait in these tests may last before it counts as a hang. Only a
    /// guard: nothing asserts how long anything took, and on a loaded machine a rebuild
    /// may take long, but never this long.
    static let hangGuardSeconds: Int64 = 300

    /// Sends one request on its own thread (a blocking socket must not hold up the
    /// server's tasks in this same process).
    func get(_ target: String, method: String = "GET") async throws -> Response {
        try await onThread { try blockingRequest(method, target) }
    }

    /// Fetches `target` every 50 ms until `done` holds; fails only if that has not
    /// happened within the hang guard.
    func poll(_ target: String, until done: (Response) -> Bool) async throws -> Response {
        let guardEnd = ContinuousClock.now + .seconds(Self.hangGuardSeconds)
        var last: Response?
        while ContinuousClock.now < guardEnd {
            let response = try await get(target)
            if done(response) { return response }
            last = response
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "\(target) never changed (a hang); last: \(last.map { "\($0.status) \($0.body.prefix(300))" } ?? "nothing")")
    }

    /// Long-polls for a build other than `build`, asking again whenever a long-poll
    /// ends with the same build, as the live-reload script does.
    func waitForBuild(after build: Int) async throws -> Response {
        try await poll("/__whoswho/wait?build=\(build)") { $0.body != "{\"build\":\(build)}\n" }
    }

    /// What `body` returns, or nil if it has not returned within the hang guard (it is
    /// then cancelled).
    static func withinHangGuard<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask { await body() }
            group.addTask {
                try? await Task.sleep(for: .seconds(hangGuardSeconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Sends `head` exactly as written on a connection of its own and reads the answer.
    func request(_ head: String) async throws -> Response {
        try await onThread { [port] in
            let connection = try RawConnection(port: port)
            try connection.send(head)
            return try connection.response()
        }
    }

    func blockingRequest(_ method: String, _ target: String) throws -> Response {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        defer { close(fd) }
        // A guard against a hang only: a long-poll alone takes 25 seconds.
        var timeout = timeval(tv_sec: Int(Self.hangGuardSeconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect: \(errno)") }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure(description: "send: \(errno)") }
            sent += n
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            if let response = Self.parse(bytes, method: method) { return response }
        }
        guard let response = Self.parse(bytes, method: method, complete: true) else {
            throw Failure(description: "no HTTP response to \(method) \(target)")
        }
        return response
    }

    /// The response in `bytes` once its head and (by Content-Length) body are all there.
    static func parse(_ bytes: [UInt8], method: String, complete: Bool = false) -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes.count >= 4 && Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Array(bytes[(end + 4)...])
        let length = method == "HEAD" ? 0 : headers["content-length"].flatMap { Int($0) }
        if let length {
            guard body.count >= length else { return complete ? Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)) : nil }
            return Response(status: status, headers: headers, body: String(decoding: body[..<length], as: UTF8.self))
        }
        return complete ? Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)) : nil
    }
}
