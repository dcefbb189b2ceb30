import Foundation
import Testing
import EmbeddedCorpus
@testable import CareReview
@testable import CareReviewExchange

/// Our export read by other REFI-QDA readers: pyrefiqda and pyqdpx (PyPI),
/// from the virtual environment `make interop-venv` makes in
/// .build/interop-venv (`make test` and .ci/run make it first). A missing
/// environment fails these tests; it never skips them.
@Suite struct REFIQDAInteropTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repo.appendingPathComponent(".build/interop-venv/bin/python").path

    struct Expected {
        let codes, codable, cases, sources, selections, codings, caseRefs: Int
        init(_ s: ExportSelection) {
            let positionQuotes = s.positions.reduce(0) { $0 + $1.quotes.count }
            let reviewWords = s.proposals.reduce(0) { $0 + $1.reviewWords.count }
            let themes = Set(s.proposals.map(\.theme)).count
            codable = s.proposals.count * (1 + Stance.allCases.count) + s.stakeholders.count
            codes = codable + themes + (s.stakeholders.isEmpty ? 0 : 1)
            cases = s.stakeholders.count
            sources = s.documents.count
            selections = positionQuotes + reviewWords
            codings = 2 * positionQuotes + reviewWords
            caseRefs = positionQuotes
        }
    }

    static func run(_ script: String, _ qdpx: String) throws -> [String: Any] {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw SchemaCheck.Failure(description: "no Python environment for the interop tests at \(python): run `make interop-venv` (make test does it first)")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [repo.appendingPathComponent("Tests/Interop/\(script)").path, qdpx]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(script): \(String(decoding: o, as: UTF8.self)) \(e)")
        guard let json = try JSONSerialization.jsonObject(with: o) as? [String: Any] else {
            throw SchemaCheck.Failure(description: "\(script) printed no JSON: \(String(decoding: o, as: UTF8.self)) \(e)")
        }
        return json
    }

    static func export(_ corpus: Corpus) throws -> (String, Expected) {
        let selection = ExportSelection(corpus)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("carereview.qdpx").path
        try REFIQDAExport.qdpx(selection).write(to: URL(fileURLWithPath: path))
        return (path, Expected(selection))
    }

    static func corpus(_ name: String) throws -> Corpus {
        name == "embedded" ? try CorpusLoader.load(EmbeddedCorpus.source) : try Fixture.corpus()
    }

    @Test(arguments: ["embedded", "mini"])
    func pyrefiqdaReadsEverything(_ name: String) throws {
        let (path, want) = try Self.export(try Self.corpus(name))
        let got = try Self.run("pyrefiqda_check.py", path)
        #expect(got["users"] as? Int == 1)
        #expect(got["codes"] as? Int == want.codes)
        #expect(got["codable_codes"] as? Int == want.codable)
        #expect(got["unique_code_names"] as? Int == want.codes, "code names are not unique")
        #expect(got["coloured_codes"] as? Int == want.codes, "a code has no colour")
        #expect(got["cases"] as? Int == want.cases)
        #expect(got["case_selection_refs"] as? Int == want.caseRefs)
        #expect(got["sources"] as? Int == want.sources)
        #expect(got["selections"] as? Int == want.selections)
        #expect(got["codings"] as? Int == want.codings)
        #expect(got["sets"] as? Int == Stance.allCases.count)
        #expect((got["problems"] as? [String]) == [], "selection text differs from its span")
    }

    @Test(arguments: ["embedded", "mini"])
    func pyqdpxReadsEverySelection(_ name: String) throws {
        let (path, want) = try Self.export(try Self.corpus(name))
        let got = try Self.run("pyqdpx_check.py", path)
        #expect(got["users"] as? Int == 1)
        #expect(got["codes"] as? Int == want.codes)
        #expect(got["sources"] as? Int == want.sources)
        #expect(got["selections"] as? Int == want.selections, "pyqdpx dropped selections: \(got["warnings"] ?? "")")
        #expect(got["warning_count"] as? Int == 0, "\(got["warnings"] ?? "")")
        #expect((got["problems"] as? [String]) == [], "selection text differs from its span")
    }

    @Test func pyrefiqdaReadsTheCodebook() throws {
        let selection = ExportSelection(try Self.corpus("embedded"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("interop-\(UUID().uuidString).qdc").path
        try Data(try REFIQDAExport.codebook(selection).utf8).write(to: URL(fileURLWithPath: path))
        let got = try Self.run("pyrefiqda_codebook_check.py", path)
        let want = Expected(selection)
        #expect(got["codes"] as? Int == want.codes)
        #expect(got["unique_code_names"] as? Int == want.codes)
        #expect(got["coloured_codes"] as? Int == want.codes)
        #expect(got["sets"] as? Int == Stance.allCases.count)
    }
}
