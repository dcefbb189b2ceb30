/// Proposals as rows, stakeholders as columns, each cell the stakeholder's
/// stance on the proposal (nil where none is recorded). Stored sparse (each
/// row's filled cells, sorted by column), so memory is proportional to the
/// positions, never to proposals × stakeholders; a lookup is a binary search
/// within one row.
public struct StanceMatrix: Sendable {
    public let rows: [Proposal]
    public let columns: [Stakeholder]
    /// Column headers, unique within this matrix, at most `headerWidth`
    /// characters; computed once here so views never redo it per frame.
    public let headers: [String]
    public static let headerWidth = 6
    /// Row r's cells are `cellColumn[rowStart[r]..<rowStart[r + 1]]`, ascending,
    /// each with the index of its position in `cellPosition`.
    private let rowStart: [Int32]
    private let cellColumn: [Int32]
    private let cellPosition: [Int32]
    private let positions: [Position]

    /// `order` sorts the rows; `kinds` keeps only stakeholders of those kinds
    /// (all when empty); `filter` narrows the positions shown. Rows and
    /// columns without any position left are dropped.
    public init(corpus: Corpus, order: ProposalOrder = .theme, kinds: Set<StakeholderKind> = [],
                filter: PositionFilter = .none) {
        var f = filter
        f.kinds.formUnion(kinds)
        let kept = corpus.positions.filter { corpus.matches($0, f) }
        let usedStakeholders = Set(kept.map(\.stakeholder)), usedProposals = Set(kept.map(\.proposal))
        rows = corpus.proposals(filter: .none, order: order).filter { usedProposals.contains($0.id) }
        columns = corpus.stakeholdersByName().filter { usedStakeholders.contains($0.id) }
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.id, $0) })
        var filled: [(row: Int32, column: Int32, position: Int32)] = []
        filled.reserveCapacity(kept.count)
        for (i, p) in kept.enumerated() {
            guard let r = rowIndex[p.proposal], let c = columnIndex[p.stakeholder] else { continue }
            filled.append((Int32(r), Int32(c), Int32(i)))
        }
        // By cell, the later position last: where a stakeholder has two positions on one proposal, the later one shows.
        filled.sort { ($0.row, $0.column, $0.position) < ($1.row, $1.column, $1.position) }
        var starts = [Int32](repeating: 0, count: rows.count + 1)
        var columnsOut: [Int32] = [], positionsOut: [Int32] = []
        columnsOut.reserveCapacity(filled.count); positionsOut.reserveCapacity(filled.count)
        for (k, cell) in filled.enumerated() {
            if k + 1 < filled.count, filled[k + 1].row == cell.row, filled[k + 1].column == cell.column { continue }
            columnsOut.append(cell.column)
            positionsOut.append(cell.position)
            starts[Int(cell.row) + 1] += 1
        }
        for r in 0..<rows.count { starts[r + 1] += starts[r] }
        rowStart = starts
        cellColumn = columnsOut
        cellPosition = positionsOut
        self.positions = kept
        headers = StanceMatrix.uniqueAbbreviations(columns, width: StanceMatrix.headerWidth)
    }

    public func position(row: Int, column: Int) -> Position? {
        guard rows.indices.contains(row), columns.indices.contains(column) else { return nil }
        var lo = Int(rowStart[row]), hi = Int(rowStart[row + 1])
        let c = Int32(column)
        while lo < hi {
            let mid = (lo + hi) / 2
            if cellColumn[mid] < c { lo = mid + 1 } else { hi = mid }
        }
        guard lo < Int(rowStart[row + 1]), cellColumn[lo] == c else { return nil }
        return positions[Int(cellPosition[lo])]
    }

    /// The filled cells of a row: (column, position), by column.
    public func cells(row: Int) -> [(column: Int, position: Position)] {
        guard rows.indices.contains(row) else { return [] }
        return (Int(rowStart[row])..<Int(rowStart[row + 1])).map { (Int(cellColumn[$0]), positions[Int(cellPosition[$0])]) }
    }

    public func stance(row: Int, column: Int) -> Stance? { position(row: row, column: column)?.stance }

    /// A short column header: an acronym for long multi-word names
    /// ("Association of Directors of Children's Services" → "ADCS" when
    /// given as an alias, else initials), else the name cut to `width`.
    public static func abbreviation(_ s: Stakeholder, width: Int) -> String {
        if s.name.count <= width { return s.name }
        if let acronym = s.aliases.first(where: { $0.count <= width && $0 == $0.uppercased() && $0.count >= 2 }) {
            return acronym
        }
        let words = s.name.split(separator: " ")
        let surname = words.last.map(String.init) ?? s.name
        // People ("Robin Sen") read best by surname; organisations by initials.
        if words.count == 2, surname.count <= width, s.kind.isPerson { return surname }
        // Initials of capitalised words; numbers stay whole ("Article 39" → "A39"),
        // years shortened ("… Conference 2019" → "…C19").
        let initials = words.map { w -> String in
            if w.allSatisfy(\.isNumber) { return w.count == 4 ? String(w.suffix(2)) : String(w) }
            return w.first.map { $0.uppercased() } ?? ""
        }.joined()
        if initials.count >= 2, initials.count <= width { return initials }
        return String(s.name.prefix(max(1, width)))
    }
}

extension StanceMatrix {
    /// Column headers, unique within this matrix: where two abbreviations
    /// clash ("The Charity", "The Council" → "TC"), the names themselves,
    /// without a leading "The", are cut to the width instead, then numbered.
    public func abbreviations(width: Int) -> [String] {
        StanceMatrix.uniqueAbbreviations(columns, width: width)
    }

    static func uniqueAbbreviations(_ columns: [Stakeholder], width: Int) -> [String] {
        var headers = columns.map { StanceMatrix.abbreviation($0, width: width) }
        let clashing = Dictionary(grouping: headers.indices, by: { headers[$0] }).values.filter { $0.count > 1 }
        for group in clashing {
            for i in group {
                var name = columns[i].name
                if name.hasPrefix("The ") { name.removeFirst(4) }
                headers[i] = String(name.prefix(width))
            }
        }
        var seen: [String: Int] = [:]
        for i in headers.indices {
            let n = seen[headers[i], default: 0]
            seen[headers[i]] = n + 1
            if n > 0 { headers[i] = String(headers[i].prefix(max(1, width - 1))) + String(n + 1) }
        }
        return headers
    }
}

extension StakeholderKind {
    /// Kinds that are individual people rather than organisations.
    public var isPerson: Bool {
        switch self {
        case .academic, .commentator, .practitioner: true
        default: false
        }
    }
}
