internal import Support
internal import Foundation

/// Every document's term frequencies by field and field lengths, gathered on every
/// core, with the average length of each field over all documents.
struct FieldStatistics: Sendable {
    /// A term's frequency in each field of one document, by `SearchField` raw value.
    typealias Row = SIMD16<UInt16>

    /// One term's frequency in one field of one document.
    struct Count: Sendable {
        /// The term's id in its part's `terms`.
        var term: Int32
        var field: UInt8
        var frequency: UInt16
    }

    /// What one task gathered from a run of consecutive documents.
    struct Part: Sendable {
        /// Term id → term.
        var terms: [String] = []
        /// The documents' counts, one document after another, grouped by term.
        var counts: [Count] = []
        /// Document (from the part's first) → where its counts end in `counts`.
        var ends: [Int] = []
        /// Document → length in terms of each field.
        var lengths: [[Int]] = []
    }

    /// The parts, in document order.
    var parts: [Part]
    /// Field → average length.
    var averages: [Double]

    static func collect(_ documents: [SearchDocument]) async -> FieldStatistics {
        precondition(SearchField.allCases.count <= Row.scalarCount, "a Row holds one frequency per field")
        let count = documents.count
        var parts = await Concurrent.mapChunks(count) { gather(documents[$0]) }
        if parts.isEmpty { parts = [Part()] }
        var averages = [Double](repeating: 0, count: SearchField.allCases.count)
        for part in parts { for l in part.lengths { for f in l.indices { averages[f] += Double(l[f]) } } }
        if count > 0 { averages = averages.map { $0 / Double(count) } }
        return FieldStatistics(parts: parts, averages: averages)
    }

    /// Tokenises a run of documents, interning terms so that each occurrence costs a
    /// hash of its bytes, not a String.
    static func gather(_ documents: ArraySlice<SearchDocument>) -> Part {
        var part = Part()
        var table = TermTable()
        // Term id → its row in `rows` for the current document, or -1.
        var rowOf: [Int32] = []
        var rows: [Row] = []
        var seen: [Int] = []
        for document in documents {
            var lengths = [Int](repeating: 0, count: SearchField.allCases.count)
            for field in SearchField.allCases {
                let f = field.rawValue
                Tokenizer.forEachTerm(in: document.text(field)) { bytes in
                    lengths[f] += 1
                    let id = table.intern(bytes)
                    if id == rowOf.count { rowOf.append(-1) }
                    if rowOf[id] < 0 {
                        rowOf[id] = Int32(rows.count)
                        rows.append(Row())
                        seen.append(id)
                    }
                    let r = Int(rowOf[id])
                    if rows[r][f] < UInt16.max { rows[r][f] += 1 }
                }
            }
            for (r, id) in seen.enumerated() {
                let row = rows[r]
                for f in 0..<SearchField.allCases.count where row[f] > 0 {
                    part.counts.append(Count(term: Int32(id), field: UInt8(f), frequency: row[f]))
                }
                rowOf[id] = -1
            }
            rows.removeAll(keepingCapacity: true)
            seen.removeAll(keepingCapacity: true)
            part.ends.append(part.counts.count)
            part.lengths.append(lengths)
        }
        part.terms = (0..<table.count).map(table.term)
        return part
    }

    /// Every term's postings, in document order, with each posting's impact score.
    func postings() -> [String: [SearchIndex.Posting]] {
        var ids: [String: Int] = [:]
        var terms: [String] = []
        var lists: [[SearchIndex.Posting]] = []
        var document = 0
        for part in parts {
            let global = part.terms.map { term in
                if let id = ids[term] { return id }
                ids[term] = terms.count
                terms.append(term)
                lists.append([])
                return terms.count - 1
            }
            var start = 0
            for (d, end) in part.ends.enumerated() {
                var k = start
                while k < end {
                    let term = part.counts[k].term
                    var row = Row()
                    while k < end && part.counts[k].term == term {
                        row[Int(part.counts[k].field)] = part.counts[k].frequency
                        k += 1
                    }
                    let impact = SearchIndex.impact(row, lengths: part.lengths[d], averages: averages)
                    lists[global[Int(term)]].append(SearchIndex.Posting(document: document, impact: impact))
                }
                start = end
                document += 1
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(terms, lists))
    }
}
