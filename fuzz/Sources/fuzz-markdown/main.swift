import Markdown

/// libFuzzer entry point: any bytes, as text, through the Markdown renderer, with
/// every link rewritten as the loader does. The output must hold no raw HTML from the
/// input and no unsafe link.
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
    for heading in document.headings {
        precondition((1...6).contains(heading.level), "heading level \(heading.level)")
    }
    for link in document.links {
        precondition(link.line >= 1 && link.column >= 1, "link at \(link.line):\(link.column)")
    }
    return 0
}
