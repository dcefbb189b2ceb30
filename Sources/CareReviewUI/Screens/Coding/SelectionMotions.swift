import CareReview

/// Where the moving end of a selection goes for each motion, in a text as
/// Unicode scalars: words (`w` `b`), sentences (`)` `(`), paragraphs (`}` `{`,
/// a paragraph being a line of the article) and lines of the layout (`j` `k`).
public enum SelectionMotion: Hashable, Sendable {
    case wordForward, wordBack, sentenceForward, sentenceBack, paragraphForward, paragraphBack

    public func move(_ head: Int, in text: [Unicode.Scalar]) -> Int {
        let n = text.count
        var i = max(0, min(head, n))
        func isWord(_ k: Int) -> Bool { text[k].properties.isAlphabetic || text[k].properties.numericType != nil || text[k] == "’" || text[k] == "'" }
        switch self {
        case .wordForward:
            while i < n, !isWord(i) { i += 1 }
            while i < n, isWord(i) { i += 1 }
        case .wordBack:
            while i > 0, !isWord(i - 1) { i -= 1 }
            while i > 0, isWord(i - 1) { i -= 1 }
        case .sentenceForward:
            // To the next sentence's end: after its closing mark (and closing quotes), or the paragraph's end.
            i += 1
            while i < n, !Self.endsSentence(i, text) { i += 1 }
        case .sentenceBack:
            // To the start of the sentence the head is in, or of the one before when already there.
            i -= 1
            while i > 0, !Self.startsSentence(i, text) { i -= 1 }
        case .paragraphForward:
            if i < n, text[i] == "\n" { i += 1 }
            while i < n, text[i] == "\n" { i += 1 }
            while i < n, text[i] != "\n" { i += 1 }
        case .paragraphBack:
            while i > 0, text[i - 1] == "\n" { i -= 1 }
            if i > 0 { i -= 1 }
            while i > 0, text[i - 1] != "\n" { i -= 1 }
        }
        return max(0, min(i, n))
    }

    /// A sentence ends just before `k`: at a line break, or after . ! ? and
    /// any closing quotes when a space or the end follows.
    static func endsSentence(_ k: Int, _ t: [Unicode.Scalar]) -> Bool {
        if k >= t.count { return true }
        if t[k] == "\n" { return true }
        guard t[k].properties.isWhitespace, k > 0 else { return false }
        var j = k - 1
        while j > 0, "”\"’')".unicodeScalars.contains(t[j]) { j -= 1 }
        return ".!?".unicodeScalars.contains(t[j])
    }

    /// A sentence starts at `k`: a non-space after a line break or after a sentence's end.
    static func startsSentence(_ k: Int, _ t: [Unicode.Scalar]) -> Bool {
        guard k > 0 else { return true }
        guard k < t.count, !t[k].properties.isWhitespace else { return false }
        var j = k
        while j > 0, t[j - 1].properties.isWhitespace, t[j - 1] != "\n" { j -= 1 }
        if j == 0 || t[j - 1] == "\n" { return true }
        return j < k && endsSentence(j, t)
    }
}

extension TextSelection {
    /// The selected text as a quote, without the spaces at either end.
    func quote(in text: [Unicode.Scalar]) -> Quote? {
        var a = max(0, range.lowerBound), b = min(text.count, range.upperBound)
        while a < b, text[a].properties.isWhitespace { a += 1 }
        while b > a, text[b - 1].properties.isWhitespace { b -= 1 }
        guard a < b else { return nil }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: text[a..<b])
        return Quote(document: document, text: String(s), start: a, end: b)
    }
}
