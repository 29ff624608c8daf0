/// Where the site's content lives on GitHub, from site.yml's `repository`, `branch` and
/// `content_folder`: what the "Suggest an edit", "Report a problem" and "Add your
/// card" links of the site open.
public struct Repository: Sendable, Equatable {
    /// `https://github.com/OWNER/NAME`, with no trailing slash.
    public var url: String
    /// The branch pull requests go to.
    public var branch: String
    /// The content folder's path inside the repository, with no leading or trailing
    /// slash; empty when the content is the repository's top folder.
    public var contentFolder: String

    /// Creates a repository setting.
    public init(url: String, branch: String = "main", contentFolder: String = "content") {
        self.url = url
        self.branch = branch
        self.contentFolder = contentFolder
    }

    /// True for `https://github.com/OWNER/NAME` (an optional trailing slash or `.git`
    /// aside), with GitHub's characters for owner and repository names.
    public static func isGitHubAddress(_ s: String) -> Bool {
        let prefix = "https://github.com/"
        guard s.hasPrefix(prefix) else { return false }
        var rest = Substring(s.dropFirst(prefix.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if rest.hasSuffix(".git") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let owner = parts[0], name = parts[1]
        let ownerOK = !owner.isEmpty && owner.count <= 39 && owner.first != "-"
            && owner.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        let nameOK = !name.isEmpty && name.count <= 100 && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        return ownerOK && nameOK
    }

    /// `https://github.com/OWNER/NAME` from an address `isGitHubAddress` accepts.
    public static func normalized(_ s: String) -> String {
        var out = Substring(s)
        if out.hasSuffix("/") { out = out.dropLast() }
        if out.hasSuffix(".git") { out = out.dropLast(4) }
        return String(out)
    }

    /// True for a branch name git and GitHub accept and a URL can carry as it is:
    /// letters, digits and `-_./`, no `..`, no leading or trailing `/` or `.`.
    public static func isBranchName(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 200 && !s.contains("..") && !s.contains("//")
            && !s.hasPrefix("/") && !s.hasSuffix("/") && !s.hasPrefix(".") && !s.hasSuffix(".") && !s.hasPrefix("-")
            && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./".unicodeScalars.contains($0)) }
    }

    /// True for a folder path inside a repository: `.` for the top, or parts of
    /// letters, digits and `-_.` joined by `/`, none of them `.` or `..`.
    public static func isFolderPath(_ s: String) -> Bool {
        if s == "." { return true }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        return !s.isEmpty && s.count <= 200 && parts.allSatisfy { part in
            !part.isEmpty && part != "." && part != ".." && !part.hasPrefix(".")
                && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        }
    }
}
