import Foundation
import Testing
@testable import CareReview

/// The browser's coding goes through DatasetSession: changes written
/// atomically and validated, undone byte for byte, and never written over
/// another program's change.
@Suite struct DatasetSessionTests {
    /// Every file under a directory, by relative path, with its bytes.
    static func files(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let root = URL(fileURLWithPath: dir)
        for case let path as String in FileManager.default.enumerator(atPath: dir) ?? FileManager.DirectoryEnumerator() {
            var isDir: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: full)
            }
        }
        return out
    }

    static func quote(_ text: String, in doc: String, _ corpus: Corpus) throws -> Quote {
        let d = try #require(corpus.document(doc))
        let r = try #require(QuoteLocator.exact(text, in: d.text).first)
        return Quote(document: doc, text: text, start: r.lowerBound, end: r.upperBound)
    }

    @Test func codeEditAndUndoRestoreTheFilesByteForByte() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let start = Self.files(dir)
        let session = try DatasetSession(directory: dir)
        let q = try Self.quote("It went on.", in: "alpha", session.corpus)
        let code = DatasetEdit.code(CodeRequest(quote: q, stakeholder: "new-group",
                                                newStakeholder: .init(name: "New Group", kind: .charity, description: "A new group."),
                                                proposal: "care-plan", stance: .mixed, summary: "Goes on."))
        let first = session.apply(code)
        guard case .saved(let undoCode) = first.kind else { Issue.record("not saved: \(first.message)"); return }
        #expect(first.position == "new-group.care-plan")
        #expect(session.corpus.position("new-group.care-plan")?.quotes == [q])
        #expect(session.corpus.stakeholder("new-group")?.name == "New Group")
        let afterCode = Self.files(dir)
        #expect(afterCode != start)
        #expect(try CorpusLoader.load(.directory(dir)).position("new-group.care-plan") != nil)

        let second = session.apply(.updatePosition(id: "new-group.care-plan", stance: .opposes, summary: "Now against."))
        guard case .saved(let undoEdit) = second.kind else { Issue.record("not saved: \(second.message)"); return }
        #expect(session.corpus.position("new-group.care-plan")?.stance == .opposes)

        #expect(session.undo(undoEdit).kind == .undone)
        #expect(Self.files(dir) == afterCode)
        #expect(session.undo(undoCode).kind == .undone)
        #expect(Self.files(dir) == start, "undo leaves exactly the bytes there were, and no stray files")
        #expect(session.corpus.position("new-group.care-plan") == nil)
    }

    @Test func aQuoteJoinsTheStakeholdersPositionFromTheSameDocument() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try DatasetSession(directory: dir)
        let before = session.corpus.positions.count
        let q = try Self.quote("It went on.", in: "alpha", session.corpus)
        let out = session.apply(.code(CodeRequest(quote: q, stakeholder: "council", proposal: "care-plan", stance: .supports, summary: "ignored")))
        guard case .saved = out.kind else { Issue.record(Comment(rawValue: out.message)); return }
        #expect(session.corpus.positions.count == before)
        let p = try #require(session.corpus.position("council.care-plan"))
        #expect(p.quotes.contains(q) && p.quotes.count == 2)
        #expect(p.stance == .opposes, "the position's stance and summary are kept")
    }

    @Test func deletingTheLastQuoteDeletesThePosition() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try DatasetSession(directory: dir)
        let p = try #require(session.corpus.position("council.care-plan"))
        let out = session.apply(.deleteQuote(position: p.id, quote: p.quotes[0]))
        guard case .saved(let u) = out.kind else { Issue.record(Comment(rawValue: out.message)); return }
        #expect(session.corpus.position(p.id) == nil)
        #expect(out.message.contains("deleted"))
        #expect(session.undo(u).kind == .undone)
        #expect(session.corpus.position(p.id)?.quotes == p.quotes)
        let del = session.apply(.deletePosition(id: "kinship-carers.kinship-deal"))
        guard case .saved = del.kind else { Issue.record(Comment(rawValue: del.message)); return }
        #expect(session.corpus.position("kinship-carers.kinship-deal") == nil)
    }

    @Test func anInvalidChangeWritesNothing() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let start = Self.files(dir)
        let session = try DatasetSession(directory: dir)
        let bad = Quote(document: "alpha", text: "not in the text", start: 0, end: 15)
        let out = session.apply(.code(CodeRequest(quote: bad, stakeholder: "council", proposal: "kinship-deal", stance: .supports, summary: "x")))
        #expect(out.kind == .failed)
        #expect(out.message.contains("nothing was written"))
        #expect(Self.files(dir) == start)
    }

    @Test func anotherProgramsChangeIsReloadedNeverOverwritten() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try DatasetSession(directory: dir)
        #expect(session.reloadIfChangedOutside() == nil)
        // Another program adds a stakeholder.
        var other = try DatasetEditor(directory: dir)
        try other.add(Stakeholder(id: "outsider", name: "Outsider", aliases: [], kind: .academic, description: "Someone else."))
        try other.save()
        let theirs = Self.files(dir)
        let q = try Self.quote("It went on.", in: "alpha", session.corpus)
        let out = session.apply(.code(CodeRequest(quote: q, stakeholder: "council", proposal: "kinship-deal", stance: .supports, summary: "x")))
        #expect(out.kind == .reloaded)
        #expect(out.message.contains("stakeholders.yaml") && out.message.contains("not written"))
        #expect(Self.files(dir) == theirs, "their change stands; ours was not written")
        #expect(session.corpus.stakeholder("outsider") != nil)
        // Done again on the reloaded dataset, it is saved.
        guard case .saved(let u) = session.apply(.code(CodeRequest(quote: q, stakeholder: "council", proposal: "kinship-deal",
                                                                   stance: .supports, summary: "x"))).kind else {
            Issue.record("not saved after reload"); return
        }
        // An undo after another change to the same file is refused too.
        var third = try DatasetEditor(directory: dir)
        try third.update(position: "council.care-plan", stance: .mixed, summary: "Changed elsewhere.")
        try third.save()
        let now = Self.files(dir)
        #expect(session.undo(u).kind == .reloaded)
        #expect(Self.files(dir) == now)
    }

    @Test func theIdleCheckSeesAnOutsideChange() throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = try DatasetSession(directory: dir)
        var other = try DatasetEditor(directory: dir)
        try other.update(position: "council.care-plan", stance: .mixed, summary: "Changed elsewhere.")
        try other.save()
        let out = try #require(session.reloadIfChangedOutside())
        #expect(out.kind == .reloaded)
        #expect(session.corpus.position("council.care-plan")?.stance == .mixed)
        #expect(session.reloadIfChangedOutside() == nil)
    }
}
