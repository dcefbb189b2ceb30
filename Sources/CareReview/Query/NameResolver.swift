/// The outcome of resolving a name a user typed.
public enum Resolution: Sendable, Equatable {
    case found(String)
    case ambiguous([String])      // several equally good candidates (ids)
    case notFound([String])       // nearest candidates, possibly none (ids)
}

/// Resolves what a user types — an id, an unambiguous prefix, an alias, an
/// acronym, or a near miss — to one entry, or explains why it cannot.
public struct NameResolver: Sendable {
    private struct Entry: Sendable {
        let id: String
        let keys: [String]        // compacted id, name and aliases
        let initials: [String]    // acronyms of the name and aliases ("rcc")
        let words: [[String]]     // folded words of the name and aliases
    }
    /// Built on first use: a browser that never resolves a name (most
    /// sessions) never pays for folding every name in a large corpus.
    private let built: LazyValue<[Entry]>
    private var entries: [Entry] { built.value }

    /// `names`: for each id, its display name followed by its aliases.
    public init(_ names: [(id: String, names: [String])]) {
        self.init(lazy: { names })
    }

    init(lazy names: @escaping @Sendable () -> [(id: String, names: [String])]) {
        built = LazyValue {
            names().map { item in
                let all = [item.id] + item.names
                let words = item.names.map { TextFolding.words($0).map(\.folded) }
                let initials = words.map { ws in String(ws.compactMap(\.first)) }.filter { $0.count >= 2 }
                return Entry(id: item.id, keys: all.map(TextFolding.compact), initials: initials, words: words)
            }
        }
    }

    public static func stakeholders(_ corpus: Corpus) -> NameResolver {
        NameResolver(lazy: { corpus.stakeholders.map { ($0.id, [$0.name] + $0.aliases) } })
    }

    public static func proposals(_ corpus: Corpus) -> NameResolver {
        NameResolver(lazy: { corpus.proposals.map { ($0.id, [$0.title] + $0.aliases) } })
    }

    public func resolve(_ query: String) -> Resolution {
        if let exact = entries.first(where: { $0.id == query }) { return .found(exact.id) }
        let q = TextFolding.compact(query)
        guard !q.isEmpty else { return .notFound([]) }
        // From the most to the least certain way of matching; the first way
        // that matches anything decides.
        let ways: [(Entry) -> Bool] = [
            { $0.keys.contains(q) },
            { $0.initials.contains(q) },
            { $0.keys.contains { $0.hasPrefix(q) } },
            { e in self.wordsMatch(query, e) },
            { $0.keys.contains { $0.contains(q) } },
        ]
        for way in ways {
            let hits = entries.filter(way).map(\.id)
            if hits.count == 1 { return .found(hits[0]) }
            if hits.count > 1 { return .ambiguous(hits) }
        }
        // Near misses: the closest by edit distance, if close enough; else
        // the nearest few as suggestions (DidYouMean, shared with the
        // subcommand and `:` command suggestions).
        let suggest = DidYouMean(entries.map { DidYouMean.Candidate($0.id, keys: $0.keys) }, normalise: TextFolding.compact)
        let ranked = suggest.ranked(query)
        let limit = max(1, q.count / 4)
        if let best = ranked.first?.distance, best <= limit {
            let hits = ranked.filter { $0.distance == best }.map(\.value)
            return hits.count == 1 ? .found(hits[0]) : .ambiguous(hits)
        }
        // Each word typed is a slip of a word of one name ("regonal care").
        let fuzzy = entries.filter { fuzzyWordsMatch(query, $0) }.map(\.id)
        if fuzzy.count == 1 { return .found(fuzzy[0]) }
        if fuzzy.count > 1 { return .ambiguous(fuzzy) }
        return .notFound(suggest.suggestions(for: query, limit: limit + 2, max: 5))
    }

    /// Every query word is within a slip of the start of some word of one
    /// name: none for words under 5 letters, 1 edit up to 8, else 2.
    private func fuzzyWordsMatch(_ query: String, _ e: Entry) -> Bool {
        let qw = TextFolding.words(query).map(\.folded)
        guard !qw.isEmpty else { return false }
        func slips(_ w: String) -> Int { w.count < 5 ? 0 : w.count <= 8 ? 1 : 2 }
        return e.words.contains { ws in
            qw.allSatisfy { w in
                ws.contains { n in
                    n.hasPrefix(w) || DidYouMean.distance(w, String(n.prefix(w.count + 1)), limit: slips(w)) <= slips(w)
                        || DidYouMean.distance(w, String(n.prefix(w.count)), limit: slips(w)) <= slips(w)
                }
            }
        }
    }

    /// Every query word is the start of some word of one name ("indep review").
    private func wordsMatch(_ query: String, _ e: Entry) -> Bool {
        let qw = TextFolding.words(query).map(\.folded)
        guard !qw.isEmpty else { return false }
        return e.words.contains { ws in qw.allSatisfy { w in ws.contains { $0.hasPrefix(w) } } }
    }

    /// Ids whose name, alias or id starts with what was typed, for completion.
    public func completions(_ prefix: String) -> [String] {
        let q = TextFolding.compact(prefix)
        return entries.filter { q.isEmpty || $0.keys.contains { $0.hasPrefix(q) } || wordsMatch(prefix, $0) }.map(\.id)
    }
}
