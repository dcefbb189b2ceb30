import CareReview
import Foundation
import ZIPFoundation

/// A dataset rebuilt from a REFI-QDA project, ready to be written as YAML.
public struct ImportedDataset {
    public var documents: [Document] = []
    public var stakeholders: [Stakeholder] = []
    public var proposals: [Proposal] = []
    public var positions: [Position] = []
    /// What could not be imported, one line each (the import still succeeds).
    public var warnings: [String] = []

    public init() {}
}

/// Import of a `.qdpx` project. Our own exports come back exactly (ids and
/// metadata are in Variables and Notes, see REFIQDAExport); a project from
/// another tool is read as well as it can be: a Code with stance-named
/// children is a proposal, a Case is a stakeholder (kind from a `kind`
/// variable, else commentator), a selection coded with a stance Code and
/// referenced from a Case (or within a source a single Case refers to) is a
/// quote of that stakeholder's position.
public enum REFIQDAImport {
    public static func read(qdpx path: String) throws(QDAImportError) -> ImportedDataset {
        let file = (path as NSString).lastPathComponent
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw QDAImportError(path, exists ? "not a zip archive (a .qdpx project is a zip holding project.qde)" : "no such file")
        }
        guard let entry = archive["project.qde"] ?? archive.first(where: { $0.path.hasSuffix(".qde") && !$0.path.contains("/") }) else {
            throw QDAImportError(path, "the archive holds no project.qde")
        }
        let projectData = try extract(archive, entry, path)
        let project = try QDAProjectReader.read(projectData, file: "\(file): \(entry.path)")
        return try build(project, file: file) { internalPath throws(QDAImportError) in
            guard let e = archive["sources/" + internalPath] ?? archive[internalPath] else {
                throw QDAImportError(file, "the archive has no sources/\(internalPath)")
            }
            return try extract(archive, e, path)
        }
    }

    private static func extract(_ archive: Archive, _ entry: Entry, _ path: String) throws(QDAImportError) -> Data {
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw QDAImportError(path, "cannot read \(entry.path) from the archive: \(error)")
        }
        return data
    }

    static func build(_ project: QDAProject, file: String,
                      readSource: (String) throws(QDAImportError) -> Data) throws(QDAImportError) -> ImportedDataset {
        var out = ImportedDataset()
        var ids = IdAllocator()

        // Documents.
        var documentBySource: [String: (id: String, scalars: [Unicode.Scalar], order: Int)] = [:]
        for s in project.sources {
            let label = "source '\(s.name ?? s.guid)'"
            let text: String
            if let content = s.plainTextContent {
                text = content
            } else if let p = s.plainTextPath, p.hasPrefix("internal://") {
                let data = try readSource(String(p.dropFirst("internal://".count)))
                guard let t = String(data: data, encoding: .utf8) else { throw QDAImportError(file, "\(label): its text is not UTF-8") }
                text = t
            } else if let p = s.plainTextPath {
                throw QDAImportError(file, "\(label): its text is outside the project (\(p)); export the project with its sources")
            } else {
                throw QDAImportError(file, "\(label) has no plain text (only plain-text sources can be imported)")
            }
            let v = s.values
            let dateText = v["date"] ?? s.dateTime.map { String($0.prefix(10)) }
            guard let dateText, let date = PartialDate(iso: dateText) else {
                throw QDAImportError(file, "\(label) has no usable date (a 'date' variable such as 2022-05-26, or a creationDateTime)")
            }
            let stage: Stage
            if let word = v["stage"] {
                guard let st = Stage(rawValue: word) else {
                    throw QDAImportError(file, "\(label): stage '\(word)' is not one of \(Stage.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                stage = st
            } else {
                stage = inferredStage(date)
            }
            let id = ids.claim(v["document id"], fallback: s.name ?? "document", kind: "document")
            out.documents.append(Document(id: id, title: nonEmpty(s.name) ?? id, author: nonEmpty(v["author"]),
                                          publisher: nonEmpty(v["publisher"]), date: date, dateNote: nonEmpty(v["date note"]),
                                          stage: stage, url: nonEmpty(v["url"]), text: text))
            documentBySource[s.guid] = (id, Array(text.unicodeScalars), out.documents.count - 1)
        }

        // Stakeholders, and which Case each selection (or whole source) belongs to.
        var stakeholderBySelection: [String: String] = [:]
        var casesBySource: [String: [String]] = [:]
        for c in project.cases {
            let id = ids.claim(c.values["stakeholder id"], fallback: c.name ?? "stakeholder", kind: "stakeholder")
            var kind = StakeholderKind.commentator
            if let word = c.values["kind"] {
                if let k = StakeholderKind(rawValue: word.lowercased()) { kind = k }
                else { out.warnings.append("case '\(c.name ?? id)': kind '\(word)' is not one we know; imported as commentator") }
            }
            let name = nonEmpty(c.name) ?? id
            out.stakeholders.append(Stakeholder(id: id, name: name, aliases: aliases(c.values["aliases"]), kind: kind,
                                                description: nonEmpty(c.description) ?? name))
            for sel in c.selectionRefs { stakeholderBySelection[sel] = id }
            for src in c.sourceRefs { casesBySource[src, default: []].append(id) }
        }

        // Proposals, from the code tree.
        let codes = ProposalCodes(project, ids: &ids)
        out.proposals = codes.proposals
        out.warnings += codes.warnings

        // Quotes: positions and the Review's own words.
        var positions: [String: Position] = [:]
        var reviewWords: [String: [Quote]] = [:]
        for s in project.sources {
            guard let doc = documentBySource[s.guid] else { continue }
            for sel in s.selections {
                guard sel.end <= doc.scalars.count else {
                    throw QDAImportError(file, "selection \(sel.guid) in source '\(s.name ?? s.guid)': \(sel.start)..\(sel.end) is past the end of its text (\(doc.scalars.count) characters)")
                }
                let quote = Quote(document: doc.id, text: quoteText(sel, doc.scalars), start: sel.start, end: sel.end)
                for ref in sel.codeRefs {
                    if let proposal = codes.proposalByCode[ref] {
                        reviewWords[proposal, default: []].append(quote)
                        continue
                    }
                    guard let (proposal, stance) = codes.stanceByCode[ref] else { continue }
                    let sources = casesBySource[s.guid] ?? []
                    guard let stakeholder = stakeholderBySelection[sel.guid] ?? (sources.count == 1 ? sources[0] : nil) else {
                        out.warnings.append("selection \(sel.guid) in '\(s.name ?? s.guid)' is coded '\(stance.rawValue)' but belongs to no Case: skipped")
                        continue
                    }
                    let meta = sel.noteRefs.lazy.compactMap { project.notes[$0] }
                        .compactMap { n in QDAMapping.decodeJSON(QDAMapping.PositionMeta.self, n.description).map { (n, $0) } }.first
                    let id = meta?.1.id ?? ids.positionId(stakeholder: stakeholder, proposal: proposal, stance: stance)
                    if let existing = positions[id] {
                        guard existing.stakeholder == stakeholder, existing.proposal == proposal, existing.stance == stance else {
                            throw QDAImportError(file, "position '\(id)' has quotes with different stakeholders, proposals or stances (selection \(sel.guid))")
                        }
                        positions[id] = existing.adding(quote)
                        continue
                    }
                    let date = meta.flatMap { PartialDate(iso: $0.1.date) } ?? out.documents[doc.order].date
                    let summary = nonEmpty(meta?.0.content)
                        ?? "Coded '\(stance.rawValue)' in \(nonEmpty(project.name) ?? "a REFI-QDA project") (no summary)."
                    positions[id] = Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                                             date: date, quotes: [quote], reportedBy: meta?.1.reported_by)
                }
            }
        }

        // Fixed orders: quotes by document and offset; positions as export orders them.
        let docOrder = Dictionary(uniqueKeysWithValues: out.documents.enumerated().map { ($1.id, $0) })
        func sorted(_ qs: [Quote]) -> [Quote] {
            qs.sorted { (docOrder[$0.document]!, $0.start, $0.end) < (docOrder[$1.document]!, $1.start, $1.end) }
        }
        out.proposals = out.proposals.map { p in
            Proposal(id: p.id, title: p.title, aliases: p.aliases, summary: p.summary, stage: p.stage, theme: p.theme,
                     reviewWords: sorted(reviewWords[p.id] ?? []))
        }
        let proposalOrder = Dictionary(uniqueKeysWithValues: out.proposals.enumerated().map { ($1.id, $0) })
        out.positions = positions.values.map { p in
            Position(id: p.id, stakeholder: p.stakeholder, proposal: p.proposal, stance: p.stance, summary: p.summary,
                     date: p.date, quotes: sorted(p.quotes), reportedBy: p.reportedBy)
        }.sorted { (proposalOrder[$0.proposal]!, $0.stance, $0.id) < (proposalOrder[$1.proposal]!, $1.stance, $1.id) }
        return out
    }

    /// The selection's name when it is the quote (our exports; whitespace and
    /// quote marks may differ), else the text at its offsets.
    private static func quoteText(_ sel: QDAProject.Selection, _ scalars: [Unicode.Scalar]) -> String {
        let slice = String(String.UnicodeScalarView(scalars[sel.start..<sel.end]))
        if let name = sel.name, QuoteAnchor.normalize(name.unicodeScalars) == QuoteAnchor.normalize(slice.unicodeScalars) {
            return name
        }
        return slice
    }

    /// The Review's stage a document dates from, for projects that do not say.
    static func inferredStage(_ d: PartialDate) -> Stage {
        if d < PartialDate(year: 2021, month: 6, day: 17) { return .termsOfReference }
        if d < PartialDate(year: 2022, month: 5, day: 23) { return .caseForChange }
        return .finalReport
    }

    static func aliases(_ value: String?) -> [String] {
        guard let value = nonEmpty(value) else { return [] }
        if let list = QDAMapping.decodeJSON([String].self, value) { return list }
        return value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    return s
}

private extension Position {
    func adding(_ q: Quote) -> Position {
        Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                 date: date, quotes: quotes + [q], reportedBy: reportedBy)
    }
}
