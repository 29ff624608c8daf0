internal import Foundation
internal import Content
internal import Support

/// The folder holding the site that a session's last build replaced, kept to build the
/// next site in. Most of a site is the same from one build to the next, so bringing the
/// site of two builds back up to date (removing the files it no longer has, rewriting the
/// files that changed, linking the published copy of the rest) writes far less than
/// filling a new folder: on a large directory, making its thousands of folders and
/// removing the replaced site's files took most of a preview's rebuild.
///
/// It is still a staging folder: marked as whoswho's, beside the output, removed by a
/// signal or by a build without the session, and swapped in only once complete.
struct SpareSite: Sendable {
    /// The folder.
    let path: String
    /// The output folder it was swapped out of.
    let output: String
    /// Every file in it, relative to it: those of the site it holds.
    let files: Set<String>
    /// The folder's stamp when kept, so that a folder put in its place is not taken for it.
    let folder: FileStamp

    init?(path: String, output: String, files: Set<String>) {
        guard let folder = FileStamp.of(path, followingLinks: false) else { return nil }
        self.path = path
        self.output = output
        self.files = files
        self.folder = folder
    }

    /// True when the folder is still the one kept, and still marked as whoswho's.
    var isIntact: Bool {
        FileStamp.of(path, followingLinks: false)?.isSameFile(as: folder) == true && OutputFolder.isMarked(path)
    }

    /// The files it holds that the new site does not, leaving those the search index
    /// may still claim (its files are claimed once it is built) and the top-level
    /// dotfiles kept from the published site.
    func staleFiles(notIn claimed: [String: String]) -> [String] {
        files.filter { claimed[$0] == nil && !$0.hasPrefix(Route.searchFolder) && !$0.hasPrefix(".") }
    }

    /// The files it holds that the complete new site, `final`, does not, other than those
    /// `staleFiles(notIn:)` gave.
    func lateStaleFiles(notIn final: Set<String>) -> [String] {
        files.filter { !final.contains($0) && ($0.hasPrefix(Route.searchFolder) || $0.hasPrefix(".")) }
    }

    /// Removes `files` from the folder, then every folder they leave empty, deepest first.
    func remove(_ files: [String]) {
        var folders = Set<String>()
        for file in files {
            unlink(path + "/" + file)
            var folder = OutputWriter.folder(of: file)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = OutputWriter.folder(of: folder)
            }
        }
        let deepestFirst = folders.sorted { $0.utf8.count > $1.utf8.count }
        for folder in deepestFirst { rmdir(path + "/" + folder) }
    }
}
