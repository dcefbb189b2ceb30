import Foundation
import Testing
@testable import CareReview
@testable import CareReviewExchange

/// Projects written the way other tools write them: CRLF texts, UTF-16
/// offsets (NVivo), a byte-order mark, a `Sources/` folder, QualCoder's
/// export (no case links, one coding per selection), flat codes, and the
/// failures that must not import silently.
@Suite struct REFIQDAToolHabitTests {
    static func g(_ name: String) -> String { StableGUID.make("habit:\(name)") }

    /// A proposal "Kinship deal" with stance children, a "Stakeholders" code
    /// tree with "Town Council", and one source holding `text`.
    static func project(selections: String, cases: String = "", extraCodes: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Fieldwork">
        <CodeBook><Codes>
          <Code guid="\(g("t"))" name="4 Family networks" isCodable="false">
            <Code guid="\(g("p"))" name="Kinship deal" isCodable="true">
              <Code guid="\(g("sup"))" name="supports" isCodable="true"/>
              <Code guid="\(g("opp"))" name="opposes" isCodable="true"/>
            </Code>
          </Code>
          <Code guid="\(g("who"))" name="Stakeholders" isCodable="false">
            <Code guid="\(g("council"))" name="Town Council" isCodable="true"/>
            <Code guid="\(g("charity"))" name="Some Charity" isCodable="true"/>
          </Code>
          \(extraCodes)
        </Codes></CodeBook>
        \(cases)
        <Sources>
          <TextSource guid="\(g("s"))" name="Local news" plainTextPath="internal://\(g("s")).txt" creationDateTime="2022-05-30T10:00:00Z">
          \(selections)
          </TextSource>
        </Sources>
        </Project>
        """
    }

    static func selection(_ id: String, _ name: String, _ start: Int, _ end: Int, codes: [String]) -> String {
        let codings = codes.map { "<Coding guid=\"\(g("k-\(id)-\($0)"))\"><CodeRef targetGUID=\"\(g($0))\"/></Coding>" }.joined()
        return "<PlainTextSelection guid=\"\(g(id))\" name=\"\(name)\" startPosition=\"\(start)\" endPosition=\"\(end)\">\(codings)</PlainTextSelection>"
    }

    static func importing(_ xml: String, text: Data, folder: String = "sources", skipUnmapped: Bool = false) throws -> ImportedDataset {
        let zip = try REFIQDAExport.zip([("project.qde", Data(xml.utf8)), ("\(folder)/\(g("s")).txt", text)])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("habit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("habit.qdpx").path
        try zip.write(to: URL(fileURLWithPath: path))
        return try REFIQDAImport.read(qdpx: path, skipUnmapped: skipUnmapped)
    }

    static func importError(_ xml: String, text: Data) -> String {
        do {
            _ = try importing(xml, text: text)
            Issue.record("the project imported")
            return ""
        } catch {
            return "\(error)"
        }
    }

    /// The dataset written out passes `validate`, with each quote where it should be.
    static func checkValid(_ d: ImportedDataset) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("habit-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(try DatasetWriter.writeValidated(d, to: out) == [])
    }

    static let lines = "Headline\nThe council said we back kinship carers.\nA charity feared the plan.\n"
    static func offsets(_ s: String, in text: String, _ measure: (Substring) -> Int) -> (Int, Int) {
        let r = text.range(of: s)!
        return (measure(text[..<r.lowerBound]), measure(text[..<r.upperBound]))
    }

    /// Offsets by stakeholder code (no Case), in a text with CRLF line endings.
    @Test func crlfTextWithOffsetsCountingLF() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let crlf = Data(Self.lines.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let d = try Self.importing(Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["sup", "council"])), text: crlf)
        #expect(d.documents[0].text == Self.lines)
        #expect(d.positions.map(\.id) == ["town-council.kinship-deal"])
        #expect(d.positions[0].quotes[0].start == a && d.positions[0].quotes[0].text == "we back kinship carers")
        #expect(d.warnings.contains("source 'Local news': CRLF line endings made LF; offsets moved with the text"))
        try Self.checkValid(d)
    }

    @Test func crlfCountedAsTwo() throws {
        let stored = Self.lines.replacingOccurrences(of: "\n", with: "\r\n")
        let (a, b) = Self.offsets("feared the plan", in: stored) { $0.unicodeScalars.count }
        let (la, lb) = Self.offsets("feared the plan", in: Self.lines) { $0.unicodeScalars.count }
        let d = try Self.importing(Self.project(selections: Self.selection("q", "feared the plan", a, b, codes: ["opp", "charity"])), text: Data(stored.utf8))
        #expect(d.positions.map(\.id) == ["some-charity.kinship-deal"])
        #expect(d.positions[0].quotes[0].start == la && d.positions[0].quotes[0].end == lb)
        #expect(d.warnings.contains("source 'Local news': selection offsets are counted in Unicode scalars, CRLF counted as two; converted to Unicode scalars"))
        try Self.checkValid(d)
    }

    /// NVivo counts UTF-16 code units: an emoji before the quote is two.
    @Test func utf16OffsetsAfterAnAstralCharacter() throws {
        let text = "🎉 Party time. The council said we back kinship carers.\n"
        let (a, b) = Self.offsets("we back kinship carers", in: text) { $0.utf16.count }
        let (sa, sb) = Self.offsets("we back kinship carers", in: text) { $0.unicodeScalars.count }
        #expect(a != sa)
        let d = try Self.importing(Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["sup", "council"])), text: Data(text.utf8))
        #expect(d.positions[0].quotes[0].start == sa && d.positions[0].quotes[0].end == sb)
        #expect(d.warnings.contains("source 'Local news': selection offsets are counted in UTF-16 code units; converted to Unicode scalars"))
        try Self.checkValid(d)
    }

    @Test func utf8ByteOffsets() throws {
        let text = "Café society: the council said we back kinship carers.\n"
        let (a, b) = Self.offsets("we back kinship carers", in: text) { $0.utf8.count }
        let (sa, _) = Self.offsets("we back kinship carers", in: text) { $0.unicodeScalars.count }
        let d = try Self.importing(Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["sup", "council"])), text: Data(text.utf8))
        #expect(d.positions[0].quotes[0].start == sa)
        #expect(d.warnings.contains("source 'Local news': selection offsets are counted in UTF-8 bytes; converted to Unicode scalars"))
    }

    /// A byte-order mark, counted as a character (QualCoder reads it into the text) or not.
    @Test(arguments: [true, false])
    func byteOrderMark(counted: Bool) throws {
        let stored = "\u{FEFF}" + Self.lines
        let (a, b) = Self.offsets("we back kinship carers", in: counted ? stored : Self.lines) { $0.unicodeScalars.count }
        let (sa, sb) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let d = try Self.importing(Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["sup", "council"])), text: Data(stored.utf8))
        #expect(d.documents[0].text == Self.lines)
        #expect(d.positions[0].quotes[0].start == sa && d.positions[0].quotes[0].end == sb)
        #expect(d.warnings.contains("source 'Local news': a byte-order mark removed; offsets moved with the text"))
        try Self.checkValid(d)
    }

    /// NVivo's capitalised folder.
    @Test func capitalSourcesFolder() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let d = try Self.importing(Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["sup", "council"])),
                                   text: Data(Self.lines.utf8), folder: "Sources")
        #expect(d.positions.count == 1)
    }

    /// QualCoder: Cases carry no links, and a quote coded twice is two
    /// selections of one span, each with one coding.
    @Test func qualCoderStyleWithoutCaseLinks() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let (c, e) = Self.offsets("feared the plan", in: Self.lines) { $0.unicodeScalars.count }
        let cases = """
            <Variables><Variable guid="\(Self.g("v"))" name="kind" typeOfVariable="Text"/></Variables>
            <Cases><Case guid="\(Self.g("c1"))" name="Town Council"><Description>The council.</Description>
            <VariableValue><VariableRef targetGUID="\(Self.g("v"))"/><TextValue>local-government</TextValue></VariableValue></Case></Cases>
            """
        let sels = [Self.selection("q1", "we back kinship carers", a, b, codes: ["sup"]),
                    Self.selection("q1b", "we back kinship carers", a, b, codes: ["council"]),
                    Self.selection("q2", "feared the plan", c, e, codes: ["opp"]),
                    Self.selection("q2b", "feared the plan", c, e, codes: ["charity"])].joined(separator: "\n")
        let d = try Self.importing(Self.project(selections: sels, cases: cases), text: Data(Self.lines.utf8))
        #expect(d.stakeholders.map(\.id) == ["town-council", "some-charity"])
        #expect(d.stakeholders[0].kind == .localGovernment && d.stakeholders[0].description == "The council.")
        #expect(d.positions.map(\.id) == ["town-council.kinship-deal", "some-charity.kinship-deal"])
        #expect(d.positions.map(\.stance) == [.supports, .opposes])
        #expect(d.positions.map { $0.quotes.map(\.text) } == [["we back kinship carers"], ["feared the plan"]])
        #expect(d.skipped == [])
        try Self.checkValid(d)
    }

    /// Two stakeholders quoting one span, split into one selection per coding:
    /// each stance coding's memo (our metadata) says whose it is.
    @Test func sharedSpanSplitPerCodingUsesTheMemo() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        func sel(_ id: String, _ code: String, _ memo: String?) -> String {
            let d = memo.map { "<Description>\($0)</Description>" } ?? ""
            return "<PlainTextSelection guid=\"\(Self.g(id))\" name=\"we back kinship carers\" startPosition=\"\(a)\" endPosition=\"\(b)\">\(d)<Coding guid=\"\(Self.g("k" + id))\"><CodeRef targetGUID=\"\(Self.g(code))\"/></Coding></PlainTextSelection>"
        }
        func memo(_ who: String) -> String {
            "Said so.\n\ncarereview: {&quot;date&quot;:&quot;2022-05&quot;,&quot;id&quot;:&quot;\(who).kinship-deal&quot;,&quot;stakeholder&quot;:&quot;\(who)&quot;}"
        }
        let codes = """
            <Code guid="\(Self.g("who2"))" name="Stakeholders" isCodable="false">
              <Code guid="\(Self.g("x"))" name="X" isCodable="true"><Description>X.\n\ncarereview: {&quot;aliases&quot;:[],&quot;kind&quot;:&quot;charity&quot;,&quot;stakeholder&quot;:&quot;x&quot;}</Description></Code>
              <Code guid="\(Self.g("y"))" name="Y" isCodable="true"><Description>Y.\n\ncarereview: {&quot;aliases&quot;:[],&quot;kind&quot;:&quot;charity&quot;,&quot;stakeholder&quot;:&quot;y&quot;}</Description></Code>
            </Code>
            """
        let sels = [sel("1", "sup", memo("x")), sel("2", "opp", memo("y")), sel("3", "x", nil), sel("4", "y", nil)].joined(separator: "\n")
        let d = try Self.importing(Self.project(selections: sels, extraCodes: codes), text: Data(Self.lines.utf8))
        #expect(d.positions.map(\.id) == ["x.kinship-deal", "y.kinship-deal"])
        #expect(d.positions.map(\.stakeholder) == ["x", "y"])
        #expect(d.positions.map(\.stance) == [.supports, .opposes])
        #expect(d.positions.map(\.summary) == ["Said so.", "Said so."])
    }

    /// Flat codes named "proposal: stance", and the stakeholder as a code a Case refers to.
    @Test func flatCodesAndStakeholderCodeOfACase() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Flat">
            <CodeBook><Codes>
              <Code guid="\(Self.g("flat"))" name="Kinship care: supports" isCodable="true"/>
              <Code guid="\(Self.g("tc"))" name="TC" isCodable="true"/>
            </Codes></CodeBook>
            <Cases><Case guid="\(Self.g("c1"))" name="Town Council"><CodeRef targetGUID="\(Self.g("tc"))"/></Case></Cases>
            <Sources><TextSource guid="\(Self.g("s"))" name="Local news" plainTextPath="internal://\(Self.g("s")).txt" creationDateTime="2022-05-30T10:00:00Z">
            \(Self.selection("q", "we back kinship carers", a, b, codes: ["flat", "tc"]))
            </TextSource></Sources></Project>
            """
        let d = try Self.importing(xml, text: Data(Self.lines.utf8))
        #expect(d.proposals.map(\.title) == ["Kinship care"])
        #expect(d.positions.map(\.id) == ["town-council.kinship-care"])
        #expect(d.positions.map(\.stance) == [.supports])
        try Self.checkValid(d)
    }

    /// Offsets that agree with the name in no way of counting, and a coding
    /// of a missing code: the import stops and lists them; --skip-unmapped leaves them out.
    @Test func unmappedSelectionsFailUnlessSkipped() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let sels = [Self.selection("good", "we back kinship carers", a, b, codes: ["sup", "council"]),
                    Self.selection("shifted", "feared the plan", a, b, codes: ["opp", "charity"]),
                    Self.selection("ghost", "we back kinship carers", a, b, codes: ["sup", "nowhere"])].joined(separator: "\n")
        let xml = Self.project(selections: sels)
        let message = Self.importError(xml, text: Data(Self.lines.utf8))
        #expect(message.contains("habit.qdpx: 2 selections cannot be imported (nothing written; --skip-unmapped leaves them out):"), "\(message)")
        #expect(message.contains("selection \(Self.g("shifted")) in 'Local news' (\(a)..\(b)): the text there is “we back kinship carers”, not its name “feared the plan”"), "\(message)")
        #expect(message.contains("selection \(Self.g("ghost")) in 'Local news' (\(a)..\(b)): coded with \(Self.g("nowhere")), which is not in the codebook"), "\(message)")

        let d = try Self.importing(xml, text: Data(Self.lines.utf8), skipUnmapped: true)
        #expect(d.positions.map(\.id) == ["town-council.kinship-deal"])
        #expect(d.skipped.count == 2)
    }

    /// Codes in no shape we know: the message says which shapes map.
    @Test func nothingMapsDescribesTheShapes() throws {
        let (a, b) = Self.offsets("we back kinship carers", in: Self.lines) { $0.unicodeScalars.count }
        let xml = Self.project(selections: Self.selection("q", "we back kinship carers", a, b, codes: ["council"]),
                               extraCodes: "<Code guid=\"\(Self.g("misc"))\" name=\"Interesting\" isCodable=\"true\"/>")
        let message = Self.importError(xml, text: Data(Self.lines.utf8))
        #expect(message.hasPrefix("habit.qdpx: no position could be placed (1 coded selection did not map). A quote is a text selection coded with a stance code"), "\(message)")
        #expect(message.contains("coded 'Town Council' but with no stance code"), "\(message)")
    }

    /// A position's date_note travels in its selections' metadata and comes back.
    @Test func positionDateNoteRoundTrips() throws {
        let dir = try Fixture.copy(editing: "positions.yaml") {
            $0.replacingOccurrences(of: "  date: \"2022-05-26\"\n  quotes:", with: "  date: \"2022-05-26\"\n  date_note: \"dated from the press release\"\n  quotes:")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let corpus = try CorpusLoader.load(.directory(dir))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("datenote-\(UUID().uuidString).qdpx").path
        try REFIQDAExport.qdpx(ExportSelection(corpus)).write(to: URL(fileURLWithPath: path))
        let d = try REFIQDAImport.read(qdpx: path)
        #expect(d.positions.first { $0.id == "council.care-plan" }?.dateNote == "dated from the press release")
        try Self.checkValid(d)
    }
}
