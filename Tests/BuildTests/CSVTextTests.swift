@testable import Render
import Testing

/// RFC 4180 fields, the guard against formulas, and the cutting of a table into parts.
@Suite struct CSVTextTests {
    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        #expect(CSVText.text("plain text") == "plain text")
        #expect(CSVText.text("a, b") == "\"a, b\"")
        #expect(CSVText.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.text("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.text("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVText.text("") == "")
        #expect(CSVText.record(["a", "\"b,c\""]) == "a,\"b,c\"\r\n")
    }

    @Test func cellsThatAFormulaCouldStartWithArePrefixed() {
        #expect(CSVText.text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVText.text("+44 20 7946 0000") == "'+44 20 7946 0000")
        #expect(CSVText.text("-1") == "'-1")
        #expect(CSVText.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.text("\t=1") == "'\t=1")
        #expect(CSVText.text("\r=1") == "\"'\r=1\"")
        // Only at the start, and never in a number the build writes.
        #expect(CSVText.text("a=b-c") == "a=b-c")
        #expect(CSVText.number("-3.5") == "-3.5")
    }

    @Test func partsStayWithinTheLimitAndKeepEveryRowInOrder() {
        let rows = [30, 10, 45, 20, 20, 5, 60, 1]
        for limit in [50, 60, 80, 1000] {
            let parts = CSVText.parts(headerBytes: 15, rowBytes: rows, limit: limit)
            #expect(parts.flatMap { Array($0) } == Array(rows.indices), "limit \(limit)")
            for part in parts {
                let size = 15 + part.reduce(0) { $0 + rows[$1] }
                // A row too long for any part (60 here, with the header, at 50 and 60) has one to itself.
                #expect(size <= limit || part.count == 1, "limit \(limit), part \(part)")
                #expect(!part.isEmpty)
            }
            // A part is cut only where the next row would not fit.
            for (part, next) in zip(parts, parts.dropFirst()) {
                #expect(15 + part.reduce(0) { $0 + rows[$1] } + rows[next.lowerBound] > limit, "limit \(limit)")
            }
        }
        #expect(CSVText.parts(headerBytes: 15, rowBytes: rows, limit: 1000) == [0..<8])
        #expect(CSVText.parts(headerBytes: 15, rowBytes: [], limit: 100) == [0..<0])
        #expect(CSVText.partNames("cards", count: 1) == ["cards.csv"])
        #expect(CSVText.partNames("cards", count: 3) == ["cards-1.csv", "cards-2.csv", "cards-3.csv"])
    }
}
