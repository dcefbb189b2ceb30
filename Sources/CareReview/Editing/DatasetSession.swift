import Foundation

/// A dataset directory open for changes while a program (the browser) runs:
/// every change goes through `DatasetEditor` (validated, written
/// atomically under the lock), is remembered for undo, and is refused,
/// with the dataset reloaded, when another program changed the files
/// since they were last read.
public final class DatasetSession {
    public let directory: String
    public private(set) var corpus: Corpus
    /// The bytes of every dataset file as last read or written.
    private var snapshot: [String: Data] = [:]
    /// Sizes and modification times, for a cheap check for outside changes.
    private var stamps: [String: FileStamp] = [:]

    public init(directory: String) throws(EditError) {
        self.directory = directory
        let editor = try DatasetEditor(directory: directory)
        corpus = editor.corpus
        remember(editor)
    }

    // MARK: - Changes

    public func apply(_ edit: DatasetEdit) -> DatasetOutcome {
        if let outside = changedOutside() { return reloadAfterOutsideChange(outside, refused: true) }
        var editor: DatasetEditor
        do { editor = try DatasetEditor(directory: directory) } catch {
            return DatasetOutcome(kind: .failed, corpus: nil, message: error.description, position: nil)
        }
        let label: String, position: String?
        do {
            (label, position) = try Self.make(edit, in: &editor)
        } catch {
            return DatasetOutcome(kind: .failed, corpus: nil, message: "Not saved: \(error.description)", position: nil)
        }
        let changed = editor.changedFiles()
        guard !changed.isEmpty else {
            return DatasetOutcome(kind: .failed, corpus: nil, message: "Nothing to save: the files already say that", position: position)
        }
        let before = Dictionary(uniqueKeysWithValues: changed.keys.map { ($0, snapshot[$0]) })
        do {
            try editor.save()
        } catch where error.kind == .changedUnderneath {
            return reloadAfterOutsideChange(changed.keys.sorted(), refused: true)
        } catch {
            return DatasetOutcome(kind: .failed, corpus: nil, message: "Not saved: \(error.description)", position: position)
        }
        let undo = DatasetUndo(label: label, before: before, after: changed.mapValues { Data($0.utf8) })
        reload()
        return DatasetOutcome(kind: .saved(undo), corpus: corpus,
                              message: "Saved: \(label) (\(changed.keys.sorted().joined(separator: ", ")); u undoes)", position: position)
    }

    /// Puts the files back byte for byte as they were before the change,
    /// unless one of them changed since (then nothing is written).
    public func undo(_ u: DatasetUndo) -> DatasetOutcome {
        for (name, bytes) in u.after where read(name) != bytes {
            return reloadAfterOutsideChange([name], refused: true, what: "undo")
        }
        let lock = open(directory, O_RDONLY | O_DIRECTORY)
        guard lock >= 0 else { return failed("Not undone: cannot open \(directory): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else { return failed("Not undone: cannot lock \(directory)") }
        // The reverse of the save's order: what refers comes off before what is referred to.
        for name in u.before.keys.sorted(by: { DatasetEditor.writeRank($0) > DatasetEditor.writeRank($1) }) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            do {
                if let old = u.before[name] ?? nil { try AtomicFile.write(old, to: url) } else { try FileManager.default.removeItem(at: url) }
            } catch {
                flock(lock, LOCK_UN)
                reload()
                return DatasetOutcome(kind: .failed, corpus: corpus, message: "Undo stopped: \(error.localizedDescription)", position: nil)
            }
        }
        flock(lock, LOCK_UN)
        reload()
        return DatasetOutcome(kind: .undone, corpus: corpus, message: "Undone: \(u.label)", position: nil)
    }

    /// Reloads when another program changed the files; nil when nothing changed.
    public func reloadIfChangedOutside() -> DatasetOutcome? {
        let now = currentStamps()
        guard now != stamps else { return nil }
        guard let names = changedOutside() else { stamps = now; return nil }
        let outcome = reloadAfterOutsideChange(names, refused: false)
        // An invalid state is reported once, not on every check.
        stamps = now
        return outcome
    }

    // MARK: -

    static func make(_ edit: DatasetEdit, in editor: inout DatasetEditor) throws(EditError) -> (label: String, position: String?) {
        let c = editor.corpus
        switch edit {
        case .code(let r):
            if let s = r.newStakeholder {
                try editor.add(Stakeholder(id: r.stakeholder, name: s.name, aliases: [], kind: s.kind, description: s.description))
            }
            if let p = r.newProposal {
                try editor.add(Proposal(id: r.proposal, title: p.title, aliases: [], summary: p.summary, stage: p.stage,
                                        theme: p.theme, reviewWords: []))
            }
            let who = r.newStakeholder?.name ?? c.stakeholderName(r.stakeholder)
            let on = r.newProposal?.title ?? c.proposalTitle(r.proposal)
            switch try editor.code(r.quote, stakeholder: r.stakeholder, proposal: r.proposal, stance: r.stance, summary: r.summary) {
            case .newPosition(let id): return ("new position of \(who) on \(on)", id)
            case .quoteAdded(let id): return ("quote added to \(who)’s position on \(on)", id)
            }
        case .updatePosition(let id, let stance, let summary):
            try editor.update(position: id, stance: stance, summary: summary)
            return ("\(describe(id, c)) now \(stance.rawValue)", id)
        case .deleteQuote(let id, let quote):
            switch try editor.delete(quote: quote, from: id) {
            case .quoteRemoved: return ("quote taken off \(describe(id, c))", id)
            case .positionRemoved: return ("\(describe(id, c)) deleted with its only quote", nil)
            }
        case .deletePosition(let id):
            try editor.delete(position: id)
            return ("\(describe(id, c)) deleted", nil)
        }
    }

    static func describe(_ id: String, _ c: Corpus) -> String {
        guard let p = c.position(id) else { return "position \(id)" }
        return "\(c.stakeholderName(p.stakeholder))’s position on \(c.proposalTitle(p.proposal))"
    }

    private func failed(_ message: String) -> DatasetOutcome {
        DatasetOutcome(kind: .failed, corpus: nil, message: message, position: nil)
    }

    private func reloadAfterOutsideChange(_ names: [String], refused: Bool, what: String = "change") -> DatasetOutcome {
        let files = names.joined(separator: ", ")
        let notDone = refused ? "; your \(what) was not written (do it again)" : ""
        do {
            let editor = try DatasetEditor(directory: directory)
            corpus = editor.corpus
            remember(editor)
            return DatasetOutcome(kind: .reloaded, corpus: corpus,
                                  message: "\(files) changed on disk (another program): reloaded\(notDone)", position: nil)
        } catch {
            return DatasetOutcome(kind: .failed, corpus: nil,
                                  message: "\(files) changed on disk and the dataset no longer loads\(notDone): \(error.description)",
                                  position: nil)
        }
    }

    private func reload() {
        if let editor = try? DatasetEditor(directory: directory) {
            corpus = editor.corpus
            remember(editor)
        }
    }

    private func remember(_ editor: DatasetEditor) {
        snapshot = [:]
        for name in names(editor) { if let d = read(name) { snapshot[name] = d } }
        stamps = currentStamps()
    }

    private func names(_ editor: DatasetEditor) -> [String] {
        DatasetEditor.yamlFiles + editor.contents.documents.map { editor.contents.textPath($0) }
    }

    /// The files whose bytes differ from the snapshot, or nil.
    private func changedOutside() -> [String]? {
        var names = Set(snapshot.keys)
        names.formUnion(DatasetEditor.yamlFiles)
        let changed = names.filter { read($0) != snapshot[$0] }.sorted()
        return changed.isEmpty ? nil : changed
    }

    private func read(_ name: String) -> Data? {
        FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
    }

    private struct FileStamp: Equatable { let size: UInt64; let modified: Date? }

    private func currentStamps() -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        for name in Set(snapshot.keys).union(DatasetEditor.yamlFiles) {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if let a = try? FileManager.default.attributesOfItem(atPath: path) {
                out[name] = FileStamp(size: (a[.size] as? NSNumber)?.uint64Value ?? 0, modified: a[.modificationDate] as? Date)
            }
        }
        return out
    }
}
