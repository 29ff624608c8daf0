public import Content

/// The region tree the in-memory test directories use:
/// uk-wide ⊃ england ⊃ {london, north-west}, and uk-wide ⊃ scotland.
public let sampleRegions: [Region] = [
    Region(slug: "england", name: "England", within: "uk-wide"),
    Region(slug: "london", name: "London", within: "england"),
    Region(slug: "north-west", name: "North West", within: "england"),
    Region(slug: "scotland", name: "Scotland", within: "uk-wide"),
    Region(slug: "uk-wide", name: "UK-wide"),
]
