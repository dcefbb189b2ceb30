import Foundation
import Testing

/// `carereview agree` through the real binary.
@Suite struct AgreeCommandTests {
    /// The fixture against a copy in which one stance changed and one position was renamed.
    private func editedFixture() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crv-agree-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLI.fixture, toPath: dir)
        let file = dir + "/positions.yaml"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        let before = text
        text = text.replacingOccurrences(of: "stance: opposes", with: "stance: concerned")
        #expect(text != before)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func textReportCountsAndDisagreements() throws {
        let other = try editedFixture()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let r = try CLI.run(["agree", CLI.fixture, other])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("matched 3 (3 by stakeholder and proposal, 0 by overlapping quotes)"))
        #expect(r.stdout.contains("only in A: 0   only in B: 0"))
        #expect(r.stdout.contains("percent agreement  66.7%  (2 of 3)"))
        #expect(r.stdout.contains("Disagreements (1)"))
        #expect(r.stdout.contains("A: -- opposes"))
        #expect(r.stdout.contains("B: -? concerned"))
    }

    @Test func jsonReport() throws {
        let other = try editedFixture()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let r = try CLI.run(["agree", CLI.fixture, other, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["matched"] as? Int == 3)
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["agreed"] as? Int == 2)
        #expect((json["disagreements"] as? [[String: Any]])?.count == 1)
    }

    @Test func aDirectoryAgainstAProject() throws {
        let qdpx = FileManager.default.temporaryDirectory.appendingPathComponent("crv-agree-\(UUID().uuidString).qdpx").path
        defer { try? FileManager.default.removeItem(atPath: qdpx) }
        let export = try CLI.run(["export", "--format", "qdpx", "--data", CLI.fixture, "--output", qdpx])
        #expect(export.status == 0, "\(export.stderr)")
        let r = try CLI.run(["agree", CLI.fixture, qdpx])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("percent agreement  100.0%  (3 of 3)"))
    }

    @Test func badInputIsAUsageOrDataError() throws {
        let missing = try CLI.run(["agree", CLI.fixture, "/nonexistent/coding"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does not exist"))
    }

    /// The two raw coding passes committed with the dataset compare cleanly,
    /// and every position of each side is either matched or listed as only-in.
    @Test func theCommittedCodingPasses() throws {
        let passes = CLI.repository + "/Resources/coding-passes"
        let r = try CLI.run(["agree", passes + "/coder-a", passes + "/coder-b", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let matched = try #require(json["matched"] as? Int)
        #expect(matched > 50)
        for side in ["a", "b"] {
            let count = try CLI.run(["validate", "--data", passes + "/coder-\(side)"])
            #expect(count.status == 0, "\(count.stdout)")
            let positions = Int(count.stdout.components(separatedBy: " positions")[0].split(separator: " ").last ?? "") ?? -1
            #expect(matched + ((json["only_in_\(side)"] as? [Any])?.count ?? -1) == positions)
        }
    }
}
