import Content
import Graph
import Render
@testable import Search
import Foundation
import Testing

extension SearchLabels {
    /// The default theme's English labels, as a build gives them.
    static let english = SearchLabels(kind: Words.english.label, format: Words.english.label, guide: Words.english.guideLabel)
}

/// The search index names kinds, formats and guides in the words it is given (a
/// translated theme's), in the filters and in what a search matches.
@Suite struct SearchLabelsTests {
    static let welsh = SearchLabels(kind: { ["person": "Person", "group": "Grŵp", "organisation": "Sefydliad", "network": "Rhwydwaith"][$0.rawValue]! },
                                    format: { $0 == .online ? "Ar-lein" : $0.rawValue }, guide: "Canllaw")

    @Test func theFiltersAndTheSearchedLabelsAreTheThemesWords() async throws {
        let index = await sampleIndex(labels: Self.welsh)
        let manifest = try #require(try index.json("manifest.json") as? [String: Any])
        let kinds = try #require(manifest["kinds"] as? [[String: Any]]).map { $0["label"] as? String ?? "" }
        #expect(kinds == ["Person", "Grŵp", "Sefydliad", "Rhwydwaith", "Canllaw"])
        let formats = try #require(manifest["formats"] as? [[String: Any]]).compactMap { $0["label"] as? String }
        #expect(formats.contains("Ar-lein") && !formats.contains("Online"))
        let online = try #require(index.documents.first { $0.path == "cards/carers-uk/" })
        #expect(online.text(.labels) == "Rhwydwaith Ar-lein")
        #expect(index.documents.first { $0.path == "guides/setting-up/" }?.text(.labels) == "Canllaw")
        #expect(index.terms.contains("canllaw") && index.terms.contains("rhwydwaith") && !index.terms.contains("guide"))
    }
}
