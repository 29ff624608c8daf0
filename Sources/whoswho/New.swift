public import ArgumentParser
public import Content
import Foundation

/// `whoswho new card|guide SLUG`: writes a ready-to-fill file.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new card or guide with every field, ready to fill in.",
        discussion: """
            The file has a one-line comment on each field and a TODO placeholder in every value you must fill in; \
            `whoswho check` reports each placeholder until it is replaced. An existing file is never overwritten.
            """,
        subcommands: [NewCard.self, NewGuide.self])
}

/// `whoswho new card SLUG`.
struct NewCard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Write content/cards/SLUG.md, ready to fill in.",
        discussion: "Its 'updated' date is --today (default: today).")

    @OptionGroup var options: ContentOptions

    @Argument(help: "The card's slug, which is also its file name and web address, like hiv-peer-mentors.")
    var slug: String

    @Option(help: "What the card describes.")
    var kind: Kind?

    @Option(help: "The name of the person, group, organisation or network.")
    var name: String?

    func validate() throws {
        try NewDocument.validate(slug: slug)
        if let name {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, trimmed.count <= 120 else {
                throw ValidationError("--name should be 1 to 120 characters, not \(trimmed.count)")
            }
            guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
                throw ValidationError("--name should be one line of text, without control characters")
            }
        }
    }

    func run() async throws {
        let text = DocumentTemplate.card(kind: kind, name: name?.trimmingCharacters(in: .whitespaces), updated: options.todayDate)
        try NewDocument.write(text, content: options.content, folder: "cards", slug: slug, taken: [".md", ".yml"])
    }
}

/// `whoswho new guide SLUG`.
struct NewGuide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Write content/guides/SLUG.md, ready to fill in.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "The guide's slug, which is also its file name and web address, like setting-up-peer-support.")
    var slug: String

    func validate() throws {
        try NewDocument.validate(slug: slug)
    }

    func run() async throws {
        try NewDocument.write(DocumentTemplate.guide(updated: options.todayDate), content: options.content, folder: "guides",
                              slug: slug, taken: [".md"])
    }
}

extension Kind: ExpressibleByArgument {}

/// Checking a new file's slug and writing the file without overwriting anything.
enum NewDocument {
    static func validate(slug: String) throws {
        guard Slug.isValid(slug) else {
            var message = "'\(slug)' is not a valid slug: \(Slug.rule)"
            let lowered = slug.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            if Slug.isValid(lowered) { message += "; try '\(lowered)'" }
            throw ValidationError(message)
        }
    }

    /// Writes `text` to `<content>/<folder>/<slug>.md`, refusing when a file with that
    /// slug and any extension in `taken` exists. The file is created with O_EXCL, so a
    /// file made at the same moment is not overwritten either.
    static func write(_ text: String, content: String, folder: String, slug: String, taken: [String]) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageProblem(description: "error: " + LoadFailure.noContentFolder(content).message)
        }
        let directory = content + "/" + folder
        for ext in taken {
            let existing = directory + "/" + slug + ext
            if FileManager.default.fileExists(atPath: existing) || (try? FileManager.default.destinationOfSymbolicLink(atPath: existing)) != nil {
                throw UsageProblem(description: "error: \(existing) already exists; edit it, or choose another slug")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw UsageProblem(description: "error: cannot create the folder \(directory): \(error.localizedDescription)")
        }
        let path = directory + "/" + slug + ".md"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
            throw UsageProblem(description: "error: cannot create \(path): \(reason)")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            throw UsageProblem(description: "error: cannot write \(path): \(error.localizedDescription)")
        }
        print("Wrote \(path)")
        print("Next: replace every value that starts with TODO, then run `whoswho check --content \(content)`.")
    }
}
