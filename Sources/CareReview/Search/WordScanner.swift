/// Word splitting over UTF-8 bytes by exactly the rules of `TextFolding.words`
/// (a word is a maximal run of ASCII letters and digits, or non-ASCII scalars
/// that are alphabetic, numeric or nonspacing marks), without building a
/// String per scalar or per word. ASCII, the bulk of the corpus, is classified
/// by comparisons; other scalars are decoded and looked up in Unicode
/// properties, memoised for the Basic Multilingual Plane when asked.
struct WordScanner {
    /// Where a word is: byte offsets into the buffer, scalar offsets into
    /// the text, and whether every byte is ASCII.
    struct Span {
        var byteStart = 0, byteEnd = 0
        var scalarStart = 0, scalarEnd = 0
        var ascii = true
    }

    /// BMP scalar value → 0 not yet known, 1 word scalar, 2 not. Empty when
    /// not memoising (a one-off split is cheaper without the 64 KB table).
    private var classes: [UInt8]

    init(memoizing: Bool) {
        classes = memoizing ? [UInt8](repeating: 0, count: 0x10000) : []
    }

    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    @inline(__always)
    private mutating func isWordScalarValue(_ value: UInt32) -> Bool {
        guard value < 0x10000, !classes.isEmpty else { return WordScanner.isWordScalar(Unicode.Scalar(value)!) }
        let known = classes[Int(value)]
        if known != 0 { return known == 1 }
        let word = WordScanner.isWordScalar(Unicode.Scalar(value)!)
        classes[Int(value)] = word ? 1 : 2
        return word
    }

    /// Calls `body` for each word of `bytes` (valid UTF-8), in order.
    @inline(__always)
    mutating func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Span) -> Void) {
        var span = Span()
        var inWord = false
        var i = 0, scalar = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let isWord: Bool
            var length = 1
            if b < 0x80 {
                isWord = WordScanner.isASCIIWordByte(b)
            } else {
                let (value, len) = UTF8Scalar.decode(bytes, at: i)
                length = len
                isWord = isWordScalarValue(value)
            }
            if isWord {
                if !inWord {
                    inWord = true
                    span.byteStart = i
                    span.scalarStart = scalar
                    span.ascii = true
                }
                if b >= 0x80 { span.ascii = false }
            } else if inWord {
                inWord = false
                span.byteEnd = i
                span.scalarEnd = scalar
                body(span)
            }
            i += length
            scalar += 1
        }
        if inWord {
            span.byteEnd = n
            span.scalarEnd = scalar
            body(span)
        }
    }
}

enum UTF8Scalar {
    /// The scalar value whose lead byte (>= 0x80) is at `i`, and its length.
    /// The bytes come from a Swift string, so they are valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0xE0 {
            return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Runs `body` over the text's UTF-8 bytes, copying only if the string
    /// is not stored contiguously (e.g. bridged).
    @inline(__always)
    static func withBytes<R>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }

    @inline(__always)
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body)!
    }
}
