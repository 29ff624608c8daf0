@testable import Build
import Render
import Testing

/// How pages are handed out to the cores: every page once, the pages that list cards
/// first and a few at a time, so no core is left alone with the biggest at the end.
@Suite struct PageChunkTests {
    static func isOwnPage(_ page: Page) -> Bool {
        if case .card = page { return true }
        if case .guide = page { return true }
        return false
    }

    @Test(arguments: [1, 2, 8])
    func everyPageOnceListsFirstInSmallChunks(cores: Int) {
        var pages: [Page] = [.home] + (1...50).map { Page.cardList(page: $0) }
        pages += (0..<10_000).map { Page.card($0) } + [.guideList(page: 1)]
        pages += (0..<1_000).map { Page.guide($0) } + [.topicList]
        pages += (0..<40).map { Page.topic($0, page: 1) } + (0..<560).map { Page.topicRegion($0, page: 1) }
        pages += [.regionList] + (0..<14).map { Page.region($0, page: 1) } + [.search, .notFound]
        let chunks = Builder.chunks(of: pages, cores: cores)
        let handedOut = chunks.flatMap { Array($0) }

        #expect(handedOut.count == pages.count)
        #expect(Set(handedOut.map { "\($0)" }) == Set(pages.map { "\($0)" }))
        let firstOwn = handedOut.firstIndex(where: Self.isOwnPage)!
        #expect(handedOut[..<firstOwn].count == pages.filter { !Self.isOwnPage($0) }.count)
        #expect(handedOut[firstOwn...].allSatisfy(Self.isOwnPage))
        for chunk in chunks where !Self.isOwnPage(chunk.first!) { #expect(chunk.count <= 4) }
        // Enough chunks of own pages for every core to take several.
        #expect(chunks.filter { Self.isOwnPage($0.first!) }.count >= min(cores * 8, 11_000 / 32))
    }
}
