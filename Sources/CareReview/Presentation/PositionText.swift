/// A paragraph of plain text and its indentation. The model does not know
/// the width or how wide a character shows: the caller wraps each block
/// (the CLI to its output width, the browser's pager to the terminal),
/// starting with `indent` spaces and continuing with `hangingIndent`.
public struct TextBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading     // who, or the stance and proposal
        case detail      // date, stage, kind
        case summary
        case note        // the reader's own note or mark
        case quote
        case source      // a quote's citation
        case blank
    }

    public var kind: Kind
    public var text: String
    public var indent: Int
    public var hangingIndent: Int

    public init(_ kind: Kind, _ text: String, indent: Int = 0, hangingIndent: Int? = nil) {
        self.kind = kind; self.text = text; self.indent = indent; self.hangingIndent = hangingIndent ?? indent
    }

    public static let blank = TextBlock(.blank, "")

    /// Unwrapped: one line per block, indented.
    public static func plain(_ blocks: [TextBlock]) -> String {
        blocks.map { $0.kind == .blank ? "" : String(repeating: " ", count: $0.indent) + $0.text }.joined(separator: "\n") + "\n"
    }

    /// Wrapped at spaces to `width` columns (nil: not wrapped), each block
    /// indented as it says. `measure` gives a word's width in columns (the
    /// terminal's display width; the model does not know it). A word wider
    /// than the line is left whole on a line of its own.
    public static func wrap(_ blocks: [TextBlock], width: Int?, measure: (Substring) -> Int) -> String {
        guard let width else { return plain(blocks) }
        var out: [String] = []
        for b in blocks {
            if b.kind == .blank { out.append(""); continue }
            let first = String(repeating: " ", count: b.indent), rest = String(repeating: " ", count: b.hangingIndent)
            var line = first, used = b.indent, hasWord = false
            for word in b.text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let w = measure(word)
                if hasWord && used + 1 + w > width {
                    out.append(line)
                    line = rest; used = b.hangingIndent; hasWord = false
                }
                if hasWord { line += " "; used += 1 }
                line += word; used += w; hasWord = true
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A position in full as plain text — who, stance, proposal, date, summary,
/// every quote with its source — the same for `carereview show`,
/// `carereview stakeholder`, `carereview compare` and the browser's pager.
///
/// `full` is the standalone form (the pager): a heading per part and blank
/// lines between. The listed form (`full: false`) sits under a heading that
/// already names what it omits (`showsStakeholder`, `showsStance`,
/// `showsProposal`), the date on the heading line and the body indented.
public struct PositionText: Sendable {
    public var showsStakeholder = true
    public var showsStance = true
    public var showsProposal = true
    public var full = true
    public var unicode = true
    /// Indentation of the heading and of the body (summary and quotes).
    public var indent: Int
    public var bodyIndent: Int

    /// Full: everything at the left margin. Listed: the heading indented 2, the body 4.
    public init(showsStakeholder: Bool = true, showsStance: Bool = true, showsProposal: Bool = true,
                full: Bool = true, unicode: Bool = true, indent: Int? = nil, bodyIndent: Int? = nil) {
        self.showsStakeholder = showsStakeholder; self.showsStance = showsStance; self.showsProposal = showsProposal
        self.full = full; self.unicode = unicode
        self.indent = indent ?? (full ? 0 : 2)
        self.bodyIndent = bodyIndent ?? (full ? self.indent : self.indent + 2)
    }

    public func blocks(_ p: Position, in corpus: Corpus, note: String? = nil, marked: Bool = false) -> [TextBlock] {
        let s = corpus.stakeholder(p.stakeholder)
        var headings: [String] = []
        if showsStakeholder {
            headings.append((s?.name ?? p.stakeholder) + (s.map { " · " + $0.kind.label } ?? ""))
        }
        if showsStance || showsProposal {
            var what = showsStance ? PositionText.stance(p.stance) : ""
            if showsProposal {
                let proposal = "\(corpus.proposalTitle(p.proposal)) [\(p.proposal)]"
                what += showsStance ? " on " + proposal : proposal
            }
            headings.append(what)
        }
        let date = PositionText.date(p, corpus: corpus)
        let body = bodyIndent
        var out: [TextBlock] = []
        if full {
            out += headings.map { TextBlock(.heading, $0, indent: indent, hangingIndent: indent + 2) }
            out.append(TextBlock(.detail, date, indent: indent))
            out.append(.blank)
        } else {
            var lines = headings.isEmpty ? [date] : headings
            if !headings.isEmpty { lines[lines.count - 1] += " · " + date }
            out += lines.map { TextBlock(.heading, $0, indent: indent, hangingIndent: indent + 2) }
        }
        out.append(TextBlock(.summary, p.summary, indent: body))
        if marked { out.append(TextBlock(.note, (unicode ? "★" : "[*]") + " marked for the brief", indent: body)) }
        if let note { out.append(TextBlock(.note, "Note: " + note, indent: body, hangingIndent: body + 2)) }
        for q in p.quotes {
            if full { out.append(.blank) }
            out += PositionText.quote(Citation(q, of: p, in: corpus), indent: body, unicode: unicode)
        }
        return out
    }

    /// Unwrapped plain text.
    public func render(_ p: Position, in corpus: Corpus, note: String? = nil, marked: Bool = false) -> String {
        TextBlock.plain(blocks(p, in: corpus, note: note, marked: marked))
    }

    /// A quote and, below it, its source: “words” / — “Title”, author, publisher, date [id start–end]; reported by X.
    public static func quote(_ c: Citation, indent: Int, unicode: Bool = true) -> [TextBlock] {
        [TextBlock(.quote, c.quotedText(unicode: unicode), indent: indent, hangingIndent: indent + 1),
         TextBlock(.source, (unicode ? "— " : "source: ") + c.source(unicode: unicode, location: true, url: true),
                   indent: indent + 2, hangingIndent: indent + 4)]
    }

    /// "++ supports": the word always, so the stance never rests on the symbol alone.
    public static func stance(_ s: Stance) -> String { "\(s.symbol) \(s.rawValue)" }

    /// "26 May 2022 · final report", the date marked when inferred.
    public static func date(_ p: Position, corpus: Corpus) -> String {
        p.date.humanDescription(inferred: PositionText.dateIsInferred(p, corpus)) + " · " + corpus.stage(of: p).label
    }

    /// Whether the position's date was worked out rather than printed: it
    /// has a date note, or it takes the date of a document whose date is.
    static func dateIsInferred(_ p: Position, _ corpus: Corpus) -> Bool {
        if p.dateIsInferred { return true }
        guard let q = p.quotes.first, let d = corpus.document(q.document) else { return false }
        return d.dateIsInferred && d.date == p.date
    }
}
