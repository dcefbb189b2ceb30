/// Finding quotes in document text by Unicode-scalar offsets, comparing them
/// with only whitespace and typographic quote marks normalised.
public enum QuoteAnchor {
    /// Whitespace runs become one space; curly quotes become straight ones.
    /// Leading and trailing whitespace is dropped.
    public static func normalize<S: Sequence>(_ scalars: S) -> [Unicode.Scalar] where S.Element == Unicode.Scalar {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for s in scalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(straighten(s))
        }
        return out
    }

    static func straighten(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: "\""
        default: s
        }
    }

    /// The String.Index of each requested scalar offset, in one pass over the
    /// text's UTF-8 (offsets past the end are absent from the result).
    public static func indices(ofScalarOffsets offsets: [Int], in text: String) -> [Int: String.Index] {
        let wanted = Set(offsets).sorted()
        var result: [Int: String.Index] = [:]
        guard !wanted.isEmpty else { return result }
        var next = 0
        var scalar = 0
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex, next < wanted.count {
            if utf8[i] & 0xC0 != 0x80 {   // the first byte of a scalar
                while next < wanted.count, wanted[next] == scalar { result[scalar] = i; next += 1 }
                scalar += 1
            }
            utf8.formIndex(after: &i)
        }
        while next < wanted.count, wanted[next] == scalar { result[scalar] = utf8.endIndex; next += 1 }
        return result
    }

    /// Scalar offsets of the first occurrence of `quote` in `text` (normalised
    /// comparison), for telling an editor where a misplaced quote really is.
    public static func locate(_ quote: String, in text: String) -> Range<Int>? {
        Finder(text).locate(quote)
    }

    /// A text normalised once, searched for any number of quotes, each in
    /// time linear in the text and the quote (Knuth–Morris–Pratt).
    public struct Finder {
        private var hay: [Unicode.Scalar] = []
        private var origin: [Int] = []   // each normalised scalar's offset in the text

        public init(_ text: String) {
            var pendingSpace: Int?
            for (offset, s) in text.unicodeScalars.enumerated() {
                if s.properties.isWhitespace { if !hay.isEmpty, pendingSpace == nil { pendingSpace = offset }; continue }
                if let p = pendingSpace { hay.append(" "); origin.append(p); pendingSpace = nil }
                hay.append(straighten(s)); origin.append(offset)
            }
        }

        public func locate(_ quote: String) -> Range<Int>? {
            let needle = normalize(quote.unicodeScalars)
            guard !needle.isEmpty, hay.count >= needle.count else { return nil }
            // Failure function: longest proper border of each prefix.
            var border = [Int](repeating: 0, count: needle.count)
            var k = 0
            for i in 1..<max(1, needle.count) {
                while k > 0 && needle[i] != needle[k] { k = border[k - 1] }
                if needle[i] == needle[k] { k += 1 }
                border[i] = k
            }
            k = 0
            for (i, s) in hay.enumerated() {
                while k > 0 && s != needle[k] { k = border[k - 1] }
                if s == needle[k] { k += 1 }
                if k == needle.count {
                    let start = i - needle.count + 1
                    return origin[start]..<(origin[i] + 1)
                }
            }
            return nil
        }
    }

    /// The text between two scalar offsets; nil when they are out of range.
    public static func slice(_ text: String, _ range: Range<Int>) -> String? {
        let idx = indices(ofScalarOffsets: [range.lowerBound, range.upperBound], in: text)
        guard let a = idx[range.lowerBound], let b = idx[range.upperBound] else { return nil }
        return String(text.unicodeScalars[a..<b])
    }
}
