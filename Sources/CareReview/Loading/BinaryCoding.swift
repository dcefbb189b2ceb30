/// Primitives of our private binary cache format: unsigned LEB128 varints,
/// zigzag varints for signed numbers, length-prefixed UTF-8 strings, and a
/// 0/1 byte ahead of an optional value. Hand-written because the format is
/// ours alone (never exchanged), and it must be fast to read.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ other: [UInt8]) { bytes += other }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        varint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))   // zigzag: small negatives stay short
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func hash(_ h: ContentHash) {
        fixed64(h.high)
        fixed64(h.low)
    }

    mutating func string(_ s: String) {
        varint(UInt64(s.utf8.count))
        bytes += s.utf8
    }

    mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        varint(UInt64(values.count))
        for v in values { write(&self, v) }
    }
}

/// Why cached bytes could not be read back; the caller falls back to a full load.
struct BinaryDecodingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct BinaryReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) { self.bytes = bytes; self.offset = offset }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(BinaryDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw BinaryDecodingError("truncated at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func raw(_ count: Int) throws(BinaryDecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw BinaryDecodingError("truncated at byte \(offset)") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func varint() throws(BinaryDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw BinaryDecodingError("varint too long at byte \(offset)") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(BinaryDecodingError) -> Int {
        let z = try varint()
        let v = Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        guard let n = Int(exactly: v) else { throw BinaryDecodingError("number out of range") }
        return n
    }

    /// A count of items that follow; bounded by the bytes left, so a corrupt
    /// count cannot make us reserve absurd amounts of memory.
    mutating func count() throws(BinaryDecodingError) -> Int {
        let n = try varint()
        guard n <= UInt64(bytes.count - offset) else { throw BinaryDecodingError("implausible count \(n) at byte \(offset)") }
        return Int(n)
    }

    mutating func fixed64() throws(BinaryDecodingError) -> UInt64 {
        let slice = try raw(8)
        var v: UInt64 = 0
        for (k, b) in slice.enumerated() { v |= UInt64(b) << (8 * UInt64(k)) }
        return v
    }

    mutating func hash() throws(BinaryDecodingError) -> ContentHash {
        let high = try fixed64()
        return ContentHash(high: high, low: try fixed64())
    }

    mutating func string() throws(BinaryDecodingError) -> String {
        let n = try count()
        let start = offset
        _ = try raw(n)
        let decoded = bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[start..<start + n]), as: UTF8.self)
        }
        guard let decoded else { throw BinaryDecodingError("invalid UTF-8 at byte \(start)") }
        return decoded
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws(BinaryDecodingError) -> T) throws(BinaryDecodingError) -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        case let b: throw BinaryDecodingError("bad optional marker \(b) at byte \(offset - 1)")
        }
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws(BinaryDecodingError) -> T) throws(BinaryDecodingError) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    /// A value of a controlled vocabulary, stored by its raw value.
    mutating func word<T: RawRepresentable>(_ type: T.Type) throws(BinaryDecodingError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else { throw BinaryDecodingError("unknown \(T.self) '\(text)'") }
        return value
    }
}
