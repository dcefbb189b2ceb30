internal import Yams
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
        return (records.diagnostics + CorpusValidator.validate(records)).sorted()
    }

    // MARK: - Reading

    /// One piece of parsing work: a chunk of one file.
    private struct Job {
        let kind: EntityKind
        let file: String        // as shown in diagnostics
        let chunk: YAMLChunk
    }

    /// Reads all four files. Large files are split into chunks of whole
    /// entries that are parsed and converted on all cores (YAML composition
    /// dominates load time); results are merged back in file order.
    static func read(_ source: CorpusSource) -> CorpusRecords {
        var records = CorpusRecords()
        var jobs: [Job] = []
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for (kind, name) in [(EntityKind.document, documentsFile), (.stakeholder, stakeholdersFile),
                             (.proposal, proposalsFile), (.position, positionsFile), (.event, eventsFile)] {
            let path = source.displayPath(name)
            switch source.read(name) {
            case .missing where kind == .event:
                continue
            case .missing:
                records.diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: "file is missing"))
                records.unreadable.insert(kind)
            case .unreadable(let why):
                records.diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: why))
                records.unreadable.insert(kind)
            case .text(let text):
                let chunks = YAMLChunks.split(text, into: 4 * cores) ?? [YAMLChunk(text: text, lineOffset: 0)]
                jobs += chunks.map { Job(kind: kind, file: path, chunk: $0) }
            }
        }
        let parts = parallelMap(jobs.count) { i -> (CorpusRecords, Diagnostic?) in
            let job = jobs[i]
            switch YAMLChunks.parse(job.chunk.text, file: job.file, lineOffset: job.chunk.lineOffset) {
            case .failed(let problem): return (CorpusRecords(), problem)
            case .entries(let nodes): return (convert(nodes, job, source), nil)
            }
        }
        // A file with a syntax error is reported once, as a whole-file parse
        // reports it, and none of its entries are used.
        var failed: Set<String> = []
        for (job, (_, problem)) in zip(jobs, parts) where problem != nil && !failed.contains(job.file) {
            failed.insert(job.file)
            records.unreadable.insert(job.kind)
            if case .failed(let whole) = YAMLChunks.parse(wholeText(job.file, jobs), file: job.file) {
                records.diagnostics.append(whole)
            } else {
                records.diagnostics.append(problem!)
            }
        }
        for (job, (part, _)) in zip(jobs, parts) where !failed.contains(job.file) { records.merge(part) }
        return records
    }

    private static func wholeText(_ file: String, _ jobs: [Job]) -> String {
        jobs.filter { $0.file == file }.map(\.chunk.text).joined()
    }

    /// Converts parsed entries. Entities refused for a bad field still
    /// declare their id, so references to them are not reported again as unknown.
    private static func convert(_ nodes: [Node], _ job: Job, _ source: CorpusSource) -> CorpusRecords {
        let sink = DiagnosticSink()
        var r = CorpusRecords()
        let ctx = YAMLContext(file: job.file, lineOffset: job.chunk.lineOffset)
        for node in nodes {
            if case .mapping(let m) = node, let id = m["id"]?.scalar?.string { r.declared[job.kind, default: []].insert(id) }
            switch job.kind {
            case .document: if let x = readDocument(node, ctx, source: source, sink: sink) { r.documents.append(x) }
            case .stakeholder: if let x = readStakeholder(node, ctx, sink: sink) { r.stakeholders.append(x) }
            case .proposal: if let x = readProposal(node, ctx, sink: sink, allQuotes: &r.quotes) { r.proposals.append(x) }
            case .position: if let x = readPosition(node, ctx, sink: sink, allQuotes: &r.quotes) { r.positions.append(x) }
            case .event: if let x = readEvent(node, ctx, sink: sink) { r.events.append(x) }
            }
        }
        r.diagnostics = sink.items
        return r
    }
}

/// A value read from the data with the locations needed to report on it.
struct Located<T> {
    enum Field { case stakeholder, proposal, document, offsets }
    let value: T
    let at: SourceLocation
    var quotes: [Located<Quote>] = []
    var references: [Field: SourceLocation] = [:]
    /// For a document: the dataset-relative path its text was read from.
    var textPath: String? = nil

    func location(_ field: Field) -> SourceLocation { references[field] ?? at }
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
        documents += other.documents
        stakeholders += other.stakeholders
        proposals += other.proposals
        positions += other.positions
        events += other.events
        quotes += other.quotes
        diagnostics += other.diagnostics
        for (kind, ids) in other.declared { declared[kind, default: []].formUnion(ids) }
        unreadable.formUnion(other.unreadable)
    }
}
