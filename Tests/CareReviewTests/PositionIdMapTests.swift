import Foundation
import Testing
@testable import CareReview
import EmbeddedCorpus

/// Marks and notes made before the dataset was recoded follow their positions.
@Suite struct PositionIdMapTests {
    static let map = PositionIdMap([
        (old: "a.renamed", new: ["a.new-name"]),
        (old: "b.split", new: ["b.first", "b.second"]),
        (old: "c.kept", new: ["c.kept", "c.kept.2020"]),
        (old: "d.one", new: ["d.merged"]),
        (old: "d.two", new: ["d.merged"]),
    ])

    @Test func marksAndNotesFollowRenamesSplitsAndMerges() {
        let before = Annotations(marked: ["a.renamed", "b.split", "c.kept", "untouched"],
                                 notes: ["a.renamed": "rename note", "b.split": "split note", "c.kept": "kept note",
                                         "d.one": "first", "d.two": "second", "untouched": "stays"])
        let after = Self.map.apply(to: before)
        #expect(after.marked == ["a.new-name", "b.first", "b.second", "c.kept", "c.kept.2020", "untouched"])
        #expect(after.notes["a.new-name"] == "rename note" && after.notes["a.renamed"] == nil)
        #expect(after.notes["b.first"] == "split note" && after.notes["b.second"] == "split note" && after.notes["b.split"] == nil)
        #expect(after.notes["c.kept"] == "kept note" && after.notes["c.kept.2020"] == "kept note")
        #expect(after.notes["d.merged"] == "first\n\nsecond")
        #expect(after.notes["untouched"] == "stays")
        // Applying it again changes nothing more (a note is never doubled).
        #expect(Self.map.apply(to: after).notes == after.notes)
    }

    /// The embedded map: every old id is gone from the dataset (or kept on
    /// purpose), and every new id exists, so no mark can land on nothing.
    @Test func theEmbeddedMapPointsAtRealPositions() throws {
        let map = try PositionIdMap(yaml: try #require(EmbeddedCorpus.files["id-map.yaml"]))
        let corpus = try CorpusLoader.load(EmbeddedCorpus.source)
        #expect(map.entries.count >= 20)
        for (old, new) in map.entries {
            for id in new { #expect(corpus.position(id) != nil, "\(old) → \(id), which is not a position") }
            #expect(corpus.position(old) == nil || new.contains(old), "\(old) still exists but is mapped away")
        }
    }

    @Test func aBrokenMapIsAnError() {
        #expect(throws: IdMapError.self) { try PositionIdMap(yaml: "- old: x\n") }
        #expect(throws: IdMapError.self) { try PositionIdMap(yaml: "old: x\n") }
    }
}
