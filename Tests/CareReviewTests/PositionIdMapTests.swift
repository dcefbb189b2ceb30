import Foundation
import Testing
@testable import CareReview
import CareReviewNotes
import EmbeddedCorpus

/// Marks and notes made before the embedded dataset was recoded follow
/// their positions (Resources/id-map.yaml, applied once by the notes store
/// to the embedded dataset only).
@Suite struct PositionIdMapTests {
    @Test func theEmbeddedMapReadsAndPointsAtRealPositions() throws {
        let maps = EmbeddedCorpus.idMaps
        #expect(maps.count == 1)
        let map = try #require(maps.first)
        let corpus = try CorpusLoader.load(EmbeddedCorpus.source)
        #expect(map.mapping.count >= 20)
        for (old, new) in map.mapping {
            for id in new { #expect(corpus.position(id) != nil, "\(old) → \(id), which is not a position") }
            #expect(corpus.position(old) == nil || new.contains(old), "\(old) still exists but is mapped away")
        }
    }

    @Test func aBrokenMapIsAnError() {
        #expect(throws: IdMapError.self) { try PositionIDMap(name: "x", yaml: "- old: x\n") }
        #expect(throws: IdMapError.self) { try PositionIDMap(name: "x", yaml: "old: x\n") }
        #expect(throws: IdMapError.self) { try PositionIDMap(name: "x", yaml: "- old: a\n  new: [b]\n- old: a\n  new: [c]\n") }
    }

    /// Notes saved on the old ids (a rename, a split, a split keeping its id)
    /// attach to the new ids after the store opens with the embedded map, once;
    /// a --data directory's notes on the same ids are left alone.
    @Test func notesMadeBeforeTheRecodingStillAttach() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crv-idmap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = AnnotationStore(directory: dir, dataset: .embedded)
        _ = try before.apply([.mark("professional-social-work.tor-sustainable-delivery", true),
                              .note("basw.radical-reset", "BASW's verdict"),
                              .mark("lga.tor-sustainable-delivery", true)])
        let other = AnnotationStore(directory: dir, dataset: .directory(dir.path))
        _ = try other.apply([.note("basw.radical-reset", "a --data note")])

        let after = AnnotationStore(directory: dir, dataset: .embedded, idMaps: EmbeddedCorpus.idMaps)
        let a = try after.load()
        let map = try #require(EmbeddedCorpus.idMaps.first).mapping
        for id in try #require(map["basw.radical-reset"]) { #expect(a.notes[id] == "BASW's verdict") }
        #expect(a.notes["basw.radical-reset"] == nil)
        for id in try #require(map["professional-social-work.tor-sustainable-delivery"]) { #expect(a.marked.contains(id)) }
        #expect(a.marked.contains("lga.tor-sustainable-delivery") && a.marked.contains("lga.tor-sustainable-delivery.2020"))
        // Once only: a mark cleared afterwards stays cleared when the store opens again.
        _ = try after.apply([.mark("lga.tor-sustainable-delivery.2020", false)])
        let again = try AnnotationStore(directory: dir, dataset: .embedded, idMaps: EmbeddedCorpus.idMaps).load()
        #expect(!again.marked.contains("lga.tor-sustainable-delivery.2020"))
        // Never a --data directory's.
        #expect(try AnnotationStore(directory: dir, dataset: .directory(dir.path), idMaps: EmbeddedCorpus.idMaps).load()
                    .notes["basw.radical-reset"] == "a --data note")
    }
}
