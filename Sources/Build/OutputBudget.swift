internal import Foundation

/// The most a build may write: it stops with an error before a site outgrows this, so
/// content that multiplies pages cannot fill the disk, and the published site stays as
/// it was. Set by the maintainer (`whoswho build --max-output-mb/--max-output-files`),
/// never by the content.
public struct OutputBudget: Sendable, Equatable {
    /// Bytes of the whole site, counting files linked unchanged from the published one.
    public var bytes: Int
    /// Files in the site.
    public var files: Int

    /// 8 GiB and a million files: far above a 100,000-card directory (about 4 GB and
    /// 125,000 files today), far below what fills a disk by mistake.
    public static let standard = OutputBudget(bytes: 8 << 30, files: 1_000_000)

    public init(bytes: Int, files: Int) {
        self.bytes = bytes
        self.files = files
    }
}

/// What a build has written so far, shared by the tasks that write.
/// `@unchecked Sendable`: the two counters are only read and changed under `lock`.
final class OutputMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = 0
    private var files = 0
    private var written = 0
    let budget: OutputBudget
    /// Bytes free on the output's file system when the build began, less a reserve.
    let free: Int

    init(budget: OutputBudget, folder: String) {
        self.budget = budget
        var info = statvfs()
        if statvfs(folder, &info) == 0 {
            let available = Int(info.f_bavail) * Int(info.f_frsize)
            // Keep a twentieth of what was free for everything else.
            free = available - available / 20
        } else {
            free = Int.max
        }
    }

    /// Counts one file of `count` bytes, or throws when it takes the site over budget.
    /// `linked` files (hard links to the published copy) cost no disk, only site size.
    func charge(_ count: Int, linked: Bool) throws(OutputWriter.Failure) {
        lock.lock()
        bytes += count
        files += 1
        if !linked { written += count }
        let (b, f, w) = (bytes, files, written)
        lock.unlock()
        if b > budget.bytes {
            throw OutputWriter.Failure(message: "the site would be larger than \(budget.bytes >> 20) MB, the build's limit; nothing was published. "
                + "Content that lists many topics and regions makes many pages; if the site is meant to be this big, raise --max-output-mb")
        }
        if f > budget.files {
            throw OutputWriter.Failure(message: "the site would have more than \(budget.files) files, the build's limit; nothing was published. "
                + "If the site is meant to be this big, raise --max-output-files")
        }
        if w > free {
            throw OutputWriter.Failure(message: "the disk would be nearly full after \(w >> 20) MB of the new site; nothing was published. Free some space and build again")
        }
    }
}
