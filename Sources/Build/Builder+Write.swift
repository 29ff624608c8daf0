internal import Foundation
internal import Content
internal import Render
internal import Search

extension Builder {
    /// Write: fills a new folder beside the output with every file of the site (the
    /// pages and data files on every core, then the search index once its paths are
    /// claimed, the static files and the theme's assets), and swaps it in only when it
    /// is complete. The published site is untouched when this fails or finds a collision.
    ///
    /// With a session, the folder is the one holding the site two builds back, brought up
    /// to date (`SpareSite`), when the session kept it; a page whose values are as they
    /// were in the last build is not rendered again (`RenderedPages`); and the report
    /// lists the files that changed.
    static func write(_ outputs: SiteOutputs, claims: PathClaims, searchIndex: Task<SearchIndex, Never>,
                      site: LoadedSite, options: BuildOptions, session: SiteSession?) async throws(BuildFailure) -> BuildReport {
        let output = options.outputFolder
        let spare = await session?.takeSpare(for: output)
        let staging: String, wroteMarker: Bool
        if let spare {
            (staging, wroteMarker) = (spare.path, false)
            spare.remove(spare.staleFiles(notIn: claims.owners))
        } else {
            (staging, wroteMarker) = try Staging.create(for: output)
        }
        let publishedFiles = await session?.publishedFiles(in: output)
        do {
            let writer = OutputWriter(staging: staging, published: output, meter: OutputMeter(budget: options.budget, folder: staging),
                                      reused: spare?.files ?? [])
            var report = BuildReport(diagnostics: site.diagnostics)
            if publishedFiles != nil { report.changedFiles = [] }
            report.record(wroteMarker, bytes: OutputFolder.markerText.utf8.count)
            let writing = PageWriting(renderer: outputs.renderer, writer: writer, budget: options.sizeBudget,
                                      last: await session?.lastRendered(), fingerprinting: session != nil,
                                      listingChanges: publishedFiles != nil)
            let written = try await writePagesAndData(outputs, site: site, writing: writing, report: &report)
            // The search index is written like the data files: same collision checks, same linking of unchanged files.
            let index = await searchIndex.value
            let searchFiles = index.files + (options.filePreview ? FilePreviewScripts.scripts(for: index.files) : [])
            var claims = claims
            for file in searchFiles { claims.claim(file.path, by: "the generated \(file.path)") }
            claims.collisions += claims.folderClashes()
            guard claims.collisions.isEmpty else {
                Staging.remove(staging)
                return BuildReport(diagnostics: (site.diagnostics + claims.collisions).sortedForDisplay())
            }
            // Keep the output folder's own top-level dotfiles, like the .gitignore site/ is tracked with.
            let dotFiles = OutputFolder.keptDotFiles(output).filter { claims.owners[$0] == nil }
            let files = Set(claims.owners.keys).union(dotFiles)
            spare?.remove(spare?.lateStaleFiles(notIn: files) ?? [])
            try writer.makeFolders(for: searchFiles.map(\.path))
            for file in searchFiles {
                report.record(try writer.write(file.path, data: file.bytes), path: file.path, bytes: file.bytes.count, budget: options.sizeBudget)
            }
            try copyStaticFilesAndAssets(of: site, writer: writer, report: &report, sizeBudget: options.sizeBudget)
            for name in dotFiles {
                if let keep = try? readFile(output + "/" + name) { _ = try writer.write(name, data: keep) }
            }
            if let publishedFiles { report.changedFiles? += publishedFiles.subtracting(files) }
            report.changedFiles?.sort()
            let built = FileStamp.of(staging, followingLinks: false)
            guard Interruption.holdingSignals({ AtomicSwap.replace(output, with: staging) }) else {
                throw BuildFailure(message: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            await session?.keep(outputs.renderer, options: options)
            // The swap left the replaced site (if any) where the new one was built.
            if let session, await session.published(files, in: output, folder: built, replaced: staging,
                                                    rendered: Dictionary(written.pages, uniquingKeysWith: { a, _ in a })) {
                // The session keeps it, to build the next site in.
            } else if options.removesReplacedSiteLater {
                report.replacedSite = ReplacedSite(path: staging)
            } else {
                Staging.remove(staging)
            }
            report.sizeWarnings = SizeWarning.ordered(report.sizeWarnings)
            report.siteSizeWarning = options.sizeBudget.siteWarning(bytes: report.bytes)
            return report
        } catch let failure as BuildFailure {
            Staging.remove(staging)
            throw failure
        } catch let failure as OutputWriter.Failure {
            Staging.remove(staging)
            throw BuildFailure(message: failure.message)
        } catch {
            Staging.remove(staging)
            throw BuildFailure(message: "\(error)")
        }
    }

    /// Makes the folders of every file but the search index's, then renders and writes
    /// the pages and writes the data files on every core.
    static func writePagesAndData(_ outputs: SiteOutputs, site: LoadedSite, writing: PageWriting,
                                  report: inout BuildReport) async throws -> Written {
        let pageFiles = outputs.pages.map(outputs.renderer.file(of:))
        // A page's or a service record's own folder is made by the task that writes it.
        try writing.writer.makeFolders(for: pageFiles + outputs.servicePaths + outputs.singleFiles + site.content.staticFiles
                                           + site.theme.assets.map(\.path),
                                       deferring: Set((pageFiles + outputs.servicePaths).map(OutputWriter.folder(of:))))
        // The data files are made and written alongside the pages, the largest first,
        // then the open data: its lists, and its service records a chunk at a time.
        let dataJobs = outputs.dataJobs(cores: ProcessInfo.processInfo.activeProcessorCount)
        return try await writePages(outputs.pages, dataJobs: dataJobs, writing: writing, report: &report)
    }

    /// Copies the content's static files and the theme's assets into the new site.
    static func copyStaticFilesAndAssets(of site: LoadedSite, writer: OutputWriter, report: inout BuildReport,
                                         sizeBudget: SizeBudget) throws {
        for file in site.content.staticFiles {
            let bytes = try readFile(site.content.root + "/static/" + file)
            report.record(try writer.write(file, data: bytes), path: file, bytes: bytes.count, budget: sizeBudget)
        }
        for asset in site.theme.assets {
            let bytes = try asset.bytes()
            report.record(try writer.write(asset.path, data: bytes), path: asset.path, bytes: bytes.count, budget: sizeBudget)
        }
    }
}

extension BuildOptions {
    /// The output folder as the build names it: without a trailing `/`.
    var outputFolder: String {
        outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
    }
}
