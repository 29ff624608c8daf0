// swift-tools-version:6.0
import PackageDescription

/// Settings shared by every Swift target: Swift 6 language mode plus the upcoming
/// features that keep C types and imports from leaking across module boundaries.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "whoswho",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "whoswho", targets: ["whoswho"]),
        /// The pipeline as a library, for the fuzz targets in fuzz/ and for tools.
        .library(name: "WhoswhoKit", targets: ["Support", "YAML", "Markdown", "Content", "Graph", "Search", "Render", "OpenReferral", "Build"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .target(name: "Markdown", dependencies: ["Support", "CCMarkGFM"], swiftSettings: swiftSettings),
        .target(name: "YAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(name: "Support", swiftSettings: swiftSettings),
        .target(name: "Content", dependencies: ["Support", "YAML", "Markdown"], swiftSettings: swiftSettings),
        .target(name: "Graph", dependencies: ["Support", "Content"], swiftSettings: swiftSettings),
        .target(name: "Search", dependencies: ["Support", "Graph", "Content", "Markdown"], swiftSettings: swiftSettings),
        .target(
            name: "Render",
            dependencies: ["Support", "YAML", "Graph", "Content", "Markdown", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings),
        .target(name: "OpenReferral", dependencies: ["Support", "Content", "Graph", "Render", "Markdown"], swiftSettings: swiftSettings),
        .target(name: "Import", dependencies: ["Content", "YAML"], swiftSettings: swiftSettings),
        .target(name: "Build", dependencies: ["Support", "Content", "Graph", "Render", "Search", "OpenReferral"], swiftSettings: swiftSettings),
        .target(name: "Serve", dependencies: ["Support", "Build", "Content", .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")], swiftSettings: swiftSettings),
        .target(name: "Schema", dependencies: ["Support", "Content"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "whoswho",
            dependencies: ["Build", "Content", "Import", "Schema", "Serve", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
        /// Shared by tests: a seeded random number generator and a sample region tree.
        .target(name: "TestSupport", dependencies: ["Content"], path: "Tests/Support", swiftSettings: swiftSettings),
        .testTarget(name: "SupportTests", dependencies: ["Support", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ContentTests", dependencies: ["Content", "YAML", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GraphTests", dependencies: ["Graph", "Content", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Graph", "Content", "Markdown", "Render", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BuildTests", dependencies: ["Support", "Build", "Content", "Graph", "Render", "TestSupport"], exclude: ["__Snapshots__"], swiftSettings: swiftSettings),
        .testTarget(name: "OpenReferralTests", dependencies: ["OpenReferral", "Build", "Content", "Graph", "Render", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Content", "YAML", "Markdown", "Graph", "OpenReferral", "Render", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Build", "Content", "Render"], swiftSettings: swiftSettings),
        .testTarget(name: "whoswhoTests", dependencies: [], swiftSettings: swiftSettings),
        /// A third entry type (events) defined in the test alone, built into a site.
        .testTarget(name: "EntryTypeTests", dependencies: ["Build", "Content", "Search", "Support"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
