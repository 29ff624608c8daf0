/// Bounds on what content can make the site grow to. Content arrives by pull request,
/// so none of them can be raised from the content folder: they live here, and
/// docs/security.md states them. (The build's own output budget is an option of
/// `whoswho build`, which a maintainer sets in the workflow.)
public enum ContentLimits {
    /// The largest content file read, in bytes.
    public static let maxFileBytes = 1 << 20
    /// The largest Markdown body rendered, in bytes. cmark-gfm 0.29.0.gfm.6 (Debian 12's)
    /// takes time that grows with the square of some inputs' length (a long run of
    /// `_www.a` for one); at this size the worst known case renders in about two
    /// seconds, where a 1 MiB body could run for minutes.
    public static let maxBodyBytes = 64 << 10
    /// Topics one card or guide may list: each topic and region of a card puts it on a
    /// topic-by-region page, so the pages a card adds grow with topics × regions.
    public static let topicsPerEntry = 10
    /// Regions one card or guide may list.
    public static let regionsPerEntry = 10
    /// How many levels regions may nest (`uk-wide` → `england` → … is one level each);
    /// every card is listed on the page of each region above its own.
    public static let regionDepth = 6
    /// Topics topics.yml may define.
    public static let topics = 300
    /// Regions regions.yml may define.
    public static let regions = 1_000
    /// Unicode scalars (code points) a text field may hold for each character of its
    /// limit: a 120-character name may hold 480. Lengths are counted in characters as
    /// a reader sees them, and a character may be made of several scalars (an accent,
    /// an emoji with a skin tone, a flag), but 5,000 combining marks on one letter are
    /// still one character; this bounds the bytes.
    public static let scalarsPerCharacter = 4
    /// Combining marks (accents and the like) one character may carry. Real writing
    /// needs a few (Vietnamese two, a Sanskrit conjunct up to six); more are piled up
    /// to spill over the lines around the text.
    public static let marksPerCharacter = 8
    /// How many folders deep static/ may nest files. The walk of static/ goes no deeper;
    /// a folder below is an error, not left out.
    public static let staticDepth = 32
    /// Other names one topic may have: search adds them to every card of the topic.
    public static let aliasesPerTopic = 50
    /// Places one region may list, and postcode prefixes: search loads them all with
    /// the first query.
    public static let placesPerRegion = 200
    public static let postcodesPerRegion = 300
    /// Places one card may list in `locations`: each is a block of its page and a record
    /// in the open data export.
    public static let locationsPerCard = 20
    /// Lines of one place's `address`, without the town and postcode.
    public static let addressLines = 4
    /// Regular meetings one card may list in `meets`.
    public static let meetingsPerCard = 10
    /// Former slugs one card may list: each is a page of the site.
    public static let formerSlugsPerCard = 10
}
