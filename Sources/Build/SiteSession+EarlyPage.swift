internal import Foundation
internal import Content
internal import Render
internal import Graph

/// A card's or guide's own page, made ahead of the rebuild a save of its file starts:
/// the preview serves it while the rest of the site is built, as a page the browser has
/// open is what its reader is waiting for. It is the page the rebuild will write, byte
/// for byte, as long as the save changed nothing that another file's page or check
/// depends on.
public struct EarlyPage: Sendable {
    /// The page's file in the site, like `cards/x/index.html`.
    public let file: String
    public let bytes: [UInt8]
}

extension SiteSession {
    /// Keeps the renderer of a build that published.
    func keep(_ renderer: SiteRenderer, options: BuildOptions) {
        lastRenderer = (renderer, options)
    }

    /// Lets the kept renderer go when a build starts (an early page is made before it),
    /// so that it is not held beside the new build's.
    func releaseRenderer() {
        lastRenderer = nil
    }

    /// The page of the card or guide whose file is `sources`' only one, rendered from the
    /// saved file with the last build's renderer; nil unless every answer would be the
    /// rebuild's: the file is a card or guide the last build published, with the same
    /// options, read without an error, dated no later than tomorrow, and naming the same
    /// other files by the same fields (`Card.linksAlike`, `Guide.linksAlike`), so that no
    /// other file's check and no index of the graph could differ. Anything else waits for
    /// the rebuild.
    public func earlyPage(for sources: [String], options: BuildOptions) -> EarlyPage? {
        guard sources.count == 1, let (renderer, built) = lastRenderer, Self.sameSite(built, options) else { return nil }
        // The file, relative to the content folder, must be the one a card or guide was read from.
        let root = URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.path + "/"
        guard sources[0].hasPrefix(root) else { return nil }
        let relative = String(sources[0].dropFirst(root.count))
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let isYAML = name.hasSuffix(".yml")
        guard isYAML || name.hasSuffix(".md") else { return nil }
        let slug = String(name.dropLast(isYAML ? 4 : 3))
        let graph = renderer.graph
        let page: Page
        if let i = graph.cards.index[slug], graph.content.cards[i].file == relative {
            page = .card(i)
        } else if !isYAML, let i = graph.guides.index[slug], graph.content.guides[i].file == relative {
            page = .guide(i)
        } else {
            return nil
        }
        guard FileStamp.of(sources[0], followingLinks: false).map({ $0.size <= ContentLimits.maxFileBytes }) == true,
              let data = FileManager.default.contents(atPath: sources[0]) else { return nil }
        // A date after tomorrow is an error the whole folder's check gives.
        let tomorrow = options.today.nextDay
        switch page {
        case .card(let i):
            let (parsed, diagnostics) = SingleDocument.parseCard([UInt8](data), slug: slug, isYAML: isYAML)
            guard let card = parsed, !diagnostics.hasErrors, card.linksAlike(graph.content.cards[i]),
                  !(tomorrow < card.updated) else { return nil }
            return Self.early(page, renderer.replacingCard(i, with: card))
        case .guide(let i):
            let (parsed, diagnostics) = SingleDocument.parseGuide([UInt8](data), slug: slug)
            guard let guide = parsed, !diagnostics.hasErrors, guide.linksAlike(graph.content.guides[i]),
                  !(tomorrow < guide.updated) else { return nil }
            return Self.early(page, renderer.replacingGuide(i, with: guide))
        default:
            return nil
        }
    }

    /// `page` rendered by `renderer`, with the file it is written to.
    private static func early(_ page: Page, _ renderer: SiteRenderer) -> EarlyPage {
        EarlyPage(file: renderer.file(of: page), bytes: Array(renderer.render(page).utf8))
    }

    /// True when two builds' options give the same site from the same files.
    static func sameSite(_ a: BuildOptions, _ b: BuildOptions) -> Bool {
        a.contentDirectory == b.contentDirectory && a.themesDirectory == b.themesDirectory && a.theme == b.theme
            && a.baseURL == b.baseURL && a.today == b.today && a.filePreview == b.filePreview && a.outputDirectory == b.outputDirectory
            && a.entryTypes.map(\.folder) == b.entryTypes.map(\.folder)
    }
}
