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
        let needle = normalize(quote.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        // Normalise the text while remembering each output scalar's source offset.
        var hay: [Unicode.Scalar] = []
        var origin: [Int] = []
        var pendingSpace: Int?
        for (offset, s) in text.unicodeScalars.enumerated() {
            if s.properties.isWhitespace { if !hay.isEmpty, pendingSpace == nil { pendingSpace = offset }; continue }
            if let p = pendingSpace { hay.append(" "); origin.append(p); pendingSpace = nil }
            hay.append(straighten(s)); origin.append(offset)
        }
        guard hay.count >= needle.count else { return nil }
        outer: for start in 0...(hay.count - needle.count) {
            for k in 0..<needle.count where hay[start + k] != needle[k] { continue outer }
            return origin[start]..<(origin[start + needle.count - 1] + 1)
        }
        return nil
    }

    /// The text between two scalar offsets; nil when they are out of range.
    public static func slice(_ text: String, _ range: Range<Int>) -> String? {
        let idx = indices(ofScalarOffsets: [range.lowerBound, range.upperBound], in: text)
        guard let a = idx[range.lowerBound], let b = idx[range.upperBound] else { return nil }
        return String(text.unicodeScalars[a..<b])
    }
}
