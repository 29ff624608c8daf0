/// Interns terms given as UTF-8 bytes: each distinct term gets a small id, the first
/// time it is seen, without making a String for every occurrence.
///
/// An open-addressing hash table (FNV-1a, linear probing) over one byte arena.
struct TermTable {
    /// Every term's bytes, one after another.
    private var arena: [UInt8] = []
    /// Term id → where its bytes start in `arena`; the last entry is the arena's end.
    private var starts: [Int] = [0]
    /// Slot → term id + 1, or 0 when empty. The count is a power of two.
    private var slots: [Int32]
    private var hashes: [UInt64] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
    }

    /// How many distinct terms there are.
    var count: Int { starts.count - 1 }

    /// The term with id `id`.
    func term(_ id: Int) -> String {
        String(decoding: arena[starts[id]..<starts[id + 1]], as: UTF8.self)
    }

    /// The id of the term `word`, added if new.
    mutating func intern(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let id = entry - 1
            if hashes[id] == hash && equals(id, word) { return id }
            slot = (slot + 1) & mask
        }
        let id = count
        arena.append(contentsOf: word)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], length = starts[id + 1] - start
        guard length == word.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for k in 0..<length where stored[start + k] != word[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<count {
            let hash = hashes[id]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }
}
