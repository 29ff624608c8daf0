internal import Support
internal import Foundation
internal import Mustache

/// A problem with a theme: a missing folder or a template that does not parse.
public struct ThemeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
}

/// A theme's compiled templates and its assets, with the default theme filling any gaps.
public struct Theme: Sendable {
    /// The templates, compiled once.
    let library: MustacheLibrary
    /// Each template's text as the theme wrote it, for `specialized`.
    let texts: [String: String]
    /// Asset files, by their path under the site root.
    public let assets: [ThemeFile]
    /// The theme's name.
    public let name: String
    /// The words whoswho writes into pages itself, in the site's language.
    public let words: Words

    /// The templates every theme must end up with (from itself or the default theme).
    public static let requiredTemplates = ["layout", "card-item", "guide-item", "home", "cards", "card", "guides", "guide", "topics", "topic",
                                           "topic-region", "regions", "region", "search", "404", "pagination", "entries", "entry"]

    /// Loads `name` from `themesDirectory`, falling back to `default` for every template,
    /// asset or word the theme lacks, with its words in `language` (site.yml's).
    public static func load(themesDirectory: String, name: String, language: String = "en") throws(ThemeError) -> Theme {
        // Later layers override earlier ones, file by file.
        var templates: [String: (text: String, file: String)] = [:]
        let layers = try layers(themesDirectory: themesDirectory, name: name)
        for layer in layers {
            for file in layer.files(in: "templates") where file.path.hasSuffix(".mustache") {
                let text = try file.text()
                templates[String(file.path.dropFirst("templates/".count).dropLast(".mustache".count))] = (text, file.source)
            }
        }
        var library = MustacheLibrary()
        HTMLContent.register
        for (templateName, template) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(HTMLContent.pragma + template.text, named: templateName)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma line is not the theme's: count lines from the template's own first line.
                let place = "\(template.file):\(max(1, error.context.lineNumber - 1)):\(error.context.columnNumber)"
                throw ThemeError(message: "\(place): the template does not parse (\(error.error)): \(error.context.line)")
            } catch {
                throw ThemeError(message: "\(template.file): the template does not parse: \(error)")
            }
        }
        for required in requiredTemplates where templates[required] == nil {
            throw ThemeError(message: "the theme has no '\(required).mustache' template, and neither does the default theme")
        }
        return Theme(library: library, texts: templates.mapValues(\.text),
                     assets: try assets(themesDirectory: themesDirectory, name: name), name: name,
                     words: try Words.load(layers: layers, language: language))
    }

    /// The asset files `load` would give, without reading or compiling any template,
    /// sorted by their path under the site root.
    public static func assets(themesDirectory: String, name: String) throws(ThemeError) -> [ThemeFile] {
        var assets: [String: ThemeFile] = [:]
        for layer in try layers(themesDirectory: themesDirectory, name: name) {
            for file in layer.files(in: "assets") {
                let sitePath = String(file.path.dropFirst("assets/".count))
                assets[sitePath] = ThemeFile(path: sitePath, source: file.source, layer: file.layer, themePath: file.themePath)
            }
        }
        return assets.keys.sorted().compactMap { assets[$0] }
    }

    /// Where a theme is read from, the default theme first; the later overrides the
    /// earlier. The default theme is themes/default when there is one, and otherwise
    /// the one built into the binary.
    static func layers(themesDirectory: String, name: String) throws(ThemeError) -> [ThemeLayer] {
        let fm = FileManager.default
        let defaultDir = themesDirectory + "/default"
        var folders: [ThemeLayer] = [fm.fileExists(atPath: defaultDir + "/templates") ? .folder(defaultDir) : .builtIn]
        if name != "default" {
            let dir = themesDirectory + "/" + name
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                let known = ((try? fm.contentsOfDirectory(atPath: themesDirectory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
                throw ThemeError(message: "no theme '\(name)' in \(themesDirectory)/ (themes there: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
            folders.append(.folder(dir))
        }
        return folders
    }

    /// A theme of the given templates (name → text) and no assets, for tests and tools.
    static func compiled(_ templates: [String: String]) throws -> Theme {
        HTMLContent.register
        var library = MustacheLibrary()
        for (name, text) in templates { try library.register(HTMLContent.pragma + text, named: name) }
        return Theme(library: library, texts: templates, assets: [], name: "compiled", words: try Words.load(layers: [.builtIn], language: "en"))
    }

    /// The theme with `statics`, values every page it will render shares, written into
    /// its templates' text (TemplateSpecializer). Output is unchanged; fewer lookups
    /// are left for Mustache. A template that cannot be specialised is kept as it is.
    /// Only the templates named in `only` are specialised (all when it is nil).
    func specialized(_ statics: [String: Any], only: Set<String>? = nil) -> Theme {
        let specializer = TemplateSpecializer(statics: statics)
        var library = self.library
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) where only?.contains(name) ?? true {
            guard let special = specializer.specialize(text) else { continue }
            try? library.register(HTMLContent.pragma + special, named: name)
        }
        return Theme(library: library, texts: texts, assets: assets, name: self.name, words: words)
    }

    /// Every ordinary file under `directory`, as sorted relative paths; links are skipped.
    static func files(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var out: [String] = []
        while let item = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            if item.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            if attributes?[.type] as? FileAttributeType == .typeRegular { out.append(item) }
        }
        return out.sorted()
    }

    /// Renders template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}

/// How `{{name}}` values are escaped: by HTMLText.escape, which escapes the same five
/// characters as swift-mustache's own HTML escaping but by bytes rather than by
/// characters, so it is faster and a combining mark cannot carry a quote past it.
/// Every template starts with a pragma that selects it.
struct HTMLContent: MustacheContentType {
    static let name = "WHOSWHO_HTML"
    /// Put before each template's text, on a line of its own (which Mustache removes).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    /// Registers the content type with swift-mustache, once.
    static let register: Void = MustacheContentTypes.register(HTMLContent(), named: name)

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
