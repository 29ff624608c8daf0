internal import Foundation
internal import Markdown
#if canImport(FoundationXML)
internal import FoundationXML
#endif

/// Active content in SVG files under static/. An SVG is copied to the site as it is,
/// and a browser that opens it on its own (not through `<img>`) runs what it holds, on
/// the site's origin. So an SVG is parsed as XML, with namespaces resolved and
/// character references decoded by the parser, and may hold only the elements and
/// attributes of a drawing (`SVGAllowList`); anything else is refused.
enum SVGContent {
    /// The largest SVG checked; a bigger one is refused rather than copied unread.
    static let maxBytes = 16 << 20

    /// One reason an SVG is refused, at the 1-based line and column of the tag that
    /// holds it (0, 0 for the file as a whole).
    struct Problem: Equatable, Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Checks the SVG at `path`; the diagnostic to report, or nil when it is safe.
    static func check(path: String, display: String, size: Int) -> Diagnostic? {
        guard size <= maxBytes else {
            return Diagnostic(.error, file: display, line: 0, column: 0,
                message: "this SVG is \(size) bytes; the most an SVG in static/ may be is \(maxBytes) bytes, so that it can be checked for scripts")
        }
        guard let bytes = FileIdentity.read(path, limit: maxBytes) else {
            return Diagnostic(.error, file: display, line: 0, column: 0, message: "this SVG cannot be read")
        }
        guard let problem = firstProblem(bytes) else { return nil }
        return Diagnostic(.error, file: display, line: problem.line, column: problem.column,
            message: "this SVG holds \(problem.message); an SVG in static/ may hold only drawing elements, with no scripts, event handlers, embedded pages or script links",
            note: "a browser runs them when the file is opened on its own; remove them (or export the drawing again as plain SVG), or use a PNG")
    }

    /// The first thing in `bytes` that an SVG under static/ may not hold, or nil.
    static func firstProblem(_ bytes: [UInt8]) -> Problem? {
        // Entity declarations are refused before parsing, so that no expansion is ever
        // worked out ("billion laughs"); a plain DOCTYPE line is fine.
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        if let at = find(Array("<!entity".utf8), in: lower) {
            let (line, column) = SourceText.position(of: at, in: bytes[...])
            return Problem(line: line, column: column, message: "an entity declaration ('<!ENTITY')")
        }
        let scanner = SVGScanner(bytes: bytes)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = scanner
        let finished = parser.parse()
        if let problem = scanner.problem { return problem }
        if !finished || parser.parserError != nil || scanner.failed {
            let (line, column) = (parser.lineNumber, parser.columnNumber)
            return Problem(line: line, column: column, message: "XML that is not well formed (a tag not closed, or a stray '<' or '&'), so it cannot be checked")
        }
        if !scanner.sawRoot {
            return Problem(line: 0, column: 0, message: "no <svg> element")
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// What is wrong with a link in attribute `name` of `element`, or nil when it is
    /// allowed: a fragment (`#id`) anywhere; on a link (`<a>`) also a relative,
    /// http(s), mailto: or tel: address; on an image also a relative or http(s)
    /// address or an embedded PNG, JPEG, GIF or WebP.
    static func linkProblem(_ value: String, name: String, element: String) -> String? {
        // A browser strips leading and trailing controls and spaces from an address,
        // and tabs and newlines from inside it, before it reads the scheme.
        let squeezed = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x20)))
        if squeezed.hasPrefix("#") { return nil }
        let scheme = LinkSafety.scheme(of: squeezed)
        let lowered = squeezed.lowercased()
        if SVGAllowList.linkingElements.contains(element),
           scheme == nil || ["http", "https", "mailto", "tel"].contains(scheme ?? "") {
            return nil
        }
        if SVGAllowList.imageElements.contains(element) {
            if scheme == nil || scheme == "http" || scheme == "https" { return nil }
            if SVGAllowList.embeddedImageTypes.contains(where: { lowered.hasPrefix($0) }) { return nil }
        }
        let shown = squeezed.count > 40 ? String(squeezed.prefix(40)) + "…" : squeezed
        if let scheme {
            return "a '\(scheme):' link in '\(name)' on <\(element)> ('\(shown)')"
        }
        return "a link to another file in '\(name)' on <\(element)> ('\(shown)'), where only a link inside the drawing (#id) is allowed"
    }
}
