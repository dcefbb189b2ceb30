/// Checks a dataset's integrity: unique ids, resolvable references, and
/// quotes that occur verbatim in their documents at the offsets given.
enum CorpusValidator {
    static func validate(_ r: CorpusRecords) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        checkIds(r.documents, "document", &problems)
        checkIds(r.stakeholders, "stakeholder", &problems)
        checkIds(r.proposals, "proposal", &problems)
        checkIds(r.positions, "position", &problems)

        let stakeholderIds = r.declared[.stakeholder] ?? []
        let proposalIds = r.declared[.proposal] ?? []
        let documentIds = r.declared[.document] ?? []
        var quotesByDocument: [String: [Located<Quote>]] = [:]

        for p in r.positions {
            let pos = p.value
            if !r.unreadable.contains(.stakeholder), !stakeholderIds.contains(pos.stakeholder) {
                problems.append(p.location(.stakeholder).diagnostic(
                    "position '\(pos.id)' refers to unknown stakeholder '\(pos.stakeholder)'"
                    + suggestion(pos.stakeholder, among: stakeholderIds)))
            }
            if !r.unreadable.contains(.proposal), !proposalIds.contains(pos.proposal) {
                problems.append(p.location(.proposal).diagnostic(
                    "position '\(pos.id)' refers to unknown proposal '\(pos.proposal)'"
                    + suggestion(pos.proposal, among: proposalIds)))
            }
        }
        for e in r.events where !r.unreadable.contains(.proposal) && !proposalIds.contains(e.value.proposal) {
            problems.append(e.location(.proposal).diagnostic(
                "event refers to unknown proposal '\(e.value.proposal)'" + suggestion(e.value.proposal, among: proposalIds)))
        }
        for q in r.quotes {
            if documentIds.contains(q.value.document) {
                quotesByDocument[q.value.document, default: []].append(q)
            } else if !r.unreadable.contains(.document) {
                problems.append(q.location(.document).diagnostic(
                    "quote refers to unknown document '\(q.value.document)'" + suggestion(q.value.document, among: documentIds)))
            }
        }
        // Each document's quotes are checked in one pass over its text; documents in parallel.
        let work = r.documents.compactMap { d in quotesByDocument[d.value.id].map { (d.value, $0) } }
        problems += parallelMap(work.count) { i in
            var found: [Diagnostic] = []
            checkQuotes(work[i].1, in: work[i].0, &found)
            return found
        }.flatMap { $0 }
        return problems
    }

    private static func checkIds<T: Identifiable>(_ items: [Located<T>], _ what: String, _ problems: inout [Diagnostic]) where T.ID == String {
        var first: [String: SourceLocation] = [:]
        for item in items {
            let id = item.value.id
            if let earlier = first[id] {
                problems.append(item.at.diagnostic("duplicate \(what) id '\(id)' (first defined at line \(earlier.line))"))
            } else {
                first[id] = item.at
            }
            if !isValidId(id) {
                problems.append(item.at.diagnostic(
                    "\(what) id '\(id)' must be lowercase letters, digits, '-' and '.', starting with a letter or digit"))
            }
        }
    }

    static func isValidId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isIdScalar(first), first != "-", first != "." else { return false }
        return id.unicodeScalars.allSatisfy(isIdScalar)
    }

    private static func isIdScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "."
    }

    private static func suggestion(_ name: String, among ids: Set<String>) -> String {
        let close = ids.filter { editDistance($0, name, limit: 3) <= 3 || $0.hasPrefix(name) }.sorted()
        return close.isEmpty ? "" : " (did you mean \(close.prefix(3).map { "'\($0)'" }.joined(separator: ", "))?)"
    }

    /// Checks each distinct quote once (a quote repeated through YAML
    /// aliases, or copied, is one check), reporting it at each distinct place
    /// it was written. Cost: one pass over the text for the offsets, plus the
    /// quotes' own lengths; a mismatch adds one linear search for where the
    /// quote really is, for the first `hintLimit` mismatches of a document.
    private static func checkQuotes(_ quotes: [Located<Quote>], in doc: Document, _ problems: inout [Diagnostic]) {
        // Group equal quotes by sorting (offsets first, so long texts are
        // compared only on equal offsets) rather than hashing their texts.
        let sorted = quotes.sorted { a, b in
            (a.value.start, a.value.end) != (b.value.start, b.value.end)
                ? (a.value.start, a.value.end) < (b.value.start, b.value.end) : a.value.text < b.value.text
        }
        var order: [Quote] = []
        var places: [[SourceLocation]] = []
        for q in sorted {
            if let last = order.last, last == q.value {
                // Repeats at one place (aliases) are dropped with the other identical diagnostics.
                places[places.count - 1].append(q.location(.offsets))
            } else {
                order.append(q.value)
                places.append([q.location(.offsets)])
            }
        }
        let offsets = order.flatMap { [$0.start, $0.end] }
        let index = QuoteAnchor.indices(ofScalarOffsets: offsets, in: doc.text)
        var finder: QuoteAnchor.Finder?
        var hints = 0
        func whereItIs(_ quote: Quote) -> String {
            hints += 1
            guard hints <= hintLimit else { return "" }
            if finder == nil { finder = QuoteAnchor.Finder(doc.text) }
            if let found = finder!.locate(quote.text) {
                return "; the quote is at start: \(found.lowerBound), end: \(found.upperBound)"
            }
            return "; the quote's text does not occur in the document"
        }
        for (k, quote) in order.enumerated() {
            let message: String
            if quote.start >= quote.end {
                message = "quote start \(quote.start) must be before its end \(quote.end)"
            } else if let a = index[quote.start], let b = index[quote.end] {
                if doc.text.utf8[a..<b].elementsEqual(quote.text.utf8) { continue }
                let there = doc.text.unicodeScalars[a..<b]
                if QuoteAnchor.normalize(there) == QuoteAnchor.normalize(quote.text.unicodeScalars) { continue }
                message = "quote does not match document '\(doc.id)' at \(quote.start)..\(quote.end)" + whereItIs(quote)
            } else {
                message = "quote offsets \(quote.start)..\(quote.end) are past the end of document '\(doc.id)'" + whereItIs(quote)
            }
            for at in places[k] {
                problems.append(at.diagnostic(message))
            }
        }
    }

    /// Mismatched quotes per document that get a "the quote is at" hint.
    static let hintLimit = 100
}

/// Levenshtein distance, giving up early beyond `limit`.
func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
    let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
    if abs(x.count - y.count) > limit { return limit + 1 }
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var prev = Array(0...y.count)
    var cur = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        cur[0] = i
        var rowMin = cur[0]
        for j in 1...y.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            rowMin = min(rowMin, cur[j])
        }
        if rowMin > limit { return limit + 1 }
        swap(&prev, &cur)
    }
    return prev[y.count]
}
