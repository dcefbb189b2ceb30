import CareReview

extension State {
    mutating func startSearch() {
        mode = .searchInput
        line = LineEditor()
        search.query = ""
        search.hits = []
        search.sharedBy = []
        search.selected = 0
        if current.screen != .search { push(Location(screen: .search)) }
    }

    /// Re-runs the query (posting lists only; never a corpus scan).
    mutating func runSearch() {
        guard let index = search.index else { return }
        let q = search.query.trimmingSpaces
        let raw = q.isEmpty ? [] : index.search(search.query, limit: SearchState.limit)
        // A quote several positions share (a sector round-up quoted for four) is one row.
        let grouped = corpus.groupingSharedQuotes(raw)
        let hits = grouped.map(\.hit), shared = grouped.map(\.alsoIn)
        search.hits = hits
        search.sharedBy = shared
        search.selected = 0
    }

    mutating func showSearch(_ query: String) {
        search.query = query
        runSearch()
        if current.screen != .search { push(Location(screen: .search)) }
        if search.index == nil { message = Message(text: "Indexing… results appear when the index is ready", isError: false) }
    }

    /// `n` / `N`: the next result — in the list, or opened directly elsewhere.
    mutating func stepMatch(by delta: Int) {
        guard !search.hits.isEmpty else {
            message = Message(text: search.index == nil && !search.query.isEmpty ? "Indexing…" : "No search results (/ to search)", isError: false)
            return
        }
        let n = search.hits.count
        search.selected = ((search.selected + delta) % n + n) % n
        if current.screen != .search { openHit(search.hits[search.selected]) }
        message = Message(text: "Result \(search.selected + 1)/\(n)", isError: false)
    }

    /// Opens what a hit points at: a proposal, a stakeholder, a position
    /// (detail), or the source reader at the passage.
    mutating func openHit(_ hit: SearchHit) {
        switch hit.target {
        case .proposalTitle(let id), .proposalSummary(let id):
            openProposal(id, stakeholder: nil)
        case .stakeholderName(let id), .stakeholderDescription(let id):
            push(Location(screen: .stakeholder(id)))
        case .positionSummary(let id):
            if let p = corpus.position(id) { openPosition(p, quote: 0) }
        case .quote(let id, let index):
            if let p = corpus.position(id) { openPosition(p, quote: index) }
        case .reviewWords(let id, let index):
            if let p = corpus.proposal(id), p.reviewWords.indices.contains(index) {
                openSource(p.reviewWords[index], owner: .review(id))
            }
        case .documentTitle(let doc):
            guard corpus.document(doc) != nil else { return }
            var l = Location(screen: .source(document: doc))
            l.quote = -1
            push(l)
        case .passage(let doc, let start):
            guard corpus.document(doc) != nil else { return }
            var l = Location(screen: .source(document: doc))
            l.quote = -1
            l.marks = hit.spans.map { ($0.lowerBound + start)..<($0.upperBound + start) }
            l.tops[0] = -1
            push(l)
        }
    }

    private mutating func openPosition(_ p: Position, quote: Int) {
        openProposal(p.proposal, stakeholder: nil)
        current.position = p.id
        current.focus = 2
        current.quote = quote
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
