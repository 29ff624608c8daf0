import Markdown
import Support

/// libFuzzer entry point: any bytes, as text, through the Markdown renderer, with
/// every link rewritten as the loader does. The output must hold no raw HTML from the
/// input and no unsafe link, and every heading has its id and every table its wrapper.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownRenderer.render(text) { destination in
        destination.hasSuffix(".md") ? "../../cards/" + destination.dropLast(3) + "/" : nil
    }
    let lowered = document.html.lowercased()
    for tag in ["<script", "<iframe", "<object", "<embed", "<style", "<svg", "<math", "<form", "<meta", "<link", "<base"] {
        precondition(!lowered.contains(tag), "raw HTML \(tag) in the output")
    }
    precondition(!lowered.contains("href=\"javascript:") && !lowered.contains("src=\"javascript:"), "javascript: link in the output")
    // Every heading carries its id and every table its wrapper: raw HTML is omitted and
    // text escaped, so each `<table>` in the output is one cmark made.
    // By bytes: a heading's text may start with a combining mark, which a search by
    // characters would join to the tag's closing `>`.
    let html = Array(document.html.utf8)
    var from = 0
    for heading in document.headings {
        precondition((1...6).contains(heading.level), "heading level \(heading.level)")
        let tag = "<h\(heading.level) id=\"\(HTMLText.escape(heading.id))\">"
        guard let found = firstIndex(of: Array(tag.utf8), in: html, from: from) else { preconditionFailure("no \(tag) in order in the output") }
        from = found + tag.utf8.count
    }
    let tables = document.html.split(separator: "<table>", omittingEmptySubsequences: false).count - 1
    let wrapped = document.html.split(separator: "aria-label=\"Table\"><table>", omittingEmptySubsequences: false).count - 1
    precondition(tables == wrapped, "\(tables - wrapped) of \(tables) tables not wrapped")
    for link in document.links {
        precondition(link.line >= 1 && link.column >= 1, "link at \(link.line):\(link.column)")
    }
    return 0
}

/// Where `needle` first occurs in `bytes` at or after `from`.
func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    var i = from
    while i + needle.count <= bytes.count {
        if bytes[i] == needle[0] && Array(bytes[i..<i + needle.count]) == needle { return i }
        i += 1
    }
    return nil
}
