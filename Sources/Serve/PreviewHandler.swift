internal import FlyingFox
internal import Foundation

/// Answers every request: the live-reload script and long-poll, then the built site
/// (with the script added to HTML pages), or the error page while the content has errors.
struct PreviewHandler: HTTPHandler {
    /// The folder the site is built into.
    let root: String
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let isHead = request.method == .HEAD
        guard request.method == .GET || isHead else {
            return respond(.methodNotAllowed, "text/plain; charset=utf-8", Data("Only GET and HEAD are served.\n".utf8), head: false,
                           extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let path = request.target.path()
        if path == LiveReload.scriptPath {
            return respond(.ok, "text/javascript; charset=utf-8", Data(LiveReload.script.utf8), head: isHead)
        }
        if path == LiveReload.waitPath {
            let since = request.query["build"].flatMap { Int($0) } ?? -1
            let answer = await state.wait(since: since, seconds: LiveReload.waitSeconds)
            return respond(.ok, "application/json", Data(LiveReload.json(answer, since: since).utf8), head: isHead)
        }
        let (phase, build) = await state.current()
        switch phase {
        case .building:
            return html(.serviceUnavailable, ErrorPage.building(build: build), head: isHead)
        case .errors(let diagnostics):
            return html(.internalServerError, ErrorPage.diagnostics(diagnostics, build: build), head: isHead)
        case .failure(let message):
            return html(.internalServerError, ErrorPage.failure(message, build: build), head: isHead)
        case .site:
            let resolved = SiteFiles.resolve(path, root: root)
            if case .file(let file) = resolved, let early = await state.early(String(file.dropFirst(root.count))) {
                return html(.ok, String(decoding: early, as: UTF8.self), build: build, file: String(file.dropFirst(root.count)), head: isHead)
            }
            return serveFile(resolved, query: request.target.query(), build: build, head: isHead)
        }
    }

    /// A file of the built site, its folder's index.html, or the site's 404 page.
    func serveFile(_ resolved: SiteFiles.Resolution, query: String, build: Int, head: Bool) -> HTTPResponse {
        switch resolved {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(build: build, head: head) }
            let type = SiteFiles.contentType(of: file)
            if type.hasPrefix("text/html") {
                return html(.ok, String(decoding: data, as: UTF8.self), build: build, file: String(file.dropFirst(root.count)), head: head)
            }
            return respond(.ok, type, data, head: head)
        case .redirect(let location):
            // Checked again where the header is written: a redirect never leaves this server.
            guard SiteFiles.isLocalPath(location) else { return notFound(build: build, head: head) }
            return respond(.found, "text/plain; charset=utf-8", Data("Moved to \(location)\n".utf8), head: head,
                           extra: [.location: query.isEmpty ? location : location + "?" + query])
        case .notFound:
            return notFound(build: build, head: head)
        case .forbidden:
            return respond(HTTPStatusCode(403, phrase: "Forbidden"), "text/plain; charset=utf-8",
                           Data("That path is not allowed.\n".utf8), head: head)
        }
    }

    func notFound(build: Int, head: Bool) -> HTTPResponse {
        let page = root + "/404.html"
        if FileKind.of(page) == .regular, let data = FileManager.default.contents(atPath: page) {
            return html(.notFound, String(decoding: data, as: UTF8.self), build: build, file: "/404.html", head: head)
        }
        return respond(.notFound, "text/plain; charset=utf-8", Data("Not found.\n".utf8), head: head)
    }

    /// A built HTML page, the site's `file` (like `/cards/x/index.html`), with the
    /// live-reload script added.
    func html(_ status: HTTPStatusCode, _ page: String, build: Int, file: String, head: Bool) -> HTTPResponse {
        respond(status, "text/html; charset=utf-8", Data(LiveReload.inject(into: page, build: build, file: file).utf8), head: head)
    }

    /// A page of the server's own, which already carries the script.
    func html(_ status: HTTPStatusCode, _ page: String, head: Bool) -> HTTPResponse {
        respond(status, "text/html; charset=utf-8", Data(page.utf8), head: head)
    }

    /// A response that is never cached (the next build may change it). For HEAD the
    /// body is left out but its length is given.
    func respond(_ status: HTTPStatusCode, _ type: String, _ body: Data, head: Bool, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (name, value) in extra { headers[name] = value }
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}
