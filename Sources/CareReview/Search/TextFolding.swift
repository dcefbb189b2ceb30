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
        var scanner = WordScanner(memoizing: false)
        UTF8Scalar.withBytes(of: text) { bytes in
            scanner.forEachWord(in: bytes) { span in
                let raw = UnsafeBufferPointer(rebasing: bytes[span.byteStart..<span.byteEnd])
                // ASCII letters lowercase by setting 0x20, which digits already have.
                let folded = span.ascii
                    ? String(unsafeUninitializedCapacity: raw.count) { out in
                        for k in raw.indices { out[k] = raw[k] | 0x20 }
                        return raw.count
                    }
                    : fold(String(decoding: raw, as: UTF8.self))
                words.append(Word(folded: folded, range: span.scalarStart..<span.scalarEnd))
            }
        }
        return words
    }
}
