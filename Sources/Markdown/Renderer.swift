internal import CCMarkGFM
internal import Foundation

/// Renders GitHub-flavoured Markdown through cmark-gfm. This is the only file that
/// touches cmark-gfm: the C tree is walked, converted and freed before `render` returns.
public enum MarkdownRenderer {
    /// cmark-gfm's extension registry is global; register it once, safely.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Renders `source` to HTML.
    ///
    /// Raw HTML is omitted, and a link or image whose scheme is not one of
    /// `LinkSafety.allowedSchemes` (`javascript:`, `data:`, `ms-msdt:`…) is taken out
    /// with its text (an image's alt text) left in its place. `rewriteLink` may replace any other destination
    /// (to turn `../cards/x.md` into the page's URL); returning nil keeps it.
    /// It is called once for each safe destination, in document order. With `html`
    /// false the document's headings, links and text are found but no HTML is made.
    public static func render(_ source: String, html wantsHTML: Bool = true,
                              rewriteLink: (String) -> String? = { _ in nil }) -> MarkdownDocument {
        _ = extensionsRegistered
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_GITHUB_PRE_LANG
        guard let parser = cmark_parser_new(options) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { p in
                cmark_parser_feed(parser, p, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_node_free(root) }

        var headings: [Heading] = []
        var links: [Link] = []
        var plain: [UInt8] = []
        var usedIDs: [String: Int] = [:]
        var headingNodes: [OpaquePointer] = []
        var refused: [OpaquePointer] = []
        walk(root, headings: &headings, headingNodes: &headingNodes, links: &links, refused: &refused, plain: &plain, usedIDs: &usedIDs,
             rewriteLink: rewriteLink)
        // After the walk, not during it: the iterator must not see the tree change under it.
        for node in refused { unwrap(node) }
        // The page's title is its only h1: a body that uses `#` headings is moved one level down.
        if headings.contains(where: { $0.level == 1 }) {
            for (i, node) in headingNodes.enumerated() {
                let level = min(6, headings[i].level + 1)
                cmark_node_set_heading_level(node, Int32(level))
                headings[i].level = level
            }
        }

        let plainText = String(decoding: plain, as: UTF8.self)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard wantsHTML, let cHTML = cmark_render_html(root, options, extensions) else {
            return MarkdownDocument(html: "", headings: headings, links: links, plainText: plainText)
        }
        defer { free(cHTML) }
        let html = cHTML.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
            let buffer = UnsafeBufferPointer(start: bytes, count: strlen(cHTML))
            return !headings.isEmpty || strstr(cHTML, "<table>") != nil
                ? decorate(buffer, headings) : String(decoding: buffer, as: UTF8.self)
        }
        return MarkdownDocument(html: html, headings: headings, links: links, plainText: plainText)
    }

    /// Appends a node's literal text to `out`.
    private static func appendLiteral(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let p = cmark_node_get_literal(node) else { return }
        p.withMemoryRebound(to: UInt8.self, capacity: 1) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(p))) }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_literal(node) else { return "" }
        return String(cString: p)
    }

    private static func typeName(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_type_string(node) else { return "" }
        return String(cString: p)
    }

    /// Text of a node's descendants, for heading ids.
    private static func text(of node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += literal(c)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: out += text(of: c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    private static func walk(
        _ root: OpaquePointer, headings: inout [Heading], headingNodes: inout [OpaquePointer], links: inout [Link],
        refused: inout [OpaquePointer], plain: inout [UInt8], usedIDs: inout [String: Int], rewriteLink: (String) -> String?
    ) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        // The position of the innermost enclosing block, for inline nodes
        // cmark-gfm gives no position of their own.
        var blockLine = 1
        var blockColumn = 1
        // Extension node types (table cells) are numbered when registered; remember which are cells.
        var isTableCell: [UInt32: Bool] = [:]
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node))
            if event == CMARK_EVENT_ENTER, line > 0 {
                blockLine = line
                blockColumn = max(1, Int(cmark_node_get_start_column(node)))
            }
            if event == CMARK_EVENT_EXIT {
                switch type {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
                    plain.append(UInt8(ascii: "\n"))
                default:
                    let isCell = isTableCell[type.rawValue] ?? {
                        let cell = typeName(node) == "table_cell"
                        isTableCell[type.rawValue] = cell
                        return cell
                    }()
                    if isCell { plain.append(UInt8(ascii: " ")) }
                }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                appendLiteral(node, to: &plain)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                plain.append(UInt8(ascii: " "))
            case CMARK_NODE_HEADING:
                let text = text(of: node)
                var id = HeadingID.slug(text)
                if let n = usedIDs[id] {
                    usedIDs[id] = n + 1
                    id += "-\(n)"
                } else {
                    usedIDs[id] = 1
                }
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(Link(destination: url, isImage: type == CMARK_NODE_IMAGE, line: blockLine, column: blockColumn))
                if LinkSafety.isUnsafe(url) {
                    // Cleared now, taken out after the walk: no path leaves with the URL.
                    cmark_node_set_url(node, "")
                    refused.append(node)
                } else if let replacement = rewriteLink(url) {
                    cmark_node_set_url(node, replacement)
                }
            default:
                break
            }
        }
    }

    /// Replaces a link or image by its children: the link's text, the image's alt text.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            guard cmark_node_insert_before(node, child) != 0 else { break }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The markup a table is wrapped in: a labelled, focusable region, so a wide table
    /// can scroll sideways on a small screen and still be reached by keyboard.
    static let tableOpen = Array("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>".utf8)
    static let tableClose = Array("</table></div>".utf8)

    /// Puts `id="…"` on each `<hN>` tag in document order and wraps each table, in one
    /// pass over the bytes. Raw HTML is never passed through and text is escaped, so
    /// every `<hN>` and `<table>` in the output is cmark-gfm's own.
    private static func decorate(_ bytes: UnsafeBufferPointer<UInt8>, _ headings: [Heading]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 32)
        var index = 0
        var i = 0
        let n = bytes.count
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            guard i + pattern.count <= n else { return false }
            for k in pattern.indices where bytes[i + k] != pattern[k] { return false }
            return true
        }
        let tableTag = Array("<table>".utf8), tableEnd = Array("</table>".utf8)
        while i < n {
            // Copy the run up to the next tag in one go.
            var next = i
            while next < n && bytes[next] != UInt8(ascii: "<") { next += 1 }
            if next > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                i = next
                continue
            }
            if bytes[i] == UInt8(ascii: "<") {
                if index < headings.count, i + 3 < n, bytes[i + 1] == UInt8(ascii: "h"),
                   bytes[i + 2] == UInt8(ascii: "0") + UInt8(headings[index].level), bytes[i + 3] == UInt8(ascii: ">") {
                    out.append(contentsOf: "<h\(headings[index].level) id=\"\(HTMLText.escape(headings[index].id))\">".utf8)
                    i += 4
                    index += 1
                    continue
                }
                if matches(tableTag, at: i) {
                    out.append(contentsOf: tableOpen)
                    i += tableTag.count
                    continue
                }
                if matches(tableEnd, at: i) {
                    out.append(contentsOf: tableClose)
                    i += tableEnd.count
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

}
