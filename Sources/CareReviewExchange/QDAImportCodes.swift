import CareReview
import Foundation

/// The proposals found in a project's code tree: a Code with children named
/// after stances (or with our proposal Note) is a proposal; a Code above it
/// whose name starts with a chapter number ("5 Transforming care") gives its theme.
struct ProposalCodes {
    var proposals: [Proposal] = []
    var stanceByCode: [String: (proposal: String, stance: Stance)] = [:]
    var proposalByCode: [String: String] = [:]
    var warnings: [String] = []

    init(_ project: QDAProject, ids: inout IdAllocator) {
        for code in project.codes { visit(code, theme: nil, project, &ids) }
    }

    private mutating func visit(_ code: QDAProject.Code, theme: Theme?, _ project: QDAProject, _ ids: inout IdAllocator) {
        let meta = code.noteRefs.lazy.compactMap { project.notes[$0] }
            .compactMap { QDAMapping.decodeJSON(QDAMapping.ProposalMeta.self, $0.description) }.first
        let stanceChildren = code.children.filter { QDAMapping.stance(fromCodeName: $0.name) != nil }
        guard meta != nil || !stanceChildren.isEmpty else {
            let inherited = QDAMapping.theme(fromCodeName: code.name) ?? theme
            for child in code.children { visit(child, theme: inherited, project, &ids) }
            return
        }
        let id = ids.claim(meta?.id, fallback: code.name, kind: "proposal")
        var proposalTheme = meta.flatMap { Theme(rawValue: $0.theme) } ?? theme
        if proposalTheme == nil {
            warnings.append("code '\(code.name)': no chapter (theme) found above it; put under chapter 1")
            proposalTheme = .reset
        }
        let stage = meta.flatMap { Stage(rawValue: $0.stage) } ?? .finalReport
        proposals.append(Proposal(id: id, title: code.name, aliases: meta?.aliases ?? [],
                                  summary: nonEmpty(code.description) ?? code.name, stage: stage,
                                  theme: proposalTheme!, reviewWords: []))
        proposalByCode[code.guid] = id
        for child in code.children {
            if let stance = QDAMapping.stance(fromCodeName: child.name) {
                stanceByCode[child.guid] = (id, stance)
            } else {
                let before = proposals.count
                visit(child, theme: proposalTheme, project, &ids)
                if proposals.count == before {
                    warnings.append("code '\(child.name)' under '\(code.name)' is not a stance; its codings are not imported")
                }
            }
        }
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
