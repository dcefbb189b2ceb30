import Foundation

/// Reads a dataset (four YAML files and the article texts), validates it,
/// and returns a Corpus — or refuses it whole, with every problem located.
public enum CorpusLoader {
    public static let documentsFile = "documents.yaml"
    public static let stakeholdersFile = "stakeholders.yaml"
    public static let proposalsFile = "proposals.yaml"
    public static let positionsFile = "positions.yaml"
    /// Optional: what happened next (government events). A dataset without it has none.
    public static let eventsFile = "events.yaml"

    public static func load(_ source: CorpusSource) throws(CorpusLoadError) -> Corpus {
        try loadValidated(source).corpus
    }

    /// Like `load(_:)`, but when the four YAML files and every text are
    /// byte-for-byte those of an earlier clean load, rebuilds the Corpus from
    /// `cache` without parsing or validating (see CorpusCache); otherwise
    /// loads in full and, if the load is clean, stores it in `cache`. Returns
    /// or throws exactly what `load(_:)` would; with `cache` nil it is `load(_:)`.
    public static func load(_ source: CorpusSource, cache: CorpusCache?) throws(CorpusLoadError) -> Corpus {
        guard let cache else { return try load(source) }
        return try CachedLoad.run(source, cache: cache).result.get()
    }

    /// A full load, with the path each document's text was read from (for the cache).
    static func loadValidated(_ source: CorpusSource) throws(CorpusLoadError) -> (corpus: Corpus, textPaths: [String]) {
        let records = read(source)
        let problems = records.diagnostics + CorpusValidator.validate(records)
        if !problems.isEmpty { throw CorpusLoadError(problems) }
        let corpus = Corpus(documents: records.documents.map(\.value),
                            stakeholders: records.stakeholders.map(\.value),
                            proposals: records.proposals.map(\.value),
                            positions: records.positions.map(\.value),
                            events: records.events.map(\.value))
        return (corpus, records.documents.map { $0.textPath ?? "" })
    }

    /// Every problem in the dataset, in file order; empty when it is clean.
    public static func validate(_ source: CorpusSource) -> [Diagnostic] {
        let records = read(source)
        return Diagnostic.distinctSorted(records.diagnostics + CorpusValidator.validate(records))
    }

    // MARK: - Reading

    static let files: [(EntityKind, String)] = [(.document, documentsFile), (.stakeholder, stakeholdersFile),
                                                 (.proposal, proposalsFile), (.position, positionsFile), (.event, eventsFile)]

    /// Reads all four files, each in one pass over libyaml's events (see
    /// YAMLEventReader), the four on separate cores; results merged in file order.
    static func read(_ source: CorpusSource) -> CorpusRecords {
        let parts = parallelMap(files.count) { i in readFile(files[i].0, files[i].1, source) }
        var records = CorpusRecords()
        for part in parts { records.merge(part) }
        return records
    }

    /// One file: its entries, or (on a YAML syntax error) the error alone and
    /// none of its entries, as the file is then unreadable as a whole.
    static func readFile(_ kind: EntityKind, _ name: String, _ source: CorpusSource) -> CorpusRecords {
        var r = CorpusRecords()
        let path = source.displayPath(name)
        let text: String
        switch source.read(name) {
        case .missing where kind == .event:
            return r   // events.yaml is optional
        case .missing:
            r.diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "file is missing"))
            r.unreadable.insert(kind)
            return r
        case .unreadable(let why):
            r.diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: why))
            r.unreadable.insert(kind)
            return r
        case .text(let t):
            text = t
        }
        let sink = DiagnosticSink()
        let outcome = text.utf8.withContiguousStorageIfAvailable { buffer in
            YAMLEventReader.read(buffer) { tree, node in
                convert(node, kind, YAMLContext(file: path, tree: tree), source, sink, &r)
            }
        } ?? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { buffer in
                YAMLEventReader.read(buffer) { tree, node in
                    convert(node, kind, YAMLContext(file: path, tree: tree), source, sink, &r)
                }
            }
        }()
        if case .failed(let line, let column, let message) = outcome {
            var failed = CorpusRecords()
            failed.unreadable.insert(kind)
            failed.diagnostics = [Diagnostic(file: path, line: line, column: column, message: message)]
            return failed
        }
        r.diagnostics += sink.items
        return r
    }

    /// Converts one entry. Entities refused for a bad field still declare
    /// their id, so references to them are not reported again as unknown.
    private static func convert(_ node: Int32, _ kind: EntityKind, _ ctx: YAMLContext, _ source: CorpusSource,
                                _ sink: DiagnosticSink, _ r: inout CorpusRecords) {
        let tree = ctx.tree
        if tree[node].kind == .mapping {
            let items = tree.items(node)
            var i = items.startIndex
            while i < items.endIndex {
                let key = tree[items[i]], value = tree[items[i + 1]]
                if key.kind == .scalar, key.scalar == "id", value.kind == .scalar { r.declared[kind, default: []].insert(value.scalar) }
                i += 2
            }
        }
        switch kind {
        case .document: if let x = readDocument(node, ctx, source: source, sink: sink) { r.documents.append(x) }
        case .stakeholder: if let x = readStakeholder(node, ctx, sink: sink) { r.stakeholders.append(x) }
        case .proposal: if let x = readProposal(node, ctx, sink: sink, allQuotes: &r.quotes) { r.proposals.append(x) }
        case .position: if let x = readPosition(node, ctx, sink: sink, allQuotes: &r.quotes) { r.positions.append(x) }
        case .event: if let x = readEvent(node, ctx, sink: sink) { r.events.append(x) }
        }
    }
}

/// A value read from the data with the locations needed to report on it.
struct Located<T> {
    enum Field { case stakeholder, proposal, document, offsets }
    let value: T
    let at: SourceLocation
    var quotes: [Located<Quote>] = []
    /// Where a position's stakeholder (or a quote's document) was written.
    var firstReference: SourceLocation? = nil
    /// Where a position's proposal (or a quote's offsets) was written.
    var secondReference: SourceLocation? = nil
    /// For a document: the dataset-relative path its text was read from.
    var textPath: String? = nil

    func location(_ field: Field) -> SourceLocation {
        switch field {
        case .stakeholder, .document: firstReference ?? at
        case .proposal, .offsets: secondReference ?? at
        }
    }
}

enum EntityKind { case document, stakeholder, proposal, position, event }

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
    var events: [Located<GovernmentEvent>] = []
    /// Every quote read, including those of entities refused for other
    /// problems, so each is checked against its document all the same.
    var quotes: [Located<Quote>] = []
    var diagnostics: [Diagnostic] = []

    mutating func merge(_ other: CorpusRecords) {
        // Each file's part is merged into an empty list: assigning shares the
        // array (no per-element copy, which costs a retain per field).
        func join<T>(_ a: inout [T], _ b: [T]) { if a.isEmpty { a = b } else { a += b } }
        join(&documents, other.documents)
        join(&stakeholders, other.stakeholders)
        join(&proposals, other.proposals)
        join(&positions, other.positions)
        join(&events, other.events)
        join(&quotes, other.quotes)
        join(&diagnostics, other.diagnostics)
        for (kind, ids) in other.declared { declared[kind, default: []].formUnion(ids) }
        unreadable.formUnion(other.unreadable)
    }
}
