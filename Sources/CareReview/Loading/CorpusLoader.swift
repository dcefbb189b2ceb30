internal import Yams

/// Reads a dataset (four YAML files and the article texts), validates it,
/// and returns a Corpus — or refuses it whole, with every problem located.
public enum CorpusLoader {
    public static let documentsFile = "documents.yaml"
    public static let stakeholdersFile = "stakeholders.yaml"
    public static let proposalsFile = "proposals.yaml"
    public static let positionsFile = "positions.yaml"

    public static func load(_ source: CorpusSource) throws(CorpusLoadError) -> Corpus {
        let records = read(source)
        let problems = records.diagnostics + CorpusValidator.validate(records)
        if !problems.isEmpty { throw CorpusLoadError(problems) }
        return Corpus(documents: records.documents.map(\.value),
                      stakeholders: records.stakeholders.map(\.value),
                      proposals: records.proposals.map(\.value),
                      positions: records.positions.map(\.value))
    }

    /// Every problem in the dataset, in file order; empty when it is clean.
    public static func validate(_ source: CorpusSource) -> [Diagnostic] {
        let records = read(source)
        return (records.diagnostics + CorpusValidator.validate(records)).sorted()
    }

    // MARK: - Reading

    static func read(_ source: CorpusSource) -> CorpusRecords {
        let sink = DiagnosticSink()
        var records = CorpusRecords()
        // Entities refused for a bad field still declare their id, so
        // references to them are not reported a second time as unknown.
        func each(_ kind: EntityKind, _ name: String, _ read: (Node, String) -> Void) {
            guard let nodes = entries(name, source, sink) else { records.unreadable.insert(kind); return }
            for node in nodes {
                if case .mapping(let m) = node, let id = m["id"]?.scalar?.string { records.declared[kind, default: []].insert(id) }
                read(node, source.displayPath(name))
            }
        }
        each(.document, documentsFile) { node, file in
            if let r = readDocument(node, file: file, source: source, sink: sink) { records.documents.append(r) }
        }
        each(.stakeholder, stakeholdersFile) { node, file in
            if let r = readStakeholder(node, file: file, sink: sink) { records.stakeholders.append(r) }
        }
        each(.proposal, proposalsFile) { node, file in
            if let r = readProposal(node, file: file, sink: sink) { records.proposals.append(r) }
        }
        each(.position, positionsFile) { node, file in
            if let r = readPosition(node, file: file, sink: sink) { records.positions.append(r) }
        }
        records.diagnostics = sink.items
        return records
    }

    /// The top-level sequence of a YAML file, or nil after reporting why not.
    private static func entries(_ name: String, _ source: CorpusSource, _ sink: DiagnosticSink) -> [Node]? {
        let path = source.displayPath(name)
        let text: String
        switch source.read(name) {
        case .missing: sink.add(Diagnostic(file: path, line: 1, column: 1, message: "file is missing")); return nil
        case .unreadable(let why): sink.add(Diagnostic(file: path, line: 1, column: 1, message: why)); return nil
        case .text(let t): text = t
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            sink.add(yamlDiagnostic(error, file: path))
            return nil
        } catch {
            sink.add(Diagnostic(file: path, line: 1, column: 1, message: "cannot parse YAML: \(error)"))
            return nil
        }
        guard let root else { return [] }   // an empty file is an empty list
        guard case .sequence(let seq) = root else {
            sink.add(YAMLFields.location(of: root, in: path), "expected a list of entries (lines starting with '- ')")
            return nil
        }
        return Array(seq)
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 1, column: 1, message: "cannot read YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }

    private static func readDocument(_ node: Node, file: String, source: CorpusSource, sink: DiagnosticSink) -> Located<Document>? {
        guard let f = YAMLFields(node, file: file, what: "a document", sink: sink) else { return nil }
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
        return Located(value: doc, at: f.location(of: "id"))
    }

    private static func readStakeholder(_ node: Node, file: String, sink: DiagnosticSink) -> Located<Stakeholder>? {
        guard let f = YAMLFields(node, file: file, what: "a stakeholder", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "name", "aliases", "kind", "description"])
        let id = f.string("id"), name = f.string("name"), kind = f.word("kind", StakeholderKind.self)
        let description = f.string("description"), aliases = f.stringList("aliases")
        guard let id, let name, let kind, let description else { return nil }
        return Located(value: Stakeholder(id: id, name: name, aliases: aliases, kind: kind, description: description),
                       at: f.location(of: "id"))
    }

    private static func readProposal(_ node: Node, file: String, sink: DiagnosticSink) -> Located<Proposal>? {
        guard let f = YAMLFields(node, file: file, what: "a proposal", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "title", "aliases", "summary", "stage", "theme", "review_words"])
        let id = f.string("id"), title = f.string("title"), summary = f.string("summary")
        let stage = f.word("stage", Stage.self), aliases = f.stringList("aliases")
        var theme: Theme?
        if let n = f.int("theme") {
            theme = Theme(rawValue: n)
            if theme == nil { sink.add(f.location(of: "theme"), "theme \(n) is not a chapter of the final report (expected 1 to 9)") }
        }
        let quotes = f.nodes("review_words", required: false).compactMap { readQuote($0, file: file, sink: sink) }
        guard let id, let title, let summary, let stage, let theme else { return nil }
        let proposal = Proposal(id: id, title: title, aliases: aliases, summary: summary, stage: stage,
                                theme: theme, reviewWords: quotes.map(\.value))
        return Located(value: proposal, at: f.location(of: "id"), quotes: quotes)
    }

    private static func readPosition(_ node: Node, file: String, sink: DiagnosticSink) -> Located<Position>? {
        guard let f = YAMLFields(node, file: file, what: "a position", sink: sink) else { return nil }
        f.rejectUnknownKeys(["id", "stakeholder", "proposal", "stance", "summary", "date", "reported_by", "quotes"])
        let id = f.string("id"), stakeholder = f.string("stakeholder"), proposal = f.string("proposal")
        let stance = f.word("stance", Stance.self), summary = f.string("summary"), date = f.date("date")
        let reportedBy = f.optionalString("reported_by")
        let quotes = f.nodes("quotes", required: true).compactMap { readQuote($0, file: file, sink: sink) }
        guard let id, let stakeholder, let proposal, let stance, let summary, let date else { return nil }
        let position = Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                                date: date, quotes: quotes.map(\.value), reportedBy: reportedBy)
        return Located(value: position, at: f.location(of: "id"), quotes: quotes,
                       references: [.stakeholder: f.location(of: "stakeholder"), .proposal: f.location(of: "proposal")])
    }

    private static func readQuote(_ node: Node, file: String, sink: DiagnosticSink) -> Located<Quote>? {
        guard let f = YAMLFields(node, file: file, what: "a quote", sink: sink) else { return nil }
        f.rejectUnknownKeys(["document", "text", "start", "end"])
        let document = f.string("document"), text = f.string("text"), start = f.int("start"), end = f.int("end")
        guard let document, let text, let start, let end else { return nil }
        return Located(value: Quote(document: document, text: text, start: start, end: end),
                       at: f.location, references: [.document: f.location(of: "document"), .offsets: f.location(of: "start")])
    }
}

/// A value read from the data with the locations needed to report on it.
struct Located<T> {
    enum Field { case stakeholder, proposal, document, offsets }
    let value: T
    let at: SourceLocation
    var quotes: [Located<Quote>] = []
    var references: [Field: SourceLocation] = [:]

    func location(_ field: Field) -> SourceLocation { references[field] ?? at }
}

enum EntityKind { case document, stakeholder, proposal, position }

/// Everything read from the files, before validation.
struct CorpusRecords {
    /// Ids seen in each file, including entities refused for other reasons.
    var declared: [EntityKind: Set<String>] = [:]
    /// Files that could not be read at all: references into them are not checked.
    var unreadable: Set<EntityKind> = []
    var documents: [Located<Document>] = []
    var stakeholders: [Located<Stakeholder>] = []
    var proposals: [Located<Proposal>] = []
    var positions: [Located<Position>] = []
    var diagnostics: [Diagnostic] = []
}
