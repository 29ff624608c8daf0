internal import Foundation
internal import Content
internal import Render

extension Builder {
    /// Pages in the order they are handed out, a chunk at a time: first the pages that
    /// list cards, a few at a time, since on a large directory one topic-by-region page
    /// holds thousands of entries; then every card's and guide's own page, in larger
    /// chunks. Handed out the other way round, one core was left working alone through
    /// the biggest pages at the end (five seconds of a 100,000-card build).
    static func chunks(of pages: [Page], cores: Int) -> [ArraySlice<Page>] {
        func isOwnPage(_ page: Page) -> Bool {
            switch page {
            case .card, .guide: return true
            default: return false
            }
        }
        let lists = pages.filter { !isOwnPage($0) }, own = pages.filter(isOwnPage)
        func split(_ pages: [Page], by size: Int) -> [ArraySlice<Page>] {
            stride(from: 0, to: pages.count, by: size).map { pages[$0..<min(pages.count, $0 + size)] }
        }
        return split(lists, by: 4) + split(own, by: max(32, own.count / (max(1, cores) * 16) + 1))
    }

    /// What the tasks that write pages and data files did.
    struct Written: Sendable {
        var files = 0, written = 0, bytes = 0, rendered = 0
        var over: [SizeWarning] = []
        /// Files new or changed since the published site, when asked for.
        var changed: [String] = []
        /// Each page's fingerprint and file, when asked for.
        var pages: [(String, RenderedPages.Page)] = []

        mutating func add(_ other: Written) {
            files += other.files
            written += other.written
            bytes += other.bytes
            rendered += other.rendered
            over += other.over
            changed += other.changed
            pages += other.pages
        }

        mutating func count(_ path: String, bytes: Int, wrote: Bool, budget: SizeBudget, listingChanges: Bool) {
            files += 1
            written += wrote ? 1 : 0
            self.bytes += bytes
            if let warning = budget.warning(path: path, bytes: bytes) { over.append(warning) }
            if wrote && listingChanges { changed.append(path) }
        }
    }

    /// How pages are written: with `last`, a page whose values have the fingerprint
    /// they had in the last build, and whose published file is as that build left it, is
    /// linked rather than rendered again; with `fingerprinting`, each page's
    /// fingerprint is kept for the next build.
    struct PageWriting: Sendable {
        let renderer: SiteRenderer
        let writer: OutputWriter
        let budget: SizeBudget
        let last: RenderedPages?
        let fingerprinting: Bool
        let listingChanges: Bool

        func write(_ pages: ArraySlice<Page>) throws -> Written {
            var done = Written()
            for page in pages {
                let file = renderer.file(of: page)
                let prepared = renderer.prepare(page, fingerprinted: fingerprinting)
                try writer.makeFolder(forFile: file)
                if let kept = last?.kept(file, fingerprint: prepared.fingerprint), try writer.keep(file, stamp: kept.stamp) {
                    done.count(file, bytes: Int(kept.stamp.size), wrote: false, budget: budget, listingChanges: listingChanges)
                    done.pages.append((file, kept))
                    continue
                }
                let html = renderer.render(prepared)
                let wrote = try writer.write(file, text: html)
                done.rendered += 1
                done.count(file, bytes: html.utf8.count, wrote: wrote, budget: budget, listingChanges: listingChanges)
                if let fingerprint = prepared.fingerprint, let stamp = writer.stamp(of: file) {
                    done.pages.append((file, .init(fingerprint: fingerprint, stamp: stamp)))
                }
            }
            return done
        }

        func write(_ job: DataJob) throws -> Written {
            var done = Written()
            for (k, path) in job.paths.enumerated() {
                let bytes = job.make(k)
                if job.makesFolders { try writer.makeFolder(forFile: path) }
                let wrote = try writer.write(path, data: bytes)
                done.count(path, bytes: bytes.count, wrote: wrote, budget: budget, listingChanges: listingChanges)
            }
            return done
        }
    }

    /// Renders and writes pages on every core, in chunks, with the data files as tasks
    /// of their own. Returns what was written, in `report` and as a whole.
    static func writePages(_ pages: [Page], dataJobs: [DataJob], writing: PageWriting,
                           report: inout BuildReport) async throws -> Written {
        var all = Written()
        try await withThrowingTaskGroup(of: Written.self) { group in
            for job in dataJobs { group.addTask { try writing.write(job) } }
            for chunk in chunks(of: pages, cores: ProcessInfo.processInfo.activeProcessorCount) {
                group.addTask { try writing.write(chunk) }
            }
            for try await done in group { all.add(done) }
        }
        report.add(all)
        return all
    }
}

extension BuildReport {
    /// Adds what the tasks that write pages and data files did.
    mutating func add(_ written: Builder.Written) {
        files += written.files
        self.written += written.written
        bytes += written.bytes
        pagesRendered += written.rendered
        sizeWarnings += written.over
        changedFiles? += written.changed
    }
}
