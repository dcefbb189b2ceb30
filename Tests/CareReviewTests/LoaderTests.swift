import Foundation
import Testing
@testable import CareReview

@Suite struct LoaderTests {
    @Test func fixtureLoadsClean() throws {
        let c = try Fixture.corpus()
        #expect(c.documents.count == 2)
        #expect(c.stakeholders.count == 3)
        #expect(c.proposals.count == 3)
        #expect(c.positions.count == 3)
        #expect(c.document("beta")?.author == nil)
        #expect(c.document("beta")?.date.description == "2022-05")
        #expect(c.document("beta")?.url == "https://example.org/beta")
        #expect(c.position("the-charity.iro-abolition")?.reportedBy == "Beta round-up")
        #expect(CorpusLoader.validate(.directory(Fixture.dir)).isEmpty)
    }

    @Test func invalidYAMLIsLocated() throws {
        let problems = try Fixture.problems(editing: "stakeholders.yaml") { $0.replacingOccurrences(of: "aliases: [Town Council]", with: "aliases: [Town Council") }
        #expect(problems.count == 1)
        #expect(problems[0].file == "stakeholders.yaml")
        #expect(problems[0].message.hasPrefix("invalid YAML"))
        #expect(problems[0].line >= 3)
    }

    @Test func missingKey() throws {
        let problems = try Fixture.problems(editing: "stakeholders.yaml") { $0.replacingOccurrences(of: "  kind: charity\n", with: "") }
        let line = try Fixture.line(of: "id: the-charity", in: "stakeholders.yaml")
        #expect(problems.map(\.description) == ["stakeholders.yaml:\(line):3: missing required key 'kind'"])
    }

    @Test func unknownKeyIsReported() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0.replacingOccurrences(of: "  stance: opposes", with: "  stance: opposes\n  stanse: opposes") }
        #expect(problems.count == 1)
        #expect(problems[0].message.hasPrefix("unknown key 'stanse'"))
        #expect(problems[0].line == (try Fixture.line(of: "stance: opposes", in: "positions.yaml")) + 1)
        #expect(problems[0].column == 3)
    }

    @Test func stanceOutsideVocabulary() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0.replacingOccurrences(of: "stance: opposes", with: "stance: hates") }
        let line = try Fixture.line(of: "stance: opposes", in: "positions.yaml")
        #expect(problems.map(\.description) == [
            "positions.yaml:\(line):11: 'hates' is not a valid stance (expected one of: supports, qualified, mixed, concerned, opposes)",
        ])
    }

    @Test func kindOutsideVocabulary() throws {
        let problems = try Fixture.problems(editing: "stakeholders.yaml") { $0.replacingOccurrences(of: "kind: charity", with: "kind: quango") }
        #expect(problems.count == 1)
        #expect(problems[0].message.hasPrefix("'quango' is not a valid kind"))
        #expect(problems[0].line == (try Fixture.line(of: "kind: charity", in: "stakeholders.yaml")))
    }

    @Test func impossibleDate() throws {
        let problems = try Fixture.problems(editing: "documents.yaml") { $0.replacingOccurrences(of: "\"2022-05-26\"", with: "\"2022-02-30\"") }
        #expect(problems.map(\.message) == ["'2022-02-30' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"])
        #expect(problems[0].line == (try Fixture.line(of: "2022-05-26", in: "documents.yaml")))
    }

    @Test func themeOutOfRange() throws {
        let problems = try Fixture.problems(editing: "proposals.yaml") { $0.replacingOccurrences(of: "theme: 4", with: "theme: 12") }
        #expect(problems.map(\.message) == ["theme 12 is not a chapter of the final report (expected 1 to 9)"])
    }

    @Test func emptySummary() throws {
        let problems = try Fixture.problems(editing: "proposals.yaml") { $0.replacingOccurrences(of: "summary: Replace IROs with advocacy.", with: "summary: \"  \"") }
        #expect(problems.map(\.message) == ["'summary' is empty"])
        #expect(problems[0].line == (try Fixture.line(of: "Replace IROs", in: "proposals.yaml")))
    }

    @Test func duplicateId() throws {
        let problems = try Fixture.problems(editing: "stakeholders.yaml") {
            $0 + "- id: council\n  name: Another council\n  kind: local-government\n  description: A second entry.\n"
        }
        let first = try Fixture.line(of: "id: council", in: "stakeholders.yaml")
        let lines = try String(contentsOfFile: Fixture.dir + "/stakeholders.yaml", encoding: .utf8).components(separatedBy: "\n").count
        #expect(problems.map(\.description) == ["stakeholders.yaml:\(lines):7: duplicate stakeholder id 'council' (first defined at line \(first))"])
    }

    @Test func badIdFormat() throws {
        let problems = try Fixture.problems(editing: "proposals.yaml") { $0.replacingOccurrences(of: "id: care-plan", with: "id: Care Plan") }
        #expect(problems.contains { $0.message.hasPrefix("proposal id 'Care Plan' must be lowercase") })
    }

    @Test func unknownReferencesSuggestNames() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "stakeholder: council", with: "stakeholder: councl")
              .replacingOccurrences(of: "proposal: kinship-deal", with: "proposal: kinship")
              .replacingOccurrences(of: "document: beta", with: "document: gamma")
        }
        #expect(problems.map(\.message) == [
            "position 'council.care-plan' refers to unknown stakeholder 'councl' (did you mean 'council'?)",
            "position 'kinship-carers.kinship-deal' refers to unknown proposal 'kinship' (did you mean 'kinship-deal'?)",
            "quote refers to unknown document 'gamma'",
        ])
        #expect(problems[0].line == (try Fixture.line(of: "stakeholder: council", in: "positions.yaml")))
        #expect(problems[0].column == 16)
    }

    @Test func misplacedQuoteSaysWhereItIs() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0.replacingOccurrences(of: "start: 64\n      end: 121", with: "start: 60\n      end: 117") }
        let line = try Fixture.line(of: "start: 64", in: "positions.yaml")
        #expect(problems.map(\.description) == [
            "positions.yaml:\(line):14: quote does not match document 'alpha' at 60..117; the quote is at start: 64, end: 121",
        ])
    }

    @Test func quoteNotInDocument() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0.replacingOccurrences(of: "it is drastic and dangerous.", with: "it is drastic and reckless.") }
        #expect(problems.map(\.message) == ["quote does not match document 'alpha' at 64..121; the quote's text does not occur in the document"])
    }

    @Test func quotePastTheEnd() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") { $0.replacingOccurrences(of: "end: 121", with: "end: 99999") }
        #expect(problems.count == 1)
        #expect(problems[0].message.hasPrefix("quote offsets 64..99999 are past the end of document 'alpha'"))
    }

    @Test func missingTextFile() throws {
        let problems = try Fixture.problems(editing: "documents.yaml") { $0.replacingOccurrences(of: "texts/beta.txt", with: "texts/gamma.txt") }
        // The document is refused, so the quote pointing into it is reported too.
        #expect(problems.map(\.message).contains { $0.hasPrefix("text file ") && $0.hasSuffix("texts/gamma.txt' is missing") })
        #expect(problems[0].line == (try Fixture.line(of: "texts/beta.txt", in: "documents.yaml")))
    }

    @Test func invalidUTF8Text() throws {
        let path = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data([0x41, 0xFF, 0xFE, 0x42]).write(to: URL(fileURLWithPath: path + "/texts/beta.txt"))
        let problems = CorpusLoader.validate(.directory(path))
        #expect(problems.first?.message.hasSuffix("file is not valid UTF-8") == true)
    }

    @Test func missingFile() throws {
        let path = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.removeItem(atPath: path + "/proposals.yaml")
        let problems = CorpusLoader.validate(.directory(path))
        #expect(problems.contains { $0.description == "\(path)/proposals.yaml:1:1: file is missing" })
    }

    @Test func allProblemsInOneRun() throws {
        let problems = try Fixture.problems(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "stance: opposes", with: "stance: x").replacingOccurrences(of: "stance: qualified", with: "stance: y")
        }
        #expect(problems.count == 2)
    }

    @Test func curlyAndStraightQuotesMatch() throws {
        // The fixture's beta quote is written with straight quotes; the text has curly ones.
        let c = try Fixture.corpus()
        let q = try #require(c.position("the-charity.iro-abolition")?.quotes.first)
        #expect(q.text.contains("\"a step too far\""))
        #expect(QuoteAnchor.slice(c.document("beta")!.text, q.start..<q.end)!.contains("“a step too far”"))
    }
}
