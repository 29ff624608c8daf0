internal import Support
internal import Foundation
internal import YAML

/// A problem that stops the loader before it can check anything: the content
/// folder is missing or unreadable. The command line exits 2 for these.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// There is no content folder where one was looked for; says how to point at one.
    public static func noContentFolder(_ directory: String) -> LoadFailure {
        LoadFailure("no content folder at '\(directory)'; run whoswho from the project's folder (the one that holds content/), or name the folder with --content DIR")
    }
}

/// What loading a content folder gives: the content when it has no errors, and every diagnostic.
public struct LoadResult: Sendable {
    /// The checked content; nil when any diagnostic is an error.
    public var content: Content?
    /// Every error and warning, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The files under static/, relative to it, whether or not the content has errors
    /// (so a later check, such as against a theme's files, can report in the same pass).
    public var staticFiles: [String] = []
    /// The theme site.yml names ("default" when it names none or cannot be read).
    public var theme: String = "default"
    /// The files read and parsed, for the next load to reuse; nil unless the load was
    /// given the last load's (`reusing`).
    public var documents: ParsedDocuments?
}

/// Reads and checks a content folder: the first phase of every command.
public enum ContentLoader {
    /// Loads the content folder at `directory`, parsing files on every core.
    ///
    /// - Parameters:
    ///   - directory: the content folder, as the user named it; file paths in
    ///     diagnostics start with it.
    ///   - today: the date stale-card warnings are measured from.
    ///   - renderHTML: false when the cards and guides are wanted without their pages'
    ///     HTML: bodies are parsed and their links and headings checked, but no HTML is made.
    ///   - diagnosticsOnly: true when only the diagnostics are wanted (`whoswho check`):
    ///     every check is made as for a build, but no HTML, text or model is kept, and
    ///     the result's `content` is nil.
    ///   - reusing: the files a load of this folder read before, taken again where a
    ///     file's stamp is unchanged; the result's `documents` are then this load's.
    ///   - entryTypes: kinds of entry beyond cards and guides, each read from its own folder.
    public static func load(_ directory: String, today: ContentDate, renderHTML: Bool = true,
                            diagnosticsOnly: Bool = false, reusing: ParsedDocuments? = nil,
                            entryTypes: [EntryType] = []) async throws(LoadFailure) -> LoadResult {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            throw LoadFailure.noContentFolder(directory)
        }
        let display: @Sendable (String) -> String = { relative in Self.display(relative, in: directory) }

        var diagnostics: [Diagnostic] = []
        let listing = try list(root: root, entryTypes: entryTypes, display: display, diagnostics: &diagnostics)

        // Site settings and vocabularies.
        let site = try Vocabulary.site(root: root, display: display, diagnostics: &diagnostics)
        let topics = try Vocabulary.terms(root: root, file: "topics.yml", what: "topic", display: display, diagnostics: &diagnostics)
        let regions = try Vocabulary.terms(root: root, file: "regions.yml", what: "region", display: display, diagnostics: &diagnostics)

        // Cards and guides, in parallel.
        let depth: ParseDepth = diagnosticsOnly ? .diagnostics : renderHTML ? .model : .modelWithoutHTML
        let parsed: [ParsedFile]
        var documents: ParsedDocuments?
        if let reusing {
            (parsed, documents) = await parseAll(root: root, directory: directory, files: listing.documents, display: display,
                                                 depth: depth, previous: reusing)
        } else {
            parsed = await parseAll(root: root, files: listing.documents, display: display, depth: depth)
        }
        var cards: [Card] = []
        var guides: [Guide] = []
        var entries = entryTypes.map { Entries(type: $0, all: []) }
        let typeIndex = Dictionary(uniqueKeysWithValues: entryTypes.enumerated().map { ($1.folder, $0) })
        // Every file whose fields could be read, with or without errors of its own: its
        // topics, regions, links and the rest are checked too, so one run reports all.
        var references: [References] = []
        if let unreadable = parsed.first(where: { $0.unreadable != nil })?.unreadable {
            throw LoadFailure("cannot read '\(unreadable)'")
        }
        for result in parsed {
            diagnostics += result.diagnostics
            if let c = result.card {
                references.append(c.references)
                if let card = c.card { cards.append(card) }
            }
            if let g = result.guide {
                references.append(g.references)
                if let guide = g.guide { guides.append(guide) }
            }
            if let e = result.entry, let t = typeIndex[e.references.folder] {
                references.append(e.references)
                if let entry = e.entry { entries[t].all.append(entry) }
            }
        }
        for t in entries.indices { entries[t].all.sort { $0.slug < $1.slug } }
        // Sorted through their slugs: sorting the documents themselves moves whole cards about.
        let cardSlugs = cards.map(\.slug), guideSlugs = guides.map(\.slug)
        cards = cards.indices.sorted { cardSlugs[$0] < cardSlugs[$1] }.map { cards[$0] }
        guides = guides.indices.sorted { guideSlugs[$0] < guideSlugs[$1] }.map { guides[$0] }

        var checker = CrossCheck(display: display, today: today, topics: topics, regions: regions,
                                 references: references, staticFiles: Set(listing.staticFiles),
                                 cardSlugs: listing.cardSlugs, guideSlugs: listing.guideSlugs)
        checker.run()
        diagnostics += checker.diagnostics
        let filesWithErrors = Set(diagnostics.filter(\.isError).map(\.file))
        for r in references where !filesWithErrors.contains(display(r.file)) { diagnostics += r.readerWarnings }
        diagnostics = diagnostics.sortedForDisplay()

        guard !diagnostics.hasErrors, !diagnosticsOnly, let site else {
            return LoadResult(content: nil, diagnostics: diagnostics, staticFiles: listing.staticFiles, theme: site?.theme ?? "default",
                              documents: documents)
        }
        let content = Content(
            site: site, topics: topics.map(\.topic), regions: regions.map(\.region),
            cards: cards, guides: guides, entries: entries, staticFiles: listing.staticFiles, root: root)
        return LoadResult(content: content, diagnostics: diagnostics, staticFiles: listing.staticFiles, theme: site.theme,
                          documents: documents)
    }

    /// The path diagnostics show for `relative`, a path inside the content folder
    /// `directory`: the folder as the user named it, then the path.
    public static func display(_ relative: String, in directory: String) -> String {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        return root == "." ? relative : root + "/" + relative
    }

    /// One card, guide or other entry file to parse.
    struct DocumentFile: Sendable {
        enum Kind: Sendable { case cardMarkdown, cardYAML, guide, entry }
        var relative: String
        var slug: String
        var kind: Kind
        var size: Int
        var stamp: FileStamp
        /// The entry's type, for an `entry`.
        var entryType: EntryType?
    }

    struct Listing {
        var documents: [DocumentFile] = []
        var staticFiles: [String] = []
        var cardSlugs: Set<String> = []
        var guideSlugs: Set<String> = []
    }

    /// Lists cards/, guides/, each entry type's folder and static/, reporting bad names,
    /// links and duplicates.
    static func list(root: String, entryTypes: [EntryType] = [], display: (String) -> String,
                     diagnostics: inout [Diagnostic]) throws(LoadFailure) -> Listing {
        var listing = Listing()
        var inodes: [FileIdentity: String] = [:]
        var cardFiles: [String: String] = [:]
        let types = Dictionary(uniqueKeysWithValues: entryTypes.map { ($0.folder, $0) })
        for folder in ["cards", "guides"] + entryTypes.map(\.folder) {
            let path = root + "/" + folder
            if let info = FileIdentity.lstat(path), info.isSymlink {
                diagnostics.append(Diagnostic(.error, file: display(folder), line: 0, column: 0,
                    message: "\(folder)/ is a symbolic link; it must be an ordinary folder inside the content folder"))
                continue
            }
            guard let entries = FolderListing.entries(path) else {
                if FileManager.default.fileExists(atPath: path) { throw LoadFailure("cannot read the folder '\(display(folder))'") }
                continue
            }
            for entry in entries where !entry.isHidden {
                // A name that is not UTF-8 is no slug: the same error as any other bad name.
                guard let name = entry.name else {
                    diagnostics.append(Diagnostic(.error, file: display(folder + "/" + entry.display), line: 0, column: 0,
                        message: "the file name '\(entry.display)' is not a valid slug",
                        note: Slug.rule + "; this name is not even UTF-8 text (it has the byte 0x\(String(entry.badByte ?? 0, radix: 16, uppercase: true)))"))
                    continue
                }
                let relative = folder + "/" + name
                guard let info = FileIdentity.lstat(root + "/" + relative) else {
                    throw LoadFailure("cannot read '\(display(relative))'")
                }
                if info.isSymlink {
                    diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                        message: "this is a symbolic link; content files must be ordinary files inside the content folder"))
                    continue
                }
                guard info.isRegular else {
                    diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                        message: "\(folder)/ should hold only \(folder == "cards" ? "card files (.md or .yml)" : "\(types[folder].map { $0.singular.lowercased() } ?? "guide") files (.md)"), not folders"))
                    continue
                }
                guard let named = slugAndExtension(of: name, in: folder, relative: relative, display: display,
                                                   diagnostics: &diagnostics) else { continue }
                let (slug, ext) = named
                if let first = inodes[info.identity] {
                    diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                        message: "this file is the same file as '\(display(first))' (a hard link); keep one"))
                    continue
                }
                inodes[info.identity] = relative
                if info.size > ContentLimits.maxFileBytes {
                    diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                        message: "the file is \(info.size) bytes; the most a content file may be is \(ContentLimits.maxFileBytes) bytes (1 MiB)"))
                    continue
                }
                if folder == "cards" {
                    if let other = cardFiles[slug] {
                        diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                            message: "two files for the card '\(slug)': \(display(other)) and \(display(relative)); keep one"))
                        continue
                    }
                    cardFiles[slug] = relative
                    listing.cardSlugs.insert(slug)
                } else if folder == "guides" {
                    listing.guideSlugs.insert(slug)
                }
                let kind: DocumentFile.Kind = types[folder] != nil ? .entry : folder == "guides" ? .guide : (ext == ".yml" ? .cardYAML : .cardMarkdown)
                listing.documents.append(DocumentFile(relative: relative, slug: slug, kind: kind, size: info.size, stamp: info.stamp,
                                                      entryType: types[folder]))
            }
        }
        listing.staticFiles = try listStatic(root: root, display: display, diagnostics: &diagnostics)
        diagnostics += GeneratedPaths.collisions(staticFiles: listing.staticFiles, with: GeneratedPaths.reserved, display: display)
        return listing
    }

    /// The slug and extension of a file in cards/ or guides/; nil, with an error in
    /// `diagnostics`, when its extension is not one the folder holds or its name is no slug.
    static func slugAndExtension(of name: String, in folder: String, relative: String, display: (String) -> String,
                                 diagnostics: inout [Diagnostic]) -> (slug: String, ext: String)? {
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { String(name[$0...]) } ?? ""
        let slug = dot.map { String(name[..<$0]) } ?? name
        let allowed = folder == "cards" ? [".md", ".yml"] : [".md"]
        guard allowed.contains(ext) else {
            diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                message: "'\(name)' should end in \(allowed.joined(separator: " or "))"))
            return nil
        }
        guard Slug.isValid(slug) else {
            var note = Slug.rule
            let lowered = slug.lowercased()
            if Slug.isValid(lowered) { note += "; try '\(lowered)\(ext)'" }
            diagnostics.append(Diagnostic(.error, file: display(relative), line: 0, column: 0,
                message: "the file name '\(name)' is not a valid slug", note: note))
            return nil
        }
        return (slug, ext)
    }

    struct ParsedFile: Sendable {
        var card: ParsedCard?
        var guide: ParsedGuide?
        var entry: ParsedEntry?
        var diagnostics: [Diagnostic] = []
        /// The file's display path when it could not be read: an I/O problem, not a content error.
        var unreadable: String?
    }

    /// Reads and parses every document, on every core.
    static func parseAll(root: String, files: [DocumentFile], display: @escaping @Sendable (String) -> String, depth: ParseDepth) async -> [ParsedFile] {
        await Concurrent.map(files.count, minimumChunk: 16) { parse(root: root, file: files[$0], display: display(files[$0].relative), depth: depth) }
    }

    static func parse(root: String, file: DocumentFile, display: String, depth: ParseDepth) -> ParsedFile {
        guard let bytes = FileIdentity.read(root + "/" + file.relative, limit: ContentLimits.maxFileBytes) else {
            return ParsedFile(unreadable: display)
        }
        return parse(bytes: bytes, file: file, display: display, depth: depth)
    }

    static func parse(bytes: [UInt8], file: DocumentFile, display: String, depth: ParseDepth) -> ParsedFile {
        let source: SourceText
        switch SourceText.decode(bytes, file: display) {
        case .failure(let d): return ParsedFile(diagnostics: [d])
        case .success(let s): source = s
        }
        switch file.kind {
        case .cardMarkdown, .cardYAML:
            let (card, diagnostics) = DocumentParser.card(slug: file.slug, file: file.relative, display: display, source: source, isYAML: file.kind == .cardYAML,
                                                            depth: depth)
            return ParsedFile(card: card, diagnostics: diagnostics)
        case .guide:
            let (guide, diagnostics) = DocumentParser.guide(slug: file.slug, file: file.relative, display: display, source: source,
                                                            depth: depth)
            return ParsedFile(guide: guide, diagnostics: diagnostics)
        case .entry:
            guard let type = file.entryType else { preconditionFailure("an entry file without its type") }
            let (entry, diagnostics) = DocumentParser.entry(of: type, slug: file.slug, file: file.relative, display: display,
                                                            source: source, depth: depth)
            return ParsedFile(entry: entry, diagnostics: diagnostics)
        }
    }
}

/// A file's device and inode, to spot the same file under two names.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    struct Info {
        var isSymlink: Bool
        var isRegular: Bool
        var isDirectory: Bool
        var stamp: FileStamp
        var identity: FileIdentity { FileIdentity(device: stamp.device, inode: stamp.inode) }
        var size: Int { Int(stamp.size) }
    }

    /// `lstat(2)`: information about the path itself, not what a link points to.
    static func lstat(_ path: String) -> Info? {
        var st = stat()
        guard Glibc.lstat(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        return Info(isSymlink: type == S_IFLNK, isRegular: type == S_IFREG, isDirectory: type == S_IFDIR, stamp: FileStamp(st))
    }

    /// Reads at most `limit` bytes of a regular file, refusing to follow a link.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = min(Int(st.st_size), limit)
        var failed = false
        // Read straight into the array's storage: it is not zeroed first.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var got = 0
            while got < size, let base = buffer.baseAddress {
                let n = Glibc.read(fd, base + got, size - got)
                if n < 0 { if errno == EINTR { continue }; failed = true; break }
                if n == 0 { break }
                got += n
            }
            count = got
        }
        return failed ? nil : bytes
    }
}
