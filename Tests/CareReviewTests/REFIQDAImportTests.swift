import Foundation
import Testing
@testable import CareReview
@testable import CareReviewExchange

/// REFI-QDA import: clear errors for broken projects, and sensible results
/// for a project from another tool that lacks our metadata.
@Suite struct REFIQDAImportTests {
    static func tempFile(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("refiqda-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static func importError(_ path: String) -> String {
        do {
            _ = try REFIQDAImport.read(qdpx: path)
            Issue.record("a broken project imported")
            return ""
        } catch {
            return error.description
        }
    }

    @Test func notAZip() throws {
        let path = try Self.tempFile("broken.qdpx", Data("<Project/>".utf8))
        let message = Self.importError(path)
        #expect(message.hasPrefix(path + ": not a zip archive"), "\(message)")
        #expect(Self.importError(path + ".missing").hasSuffix("no such file"))
    }

    @Test func zipWithoutProject() throws {
        let zip = try REFIQDAExport.zip([("readme.txt", Data("hello".utf8))])
        let path = try Self.tempFile("empty.qdpx", zip)
        #expect(Self.importError(path) == "\(path): the archive holds no project.qde")
    }

    @Test func malformedXML() throws {
        let zip = try REFIQDAExport.zip([("project.qde", Data("<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook>".utf8))])
        let path = try Self.tempFile("bad.qdpx", zip)
        #expect(Self.importError(path) == "bad.qdpx: project.qde: not well-formed XML at line 1, column 61 (the document ends before its elements are closed, or has content after them)")
        let mismatched = try REFIQDAExport.zip([("project.qde", Data("<Project name=\"x\">\n<Codes></Project>".utf8))])
        let path2 = try Self.tempFile("bad2.qdpx", mismatched)
        #expect(Self.importError(path2).hasPrefix("bad2.qdpx: project.qde: not well-formed XML at line 2"), "\(Self.importError(path2))")
        #expect(Self.importError(path2).hasSuffix("(a closing tag does not match the open element)"), "\(Self.importError(path2))")
    }

    @Test func wrongNamespace() throws {
        let zip = try REFIQDAExport.zip([("project.qde", Data("<Project xmlns=\"urn:other\" name=\"x\"/>".utf8))])
        let path = try Self.tempFile("other.qdpx", zip)
        #expect(Self.importError(path).contains("namespace is 'urn:other', expected 'urn:QDA-XML:project:1.0'"))
    }

    @Test func missingSourceAndBadOffsets() throws {
        let missing = project(source: #"<TextSource guid="\#(g("s"))" name="Art" plainTextPath="internal://\#(g("s")).txt" creationDateTime="2022-05-30T10:00:00Z"/>"#)
        let path = try Self.tempFile("nosource.qdpx", try REFIQDAExport.zip([("project.qde", Data(missing.utf8))]))
        #expect(Self.importError(path) == "nosource.qdpx: the archive has no sources/\(g("s")).txt")

        let outOfRange = project(source: """
            <TextSource guid="\(g("s"))" name="Art" creationDateTime="2022-05-30T10:00:00Z"><PlainTextContent>short</PlainTextContent>
            <PlainTextSelection guid="\(g("q"))" startPosition="2" endPosition="50"/></TextSource>
            """)
        let path2 = try Self.tempFile("range.qdpx", try REFIQDAExport.zip([("project.qde", Data(outOfRange.utf8))]))
        #expect(Self.importError(path2).contains("(2..50): past the end of its text (5 characters)"))
    }

    /// A project as another tool might write it: no ids, no kind, dates only
    /// as creationDateTime, a case linked to a whole source.
    @Test func foreignProject() throws {
        let text = "The council said: “we back kinship carers”. A charity feared the plan."
        func range(_ s: String) -> (Int, Int) {
            let r = text.range(of: s)!
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            return (start, start + s.unicodeScalars.count)
        }
        let (a, b) = range("we back kinship carers"), (c, e) = range("feared the plan")
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork">
            <CodeBook><Codes>
              <Code guid="\(g("t"))" name="4 Family networks" isCodable="false">
                <Code guid="\(g("p"))" name="Kinship deal" isCodable="true"><Description>Support for kinship carers.</Description>
                  <Code guid="\(g("sup"))" name="Supports" isCodable="true"/>
                  <Code guid="\(g("opp"))" name="opposes" isCodable="true"/>
                  <Code guid="\(g("x"))" name="Funding" isCodable="true"/>
                </Code>
              </Code>
              <Code guid="\(g("o"))" name="Other" isCodable="true"/>
            </Codes></CodeBook>
            <Variables><Variable guid="\(g("v"))" name="kind" typeOfVariable="Text"/></Variables>
            <Cases>
              <Case guid="\(g("c1"))" name="Town Council"><VariableValue><VariableRef targetGUID="\(g("v"))"/><TextValue>local-government</TextValue></VariableValue>
                <SelectionRef targetGUID="\(g("q1"))"/></Case>
              <Case guid="\(g("c2"))" name="Some Charity"><SourceRef targetGUID="\(g("s"))"/></Case>
            </Cases>
            <Sources>
              <TextSource guid="\(g("s"))" name="Local news, 30 May" plainTextPath="internal://\(g("s")).txt" creationDateTime="2022-05-30T10:00:00Z">
                <PlainTextSelection guid="\(g("q1"))" name="we back kinship carers" startPosition="\(a)" endPosition="\(b)">
                  <Coding guid="\(g("k1"))"><CodeRef targetGUID="\(g("sup"))"/></Coding></PlainTextSelection>
                <PlainTextSelection guid="\(g("q2"))" name="feared the…" startPosition="\(c)" endPosition="\(e)">
                  <Coding guid="\(g("k2"))"><CodeRef targetGUID="\(g("opp"))"/></Coding></PlainTextSelection>
              </TextSource>
            </Sources>
            </Project>
            """
        let zip = try REFIQDAExport.zip([("project.qde", Data(xml.utf8)), ("sources/\(g("s")).txt", Data(text.utf8))])
        let path = try Self.tempFile("fieldwork.qdpx", zip)
        let d = try REFIQDAImport.read(qdpx: path)
        #expect(d.documents.map(\.id) == ["local-news-30-may"])
        #expect(d.documents[0].stage == .finalReport && d.documents[0].date.description == "2022-05-30")
        #expect(d.stakeholders.map(\.id) == ["town-council", "some-charity"])
        #expect(d.stakeholders.map(\.kind) == [.localGovernment, .commentator])
        #expect(d.proposals.map(\.id) == ["kinship-deal"])
        #expect(d.proposals[0].theme == .familyNetworks && d.proposals[0].summary == "Support for kinship carers.")
        #expect(d.positions.map(\.id) == ["town-council.kinship-deal", "some-charity.kinship-deal"])
        #expect(d.positions.map(\.stance) == [.supports, .opposes])
        // A truncated name is replaced by the text at the offsets.
        #expect(d.positions[1].quotes[0].text == "feared the plan")
        #expect(d.warnings == ["code 'Funding' under 'Kinship deal' is not a stance; its codings are not imported"])

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("refiqda-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try DatasetWriter.write(d, to: out)
        #expect(CorpusLoader.validate(.directory(out)) == [])
    }

    @Test func yamlScalarsEscapeEverything() {
        #expect(DatasetWriter.q("a \"b\" \\ c\nd\te\u{7}\u{2028}") == #""a \"b\" \\ c\nd\te\x07\u2028""#)
        #expect(DatasetWriter.q("“curly” – é") == "\"“curly” – é\"")
    }

    private func g(_ name: String) -> String { StableGUID.make("test:\(name)") }

    private func project(source: String) -> String {
        """
        <Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>\(source)</Sources></Project>
        """
    }
}
