import CareReview
import Foundation

/// The proposals and stakeholders found in a project's code tree:
/// - a Code with children named after stances (or with our proposal
///   metadata) is a proposal; a Code above it whose name starts with a
///   chapter number ("5 Transforming care") gives its theme;
/// - a flat Code named with a stance and a proposal ("Kinship deal: supports",
///   "opposes - RCC") under no proposal is that stance on that proposal;
/// - a Code under a `Stakeholders` category, or one a Case refers to (by
///   CodeRef or the same GUID), is a stakeholder.
struct ProjectCodes {
    var proposals: [Proposal] = []
    var stanceByCode: [String: (proposal: String, stance: Stance)] = [:]
    var proposalByCode: [String: String] = [:]
    /// Stakeholder codes: GUID → the code.
    var stakeholderCodes: [(guid: String, code: QDAProject.Code)] = []
    var allCodes: Set<String> = []
    var name: [String: String] = [:]
    var warnings: [String] = []

    init(_ project: QDAProject, ids: inout IdAllocator) {
        let caseCodes = Set(project.cases.flatMap { [$0.guid] + $0.codeRefs })
        for code in project.codes { visit(code, theme: nil, project, caseCodes, &ids) }
    }

    static func isStakeholderCategory(_ name: String) -> Bool {
        ["stakeholders", "stakeholder", "cases", "speakers", "who said it"].contains(name.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private mutating func visit(_ code: QDAProject.Code, theme: Theme?, _ project: QDAProject, _ caseCodes: Set<String>,
                                _ ids: inout IdAllocator) {
        allCodes.insert(code.guid)
        name[code.guid] = code.name
        let meta = code.noteRefs.lazy.compactMap { project.notes[$0] }
            .compactMap { QDAMapping.decodeJSON(QDAMapping.ProposalMeta.self, $0.description) }.first
            ?? QDAMapping.split(code.description, QDAMapping.ProposalMeta.self).meta
        let stanceChildren = code.children.filter { QDAMapping.stance(fromCodeName: $0.name) != nil }
        if meta == nil, code.children.isEmpty, let (stance, subject) = QDAMapping.stanceAndSubject(code.name) {
            flatStance(code, stance, subject, theme: theme, &ids)
            return
        }
        if meta == nil, stanceChildren.isEmpty, caseCodes.contains(code.guid) {
            stakeholderCodes.append((code.guid, code))
            return
        }
        if meta == nil, stanceChildren.isEmpty, Self.isStakeholderCategory(code.name) {
            for child in code.children { collectStakeholders(child) }
            if code.isCodable, !code.children.isEmpty {
                warnings.append("code '\(code.name)' groups stakeholders; its own codings are not imported")
            }
            return
        }
        guard meta != nil || !stanceChildren.isEmpty else {
            let inherited = QDAMapping.theme(fromCodeName: code.name) ?? theme
            for child in code.children { visit(child, theme: inherited, project, caseCodes, &ids) }
            return
        }
        let id = ids.claim(meta?.id, fallback: code.name, kind: "proposal")
        var proposalTheme = meta.flatMap { Theme(rawValue: $0.theme) } ?? theme
        if proposalTheme == nil {
            warnings.append("code '\(code.name)': no chapter (theme) found above it; put under chapter 1")
            proposalTheme = .reset
        }
        let stage = meta.flatMap { Stage(rawValue: $0.stage) } ?? .finalReport
        let summary = QDAMapping.split(code.description, QDAMapping.ProposalMeta.self).text
        proposals.append(Proposal(id: id, title: Self.title(code.name, id: meta?.id), aliases: meta?.aliases ?? [],
                                  summary: nonEmpty(summary) ?? code.name, stage: stage,
                                  theme: proposalTheme!, reviewWords: []))
        proposalByCode[code.guid] = id
        for child in code.children {
            if let stance = QDAMapping.stance(fromCodeName: child.name) {
                allCodes.insert(child.guid)
                name[child.guid] = child.name
                stanceByCode[child.guid] = (id, stance)
            } else {
                let before = proposals.count
                visit(child, theme: proposalTheme, project, caseCodes, &ids)
                if proposals.count == before {
                    warnings.append("code '\(child.name)' under '\(code.name)' is not a stance; its codings are not imported")
                }
            }
        }
    }
}

extension ProjectCodes {
    private mutating func flatStance(_ code: QDAProject.Code, _ stance: Stance, _ subject: String, theme: Theme?,
                                     _ ids: inout IdAllocator) {
        let id: String
        if let existing = proposals.first(where: { $0.title == subject || $0.id == subject }) {
            id = existing.id
        } else {
            id = ids.claim(subject, fallback: subject, kind: "proposal")
            if theme == nil { warnings.append("code '\(code.name)': no chapter (theme) found above it; put under chapter 1") }
            proposals.append(Proposal(id: id, title: subject, aliases: [], summary: subject, stage: .finalReport,
                                      theme: theme ?? .reset, reviewWords: []))
        }
        stanceByCode[code.guid] = (id, stance)
    }

    private mutating func collectStakeholders(_ code: QDAProject.Code) {
        allCodes.insert(code.guid)
        name[code.guid] = code.name
        if code.children.isEmpty || code.isCodable { stakeholderCodes.append((code.guid, code)) }
        for child in code.children { collectStakeholders(child) }
    }

    /// Our export makes a proposal's code name unique with " (id)" where
    /// two titles clash; the title is the name without it.
    static func title(_ name: String, id: String?) -> String {
        guard let id, name.hasSuffix(" (\(id))") else { return name }
        return String(name.dropLast(id.count + 3))
    }
}

/// Ids for imported entities: ours where the project carries them, else
/// made from names ("The Council" → "the-council"), unique within each kind.
struct IdAllocator {
    private var used: [String: Set<String>] = [:]
    private var positionIds: [String: String] = [:]

    mutating func claim(_ preferred: String?, fallback: String, kind: String) -> String {
        if let preferred, IdAllocator.isValid(preferred), !used[kind, default: []].contains(preferred) {
            used[kind, default: []].insert(preferred)
            return preferred
        }
        let base = IdAllocator.slug(fallback).isEmpty ? kind : IdAllocator.slug(fallback)
        var id = base, n = 1
        while used[kind, default: []].contains(id) { n += 1; id = "\(base)-\(n)" }
        used[kind, default: []].insert(id)
        return id
    }

    /// "stakeholder.proposal", the same for every quote of one position.
    mutating func positionId(stakeholder: String, proposal: String, stance: Stance) -> String {
        let key = "\(stakeholder)\u{0}\(proposal)\u{0}\(stance.rawValue)"
        if let id = positionIds[key] { return id }
        let base = "\(stakeholder).\(proposal)"
        let id = used["position", default: []].contains(base) ? claim(nil, fallback: "\(base)-\(stance.rawValue)", kind: "position")
                                                              : claim(base, fallback: base, kind: "position")
        positionIds[key] = id
        return id
    }

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-", first != "." else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }

    /// Lowercase ASCII letters and digits, other runs become one '-'.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for u in folded.unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) { out.unicodeScalars.append(u) }
            else if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
        }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
