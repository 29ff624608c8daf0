/// Name-based UUIDs (RFC 4122 version 5): the same namespace and name always give the
/// same UUID, so an export's ids stay the same from build to build.
public struct NameBasedUUID: Sendable, Hashable {
    /// The 16 bytes.
    public let bytes: [UInt8]

    /// The UUID of `name` in `namespace`.
    public init(namespace: NameBasedUUID, name: String) {
        var digest = Array(SHA1.digest(namespace.bytes + Array(name.utf8)).prefix(16))
        digest[6] = digest[6] & 0x0F | 0x50
        digest[8] = digest[8] & 0x3F | 0x80
        bytes = digest
    }

    /// Parses `8-4-4-4-12` hexadecimal digits, in either case; nil for anything else.
    public init?(_ text: String) {
        let hex = text.filter { $0 != "-" }
        guard text.count == 36, hex.count == 32 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.bytes = bytes
    }

    /// RFC 4122's namespace for names that are domain names.
    public static let dns = NameBasedUUID(uncheckedBytes: [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8])

    init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }

    /// `8-4-4-4-12` lower-case hexadecimal digits.
    public var text: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
