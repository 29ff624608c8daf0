internal import Support
internal import Foundation
public import Content
public import Graph

/// The in-browser search index: a pure function of the graph, written as small files
/// under `search/data/` that search.js fetches only as a query needs them.
///
/// The layout and every byte format are described in docs/search.md:
/// - `manifest.json`: counts, facet vocabularies, the first term of each term shard;
/// - `facets.bin`: every document's kind, formats, topics and regions, loaded once;
/// - `terms/N.bin`: term shards in term order, each term with its postings
///   (document id and a one-byte impact score);
/// - `vocab/C.txt`: the words of four letters or more by their first or second
///   letter, for typo tolerance;
/// - `docs/N.json`: what a result shows, a few documents per file.
public struct SearchIndex: Sendable {
    /// One file of the index: its path under the site root and its bytes.
    public struct File: Sendable, Equatable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// One document in a term's postings.
    public struct Posting: Sendable, Equatable {
        /// The document's id: its position in `documents`.
        public var document: Int
        /// The term's BM25 score in the document, in units of `scoreUnit`, 1–255.
        public var impact: UInt8
    }

    /// Where the index lives, from the site root.
    public static let folder = Route.searchFolder
    /// The kind facet's value for guides, after the card kinds.
    static let guideValue = "guide"
    /// BM25's term-frequency saturation.
    public static let k1 = 1.2
    /// The score one step of a posting's impact byte stands for.
    public static let scoreUnit = 0.1
    /// A term shard is cut once it reaches this many bytes (a single term's postings may exceed it).
    public static let termShardBytes = 12_000
    /// The fewest documents in a document-store file; more on big sites, to keep files few.
    public static let minimumDocumentsPerShard = 16
    /// The most document-store files.
    public static let maximumDocumentShards = 600

    /// Every document, in id order.
    public let documents: [SearchDocument]
    /// Every term and its postings, by document id.
    public let postings: [String: [Posting]]
    /// Every term in index order (by UTF-16 code units, as JavaScript compares strings).
    public let terms: [String]
    /// The terms of each term shard.
    public let termShards: [[String]]
    /// Documents per document-store file.
    public let documentsPerShard: Int
    /// The files to write, in path order.
    public let files: [File]

    /// Builds the index from the graph, tokenising documents on every core.
    /// `labels` name the kinds, formats and guides, for the filters and to be searched.
    public static func build(_ graph: SiteGraph, labels: SearchLabels) async -> SearchIndex {
        let documents = SearchDocument.all(graph, labels: labels)
        let stats = await FieldStatistics.collect(documents)
        return SearchIndex(graph: graph, documents: documents, postings: stats.postings(), labels: labels)
    }

    init(graph: SiteGraph, documents: [SearchDocument], postings: [String: [Posting]], labels: SearchLabels) {
        self.documents = documents
        self.postings = postings
        terms = postings.keys.sorted(by: Self.precedes)
        var shards: [[String]] = []
        var current: [String] = []
        var size = 0
        var shardBytes: [[UInt8]] = []
        var buffer: [UInt8] = []
        for term in terms {
            var entry: [UInt8] = []
            Self.encode(term: term, postings: postings[term] ?? [], documentCount: documents.count, into: &entry)
            if !current.isEmpty && size + entry.count > Self.termShardBytes {
                shards.append(current)
                shardBytes.append(buffer)
                current = []
                buffer = []
                size = 0
            }
            current.append(term)
            buffer += entry
            size += entry.count
        }
        if !current.isEmpty {
            shards.append(current)
            shardBytes.append(buffer)
        }
        termShards = shards
        let perShard = max(Self.minimumDocumentsPerShard,
                           (documents.count + Self.maximumDocumentShards - 1) / Self.maximumDocumentShards)
        documentsPerShard = perShard

        var files: [File] = []
        for (i, bytes) in shardBytes.enumerated() {
            var out: [UInt8] = []
            ByteWriter.varint(shards[i].count, into: &out)
            files.append(File(path: Route.searchData("terms/\(i).bin").path, bytes: out + bytes))
        }
        var start = 0
        while start < documents.count {
            let slice = documents[start..<min(documents.count, start + perShard)]
            files.append(File(path: Route.searchData("docs/\(start / perShard).json").path, bytes: Array(Self.documentStore(slice).utf8)))
            start += perShard
        }
        let vocabulary = Self.vocabulary(terms)
        for (key, words) in vocabulary {
            files.append(File(path: Route.searchData("vocab/\(key).txt").path, bytes: Array((words.joined(separator: "\n") + "\n").utf8)))
        }
        files.append(File(path: Route.searchData("facets.bin").path, bytes: Self.facets(documents, entryTypes: graph.content.entries.count)))
        let words = ReaderWords(graph.content)
        if !words.isEmpty { files.append(File(path: Route.searchData(ReaderWords.file).path, bytes: Array(words.json.utf8))) }
        let build = ByteWriter.fnv1a(files)
        files.append(File(path: Route.searchData("manifest.json").path,
                          bytes: Array(Self.manifest(graph: graph, documents: documents, shards: shards, perShard: perShard,
                                                     vocabulary: vocabulary.map(\.key), words: !words.isEmpty, build: build,
                                                     labels: labels).utf8)))
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    // MARK: Scoring

    /// The sum over fields of each field's BM25 term-frequency part times its weight,
    /// in units of `scoreUnit`; at least 1 so every posting counts.
    static func impact(_ frequencies: FieldStatistics.Row, lengths: [Int], averages: [Double]) -> UInt8 {
        var score = 0.0
        for field in SearchField.allCases {
            let tf = Double(frequencies[field.rawValue])
            guard tf > 0 else { continue }
            let b = field.lengthNormalization
            let average = averages[field.rawValue]
            let norm = average > 0 ? 1 - b + b * Double(lengths[field.rawValue]) / average : 1
            score += field.weight * tf * (k1 + 1) / (tf + k1 * norm)
        }
        return UInt8(max(1, min(255, (score / scoreUnit).rounded())))
    }

    // MARK: Order

    /// JavaScript's `<` on strings: by UTF-16 code units.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    // MARK: Encodings (docs/search.md)

    /// A term shard entry: term length and UTF-8 bytes, document frequency, then the
    /// postings' byte length times two plus their form, then the postings in one of two
    /// forms, whichever is smaller:
    /// - list (form 0): each posting as the gap from the previous document id minus one
    ///   (the first from -1) and its impact byte;
    /// - bitmap (form 1), for a term in many documents: one bit per document of the
    ///   index, low bit first, set where the term is, then the impact bytes in id order.
    static func encode(term: String, postings: [Posting], documentCount: Int, into out: inout [UInt8]) {
        let utf8 = Array(term.utf8)
        ByteWriter.varint(utf8.count, into: &out)
        out += utf8
        ByteWriter.varint(postings.count, into: &out)
        var list: [UInt8] = []
        list.reserveCapacity(postings.count * 2)
        var previous = -1
        for p in postings {
            ByteWriter.varint(p.document - previous - 1, into: &list)
            list.append(p.impact)
            previous = p.document
        }
        let bitmapSize = (documentCount + 7) / 8 + postings.count
        if bitmapSize < list.count {
            var bitmap = [UInt8](repeating: 0, count: (documentCount + 7) / 8)
            for p in postings { bitmap[p.document / 8] |= 1 << UInt8(p.document % 8) }
            ByteWriter.varint(bitmapSize * 2 + 1, into: &out)
            out += bitmap
            out += postings.map(\.impact)
        } else {
            ByteWriter.varint(list.count * 2, into: &out)
            out += list
        }
    }

    /// Decodes a term shard file of an index of `documentCount` documents: each term
    /// with its postings; nil if the bytes are not a shard.
    static func decodeShard(_ bytes: [UInt8], documentCount: Int) -> [(term: String, postings: [Posting])]? {
        var reader = ByteReader(bytes: bytes)
        guard let count = reader.varint() else { return nil }
        var out: [(String, [Posting])] = []
        for _ in 0..<count {
            guard let length = reader.varint(), let termBytes = reader.bytes(length),
                let df = reader.varint(), let sizeAndForm = reader.varint()
            else { return nil }
            let end = reader.offset + sizeAndForm / 2
            var postings: [Posting] = []
            if sizeAndForm & 1 == 1 {
                guard let bitmap = reader.bytes((documentCount + 7) / 8) else { return nil }
                for d in 0..<documentCount where bitmap[d / 8] >> UInt8(d % 8) & 1 == 1 {
                    guard let impact = reader.byte() else { return nil }
                    postings.append(Posting(document: d, impact: impact))
                }
            } else {
                var previous = -1
                for _ in 0..<df {
                    guard let gap = reader.varint(), let impact = reader.byte() else { return nil }
                    previous += gap + 1
                    postings.append(Posting(document: previous, impact: impact))
                }
            }
            guard reader.offset == end, postings.count == df else { return nil }
            out.append((String(decoding: termBytes, as: UTF8.self), postings))
        }
        return reader.offset == bytes.count ? out : nil
    }

    /// The card kinds in the kind facet, in their order in `Kind.allCases`; guides follow.
    public static var cardKinds: [Kind] { Kind.allCases }

    /// Bits of a document's facet header that hold its kind: a card's kind, or for the
    /// documents after the cards, 0 for a guide and 1 + the entry type's index for
    /// another entry, on a site with `entryTypes` of them.
    static func kindBits(entryTypes: Int) -> Int {
        var bits = 0
        while (1 << bits) < max(cardKinds.count, 1 + entryTypes) { bits += 1 }
        return bits
    }

    /// Bytes of a document's facet header: the kind, then one bit per format.
    static func headerBytes(entryTypes: Int) -> Int { (kindBits(entryTypes: entryTypes) + Format.allCases.count + 7) / 8 }

    /// Per document: the header (kind index | format bits << kindBits, little-endian),
    /// then its topics and its regions, each a list.
    static func facets(_ documents: [SearchDocument], entryTypes: Int) -> [UInt8] {
        let kindBits = kindBits(entryTypes: entryTypes), headerBytes = headerBytes(entryTypes: entryTypes)
        var out: [UInt8] = []
        out.reserveCapacity(documents.count * 6)
        for d in documents {
            var header = d.kind ?? d.laterKind
            for f in d.formats { header |= 1 << (kindBits + f) }
            for i in 0..<headerBytes { out.append(UInt8(truncatingIfNeeded: header >> (8 * i))) }
            list(d.topics, into: &out)
            list(d.regions, into: &out)
        }
        return out
    }

    /// A list of small integers: a single 0 when empty, else each value as the varint
    /// `(value + 1) × 2 + (1 if it is the last)`.
    static func list(_ values: [Int], into out: inout [UInt8]) {
        guard !values.isEmpty else {
            out.append(0)
            return
        }
        for (i, v) in values.enumerated() {
            ByteWriter.varint((v + 1) * 2 + (i == values.count - 1 ? 1 : 0), into: &out)
        }
    }

    /// A JSON array with one array per document: path, name, summary, excerpt, the
    /// kind's index in the kind facet (guides last), the topic and region indexes, and,
    /// for a card that is not active, its status. A result can be shown from this
    /// alone, before facets.bin has loaded.
    static func documentStore(_ documents: ArraySlice<SearchDocument>) -> String {
        let rows = documents.map { d in
            var fields = [d.path, d.name, d.summary, d.excerpt].map(JSONValue.quoted)
            fields.append(String(d.kind ?? cardKinds.count + d.laterKind))
            fields.append("[" + d.topics.map(String.init).joined(separator: ",") + "]")
            fields.append("[" + d.regions.map(String.init).joined(separator: ",") + "]")
            if let s = d.status { fields.append(JSONValue.quoted(s)) }
            return "[" + fields.joined(separator: ",") + "]"
        }
        return "[" + rows.joined(separator: ",\n") + "]\n"
    }

    /// The words typo tolerance may correct a query word to (four letters or more, no
    /// digit), filed under their first and their second letter: `a`–`z`, or `_` for
    /// any other letter. A word one edit from a query word is under the query word's
    /// first or second letter in one of those two ways.
    static func vocabulary(_ terms: [String]) -> [(key: String, words: [String])] {
        var files: [String: [String]] = [:]
        for term in terms {
            let units = Array(term.utf16)
            guard units.count >= 4, !term.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { continue }
            let keys = Set([vocabularyKey(units[0]), vocabularyKey(units[1])])
            for key in keys { files[key, default: []].append(term) }
        }
        return files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `a`–`z` for those letters, `_` for any other UTF-16 unit.
    static func vocabularyKey(_ unit: UInt16) -> String {
        (0x61...0x7A).contains(unit) ? String(UnicodeScalar(UInt8(unit))) : "_"
    }

    static func manifest(graph: SiteGraph, documents: [SearchDocument], shards: [[String]], perShard: Int,
                         vocabulary: [String], words: Bool, build: String, labels: SearchLabels) -> String {
        let content = graph.content
        let s = JSONValue.quoted
        var kinds = cardKinds.map { "{\"value\":\(s($0.rawValue)),\"label\":\(s(labels.label($0)))}" }
        kinds.append("{\"value\":\(s(guideValue)),\"label\":\(s(labels.guide))}")
        kinds += content.entries.map { "{\"value\":\(s($0.type.folder)),\"label\":\(s($0.type.singular))}" }
        let formats = Format.allCases.map { "{\"value\":\(s($0.rawValue)),\"label\":\(s(labels.label($0)))}" }
        let topics = content.topics.map { "{\"slug\":\(s($0.slug)),\"name\":\(s($0.name))}" }
        let regions = content.regions.indices.map { r in
            "{\"slug\":\(s(content.regions[r].slug)),\"name\":\(s(content.regions[r].name)),\"parent\":\(graph.regions.parent[r].map(String.init) ?? "null")}"
        }
        let cards = documents.filter { $0.kind != nil }.count
        let openCards = documents.filter { $0.kind != nil && $0.status != Status.closed.rawValue }.count
        var out = "{\"version\":1,\n\"build\":\(s(build)),\n"
        out += "\"documents\":\(documents.count),\"cards\":\(cards),\"openCards\":\(openCards),\"documentsPerShard\":\(perShard),\n"
        let types = content.entries.count
        if types > 0 {
            // The guides are the documents after the cards up to `guides` of them; the
            // entries of the `otherKinds` - 1 other types follow. Left out without them.
            out += "\"guides\":\(content.guides.count),\"otherKinds\":\(types + 1),\n"
        }
        out += "\"scoreUnit\":\(scoreUnit),\"kindBits\":\(kindBits(entryTypes: types)),\"headerBytes\":\(headerBytes(entryTypes: types)),\n"
        out += "\"kinds\":[\(kinds.joined(separator: ","))],\n"
        out += "\"formats\":[\(formats.joined(separator: ","))],\n"
        out += "\"topics\":[\(topics.joined(separator: ",\n"))],\n"
        out += "\"regions\":[\(regions.joined(separator: ",\n"))],\n"
        out += "\"vocabulary\":[\(vocabulary.map(s).joined(separator: ","))],\"words\":\(words),\n"
        out += "\"shards\":[\(shards.map { s($0[0]) }.joined(separator: ","))]}\n"
        return out
    }
}
