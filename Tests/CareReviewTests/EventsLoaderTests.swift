import Foundation
import Testing
@testable import CareReview

/// events.yaml (what happened next) and a position's date_note.
@Suite struct EventsLoaderTests {
    static let events = """
    - proposal: iro-abolition
      date: "2023-02-02"
      kind: rejected
      instrument: "A strategy"
      summary: "Kept the role."
      source_title: "Role kept"
      source_url: "https://example.org/kept"
      checked: "2026-06"
    - proposal: iro-abolition
      date: "2022-06"
      kind: no-decision
      instrument: "A statement"
      summary: "Said it would respond."
      source_title: "Statement"
      source_url: "https://example.org/statement"
      checked: "2026-05"

    """

    private func withEvents(_ text: String, _ body: (String) throws -> Void) throws {
        let dir = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try text.write(toFile: dir + "/events.yaml", atomically: true, encoding: .utf8)
        try body(dir)
    }

    @Test func eventsLoadInDateOrderPerProposal() throws {
        try withEvents(Self.events) { dir in
            let c = try CorpusLoader.load(.directory(dir))
            #expect(c.events.count == 2)
            let e = c.events(onProposal: "iro-abolition")
            #expect(e.map(\.kind) == [.noDecision, .rejected])
            #expect(e.last?.sourceURL == "https://example.org/kept")
            #expect(c.eventsCheckedUpTo?.description == "2026-06")
            #expect(c.events(onProposal: "care-plan").isEmpty)
        }
    }

    @Test func aDatasetWithoutEventsHasNone() throws {
        let c = try Fixture.corpus()
        #expect(c.events.isEmpty)
        #expect(c.eventsCheckedUpTo == nil)
    }

    @Test func eventOnAnUnknownProposalOrKindIsLocated() throws {
        let bad = Self.events.replacingOccurrences(of: "proposal: iro-abolition\n  date: \"2023", with: "proposal: iro-abolishun\n  date: \"2023")
            .replacingOccurrences(of: "kind: no-decision", with: "kind: shelved")
        try withEvents(bad) { dir in
            let problems = CorpusLoader.validate(.directory(dir)).map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
            #expect(problems == [
                "events.yaml:1:13: event refers to unknown proposal 'iro-abolishun' (did you mean 'iro-abolition'?)",
                "events.yaml:11:9: 'shelved' is not a valid kind (expected one of: accepted, accepted-with-changes, rejected, pathfinder, rolled-out, legislated, in-force, no-decision)",
            ])
        }
    }

    @Test func positionDateNoteMarksAnInferredDate() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "  stance: opposes\n", with: "  stance: opposes\n  date_note: \"Inferred from the article's date.\"\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = try CorpusLoader.load(.directory(dir))
        let inferred = c.positions.filter(\.dateIsInferred)
        #expect(inferred.count == 1)
        #expect(inferred.first?.dateNote == "Inferred from the article's date.")
    }

    @Test func cachedLoadKeepsEventsAndDateNotes() throws {
        try withEvents(Self.events) { dir in
            let cacheDir = FileManager.default.temporaryDirectory.appendingPathComponent("crv-cache-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: cacheDir) }
            let cache = CorpusCache(directory: URL(fileURLWithPath: cacheDir))
            _ = try CorpusLoader.load(.directory(dir), cache: cache)
            let again = try CorpusLoader.load(.directory(dir), cache: cache)
            #expect(again.events.count == 2)
            try FileManager.default.removeItem(atPath: dir + "/events.yaml")
            let without = try CorpusLoader.load(.directory(dir), cache: cache)
            #expect(without.events.isEmpty)
        }
    }
}
