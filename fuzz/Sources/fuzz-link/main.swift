import Content
import Support
import Markdown

/// libFuzzer entry point: a link destination (and the file it is written in, before
/// the first newline) through `LinkTarget.resolve` and `LinkSafety`. Whatever a link
/// resolves to must stay inside the content folder and lead to a page path that
/// cannot climb out of the site.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLink(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    // The loader only ever resolves links from cards/SLUG.md, cards/SLUG.yml and
    // guides/SLUG.md; any other first line stands for the default.
    var source = "guides/a.md"
    if parts.count == 2 {
        let path = parts[0].split(separator: "/", omittingEmptySubsequences: false)
        if path.count == 2, ["cards", "guides"].contains(path[0]), let dot = path[1].lastIndex(of: "."),
           [".md", ".yml"].contains(path[1][dot...]), Slug.isValid(String(path[1][..<dot])) {
            source = String(parts[0])
        }
    }
    let destination = String(parts.last ?? "")
    _ = LinkSafety.isUnsafe(destination)
    guard let target = LinkTarget.resolve(destination, from: source) else { return 0 }
    switch target {
    case .card(let slug, _), .guide(let slug, _):
        precondition(!slug.contains("/"), "a card or guide slug with a slash: \(slug)")
    case .staticFile(let path):
        precondition(!path.split(separator: "/").contains(".."), "a static path that climbs: \(path)")
        precondition(!path.hasPrefix("/"), "an absolute static path: \(path)")
    case .sameFile, .outside, .other:
        break
    }
    if let url = target.pageRelativeURL {
        // Two `../` lead from a card or guide page to the site root; no more.
        // (What follows `#` is a fragment, not part of the path.)
        var rest = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        var climbs = 0
        while rest.hasPrefix("../") { climbs += 1; rest = rest.dropFirst(3) }
        precondition(climbs <= 2, "the page link \(url) climbs above the site root")
        precondition(!rest.split(separator: "/").contains(".."), "the page link \(url) climbs in the middle")
        _ = URLPath.encode(destination)
    }
    return 0
}
