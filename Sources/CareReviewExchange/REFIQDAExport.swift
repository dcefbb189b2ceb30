import CareReview
import Foundation
import ZIPFoundation

/// Export to REFI-QDA (QDA-XML 1.0), the exchange format of NVivo, ATLAS.ti,
/// MAXQDA and QualCoder.
///
/// - proposals are Codes, grouped under one non-codable Code per theme
///   (chapter); each has a child Code for each of the five stances (all five,
///   so coders get the whole scheme even where no position uses one yet);
/// - stakeholders are Cases, with the `kind`, `stakeholder id` and `aliases` Variables;
/// - documents are TextSources (name = title) whose plain text is
///   `sources/<GUID>.txt`, with `document id`, `author`, `publisher`, `date`,
///   `date note`, `stage` and `url` Variables;
/// - each quote is a PlainTextSelection (offsets in Unicode scalars, end
///   exclusive, the quote as its name) coded with its proposal's stance Code
///   and referenced from its stakeholder's Case; a Note per position holds
///   its summary (text) and id, date and reported_by (JSON description);
/// - the Review's own words are selections coded with the proposal Code itself;
/// - a Note per proposal holds its id, aliases, stage and theme (JSON).
///
/// Every GUID derives from our ids and every list has a fixed order, so the
/// same dataset gives the same bytes.
public enum REFIQDAExport {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `.qdpx` archive: `project.qde` and `sources/<GUID>.txt` per document.
    public static func qdpx(_ s: ExportSelection) throws -> Data {
        let project = try self.project(s)
        return try zip([("project.qde", Data(project.utf8))]
                       + s.documents.map { ("sources/\(QDAMapping.sourceGUID($0.id)).txt", Data($0.text.utf8)) })
    }

    /// A zip archive of the given files, deflated, all with one fixed date
    /// (so the archive itself is reproducible).
    static func zip(_ files: [(path: String, data: Data)]) throws -> Data {
        let date = Date(timeIntervalSince1970: 315_532_800 + 86_400)   // 2 Jan 1980, valid in every time zone
        do {
            let archive = try Archive(accessMode: .create)
            for (path, data) in files {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { throw Failure(description: "the archive has no data") }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write the zip archive: \(error)")
        }
    }

    /// `project.qde`: the whole project as QDA-XML.
    public static func project(_ s: ExportSelection) throws -> String {
        let plan = Plan(s)
        var w = XMLWriter()
        do {
            try w.start("Project", [("xmlns", QDAMapping.projectNamespace), ("name", "carereview"),
                                    ("origin", QDAMapping.origin)])
            if !plan.proposals.isEmpty {
                try w.start("CodeBook"); try w.start("Codes")
                try writeCodes(&w, plan, notes: true)
                w.end(); w.end()
            }
            try writeVariables(&w)
            try writeCases(&w, plan)
            try writeSources(&w, plan)
            try writeNotes(&w, plan)
            try w.text("Description", """
                Stakeholder positions on England's Independent Review of Children's Social Care, exported by \
                carereview. Codes: theme > proposal > stance; Cases: stakeholders; each coded selection is a quote.
                """)
            w.end()
        } catch {
            throw Failure(description: "cannot export to REFI-QDA: text contains a character XML cannot hold: \(error.text.debugDescription)")
        }
        return w.output
    }

    /// The codebook alone (`.qdc`): themes, proposals and stance codes.
    public static func codebook(_ s: ExportSelection) throws -> String {
        let plan = Plan(s)
        guard !plan.proposals.isEmpty else { throw Failure(description: "no proposals to put in a codebook") }
        var w = XMLWriter()
        do {
            try w.start("CodeBook", [("xmlns", QDAMapping.codebookNamespace), ("origin", QDAMapping.origin)])
            try w.start("Codes")
            try writeCodes(&w, plan, notes: false)
            w.end(); w.end()
        } catch {
            throw Failure(description: "cannot export the codebook: text contains a character XML cannot hold: \(error.text.debugDescription)")
        }
        return w.output
    }

    // MARK: - Elements

    private static func writeCodes(_ w: inout XMLWriter, _ plan: Plan, notes: Bool) throws(XMLWriter.InvalidCharacter) {
        for (theme, proposals) in plan.byTheme {
            try w.start("Code", [("guid", QDAMapping.themeGUID(theme)), ("name", theme.label), ("isCodable", "false")])
            for p in proposals {
                try w.start("Code", [("guid", QDAMapping.proposalGUID(p.id)), ("name", p.title), ("isCodable", "true")])
                try w.text("Description", p.summary)
                if notes { try w.empty("NoteRef", [("targetGUID", QDAMapping.proposalNoteGUID(p.id))]) }
                for stance in Stance.allCases {
                    try w.start("Code", [("guid", QDAMapping.stanceGUID(p.id, stance)), ("name", stance.rawValue),
                                         ("isCodable", "true")])
                    try w.text("Description", "\(stance.explanation) — \(p.title)")
                    w.end()
                }
                w.end()
            }
            w.end()
        }
    }

    private static func writeVariables(_ w: inout XMLWriter) throws(XMLWriter.InvalidCharacter) {
        try w.start("Variables")
        for v in QDAMapping.Variable.allCases {
            try w.start("Variable", [("guid", v.guid), ("name", v.rawValue), ("typeOfVariable", "Text")])
            try w.text("Description", v.description)
            w.end()
        }
        w.end()
    }

    private static func writeValue(_ w: inout XMLWriter, _ v: QDAMapping.Variable, _ value: String?) throws(XMLWriter.InvalidCharacter) {
        guard let value else { return }
        try w.start("VariableValue")
        try w.empty("VariableRef", [("targetGUID", v.guid)])
        try w.text("TextValue", value)
        w.end()
    }

    private static func writeCases(_ w: inout XMLWriter, _ plan: Plan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.stakeholders.isEmpty else { return }
        try w.start("Cases")
        for s in plan.stakeholders {
            try w.start("Case", [("guid", QDAMapping.caseGUID(s.id)), ("name", s.name)])
            try w.text("Description", s.description)
            try writeValue(&w, .kind, s.kind.rawValue)
            try writeValue(&w, .stakeholderId, s.id)
            try writeValue(&w, .aliases, QDAMapping.encodeJSON(s.aliases))
            for sel in plan.selectionsByStakeholder[s.id] ?? [] {
                try w.empty("SelectionRef", [("targetGUID", sel.guid)])
            }
            w.end()
        }
        w.end()
    }

    private static func writeSources(_ w: inout XMLWriter, _ plan: Plan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.documents.isEmpty else { return }
        try w.start("Sources")
        for d in plan.documents {
            let guid = QDAMapping.sourceGUID(d.id)
            try w.start("TextSource", [("guid", guid), ("name", d.title), ("plainTextPath", "internal://\(guid).txt")])
            try w.text("Description", d.citation)
            for sel in plan.selectionsByDocument[d.id] ?? [] {
                try w.start("PlainTextSelection", [("guid", sel.guid), ("name", sel.quote.text),
                                                   ("startPosition", String(sel.quote.start)),
                                                   ("endPosition", String(sel.quote.end))])
                try w.start("Coding", [("guid", StableGUID.make("coding:\(sel.guid)"))])
                try w.empty("CodeRef", [("targetGUID", sel.code)])
                w.end()
                if let note = sel.note { try w.empty("NoteRef", [("targetGUID", note)]) }
                w.end()
            }
            try writeValue(&w, .documentId, d.id)
            try writeValue(&w, .author, d.author)
            try writeValue(&w, .publisher, d.publisher)
            try writeValue(&w, .date, d.date.description)
            try writeValue(&w, .dateNote, d.dateNote)
            try writeValue(&w, .stage, d.stage.rawValue)
            try writeValue(&w, .url, d.url)
            w.end()
        }
        w.end()
    }

    private static func writeNotes(_ w: inout XMLWriter, _ plan: Plan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.proposals.isEmpty || !plan.positions.isEmpty else { return }
        try w.start("Notes")
        for p in plan.proposals {
            try w.start("Note", [("guid", QDAMapping.proposalNoteGUID(p.id)), ("name", "Proposal \(p.id)")])
            try w.text("Description", QDAMapping.encodeJSON(QDAMapping.ProposalMeta(
                id: p.id, aliases: p.aliases, stage: p.stage.rawValue, theme: p.theme.rawValue)))
            let also = p.aliases.isEmpty ? "" : " Also: " + p.aliases.joined(separator: ", ") + "."
            try w.text("PlainTextContent", "\(p.stage.label); chapter \(p.theme.label).\(also)")
            w.end()
        }
        for p in plan.positions {
            try w.start("Note", [("guid", QDAMapping.positionNoteGUID(p.id)), ("name", "Position \(p.id)")])
            try w.text("Description", QDAMapping.encodeJSON(QDAMapping.PositionMeta(
                id: p.id, date: p.date.description, reported_by: p.reportedBy)))
            try w.text("PlainTextContent", p.summary)
            w.end()
        }
        w.end()
    }
}

/// The export's elements in their fixed order, with a GUID for each selection.
private struct Plan {
    struct Selection {
        let guid: String
        let quote: Quote
        let code: String      // the stance Code, or the proposal Code for the Review's words
        let note: String?     // the position's Note
    }

    let documents: [Document]
    let stakeholders: [Stakeholder]
    let proposals: [Proposal]        // grouped by theme, dataset order within a theme
    let byTheme: [(Theme, [Proposal])]
    let positions: [Position]        // by proposal (as above), stance, id
    var selectionsByDocument: [String: [Selection]] = [:]
    var selectionsByStakeholder: [String: [Selection]] = [:]

    init(_ s: ExportSelection) {
        documents = s.documents
        stakeholders = s.stakeholders
        let grouped = Dictionary(grouping: s.proposals, by: \.theme)
        byTheme = grouped.keys.sorted().map { ($0, grouped[$0]!) }
        proposals = byTheme.flatMap(\.1)
        let proposalOrder = Dictionary(uniqueKeysWithValues: proposals.enumerated().map { ($1.id, $0) })
        let documentOrder = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        positions = s.positions.sorted {
            (proposalOrder[$0.proposal] ?? Int.max, $0.stance, $0.id) < (proposalOrder[$1.proposal] ?? Int.max, $1.stance, $1.id)
        }

        var used: Set<String> = []
        func guid(_ name: String) -> String {
            var g = StableGUID.make(name), n = 1
            while used.contains(g) { n += 1; g = StableGUID.make("\(name):\(n)") }
            used.insert(g)
            return g
        }
        func key(_ q: Quote) -> (Int, Int, Int) { (documentOrder[q.document] ?? Int.max, q.start, q.end) }
        var byDocument: [String: [Selection]] = [:]
        for p in proposals {
            for q in p.reviewWords where documentOrder[q.document] != nil {
                let sel = Selection(guid: guid("review:\(p.id):\(q.document):\(q.start):\(q.end)"), quote: q,
                                    code: QDAMapping.proposalGUID(p.id), note: nil)
                byDocument[q.document, default: []].append(sel)
            }
        }
        for p in positions {
            for q in p.quotes.sorted(by: { key($0) < key($1) }) {
                let sel = Selection(guid: guid("quote:\(p.id):\(q.document):\(q.start):\(q.end)"), quote: q,
                                    code: QDAMapping.stanceGUID(p.proposal, p.stance), note: QDAMapping.positionNoteGUID(p.id))
                byDocument[q.document, default: []].append(sel)
                selectionsByStakeholder[p.stakeholder, default: []].append(sel)
            }
        }
        selectionsByDocument = byDocument.mapValues {
            $0.sorted { ($0.quote.start, $0.quote.end, $0.guid) < ($1.quote.start, $1.quote.end, $1.guid) }
        }
    }
}
