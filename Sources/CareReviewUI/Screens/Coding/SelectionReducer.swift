import CareReview

/// `v` and its motions: the passage to code, in the source reader.
extension State {

    mutating func startSelection() {
        guard writable() else { return }
        guard case .source(let doc) = current.screen, let d = corpus.document(doc) else {
            return message = Message(text: "v selects a passage in the source reader (open a quote's source with Enter)", isError: false)
        }
        // From the first word on screen; the motions and / move on from there.
        let t = Array(d.text.unicodeScalars)
        var start = max(0, min(current.tops[0], t.count))
        while start < t.count, t[start].properties.isWhitespace { start += 1 }
        coding.selection = TextSelection(document: doc, anchor: start, head: start)
        message = Message(text: "Selecting: w b ) ( } { j k extend, / finds, o other end, c codes, Esc stops", isError: false)
    }

    mutating func extendSelection(_ motion: (Int, [Unicode.Scalar], ArticleLayout?) -> Int) {
        guard var s = activeSelection, let d = corpus.document(s.document) else { return }
        s.head = motion(s.head, Array(d.text.unicodeScalars), article)
        coding.selection = s
        scrollArticle(to: s.head)
    }

    /// The same column a line of the layout down or up.
    static func moveByLine(_ head: Int, _ delta: Int, _ count: Int, _ a: ArticleLayout?) -> Int {
        guard let a, !a.starts.isEmpty else { return head }
        let line = a.line(containing: head)
        let target = line + delta
        if target >= a.starts.count { return count }
        if target < 0 { return 0 }
        let next = target + 1 < a.starts.count ? a.starts[target + 1] : count
        return min(a.starts[target] + (head - a.starts[line]), max(a.starts[target], next - 1))
    }

    /// Keeps an offset of the article on screen.
    mutating func scrollArticle(to offset: Int) {
        guard let a = article, !a.starts.isEmpty else { return }
        let line = a.line(containing: offset), first = a.line(containing: current.tops[0]), h = paneHeight(.article)
        if line < first { current.tops[0] = a.starts[line] }
        else if line >= first + h { current.tops[0] = a.starts[max(0, line - h + 1)] }
    }

    mutating func find(_ query: String) {
        guard var s = coding.selection, let d = corpus.document(s.document), !query.isEmpty else { return }
        let t = Array(d.text.unicodeScalars)
        let q = Array(query.unicodeScalars)
        func fold(_ c: Unicode.Scalar) -> Unicode.Scalar { c.properties.lowercaseMapping.unicodeScalars.count == 1 ? c.properties.lowercaseMapping.unicodeScalars.first! : c }
        func matches(at i: Int) -> Bool { i + q.count <= t.count && (0..<q.count).allSatisfy { fold(t[i + $0]) == fold(q[$0]) } }
        // From the moving end on, then from the top; an empty selection starts where the words are.
        let empty = s.anchor == s.head, from = s.head
        guard let at = (from..<max(from, t.count)).first(where: matches) ?? (0..<from).first(where: matches) else {
            return message = Message(text: "“\(query)” is not in this article", isError: true)
        }
        if empty { s.anchor = at }
        s.head = at + q.count
        coding.selection = s
        scrollArticle(to: s.head)
        message = Message(text: "Selected to “\(query)”: c codes", isError: false)
    }
}
