internal import Support
internal import Content
internal import Graph

extension PageContext {
    /// A page of the coverage table: regions as rows (with their nesting), topics as
    /// columns, each cell the number of active cards of the topic based in the region or
    /// within it, linked to the topic-by-region page; `gap` marks a zero, said in words
    /// (`words`) for a screen reader. Also the data files to download and the licence.
    func coverage(_ number: Int) -> [String: Any] {
        let lists = renderer.organiserLists, coverage = lists.coverage
        let total = lists.coveragePageCount
        let block = lists.coverageBlock(number)
        let topics = Array(coverage.topics[block.topics]), regions = Array(coverage.regions[block.regions])
        let rows = regions.map { r -> [String: Any] in
            let region = content.regions[r]
            let cells = topics.map { t -> [String: Any] in
                let topic = content.topics[t]
                let count = coverage.active(topic: t, region: r)
                let page = coverage.page(topic: t, region: r)
                let names = ["topic": topic.name, "region": region.name]
                let said = count == 0 ? words(.coverageNone, names) : " " + words(count == 1 ? .coverageOne : .coverageMany, names)
                return ["count": count, "gap": count == 0, "has_page": page != nil, "words": TemplateText(said),
                        "cell_url": TemplateText(page == nil ? "" : Route.topicRegion(topic: topic.slug, region: region.slug).path)]
            }
            return ["name": TemplateText(region.name), "url": TemplateText(Route.region(region.slug).path),
                    "depth": graph.regions.depth[r], "cells": cells]
        }
        let columns = topics.map { Self.link(content.topics[$0].name, Route.topic(content.topics[$0].slug).path) }
        let pairs = coverage.topics.count * coverage.regions.count
        let pagination = Pagination(count: total, size: 1)
        let title = pagination.title(words(.coverageTitle), page: number, words: words)
        let description = words(.coverageDescription, ["site": content.site.title])
        var v = pageValues(title: title, description: description, jsonld: collectionLD(title, description))
        var table: [String: Any] = ["columns": columns, "rows": rows, "pairs": pairs, "covered": coverage.coveredPairs,
                                    "gaps": pairs - coverage.coveredPairs]
        if let first = topics.first, let last = topics.last, total > 1 {
            table["topic_range"] = TemplateText(words(.coverageRange, ["first": content.topics[first].name, "last": content.topics[last].name]))
            table["region_range"] = TemplateText(words(.coverageRange, ["first": content.regions[regions.first ?? 0].name,
                                                                        "last": content.regions[regions.last ?? 0].name]))
        }
        v["coverage"] = table
        v["pagination"] = pagination.values(current: number) { Route.coverage(page: $0).path }
        v["downloads"] = downloads()
        return v
    }

    /// The data files a reader can take away, each with a label, and the data's licence.
    func downloads() -> [String: Any] {
        let csv = renderer.csvFiles
        func files(_ paths: [String], _ label: String) -> [[String: Any]] {
            paths.enumerated().map { k, path in
                Self.link(paths.count == 1 ? label : words(.downloadPart, ["label": label, "number": String(k + 1), "parts": String(paths.count)]), path)
            }
        }
        var values: [String: Any] = [
            "files": files(csv.cardPaths, words(.downloadCards))
                + files(csv.coveragePaths, words(.downloadCoverage))
                + [Self.link(words(.downloadMetadata), CSVFiles.metadataPath),
                   Self.link(words(.downloadIndex), Route.index.path),
                   Self.link(words(.downloadOpenReferral), Route.openReferralRoot.path)],
        ]
        if let licence = content.site.licence { values["licence"] = Self.link(licence.name, licence.url) }
        return values
    }
}
