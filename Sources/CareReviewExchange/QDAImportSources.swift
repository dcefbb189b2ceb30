import CareReview
import Foundation

extension REFIQDAImport {
    /// A TextSource as a document: its text (BOM and CRLF normalised), date and stage.
    static func document(_ s: QDAProject.TextSource, file: String, _ ids: inout IdAllocator,
                         _ readSource: (String) throws(QDAImportError) -> Data) throws(QDAImportError) -> (Document, QDASourceText) {
        let label = "source '\(s.name ?? s.guid)'"
        let raw: String
        if let content = s.plainTextContent {
            raw = content
        } else if let p = s.plainTextPath, p.hasPrefix("internal://") {
            let data = try readSource(String(p.dropFirst("internal://".count)))
            guard let t = String(data: data, encoding: .utf8) else { throw QDAImportError(file, "\(label): its text is not UTF-8") }
            // Foundation drops a byte-order mark; keep it, since some tools count it in offsets.
            raw = data.starts(with: [0xEF, 0xBB, 0xBF]) && !t.unicodeScalars.starts(with: ["\u{FEFF}"]) ? "\u{FEFF}" + t : t
        } else if let p = s.plainTextPath {
            throw QDAImportError(file, "\(label): its text is outside the project (\(p)); export the project with its sources")
        } else {
            throw QDAImportError(file, "\(label) has no plain text (only plain-text sources can be imported)")
        }
        let text = QDASourceText(stored: raw)
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
        return (Document(id: id, title: nonEmpty(s.name) ?? id, author: nonEmpty(v["author"]),
                         publisher: nonEmpty(v["publisher"]), date: date, dateNote: nonEmpty(v["date note"]),
                         stage: stage, url: nonEmpty(v["url"]), text: text.text), text)
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

/// The stakeholders of a project: its Cases, and its stakeholder Codes
/// (matched to a Case by the Case's CodeRef or GUID, by our stakeholder id,
/// or by name; else a stakeholder of their own). Which stakeholder a
/// selection belongs to: a Case's SelectionRef, else its stakeholder code,
/// else the one Case that refers to its whole source.
struct Stakeholders {
    private(set) var list: [Stakeholder] = []
    private(set) var warnings: [String] = []
    private var bySelection: [String: String] = [:]
    private var byCode: [String: String] = [:]
    private var bySource: [String: [String]] = [:]
    /// Stakeholder id → the id our export gave it (a Case's `stakeholder id`, a code's metadata).
    private var ourId: [String: String] = [:]

    init(_ project: QDAProject, _ codes: ProjectCodes, _ ids: inout IdAllocator) {
        var caseByCode: [String: String] = [:]      // code GUID → stakeholder id
        var caseById: [String: String] = [:]        // our stakeholder id → stakeholder id
        var caseByName: [String: String] = [:]
        for c in project.cases {
            let id = ids.claim(c.values["stakeholder id"], fallback: c.name ?? "stakeholder", kind: "stakeholder")
            var kind = StakeholderKind.commentator
            if let word = c.values["kind"] {
                if let k = StakeholderKind(rawValue: word.lowercased()) { kind = k }
                else { warnings.append("case '\(c.name ?? id)': kind '\(word)' is not one we know; imported as commentator") }
            }
            let name = nonEmpty(c.name) ?? id
            list.append(Stakeholder(id: id, name: name, aliases: REFIQDAImport.aliases(c.values["aliases"]), kind: kind,
                                    description: Stakeholders.caseDescription(c.description, id: id, kind: kind) ?? name))
            for sel in c.selectionRefs { bySelection[sel] = id }
            for src in c.sourceRefs { bySource[src, default: []].append(id) }
            for code in c.codeRefs + [c.guid] { caseByCode[code] = id }
            if let ours = c.values["stakeholder id"] { caseById[ours] = id; ourId[id] = ours }
            caseByName[name.lowercased()] = id
        }
        for (guid, code) in codes.stakeholderCodes {
            let (text, meta) = QDAMapping.split(code.description, QDAMapping.StakeholderMeta.self)
            let plainName = meta.map { ProjectCodes.title(code.name, id: $0.stakeholder) } ?? code.name
            if let id = caseByCode[guid] ?? meta.flatMap({ caseById[$0.stakeholder] }) ?? caseByName[plainName.lowercased()] {
                byCode[guid] = id
                if let m = meta, ourId[id] == nil { ourId[id] = m.stakeholder }
                continue
            }
            let id = ids.claim(meta?.stakeholder, fallback: plainName, kind: "stakeholder")
            list.append(Stakeholder(id: id, name: plainName, aliases: meta?.aliases ?? [],
                                    kind: meta.flatMap { StakeholderKind(rawValue: $0.kind) } ?? .commentator,
                                    description: nonEmpty(text) ?? plainName))
            byCode[guid] = id
            if let m = meta { ourId[id] = m.stakeholder }
        }
    }

    func stakeholder(for sel: QDAProject.Selection, source: String) -> String? {
        if let id = bySelection[sel.guid] { return id }
        let coded = Set(sel.codeRefs.compactMap { byCode[$0] })
        if coded.count == 1 { return coded.first }
        let cases = bySource[source] ?? []
        return cases.count == 1 ? cases[0] : nil
    }

    /// Whether the selection is coded with a stakeholder code (and that alone names its stakeholder).
    func isStakeholderCoding(_ sel: QDAProject.Selection) -> Bool {
        Set(sel.codeRefs.compactMap { byCode[$0] }).count == 1
    }

    /// The one stakeholder that codes of these selections (of one span) name;
    /// where they name several, the one our metadata names, if it is among them.
    func stakeholder(coding selections: [QDAProject.Selection], preferring ours: String?) -> String? {
        let ids = Set(selections.flatMap { $0.codeRefs.compactMap { byCode[$0] } })
        if ids.count == 1 { return ids.first }
        guard let ours else { return nil }
        return ids.first { ourId[$0] == ours }
    }

    /// Our export adds "Stakeholder id: …; kind: …." to a Case's description; the description is what comes before.
    static func caseDescription(_ d: String?, id: String, kind: StakeholderKind) -> String? {
        guard let d = nonEmpty(d) else { return nil }
        let trailer = "\n\nStakeholder id: \(id); kind: \(kind.rawValue)."
        let plain = d.replacingOccurrences(of: "\r\n", with: "\n")
        return plain.hasSuffix(trailer) ? String(plain.dropLast(trailer.count)) : d
    }
}
