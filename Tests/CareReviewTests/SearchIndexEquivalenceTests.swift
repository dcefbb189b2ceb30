import Foundation
import Testing
import EmbeddedCorpus
@testable import CareReview

/// The index's fast build (byte-level words, interned ids) must give what
/// the straightforward algorithm it replaced gives: same hits, order, texts,
/// spans and scores. `ReferenceSearch` below is that algorithm, kept simple.
@Suite struct SearchIndexEquivalenceTests {
    static let embedded = try! CorpusLoader.load(EmbeddedCorpus.source)

    @Test func embeddedCorpusResultsMatchTheReference() {
        assertSameResults(Self.embedded, queries: Self.queries(for: Self.embedded))
    }

    @Test func indexBuiltInParallelRunsMatchesTheReference() {
        let queries = Array(Self.queries(for: Self.embedded).prefix(60))
        for runs in [2, 3] { assertSameResults(Self.embedded, queries: queries, runs: runs) }
    }

    @Test func fixtureResultsMatchTheReference() throws {
        let corpus = try Fixture.corpus()
        assertSameResults(corpus, queries: Self.queries(for: corpus))
    }

    @Test func wordsMatchTheReference() {
        var texts = Self.tricky
        for d in Self.embedded.documents { texts.append(d.text); texts.append(d.title) }
        for p in Self.embedded.positions { texts.append(p.summary); texts += p.quotes.map(\.text) }
        for text in texts {
            let got = TextFolding.words(text), want = ReferenceSearch.words(text)
            #expect(got.map(\.folded) == want.map(\.folded), "\(text.prefix(60))")
            #expect(got.map(\.range) == want.map(\.range), "\(text.prefix(60))")
        }
    }

    @Test func paragraphsMatchTheReference() {
        let texts = Self.tricky + Self.embedded.documents.map(\.text) + [
            "", "\n\n", "one\n\ntwo", "\n\n  lead\n\n\ntrail  \n", "a\r\n\r\nb", "x\u{00A0}\n\u{00A0}\ny",
            "é\n\nü\n \nz", "a\u{2028}\u{2028}b", "\u{301}\n\n\u{301}x", "last\n\n \t",
            "ends in nbsp\u{00A0} \n\nnext", "prepend\u{600} \n\nnext", "crlf\r\n\r\nnext", "é \n\nnext",
        ]
        for text in texts {
            let got = SearchIndex.paragraphs(text), want = ReferenceSearch.paragraphs(text)
            #expect(got.map(\.0) == want.map(\.0), "\(text.prefix(60))")
            #expect(got.map { String($0.1) } == want.map { String($0.1) }, "\(text.prefix(60))")
        }
    }

    /// Non-ASCII letters, marks, digits, quotes, spaces and symbols.
    static let tricky = [
        "Café “Quoted” children’s care—now", "naïve coöperation façade", "e\u{301}cole \u{212A}elvin",
        "ﬁnance ǅemal ß STRASSE", "日本語 テキスト 한국어", "x² ½ ⅷ ٣٤ 10–12", "emoji 👍🏽 here", "Ωmega omega ΩMEGA",
        "tab\tsep\u{00A0}nbsp\u{2009}thin", "a'b a’b a-b a_b a.b", "   ", "",
    ]

    /// Fixed queries, plus words, prefixes and two-word phrases taken from the
    /// corpus at a stride, in several spellings.
    static func queries(for corpus: Corpus) -> [String] {
        var queries = ["kinship", "kinsh", "kinsh ", "Independent Reviewing", "independent reviewing officer",
                       "CAFÉ", "cafe", "café ", "children's charity", "children’s", "“only the beginning”",
                       "regional care co", "foster carers", "drastic and dangerous", "family help", "the", "a",
                       "s", "2022", "zebra", "kinship zebra", "care ", "social work", "RCC", "Article 39"]
        var texts: [String] = corpus.positions.map(\.summary) + corpus.positions.flatMap { $0.quotes.map(\.text) }
        texts += corpus.documents.map(\.text)
        let words = texts.flatMap { ReferenceSearch.words($0).map(\.folded) }
        var k = 0
        while k < words.count {
            let w = words[k]
            queries.append(w)
            queries.append(w.uppercased() + " ")
            if w.count > 3 { queries.append(String(w.prefix(3))) }
            if k + 1 < words.count { queries.append(w + " " + words[k + 1]) }
            k += 97
        }
        return queries
    }

    func assertSameResults(_ corpus: Corpus, queries: [String], runs: Int? = nil) {
        let index = SearchIndex(corpus: corpus, runs: runs), reference = ReferenceSearch(corpus: corpus)
        for query in queries {
            for limit in [5, 100] {
                let got = index.search(query, limit: limit), want = reference.search(query, limit: limit)
                #expect(got.map(\.target) == want.map(\.target), "targets for '\(query)'")
                #expect(got.map(\.spans) == want.map(\.spans), "spans for '\(query)'")
                #expect(got.map(\.text) == want.map(\.text), "texts for '\(query)'")
                #expect(got.map(\.score) == want.map(\.score), "scores for '\(query)'")
            }
        }
    }
}

/// The search index as first written: a String per word, a dictionary of
/// counts per unit, a dictionary of posting lists, full sorts.
struct ReferenceSearch {
    struct Unit { let target: SearchHit.Target; let text: String; let weight: Float }
    let units: [Unit]
    let postings: [String: [(unit: Int, count: Int32)]]
    let vocabulary: [String]

    init(corpus: Corpus) {
        var units: [Unit] = []
        func add(_ target: SearchHit.Target, _ text: String, _ weight: Float) { units.append(Unit(target: target, text: text, weight: weight)) }
        for p in corpus.proposals {
            add(.proposalTitle(p.id), ([p.title] + p.aliases).joined(separator: " · "), 3)
            add(.proposalSummary(p.id), p.summary, 1.2)
            for (i, q) in p.reviewWords.enumerated() { add(.reviewWords(proposal: p.id, index: i), q.text, 1.5) }
        }
        for s in corpus.stakeholders {
            add(.stakeholderName(s.id), ([s.name] + s.aliases).joined(separator: " · "), 3)
            add(.stakeholderDescription(s.id), s.description, 1.2)
        }
        for p in corpus.positions {
            add(.positionSummary(p.id), p.summary, 1.5)
            for (i, q) in p.quotes.enumerated() { add(.quote(position: p.id, index: i), q.text, 2) }
        }
        for d in corpus.documents {
            add(.documentTitle(d.id), d.title, 2.5)
            for (start, paragraph) in Self.paragraphs(d.text) { add(.passage(document: d.id, start: start), String(paragraph), 1) }
        }
        var postings: [String: [(unit: Int, count: Int32)]] = [:]
        for (n, unit) in units.enumerated() {
            var counts: [String: Int32] = [:]
            for w in Self.words(unit.text) { counts[w.folded, default: 0] += 1 }
            for (word, count) in counts { postings[word, default: []].append((n, count)) }
        }
        self.units = units
        self.postings = postings
        self.vocabulary = postings.keys.sorted()
    }

    func search(_ query: String, limit: Int) -> [SearchHit] {
        let words = Self.words(query).map(\.folded)
        guard !words.isEmpty, limit > 0 else { return [] }
        let prefixLast = !(query.last?.isWhitespace ?? true)
        var candidates: [(unit: Int, score: Float)]? = nil
        for (i, word) in words.enumerated() {
            var list = postings[word] ?? []
            if i == words.count - 1 && prefixLast {
                var merged: [Int: Int32] = [:]
                for w in vocabulary where w.hasPrefix(word) { for p in postings[w]! { merged[p.unit, default: 0] += p.count } }
                list = merged.keys.sorted().map { ($0, merged[$0]!) }
            }
            let idf = Float(log(1 + Double(units.count) / Double(1 + list.count)))
            let scored = Dictionary(uniqueKeysWithValues: list.map { ($0.unit, idf * (1 + log(Float($0.count)))) })
            candidates = (candidates ?? list.map { ($0.unit, 0) }).compactMap { c in scored[c.unit].map { (c.unit, c.score + $0) } }
            if candidates!.isEmpty { return [] }
        }
        let ranked = candidates!.map { (unit: $0.unit, score: $0.score * units[$0.unit].weight) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.unit < $1.unit }
            .prefix(limit * 2)
        var hits: [SearchHit] = ranked.map { c in
            let unit = units[c.unit]
            let (spans, phrase) = Self.spans(in: unit.text, words: words, prefixLast: prefixLast)
            return SearchHit(target: unit.target, text: unit.text, spans: spans, score: Double(c.score) * (phrase ? 2 : 1))
        }
        hits.sort { $0.score > $1.score }
        return Array(hits.prefix(limit))
    }

    static func spans(in text: String, words: [String], prefixLast: Bool) -> ([Range<Int>], Bool) {
        let textWords = Self.words(text)
        func matches(_ w: String, _ qi: Int) -> Bool { (qi == words.count - 1 && prefixLast) ? w.hasPrefix(words[qi]) : w == words[qi] }
        let spans = textWords.filter { tw in words.indices.contains { matches(tw.folded, $0) } }.map(\.range)
        let phrase = words.count > 1 && textWords.count >= words.count
            && (0...(textWords.count - words.count)).contains { s in (0..<words.count).allSatisfy { matches(textWords[s + $0].folded, $0) } }
        return (spans, phrase)
    }

    /// Words scalar by scalar, each built as a String and folded.
    static func words(_ text: String) -> [TextFolding.Word] {
        var words: [TextFolding.Word] = []
        var current = String.UnicodeScalarView()
        var start = 0, offset = 0
        func flush() {
            guard !current.isEmpty else { return }
            let raw = String(current)
            words.append(TextFolding.Word(folded: raw.unicodeScalars.allSatisfy(\.isASCII) ? raw.lowercased() : TextFolding.fold(raw), range: start..<offset))
            current = String.UnicodeScalarView()
        }
        for s in text.unicodeScalars {
            let isWord = s.isASCII
                ? (s.properties.isAlphabetic || ("0"..."9").contains(s))
                : (s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark)
            if isWord {
                if current.isEmpty { start = offset }
                current.append(s)
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return words
    }

    /// Paragraphs scalar by scalar.
    static func paragraphs(_ text: String) -> [(Int, Substring)] {
        var result: [(Int, Substring)] = []
        var start = text.startIndex, startOffset = 0, newlines = 0, offset = 0
        var i = text.startIndex
        let scalars = text.unicodeScalars
        while i != scalars.endIndex {
            let s = scalars[i]
            if s == "\n" {
                newlines += 1
            } else if !s.properties.isWhitespace {
                if newlines >= 2 || i == text.startIndex {
                    if i != text.startIndex, start < i { result.append((startOffset, text[start..<i])) }
                    start = i
                    startOffset = offset
                }
                newlines = 0
            }
            scalars.formIndex(after: &i)
            offset += 1
        }
        if start < text.endIndex { result.append((startOffset, text[start..<text.endIndex])) }
        return result.map { start, paragraph in
            var p = paragraph
            while let l = p.last, l.isWhitespace { p.removeLast() }
            return (start, p)
        }.filter { !$0.1.isEmpty }
    }
}
