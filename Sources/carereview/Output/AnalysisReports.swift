import CareReview

/// Plain-text renderings of the matrix and comparisons.
enum AnalysisReports {
    static let rowHeaderWidth = 30
    static let cellWidth = StanceMatrix.headerWidth + 1

    /// The grid, with as many stakeholder columns per page as fit the width;
    /// each page has its own legend of abbreviations. `page` (1-based)
    /// prints one page only.
    static func pages(_ m: StanceMatrix, width: Int = PlainText.width) -> [Range<Int>] {
        let perPage = max(1, (width - rowHeaderWidth) / cellWidth)
        return stride(from: 0, to: m.columns.count, by: perPage).map { $0..<min($0 + perPage, m.columns.count) }
    }

    static func matrix(_ m: StanceMatrix, page: Int? = nil, width: Int = PlainText.width) -> String {
        let pages = pages(m, width: width)
        var out = "Stance matrix: \(m.rows.count) proposals × \(m.columns.count) stakeholders"
        out += pages.count > 1 ? ", \(pages.count) pages of columns\n" : "\n"
        out += "Cells: \(PlainText.stanceKey)\n       blank = no position recorded\n"
        let headers = m.headers
        for (n, cols) in pages.enumerated() where page == nil || page == n + 1 {
            out += "\n"
            if pages.count > 1 { out += "Page \(n + 1) of \(pages.count)\n" }
            for c in cols {
                let s = m.columns[c]
                out += PlainText.fit("  \(PlainText.pad(headers[c], cellWidth)) = \(s.name) [\(s.id)]", width: width,
                                     hangingIndent: String(repeating: " ", count: cellWidth + 5)) + "\n"
            }
            out += "\n" + PlainText.pad("", rowHeaderWidth)
            out += cols.map { PlainText.pad(headers[$0], cellWidth) }.joined()
            out = out.trimmingTrailingSpaces() + "\n"
            for (r, proposal) in m.rows.enumerated() {
                var line = PlainText.pad(PlainText.truncate(proposal.title, rowHeaderWidth - 2), rowHeaderWidth)
                for c in cols { line += PlainText.pad(m.stance(row: r, column: c)?.symbol ?? "", cellWidth) }
                out += line.trimmingTrailingSpaces() + "\n"
            }
        }
        return out
    }

    /// RFC 4180 CSV: one row per proposal, one column per stakeholder (ids), cells the stance words.
    static func matrixCSV(_ m: StanceMatrix) -> String {
        var rows = [["proposal", "proposal_title"] + m.columns.map(\.id)]
        for (r, p) in m.rows.enumerated() {
            rows.append([p.id, p.title] + m.columns.indices.map { m.stance(row: r, column: $0)?.rawValue ?? "" })
        }
        return rows.map { $0.map(CSVExport.field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func compare(_ c: Comparison, _ corpus: Corpus) -> String {
        let a = c.first, b = c.second
        var out = PlainText.wrap("\(a.name) [\(a.id)] compared with \(b.name) [\(b.id)]") + "\n"
        var counts: [String: Int] = [:]
        for row in c.rows { counts[row.agreement.label, default: 0] += 1 }
        let order = ["agree", "close", "differ", "disagree", "one-sided"]
        out += PlainText.wrap("\(c.rows.count) proposals, \(c.shared.count) with both: "
            + order.compactMap { k in counts[k].map { "\($0) \(k)" } }.joined(separator: ", ")) + "\n"
        for row in c.rows {
            out += "\n" + PlainText.wrap("\(row.proposal.title) [\(row.proposal.id)]") + "\n"
            out += "  => \(row.agreement.label)\n"
            let listed = PositionText(showsProposal: false, full: false, indent: 4, bodyIndent: 6)
            for (who, position) in [(a, row.first), (b, row.second)] {
                guard let position else {
                    out += PlainText.wrap("\(who.name): no position recorded", indent: "      ", firstIndent: "    ") + "\n"
                    continue
                }
                out += PlainText.render(listed.blocks(position, in: corpus))
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
