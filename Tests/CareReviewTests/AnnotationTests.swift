import Foundation
import Testing
@testable import CareReview

@Suite struct AnnotationStoreTests {
    func tempDir() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cr-notes-\(UUID().uuidString)")
    }

    @Test func roundTripAndNoFile() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = AnnotationStore(directory: dir)
        guard case .none = store.load() else { Issue.record("expected no file"); return }
        var a = Annotations()
        a.toggleMark("council.care-plan")
        a.setNote("  ask about funding  ", for: "council.care-plan")
        try store.save(a)
        guard case .loaded(let back) = store.load() else { Issue.record("expected loaded"); return }
        #expect(back == a)
        #expect(back.notes["council.care-plan"] == "ask about funding")
        a.setNote("   ", for: "council.care-plan")
        #expect(a.notes.isEmpty)
        a.toggleMark("council.care-plan")
        #expect(a.isEmpty)
    }

    @Test func writesAreAtomicAndLeaveNoTemporaryFiles() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = AnnotationStore(directory: dir)
        for i in 0..<50 {
            try store.save(Annotations(marked: ["p\(i)"], notes: ["p\(i)": String(repeating: "x", count: i * 100)]))
            // Whatever moment we look, the file is a complete, readable version.
            guard case .loaded(let now) = store.load() else { Issue.record("torn write at \(i)"); return }
            #expect(now.marked == ["p\(i)"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["annotations.json"])
    }

    @Test func corruptFileIsKeptAsideNotOverwritten() throws {
        let dir = tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = AnnotationStore(directory: dir)
        let garbage = Data("{\"marked\": [\"a\", ".utf8)
        try garbage.write(to: store.file)
        guard case .setAside(let aside, let reason) = store.load() else { Issue.record("expected set aside"); return }
        #expect(!reason.isEmpty)
        #expect(aside != store.file)
        #expect(try Data(contentsOf: aside) == garbage)          // the user's data is kept as it was
        #expect(!FileManager.default.fileExists(atPath: store.file.path))
        try store.save(Annotations(marked: ["b"]))               // new annotations do not touch it
        #expect(try Data(contentsOf: aside) == garbage)
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
}
