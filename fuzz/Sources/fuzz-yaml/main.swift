import YAML

/// libFuzzer entry point: any bytes, as text, through the YAML parser and its limits.
/// A thrown YAMLError is an answer, not a failure; only a crash, a leak or a hang is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        if let node = try YAMLParser.parse(text) {
            _ = node.kindDescription
        }
    } catch {
        // Every error must point inside the text (or at its first line).
        precondition(error.mark.line >= 1 && error.mark.column >= 1, "YAML error at \(error.mark)")
    }
    return 0
}
