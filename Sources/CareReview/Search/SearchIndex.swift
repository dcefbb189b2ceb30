import Foundation

/// One search result: what matched, the text it matched in, and the matched
/// spans as scalar offsets into that text.
public struct SearchHit: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case proposalTitle(String)
        case proposalSummary(String)
        case stakeholderName(String)
        case stakeholderDescription(String)
        case positionSummary(String)
        case quote(position: String, index: Int)
        case reviewWords(proposal: String, index: Int)
        case documentTitle(String)
        /// A paragraph of an article; `start` is its scalar offset in the document.
        case passage(document: String, start: Int)
    }
    public let target: Target
    public let text: String
    public let spans: [Range<Int>]
    public let score: Double
}

/// An inverted index over everything a reader may look for: proposals,
/// stakeholders, position summaries, quotes and the articles' paragraphs.
/// Built once (it is proportional to the corpus), then each query touches
/// only the posting lists of its words.
public final class SearchIndex: Sendable {
    private struct Unit: Sendable {
        let target: SearchHit.Target
        let text: Substring
        let weight: Float
    }
    private let units: [Unit]
    private let vocabulary: [String]        // sorted, for prefix queries
    private let postings: [PostingList]     // postings[i] is vocabulary[i]'s
    private let wordIDs: [String: Int32]    // word → its position in vocabulary

    public convenience init(corpus: Corpus) { self.init(corpus: corpus, runs: nil) }

    /// `runs`: how many runs of units to index in parallel (by default one
    /// per core for a large corpus); tests force several on a small one.
    init(corpus: Corpus, runs: Int?) {
        var units: [Unit] = []
        func add(_ target: SearchHit.Target, _ text: Substring, _ weight: Float) {
            units.append(Unit(target: target, text: text, weight: weight))
        }
        for p in corpus.proposals {
            add(.proposalTitle(p.id), Substring(([p.title] + p.aliases).joined(separator: " · ")), 3)
            add(.proposalSummary(p.id), Substring(p.summary), 1.2)
            for (i, q) in p.reviewWords.enumerated() { add(.reviewWords(proposal: p.id, index: i), Substring(q.text), 1.5) }
        }
        for s in corpus.stakeholders {
            add(.stakeholderName(s.id), Substring(([s.name] + s.aliases).joined(separator: " · ")), 3)
            add(.stakeholderDescription(s.id), Substring(s.description), 1.2)
        }
        for p in corpus.positions {
            add(.positionSummary(p.id), Substring(p.summary), 1.5)
            for (i, q) in p.quotes.enumerated() { add(.quote(position: p.id, index: i), Substring(q.text), 2) }
        }
        let documents = corpus.documents
        let passages = parallelMap(documents.count) { SearchIndex.paragraphs(documents[$0].text) }
        for (d, paragraphs) in zip(documents, passages) {
            add(.documentTitle(d.id), Substring(d.title), 2.5)
            for (start, paragraph) in paragraphs {
                add(.passage(document: d.id, start: start), paragraph, 1)
            }
        }
        // Below a few thousand units, waking a second thread costs more than it saves.
        let defaultRuns = units.count < 8192 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let built = SearchIndex.postings(of: units, runs: runs ?? defaultRuns)
        self.units = units
        self.vocabulary = built.vocabulary
        self.postings = built.postings
        var wordIDs: [String: Int32] = [:]
        wordIDs.reserveCapacity(built.vocabulary.count)
        for (i, word) in built.vocabulary.enumerated() { wordIDs[word] = Int32(i) }
        self.wordIDs = wordIDs
    }

    /// Posting lists of the units' words. A large corpus is split into one
    /// run of units per core; the runs' lists are concatenated in unit order.
    private static func postings(of units: [Unit], runs: Int) -> SortedPostings {
        let bounds = (0...runs).map { units.count * $0 / runs }
        var parts = parallelMap(runs) { r in
            var builder = PostingsBuilder()
            for n in bounds[r]..<bounds[r + 1] { builder.add(unit: Int32(n), text: units[n].text) }
            return builder.finish()
        }
        var all = SortedPostings()
        for r in parts.indices {
            var part = SortedPostings()
            swap(&part, &parts[r])
            all.append(part)
        }
        return all
    }

    /// Paragraphs (separated by blank lines) with their scalar offsets.
    /// Scans UTF-8 bytes; only non-ASCII scalars are decoded to ask whether
    /// they are whitespace.
    static func paragraphs(_ text: String) -> [(Int, Substring)] {
        var result: [(Int, Substring)] = []
        let utf8 = text.utf8
        func index(_ byte: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: byte) }
        UTF8Scalar.withBytes(of: text) { bytes in
            var startByte = 0, startOffset = 0
            var newlines = 0
            var i = 0, offset = 0
            while i < bytes.count {
                if newlines == 0 && i != 0 {
                    // Inside a paragraph only a newline can change anything:
                    // skip to the next one, counting scalars (non-continuation bytes).
                    while i < bytes.count, bytes[i] != 0x0A {
                        if bytes[i] & 0xC0 != 0x80 { offset += 1 }
                        i += 1
                    }
                    if i == bytes.count { break }
                }
                let b = bytes[i]
                var length = 1
                let isWhitespace: Bool
                if b < 0x80 {
                    isWhitespace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    let (value, len) = UTF8Scalar.decode(bytes, at: i)
                    length = len
                    isWhitespace = Unicode.Scalar(value)!.properties.isWhitespace
                }
                if b == 0x0A {
                    newlines += 1
                } else if !isWhitespace {
                    if newlines >= 2 || i == 0 {
                        if i != 0, startByte < i { result.append((startOffset, text[index(startByte)..<index(i)])) }
                        startByte = i
                        startOffset = offset
                    }
                    newlines = 0
                }
                i += length
                offset += 1
            }
            if startByte < bytes.count { result.append((startOffset, text[index(startByte)..<text.endIndex])) }
        }
        return result.map { ($0.0, $0.1.trimmingTrailingWhitespace()) }.filter { !$0.1.isEmpty }
    }

    /// Ranked hits for a query: every word must occur; the last word may be
    /// the start of a word (so results follow typing). Case, accents and
    /// curly quotes are ignored.
    public func search(_ query: String, limit: Int = 100) -> [SearchHit] {
        let words = TextFolding.words(query).map(\.folded)
        guard !words.isEmpty, limit > 0 else { return [] }
        let prefixLast = !(query.last?.isWhitespace ?? true)
        var candidates: [(unit: Int32, score: Float)]? = nil
        for (i, word) in words.enumerated() {
            let list = (i == words.count - 1 && prefixLast) ? prefixPostings(word) : (wordIDs[word].map { postings[Int($0)] } ?? PostingList())
            let idf = Float(log(1 + Double(units.count) / Double(1 + list.units.count)))
            candidates = SearchIndex.intersect(candidates, list, idf: idf)
            if candidates!.isEmpty { return [] }
        }
        var ranked = candidates!.map { (unit: $0.unit, score: $0.score * units[Int($0.unit)].weight) }
        ranked = SearchIndex.top(ranked, limit * 2)
        // Exact phrases rank above scattered words; spans are computed for the few shown.
        var hits: [SearchHit] = ranked.map { c in
            let unit = units[Int(c.unit)]
            let text = String(unit.text)
            let (spans, phrase) = SearchIndex.spans(in: text, words: words, prefixLast: prefixLast)
            return SearchHit(target: unit.target, text: text, spans: spans, score: Double(c.score) * (phrase ? 2 : 1))
        }
        hits.sort { $0.score > $1.score }
        return Array(hits.prefix(limit))
    }

    /// The union of the postings of every word starting with `prefix`.
    private func prefixPostings(_ prefix: String) -> PostingList {
        var lo = 0, hi = vocabulary.count
        while lo < hi { let mid = (lo + hi) / 2; if vocabulary[mid] < prefix { lo = mid + 1 } else { hi = mid } }
        var k = lo
        while k < vocabulary.count, vocabulary[k].hasPrefix(prefix) { k += 1 }
        return SearchIndex.union(postings[lo..<k])
    }

    /// Sorted lists merged pairwise, counts of a unit in several lists summed.
    private static func union(_ lists: ArraySlice<PostingList>) -> PostingList {
        guard lists.count > 1 else { return lists.first ?? PostingList() }
        let mid = lists.startIndex + lists.count / 2
        let a = union(lists[..<mid]), b = union(lists[mid...])
        var out = PostingList()
        out.units.reserveCapacity(a.units.count + b.units.count)
        out.counts.reserveCapacity(a.units.count + b.units.count)
        var i = 0, j = 0
        while i < a.units.count || j < b.units.count {
            let u = i < a.units.count ? a.units[i] : Int32.max
            let v = j < b.units.count ? b.units[j] : Int32.max
            if u == v {
                out.units.append(u); out.counts.append(a.counts[i] + b.counts[j]); i += 1; j += 1
            } else if u < v {
                out.units.append(u); out.counts.append(a.counts[i]); i += 1
            } else {
                out.units.append(v); out.counts.append(b.counts[j]); j += 1
            }
        }
        return out
    }

    /// Keeps the units present in both, adding this word's score.
    private static func intersect(_ current: [(unit: Int32, score: Float)]?, _ list: PostingList, idf: Float) -> [(unit: Int32, score: Float)] {
        let scoreOf = { (count: Int32) in idf * (1 + log(Float(count))) }
        guard let current else { return zip(list.units, list.counts).map { ($0, scoreOf($1)) } }
        var out: [(unit: Int32, score: Float)] = []
        var i = 0, j = 0
        while i < current.count, j < list.units.count {
            let a = current[i].unit, b = list.units[j]
            if a == b { out.append((a, current[i].score + scoreOf(list.counts[j]))); i += 1; j += 1 }
            else if a < b { i += 1 } else { j += 1 }
        }
        return out
    }

    /// The best `k` by score (ties: earlier units first), without sorting all.
    private static func top(_ items: [(unit: Int32, score: Float)], _ k: Int) -> [(unit: Int32, score: Float)] {
        if items.count <= k { return items.sorted { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit } }
        // Threshold: the k-th best score, found by sorting scores only.
        var scores = items.map(\.score)
        scores.sort(by: >)
        let threshold = scores[k - 1]
        var kept = items.filter { $0.score > threshold }
        for item in items where item.score == threshold && kept.count < k { kept.append(item) }
        return kept.sorted { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
    }

    /// Spans of the text's words that match a query word, and whether the
    /// query's words occur there as a phrase.
    static func spans(in text: String, words: [String], prefixLast: Bool) -> ([Range<Int>], Bool) {
        let textWords = TextFolding.words(text)
        func matches(_ w: String, _ qi: Int) -> Bool {
            (qi == words.count - 1 && prefixLast) ? w.hasPrefix(words[qi]) : w == words[qi]
        }
        var spans: [Range<Int>] = []
        for tw in textWords where words.indices.contains(where: { matches(tw.folded, $0) }) { spans.append(tw.range) }
        var phrase = false
        if words.count > 1, textWords.count >= words.count {
            for s in 0...(textWords.count - words.count) where (0..<words.count).allSatisfy({ matches(textWords[s + $0].folded, $0) }) {
                phrase = true
                break
            }
        }
        return (spans, phrase)
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        // Fast path: trailing ASCII whitespace after an ASCII scalar. Each of
        // those is then a Character of its own (or CR LF), since no ASCII
        // scalar joins a following one into a grapheme cluster.
        let bytes = utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let b = bytes[bytes.index(before: end)]
            guard b == 0x20 || (b >= 0x09 && b <= 0x0D) else { break }
            end = bytes.index(before: end)
        }
        if end == bytes.startIndex { return self[startIndex..<startIndex] }
        if bytes[bytes.index(before: end)] < 0x80 { return self[startIndex..<end] }
        var s = self
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
