import Foundation
import Testing
import EmbeddedCorpus
@testable import CareReview
@testable import CareReviewExchange

/// REFI-QDA export: schema validity, deterministic GUIDs, and the round trip
/// export → import → export on the embedded corpus and the mini fixture.
@Suite struct REFIQDATests {
    static let embedded = try! CorpusLoader.load(EmbeddedCorpus.source)

    // MARK: - Schemas

    @Test(arguments: ["embedded", "mini"])
    func projectValidatesAgainstSchema(_ which: String) throws {
        let corpus = which == "embedded" ? Self.embedded : try Fixture.corpus()
        let xml = try REFIQDAExport.project(ExportSelection(corpus))
        try SchemaCheck.validate(xml, schema: "Project.xsd", fileName: "project.qde")
    }

    @Test func filteredProjectValidatesAgainstSchema() throws {
        let c = Self.embedded
        let xml = try REFIQDAExport.project(ExportSelection(c, stakeholder: "article-39"))
        try SchemaCheck.validate(xml, schema: "Project.xsd", fileName: "project.qde")
    }

    @Test(arguments: ["embedded", "mini"])
    func codebookValidatesAgainstSchema(_ which: String) throws {
        let corpus = which == "embedded" ? Self.embedded : try Fixture.corpus()
        let xml = try REFIQDAExport.codebook(ExportSelection(corpus))
        #expect(xml.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))
        try SchemaCheck.validate(xml, schema: "Codebook.xsd", fileName: "codebook.qdc")
    }

    // MARK: - Mapping

    @Test func mappingOnTheFixture() throws {
        let xml = try REFIQDAExport.project(ExportSelection(try Fixture.corpus()))
        #expect(xml.contains("<Project xmlns=\"urn:QDA-XML:project:1.0\""))
        // A proposal code under its chapter, with all five stance children.
        let iro = QDAMapping.proposalGUID("iro-abolition")
        #expect(xml.contains("<Code guid=\"\(QDAMapping.themeGUID(.careExperience))\" name=\"6 The care experience\" isCodable=\"false\" color=\"#000000\">"))
        #expect(xml.contains("<Code guid=\"\(iro)\" name=\"Abolish the Independent Reviewing Officer role\" isCodable=\"true\" color=\"#CC79A7\">"))
        for s in Stance.allCases { #expect(xml.contains(QDAMapping.stanceGUID("iro-abolition", s))) }
        // The quote: offsets in scalars, its text as the name, coded with the stance, referenced from the case.
        // The name is the document's span (curly quotes); the quote as recorded (straight) is in the metadata.
        let quote = "name=\"the Independent Reviewing Officer change was “a step too far”\" startPosition=\"32\" endPosition=\"93\""
        #expect(xml.contains(quote))
        #expect(xml.contains("<CodeRef targetGUID=\"\(QDAMapping.stanceGUID("iro-abolition", .concerned))\"/>"))
        #expect(xml.contains("<Case guid=\"\(QDAMapping.caseGUID("the-charity"))\" name=\"The Charity\">"))
        #expect(xml.contains("<TextValue>charity</TextValue>"))
        #expect(xml.contains("plainTextPath=\"internal://\(QDAMapping.sourceGUID("beta")).txt\""))
    }

    @Test func guidsAreDeterministicUUIDv5() {
        // SHA-1 itself, on the FIPS 180 test vectors.
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        let g = StableGUID.make("proposal:iro-abolition")
        #expect(g == StableGUID.make("proposal:iro-abolition"))
        #expect(g != StableGUID.make("proposal:iro-abolition2"))
        #expect(g.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression) != nil)
        // Pinned (same as Python's uuid.uuid5 with our namespace): a change here changes every exported project.
        #expect(g == "db0f48f2-7a90-5e32-80dd-2869f0c33098")
    }

    @Test func exportsAreReproducible() throws {
        let s = ExportSelection(Self.embedded)
        #expect(try REFIQDAExport.project(s) == REFIQDAExport.project(s))
        #expect(try REFIQDAExport.qdpx(s) == REFIQDAExport.qdpx(s))
    }

    // MARK: - Round trip

    @Test(arguments: ["embedded", "mini"])
    func roundTrip(_ which: String) throws {
        let original = which == "embedded" ? Self.embedded : try Fixture.corpus()
        let (reloaded, firstXML, secondXML) = try RoundTrip.run(original)
        #expect(firstXML == secondXML, "project.qde differs after export → import → export")

        func key(_ p: Position) -> String {
            let quotes = p.quotes.map { "\($0.document)@\($0.start)-\($0.end):\($0.text)" }.sorted()
            return [p.id, p.stakeholder, p.proposal, p.stance.rawValue, p.summary, p.date.description,
                    p.reportedBy ?? "-", quotes.joined(separator: "|")].joined(separator: "\n")
        }
        #expect(original.positions.map(key).sorted() == reloaded.positions.map(key).sorted())
        #expect(original.documents.map { [$0.id, $0.title, $0.author ?? "-", $0.publisher ?? "-", $0.date.description,
                                          $0.dateNote ?? "-", $0.stage.rawValue, $0.url ?? "-", $0.text] }
                == reloaded.documents.map { [$0.id, $0.title, $0.author ?? "-", $0.publisher ?? "-", $0.date.description,
                                             $0.dateNote ?? "-", $0.stage.rawValue, $0.url ?? "-", $0.text] })
        #expect(original.stakeholders.map { [$0.id, $0.name, $0.kind.rawValue, $0.description] + $0.aliases }
                == reloaded.stakeholders.map { [$0.id, $0.name, $0.kind.rawValue, $0.description] + $0.aliases })
        func proposal(_ p: Proposal) -> String {
            let words = p.reviewWords.map { "\($0.document)@\($0.start)-\($0.end):\($0.text)" }.sorted()
            return ([p.id, p.title, p.summary, p.stage.rawValue, "\(p.theme.rawValue)"] + p.aliases + words).joined(separator: "\n")
        }
        #expect(original.proposals.map(proposal).sorted() == reloaded.proposals.map(proposal).sorted())
    }
}

/// Export to a .qdpx file, import it into a directory, load that, export again.
enum RoundTrip {
    static func run(_ corpus: Corpus) throws -> (Corpus, String, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refiqda-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try REFIQDAExport.project(ExportSelection(corpus))
        let qdpx = dir.appendingPathComponent("export.qdpx")
        try REFIQDAExport.qdpx(ExportSelection(corpus)).write(to: qdpx)
        let imported = try REFIQDAImport.read(qdpx: qdpx.path)
        #expect(imported.warnings == [])
        let data = dir.appendingPathComponent("dataset").path
        try DatasetWriter.write(imported, to: data)
        #expect(CorpusLoader.validate(.directory(data)) == [])
        let reloaded = try CorpusLoader.load(.directory(data))
        return (reloaded, first, try REFIQDAExport.project(ExportSelection(reloaded)))
    }
}

/// `xmllint --noout --schema` against the REFI-QDA schemas vendored in
/// Tests/Fixtures/refi-qda (origin in its README). A missing xmllint or schema is a failure, not a skip.
enum SchemaCheck {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static var schemaDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()   // Tests/CareReviewTests
            .appendingPathComponent("../Fixtures/refi-qda").standardized
    }

    static func xmllint() throws -> String {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        guard let path = dirs.map({ $0 + "/xmllint" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "xmllint is not installed: it checks the export against the REFI-QDA schemas (apt-get install libxml2-utils; .ci/run installs it)")
        }
        return path
    }

    static func validate(_ xml: String, schema: String, fileName: String) throws {
        let schemaPath = schemaDirectory.appendingPathComponent(schema).path
        guard FileManager.default.fileExists(atPath: schemaPath) else {
            throw Failure(description: "REFI-QDA schema missing: \(schemaPath) (vendored in Tests/Fixtures/refi-qda)")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refiqda-xsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(fileName)
        try Data(xml.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try xmllint())
        process.arguments = ["--noout", "--schema", schemaPath, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "xmllint: \(text)")
        #expect(text.contains("validates"), "xmllint: \(text)")
    }
}
