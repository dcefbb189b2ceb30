import CareReview
import Foundation
import ZIPFoundation

/// Export to REFI-QDA (QDA-XML 1.0), the exchange format of NVivo, ATLAS.ti,
/// MAXQDA and QualCoder.
///
/// - proposals are Codes, grouped under one non-codable Code per theme
///   (chapter); each has a child Code for each of the five stances (all five,
///   so coders get the whole scheme even where no position uses one yet),
///   named `stance: proposal-id` so every code name is unique, with one fixed
///   colour per stance;
/// - stakeholders are Cases, with the `kind`, `stakeholder id` and `aliases`
///   Variables, and also Codes under a `Stakeholders` category, so who said
///   a quote survives a tool that ignores the Cases' SelectionRefs;
/// - documents are TextSources (name = title) whose plain text is
///   `sources/<GUID>.txt`, with `document id`, `author`, `publisher`, `date`,
///   `date note`, `stage` and `url` Variables;
/// - each quote is a PlainTextSelection (offsets in Unicode scalars, end
///   exclusive, the quote as its name) coded with its proposal's stance Code
///   and its stakeholder's Code, referenced from its stakeholder's Case; its
///   Description (a coding memo in QualCoder) and a Note per position hold
///   the summary, id, date and reported_by;
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
        let plan = QDAExportPlan(s)
        var w = XMLWriter()
        let user = QDAMapping.userGUID()
        do {
            try w.start("Project", [("xmlns", QDAMapping.projectNamespace), ("name", "carereview"),
                                    ("origin", QDAMapping.origin), ("creatingUserGUID", user),
                                    ("creationDateTime", plan.projectDate), ("modifyingUserGUID", user),
                                    ("modifiedDateTime", plan.projectDate)])
            try w.start("Users")
            try w.empty("User", [("guid", user), ("name", QDAMapping.userName)])
            w.end()
            if !plan.proposals.isEmpty || !plan.stakeholders.isEmpty {
                try w.start("CodeBook"); try w.start("Codes")
                try writeCodes(&w, plan, notes: true)
                w.end(); w.end()
            }
            try writeVariables(&w)
            try writeCases(&w, plan)
            try writeSources(&w, plan)
            try writeNotes(&w, plan)
            try writeSets(&w, plan)
            try w.text("Description", """
                Stakeholder positions on England's Independent Review of Children's Social Care, exported by \
                carereview. Codes: theme > proposal > stance, and Stakeholders > stakeholder; Cases: stakeholders; \
                each coded selection is a quote, coded with its stance and its stakeholder.
                """)
            w.end()
        } catch {
            throw Failure(description: "cannot export to REFI-QDA: text contains a character XML cannot hold: \(error.text.debugDescription)")
        }
        return w.output
    }

    /// The codebook alone (`.qdc`): themes, proposals and stance codes, the
    /// stakeholder codes, and a Set per stance.
    public static func codebook(_ s: ExportSelection) throws -> String {
        let plan = QDAExportPlan(s)
        guard !plan.proposals.isEmpty else { throw Failure(description: "no proposals to put in a codebook") }
        var w = XMLWriter()
        do {
            try w.start("CodeBook", [("xmlns", QDAMapping.codebookNamespace), ("origin", QDAMapping.origin)])
            try w.start("Codes")
            try writeCodes(&w, plan, notes: false)
            w.end()
            try writeSets(&w, plan, memberAttribute: "guid")
            w.end()
        } catch {
            throw Failure(description: "cannot export the codebook: text contains a character XML cannot hold: \(error.text.debugDescription)")
        }
        return w.output
    }

    // MARK: - Elements

    private static func writeCodes(_ w: inout XMLWriter, _ plan: QDAExportPlan, notes: Bool) throws(XMLWriter.InvalidCharacter) {
        for (theme, proposals) in plan.byTheme {
            try w.start("Code", [("guid", QDAMapping.themeGUID(theme)), ("name", theme.label), ("isCodable", "false"),
                                 ("color", QDAMapping.themeColour)])
            try w.text("Description", "Chapter \(theme.rawValue) of the Review's final report: its proposals, each with a code per stance.")
            for p in proposals {
                try w.start("Code", [("guid", QDAMapping.proposalGUID(p.id)), ("name", plan.proposalCodeName[p.id]!),
                                     ("isCodable", "true"), ("color", QDAMapping.proposalColour)])
                try w.text("Description", QDAMapping.describe(p.summary, proposalMeta(p)))
                if notes { try w.empty("NoteRef", [("targetGUID", QDAMapping.proposalNoteGUID(p.id))]) }
                for stance in Stance.allCases {
                    try w.start("Code", [("guid", QDAMapping.stanceGUID(p.id, stance)),
                                         ("name", QDAMapping.stanceCodeName(p.id, stance)),
                                         ("isCodable", "true"), ("color", QDAMapping.colour(stance))])
                    try w.text("Description", "\(stance.explanation) — \(p.title)")
                    w.end()
                }
                w.end()
            }
            w.end()
        }
        guard !plan.stakeholders.isEmpty else { return }
        try w.start("Code", [("guid", QDAMapping.stakeholderCategoryGUID()), ("name", QDAMapping.stakeholderCategoryName),
                             ("isCodable", "false"), ("color", QDAMapping.themeColour)])
        try w.text("Description", "Who said it: each quote is coded with its stakeholder as well as with its stance.")
        for st in plan.stakeholders {
            try w.start("Code", [("guid", QDAMapping.stakeholderCodeGUID(st.id)), ("name", plan.stakeholderCodeName[st.id]!),
                                 ("isCodable", "true"), ("color", QDAMapping.stakeholderColour)])
            try w.text("Description", QDAMapping.describe(st.description, QDAMapping.StakeholderMeta(
                stakeholder: st.id, kind: st.kind.rawValue, aliases: st.aliases)))
            w.end()
        }
        w.end()
    }

    static func proposalMeta(_ p: Proposal) -> QDAMapping.ProposalMeta {
        QDAMapping.ProposalMeta(id: p.id, aliases: p.aliases, stage: p.stage.rawValue, theme: p.theme.rawValue)
    }

    /// A Set per stance gathering that stance's Codes across proposals (the
    /// codebook schema names the member's attribute `guid`, the project's `targetGUID`).
    private static func writeSets(_ w: inout XMLWriter, _ plan: QDAExportPlan, memberAttribute: String = "targetGUID") throws(XMLWriter.InvalidCharacter) {
        guard !plan.proposals.isEmpty else { return }
        try w.start("Sets")
        for stance in Stance.allCases {
            try w.start("Set", [("guid", QDAMapping.stanceSetGUID(stance)), ("name", "All '\(stance.rawValue)' codes")])
            try w.text("Description", stance.explanation)
            for p in plan.proposals { try w.empty("MemberCode", [(memberAttribute, QDAMapping.stanceGUID(p.id, stance))]) }
            w.end()
        }
        w.end()
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

    private static func writeCases(_ w: inout XMLWriter, _ plan: QDAExportPlan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.stakeholders.isEmpty else { return }
        try w.start("Cases")
        for s in plan.stakeholders {
            try w.start("Case", [("guid", QDAMapping.caseGUID(s.id)), ("name", s.name)])
            try w.text("Description", "\(s.description)\n\nStakeholder id: \(s.id); kind: \(s.kind.rawValue).")
            try w.empty("CodeRef", [("targetGUID", QDAMapping.stakeholderCodeGUID(s.id))])
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

    private static func writeSources(_ w: inout XMLWriter, _ plan: QDAExportPlan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.documents.isEmpty else { return }
        let user = QDAMapping.userGUID()
        try w.start("Sources")
        for d in plan.documents {
            let guid = QDAMapping.sourceGUID(d.id)
            let date = QDAExportPlan.dateTime(d.date)
            try w.start("TextSource", [("guid", guid), ("name", d.title), ("plainTextPath", "internal://\(guid).txt"),
                                       ("creatingUser", user), ("creationDateTime", date),
                                       ("modifyingUser", user), ("modifiedDateTime", date)])
            try w.text("Description", d.citation)
            let scalars = Array(d.text.unicodeScalars)
            for sel in plan.selectionsByDocument[d.id] ?? [] {
                let selDate = sel.position.map { QDAExportPlan.dateTime($0.date) } ?? date
                // The name is the span itself, which readers compare with the text; our quote where it differs goes in the metadata.
                let span = String(String.UnicodeScalarView(scalars[sel.quote.start..<sel.quote.end]))
                let ownText = span == sel.quote.text ? nil : sel.quote.text
                try w.start("PlainTextSelection", [("guid", sel.guid), ("name", span),
                                                   ("startPosition", String(sel.quote.start)),
                                                   ("endPosition", String(sel.quote.end)),
                                                   ("creatingUser", user), ("creationDateTime", selDate),
                                                   ("modifyingUser", user), ("modifiedDateTime", selDate)])
                if let p = sel.position {
                    var meta = positionMeta(p)
                    meta.stakeholder = p.stakeholder
                    meta.quote = ownText
                    try w.text("Description", QDAMapping.describe(p.summary, meta))
                } else if let ownText {
                    try w.text("Description", QDAMapping.describe("The Review's own words.", QDAMapping.QuoteMeta(quote: ownText)))
                } else {
                    try w.text("Description", "The Review's own words.")
                }
                for code in sel.codes {
                    try w.start("Coding", [("guid", StableGUID.make("coding:\(sel.guid):\(code)")),
                                           ("creatingUser", user), ("creationDateTime", selDate)])
                    try w.empty("CodeRef", [("targetGUID", code)])
                    w.end()
                }
                if let p = sel.position { try w.empty("NoteRef", [("targetGUID", QDAMapping.positionNoteGUID(p.id))]) }
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

    static func positionMeta(_ p: Position) -> QDAMapping.PositionMeta {
        QDAMapping.PositionMeta(id: p.id, date: p.date.description, reported_by: p.reportedBy, date_note: p.dateNote)
    }

    private static func writeNotes(_ w: inout XMLWriter, _ plan: QDAExportPlan) throws(XMLWriter.InvalidCharacter) {
        guard !plan.proposals.isEmpty || !plan.positions.isEmpty else { return }
        let user = QDAMapping.userGUID()
        try w.start("Notes")
        for p in plan.proposals {
            try w.start("Note", [("guid", QDAMapping.proposalNoteGUID(p.id)), ("name", "Proposal \(p.id)"),
                                 ("creatingUser", user), ("creationDateTime", plan.projectDate),
                                 ("modifyingUser", user), ("modifiedDateTime", plan.projectDate)])
            try w.text("Description", QDAMapping.encodeJSON(proposalMeta(p)))
            let also = p.aliases.isEmpty ? "" : " Also: " + p.aliases.joined(separator: ", ") + "."
            try w.text("PlainTextContent", "\(p.stage.label); chapter \(p.theme.label).\(also)")
            w.end()
        }
        for p in plan.positions {
            let date = QDAExportPlan.dateTime(p.date)
            try w.start("Note", [("guid", QDAMapping.positionNoteGUID(p.id)), ("name", "Position \(p.id)"),
                                 ("creatingUser", user), ("creationDateTime", date),
                                 ("modifyingUser", user), ("modifiedDateTime", date)])
            try w.text("Description", QDAMapping.encodeJSON(positionMeta(p)))
            try w.text("PlainTextContent", p.summary)
            w.end()
        }
        w.end()
    }
}
