/// The small encodings the index files use: LEB128 varints, JSON strings and a hash.
enum ByteWriter {
    /// Appends `value` (not negative) as an unsigned LEB128 varint: seven bits a byte,
    /// low bits first, the high bit set on every byte but the last.
    static func varint(_ value: Int, into out: inout [UInt8]) {
        precondition(value >= 0, "varints are never negative")
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// FNV-1a (64-bit) over every file's path and bytes, in hex: changes whenever any
    /// index file does, so browsers never mix pieces of two builds.
    static func fnv1a(_ files: [SearchIndex.File]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for file in files.sorted(by: { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }) {
            for b in file.path.utf8 { add(b) }
            add(0)
            for b in file.bytes { add(b) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let b = byte() {
            value |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return Int(value) }
            shift += 7
            if shift > 56 { return nil }
        }
        return nil
    }
}
