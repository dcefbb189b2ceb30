import CareReview
import Foundation
import GRDB

/// Marks and notes in a small SQLite database,
/// `$XDG_DATA_HOME/carereview/notes.sqlite` (default `~/.local/share/carereview/`).
///
/// - Saved means durable: a change is reported only after its transaction
///   has committed with `synchronous=FULL` in the rollback (DELETE) journal
///   mode. DELETE rather than WAL keeps everything in the one file (nothing
///   committed lives only in a `-wal` beside it, which matters when the
///   file is synced or copied), and works where WAL's shared memory does
///   not (network and synced folders); notes are written a keystroke at a
///   time, so WAL's speed is not needed.
/// - Changes are deltas (`AnnotationChange`) applied in one IMMEDIATE
///   transaction, waiting up to 10 s for another writer: two browsers and a
///   CLI run never lose each other's changes.
/// - Notes belong to a dataset (`NotesDataset`).
/// - Columns and tables this version does not know (from a newer version)
///   are kept: rows are updated in place, never replaced.
/// - A symlinked database is written through to its target (SQLite opens
///   the target and keeps its journal beside it).
/// - A database that cannot be read is moved aside and kept; if it cannot
///   be moved either, the store is read-only and says so (`status`).
/// - The old `annotations.json` beside it is imported once, into the
///   embedded dataset, and left where it is.
public final class AnnotationStore: @unchecked Sendable {
    public enum Status: Sendable, Equatable {
        case ready
        /// The database could not be read; it was moved to `movedTo` and a new one started.
        case setAside(movedTo: String, reason: String)
        /// Nothing can be read or written this session; `reason` says why in full.
        case readOnly(reason: String)
    }

    /// The database as named (it may be a symlink).
    public let file: URL
    public let dataset: NotesDataset
    public private(set) var status: Status = .ready
    /// Problems that did not stop the store (an old file that could not be imported).
    public private(set) var warnings: [String] = []
    private var queue: DatabaseQueue?

    public static let fileName = "notes.sqlite"
    static let legacyFileName = "annotations.json"

    /// Opens (creating if needed) the store in `directory` for `dataset`,
    /// applying `idMaps` once when the dataset is the embedded one.
    public init(directory: URL, dataset: NotesDataset, idMaps: [PositionIDMap] = []) {
        file = directory.appendingPathComponent(Self.fileName)
        self.dataset = dataset
        open(directory: directory)
        guard queue != nil else { return }
        importLegacy(directory.appendingPathComponent(Self.legacyFileName))
        if dataset.isEmbedded {
            for map in idMaps {
                do { _ = try applyOnce(map) } catch { warnings.append("could not apply the id map '\(map.name)': \(Self.describe(error))") }
            }
        }
    }

    /// The default location, from the environment.
    public static func standard(dataset: NotesDataset, idMaps: [PositionIDMap] = [],
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> AnnotationStore {
        AnnotationStore(directory: standardDirectory(environment: environment), dataset: dataset, idMaps: idMaps)
    }

    public static func standardDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        // HOME and XDG_DATA_HOME from the environment (not passwd), as everywhere.
        UserDirectories(environment: environment).data
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/carereview")
    }

    /// Everything the user must be told about the store as it opened, in
    /// full (with paths), or nil when all is well.
    public var problemMessage: String? {
        var parts: [String] = []
        switch status {
        case .ready: break
        case .setAside(let aside, let reason):
            parts.append("Your marks and notes file \(file.path) could not be read (\(reason)); it is kept, moved to \(aside), and a new one was started.")
        case .readOnly(let reason):
            parts.append("Marks and notes are read-only this session: \(reason). Nothing will be written; marks and notes you make now are lost when you quit.")
        }
        parts += warnings.map { "Marks and notes: \($0)." }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// The same, short enough for one screen line: what happened first, file names without folders.
    public var shortProblemMessage: String? {
        switch status {
        case .ready: return warnings.isEmpty ? nil : "Marks and notes: the old annotations.json could not be imported; it is kept (details on exit)"
        case .setAside(let aside, _):
            return "Your marks and notes file could not be read: kept as \((aside as NSString).lastPathComponent); a new one was started (details on exit)"
        case .readOnly:
            return "Marks and notes are READ-ONLY: \(Self.fileName) can't be read or moved aside; nothing you mark will be saved (details on exit)"
        }
    }

    // MARK: Reading and writing

    /// This dataset's marks and notes as stored now (another process's changes included).
    public func load() throws -> Annotations {
        guard let queue else { return Annotations() }
        return try queue.read { db in try Self.fetch(db, dataset) }
    }

    /// Applies the changes in one transaction; returns when they are durable,
    /// with this dataset's marks and notes as they stand after them.
    @discardableResult
    public func apply(_ changes: [AnnotationChange]) throws -> Annotations {
        guard let queue else { throw NotesUnavailable(message: readOnlyMessage) }
        return try queue.write { db in
            let id = try Self.datasetID(db, dataset)
            for change in changes { try Self.apply(change, dataset: id, db) }
            return try Self.fetch(db, dataset)
        }
    }

    /// Applies `map` to the embedded dataset's marks and notes unless a map
    /// of that name was applied before; true when it ran now.
    @discardableResult
    public func applyOnce(_ map: PositionIDMap) throws -> Bool {
        guard let queue else { throw NotesUnavailable(message: readOnlyMessage) }
        return try queue.write { db in
            guard try Self.claim("idmap:" + map.name, db) else { return false }
            let id = try Self.datasetID(db, .embedded)
            for (old, new) in map.mapping.sorted(by: { $0.key < $1.key }) where new != [old] {
                try Self.move(old, to: new, dataset: id, db)
            }
            return true
        }
    }

    private var readOnlyMessage: String {
        if case .readOnly(let reason) = status { return "marks and notes are read-only this session: \(reason)" }
        return "marks and notes are unavailable"
    }

    // MARK: Opening

    private func open(directory: URL) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            status = .readOnly(reason: "the folder \(directory.path) cannot be created (\(Self.describe(error)))")
            return
        }
        let firstError: Error
        do { queue = try Self.openDatabase(file.path); return } catch { firstError = error }

        // Unreadable: keep it, moved aside, and start afresh; never write over it.
        let reason = Self.describe(firstError)
        let target = Self.resolved(file.path)
        guard FileManager.default.fileExists(atPath: target) else {
            status = .readOnly(reason: "\(file.path) cannot be opened (\(reason))")
            return
        }
        let stamp = Int(Date().timeIntervalSince1970)
        let targetURL = URL(fileURLWithPath: target)
        let aside = targetURL.deletingLastPathComponent()
            .appendingPathComponent("notes.unreadable-\(stamp)-\(getpid()).sqlite").path
        guard rename(target, aside) == 0 else {
            let why = String(cString: strerror(errno))
            status = .readOnly(reason: "\(file.path) could not be read (\(reason)) and could not be moved aside to \(aside) (\(why)); it is left untouched")
            return
        }
        // A journal belongs with its database.
        _ = rename(target + "-journal", aside + "-journal")
        do {
            queue = try Self.openDatabase(file.path)
            status = .setAside(movedTo: aside, reason: reason)
        } catch {
            status = .readOnly(reason: "\(file.path) could not be read (\(reason)); it was moved to \(aside), but a new one cannot be made (\(Self.describe(error)))")
        }
    }

    private static func openDatabase(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.read { db in
            let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "ok"
            if check != "ok" { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: check) }
        }
        try migrator.migrate(queue)
        return queue
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: datasets, marks, notes") { db in
            try db.execute(sql: """
                CREATE TABLE dataset (id INTEGER PRIMARY KEY, identity TEXT NOT NULL UNIQUE);
                CREATE TABLE mark (
                    dataset INTEGER NOT NULL REFERENCES dataset(id),
                    position TEXT NOT NULL,
                    marked_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    PRIMARY KEY (dataset, position));
                CREATE TABLE note (
                    dataset INTEGER NOT NULL REFERENCES dataset(id),
                    position TEXT NOT NULL,
                    text TEXT NOT NULL,
                    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    PRIMARY KEY (dataset, position));
                CREATE TABLE applied_once (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
                """)
        }
        return m
    }

    /// The file a path names, symlinks followed (the path itself if it does not exist).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    // MARK: The old JSON file

    private func importLegacy(_ url: URL) {
        guard let queue, FileManager.default.fileExists(atPath: url.path) else { return }
        do {
            let done = try queue.read { db in
                try Bool.fetchOne(db, sql: "SELECT 1 FROM applied_once WHERE name = ?", arguments: ["import:" + Self.legacyFileName]) ?? false
            }
            if done { return }
            let old = try JSONDecoder().decode(Annotations.self, from: Data(contentsOf: url))
            try queue.write { db in
                guard try Self.claim("import:" + Self.legacyFileName, db) else { return }
                let id = try Self.datasetID(db, .embedded)
                for p in old.marked.sorted() { try Self.apply(.mark(p, true), dataset: id, db) }
                for (p, text) in old.notes.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "INSERT INTO note (dataset, position, text) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                   arguments: [id, p, text])
                }
            }
        } catch {
            warnings.append("the old file \(url.path) could not be imported (\(Self.describe(error))); it is kept as it was")
        }
    }

    // MARK: SQL

    private static func fetch(_ db: Database, _ dataset: NotesDataset) throws -> Annotations {
        let marks = try String.fetchAll(db, sql: """
            SELECT m.position FROM mark m JOIN dataset d ON d.id = m.dataset WHERE d.identity = ?
            """, arguments: [dataset.identity])
        var notes: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT n.position, n.text FROM note n JOIN dataset d ON d.id = n.dataset WHERE d.identity = ?
            """, arguments: [dataset.identity]) {
            notes[row[0]] = row[1]
        }
        return Annotations(marked: Set(marks), notes: notes)
    }

    private static func datasetID(_ db: Database, _ dataset: NotesDataset) throws -> Int64 {
        try db.execute(sql: "INSERT INTO dataset (identity) VALUES (?) ON CONFLICT DO NOTHING", arguments: [dataset.identity])
        return try Int64.fetchOne(db, sql: "SELECT id FROM dataset WHERE identity = ?", arguments: [dataset.identity])!
    }

    private static func apply(_ change: AnnotationChange, dataset: Int64, _ db: Database) throws {
        switch change {
        case .mark(let p, true):
            try db.execute(sql: "INSERT INTO mark (dataset, position) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [dataset, p])
        case .mark(let p, false):
            try db.execute(sql: "DELETE FROM mark WHERE dataset = ? AND position = ?", arguments: [dataset, p])
        case .note(let p, let text?):
            try db.execute(sql: """
                INSERT INTO note (dataset, position, text) VALUES (?, ?, ?)
                ON CONFLICT (dataset, position) DO UPDATE SET text = excluded.text, updated_at = CURRENT_TIMESTAMP
                """, arguments: [dataset, p, text])
        case .note(let p, nil):
            try db.execute(sql: "DELETE FROM note WHERE dataset = ? AND position = ?", arguments: [dataset, p])
        }
    }

    /// Records `name` as applied; false when it already was.
    private static func claim(_ name: String, _ db: Database) throws -> Bool {
        try db.execute(sql: "INSERT INTO applied_once (name) VALUES (?) ON CONFLICT DO NOTHING", arguments: [name])
        return db.changesCount == 1
    }

    private static func move(_ old: String, to new: [String], dataset: Int64, _ db: Database) throws {
        let marked = try Bool.fetchOne(db, sql: "SELECT 1 FROM mark WHERE dataset = ? AND position = ?", arguments: [dataset, old]) ?? false
        let note = try String.fetchOne(db, sql: "SELECT text FROM note WHERE dataset = ? AND position = ?", arguments: [dataset, old])
        for id in new {
            if marked { try apply(.mark(id, true), dataset: dataset, db) }
            if let note {
                let existing = try String.fetchOne(db, sql: "SELECT text FROM note WHERE dataset = ? AND position = ?", arguments: [dataset, id])
                try apply(.note(id, existing.map { $0 == note ? $0 : $0 + "\n\n" + note } ?? note), dataset: dataset, db)
            }
        }
        if !new.contains(old) {
            try apply(.mark(old, false), dataset: dataset, db)
            try apply(.note(old, nil), dataset: dataset, db)
        }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        if let d = error as? DecodingError {
            switch d {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                return c.debugDescription
            @unknown default: break
            }
        }
        return error.localizedDescription
    }
}

/// A write refused because the store could not be opened.
public struct NotesUnavailable: Error, CustomStringConvertible, LocalizedError {
    public let message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
