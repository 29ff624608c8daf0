internal import Support
public import Content

/// The links from the site into the contribution flow on GitHub, when site.yml names
/// the repository: edit a card's or guide's file in GitHub's web editor, open an
/// issue about a page, or start a new card from the `whoswho new` template.
public struct ContributionLinks: Sendable {
    public let repository: Repository

    public init(repository: Repository) {
        self.repository = repository
    }

    /// The path of a content file inside the repository, URL-encoded.
    func repositoryPath(_ contentFile: String) -> String {
        URLPath.encode(repository.contentFolder.isEmpty ? contentFile : repository.contentFolder + "/" + contentFile)
    }

    /// GitHub's web editor on `contentFile` (`cards/x.md`, relative to the content folder).
    public func edit(_ contentFile: String) -> String {
        "\(repository.url)/edit/\(URLPath.encode(repository.branch))/\(repositoryPath(contentFile))"
    }

    /// A new issue about the page at `address`, made from `contentFile`, pre-filled with
    /// the page's name, file and address.
    func report(name: String, contentFile: String, address: String, words: Words) -> String {
        let title = words(.problemTitle, ["name": name])
        let file = (repository.contentFolder.isEmpty ? "" : repository.contentFolder + "/") + contentFile
        let body = words(.problemBody, ["address": address, "file": file])
        return "\(repository.url)/issues/new?title=\(Self.queryEncode(title))&body=\(Self.queryEncode(body))"
    }

    /// GitHub's new-file editor in the cards folder, pre-filled with `template`.
    public func addCard(template: String) -> String {
        "\(repository.url)/new/\(URLPath.encode(repository.branch))/\(repositoryPath("cards"))"
            + "?filename=\(Self.queryEncode("your-card-name.md"))&value=\(Self.queryEncode(template))"
    }

    /// Percent-encodes every byte outside the unreserved set, for a query value.
    static func queryEncode(_ s: String) -> String {
        URLPath.encode(s).split(separator: "/", omittingEmptySubsequences: false).joined(separator: "%2F")
    }
}
