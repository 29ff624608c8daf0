internal import Markdown
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

    /// The bytes of each entry of each kind in index.json (the cards, the guides, then
    /// each other entry type's), worked out on every core.
    static func entrySizes(of data: DataFiles) async -> [(EntryKind, [Int])] {
        var sizes: [(EntryKind, [Int])] = []
        for kind in data.entryKinds {
            let value = data.entryValue(kind)
            sizes.append((kind, await Concurrent.map(data.entryCount(kind)) { value($0).bytes().count }))
        }
        return sizes
    }

    /// The kinds of entry of the site, in the order of their files.
    var entryKinds: [EntryKind] { EntryKind.standard + content.entries.map { EntryKind(rawValue: $0.type.folder) } }

    /// How many entries of `kind` there are.
    func entryCount(_ kind: EntryKind) -> Int {
        kind == .cards ? content.cards.count : kind == .guides ? content.guides.count : entries(of: kind).all.count
    }

    /// The entries of another entry type.
    func entries(of kind: EntryKind) -> Entries {
        guard let entries = content.entries.first(where: { $0.type.folder == kind.rawValue }) else {
            preconditionFailure("no entry type '\(kind.rawValue)'")
        }
        return entries
    }

    /// How an entry of `kind` is written in index.json, by its index.
    func entryValue(_ kind: EntryKind) -> @Sendable (Int) -> JSONValue {
        if kind == .cards { return cardValue }
        if kind == .guides { return guideValue }
        let entries = entries(of: kind)
        return { otherEntryValue(entries, $0) }
    }

    /// The slug of the entry of `kind` at `i`.
    func slug(_ kind: EntryKind, _ i: Int) -> String {
        kind == .cards ? content.cards[i].slug : kind == .guides ? content.guides[i].slug : entries(of: kind).all[i].slug
    }

    /// An entry of another entry type: its slug and page, its fields as written (dates
    /// as YYYY-MM-DD, yes or no as true or false, lists as arrays), then its body.
    func otherEntryValue(_ entries: Entries, _ i: Int) -> JSONValue {
        let entry = entries.all[i]
        var pairs: [(String, JSONValue)] = [("slug", .string(entry.slug)), ("url", .string(url(Route.entry(entries.type.folder, entry.slug).path)))]
        for field in entries.type.fields.all {
            switch entry.values[field.name] {
            case .text(let text)?: pairs.append((field.name, .string(text)))
            case .date(let date)?: pairs.append((field.name, .string(date.description)))
            case .yesNo(let yes)?: pairs.append((field.name, .bool(yes)))
            case .list(let items)?: pairs.append((field.name, strings(items)))
            case nil: break
            }
        }
        pairs.append(("body_html", .string(entry.body.html)))
        return .object(pairs)
    }

    /// The files of entries for entries of these sizes, by kind, within `limits`.
    static func entryFiles(_ sizesByKind: [(EntryKind, [Int])], limits: DataLimits) -> [EntryFile] {
        var files: [EntryFile] = []
        for (kind, sizes) in sizesByKind {
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
            let slugs = file.entries.map { slug(file.kind, $0) }
            return .object([("kind", .string(file.kind.rawValue)), ("url", .string(url(file.path))), ("page", .int(file.number)),
                            ("count", .int(file.entries.count)), ("bytes", .int(file.bytes)),
                            ("first", .string(slugs.first ?? "")), ("last", .string(slugs.last ?? ""))])
        }
        return .object([("version", .int(Self.indexVersion)), ("site", site), ("topics", .array(topics)),
                        ("regions", .array(regions)), ("files", .array(files)), ("spreadsheets", .array(spreadsheets()))])
    }

    /// A file of entries as one value: the same bytes as `entryBytes(of:)`, for tests.
    public func entryValue(of file: EntryFile) -> JSONValue {
        let value = entryValue(file.kind)
        return .object([("version", .int(Self.indexVersion)), ("kind", .string(file.kind.rawValue)), ("page", .int(file.number)),
                        ("total_pages", .int(file.total)), (file.kind.rawValue, .array(file.entries.map(value)))])
    }

    /// A file of entries, written entry by entry into a buffer of its known length.
    func entryBytes(of file: EntryFile) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(file.bytes)
        out.append(contentsOf: Self.entryFileHead(kind: file.kind, number: file.number, total: file.total).utf8)
        let value = entryValue(file.kind)
        for i in file.entries {
            if i > file.entries.lowerBound { out.append(UInt8(ascii: ",")) }
            value(i).write(to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }
}
