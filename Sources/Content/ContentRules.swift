internal import Foundation

/// A content folder's topics and regions, read without its cards and guides, so a
/// half-written card does not stop a tool that only needs the vocabularies.
public struct Vocabularies: Sendable {
    /// The topics of topics.yml, sorted by slug; those with errors left out.
    public var topics: [Topic]
    /// The regions of regions.yml, sorted by slug; those with errors left out.
    public var regions: [Region]
    /// Problems found in the two files.
    public var diagnostics: [Diagnostic]

    /// Reads topics.yml and regions.yml from the content folder `directory`.
    public static func load(_ directory: String) throws(LoadFailure) -> Vocabularies {
        let root = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadFailure.noContentFolder(directory)
        }
        let display: (String) -> String = { relative in root == "." ? relative : root + "/" + relative }
        var diagnostics: [Diagnostic] = []
        let topics = try Vocabulary.terms(root: root, file: "topics.yml", what: "topic", display: display, diagnostics: &diagnostics)
        let regions = try Vocabulary.terms(root: root, file: "regions.yml", what: "region", display: display, diagnostics: &diagnostics)
        return Vocabularies(topics: topics.map(\.topic), regions: regions.map(\.region), diagnostics: diagnostics.sortedForDisplay())
    }
}
