import Foundation
import Testing
@testable import CareReview
@testable import CareReviewNotes

@Suite struct AnnotationStoreTests {
    func tempDir() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cr-notes-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func roundTripAndEmptyStore() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = AnnotationStore(directory: dir, dataset: .embedded)
        #expect(store.status == .ready)
        #expect(try store.load().isEmpty)
        var a = Annotations()
        a.toggleMark("council.care-plan")
        a.setNote("  ask about funding  ", for: "council.care-plan")
        try store.apply(Annotations().changes(to: a))
        let back = try AnnotationStore(directory: dir, dataset: .embedded).load()
        #expect(back == a)
        #expect(back.notes["council.care-plan"] == "ask about funding")
        try store.apply([.mark("council.care-plan", false), .note("council.care-plan", nil)])
        #expect(try store.load().isEmpty)
        // DELETE journal, synchronous=FULL: everything committed is in the one file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.sqlite"])
    }

    @Test func datasetsNeverShareMarks() throws {
        let dir = tempDir(), other = tempDir()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: other) }
        let embedded = AnnotationStore(directory: dir, dataset: .embedded)
        let mine = AnnotationStore(directory: dir, dataset: .directory(other.path))
        try embedded.apply([.mark("a.b", true), .note("a.b", "embedded")])
        try mine.apply([.note("a.b", "mine")])
        #expect(try embedded.load() == Annotations(marked: ["a.b"], notes: ["a.b": "embedded"]))
        #expect(try mine.load() == Annotations(notes: ["a.b": "mine"]))
        // Another spelling of the same directory (a symlink to it) is the same dataset.
        let link = dir.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: other.path)
        #expect(NotesDataset.directory(link.path) == NotesDataset.directory(other.path + "/."))
        #expect(try AnnotationStore(directory: dir, dataset: .directory(link.path)).load().notes["a.b"] == "mine")
    }

    @Test func twoSessionsKeepEachOthersChanges() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = AnnotationSession(store: AnnotationStore(directory: dir, dataset: .embedded))
        let two = AnnotationSession(store: AnnotationStore(directory: dir, dataset: .embedded))
        var a = one.initial, b = two.initial
        a.toggleMark("p1"); try one.save(a)
        b.toggleMark("p2"); try two.save(b)            // b never saw p1
        a.setNote("first", for: "p3"); try one.save(a)  // a never saw p2
        b.setNote("second", for: "p4"); try two.save(b)
        #expect(try one.current() == Annotations(marked: ["p1", "p2"], notes: ["p3": "first", "p4": "second"]))
    }

    @Test func concurrentWritersLoseNothing() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = AnnotationStore(directory: dir, dataset: .embedded)
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            let store = AnnotationStore(directory: dir, dataset: .embedded)   // its own connection
            for i in 0..<40 {
                do { try store.apply([.mark("w\(w).p\(i)", true), .note("w\(w).p\(i)", "note \(i)")]) } catch { failures.add() }
            }
        }
        #expect(failures.value == 0)
        let all = try AnnotationStore(directory: dir, dataset: .embedded).load()
        #expect(all.marked.count == 160)
        #expect(all.notes.count == 160)
    }

    @Test func oldJSONFileIsImportedOnceAndKept() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = Data(#"{"version":1,"marked":["a.x"],"notes":{"a.x":"from json"}}"#.utf8)
        let old = dir.appendingPathComponent("annotations.json")
        try json.write(to: old)
        let store = AnnotationStore(directory: dir, dataset: .embedded)
        #expect(try store.load() == Annotations(marked: ["a.x"], notes: ["a.x": "from json"]))
        try store.apply([.mark("a.x", false)])
        #expect(try AnnotationStore(directory: dir, dataset: .embedded).load().marked.isEmpty)   // not imported again
        #expect(try Data(contentsOf: old) == json)
        // Only the embedded dataset receives it.
        #expect(try AnnotationStore(directory: dir, dataset: .directory(dir.path)).load().isEmpty)
    }

    @Test func unreadableDatabaseIsMovedAsideNotOverwritten() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let garbage = Data(String(repeating: "not a database ", count: 100).utf8)
        try garbage.write(to: dir.appendingPathComponent("notes.sqlite"))
        let store = AnnotationStore(directory: dir, dataset: .embedded)
        guard case .setAside(let aside, let reason) = store.status else { Issue.record("expected set aside: \(store.status)"); return }
        #expect(!reason.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == garbage)
        #expect(store.problemMessage?.contains("could not be read") == true)
        try store.apply([.mark("b", true)])
        #expect(try Data(contentsOf: URL(fileURLWithPath: aside)) == garbage)
        #expect(try store.load().marked == ["b"])
    }

    /// Not readable and not movable (a link into /proc): read-only, said in full, nothing written.
    @Test func unmovableUnreadableDatabaseMeansReadOnly() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("notes.sqlite").path, withDestinationPath: "/proc/version")
        let store = AnnotationStore(directory: dir, dataset: .embedded)
        guard case .readOnly(let reason) = store.status else { Issue.record("expected read-only: \(store.status)"); return }
        #expect(reason.contains("could not be moved aside"))
        let message = try #require(store.problemMessage)
        #expect(message.contains("read-only this session") && message.contains("Nothing will be written"))
        #expect(throws: NotesUnavailable.self) { try store.apply([.mark("x", true)]) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.appendingPathComponent("notes.sqlite").path) == "/proc/version")
    }

    @Test func symlinkedDatabaseIsWrittenThrough() throws {
        let dir = tempDir(), synced = tempDir()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: synced) }
        let link = dir.appendingPathComponent("notes.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: synced.appendingPathComponent("notes.sqlite").path)
        try AnnotationStore(directory: dir, dataset: .embedded).apply([.mark("p", true)])
        try AnnotationStore(directory: dir, dataset: .embedded).apply([.note("p", "n")])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == synced.appendingPathComponent("notes.sqlite").path)
        #expect(try AnnotationStore(directory: synced, dataset: .embedded).load() == Annotations(marked: ["p"], notes: ["p": "n"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["notes.sqlite"])
    }

    /// A newer version's columns, tables and migrations survive this version's writes.
    @Test func unknownFieldsArePreserved() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AnnotationStore(directory: dir, dataset: .embedded).apply([.note("p", "old")])
        let db = dir.appendingPathComponent("notes.sqlite").path
        try sqlite(db, """
            ALTER TABLE note ADD COLUMN colour TEXT NOT NULL DEFAULT 'none';
            UPDATE note SET colour = 'amber';
            CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');
            INSERT INTO grdb_migrations VALUES ('v9: from the future');
            """)
        let store = AnnotationStore(directory: dir, dataset: .embedded)
        #expect(store.status == .ready)
        try store.apply([.note("p", "new"), .note("q", "other")])
        #expect(try sqlite(db, "SELECT text || '/' || colour FROM note WHERE position = 'p'; SELECT x FROM future;") == "new/amber\nkept\n")
    }

    @Test func idMapRunsOnceOnTheEmbeddedDataset() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = NotesDataset(identity: "dir:/elsewhere")
        try AnnotationStore(directory: dir, dataset: .embedded).apply([.mark("old", true), .note("old", "keep me"), .note("b", "b's own")])
        try AnnotationStore(directory: dir, dataset: other).apply([.mark("old", true)])
        let map = PositionIDMap(name: "2026-split", mapping: ["old": ["a", "b"]])
        let store = AnnotationStore(directory: dir, dataset: .embedded, idMaps: [map])
        #expect(try store.load() == Annotations(marked: ["a", "b"], notes: ["a": "keep me", "b": "b's own\n\nkeep me"]))
        try store.apply([.mark("a", false)])
        #expect(try store.applyOnce(map) == false)
        #expect(try AnnotationStore(directory: dir, dataset: .embedded, idMaps: [map]).load().marked == ["b"])
        #expect(try AnnotationStore(directory: dir, dataset: other).load().marked == ["old"])
    }

    @Test func briefCitesEverything() throws {
        let c = try Fixture.corpus()
        let marked = Annotations(marked: ["the-charity.iro-abolition", "council.care-plan"], notes: ["council.care-plan": "Raise at the workshop"])
        let md = BriefExport.render(marked.markedPositions(in: c), corpus: c, notes: marked.notes)
        #expect(md.contains("2 positions on 2 proposals."))
        #expect(md.contains("## Abolish the Independent Reviewing Officer role"))
        #expect(md.contains("### The Charity: concerned"))
        #expect(md.contains("**Note:** Raise at the workshop"))
        #expect(md.contains("— “Beta round-up”, unsigned, publisher not stated, May 2022, inferred, <https://example.org/beta>; reported by Beta round-up."))
        #expect(md.contains("— “Alpha report on the care plan”, A. Writer, Alpha Press, 26 May 2022, no URL given in the source."))
        #expect(BriefExport.render([], corpus: c).contains("No positions are marked."))
    }

    /// The sqlite3 shell (installed with libsqlite3-dev's tools in CI): fails if missing.
    @discardableResult
    func sqlite(_ db: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}

@Suite struct OutputFileTests {
    func tempDir() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cr-out-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func symlinkIsWrittenThroughAndModeKept() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.md"), link = dir.appendingPathComponent("link.md")
        try Data("old".utf8).write(to: target)
        chmod(target.path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        try OutputFile.write(Data("new".utf8), toPath: link.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        var st = stat()
        stat(target.path, &st)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func fifoIsWrittenNotReplaced() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let got = Box()
        let thread = Thread {
            let fd = open(fifo, O_RDONLY)
            var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 256)
            while true { let n = read(fd, &chunk, 256); if n <= 0 { break }; bytes += chunk[0..<n] }
            close(fd)
            got.data = Data(bytes)
        }
        thread.start()
        try OutputFile.write(Data("through the pipe".utf8), toPath: fifo)
        while got.data == nil { usleep(1000) }
        #expect(got.data == Data("through the pipe".utf8))
        var st = stat()
        lstat(fifo, &st)
        #expect(st.st_mode & S_IFMT == S_IFIFO)
    }

    @Test func staleTemporariesAreRemoved() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // pid 2^22+1 is above Linux's pid_max default, so no such process runs.
        let stale = dir.appendingPathComponent(".brief.md.4194305.12345.tmp")
        try Data("torn".utf8).write(to: stale)
        try AtomicFile.write(Data("x".utf8), to: dir.appendingPathComponent("brief.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["brief.md"])
    }
}

final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? { get { lock.withLock { stored } } set { lock.withLock { stored = newValue } } }
}
