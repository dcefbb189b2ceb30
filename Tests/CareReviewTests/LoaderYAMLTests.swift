import Foundation
import Testing
@testable import CareReview

/// Whole datasets using YAML features the old chunked reader rejected or misreported.
@Suite struct LoaderYAMLTests {
    @Test func duplicateKeyIsReportedAtItsOwnLine() throws {
        let problems = try Fixture.problems(editing: "stakeholders.yaml") { $0.replacingOccurrences(of: "  kind: charity\n", with: "  kind: charity\n  kind: charity\n") }
        let first = try Fixture.line(of: "kind: charity", in: "stakeholders.yaml")
        #expect(problems.map(\.description) == ["stakeholders.yaml:\(first + 1):3: duplicate key 'kind' (first at line \(first))"])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") { "\u{FEFF}" + $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(CorpusLoader.validate(.directory(dir)).isEmpty)
        // Lines and columns are those of the text after the mark.
        let broken = try Fixture.problems(editing: "positions.yaml") { "\u{FEFF}" + $0.replacingOccurrences(of: "stance: opposes", with: "stance: hates") }
        let line = try Fixture.line(of: "stance: opposes", in: "positions.yaml")
        #expect(broken.map { "\($0.line):\($0.column)" } == ["\(line):11"])
    }

    @Test func crlfLineEndingsLoad() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") { $0.replacingOccurrences(of: "\n", with: "\r\n") }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(CorpusLoader.validate(.directory(dir)).isEmpty)
    }

    @Test func anchorInOneEntryAliasedInALaterOne() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "  date: \"2022-05-26\"\n  quotes:\n    - document: alpha\n      start: 64",
                                    with: "  date: &when \"2022-05-26\"\n  quotes:\n    - document: alpha\n      start: 64")
              .replacingOccurrences(of: "  date: \"2022-05\"\n", with: "  date: *when\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = try CorpusLoader.load(.directory(dir))
        #expect(c.position("the-charity.iro-abolition")?.date.description == "2022-05-26")
    }

    @Test func multiLineQuotedScalarWithADashAtColumnZero() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "  summary: Opposes the plan as drastic and dangerous.\n",
                                    with: "  summary: \"Opposes the plan\n- as drastic and dangerous.\"\n")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = try CorpusLoader.load(.directory(dir))
        #expect(c.position("council.care-plan")?.summary == "Opposes the plan - as drastic and dangerous.")
        #expect(c.positions.count == 3)
    }

    @Test func syntaxErrorRefusesTheWholeFileOnce() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0 + "- id: [unclosed\n" }
        #expect(problems.count == 1)
        #expect(problems[0].message.hasPrefix("invalid YAML"))
    }
}
