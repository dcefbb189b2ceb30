/// Finds a quote's place in a document's text, as offsets in Unicode scalars
/// (end exclusive): exactly; then with whitespace and quote marks
/// normalised; then, for `reanchor`, approximately, word by word, with a score.
public enum QuoteLocator {
    /// Scalar offsets of every exact occurrence, in reading order.
    public static func exact(_ quote: String, in text: String) -> [Range<Int>] {
        let t = Array(text.unicodeScalars), q = Array(quote.unicodeScalars)
        return find(q, in: t)
    }

    /// Occurrences where runs of whitespace count as one space and curly
    /// quotes and apostrophes as straight ones, mapped back to the text's offsets.
    public static func normalised(_ quote: String, in text: String) -> [Range<Int>] {
        let (t, map) = normalise(Array(text.unicodeScalars))
        let (q, _) = normalise(Array(quote.unicodeScalars))
        guard !q.isEmpty else { return [] }
        return find(q, in: t).map { map[$0.lowerBound]..<(map[$0.upperBound - 1] + 1) }
    }

    /// The best approximate occurrence: the span of the text's words most like
    /// the quote's words (similarity 0…1 by word edit distance), if any reaches `minimum`.
    public static func fuzzy(_ quote: String, in text: String, minimum: Double = 0.75) -> (range: Range<Int>, score: Double)? {
        let tw = words(Array(text.unicodeScalars)), qw = words(Array(quote.unicodeScalars)).map(\.word)
        guard !qw.isEmpty, !tw.isEmpty else { return nil }
        let m = qw.count
        // A span can only reach `minimum` if it shares some words with the quote.
        let vocabulary = Set(qw)
        var best: (range: Range<Int>, score: Double)?
        let slack = max(1, m / 4)
        for start in tw.indices where vocabulary.contains(tw[start].word) || start == 0 {
            for length in max(1, m - slack)...(m + slack) where start + length <= tw.count {
                let span = tw[start..<(start + length)].map(\.word)
                let score = 1 - Double(editDistance(qw, span)) / Double(max(m, length))
                if score >= minimum, score > (best?.score ?? 0) {
                    best = (tw[start].range.lowerBound..<tw[start + length - 1].range.upperBound, score)
                }
            }
        }
        return best
    }

    /// The text between scalar offsets.
    public static func slice(_ text: String, _ r: Range<Int>) -> String {
        let s = text.unicodeScalars
        let a = s.index(s.startIndex, offsetBy: r.lowerBound), b = s.index(a, offsetBy: r.count)
        return String(s[a..<b])
    }

    // MARK: -

    private static func find(_ q: [Unicode.Scalar], in t: [Unicode.Scalar]) -> [Range<Int>] {
        guard !q.isEmpty, q.count <= t.count else { return [] }
        // Knuth–Morris–Pratt: linear in the text, whatever the quote.
        var fail = [Int](repeating: 0, count: q.count)
        var k = 0
        for i in 1..<max(1, q.count) {
            while k > 0 && q[i] != q[k] { k = fail[k - 1] }
            if q[i] == q[k] { k += 1 }
            fail[i] = k
        }
        var hits: [Range<Int>] = []
        k = 0
        for (i, c) in t.enumerated() {
            while k > 0 && c != q[k] { k = fail[k - 1] }
            if c == q[k] { k += 1 }
            if k == q.count {
                hits.append((i - q.count + 1)..<(i + 1))
                k = fail[k - 1]
            }
        }
        return hits
    }

    /// The normalised scalars and, for each, its offset in the original.
    private static func normalise(_ s: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]) {
        var out: [Unicode.Scalar] = [], map: [Int] = []
        var inSpace = false
        for (i, c) in s.enumerated() {
            if c.properties.isWhitespace {
                if !inSpace && !out.isEmpty { out.append(" "); map.append(i) }
                inSpace = true
                continue
            }
            inSpace = false
            out.append(QuoteAnchor.straighten(c)); map.append(i)
        }
        if out.last == " " { out.removeLast(); map.removeLast() }
        return (out, map)
    }

    private struct Word { let word: String; let range: Range<Int> }

    /// Words (letters and digits, folded to lower case) with their scalar ranges.
    private static func words(_ s: [Unicode.Scalar]) -> [Word] {
        var out: [Word] = [], start: Int?
        var current = ""
        for (i, c) in s.enumerated() {
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                if start == nil { start = i }
                current.unicodeScalars.append(c)
            } else if let st = start {
                out.append(Word(word: current.lowercased(), range: st..<i)); start = nil; current = ""
            }
        }
        if let st = start { out.append(Word(word: current.lowercased(), range: st..<s.count)) }
        return out
    }

    private static func editDistance(_ a: [String], _ b: [String]) -> Int {
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(1, b.count) where b.count > 0 {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
