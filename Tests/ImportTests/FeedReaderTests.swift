import Foundation
@testable import Import
import Testing

/// The forms of saved Open Referral responses are told apart by their shape, and values
/// are read as the card needs them whatever JSON type the feed used.
@Suite struct FeedReaderTests {
    func read(_ json: String) throws(FeedReader.Failure) -> (form: FeedForm, services: [FeedService], source: FeedSource) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("whoswho-feed-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try FeedReader.read(file: path)
    }

    @Test func formsAreToldApartByTheirShape() throws {
        #expect(try read(#"[{"id": "1", "name": "A"}]"#).form == .oruk1List)
        #expect(try read(#"{"content": [{"id": "1", "name": "A"}], "totalElements": 1}"#).form == .oruk1List)
        #expect(try read(#"{"total_items": 1, "page_number": 1, "contents": [{"id": "1", "name": "A"}]}"#).form == .oruk3List)
        #expect(try read(#"{"total_items": 1, "contents": [{"id": "1", "name": "A", "pc_metadata": {}}]}"#).form == .oruk1List)
        #expect(try read(#"[{"id": "1", "name": "A", "schedules": []}]"#).form == .oruk3List)
        #expect(try read(#"{"id": "1", "name": "A"}"#).form == .oruk3Service)
        #expect(try read(#"{"id": "1", "name": "A", "regular_schedules": []}"#).form == .oruk1Service)
        let root = try read(#"{"version": "HSDS-UK-3.0", "publisher": {"name": "A Council"}, "license": {"name": "OGL", "url": "https://x.example"}}"#)
        #expect(root.form == .apiRoot)
        #expect(root.source.publisher == "A Council")
        #expect(root.source.licence == "OGL, https://x.example")
    }

    @Test func whatIsNotAFeedIsAPlainError() {
        #expect(throws: FeedReader.Failure.self) { try read("{not json") }
        #expect(throws: FeedReader.Failure.self) { try read(#"{"hello": "world"}"#) }
        #expect(throws: FeedReader.Failure.self) { try read(#""a string""#) }
    }

    @Test func valuesAreReadWhateverTheirJSONType() throws {
        let s = try read(#"[{"id": 12, "name": " A\u200b  group ", "minimum_age": "16", "maximum_age": 25, "status": true, "extra": false, "more": 2.5}]"#)
            .services[0]
        #expect(s.id == "12")
        #expect(s.name == "A group")
        #expect(s.minimumAge == 16 && s.maximumAge == 25)
        #expect(s.status == "yes")
        #expect(s.facts.contains(FeedFact(path: "extra", value: "no")))
        #expect(s.facts.contains(FeedFact(path: "more", value: "2.5")))
    }

    @Test func whatIsNotReadIsKeptAsFactsWithoutItsIds() throws {
        let s = try read(#"[{"id": "1", "name": "A", "pc_metadata": {"date_created": "2021-01-06"}, "funding": [{"id": "f", "service_id": "1", "source": "Lottery"}]}]"#)
            .services[0]
        #expect(s.facts == [FeedFact(path: "pc_metadata.date_created", value: "2021-01-06"), FeedFact(path: "funding[1].source", value: "Lottery")])
    }
}
