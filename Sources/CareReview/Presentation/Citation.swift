/// A quote with its source, as every screen, report and export shows it:
/// the words, who said them, and the document they come from (title,
/// author, publisher, date, id, offsets, URL) and who reported them.
///
/// One value, several renderings, so that the CLI, the browser's pager,
/// clipboard, compare and presenter screens, the brief and the Markdown
/// export agree. Two rules hold in every rendering: quotation marks are
/// never doubled (marks inside the quoted text or title are nested as
/// single marks), and the author is not repeated when the author is the
/// speaker already named beside the quote, or the one who reported it.
public struct Citation: Sendable, Hashable {
    public let quote: Quote
    /// The stakeholder whose words these are; nil for the Review's own words.
    public let speaker: String?
    public let documentID: String
    public let title: String
    public let author: String?
    public let publisher: String?
    public let date: PartialDate?
    /// The date is not printed on the article but worked out (the document has a date note).
    public let dateIsInferred: Bool
    public let url: String?
    public let reportedBy: String?

    public init(quote: Quote, speaker: String?, document: Document?, reportedBy: String?) {
        self.quote = quote
        self.speaker = speaker
        self.documentID = quote.document
        self.title = document?.title ?? quote.document
        self.author = document?.author
        self.publisher = document?.publisher
        self.date = document?.date
        self.dateIsInferred = document?.dateIsInferred ?? false
        self.url = document?.url
        self.reportedBy = reportedBy
    }

    /// A quote of a position: the stakeholder is the speaker.
    public init(_ quote: Quote, of position: Position, in corpus: Corpus) {
        self.init(quote: quote, speaker: corpus.stakeholder(position.stakeholder)?.name ?? position.stakeholder,
                  document: corpus.document(quote.document), reportedBy: position.reportedBy)
    }

    /// The Review's own words, as a source article quotes them.
    public init(reviewWords quote: Quote, in corpus: Corpus) {
        self.init(quote: quote, speaker: nil, document: corpus.document(quote.document), reportedBy: nil)
    }

    /// Either of the above, for a quote found by its place in the corpus.
    public init(_ ref: Corpus.QuoteRef, in corpus: Corpus) {
        switch ref.owner {
        case .position(let id):
            if let p = corpus.position(id) { self.init(ref.quote, of: p, in: corpus) }
            else { self.init(quote: ref.quote, speaker: nil, document: corpus.document(ref.quote.document), reportedBy: nil) }
        case .review: self.init(reviewWords: ref.quote, in: corpus)
        }
    }

    // MARK: Parts

    /// The words in quotation marks: “…”, or "…" in ASCII.
    public func quotedText(unicode: Bool = true) -> String { Quotation.enclose(quote.text, unicode: unicode) }

    /// The document's title in quotation marks.
    public func quotedTitle(unicode: Bool = true) -> String { Quotation.enclose(title, unicode: unicode) }

    /// The author, unless the author is the speaker or the reporter (named
    /// beside the quote or in "reported by": naming them again adds nothing).
    public var shownAuthor: String? {
        guard let author else { return nil }
        let a = TextFolding.compact(author)
        if let speaker, TextFolding.compact(speaker) == a { return nil }
        if let reportedBy, TextFolding.compact(reportedBy) == a { return nil }
        return author
    }

    /// "26 May 2022", or "May 2022, inferred" when the article prints no date.
    public var dateText: String? { date.map { $0.humanDescription(inferred: dateIsInferred) } }

    /// Author (unless the speaker), publisher and date: "Robin Sen, Professional Social Work magazine (BASW), 26 May 2022".
    public var details: String {
        [shownAuthor, publisher, dateText].compactMap { $0 }.joined(separator: ", ")
    }

    /// "sen-two-tier-workforce 120–240": where the words are, in Unicode scalars.
    public var location: String { "\(documentID) \(quote.start)–\(quote.end)" }

    /// "reported by an unsigned sector round-up", when someone else reported the words.
    public var reportedByText: String? { reportedBy.map { "reported by \($0)" } }

    // MARK: Renderings

    /// The source on one line: “Title”, author, publisher, date [location]; reported by X.
    /// `location` adds the document id and offsets; `url` adds <URL> where the source gives one.
    public func source(unicode: Bool = true, location: Bool = false, url: Bool = false) -> String {
        var parts = [quotedTitle(unicode: unicode)]
        if !details.isEmpty { parts.append(details) }
        if url, let u = self.url { parts.append("<\(u)>") }
        var out = parts.joined(separator: ", ")
        if location { out += " [\(self.location)]" }
        if let by = reportedByText { out += "; " + by }
        return out
    }

    /// Every part stated, including what the source does not say, for a
    /// briefing or report read away from the data: “Title”, author (or
    /// "unsigned"), publisher (or "publisher not stated"), date, URL (or "no
    /// URL given in the source"); reported by X.
    public func fullSource(unicode: Bool = true) -> String {
        var parts = [quotedTitle(unicode: unicode)]
        if author == nil { parts.append("unsigned") } else if let a = shownAuthor { parts.append(a) }
        parts.append(publisher ?? "publisher not stated")
        if let d = dateText { parts.append(d) }
        parts.append(url.map { "<\($0)>" } ?? "no URL given in the source")
        var out = parts.joined(separator: ", ")
        if let by = reportedByText { out += "; " + by }
        return out
    }

    /// The quote and its source as plain text, for the clipboard:
    ///
    ///     “words”
    ///     — Speaker, “Title”, publisher, date, <URL>; reported by X
    ///
    /// (for the Review's own words: "— The Review, quoted in “Title”, …").
    public func plainText(unicode: Bool = true) -> String {
        let dash = unicode ? "—" : "--"
        let who = speaker.map { $0 + ", " } ?? "The Review, quoted in "
        return quotedText(unicode: unicode) + "\n" + dash + " " + who + source(unicode: unicode, url: true) + "\n"
    }
}

extension PartialDate {
    /// "May 2022", or "May 2022, inferred" for a date worked out rather than printed.
    public func humanDescription(inferred: Bool) -> String {
        inferred ? humanDescription + ", inferred" : humanDescription
    }
}

/// Quotation marks that nest: text already wholly in marks keeps them;
/// otherwise it is put in double marks and any double marks inside become
/// single ones (“a ‘b’ c”), so a title that begins with a quotation never
/// shows as ““…”…”.
public enum Quotation {
    public static func enclose(_ text: String, unicode: Bool = true) -> String {
        if isEnclosed(text) { return unicode ? text : asciiMarks(text, outer: true) }
        let inner = unicode ? nested(text) : asciiMarks(text, outer: false)
        return unicode ? "“" + inner + "”" : "\"" + inner + "\""
    }

    /// Opens with a double mark whose matching close is the last character.
    static func isEnclosed(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count > 1 else { return false }
        if chars.first == "\"" && chars.last == "\"" { return !chars.dropFirst().dropLast().contains("\"") }
        guard chars.first == "“", chars.last == "”" else { return false }
        var depth = 0
        for (i, c) in chars.enumerated() {
            if c == "“" { depth += 1 }
            if c == "”" {
                depth -= 1
                if depth == 0 { return i == chars.count - 1 }
            }
        }
        return false
    }

    /// Double marks made single: “ ” become ‘ ’, straight " alternate ‘ and ’.
    static func nested(_ text: String) -> String {
        var open = true
        return String(text.map { c -> Character in
            switch c {
            case "“": return "‘"
            case "”": return "’"
            case "\"": defer { open.toggle() }; return open ? "‘" : "’"
            default: return c
            }
        })
    }

    /// ASCII: curly marks straightened; inside, double marks become '.
    static func asciiMarks(_ text: String, outer: Bool) -> String {
        let chars = Array(text)
        return String(chars.enumerated().map { i, c -> Character in
            let isOuter = outer && (i == 0 || i == chars.count - 1)
            switch c {
            case "“", "”", "\"": return isOuter ? "\"" : "'"
            case "‘", "’": return "'"
            default: return c
            }
        })
    }
}
