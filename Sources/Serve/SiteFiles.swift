internal import Foundation

/// Maps a request's path to a file in the built site, refusing anything that could
/// reach outside it.
enum SiteFiles {
    /// Where a request path leads.
    enum Resolution: Equatable {
        /// A regular file inside the site.
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        /// The location is always a path on this server: see ``isLocalPath(_:)``.
        case redirect(String)
        /// Nothing there (or a hidden file): the site's 404 page.
        case notFound
        /// A path that is not allowed at all: `..`, `.`, bad percent-encoding, NUL, backslash.
        case forbidden
    }

    /// Resolves `rawPath`, the request target's path still percent-encoded, against the
    /// site folder `root`. Every segment is decoded once, then checked: a `..` written
    /// plainly or as `%2e%2e` is refused, never normalised away. Repeated slashes are
    /// read as one, and a redirect goes to the path with them made one: `//evil.example`
    /// must never become the location `//evil.example/`, which a browser reads as
    /// another host.
    static func resolve(_ rawPath: String, root: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = percentDecode(rawPath) else { return .forbidden }
        if decoded.contains("\\") || decoded.unicodeScalars.contains(where: { $0.value == 0 }) { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        var parts: [Substring] = []
        for segment in segments {
            if segment == "." || segment == ".." { return .forbidden }
            if segment.hasPrefix(".") { return .notFound }
            parts.append(segment)
        }
        let path = ([root] + parts.map(String.init)).joined(separator: "/")
        guard let info = FileKind.of(path) else { return .notFound }
        switch info {
        case .directory:
            guard decoded.hasSuffix("/") else {
                let location = "/" + rawPath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/") + "/"
                return isLocalPath(location) ? .redirect(location) : .forbidden
            }
            let index = path + "/index.html"
            return FileKind.of(index) == .regular && isInside(index, root: root) ? .file(index) : .notFound
        case .regular:
            return isInside(path, root: root) ? .file(path) : .notFound
        case .other:
            return .notFound
        }
    }

    /// True when `location`, as a redirect's Location, stays on this server: a path
    /// starting with one `/`. A browser reads `//host/` and `/\host/` as another host.
    static func isLocalPath(_ location: String) -> Bool {
        let bytes = Array(location.utf8.prefix(2))
        guard bytes.first == UInt8(ascii: "/") else { return false }
        return bytes.count < 2 || (bytes[1] != UInt8(ascii: "/") && bytes[1] != UInt8(ascii: "\\"))
    }

    /// True when `path`, with every link resolved, is inside `root`: a second guard in
    /// case the site folder ever holds a link.
    static func isInside(_ path: String, root: String) -> Bool {
        guard let real = realPath(path), let realRoot = realPath(root) else { return false }
        return real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecode(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The Content-Type for a file, by its extension.
    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        return contentTypes[ext] ?? "application/octet-stream"
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "pdf": "application/pdf",
        "webmanifest": "application/manifest+json",
        "map": "application/json",
    ]
}

/// What a path is, without following a link at the path itself.
enum FileKind: Equatable {
    case regular, directory, other

    static func of(_ path: String) -> FileKind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}
