// swift-tools-version:5.4
import PackageDescription

/// libFuzzer targets for whoswho, one executable per entry point. Built with
/// `swift build -c release -Xswiftc -sanitize=fuzzer,address --package-path fuzz`;
/// run them with fuzz/run.sh. Each target defines `LLVMFuzzerTestOneInput` and no
/// `main` (libFuzzer brings its own), hence `-parse-as-library`.
///
/// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links every executable with
/// `--defsym main=<module>_main`, a symbol that does not exist when libFuzzer owns
/// `main`, and the link fails. The main package keeps its own tools version and
/// Swift 6 language mode; only these four small files are compiled as Swift 5.
let fuzzSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "whoswho-fuzz",
    dependencies: [.package(name: "whoswho", path: "..")],
    targets: [
        .executableTarget(
            name: "fuzz-yaml", dependencies: [.product(name: "WhoswhoKit", package: "whoswho")],
            path: "Sources/fuzz-yaml", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "fuzz-document", dependencies: [.product(name: "WhoswhoKit", package: "whoswho")],
            path: "Sources/fuzz-document", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "fuzz-markdown", dependencies: [.product(name: "WhoswhoKit", package: "whoswho")],
            path: "Sources/fuzz-markdown", swiftSettings: fuzzSettings),
        .executableTarget(
            name: "fuzz-link", dependencies: [.product(name: "WhoswhoKit", package: "whoswho")],
            path: "Sources/fuzz-link", swiftSettings: fuzzSettings),
    ],
)
