internal import Support
internal import CCMarkGFM
internal import Foundation

/// Renders GitHub-flavoured Markdown through cmark-gfm. This file and TreeWalk.swift are
/// the only code that touches cmark-gfm: the C tree is walked, decorated, rendered and
/// freed before `render` returns.
///
/// The HTML is cmark-gfm's own, decorated in the tree rather than patched afterwards:
/// each node the site marks up its own way (a heading with its id, a table in its
/// scrolling wrapper) is written here, with cmark rendering what is inside it, and put
/// back in the tree as a custom block that cmark then writes out as it is.
public enum MarkdownRenderer {
    /// cmark-gfm's extension registry is global; register it once, safely.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Held while cmark-gfm finishes a parse. The characters that start an extension's
    /// inline syntax (`~` for strikethrough, `:`, `w` and `@` for autolinks) live in one
    /// table for the whole process, which each parse sets before its inline pass and
    /// clears after it; two passes at once would let one's clearing turn the other's
    /// `~~struck~~` and bare links into plain text. Reading blocks stays on every core.
    private static let inlinePassLock = NSLock()

    /// Renders `source` to HTML.
    ///
    /// Raw HTML is omitted, and a link or image whose scheme is not one of
    /// `LinkSafety.allowedSchemes` (`javascript:`, `data:`, `ms-msdt:`…) is taken out
    /// with its text (an image's alt text) left in its place. `rewriteLink` may replace any other destination
    /// (to turn `../cards/x.md` into the page's URL); returning nil keeps it.
    /// It is called once for each safe destination, in document order. With `html`
    /// false the document's headings, links and text are found but no HTML is made.
    /// With `plainText` false the text is not kept (`plainText` is empty), only whether
    /// there is any (`hasVisibleText`), which is found as soon as there is.
    public static func render(_ source: String, html wantsHTML: Bool = true, plainText wantsPlainText: Bool = true,
                              rewriteLink: (String) -> String? = { _ in nil }) -> MarkdownDocument {
        _ = extensionsRegistered
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is always valid UTF-8, and cmark would
        // only copy every line to check it again.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG
        // The parser and its tree live in this thread's arena until the tree is freed.
        let arena = ParseArena.begin()
        defer { if arena.ownsArena { ParseArena.end() } }
        guard let parser = cmark_parser_new_with_mem(options, arena.mem) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = source
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let p = chars.baseAddress { cmark_parser_feed(parser, p, chars.count) }
            }
        }
        guard let root = inlinePassLock.withLock({ cmark_parser_finish(parser) }) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_node_free(root) }

        var walk = TreeWalk(keepsText: wantsPlainText)
        walk.run(root, rewriteLink: rewriteLink)
        for node in walk.refused { unwrap(node) }
        // The page's title is its only h1: a body that uses `#` headings is moved one level down.
        if walk.headings.contains(where: { $0.level == 1 }) {
            for i in walk.headings.indices { walk.headings[i].level = min(6, walk.headings[i].level + 1) }
        }
        let text = String(decoding: walk.plain, as: UTF8.self)
        let plainText = wantsPlainText ? text : ""
        let hasVisibleText = walk.sawVisibleASCII || MarkdownDocument.isVisible(text)
        guard wantsHTML else {
            return MarkdownDocument(html: "", headings: walk.headings, links: walk.links, plainText: plainText,
                                    hasVisibleText: hasVisibleText)
        }
        let extensions = cmark_parser_get_syntax_extensions(parser)
        for (node, heading) in zip(walk.headingNodes, walk.headings) {
            replace(node, byHTML: headingHTML(node, heading, options: options, extensions: extensions), mem: arena.mem)
        }
        for node in walk.tableNodes {
            replace(node, byHTML: tableHTML(node, options: options, extensions: extensions), mem: arena.mem)
        }
        let html = renderedHTML(root, options: options, extensions: extensions)
        return MarkdownDocument(html: html, headings: walk.headings, links: walk.links, plainText: plainText,
                                hasVisibleText: hasVisibleText)
    }

    /// Replaces a link or image by its children: the link's text, the image's alt text.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            guard cmark_node_insert_before(node, child) != 0 else { break }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// A heading with its id: `<h2 id="…">`, what cmark renders of its content, `</h2>`.
    private static func headingHTML(_ node: OpaquePointer, _ heading: Heading, options: Int32,
                                    extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        var html = "<h\(heading.level) id=\"\(HTMLText.escape(heading.id))\">"
        var child = cmark_node_first_child(node)
        while let c = child {
            html += renderedHTML(c, options: options, extensions: extensions)
            child = cmark_node_next(c)
        }
        return html + "</h\(heading.level)>"
    }

    /// The markup a table is wrapped in: a labelled, focusable region, so a wide table
    /// can scroll sideways on a small screen and still be reached by keyboard.
    static let tableWrapOpen = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">"
    static let tableWrapClose = "</div>"

    /// A table as cmark renders it, inside the wrapper. cmark ends every block it renders
    /// with a line break; the wrapper closes before it, and the custom block that takes
    /// the table's place puts it back after the wrapper.
    private static func tableHTML(_ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        var table = renderedHTML(node, options: options, extensions: extensions)
        if table.utf8.last == UInt8(ascii: "\n") { table.removeLast() }
        return tableWrapOpen + table + tableWrapClose
    }

    /// Puts a custom block holding `html` where `node` was, and frees `node`. cmark writes
    /// a custom block's text as it is, on lines of its own, as it does any block.
    /// The block is made with the tree's allocator, `mem`: cmark puts a node only in a
    /// tree whose nodes share its allocator.
    private static func replace(_ node: OpaquePointer, byHTML html: String, mem: UnsafeMutablePointer<cmark_mem>) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, mem) else { return }
        guard cmark_node_set_on_enter(block, html) != 0, cmark_node_replace(node, block) != 0 else {
            cmark_node_free(block)
            return
        }
        cmark_node_free(node)
    }

    /// cmark's HTML for `node` and everything under it.
    private static func renderedHTML(_ node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        // Into the system allocator's memory (cmark would use the node's, the arena), so that `free` frees it.
        guard let cHTML = cmark_render_html_with_mem(node, options, extensions, cmark_get_default_mem_allocator()) else { return "" }
        defer { free(cHTML) }
        return String(cString: cHTML)
    }
}
