import Foundation
@testable import Render
import Testing

/// The theme compiled into the binary is themes/default, file for file, byte for byte.
@Suite struct BuiltInThemeTests {
    @Test func matchesThemesDefault() throws {
        let folder = FixtureBuild.themes + "/default"
        let onDisk = Theme.files(under: folder)
        #expect(BuiltInTheme.files.map(\.path) == onDisk, "run `make theme` after changing themes/default")
        for (path, text) in BuiltInTheme.files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            #expect(Array(text.utf8) == Array(bytes), "\(path) differs from themes/default; run `make theme`")
        }
    }
}
