internal import Foundation
internal import Content
internal import Render
internal import Search

extension Builder {
    /// Write: fills a new folder beside the output with every file of the site (the
    /// pages and data files on every core, then the search index once its paths are
    /// claimed, the static files and the theme's assets), and swaps it in only when it
    /// is complete. The published site is untouched when this fails or finds a collision.
    static func write(_ outputs: SiteOutputs, claims: PathClaims, searchIndex: Task<SearchIndex, Never>,
                      site: LoadedSite, options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let output = options.outputDirectory.hasSuffix("/") ? String(options.outputDirectory.dropLast()) : options.outputDirectory
        let (staging, wroteMarker) = try Staging.create(for: output)
        do {
            let writer = OutputWriter(staging: staging, published: output, meter: OutputMeter(budget: options.budget, folder: staging))
            var report = BuildReport(diagnostics: site.diagnostics)
            report.record(wroteMarker, bytes: OutputFolder.markerText.utf8.count)
            report = try await writePagesAndData(outputs, site: site, writer: writer, report: report, sizeBudget: options.sizeBudget)
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
            try writer.makeFolders(for: searchFiles.map(\.path))
            for file in searchFiles {
                report.record(try writer.write(file.path, data: file.bytes), path: file.path, bytes: file.bytes.count, budget: options.sizeBudget)
            }
            try copyStaticFilesAndAssets(of: site, writer: writer, report: &report, sizeBudget: options.sizeBudget)
            // Keep the output folder's own top-level dotfiles, like the .gitignore site/ is tracked with.
            for name in OutputFolder.keptDotFiles(output) where claims.owners[name] == nil {
                if let keep = try? readFile(output + "/" + name) { _ = try writer.write(name, data: keep) }
            }
            guard Interruption.holdingSignals({ AtomicSwap.replace(output, with: staging) }) else {
                throw BuildFailure(message: "cannot move the new site into \(output): \(String(cString: strerror(errno)))")
            }
            // The swap left the replaced site (if any) where the new one was built.
            if options.removesReplacedSiteLater {
                report.replacedSite = ReplacedSite(path: staging)
            } else {
                Staging.remove(staging)
            }
            report.sizeWarnings = SizeWarning.ordered(report.sizeWarnings)
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
    static func writePagesAndData(_ outputs: SiteOutputs, site: LoadedSite, writer: OutputWriter, report: BuildReport,
                                  sizeBudget: SizeBudget) async throws -> BuildReport {
        let pageFiles = outputs.pages.map(outputs.renderer.file(of:))
        // A page's or a service record's own folder is made by the task that writes it.
        try writer.makeFolders(for: pageFiles + outputs.servicePaths + outputs.singleFiles + site.content.staticFiles
                                   + site.theme.assets.map(\.path),
                               deferring: Set((pageFiles + outputs.servicePaths).map(OutputWriter.folder(of:))))
        // The data files are made and written alongside the pages, the largest first,
        // then the open data: its lists, and its service records a chunk at a time.
        let dataJobs = outputs.dataJobs(cores: ProcessInfo.processInfo.activeProcessorCount)
        return try await writePages(outputs.pages, dataJobs: dataJobs, renderer: outputs.renderer, writer: writer, report: report,
                                    sizeBudget: sizeBudget)
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
