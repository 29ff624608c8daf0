import Foundation
import Testing

/// Keeps the site's paths in one place: Sources/Support/Route.swift. Code in the stages
/// that write the site names a route (`Route.card(slug).path`) and never spells a site
/// path itself, so that a change to the scheme (a language prefix, a renamed folder) is
/// one change.
///
/// Content, Import, Schema and the commands are not scanned: the paths they spell are of
/// the content folder (`cards/x.md`) or examples in help text, and they write no site.
/// Comments are skipped.
@Suite struct RouteSpellingTests {
    static let sources = SourceSizeTests.sources
    static let scanned = ["Graph", "Search", "Render", "OpenReferral", "Build", "Serve"]
    static let generated: Set<String> = ["Render/BuiltInTheme.swift"]
    /// A string literal holding a site folder, a list's later page, or a data file's name.
    static let pattern =
        #""[^"\n]*\b(cards|guides|topics|regions|search|coverage|looking-for|evidence|index|oruk)/|/page/\d|"(index\.json|feed\.xml|feed\.json|sitemap\.xml|robots\.txt|404\.html|csv-metadata\.json|_headers|_redirects)"|\.csv""#

    static func spellings(in text: String) -> [String] {
        text.split(separator: "\n").enumerated().compactMap { n, line in
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.hasPrefix("//"), code.range(of: pattern, options: .regularExpression) != nil else { return nil }
            return "\(n + 1): \(code)"
        }
    }

    @Test func theRouteTableSpellsEverySitePath() throws {
        var found: [String] = []
        var scannedFiles = 0
        for module in Self.scanned {
            let folder = Self.sources.appendingPathComponent(module)
            let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".swift") }
            for file in files.sorted() where !Self.generated.contains(module + "/" + file) {
                scannedFiles += 1
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                found += Self.spellings(in: text).map { "\(module)/\(file):\($0)" }
            }
        }
        #expect(scannedFiles > 40)
        #expect(found.isEmpty, "name a Route instead:\n\(found.joined(separator: "\n"))")
    }

    /// The scan sees the spellings it is there to catch, so a pass means something.
    @Test func theScanFindsASpelledPath() {
        #expect(Self.spellings(in: #"let p = "cards/\(slug)/""#).count == 1)
        #expect(Self.spellings(in: #"case "feed.xml": return atom()"#).count == 1)
        #expect(Self.spellings(in: #"first + "/page/2/""#).count == 1)
        #expect(Self.spellings(in: #"let name = part + ".csv""#).count == 1)
        #expect(Self.spellings(in: "/// Written to `cards/x/index.html`.").isEmpty)
        #expect(Self.spellings(in: "let path = Route.card(slug).path").isEmpty)
    }
}
