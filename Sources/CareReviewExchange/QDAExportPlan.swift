import CareReview

/// The export's elements in their fixed order: a GUID for each selection,
/// a unique name and a fixed colour for each code, and deterministic dates.
struct QDAExportPlan {
    struct Selection {
        let guid: String
        let quote: Quote
        let codes: [String]     // the stance Code and the stakeholder Code, or the proposal Code for the Review's words
        let position: Position? // nil for the Review's words
    }

    let documents: [Document]
    let stakeholders: [Stakeholder]
    let proposals: [Proposal]        // grouped by theme, dataset order within a theme
    let byTheme: [(Theme, [Proposal])]
    let positions: [Position]        // by proposal (as above), stance, id
    var selectionsByDocument: [String: [Selection]] = [:]
    var selectionsByStakeholder: [String: [Selection]] = [:]
    /// Code names, unique across the project (QualCoder merges codes of one name).
    private(set) var proposalCodeName: [String: String] = [:]
    private(set) var stakeholderCodeName: [String: String] = [:]
    /// Every date written: the latest document's, for elements without a date of their own.
    let projectDate: String

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
        projectDate = QDAExportPlan.dateTime(s.documents.map(\.date).max() ?? PartialDate(year: 2022, month: 5, day: 23))

        // Names: themes and the stakeholder category first, then proposals, then stakeholders.
        var taken = Set(Theme.allCases.map(\.label) + [QDAMapping.stakeholderCategoryName])
        func unique(_ name: String, _ id: String) -> String {
            var n = taken.contains(name) ? "\(name) (\(id))" : name, k = 1
            while taken.contains(n) { k += 1; n = "\(name) (\(id) \(k))" }
            taken.insert(n)
            return n
        }
        for p in proposals { proposalCodeName[p.id] = unique(p.title, p.id) }
        for st in stakeholders { stakeholderCodeName[st.id] = unique(st.name, st.id) }

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
                                    codes: [QDAMapping.proposalGUID(p.id)], position: nil)
                byDocument[q.document, default: []].append(sel)
            }
        }
        for p in positions {
            for q in p.quotes.sorted(by: { key($0) < key($1) }) {
                let sel = Selection(guid: guid("quote:\(p.id):\(q.document):\(q.start):\(q.end)"), quote: q,
                                    codes: [QDAMapping.stanceGUID(p.proposal, p.stance), QDAMapping.stakeholderCodeGUID(p.stakeholder)],
                                    position: p)
                byDocument[q.document, default: []].append(sel)
                selectionsByStakeholder[p.stakeholder, default: []].append(sel)
            }
        }
        selectionsByDocument = byDocument.mapValues {
            $0.sorted { ($0.quote.start, $0.quote.end, $0.guid) < ($1.quote.start, $1.quote.end, $1.guid) }
        }
    }

    /// xsd:dateTime for a partial date: its first day, at noon UTC (so it
    /// shows as that day in every time zone).
    static func dateTime(_ d: PartialDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(d.year)-\(two(d.month ?? 1))-\(two(d.day ?? 1))T12:00:00Z"
    }
}
