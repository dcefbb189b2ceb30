/// A set of byte strings, each given a dense index in order of first sight,
/// looked up straight from a slice of a UTF-8 buffer: no String is built to
/// ask whether a word has been seen. Open addressing, linear probing; the
/// bytes live in one arena.
struct ByteStringInterner {
    private var slots: [Int32]          // entry index, or -1 when empty
    private var hashes: [UInt64] = []   // per entry, to compare and to grow cheaply
    private var starts: [Int32] = [0]   // entry k is arena[starts[k] ..< starts[k + 1]]
    private var arena: [UInt8] = []

    var count: Int { starts.count - 1 }

    init() { slots = [Int32](repeating: -1, count: 1024) }

    /// The entry for `bytes[start..<end]` with `orMask` ORed into every byte
    /// (0x20 lowercases ASCII letters and leaves digits alone), added if new.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, orMask: UInt8) -> (entry: Int32, isNew: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325   // FNV-1a
        for k in start..<end { hash = (hash ^ UInt64(bytes[k] | orMask)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        let length = end - start
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if hashes[Int(entry)] == hash {
                let from = Int(starts[Int(entry)])
                if Int(starts[Int(entry) + 1]) - from == length, equal(bytes, start, length, orMask, from) {
                    return (entry, false)
                }
            }
            slot = (slot + 1) & mask
        }
        let entry = Int32(count)
        for k in start..<end { arena.append(bytes[k] | orMask) }
        starts.append(Int32(arena.count))
        hashes.append(hash)
        slots[slot] = entry
        if count * 2 > slots.count { grow() }
        return (entry, true)
    }

    @inline(__always)
    private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, _ orMask: UInt8, _ from: Int) -> Bool {
        for k in 0..<length where arena[from + k] != bytes[start + k] | orMask { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    /// The bytes of an entry, decoded (they came from a Swift string, with
    /// at most ASCII case changed, so they are valid UTF-8).
    func string(_ entry: Int32) -> String {
        arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(starts[Int(entry)])..<Int(starts[Int(entry) + 1])]), as: UTF8.self)
        }
    }
}
