import Content
import Foundation
import Graph
@testable import Render
import Testing

/// cards.csv and coverage.csv from the valid fixture: they read back as the content,
/// keep people's contact details out unless asked, and split within the limit.
@Suite struct CSVFilesTests {
    func files(optIn: Bool = false, name: String? = nil, partLimit: Int = CSVFiles.partLimit, base: String? = nil) async throws -> CSVFiles {
        let loaded = try await ContentLoader.load(FixtureBuild.valid.path, today: FixtureBuild.today)
        var content = try #require(loaded.content)
        content.cards[0].details.contactInOpenData = optIn
        if let name { content.cards[1].name = name }
        content.site.licence = DataLicence.known["OGL-UK-3.0"]
        return CSVFiles(graph: await SiteGraph.build(content), options: RenderOptions(baseURL: base, today: FixtureBuild.today),
                        partLimit: partLimit)
    }

    /// Reads RFC 4180 text (after the byte order mark) into records of fields.
    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        #expect(Array(bytes.prefix(3)) == CSVText.byteOrderMark)
        let text = try #require(String(bytes: bytes.dropFirst(3), encoding: .utf8))
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field += "\"" } else { quoted = false; pending = next }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" {
                #expect(scalars.next() == "\n", "a record ends in CR LF")
                record.append(field); records.append(record); record = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        #expect(record.isEmpty && field.isEmpty, "the last record ends in CR LF")
        return records
    }

    func rows(_ csv: CSVFiles, _ path: String) throws -> [String: [String: String]] {
        let records = try Self.parse(csv.bytes(of: path))
        let header = try #require(records.first)
        #expect(header == CardsCSV.columns.map(\.0))
        return Dictionary(uniqueKeysWithValues: records.dropFirst().map { r in
            #expect(r.count == header.count)
            return (r[0], Dictionary(uniqueKeysWithValues: zip(header, r)))
        })
    }

    @Test func aPersonsContactIsInCardsCSVOnlyWhenTheCardSaysSo() async throws {
        let withheld = try rows(try await files(), "cards.csv")
        #expect(withheld["ada-example"]?["email"] == "")
        #expect(withheld["ada-example"]?["phone"] == "")
        #expect(withheld["ada-example"]?["website"] == "")
        #expect(withheld["carers-circle"]?["phone"] == "0131 496 0000")
        let shared = try rows(try await files(optIn: true), "cards.csv")
        #expect(shared["ada-example"]?["email"] == "ada@example.org")
        // A phone number starting with + is a formula to a spreadsheet: it is prefixed.
        #expect(shared["ada-example"]?["phone"] == "'+44 20 7946 0000")
    }

    @Test func textWithCommasQuotesLineBreaksAndFormulasReadsBack() async throws {
        let name = "=cmd|' /C calc'!A0, \"quoted\"\r\nand more"
        let csv = try await files(name: name)
        let slug = csv.graph.content.cards[1].slug
        #expect(try rows(csv, "cards.csv")[slug]?["name"] == "'" + name)
    }

    @Test func aLargeTableIsCutIntoPartsWithinTheLimit() async throws {
        let whole = try await files()
        let wholeBytes = whole.bytes(of: "cards.csv")
        let limit = wholeBytes.count * 3 / 4
        let csv = try await files(partLimit: limit)
        #expect(csv.cardPaths.count > 1)
        #expect(csv.cardPaths == (1...csv.cardPaths.count).map { "cards-\($0).csv" })
        var slugs: [String] = []
        for path in csv.cardPaths {
            let bytes = csv.bytes(of: path)
            #expect(bytes.count <= limit, "\(path)")
            let records = try Self.parse(bytes)
            #expect(records.first == CardsCSV.columns.map(\.0))
            slugs += records.dropFirst().map { $0[0] }
        }
        #expect(slugs == csv.graph.cards.order.map { csv.graph.content.cards[$0].slug })
        // The parts are listed in the metadata, with the licence.
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(csv.bytes(of: CSVFiles.metadataPath))) as? [String: Any])
        let tables = try #require(metadata["tables"] as? [[String: Any]])
        #expect(tables.compactMap { $0["url"] as? String } == csv.cardPaths + csv.coveragePaths)
        #expect((metadata["dc:license"] as? [String: Any])?["@id"] as? String == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
    }

    /// index.json lists every file of `paths`, split or whole, with its address, length
    /// and rows, with or without a base URL, whether it is given the planned files or plans them.
    @Test(arguments: [nil, FixtureBuild.baseURL])
    func indexJSONListsEverySpreadsheetWithItsLength(base: String?) async throws {
        let whole = try await files()
        let csv = try await files(partLimit: whole.bytes(of: "cards.csv").count * 3 / 4, base: base)
        #expect(csv.cardPaths.count > 1)
        for given in [csv, nil] {
            let data = DataFiles(graph: csv.graph, options: RenderOptions(baseURL: base, today: FixtureBuild.today), csvFiles: given)
            let index = try #require(try JSONSerialization.jsonObject(with: Data(data.bytes(of: "index.json"))) as? [String: Any])
            let listed = try #require(index["spreadsheets"] as? [[String: Any]])
            let planned = given ?? CSVFiles(graph: csv.graph, options: data.options)
            #expect(listed.compactMap { $0["url"] as? String } == planned.paths.map { (base ?? "") + $0 })
            for (entry, path) in zip(listed, planned.paths) {
                let bytes = planned.bytes(of: path)
                #expect(entry["bytes"] as? Int == bytes.count, "\(path)")
                let rows = path.hasSuffix(".csv") ? try Self.parse(bytes).count - 1 : nil
                #expect(entry["rows"] as? Int == rows, "\(path)")
            }
            #expect(listed.compactMap { $0["kind"] as? String }
                    == planned.cardPaths.map { _ in "cards-csv" } + planned.coveragePaths.map { _ in "coverage-csv" } + ["csv-metadata"])
            #expect(listed.compactMap { $0["page"] as? Int }
                    == Array(1...planned.cardPaths.count) + Array(1...planned.coveragePaths.count) + [1])
        }
    }

    @Test func coverageCSVHasEveryTopicInEveryRegion() async throws {
        let csv = try await files()
        let records = try Self.parse(csv.bytes(of: "coverage.csv"))
        #expect(records.first == CoverageCSV.columns.map(\.0))
        let content = csv.graph.content
        #expect(records.count - 1 == content.topics.count * content.regions.count)
        for record in records.dropFirst() {
            let t = try #require(csv.graph.topicIndex[record[1]]), r = try #require(csv.graph.regionIndex[record[3]])
            #expect(record[5] == String(csv.coverage.active(topic: t, region: r)))
            #expect(record[7].isEmpty == (csv.coverage.page(topic: t, region: r) == nil))
        }
    }
}
