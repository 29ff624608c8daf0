import Content
import Foundation
@testable import Serve
import Testing

/// Live reload without a browser: what a long-poll is told, and when.
@Suite struct LiveReloadTests {
    /// A page is told which files changed since the build it was served from, over as
    /// many builds as it missed; when the site turned into the error page and back in
    /// between, or the build is older than those remembered, every page reloads.
    @Test func aLongPollSaysWhichFilesChangedSince() async {
        let state = PreviewState()
        await state.show(.site)
        #expect(await state.build == 2)
        await state.show(.site, changed: ["/cards/a/index.html", "/index.json"])
        await state.show(.site, changed: ["/cards/b/index.html"])
        #expect(await state.wait(since: 3, seconds: 5) == .init(build: 4, changed: ["/cards/b/index.html"]))
        #expect(await state.wait(since: 2, seconds: 5)
            == .init(build: 4, changed: ["/cards/a/index.html", "/cards/b/index.html", "/index.json"]))
        #expect(await state.changes(since: 1) == nil, "the first build put the site in place of the building page")
        #expect(await state.changes(since: 4) == [])
        #expect(await state.changes(since: 99) == nil, "a page from before a restart reloads")
        let d = Diagnostic(.error, file: "f", line: 1, column: 1, message: "m")
        await state.show(.errors([d]))
        await state.show(.site, changed: ["/cards/a/index.html"])
        #expect(await state.changes(since: 4) == nil)
        for n in 0..<PreviewState.remembered { await state.show(.site, changed: ["/\(n).html"]) }
        #expect(await state.changes(since: 5) == nil, "more builds since than are remembered")
        #expect(await state.changes(since: 6)?.count == PreviewState.remembered)
        #expect(await state.changes(since: await state.build - 2) == ["/\(PreviewState.remembered - 2).html", "/\(PreviewState.remembered - 1).html"])
        await state.show(.site, changed: (0...PreviewState.mostPaths).map { "/\($0).html" })
        #expect(await state.changes(since: await state.build - 1) == nil, "too many files changed to list")
        let listed = await state.build
        await state.show(.site, changed: [])
        #expect(await state.build == listed, "nothing changed: no new build to tell of")
        await state.show(.site, changed: nil)
        let unknown = await state.changes(since: listed)
        #expect(await state.build == listed + 1, "not known what changed: a new build")
        #expect(unknown == nil, "not known what changed: every page reloads")
    }

    @Test func theLongPollAnswerIsJSON() {
        #expect(LiveReload.json(.init(build: 4, changed: ["/a\"b/index.html"]), since: 4) == "{\"build\":4}\n")
        #expect(LiveReload.json(.init(build: 5, changed: ["/a\"b/index.html", "/x.css"]), since: 4)
            == "{\"build\":5,\"changed\":[\"/a\\\"b/index.html\",\"/x.css\"]}\n")
        #expect(LiveReload.json(.init(build: 5, changed: nil), since: 4) == "{\"build\":5,\"all\":true}\n")
        #expect(LiveReload.tag(build: 2, file: "/cards/é & x/index.html")
            == "<script src=\"/__whoswho/live.js?build=2&amp;file=/cards/%C3%A9%20%26%20x/index.html\"></script>")
    }

    /// A long-poll is answered as soon as a build is shown, not after its time.
    @Test func aNewBuildEndsALongPollAtOnce() async throws {
        let state = PreviewState()
        await state.show(.site)
        let waiting = Task { await state.wait(since: 2, seconds: 3600) }
        // Shown only once the long-poll has begun: until then the build stays 2.
        while await state.waiting == 0 { await Task.yield() }
        await state.show(.site, changed: ["/index.html"])
        let answered = await TestClient.withinHangGuard { await withTaskCancellationHandler { await waiting.value } onCancel: { waiting.cancel() } }
        #expect(answered == .init(build: 3, changed: ["/index.html"]))
    }

    /// A page made ahead of a rebuild (`EarlyPage`) is served while the site is shown,
    /// reloads the pages open at it at once, and goes when the rebuild is shown.
    @Test func aPageShownEarlyIsServedUntilTheNextBuildIsShown() async {
        let state = PreviewState()
        let file = "/cards/a/index.html", bytes = Array("<p>early</p>".utf8)
        await state.showEarly(file, bytes: bytes)
        #expect(await state.early(file) == nil, "nothing is shown early before the site is")
        #expect(await state.build == 1)
        await state.show(.site)
        await state.showEarly(file, bytes: bytes)
        #expect(await state.early(file) == bytes)
        #expect(await state.early("/cards/b/index.html") == nil)
        #expect(await state.wait(since: 2, seconds: 5) == .init(build: 3, changed: [file]))
        await state.show(.site, changed: ["/index.json"])
        #expect(await state.early(file) == nil)
    }

    /// The server answers a request for a page shown early with that page, and every
    /// other request from the built site.
    @Test func theServerAnswersWithThePageShownEarly() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (server, client) = try await sandbox.start()
        await server.state.showEarly("/cards/ada-example/index.html", bytes: Array("<p>shown early</p>".utf8))
        #expect(try await client.get("/cards/ada-example/").body.contains("<p>shown early</p>"))
        #expect(try await client.get("/cards/ada-example/index.html").body.contains("<p>shown early</p>"))
        #expect(try await !client.get("/cards/carers-circle/").body.contains("<p>shown early</p>"))
        await server.stop()
    }

    /// A card edited: open pages are told the files that changed (its own page among
    /// them, another card's page not), and the server reports the file edited, the
    /// site files it changed, and no diagnostic as new.
    @Test func anEditTellsPagesAndTheTerminalWhatChanged() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let log = EventLog()
        let (server, client) = try await sandbox.start { log.add($0) }
        let page = try await client.get("/cards/ada-example/")
        #expect(page.body.contains("/__whoswho/live.js?build=2&amp;file=/cards/ada-example/index.html"))
        let build = try #require(PreviewServerTests.build(in: page.body))
        async let waited = client.waitForBuild(after: build)
        // Saved atomically, as many editors do: the file is never seen half-written.
        let card = sandbox.content + "/cards/ada-example.md"
        let text = try String(contentsOfFile: card, encoding: .utf8).replacingOccurrences(of: "name: Ada Example", with: "name: Ada Edited")
        try text.write(toFile: card, atomically: true, encoding: .utf8)
        let answer = try await waited.body
        // One build later, or two when the card's page was served ahead of the rebuild
        // (`EarlyPage`) and both were shown before the long-poll was answered.
        #expect(answer.hasPrefix("{\"build\":\(build + 1),\"changed\":[") || answer.hasPrefix("{\"build\":\(build + 2),\"changed\":["))
        #expect(answer.contains("\"/cards/ada-example/index.html\""))
        #expect(!answer.contains("\"/cards/carers-circle/index.html\""))
        await server.stop()

        let events = log.all
        #expect(events.count == 2)
        guard case .built(_, let first, _)? = events.first, case .built(_, let second, _)? = events.last else {
            Issue.record("two builds: \(events)")
            return
        }
        #expect(first.sources == [])
        #expect(second.sources == [sandbox.content + "/cards/ada-example.md"])
        #expect(second.site.contains("cards/ada-example/index.html"))
        #expect(!second.site.contains("cards/carers-circle/index.html"))
        #expect(second.diagnostics.new.isEmpty && second.diagnostics.gone.isEmpty)
    }
}

/// The events a server reported, in order.
final class EventLog: @unchecked Sendable {
    /// `events` is only read and written with `lock` held.
    private let lock = NSLock()
    private var events: [PreviewEvent] = []
    func add(_ event: PreviewEvent) { lock.withLock { events.append(event) } }
    var all: [PreviewEvent] { lock.withLock { events } }
}
