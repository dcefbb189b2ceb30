import Foundation

/// Changes to a dataset directory, made the safe way: the directory is
/// loaded (and must be valid), changes are applied to the values, the new
/// files are validated in memory before anything is written, and only files
/// whose bytes change are written, each atomically, under an advisory lock,
/// after checking that no other program changed them since they were read.
public struct DatasetEditor {
    public let directory: String
    public internal(set) var contents: DatasetWriter.Contents
    /// The bytes of each file as read, to detect changes made underneath.
    private var original: [String: String]

    /// Opens a dataset to change. It must be valid, unless `checkingQuotes` is
    /// false (for `reanchor`, after a text changed): then only the files must
    /// read cleanly, and quotes may be out of place.
    public init(directory: String, checkingQuotes: Bool = true) throws(EditError) {
        self.directory = directory
        let source = CorpusSource.directory(directory)
        let records = CorpusLoader.read(source)
        let problems = checkingQuotes ? records.diagnostics + CorpusValidator.validate(records) : records.diagnostics
        guard problems.isEmpty else {
            throw EditError(.invalidDataset, "\(directory) is not a valid dataset; nothing was written:\n"
                            + problems.sorted().map(\.description).joined(separator: "\n"))
        }
        contents = DatasetWriter.Contents(documents: records.documents.map(\.value), stakeholders: records.stakeholders.map(\.value),
                                          proposals: records.proposals.map(\.value), positions: records.positions.map(\.value),
                                          events: records.events.map(\.value))
        let textPaths = records.documents.map { $0.textPath ?? "texts/\($0.value.id).txt" }
        contents.textPaths = Dictionary(zip(records.documents.map(\.value.id), textPaths), uniquingKeysWith: { a, _ in a })
        original = [:]
        for name in DatasetEditor.yamlFiles + textPaths {
            if case .text(let t) = source.read(name) { original[name] = t }
        }
    }

    static func writeRank(_ name: String) -> (Int, String) {
        (yamlFiles.firstIndex(of: name).map { $0 + 1 } ?? 0, name)
    }

    static let yamlFiles = [CorpusLoader.documentsFile, CorpusLoader.stakeholdersFile, CorpusLoader.proposalsFile,
                            CorpusLoader.positionsFile, CorpusLoader.eventsFile]

    public var corpus: Corpus {
        Corpus(documents: contents.documents, stakeholders: contents.stakeholders, proposals: contents.proposals,
               positions: contents.positions, events: contents.events)
    }

    // MARK: - Changes

    public mutating func add(_ document: Document, textPath: String? = nil) throws(EditError) {
        guard !contents.documents.contains(where: { $0.id == document.id }) else {
            throw EditError(.conflict, "a document with id '\(document.id)' already exists")
        }
        contents.documents.append(document)
        if let textPath { contents.textPaths[document.id] = textPath }
    }

    public mutating func add(_ stakeholder: Stakeholder) throws(EditError) {
        guard !contents.stakeholders.contains(where: { $0.id == stakeholder.id }) else {
            throw EditError(.conflict, "a stakeholder with id '\(stakeholder.id)' already exists")
        }
        contents.stakeholders.append(stakeholder)
    }

    public mutating func add(_ proposal: Proposal) throws(EditError) {
        guard !contents.proposals.contains(where: { $0.id == proposal.id }) else {
            throw EditError(.conflict, "a proposal with id '\(proposal.id)' already exists")
        }
        contents.proposals.append(proposal)
    }

    /// What `code` did.
    public enum Coded: Equatable, Sendable {
        case newPosition(id: String)
        case quoteAdded(position: String)
    }

    /// Records a quote as a stakeholder's position on a proposal. If the
    /// stakeholder already has a position on it from the same document, the
    /// quote joins that position (its stance and summary are kept);
    /// otherwise a new position is made, with id `stakeholder.proposal`, or
    /// `stakeholder.proposal.YEAR` (then `-2`, `-3`…) when that is taken.
    public mutating func code(_ quote: Quote, stakeholder: String, proposal: String, stance: Stance, summary: String,
                              date: PartialDate? = nil, reportedBy: String? = nil) throws(EditError) -> Coded {
        guard let document = contents.documents.first(where: { $0.id == quote.document }) else {
            throw EditError(.notFound, "no document '\(quote.document)'")
        }
        if let i = contents.positions.firstIndex(where: {
            $0.stakeholder == stakeholder && $0.proposal == proposal && $0.quotes.contains { $0.document == quote.document }
        }) {
            let p = contents.positions[i]
            guard !p.quotes.contains(quote) else { throw EditError(.conflict, "position '\(p.id)' already has this quote") }
            let quotes = (p.quotes + [quote]).sorted { ($0.document, $0.start, $0.end) < ($1.document, $1.start, $1.end) }
            contents.positions[i] = Position(id: p.id, stakeholder: p.stakeholder, proposal: p.proposal, stance: p.stance,
                                             summary: p.summary, date: p.date, quotes: quotes, reportedBy: p.reportedBy,
                                             dateNote: p.dateNote)
            return .quoteAdded(position: p.id)
        }
        let when = date ?? document.date
        let taken = Set(contents.positions.map(\.id))
        var id = "\(stakeholder).\(proposal)"
        if taken.contains(id) { id += ".\(when.year)" }
        var n = 2
        let base = id
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        let note = date == nil && document.dateNote != nil ? "Inferred from the document's date: \(document.dateNote!)" : nil
        contents.positions.append(Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                                           date: when, quotes: [quote], reportedBy: reportedBy, dateNote: note))
        return .newPosition(id: id)
    }

    /// Re-anchored quotes replace the old ones (lost ones stay as they were).
    public mutating func apply(_ r: Reanchor) {
        contents.positions = r.positions
        contents.proposals = r.proposals
    }

    // MARK: - Saving

    /// The files whose bytes the changes alter.
    public func changedFiles() -> [String: String] {
        DatasetWriter.files(contents).filter { original[$0.key] != $0.value }
    }

    /// Validates the changed dataset in memory, then writes what changed.
    /// Returns the paths written. Nothing is written when anything is wrong.
    /// `validating: false` only for `reanchor --force`, which may leave lost quotes.
    @discardableResult
    public func save(validating: Bool = true) throws(EditError) -> [String] {
        let changed = changedFiles()
        guard !changed.isEmpty else { return [] }
        let all = DatasetWriter.files(contents)
        let overlay = CorpusSource(displayRoot: directory) { all[$0].map(CorpusSource.FileContents.text) ?? .missing }
        let problems = validating ? CorpusLoader.validate(overlay) : []
        guard problems.isEmpty else {
            throw EditError(.invalidChange, "the change would make the dataset invalid; nothing was written:\n"
                            + problems.map(\.description).joined(separator: "\n"))
        }
        let lock = open(directory, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else { throw EditError(.io, "cannot open \(directory): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { throw EditError(.io, "cannot lock \(directory): \(String(cString: strerror(errno)))") }
        defer { flock(lock, LOCK_UN) }
        // Another program's change since we read the files is never overwritten.
        let source = CorpusSource.directory(directory)
        for name in changed.keys {
            let now: String? = if case .text(let t) = source.read(name) { t } else { nil }
            if now != original[name] {
                throw EditError(.changedUnderneath, "\(source.displayPath(name)) changed since it was read; nothing was written (run the command again)")
            }
        }
        // Every directory written to must take a new file before any is
        // written (root ignores permission bits, not read-only or immutable ones).
        let root = URL(fileURLWithPath: directory)
        for dir in Set(changed.keys.map { root.appendingPathComponent($0).deletingLastPathComponent().path }) {
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let probe = dir + "/.carereview-write-check-\(getpid())"
            let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else {
                throw EditError(.io, "\(dir) is not writable (\(String(cString: strerror(errno)))); nothing was written")
            }
            close(fd); unlink(probe)
        }
        // What is referred to is written before what refers to it (texts, then
        // documents, stakeholders, proposals, then positions and events), so a
        // process killed between two files leaves a dataset that still loads.
        let order = changed.keys.sorted { DatasetEditor.writeRank($0) < DatasetEditor.writeRank($1) }
        for name in order {
            do { try AtomicFile.write(Data(changed[name]!.utf8), to: URL(fileURLWithPath: directory).appendingPathComponent(name)) } catch {
                throw EditError(.io, "cannot write \(source.displayPath(name)): \(error.localizedDescription)")
            }
        }
        return order
    }
}

public struct EditError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case invalidDataset, invalidChange, notFound, conflict, ambiguous, changedUnderneath, io }
    public let kind: Kind
    public let description: String
    public init(_ kind: Kind, _ description: String) { self.kind = kind; self.description = description }
}
