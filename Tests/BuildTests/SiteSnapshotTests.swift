import Foundation
import Testing

/// The fixture site's pages and data files, compared with the snapshots in
/// __Snapshots__/relative (no base URL: relative links only) and __Snapshots__/base-url
/// (canonical URLs, Open Graph, absolute URLs in the data files).
@Suite struct SiteSnapshotTests {
    /// One of each kind of page, and every data file: the Open Referral export's root and
    /// lists, the service record of the fixture's richest card, and the host files.
    static let files = [
        "index.html",
        "cards/index.html",
        "cards/ada-example/index.html",
        "cards/memory-cafe/index.html",
        "cards/edinburgh-carers-circle/index.html",
        "guides/setting-up/index.html",
        "topics/mental-health/index.html",
        "regions/england/index.html",
        "topics/mental-health/london/index.html",
        "404.html",
        "index.json",
        "index/cards-1.json",
        "index/guides-1.json",
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "oruk/index.json",
        "oruk/services/index.json",
        "oruk/services/6f1b7c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b/index.json",
        "oruk/organizations/index.json",
        "oruk/taxonomies/index.json",
        "oruk/taxonomy_terms/index.json",
        "oruk/service_at_locations/index.json",
        "_headers",
        "_redirects",
    ]

    @Test(arguments: [("relative", nil), ("base-url", FixtureBuild.baseURL)] as [(String, String?)])
    func builtFilesMatchTheirSnapshots(variant: String, baseURL: String?) async throws {
        let folder = try FixtureBuild.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try await FixtureBuild.buildValid(in: folder, baseURL: baseURL)
        for file in Self.files {
            let text = try FixtureBuild.text(site, file)
            // JSON is compared laid out one value a line, so that a difference reads as one.
            Snapshot.assertMatches(file.hasSuffix(".json") ? Snapshot.reflowJSON(text) : text, named: variant + "/" + file)
        }
    }

    @Test func reflowedJSONHasOneValueALineAndKeepsKeyOrder() {
        let compact = #"{"b":[1,{"x":"a,\"[b]\":"},[]],"a":{},"c":null}"#
        let expected = """
            {
              "b": [
                1,
                {
                  "x": "a,\\"[b]\\":"
                },
                []
              ],
              "a": {},
              "c": null
            }

            """
        #expect(Snapshot.reflowJSON(compact) == expected)
        #expect(Snapshot.reflowJSON(Snapshot.reflowJSON(compact)) == expected)
    }

    @Test func theLineDiffShowsTheFirstDifferenceWithContext() {
        let expected = "a\nb\nc\nd\ne\nf\ng\n"
        let actual = "a\nb\nc\nD\ne\nf\ng\n"
        #expect(Snapshot.lineDiff(expected: expected, actual: actual, context: 2).split(separator: "\n") == [
            "      2 | b",
            "      3 | c",
            "-     4 | d",
            "+     4 | D",
            "      5 | e",
            "      6 | f",
        ])
    }
}
