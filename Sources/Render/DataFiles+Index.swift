public import Support
internal import Content

/// index.json version 3 (docs/index-json.md): a small index.json with the site, its
/// topics and regions, the list of the files of entries and the list of the
/// spreadsheets, and the files of entries, each holding a run of cards or guides sorted
/// by slug.
extension DataFiles {
    /// What a file of entries holds.
    public typealias EntryKind = IndexFormat.EntryKind

    /// One file of entries: a run of cards or guides.
    public struct EntryFile: Sendable, Equatable {
        public var kind: EntryKind
        /// Its number among the files of its kind, from 1.
        public var number: Int
        /// The files of its kind.
        public var total: Int
        /// The cards' or guides' indices, in slug order.
        public var entries: Range<Int>
        /// The file's length.
        public var bytes: Int

        /// Its path in the site: `index/cards-1.json`.
        public var path: String { Route.entries(kind: kind.rawValue, number: number).path }
    }

    /// The format's version.
    public static let indexVersion = IndexFormat.version

    /// The bytes of each card and of each guide in index.json, worked out on every core.
    static func entrySizes(of data: DataFiles) async -> (cards: [Int], guides: [Int]) {
        let cards = await Concurrent.map(data.content.cards.count) { data.cardValue($0).bytes().count }
        let guides = await Concurrent.map(data.content.guides.count) { data.guideValue($0).bytes().count }
        return (cards, guides)
    }

    /// The files of entries for entries of these sizes, within `limits`.
    static func entryFiles(cards: [Int], guides: [Int], limits: DataLimits) -> [EntryFile] {
        var files: [EntryFile] = []
        for (kind, sizes) in [(EntryKind.cards, cards), (.guides, guides)] {
            // The head's numbers are not known yet: 96 bytes is more than any head takes.
            let runs = Runs.split(sizes, count: limits.entriesPerFile, bytes: limits.bytesPerFile, separator: 1, overhead: 96)
            for (n, run) in runs.enumerated() {
                let head = entryFileHead(kind: kind, number: n + 1, total: runs.count).utf8.count
                let bytes = head + sizes[run].reduce(0, +) + (run.count - 1) + 2
                files.append(EntryFile(kind: kind, number: n + 1, total: runs.count, entries: run, bytes: bytes))
            }
        }
        return files
    }

    /// A file of entries up to the opening bracket of its list.
    static func entryFileHead(kind: EntryKind, number: Int, total: Int) -> String {
        "{\"version\":\(indexVersion),\"kind\":\"\(kind.rawValue)\",\"page\":\(number),\"total_pages\":\(total),\"\(kind.rawValue)\":["
    }

    /// index.json itself: the site, topics, regions and the files of entries.
    public func index() -> JSONValue {
        let (site, topics, regions) = indexHead()
        let files: [JSONValue] = entryFiles.map { file in
            let slugs = file.entries.map { file.kind == .cards ? content.cards[$0].slug : content.guides[$0].slug }
            return .object([("kind", .string(file.kind.rawValue)), ("url", .string(url(file.path))), ("page", .int(file.number)),
                            ("count", .int(file.entries.count)), ("bytes", .int(file.bytes)),
                            ("first", .string(slugs.first ?? "")), ("last", .string(slugs.last ?? ""))])
        }
        return .object([("version", .int(Self.indexVersion)), ("site", site), ("topics", .array(topics)),
                        ("regions", .array(regions)), ("files", .array(files)), ("spreadsheets", .array(spreadsheets()))])
    }

    /// A file of entries as one value: the same bytes as `entryBytes(of:)`, for tests.
    public func entryValue(of file: EntryFile) -> JSONValue {
        let value = file.kind == .cards ? cardValue : guideValue
        return .object([("version", .int(Self.indexVersion)), ("kind", .string(file.kind.rawValue)), ("page", .int(file.number)),
                        ("total_pages", .int(file.total)), (file.kind.rawValue, .array(file.entries.map(value)))])
    }

    /// A file of entries, written entry by entry into a buffer of its known length.
    func entryBytes(of file: EntryFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(file.bytes)
        out.append(contentsOf: Self.entryFileHead(kind: file.kind, number: file.number, total: file.total).utf8)
        for i in file.entries {
            if i > file.entries.lowerBound { out.append(UInt8(ascii: ",")) }
            (file.kind == .cards ? cardValue(i) : guideValue(i)).write(to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }
}
