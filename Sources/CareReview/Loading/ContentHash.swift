/// A 128-bit non-cryptographic hash of some bytes, for recognising a dataset
/// (or one text file) whose bytes have not changed. Not a defence against
/// someone crafting collisions: it only has to tell edits apart.
///
/// The bytes go through four xxHash64-style lanes, 32 bytes per stripe (fast:
/// several GB/s, so hashing every text on each load stays cheap); the lanes
/// are then folded twice, with different rotations, multipliers and
/// finalisers, into two 64-bit halves.
struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    /// 32 lowercase hex digits, as used in cache file names.
    var description: String { hex(high) + hex(low) }

    private func hex(_ x: UInt64) -> String {
        let digits = String(x, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func of(_ bytes: UnsafeRawBufferPointer) -> ContentHash {
        let n = bytes.count
        var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4: UInt64 = 0 &- p1
        var i = 0
        while i + 32 <= n {
            v1 = round(v1, word(bytes, i))
            v2 = round(v2, word(bytes, i + 8))
            v3 = round(v3, word(bytes, i + 16))
            v4 = round(v4, word(bytes, i + 24))
            i += 32
        }
        // Two different folds of the same 256-bit state.
        var a = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
        var b = rotl(v1, 41) &+ rotl(v2, 29) &+ rotl(v3, 53) &+ rotl(v4, 3)
        for v in [v1, v2, v3, v4] {
            a = (a ^ round(0, v)) &* p1 &+ p4
            b = (b ^ round(p5, v)) &* p3 &+ p2
        }
        a = a &+ UInt64(n)
        b = b ^ (UInt64(n) &* p5)
        while i + 8 <= n {
            let w = word(bytes, i)
            a = rotl(a ^ round(0, w), 27) &* p1 &+ p4
            b = rotl(b ^ round(p3, w), 31) &* p2 &+ p5
            i += 8
        }
        while i < n {
            let w = UInt64(bytes[i])
            a = rotl(a ^ (w &* p5), 11) &* p1
            b = rotl(b ^ (w &* p1), 13) &* p4
            i += 1
        }
        return ContentHash(high: xxAvalanche(a), low: murmurFinalise(b))
    }

    static func of(_ bytes: [UInt8]) -> ContentHash {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The hash of a string's UTF-8 bytes (a file's bytes, when it was read as valid UTF-8).
    static func of(_ text: String) -> ContentHash {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) private static func word(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 {
        (x << r) | (x >> (64 - r))
    }

    @inline(__always) private static func round(_ acc: UInt64, _ w: UInt64) -> UInt64 {
        rotl(acc &+ w &* p2, 31) &* p1
    }

    private static func xxAvalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* p2
        h ^= h >> 29; h = h &* p3
        h ^= h >> 32
        return h
    }

    private static func murmurFinalise(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
