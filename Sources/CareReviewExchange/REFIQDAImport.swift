import CareReview
import Foundation
import ZIPFoundation

/// A dataset rebuilt from a REFI-QDA project, ready to be written as YAML.
public struct ImportedDataset {
    public var documents: [Document] = []
    public var stakeholders: [Stakeholder] = []
    public var proposals: [Proposal] = []
    public var positions: [Position] = []
    /// What was changed or left out, one line each (the import still succeeds).
    public var warnings: [String] = []
    /// Selections left out under `skipUnmapped`, one line each with the reason.
    public var skipped: [String] = []

    public init() {}
}

/// Import of a `.qdpx` project. Our own exports come back exactly (ids and
/// metadata are in Variables, Notes and descriptions, see REFIQDAExport); a
/// project from another tool is read as well as it can be (see ProjectCodes
/// for the code shapes, QDASourceText for offsets). Positions are rebuilt
/// from Cases with SelectionRefs or from stakeholder Codes, whichever the
/// project has. A coded selection that cannot be placed fails the import,
/// with every such selection listed, unless `skipUnmapped`.
public enum REFIQDAImport {
    public static func read(qdpx path: String, skipUnmapped: Bool = false) throws(QDAImportError) -> ImportedDataset {
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
        return try build(project, file: file, skipUnmapped: skipUnmapped) { internalPath throws(QDAImportError) in
            // NVivo writes Sources/, QualCoder and we write sources/.
            guard !internalPath.contains(".."), let e = archive["sources/" + internalPath] ?? archive["Sources/" + internalPath] ?? archive[internalPath] else {
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

    struct DocumentText {
        var id: String
        var source: QDASourceText
        var order: Int
    }

    static func build(_ project: QDAProject, file: String, skipUnmapped: Bool = false,
                      readSource: (String) throws(QDAImportError) -> Data) throws(QDAImportError) -> ImportedDataset {
        var out = ImportedDataset()
        var ids = IdAllocator()

        var documentBySource: [String: DocumentText] = [:]
        for s in project.sources {
            let (doc, text) = try document(s, file: file, &ids, readSource)
            if text.hadBOM || text.hadCRLF {
                let what = [text.hadBOM ? "a byte-order mark removed" : nil, text.hadCRLF ? "CRLF line endings made LF" : nil]
                out.warnings.append("source '\(s.name ?? s.guid)': \(what.compactMap { $0 }.joined(separator: ", ")); offsets moved with the text")
            }
            out.documents.append(doc)
            documentBySource[s.guid] = DocumentText(id: doc.id, source: text, order: out.documents.count - 1)
        }

        let codes = ProjectCodes(project, ids: &ids)
        out.proposals = codes.proposals
        out.warnings += codes.warnings
        let people = Stakeholders(project, codes, &ids)
        out.stakeholders = people.list
        out.warnings += people.warnings

        var positions: [String: Position] = [:]
        var reviewWords: [String: [Quote]] = [:]
        var unmapped: [String] = []
        var mappedSelections = 0
        for s in project.sources {
            guard var doc = documentBySource[s.guid] else { continue }
            let label = "'\(s.name ?? s.guid)'"
            let placed = place(s.selections, in: &doc.source, label: label, &out.warnings, &unmapped)
            documentBySource[s.guid] = doc
            let sameSpan = Dictionary(grouping: placed.map(\.0), by: { "\($0.start):\($0.end)" })
            for (sel, start, end) in placed {
                let where_ = "selection \(sel.guid) in \(label) (\(sel.start)..\(sel.end))"
                let missing = sel.codeRefs.filter { !codes.allCodes.contains($0) }
                if !missing.isEmpty {
                    unmapped.append("\(where_): coded with \(missing.joined(separator: ", ")), which is not in the codebook")
                    continue
                }
                let ownText = QDAMapping.split(sel.description, QDAMapping.QuoteMeta.self).meta?.quote
                let quote = Quote(document: doc.id, text: ownText ?? quoteText(sel, doc.source.scalars, start, end), start: start, end: end)
                let stances = Set(sel.codeRefs.compactMap { codes.stanceByCode[$0].map { "\($0.proposal)\u{0}\($0.stance.rawValue)" } })
                let proposalCodes = sel.codeRefs.compactMap { codes.proposalByCode[$0] }
                // QualCoder keeps one coding per selection: a quote coded with a stance and a
                // stakeholder comes back as two selections of one span.
                let siblings = (sameSpan["\(sel.start):\(sel.end)"] ?? []).filter { $0.guid != sel.guid }
                if stances.isEmpty, people.isStakeholderCoding(sel),
                   siblings.contains(where: { $0.codeRefs.contains { codes.stanceByCode[$0] != nil } }) {
                    mappedSelections += 1
                    continue
                }
                if stances.isEmpty, !proposalCodes.isEmpty, people.stakeholder(for: sel, source: s.guid) == nil {
                    for p in proposalCodes { reviewWords[p, default: []].append(quote) }
                    mappedSelections += 1
                    continue
                }
                guard !stances.isEmpty else {
                    let names = sel.codeRefs.compactMap { codes.name[$0] }.map { "'\($0)'" }
                    unmapped.append(sel.codeRefs.isEmpty ? "\(where_): not coded"
                                    : "\(where_): coded \(names.joined(separator: ", ")) but with no stance code")
                    continue
                }
                let (meta, summary) = positionMeta(sel, project)
                let ownMeta = QDAMapping.split(sel.description, QDAMapping.PositionMeta.self).meta
                guard let stakeholder = people.stakeholder(for: sel, source: s.guid)
                        ?? people.stakeholder(coding: siblings, preferring: ownMeta?.stakeholder ?? meta?.stakeholder) else {
                    unmapped.append("\(where_): coded with a stance but no stakeholder (no Case refers to it and it has no stakeholder code)")
                    continue
                }
                for key in stances.sorted() {
                    let parts = key.split(separator: "\u{0}").map(String.init)
                    let (proposal, stance) = (parts[0], Stance(rawValue: parts[1])!)
                    let id = meta?.id ?? ids.positionId(stakeholder: stakeholder, proposal: proposal, stance: stance)
                    if let existing = positions[id] {
                        guard existing.stakeholder == stakeholder, existing.proposal == proposal, existing.stance == stance else {
                            throw QDAImportError(file, "position '\(id)' has quotes with different stakeholders, proposals or stances (selection \(sel.guid))")
                        }
                        if !existing.quotes.contains(quote) { positions[id] = existing.adding(quote) }
                        continue
                    }
                    let date = meta.flatMap { PartialDate(iso: $0.date) } ?? out.documents[doc.order].date
                    positions[id] = Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance,
                                             summary: nonEmpty(summary) ?? "Coded '\(stance.rawValue)' in \(nonEmpty(project.name) ?? "a REFI-QDA project") (no summary).",
                                             date: date, quotes: [quote], reportedBy: meta?.reported_by, dateNote: meta?.date_note)
                }
                mappedSelections += 1
            }
        }
        if positions.isEmpty {
            throw QDAImportError(file, """
                no position could be placed\(unmapped.isEmpty ? "" : " (\(unmapped.count) coded selection\(unmapped.count == 1 ? "" : "s") did not map)"). \
                A quote is a text selection coded with a stance code — a code named supports, qualified, mixed, \
                concerned or opposes under a proposal code, or a flat code such as "Kinship care: supports" — and \
                belonging to a stakeholder: a Case whose SelectionRef points at it, a Case that alone refers to its \
                source, or a code under a "Stakeholders" code (or one a Case refers to) that also codes it
                """ + (unmapped.isEmpty ? "" : ":\n  " + unmapped.joined(separator: "\n  ")))
        }
        if !unmapped.isEmpty {
            guard skipUnmapped else {
                throw QDAImportError(file, "\(unmapped.count) selection\(unmapped.count == 1 ? "" : "s") cannot be imported (nothing written; --skip-unmapped leaves them out):\n  " + unmapped.joined(separator: "\n  "))
            }
            out.skipped = unmapped
        }
        finish(&out, positions, reviewWords)
        return out
    }

    /// Fixed orders: quotes by document and offset; positions as export orders them.
    private static func finish(_ out: inout ImportedDataset, _ positions: [String: Position], _ reviewWords: [String: [Quote]]) {
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
                     date: p.date, quotes: sorted(p.quotes), reportedBy: p.reportedBy, dateNote: p.dateNote)
        }.sorted { (proposalOrder[$0.proposal]!, $0.stance, $0.id) < (proposalOrder[$1.proposal]!, $1.stance, $1.id) }
    }

    /// Each selection's offsets in our text. Where the text at the offsets is
    /// not the selection's name, the way of counting that makes the names
    /// agree is used for the whole source (and reported); a selection whose
    /// name agrees under no way of counting is unmapped.
    static func place(_ selections: [QDAProject.Selection], in text: inout QDASourceText, label: String,
                      _ warnings: inout [String], _ unmapped: inout [String]) -> [(QDAProject.Selection, Int, Int)] {
        func agrees(_ sel: QDAProject.Selection, _ unit: QDASourceText.Unit) -> (Int, Int)? {
            guard let (a, b) = text.convert(sel.start, sel.end, unit) else { return nil }
            if let name = nonEmpty(sel.name), !text.agrees(a, b, name: name) { return nil }
            return (a, b)
        }
        let named = selections.filter { nonEmpty($0.name) != nil }
        var unit = QDASourceText.Unit.ours
        if !named.allSatisfy({ agrees($0, .ours) != nil }) {
            let scores = text.units.map { u in (u, named.filter { agrees($0, u) != nil }.count) }
            if let best = scores.max(by: { $0.1 < $1.1 }), best.1 > named.filter({ agrees($0, .ours) != nil }).count {
                unit = best.0
                warnings.append("source \(label): selection offsets are counted in \(unit); converted to Unicode scalars")
            }
        }
        var out: [(QDAProject.Selection, Int, Int)] = []
        for sel in selections {
            if let (a, b) = agrees(sel, unit) { out.append((sel, a, b)); continue }
            if let other = text.units.first(where: { agrees(sel, $0) != nil }), let (a, b) = agrees(sel, other) {
                warnings.append("selection \(sel.guid) in \(label): offsets counted in \(other); converted")
                out.append((sel, a, b))
                continue
            }
            let place = "selection \(sel.guid) in \(label) (\(sel.start)..\(sel.end))"
            if let (a, b) = text.convert(sel.start, sel.end, unit) {
                let found = String(String.UnicodeScalarView(text.scalars[a..<b]))
                unmapped.append("\(place): the text there is \(excerpt(found)), not its name \(excerpt(sel.name ?? "")), counting offsets in any of \(text.units.map(\.description).joined(separator: "; "))")
            } else {
                unmapped.append("\(place): past the end of its text (\(text.scalars.count) characters)")
            }
        }
        return out
    }

    static func excerpt(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return "“" + (flat.count > 60 ? flat.prefix(57) + "…" : flat) + "”"
    }

    /// The text at the selection's offsets: its name has been checked against
    /// it, but a tool may have flattened the name's line breaks (XML attribute
    /// normalisation turns raw newlines into spaces, as QualCoder's export does).
    private static func quoteText(_ sel: QDAProject.Selection, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The position's id, date and reported_by (our Note, or the metadata in
    /// the selection's Description, which QualCoder keeps as a coding memo) and summary.
    private static func positionMeta(_ sel: QDAProject.Selection, _ project: QDAProject) -> (QDAMapping.PositionMeta?, String?) {
        if let (note, meta) = sel.noteRefs.lazy.compactMap({ project.notes[$0] })
            .compactMap({ n in QDAMapping.decodeJSON(QDAMapping.PositionMeta.self, n.description).map { (n, $0) } }).first {
            return (meta, note.content)
        }
        let (text, meta) = QDAMapping.split(sel.description, QDAMapping.PositionMeta.self)
        return (meta, meta == nil ? nonEmpty(sel.description) : text)
    }
}

func nonEmpty(_ s: String?) -> String? {
    guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    return s
}

private extension Position {
    func adding(_ q: Quote) -> Position {
        Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                 date: date, quotes: quotes + [q], reportedBy: reportedBy, dateNote: dateNote)
    }
}
