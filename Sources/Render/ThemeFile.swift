internal import Foundation

/// Where a layer of a theme comes from: a folder under themes/, or the default theme
/// built into the binary (`BuiltInTheme`).
enum ThemeLayer: Sendable, Equatable {
    case folder(String)
    case builtIn

    /// The layer's files under `subfolder` (`templates` or `assets`), sorted, with
    /// their paths under the theme (`assets/style.css`).
    func files(in subfolder: String) -> [ThemeFile] {
        switch self {
        case .folder(let folder):
            return Theme.files(under: folder + "/" + subfolder).map { file in
                let themePath = subfolder + "/" + file
                return ThemeFile(path: themePath, source: folder + "/" + themePath, layer: self, themePath: themePath)
            }
        case .builtIn:
            return BuiltInTheme.files.filter { $0.path.hasPrefix(subfolder + "/") }.map { file in
                ThemeFile(path: file.path, source: "whoswho's built-in default theme (\(file.path))", layer: self, themePath: file.path)
            }
        }
    }
}

/// One file of a theme: a template or an asset, on disk or built in.
public struct ThemeFile: Sendable {
    /// For an asset, its path under the site root; for a template, under the theme.
    public let path: String
    /// Where it comes from, for messages: a path on disk, or the built-in theme.
    public let source: String
    let layer: ThemeLayer
    /// Its path under the theme's folder.
    let themePath: String

    /// The file's bytes.
    public func bytes() throws(ThemeError) -> [UInt8] {
        switch layer {
        case .folder:
            guard let data = FileManager.default.contents(atPath: source) else {
                throw ThemeError(message: "cannot read \(source)")
            }
            return [UInt8](data)
        case .builtIn:
            guard let file = BuiltInTheme.files.first(where: { $0.path == themePath }) else {
                throw ThemeError(message: "whoswho's built-in default theme has no \(themePath)")
            }
            return Array(file.text.utf8)
        }
    }

    /// The file as text.
    func text() throws(ThemeError) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }
}
