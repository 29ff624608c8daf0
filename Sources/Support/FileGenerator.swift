/// One output of the site whose files are made whole in memory: the paths of its files
/// and the bytes of each. The build lists its generators in one place and writes every
/// file of each alongside the pages, so a new output is one more generator.
public protocol FileGenerator: Sendable {
    /// Its files' paths from the site's root, in the order they are written.
    var paths: [String] { get }
    /// The bytes of one of `paths`, made when asked, so that the files need not be held
    /// in memory beside each other.
    func bytes(of path: String) -> [UInt8]
}
