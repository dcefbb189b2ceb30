import Foundation

/// Case-, accent- and quote-insensitive text folding and word splitting,
/// shared by search and name resolution.
public enum TextFolding {
    /// Lowercased, accents removed, curly quotes made straight.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let straightened = String(String.UnicodeScalarView(text.unicodeScalars.map(QuoteAnchor.straighten)))
        return straightened.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Only letters and digits, folded: "Article 39" and "article-39" both give "article39".
    public static func compact(_ text: String) -> String {
        String(String.UnicodeScalarView(fold(text).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// A word of a text: its folded form and where it is, in scalar offsets.
    public struct Word: Sendable, Equatable {
        public let folded: String
        public let range: Range<Int>
    }

    /// Splits text into words of letters and digits (apostrophes and other
    /// punctuation separate words), with scalar offsets into the text.
    public static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var ascii = true
        var offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            let raw = String(current)
            words.append(Word(folded: ascii ? raw.lowercased() : fold(raw), range: start..<offset))
            current = String.UnicodeScalarView()
            ascii = true
        }
        for s in text.unicodeScalars {
            let isWordScalar: Bool
            if s.isASCII {
                let v = s.value
                isWordScalar = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                isWordScalar = s.properties.isAlphabetic || s.properties.numericType != nil
                    || s.properties.generalCategory == .nonspacingMark
            }
            if isWordScalar {
                if current.isEmpty { start = offset }
                if !s.isASCII { ascii = false }
                current.append(s)
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return words
    }
}
