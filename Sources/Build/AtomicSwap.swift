internal import Foundation

/// Puts a finished folder in place of the published one in a single step.
enum AtomicSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2(2), looked up at run time since Swift's Glibc module does not
    /// export it; nil on systems without it.
    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let renameExchange: UInt32 = 1 << 1

    /// Replaces `target` with `staging`. Where the kernel can exchange two paths
    /// atomically (RENAME_EXCHANGE), readers see the old folder or the new one, never
    /// neither; the old folder ends up at `staging` for the caller to remove.
    /// Returns false if nothing was moved.
    static func replace(_ target: String, with staging: String) -> Bool {
        var st = stat()
        guard lstat(target, &st) == 0 else {
            return rename(staging, target) == 0
        }
        if let renameat2, renameat2(AT_FDCWD, staging, AT_FDCWD, target, renameExchange) == 0 {
            return true
        }
        // Fallback: move the old folder aside, then the new one in.
        let aside = staging + ".old"
        guard rename(target, aside) == 0 else { return false }
        guard rename(staging, target) == 0 else {
            _ = rename(aside, target)
            return false
        }
        return rename(aside, staging) == 0
    }
}
