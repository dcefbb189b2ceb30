/// "Did you mean …?" for anything typed that names one of a known set: a
/// subcommand, a stakeholder or proposal, a `:` command in the browser.
///
/// Candidates are ranked by edit distance (a swapped pair of letters counts
/// as one edit, so "shwo" is one edit from "show"), words that start with
/// what was typed first. Each candidate may have several keys (an id, a
/// name, aliases); `normalise` folds keys and input alike.
public struct DidYouMean: Sendable {
    public struct Candidate: Sendable {
        public let value: String
        public let keys: [String]
        public init(_ value: String, keys: [String]) { self.value = value; self.keys = keys }
    }

    private let candidates: [(value: String, keys: [String])]
    private let normalise: @Sendable (String) -> String

    /// Each word is both the suggestion and its key; compared without case.
    public init(_ words: [String]) {
        self.init(words.map { Candidate($0, keys: [$0]) })
    }

    public init(_ candidates: [Candidate], normalise: @escaping @Sendable (String) -> String = { $0.lowercased() }) {
        self.normalise = normalise
        self.candidates = candidates.map { c in (c.value, c.keys.map(normalise)) }
    }

    /// How many edits still count as a slip for input of this length.
    public static func tolerance(for length: Int) -> Int {
        switch length {
        case ..<4: 1
        case ..<8: 2
        default: 3
        }
    }

    /// Each candidate's distance from the input (the nearest of its keys), nearest first.
    public func ranked(_ typed: String) -> [(value: String, distance: Int)] {
        let t = normalise(typed)
        guard !t.isEmpty else { return [] }
        return candidates.map { c in (c.value, c.keys.map { DidYouMean.distance(t, $0, limit: 8) }.min() ?? Int.max) }
            .enumerated().sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }.map(\.element)
    }

    /// The suggestions: candidates a key of which starts with the input (at
    /// least two characters), then those within `limit` edits (by default
    /// the tolerance for the input's length), at most `max` of them.
    public func suggestions(for typed: String, limit: Int? = nil, max: Int = 3) -> [String] {
        let t = normalise(typed)
        guard !t.isEmpty else { return [] }
        let limit = limit ?? DidYouMean.tolerance(for: t.count)
        var out: [String] = []
        if t.count >= 2 {
            out = candidates.filter { $0.keys.contains { $0.hasPrefix(t) && $0 != t } }.map(\.value)
        }
        for (value, d) in ranked(typed) where d <= limit && !out.contains(value) { out.append(value) }
        return Array(out.prefix(max))
    }

    /// "did you mean 'show'?", "did you mean 'show' or 'search'?"; nil when there is nothing to suggest.
    public func sentence(for typed: String, limit: Int? = nil, max: Int = 3) -> String? {
        DidYouMean.sentence(suggestions(for: typed, limit: limit, max: max))
    }

    public static func sentence(_ suggestions: [String]) -> String? {
        guard !suggestions.isEmpty else { return nil }
        let quoted = suggestions.map { "'\($0)'" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return "did you mean \(list)?"
    }

    /// Edit distance with adjacent transpositions (optimal string alignment),
    /// giving up beyond `limit`. Compares Unicode scalars as given.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                var d = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = Swift.min(d, before[j - 2] + 1) }
                cur[j] = d
                rowMin = Swift.min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (before, prev, cur) = (prev, cur, before)
        }
        return prev[y.count]
    }
}
