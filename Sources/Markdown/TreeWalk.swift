internal import CCMarkGFM
internal import Foundation

/// One walk over a parsed cmark-gfm tree, in document order: collects the headings (with
/// their ids), links and plain text, rewrites safe link destinations, clears unsafe ones,
/// and remembers the nodes the HTML decorates (headings, tables) and the links to take
/// out. It reads the tree and changes link URLs only; nothing is moved until it is done,
/// because cmark's iterator must not see the tree change under it.
struct TreeWalk {
    var headings: [Heading] = []
    var headingNodes: [OpaquePointer] = []
    var tableNodes: [OpaquePointer] = []
    var links: [Link] = []
    /// Links and images whose scheme is not allowed, their URL already cleared.
    var refused: [OpaquePointer] = []
    var plain: [UInt8] = []
    /// False when only whether there is text matters: then `plain` stops growing at its
    /// first printable ASCII byte (`sawVisibleASCII`), which is a character of its own
    /// that is not whitespace (nothing joins it to what comes before).
    let keepsText: Bool
    private(set) var sawVisibleASCII = false
    private var collectsText: Bool { keepsText || !sawVisibleASCII }
    private var usedIDs: [String: Int] = [:]
    /// The position of the innermost enclosing block, for inline nodes cmark-gfm gives no
    /// position of their own.
    private var blockLine = 1
    private var blockColumn = 1
    /// Extension node types (tables, their cells) are numbered when registered; their
    /// kind is looked up by name once per type.
    private var extensionKinds: [UInt32: ExtensionKind] = [:]

    private enum ExtensionKind { case table, cell, other }

    init(keepsText: Bool = true) {
        self.keepsText = keepsText
    }

    /// Walks the tree under `root`; `rewriteLink` as in `MarkdownRenderer.render`.
    mutating func run(_ root: OpaquePointer, rewriteLink: (String) -> String?) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            if event == CMARK_EVENT_EXIT {
                exit(node)
            } else {
                enter(node, rewriteLink: rewriteLink)
            }
        }
    }

    private mutating func enter(_ node: OpaquePointer, rewriteLink: (String) -> String?) {
        let type = cmark_node_get_type(node)
        let line = Int(cmark_node_get_start_line(node))
        if line > 0 {
            blockLine = line
            blockColumn = max(1, Int(cmark_node_get_start_column(node)))
        }
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            if collectsText {
                let start = plain.count
                Self.appendLiteral(node, to: &plain)
                if !keepsText, plain[start...].contains(where: { (0x21...0x7E).contains($0) }) { sawVisibleASCII = true }
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if collectsText { plain.append(UInt8(ascii: " ")) }
        case CMARK_NODE_HEADING:
            let text = Self.text(of: node)
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
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_DOCUMENT:
            break  // cmark's own kinds, none of them an extension's table
        default:
            if kind(of: node, type) == .table { tableNodes.append(node) }
        }
    }

    private mutating func exit(_ node: OpaquePointer) {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK:
            if collectsText { plain.append(UInt8(ascii: "\n")) }
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LIST, CMARK_NODE_DOCUMENT, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            break  // cmark's own kinds, none of them an extension's table cell
        default:
            if kind(of: node, type) == .cell, collectsText { plain.append(UInt8(ascii: " ")) }
        }
    }

    private mutating func kind(of node: OpaquePointer, _ type: cmark_node_type) -> ExtensionKind {
        if let known = extensionKinds[type.rawValue] { return known }
        let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        let kind: ExtensionKind = name == "table" ? .table : name == "table_cell" ? .cell : .other
        extensionKinds[type.rawValue] = kind
        return kind
    }

    /// Appends a node's literal text to `out`.
    private static func appendLiteral(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let p = cmark_node_get_literal(node) else { return }
        p.withMemoryRebound(to: UInt8.self, capacity: 1) { out.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(p))) }
    }

    /// Text of a node's descendants, for heading ids.
    private static func text(of node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: out += text(of: c)
            }
            child = cmark_node_next(c)
        }
        return out
    }
}
