import Foundation
import Testing
@testable import CareReview

@Suite struct ExportTests {
    @Test func jsonContract() throws {
        let c = try Fixture.corpus()
        let json = JSONExport.render(ExportSelection(c))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["documents", "stakeholders", "proposals", "positions", "events"])
        #expect((root["events"] as? [Any])?.isEmpty == true)   // the fixture has no events.yaml
        let positions = try #require(root["positions"] as? [[String: Any]])
        #expect(positions.count == 3)
        let p = try #require(positions.first { $0["id"] as? String == "the-charity.iro-abolition" })
        #expect(p["stakeholder"] as? String == "the-charity")
        #expect(p["proposal"] as? String == "iro-abolition")
        #expect(p["stance"] as? String == "concerned")
        #expect(p["date"] as? String == "2022-05")
        let q = try #require((p["quotes"] as? [[String: Any]])?.first)
        let docs = try #require(root["documents"] as? [[String: Any]])
        let beta = try #require(docs.first { $0["id"] as? String == "beta" })
        #expect(beta["author"] is NSNull)
        #expect(beta["url"] as? String == "https://example.org/beta")
        // Offsets are Unicode scalars into the document text, end exclusive.
        let text = try #require(beta["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let start = try #require(q["start"] as? Int), end = try #require(q["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "the Independent Reviewing Officer change was “a step too far”")
        let people = try #require(root["stakeholders"] as? [[String: Any]])
        #expect(Set(people[0].keys).isSuperset(of: ["id", "name", "kind", "aliases"]))
        let proposals = try #require(root["proposals"] as? [[String: Any]])
        #expect(Set(proposals[0].keys).isSuperset(of: ["id", "title", "summary", "stage", "theme"]))
    }

    @Test func selectionNarrowsEverything() throws {
        let c = try Fixture.corpus()
        let s = ExportSelection(c, proposal: "iro-abolition")
        #expect(s.positions.map(\.id) == ["the-charity.iro-abolition"])
        #expect(s.documents.map(\.id) == ["beta"])
        #expect(s.stakeholders.map(\.id) == ["the-charity"])
        #expect(ExportSelection(c, stakeholder: "council").proposals.map(\.id) == ["care-plan"])
    }

    @Test func csvIsRFC4180() throws {
        let c = try Fixture.corpus()
        let csv = CSVExport.render(ExportSelection(c, proposal: "iro-abolition"), corpus: c)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == CSVExport.header.joined(separator: ","))
        #expect(lines.count == 3 && lines[2].isEmpty)
        #expect(lines[1].contains("\"the Independent Reviewing Officer change was \"\"a step too far\"\"\""))
        #expect(CSVExport.field("a,b") == "\"a,b\"")
        #expect(CSVExport.field("plain") == "plain")
    }

    @Test func markdownCitesEveryQuote() throws {
        let c = try Fixture.corpus()
        let md = MarkdownExport.render(ExportSelection(c), corpus: c)
        #expect(md.contains("## Abolish the Independent Reviewing Officer role"))
        #expect(md.contains("### Concerned"))
        #expect(md.contains("— “Beta round-up”, May 2022, inferred, <https://example.org/beta>; reported by Beta round-up"))
        #expect(md.contains("— “Alpha report on the care plan”, A. Writer, Alpha Press, 26 May 2022"))
    }
}
