/// Turns one YAML entry into a model value, reporting each bad field.
extension CorpusLoader {
    static func readDocument(_ node: Int32, _ ctx: YAMLContext, source: CorpusSource, sink: DiagnosticSink) -> Located<Document>? {
        guard let f = YAMLFields(node, ctx, what: "a document", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "title", "author", "publisher", "date", "date_note", "stage", "url", "text"])
        let id = f.string("id"), title = f.string("title"), date = f.date("date")
        let stage = f.word("stage", Stage.self), textPath = f.string("text")
        let author = f.optionalString("author"), publisher = f.optionalString("publisher")
        let url = f.optionalString("url"), dateNote = f.optionalString("date_note")
        var text: String?
        if let textPath {
            switch source.read(textPath) {
            case .text(let t): text = t
            case .missing: sink.add(f.location(of: "text"), "text file '\(source.displayPath(textPath))' is missing")
            case .unreadable(let why): sink.add(f.location(of: "text"), "text file '\(source.displayPath(textPath))': \(why)")
            }
        }
        guard let id, let title, let date, let stage, let text else { return nil }
        let doc = Document(id: id, title: title, author: author, publisher: publisher, date: date,
                           dateNote: dateNote, stage: stage, url: url, text: text)
        return Located(value: doc, at: f.location(of: "id"), textPath: textPath)
    }

    static func readStakeholder(_ node: Int32, _ ctx: YAMLContext, sink: DiagnosticSink) -> Located<Stakeholder>? {
        guard let f = YAMLFields(node, ctx, what: "a stakeholder", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "name", "aliases", "kind", "description"])
        let id = f.string("id"), name = f.string("name"), kind = f.word("kind", StakeholderKind.self)
        let description = f.string("description"), aliases = f.stringList("aliases")
        guard let id, let name, let kind, let description else { return nil }
        return Located(value: Stakeholder(id: id, name: name, aliases: aliases, kind: kind, description: description),
                       at: f.location(of: "id"))
    }

    static func readProposal(_ node: Int32, _ ctx: YAMLContext, sink: DiagnosticSink, allQuotes: inout [Located<Quote>]) -> Located<Proposal>? {
        guard let f = YAMLFields(node, ctx, what: "a proposal", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "title", "aliases", "summary", "stage", "theme", "review_words"])
        let id = f.string("id"), title = f.string("title"), summary = f.string("summary")
        let stage = f.word("stage", Stage.self), aliases = f.stringList("aliases")
        var theme: Theme?
        if let n = f.int("theme") {
            theme = Theme(rawValue: n)
            if theme == nil { sink.add(f.location(of: "theme"), "theme \(n) is not a chapter of the final report (expected 1 to 9)") }
        }
        let quotes = f.nodes("review_words", required: false).compactMap { readQuote($0, ctx, sink: sink) }
        allQuotes.append(contentsOf: quotes)
        guard let id, let title, let summary, let stage, let theme else { return nil }
        let proposal = Proposal(id: id, title: title, aliases: aliases, summary: summary, stage: stage,
                                theme: theme, reviewWords: quotes.map(\.value))
        return Located(value: proposal, at: f.location(of: "id"), quotes: quotes)
    }

    static func readPosition(_ node: Int32, _ ctx: YAMLContext, sink: DiagnosticSink, allQuotes: inout [Located<Quote>]) -> Located<Position>? {
        guard let f = YAMLFields(node, ctx, what: "a position", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "stakeholder", "proposal", "stance", "summary", "date", "date_note", "reported_by", "quotes"])
        let id = f.string("id"), stakeholder = f.string("stakeholder"), proposal = f.string("proposal")
        let stance = f.word("stance", Stance.self), summary = f.string("summary"), date = f.date("date")
        let reportedBy = f.optionalString("reported_by"), dateNote = f.optionalString("date_note")
        let quotes = f.nodes("quotes", required: true).compactMap { readQuote($0, ctx, sink: sink) }
        allQuotes.append(contentsOf: quotes)
        guard let id, let stakeholder, let proposal, let stance, let summary, let date else { return nil }
        let position = Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                                date: date, quotes: quotes.map(\.value), reportedBy: reportedBy, dateNote: dateNote)
        return Located(value: position, at: f.location(of: "id"), quotes: quotes,
                       firstReference: f.location(of: "stakeholder"), secondReference: f.location(of: "proposal"))
    }

    static func readEvent(_ node: Int32, _ ctx: YAMLContext, sink: DiagnosticSink) -> Located<GovernmentEvent>? {
        guard let f = YAMLFields(node, ctx, what: "an event", sink: sink) else { return nil }
        f.rejectUnknownKeys(["proposal", "date", "kind", "instrument", "summary", "source_title", "source_url", "checked"])
        let proposal = f.string("proposal"), date = f.date("date"), kind = f.word("kind", GovernmentEventKind.self)
        let instrument = f.string("instrument"), summary = f.string("summary")
        let title = f.string("source_title"), url = f.string("source_url"), checked = f.date("checked")
        guard let proposal, let date, let kind, let instrument, let summary, let title, let url, let checked else { return nil }
        let event = GovernmentEvent(proposal: proposal, date: date, kind: kind, instrument: instrument, summary: summary,
                                    sourceTitle: title, sourceURL: url, checked: checked)
        return Located(value: event, at: f.location(of: "proposal"), secondReference: f.location(of: "proposal"))
    }

    static func readQuote(_ node: Int32, _ ctx: YAMLContext, sink: DiagnosticSink) -> Located<Quote>? {
        guard let f = YAMLFields(node, ctx, what: "a quote", sink: sink) else { return nil }
        f.rejectUnknownKeys(["document", "text", "start", "end"])
        let document = f.string("document"), text = f.string("text"), start = f.int("start"), end = f.int("end")
        guard let document, let text, let start, let end else { return nil }
        return Located(value: Quote(document: document, text: text, start: start, end: end),
                       at: f.location, firstReference: f.location(of: "document"), secondReference: f.location(of: "start"))
    }
}
